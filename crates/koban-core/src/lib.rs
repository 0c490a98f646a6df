//! Koban's core: the pure-Rust logic shared by the widget (compiled to wasm) and the server.
//!
//! It knows no DOM, no HTTP and no Leptos, so everything here is tested with plain `cargo test`.
//!
//! - [`content`]: the help-content bundle (model, locale negotiation) and, with `authoring`, the
//!   pipeline that checks and compiles `content/` into it.
//! - [`decode`]: the JSON the widget reads (content bundle, saved ticket, prefill, flow run)
//!   decoded by hand from a `serde_json::Value`, with the same format as the serde derives but
//!   far less wasm.
//! - [`boot`]: the host's `Koban('boot', config)` object, parsed and checked with warnings that
//!   name the offending key.
//! - [`theme`]: the host's `theme` (custom properties, light/dark/auto), with AA contrast checks.
//! - [`version`]: the widget version that versioned asset URLs are built from.
//! - [`home`]: what the home view shows: page context, search documents, announcements in
//!   effect, support hours.
//! - [`locales`]: the shipped UI locales, right-to-left ones, the UI locale choice and (with
//!   `authoring`) the Fluent compiler and checks.
//! - [`nav`]: the widget panel's views, their stack (Back, scroll offsets) and the text the
//!   stack is handed over in.
//! - [`search`]: client-side full-text search (BM25 per field, typos, prefixes, CJK bigrams,
//!   context boost, highlights); NFKC through the `nfkc` feature or a hook.
//! - [`ticket`]: the ticket schema, its validation (run by widget and server) and the widget's
//!   retry policy.
//! - [`conversation`]: a ticket as a thread the user follows: the status state machine,
//!   satisfaction rating rules, the thread's wire shape, read marks and relative times.
//! - [`flow`]: guided troubleshooting flows: the model, graph checks and the runner with
//!   history and transcript.
//! - [`problem`]: the problem details of every API error and their stable codes.
//! - [`feedback`]: the feedback events the widget batches to the server (ratings, searches
//!   without results, searches that led to a ticket, flow outcomes) and their validation.

pub mod boot;
pub mod content;
pub mod conversation;
pub mod decode;
pub mod feedback;
pub mod flow;
pub mod home;
pub mod locales;
pub mod nav;
pub mod problem;
pub mod search;
pub mod theme;
pub mod ticket;
pub mod version;
