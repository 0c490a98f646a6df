//! [`validate`]: checks a [`TicketDraft`] against [`TicketRules`] and reports every problem as a
//! `{ field, code }` pair.
//!
//! Field paths are the JSON names: `name`, `email`, `category`, `subject`, `description`,
//! `fields.<id>` for custom fields and `context.<key>` for the page context.
//!
//! ```
//! use koban_core::ticket::{validate, ErrorCode, TicketDraft, TicketRules};
//! let draft = TicketDraft { email: "nope".into(), ..Default::default() };
//! let errors = validate(&draft, &TicketRules::default()).unwrap_err();
//! assert!(errors.has("email", ErrorCode::InvalidEmail));
//! assert!(errors.has("subject", ErrorCode::Required));
//! ```

use serde::{Deserialize, Serialize};

use super::draft::{FieldValue, TicketDraft};
use super::rules::{CustomFieldRule, FieldKind, TicketRules};

/// Why a field was rejected. The serialized names are a stable contract: the widget maps them to
/// localized messages.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The field must be filled in.
    Required,
    /// Longer than the limit (see [`FieldError::max`]).
    TooLong,
    /// Not an email address.
    InvalidEmail,
    /// Not one of the site's categories.
    UnknownCategory,
    /// A custom field the category does not declare.
    UnknownField,
    /// Not an `http:`/`https:` URL.
    InvalidUrl,
    /// Not a finite number.
    NotANumber,
    /// Not one of the select field's options.
    NotAnOption,
    /// The JSON type does not fit the field (e.g. text for a checkbox).
    InvalidType,
    /// The text contains a NUL character (U+0000), which no database column can keep.
    InvalidCharacter,
    /// No such uploaded file, or it belongs to another ticket (checked by the server).
    UnknownAttachment,
}

impl ErrorCode {
    /// The stable wire name, e.g. `too_long`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Required => "required",
            ErrorCode::TooLong => "too_long",
            ErrorCode::InvalidEmail => "invalid_email",
            ErrorCode::UnknownCategory => "unknown_category",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::InvalidUrl => "invalid_url",
            ErrorCode::NotANumber => "not_a_number",
            ErrorCode::NotAnOption => "not_an_option",
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::InvalidCharacter => "invalid_character",
            ErrorCode::UnknownAttachment => "unknown_attachment",
        }
    }
}

impl ErrorCode {
    /// Every code, in declaration order.
    pub const ALL: [ErrorCode; 11] = [
        ErrorCode::Required,
        ErrorCode::TooLong,
        ErrorCode::InvalidEmail,
        ErrorCode::UnknownCategory,
        ErrorCode::UnknownField,
        ErrorCode::InvalidUrl,
        ErrorCode::NotANumber,
        ErrorCode::NotAnOption,
        ErrorCode::InvalidType,
        ErrorCode::InvalidCharacter,
        ErrorCode::UnknownAttachment,
    ];

    /// The code with wire name `name` (the inverse of [`as_str`](Self::as_str)). The widget
    /// reads problem details with [`crate::decode::problem`], which maps codes with this and
    /// keeps a serde deserializer for error bodies out of the wasm.
    ///
    /// ```
    /// use koban_core::ticket::ErrorCode;
    /// assert_eq!(ErrorCode::from_wire("too_long"), Some(ErrorCode::TooLong));
    /// assert_eq!(ErrorCode::from_wire("nope"), None);
    /// ```
    pub fn from_wire(name: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rejected field.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// JSON path of the field, e.g. `subject` or `fields.job_id`.
    pub field: String,
    /// What is wrong.
    pub code: ErrorCode,
    /// For [`ErrorCode::TooLong`]: the maximum length in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<usize>,
}

/// Every problem found in a draft, in field order. Never empty when returned as an error.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, thiserror::Error)]
#[serde(transparent)]
#[error("{} invalid field(s): {}", .0.len(), summary(.0))]
pub struct FieldErrors(pub Vec<FieldError>);

fn summary(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{} {}", e.field, e.code))
        .collect::<Vec<_>>()
        .join(", ")
}

impl FieldErrors {
    /// Whether `field` was rejected with `code`.
    pub fn has(&self, field: &str, code: ErrorCode) -> bool {
        self.0.iter().any(|e| e.field == field && e.code == code)
    }

