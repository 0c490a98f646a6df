//! RFC 9457 problem details (`application/problem+json`), the body of every API error.
//!
//! A [`Problem`] is an error a handler returns (`Result<_, Problem>`, with `?`): a
//! [`ProblemCode`], which fixes the status and the default title, plus an optional detail,
//! per-field errors and `Retry-After`. It is sent as koban-core's [`ProblemDetails`] (the one
//! definition the widget reads too), or, for a rejected feedback batch, as [`FeedbackProblem`].
//! The internal errors handlers meet convert into problems with `From` ([`StoreError`] → 503
//! `unavailable`, field errors → 422 `validation_failed`, axum's query and multipart rejections
//! → 400), after the pattern of axum's `examples/error-handling`.

use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::QueryRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use koban_core::feedback::FeedbackErrors;
pub use koban_core::problem::{ProblemCode, ProblemDetails};
use koban_core::ticket::FieldErrors;

use crate::feedback::submit::FeedbackProblem;
use crate::store::StoreError;

/// The media type of problem details.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An API error. Serialized with `type` = `urn:koban:problem:<code>`.
#[derive(Debug, Clone)]
pub struct Problem {
    /// Stable machine-readable code; it decides the status.
    pub code: ProblemCode,
    /// Short, human-readable summary (English; clients localize from `code`).
    pub title: &'static str,
    /// Explanation specific to this occurrence.
    pub detail: Option<String>,
    /// Per-field validation errors.
    pub errors: Option<ProblemErrors>,
    /// Seconds to wait before retrying (also sent as `Retry-After`).
    pub retry_after: Option<u64>,
}

/// The `errors` of a `validation_failed` problem.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemErrors {
    /// A ticket's fields.
    Ticket(FieldErrors),
    /// A feedback batch's fields.
    Feedback(FeedbackErrors),
}

impl Problem {
    /// A problem with `code`, its status and its default title.
    pub fn new(code: ProblemCode) -> Problem {
        Problem {
            code,
            title: code.title(),
            detail: None,
            errors: None,
            retry_after: None,
        }
    }

    /// Replaces the default title.
    pub fn titled(mut self, title: &'static str) -> Problem {
        self.title = title;
        self
    }

    /// Adds a detail message.
    pub fn detail(mut self, detail: impl Into<String>) -> Problem {
        self.detail = Some(detail.into());
        self
    }

    /// Adds a `Retry-After` in seconds.
    pub fn retry_after(mut self, secs: u64) -> Problem {
        self.retry_after = Some(secs);
        self
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// 404 without saying whether anything exists.
    pub fn not_found() -> Problem {
        Problem::new(ProblemCode::NotFound)
    }

    /// 503 when the store (or the disk) cannot be used; clients retry. The cause is logged, not
    /// shown.
    pub fn unavailable(cause: &dyn std::fmt::Display) -> Problem {
        tracing::error!("store unavailable: {cause}");
        Problem::new(ProblemCode::Unavailable).retry_after(1)
    }

    /// The body as sent.
    fn body(&self) -> Result<Vec<u8>, serde_json::Error> {
        if let Some(ProblemErrors::Feedback(errors)) = &self.errors {
            return serde_json::to_vec(&FeedbackProblem {
                type_uri: format!("{}{}", koban_core::problem::TYPE_PREFIX, self.code),
                title: self.title.to_string(),
                status: self.code.status(),
                code: self.code.as_str().to_string(),
                errors: errors.0.clone(),
            });
        }
        serde_json::to_vec(&ProblemDetails::from(self))
    }
}

impl From<&Problem> for ProblemDetails {
    fn from(p: &Problem) -> Self {
        let mut details = ProblemDetails::new(p.code, p.title);
        details.detail = p.detail.clone();
        details.errors = match &p.errors {
            Some(ProblemErrors::Ticket(errors)) => Some(errors.0.clone()),
            Some(ProblemErrors::Feedback(_)) | None => None,
        };
        details
    }
}

impl From<ProblemCode> for Problem {
    fn from(code: ProblemCode) -> Problem {
        Problem::new(code)
    }
}

/// The store failed: 503 `unavailable` (every store error is worth a retry from the client).
impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Problem {
        Problem::unavailable(&e)
    }
}

