//! Koban's core: the pure-Rust logic shared by the widget (compiled to wasm) and the server.
//!
//! It knows no DOM, no HTTP and no Leptos, so everything here is tested with plain `cargo test`.
//!
//! - [`boot`]: the host's `Koban('boot', config)` object, parsed and checked with warnings that
//!   name the offending key.
//! - [`version`]: the widget version that versioned asset URLs are built from.

pub mod boot;
pub mod version;
