//! Refines the generated schema of `POST /api/v1/feedback` with koban-core's feedback rules
//! ([`koban_core::feedback::validate`](mod@koban_core::feedback::validate)), so the document
//! accepts exactly the batches the server stores:
//!
//! - `events`: 1 to [`MAX_EVENTS`] items;
//! - ids: `[a-z0-9-]{1,80}`; locales: a language tag of at most [`LOCALE_MAX`] characters;
//! - `query`: at most [`QUERY_MAX`] characters once trimmed (leading and trailing `White_Space`
//!   may surround it), not blank, no NUL;
//! - `Retry-After` is always sent with 429 and 503.

use koban_core::feedback::{ID_MAX, LOCALE_MAX, MAX_EVENTS, QUERY_MAX};
use serde_json::{Value, json};

use super::refine::WS;

/// An article, flow or step id ([`koban_core::feedback::validate::is_id`]).
pub fn id() -> Value {
    json!({ "type": "string", "pattern": format!("^[a-z0-9-]{{1,{ID_MAX}}}$") })
}

/// A language tag as [`koban_core::boot::is_language_tag`] reads it.
pub fn locale() -> Value {
    json!({
        "type": "string",
        "maxLength": LOCALE_MAX,
        "pattern": "^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$",
    })
}

/// A query whose trimmed text has 1 to [`QUERY_MAX`] characters and no NUL: optional
/// whitespace, a first and (if more than one) a last character that are neither whitespace nor
/// NUL with anything but NUL between them, optional whitespace.
pub fn query() -> Value {
    let inner = QUERY_MAX - 2;
    json!({
        "type": "string",
        "pattern": format!(
            r"^[{WS}]*[^\u0000{WS}]([^\u0000]{{0,{inner}}}[^\u0000{WS}])?[{WS}]*$"
        ),
    })
}

/// Refines `doc` (the generated document as JSON).
pub fn refine(doc: &mut Value) {
    let schemas = &mut doc["components"]["schemas"];
    if let Some(events) = schemas["FeedbackBatch"]["properties"]["events"].as_object_mut() {
        events.insert("minItems".into(), json!(1));
        events.insert("maxItems".into(), json!(MAX_EVENTS));
    }
    if let Some(branches) = schemas["FeedbackEvent"]["oneOf"].as_array_mut() {
        for branch in branches {
            let Some(props) = branch["properties"].as_object_mut() else {
                continue;
            };
            for (name, schema) in props.iter_mut() {
                let refined = match name.as_str() {
                    "articleId" | "flowId" | "stepId" => id(),
                    "locale" => locale(),
                    "query" => query(),
                    _ => continue,
                };
                let description = schema.get("description").cloned();
                *schema = refined;
                if let Some(d) = description {
                    schema["description"] = d;
                }
            }
        }
    }
    let responses = &mut doc["paths"]["/api/v1/feedback"]["post"]["responses"];
    for status in ["429", "503"] {
        if let Some(h) = responses[status]["headers"]["Retry-After"].as_object_mut() {
            h.insert("required".into(), json!(true));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_koban_cores() {
        assert_eq!(id()["pattern"], "^[a-z0-9-]{1,80}$");
        let q = query()["pattern"].as_str().unwrap().to_string();
        assert!(q.contains("{0,198}") && q.contains("\\u3000"), "{q}");
        assert!(!q.contains("\\s"), "{q}");
    }
}