/// A ticket's invalid fields: 422 `validation_failed`.
impl From<FieldErrors> for Problem {
    fn from(errors: FieldErrors) -> Problem {
        Problem {
            errors: Some(ProblemErrors::Ticket(errors)),
            ..Problem::new(ProblemCode::ValidationFailed)
        }
    }
}

/// A feedback batch's invalid fields: 422 `validation_failed`.
impl From<FeedbackErrors> for Problem {
    fn from(errors: FeedbackErrors) -> Problem {
        Problem {
            errors: Some(ProblemErrors::Feedback(errors)),
            ..Problem::new(ProblemCode::ValidationFailed).titled("The feedback has invalid fields")
        }
    }
}

/// An unreadable query string: 400 `bad_query` with axum's explanation.
impl From<QueryRejection> for Problem {
    fn from(e: QueryRejection) -> Problem {
        Problem::new(ProblemCode::BadQuery).detail(e.body_text())
    }
}

/// Not a multipart body: 400 `bad_multipart`.
impl From<MultipartRejection> for Problem {
    fn from(e: MultipartRejection) -> Problem {
        if e.status() == StatusCode::UNSUPPORTED_MEDIA_TYPE {
            Problem::new(ProblemCode::BadMultipart).titled("Send the file as multipart/form-data")
        } else {
            Problem::new(ProblemCode::BadMultipart).detail(e.body_text())
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = self.body().unwrap_or_default();
        let mut res = (self.status(), body).into_response();
        let headers = res.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(secs) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if self.code.status() == 401 {
            // RFC 9110 §11.6.1: a 401 names the scheme it wants.
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use koban_core::feedback::{FeedbackErrorCode, FeedbackFieldError};
    use koban_core::ticket::{ErrorCode, FieldError};

    async fn sent(p: impl Into<Problem>) -> (StatusCode, axum::http::HeaderMap, String) {
        let res = p.into().into_response();
        let (parts, body) = res.into_parts();
        let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
        (
            parts.status,
            parts.headers,
            String::from_utf8(bytes.to_vec()).unwrap(),
        )
    }

    #[tokio::test]
    async fn bodies_are_problem_details() {
        let (status, headers, body) = sent(
            Problem::new(ProblemCode::InFlight)
                .detail("wait")
                .retry_after(1),
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(headers[header::CONTENT_TYPE], PROBLEM_JSON);
        assert_eq!(headers[header::RETRY_AFTER], "1");
        assert_eq!(
            body,
            r#"{"type":"urn:koban:problem:in_flight","title":"A request with this Idempotency-Key is still being processed","status":409,"detail":"wait","code":"in_flight"}"#
        );
        let (status, headers, _) = sent(ProblemCode::Unauthorized).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(headers[header::WWW_AUTHENTICATE], "Bearer");
    }

    #[tokio::test]
    async fn internal_errors_convert() {
        let store = StoreError::UnsupportedUrl("mysql://x".into());
        let (status, headers, body) = sent(store).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(headers[header::RETRY_AFTER], "1");
        assert!(!body.contains("mysql"), "the cause is not shown: {body}");

        let fields = FieldErrors(vec![FieldError {
            field: "subject".into(),
            code: ErrorCode::TooLong,
            max: Some(200),
        }]);
        let (status, _, body) = sent(fields).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            body,
            r#"{"type":"urn:koban:problem:validation_failed","title":"The ticket has invalid fields","status":422,"code":"validation_failed","errors":[{"field":"subject","code":"too_long","max":200}]}"#
        );

        let feedback = FeedbackErrors(vec![FeedbackFieldError {
            field: "events[0].kind".into(),
            code: FeedbackErrorCode::Required,
            max: None,
        }]);
        let (_, _, body) = sent(feedback).await;
        let parsed: FeedbackProblem = serde_json::from_str(&body).unwrap();
        assert_eq!(parsed.title, "The feedback has invalid fields");
        assert_eq!(parsed.errors[0].field, "events[0].kind");
    }
}
