//! Reactive state of one mounted widget, shared with components through context.
//!
//! [`WidgetState`] is `Copy` (signals and a local stored value), so components take it with
//! `use_context::<WidgetState>()` and event handlers capture it freely.
//!
//! ```ignore
//! let state = expect_context::<WidgetState>();
//! state.set_open(false); // emits `close` and returns focus to the launcher
//! ```

use koban_core::boot::{BootConfig, Mode};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::bridge::Host;

/// State of one widget instance.
#[derive(Clone, Copy)]
pub struct WidgetState {
    /// Whether the panel is shown (always true inline).
    open: RwSignal<bool>,
    /// The page context from `Koban('setContext', {...})`.
    pub context: RwSignal<serde_json::Value>,
    /// The active locale tag.
    pub locale: RwSignal<String>,
    /// Floating or inline.
    pub mode: Mode,
    host: StoredValue<Host, LocalStorage>,
}

impl WidgetState {
    /// State for a freshly booted widget.
    pub fn new(host: Host, config: &BootConfig) -> Self {
        Self {
            open: RwSignal::new(config.mode == Mode::Inline),
            context: RwSignal::new(serde_json::Value::Object(Default::default())),
            locale: RwSignal::new(config.locale.clone().unwrap_or_else(|| "en".into())),
            mode: config.mode,
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

    /// Opens or closes the floating panel, emitting `open`/`close`. Closing returns focus to
    /// the launcher, as the dialog pattern requires. Inline panels stay open.
    pub fn set_open(&self, open: bool) {
        if self.mode == Mode::Inline || self.open.get_untracked() == open {
            return;
        }
        self.open.set(open);
        self.emit(if open { "open" } else { "close" }, JsValue::UNDEFINED);
        if !open {
            self.host.with_value(|h| {
                if let Some(launcher) = h.launcher() {
                    let _ = launcher.focus();
                }
            });
        }
    }

    /// Emits a public event to the host's listeners.
    pub fn emit(&self, name: &str, detail: JsValue) {
        self.host.with_value(|h| h.emit(name, detail));
    }
}
