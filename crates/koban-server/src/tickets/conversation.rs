//! The user's side of a conversation, each call authorized by the ticket's access token
//! (`Authorization: Bearer <accessToken>`); a wrong token and an unknown reference get the same
//! 404:
//!
//! - `POST /api/v1/tickets/{reference}/messages`: a follow-up, exactly once
//!   (`Idempotency-Key`), validated like a ticket, under the same per-IP rate limit;
//! - `POST /api/v1/tickets/{reference}/solve`: "This solved my problem";
//! - `PUT /api/v1/tickets/{reference}/rating`: the satisfaction rating;
//! - `POST /api/v1/tickets/{reference}/read`: the read mark (replies seen so far).
//!
//! Status changes follow koban-core's rules ([`koban_core::conversation::Status::apply`]). A
//! follow-up and a new or changed rating reach the team's delivery targets through the outbox,
//! written in the same transaction ([`crate::store::outbox`]).

use std::time::Instant;

use axum::Json;
use axum::extract::{Extension, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use koban_core::conversation::follow_up::{FollowUpDraft, validate_follow_up};
use koban_core::conversation::rating::{RatingDraft, RatingRefused, validate_rating};
use koban_core::conversation::{Event, Rating, Status};
use koban_core::ticket::reference;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::create::{ClaimGuard, attachment_ids, claim, in_flight, replayed, unknown_attachment};
use super::{ClientIp, TicketsState, bearer, constant_time_eq, sha256_hex};
use crate::extract::{IdempotencyKey, JsonBody, JsonRequest};
use crate::limits::too_many;
use crate::problem::{Problem, ProblemCode};
use crate::store::conversation::Changed;
use crate::store::now_ms;
use crate::store::replies::{MessageAdded, MessageAuthor, NewMessage};
use crate::store::tickets::TicketRecord;

/// The ticket `reference` names if `headers` carry its access token, or the identity token of
/// the verified sender who filed it (a user the platform vouches for follows their requests from
/// any device: `GET /api/v1/me/tickets` lists them); 404 otherwise (the same answer for an
/// unknown reference, a missing and a wrong token).
pub async fn owned_ticket(
    state: &TicketsState,
    reference: &str,
    headers: &HeaderMap,
) -> Result<TicketRecord, Problem> {
    let token = bearer(headers).ok_or_else(Problem::not_found)?;
    if let Some(ticket) = ticket_with_token(state, reference, token).await? {
        return Ok(ticket);
    }
    let secret = state.config().identity_secret.as_deref();
    let email = super::identity::verified_email(token, secret, now_ms() / 1000)
        .map_err(|_| Problem::not_found())?;
    let reference = reference::normalize(reference).ok_or_else(Problem::not_found)?;
    match state.store().ticket_with_token_hash(&reference).await? {
        Some((ticket, _)) if ticket.verified && ticket.email.eq_ignore_ascii_case(email.trim()) => {
            Ok(ticket)
        }
        _ => Err(Problem::not_found()),
    }
}

/// The ticket `reference` names if `token` is its access token.
pub async fn ticket_with_token(
    state: &TicketsState,
    reference: &str,
    token: &str,
) -> Result<Option<TicketRecord>, Problem> {
    let Some(reference) = reference::normalize(reference) else {
        return Ok(None);
    };
    Ok(
        match state.store().ticket_with_token_hash(&reference).await? {
            Some((ticket, hash)) if constant_time_eq(&sha256_hex(token.as_bytes()), &hash) => {
                Some(ticket)
            }
            _ => None,
        },
    )
}

/// The 201 body of a follow-up.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreatedMessage {
    /// Opaque message id.
    #[schema(pattern = "^rpl_[0-9a-f]{32}$")]
    pub id: String,
    /// RFC 3339 time it was stored.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// The request's status after it (a follow-up reopens an answered, solved or closed one).
    pub status: Status,
}

/// A follow-up as a JSON body: 400 `malformed_message` when the JSON is not one.
impl JsonRequest for FollowUpDraft {
    const MEDIA_TITLE: &'static str = "Send the message as application/json";

    fn from_json(value: &Value) -> Result<Self, Problem> {
        serde_json::from_value(value.clone())
            .map_err(|e| Problem::new(ProblemCode::MalformedMessage).detail(e.to_string()))
    }
}

/// A rating as a JSON body: 400 `malformed_rating` when the JSON is not one.
impl JsonRequest for RatingDraft {
    const MEDIA_TITLE: &'static str = "Send the rating as application/json";

