//! Feedback from the widget and what authors learn from it:
//!
//! - `POST /api/v1/feedback`: a batch of events (article rated, search without results, search
//!   that led to a ticket, flow outcome), validated with koban-core's
//!   [`parse_batch`](koban_core::feedback::parse_batch) and stored ([`submit`]);
//! - `koban report`: the top no-result queries, the least helpful articles, the searches that
//!   led to a ticket and per-flow outcomes ([`report`], [`cli`]).
//!
//! The route shares the ticket API's CORS policy, body limit, request timeout and trusted
//! proxies, with its own per-IP rate limit (`rate_limit_feedback_per_minute`).

pub mod cli;
pub mod report;
pub mod submit;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::routing::post;

use crate::limits::{self, IpNet, RateLimiter};
use crate::store::Store;

/// Settings of the feedback API (from [`crate::config::Config::feedback`]).
#[derive(Debug, Clone)]
pub struct FeedbackConfig {
    /// Origins allowed to call the API; empty means the development default.
    pub cors_origins: Vec<String>,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpNet>,
    /// Largest accepted request body.
    pub body_limit_bytes: usize,
    /// Longest time a request may take before it is answered with 503.
    pub request_timeout: Duration,
    /// Batches per minute per client IP; 0 disables the limit.
    pub rate_limit_per_minute: u32,
}

impl Default for FeedbackConfig {
    /// The defaults of [`crate::config::Config`].
    fn default() -> Self {
        crate::config::Config::default().feedback()
    }
}

/// Shared state of the feedback API. Cheap to clone.
#[derive(Debug, Clone)]
pub struct FeedbackState(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    store: Store,
    config: FeedbackConfig,
    ip_limiter: RateLimiter,
}

impl FeedbackState {
    /// State over `store` with `config`.
    pub fn new(store: Store, config: FeedbackConfig) -> FeedbackState {
        FeedbackState(Arc::new(Inner {
            ip_limiter: RateLimiter::new(config.rate_limit_per_minute, Duration::from_secs(60)),
            store,
            config,
        }))
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.0.store
    }

    /// The configuration.
    pub fn config(&self) -> &FeedbackConfig {
        &self.0.config
    }
}

impl axum::extract::FromRef<FeedbackState> for crate::extract::BodyLimit {
    fn from_ref(state: &FeedbackState) -> Self {
        crate::extract::BodyLimit(state.config().body_limit_bytes)
    }
}

/// The feedback API router (merge it into the app).
pub fn router(state: FeedbackState) -> Router {
    let config = state.config().clone();
    let router = Router::new().route("/api/v1/feedback", post(submit::submit));
    limits::api_layers(
        router,
        config.body_limit_bytes,
        config.trusted_proxies,
        config.request_timeout,
        config.cors_origins,
    )
    .with_state(state)
}
