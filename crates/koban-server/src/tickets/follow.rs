//! Following requests from a page: how many have unread replies (the launcher badge, `POST
//! /api/v1/tickets/unread`), a live stream of changes (`POST /api/v1/tickets/live`), and the
//! requests of a verified identity from any device (`GET /api/v1/me/tickets`).
//!
//! The badge and the stream are POSTs because their body carries access tokens, which never go
//! into a URL (where proxies and logs keep them). The stream is Server-Sent Events read with
//! `fetch` (not `EventSource`, which cannot send a body): one connection per page, a comment
//! every 15 s keeps proxies from closing it, and it carries only the references of followed
//! requests that changed; the page then re-reads what it shows. Changes come from the store's
//! announcements ([`crate::store::live`]), so a reply written through any `koban` process on the
//! same database (`koban tickets reply` too) reaches a page connected to any other.

use std::collections::HashSet;
use std::convert::Infallible;
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream};
use koban_core::conversation::follow_up::{FOLLOWED_MAX, Followed, Unread};
use koban_core::conversation::{RequestSummary, badge_count};
use koban_core::ticket::reference;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::sync::broadcast::error::RecvError;

use super::{TicketsState, bearer, constant_time_eq, sha256_hex};
use crate::extract::{JsonBody, JsonRequest};
use crate::problem::{Problem, ProblemCode};
use crate::store::now_ms;

/// The requests a page follows as a JSON body: 400 `malformed_requests` when the JSON is not
/// one, or lists more than [`FOLLOWED_MAX`].
impl JsonRequest for Followed {
    const MEDIA_TITLE: &'static str = "Send the followed requests as application/json";

    fn from_json(value: &Value) -> Result<Self, Problem> {
        let followed: Followed = serde_json::from_value(value.clone())
            .map_err(|e| Problem::new(ProblemCode::MalformedRequests).detail(e.to_string()))?;
        if followed.tickets.len() > FOLLOWED_MAX {
            return Err(Problem::new(ProblemCode::MalformedRequests)
                .detail(format!("at most {FOLLOWED_MAX} requests")));
        }
        Ok(followed)
    }
}

/// The followed requests that exist and whose token matches, as summaries, in the order
/// followed (each once); one query for all of them ([`crate::store::summaries`]).
async fn summaries(
    state: &TicketsState,
    followed: &Followed,
) -> Result<Vec<RequestSummary>, Problem> {
    let asked: Vec<(String, &str)> = followed
        .tickets
        .iter()
        .filter_map(|f| Some((reference::normalize(&f.reference)?, f.token.as_str())))
        .collect();
    let references: Vec<String> = asked.iter().map(|(r, _)| r.clone()).collect();
    let mut found = state.store().summaries(&references).await?;
    let mut out: Vec<RequestSummary> = Vec::new();
    for (reference, token) in asked {
        let hash = sha256_hex(token.as_bytes());
        if let Some(i) = found.iter().position(|row| {
            row.summary.reference == reference && constant_time_eq(&hash, &row.access_token_hash)
        }) {
            out.push(found.swap_remove(i).summary);
        }
    }
    Ok(out)
}

