//! Reading the JSON body of an API request, shared by `POST /api/v1/tickets` and
//! `POST /api/v1/feedback` so both answer a bad body with the same problems, in the same order:
//! body within limit (413), otherwise readable (400 `bad_body`), JSON media type if one is given
//! (415), then JSON (400 `malformed_json`).
//!
//! Hand-written rather than axum's `Json` extractor because its rejections are plain text, not
//! problem details, and it requires a `Content-Type` header.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode, header};
use serde_json::Value;

use crate::problem::Problem;

/// The body as a JSON value. `body_limit_bytes` is only quoted in the 413's detail;
/// `media_title` is the 415's title (e.g. "Send the ticket as application/json").
pub fn read_json(
    body: Result<Bytes, BytesRejection>,
    headers: &HeaderMap,
    body_limit_bytes: usize,
    media_title: &'static str,
) -> Result<Value, Problem> {
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Problem::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "Request body too large",
            )
            .detail(format!("At most {body_limit_bytes} bytes"))
        } else {
            Problem::new(
                StatusCode::BAD_REQUEST,
                "bad_body",
                "Unreadable request body",
            )
        }
    })?;
    if let Some(ct) = headers.get(header::CONTENT_TYPE) {
        let ct = ct.to_str().unwrap_or("").to_ascii_lowercase();
        if !(ct.starts_with("application/json") || ct.contains("+json")) {
            return Err(Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                media_title,
            ));
        }
    }
    serde_json::from_slice(&body).map_err(|e| {
        Problem::new(StatusCode::BAD_REQUEST, "malformed_json", "Malformed JSON")
            .detail(e.to_string())
    })
}
