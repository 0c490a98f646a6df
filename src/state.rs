//! Reactive state of one mounted widget, shared with components through context.
//!
//! [`WidgetState`] is `Copy` (signals and a local stored value), so components take it with
//! [`WidgetState::expect`] and event handlers capture it freely.
//!
//! ```ignore
//! let state = WidgetState::expect();
//! state.navigate(Route::Article("node-offline".into()), 0); // 0: the home view's scroll offset
//! state.set_open(false); // emits `close` and returns focus to the launcher
//! ```
//!
//! The logic of the view stack (Back, scroll offsets, the hand-over text) is koban-core's
//! [`koban_core::nav`]; this module holds it in signals.

use koban_core::boot::{BootConfig, Mode};
use koban_core::nav::NavStack;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::api::ApiClient;
use crate::host::Host;

pub use koban_core::nav::Route;

/// What the panel shows, carried from the first build to the desk build when the desk takes over
/// (`crate::stage`): the view stack, the typed query, whether the panel is open and where the
/// focus was.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Handover {
    /// The view stack, bottom first (as text: [`koban_core::nav::encode_stack`]).
    pub nav: Vec<Route>,
    /// The search query.
    pub query: String,
    /// Whether the floating panel is open.
    pub open: bool,
    /// The id of the panel's element that had the focus (empty: one without an id), `None` when
    /// the focus was not in the panel.
    pub focus: Option<String>,
}

/// State of one widget instance.
#[derive(Clone, Copy)]
pub struct WidgetState {
    /// Whether the panel is shown (always true inline).
    open: RwSignal<bool>,
    /// The active contexts of the page (`route:/nodes`, `error:E_NODE_OFFLINE`, ...), from
    /// `Koban('setContext', {...})`.
    pub context: RwSignal<Vec<String>>,
    /// The active locale (one of the shipped ones), see [`crate::locale`].
    pub locale: RwSignal<String>,
    /// Bumped whenever the UI strings change (a locale's messages arrived): the panel re-renders.
    pub strings: RwSignal<u32>,
    /// The navigation stack: the last entry is shown; each remembers its scroll position.
    pub nav: RwSignal<NavStack>,
    /// The search query, kept while the user opens results and comes back.
    pub query: RwSignal<String>,
    /// Article ids the host asked to show first (`Koban('suggest', [...])`).
    pub host_suggestions: RwSignal<Vec<String>>,
    /// Floating or inline.
    pub mode: Mode,
    /// Whether proactive nudges may show (`boot({ nudges })`).
    pub nudges: bool,
    /// Client for the Koban API.
    pub api: StoredValue<ApiClient>,
    /// The host's launcher label and icon (`boot({ launcherLabel, launcherIcon })`).
    pub launcher: StoredValue<(Option<String>, Option<String>)>,
    /// Where the focus goes when the panel is drawn anew (after a hand-over, [`Handover::focus`],
    /// or for new strings, `crate::locale::follow`), taken once by the panel.
    pub handed_focus: StoredValue<Option<String>>,
    host: StoredValue<Host, LocalStorage>,
}

impl WidgetState {
    /// The widget's state, from context.
    pub fn expect() -> Self {
        expect_context()
    }

    /// State for a freshly booted widget speaking `locale` ([`crate::locale::negotiated`]).
    pub fn new(host: Host, config: &BootConfig, locale: String) -> Self {
        let api_base = config.api_base.clone().unwrap_or_else(|| {
            web_sys::window()
                .and_then(|w| w.location().origin().ok())
                .unwrap_or_default()
        });
        Self {
            open: RwSignal::new(config.mode == Mode::Inline),
            context: RwSignal::new(Vec::new()),
            locale: RwSignal::new(locale),
            strings: RwSignal::new(0),
            nav: RwSignal::new(NavStack::default()),
            query: RwSignal::new(String::new()),
            host_suggestions: RwSignal::new(Vec::new()),
            mode: config.mode,
            nudges: config.nudges,
            api: StoredValue::new(ApiClient::new(api_base)),
            launcher: StoredValue::new((
                config.launcher_label.clone(),
                config.launcher_icon.clone(),
            )),
            handed_focus: StoredValue::new(None),
            host: StoredValue::new_local(host),
        }
    }

    /// Whether the panel is open, tracked.
    pub fn open(&self) -> bool {
        self.open.get()
    }

    /// Whether the panel is open, untracked (for handlers outside the reactive graph).
    pub fn is_open(&self) -> bool {
        self.open.get_untracked()
    }

    /// What the panel shows now, for the hand-over to the desk build.
    pub fn handover(&self) -> Handover {
        Handover {
            nav: self.nav.with_untracked(|n| n.routes().cloned().collect()),
            query: self.query.get_untracked(),
            open: self.is_open(),
            focus: self.focused_id(),
        }
    }

    /// The id of the widget's element that has the focus (empty: one without an id), `None` when
    /// the focus is not in the widget.
    pub fn focused_id(&self) -> Option<String> {
        let root = self.host.with_value(|h| h.root());
        let focused = root
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()?
            .active_element()?;
        root.contains(Some(&focused)).then(|| focused.id())
    }

    /// Shows what `handover` says, silently: no `open` event (the host saw it already), and the
    /// focus back where it was.
    pub fn restore(&self, handover: Handover) {
        self.nav.set(NavStack::of(handover.nav));
        self.query.set(handover.query);
        self.handed_focus.set_value(handover.focus);
        if self.mode != Mode::Inline {
            self.open.set(handover.open);
        }
    }

    /// Opens or closes the floating panel, emitting `open`/`close`. Closing returns focus to
    /// the launcher, as the dialog pattern requires. Inline panels stay open.
    pub fn set_open(&self, open: bool) {
        if self.mode == Mode::Inline || self.open.get_untracked() == open {
            return;
        }
        self.open.set(open);
        self.host.with_value(|h| {
            if let Some(launcher) = h.launcher() {
                let _ =
                    launcher.set_attribute("aria-expanded", if open { "true" } else { "false" });
                // Closing returns focus to the launcher (dialog pattern).
                if !open {
                    let _ = launcher.focus();
                }
            }
        });
        self.emit(if open { "open" } else { "close" }, JsValue::UNDEFINED);
    }

    /// The route shown now, tracked.
    pub fn route(&self) -> Route {
        self.nav.with(|n| n.current().clone())
    }

    /// Whether there is a view to go back to, tracked.
    pub fn can_go_back(&self) -> bool {
        self.nav.with(NavStack::can_go_back)
    }

    /// Shows `route`, remembering `scroll` (the current view's scroll offset) for Back.
    pub fn navigate(&self, route: Route, scroll: i32) {
        self.nav.update(|n| n.navigate(route, scroll));
    }

    /// Goes back one view and returns the scroll offset to restore there.
    pub fn back(&self) -> i32 {
        let mut scroll = 0;
        self.nav.update(|n| scroll = n.back());
        scroll
    }

    /// Back to the home view, forgetting the stack.
    pub fn go_home(&self) {
        self.nav.set(NavStack::default());
    }

    /// Emits a public event to the host's listeners.
    pub fn emit(&self, name: &str, detail: JsValue) {
        self.host.with_value(|h| h.emit(name, detail));
    }

    /// Emits a public event whose detail is a plain JS object with `fields`.
    pub fn emit_with(&self, name: &str, fields: &[(&str, JsValue)]) {
        let detail = js_sys::Object::new();
        for (key, value) in fields {
            let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), value);
        }
        self.emit(name, detail.into());
    }
}
