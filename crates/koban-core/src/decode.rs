//! What the widget reads from JSON, decoded by hand from a parsed [`serde_json::Value`] without
//! the serde derives: the content bundle ([`bundle`]), the saved ticket ([`saved_ticket`]), a
//! prefill object ([`draft`]) and a saved flow run ([`run`]).
//!
//! The derived deserializers are monomorphized per type against serde_json's reader (tens of KB
//! of wasm), while parsing into a `Value` is one generic function the widget needs anyway and
//! these walks are small. They read exactly the JSON the derives read (see
//! [`crate::content::model`]'s table): same field names, same defaults for missing optional
//! fields, unknown fields ignored; anything else (a missing required field, a wrong type, an
//! unknown variant) gives `None` where serde gives an error. The tests check them against the
//! derives. One deliberate difference: serde also reads a struct from a JSON array of its fields
//! in order, which nothing writes; these readers refuse it.

use serde_json::{Map, Value};

use crate::content::{
    Announcement, Article, Block, CalloutKind, Category, Channel, ChannelKind, ContentBundle,
    CustomField, FieldOption, Inline, Level, Severity, Site, Support, Video,
};
use crate::flow::runner::{Answer, Run, Visit};
use crate::flow::{Branch, Choice, Flow, Outcome, Step, StepKind};
use crate::ticket::files::SavedFile;
use crate::ticket::outbox::{Outbox, SavedTicket};
use crate::ticket::{FieldKind, FieldValue, TicketContext, TicketDraft};

type Obj = Map<String, Value>;

/// The bundle in `json` (the text of `GET /api/v1/content`), or `None` when it is not one.
///
/// Streamed: the top-level object is read key by key and `articles` / `flows` one element at a
/// time, each parsed into a `Value`, decoded and dropped, so the peak memory is the text, the
/// decoded bundle and one article's `Value`, not a `Value` tree of the whole bundle (which took
/// the widget's wasm memory from 113 MB to 330 MB at 10,000 articles).
pub fn bundle_from_json(json: &str) -> Option<ContentBundle> {
    let mut de = serde_json::Deserializer::from_str(json);
    let parts = serde::Deserializer::deserialize_any(&mut de, stream::BundleVisitor).ok()?;
    de.end().ok()?;
    let (top, articles, flows) = parts?;
    Some(ContentBundle {
        locale: text(&top, "locale")?,
        default_locale: text(&top, "default_locale")?,
        version: text(&top, "version")?,
        site: site(top.get("site")?)?,
        articles: articles?,
        flows: flows.unwrap_or_default(),
    })
}

mod stream;

/// The bundle in a parsed JSON value, or `None` when it is not one.
pub fn bundle(v: &Value) -> Option<ContentBundle> {
    let o = v.as_object()?;
    Some(ContentBundle {
        locale: text(o, "locale")?,
        default_locale: text(o, "default_locale")?,
        version: text(o, "version")?,
        site: site(o.get("site")?)?,
        articles: list(o.get("articles")?, article)?,
        flows: opt_list(o, "flows", flow)?,
    })
}

fn site(v: &Value) -> Option<Site> {
    let o = v.as_object()?;
    Some(Site {
        categories: list(o.get("categories")?, category)?,
        channels: list(o.get("channels")?, channel)?,
        support: support(o.get("support")?)?,
        announcements: list(o.get("announcements")?, announcement)?,
    })
}

fn category(v: &Value) -> Option<Category> {
    let o = v.as_object()?;
    Some(Category {
        id: text(o, "id")?,
        name: text(o, "name")?,
        fields: opt_list(o, "fields", custom_field)?,
    })
}

