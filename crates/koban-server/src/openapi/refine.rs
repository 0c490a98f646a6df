//! Refines the generated request schema with what this server is configured to accept, so the
//! document promises exactly what `POST /api/v1/tickets` does:
//!
//! - required fields, lengths (`maxLength` counts characters, like koban-core's [`validate`]);
//! - "filled in" as koban-core means it: not blank, where blank is `str::trim` whitespace (the
//!   Unicode `White_Space` set, spelled out as a character class so ECMA-262 and Python regex
//!   engines read it the same way); no NUL in the text stored in columns;
//! - `email` as koban-core's [`is_email`] checks it (a pattern, not `format: email`, whose
//!   validators disagree with each other);
//! - `category` as the site's category ids, and `fields` per category (`oneOf`, one branch per
//!   category) with each custom field's kind, options and whether it is required; a field that is
//!   not required may also be blank;
//! - the honeypot `website` must be empty, `fillMs` must reach `min_fill_ms`;
//! - response headers that are always sent are marked required.
//!
//! [`validate`]: koban_core::ticket::validate()
//! [`is_email`]: koban_core::ticket::validate::is_email

use koban_core::ticket::{CustomFieldRule, FieldKind, TicketLimits};
use serde_json::{Map, Value, json};

use crate::tickets::TicketsConfig;

/// Characters `char::is_whitespace` is true for (`White_Space`).
pub const WS: &str = r"\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";
/// Characters `char::is_control` is true for (`Cc`).
const CTRL: &str = r"\u0000-\u001f\u007f-\u009f";

/// Contains a character that is not whitespace.
pub fn nonblank() -> String {
    format!("[^{WS}]")
}

/// Only whitespace (or nothing).
pub fn blank() -> String {
    format!("^[{WS}]*$")
}

/// No NUL.
pub fn no_nul() -> String {
    r"^[^\u0000]*$".to_string()
}

/// Not blank and no NUL.
pub fn nonblank_no_nul() -> String {
    format!(r"^[^\u0000]*[^\u0000{WS}][^\u0000]*$")
}

/// [`is_email`](koban_core::ticket::validate::is_email): one `@`, 1–64 characters before it,
/// dot-separated non-empty labels after it, no whitespace or control characters.
pub fn email() -> String {
    let c = format!("{WS}{CTRL}");
    format!(r"^[^@{c}]{{1,64}}@[^@.{c}]+(\.[^@.{c}]+)+$")
}

/// [`is_http_url`](koban_core::ticket::validate::is_http_url) of the trimmed value.
pub fn http_url() -> String {
    let c = format!("{WS}{CTRL}");
    let host = format!(r"(\[[^\]@/?#{c}][^@/?#{c}]*|[^\[:@/?#{c}][^@/?#{c}]*)");
    format!(r"^[{WS}]*[hH][tT][tT][pP][sS]?://([^/?#{c}]*@)?{host}([/?#][^{c}]*)?[{WS}]*$")
}

/// A number typed as text that Rust's `f64` parser reads as a finite number (trimmed). Digits
/// are bounded so the value cannot overflow to infinity.
pub fn number_text() -> String {
    format!(r"^[{WS}]*[+-]?([0-9]{{1,200}}(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{{1,2}})?[{WS}]*$")
}

fn string(max: usize, pattern: String) -> Value {
    json!({ "type": "string", "maxLength": max, "pattern": pattern })
}

/// Keeps the `description` of `old` on `new`.
fn with_description(old: &Value, mut new: Value) -> Value {
    if let (Some(d), Some(obj)) = (old.get("description"), new.as_object_mut()) {
        obj.insert("description".into(), d.clone());
    }
    new
}

