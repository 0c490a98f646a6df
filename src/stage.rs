//! Two downloads, one widget (first build only, without the `desk` feature).
//!
//! The first download (`koban-widget`) is the panel, its home view (suggestions for the page,
//! announcements, categories, channels) and search: what opening the panel and searching needs
//! (issue 9's size budget). Reading an article, the ticket form and guided flows are the desk
//! build (`koban-desk`, the same crate with the `desk` feature), fetched in the background a
//! moment after the panel first opens and booted when the user first needs it: an article, the
//! ticket route, a guide, a ticket waiting in the outbox, or a guide left unfinished (on open).
//!
//! Taking over: the first build reads what the panel shows ([`crate::state::Handover`]),
//! unmounts, and boots the desk build on the same host with it (`boot_stage2`, which emits no
//! second `ready` or `open`). Then it replays what the host said that the desk build must know
//! (`setContext`, `setLocale`, `identify`, `registerCheck`, `prefill`, `suggest`, and Contact
//! support's subject and category as a `prefill`) in order, and from then on forwards every call
//! of the loader to the desk build's widget. The first build keeps no ticket of its own: the
//! draft lives in local storage, where the desk build finds it. If the desk build cannot be
//! fetched, the view says so in the user's language, with Try again.
//!
//! Loading the desk build is a few lines of JavaScript that `scripts/package.mjs` appends to this
//! build's glue (`kobanDesk`): a module import relative to the glue's own URL, then the desk glue's
//! `default` with the wasm's URL, and its crash handler wired to the loader's. wasm-bindgen has no
//! binding for `import()` or `import.meta`, hence the few lines.
//!
//! ```ignore
//! let stage = Stage::new(host.clone());
//! stage.record("set_locale", vec!["ja".into()]); // replayed when the desk build takes over
//! stage.clone().load(None);                      // fetch the desk build and hand over
//! stage.forward("open", &[view]);                // once handed over: Some(result)
//! ```
//!
//! The stage holds the [`Mounted`] widget, never the view, so that the view (its `Upgrade`
//! context, `crate::components::upgrading`) can reach it without an import cycle.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::host::{Host, koban_desk, warn};
use crate::mounted::Mounted;

/// The first build's side of the hand-over, shared by the widget handle and the view.
pub struct Stage {
    host: Host,
    /// The first build's mounted view, until the desk build takes over.
    pub mounted: RefCell<Option<Mounted>>,
    full: RefCell<Option<JsValue>>,
    replay: RefCell<Vec<(&'static str, Vec<JsValue>)>>,
    loading: Cell<bool>,
    /// Set when a load fails: the view that asked last (an earlier one may be gone).
    failed: Cell<Option<RwSignal<bool>>>,
    shut: Cell<bool>,
    /// Whether the host identified the user (`identify`): their requests from any device are
    /// the desk build's to list, so it takes over when the panel opens.
    pub identified: Cell<bool>,
}

impl Stage {
    /// The stage of a widget booted on `host`.
    pub fn new(host: Host) -> Rc<Self> {
        Rc::new(Self {
            host,
            mounted: RefCell::new(None),
            full: RefCell::new(None),
            replay: RefCell::new(Vec::new()),
            loading: Cell::new(false),
            failed: Cell::new(None),
            shut: Cell::new(false),
            identified: Cell::new(false),
        })
    }

    /// Once the desk build has taken over: calls its widget's `method` with `args` and returns
    /// the result. `None` before.
    pub fn forward(&self, method: &str, args: &[JsValue]) -> Option<JsValue> {
        let full = self.full.borrow().clone()?;
        Some(call(&full, method, args))
    }

    /// Unmounts the first build's view, or shuts the desk build's widget down.
    pub fn shutdown(&self) {
        self.shut.set(true);
        if self.forward("shutdown", &[]).is_none()
            && let Some(m) = self.mounted.borrow_mut().take()
        {
            m.unmount();
        }
    }

    /// Fetches the desk build (if not yet) and hands the panel over to it; `failed` (the view
    /// that asked) is set if it cannot be fetched.
    pub fn load(self: Rc<Self>, failed: Option<RwSignal<bool>>) {
        let stage = self;
        if failed.is_some() {
            stage.failed.set(failed);
        }
        if stage.full.borrow().is_some() || stage.shut.get() || stage.loading.replace(true) {
            return;
        }
        spawn_local(async move {
            let module = match koban_desk() {
                Ok(promise) => JsFuture::from(promise).await,
                Err(e) => Err(e),
            };
            stage.loading.set(false);
            match module {
                Ok(module) if !stage.shut.get() => stage.hand_over(&module),
                Ok(_) => {}
                Err(_) => {
                    warn("the ticket form and guides could not be loaded");
                    if let Some(failed) = stage.failed.take() {
                        failed.try_set(true);
                    }
                }
            }
        });
    }

    /// Remembers a call of the widget's `method` with `args` that the desk build must see when
    /// it takes over (`command`: the verb and its arguments array; `set_context`: the object;
    /// `set_locale`: the tag).
    pub fn record(&self, method: &'static str, args: Vec<JsValue>) {
        let mut replay = self.replay.borrow_mut();
        // Only the last context and locale matter.
        if matches!(method, "set_context" | "set_locale") {
            replay.retain(|(m, _)| *m != method);
        }
        replay.push((method, args));
    }

    fn hand_over(&self, module: &JsValue) {
        let Some(mounted) = self.mounted.borrow_mut().take() else {
            return;
        };
        // With where the focus is (the user may be typing a query): the desk build puts it back.
        let handover = mounted.state.handover();
        mounted.unmount();
        let full = call(
            module,
            "boot_stage2",
            &[
                self.host.clone(),
                JsValue::from_str(&koban_core::nav::encode_stack(&handover.nav)),
                JsValue::from_str(&handover.query),
                JsValue::from_bool(handover.open),
                handover
                    .focus
                    .map_or(JsValue::UNDEFINED, |id| JsValue::from_str(&id)),
            ],
        );
        if !full.is_object() {
            // The desk build could not start: a crash, which the glue hands to the loader (its
            // fallback panel with the support channels), never to the host page.
            wasm_bindgen::throw_str("Koban: the desk build did not start");
        }
        for (method, args) in self.replay.borrow_mut().drain(..) {
            call(&full, method, &args);
        }
        *self.full.borrow_mut() = Some(full);
    }
}

/// `target[method](...args)`; a missing method or a throw is `undefined` (the desk glue reports
/// its crashes to the loader itself).
fn call(target: &JsValue, method: &str, args: &[JsValue]) -> JsValue {
    js_sys::Reflect::get(target, &JsValue::from_str(method))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| {
            f.apply(target, &args.iter().collect::<js_sys::Array>())
                .ok()
        })
        .unwrap_or_default()
}
