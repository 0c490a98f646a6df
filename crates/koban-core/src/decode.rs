//! What the widget reads from JSON, decoded by hand from a parsed [`serde_json::Value`] without
//! the serde derives: the content bundle ([`bundle_from_json`], one article or flow `Value` at a
//! time), the saved ticket ([`saved_ticket`]), a prefill object ([`draft`]), a saved flow run
//! ([`run`]) and the API's problem details and attachment policy ([`problem`],
//! [`attachment_policy`]).
//!
//! The derived deserializers are monomorphized per type against serde_json's reader (tens of KB
//! of wasm), while parsing into a `Value` is one generic function the widget needs anyway and
//! these walks are small. They read exactly the JSON the derives read (see
//! [`crate::content::model`]'s table): same field names, same defaults for missing optional
//! fields, unknown fields ignored; anything else (a missing required field, a wrong type, an
//! unknown variant) gives `None` where serde gives an error. The tests check them against the
//! derives. One deliberate difference: serde also reads a struct from a JSON array of its fields
//! in order, which nothing writes; these readers refuse it.
//!
//! - `content`: the content bundle, streamed ([`bundle_from_json`]);
//! - `ticket`: the saved ticket and the prefill object;
//! - `run`: the saved flow run;
//! - `conversation`: a request's thread, lists of requests, the followed requests and reply boxes;
//! - `api`: problem details and the attachment policy;
//! - the small readers below, shared by all of them.

use serde_json::{Map, Value};

mod api;
mod content;
mod conversation;
mod run;
mod stream;
mod ticket;

pub use api::{attachment_policy, attachment_policy_from_json, problem, problem_from_json};
pub use content::bundle_from_json;
pub use conversation::{
    followed_from_json, follows_any, requests_from_json, saved_replies_from_json, thread,
    thread_from_json,
};
pub use run::{run, run_from_json};
pub use ticket::{draft, saved_ticket, saved_ticket_from_json, saved_ticket_in_outbox};

type Obj = Map<String, Value>;

/// The JSON text `json` read by `read`, or `None` when it is not JSON.
fn from_text<T>(json: &str, read: impl Fn(&Value) -> Option<T>) -> Option<T> {
    read(&serde_json::from_str(json).ok()?)
}

/// An optional member read by `f`: `Some(None)` when missing, `None` when `f` fails.
fn opt<'a, T>(o: &'a Obj, key: &str, f: impl Fn(&'a Value) -> Option<T>) -> Option<Option<T>> {
    match o.get(key) {
        None => Some(None),
        Some(v) => f(v).map(Some),
    }
}

/// An externally tagged enum value: `"tag"` (unit variant) or `{"tag": content}`.
fn variant(v: &Value) -> Option<(&str, Option<&Value>)> {
    match v {
        Value::String(s) => Some((s, None)),
        Value::Object(o) if o.len() == 1 => o.iter().next().map(|(k, c)| (k.as_str(), Some(c))),
        _ => None,
    }
}

/// A unit-only enum written as its lowercase name.
fn tag<T: Copy>(v: &Value, names: &[(&str, T)]) -> Option<T> {
    let s = v.as_str()?;
    names.iter().find(|(n, _)| *n == s).map(|(_, t)| *t)
}

fn string(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

/// A required string member.
fn text(o: &Obj, key: &str) -> Option<String> {
    string(o.get(key)?)
}

/// An optional string member: `Some(None)` when missing or `null`, `None` when not a string.
fn opt_text(o: &Obj, key: &str) -> Option<Option<String>> {
    match present(o, key) {
        None => Some(None),
        Some(v) => string(v).map(Some),
    }
}

/// A member that is there and not `null`.
fn present<'a>(o: &'a Obj, key: &str) -> Option<&'a Value> {
    o.get(key).filter(|v| !v.is_null())
}

/// An unsigned integer that fits `T`.
fn number<T: TryFrom<u64>>(v: &Value) -> Option<T> {
    T::try_from(v.as_u64()?).ok()
}

/// An array, every element read by `f`.
fn list<T>(v: &Value, f: impl Fn(&Value) -> Option<T>) -> Option<Vec<T>> {
    v.as_array()?.iter().map(f).collect()
}

/// An array member that defaults to empty when missing.
fn opt_list<T>(o: &Obj, key: &str, f: impl Fn(&Value) -> Option<T>) -> Option<Vec<T>> {
    match o.get(key) {
        None => Some(Vec::new()),
        Some(v) => list(v, f),
    }
}

/// Every JSON text in `cases` reads the same as with the derives (both fail, or both give the same
/// value).
#[cfg(test)]
fn same_as_serde<T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(
    cases: &[&str],
    ours: fn(&str) -> Option<T>,
) {
    for json in cases {
        assert_eq!(ours(json), serde_json::from_str::<T>(json).ok(), "{json}");
    }
}
