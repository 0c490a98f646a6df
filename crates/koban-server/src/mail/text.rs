//! The text a mail adds to a conversation.
//!
//! The first text body: `text/plain` as decoded by mail-parser (any charset, to UTF-8), or for
//! HTML-only mail the HTML turned into text by mail-parser's `html_to_text`, which drops
//! `<head>`, `<style>`, `<script>` and comments and keeps no URL or image: nothing of a mail is
//! ever rendered. Then [`koban_core::conversation::email_text::new_text`] makes line ends `\n`,
//! drops control characters other than newline and tab, and cuts the quoted history and the
//! signature (a documented heuristic that keeps the whole text rather than lose it).
//!
//! An agent's mail whose first non-empty line is `#internal` is an internal note; the line is
//! not kept ([`internal_note`]).

use koban_core::conversation::email_text;
use mail_parser::decoders::html::html_to_text;
use mail_parser::{Message, PartType};

/// The new text of `message`, normalized (see the module doc); empty when it has no text body.
pub fn mail_text(message: &Message<'_>) -> String {
    let text = match message.text_part(0).map(|p| &p.body) {
        Some(PartType::Text(text)) => text.to_string(),
        // The quoted history goes before the markup does (its containers say where it starts).
        Some(PartType::Html(html)) => html_to_text(email_text::cut_html_quote(html)),
        _ => String::new(),
    };
    trim(&email_text::new_text(&text))
}

/// `text` without blank lines before it and whitespace after it.
fn trim(text: &str) -> String {
    let blank: usize = text
        .split_inclusive('\n')
        .take_while(|line| line.trim().is_empty())
        .map(str::len)
        .sum();
    text[blank..].trim_end().to_string()
}

/// For an agent's text: `Some(the rest)` when its first non-empty line is `#internal`
/// (case-insensitive), the line removed.
pub fn internal_note(text: &str) -> Option<String> {
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty());
    let first = lines.next()?;
    if !first.trim().eq_ignore_ascii_case("#internal") {
        return None;
    }
    Some(trim(&lines.collect::<Vec<_>>().join("\n")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_and_controls() {
        assert_eq!(
            email_text::new_text("a\r\nb\rc\n\td\x00e\x1b[31m"),
            "a\nb\nc\n\tde[31m"
        );
        assert_eq!(trim(" \n\n  hi\n there \n\n"), "  hi\n there");
        assert_eq!(trim(" \n \n"), "");
    }

    #[test]
    fn internal_is_the_first_line() {
        assert_eq!(
            internal_note("\n #Internal \nCustomer is on pro.\n").as_deref(),
            Some("Customer is on pro.")
        );
        assert_eq!(internal_note("Hello\n#internal\n"), None);
        assert_eq!(internal_note("#internally speaking"), None);
        assert_eq!(internal_note("#internal").as_deref(), Some(""));
    }

    #[test]
    fn html_only_mail_is_text_without_markup() {
        let raw = "From: a@x.test\r\nContent-Type: text/html\r\n\r\n<html><head><style>p{}</style>\
                   <script>alert(1)</script></head><body onload=\"x()\"><p>Hello &amp; bye</p>\
                   <img src=\"https://t.example/pixel.gif\"></body></html>\r\n";
        let m = crate::mail::parse::parse(raw.as_bytes()).unwrap();
        let text = mail_text(&m);
        assert_eq!(text, "Hello & bye");
    }
}
