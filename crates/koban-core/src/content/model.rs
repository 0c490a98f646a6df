//! The compiled content bundle: what `GET /api/v1/content` serves and the widget deserializes.
//!
//! Everything here is plain data with serde derives, compiled in every build (the widget uses it
//! without the `authoring` feature). Text is already localized for the bundle's locale; every
//! [`Article`] carries the locale its text is actually in, so a fallback to the default locale is
//! visible.
//!
//! # JSON shape
//!
//! Top-level and site objects use readable field names. The article body, which is most of the
//! bytes, is a block tree with short keys, externally tagged (the cheapest form for serde to read
//! back, and small in the widget's wasm):
//!
//! | Rust                               | JSON                                      |
//! |------------------------------------|-------------------------------------------|
//! | `Block::Heading { level, content }`| `{"h":{"l":2,"c":[…]}}`                   |
//! | `Block::Paragraph(inlines)`        | `{"p":[…]}`                               |
//! | `Block::List { ordered, start, items }` | `{"ul":{"o":true,"s":1,"i":[[…],[…]]}}` (`o`, `s` omitted when false/none) |
//! | `Block::Code { lang, text }`       | `{"code":{"lang":"bash","t":"…"}}`        |
//! | `Block::Quote(blocks)`             | `{"q":[…]}`                               |
//! | `Block::Callout { kind, blocks }`  | `{"note":{"k":"warning","b":[…]}}`        |
//! | `Block::Table { head, rows }`      | `{"table":{"h":[[…]],"r":[[[…]]]}}`       |
//! | `Block::Image { src, alt }`        | `{"img":{"src":"…","alt":"…"}}`           |
//! | `Block::Rule`                      | `"hr"`                                    |
//! | `Inline::Text(s)`                  | `{"t":"…"}`                               |
//! | `Inline::Strong(inlines)`          | `{"b":[…]}`                               |
//! | `Inline::Emphasis(inlines)`        | `{"i":[…]}`                               |
//! | `Inline::Code(s)`                  | `{"c":"…"}`                               |
//! | `Inline::Link { href, content }`   | `{"a":{"h":"…","c":[…]}}`                 |
//! | `Inline::SoftBreak` / `HardBreak`  | `"sb"` / `"br"`                           |
//!
//! # Links between articles
//!
//! Authors link to another article by its file name, `[text](other-id.md)` (optionally with a
//! `#fragment`). The compiler rewrites such a link to `#article:other-id` ([`ARTICLE_HREF_PREFIX`]):
//! unlike `other-id.md`, which a browser would resolve against the *host page's* URL, it can never
//! be mistaken for a real relative link, and [`Inline::article_id`] recognises it. The widget opens
//! the article itself and never lets the browser follow the `#article:` href (which would change
//! the host page's URL).

use serde::{Deserialize, Serialize};

use crate::ticket::FieldKind;

/// The href prefix of a link to another article: `#article:<id>`.
pub const ARTICLE_HREF_PREFIX: &str = "#article:";

/// Everything the widget shows for one locale: site settings and articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContentBundle {
    /// The locale of this bundle (for example `ja`).
    pub locale: String,
    /// The site's default locale, which articles missing in [`locale`](Self::locale) fall back to.
    pub default_locale: String,
    /// A hash of the bundle's content; the API's `ETag` is this value, quoted.
    pub version: String,
    /// Categories, channels, support hours and announcements, localized.
    pub site: Site,
    /// Articles, in category order then by id.
    pub articles: Vec<Article>,
    /// Guided flows, with per-flow fallback to the default locale like articles.
    #[serde(default)]
    pub flows: Vec<crate::flow::Flow>,
}

impl ContentBundle {
    /// The article with id `id`, if the bundle has one.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// The flow with id `id`, if the bundle has one.
    pub fn flow(&self, id: &str) -> Option<&crate::flow::Flow> {
        self.flows.iter().find(|f| f.id == id)
    }
}

/// Site-wide settings from `content/site.toml`, localized.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Site {
    /// Categories, in the order they are shown.
    pub categories: Vec<Category>,
    /// Support channels besides the widget.
    pub channels: Vec<Channel>,
    /// Support hours and typical reply time.
    pub support: Support,
    /// Announcements (the widget shows those in effect now).
    pub announcements: Vec<Announcement>,
}

