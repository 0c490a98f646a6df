//! One article file, `content/<locale>/articles/<id>.md`: front matter parsed and checked, body
//! compiled, and the lines of everything the corpus-wide checks refer to.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::diagnostic::{Diagnostic, line_of};
use super::frontmatter;
use super::markdown::compile_markdown;
use super::model::{Article, Level, Video};
use super::plain::plain_text;
use super::site::toml_error;

/// The context kinds an article may list.
pub const CONTEXT_KINDS: [&str; 3] = ["route", "error", "page"];

/// An article as parsed from its file: the compiled [`Article`] plus source positions.
#[derive(Debug, Clone)]
pub struct SourceArticle {
    /// The file it came from.
    pub file: PathBuf,
    /// The compiled article (its `locale` is the folder's locale).
    pub article: Article,
    pub(crate) id_line: usize,
    pub(crate) category_line: usize,
    pub(crate) related_lines: Vec<usize>,
    /// Lines and ids of `other-id.md` links in the body.
    pub(crate) article_links: Vec<(usize, String)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: Spanned<String>,
    title: Spanned<String>,
    category: Spanned<String>,
    #[serde(default)]
    tags: Vec<String>,
    summary: Spanned<String>,
    #[serde(default)]
    contexts: Vec<Spanned<String>>,
    #[serde(default)]
    related: Vec<Spanned<String>>,
    updated: Spanned<Datetime>,
    #[serde(default)]
    level: Option<Level>,
    #[serde(default)]
    video: Option<VideoToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VideoToml {
    url: Spanned<String>,
    duration: u32,
    thumbnail: Spanned<String>,
}

/// Parses the article `src` of `file` in `locale`. Problems local to the file go to `diags`;
/// `None` when the front matter is unusable.
pub(crate) fn parse(
    file: &Path,
    src: &str,
    locale: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<SourceArticle> {
    let split = match frontmatter::split(src) {
        Ok(s) => s,
        Err((line, msg)) => {
            diags.push(Diagnostic::new(file, line, msg));
            return None;
        }
    };
    let fm: FrontMatter = match toml::from_str(split.front) {
        Ok(fm) => fm,
        Err(e) => {
            let mut d = toml_error(file, split.front, split.front_line, &e);
            d.message = match d.message.strip_prefix("missing field ") {
                Some(field) => format!("front matter: missing required field {field}"),
                None => format!("front matter: {}", d.message),
            };
            diags.push(d);
            return None;
        }
    };
    let front_line =
        |span: std::ops::Range<usize>| line_of(split.front, span.start) + split.front_line;
    let mut err = |line: usize, msg: String| diags.push(Diagnostic::new(file, line, msg));

    let id = fm.id.get_ref();
    let id_line = front_line(fm.id.span());
    if !super::is_valid_id(id) {
        err(id_line, format!("id `{id}` must match [a-z0-9-]+"));
    }
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if stem != id {
        err(
            id_line,
            format!("id `{id}` does not match the file name `{stem}.md`"),
        );
    }
    for (what, value) in [("title", &fm.title), ("summary", &fm.summary)] {
        if value.get_ref().trim().is_empty() {
            err(
                front_line(value.span()),
                format!("`{what}` must not be empty"),
            );
        }
    }
    for c in &fm.contexts {
        if let Some(msg) = context_problem(c.get_ref()) {
            err(front_line(c.span()), msg);
        }
    }
    let updated = fm.updated.get_ref();
    let updated_text = match (updated.date, updated.time) {
        (Some(d), None) => d.to_string(),
        _ => {
            err(
                front_line(fm.updated.span()),
                format!("`updated` must be a date like 2026-10-02, not `{updated}`"),
            );
            updated.to_string()
        }
    };
    let video = fm.video.map(|v| {
        for (what, u) in [("url", &v.url), ("thumbnail", &v.thumbnail)] {
            let s = u.get_ref();
            if !(s.starts_with("https://") || s.starts_with("http://")) {
                err(
                    front_line(u.span()),
                    format!("video {what} `{s}` is not an http(s) URL"),
                );
            }
        }
        Video {
            url: v.url.into_inner(),
            duration: v.duration,
            thumbnail: v.thumbnail.into_inner(),
        }
    });

    let compiled = compile_markdown(split.body);
    let body_line = |offset: usize| line_of(split.body, offset) + split.body_line;
    for &o in &compiled.raw_html {
        err(
            body_line(o),
            "raw HTML is not allowed in Markdown (it is dropped)".into(),
        );
    }
    for (o, url) in &compiled.bad_links {
        err(
            body_line(*o),
            format!("link `{url}` is not allowed: use http, https, mailto or a relative path"),
        );
    }

    Some(SourceArticle {
        file: file.to_path_buf(),
        id_line,
        category_line: front_line(fm.category.span()),
        related_lines: fm.related.iter().map(|r| front_line(r.span())).collect(),
        article_links: compiled
            .article_links
            .iter()
            .map(|(o, id)| (body_line(*o), id.clone()))
            .collect(),
        article: Article {
            id: fm.id.into_inner(),
            locale: locale.to_string(),
            title: fm.title.into_inner(),
            category: fm.category.into_inner(),
            tags: fm.tags,
            summary: plain_text(fm.summary.get_ref()),
            contexts: fm.contexts.into_iter().map(Spanned::into_inner).collect(),
            related: fm.related.into_iter().map(Spanned::into_inner).collect(),
            updated: updated_text,
            level: fm.level,
            video,
            body: compiled.blocks,
        },
    })
}

/// What is wrong with a context string, if anything.
fn context_problem(c: &str) -> Option<String> {
    let Some((kind, value)) = c.split_once(':') else {
        return Some(format!(
            "context `{c}` has no kind: use route:<glob>, error:<CODE> or page:<name>"
        ));
    };
    if !CONTEXT_KINDS.contains(&kind) {
        return Some(format!(
            "context `{c}` has unknown kind `{kind}`: use route:, error: or page:"
        ));
    }
    if value.trim().is_empty() {
        return Some(format!("context `{c}` has an empty value"));
    }
    if kind == "route" && !value.starts_with('/') {
        return Some(format!("route context `{c}` must start with `/`"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(src: &str) -> (Option<SourceArticle>, Vec<String>) {
        let mut diags = Vec::new();
        let a = parse(Path::new("en/articles/a.md"), src, "en", &mut diags);
        (a, diags.iter().map(|d| d.to_string()).collect())
    }

    const GOOD: &str = "+++\nid = \"a\"\ntitle = \"A\"\ncategory = \"nodes\"\nsummary = \"S\"\ncontexts = [\"route:/nodes/*\"]\nrelated = [\"b\"]\nupdated = 2026-10-02\nlevel = \"advanced\"\nvideo = { url = \"https://v.example/a\", duration = 90, thumbnail = \"https://v.example/a.jpg\" }\n+++\n\nSee [b](b.md).\n";

    #[test]
    fn parses_a_good_article() {
        let (a, diags) = parse_str(GOOD);
        assert_eq!(diags, Vec::<String>::new());
        let a = a.unwrap();
        assert_eq!(a.article.updated, "2026-10-02");
        assert_eq!(a.article.level, Some(Level::Advanced));
        assert_eq!(a.article.video.as_ref().unwrap().duration, 90);
        assert_eq!(a.id_line, 2);
        assert_eq!(a.category_line, 4);
        assert_eq!(a.related_lines, vec![7]);
        assert_eq!(a.article_links, vec![(13, "b".to_string())]);
    }

    #[test]
    fn context_kinds() {
        assert_eq!(context_problem("route:/nodes/**"), None);
        assert_eq!(context_problem("error:E_X"), None);
        assert_eq!(context_problem("page:billing"), None);
        assert!(
            context_problem("screen:x")
                .unwrap()
                .contains("unknown kind `screen`")
        );
        assert!(context_problem("nodes").unwrap().contains("no kind"));
        assert!(context_problem("error:").unwrap().contains("empty"));
        assert!(
            context_problem("route:nodes")
                .unwrap()
                .contains("start with")
        );
    }

    #[test]
    fn unknown_front_matter_keys_are_errors() {
        let (a, diags) = parse_str(&GOOD.replace("level =", "levle ="));
        assert!(a.is_none());
        assert_eq!(diags.len(), 1);
        assert!(
            diags[0].starts_with("en/articles/a.md:9: front matter: unknown field `levle`"),
            "{diags:?}"
        );
    }

    #[test]
    fn updated_must_be_a_date() {
        let (_, diags) = parse_str(&GOOD.replace("2026-10-02", "2026-10-02T10:00:00Z"));
        assert_eq!(
            diags,
            vec![
                "en/articles/a.md:8: `updated` must be a date like 2026-10-02, not `2026-10-02T10:00:00Z`"
            ]
        );
    }
}
