//! `If-None-Match` against an `ETag` (RFC 9110 §8.8.3 and §13.1.2), for the cacheable public
//! resources: the content bundle ([`crate::content::api`]) and the UI strings
//! ([`crate::locales`]).
//!
//! A request's `If-None-Match` is `*` or a comma-separated list of entity tags (`"v1"`,
//! `W/"v1"`), possibly over several header lines. It matches when it is `*` or when one of its
//! tags equals one of the current tags by *weak comparison*: the quoted opaque tags are equal,
//! whether either is marked weak or not. A matching `GET` is answered `304 Not Modified`. A
//! malformed element ends its header line (the elements before it still count).
//!
//! Hand-written (about 40 lines): the `headers` crate's `IfNoneMatch` does the same, but it is not
//! in the dependency tree and would come with its own typed-header machinery for one check.

use axum::http::{HeaderMap, header};

/// Whether the request's `If-None-Match` matches one of `current` (this resource's tags, quoted,
/// e.g. `"abc"` or `W/"abc"`): if so the answer is 304.
pub fn none_match(headers: &HeaderMap, current: &[&str]) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Elements::new)
        .any(|element| match element {
            Element::Any => !current.is_empty(),
            Element::Tag(tag) => current.iter().any(|c| opaque(c) == Some(tag)),
        })
}

/// One element of an `If-None-Match` list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Element<'a> {
    /// `*`: any current representation.
    Any,
    /// An entity tag's opaque tag, quotes included, without its `W/`.
    Tag(&'a str),
}

/// The opaque tag (quotes included) of a well-formed entity tag, weak or strong.
fn opaque(tag: &str) -> Option<&str> {
    let quoted = tag.strip_prefix("W/").unwrap_or(tag);
    let inner = quoted.strip_prefix('"')?.strip_suffix('"')?;
    // etagc = %x21 / %x23-7E / obs-text: no spaces, controls or quotes inside.
    inner
        .bytes()
        .all(|b| b == 0x21 || (0x23..=0x7E).contains(&b) || b >= 0x80)
        .then_some(quoted)
}

/// The elements of one `If-None-Match` line, up to the first malformed one.
struct Elements<'a> {
    rest: &'a str,
}

impl<'a> Elements<'a> {
    fn new(line: &'a str) -> Self {
        Elements { rest: line }
    }
}

impl<'a> Iterator for Elements<'a> {
    type Item = Element<'a>;

    fn next(&mut self) -> Option<Element<'a>> {
        let rest = self.rest.trim_start_matches([' ', '\t', ',']);
        let (element, after) = if let Some(after) = rest.strip_prefix('*') {
            (Element::Any, after)
        } else {
            // `W/"…"` or `"…"`: up to the closing quote (a comma inside the quotes belongs to
            // the tag).
            let start = if rest.starts_with("W/\"") { 3 } else { 1 };
            if !rest.get(start - 1..)?.starts_with('"') {
                self.rest = "";
                return None;
            }
            let len = rest[start..].find('"')? + start + 1;
            let Some(tag) = opaque(&rest[..len]) else {
                self.rest = "";
                return None;
            };
            (Element::Tag(tag), &rest[len..])
        };
        let after = after.trim_start_matches([' ', '\t']);
        if !(after.is_empty() || after.starts_with(',')) {
            self.rest = "";
            return None;
        }
        self.rest = after;
        Some(element)
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn request(lines: &[&'static str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for line in lines {
            h.append(header::IF_NONE_MATCH, HeaderValue::from_static(line));
        }
        h
    }

    const CURRENT: &[&str] = &["\"abc\"", "\"abc-gzip\""];

    fn hits(lines: &[&'static str]) -> bool {
        none_match(&request(lines), CURRENT)
    }

    #[test]
    fn a_strong_tag_matches_itself_only() {
        assert!(hits(&["\"abc\""]));
        assert!(hits(&["\"abc-gzip\""]));
        assert!(!hits(&["\"abd\""]));
        assert!(!hits(&["\"ABC\""]), "opaque tags are case-sensitive");
        assert!(!hits(&[]), "no header, no match");
        assert!(!hits(&[""]));
    }

    #[test]
    fn comparison_is_weak_on_both_sides() {
        assert!(hits(&["W/\"abc\""]));
        assert!(none_match(&request(&["\"abc\""]), &["W/\"abc\""]));
        assert!(none_match(&request(&["W/\"abc\""]), &["W/\"abc\""]));
        assert!(!hits(&["w/\"abc\""]), "the weak marker is case-sensitive");
    }

    #[test]
    fn lists_and_several_lines() {
        assert!(hits(&["\"x\", W/\"abc-gzip\""]));
        assert!(hits(&["\"x\",\"y\" ,\t\"abc\""]));
        assert!(hits(&["\"x\"", "\"y\", \"abc\""]), "any of several lines");
        assert!(hits(&[" , \"abc\" ,"]), "empty list elements are skipped");
        assert!(!hits(&["\"x\", \"y\""]));
        assert!(
            none_match(&request(&["\"a,b\""]), &["\"a,b\""]),
            "a comma inside the quotes belongs to the tag"
        );
        assert!(!none_match(&request(&["\"a,b\""]), &["\"a\""]));
    }

    #[test]
    fn star_matches_any_current_representation() {
        assert!(hits(&["*"]));
        assert!(hits(&["\"x\"", "*"]));
        assert!(!none_match(&request(&["*"]), &[]), "nothing current");
    }

    #[test]
    fn malformed_elements_end_their_line() {
        assert!(!hits(&["abc"]), "unquoted");
        assert!(!hits(&["\"abc"]), "unterminated");
        assert!(!hits(&["\"a bc\""]), "space inside");
        assert!(!hits(&["\"x\" junk, \"abc\""]), "garbage after a tag");
        assert!(hits(&["\"abc\", junk"]), "what came before still counts");
        assert!(hits(&["junk", "\"abc\""]), "other lines still count");
        assert!(!hits(&["W/abc"]));
    }
}
