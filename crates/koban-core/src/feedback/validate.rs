//! Validation of a feedback batch, reporting every problem as `{ field, code }` with the JSON path
//! of the field: `events` for the list itself, `events[3]` for an event that is not an object,
//! `events[3].query` for one of its fields.
//!
//! [`FeedbackBatch::validate`] checks a typed batch (what the widget runs before sending);
//! [`parse_batch`] reads untrusted JSON (what the server runs), so that a missing field or a
//! wrong JSON type is reported with its path too instead of as one serde message. Hand-written
//! over `serde_json::Value` because serde's errors name neither the event index nor the field
//! in a form a client can map to its input.
//!
//! The rules (the server's OpenAPI document states the same ones as JSON Schema):
//! - `events`: 1 to [`MAX_EVENTS`] events;
//! - `query`: after trimming, 1 to [`QUERY_MAX`] characters, no NUL;
//! - `articleId`, `flowId`, `stepId`: `[a-z0-9-]{1,80}`;
//! - `locale`: a language tag (see [`is_language_tag`]) of at most [`LOCALE_MAX`] characters;
//! - `outcome`: `resolved`, `escalated` or `abandoned`; `helpful`: a boolean.
//!
//! ```
//! use koban_core::feedback::{parse_batch, FeedbackErrorCode};
//! let body = serde_json::json!({ "events": [
//!     { "type": "searchNoResults", "query": "   ", "locale": "en" },
//!     { "type": "articleRated", "articleId": "Bad Id", "helpful": "yes", "locale": "en" }
//! ] });
//! let errors = parse_batch(&body).unwrap_err();
//! assert!(errors.has("events[0].query", FeedbackErrorCode::Required));
//! assert!(errors.has("events[1].helpful", FeedbackErrorCode::InvalidType));
//! ```

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::event::{FeedbackBatch, FeedbackEvent, FlowOutcomeKind};
use super::{ID_MAX, LOCALE_MAX, MAX_EVENTS, QUERY_MAX};
use crate::boot::is_language_tag;

/// Why a field was rejected. The serialized names are a stable contract.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackErrorCode {
    /// Missing, empty or blank; for `events`, no event at all.
    Required,
    /// Longer than the limit (see [`FeedbackFieldError::max`]).
    TooLong,
    /// More events than the limit (see [`FeedbackFieldError::max`]).
    TooMany,
    /// The JSON type does not fit (e.g. text for `helpful`, a number for an event).
    InvalidType,
    /// Not one of the allowed values (`type`, `outcome`).
    NotAnOption,
    /// Not an id of lowercase ASCII letters, digits and `-`.
    InvalidId,
    /// Not a language tag.
    InvalidLocale,
    /// The text contains a NUL character (U+0000), which no database column can keep.
    InvalidCharacter,
}

impl FeedbackErrorCode {
    /// The stable wire name, e.g. `too_long`.
    pub fn as_str(self) -> &'static str {
        match self {
            FeedbackErrorCode::Required => "required",
            FeedbackErrorCode::TooLong => "too_long",
            FeedbackErrorCode::TooMany => "too_many",
            FeedbackErrorCode::InvalidType => "invalid_type",
            FeedbackErrorCode::NotAnOption => "not_an_option",
            FeedbackErrorCode::InvalidId => "invalid_id",
            FeedbackErrorCode::InvalidLocale => "invalid_locale",
            FeedbackErrorCode::InvalidCharacter => "invalid_character",
        }
    }
}

impl std::fmt::Display for FeedbackErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rejected field.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackFieldError {
    /// Path of the field, e.g. `events`, `events[3]` or `events[3].query`.
    pub field: String,
    /// What is wrong.
    pub code: FeedbackErrorCode,
    /// For [`FeedbackErrorCode::TooLong`] and [`FeedbackErrorCode::TooMany`]: the limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<usize>,
}

/// Every problem found in a batch, in order. Never empty when returned as an error.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, thiserror::Error)]
#[serde(transparent)]
#[error("{} invalid field(s): {}", .0.len(), summary(.0))]
pub struct FeedbackErrors(pub Vec<FeedbackFieldError>);

