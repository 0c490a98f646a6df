//! The articles of one category.

use leptos::prelude::*;

use crate::components::row::Row;
use crate::components::status::with_content;
use crate::state::Route;

/// Lists the articles of category `id`.
#[component]
pub fn CategoryView(
    /// Category id.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    with_content(move |loaded| {
        let (name, lang) = loaded
            .bundle
            .site
            .category(&id)
            .map(|c| (c.name.clone(), loaded.lang(None)))
            .unwrap_or_default();
        let items = loaded
            .bundle
            .articles
            .iter()
            .filter(|a| a.category == id)
            .map(|a| {
                let lang = loaded.lang(Some(&a.locale));
                view! {
                    <Row route=Route::Article(a.id.clone()) title=a.title.clone() lang meta=a.summary.clone()/>
                }
            })
            .collect_view();
        view! {
            <section class="kb-section" aria-labelledby="kb-category-title">
                <h3 id="kb-category-title" class="kb-view-title" tabindex="-1" lang=lang>{name}</h3>
                <ul class="kb-list">{items}</ul>
            </section>
        }
        .into_any()
    })
}
