//! One clickable row of an article list (suggestions, categories, related articles). A single
//! component for all lists keeps the wasm small: with erased components it is compiled once.

use leptos::prelude::*;

use crate::components::panel::PanelNav;
use crate::i18n::{msg, t};
use crate::state::Route;

/// A button that opens `route`, with a title and an optional second line, each marked with the
/// language of its text when that is not the panel's (English fallback content in a German
/// panel: WCAG 3.1.2).
#[component]
pub fn Row(
    /// Where the row leads.
    route: Route,
    /// The first line.
    #[prop(into)]
    title: String,
    /// The second line (summary, count), if any.
    #[prop(optional, into)]
    meta: Option<String>,
    /// The `lang` of the title and second line, when not the panel's
    /// ([`crate::content::Loaded::lang`]); none when the second line is the panel's own text.
    #[prop(optional_no_strip)]
    lang: Option<String>,
) -> impl IntoView {
    let nav = PanelNav::expect();
    // Guided flows are marked as guides wherever they are listed.
    let guide = matches!(route, Route::Flow(_))
        .then(|| view! { <span class="kb-badge">{t(msg::FLOW_BADGE)}</span> });
    view! {
        <li>
            <button type="button" class="kb-row" on:click=move |_| nav.go(route.clone())>
                <span class="kb-row-title" dir="auto" lang=lang.clone()>{guide}{title}</span>
                {meta.map(|m| view! { <span class="kb-row-meta" dir="auto" lang=lang>{m}</span> })}
            </button>
        </li>
    }
}
