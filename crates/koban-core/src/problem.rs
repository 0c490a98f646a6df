//! Problem details (RFC 9457, `application/problem+json`): the body of every error of the Koban
//! API, with the stable codes the server sends and the widget reads.
//!
//! Besides the standard members, a problem carries `code` (a [`ProblemCode`], which the widget
//! maps to a localized message) and, for a ticket's validation errors, `errors: [{ field, code }]`.
//! Each code has one HTTP status and a default English `title`.
//!
//! ```
//! use koban_core::problem::{ProblemCode, ProblemDetails};
//! let body = r#"{"type":"urn:koban:problem:too_fast","title":"Submitted too quickly",
//!     "status":422,"code":"too_fast"}"#;
//! let problem: ProblemDetails = serde_json::from_str(body).unwrap();
//! assert_eq!(problem.problem_code(), Some(ProblemCode::TooFast));
//! assert_eq!(ProblemCode::TooFast.status(), 422);
//! ```

use serde::{Deserialize, Serialize};

use crate::ticket::FieldError;

/// The `type` URI prefix of every problem: `urn:koban:problem:<code>`.
pub const TYPE_PREFIX: &str = "urn:koban:problem:";

/// Declares [`ProblemCode`] from one table, so that a code's wire name, status and title stand
/// on one line (the test checks the wire names against serde's).
macro_rules! problem_codes {
    ($($(#[$doc:meta])* $variant:ident($wire:literal, $status:literal) => $title:literal,)*) => {
        /// A problem's stable machine-readable code. The serialized names are a contract with
        /// clients (the widget maps them to messages in the user's language).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum ProblemCode {
            $($(#[$doc])* $variant,)*
        }

        impl ProblemCode {
            /// Every code, in declaration order.
            pub const ALL: &[ProblemCode] = &[$(ProblemCode::$variant,)*];

            /// The wire name, e.g. `idempotency_key_reused`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ProblemCode::$variant => $wire,)*
                }
            }

            /// The HTTP status a problem with this code is sent with.
            pub fn status(self) -> u16 {
                match self {
                    $(ProblemCode::$variant => $status,)*
                }
            }

            /// The default `title`: a short English summary (clients localize from the code).
            pub fn title(self) -> &'static str {
                match self {
                    $(ProblemCode::$variant => $title,)*
                }
            }
        }
    };
}

problem_codes! {
    /// No such resource (or not yours: the same answer either way).
    NotFound("not_found", 404) => "Not found",
    /// The admin token is missing or wrong.
    Unauthorized("unauthorized", 401) => "Admin token required",
    /// The query string cannot be read or is out of range.
    BadQuery("bad_query", 400) => "The query string is not valid",
    /// The request body cannot be read.
    BadBody("bad_body", 400) => "Unreadable request body",
    /// The body is not JSON.
    MalformedJson("malformed_json", 400) => "Malformed JSON",
    /// The body is not sent as JSON.
    UnsupportedMediaType("unsupported_media_type", 415) => "Send the request as application/json",
    /// The body (or the uploaded file) is larger than the server accepts.
    PayloadTooLarge("payload_too_large", 413) => "Request body too large",
    /// The JSON is not a ticket.
    MalformedTicket("malformed_ticket", 400) => "Not a ticket",
    /// The JSON is not a feedback batch.
    MalformedFeedback("malformed_feedback", 400) => "Not a feedback batch",
    /// Invalid fields, listed in `errors`.
    ValidationFailed("validation_failed", 422) => "The ticket has invalid fields",
    /// The honeypot field was filled in.
    SpamSuspected("spam_suspected", 422) => "Submission rejected",
    /// The form was submitted faster than a person fills it in.
    TooFast("too_fast", 422) => "Submitted too quickly",
    /// No `Idempotency-Key` header.
    IdempotencyKeyMissing("idempotency_key_missing", 400) => "Idempotency-Key header required",
    /// An `Idempotency-Key` that is not 1 to 255 visible ASCII characters.
    IdempotencyKeyInvalid("idempotency_key_invalid", 400) =>
        "Idempotency-Key must be 1 to 255 visible ASCII characters",
    /// The `Idempotency-Key` was used for a different body.
    IdempotencyKeyReused("idempotency_key_reused", 422) =>
        "This Idempotency-Key was used for a different request",
    /// A request with the same `Idempotency-Key` is still running.
    InFlight("in_flight", 409) => "A request with this Idempotency-Key is still being processed",
    /// Too many requests; retry after `Retry-After`.
    RateLimited("rate_limited", 429) => "Too many requests",
    /// The request took longer than the server allows; retry.
    Timeout("timeout", 503) => "The request took too long",
    /// The store is unreachable; retry.
    Unavailable("unavailable", 503) => "Temporarily unavailable, try again",
    /// A failure injected by a test build (`KOBAN_FAULTS`).
    FaultInjected("fault_injected", 503) => "Injected failure",
    /// The multipart body (or one of its parts) cannot be read.
    BadMultipart("bad_multipart", 400) => "Unreadable multipart body",
    /// More than one `file` part.
    OneFile("one_file", 400) => "Send one file per request",
    /// No `file` part.
    FileMissing("file_missing", 400) => "No `file` part",
    /// The `file` part has no file name.
    FilenameMissing("filename_missing", 400) => "The file part needs a file name",
    /// The file is empty.
    EmptyFile("empty_file", 400) => "The file is empty",
    /// The file name's extension is not accepted.
    FileTypeNotAllowed("file_type_not_allowed", 415) =>
        "Only .png, .jpg, .jpeg, .pdf, .txt and .log files are accepted",
    /// The file's bytes are not of the kind its extension promises.
    ContentMismatch("content_mismatch", 415) => "The file's content does not match its extension",
    /// The JSON is not a message (`{ "body": "…", "attachments": [] }`).
    MalformedMessage("malformed_message", 400) => "Not a message",
    /// The JSON is not a rating (`{ "score": "good" | "bad", "comment": "…" }`).
    MalformedRating("malformed_rating", 400) => "Not a rating",
    /// The JSON is not a list of followed requests (`{ "tickets": [{ "reference", "token" }] }`).
    MalformedRequests("malformed_requests", 400) => "Not a list of requests",
    /// A rating of a request that is not solved or closed.
    NotFinished("not_finished", 409) => "Only a solved or closed request can be rated",
    /// A rating change more than 7 days after the first rating.
    RatingLocked("rating_locked", 409) => "The rating can no longer be changed",
    /// `GET /api/v1/me/tickets` without a valid identity token.
    IdentityRequired("identity_required", 401) => "A valid identity token is required",
}

