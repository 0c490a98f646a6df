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

/// Where the widget talking to `api_base` keeps the requests filed in this browser, each with
/// its access token (`{"tickets":[{"reference","token"}]}`, koban-core's `Followed`: the body of
/// the badge and live endpoints, which the loader's `koban-follow.js` reads too).
pub fn requests_key(api_base: &str) -> String {
    format!("koban:{api_base}:requests")
}

/// Where the widget talking to `api_base` keeps its reply boxes (drafts and frozen follow-ups,
/// koban-core's `SavedReplies`).
pub fn replies_key(api_base: &str) -> String {
    format!("koban:{api_base}:replies")
}

/// The text saved under `key`, if storage can be read.
pub fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok()?
}

/// Whether a ticket saved by the widget talking to `api_base` waits in the outbox
/// ([`koban_core::decode::saved_ticket_in_outbox`]), or its reply boxes hold anything (a draft,
/// or a follow-up waiting in their outbox: the desk build removes the key when they are empty).
/// Either way the desk build takes over at once and sends what waits.
pub fn has_outbox(api_base: &str) -> bool {
    read(&ticket_key(api_base))
        .is_some_and(|text| koban_core::decode::saved_ticket_in_outbox(&text))
        || read(&replies_key(api_base)).is_some()
}

/// Whether this browser follows requests filed through the widget talking to `api_base`
/// ([`koban_core::decode::follows_any`]).
pub fn has_requests(api_base: &str) -> bool {
    read(&requests_key(api_base)).is_some_and(|text| koban_core::decode::follows_any(&text))
}
