//! The content bundle ([`bundle_from_json`], streamed) and its parts: site, articles with their
//! blocks and inlines, flows with their steps.

use serde_json::Value;

use super::{list, number, opt_list, opt_text, present, string, tag, text, variant};
use crate::content::{
    Announcement, Article, Block, CalloutKind, Category, Channel, ChannelKind, ContentBundle,
    CustomField, FieldOption, Inline, Level, Severity, Site, Support, Video,
};
use crate::flow::{Branch, Choice, Flow, Outcome, Step, StepKind};
use crate::ticket::FieldKind;

/// The bundle in `json` (the text of `GET /api/v1/content`), or `None` when it is not one.
///
/// Streamed: the top-level object is read key by key and `articles` / `flows` one element at a
/// time, each parsed into a `Value`, decoded and dropped, so the peak memory is the text, the
/// decoded bundle and one article's `Value`, not a `Value` tree of the whole bundle (which took
/// the widget's wasm memory from 113 MB to 330 MB at 10,000 articles).
pub fn bundle_from_json(json: &str) -> Option<ContentBundle> {
    let mut de = serde_json::Deserializer::from_str(json);
    let parts = serde::Deserializer::deserialize_any(&mut de, super::stream::BundleVisitor).ok()?;
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

pub(super) fn article(v: &Value) -> Option<Article> {
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

pub(super) fn flow(v: &Value) -> Option<Flow> {
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
}
