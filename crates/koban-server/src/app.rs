//! The axum application: routes and shared state.

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;

use axum::{Json, Router, routing::get};
use serde_json::json;

use crate::content::ContentStore;
use crate::{assets, content, demo};

/// What the server needs to know to build its router.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Directory of the built widget bundle.
    pub assets_dir: PathBuf,
    /// Compiled help content for `GET /api/v1/content` (`None`: the route is not mounted).
    pub content: Option<Arc<ContentStore>>,
    /// Ticket intake under `/api/v1/tickets` (`None`: the routes are not mounted).
    pub tickets: Option<crate::tickets::TicketsState>,
    /// Feedback intake, `POST /api/v1/feedback` (`None`: the route is not mounted).
    pub feedback: Option<crate::feedback::FeedbackState>,
    /// The widget's UI strings, `GET /api/v1/locales/{locale}` (`None`: not mounted).
    pub locales: Option<Arc<crate::locales::LocaleTables>>,
}

/// Builds the router for `config`, every route with its request id and log line
/// ([`crate::trace`]).
pub fn router(config: &ServerConfig) -> Router {
    let mut app = Router::new()
        .route("/healthz", get(healthz))
        .merge(demo::router())
        .merge(assets::router(&config.assets_dir));
    if let Some(store) = &config.content {
        // Help content is public, like the widget assets: readable from any embedding origin.
        let public = tower_http::set_header::SetResponseHeaderLayer::if_not_present(
            axum::http::header::ACCESS_CONTROL_ALLOW_ORIGIN,
            axum::http::HeaderValue::from_static("*"),
        );
        app = app.merge(content::api::router(Arc::clone(store)).layer(public.clone()));
    }
    if let Some(tables) = &config.locales {
        let public = tower_http::set_header::SetResponseHeaderLayer::if_not_present(
            axum::http::header::ACCESS_CONTROL_ALLOW_ORIGIN,
            axum::http::HeaderValue::from_static("*"),
        );
        app = app.merge(crate::locales::router(Arc::clone(tables)).layer(public));
    }
    if let Some(tickets) = &config.tickets {
        app = app.merge(crate::tickets::router(tickets.clone()));
    }
    if let Some(feedback) = &config.feedback {
        app = app.merge(crate::feedback::router(feedback.clone()));
    }
    crate::trace::layers(app)
}

/// Serves `config` on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    config: ServerConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // Connect info gives the ticket API the peer address for per-IP rate limits.
    let app = router(&config).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

async fn healthz() -> Json<serde_json::Value> {
    Json(json!({ "status": "ok", "version": koban_core::version::VERSION }))
}
