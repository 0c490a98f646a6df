//! RFC 9457 problem details (`application/problem+json`), the body of every API error.
//!
//! Besides the standard members, a problem carries `code` (a stable machine-readable name the
//! widget maps to a localized message) and, for validation errors, `errors: [{ field, code }]`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use koban_core::ticket::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The media type of problem details.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An API error. Serialized with `type` = `urn:koban:problem:<code>`.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// Short, human-readable summary (English; clients localize from `code`).
    pub title: &'static str,
    /// HTTP status.
    pub status: u16,
    /// Explanation specific to this occurrence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Stable machine-readable code.
    pub code: &'static str,
    /// Per-field validation errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<FieldErrors>,
    /// Seconds to wait before retrying (also sent as `Retry-After`).
    #[serde(skip)]
    pub retry_after: Option<u64>,
}

impl Problem {
    /// A problem with `status`, `code` and `title`.
    pub fn new(status: StatusCode, code: &'static str, title: &'static str) -> Problem {
        Problem {
            title,
            status: status.as_u16(),
            detail: None,
            code,
            errors: None,
            retry_after: None,
        }
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

    /// 422 with per-field errors.
    pub fn validation(errors: FieldErrors) -> Problem {
        let mut p = Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "The ticket has invalid fields",
        );
        p.errors = Some(errors);
        p
    }

    /// 404 without saying whether anything exists.
    pub fn not_found() -> Problem {
        Problem::new(StatusCode::NOT_FOUND, "not_found", "Not found")
    }

    /// 500; the cause is logged, not shown.
    pub fn internal(cause: &dyn std::fmt::Display) -> Problem {
        tracing::error!("internal error: {cause}");
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Internal server error",
        )
    }

    /// 503 when the store is unreachable; clients retry.
    pub fn unavailable(cause: &dyn std::fmt::Display) -> Problem {
        tracing::error!("store unavailable: {cause}");
        Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "Temporarily unavailable, try again",
        )
        .retry_after(1)
    }
}

/// A [`Problem`] as sent: the `application/problem+json` body of every API error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = Problem)]
pub struct ProblemDetails {
    /// `urn:koban:problem:<code>`.
    #[serde(rename = "type")]
    #[schema(pattern = "^urn:koban:problem:[a-z_]+$")]
    pub type_uri: String,
    /// Short, human-readable summary (English; clients localize from `code`).
    pub title: String,
    /// The HTTP status.
    #[schema(minimum = 400, maximum = 599)]
    pub status: u16,
    /// Explanation specific to this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub detail: Option<String>,
    /// Stable machine-readable code, e.g. `validation_failed`, `idempotency_key_reused`.
    #[schema(pattern = "^[a-z_]+$")]
    pub code: String,
    /// Per-field validation errors (code `validation_failed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub errors: Option<Vec<FieldError>>,
}

impl From<&Problem> for ProblemDetails {
    fn from(p: &Problem) -> Self {
        ProblemDetails {
            type_uri: format!("urn:koban:problem:{}", p.code),
            title: p.title.to_string(),
            status: p.status,
            detail: p.detail.clone(),
            code: p.code.to_string(),
            errors: p.errors.as_ref().map(|e| e.0.clone()),
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&ProblemDetails::from(&self)).unwrap_or_default();
        let mut res = (status, body).into_response();
        res.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(secs) = self.retry_after {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}