fn custom_field(v: &Value) -> Option<CustomField> {
    let o = v.as_object()?;
    Some(CustomField {
        id: text(o, "id")?,
        kind: tag(
            o.get("kind")?,
            &[
                ("text", FieldKind::Text),
                ("textarea", FieldKind::Textarea),
                ("select", FieldKind::Select),
                ("checkbox", FieldKind::Checkbox),
                ("number", FieldKind::Number),
                ("url", FieldKind::Url),
            ],
        )?,
        required: match o.get("required") {
            None => false,
            Some(b) => b.as_bool()?,
        },
        label: text(o, "label")?,
        help: opt_text(o, "help")?.unwrap_or_default(),
        options: opt_list(o, "options", |v| {
            let o = v.as_object()?;
            Some(FieldOption {
                value: text(o, "value")?,
                label: text(o, "label")?,
            })
        })?,
    })
}

fn channel(v: &Value) -> Option<Channel> {
    let o = v.as_object()?;
    Some(Channel {
        id: text(o, "id")?,
        kind: tag(
            o.get("kind")?,
            &[
                ("docs", ChannelKind::Docs),
                ("forum", ChannelKind::Forum),
                ("discord", ChannelKind::Discord),
                ("email", ChannelKind::Email),
                ("videos", ChannelKind::Videos),
            ],
        )?,
        url: text(o, "url")?,
        search_url: opt_text(o, "search_url")?,
        label: text(o, "label")?,
    })
}

fn support(v: &Value) -> Option<Support> {
    let o = v.as_object()?;
    Some(Support {
        timezone: text(o, "timezone")?,
        days: list(o.get("days")?, string)?,
        open: text(o, "open")?,
        close: text(o, "close")?,
        reply_time: text(o, "reply_time")?,
    })
}

fn announcement(v: &Value) -> Option<Announcement> {
    let o = v.as_object()?;
    Some(Announcement {
        id: text(o, "id")?,
        severity: tag(
            o.get("severity")?,
            &[
                ("info", Severity::Info),
                ("warning", Severity::Warning),
                ("critical", Severity::Critical),
            ],
        )?,
        starts: text(o, "starts")?,
        ends: text(o, "ends")?,
        text: text(o, "text")?,
    })
}

fn article(v: &Value) -> Option<Article> {
    let o = v.as_object()?;
    Some(Article {
        id: text(o, "id")?,
        locale: text(o, "locale")?,
        title: text(o, "title")?,
        category: text(o, "category")?,
        tags: opt_list(o, "tags", string)?,
        summary: text(o, "summary")?,
        contexts: opt_list(o, "contexts", string)?,
        related: opt_list(o, "related", string)?,
        updated: text(o, "updated")?,
        level: match present(o, "level") {
            None => None,
            Some(v) => Some(tag(
                v,
                &[("beginner", Level::Beginner), ("advanced", Level::Advanced)],
            )?),
        },
        video: match present(o, "video") {
            None => None,
            Some(v) => {
                let o = v.as_object()?;
                Some(Video {
                    url: text(o, "url")?,
                    duration: number(o.get("duration")?)?,
                    thumbnail: text(o, "thumbnail")?,
                })
            }
        },
        body: opt_list(o, "body", block)?,
    })
}

/// A block: `"hr"` or a one-key object `{"<tag>": <content>}`.
fn block(v: &Value) -> Option<Block> {
    let (name, c) = match variant(v)? {
        ("hr", None) => return Some(Block::Rule),
        (name, Some(c)) => (name, c),
        _ => return None,
    };
    Some(match name {
        "p" => Block::Paragraph(list(c, inline)?),
        "q" => Block::Quote(list(c, block)?),
        _ => {
            let o = c.as_object()?;
            match name {
                "h" => Block::Heading {
                    level: number(o.get("l")?)?,
                    content: list(o.get("c")?, inline)?,
                },
                "ul" => Block::List {
                    ordered: match o.get("o") {
                        None => false,
                        Some(b) => b.as_bool()?,
                    },
                    start: match present(o, "s") {
                        None => None,
                        Some(n) => Some(n.as_u64()?),
                    },
                    items: list(o.get("i")?, |i| list(i, block))?,
                },
                "code" => Block::Code {
                    lang: opt_text(o, "lang")?,
                    text: text(o, "t")?,
                },
                "note" => Block::Callout {
                    kind: tag(
                        o.get("k")?,
                        &[
                            ("note", CalloutKind::Note),
                            ("tip", CalloutKind::Tip),
                            ("important", CalloutKind::Important),
                            ("warning", CalloutKind::Warning),
                            ("caution", CalloutKind::Caution),
                        ],
                    )?,
                    blocks: list(o.get("b")?, block)?,
                },
                "table" => Block::Table {
                    head: list(o.get("h")?, inlines)?,
                    rows: list(o.get("r")?, |r| list(r, inlines))?,
                },
                "img" => Block::Image {
                    src: text(o, "src")?,
                    alt: text(o, "alt")?,
                },
                _ => return None,
            }
        }
    })
}

