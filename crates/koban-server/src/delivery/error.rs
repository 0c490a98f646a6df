//! Why one delivery attempt failed. The message is logged and kept in the outbox row
//! (`last_error`), so no variant carries a credential: HTTP errors drop their URL (a Discord
//! webhook URL is one), and the requester's email never names its reply address (a capability).

use std::time::Duration;

/// Why one attempt failed.
#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    /// The row's target is not configured (any more).
    #[error("{0} is not configured")]
    NotConfigured(&'static str),
    /// The row names a target this version does not know.
    #[error("unknown delivery target `{0}`")]
    UnknownTarget(String),
    /// The row's target does not deliver its event.
    #[error("{target} does not deliver {event}")]
    WrongEvent {
        /// The target.
        target: &'static str,
        /// The event's wire name.
        event: &'static str,
    },
    /// The ticket of the row is gone.
    #[error("ticket not found")]
    TicketMissing,
    /// The receiver answered with a non-2xx status.
    #[error("HTTP {status}{}", if .body.is_empty() { String::new() } else { format!(": {}", .body) })]
    Status {
        /// The status code.
        status: u16,
        /// `Retry-After`, if sent.
        retry_after: Option<Duration>,
        /// The start of the response body.
        body: String,
    },
    /// No HTTP response (connection refused, TLS, timeout...); without the URL (see `From`).
    #[error("HTTP request failed: {0}")]
    Http(reqwest::Error),
    /// The email could not be built or the SMTP server refused it.
    #[error("email: {0}")]
    Email(String),
    /// The attempt took longer than the timeout.
    #[error("timed out after {0:?}")]
    Timeout(Duration),
    /// The store failed.
    #[error("store: {0}")]
    Store(#[from] crate::store::StoreError),
}

impl From<reqwest::Error> for DeliveryError {
    /// Drops the URL: a Discord webhook URL is a credential, and this error is logged and kept
    /// in the outbox.
    fn from(e: reqwest::Error) -> Self {
        DeliveryError::Http(e.without_url())
    }
}

impl DeliveryError {
    pub(super) fn retry_after(&self) -> Option<Duration> {
        match self {
            DeliveryError::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}
