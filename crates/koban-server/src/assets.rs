//! The widget's static files.
//!
//! - `/koban.js`: the loader of the current version, `Cache-Control: max-age=300`, so hosts that
//!   embed it pick up a new release within minutes.
//! - `/v/<version>/*`: versioned assets (loader, wasm, JS glue), `max-age=31536000, immutable`.
//!
//! All of them are public (`Access-Control-Allow-Origin: *`), so any host origin can load them,
//! and served with their MIME type (`application/wasm` for streaming instantiation). Precompressed
//! `.br`/`.gz` siblings are served when the client accepts them.

use std::path::Path;

use axum::Router;
use axum::http::{HeaderValue, header};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// Cache policy of `/koban.js`.
pub const LOADER_CACHE: &str = "public, max-age=300";
/// Cache policy of everything under `/v/<version>/`.
pub const VERSIONED_CACHE: &str = "public, max-age=31536000, immutable";

/// Routes for the bundle in `dir` (as laid out by `scripts/package.mjs`).
pub fn router(dir: &Path) -> Router {
    let cors = SetResponseHeaderLayer::overriding(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    let loader = Router::new()
        .route_service(
            "/koban.js",
            ServeFile::new(dir.join("koban.js"))
                .precompressed_gzip()
                .precompressed_br(),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static(LOADER_CACHE),
        ));
    let versioned = Router::new()
        .nest_service(
            "/v",
            ServeDir::new(dir.join("v"))
                .precompressed_gzip()
                .precompressed_br(),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static(VERSIONED_CACHE),
        ));
    loader.merge(versioned).layer(cors)
}