/// Handler of `POST /api/v1/tickets/unread`.
#[utoipa::path(
    post,
    path = "/api/v1/tickets/unread",
    tag = "conversations",
    operation_id = "unreadTickets",
    summary = "Unread replies of the requests a page follows",
    description = "The launcher badge: how many of the listed requests (each with its access \
        token) have replies the user has not read, and each one's summary. Requests that do not \
        exist or whose token does not match are left out, the same either way. Small enough for \
        the loader to call before any wasm is fetched.",
    request_body(content = Followed, content_type = "application/json"),
    responses(
        (status = 200, description = "Unread counts.", body = Unread),
        (status = 400, description = "Malformed JSON, or not a list of requests.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 413, description = "Body larger than `body_limit_bytes`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 415, description = "Body not sent as `application/json`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 503, description = "Store unavailable or request timed out; retry.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
pub async fn unread(
    State(state): State<TicketsState>,
    body: Result<JsonBody<Followed>, Problem>,
) -> Result<Json<Unread>, Problem> {
    let JsonBody { body: followed, .. } = body?;
    let requests = summaries(&state, &followed).await?;
    Ok(Json(Unread {
        count: badge_count(&requests),
        requests,
    }))
}

/// How often the stream sends a keep-alive comment.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// One event of the live stream: `event: changed`, this data.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ChangedEvent {
    /// The followed request that changed (a reply, a status change): re-read it.
    pub reference: String,
}

/// Handler of `POST /api/v1/tickets/live`.
#[utoipa::path(
    post,
    path = "/api/v1/tickets/live",
    tag = "conversations",
    operation_id = "followTickets",
    summary = "Live changes of the requests a page follows",
    description = "A `text/event-stream` (Server-Sent Events, read with `fetch` because the body \
        carries access tokens): first `event: ready`, then `event: changed` with \
        `{\"reference\": …}` whenever a followed request gets a reply or changes status, and a \
        comment every 15 s. 404 when none of the listed requests exists with its token.",
    request_body(content = Followed, content_type = "application/json"),
    responses(
        (status = 200, description = "The stream.", content_type = "text/event-stream", body = ChangedEvent),
        (status = 400, description = "Malformed JSON, or not a list of requests.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 404, description = "None of the requests exists with its token.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 413, description = "Body larger than `body_limit_bytes`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 415, description = "Body not sent as `application/json`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 503, description = "Store unavailable or request timed out; retry.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
pub async fn live(
    State(state): State<TicketsState>,
    body: Result<JsonBody<Followed>, Problem>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, Problem> {
    let JsonBody { body: followed, .. } = body?;
    // Subscribe before reading, so no change between the two is missed.
    let changes = state.store().subscribe();
    let references: HashSet<String> = summaries(&state, &followed)
        .await?
        .into_iter()
        .map(|s| s.reference)
        .collect();
    if references.is_empty() {
        return Err(Problem::not_found());
    }
    let ready = stream::once(async { Ok(Event::default().event("ready").data("{}")) });
    let changed = stream::unfold((changes, references), |(mut changes, refs)| async move {
        loop {
            match changes.recv().await {
                Ok(reference) if refs.contains(&reference) => {
                    let data =
                        serde_json::to_string(&ChangedEvent { reference }).unwrap_or_default();
                    let event = Event::default().event("changed").data(data);
                    return Some((Ok(event), (changes, refs)));
                }
                Ok(_) => {}
                // Fell behind: some changes were dropped, so tell the page to re-read all.
                Err(RecvError::Lagged(_)) => {
                    let event = Event::default().event("changed").data("{}");
                    return Some((Ok(event), (changes, refs)));
                }
                Err(RecvError::Closed) => return None,
            }
        }
    });
    Ok(Sse::new(futures_util::StreamExt::chain(ready, changed))
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE)))
}

/// The 200 body of `GET /api/v1/me/tickets`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MyRequests {
    /// The identity's requests, most recently active first.
    pub requests: Vec<RequestSummary>,
    /// How many have unread replies.
    pub unread: u32,
}

/// Most requests `GET /api/v1/me/tickets` lists.
const MINE_MAX: i64 = 100;

/// Handler of `GET /api/v1/me/tickets`.
#[utoipa::path(
    get,
    path = "/api/v1/me/tickets",
    tag = "conversations",
    operation_id = "myTickets",
    summary = "Your requests, from any device",
    description = "For a user the platform vouches for: `Authorization: Bearer <identity \
        token>` (the HS256 JWT of `Koban('identify')`, verified with `identity_secret`). Lists \
        the requests filed with the token's `email` by a verified sender (at most 100, most \
        recently active first). Without a valid token: 401.",
    security(("identity_token" = [])),
    responses(
        (status = 200, description = "The requests.", body = MyRequests),
        (status = 401, description = "No valid identity token.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("WWW-Authenticate" = String, description = "`Bearer`"))),
        (status = 503, description = "Store unavailable or request timed out; retry.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
pub async fn mine(
    State(state): State<TicketsState>,
    headers: HeaderMap,
) -> Result<Json<MyRequests>, Problem> {
    let email = bearer(&headers)
        .and_then(|token| {
            super::identity::verified_email(
                token,
                state.config().identity_secret.as_deref(),
                now_ms() / 1000,
            )
            .ok()
        })
        .ok_or_else(|| Problem::new(ProblemCode::IdentityRequired))?;
    let requests = state.store().requests_of(&email, MINE_MAX).await?;
    Ok(Json(MyRequests {
        unread: badge_count(&requests),
        requests,
    }))
}
