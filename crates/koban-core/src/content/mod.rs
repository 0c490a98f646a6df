//! Help content: the compiled bundle the widget reads, and (with the `authoring` feature) the
//! pipeline that turns `content/` (TOML + Markdown, see `docs/content-format.md`) into it.
//!
//! Always compiled (the widget needs them):
//! - [`model`]: [`ContentBundle`] and everything in it, including the safe [`Block`] tree of
//!   article bodies. Its module doc shows the JSON shape.
//! - `lang`: [`ContentBundle::lang_in`], which text a panel marks as in another language.
//! - [`locale`]: [`negotiate`], which of the site's locales serves a requested language tag.
//!
//! With `authoring` (the server and the `koban content` commands):
//! - [`corpus`]: [`Corpus::load`] reads and checks a content directory; [`check`] lists its
//!   problems as [`Diagnostic`]s (`file:line: message`).
//! - [`bundle`]: [`build_bundle`], the bundle of one locale with per-article fallback.
//! - [`markdown`]: [`compile_markdown`], Markdown → safe block tree (raw HTML and unsafe links
//!   dropped).
//! - [`plain`]: the short texts (summaries, flow questions, labels) as plain text.
//! - [`flow_source`]: one flow file parsed, compiled and checked (graph rules with `file:line`).
//! - [`site`], [`article`], [`diagnostic`]: the pieces they are built from.

mod lang;
pub mod locale;
pub mod model;

#[cfg(feature = "authoring")]
pub mod article;
#[cfg(feature = "authoring")]
pub mod bundle;
#[cfg(feature = "authoring")]
pub mod corpus;
#[cfg(feature = "authoring")]
pub mod diagnostic;
#[cfg(feature = "authoring")]
pub mod flow_source;
#[cfg(feature = "authoring")]
mod frontmatter;
#[cfg(feature = "authoring")]
pub mod markdown;
#[cfg(feature = "authoring")]
pub mod plain;
#[cfg(feature = "authoring")]
pub mod site;

pub use locale::negotiate;
pub use model::{
    ARTICLE_HREF_PREFIX, Announcement, Article, Block, CalloutKind, Category, Channel, ChannelKind,
    ContentBundle, CustomField, FieldOption, Inline, Level, Severity, Site, Support, Video,
};

#[cfg(feature = "authoring")]
pub use bundle::build_bundle;
#[cfg(feature = "authoring")]
pub use corpus::{Corpus, check};
#[cfg(feature = "authoring")]
pub use diagnostic::Diagnostic;
#[cfg(feature = "authoring")]
pub use markdown::{Compiled, compile_markdown};
#[cfg(feature = "authoring")]
pub use site::SiteConfig;

/// Whether `id` is a valid article or category id: `[a-z0-9-]+`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
