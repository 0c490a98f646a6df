//! `content/site.toml`: locales, categories, channels, support hours and announcements, parsed and
//! checked, then localized into a [`Site`] for each bundle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::diagnostic::{Diagnostic, line_of};
use super::model::{
    Announcement, Category, Channel, ChannelKind, CustomField, FieldOption, Severity, Site, Support,
};
use crate::ticket::FieldKind;

/// Text per locale: `{ en = "…", ja = "…" }`.
type Localized = BTreeMap<String, String>;

/// The parsed `site.toml`.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    raw: SiteToml,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteToml {
    default_locale: Spanned<String>,
    locales: Spanned<Vec<String>>,
    #[serde(default)]
    categories: Vec<CategoryToml>,
    #[serde(default)]
    channels: Vec<ChannelToml>,
    support: SupportToml,
    #[serde(default)]
    announcements: Vec<AnnouncementToml>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryToml {
    id: Spanned<String>,
    name: Spanned<Localized>,
    #[serde(default)]
    fields: Vec<FieldToml>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldToml {
    id: Spanned<String>,
    kind: FieldKind,
    #[serde(default)]
    required: bool,
    label: Spanned<Localized>,
    #[serde(default)]
    help: Option<Spanned<Localized>>,
    #[serde(default)]
    options: Vec<OptionToml>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionToml {
    value: String,
    label: Spanned<Localized>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChannelToml {
    id: Spanned<String>,
    kind: ChannelKind,
    url: Spanned<String>,
    #[serde(default)]
    search_url: Option<Spanned<String>>,
    label: Spanned<Localized>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SupportToml {
    timezone: String,
    days: Spanned<Vec<String>>,
    open: Spanned<String>,
    close: Spanned<String>,
    reply_time: Spanned<Localized>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnnouncementToml {
    id: Spanned<String>,
    severity: Severity,
    starts: Spanned<Datetime>,
    ends: Spanned<Datetime>,
    text: Spanned<Localized>,
}

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl SiteConfig {
    /// Parses and checks the text of `site.toml` (`file` is used in diagnostics). Returns `None`
    /// when it cannot be parsed at all; otherwise the config plus any problems found.
    pub fn parse(file: &Path, text: &str) -> (Option<SiteConfig>, Vec<Diagnostic>) {
        match toml::from_str::<SiteToml>(text) {
            Ok(raw) => {
                let mut diags = Vec::new();
                let site = SiteConfig { raw };
                site.check(file, text, &mut diags);
                (Some(site), diags)
            }
            Err(e) => (None, vec![toml_error(file, text, 1, &e)]),
        }
    }

    /// The default locale (`en`).
    pub fn default_locale(&self) -> &str {
        self.raw.default_locale.get_ref()
    }

    /// All locales, in the order of `site.toml`.
    pub fn locales(&self) -> &[String] {
        self.raw.locales.get_ref()
    }

    /// Category ids, in display order.
    pub fn category_ids(&self) -> impl Iterator<Item = &str> {
        self.raw.categories.iter().map(|c| c.id.get_ref().as_str())
    }

    /// Channel ids, in display order.
    pub fn channel_ids(&self) -> impl Iterator<Item = &str> {
        self.raw.channels.iter().map(|c| c.id.get_ref().as_str())
    }

    /// The site settings localized for `locale` (text missing in it falls back to the default
    /// locale).
    pub fn localize(&self, locale: &str) -> Site {
        let text = |l: &Localized| self.pick(l, locale);
        Site {
            categories: self
                .raw
                .categories
                .iter()
                .map(|c| Category {
                    id: c.id.get_ref().clone(),
                    name: text(c.name.get_ref()),
                    fields: c
                        .fields
                        .iter()
                        .map(|f| CustomField {
                            id: f.id.get_ref().clone(),
                            kind: f.kind,
                            required: f.required,
                            label: text(f.label.get_ref()),
                            help: f
                                .help
                                .as_ref()
                                .map(|h| text(h.get_ref()))
                                .unwrap_or_default(),
                            options: f
                                .options
                                .iter()
                                .map(|o| FieldOption {
                                    value: o.value.clone(),
                                    label: text(o.label.get_ref()),
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
            channels: self
                .raw
                .channels
                .iter()
                .map(|c| Channel {
                    id: c.id.get_ref().clone(),
                    kind: c.kind,
                    url: c.url.get_ref().clone(),
                    search_url: c.search_url.as_ref().map(|s| s.get_ref().clone()),
                    label: text(c.label.get_ref()),
                })
                .collect(),
            support: Support {
                timezone: self.raw.support.timezone.clone(),
                days: self.raw.support.days.get_ref().clone(),
                open: self.raw.support.open.get_ref().clone(),
                close: self.raw.support.close.get_ref().clone(),
                reply_time: text(self.raw.support.reply_time.get_ref()),
            },
            announcements: self
                .raw
                .announcements
                .iter()
                .map(|a| Announcement {
                    id: a.id.get_ref().clone(),
                    severity: a.severity,
                    starts: a.starts.get_ref().to_string(),
                    ends: a.ends.get_ref().to_string(),
                    text: text(a.text.get_ref()),
                })
                .collect(),
        }
    }

    fn pick(&self, text: &Localized, locale: &str) -> String {
        text.get(locale)
            .or_else(|| text.get(self.default_locale()))
            .or_else(|| text.values().next())
            .cloned()
            .unwrap_or_default()
    }

    fn check(&self, file: &Path, text: &str, diags: &mut Vec<Diagnostic>) {
        let line = |offset: usize| line_of(text, offset) + 1;
        let mut err =
            |offset: usize, msg: String| diags.push(Diagnostic::new(file, line(offset), msg));
        let raw = &self.raw;
        let locales: BTreeSet<&str> = raw.locales.get_ref().iter().map(String::as_str).collect();
        let default = raw.default_locale.get_ref().as_str();
        if !locales.contains(default) {
            err(
                raw.default_locale.span().start,
                format!("default_locale `{default}` is not in `locales`"),
            );
        }
        for l in raw.locales.get_ref() {
            if !is_locale_tag(l) {
                err(
                    raw.locales.span().start,
                    format!("`{l}` is not a locale tag"),
                );
            }
        }
        let check_text =
            |t: &Spanned<Localized>, what: &str, err: &mut dyn FnMut(usize, String)| {
                if !t.get_ref().contains_key(default) {
                    err(t.span().start, format!("{what} has no `{default}` text"));
                }
                for key in t.get_ref().keys() {
                    if !locales.contains(key.as_str()) {
                        err(
                            t.span().start,
                            format!("{what}: `{key}` is not in `locales`"),
                        );
                    }
                }
            };
        let mut seen = BTreeSet::new();
        for c in &raw.categories {
            let id = c.id.get_ref();
            if !super::is_valid_id(id) {
                err(
                    c.id.span().start,
                    format!("category id `{id}` must match [a-z0-9-]+"),
                );
            }
            if !seen.insert(id.clone()) {
                err(c.id.span().start, format!("duplicate category id `{id}`"));
            }
            check_text(&c.name, &format!("category `{id}` name"), &mut err);
            let mut field_ids = BTreeSet::new();
            for f in &c.fields {
                let fid = f.id.get_ref();
                if !field_ids.insert(fid.clone()) {
                    err(
                        f.id.span().start,
                        format!("duplicate field id `{fid}` in category `{id}`"),
                    );
                }
                check_text(&f.label, &format!("field `{fid}` label"), &mut err);
                if let Some(h) = &f.help {
                    check_text(h, &format!("field `{fid}` help"), &mut err);
                }
                let is_select = f.kind == FieldKind::Select;
                if is_select && f.options.is_empty() {
                    err(
                        f.id.span().start,
                        format!("select field `{fid}` has no options"),
                    );
                }
                if !is_select && !f.options.is_empty() {
                    err(
                        f.id.span().start,
                        format!("field `{fid}` has options but is not a select"),
                    );
                }
                for o in &f.options {
                    check_text(&o.label, &format!("option `{}` label", o.value), &mut err);
                }
            }
        }
        let mut seen = BTreeSet::new();
        for c in &raw.channels {
            let id = c.id.get_ref();
            if !seen.insert(id.clone()) {
                err(c.id.span().start, format!("duplicate channel id `{id}`"));
            }
            let url = c.url.get_ref();
            let ok = match c.kind {
                ChannelKind::Email => url.starts_with("mailto:") || url.starts_with("https://"),
                _ => url.starts_with("https://") || url.starts_with("http://"),
            };
            if !ok {
                err(
                    c.url.span().start,
                    format!("channel `{id}` url `{url}` is not an http(s) or mailto URL"),
                );
            }
            if let Some(s) = &c.search_url {
                let s_url = s.get_ref();
                if !s_url.contains("{query}")
                    || !(s_url.starts_with("https://") || s_url.starts_with("http://"))
                {
                    err(
                        s.span().start,
                        format!(
                            "channel `{id}` search_url must be an http(s) URL containing `{{query}}`"
                        ),
                    );
                }
            }
            check_text(&c.label, &format!("channel `{id}` label"), &mut err);
        }
        let s = &raw.support;
        for d in s.days.get_ref() {
            if !DAYS.contains(&d.as_str()) {
                err(
                    s.days.span().start,
                    format!("support day `{d}` is not one of mon, tue, wed, thu, fri, sat, sun"),
                );
            }
        }
        for t in [&s.open, &s.close] {
            if !is_hh_mm(t.get_ref()) {
                err(
                    t.span().start,
                    format!("support time `{}` is not HH:MM", t.get_ref()),
                );
            }
        }
        check_text(&s.reply_time, "support reply_time", &mut err);
        let mut seen = BTreeSet::new();
        for a in &raw.announcements {
            let id = a.id.get_ref();
            if !seen.insert(id.clone()) {
                err(
                    a.id.span().start,
                    format!("duplicate announcement id `{id}`"),
                );
            }
            for (what, t) in [("starts", &a.starts), ("ends", &a.ends)] {
                let dt = t.get_ref();
                if dt.date.is_none() || dt.time.is_none() || dt.offset.is_none() {
                    err(
                        t.span().start,
                        format!(
                            "announcement `{id}` {what} must be a date-time with offset, like 2026-12-01T00:00:00Z"
                        ),
                    );
                }
            }
            check_text(&a.text, &format!("announcement `{id}` text"), &mut err);
        }
    }
}

/// A diagnostic for a TOML error in `text`, whose first line is file line `first_line`.
pub(crate) fn toml_error(
    file: &Path,
    text: &str,
    first_line: usize,
    e: &toml::de::Error,
) -> Diagnostic {
    let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0) + first_line;
    Diagnostic::new(file, line, e.message().trim_end().to_string())
}

fn is_hh_mm(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 5
        && b[2] == b':'
        && s[..2]
            .parse::<u8>()
            .is_ok_and(|h| h < 24 && b[0].is_ascii_digit() && b[1].is_ascii_digit())
        && s[3..]
            .parse::<u8>()
            .is_ok_and(|m| m < 60 && b[3].is_ascii_digit() && b[4].is_ascii_digit())
}

/// `en`, `ja`, `pt-BR`, `zh-Hant`: letters and digits in `-`-separated parts, starting with a
/// 2–8 letter language.
fn is_locale_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=8).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = r#"default_locale = "en"
locales = ["en", "ja"]

[[categories]]
id = "nodes"
name = { en = "Nodes", ja = "ノード" }

[[categories.fields]]
id = "os"
kind = "select"
label = { en = "OS" }
options = [{ value = "linux", label = { en = "Linux" } }]

[[channels]]
id = "forum"
kind = "forum"
url = "https://forum.example"
search_url = "https://forum.example/search?q={query}"
label = { en = "Forum", ja = "フォーラム" }

[support]
timezone = "Europe/Berlin"
days = ["mon", "fri"]
open = "08:00"
close = "20:00"
reply_time = { en = "4 hours", ja = "4 時間" }

[[announcements]]
id = "m"
severity = "warning"
starts = 2026-12-01T00:00:00Z
ends = 2026-12-02T00:00:00+09:00
text = { en = "Maintenance", ja = "メンテナンス" }
"#;

    #[test]
    fn localizes_with_fallback_to_the_default_locale() {
        let (site, diags) = SiteConfig::parse(Path::new("site.toml"), MINI);
        assert_eq!(diags, vec![]);
        let site = site.unwrap().localize("ja");
        assert_eq!(site.categories[0].name, "ノード");
        assert_eq!(site.categories[0].fields[0].label, "OS");
        assert_eq!(site.categories[0].fields[0].options[0].label, "Linux");
        assert_eq!(site.channels[0].label, "フォーラム");
        assert_eq!(site.support.reply_time, "4 時間");
        assert_eq!(site.announcements[0].starts, "2026-12-01T00:00:00Z");
        assert_eq!(site.announcements[0].ends, "2026-12-02T00:00:00+09:00");
        let rules = site.ticket_rules();
        assert_eq!(
            rules.categories[0].fields[0].options,
            vec!["linux".to_string()]
        );
    }

    #[test]
    fn reports_problems_with_lines() {
        let bad = MINI
            .replace("open = \"08:00\"", "open = \"8am\"")
            .replace(
                "name = { en = \"Nodes\", ja = \"ノード\" }",
                "name = { ja = \"ノード\", jp = \"x\" }",
            )
            .replace("starts = 2026-12-01T00:00:00Z", "starts = 2026-12-01");
        let (_, diags) = SiteConfig::parse(Path::new("site.toml"), &bad);
        let got: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            got,
            vec![
                "site.toml:6: category `nodes` name has no `en` text",
                "site.toml:6: category `nodes` name: `jp` is not in `locales`",
                "site.toml:24: support time `8am` is not HH:MM",
                "site.toml:31: announcement `m` starts must be a date-time with offset, like 2026-12-01T00:00:00Z",
            ]
        );
    }

    #[test]
    fn toml_errors_carry_their_line() {
        let bad = MINI.replace("kind = \"forum\"", "kind = \"pigeon\"");
        let (site, diags) = SiteConfig::parse(Path::new("site.toml"), &bad);
        assert!(site.is_none());
        assert_eq!(diags[0].line, 16, "{diags:?}");
        assert!(diags[0].message.contains("pigeon"), "{diags:?}");
    }

    #[test]
    fn hh_mm() {
        assert!(is_hh_mm("08:00") && is_hh_mm("23:59"));
        assert!(
            !is_hh_mm("24:00") && !is_hh_mm("8:00") && !is_hh_mm("08:60") && !is_hh_mm("+8:00")
        );
    }
}
