//! The small API answers the widget reads: problem details ([`problem_from_json`]) and the
//! attachment policy ([`attachment_policy_from_json`]).

use serde_json::Value;

use super::{from_text, list, number, opt_text, present, text};
use crate::problem::ProblemDetails;
use crate::ticket::files::AttachmentPolicy;
use crate::ticket::{ErrorCode, FieldError};

/// The [`ProblemDetails`] in `json` (an error body of the API), or `None` when it is not one
/// (e.g. a proxy's HTML error page).
pub fn problem_from_json(json: &str) -> Option<ProblemDetails> {
    from_text(json, problem)
}

/// A [`ProblemDetails`]: `type`, `title`, `status` and `code` required; `detail` and `errors`
/// optional.
pub fn problem(v: &Value) -> Option<ProblemDetails> {
    let o = v.as_object()?;
    Some(ProblemDetails {
        type_uri: text(o, "type")?,
        title: text(o, "title")?,
        status: number(o.get("status")?)?,
        detail: opt_text(o, "detail")?,
        code: text(o, "code")?,
        errors: match present(o, "errors") {
            None => None,
            Some(errors) => Some(list(errors, field_error)?),
        },
    })
}

/// A [`FieldError`]: `{ field, code, max? }`.
fn field_error(v: &Value) -> Option<FieldError> {
    let o = v.as_object()?;
    Some(FieldError {
        field: text(o, "field")?,
        code: ErrorCode::from_wire(o.get("code")?.as_str()?)?,
        max: match present(o, "max") {
            None => None,
            Some(max) => Some(number(max)?),
        },
    })
}

/// The [`AttachmentPolicy`] in `json` (the body of `GET /api/v1/attachments`), or `None`.
pub fn attachment_policy_from_json(json: &str) -> Option<AttachmentPolicy> {
    from_text(json, attachment_policy)
}

/// An [`AttachmentPolicy`]: `{ maxBytes, maxFiles, extensions }`, all required.
pub fn attachment_policy(v: &Value) -> Option<AttachmentPolicy> {
    let o = v.as_object()?;
    Some(AttachmentPolicy {
        max_bytes: number(o.get("maxBytes")?)?,
        max_files: number(o.get("maxFiles")?)?,
        extensions: list(o.get("extensions")?, |e| e.as_str().map(str::to_owned))?,
    })
}

#[cfg(test)]
mod tests {
    use super::super::same_as_serde;
    use super::*;

    #[test]
    fn problems_read_like_the_derives() {
        same_as_serde(
            &[
                r#"{"type":"urn:koban:problem:too_fast","title":"T","status":422,"code":"too_fast"}"#,
                r#"{"type":"u","title":"T","status":422,"detail":"d","code":"validation_failed",
                    "errors":[{"field":"subject","code":"too_long","max":200},
                              {"field":"email","code":"invalid_email","max":null}]}"#,
                r#"{"type":"u","title":"T","status":400,"detail":null,"code":"c","errors":null,"x":1}"#,
                r#"{"type":"u","title":"T","status":400,"code":"c","errors":[]}"#,
                // Not problem details:
                r#"{"type":"u","title":"T","status":400}"#,
                r#"{"type":"u","title":"T","status":70000,"code":"c"}"#,
                r#"{"type":"u","title":"T","status":"400","code":"c"}"#,
                r#"{"type":"u","title":"T","status":400,"code":"c","detail":1}"#,
                r#"{"type":"u","title":"T","status":400,"code":"c","errors":[{"field":"a","code":"nope"}]}"#,
                r#"{"type":"u","title":"T","status":400,"code":"c","errors":[{"field":"a"}]}"#,
                r#"{"type":"u","title":"T","status":400,"code":"c","errors":{}}"#,
                "[]",
                "<html>Bad gateway</html>",
            ],
            problem_from_json,
        );
    }

    #[test]
    fn attachment_policies_read_like_the_derives() {
        same_as_serde(
            &[
                r#"{"maxBytes":10485760,"maxFiles":5,"extensions":["png","log"]}"#,
                r#"{"maxBytes":1,"maxFiles":0,"extensions":[],"more":true}"#,
                r#"{"maxBytes":1,"maxFiles":5}"#,
                r#"{"maxBytes":-1,"maxFiles":5,"extensions":[]}"#,
                r#"{"maxBytes":1.5,"maxFiles":5,"extensions":[]}"#,
                r#"{"maxBytes":1,"maxFiles":5,"extensions":[1]}"#,
                r#"{"max_bytes":1,"max_files":5,"extensions":[]}"#,
                "null",
            ],
            attachment_policy_from_json,
        );
    }
}
