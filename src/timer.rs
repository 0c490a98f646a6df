//! Waiting without blocking the host page: a `setTimeout` promise.
//!
//! Used by the ticket sender between retries and by the content loader to yield to the browser
//! between decoding the bundle and building the index (two short tasks instead of one long one).
//!
//! ```ignore
//! crate::timer::sleep(0).await;    // lets the browser paint and handle input first
//! crate::timer::sleep(2_000).await;
//! ```

/// Resolves after `ms` milliseconds (a `setTimeout` task; `0` yields to the browser).
pub async fn sleep(ms: u64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let ms = i32::try_from(ms).unwrap_or(i32::MAX);
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
