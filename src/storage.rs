//! The host page's local storage and the keys Koban keeps there, namespaced by the Koban API
//! the widget talks to (`koban:<api base>:ticket`, `…:flow`, …), so two widgets on one origin
//! never share anything.
//!
//! Storage can be missing or refuse writes (private modes, sandboxed frames, quota); then what
//! would be saved lives in memory only and nothing fails.
//!
//! ```ignore
//! let waiting = storage::has_outbox("https://help.example.com");
//! ```

/// The host page's local storage, if the browser lets the widget use it (the one place every
/// saved thing — draft, flow progress, language pick — gets it from).
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Where the widget talking to `api_base` keeps its ticket (draft and outbox).
pub fn ticket_key(api_base: &str) -> String {
    format!("koban:{api_base}:ticket")
}

/// Whether a ticket saved by the widget talking to `api_base` waits in the outbox
/// ([`koban_core::decode::saved_ticket_in_outbox`]).
pub fn has_outbox(api_base: &str) -> bool {
    local_storage()
        .and_then(|s| s.get_item(&ticket_key(api_base)).ok().flatten())
        .is_some_and(|text| koban_core::decode::saved_ticket_in_outbox(&text))
}
