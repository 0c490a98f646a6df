//! The host object the loader (`public/koban.js`) passes to [`crate::boot`]: where the widget
//! renders, the launcher, the boot configuration and the event emitter; and `console.warn` for
//! developer-facing problems; in the first build, the glue's `kobanDesk`. The bottom of the widget's imports: the state, the view and the
//! bridge all use it, it uses none of them.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The object the loader passes to [`crate::boot`].
    pub type Host;

    /// Element inside the open shadow root that the panel renders into.
    #[wasm_bindgen(method, getter)]
    pub fn root(this: &Host) -> web_sys::HtmlElement;

    /// The launcher button drawn by the loader (`undefined` in inline mode).
    #[wasm_bindgen(method, getter)]
    pub fn launcher(this: &Host) -> Option<web_sys::HtmlElement>;

    /// The merged boot configuration object (`data-*` attributes, then the `boot` argument).
    #[wasm_bindgen(method, getter)]
    pub fn config(this: &Host) -> JsValue;

    /// Dispatches a public event (`ready`, `open`, `close`, `error`, ...) to host listeners.
    #[wasm_bindgen(method)]
    pub fn emit(this: &Host, name: &str, detail: JsValue);

    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    fn console_warn(message: &str);
}

#[cfg(not(feature = "desk"))]
#[wasm_bindgen]
extern "C" {
    /// Imports and initializes the desk build (memoized; a failed load is retried on the next
    /// call). Defined by `scripts/package.mjs` in the first build's glue (`crate::stage`).
    #[wasm_bindgen(js_name = kobanDesk, catch)]
    pub fn koban_desk() -> Result<js_sys::Promise, JsValue>;
}

/// Fetches and compiles the desk build in the background (first build), so that the ticket form
/// and guides open at once (and offline) later. Errors are left to the hand-over.
#[cfg(not(feature = "desk"))]
pub fn prefetch_desk() {
    if let Ok(promise) = koban_desk() {
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// Prints a developer-facing warning prefixed with `Koban:`.
pub fn warn(message: &str) {
    console_warn(&format!("Koban: {message}"));
}
