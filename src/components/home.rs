//! The home view: search box, then either search results or announcements, suggestions for the
//! current page, categories and the other support channels.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::announcements::Announcements;
use crate::components::channels::Channels;
#[cfg(feature = "desk")]
use crate::components::conversation::entry::RequestsEntry;
#[cfg(feature = "desk")]
use crate::components::flow::resume::Resume;
use crate::components::row::Row;
use crate::components::search::{SearchBox, SearchResults};
use crate::components::status::with_content;
use crate::components::suggested::Suggested;
use crate::content::Loaded;
use crate::i18n::{msg, t, tf};
use crate::state::{Route, WidgetState};

/// Home view of the panel.
#[component]
pub fn Home() -> impl IntoView {
    let state = WidgetState::expect();
    // Whether there is a query, as a memo: the results view stays while the query changes (one
    // search per keystroke, the list updated in place), drawn anew only when the box empties.
    let searching = Memo::new(move |_| state.query.with(|q| !q.trim().is_empty()));
    view! {
        <div class="kb-home">
            <p class="kb-greeting">{t(msg::HOME_GREETING)}</p>
            <SearchBox/>
            {with_content(move |loaded| {
                if searching.get() {
                    view! { <SearchResults loaded/> }.into_any()
                } else {
                    view! { <HomeSections loaded/> }.into_any()
                }
            })}
        </div>
    }
}

/// The sections shown when the search box is empty.
#[component]
fn HomeSections(
    /// The loaded content.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    // "Continue where you left off" is the desk build's: the first download hands the panel over
    // when a saved run waits (`crate::stage`).
    #[cfg(feature = "desk")]
    let resume = view! { <Resume loaded=loaded.clone()/> <RequestsEntry/> };
    #[cfg(not(feature = "desk"))]
    let resume = ();
    view! {
        {resume}
        <Announcements loaded=loaded.clone()/>
        <Suggested loaded=loaded.clone()/>
        <Categories loaded=loaded.clone()/>
        <Channels loaded/>
    }
}

/// The categories with their article counts.
#[component]
fn Categories(
    /// The loaded content.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let items = loaded
        .bundle
        .site
        .categories
        .iter()
        .map(|c| {
            let count = loaded
                .bundle
                .articles
                .iter()
                .filter(|a| a.category == c.id)
                .count();
            view! {
                <Row
                    route=Route::Category(c.id.clone())
                    title=c.name.clone()
                    meta=tf(msg::CATEGORY_COUNT, &[("count", count.to_string())])
                />
            }
        })
        .collect_view();
    view! {
        <section class="kb-section" aria-labelledby="kb-categories-title">
            <h3 id="kb-categories-title" class="kb-section-title">{t(msg::CATEGORIES_TITLE)}</h3>
            <ul class="kb-list">{items}</ul>
        </section>
    }
}