impl ProblemCode {
    /// The code with wire name `name` (the inverse of [`as_str`](Self::as_str)).
    pub fn from_wire(name: &str) -> Option<ProblemCode> {
        ProblemCode::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == name)
    }
}

impl std::fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A `Problem` as sent: the `application/problem+json` body of every API error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Problem))]
pub struct ProblemDetails {
    /// `urn:koban:problem:<code>`.
    #[serde(rename = "type")]
    #[cfg_attr(feature = "openapi", schema(pattern = "^urn:koban:problem:[a-z_]+$"))]
    pub type_uri: String,
    /// Short, human-readable summary (English; clients localize from `code`).
    pub title: String,
    /// The HTTP status.
    #[cfg_attr(feature = "openapi", schema(minimum = 400, maximum = 599))]
    pub status: u16,
    /// Explanation specific to this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub detail: Option<String>,
    /// Stable machine-readable code, e.g. `validation_failed`, `idempotency_key_reused`.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z_]+$"))]
    pub code: String,
    /// Per-field validation errors (code `validation_failed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub errors: Option<Vec<FieldError>>,
}

impl ProblemDetails {
    /// A problem with `code`, its status and `title`, without detail or errors.
    pub fn new(code: ProblemCode, title: &str) -> ProblemDetails {
        ProblemDetails {
            type_uri: format!("{TYPE_PREFIX}{code}"),
            title: title.to_string(),
            status: code.status(),
            detail: None,
            code: code.as_str().to_string(),
            errors: None,
        }
    }

    /// The code, when it is one this version knows (`code` stays a string on the wire so a
    /// client keeps working when a newer server adds codes).
    pub fn problem_code(&self) -> Option<ProblemCode> {
        ProblemCode::from_wire(&self.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_are_serdes_and_unique() {
        for code in ProblemCode::ALL {
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(ProblemCode::from_wire(code.as_str()), Some(*code));
            assert!((400..600).contains(&code.status()), "{code}");
            assert!(!code.title().is_empty());
        }
        let mut names: Vec<&str> = ProblemCode::ALL.iter().map(|c| c.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), ProblemCode::ALL.len());
        assert_eq!(ProblemCode::from_wire("nope"), None);
    }

    #[test]
    fn details_round_trip_and_omit_what_is_missing() {
        let mut p = ProblemDetails::new(ProblemCode::InFlight, ProblemCode::InFlight.title());
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"type":"urn:koban:problem:in_flight","title":"A request with this Idempotency-Key is still being processed","status":409,"code":"in_flight"}"#
        );
        p.detail = Some("wait".into());
        p.errors = Some(vec![]);
        let back: ProblemDetails =
            serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(back, p);
        let newer: ProblemDetails = serde_json::from_str(
            r#"{"type":"urn:koban:problem:later","title":"t","status":400,"code":"later","extra":1}"#,
        )
        .unwrap();
        assert_eq!(newer.problem_code(), None, "unknown codes still read");
    }
}
