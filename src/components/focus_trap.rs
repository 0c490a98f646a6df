//! Keeping the keyboard in the panel: the focus trap of a modal dialog (APG dialog pattern), and
//! giving the focus a place when the control that had it goes away.
//!
//! [`FocusTrap`] wraps the dialog (model: thaw's `FocusTrap`): while it is active, Tab from the
//! last focusable element goes to the first and Shift+Tab from the first to the last, and Escape
//! runs `on_escape`. When it is drawn, the focus goes to `initial` unless it is inside already,
//! or back to the element it was on before the view was drawn anew (`restore`: a hand-over from
//! the first build, new strings). The wrapper is `display: contents`: it adds no box.
//!
//! Hand-written: thaw's trap brings thaw's provider and a stack of traps for nested dialogs, and
//! the widget has one dialog; the first download counts every kilobyte (issue 9).
//!
//! ```ignore
//! view! {
//!     <FocusTrap active=floating on_escape=close initial=close_ref restore=state.handed_focus>
//!         <section role="dialog">...</section>
//!     </FocusTrap>
//! }
//! focus_when_shown(move || thanks.get().map(Into::into)); // the message that replaced a button
//! ```

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What can take the focus with Tab.
const TABBABLE: &str = "a[href],button:not([disabled]),input:not([disabled]),select,textarea,[tabindex]:not([tabindex='-1'])";

/// The focus trap around the panel.
#[component]
pub fn FocusTrap(
    /// Whether Tab wraps and Escape closes (the floating dialog). Inline, the panel is a region
    /// of the page: Tab leaves it as anywhere else.
    active: bool,
    /// Escape pressed inside an active trap.
    on_escape: Callback<()>,
    /// Where the focus goes when an active trap is drawn and the focus is not inside it yet.
    initial: NodeRef<html::Button>,
    /// The id of the element to give the focus back to when the trap is drawn (empty or not
    /// found: the first element made focusable by script, the panel's title), taken once.
    restore: StoredValue<Option<String>>,
    children: Children,
) -> impl IntoView {
    let trap = NodeRef::<html::Div>::new();
    // Runs again as the elements appear.
    Effect::new(move |_| {
        let Some(container) = trap.get() else {
            return;
        };
        if let Some(id) = restore.try_update_value(Option::take).flatten() {
            refocus(&container, &id);
            return;
        }
        let inside = focused_in(&container).is_some();
        if let Some(button) = initial.get().filter(|_| active && !inside) {
            let _ = button.focus();
        }
    });
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if !active {
            return;
        }
        match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                ev.stop_propagation();
                on_escape.run(());
            }
            "Tab" => {
                if let Some(container) = trap.get_untracked() {
                    wrap_focus(&container, &ev);
                }
            }
            _ => {}
        }
    };
    view! { <div class="kb-trap" node_ref=trap on:keydown=on_keydown>{children()}</div> }
}

/// Focuses the element `el` returns as soon as it is in the document: the heading of a view
/// that replaced the form, the message that replaced the buttons.
pub fn focus_when_shown(el: impl Fn() -> Option<web_sys::HtmlElement> + 'static) {
    Effect::new(move |_| {
        if let Some(el) = el() {
            let _ = el.focus();
        }
    });
}

/// The element inside `container` that has the focus, if any.
pub fn focused_in(container: &web_sys::Element) -> Option<web_sys::Element> {
    let active = container
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()?
        .active_element()?;
    container.contains(Some(&active)).then_some(active)
}

/// Focuses the element with `id` in `container` (an input keeps its caret at the end of its
/// value), or else the first element made focusable by script.
fn refocus(container: &web_sys::Element, id: &str) {
    let el = Some(id)
        .filter(|id| !id.is_empty())
        .and_then(|id| container.query_selector(&format!("#{id}")).ok().flatten())
        .or_else(|| container.query_selector("[tabindex='-1']").ok().flatten());
    let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    let _ = el.focus();
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let end = input.value().encode_utf16().count() as u32;
        let _ = input.set_selection_range(end, end);
    }
}

/// Keeps Tab and Shift+Tab inside `container`: from the last focusable element to the first and
/// back.
fn wrap_focus(container: &web_sys::Element, ev: &web_sys::KeyboardEvent) {
    let Ok(list) = container.query_selector_all(TABBABLE) else {
        return;
    };
    let len = list.length();
    if len == 0 {
        return;
    }
    let first = list.item(0);
    let last = list.item(len - 1);
    let active = focused_in(container);
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