impl Site {
    /// The category with id `id`, if any.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The channel with id `id`, if any.
    pub fn channel(&self, id: &str) -> Option<&Channel> {
        self.channels.iter().find(|c| c.id == id)
    }

    /// The ticket rules (categories and their custom fields) these settings define.
    pub fn ticket_rules(&self) -> crate::ticket::TicketRules {
        crate::ticket::TicketRules {
            categories: self
                .categories
                .iter()
                .map(|c| crate::ticket::CategoryRule {
                    id: c.id.clone(),
                    fields: c
                        .fields
                        .iter()
                        .map(|f| crate::ticket::CustomFieldRule {
                            id: f.id.clone(),
                            kind: f.kind,
                            required: f.required,
                            options: f.options.iter().map(|o| o.value.clone()).collect(),
                        })
                        .collect(),
                })
                .collect(),
            ..Default::default()
        }
    }
}

/// A category of articles, which is also a ticket category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    /// Stable id, referenced by articles' `category`.
    pub id: String,
    /// Display name in the bundle's locale.
    pub name: String,
    /// Custom fields of the ticket form for this category.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<CustomField>,
}

/// A custom field of the ticket form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomField {
    /// Field id, the key in the ticket's `fields`.
    pub id: String,
    /// Field type.
    pub kind: FieldKind,
    /// Whether the field must be filled in.
    #[serde(default)]
    pub required: bool,
    /// Label in the bundle's locale.
    pub label: String,
    /// Help text in the bundle's locale (empty when none).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
    /// Choices of a `select` field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<FieldOption>,
}

/// One choice of a `select` field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldOption {
    /// The value sent with the ticket.
    pub value: String,
    /// Label in the bundle's locale.
    pub label: String,
}

/// The kind of a support channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChannelKind {
    /// Documentation site.
    Docs,
    /// Community forum (may have a search URL).
    Forum,
    /// Discord invite.
    Discord,
    /// Support email (`mailto:` URL).
    Email,
    /// Video tutorials.
    Videos,
}

/// A support channel users can go to besides the widget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    /// Stable id (flows refer to it).
    pub id: String,
    /// What kind of channel it is.
    pub kind: ChannelKind,
    /// Where it is (`https:` or `mailto:`).
    pub url: String,
    /// Search URL template with `{query}` (forums).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_url: Option<String>,
    /// Label in the bundle's locale.
    pub label: String,
}

impl Channel {
    /// The search URL for `query` (percent-encoded), if the channel has a search URL template.
    pub fn search_link(&self, query: &str) -> Option<String> {
        self.search_url
            .as_ref()
            .map(|t| t.replace("{query}", &percent_encode(query)))
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Support hours and reply time.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Support {
    /// IANA time zone of the hours (for example `Europe/Berlin`).
    pub timezone: String,
    /// Open days: `mon` … `sun`.
    pub days: Vec<String>,
    /// Opening time, `HH:MM` in [`timezone`](Self::timezone).
    pub open: String,
    /// Closing time, `HH:MM` in [`timezone`](Self::timezone).
    pub close: String,
    /// Typical reply time, in the bundle's locale.
    pub reply_time: String,
}

/// How serious an announcement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// News.
    Info,
    /// Something users should plan around (maintenance).
    Warning,
    /// An ongoing incident.
    Critical,
}

/// A time-limited message shown on the home view while it is in effect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Announcement {
    /// Stable id.
    pub id: String,
    /// How serious it is.
    pub severity: Severity,
    /// Start, RFC 3339 with offset (for example `2026-12-01T00:00:00Z`).
    pub starts: String,
    /// End, RFC 3339 with offset.
    pub ends: String,
    /// Text in the bundle's locale.
    pub text: String,
}

/// Audience level of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// For newcomers.
    Beginner,
    /// For experienced users.
    Advanced,
}

/// A video guide attached to an article (shown as a linked thumbnail, never an iframe).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Video {
    /// Where the video plays (`https:`).
    pub url: String,
    /// Length in seconds.
    pub duration: u32,
    /// Thumbnail image URL.
    pub thumbnail: String,
}

