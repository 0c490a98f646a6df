//! The Markdown compiler: CommonMark (+ tables and GitHub callouts) → the safe [`Block`] tree.
//!
//! pulldown-cmark does the parsing; this module folds its event stream into blocks and inlines and
//! enforces the safety rules on the way, so the widget can render the tree element by element and
//! never needs `innerHTML`:
//!
//! - raw HTML (blocks and inline tags) is dropped, and its position reported;
//! - a link whose target is not `http:`, `https:`, `mailto:` or relative (or contains control
//!   characters, which browsers strip to smuggle `java\tscript:`) keeps its text but loses its
//!   link, and is reported; the same for images (which also may not be `mailto:`); an image that
//!   loses its source becomes its alt text (the rules are in `target`);
//! - `other-id.md` links become `#article:other-id` (see [`ARTICLE_HREF_PREFIX`]) and are reported
//!   so the checker can verify the id exists.
//!
//! Images are blocks in the tree: an image directly in a paragraph splits it; an image nested in a
//! link, emphasis, heading or table cell is replaced by its alt text.

use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd,
};

use super::model::{ARTICLE_HREF_PREFIX, Block, CalloutKind, Inline};
use target::{Target, classify};

mod target;

/// The result of compiling one Markdown body.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Compiled {
    /// The safe block tree.
    pub blocks: Vec<Block>,
    /// Byte offsets (in the source) of raw HTML, which was dropped.
    pub raw_html: Vec<usize>,
    /// Byte offsets and targets of links and images that were dropped for their scheme.
    pub bad_links: Vec<(usize, String)>,
    /// Byte offsets and ids of links to other articles (`other-id.md`).
    pub article_links: Vec<(usize, String)>,
}

/// Compiles the Markdown `src` into a safe block tree.
///
/// ```
/// use koban_core::content::{compile_markdown, Block, Inline};
/// let out = compile_markdown("Hi <b>there</b> [x](javascript:alert(1))");
/// assert_eq!(out.blocks, vec![Block::Paragraph(vec![Inline::Text("Hi there x".into())])]);
/// assert_eq!(out.raw_html.len(), 2);
/// assert_eq!(out.bad_links.len(), 1);
/// ```
pub fn compile_markdown(src: &str) -> Compiled {
    let mut b = Builder::default();
    let parser = Parser::new_ext(src, Options::ENABLE_TABLES | Options::ENABLE_GFM);
    for (event, range) in parser.into_offset_iter() {
        b.event(event, range.start);
    }
    b.finish()
}

/// A container of inlines being built.
#[derive(Debug)]
enum InlineKind {
    Paragraph,
    Heading(u8),
    Strong,
    Emphasis,
    /// `None` when the link was rejected: its content is spliced into the parent.
    Link(Option<String>),
    Cell,
    /// Collects the alt text. `src` is `None` when the source was rejected.
    Image {
        src: Option<String>,
    },
    /// Content of an unsupported span (strikethrough etc.): spliced into the parent.
    Transparent,
}

#[derive(Debug)]
enum Frame {
    /// The root, a list item or a quote: a sequence of blocks. `loose` collects inlines that
    /// arrive directly (tight list items) into an implicit paragraph.
    Blocks {
        quote: Option<Option<BlockQuoteKind>>,
        blocks: Vec<Block>,
        loose: Vec<Inline>,
    },
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Inlines {
        kind: InlineKind,
        inlines: Vec<Inline>,
    },
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        row: Vec<Vec<Inline>>,
    },
    Code {
        lang: Option<String>,
        text: String,
    },
    /// Raw HTML block: everything inside is dropped.
    Html,
}

struct Builder {
    stack: Vec<Frame>,
    out: Compiled,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            stack: vec![Frame::Blocks {
                quote: None,
                blocks: Vec::new(),
                loose: Vec::new(),
            }],
            out: Compiled::default(),
        }
    }
}

impl Builder {
    fn event(&mut self, event: Event<'_>, offset: usize) {
        match event {
            Event::Start(tag) => self.start(tag, offset),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => self.inline(Inline::Code(t.into_string())),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
            Event::Html(_) | Event::InlineHtml(_) => {
                if !matches!(self.stack.last(), Some(Frame::Html)) {
                    self.out.raw_html.push(offset);
                }
            }
            Event::FootnoteReference(t) => self.text(&format!("[^{t}]")),
            Event::SoftBreak => self.inline(Inline::SoftBreak),
            Event::HardBreak => self.inline(Inline::HardBreak),
            Event::Rule => self.block(Block::Rule),
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
        }
    }

