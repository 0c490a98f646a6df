//! The help panel: a modal dialog in floating mode (APG dialog pattern: focus moves in on open,
//! Tab wraps, Escape closes), a labelled region inline. It hosts the current view and Back.

use koban_core::boot::Mode;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[cfg(feature = "desk")]
use crate::components::article::ArticleView;
use crate::components::category::CategoryView;
#[cfg(feature = "desk")]
use crate::components::flow::FlowView;
use crate::components::home::Home;
#[cfg(feature = "desk")]
use crate::components::ticket::TicketView;
#[cfg(not(feature = "desk"))]
use crate::components::upgrading::Upgrading;
use crate::i18n::{msg, t};
use crate::state::{Route, WidgetState};

/// Navigation inside the panel that remembers and restores the scroll position of each view.
#[derive(Clone, Copy)]
pub struct PanelNav {
    state: WidgetState,
    body: NodeRef<html::Div>,
    title: NodeRef<html::H2>,
}

impl PanelNav {
    /// Shows `route`, remembering where the current view was scrolled to.
    pub fn go(&self, route: Route) {
        let scroll = self
            .body
            .get_untracked()
            .map(|b| b.scroll_top())
            .unwrap_or(0);
        self.state.navigate(route, scroll);
        self.scroll_to(0);
    }

    /// Goes back one view and restores its scroll position.
    pub fn back(&self) {
        let scroll = self.state.back();
        self.scroll_to(scroll);
        // Back to the first view removes the Back button: focus goes to the panel title rather
        // than being lost to the host page (where Escape would no longer reach the dialog).
        let (body, title) = (self.body, self.title);
        request_animation_frame(move || {
            // try_: the panel may be unmounted by the next frame.
            let lost = body
                .try_get_untracked()
                .flatten()
                .and_then(|b| b.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok())
                .is_some_and(|root| root.active_element().is_none());
            if let Some(t) = title.try_get_untracked().flatten().filter(|_| lost) {
                let _ = t.focus();
            }
        });
    }

    fn scroll_to(&self, top: i32) {
        let body = self.body;
        request_animation_frame(move || {
            if let Some(b) = body.try_get_untracked().flatten() {
                b.set_scroll_top(top);
            }
        });
    }
}

