//! The short texts of content as plain text: a flow's question ``run `gridshare-node gpu list` ``
//! is shown, found and quoted as "run gridshare-node gpu list" (in the flow view, in search
//! snippets, in a ticket's transcript), and a summary never shows Markdown syntax in a list.
//!
//! Authors write these texts like the rest of the content, with inline Markdown (code spans,
//! emphasis, links); the widget shows them as text, so the compiler reduces them to their text
//! with the same Markdown parser as article bodies (pulldown-cmark) when the content is built,
//! and the widget ships no Markdown reader.
//!
//! ```
//! use koban_core::content::plain::plain_text;
//! assert_eq!(plain_text("Run `gridshare-node gpu list`, then **restart**."), "Run gridshare-node gpu list, then restart.");
//! ```

use pulldown_cmark::{Event, Parser, TagEnd};

/// `markdown` as the text it shows: code spans, emphasis, links and images reduced to their
/// text, raw HTML dropped, blocks and line breaks joined by one space.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                out.push(' ')
            }
            Event::End(TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::CodeBlock) => {
                out.push(' ')
            }
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    /// Each (Markdown, plain text) pair.
    fn check(cases: &[(&str, &str)]) {
        for (markdown, plain) in cases {
            assert_eq!(plain_text(markdown), *plain, "{markdown}");
        }
    }

    #[test]
    fn inline_syntax_goes_its_text_stays() {
        check(&[
            (
                "On the machine, run `gridshare-node gpu list`. What does it print?",
                "On the machine, run gridshare-node gpu list. What does it print?",
            ),
            (
                "**Restart** the *agent*, not the _machine_",
                "Restart the agent, not the machine",
            ),
            (
                "See [the docs](https://d.example/a_b) and ![a GPU](gpu.png)",
                "See the docs and a GPU",
            ),
            ("``a ` b`` and a <b>tag</b>", "a ` b and a tag"),
            (r"\*not emphasis\* &amp; more", "*not emphasis* & more"),
        ]);
    }

    #[test]
    fn plain_text_stays_as_written() {
        let same = [
            "snake_case_name and job_id",
            "2 * 3 = 6",
            "Online (green)",
            "Node still offline after restart (live status: {check.node_status})",
            "1.5× rewards, 100% sure ~ roughly",
            "",
        ];
        check(&same.map(|t| (t, t)));
    }

    #[test]
    fn blocks_and_breaks_become_spaces() {
        check(&[
            ("one\ntwo", "one two"),
            ("1. first\n2. second", "first second"),
            ("# Title\n\nBody", "Title Body"),
        ]);
    }
}
