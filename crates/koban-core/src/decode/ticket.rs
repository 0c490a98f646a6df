//! The widget's saved ticket (local storage) and the host's prefill object.

use serde_json::{Map, Value};

use super::{number, opt, opt_list, opt_text, present, string, text};
use crate::ticket::files::SavedFile;
use crate::ticket::outbox::{Outbox, SavedTicket};
use crate::ticket::{FieldValue, TicketContext, TicketDraft};

/// The saved ticket in `json` (the widget's local-storage format), or `None`.
pub fn saved_ticket_from_json(json: &str) -> Option<SavedTicket> {
    saved_ticket(&serde_json::from_str(json).ok()?)
}

/// Whether the saved ticket in `json` waits in the outbox (submitted, not yet accepted), reading
/// only its `outbox` member: the widget's first download asks this to know that the desk build
/// must take over and send it, without carrying the whole ticket decoder.
///
/// ```
/// use koban_core::decode::saved_ticket_in_outbox;
/// assert!(saved_ticket_in_outbox(r#"{"outbox":{"key":"k","body":"{}","attempts":0}}"#));
/// assert!(!saved_ticket_in_outbox(r#"{"outbox":null}"#));
/// assert!(!saved_ticket_in_outbox("not json"));
/// ```
pub fn saved_ticket_in_outbox(json: &str) -> bool {
    serde_json::from_str::<Value>(json)
        .ok()
        .is_some_and(|saved| saved.get("outbox").is_some_and(Value::is_object))
}

/// A [`SavedTicket`]: every member optional (`#[serde(default)]`).
pub fn saved_ticket(v: &Value) -> Option<SavedTicket> {
    let o = v.as_object()?;
    Some(SavedTicket {
        draft: match o.get("draft") {
            None => TicketDraft::default(),
            Some(d) => draft(d)?,
        },
        started_ms: opt(o, "started_ms", Value::as_u64)?.unwrap_or_default(),
        transcript_removed: opt(o, "transcript_removed", Value::as_bool)?.unwrap_or_default(),
        files: opt_list(o, "files", |v| {
            let o = v.as_object()?;
            Some(SavedFile {
                id: text(o, "id")?,
                name: text(o, "name")?,
                size: o.get("size")?.as_u64()?,
            })
        })?,
        outbox: opt_outbox(o)?,
    })
}

/// A [`TicketDraft`] (camelCase members, every one optional), as in a saved ticket or the host's
/// `Koban('prefill', {...})`.
pub fn draft(v: &Value) -> Option<TicketDraft> {
    let o = v.as_object()?;
    let s = |key| Some(opt(o, key, string)?.unwrap_or_default());
    Some(TicketDraft {
        name: s("name")?,
        email: s("email")?,
        category: s("category")?,
        subject: s("subject")?,
        description: s("description")?,
        fields: match o.get("fields") {
            None => Default::default(),
            Some(f) => {
                // Inserted one by one: collecting into a BTreeMap would bring a stable sort.
                let mut fields = std::collections::BTreeMap::new();
                for (k, v) in f.as_object()? {
                    fields.insert(k.clone(), field_value(v)?);
                }
                fields
            }
        },
        context: match o.get("context") {
            None => TicketContext::default(),
            Some(c) => context(c)?,
        },
        website: s("website")?,
        fill_ms: match o.get("fillMs") {
            None | Some(Value::Null) => None,
            Some(n) => Some(whole_millis(n.as_number()?)?),
        },
        identity_token: opt_text(o, "identityToken")?,
        attachments: opt_list(o, "attachments", string)?,
    })
}

/// `fillMs`: an integer, or a number with a zero fraction, in `0..2^64`.
fn whole_millis(n: &serde_json::Number) -> Option<u64> {
    n.as_u64().or_else(|| {
        n.as_f64()
            .filter(|f| *f >= 0.0 && f.fract() == 0.0 && *f < 18_446_744_073_709_551_616.0)
            .map(|f| f as u64)
    })
}

/// An untagged [`FieldValue`]: `true`/`false`, a number or text.
fn field_value(v: &Value) -> Option<FieldValue> {
    Some(match v {
        Value::Bool(b) => FieldValue::Bool(*b),
        Value::Number(n) => FieldValue::Number(n.as_f64()?),
        Value::String(s) => FieldValue::Text(s.clone()),
        _ => return None,
    })
}

fn context(v: &Value) -> Option<TicketContext> {
    let o = v.as_object()?;
    let s = |key| Some(opt(o, key, string)?.unwrap_or_default());
    Some(TicketContext {
        route: s("route")?,
        context: match o.get("context") {
            None => Map::new(),
            Some(c) => c.as_object()?.clone(),
        },
        locale: s("locale")?,
        widget_version: s("widgetVersion")?,
        user_agent: s("userAgent")?,
        transcript: present(o, "transcript").cloned(),
    })
}

