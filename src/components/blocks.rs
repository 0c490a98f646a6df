//! Renders an article's safe block tree with `view!` (never `innerHTML`). Links are checked
//! again before rendering; links to other articles open inside the widget.

use koban_core::content::{Block, CalloutKind, Inline};
use koban_core::home::links::is_safe_href;
use leptos::prelude::*;

use crate::components::panel::PanelNav;
use crate::state::Route;

/// Renders a sequence of blocks. Article headings are shifted below the panel's own (h2) and
/// the article title (h3).
#[component]
pub fn Blocks(
    /// The blocks to render.
    blocks: Vec<Block>,
) -> impl IntoView {
    blocks.into_iter().map(block).collect_view()
}

fn block(b: Block) -> AnyView {
    match b {
        Block::Heading { level, content } => {
            let inner = inlines(content);
            match level.saturating_add(2).min(6) {
                0..=4 => view! { <h4 class="kb-h">{inner}</h4> }.into_any(),
                5 => view! { <h5 class="kb-h">{inner}</h5> }.into_any(),
                _ => view! { <h6 class="kb-h">{inner}</h6> }.into_any(),
            }
        }
        Block::Paragraph(content) => view! { <p>{inlines(content)}</p> }.into_any(),
        Block::List {
            ordered,
            start,
            items,
        } => {
            let items = items
                .into_iter()
                .map(|item| view! { <li>{item.into_iter().map(block).collect_view()}</li> })
                .collect_view();
            if ordered {
                view! { <ol start=start.map(|s| s.to_string())>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Code { text, .. } => {
            view! { <pre class="kb-code" tabindex="0"><code>{text}</code></pre> }.into_any()
        }
        Block::Quote(blocks) => {
            view! { <blockquote>{blocks.into_iter().map(block).collect_view()}</blockquote> }
                .into_any()
        }
        Block::Callout { kind, blocks } => {
            let class = match kind {
                CalloutKind::Note | CalloutKind::Important => "kb-callout kb-callout-note",
                CalloutKind::Tip => "kb-callout kb-callout-tip",
                CalloutKind::Warning | CalloutKind::Caution => "kb-callout kb-callout-warning",
            };
            view! { <div class=class>{blocks.into_iter().map(block).collect_view()}</div> }
                .into_any()
        }
        Block::Table { head, rows } => {
            let head = head
                .into_iter()
                .map(|c| view! { <th scope="col">{inlines(c)}</th> })
                .collect_view();
            let rows = rows
                .into_iter()
                .map(|r| view! { <tr>{r.into_iter().map(|c| view! { <td>{inlines(c)}</td> }).collect_view()}</tr> })
                .collect_view();
            view! {
                <div class="kb-table-wrap" tabindex="0">
                    <table class="kb-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>
                </div>
            }
            .into_any()
        }
        // Images are not loaded from third parties (privacy, strict host CSPs): the alt text and
        // a link stand in for them.
        Block::Image { src, alt } => {
            if src.starts_with("https://") {
                view! { <p><a href=src target="_blank" rel="noopener noreferrer">{alt}</a></p> }
                    .into_any()
            } else {
                view! { <p>{alt}</p> }.into_any()
            }
        }
        Block::Rule => view! { <hr/> }.into_any(),
    }
}

fn inlines(list: Vec<Inline>) -> AnyView {
    list.into_iter().map(inline).collect_view().into_any()
}

fn inline(i: Inline) -> AnyView {
    match i {
        Inline::Text(t) => t.into_any(),
        Inline::Strong(c) => view! { <strong>{inlines(c)}</strong> }.into_any(),
        Inline::Emphasis(c) => view! { <em>{inlines(c)}</em> }.into_any(),
        Inline::Code(c) => view! { <code>{c}</code> }.into_any(),
        Inline::SoftBreak => " ".into_any(),
        Inline::HardBreak => view! { <br/> }.into_any(),
        ref link @ Inline::Link { .. } => {
            let article = link.article_id().map(str::to_string);
            let Inline::Link { href, content } = i else {
                unreachable!()
            };
            match article {
                Some(id) => {
                    let nav = expect_context::<PanelNav>();
                    view! {
                        <a
                            href="#"
                            on:click=move |ev| {
                                ev.prevent_default();
                                nav.go(Route::Article(id.clone()));
                            }
                        >
                            {inlines(content)}
                        </a>
                    }
                    .into_any()
                }
                None if is_safe_href(&href) => {
                    view! { <a href=href target="_blank" rel="noopener noreferrer">{inlines(content)}</a> }.into_any()
                }
                None => inlines(content),
            }
        }
    }
}
