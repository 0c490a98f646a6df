//! The ticket the widget sends: [`TicketDraft`], serialized in camelCase.
//!
//! ```
//! use koban_core::ticket::TicketDraft;
//! let draft: TicketDraft = serde_json::from_str(r#"{
//!     "email": "ada@example.com", "category": "jobs", "subject": "Stuck",
//!     "description": "My job is stuck", "fields": { "job_id": "job_1", "gpu": true },
//!     "context": { "route": "/jobs/1", "locale": "en" }, "website": "", "fillMs": 5400
//! }"#).unwrap();
//! assert_eq!(draft.fill_ms, Some(5400));
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The value of one custom field: text (text, textarea, select, url, and numbers typed as text),
/// a checkbox, or a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FieldValue {
    /// A checkbox.
    Bool(bool),
    /// A number field sent as a JSON number.
    Number(f64),
    /// Any text.
    Text(String),
}

impl FieldValue {
    /// The value as a form control shows it: text as is, numbers without a needless `.0`,
    /// checkboxes as `true`/`false`.
    pub fn to_text(&self) -> String {
        match self {
            FieldValue::Bool(b) => b.to_string(),
            FieldValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => (*n as i64).to_string(),
            // serde_json's float printing (shortest round-trip), already in every build that
            // speaks JSON, rather than core's `Display` for f64, which would add its own.
            FieldValue::Number(n) => serde_json::to_string(n).unwrap_or_default(),
            FieldValue::Text(s) => s.clone(),
        }
    }

    /// Whether the value counts as "not filled in" for a required field: empty or blank text, or
    /// an unticked checkbox.
    pub fn is_empty(&self) -> bool {
        match self {
            FieldValue::Bool(b) => !b,
            FieldValue::Number(_) => false,
            FieldValue::Text(s) => s.trim().is_empty(),
        }
    }
}

/// The page the ticket was written from, sent along so support does not have to ask.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketContext {
    /// The host page's route (path, and query if the host passes it).
    pub route: String,
    /// The host's `Koban('context', {...})` object.
    pub context: Map<String, Value>,
    /// The widget's UI locale (BCP 47), e.g. `ja`.
    pub locale: String,
    /// The widget's version.
    pub widget_version: String,
    /// The browser's user agent.
    pub user_agent: String,
    /// The flow transcript, if the ticket came out of a flow and the user kept it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcript: Option<Value>,
}

/// A ticket as submitted by the widget (the body of `POST /api/v1/tickets`).
///
/// Every field has a default so a partial draft still deserializes; [`validate`] then reports
/// what is missing, field by field.
///
/// [`validate`]: crate::ticket::validate()
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketDraft {
    /// The user's name (optional unless [`TicketLimits::require_name`] is set).
    ///
    /// [`TicketLimits::require_name`]: crate::ticket::TicketLimits::require_name
    pub name: String,
    /// The address replies go to.
    pub email: String,
    /// The category id from `site.toml`.
    pub category: String,
    /// One-line summary.
    pub subject: String,
    /// The user's description of the problem.
    pub description: String,
    /// Custom fields of the category: field id to value.
    pub fields: BTreeMap<String, FieldValue>,
    /// The page context.
    pub context: TicketContext,
    /// Honeypot: a field hidden from people. A bot that fills it in gets its ticket rejected.
    pub website: String,
    /// Milliseconds between the form being shown and being submitted, measured by the widget.
    /// The server rejects submissions faster than its minimum fill time.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "whole_millis"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<u64>))]
    pub fill_ms: Option<u64>,
    /// The token the host passed to `Koban('identify', { token })`: a JWT (HS256) signed by the
    /// platform's backend, whose `email` claim vouches for the sender. A valid one marks the
    /// ticket verified; an invalid or missing one leaves it unverified, never rejected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_token: Option<String>,
    /// Ids of files uploaded with `POST /api/v1/attachments` (when the server enables it).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
}