/// One help article, localized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id, the same across locales.
    pub id: String,
    /// The locale the text is in: the bundle's locale, or the default locale on fallback.
    pub locale: String,
    /// Title.
    pub title: String,
    /// Category id.
    pub category: String,
    /// Search tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// One-sentence summary (search snippet and list text).
    pub summary: String,
    /// Contexts it fits: `route:<glob>`, `error:<CODE>`, `page:<name>`.
    #[serde(default)]
    pub contexts: Vec<String>,
    /// Ids of related articles.
    #[serde(default)]
    pub related: Vec<String>,
    /// Date of the last update, `YYYY-MM-DD`.
    pub updated: String,
    /// Audience level, if set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Video guide, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<Video>,
    /// The body as a safe block tree.
    #[serde(default)]
    pub body: Vec<Block>,
}

/// The kind of a callout (GitHub's `> [!NOTE]` syntax).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CalloutKind {
    /// `[!NOTE]`
    Note,
    /// `[!TIP]`
    Tip,
    /// `[!IMPORTANT]`
    Important,
    /// `[!WARNING]`
    Warning,
    /// `[!CAUTION]`
    Caution,
}

/// A block of an article body. There is no raw-HTML block: the compiler drops raw HTML.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// A heading.
    #[serde(rename = "h")]
    Heading {
        /// 1 to 6, as written.
        #[serde(rename = "l")]
        level: u8,
        /// Heading text.
        #[serde(rename = "c")]
        content: Vec<Inline>,
    },
    /// A paragraph.
    #[serde(rename = "p")]
    Paragraph(Vec<Inline>),
    /// A bulleted or numbered list.
    #[serde(rename = "ul")]
    List {
        /// Numbered list.
        #[serde(rename = "o", default, skip_serializing_if = "is_false")]
        ordered: bool,
        /// First number of a numbered list.
        #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
        start: Option<u64>,
        /// Items, each a sequence of blocks.
        #[serde(rename = "i")]
        items: Vec<Vec<Block>>,
    },
    /// A code block.
    #[serde(rename = "code")]
    Code {
        /// Language from the fence's info string (`bash`), if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lang: Option<String>,
        /// The code, without the final newline.
        #[serde(rename = "t")]
        text: String,
    },
    /// A block quote.
    #[serde(rename = "q")]
    Quote(Vec<Block>),
    /// A callout: `> [!NOTE]`, `> [!TIP]`, `> [!IMPORTANT]`, `> [!WARNING]`, `> [!CAUTION]`.
    #[serde(rename = "note")]
    Callout {
        /// Which callout.
        #[serde(rename = "k")]
        kind: CalloutKind,
        /// Its content.
        #[serde(rename = "b")]
        blocks: Vec<Block>,
    },
    /// A table.
    #[serde(rename = "table")]
    Table {
        /// Header cells.
        #[serde(rename = "h")]
        head: Vec<Vec<Inline>>,
        /// Body rows of cells.
        #[serde(rename = "r")]
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// An image (`http:`, `https:` or relative source).
    #[serde(rename = "img")]
    Image {
        /// Source URL.
        src: String,
        /// Alternative text.
        alt: String,
    },
    /// A thematic break.
    #[serde(rename = "hr")]
    Rule,
}

/// Inline content of a block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Inline {
    /// Plain text.
    #[serde(rename = "t")]
    Text(String),
    /// Strong emphasis.
    #[serde(rename = "b")]
    Strong(Vec<Inline>),
    /// Emphasis.
    #[serde(rename = "i")]
    Emphasis(Vec<Inline>),
    /// Inline code.
    #[serde(rename = "c")]
    Code(String),
    /// A link: `http:`, `https:`, `mailto:`, relative, or `#article:<id>` to another article.
    #[serde(rename = "a")]
    Link {
        /// Target.
        #[serde(rename = "h")]
        href: String,
        /// Link text.
        #[serde(rename = "c")]
        content: Vec<Inline>,
    },
    /// A line break in the source that renders as a space.
    #[serde(rename = "sb")]
    SoftBreak,
    /// A forced line break.
    #[serde(rename = "br")]
    HardBreak,
}

impl Inline {
    /// The article id this inline links to, when it is a link to `#article:<id>`.
    pub fn article_id(&self) -> Option<&str> {
        match self {
            Inline::Link { href, .. } => href.strip_prefix(ARTICLE_HREF_PREFIX),
            _ => None,
        }
    }

    /// The plain text of `inlines` (breaks become spaces).
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        push_plain(inlines, &mut out);
        out
    }
}

fn push_plain(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(s) | Inline::Code(s) => out.push_str(s),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } => {
                push_plain(c, out)
            }
            Inline::SoftBreak | Inline::HardBreak => out.push(' '),
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
