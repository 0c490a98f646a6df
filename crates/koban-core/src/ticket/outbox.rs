//! The widget's side of "never lose, never duplicate": the ticket saved in the browser
//! ([`SavedTicket`]), the request frozen on first submit ([`Outbox`]), and what to do after each
//! attempt ([`after_attempt`]).
//!
//! The widget keeps one [`SavedTicket`] in namespaced local storage and rewrites it (debounced) as
//! the user types. On the first submit, [`SavedTicket::freeze`] turns the form into the exact JSON
//! body and pairs it with the `Idempotency-Key`, *before* the first request goes out; every retry,
//! including after a reload, sends those same bytes with that same key, so the server's
//! idempotency check can recognise it. The saved ticket is deleted only when the server has
//! accepted it (or the user discards it).
//!
//! ```
//! use koban_core::ticket::outbox::{after_attempt, Next, SavedTicket};
//! use koban_core::ticket::retry::{Outcome, RetryPolicy};
//! use koban_core::ticket::TicketContext;
//!
//! let mut saved = SavedTicket::started_at(1_000);
//! saved.draft.subject = "Node offline".into();
//! saved.freeze("5b0c…".into(), TicketContext::default(), None, 9_000);
//! let outbox = saved.outbox.as_ref().unwrap();
//! assert!(outbox.body.contains(r#""fillMs":8000"#));
//!
//! let policy = RetryPolicy::default();
//! // The first attempt got a 503: wait (full jitter, at most 1 s) and try again.
//! assert_eq!(after_attempt(&policy, Outcome::Status(503), 1, None, 0.5, true), Next::RetryIn(500));
//! // Offline: park it in the outbox until the `online` event.
//! assert_eq!(after_attempt(&policy, Outcome::Network, 1, None, 0.5, false), Next::Park);
//! ```

use serde::{Deserialize, Serialize};

use super::draft::{TicketContext, TicketDraft};
use super::retry::{Outcome, RetryPolicy, Verdict, classify};

/// The request of a submitted ticket, exactly as it goes over the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outbox {
    /// The `Idempotency-Key` (a UUID v4), reused by every retry.
    pub key: String,
    /// The JSON body, frozen at the first submit.
    pub body: String,
    /// Attempts made so far (across reloads).
    #[serde(default)]
    pub attempts: u32,
}

/// Everything the widget keeps of one ticket between keystrokes, reloads and closed tabs.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedTicket {
    /// The form as the user left it (the context is filled in by [`SavedTicket::freeze`]).
    pub draft: TicketDraft,
    /// When the form was first shown (Unix ms), for `fillMs`.
    pub started_ms: u64,
    /// Whether the user removed the flow transcript from what will be sent.
    pub transcript_removed: bool,
    /// Files uploaded for this ticket.
    pub files: Vec<super::files::SavedFile>,
    /// Set on the first submit; the ticket is "in the outbox" while this is `Some`.
    pub outbox: Option<Outbox>,
}

impl SavedTicket {
    /// A fresh, empty ticket whose form was shown at `now_ms`.
    pub fn started_at(now_ms: u64) -> Self {
        SavedTicket {
            started_ms: now_ms,
            ..Default::default()
        }
    }

    /// Whether there is nothing worth keeping: no text typed and nothing submitted.
    pub fn is_blank(&self) -> bool {
        let d = &self.draft;
        self.outbox.is_none()
            && [&d.name, &d.email, &d.category, &d.subject, &d.description]
                .iter()
                .all(|s| s.trim().is_empty())
            && d.fields.values().all(|v| v.is_empty())
            && d.context.transcript.is_none()
            && self.files.is_empty()
    }

    /// Freezes the request on first submit: fills in `context`, `fillMs` (time since
    /// [`started_ms`](Self::started_ms)) and the identity token, drops the transcript if the user
    /// removed it, and stores the body with `key`. A ticket already in the outbox keeps its key and
    /// body (this is what makes retries idempotent), so calling this again changes nothing.
    pub fn freeze(
        &mut self,
        key: String,
        mut context: TicketContext,
        identity_token: Option<String>,
        now_ms: u64,
    ) {
        if self.outbox.is_some() {
            return;
        }
        context.transcript = if self.transcript_removed {
            None
        } else {
            self.draft.context.transcript.take()
        };
        let mut request = self.draft.clone();
        request.context = context;
        request.fill_ms = Some(now_ms.saturating_sub(self.started_ms));
        request.identity_token = identity_token;
        request.attachments = self.files.iter().map(|f| f.id.clone()).collect();
        self.draft.context.transcript = request.context.transcript.clone();
        self.outbox = Some(Outbox {
            key,
            body: serde_json::to_string(&request).unwrap_or_default(),
            attempts: 0,
        });
    }

    /// Takes the ticket out of the outbox (the user cancelled sending): the form stays as typed,
    /// and the next submit freezes a new request with a new key.
    pub fn unfreeze(&mut self) {
        self.outbox = None;
    }
}

/// Formats 16 random bytes (from `crypto.getRandomValues`) as a UUID version 4, the
/// `Idempotency-Key` of a ticket. (`crypto.randomUUID` exists only in secure contexts; the host
/// page may not be one.)
///
/// ```
/// let key = koban_core::ticket::outbox::uuid_v4([0xff; 16]);
/// assert_eq!(key, "ffffffff-ffff-4fff-bfff-ffffffffffff");
/// ```
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 0x0f)] as char);
    }
    out
}

/// What the widget does after one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// The server has the ticket: show the reference, delete the saved ticket.
    Done,
    /// Try again after this many milliseconds.
    RetryIn(u64),
    /// Stop for now and keep the ticket in the outbox ("will be sent when you're back online");
    /// send it again on the `online` event or the next page load.
    Park,
    /// The server refused the request itself (a 4xx other than 408/409/429): show why, do not
    /// retry.
    Fail,
}

/// Decides what follows an attempt: `attempts` is the number of attempts made so far (this one
/// included), `retry_after_ms` the server's `Retry-After`, `random` uniform in `[0, 1)` and
/// `online` the browser's `navigator.onLine`.
///
/// Transient failures are retried in the foreground with [`RetryPolicy::delay_ms`] until
/// [`RetryPolicy::max_attempts`]; then, or at once when the browser is offline, the ticket is
/// parked.
pub fn after_attempt(
    policy: &RetryPolicy,
    outcome: Outcome,
    attempts: u32,
    retry_after_ms: Option<u64>,
    random: f64,
    online: bool,
) -> Next {
    match classify(outcome) {
        Verdict::Done => Next::Done,
        Verdict::Fail => Next::Fail,
        Verdict::Retry if !online || !policy.may_retry(attempts) => Next::Park,
        Verdict::Retry => {
            Next::RetryIn(policy.delay_ms(attempts.saturating_sub(1), retry_after_ms, random))
        }
    }
}

/// The parts of the server's 201 body the widget uses (the full type is the server's
/// `CreatedTicket`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Receipt {
    /// The human-friendly reference, `KB-XXXX-XXXX`.
    pub reference: String,
    /// The access token that lets this browser follow the request (empty when the server sent
    /// none).
    #[serde(default, rename = "accessToken")]
    pub token: String,
}

#[cfg(test)]
#[path = "outbox_tests.rs"]
mod tests;
