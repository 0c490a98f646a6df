//! The saved ticket in the host page's local storage, under a key namespaced by the Koban API it
//! belongs to (`koban:<api base>:ticket`), so two widgets on one origin never share a draft.
//!
//! Storage can be missing or refuse writes (private modes, sandboxed frames, quota); then the
//! draft lives in memory only and nothing fails.
//!
//! ```ignore
//! let store = DraftStore::new("https://help.example.com");
//! store.save(&saved);
//! let back = store.load();
//! ```

use koban_core::ticket::outbox::SavedTicket;

use crate::storage::{local_storage, ticket_key};

/// Where one widget's ticket is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftStore {
    key: String,
}

impl DraftStore {
    /// The store of the widget talking to `api_base`.
    pub fn new(api_base: &str) -> Self {
        Self {
            key: ticket_key(api_base),
        }
    }

    /// The saved ticket, if there is one and it can be read.
    pub fn load(&self) -> Option<SavedTicket> {
        let text = local_storage()?.get_item(&self.key).ok()??;
        koban_core::decode::saved_ticket_from_json(&text)
    }

    /// Saves `saved` (a blank one is removed instead: nothing worth keeping).
    pub fn save(&self, saved: &SavedTicket) {
        if saved.is_blank() {
            return self.remove();
        }
        if let (Some(storage), Ok(text)) = (local_storage(), serde_json::to_string(saved)) {
            let _ = storage.set_item(&self.key, &text);
        }
    }

    /// Deletes the saved ticket (accepted by the server, or discarded by the user).
    pub fn remove(&self) {
        if let Some(storage) = local_storage() {
            let _ = storage.remove_item(&self.key);
        }
    }
}
