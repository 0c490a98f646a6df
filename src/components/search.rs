//! Instant search: the search box and the ranked, highlighted results (koban-core's index runs
//! in the widget, no round trip per keystroke). Arrow keys move through the results, Enter opens
//! one, and the result count is announced through a live region.

use std::sync::Arc;

use koban_core::content::ChannelKind;
use koban_core::search::SearchOptions;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::contact::ContactButton;
use crate::components::highlight::HighlightedText;
use crate::components::panel::PanelNav;
use crate::content::Loaded;
use crate::i18n::{msg, t, tf};
use crate::state::{Route, WidgetState};
use crate::timer::Later;

/// How many results are shown: ten fill the panel about twice over, and each one costs its
/// snippet and highlighted rows on every keystroke (issue 9's keystroke budget; twenty took the
/// p95 to 18 ms at 2,000 articles). A query that needs more is better refined than scrolled.
const LIMIT: usize = 10;

/// The labelled search input, bound to the widget's query.
#[component]
pub fn SearchBox() -> impl IntoView {
    let state = WidgetState::expect();
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "ArrowDown" {
            ev.prevent_default();
            focus_result(&ev, 0);
        }
    };
    view! {
        <div class="kb-search">
            <label for="kb-search-input" class="kb-visually-hidden">{t(msg::SEARCH_LABEL)}</label>
            <input
                id="kb-search-input"
                class="kb-input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder=t(msg::SEARCH_PLACEHOLDER)
                prop:value=move || state.query.get()
                on:input=move |ev| state.query.set(event_target_value(&ev))
                on:keydown=on_keydown
            />
        </div>
    }
}

/// Results for the current query, or the no-results help.
#[component]
pub fn SearchResults(
    /// The loaded content.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let state = WidgetState::expect();
    let nav = PanelNav::expect();
    // One search per keystroke: the result list, the announced count, the `search` event and
    // the content-gap report all read this signal.
    let run = {
        let loaded = loaded.clone();
        move || {
            let opts = SearchOptions {
                limit: LIMIT,
                context_boost: state.context.get(),
            };
            state.query.with(|q| loaded.index.search(q.trim(), &opts))
        }
    };
    let hits = RwSignal::new(untrack(run.clone()));
    let reported = StoredValue::new(Vec::<String>::new());
    let announced = StoredValue::new(String::new());
    // Cancelled with the view: a query the user left at once is no content gap.
    let gap = Later::new();
    Effect::new(move |_| {
        hits.set(run());
        let query = state.query.get_untracked().trim().to_string();
        let count = hits.with_untracked(Vec::len);
        // The `search` event, once per distinct query.
        if announced.get_value() != query {
            state.emit_with(
                "search",
                &[
                    ("query", query.as_str().into()),
                    ("results", (count as u32).into()),
                ],
            );
            announced.set_value(query.clone());
        }
        // A query that finds nothing and stays unchanged for a moment is a content gap.
        if count == 0 && !query.is_empty() {
            gap.after(1500, move || {
                let still = state.query.get_untracked().trim() == query;
                let new = reported.try_with_value(|r| !r.contains(&query)) == Some(true);
                if still && new {
                    reported.try_update_value(|r| r.push(query.clone()));
                    crate::feedback::search_no_results(state, &query);
                }
            });
        }
    });

    let list_loaded = loaded.clone();
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let step = match ev.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        ev.prevent_default();
        move_focus(&ev, step);
    };
    view! {
        // One live region for the whole search, so every change of the count is announced.
        <p class="kb-visually-hidden" role="status">
            {move || tf(msg::SEARCH_RESULTS, &[("count", hits.with(Vec::len).to_string())])}
        </p>
        {move || {
            let list = hits.get();
            if list.is_empty() {
                return view! { <NoResults loaded=loaded.clone()/> }.into_any();
            }
            let items = list
                .into_iter()
                .map(|hit| {
                    let (route, _, _, lang) = list_loaded.doc_link(hit.doc);
                    let guide = matches!(route, Route::Flow(_))
                        .then(|| view! { <span class="kb-badge">{t(msg::FLOW_BADGE)}</span> });
                    view! {
                        <li>
                            <button type="button" class="kb-row kb-result" on:click=move |_| nav.go(route.clone())>
                                <span class="kb-row-title" dir="auto" lang=lang.clone()>{guide}<HighlightedText text=hit.title/></span>
                                <span class="kb-row-meta" dir="auto" lang=lang><HighlightedText text=hit.snippet/></span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="kb-list kb-results" on:keydown=on_keydown>{items}</ul> }.into_any()
        }}
    }
}

/// Shown when nothing matches: the community forum's search and contact support.
#[component]
fn NoResults(
    /// The loaded content.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let state = WidgetState::expect();
    let query = state.query.get_untracked().trim().to_string();
    let site = &loaded.bundle.site;
    let forum = site
        .channels
        .iter()
        .find(|c| c.kind == ChannelKind::Forum)
        .and_then(|c| c.search_link(&query));
    let asked = query.clone();
    let also = Callback::new(move |()| crate::feedback::search_to_ticket(state, &asked));
    view! {
        <div class="kb-no-results">
            <p class="kb-strong">{tf(msg::SEARCH_NO_RESULTS, &[("query", query.clone())])}</p>
            <p class="kb-muted">{t(msg::SEARCH_NO_RESULTS_HINT)}</p>
            <div class="kb-actions">
                {forum.map(|href| view! {
                    <a class="kb-button" href=href target="_blank" rel="noopener noreferrer">{t(msg::SEARCH_ASK_COMMUNITY)}</a>
                })}
                <ContactButton subject=query.clone() also class="kb-secondary"/>
            </div>
        </div>
    }
}

/// All result buttons in the shadow root of the event's target.
fn result_buttons(ev: &web_sys::KeyboardEvent) -> Option<(web_sys::ShadowRoot, web_sys::NodeList)> {
    let target = ev.target()?.dyn_into::<web_sys::Node>().ok()?;
    let root = target
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()?;
    let list = root.query_selector_all(".kb-result").ok()?;
    Some((root, list))
}

fn focus_result(ev: &web_sys::KeyboardEvent, i: u32) {
    if let Some(el) = result_buttons(ev)
        .and_then(|(_, l)| l.item(i))
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Moves focus one result down or up; up from the first result returns to the search box.
fn move_focus(ev: &web_sys::KeyboardEvent, step: i32) {
    let Some((root, list)) = result_buttons(ev) else {
        return;
    };
    let active = root.active_element();
    let current = (0..list.length()).find(|&i| {
        list.item(i)
            .zip(active.as_ref())
            .is_some_and(|(n, a)| n.is_same_node(Some(a)))
    });
    let next = match current {
        Some(i) => i as i32 + step,
        None => 0,
    };
    let target = if next < 0 {
        root.get_element_by_id("kb-search-input")
    } else {
        list.item(next.min(list.length() as i32 - 1) as u32)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
    };
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
