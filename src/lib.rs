//! Koban widget: the help panel, a Leptos (CSR) component compiled to WebAssembly.
//!
//! The hand-written loader (`public/koban.js`) draws the launcher, keeps the `Koban(...)` command
//! queue and, when the panel is first needed, imports this module and calls [`boot`] with a
//! [`bridge::Host`]: the element to render into (inside the loader's open shadow root), the
//! launcher button and an event emitter. Everything the host page asks for afterwards reaches the
//! widget through the returned [`Widget`] handle.
//!
//! - [`bridge`]: the typed JS bridge (host object in, widget handle out).
//! - [`mount`]: styles into the shadow root, `lang`/`dir`, mounting the Leptos view.
//! - [`state`]: reactive state shared by components, provided as context newtypes.
//! - [`i18n`]: user-visible strings, from `locales/<locale>/*.ftl`.
//! - [`components`]: the view, one file per component.

pub mod bridge;
pub mod components;
pub mod i18n;
pub mod mount;
pub mod state;

pub use bridge::{Host, Widget, boot};
