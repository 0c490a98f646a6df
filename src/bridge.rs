//! The JS API bridge between the loader (`public/koban.js`) and the wasm widget.
//!
//! The loader owns the public `Koban(verb, ...)` function, its command queue and event listeners,
//! because they must work before the wasm arrives. Once loaded, it calls [`boot`] once per
//! `boot` verb and forwards verbs to the returned [`Widget`]. Nothing here throws into the host
//! page: bad input becomes a `console.warn` naming the problem.
//!
//! ```js
//! const widget = wasm.boot({ root, launcher, config: JSON.stringify(cfg), emit: (n, d) => {} });
//! widget.open(); widget.set_context(JSON.stringify({ route: "/nodes" })); widget.shutdown();
//! ```

use koban_core::boot::BootConfig;
use leptos::prelude::Set;
use wasm_bindgen::prelude::*;

use crate::mount::{self, Mounted};

#[wasm_bindgen]
extern "C" {
    /// The object the loader passes to [`boot`].
    pub type Host;

    /// Element inside the open shadow root that the panel renders into.
    #[wasm_bindgen(method, getter)]
    pub fn root(this: &Host) -> web_sys::HtmlElement;

    /// The launcher button drawn by the loader (`undefined` in inline mode).
    #[wasm_bindgen(method, getter)]
    pub fn launcher(this: &Host) -> Option<web_sys::HtmlElement>;

    /// The merged boot configuration, as JSON text.
    #[wasm_bindgen(method, getter)]
    pub fn config(this: &Host) -> String;

    /// Dispatches a public event (`ready`, `open`, `close`, `error`, ...) to host listeners.
    #[wasm_bindgen(method)]
    pub fn emit(this: &Host, name: &str, detail: JsValue);

    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    fn console_warn(message: &str);
}

/// Prints a developer-facing warning prefixed with `Koban:`.
pub fn warn(message: &str) {
    console_warn(&format!("Koban: {message}"));
}

/// A mounted widget, driven by the loader.
#[wasm_bindgen]
pub struct Widget {
    mounted: Option<Mounted>,
}

/// Mounts the widget for `host` and returns its handle. Config problems are warned about, never
/// thrown.
#[wasm_bindgen]
pub fn boot(host: Host) -> Widget {
    let (config, warnings) = BootConfig::parse(&host.config());
    for w in &warnings {
        warn(&w.to_string());
    }
    let mounted = mount::mount(host, config);
    Widget {
        mounted: Some(mounted),
    }
}

#[wasm_bindgen]
impl Widget {
    /// Opens the panel (floating mode; inline panels are always open).
    pub fn open(&self) {
        if let Some(m) = &self.mounted {
            m.state.set_open(true);
        }
    }

    /// Closes the floating panel and returns focus to the launcher.
    pub fn close(&self) {
        if let Some(m) = &self.mounted {
            m.state.set_open(false);
        }
    }

    /// Opens a closed panel, closes an open one.
    pub fn toggle(&self) {
        if let Some(m) = &self.mounted {
            m.state.set_open(!m.state.is_open());
        }
    }

    /// Whether the panel is open.
    pub fn is_open(&self) -> bool {
        self.mounted.as_ref().is_some_and(|m| m.state.is_open())
    }

    /// Replaces the page context (JSON object text, e.g. `{"route":"/nodes"}`).
    pub fn set_context(&self, json: &str) {
        match serde_json::from_str::<serde_json::Value>(json) {
            Ok(v @ serde_json::Value::Object(_)) => {
                if let Some(m) = &self.mounted {
                    m.state.context.set(v);
                }
            }
            _ => warn("setContext expects a plain object"),
        }
    }

    /// Switches the widget's locale.
    pub fn set_locale(&self, tag: &str) {
        if !koban_core::boot::is_language_tag(tag) {
            warn(&format!("setLocale: `{tag}` is not a language tag"));
            return;
        }
        if let Some(m) = &self.mounted {
            m.state.locale.set(tag.to_string());
        }
    }

    /// Unmounts the widget and removes what it added to the shadow root.
    pub fn shutdown(&mut self) {
        if let Some(m) = self.mounted.take() {
            m.unmount();
        }
    }
}