/// The schema of one custom field's value.
pub fn field_schema(rule: &CustomFieldRule, limits: &TicketLimits) -> Value {
    let max = match rule.kind {
        FieldKind::Textarea => limits.textarea_max,
        _ => limits.field_max,
    };
    let filled = match rule.kind {
        FieldKind::Text | FieldKind::Textarea => string(max, nonblank()),
        FieldKind::Url => string(max, http_url()),
        FieldKind::Select => {
            let options: Vec<&String> = rule
                .options
                .iter()
                .filter(|o| !o.trim().is_empty() && o.chars().count() <= max)
                .collect();
            json!({ "type": "string", "enum": options })
        }
        FieldKind::Number => json!({
            "anyOf": [{ "type": "number" }, string(max, number_text())]
        }),
        FieldKind::Checkbox if rule.required => json!({ "type": "boolean", "const": true }),
        FieldKind::Checkbox => json!({ "type": "boolean" }),
    };
    if rule.required {
        filled
    } else {
        // Left empty: blank text counts as not filled in.
        json!({ "anyOf": [filled, string(max, blank())] })
    }
}

/// Refines `doc` (the generated document as JSON) for a server running with `config`.
pub fn refine(doc: &mut Value, config: &TicketsConfig) {
    let rules = &config.rules;
    let limits = &rules.limits;
    let schemas = &mut doc["components"]["schemas"];

    if let Some(props) = schemas["TicketContext"]["properties"].as_object_mut() {
        for key in ["route", "locale", "widgetVersion", "userAgent"] {
            let old = props.get(key).cloned().unwrap_or(Value::Null);
            props.insert(
                key.into(),
                with_description(
                    &old,
                    json!({ "type": "string", "maxLength": limits.context_max }),
                ),
            );
        }
        let old = props.get("transcript").cloned().unwrap_or(Value::Null);
        props.insert("transcript".into(), with_description(&old, json!({})));
    }

    let draft = &mut schemas["TicketDraft"];
    let mut required = vec!["email", "category", "subject", "description"];
    if let Some(props) = draft["properties"].as_object_mut() {
        let mut set = |key: &str, schema: Value| {
            let old = props.get(key).cloned().unwrap_or(Value::Null);
            props.insert(key.into(), with_description(&old, schema));
        };
        if limits.require_name {
            required.push("name");
            set("name", string(limits.name_max, nonblank_no_nul()));
        } else {
            set("name", string(limits.name_max, no_nul()));
        }
        set("email", string(limits.email_max, email()));
        if rules.categories.is_empty() {
            set(
                "category",
                json!({ "type": "string", "pattern": nonblank_no_nul() }),
            );
        } else {
            let ids: Vec<&str> = rules.categories.iter().map(|c| c.id.as_str()).collect();
            set("category", json!({ "type": "string", "enum": ids }));
        }
        set("subject", string(limits.subject_max, nonblank_no_nul()));
        set(
            "description",
            string(limits.description_max, nonblank_no_nul()),
        );
        set(
            "fields",
            json!({
                "type": "object",
                "additionalProperties": { "$ref": "#/components/schemas/FieldValue" }
            }),
        );
        set(
            "attachments",
            match &config.attachments {
                Some(_) => json!({
                    "type": "array",
                    "maxItems": limits.attachments_max,
                    "items": { "type": "string" },
                    "description": "Ids returned by POST /api/v1/attachments, each usable by one ticket."
                }),
                None => json!({
                    "type": "array",
                    "maxItems": 0,
                    "items": { "type": "string" },
                    "description": "Attachments are off on this server."
                }),
            },
        );
        set("website", json!({ "type": "string", "maxLength": 0 }));
        if config.min_fill_ms > 0 {
            required.push("fillMs");
            set(
                "fillMs",
                json!({ "type": "integer", "minimum": config.min_fill_ms, "maximum": u64::MAX }),
            );
        } else {
            set(
                "fillMs",
                json!({ "type": ["integer", "null"], "minimum": 0, "maximum": u64::MAX }),
            );
        }
    }
    if let Some(obj) = draft.as_object_mut() {
        obj.insert(
            "description".into(),
            json!(
                "A ticket as the widget sends it. Every field is validated by the same code \
                 the widget runs; the constraints below are this server's (its content's \
                 categories and custom fields, its limits)."
            ),
        );
        obj.insert("required".into(), json!(required));
        if !rules.categories.is_empty() {
            let branches: Vec<Value> = rules
                .categories
                .iter()
                .map(|c| {
                    let mut props = Map::new();
                    let mut required = Vec::new();
                    for f in &c.fields {
                        props.insert(f.id.clone(), field_schema(f, limits));
                        if f.required {
                            required.push(f.id.clone());
                        }
                    }
                    let fields = json!({
                        "type": "object",
                        "properties": props,
                        "required": required,
                        "additionalProperties": false,
                    });
                    let mut branch_required = vec!["category"];
                    if c.fields.iter().any(|f| f.required) {
                        branch_required.push("fields");
                    }
                    json!({
                        "title": format!("category {}", c.id),
                        "properties": { "category": { "const": c.id }, "fields": fields },
                        "required": branch_required,
                    })
                })
                .collect();
            obj.insert("oneOf".into(), json!(branches));
        }
    }

    // The created ticket can be read back with its reference and access token.
    let paths = &mut doc["paths"];
    if config.attachments.is_none()
        && let Some(paths) = paths.as_object_mut()
    {
        paths.remove("/api/v1/attachments");
    }
    if let Some(created) = paths["/api/v1/tickets"]["post"]["responses"]["201"].as_object_mut() {
        created.insert(
            "links".into(),
            json!({
                "GetTicket": {
                    "operationId": "getTicket",
                    "description": "Read the ticket back with the access token returned here.",
                    "parameters": {
                        "path.reference": "$response.body#/reference",
                        "header.Authorization": "Bearer {$response.body#/accessToken}"
                    }
                }
            }),
        );
    }

    // Headers that are always sent.
    for (path, method, status, name) in [
        ("/api/v1/tickets", "post", "201", "Location"),
        ("/api/v1/tickets", "post", "409", "Retry-After"),
        ("/api/v1/tickets", "post", "429", "Retry-After"),
        ("/api/v1/admin/tickets", "get", "401", "WWW-Authenticate"),
        ("/api/v1/content", "get", "200", "ETag"),
    ] {
        if let Some(h) = paths[path][method]["responses"][status]["headers"][name].as_object_mut() {
            h.insert("required".into(), json!(true));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use koban_core::ticket::validate::{is_email, is_http_url};

    /// A minimal regex engine is not at hand, so the patterns are checked on their shape here
    /// and against the server's behaviour by schemathesis (`scripts/schemathesis.sh`).
    #[test]
    fn patterns_escape_what_json_schema_needs() {
        for p in [nonblank(), blank(), email(), http_url(), number_text()] {
            assert!(!p.contains("\\s") && !p.contains("\\d"), "{p}");
            assert!(p.contains("\\u3000"), "{p}");
        }
        assert!(is_email("a@b.co") && is_http_url("http://[::1"));
    }

    #[test]
    fn optional_fields_may_be_blank_required_ones_not() {
        let limits = TicketLimits::default();
        let rule = |kind, required| CustomFieldRule {
            id: "x".into(),
            kind,
            required,
            options: vec!["a".into(), " ".into()],
        };
        let s = field_schema(&rule(FieldKind::Checkbox, true), &limits);
        assert_eq!(s, json!({ "type": "boolean", "const": true }));
        let s = field_schema(&rule(FieldKind::Select, false), &limits);
        assert_eq!(s["anyOf"][0]["enum"], json!(["a"]));
        assert_eq!(s["anyOf"][1]["pattern"], json!(blank()));
        let s = field_schema(&rule(FieldKind::Textarea, true), &limits);
        assert_eq!(s["maxLength"], json!(limits.textarea_max));
    }
}