    fn from_json(value: &Value) -> Result<Self, Problem> {
        serde_json::from_value(value.clone())
            .map_err(|e| Problem::new(ProblemCode::MalformedRating).detail(e.to_string()))
    }
}

const REF: &str = "The reference, e.g. `KB-7F3K-92QD` (case and dashes are forgiven).";

/// Handler of `POST /api/v1/tickets/{reference}/messages`.
#[utoipa::path(
    post,
    path = "/api/v1/tickets/{reference}/messages",
    tag = "conversations",
    operation_id = "addMessage",
    summary = "Answer your request, exactly once",
    description = "Adds the user's follow-up to the conversation. The same guarantees as a new \
        ticket: a fresh `Idempotency-Key` per message, reused on retries (same key and body: the \
        stored response again with `Idempotent-Replayed: true`; another body: 422; still \
        running: 409), the same validation limits and the same per-address rate limit. A \
        follow-up reopens an answered, solved or closed request.",
    params(
        ("reference" = String, Path, description = REF),
        ("Idempotency-Key" = String, Header,
            description = "A fresh random value (a UUID) per message, reused on retries of that message.",
            min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body(content = FollowUpDraft, content_type = "application/json"),
    security(("access_token" = [])),
    responses(
        (status = 201, description = "Stored (or, with `Idempotent-Replayed: true`, stored earlier).", body = CreatedMessage,
            headers(("Idempotent-Replayed" = String, description = "`true` when this is the stored response of an earlier request with the same key and body."))),
        (status = 400, description = "`Idempotency-Key` missing or invalid, malformed JSON, or not a message.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 404, description = "No such request, or not yours.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 409, description = "A request with this `Idempotency-Key` is still being processed.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
        (status = 413, description = "Body larger than `body_limit_bytes`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 415, description = "Body not sent as `application/json`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`validation_failed` with `errors`) or the `Idempotency-Key` was used for another body.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 429, description = "Too many messages from this address.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
        (status = 503, description = "Store unavailable or request timed out; retry with the same key.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
pub async fn add_message(
    State(state): State<TicketsState>,
    Extension(ClientIp(ip)): Extension<ClientIp>,
    Path(reference): Path<String>,
    headers: HeaderMap,
    key: Result<IdempotencyKey, Problem>,
    body: Result<JsonBody<FollowUpDraft>, Problem>,
) -> Result<Response, Problem> {
    let config = state.config();
    let store = state.store();
    if let Some(ip) = ip
        && let Err(wait) = state.0.ip_limiter.check(&ip.to_string(), Instant::now())
    {
        return Err(too_many(wait, "address"));
    }
    let ticket = owned_ticket(&state, &reference, &headers).await?;
    let IdempotencyKey(key) = key?;
    let JsonBody { json, body: draft } = body?;
    validate_follow_up(&draft, &config.rules.limits)?;
    let attachments = attachment_ids(&draft.attachments, config)?;
    // The key is bound to this ticket and this body.
    let hash = sha256_hex(format!("{}\n{json}", ticket.id).as_bytes());
    if let Some(stored) = claim(&state, &key, &hash).await? {
        return Ok(replayed(stored));
    }
    let mut guard = ClaimGuard::new(store, &key, &hash);
    let message = NewMessage {
        author: &MessageAuthor::User,
        body: &draft.body,
        public: true,
        attachments: &attachments,
        deliver_to: &config.delivery_targets,
        via: None,
        received: None,
    };
    let response = |reply: &crate::store::replies::ReplyRecord, status: Status| CreatedMessage {
        id: reply.id.clone(),
        created_at: reply.created_at.clone(),
        status,
    };
    let outcome = store
        .add_message(
            &ticket.reference,
            message,
            Some((&key, &hash)),
            |reply, status| serde_json::to_string(&response(reply, status)).unwrap_or_default(),
        )
        .await?;
    let created = match outcome {
        MessageAdded::Stored { reply, status } => response(&reply, status),
        MessageAdded::UnknownAttachment(id) => {
            tracing::info!("follow-up refers to unknown attachment {id}");
            return Err(unknown_attachment());
        }
        MessageAdded::ClaimLost => {
            guard.disarm();
            return Err(in_flight());
        }
        // `Duplicate` only answers a message with `received` (mail), which this is not.
        MessageAdded::NoTicket | MessageAdded::Duplicate => return Err(Problem::not_found()),
    };
    guard.disarm();
    state.0.delivery.notify_one();
    if state.0.faults.take_drop() {
        // Committed; now vanish without a response, like a connection lost on the way back.
        std::panic::resume_unwind(Box::new("fault injection: drop after commit"));
    }
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

/// The status after an event.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StatusBody {
    /// The request's status now.
    pub status: Status,
}

/// Handler of `POST /api/v1/tickets/{reference}/solve`.
#[utoipa::path(
    post,
    path = "/api/v1/tickets/{reference}/solve",
    tag = "conversations",
    operation_id = "solveTicket",
    summary = "Mark your request solved",
    description = "\"This solved my problem\": an open or answered request becomes `solved` (a \
        closed one stays closed). Idempotent. A later follow-up reopens it.",
    params(("reference" = String, Path, description = REF)),
    security(("access_token" = [])),
    responses(
        (status = 200, description = "The status now.", body = StatusBody),
        (status = 404, description = "No such request, or not yours.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 503, description = "Store unavailable or request timed out; retry.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
pub async fn solve(
    State(state): State<TicketsState>,
    Path(reference): Path<String>,
    headers: HeaderMap,
) -> Result<Json<StatusBody>, Problem> {
    let ticket = owned_ticket(&state, &reference, &headers).await?;
    match state
        .store()
        .apply_status_event(&ticket.reference, Event::SolvedByUser)
        .await?
    {
        Changed::Done(status) => Ok(Json(StatusBody { status })),
        Changed::NoTicket => Err(Problem::not_found()),
    }
}

/// Handler of `PUT /api/v1/tickets/{reference}/rating`.
#[utoipa::path(
    put,
    path = "/api/v1/tickets/{reference}/rating",
    tag = "conversations",
    operation_id = "rateTicket",
    summary = "Rate the answer to your request",
    description = "Good or bad, with an optional comment, once the request is solved or closed \
        (409 `not_finished` before). It can be changed for 7 days after the first rating (409 \
        `rating_locked` after); `ratedAt` stays the first rating's time.",
    params(("reference" = String, Path, description = REF)),
    request_body(content = RatingDraft, content_type = "application/json"),
    security(("access_token" = [])),
    responses(
        (status = 200, description = "Stored.", body = Rating),
        (status = 400, description = "Malformed JSON, or not a rating.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 404, description = "No such request, or not yours.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 409, description = "Not solved or closed (`not_finished`), or no longer changeable (`rating_locked`).", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 413, description = "Body larger than `body_limit_bytes`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 415, description = "Body not sent as `application/json`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 422, description = "The comment is too long or has invalid characters (`validation_failed`).", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 503, description = "Store unavailable or request timed out; retry.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
pub async fn rate(
    State(state): State<TicketsState>,
    Path(reference): Path<String>,
    headers: HeaderMap,
    body: Result<JsonBody<RatingDraft>, Problem>,
) -> Result<Json<Rating>, Problem> {
    let ticket = owned_ticket(&state, &reference, &headers).await?;
    let JsonBody { body: draft, .. } = body?;
    validate_rating(&draft)?;
    let targets = &state.config().delivery_targets;
    match state
        .store()
        .rate(&ticket.reference, &draft, targets)
        .await?
    {
        Changed::Done(Ok(rating)) => {
            state.0.delivery.notify_one();
            Ok(Json(rating))
        }
        Changed::Done(Err(RatingRefused::NotFinished)) => Err(ProblemCode::NotFinished.into()),
        Changed::Done(Err(RatingRefused::Locked)) => Err(ProblemCode::RatingLocked.into()),
        Changed::NoTicket => Err(Problem::not_found()),
    }
}

/// Handler of `POST /api/v1/tickets/{reference}/read`.
#[utoipa::path(
    post,
    path = "/api/v1/tickets/{reference}/read",
    tag = "conversations",
    operation_id = "markTicketRead",
    summary = "Mark the replies read",
    description = "Every reply stored so far counts as read (for `unread` and the launcher \
        badge). Idempotent; a read mark never moves back.",
    params(("reference" = String, Path, description = REF)),
    security(("access_token" = [])),
    responses(
        (status = 204, description = "Marked."),
        (status = 404, description = "No such request, or not yours.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 503, description = "Store unavailable or request timed out; retry.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
pub async fn mark_read(
    State(state): State<TicketsState>,
    Path(reference): Path<String>,
    headers: HeaderMap,
) -> Result<StatusCode, Problem> {
    let ticket = owned_ticket(&state, &reference, &headers).await?;
    state.store().mark_read(&ticket.id, now_ms()).await?;
    Ok(StatusCode::NO_CONTENT)
}