fn inlines(v: &Value) -> Option<Vec<Inline>> {
    list(v, inline)
}

/// An inline: `"sb"`, `"br"` or a one-key object `{"<tag>": <content>}`.
fn inline(v: &Value) -> Option<Inline> {
    Some(match variant(v)? {
        ("sb", None) => Inline::SoftBreak,
        ("br", None) => Inline::HardBreak,
        ("t", Some(c)) => Inline::Text(string(c)?),
        ("c", Some(c)) => Inline::Code(string(c)?),
        ("b", Some(c)) => Inline::Strong(inlines(c)?),
        ("i", Some(c)) => Inline::Emphasis(inlines(c)?),
        ("a", Some(c)) => {
            let o = c.as_object()?;
            Inline::Link {
                href: text(o, "h")?,
                content: inlines(o.get("c")?)?,
            }
        }
        _ => return None,
    })
}

fn flow(v: &Value) -> Option<Flow> {
    let o = v.as_object()?;
    Some(Flow {
        id: text(o, "id")?,
        locale: text(o, "locale")?,
        title: text(o, "title")?,
        summary: text(o, "summary")?,
        contexts: opt_list(o, "contexts", string)?,
        start: text(o, "start")?,
        steps: list(o.get("steps")?, step)?,
    })
}

fn step(v: &Value) -> Option<Step> {
    let o = v.as_object()?;
    let (name, c) = variant(o.get("kind")?)?;
    let c = c?.as_object()?;
    let kind = match name {
        "question" => StepKind::Question {
            text: text(c, "text")?,
            choices: list(c.get("choices")?, |v| {
                let o = v.as_object()?;
                Some(Choice {
                    label: text(o, "label")?,
                    next: text(o, "next")?,
                })
            })?,
        },
        "instruction" => StepKind::Instruction {
            body: list(c.get("body")?, block)?,
            checklist: opt_list(c, "checklist", string)?,
            worked: text(c, "worked")?,
            not_worked: text(c, "not_worked")?,
        },
        "check" => StepKind::Check {
            check: text(c, "check")?,
            text: text(c, "text")?,
            timeout_ms: number(c.get("timeout_ms")?)?,
            on: list(c.get("on")?, |v| {
                let o = v.as_object()?;
                Some(Branch {
                    value: text(o, "value")?,
                    next: text(o, "next")?,
                })
            })?,
            fallback: text(c, "fallback")?,
        },
        "article" => StepKind::Article {
            article: text(c, "article")?,
            next: text(c, "next")?,
        },
        "outcome" => StepKind::Outcome {
            outcome: outcome(c.get("outcome")?)?,
            text: text(c, "text")?,
        },
        _ => return None,
    };
    Some(Step {
        id: text(o, "id")?,
        kind,
    })
}

fn outcome(v: &Value) -> Option<Outcome> {
    Some(match variant(v)? {
        ("resolved", None) => Outcome::Resolved,
        ("ticket", Some(c)) => {
            let o = c.as_object()?;
            Outcome::Ticket {
                category: text(o, "category")?,
                summary: text(o, "summary")?,
            }
        }
        ("link", Some(c)) => Outcome::Link {
            channel: text(c.as_object()?, "channel")?,
        },
        _ => return None,
    })
}

