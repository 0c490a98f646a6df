//! "Suggested for this page": the host's own suggestions first, then articles and guided flows
//! whose `contexts` match the page context set with `setContext`, best first.

use std::sync::Arc;

use koban_core::home::suggest::suggestions;
use leptos::prelude::*;

use crate::components::row::Row;
use crate::content::Loaded;
use crate::i18n::{msg, t};
use crate::state::WidgetState;

/// How many suggestions at most.
const LIMIT: usize = 5;

/// The suggestions list; renders nothing when there are none.
#[component]
pub fn Suggested(
    /// The loaded content.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let state = WidgetState::expect();
    move || {
        let host = state.host_suggestions.get();
        let docs = state
            .context
            .with(|active| suggestions(&loaded.index, &host, active, LIMIT));
        if docs.is_empty() {
            return None;
        }
        let items = docs
            .into_iter()
            .map(|d| {
                let (route, title, summary, lang) = loaded.doc_link(d);
                view! { <Row route title meta=summary lang/> }
            })
            .collect_view();
        Some(view! {
            <section class="kb-section kb-suggested" aria-labelledby="kb-suggested-title">
                <h3 id="kb-suggested-title" class="kb-section-title">{t(msg::SUGGESTED_TITLE)}</h3>
                <ul class="kb-list">{items}</ul>
            </section>
        })
    }
}
