//! Conversations in the widget: the requests this browser filed (each with its access token, in
//! namespaced local storage) or that an identified user filed anywhere, their threads, and the
//! reply box under each thread, which sends a follow-up exactly once ([`send`]).
//!
//! The rules are koban-core's ([`koban_core::conversation`]): the followed list
//! ([`Followed`]), the reply box's drafts and frozen requests ([`SavedReplies`]), status and
//! rating. This module holds them in signals and local storage; the views are
//! `crate::components::conversation`. Live changes come from the loader's `koban-follow.js`
//! (one connection per page, also when no wasm is loaded) through [`Conversations::changed`].
//!
//! ```ignore
//! let talks = Conversations::expect();
//! talks.follow("KB-7F3K-92QD", &access_token); // a ticket was created in this browser
//! talks.edit_reply("KB-7F3K-92QD", "It happened again");
//! talks.send_reply("KB-7F3K-92QD");            // validated, frozen, sent exactly once
//! ```

pub mod api;
pub mod send;

use std::collections::BTreeMap;

use koban_core::conversation::follow_up::Followed;
use koban_core::conversation::reply_box::SavedReplies;
use koban_core::ticket::{FieldErrors, TicketLimits};
use leptos::prelude::*;

use crate::state::WidgetState;
use crate::storage::{local_storage, read, replies_key, requests_key};

/// Where one request's reply is on its way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplyStatus {
    /// A request is out, or a retry is scheduled.
    Sending,
    /// Parked until the browser is back online (or the next page load).
    Queued,
    /// The server refused it for good: the text is back in the box, with these errors.
    Refused(FieldErrors),
    /// The server refused it with no field to blame (rate limit, server error).
    Failed,
}

/// The conversations of one widget, provided as context. `Copy`.
#[derive(Clone, Copy)]
pub struct Conversations {
    /// The requests filed in this browser, with their access tokens.
    pub followed: RwSignal<Followed>,
    /// Every reply box, by reference.
    pub replies: RwSignal<SavedReplies>,
    /// Where each reply being sent is, by reference.
    pub status: RwSignal<BTreeMap<String, ReplyStatus>>,
    /// Bumped when a followed request changed on the server or here: the views read again.
    pub changes: RwSignal<u32>,
    /// The identity token from `identify`, when the platform vouches for the user.
    pub identity: RwSignal<Option<String>>,
    api_base: StoredValue<String>,
    widget: WidgetState,
}

impl Conversations {
    /// The conversations of `widget`, with what earlier pages saved.
    pub fn new(widget: WidgetState, api_base: &str) -> Self {
        let followed = read(&requests_key(api_base))
            .map(|t| Followed::from_json(&t))
            .unwrap_or_default();
        let replies = read(&replies_key(api_base))
            .map(|t| SavedReplies::from_json(&t))
            .unwrap_or_default();
        Self {
            followed: RwSignal::new(followed),
            replies: RwSignal::new(replies),
            status: RwSignal::new(BTreeMap::new()),
            changes: RwSignal::new(0),
            identity: RwSignal::new(None),
            api_base: StoredValue::new(api_base.to_string()),
            widget,
        }
    }

    /// The conversations, from context.
    pub fn expect() -> Self {
        expect_context()
    }

    /// The widget these conversations belong to.
    pub fn widget(&self) -> WidgetState {
        self.widget
    }

    /// Follows a request created in this browser (its token saved for later pages).
    pub fn follow(&self, reference: &str, token: &str) {
        if token.is_empty() {
            return;
        }
        self.followed.update(|f| f.add(reference, token));
        self.save_followed();
        self.changes.update(|c| *c += 1);
    }

    /// The token that authorizes calls about `reference`: its access token, else the identity
    /// token (the server accepts it for the identity's own requests).
    pub fn token_of(&self, reference: &str) -> Option<String> {
        self.followed
            .with_untracked(|f| f.token_of(reference).map(str::to_string))
            .or_else(|| self.identity.get_untracked())
    }

    /// A followed request changed on the server (`koban-follow.js`'s live stream): the views
    /// showing it read it again.
    pub fn changed(&self) {
        self.changes.update(|c| *c += 1);
    }

    /// Keeps what the user typed in the reply box of `reference` (saved at once: a reply is
    /// short, and the box must survive a reload).
    pub fn edit_reply(&self, reference: &str, text: &str) {
        self.replies.update(|r| r.edit(reference, text));
        self.status.update(|s| {
            if matches!(
                s.get(reference),
                Some(ReplyStatus::Refused(_) | ReplyStatus::Failed)
            ) {
                s.remove(reference);
            }
        });
        self.save_replies();
    }

    /// Validates, freezes and sends the reply of `reference`; `Err` with the field errors to
    /// show when it is not valid (nothing is sent).
    pub fn send_reply(&self, reference: &str) -> Result<(), FieldErrors> {
        let key = crate::ticket::send::new_key();
        let limits = TicketLimits::default();
        let mut result = Ok(());
        self.replies
            .update(|r| result = r.freeze(reference, key, &limits));
        if let Err(errors) = &result {
            self.status.update(|s| {
                s.insert(reference.to_string(), ReplyStatus::Refused(errors.clone()));
            });
            return result;
        }
        self.save_replies();
        send::deliver(*self, reference.to_string());
        Ok(())
    }

    /// Sends every reply waiting in the outbox (on boot and when the browser is back online).
    pub fn deliver_waiting(&self) {
        for reference in self.replies.with_untracked(SavedReplies::waiting) {
            send::deliver(*self, reference);
        }
    }

    pub(crate) fn save_replies(&self) {
        let key = self.api_base.with_value(|b| replies_key(b));
        self.replies
            .with_untracked(|r| save(&key, r, r.0.is_empty()));
    }

    fn save_followed(&self) {
        let key = self.api_base.with_value(|b| requests_key(b));
        self.followed
            .with_untracked(|f| save(&key, f, f.tickets.is_empty()));
    }
}

/// Writes `value` as JSON under `key`, or removes the key when there is nothing to keep.
/// Storage that refuses writes keeps it in memory only.
fn save<T: serde::Serialize>(key: &str, value: &T, empty: bool) {
    let Some(storage) = local_storage() else {
        return;
    };
    if empty {
        let _ = storage.remove_item(key);
    } else if let Ok(text) = serde_json::to_string(value) {
        let _ = storage.set_item(key, &text);
    }
}
