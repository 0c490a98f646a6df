//! Ticket intake over HTTP, under `/api/v1`:
//!
//! - `POST /api/v1/tickets` (`Idempotency-Key` required): [`create`];
//! - `GET /api/v1/tickets/{reference}` (`Authorization: Bearer <accessToken>`): [`read`];
//! - the conversation, with the same token: follow-ups, solve, rating, read marks
//!   ([`conversation`]); the badge, the live stream and a verified identity's requests
//!   ([`follow`]);
//! - `GET /api/v1/admin/tickets` (`Authorization: Bearer <admin_token>`, off without one):
//!   [`read`]; replies and closing for a team's tools: [`admin`];
//! - `POST /api/v1/attachments` (multipart) and `GET /api/v1/attachments` (the upload policy),
//!   when `attachments_enabled`: [`attachments`];
//! - `GET /openapi.json`: the API description ([`crate::openapi`]).
//!
//! Errors are RFC 9457 problem details ([`crate::problem`]).

pub mod admin;
pub mod attachments;
pub mod cli;
pub mod conversation;
pub mod create;
pub mod faults;
pub mod follow;
pub mod identity;
pub mod read;

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post, put};
use koban_core::ticket::TicketRules;
use rand::Rng;
use sha2::{Digest, Sha256};
use tokio::sync::Notify;

use crate::limits::{self, IpNet, RateLimiter};
use crate::store::Store;
pub use faults::Faults;

/// Settings of ticket intake (from [`crate::config::Config`]).
#[derive(Debug, Clone)]
pub struct TicketsConfig {
    /// Categories and custom fields tickets are validated against.
    pub rules: TicketRules,
    /// Minimum time between showing the form and submitting it; 0 disables the check.
    pub min_fill_ms: u64,
    /// Bearer token of the admin API; `None` turns the admin API off.
    pub admin_token: Option<String>,
    /// Origins allowed to call the API; empty means the development default.
    pub cors_origins: Vec<String>,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpNet>,
    /// Largest accepted request body.
    pub body_limit_bytes: usize,
    /// Longest time a request may take before it is answered with 503.
    pub request_timeout: Duration,
    /// Tickets per minute per client IP; 0 disables the limit.
    pub rate_limit_ip_per_minute: u32,
    /// Tickets per hour per sender email; 0 disables the limit.
    pub rate_limit_email_per_hour: u32,
    /// How long idempotency keys are kept.
    pub idempotency_ttl: Duration,
    /// After this long an in-flight idempotency claim is considered abandoned.
    pub in_flight_timeout: Duration,
    /// Delivery targets an outbox row is written for, per ticket.
    pub delivery_targets: Vec<String>,
    /// Delivery targets of an agent's public reply (`requester`, or none).
    pub requester_targets: Vec<String>,
    /// HS256 key of identity tokens ([`identity`]); `None`: every ticket is unverified.
    pub identity_secret: Option<String>,
    /// File uploads ([`attachments`]); `None`: off, and tickets cannot reference files.
    pub attachments: Option<attachments::AttachmentsConfig>,
}

impl Default for TicketsConfig {
    /// The defaults of [`crate::config::Config`], with no categories or custom fields.
    fn default() -> Self {
        crate::config::Config::default().tickets(TicketRules::default())
    }
}

/// Shared state of the ticket API. Cheap to clone.
#[derive(Debug, Clone)]
pub struct TicketsState(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    store: Store,
    config: TicketsConfig,
    ip_limiter: RateLimiter,
    email_limiter: RateLimiter,
    faults: Faults,
    delivery: Arc<Notify>,
}

impl TicketsState {
    /// State over `store` with `config` and (test builds only) `faults`.
    pub fn new(store: Store, config: TicketsConfig, faults: Faults) -> TicketsState {
        TicketsState(Arc::new(Inner {
            ip_limiter: RateLimiter::new(config.rate_limit_ip_per_minute, Duration::from_secs(60)),
            email_limiter: RateLimiter::new(
                config.rate_limit_email_per_hour,
                Duration::from_secs(3600),
            ),
            store,
            config,
            faults,
            delivery: Arc::new(Notify::new()),
        }))
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.0.store
    }

    /// The configuration.
    pub fn config(&self) -> &TicketsConfig {
        &self.0.config
    }

    /// Woken whenever a ticket is committed, so the delivery worker starts at once.
    pub fn delivery_notify(&self) -> Arc<Notify> {
        self.0.delivery.clone()
    }
}

impl axum::extract::FromRef<TicketsState> for crate::extract::BodyLimit {
    fn from_ref(state: &TicketsState) -> Self {
        crate::extract::BodyLimit(state.config().body_limit_bytes)
    }
}

/// The client IP as seen through trusted proxies, stored in request extensions.
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub Option<IpAddr>);

/// The ticket API router (merge it into the app), with `GET /openapi.json` describing it.
pub fn router(state: TicketsState) -> Router {
    let config = state.config().clone();
    let doc = crate::openapi::Document::new(&config);
    let mut router = Router::new();
    if let Some(files) = &config.attachments {
        // Room for the file plus the multipart framing; the handler enforces the exact limit.
        let limit = files.max_bytes.saturating_add(64 * 1024);
        router = router.route(
            "/api/v1/attachments",
            get(attachments::policy)
                .post(attachments::upload)
                .layer(DefaultBodyLimit::max(limit)),
        );
    }
    let router = router
        .route("/openapi.json", get(move || async move { doc.response() }))
        .route("/api/v1/tickets", post(create::create))
        .route("/api/v1/tickets/{reference}", get(read::ticket))
        .route(
            "/api/v1/tickets/{reference}/messages",
            post(conversation::add_message),
        )
        .route(
            "/api/v1/tickets/{reference}/solve",
            post(conversation::solve),
        )
        .route(
            "/api/v1/tickets/{reference}/rating",
            put(conversation::rate),
        )
        .route(
            "/api/v1/tickets/{reference}/read",
            post(conversation::mark_read),
        )
        .route("/api/v1/tickets/unread", post(follow::unread))
        .route("/api/v1/tickets/live", post(follow::live))
        .route("/api/v1/me/tickets", get(follow::mine))
        .route("/api/v1/admin/tickets", get(read::admin_list))
        .route(
            "/api/v1/admin/tickets/{reference}/replies",
            post(admin::reply),
        )
        .route(
            "/api/v1/admin/tickets/{reference}/close",
            post(admin::close),
        );
    limits::api_layers(
        router,
        config.body_limit_bytes,
        config.trusted_proxies,
        config.request_timeout,
        config.cors_origins,
    )
    .with_state(state)
}

/// `n` random bytes from the OS-seeded CSPRNG, as lowercase hex.
pub fn random_hex(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    rand::rng().fill(bytes.as_mut_slice());
    hex::encode(bytes)
}

/// SHA-256 of `data`, as lowercase hex.
pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// Compares two strings in time independent of where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The bearer token of an `Authorization` header.
pub fn bearer(headers: &axum::http::HeaderMap) -> Option<&str> {
    let value = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}