/// The panel frame: header with Back, title and close button, then the current view.
#[component]
pub fn Panel() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let floating = state.mode == Mode::Floating;
    let panel_ref = NodeRef::<html::Section>::new();
    let close_ref = NodeRef::<html::Button>::new();
    let body_ref = NodeRef::<html::Div>::new();
    let title_ref = NodeRef::<html::H2>::new();
    let nav = PanelNav {
        state,
        body: body_ref,
        title: title_ref,
    };
    provide_context(nav);

    // Focus moves into the dialog when it opens (unless it is in it already); when the panel is
    // drawn anew (hand-over from the first build, new strings), back to where it was. Runs again
    // as the elements appear.
    Effect::new(move |_| {
        let Some(panel) = panel_ref.get() else {
            return;
        };
        if let Some(id) = state.handed_focus.try_update_value(Option::take).flatten() {
            refocus(&panel, &id);
            return;
        }
        let inside = state.focused_id().is_some();
        if let Some(button) = close_ref.get().filter(|_| floating && !inside) {
            let _ = button.focus();
        }
    });

    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if !floating {
            return;
        }
        match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                ev.stop_propagation();
                state.set_open(false);
            }
            "Tab" => {
                if let Some(panel) = panel_ref.get() {
                    wrap_focus(&panel, &ev);
                }
            }
            _ => {}
        }
    };

    view! {
        <section
            node_ref=panel_ref
            class="kb-panel"
            class:kb-floating=floating
            role=if floating { "dialog" } else { "region" }
            aria-modal=if floating { Some("true") } else { None }
            aria-labelledby="kb-title"
            on:keydown=on_keydown
        >
            <header class="kb-header">
                {move || state.can_go_back().then(|| view! {
                    <button type="button" class="kb-icon-button kb-back" on:click=move |_| nav.back()>
                        <span aria-hidden="true" class="kb-back-arrow">"‹"</span>
                        <span class="kb-visually-hidden">{t(msg::BACK)}</span>
                    </button>
                })}
                <h2 id="kb-title" class="kb-title" tabindex="-1" node_ref=title_ref>{t(msg::PANEL_TITLE)}</h2>
                <LanguageMenu/>
                {floating.then(|| view! {
                    <button
                        node_ref=close_ref
                        type="button"
                        class="kb-icon-button kb-close"
                        aria-label=t(msg::PANEL_CLOSE)
                        on:click=move |_| state.set_open(false)
                    >
                        <span aria-hidden="true">"×"</span>
                    </button>
                })}
            </header>
            <div class="kb-body" node_ref=body_ref>
                {move || match state.route() {
                    Route::Home => view! { <Home/> }.into_any(),
                    Route::Category(id) => view! { <CategoryView id/> }.into_any(),
                    #[cfg(feature = "desk")]
                    Route::Article(id) => view! { <ArticleView id/> }.into_any(),
                    #[cfg(feature = "desk")]
                    Route::Ticket => view! { <TicketView/> }.into_any(),
                    #[cfg(feature = "desk")]
                    Route::Flow(id) => view! { <FlowView id/> }.into_any(),
                    // Reading an article, the form and guides: the desk build's (`crate::stage`).
                    #[cfg(not(feature = "desk"))]
                    Route::Article(_) | Route::Ticket | Route::Flow(_) => view! { <Upgrading/> }.into_any(),
                }}
            </div>
        </section>
    }
}

/// The language menu: every shipped locale by its own name; the pick is saved and wins over the
/// host's choice.
#[component]
fn LanguageMenu() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let current = state.locale.get_untracked();
    let options = koban_core::locales::LOCALES
        .iter()
        .map(|l| {
            let selected = *l == current;
            view! { <option value=*l selected=selected lang=*l>{crate::locale::autonym(l)}</option> }
        })
        .collect_view();
    view! {
        <select id="kb-language" class="kb-language" aria-label=t(msg::LANGUAGE_LABEL)
            on:change=move |ev| crate::locale::set_user_choice(state, &event_target_value(&ev))>
            {options}
        </select>
    }
}

/// Focuses the element with `id` in `panel` (an input keeps its caret at the end of its value),
/// or else the panel's title.
fn refocus(panel: &web_sys::HtmlElement, id: &str) {
    let el = Some(id)
        .filter(|id| !id.is_empty())
        .and_then(|id| panel.query_selector(&format!("#{id}")).ok().flatten())
        .or_else(|| panel.query_selector("#kb-title").ok().flatten());
    let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    let _ = el.focus();
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let end = input.value().encode_utf16().count() as u32;
        let _ = input.set_selection_range(end, end);
    }
}

/// Keeps Tab and Shift+Tab inside `panel`: from the last focusable element to the first and back.
fn wrap_focus(panel: &web_sys::HtmlElement, ev: &web_sys::KeyboardEvent) {
    let Ok(list) = panel.query_selector_all(
        "a[href],button:not([disabled]),input:not([disabled]),select,textarea,[tabindex]:not([tabindex='-1'])",
    ) else {
        return;
    };
    let len = list.length();
    if len == 0 {
        return;
    }
    let first = list.item(0);
    let last = list.item(len - 1);
    let active = panel
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|s| s.active_element());
    let target = match (ev.shift_key(), active) {
        (true, Some(a)) if first.as_ref().is_some_and(|f| f.is_same_node(Some(&a))) => last,
        (false, Some(a)) if last.as_ref().is_some_and(|l| l.is_same_node(Some(&a))) => first,
        _ => return,
    };
    if let Some(el) = target.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        ev.prevent_default();
        let _ = el.focus();
    }
}
