//! Proactive nudge: when the host's context reports an error code that an article lists in its
//! `contexts`, the closed launcher shows a small, dismissible bubble that opens that article.
//! At most once per error code per browser session (sessionStorage, namespaced), announced
//! politely, and off with `boot({ nudges: false })`.

use koban_core::home::suggest::nudge;
use leptos::prelude::*;

use crate::content::Content;
use crate::i18n::{msg, t, tf};
use crate::state::WidgetState;

const STORAGE_KEY: &str = "koban:nudged";

/// The bubble next to the closed launcher, if a nudge is due.
#[component]
pub fn Nudge() -> impl IntoView {
    let state = WidgetState::expect();
    let content = Content::expect();
    let dismissed = RwSignal::new(Vec::<String>::new());
    // The article to nudge towards and the error code it is for.
    let due = move || {
        if !state.nudges || state.open() {
            return None;
        }
        let loaded = content.get()?.ok()?;
        let shown = dismissed.get();
        let (code, doc) = state.context.with(|active| {
            nudge(&loaded.index, active, |code| {
                shown.iter().any(|c| c == code) || already_nudged(code)
            })
        })?;
        let (route, title, _, _) = loaded.doc_link(doc);
        Some((code, route, title))
    };
    move || {
        due().map(|(code, route, title)| {
            remember(&code);
            let dismiss_code = code.clone();
            let open = move |_| {
                dismissed.update(|d| d.push(code.clone()));
                state.navigate(route.clone(), 0);
                state.set_open(true);
            };
            let dismiss = move |_| dismissed.update(|d| d.push(dismiss_code.clone()));
            view! {
                <div class="kb-nudge" role="status">
                    <button type="button" class="kb-nudge-open" on:click=open>
                        {tf(msg::NUDGE_TEXT, &[("title", title)])}
                    </button>
                    <button type="button" class="kb-icon-button kb-nudge-close" aria-label=t(msg::NUDGE_DISMISS) on:click=dismiss>
                        <span aria-hidden="true">"×"</span>
                    </button>
                </div>
            }
        })
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn already_nudged(code: &str) -> bool {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .is_some_and(|v| v.split(' ').any(|c| c == code))
}

fn remember(code: &str) {
    if let Some(s) = storage() {
        let mut v = s.get_item(STORAGE_KEY).ok().flatten().unwrap_or_default();
        if !v.split(' ').any(|c| c == code) {
            v.push(' ');
            v.push_str(code);
            let _ = s.set_item(STORAGE_KEY, v.trim());
        }
    }
}
