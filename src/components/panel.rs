//! The help panel: a modal dialog in floating mode (APG dialog pattern: focus moves in on open,
//! Tab wraps, Escape closes: [`FocusTrap`]), a labelled region inline. It hosts the current view
//! and Back.

use koban_core::boot::Mode;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[cfg(feature = "desk")]
use crate::components::article::ArticleView;
use crate::components::category::CategoryView;
#[cfg(feature = "desk")]
use crate::components::conversation::{requests::RequestsView, thread::ThreadView};
#[cfg(feature = "desk")]
use crate::components::flow::FlowView;
use crate::components::focus_trap::FocusTrap;
use crate::components::home::Home;
#[cfg(feature = "desk")]
use crate::components::ticket::TicketView;
#[cfg(not(feature = "desk"))]
use crate::components::upgrading::Upgrading;
use crate::i18n::{msg, t};
use crate::state::{Route, WidgetState};
use crate::timer::Later;

/// Navigation inside the panel that remembers and restores the scroll position of each view,
/// and gives the focus a place when the control that had it went away with the old view.
#[derive(Clone, Copy)]
pub struct PanelNav {
    state: WidgetState,
    body: NodeRef<html::Div>,
    title: NodeRef<html::H2>,
    frame: Later,
}

impl PanelNav {
    /// The panel's navigation, from context.
    pub fn expect() -> Self {
        expect_context()
    }

    /// Shows `route`, remembering where the current view was scrolled to.
    pub fn go(&self, route: Route) {
        let scroll = self
            .body
            .get_untracked()
            .map(|b| b.scroll_top())
            .unwrap_or(0);
        self.state.navigate(route, scroll);
        self.redrawn(Some(0));
    }

    /// Goes back one view and restores its scroll position.
    pub fn back(&self) {
        let scroll = self.state.back();
        self.redrawn(Some(scroll));
    }

    /// Back to the home view, forgetting the stack.
    pub fn home(&self) {
        self.state.go_home();
        self.redrawn(Some(0));
    }

    /// The view changed under the focus (the form became the confirmation, ...): see
    /// [`PanelNav::go`].
    pub fn settle(&self) {
        self.redrawn(None);
    }

    /// Once the new view is drawn: scrolls the body to `top`, and if the focused control went
    /// away with the old view, focuses the new view's heading, or the panel's title (Back to
    /// the first view also removes the Back button). The focus is never lost to the host page,
    /// where Escape would no longer reach the dialog.
    fn redrawn(&self, top: Option<i32>) {
        let (body, title) = (self.body, self.title);
        self.frame.next_frame(move || {
            let Some(body) = body.try_get_untracked().flatten() else {
                return;
            };
            if let Some(top) = top {
                body.set_scroll_top(top);
            }
            let lost = body
                .get_root_node()
                .dyn_into::<web_sys::ShadowRoot>()
                .is_ok_and(|root| root.active_element().is_none());
            let heading = body
                .query_selector(".kb-view-title")
                .ok()
                .flatten()
                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
                .or_else(|| title.try_get_untracked().flatten().map(Into::into));
            if let Some(h) = heading.filter(|_| lost) {
                let _ = h.focus();
            }
        });
    }
}

/// The panel frame: header with Back, title and close button, then the current view.
#[component]
pub fn Panel() -> impl IntoView {
    let state = WidgetState::expect();
    let floating = state.mode == Mode::Floating;
    let close_ref = NodeRef::<html::Button>::new();
    let body_ref = NodeRef::<html::Div>::new();
    let title_ref = NodeRef::<html::H2>::new();
    let nav = PanelNav {
        state,
        body: body_ref,
        title: title_ref,
        frame: Later::new(),
    };
    provide_context(nav);

    view! {
        <FocusTrap active=floating on_escape=Callback::new(move |()| state.set_open(false))
            initial=close_ref restore=state.handed_focus>
        <section
            class="kb-panel"
            class:kb-floating=floating
            role=if floating { "dialog" } else { "region" }
            aria-modal=if floating { Some("true") } else { None }
            aria-labelledby="kb-title"
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
                    #[cfg(feature = "desk")]
                    Route::Requests => view! { <RequestsView/> }.into_any(),
                    #[cfg(feature = "desk")]
                    Route::Request(reference) => view! { <ThreadView reference/> }.into_any(),
                    // Reading an article, the form, guides and conversations: the desk build's
                    // (`crate::stage`).
                    #[cfg(not(feature = "desk"))]
                    _ => view! { <Upgrading/> }.into_any(),
                }}
            </div>
        </section>
        </FocusTrap>
    }
}

/// The language menu: every shipped locale by its own name; the pick is saved and wins over the
/// host's choice.
#[component]
fn LanguageMenu() -> impl IntoView {
    let state = WidgetState::expect();
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
