//! Feedback: what the widget reports about how help content performs, batched into one
//! `POST /api/v1/feedback` body, and the validation the server runs on it.
//!
//! - [`event`]: [`FeedbackEvent`] (article rated, search without results, search that led to a
//!   ticket, flow outcome) and [`FeedbackBatch`], serialized as the widget sends them.
//! - [`validate`](mod@validate): [`FeedbackBatch::validate`] and [`parse_batch`], reporting every
//!   problem as a `{ field, code }` pair with a JSON path such as `events[3].query`.
//! - [`normalize`]: the query text and locale tag forms the server stores and groups by.
//!
//! ```
//! use koban_core::feedback::{FeedbackBatch, FeedbackEvent};
//! let batch: FeedbackBatch = serde_json::from_str(r#"{ "events": [
//!     { "type": "articleRated", "articleId": "node-offline", "helpful": false, "locale": "en" },
//!     { "type": "searchNoResults", "query": "  Payout  missing ", "locale": "ja" }
//! ] }"#).unwrap();
//! assert!(batch.validate().is_ok());
//! assert!(matches!(batch.events[1], FeedbackEvent::SearchNoResults { .. }));
//! ```

pub mod event;
pub mod normalize;
pub mod validate;

pub use event::{FeedbackBatch, FeedbackEvent, FlowOutcomeKind};
pub use normalize::{canonical_locale, normalize_query};
pub use validate::{FeedbackErrorCode, FeedbackErrors, FeedbackFieldError, parse_batch};

/// Most events in one batch.
pub const MAX_EVENTS: usize = 50;
/// Longest search query, in characters, after trimming.
pub const QUERY_MAX: usize = 200;
/// Longest article, flow or step id.
pub const ID_MAX: usize = 80;
/// Longest locale tag (RFC 5646 asks implementations to support at least 35 characters).
pub const LOCALE_MAX: usize = 35;