/// `fillMs`: a whole, non-negative number of milliseconds below 2^64, written as an integer or
/// as a number with a zero fraction (`5400.0`, which JSON Schema also counts as an integer).
fn whole_millis<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    let Some(n) = Option::<serde_json::Number>::deserialize(d)? else {
        return Ok(None);
    };
    if let Some(v) = n.as_u64() {
        return Ok(Some(v));
    }
    match n.as_f64() {
        Some(f) if f >= 0.0 && f.fract() == 0.0 && f < 18_446_744_073_709_551_616.0 => {
            Ok(Some(f as u64))
        }
        _ => Err(serde::de::Error::custom(format!(
            "fillMs must be a whole number of milliseconds, got {n}"
        ))),
    }
}

impl TicketDraft {
    /// Whether the honeypot field was filled in (a bot, not a person): anything but the empty
    /// string the widget always sends.
    pub fn honeypot_filled(&self) -> bool {
        !self.website.is_empty()
    }

    /// The value of the field at `path` (`name`, `email`, `category`, `subject`, `description`
    /// or `fields.<id>`), as the form shows it; `None` for an unset custom field or an unknown
    /// path.
    ///
    /// ```
    /// use koban_core::ticket::{FieldValue, TicketDraft};
    /// let mut d = TicketDraft::default();
    /// d.set("fields.gpu", FieldValue::Bool(true));
    /// d.set("subject", FieldValue::Text("Stuck".into()));
    /// assert_eq!(d.get("fields.gpu"), Some(FieldValue::Bool(true)));
    /// assert_eq!(d.get("subject"), Some(FieldValue::Text("Stuck".into())));
    /// ```
    pub fn get(&self, path: &str) -> Option<FieldValue> {
        let text = |s: &String| Some(FieldValue::Text(s.clone()));
        match path {
            "name" => text(&self.name),
            "email" => text(&self.email),
            "category" => text(&self.category),
            "subject" => text(&self.subject),
            "description" => text(&self.description),
            _ => self.fields.get(path.strip_prefix("fields.")?).cloned(),
        }
    }

    /// Sets the field at `path` (see [`get`](Self::get)); a non-text value for a core field is
    /// written as its text. Unknown paths are ignored.
    pub fn set(&mut self, path: &str, value: FieldValue) {
        let slot = match path {
            "name" => &mut self.name,
            "email" => &mut self.email,
            "category" => &mut self.category,
            "subject" => &mut self.subject,
            "description" => &mut self.description,
            _ => {
                if let Some(id) = path.strip_prefix("fields.") {
                    self.fields.insert(id.to_string(), value);
                }
                return;
            }
        };
        *slot = value.to_text();
    }

