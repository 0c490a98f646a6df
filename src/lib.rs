//! Koban widget: the help panel, a Leptos (CSR) component compiled to WebAssembly.
//!
//! The hand-written loader (`public/koban.js`) draws the launcher, keeps the `Koban(...)` command
//! queue and, when the panel is first needed, imports this module and calls [`boot`] with a
//! [`Host`]: the element to render into (inside the loader's open shadow root), the
//! launcher button and an event emitter. Everything the host page asks for afterwards reaches the
//! widget through the returned [`Widget`] handle.
//!
//! - [`bridge`]: the typed JS bridge (host object in, widget handle out).
//! - [`host`]: the loader's host object and developer warnings.
//! - [`api`]: the typed client of the Koban server API.
//! - [`content`]: the active locale's help content and its search index.
//! - [`feedback`]: events for content authors, sent in the background.
//! - [`mount`]: styles into the shadow root, `lang`/`dir`, mounting the Leptos view.
//! - [`mounted`]: a mounted widget and its shutdown.
//! - [`state`]: reactive state shared by components, provided as context newtypes.
//! - [`flow`]: the guided flow being run: saved progress, host checks, events.
//! - [`ticket`]: the ticket being written or sent: draft autosave, outbox, exactly-once send.
//! - [`timer`]: `setTimeout` as a future (retries, yielding to the browser).
//! - [`launcher`]: the launcher's label and icon (localized or the host's).
//! - [`locale`]: which language the widget speaks and switching it live (RTL included).
//! - [`i18n`]: user-visible strings, from `locales/<locale>/*.ftl`.
//! - [`components`]: the view, one file per component.
//! - `stage` (first build only): handing the panel over to the desk build (ticket form, guides).
//!
//! Imports flow one way, top to bottom: the [`bridge`] drives [`mount`], which mounts the view
//! ([`components`]); the view uses the state ([`state`], [`content`], [`locale`], [`flow`],
//! [`ticket`], [`i18n`], ...), the API client ([`api`]) and, in the first build, the `stage`
//! that hands the panel to the desk build (which holds the [`mounted`] widget, never the view);
//! everything may use [`host`]. Nothing in `components/` imports the bridge or `mount`.
//!
//! Two builds of this crate ship: the desk build (default feature `desk`, `koban-desk`) and the
//! first download without it (`koban-widget`), which leaves out the ticket form and flow views
//! and the send loop; what only the desk build calls is dead code there, hence the `allow`.
#![cfg_attr(not(feature = "desk"), allow(dead_code))]

pub mod api;
pub mod bridge;
pub mod components;
pub mod content;
#[cfg(feature = "desk")]
pub mod conversation;
pub mod feedback;
pub mod flow;
pub mod host;
pub mod i18n;
pub mod launcher;
pub mod locale;
pub mod mount;
pub mod mounted;
#[cfg(not(feature = "desk"))]
pub mod stage;
pub mod state;
pub mod storage;
#[cfg(feature = "desk")]
pub mod ticket;
pub mod timer;

pub use bridge::{Widget, boot};
pub use host::Host;

/// Talc instead of the default dlmalloc: a few KB smaller and faster on wasm (see its README_WASM).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