fn summary(errors: &[FeedbackFieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{} {}", e.field, e.code))
        .collect::<Vec<_>>()
        .join(", ")
}

impl FeedbackErrors {
    /// Whether `field` was rejected with `code`.
    pub fn has(&self, field: &str, code: FeedbackErrorCode) -> bool {
        self.0.iter().any(|e| e.field == field && e.code == code)
    }

    fn push(&mut self, field: impl Into<String>, code: FeedbackErrorCode) {
        self.push_max(field, code, None);
    }

    fn push_max(&mut self, field: impl Into<String>, code: FeedbackErrorCode, max: Option<usize>) {
        self.0.push(FeedbackFieldError {
            field: field.into(),
            code,
            max,
        });
    }

    fn into_result(self) -> Result<(), FeedbackErrors> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }

    fn query(&mut self, field: String, query: &str) {
        let trimmed = query.trim();
        if trimmed.is_empty() {
            self.push(field, FeedbackErrorCode::Required);
        } else if trimmed.chars().count() > QUERY_MAX {
            self.push_max(field, FeedbackErrorCode::TooLong, Some(QUERY_MAX));
        } else if trimmed.contains('\0') {
            self.push(field, FeedbackErrorCode::InvalidCharacter);
        }
    }

    fn id(&mut self, field: String, id: &str) {
        if id.is_empty() {
            self.push(field, FeedbackErrorCode::Required);
        } else if id.len() > ID_MAX {
            self.push_max(field, FeedbackErrorCode::TooLong, Some(ID_MAX));
        } else if !is_id(id) {
            self.push(field, FeedbackErrorCode::InvalidId);
        }
    }

    fn locale(&mut self, field: String, locale: &str) {
        if locale.is_empty() {
            self.push(field, FeedbackErrorCode::Required);
        } else if locale.len() > LOCALE_MAX {
            self.push_max(field, FeedbackErrorCode::TooLong, Some(LOCALE_MAX));
        } else if !is_language_tag(locale) {
            self.push(field, FeedbackErrorCode::InvalidLocale);
        }
    }

    fn event(&mut self, index: usize, event: &FeedbackEvent) {
        let at = |name: &str| format!("events[{index}].{name}");
        match event {
            FeedbackEvent::ArticleRated { article_id, .. } => self.id(at("articleId"), article_id),
            FeedbackEvent::SearchNoResults { query, .. }
            | FeedbackEvent::SearchToTicket { query, .. } => self.query(at("query"), query),
            FeedbackEvent::FlowOutcome {
                flow_id, step_id, ..
            } => {
                self.id(at("flowId"), flow_id);
                self.id(at("stepId"), step_id);
            }
        }
        self.locale(at("locale"), event.locale());
    }
}

/// An article, flow or step id: 1 to [`ID_MAX`] of `a-z`, `0-9` and `-`.
pub fn is_id(s: &str) -> bool {
    (1..=ID_MAX).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl FeedbackBatch {
    /// Checks every event; `Err` lists every problem.
    pub fn validate(&self) -> Result<(), FeedbackErrors> {
        let mut errors = FeedbackErrors::default();
        check_count(&mut errors, self.events.len());
        for (i, event) in self.events.iter().enumerate() {
            errors.event(i, event);
        }
        errors.into_result()
    }
}

fn check_count(errors: &mut FeedbackErrors, n: usize) {
    if n == 0 {
        errors.push("events", FeedbackErrorCode::Required);
    } else if n > MAX_EVENTS {
        errors.push_max("events", FeedbackErrorCode::TooMany, Some(MAX_EVENTS));
    }
}

/// Reads a batch from untrusted JSON and validates it: missing fields, wrong JSON types, unknown
/// event types and every rule of [`FeedbackBatch::validate`] are reported together, each with its
/// path. Members not described here are ignored (newer widgets may send more). A `body` that is
/// not a JSON object is reported with the empty path `""`.
pub fn parse_batch(body: &Value) -> Result<FeedbackBatch, FeedbackErrors> {
    let mut errors = FeedbackErrors::default();
    let Some(body) = body.as_object() else {
        errors.push("", FeedbackErrorCode::InvalidType);
        return Err(errors);
    };
    let items = match body.get("events") {
        None | Some(Value::Null) => {
            errors.push("events", FeedbackErrorCode::Required);
            return Err(errors);
        }
        Some(Value::Array(items)) => items,
        Some(_) => {
            errors.push("events", FeedbackErrorCode::InvalidType);
            return Err(errors);
        }
    };
    check_count(&mut errors, items.len());
    let mut events = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let Some(obj) = item.as_object() else {
            errors.push(format!("events[{i}]"), FeedbackErrorCode::InvalidType);
            continue;
        };
        let mut shape = FeedbackErrors::default();
        let Some(event) = read_event(&mut shape, i, obj) else {
            errors.0.extend(shape.0);
            continue;
        };
        // Rules on the members that were read; a member with a shape error is reported once.
        let mut rules = FeedbackErrors::default();
        rules.event(i, &event);
        rules
            .0
            .retain(|r| !shape.0.iter().any(|s| s.field == r.field));
        errors.0.extend(shape.0);
        errors.0.extend(rules.0);
        events.push(event);
    }
    errors.into_result()?;
    Ok(FeedbackBatch { events })
}