    /// Fills the fields that are still empty from `prefill` (the host's `Koban('prefill', {...})`,
    /// a no-results search, a flow's ticket outcome). What the user already typed always wins,
    /// so a host that prefills on every page load never overwrites a restored draft. A transcript
    /// in `prefill` replaces the one kept (it is the newest flow run).
    ///
    /// ```
    /// use koban_core::ticket::{FieldValue, TicketDraft};
    /// let mut draft = TicketDraft { subject: "typed".into(), ..Default::default() };
    /// let prefill: TicketDraft = serde_json::from_str(
    ///     r#"{"subject":"from host","category":"nodes","fields":{"os":"linux"}}"#).unwrap();
    /// draft.prefill(&prefill);
    /// assert_eq!(draft.subject, "typed");
    /// assert_eq!(draft.category, "nodes");
    /// assert_eq!(draft.fields["os"], FieldValue::Text("linux".into()));
    /// ```
    pub fn prefill(&mut self, prefill: &TicketDraft) {
        for (mine, theirs) in [
            (&mut self.name, &prefill.name),
            (&mut self.email, &prefill.email),
            (&mut self.category, &prefill.category),
            (&mut self.subject, &prefill.subject),
            (&mut self.description, &prefill.description),
        ] {
            if mine.trim().is_empty() && !theirs.is_empty() {
                mine.clone_from(theirs);
            }
        }
        for (id, value) in &prefill.fields {
            let empty = self.fields.get(id).is_none_or(FieldValue::is_empty);
            if empty {
                self.fields.insert(id.clone(), value.clone());
            }
        }
        if prefill.context.transcript.is_some() {
            self.context
                .transcript
                .clone_from(&prefill.context.transcript);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_values_keep_their_json_type() {
        let fields: BTreeMap<String, FieldValue> =
            serde_json::from_str(r#"{"a":"x","b":true,"c":4.5}"#).unwrap();
        assert_eq!(fields["a"], FieldValue::Text("x".into()));
        assert_eq!(fields["b"], FieldValue::Bool(true));
        assert_eq!(fields["c"], FieldValue::Number(4.5));
        assert_eq!(
            serde_json::to_string(&fields).unwrap(),
            r#"{"a":"x","b":true,"c":4.5}"#
        );
    }

    #[test]
    fn draft_round_trips_in_camel_case() {
        let draft = TicketDraft {
            email: "a@b.co".into(),
            fill_ms: Some(3),
            context: TicketContext {
                widget_version: "1".into(),
                ..Default::default()
            },
            ..Default::default()
        };
        let json = serde_json::to_value(&draft).unwrap();
        assert_eq!(json["fillMs"], 3);
        assert_eq!(json["context"]["widgetVersion"], "1");
        assert!(json["context"].get("transcript").is_none());
        let back: TicketDraft = serde_json::from_value(json).unwrap();
        assert_eq!(back, draft);
    }

    #[test]
    fn fill_ms_is_a_whole_non_negative_number() {
        let fill = |json: &str| {
            serde_json::from_str::<TicketDraft>(&format!(r#"{{"fillMs":{json}}}"#))
                .map(|d| d.fill_ms)
                .map_err(|_| ())
        };
        assert_eq!(fill("5400"), Ok(Some(5400)));
        assert_eq!(fill("5400.0"), Ok(Some(5400)));
        assert_eq!(fill("null"), Ok(None));
        assert_eq!(fill("18446744073709551615"), Ok(Some(u64::MAX)));
        for bad in ["-1", "1.5", "\"5\"", "18446744073709551616", "1e30", "true"] {
            assert_eq!(fill(bad), Err(()), "{bad}");
        }
        assert_eq!(
            serde_json::from_str::<TicketDraft>("{}").unwrap().fill_ms,
            None
        );
    }

    #[test]
    fn prefill_never_overwrites_what_was_typed() {
        let mut d = TicketDraft {
            email: "typed@example.com".into(),
            ..Default::default()
        };
        d.fields.insert("agree".into(), FieldValue::Bool(false));
        d.fields.insert("os".into(), FieldValue::Text("mac".into()));
        let p: TicketDraft = serde_json::from_str(
            r#"{"email":"host@example.com","name":"Ada","fields":{"agree":true,"os":"linux","n":3}}"#,
        )
        .unwrap();
        d.prefill(&p);
        assert_eq!(d.email, "typed@example.com");
        assert_eq!(d.name, "Ada");
        assert_eq!(d.fields["agree"], FieldValue::Bool(true));
        assert_eq!(d.fields["os"], FieldValue::Text("mac".into()));
        assert_eq!(d.fields["n"], FieldValue::Number(3.0));
    }

    #[test]
    fn paths_address_core_and_custom_fields() {
        let mut d = TicketDraft::default();
        for path in ["name", "email", "category", "subject", "description"] {
            d.set(path, FieldValue::Text(format!("{path}!")));
            assert_eq!(d.get(path), Some(FieldValue::Text(format!("{path}!"))));
        }
        d.set("fields.amount", FieldValue::Number(12.0));
        assert_eq!(d.get("fields.amount").unwrap().to_text(), "12");
        assert_eq!(FieldValue::Number(2.5).to_text(), "2.5");
        assert_eq!(d.get("fields.none"), None);
        assert_eq!(d.get("nonsense"), None);
        d.set("nonsense", FieldValue::Bool(true));
        d.set("subject", FieldValue::Bool(true));
        assert_eq!(d.subject, "true");
    }

    #[test]
    fn honeypot_and_emptiness() {
        let mut d = TicketDraft::default();
        assert!(!d.honeypot_filled());
        d.website = "http://spam".into();
        assert!(d.honeypot_filled());
        assert!(FieldValue::Text("  ".into()).is_empty());
        assert!(FieldValue::Bool(false).is_empty());
        assert!(!FieldValue::Number(0.0).is_empty());
    }
}