/// The optional `outbox` member of a saved ticket or reply box: the frozen request.
pub(super) fn opt_outbox(o: &Map<String, Value>) -> Option<Option<Outbox>> {
    match present(o, "outbox") {
        None => Some(None),
        Some(v) => {
            let o = v.as_object()?;
            Some(Some(Outbox {
                key: text(o, "key")?,
                body: text(o, "body")?,
                attempts: opt(o, "attempts", number)?.unwrap_or_default(),
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::same_as_serde;
    use super::*;

    #[test]
    fn saved_tickets_read_like_the_derives() {
        let full = SavedTicket {
            draft: TicketDraft {
                name: "Ann".into(),
                email: "a@example.com".into(),
                category: "billing".into(),
                subject: "S".into(),
                description: "D".into(),
                fields: [
                    ("a".to_string(), FieldValue::Bool(true)),
                    ("b".to_string(), FieldValue::Number(2.5)),
                    ("c".to_string(), FieldValue::Number(7.0)),
                    ("d".to_string(), FieldValue::Text("x".into())),
                ]
                .into_iter()
                .collect(),
                context: TicketContext {
                    route: "/r".into(),
                    context: serde_json::from_str(r#"{"plan":"pro","n":[1,{"x":null}]}"#).unwrap(),
                    locale: "ja".into(),
                    widget_version: "0.1.0".into(),
                    user_agent: "UA".into(),
                    transcript: Some(serde_json::json!({"flow":"f","steps":[]})),
                },
                website: String::new(),
                fill_ms: Some(5400),
                identity_token: Some("t".into()),
                attachments: vec!["att1".into()],
            },
            started_ms: 1_700_000_000_000,
            transcript_removed: true,
            files: vec![SavedFile {
                id: "att1".into(),
                name: "a.png".into(),
                size: 12,
            }],
            outbox: Some(Outbox {
                key: "k".into(),
                body: "{}".into(),
                attempts: 3,
            }),
        };
        let json = serde_json::to_string(&full).unwrap();
        assert_eq!(saved_ticket_from_json(&json), Some(full));
        let blank = serde_json::to_string(&SavedTicket::started_at(5)).unwrap();
        same_as_serde::<SavedTicket>(
            &[
                &json,
                &blank,
                "{}",
                "null",
                r#"{"draft":{"fillMs":5400.0}}"#,
                r#"{"draft":{"fillMs":-1}}"#,
                r#"{"draft":{"fillMs":1.5}}"#,
                r#"{"draft":{"fillMs":null,"identityToken":null,"context":{"transcript":null}}}"#,
                r#"{"draft":{"name":null}}"#,
                r#"{"draft":{"fields":{"a":null}}}"#,
                r#"{"draft":{"fields":{"a":[1]}}}"#,
                r#"{"outbox":null,"files":[]}"#,
                r#"{"outbox":{"key":"k","body":"b"}}"#,
                r#"{"outbox":{"key":"k"}}"#,
                r#"{"files":[{"id":"i","name":"n"}]}"#,
                r#"{"started_ms":1.5}"#,
                r#"{"started_ms":-1}"#,
                r#"{"transcript_removed":"yes"}"#,
                r#"{"unknown":1,"draft":{"unknown":2,"context":{"context":{}}}}"#,
            ],
            saved_ticket_from_json,
        );
    }

    #[test]
    fn the_outbox_check_agrees_with_the_whole_ticket() {
        let mut waiting = SavedTicket::started_at(5);
        waiting.outbox = Some(Outbox {
            key: "k".into(),
            body: "{}".into(),
            attempts: 1,
        });
        for saved in [waiting, SavedTicket::started_at(5)] {
            let json = serde_json::to_string(&saved).unwrap();
            let whole = saved_ticket_from_json(&json).unwrap();
            assert_eq!(
                saved_ticket_in_outbox(&json),
                whole.outbox.is_some(),
                "{json}"
            );
        }
    }

    #[test]
    fn prefills_read_like_the_derives() {
        same_as_serde::<TicketDraft>(
            &[
                r#"{"subject":"S","fields":{"gpu":true,"n":3,"t":"x"}}"#,
                r#"{"subject":3}"#,
                r#"{"fields":[]}"#,
                r#"{"attachments":["a"],"website":"w"}"#,
            ],
            |j| draft(&serde_json::from_str(j).ok()?),
        );
    }
}
