//! Running a host diagnostic for a `check` step: the function the host registered with
//! `Koban('registerCheck', name, fn)` gets the current page context and returns (or resolves to)
//! a result value. A throw, a rejection, a timeout, a missing registration or a result that is
//! not a string or boolean all mean "no result", and the flow takes its `fallback` step. Nothing
//! here can throw into the host page.
//!
//! ```ignore
//! let value: Option<String> = check::run(&checks, "node_status", &context_json, 5000).await;
//! ```

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Calls `check` with `context` and waits at most `timeout_ms` for its result.
pub async fn run(
    check: Option<js_sys::Function>,
    context: JsValue,
    timeout_ms: u32,
) -> Option<String> {
    let check = check?;
    let result = check.call1(&JsValue::NULL, &context).ok()?;
    let result = js_sys::Promise::resolve(&result);
    let timeout = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let ms = i32::try_from(timeout_ms).unwrap_or(i32::MAX);
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let raced = js_sys::Promise::race(&js_sys::Array::of2(&result, &timeout));
    let value = JsFuture::from(raced).await.ok()?;
    value
        .as_string()
        .or_else(|| value.as_bool().map(|b| b.to_string()))
}

/// `value` as a JS function, if it is one.
pub fn as_function(value: &JsValue) -> Option<js_sys::Function> {
    value.dyn_ref::<js_sys::Function>().cloned()
}
