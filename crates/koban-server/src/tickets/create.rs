//! `POST /api/v1/tickets`: exactly-once ticket creation.
//!
//! Order of checks, cheapest and stateless first:
//! 1. client IP rate limit (429), `Idempotency-Key` present (400), body within limit (413),
//!    body is a JSON ticket (400);
//! 2. honeypot (`website` filled) or fill time below `min_fill_ms` (`fillMs` missing counts as 0):
//!    422 with code `spam_suspected` or `too_fast`; counted in the store, nothing else stored;
//! 3. validation with koban-core's [`validate`]: 422 with `errors: [{ field, code }]`;
//! 4. idempotency claim: replay (201 + `Idempotent-Replayed: true`), 422 `idempotency_key_reused`
//!    for a different body, 409 `in_flight` while the first request runs;
//! 5. per-email rate limit (429, releases the claim);
//! 6. one transaction: ticket (verified if its `identityToken` checks out, see
//!    [`super::identity`]; never rejected for it), outbox rows, stored response; 201 only after
//!    commit.

use std::time::Instant;

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use koban_core::ticket::{ErrorCode, FieldError, FieldErrors, TicketDraft, reference, validate};
use rand::Rng;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{ClientIp, TicketsState, random_hex, sha256_hex};
use crate::extract::{IdempotencyKey, JsonBody, JsonRequest};
use crate::limits::too_many;
use crate::problem::{Problem, ProblemCode};
use crate::store::tickets::{Claim, Created, NewTicket};
use crate::store::{Store, now_ms, rfc3339};

/// The 201 body.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreatedTicket {
    /// Opaque ticket id.
    #[schema(pattern = "^tkt_[0-9a-f]{32}$")]
    pub id: String,
    /// Human-friendly reference, `KB-XXXX-XXXX`.
    #[schema(pattern = "^KB-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
    pub reference: String,
    /// `open`.
    #[schema(example = "open")]
    pub status: String,
    /// RFC 3339 creation time.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// Token for `GET /api/v1/tickets/{reference}`; shown once, stored only as a hash.
    #[schema(pattern = "^[0-9a-f]{64}$")]
    pub access_token: String,
}

/// Releases an idempotency claim if the request ends (error, timeout, dropped future) before the
/// ticket (or message) is committed.
pub(super) struct ClaimGuard {
    store: Store,
    key: String,
    hash: String,
    armed: bool,
}

impl ClaimGuard {
    /// Armed: dropped before [`ClaimGuard::disarm`], it releases `key`.
    pub(super) fn new(store: &Store, key: &str, hash: &str) -> ClaimGuard {
        ClaimGuard {
            store: store.clone(),
            key: key.to_string(),
            hash: hash.to_string(),
            armed: true,
        }
    }

    /// The claim is settled (committed, or taken over): nothing to release.
    pub(super) fn disarm(&mut self) {
        self.armed = false;
    }
}

impl Drop for ClaimGuard {
    fn drop(&mut self) {
        if self.armed {
            let (store, key, hash) = (self.store.clone(), self.key.clone(), self.hash.clone());
            tokio::spawn(async move {
                if let Err(e) = store.release_key(&key, &hash).await {
                    tracing::warn!("cannot release idempotency key: {e}");
                }
            });
        }
    }
}

