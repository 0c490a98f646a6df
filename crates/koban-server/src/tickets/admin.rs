//! The agents' side of conversations for a team's own tools, behind the admin token (off
//! without one, 404; 401 for a wrong one), like `GET /api/v1/admin/tickets`:
//!
//! - `POST /api/v1/admin/tickets/{reference}/replies`: a public reply (with the agent's display
//!   name) or an internal note, as `koban tickets reply`;
//! - `POST /api/v1/admin/tickets/{reference}/close`: as `koban tickets close`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use koban_core::conversation::Event;
use koban_core::conversation::follow_up::{FollowUpDraft, validate_follow_up};
use koban_core::ticket::{ErrorCode, FieldError, FieldErrors, TicketLimits, reference};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::conversation::StatusBody;
use super::{TicketsState, bearer, constant_time_eq};
use crate::extract::{JsonBody, JsonRequest};
use crate::problem::{Problem, ProblemCode};
use crate::store::conversation::Changed;
use crate::store::replies::{MessageAdded, MessageAuthor, NewMessage};

/// 404 when the admin API is off, 401 unless `headers` carry the admin token.
pub fn authorize(state: &TicketsState, headers: &HeaderMap) -> Result<(), Problem> {
    let Some(expected) = state.config().admin_token.as_deref() else {
        return Err(Problem::not_found());
    };
    if bearer(headers).is_some_and(|t| constant_time_eq(t, expected)) {
        Ok(())
    } else {
        Err(ProblemCode::Unauthorized.into())
    }
}

/// An agent's reply: `{ "body": "…", "agent": "Grace", "internal": false }`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgentReply {
    /// The text (plain text; at most `description_max` characters, 10,000 by default).
    // The pattern is `openapi::refine::nonblank_no_nul` (koban-core's check: not blank, no NUL).
    #[schema(
        min_length = 1,
        max_length = 10_000,
        pattern = "^[^\\u0000]*[^\\u0000\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000][^\\u0000]*$"
    )]
    pub body: String,
    /// The display name the user sees next to the reply (default: "Support", localized).
    #[serde(default)]
    #[schema(max_length = 200, pattern = "^[^\\u0000]*$")]
    pub agent: Option<String>,
    /// An internal note, never shown to the user.
    #[serde(default)]
    pub internal: bool,
}

/// Longest agent display name, in characters.
pub const AGENT_NAME_MAX: usize = 200;

/// An agent's reply as a JSON body: 400 `malformed_message` when the JSON is not one (its
/// fields are checked by [`validate`]).
impl JsonRequest for AgentReply {
    const MEDIA_TITLE: &'static str = "Send the reply as application/json";

    fn from_json(value: &Value) -> Result<Self, Problem> {
        serde_json::from_value(value.clone())
            .map_err(|e| Problem::new(ProblemCode::MalformedMessage).detail(e.to_string()))
    }
}

/// Checks a reply as the widget's follow-ups are checked (koban-core's [`validate_follow_up`]:
/// the body required, at most `description_max` characters, no NUL) and the agent's name (at
/// most [`AGENT_NAME_MAX`] characters, no NUL): every problem in one 422 `validation_failed`.
fn validate(reply: &AgentReply, limits: &TicketLimits) -> Result<(), FieldErrors> {
    let draft = FollowUpDraft {
        body: reply.body.clone(),
        attachments: Vec::new(),
    };
    let mut errors = validate_follow_up(&draft, limits).err().unwrap_or_default();
    if let Some(agent) = &reply.agent {
        let code = if agent.chars().count() > AGENT_NAME_MAX {
            Some(ErrorCode::TooLong)
        } else if agent.contains('\0') {
            Some(ErrorCode::InvalidCharacter)
        } else {
            None
        };
        errors.0.extend(code.map(|code| FieldError {
            field: "agent".into(),
            code,
            max: (code == ErrorCode::TooLong).then_some(AGENT_NAME_MAX),
        }));
    }
    if errors.0.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

const REF: &str = "The reference, e.g. `KB-7F3K-92QD` (case and dashes are forgiven).";

/// Handler of `POST /api/v1/admin/tickets/{reference}/replies`.
#[utoipa::path(
    post,
    path = "/api/v1/admin/tickets/{reference}/replies",
    tag = "admin",
    operation_id = "replyToTicket",
    summary = "Reply to a ticket (agents)",
    description = "A public reply the user reads in the widget (an open ticket becomes \
        `answered`) and, when replies by email are on, gets by email; or with `internal` a note \
        only agents see. Needs `Authorization: Bearer <admin_token>`.",
    params(("reference" = String, Path, description = REF)),
    request_body(content = AgentReply, content_type = "application/json"),
    security(("admin_token" = [])),
    responses(
        (status = 201, description = "Stored; the ticket's status after it.", body = StatusBody),
        (status = 400, description = "Malformed JSON, or not a reply.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "Missing or wrong admin token.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("WWW-Authenticate" = String, description = "`Bearer`"))),
        (status = 404, description = "No such ticket, or the admin API is off.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 413, description = "Body larger than `body_limit_bytes`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 415, description = "Body not sent as `application/json`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`validation_failed` with `errors`): the body empty or too long, the agent's name too long.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 503, description = "Store unavailable or request timed out; retry.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
pub async fn reply(
    State(state): State<TicketsState>,
    Path(reference): Path<String>,
    headers: HeaderMap,
    body: Result<JsonBody<AgentReply>, Problem>,
) -> Result<impl IntoResponse, Problem> {
    authorize(&state, &headers)?;
    let JsonBody { body: reply, .. } = body?;
    validate(&reply, &state.config().rules.limits)?;
    let reference = reference::normalize(&reference).ok_or_else(Problem::not_found)?;
    let author = MessageAuthor::Agent(reply.agent.filter(|a| !a.trim().is_empty()));
    let message = NewMessage {
        author: &author,
        body: &reply.body,
        public: !reply.internal,
        attachments: &[],
        deliver_to: &state.config().requester_targets,
        via: None,
        received: None,
    };
    match state
        .store()
        .add_message(&reference, message, None, |_, _| String::new())
        .await?
    {
        MessageAdded::Stored { status, .. } => {
            Ok((StatusCode::CREATED, Json(StatusBody { status })))
        }
        _ => Err(Problem::not_found()),
    }
}

/// Handler of `POST /api/v1/admin/tickets/{reference}/close`.
#[utoipa::path(
    post,
    path = "/api/v1/admin/tickets/{reference}/close",
    tag = "admin",
    operation_id = "closeTicket",
    summary = "Close a ticket (agents)",
    description = "Closes the ticket (a solved one stays solved); a follow-up from the user \
        reopens it. Needs `Authorization: Bearer <admin_token>`.",
    params(("reference" = String, Path, description = REF)),
    security(("admin_token" = [])),
    responses(
        (status = 200, description = "The status now.", body = StatusBody),
        (status = 401, description = "Missing or wrong admin token.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("WWW-Authenticate" = String, description = "`Bearer`"))),
        (status = 404, description = "No such ticket, or the admin API is off.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 503, description = "Store unavailable or request timed out; retry.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
pub async fn close(
    State(state): State<TicketsState>,
    Path(reference): Path<String>,
    headers: HeaderMap,
) -> Result<Json<StatusBody>, Problem> {
    authorize(&state, &headers)?;
    let reference = reference::normalize(&reference).ok_or_else(Problem::not_found)?;
    match state
        .store()
        .apply_status_event(&reference, Event::ClosedByAgent)
        .await?
    {
        Changed::Done(status) => Ok(Json(StatusBody { status })),
        Changed::NoTicket => Err(Problem::not_found()),
    }
}
