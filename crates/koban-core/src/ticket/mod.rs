//! Tickets: the schema the widget's form sends, its validation and the widget's retry policy.
//!
//! One schema, two enforcers: the widget runs [`validate()`] as the user types and the server runs
//! the very same function on every `POST /api/v1/tickets`. Errors are stable codes
//! ([`ErrorCode`]), never English text, so the widget can show them in the user's language next to
//! the right field.
//!
//! - [`draft`]: [`TicketDraft`], the JSON body of `POST /api/v1/tickets`.
//! - [`rules`]: [`TicketRules`], the categories and their custom fields, plus length limits.
//! - [`validate`](mod@validate): [`validate()`](validate::validate) and [`FieldErrors`].
//! - [`retry`]: capped exponential backoff with full jitter and the retry classifier.
//! - [`files`]: the attachment policy and the check before uploading.
//! - [`form`]: which errors the widget's form shows, and what a refused request tells the user.
//! - [`outbox`]: the ticket the widget keeps in the browser and the exactly-once send loop's
//!   decisions.
//! - [`reference`](mod@reference): the human-friendly ticket reference (`KB-7F3K-92QD`).
//! - [`thread`]: the ticket and its replies as the submitter reads them.

pub mod draft;
pub mod files;
pub mod form;
pub mod outbox;
pub mod reference;
pub mod retry;
pub mod rules;
pub mod thread;
pub mod validate;

pub use draft::{FieldValue, TicketContext, TicketDraft};
pub use rules::{CategoryRule, CustomFieldRule, FieldKind, TicketLimits, TicketRules};
pub use validate::{ErrorCode, FieldError, FieldErrors, validate};
