//! The widget's reply box under a thread, with the ticket form's guarantees: the text the user
//! types is kept per request ([`SavedReplies`], in namespaced local storage), and on the first
//! send it is frozen into the exact JSON body with its `Idempotency-Key` ([`SavedReplies::freeze`])
//! before any request goes out, so retries, reloads and an offline outbox all send the same
//! bytes with the same key and the server stores the message once. What to do after each attempt
//! is the ticket outbox's rule ([`crate::ticket::outbox::after_attempt`]).
//!
//! ```
//! use koban_core::conversation::reply_box::SavedReplies;
//! use koban_core::ticket::TicketLimits;
//! let mut saved = SavedReplies::default();
//! saved.edit("KB-7F3K-92QD", "Still offline after the update.");
//! saved.freeze("KB-7F3K-92QD", "5b0c…".into(), &TicketLimits::default()).unwrap();
//! assert_eq!(saved.waiting(), vec!["KB-7F3K-92QD".to_string()]);
//! let outbox = saved.outbox("KB-7F3K-92QD").unwrap();
//! assert_eq!(outbox.body, r#"{"body":"Still offline after the update.","attachments":[]}"#);
//! saved.sent("KB-7F3K-92QD");
//! assert!(saved.waiting().is_empty() && saved.draft("KB-7F3K-92QD").is_empty());
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::follow_up::{FollowUpDraft, validate_follow_up};
use crate::ticket::outbox::Outbox;
use crate::ticket::{FieldErrors, TicketLimits};

/// One request's reply box: the text as typed and, once sent, the frozen request.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedReply {
    /// The text as the user left it.
    pub draft: String,
    /// Set on the first send; the reply is "in the outbox" while this is `Some`.
    pub outbox: Option<Outbox>,
}

/// Every request's reply box, by reference: what the widget keeps in local storage.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SavedReplies(pub BTreeMap<String, SavedReply>);

impl SavedReplies {
    /// The saved replies in `json` (from local storage, [`crate::decode`]'s reader); empty when
    /// it is not theirs.
    pub fn from_json(json: &str) -> Self {
        crate::decode::saved_replies_from_json(json).unwrap_or_default()
    }

    /// The text typed for `reference` (empty for none).
    pub fn draft(&self, reference: &str) -> &str {
        self.0.get(reference).map_or("", |r| r.draft.as_str())
    }

    /// The frozen request of `reference`, while it waits to be sent.
    pub fn outbox(&self, reference: &str) -> Option<&Outbox> {
        self.0.get(reference)?.outbox.as_ref()
    }

    /// Keeps `text` as the draft of `reference`. Ignored while a reply is frozen (the box is
    /// read-only until it is sent or cancelled); a blank draft with nothing frozen is forgotten.
    pub fn edit(&mut self, reference: &str, text: &str) {
        let entry = self.0.entry(reference.to_string()).or_default();
        if entry.outbox.is_none() {
            entry.draft = text.to_string();
        }
        self.forget_blank(reference);
    }

    /// Validates the draft of `reference` as a follow-up and freezes it with `key`, unless it is
    /// frozen already (then the same request is kept, whatever `key` says).
    pub fn freeze(
        &mut self,
        reference: &str,
        key: String,
        limits: &TicketLimits,
    ) -> Result<(), FieldErrors> {
        let entry = self.0.entry(reference.to_string()).or_default();
        if entry.outbox.is_some() {
            return Ok(());
        }
        let draft = FollowUpDraft {
            body: entry.draft.trim().to_string(),
            attachments: Vec::new(),
        };
        validate_follow_up(&draft, limits)?;
        let body = serde_json::to_string(&draft).unwrap_or_default();
        entry.outbox = Some(Outbox {
            key,
            body,
            attempts: 0,
        });
        Ok(())
    }

    /// Counts one more attempt at sending the reply of `reference`.
    pub fn attempted(&mut self, reference: &str) {
        if let Some(outbox) = self.0.get_mut(reference).and_then(|r| r.outbox.as_mut()) {
            outbox.attempts += 1;
        }
    }

    /// The server has the reply of `reference`: its box starts empty.
    pub fn sent(&mut self, reference: &str) {
        self.0.remove(reference);
    }

    /// The frozen reply of `reference` goes back to being a draft (the server refused it for
    /// good, or the user cancelled it while it waited): nothing typed is lost.
    pub fn unfreeze(&mut self, reference: &str) {
        if let Some(entry) = self.0.get_mut(reference) {
            entry.outbox = None;
        }
        self.forget_blank(reference);
    }

    /// The references whose reply waits in the outbox.
    pub fn waiting(&self) -> Vec<String> {
        self.0
            .iter()
            .filter(|(_, r)| r.outbox.is_some())
            .map(|(reference, _)| reference.clone())
            .collect()
    }

    fn forget_blank(&mut self, reference: &str) {
        if self
            .0
            .get(reference)
            .is_some_and(|r| r.outbox.is_none() && r.draft.trim().is_empty())
        {
            self.0.remove(reference);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ticket::ErrorCode;

    const REF: &str = "KB-7F3K-92QD";

    #[test]
    fn a_frozen_reply_keeps_its_bytes_and_key() {
        let mut saved = SavedReplies::default();
        saved.edit(REF, "  It happened again  ");
        saved
            .freeze(REF, "k1".into(), &TicketLimits::default())
            .unwrap();
        saved.edit(REF, "changed while sending");
        saved
            .freeze(REF, "k2".into(), &TicketLimits::default())
            .unwrap();
        saved.attempted(REF);
        let back = SavedReplies::from_json(&serde_json::to_string(&saved).unwrap());
        let outbox = back.outbox(REF).unwrap();
        assert_eq!(outbox.key, "k1");
        assert_eq!(outbox.attempts, 1);
        assert!(outbox.body.contains(r#""body":"It happened again""#));
        assert_eq!(back.draft(REF), "  It happened again  ");
    }

    #[test]
    fn a_blank_reply_is_refused_and_never_frozen() {
        let mut saved = SavedReplies::default();
        saved.edit(REF, " \n ");
        let errors = saved
            .freeze(REF, "k".into(), &TicketLimits::default())
            .unwrap_err();
        assert!(errors.has("body", ErrorCode::Required));
        assert!(saved.waiting().is_empty());
    }

    #[test]
    fn unfreezing_gives_the_text_back() {
        let mut saved = SavedReplies::default();
        saved.edit(REF, "Please check node 7");
        saved
            .freeze(REF, "k".into(), &TicketLimits::default())
            .unwrap();
        saved.unfreeze(REF);
        assert_eq!(saved.draft(REF), "Please check node 7");
        assert!(saved.outbox(REF).is_none());
        saved.edit(REF, "");
        assert!(saved.0.is_empty());
        assert_eq!(SavedReplies::from_json("not json"), SavedReplies::default());
    }
}
