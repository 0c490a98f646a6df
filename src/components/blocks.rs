//! Renders an article's safe block tree (never `innerHTML`). Links are checked again before
//! rendering; links to other articles open inside the widget.
//!
//! Built with web-sys (`createElement`, `createTextNode`, `setAttribute`) rather than `view!`:
//! a body is a static tree, and each element/attribute shape written with `view!` instantiates
//! Leptos's typed view code, which for this renderer's twenty shapes was 5.6 KB gzip of the first
//! download (issue 9's size budget). One delegated `click` listener on the container opens links
//! to other articles.

use koban_core::content::{Block, CalloutKind, Inline};
use koban_core::home::links::is_safe_href;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

use crate::components::panel::PanelNav;
use crate::state::Route;

/// Renders a sequence of blocks in a `kb-prose` container. Article headings are shifted below
/// the panel's own (h2) and the article title (h3).
#[component]
pub fn Blocks(
    /// The blocks to render.
    blocks: Vec<Block>,
) -> impl IntoView {
    let holder = NodeRef::<html::Div>::new();
    holder.on_load(move |div| {
        if let Some(doc) = div.owner_document() {
            children(&doc, &div, &blocks);
        }
    });
    let nav = use_context::<PanelNav>();
    let on_click = move |ev: web_sys::MouseEvent| {
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("a[data-kb-article]").ok().flatten());
        if let (Some(link), Some(nav)) = (link, nav) {
            ev.prevent_default();
            let id = link.get_attribute("data-kb-article").unwrap_or_default();
            nav.go(Route::Article(id));
        }
    };
    view! { <div class="kb-prose" node_ref=holder on:click=on_click></div> }
}

/// Appends a new `tag` element with `attrs` to `parent` and returns it.
fn add(doc: &Document, parent: &Node, tag: &str, attrs: &[(&str, &str)]) -> Element {
    // The tags are constants, so this cannot fail; if it did, the content would go into `parent`.
    let Ok(el) = doc.create_element(tag) else {
        return parent.clone().unchecked_into();
    };
    for (name, value) in attrs {
        let _ = el.set_attribute(name, value);
    }
    let _ = parent.append_child(&el);
    el
}

fn text(doc: &Document, parent: &Node, text: &str) {
    let _ = parent.append_child(&doc.create_text_node(text));
}

fn children(doc: &Document, parent: &Node, blocks: &[Block]) {
    for b in blocks {
        block(doc, parent, b);
    }
}

fn block(doc: &Document, parent: &Node, b: &Block) {
    match b {
        Block::Heading { level, content } => {
            let tag = match level.saturating_add(2).min(6) {
                0..=4 => "h4",
                5 => "h5",
                _ => "h6",
            };
            inlines(doc, &add(doc, parent, tag, &[("class", "kb-h")]), content);
        }
        Block::Paragraph(content) => inlines(doc, &add(doc, parent, "p", &[]), content),
        Block::List {
            ordered,
            start,
            items,
        } => {
            let start = start.filter(|_| *ordered).map(|s| s.to_string());
            let attrs: &[(&str, &str)] = match &start {
                Some(s) => &[("start", s)],
                None => &[],
            };
            let list = add(doc, parent, if *ordered { "ol" } else { "ul" }, attrs);
            for item in items {
                children(doc, &add(doc, &list, "li", &[]), item);
            }
        }
        Block::Code { text: code, .. } => {
            let pre = add(
                doc,
                parent,
                "pre",
                &[("class", "kb-code"), ("tabindex", "0")],
            );
            text(doc, &add(doc, &pre, "code", &[]), code);
        }
        Block::Quote(blocks) => children(doc, &add(doc, parent, "blockquote", &[]), blocks),
        Block::Callout { kind, blocks } => {
            let class = match kind {
                CalloutKind::Note | CalloutKind::Important => "kb-callout kb-callout-note",
                CalloutKind::Tip => "kb-callout kb-callout-tip",
                CalloutKind::Warning | CalloutKind::Caution => "kb-callout kb-callout-warning",
            };
            children(doc, &add(doc, parent, "div", &[("class", class)]), blocks);
        }
        Block::Table { head, rows } => {
            let wrap = add(
                doc,
                parent,
                "div",
                &[("class", "kb-table-wrap"), ("tabindex", "0")],
            );
            let table = add(doc, &wrap, "table", &[("class", "kb-table")]);
            let tr = add(doc, &add(doc, &table, "thead", &[]), "tr", &[]);
            for cell in head {
                inlines(doc, &add(doc, &tr, "th", &[("scope", "col")]), cell);
            }
            let body = add(doc, &table, "tbody", &[]);
            for row in rows {
                let tr = add(doc, &body, "tr", &[]);
                for cell in row {
                    inlines(doc, &add(doc, &tr, "td", &[]), cell);
                }
            }
        }
        // Images are not loaded from third parties (privacy, strict host CSPs): the alt text and
        // a link stand in for them.
        Block::Image { src, alt } => {
            let p = add(doc, parent, "p", &[]);
            if src.starts_with("https://") {
                let a = add(
                    doc,
                    &p,
                    "a",
                    &[
                        ("href", src),
                        ("target", "_blank"),
                        ("rel", "noopener noreferrer"),
                    ],
                );
                text(doc, &a, alt);
            } else {
                text(doc, &p, alt);
            }
        }
        Block::Rule => {
            add(doc, parent, "hr", &[]);
        }
    }
}

fn inlines(doc: &Document, parent: &Node, list: &[Inline]) {
    for i in list {
        inline(doc, parent, i);
    }
}

fn inline(doc: &Document, parent: &Node, i: &Inline) {
    match i {
        Inline::Text(t) => text(doc, parent, t),
        Inline::Strong(c) => inlines(doc, &add(doc, parent, "strong", &[]), c),
        Inline::Emphasis(c) => inlines(doc, &add(doc, parent, "em", &[]), c),
        Inline::Code(c) => text(doc, &add(doc, parent, "code", &[]), c),
        Inline::SoftBreak => text(doc, parent, " "),
        Inline::HardBreak => {
            add(doc, parent, "br", &[]);
        }
        Inline::Link { href, content } => match i.article_id() {
            Some(id) => inlines(
                doc,
                &add(doc, parent, "a", &[("href", "#"), ("data-kb-article", id)]),
                content,
            ),
            None if is_safe_href(href) => inlines(
                doc,
                &add(
                    doc,
                    parent,
                    "a",
                    &[
                        ("href", href),
                        ("target", "_blank"),
                        ("rel", "noopener noreferrer"),
                    ],
                ),
                content,
            ),
            None => inlines(doc, parent, content),
        },
    }
}
