//! The axum application: routes and shared state.

use std::future::Future;
use std::path::PathBuf;

use axum::{Json, Router, routing::get};
use serde_json::json;

use crate::{assets, demo};

/// What the server needs to know to build its router.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Directory of the built widget bundle.
    pub assets_dir: PathBuf,
}

/// Builds the router for `config`.
pub fn router(config: &ServerConfig) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .merge(demo::router())
        .merge(assets::router(&config.assets_dir))
}

/// Serves `config` on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    config: ServerConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(&config))
        .with_graceful_shutdown(shutdown)
        .await
}

async fn healthz() -> Json<serde_json::Value> {
    Json(json!({ "status": "ok", "version": koban_core::version::VERSION }))
}