/// Handler of `POST /api/v1/tickets`.
#[utoipa::path(
    post,
    path = "/api/v1/tickets",
    tag = "tickets",
    operation_id = "createTicket",
    summary = "Submit a ticket, exactly once",
    description = "Validates the ticket with the same rules as the widget, stores it and its \
        delivery outbox rows in one transaction, and answers 201 only after the commit.\n\n\
        Send a fresh `Idempotency-Key` (a UUID) per ticket and reuse it on every retry of that \
        ticket: the same key with the same body returns the stored response again with \
        `Idempotent-Replayed: true`; with a different body it is a 422; while the first request \
        with the key is still running it is a 409. Keys are kept at least 24 hours.\n\n\
        Anti-abuse: `website` is a honeypot that must stay empty, and `fillMs` (milliseconds \
        between showing the form and submitting it) must reach the server's minimum fill \
        time; failing either is a 422 (`spam_suspected`, `too_fast`) and nothing is stored. \
        An `identityToken` (a JWT from the platform's backend) marks the ticket verified when \
        valid; an invalid one never rejects the ticket.",
    params(
        ("Idempotency-Key" = String, Header,
            description = "A fresh random value (a UUID) per ticket, reused on retries of that ticket.",
            min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body(content = koban_core::ticket::TicketDraft, content_type = "application/json"),
    responses(
        (status = 201, description = "Stored (or, with `Idempotent-Replayed: true`, stored earlier).",
            body = CreatedTicket,
            headers(
                ("Location" = String, description = "`/api/v1/tickets/{reference}`"),
                ("Idempotent-Replayed" = String, description = "`true` when this is the stored response of an earlier request with the same key and body."),
            )),
        (status = 400, description = "`Idempotency-Key` missing or invalid, malformed JSON, or not a ticket.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 409, description = "A request with this `Idempotency-Key` is still being processed: retry after `Retry-After`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
        (status = 413, description = "Body larger than `body_limit_bytes`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 415, description = "Body not sent as `application/json`.", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`validation_failed` with `errors`), honeypot filled (`spam_suspected`), filled in too fast (`too_fast`), or the `Idempotency-Key` was used for another body (`idempotency_key_reused`).", body = crate::problem::ProblemDetails, content_type = "application/problem+json"),
        (status = 429, description = "Too many tickets from this address or email address.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
        (status = 503, description = "Store unavailable or request timed out; nothing was lost, retry with the same key.", body = crate::problem::ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    )
)]
pub async fn create(
    State(state): State<TicketsState>,
    Extension(ClientIp(ip)): Extension<ClientIp>,
    key: Result<IdempotencyKey, Problem>,
    body: Result<JsonBody<TicketDraft>, Problem>,
) -> Result<Response, Problem> {
    let config = state.config();
    let store = state.store();
    if let Some(delay) = state.0.faults.delay() {
        tokio::time::sleep(delay).await;
    }
    if state.0.faults.take_fail() {
        return Err(ProblemCode::FaultInjected.into());
    }
    if let Some(ip) = ip
        && let Err(wait) = state.0.ip_limiter.check(&ip.to_string(), Instant::now())
    {
        reject(store, "rate_limited_ip").await;
        return Err(too_many(wait, "address"));
    }
    // Reported in the documented order: the rate limit, then the key, then the body.
    let IdempotencyKey(key) = key?;
    let JsonBody { json, body: draft } = body?;
    if draft.honeypot_filled() {
        reject(store, "honeypot").await;
        return Err(ProblemCode::SpamSuspected.into());
    }
    if draft.fill_ms.unwrap_or(0) < config.min_fill_ms {
        reject(store, "too_fast").await;
        return Err(Problem::new(ProblemCode::TooFast).detail(format!(
            "fillMs must be at least {} milliseconds",
            config.min_fill_ms
        )));
    }
    validate(&draft, &config.rules)?;
    let attachments = attachment_ids(&draft.attachments, config)?;

    // Canonical JSON (sorted keys, no whitespace) so a re-serialized retry still matches.
    let hash = sha256_hex(json.to_string().as_bytes());
    let now = now_ms();
    if let Some(stored) = claim(&state, &key, &hash).await? {
        let created = serde_json::from_str::<CreatedTicket>(&stored);
        let mut res = replayed(stored);
        if let Ok(created) = created
            && let Ok(loc) = location(&created.reference)
        {
            res.headers_mut().insert(header::LOCATION, loc);
        }
        return Ok(res);
    }
    let mut guard = ClaimGuard::new(store, &key, &hash);
    let email_key = draft.email.trim().to_lowercase();
    if let Err(wait) = state.0.email_limiter.check(&email_key, Instant::now()) {
        reject(store, "rate_limited_email").await;
        return Err(too_many(wait, "email address"));
    }

    let verified = match draft.identity_token.as_deref() {
        Some(token) => match super::identity::verify(
            token,
            config.identity_secret.as_deref(),
            &draft.email,
            now / 1000,
        ) {
            Ok(()) => true,
            Err(why) => {
                tracing::info!("identity token not accepted ({why}): ticket stored unverified");
                false
            }
        },
        None => false,
    };
    let access_token = random_hex(32);
    let mut ticket = NewTicket {
        id: format!("tkt_{}", random_hex(16)),
        reference: new_reference(),
        access_token_hash: sha256_hex(access_token.as_bytes()),
        name: draft.name.clone(),
        email: draft.email.trim().to_string(),
        category: draft.category.clone(),
        subject: draft.subject.clone(),
        description: draft.description.clone(),
        fields: serde_json::to_value(&draft.fields).unwrap_or_default(),
        context: serde_json::to_value(&draft.context).unwrap_or_default(),
        verified,
        created_at: now,
    };
    let created = loop {
        let created = CreatedTicket {
            id: ticket.id.clone(),
            reference: ticket.reference.clone(),
            status: "open".into(),
            created_at: rfc3339(ticket.created_at),
            access_token: access_token.clone(),
        };
        let response = serde_json::to_string(&created).unwrap_or_default();
        let outcome = store
            .create_ticket(
                &ticket,
                &key,
                &hash,
                &response,
                &config.delivery_targets,
                &attachments,
            )
            .await?;
        match outcome {
            Created::Committed => break created,
            Created::ReferenceTaken => ticket.reference = new_reference(),
            Created::UnknownAttachment(id) => {
                tracing::info!("ticket refers to unknown attachment {id}");
                return Err(unknown_attachment());
            }
            Created::ClaimLost => {
                guard.disarm();
                return Err(in_flight());
            }
        }
    };
    guard.disarm();
    state.0.delivery.notify_one();
    if state.0.faults.take_drop() {
        // Committed; now vanish without a response, like a connection lost on the way back.
        std::panic::resume_unwind(Box::new("fault injection: drop after commit"));
    }
    let mut res = (StatusCode::CREATED, Json(&created)).into_response();
    if let Ok(loc) = location(&created.reference) {
        res.headers_mut().insert(header::LOCATION, loc);
    }
    Ok(res)
}

/// A ticket as a JSON body: 400 `malformed_ticket` when the JSON is not one.
impl JsonRequest for TicketDraft {
    const MEDIA_TITLE: &'static str = "Send the ticket as application/json";

    fn from_json(value: &Value) -> Result<Self, Problem> {
        serde_json::from_value(value.clone())
            .map_err(|e| Problem::new(ProblemCode::MalformedTicket).detail(e.to_string()))
    }
}

/// The upload ids a request names, each once, in order; 422 `unknown_attachment` when uploads
/// are off and some are named.
pub(super) fn attachment_ids(
    ids: &[String],
    config: &super::TicketsConfig,
) -> Result<Vec<String>, Problem> {
    if !ids.is_empty() && config.attachments.is_none() {
        return Err(unknown_attachment());
    }
    let mut unique: Vec<String> = Vec::new();
    for id in ids {
        if !unique.contains(id) {
            unique.push(id.clone());
        }
    }
    Ok(unique)
}

/// Claims the `Idempotency-Key` `key` for a request whose canonical body hashes to `hash`:
/// `None` when this request owns it now, or the stored response of the finished request with the
/// same key and body (to send again, [`replayed`]); 409 while that one still runs, 422 when the
/// key was used for another body.
pub(super) async fn claim(
    state: &TicketsState,
    key: &str,
    hash: &str,
) -> Result<Option<String>, Problem> {
    let now = now_ms();
    let stale_before = now - state.config().in_flight_timeout.as_millis() as i64;
    match state
        .store()
        .claim_key(key, hash, now, stale_before)
        .await?
    {
        Claim::Claimed => Ok(None),
        Claim::Replay(stored) => Ok(Some(stored)),
        Claim::InFlight => Err(in_flight()),
        Claim::Mismatch => Err(ProblemCode::IdempotencyKeyReused.into()),
    }
}

/// A stored 201 sent again, marked `Idempotent-Replayed: true`.
pub(super) fn replayed(stored: String) -> Response {
    let mut res = (
        StatusCode::CREATED,
        [(header::CONTENT_TYPE, "application/json")],
        stored,
    )
        .into_response();
    res.headers_mut()
        .insert("idempotent-replayed", HeaderValue::from_static("true"));
    res
}

/// 409: the first request with this key is still running.
pub(super) fn in_flight() -> Problem {
    Problem::new(ProblemCode::InFlight).retry_after(1)
}

/// 422: an `attachments` id that names no upload of this server (or one already used).
pub(super) fn unknown_attachment() -> Problem {
    FieldErrors(vec![FieldError {
        field: "attachments".into(),
        code: ErrorCode::UnknownAttachment,
        max: None,
    }])
    .into()
}

fn location(reference: &str) -> Result<HeaderValue, axum::http::header::InvalidHeaderValue> {
    HeaderValue::from_str(&format!("/api/v1/tickets/{reference}"))
}

/// A fresh reference from the CSPRNG.
fn new_reference() -> String {
    reference::from_bytes(rand::rng().random())
}

async fn reject(store: &Store, reason: &str) {
    tracing::info!("ticket rejected: {reason}");
    if let Err(e) = store.count_rejection(reason).await {
        tracing::warn!("cannot count rejection: {e}");
    }
}
