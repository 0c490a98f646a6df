//! A content bundle's articles and flows as plain-text search documents (their summaries and
//! flow texts are plain text already: [`crate::content::plain`], applied when content is built).

use crate::content::{Article, Block, ContentBundle, Inline};
use crate::flow::{Flow, StepKind};
use crate::search::{DocKind, SearchDoc};

/// One [`SearchDoc`] per article, then one per flow, in bundle order: a hit's `doc` below
/// `articles.len()` is that article, the rest are flows in order (their [`DocKind`] says which).
pub fn search_docs(bundle: &ContentBundle) -> Vec<SearchDoc> {
    bundle
        .articles
        .iter()
        .map(article_doc)
        .chain(bundle.flows.iter().map(flow_doc))
        .collect()
}

/// The search document of one flow: its title and summary, and as body the text of its
/// questions, answers, instructions and outcomes.
pub fn flow_doc(f: &Flow) -> SearchDoc {
    let mut body = String::new();
    for step in &f.steps {
        match &step.kind {
            StepKind::Question { text, choices } => {
                body.push_str(text);
                for c in choices {
                    body.push(' ');
                    body.push_str(&c.label);
                }
            }
            StepKind::Instruction { body: blocks, .. } => body.push_str(&plain_text(blocks)),
            StepKind::Check { text, .. } | StepKind::Outcome { text, .. } => body.push_str(text),
            StepKind::Article { .. } => {}
        }
        body.push('\n');
    }
    SearchDoc {
        id: f.id.clone(),
        kind: DocKind::Flow,
        title: f.title.clone(),
        tags: Vec::new(),
        summary: f.summary.clone(),
        body: body.trim_end().to_string(),
        contexts: f.contexts.clone(),
    }
}

/// The search document of one article.
pub fn article_doc(a: &Article) -> SearchDoc {
    SearchDoc {
        id: a.id.clone(),
        kind: DocKind::Article,
        title: a.title.clone(),
        tags: a.tags.clone(),
        summary: a.summary.clone(),
        body: plain_text(&a.body),
        contexts: a.contexts.clone(),
    }
}

/// The text of a block tree, blocks separated by newlines.
pub fn plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        push_block(b, &mut out);
    }
    out.trim_end().to_string()
}

fn push_block(block: &Block, out: &mut String) {
    match block {
        Block::Heading { content, .. } | Block::Paragraph(content) => push_inlines(content, out),
        Block::List { items, .. } => items.iter().flatten().for_each(|b| push_block(b, out)),
        Block::Code { text, .. } => out.push_str(text),
        Block::Quote(blocks) | Block::Callout { blocks, .. } => {
            blocks.iter().for_each(|b| push_block(b, out))
        }
        Block::Table { head, rows } => {
            for cell in head.iter().chain(rows.iter().flatten()) {
                push_inlines(cell, out);
                out.push(' ');
            }
        }
        Block::Image { alt, .. } => out.push_str(alt),
        Block::Rule => {}
    }
    out.push('\n');
}

fn push_inlines(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Strong(c) | Inline::Emphasis(c) => push_inlines(c, out),
            Inline::Link { content, .. } => push_inlines(content, out),
            Inline::SoftBreak | Inline::HardBreak => out.push(' '),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattens_nested_blocks() {
        let blocks = vec![
            Block::Heading {
                level: 2,
                content: vec![Inline::Text("Restart".into())],
            },
            Block::List {
                ordered: true,
                start: None,
                items: vec![vec![Block::Paragraph(vec![
                    Inline::Text("Run ".into()),
                    Inline::Code("gridshare-node restart".into()),
                ])]],
            },
        ];
        assert_eq!(plain_text(&blocks), "Restart\nRun gridshare-node restart");
    }
}
