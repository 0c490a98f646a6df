//! Waiting without blocking the host page: a `setTimeout` promise, and callbacks owned by a
//! component.
//!
//! [`sleep`] is used by the ticket sender between retries and by the content loader to yield to
//! the browser between decoding the bundle and building the index (two short tasks instead of one
//! long one). [`Later`] is a component's timeout or next-frame callback: a new one replaces the
//! one still pending, and disposing the component cancels it (the pattern of leptos-use's
//! `use_timeout_fn`: the handle is kept, and `on_cleanup` clears it). Hand-written: leptos-use
//! would be a dependency of the first download for these few lines.
//!
//! ```ignore
//! crate::timer::sleep(0).await;    // lets the browser paint and handle input first
//! crate::timer::sleep(2_000).await;
//! let later = Later::new();        // in a component's body
//! later.after(1_500, move || report(query));
//! later.next_frame(move || focus(heading));
//! ```

use leptos::prelude::*;

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

/// What a [`Later`] waits for.
#[derive(Clone, Copy)]
enum Pending {
    Timeout(TimeoutHandle),
    Frame(AnimationFrameRequestHandle),
}

impl Pending {
    fn cancel(self) {
        match self {
            Pending::Timeout(h) => h.clear(),
            Pending::Frame(h) => h.cancel(),
        }
    }
}

/// One pending callback of the reactive owner that made it (a component): starting another
/// replaces it, and it never runs once the owner is disposed. `Copy`.
#[derive(Clone, Copy)]
pub struct Later(StoredValue<Option<Pending>>);

impl Default for Later {
    fn default() -> Self {
        Self::new()
    }
}

impl Later {
    /// A new slot, cancelled when the current owner is cleaned up.
    pub fn new() -> Self {
        let slot = StoredValue::new(None::<Pending>);
        on_cleanup(move || {
            if let Some(p) = slot.try_update_value(Option::take).flatten() {
                p.cancel();
            }
        });
        Self(slot)
    }

    /// Runs `f` after `ms` milliseconds.
    pub fn after(&self, ms: u64, f: impl FnOnce() + 'static) {
        let handle = set_timeout_with_handle(f, std::time::Duration::from_millis(ms));
        self.replace(handle.ok().map(Pending::Timeout));
    }

    /// Runs `f` before the next repaint, once the view has been updated.
    pub fn next_frame(&self, f: impl FnOnce() + 'static) {
        let handle = request_animation_frame_with_handle(f);
        self.replace(handle.ok().map(Pending::Frame));
    }

    fn replace(&self, next: Option<Pending>) {
        if let Some(p) = self
            .0
            .try_update_value(|slot| std::mem::replace(slot, next))
            .flatten()
        {
            p.cancel();
        }
    }
}