/// The saved ticket in `json` (the widget's local-storage format), or `None`.
pub fn saved_ticket_from_json(json: &str) -> Option<SavedTicket> {
    saved_ticket(&serde_json::from_str(json).ok()?)
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
        outbox: match present(o, "outbox") {
            None => None,
            Some(v) => {
                let o = v.as_object()?;
                Some(Outbox {
                    key: text(o, "key")?,
                    body: text(o, "body")?,
                    attempts: opt(o, "attempts", number)?.unwrap_or_default(),
                })
            }
        },
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

/// A saved flow [`Run`] in `json`, or `None`.
pub fn run_from_json(json: &str) -> Option<Run> {
    run(&serde_json::from_str(json).ok()?)
}

/// A flow [`Run`]: `{"flow": id, "path": [{"step", "at", "answer"?}]}`.
pub fn run(v: &Value) -> Option<Run> {
    let o = v.as_object()?;
    Some(Run {
        flow: text(o, "flow")?,
        path: list(o.get("path")?, |v| {
            let o = v.as_object()?;
            Some(Visit {
                step: text(o, "step")?,
                at: o.get("at")?.as_u64()?,
                answer: match present(o, "answer") {
                    None => None,
                    Some(a) => Some(answer(a)?),
                },
            })
        })?,
    })
}

/// An [`Answer`]: `"next"`, `{"choice": n}`, `{"worked": bool}` or `{"check": text|null}`.
fn answer(v: &Value) -> Option<Answer> {
    Some(match variant(v)? {
        ("next", None) => Answer::Next,
        ("choice", Some(n)) => Answer::Choice(number(n)?),
        ("worked", Some(b)) => Answer::Worked(b.as_bool()?),
        ("check", Some(Value::Null)) => Answer::Check(None),
        ("check", Some(s)) => Answer::Check(Some(string(s)?)),
        _ => return None,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_block_and_inline_shape() {
        let json = r##"{"locale":"ja","default_locale":"en","version":"v1",
          "site":{"categories":[{"id":"c","name":"C","fields":[{"id":"f","kind":"select","required":true,"label":"F","help":"h","options":[{"value":"a","label":"A"}]},{"id":"g","kind":"number","label":"G"}]}],
                  "channels":[{"id":"forum","kind":"forum","url":"https://f","search_url":"https://f?q={query}","label":"Forum"},{"id":"m","kind":"email","url":"mailto:a@b","label":"Mail"}],
                  "support":{"timezone":"UTC","days":["mon"],"open":"09:00","close":"17:00","reply_time":"1 day"},
                  "announcements":[{"id":"a","severity":"critical","starts":"s","ends":"e","text":"t"}]},
          "articles":[{"id":"x","locale":"en","title":"T","category":"c","summary":"S","updated":"2026-01-01","level":"advanced",
             "video":{"url":"https://v","duration":61,"thumbnail":"https://t"},"unknown":1,
             "body":[{"h":{"l":2,"c":[{"t":"a"},"sb","br",{"b":[{"i":[{"c":"x"}]}]},{"a":{"h":"#article:y","c":[{"t":"l"}]}}]}},
                     {"p":[{"t":"p"}]},{"ul":{"o":true,"s":3,"i":[[{"p":[]}],[]]}},{"ul":{"i":[]}},
                     {"code":{"lang":"bash","t":"ls"}},{"code":{"t":"x"}},{"q":["hr"]},{"note":{"k":"tip","b":[]}},
                     {"table":{"h":[[{"t":"h"}]],"r":[[[{"t":"r"}],[]]]}},{"img":{"src":"i.png","alt":"A"}},"hr"]},
            {"id":"y","locale":"ja","title":"T","category":"c","summary":"S","updated":"u","tags":["t"],"contexts":["page:x"],"related":["x"],"level":null}],
          "flows":[{"id":"f","locale":"en","title":"F","summary":"S","start":"q","contexts":["error:E"],"steps":[
             {"id":"q","kind":{"question":{"text":"Q","choices":[{"label":"L","next":"i"}]}}},
             {"id":"i","kind":{"instruction":{"body":[{"p":[]}],"checklist":["c"],"worked":"r","not_worked":"c"}}},
             {"id":"c","kind":{"check":{"check":"ping","text":"T","timeout_ms":3000,"on":[{"value":"ok","next":"a"}],"fallback":"t"}}},
             {"id":"a","kind":{"article":{"article":"x","next":"l"}}},
             {"id":"r","kind":{"outcome":{"outcome":"resolved","text":"R"}}},
             {"id":"t","kind":{"outcome":{"outcome":{"ticket":{"category":"c","summary":"s {check.ping}"}},"text":"T"}}},
             {"id":"l","kind":{"outcome":{"outcome":{"link":{"channel":"forum"}},"text":"L"}}}]}]}"##;
        let by_serde: ContentBundle = serde_json::from_str(json).unwrap();
        assert_eq!(bundle_from_json(json), Some(by_serde.clone()));
        // And what serde writes back reads the same.
        let again = serde_json::to_string(&by_serde).unwrap();
        assert_eq!(bundle_from_json(&again), Some(by_serde));
    }

    #[test]
    fn flows_default_to_empty_and_bad_input_is_none() {
        let json = r#"{"locale":"en","default_locale":"en","version":"",
          "site":{"categories":[],"channels":[],"support":{"timezone":"","days":[],"open":"","close":"","reply_time":""},"announcements":[]},
          "articles":[]}"#;
        let b = bundle_from_json(json).unwrap();
        assert!(b.flows.is_empty());
        assert_eq!(Some(b), serde_json::from_str(json).ok());
        for bad in [
            "",
            "[]",
            &json.replace(r#""version":"","#, ""),
            &json.replace(r#""articles":[]"#, r#""articles":[{"id":"x"}]"#),
            &json.replace(r#""categories":[]"#, r#""categories":[{"id":"c","name":"C","fields":[{"id":"f","kind":"date","label":"F"}]}]"#),
        ] {
            assert_eq!(bundle_from_json(bad), None, "{bad}");
            assert!(serde_json::from_str::<ContentBundle>(bad).is_err(), "{bad}");
        }
    }

    /// Every JSON text in `cases` reads the same as with the derives (both fail, or both give
    /// the same value).
    fn same_as_serde<T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(
        cases: &[&str],
        ours: fn(&str) -> Option<T>,
    ) {
        for json in cases {
            assert_eq!(ours(json), serde_json::from_str::<T>(json).ok(), "{json}");
        }
    }

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

    #[test]
    fn runs_read_like_the_derives() {
        let run = Run {
            flow: "f".into(),
            path: vec![
                Visit {
                    step: "a".into(),
                    at: 1,
                    answer: Some(Answer::Choice(2)),
                },
                Visit {
                    step: "b".into(),
                    at: 2,
                    answer: Some(Answer::Worked(false)),
                },
                Visit {
                    step: "c".into(),
                    at: 3,
                    answer: Some(Answer::Check(None)),
                },
                Visit {
                    step: "d".into(),
                    at: 4,
                    answer: Some(Answer::Check(Some("ok".into()))),
                },
                Visit {
                    step: "e".into(),
                    at: 5,
                    answer: Some(Answer::Next),
                },
                Visit {
                    step: "g".into(),
                    at: 6,
                    answer: None,
                },
            ],
        };
        let json = serde_json::to_string(&run).unwrap();
        assert_eq!(run_from_json(&json), Some(run));
        same_as_serde::<Run>(
            &[
                &json,
                r#"{"flow":"f","path":[]}"#,
                r#"{"flow":"f"}"#,
                r#"{"flow":"f","path":[{"step":"a","at":1,"answer":null}]}"#,
                r#"{"flow":"f","path":[{"step":"a","at":1,"answer":{"choice":-1}}]}"#,
                r#"{"flow":"f","path":[{"step":"a","at":1,"answer":"later"}]}"#,
                r#"{"flow":"f","path":[{"step":"a","answer":"next"}]}"#,
            ],
            run_from_json,
        );
    }
}