/// The member `name` of `obj`, as `pick` reads it; missing or `null` is `required`, a JSON value
/// `pick` refuses is `invalid_type`. Returns `T::default()` when reporting.
fn member<T: Default>(
    errors: &mut FeedbackErrors,
    index: usize,
    obj: &Map<String, Value>,
    name: &str,
    pick: impl Fn(&Value) -> Option<T>,
) -> T {
    let code = match obj.get(name) {
        None | Some(Value::Null) => FeedbackErrorCode::Required,
        Some(v) => match pick(v) {
            Some(t) => return t,
            None => FeedbackErrorCode::InvalidType,
        },
    };
    errors.push(format!("events[{index}].{name}"), code);
    T::default()
}

fn string(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

/// Reads one event's members by their JSON types, pushing an error for each member that is
/// missing or of the wrong type (the event then carries a placeholder there). `None` if the
/// `type` itself is missing or unknown.
fn read_event(
    errors: &mut FeedbackErrors,
    index: usize,
    obj: &Map<String, Value>,
) -> Option<FeedbackEvent> {
    let text = |errors: &mut FeedbackErrors, name: &str| member(errors, index, obj, name, string);
    let kind = text(errors, "type");
    Some(match kind.as_str() {
        "articleRated" => FeedbackEvent::ArticleRated {
            article_id: text(errors, "articleId"),
            helpful: member(errors, index, obj, "helpful", Value::as_bool),
            locale: text(errors, "locale"),
        },
        "searchNoResults" => FeedbackEvent::SearchNoResults {
            query: text(errors, "query"),
            locale: text(errors, "locale"),
        },
        "searchToTicket" => FeedbackEvent::SearchToTicket {
            query: text(errors, "query"),
            locale: text(errors, "locale"),
        },
        "flowOutcome" => {
            let flow_id = text(errors, "flowId");
            let outcome = match obj.get("outcome") {
                Some(Value::String(s)) => FlowOutcomeKind::parse(s).unwrap_or_else(|| {
                    errors.push(
                        format!("events[{index}].outcome"),
                        FeedbackErrorCode::NotAnOption,
                    );
                    FlowOutcomeKind::Abandoned
                }),
                _ => {
                    member::<String>(errors, index, obj, "outcome", |_| None);
                    FlowOutcomeKind::Abandoned
                }
            };
            FeedbackEvent::FlowOutcome {
                flow_id,
                outcome,
                step_id: text(errors, "stepId"),
                locale: text(errors, "locale"),
            }
        }
        _ => {
            if errors.0.is_empty() {
                errors.push(
                    format!("events[{index}].type"),
                    FeedbackErrorCode::NotAnOption,
                );
            }
            return None;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn codes(body: Value) -> Vec<(String, FeedbackErrorCode)> {
        parse_batch(&body)
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    fn rated(id: &str) -> Value {
        json!({ "type": "articleRated", "articleId": id, "helpful": true, "locale": "en" })
    }

    #[test]
    fn a_valid_batch_parses_into_typed_events() {
        let body = json!({ "events": [
            rated("node-offline"),
            { "type": "searchNoResults", "query": " withdrawl ", "locale": "pt_BR", "extra": 1 },
            { "type": "searchToTicket", "query": "x".repeat(QUERY_MAX), "locale": "zh-Hant-TW" },
            { "type": "flowOutcome", "flowId": "gpu-1", "outcome": "escalated",
              "stepId": "ticket", "locale": "ja" }
        ]});
        let batch = parse_batch(&body).unwrap();
        assert_eq!(batch.events.len(), 4);
        assert_eq!(batch, serde_json::from_value(body).unwrap());
        assert!(batch.validate().is_ok());
        let max: Vec<Value> = (0..MAX_EVENTS).map(|_| rated("a")).collect();
        assert!(parse_batch(&json!({ "events": max })).is_ok());
    }

    #[test]
    fn every_problem_is_reported_with_its_path() {
        use FeedbackErrorCode::*;
        let long = "q".repeat(QUERY_MAX + 1);
        let got = codes(json!({ "events": [
            rated("node-offline"),
            { "type": "searchNoResults", "query": "  \t ", "locale": "en" },
            { "type": "searchToTicket", "query": format!("  {long}  "), "locale": "e" },
            { "type": "articleRated", "articleId": "Node_Offline", "helpful": "yes" },
            { "type": "flowOutcome", "flowId": "f", "outcome": "won", "stepId": "", "locale": "ja" },
            { "type": "ratedArticle" },
            "articleRated",
            { "type": "searchNoResults", "query": "a\u{0}b", "locale": "en-US-x-private-tag-that-is-far-too-long" },
            { "locale": "en" },
            { "type": "flowOutcome", "flowId": "f", "outcome": 1, "stepId": "s", "locale": "ja" }
        ]}));
        let want: Vec<(String, FeedbackErrorCode)> = [
            ("events[1].query", Required),
            ("events[2].query", TooLong),
            ("events[2].locale", InvalidLocale),
            ("events[3].helpful", InvalidType),
            ("events[3].locale", Required),
            ("events[3].articleId", InvalidId),
            ("events[4].outcome", NotAnOption),
            ("events[4].stepId", Required),
            ("events[5].type", NotAnOption),
            ("events[6]", InvalidType),
            ("events[7].query", InvalidCharacter),
            ("events[7].locale", TooLong),
            ("events[8].type", Required),
            ("events[9].outcome", InvalidType),
        ]
        .into_iter()
        .map(|(f, c)| (f.to_string(), c))
        .collect();
        assert_eq!(got, want);
        let err = parse_batch(
            &json!({ "events": [{ "type": "searchToTicket", "query": long, "locale": "en" }] }),
        )
        .unwrap_err();
        assert_eq!(err.0[0].max, Some(QUERY_MAX));
    }

    #[test]
    fn the_batch_needs_one_to_fifty_events() {
        use FeedbackErrorCode::*;
        assert_eq!(
            codes(json!({ "events": [] })),
            [("events".into(), Required)]
        );
        assert_eq!(codes(json!({})), [("events".into(), Required)]);
        assert_eq!(
            codes(json!({ "events": {} })),
            [("events".into(), InvalidType)]
        );
        assert_eq!(codes(json!([])), [("".into(), InvalidType)]);
        let many: Vec<Value> = (0..=MAX_EVENTS).map(|_| rated("a")).collect();
        let err = parse_batch(&json!({ "events": many })).unwrap_err();
        assert_eq!(err.0.len(), 1);
        assert!(err.has("events", TooMany));
        assert_eq!(err.0[0].max, Some(MAX_EVENTS));
        let typed = FeedbackBatch::default().validate().unwrap_err();
        assert!(typed.has("events", Required));
        assert_eq!(typed.to_string(), "1 invalid field(s): events required");
    }

    #[test]
    fn ids_and_locales() {
        assert!(is_id("node-offline-2") && is_id(&"a".repeat(ID_MAX)));
        assert!(!is_id("") && !is_id("Node") && !is_id("a_b") && !is_id(&"a".repeat(ID_MAX + 1)));
        let mut e = FeedbackErrors::default();
        e.locale("l".into(), "ja");
        e.locale("l".into(), "pt_BR");
        assert!(e.0.is_empty());
        e.locale("l".into(), "1a");
        e.locale("l".into(), "en--US");
        assert_eq!(e.0.len(), 2);
    }
}
