//! `POST /api/v1/feedback`: a batch of feedback events, stored whole or not at all.
//!
//! Order of checks: client IP rate limit (429), body within limit (413), JSON media type (415),
//! JSON (400), an object (400), then koban-core's [`parse_batch`]: 422 `validation_failed` with
//! `errors: [{ field, code, max? }]`, one per problem, paths like `events[3].query`. A valid
//! batch is stored in one transaction and answered `202 { "accepted": n }`.

use std::time::Instant;

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use koban_core::feedback::{FeedbackBatch, FeedbackFieldError, parse_batch};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::FeedbackState;
use crate::extract::{JsonBody, JsonRequest};
use crate::limits::rate_limited;
use crate::problem::{Problem, ProblemCode};
use crate::store::feedback::NewFeedback;
use crate::store::now_ms;
use crate::tickets::{ClientIp, random_hex};

/// The 202 body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct FeedbackAccepted {
    /// Number of events stored (all of the batch).
    #[schema(minimum = 1, maximum = 50)]
    pub accepted: usize,
}

/// The 422 body: a problem (`validation_failed`) with the rejected fields of the batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct FeedbackProblem {
    /// `urn:koban:problem:validation_failed`.
    #[serde(rename = "type")]
    #[schema(pattern = "^urn:koban:problem:[a-z_]+$")]
    pub type_uri: String,
    /// Short, human-readable summary (English).
    pub title: String,
    /// `422`.
    #[schema(minimum = 422, maximum = 422)]
    pub status: u16,
    /// `validation_failed`.
    #[schema(pattern = "^[a-z_]+$")]
    pub code: String,
    /// Every rejected field, with its path (`events`, `events[3]`, `events[3].query`).
    pub errors: Vec<FeedbackFieldError>,
}

/// Handler of `POST /api/v1/feedback`.
#[utoipa::path(
    post,
    path = "/api/v1/feedback",
    tag = "feedback",
    operation_id = "sendFeedback",
    summary = "Report feedback events",
    description = "A batch of 1 to 50 events the widget collected: an article rated helpful or \
        not, a search without results, a search after which the user opened the ticket form, a \
        guided flow's outcome. The whole batch is validated and stored in one transaction, or \
        rejected with every invalid field (paths such as `events[3].query`). Queries are stored \
        trimmed, with a normalized form (whitespace collapsed, lowercased) that `koban report` \
        groups by; no client address or identity is stored. Members not described here are \
        ignored.",
    request_body(content = koban_core::feedback::FeedbackBatch, content_type = "application/json"),
    responses(
        (status = 202, description = "Stored.", body = FeedbackAccepted),
        (status = 400, description = "Malformed JSON, or not a JSON object.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 413, description = "Body larger than `body_limit_bytes`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 415, description = "Body not sent as `application/json`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 422, description = "Invalid batch (`validation_failed` with `errors`).", body = FeedbackProblem, content_type = "application/problem+json"),
        (status = 429, description = "Too many batches from this address.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
        (status = 503, description = "Store unavailable or request timed out; nothing was stored, retry.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
pub async fn submit(
    State(state): State<FeedbackState>,
    Extension(ClientIp(ip)): Extension<ClientIp>,
    body: Result<JsonBody<FeedbackBatch>, Problem>,
) -> Result<(StatusCode, Json<FeedbackAccepted>), Problem> {
    if let Some(ip) = ip
        && let Err(wait) = state.0.ip_limiter.check(&ip.to_string(), Instant::now())
    {
        return Err(rate_limited(
            wait,
            "Too much feedback from this address; try again later",
        ));
    }
    // Reported after the rate limit, as documented.
    let JsonBody { body: batch, .. } = body?;
    let now = now_ms();
    let rows: Vec<NewFeedback> = batch
        .events
        .into_iter()
        .map(|event| NewFeedback {
            id: format!("fb_{}", random_hex(16)),
            event,
            created_at: now,
        })
        .collect();
    state.store().insert_feedback(&rows).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(FeedbackAccepted {
            accepted: rows.len(),
        }),
    ))
}

/// A feedback batch as a JSON body: 400 `malformed_feedback` when the JSON is not an object,
/// 422 `validation_failed` with every invalid field ([`parse_batch`]).
impl JsonRequest for FeedbackBatch {
    const MEDIA_TITLE: &'static str = "Send the feedback as application/json";

    fn from_json(value: &Value) -> Result<Self, Problem> {
        if !value.is_object() {
            return Err(Problem::new(ProblemCode::MalformedFeedback)
                .detail("Send a JSON object { \"events\": [...] }"));
        }
        Ok(parse_batch(value)?)
    }
}