    /// The errors of one field.
    pub fn for_field<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a FieldError> + 'a {
        self.0.iter().filter(move |e| e.field == field)
    }

    pub(crate) fn push(&mut self, field: impl Into<String>, code: ErrorCode) {
        self.0.push(FieldError {
            field: field.into(),
            code,
            max: None,
        });
    }

    pub(crate) fn too_long(&mut self, field: impl Into<String>, max: usize) {
        self.0.push(FieldError {
            field: field.into(),
            code: ErrorCode::TooLong,
            max: Some(max),
        });
    }

    /// Checks presence, length and characters of a text field.
    pub(crate) fn text(&mut self, field: &str, value: &str, required: bool, max: usize) {
        if required && value.trim().is_empty() {
            self.push(field, ErrorCode::Required);
        } else if value.chars().count() > max {
            self.too_long(field, max);
        } else if value.contains('\0') {
            self.push(field, ErrorCode::InvalidCharacter);
        }
    }
}

/// Validates `draft` against `rules`; `Err` lists every problem.
///
/// Honeypot and fill time are not checked here: they are anti-abuse measures the server applies
/// (and a person never sees their errors).
pub fn validate(draft: &TicketDraft, rules: &TicketRules) -> Result<(), FieldErrors> {
    let limits = &rules.limits;
    let mut errors = FieldErrors::default();
    errors.text("name", &draft.name, limits.require_name, limits.name_max);
    if draft.email.trim().is_empty() {
        errors.push("email", ErrorCode::Required);
    } else if draft.email.chars().count() > limits.email_max {
        errors.too_long("email", limits.email_max);
    } else if !is_email(&draft.email) {
        errors.push("email", ErrorCode::InvalidEmail);
    }
    let category = if draft.category.trim().is_empty() {
        errors.push("category", ErrorCode::Required);
        None
    } else if rules.categories.is_empty() {
        if draft.category.contains('\0') {
            errors.push("category", ErrorCode::InvalidCharacter);
        }
        None
    } else {
        let found = rules.category(&draft.category);
        if found.is_none() {
            errors.push("category", ErrorCode::UnknownCategory);
        }
        found
    };
    errors.text("subject", &draft.subject, true, limits.subject_max);
    errors.text(
        "description",
        &draft.description,
        true,
        limits.description_max,
    );
    if let Some(category) = category {
        for rule in &category.fields {
            check_field(&mut errors, rule, draft.fields.get(&rule.id), rules);
        }
        for id in draft.fields.keys() {
            if !category.fields.iter().any(|f| &f.id == id) {
                errors.push(format!("fields.{id}"), ErrorCode::UnknownField);
            }
        }
    }
    if draft.attachments.len() > limits.attachments_max {
        errors.too_long("attachments", limits.attachments_max);
    }
    let ctx = &draft.context;
    for (key, value) in [
        ("route", &ctx.route),
        ("locale", &ctx.locale),
        ("widgetVersion", &ctx.widget_version),
        ("userAgent", &ctx.user_agent),
    ] {
        if value.chars().count() > limits.context_max {
            errors.too_long(format!("context.{key}"), limits.context_max);
        }
    }
    if errors.0.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn check_field(
    errors: &mut FieldErrors,
    rule: &CustomFieldRule,
    value: Option<&FieldValue>,
    rules: &TicketRules,
) {
    let path = format!("fields.{}", rule.id);
    let max = match rule.kind {
        FieldKind::Textarea => rules.limits.textarea_max,
        _ => rules.limits.field_max,
    };
    // Too long is too long, even when blank.
    if let Some(FieldValue::Text(s)) = value
        && s.chars().count() > max
    {
        errors.too_long(path, max);
        return;
    }
    let Some(value) = value.filter(|v| !v.is_empty()) else {
        if rule.required {
            errors.push(path, ErrorCode::Required);
        } else if matches!(value, Some(FieldValue::Bool(_))) && rule.kind != FieldKind::Checkbox {
            // An unticked box is fine, but only on a checkbox.
            errors.push(path, ErrorCode::InvalidType);
        }
        return;
    };
    match (rule.kind, value) {
        (FieldKind::Checkbox, FieldValue::Bool(_)) => {}
        (FieldKind::Checkbox, _) => errors.push(path, ErrorCode::InvalidType),
        (FieldKind::Number, FieldValue::Number(n)) if n.is_finite() => {}
        (FieldKind::Number, FieldValue::Text(s)) if is_finite_number(s.trim()) => {}
        (FieldKind::Number, _) => errors.push(path, ErrorCode::NotANumber),
        (FieldKind::Text | FieldKind::Textarea, FieldValue::Text(_)) => {}
        (FieldKind::Select, FieldValue::Text(s)) => {
            if !rule.options.iter().any(|o| o == s) {
                errors.push(path, ErrorCode::NotAnOption)
            }
        }
        (FieldKind::Url, FieldValue::Text(s)) => {
            if !is_http_url(s.trim()) {
                errors.push(path, ErrorCode::InvalidUrl)
            }
        }
        (_, _) => errors.push(path, ErrorCode::InvalidType),
    }
}

/// Whether `s` parses as a finite `f64`: exactly `s.parse::<f64>().is_ok_and(f64::is_finite)`,
/// without core's float parser (its Eisel-Lemire tables are about 14 KB of the widget's gzipped
/// wasm). Rust's grammar: `[+-]? (digits | digits '.' digits? | '.' digits) ([eE] [+-]? digits)?`
/// (`inf`, `infinity` and `nan` parse but are not finite); a number overflows to infinity when
/// it is at least 2^1024 - 2^970, halfway between `f64::MAX` and 2^1024 (ties go to even).
pub fn is_finite_number(s: &str) -> bool {
    /// 2^1024 - 2^970 (309 digits before the point), trailing zeros removed.
    const LIMIT: &[u8] = b"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";
    let digits = |b: &[u8]| b.iter().take_while(|c| c.is_ascii_digit()).count();
    let b = s.as_bytes();
    let b = b.strip_prefix(b"+").or(b.strip_prefix(b"-")).unwrap_or(b);
    let (int, rest) = b.split_at(digits(b));
    let (frac, rest) = match rest.strip_prefix(b".") {
        Some(r) => r.split_at(digits(r)),
        None => (&[][..], rest),
    };
    if int.is_empty() && frac.is_empty() {
        return false;
    }
    let mut exp: i64 = 0;
    if let Some(e) = rest.strip_prefix(b"e").or(rest.strip_prefix(b"E")) {
        let (neg, e) = match e.split_first() {
            Some((b'-', e)) => (true, e),
            Some((b'+', e)) => (false, e),
            _ => (false, e),
        };
        if e.is_empty() || digits(e) != e.len() {
            return false;
        }
        for d in e {
            exp = (exp * 10 + i64::from(d - b'0')).min(1 << 40);
        }
        if neg {
            exp = -exp;
        }
    } else if !rest.is_empty() {
        return false;
    }
    // The value is 0.<significant digits> × 10^point.
    let zeros = int.iter().chain(frac).take_while(|d| **d == b'0').count();
    let all: Vec<u8> = int.iter().chain(frac).skip(zeros).copied().collect();
    let significant = &all[..all.len() - all.iter().rev().take_while(|d| **d == b'0').count()];
    if significant.is_empty() {
        return true;
    }
    let point = int.len() as i64 - zeros as i64 + exp;
    point < 309 || (point == 309 && significant < LIMIT)
}

/// A pragmatic email check: `local@domain.tld`, no spaces or control characters, one `@`, a dot
/// in the domain that is neither first nor last. Deliverability is the mail server's business.
pub fn is_email(s: &str) -> bool {
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.chars().count() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// Whether `s` is an absolute `http:` or `https:` URL with a host and no whitespace.
pub fn is_http_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return false;
    };
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    !host.is_empty()
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
