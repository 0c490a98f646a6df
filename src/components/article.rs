//! The article view: title, body, video guide link, related articles and "Was this helpful?".

use std::sync::Arc;

use koban_core::content::Article;
use leptos::html;
use leptos::prelude::*;

use crate::components::blocks::Blocks;
use crate::components::contact::ContactButton;
use crate::components::focus_trap::focus_when_shown;
use crate::components::row::Row;
use crate::components::status::with_content;
use crate::content::Loaded;
use crate::i18n::{msg, t, tf};
use crate::state::{Route, WidgetState};

/// Shows article `id` from the loaded content.
#[component]
pub fn ArticleView(
    /// Article id.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    with_content(move |loaded| match loaded.bundle.article(&id).cloned() {
        Some(article) => view! { <ArticleBody article loaded/> }.into_any(),
        None => {
            view! { <p class="kb-error" role="alert">{t(msg::ARTICLE_NOT_FOUND)}</p> }.into_any()
        }
    })
}

#[component]
fn ArticleBody(article: Article, loaded: Arc<Loaded>) -> impl IntoView {
    let state = WidgetState::expect();
    state.emit_with(
        "articleViewed",
        &[
            ("id", article.id.as_str().into()),
            ("locale", article.locale.as_str().into()),
        ],
    );

    // The article element carries the article's language; the panel's own text in it (this
    // note, the date, the video label) carries the panel's when the two differ (WCAG 3.1.2).
    let ui_lang = loaded
        .lang(Some(&article.locale))
        .map(|_| loaded.locale.clone());
    // Shown in the default locale because it is not translated into the user's language.
    let fallback = (article.locale != state.locale.get_untracked())
        .then(|| view! { <p class="kb-note" lang=ui_lang.clone()>{t(msg::ARTICLE_FALLBACK)}</p> });
    let video = article.video.clone().map(|v| {
        let duration = format!("{}:{:02}", v.duration / 60, v.duration % 60);
        view! {
            <a class="kb-video" href=v.url target="_blank" rel="noopener noreferrer">
                <span class="kb-play" aria-hidden="true"></span>
                <span lang=ui_lang.clone()>{tf(msg::ARTICLE_VIDEO, &[("duration", duration)])}</span>
            </a>
        }
    });
    let related = article
        .related
        .iter()
        .filter_map(|r| loaded.bundle.article(r))
        .map(|r| view! { <Row route=Route::Article(r.id.clone()) title=r.title.clone() lang=loaded.lang(Some(&r.locale))/> })
        .collect_view();
    let (category, subject) = (article.category.clone(), article.title.clone());
    let rating = RwSignal::new(None::<bool>);
    // The buttons go once the user answers: the thanks that replaces them takes the focus.
    let thanks = NodeRef::<html::P>::new();
    focus_when_shown(move || thanks.get().map(Into::into));
    let article_id = article.id.clone();
    let rate = move |helpful: bool| {
        rating.set(Some(helpful));
        crate::feedback::article_rated(state, &article_id, helpful);
        state.emit_with(
            "articleRated",
            &[
                ("id", article_id.as_str().into()),
                ("helpful", helpful.into()),
            ],
        );
    };

    view! {
        <article class="kb-article" lang=article.locale.clone()
            dir=if koban_core::locales::is_rtl(&article.locale) { "rtl" } else { "ltr" }
            aria-labelledby="kb-article-title">
            <h3 id="kb-article-title" class="kb-view-title" tabindex="-1">{article.title.clone()}</h3>
            <p class="kb-muted kb-small" lang=ui_lang>{tf(msg::ARTICLE_UPDATED, &[("date", local_date(&article.updated, &state.locale.get_untracked()))])}</p>
            {fallback}
            {video}
            <Blocks blocks=article.body.clone()/>
        </article>
        <section class="kb-section kb-rating" aria-labelledby="kb-rating-title">
            <h4 id="kb-rating-title" class="kb-section-title">{t(msg::ARTICLE_HELPFUL)}</h4>
            {move || match rating.get() {
                None => {
                    let rate_yes = rate.clone();
                    let rate_no = rate.clone();
                    view! {
                        <div class="kb-actions">
                            <button type="button" class="kb-button kb-secondary" on:click=move |_| rate_yes(true)>{t(msg::ARTICLE_YES)}</button>
                            <button type="button" class="kb-button kb-secondary" on:click=move |_| rate_no(false)>{t(msg::ARTICLE_NO)}</button>
                        </div>
                    }
                    .into_any()
                }
                Some(helpful) => view! {
                    <p role="status" tabindex="-1" node_ref=thanks>{t(msg::ARTICLE_THANKS)}</p>
                    {(!helpful).then(|| view! {
                        <p class="kb-muted">{t(msg::ARTICLE_SORRY)}</p>
                        <ContactButton category=category.clone() subject=subject.clone()/>
                    })}
                }
                .into_any(),
            }}
        </section>
        {(!article.related.is_empty()).then(|| view! {
            <section class="kb-section" aria-labelledby="kb-related-title">
                <h4 id="kb-related-title" class="kb-section-title">{t(msg::ARTICLE_RELATED)}</h4>
                <ul class="kb-list">{related}</ul>
            </section>
        })}
    }
}

/// An ISO date (`2026-03-14`) in `locale`'s own format, from the browser's `Intl`; as given when
/// it is not a date.
fn local_date(iso: &str, locale: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&format!(
        "{iso}T12:00:00Z"
    )));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into());
    date.to_locale_date_string(locale, &options).into()
}
