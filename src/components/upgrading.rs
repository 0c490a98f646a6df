//! An article, the ticket route and guides in the first build: "Loading…" while the desk build
//! takes over ([`Stage`]), or, if it cannot be fetched, a localized error with Retry.

use std::rc::Weak;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::components::status::{Failed, Loading};
use crate::i18n::msg;
use crate::stage::Stage;
use crate::state::WidgetState;

/// The first build's way to the desk build, provided as context by [`provide`].
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
            stage.load(Some(failed));
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

/// Provides the hand-over trigger to the view ([`Upgrade`]), and when the panel first opens,
/// hands over at once if a guide was left unfinished ("Continue where you left off" is the desk
/// build's) or the user has requests to follow (filed in this browser, or identified: "Your
/// requests" is the desk build's), or else
/// fetches the desk build in the background a moment later.
pub fn provide(state: WidgetState, stage: Weak<Stage>) {
    let api_base = state.api.with_value(|a| a.base().to_string());
    provide_context(Upgrade(StoredValue::new_local(stage.clone())));
    Effect::new(move |fetched: Option<bool>| {
        if fetched == Some(true) || !state.open() {
            return fetched.unwrap_or(false);
        }
        match stage.upgrade().filter(|stage| {
            crate::flow::saved_run(&api_base).is_some()
                || crate::storage::has_requests(&api_base)
                || stage.identified.get()
        }) {
            Some(stage) => stage.load(None),
            None => spawn_local(async {
                crate::timer::sleep(1500).await;
                crate::host::prefetch_desk();
            }),
        }
        true
    });
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
            view! { <Failed message_id=msg::ERROR_NETWORK retry=Callback::new(move |()| start())/> }
                .into_any()
        } else {
            view! { <Loading/> }.into_any()
        }
    }
}