    fn start(&mut self, tag: Tag<'_>, offset: usize) {
        let frame = match tag {
            Tag::Paragraph => inlines(InlineKind::Paragraph),
            Tag::Heading { level, .. } => inlines(InlineKind::Heading(level as u8)),
            Tag::BlockQuote(kind) => Frame::Blocks {
                quote: Some(kind),
                blocks: Vec::new(),
                loose: Vec::new(),
            },
            Tag::CodeBlock(kind) => Frame::Code {
                lang: match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
                        .next()
                        .filter(|l| !l.is_empty())
                        .map(str::to_string),
                    CodeBlockKind::Indented => None,
                },
                text: String::new(),
            },
            Tag::HtmlBlock => {
                self.out.raw_html.push(offset);
                Frame::Html
            }
            Tag::List(start) => Frame::List {
                start,
                items: Vec::new(),
            },
            Tag::Item => Frame::Blocks {
                quote: None,
                blocks: Vec::new(),
                loose: Vec::new(),
            },
            Tag::Table(_) => Frame::Table {
                head: Vec::new(),
                rows: Vec::new(),
                row: Vec::new(),
            },
            Tag::TableHead | Tag::TableRow => return,
            Tag::TableCell => inlines(InlineKind::Cell),
            Tag::Emphasis => inlines(InlineKind::Emphasis),
            Tag::Strong => inlines(InlineKind::Strong),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                let url = if link_type == LinkType::Email {
                    format!("mailto:{dest_url}")
                } else {
                    dest_url.into_string()
                };
                let href = match classify(&url, true) {
                    Target::Keep(u) => Some(u),
                    Target::Article(id) => {
                        self.out.article_links.push((offset, id.clone()));
                        Some(format!("{ARTICLE_HREF_PREFIX}{id}"))
                    }
                    Target::Rejected => {
                        self.out.bad_links.push((offset, url));
                        None
                    }
                };
                inlines(InlineKind::Link(href))
            }
            Tag::Image { dest_url, .. } => {
                let src = match classify(&dest_url, false) {
                    Target::Keep(u) => Some(u),
                    Target::Article(_) | Target::Rejected => {
                        self.out.bad_links.push((offset, dest_url.into_string()));
                        None
                    }
                };
                inlines(InlineKind::Image { src })
            }
            // Not enabled in the parser options; should they appear, keep their text.
            Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => inlines(InlineKind::Transparent),
        };
        self.stack.push(frame);
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::TableHead => {
                if let Some(Frame::Table { head, row, .. }) = self.stack.last_mut() {
                    *head = std::mem::take(row);
                }
                return;
            }
            TagEnd::TableRow => {
                if let Some(Frame::Table { rows, row, .. }) = self.stack.last_mut() {
                    rows.push(std::mem::take(row));
                }
                return;
            }
            _ => {}
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Blocks {
                quote,
                mut blocks,
                loose,
            } => {
                flush_loose(&mut blocks, loose);
                match quote {
                    None => {
                        // A list item.
                        if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                            items.push(blocks);
                        } else {
                            self.splice_blocks(blocks);
                        }
                    }
                    Some(None) => self.block(Block::Quote(blocks)),
                    Some(Some(kind)) => self.block(Block::Callout {
                        kind: callout_kind(kind),
                        blocks,
                    }),
                }
            }
            Frame::List { start, items } => self.block(Block::List {
                ordered: start.is_some(),
                start,
                items,
            }),
            Frame::Inlines { kind, inlines } => self.end_inlines(kind, inlines),
            Frame::Table { head, rows, .. } => self.block(Block::Table { head, rows }),
            Frame::Code { lang, mut text } => {
                if text.ends_with('\n') {
                    text.pop();
                }
                self.block(Block::Code { lang, text })
            }
            Frame::Html => {}
        }
    }

    fn end_inlines(&mut self, kind: InlineKind, inlines: Vec<Inline>) {
        match kind {
            InlineKind::Paragraph => {
                if !is_blank(&inlines) {
                    self.block(Block::Paragraph(inlines));
                }
            }
            InlineKind::Heading(level) => self.block(Block::Heading {
                level,
                content: inlines,
            }),
            InlineKind::Strong => self.inline(Inline::Strong(inlines)),
            InlineKind::Emphasis => self.inline(Inline::Emphasis(inlines)),
            InlineKind::Link(Some(href)) => self.inline(Inline::Link {
                href,
                content: inlines,
            }),
            InlineKind::Link(None) | InlineKind::Transparent => {
                for i in inlines {
                    self.inline(i);
                }
            }
            InlineKind::Cell => {
                if let Some(Frame::Table { row, .. }) = self.stack.last_mut() {
                    row.push(inlines);
                }
            }
            InlineKind::Image { src } => {
                let alt = Inline::plain_text(&inlines);
                match src {
                    Some(src) if self.can_split() => self.split_with(Block::Image { src, alt }),
                    _ => {
                        if !alt.is_empty() {
                            self.text(&alt)
                        }
                    }
                }
            }
        }
    }

    /// Whether an image block can go here: directly in a paragraph or a tight list item.
    fn can_split(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame::Inlines {
                kind: InlineKind::Paragraph,
                ..
            }) | Some(Frame::Blocks { .. })
        )
    }

    /// Ends the current paragraph (if it has content), adds `block`, and lets the paragraph go on.
    fn split_with(&mut self, block: Block) {
        let n = self.stack.len();
        if let Some(Frame::Inlines {
            kind: InlineKind::Paragraph,
            inlines,
        }) = self.stack.last_mut()
        {
            let before = std::mem::take(inlines);
            if let Some(Frame::Blocks { blocks, .. }) = self.stack.get_mut(n.wrapping_sub(2)) {
                if !is_blank(&before) {
                    blocks.push(Block::Paragraph(before));
                }
                blocks.push(block);
            }
        } else {
            self.block(block);
        }
    }

    /// Adds a block to the innermost block container.
    fn block(&mut self, block: Block) {
        if let Some(Frame::Blocks { blocks, loose, .. }) = self.stack.last_mut() {
            flush_loose(blocks, std::mem::take(loose));
            blocks.push(block);
        }
    }

    fn splice_blocks(&mut self, new: Vec<Block>) {
        for b in new {
            self.block(b);
        }
    }

    fn text(&mut self, t: &str) {
        match self.stack.last_mut() {
            Some(Frame::Code { text, .. }) => text.push_str(t),
            Some(Frame::Html) => {}
            _ => self.inline(Inline::Text(t.to_string())),
        }
    }

    /// Adds an inline to the innermost inline container (or a tight item's implicit paragraph),
    /// merging adjacent text.
    fn inline(&mut self, inline: Inline) {
        let target = match self.stack.last_mut() {
            Some(Frame::Inlines { inlines, .. }) => inlines,
            Some(Frame::Blocks { loose, .. }) => loose,
            Some(Frame::Code { text, .. }) => {
                if let Inline::Text(t) = inline {
                    text.push_str(&t);
                }
                return;
            }
            _ => return,
        };
        if let (Some(Inline::Text(prev)), Inline::Text(next)) = (target.last_mut(), &inline) {
            prev.push_str(next);
            return;
        }
        target.push(inline);
    }

    fn finish(mut self) -> Compiled {
        while self.stack.len() > 1 {
            // Unbalanced input cannot come from pulldown-cmark, but never lose content.
            let Some(top) = self.stack.last() else { break };
            let tag = match top {
                Frame::Blocks { .. } => TagEnd::Item,
                Frame::List { .. } => TagEnd::List(false),
                Frame::Inlines { .. } => TagEnd::Paragraph,
                Frame::Table { .. } => TagEnd::Table,
                Frame::Code { .. } => TagEnd::CodeBlock,
                Frame::Html => TagEnd::HtmlBlock,
            };
            self.end(tag);
        }
        if let Some(Frame::Blocks {
            mut blocks, loose, ..
        }) = self.stack.pop()
        {
            flush_loose(&mut blocks, loose);
            self.out.blocks = blocks;
        }
        self.out
    }
}

fn inlines(kind: InlineKind) -> Frame {
    Frame::Inlines {
        kind,
        inlines: Vec::new(),
    }
}

fn flush_loose(blocks: &mut Vec<Block>, loose: Vec<Inline>) {
    if !is_blank(&loose) {
        blocks.push(Block::Paragraph(loose));
    }
}

/// No content but whitespace and breaks (what is left around a dropped tag or a split image).
fn is_blank(inlines: &[Inline]) -> bool {
    inlines.iter().all(|i| match i {
        Inline::Text(t) => t.trim().is_empty(),
        Inline::SoftBreak | Inline::HardBreak => true,
        _ => false,
    })
}

fn callout_kind(kind: BlockQuoteKind) -> CalloutKind {
    match kind {
        BlockQuoteKind::Note => CalloutKind::Note,
        BlockQuoteKind::Tip => CalloutKind::Tip,
        BlockQuoteKind::Important => CalloutKind::Important,
        BlockQuoteKind::Warning => CalloutKind::Warning,
        BlockQuoteKind::Caution => CalloutKind::Caution,
    }
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
