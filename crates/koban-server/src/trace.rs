//! Request tracing and the log output.
//!
//! Every request gets a request id: the client's `X-Request-Id` when it is a sane one (1 to
//! [`MAX_REQUEST_ID_LEN`] visible ASCII characters), a new UUID otherwise. It is sent back in the
//! response's `X-Request-Id` and carried by the request's span, so it appears in the request's
//! own log line and in every line logged while handling it:
//!
//! ```text
//! INFO request{method=POST route=/api/v1/tickets request_id=abc-123}: koban_server::trace: response status=201 latency_ms=4.2
//! ```
//!
//! The span holds the method and the matched route (`/api/v1/tickets/{reference}`), never the
//! URI, its query or a header: nothing a token could travel in reaches the log.
//!
//! tower-http does the work ([`TraceLayer`], [`SetRequestIdLayer`], [`PropagateRequestIdLayer`]);
//! the one thing written here is the check of the client's id, which tower-http keeps as sent.

use std::io::IsTerminal;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderName, HeaderValue, Response};
use axum::middleware;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use tracing::Span;

/// The header of the request id, in and out.
pub const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The longest request id taken from a client.
pub const MAX_REQUEST_ID_LEN: usize = 128;

/// The format of the log lines (`koban serve --log-format`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// One human-readable line per event.
    #[default]
    Text,
    /// One JSON object per line, for log shippers; the request's fields are under `span`.
    Json,
}

/// Installs the global log subscriber: `RUST_LOG` (default `koban_server=info,tower_http=warn`),
/// to standard output, coloured only on a terminal.
pub fn init(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "koban_server=info,tower_http=warn".into());
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Text => builder.with_ansi(std::io::stdout().is_terminal()).init(),
        LogFormat::Json => builder.json().with_span_list(false).init(),
    }
}

/// `router` with a request id on every request and response, and one log line per request.
pub fn layers(router: Router) -> Router {
    let trace = TraceLayer::new_for_http()
        .make_span_with(span)
        .on_request(())
        .on_response(on_response::<Body>)
        .on_body_chunk(())
        .on_eos(())
        .on_failure(());
    // The last layer added runs first: check the client's id, make one if needed, then trace.
    router
        .layer(trace)
        .layer(PropagateRequestIdLayer::new(X_REQUEST_ID))
        .layer(SetRequestIdLayer::new(X_REQUEST_ID, MakeRequestUuid))
        .layer(middleware::map_request(keep_sane_request_id))
}

/// Whether `value` may be used as a request id as sent.
pub fn is_sane_request_id(value: &HeaderValue) -> bool {
    let bytes = value.as_bytes();
    (1..=MAX_REQUEST_ID_LEN).contains(&bytes.len()) && bytes.iter().all(|b| b.is_ascii_graphic())
}

/// Drops every `X-Request-Id` but a first, sane one, so that a new id is made instead.
async fn keep_sane_request_id(mut req: Request) -> Request {
    let headers = req.headers_mut();
    let sane = headers
        .get(&X_REQUEST_ID)
        .filter(|v| is_sane_request_id(v))
        .cloned();
    headers.remove(&X_REQUEST_ID);
    if let Some(id) = sane {
        headers.insert(X_REQUEST_ID, id);
    }
    req
}

fn span(req: &Request) -> Span {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("(none)", MatchedPath::as_str);
    let id = req
        .headers()
        .get(&X_REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    tracing::info_span!("request", method = %req.method(), route = %route, request_id = %id)
}

fn on_response<B>(res: &Response<B>, latency: Duration, _span: &Span) {
    let status = res.status().as_u16();
    let latency_ms = (latency.as_secs_f64() * 10_000.0).round() / 10.0;
    if res.status().is_server_error() {
        tracing::warn!(status, latency_ms, "response");
    } else {
        tracing::info!(status, latency_ms, "response");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_short_visible_ascii() {
        for ok in [
            "abc-123",
            "x",
            "0f1e2d3c-aaaa-bbbb-cccc-0123456789ab",
            "a/b:c=d",
        ] {
            assert!(is_sane_request_id(&HeaderValue::from_static(ok)), "{ok}");
        }
        let long = "a".repeat(MAX_REQUEST_ID_LEN + 1);
        for bad in ["", "a b", "tab\there", long.as_str()] {
            assert!(
                !is_sane_request_id(&HeaderValue::from_str(bad).unwrap()),
                "{bad:?}"
            );
        }
        let obs_text = HeaderValue::from_bytes(b"caf\xe9").unwrap();
        assert!(!is_sane_request_id(&obs_text));
    }
}
