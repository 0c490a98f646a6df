//! The demo dashboard of a compute-sharing platform, with the floating widget (`/demo`) and the
//! inline help panel (`/demo/inline`). The pages are compiled into the binary.

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

const INDEX: &str = include_str!("../demo/index.html");
const INLINE: &str = include_str!("../demo/inline.html");
const SCRIPT: &str = include_str!("../demo/demo.js");
const STYLE: &str = include_str!("../demo/demo.css");

/// Demo routes.
pub fn router() -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { axum::response::Redirect::temporary("/demo") }),
        )
        .route("/demo", get(|| async { html(INDEX) }))
        .route("/demo/inline", get(|| async { html(INLINE) }))
        .route(
            "/demo/demo.js",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                    SCRIPT,
                )
            }),
        )
        .route(
            "/demo/demo.css",
            get(|| async { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE) }),
        )
}

fn html(body: &'static str) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body)
}
