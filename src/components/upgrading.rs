//! An article, the ticket route and guides in the first build: "Loading…" while the desk build
//! takes over (`crate::stage`), or, if it cannot be fetched, a localized error with Retry.

use std::rc::Weak;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::components::status::{Failed, Loading};
use crate::stage::Stage;

/// The first build's way to the desk build, provided as context by its mount.
#[derive(Clone, Copy)]
pub struct Upgrade(pub StoredValue<Weak<Stage>, LocalStorage>);

impl Upgrade {
    /// The way to the desk build, from context.
    pub fn expect() -> Self {
        expect_context()
    }

    /// Starts the hand-over; `failed` is set if the desk build cannot be fetched.
    pub fn start(&self, failed: RwSignal<bool>) {
        if let Some(stage) = self.0.with_value(Weak::upgrade) {
            Stage::upgrade(&stage, Some(failed));
        }
    }

    /// Prefills the ticket the desk build will show with `subject` and `category` (the empty
    /// ones left out), as `Koban('prefill', {...})` replayed to it: fields the user typed win
    /// there.
    pub fn prefill(&self, subject: &str, category: &str) {
        let Some(stage) = self.0.with_value(Weak::upgrade) else {
            return;
        };
        let fields = js_sys::Object::new();
        for (key, value) in [("subject", subject), ("category", category)] {
            if !value.is_empty() {
                let _ = js_sys::Reflect::set(&fields, &JsValue::from_str(key), &value.into());
            }
        }
        let args = js_sys::Array::of1(&fields);
        stage.record("command", vec![JsValue::from_str("prefill"), args.into()]);
    }
}

/// Starts the hand-over when shown.
#[component]
pub fn Upgrading() -> impl IntoView {
    let upgrade = Upgrade::expect();
    let failed = RwSignal::new(false);
    let start = move || {
        failed.set(false);
        upgrade.start(failed);
    };
    start();
    move || {
        if failed.get() {
            view! { <Failed message_id="error-network" retry=Callback::new(move |()| start())/> }
                .into_any()
        } else {
            view! { <Loading/> }.into_any()
        }
    }
}
