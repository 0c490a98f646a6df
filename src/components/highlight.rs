//! Text with highlighted search matches (`<mark>`), from byte ranges computed by koban-core.

use koban_core::search::Highlighted;
use leptos::prelude::*;

/// Renders `text` with its `marks` wrapped in `<mark>`.
#[component]
pub fn HighlightedText(
    /// The text and the byte ranges to highlight.
    text: Highlighted,
) -> impl IntoView {
    let mut parts = Vec::new();
    let mut at = 0;
    for m in &text.marks {
        if m.start > at {
            parts.push(text.text[at..m.start].to_string().into_any());
        }
        let marked = text.text[m.clone()].to_string();
        parts.push(view! { <mark>{marked}</mark> }.into_any());
        at = m.end;
    }
    if at < text.text.len() {
        parts.push(text.text[at..].to_string().into_any());
    }
    parts
}
