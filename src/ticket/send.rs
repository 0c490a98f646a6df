//! Sending the frozen request until the server has it: the loop that follows koban-core's
//! [`after_attempt`] decisions with real time, `navigator.onLine` and `Math.random()`.
//!
//! At most one loop runs per widget. It starts on submit, on page load when a ticket is waiting
//! in the outbox, and on the browser's `online` event.
//!
//! ```ignore
//! send::deliver(desk); // no-op when a loop is already running or the outbox is empty
//! ```

use koban_core::ticket::outbox::{Next, after_attempt, uuid_v4};
use koban_core::ticket::retry::{Outcome, RetryPolicy, parse_retry_after};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{SendStatus, TicketDesk};
use crate::api::{Answer, ApiError};
use crate::storage::now_ms;

/// A fresh `Idempotency-Key`: a UUID v4 from `crypto.getRandomValues`.
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        // No Web Crypto (very old browsers): Math.random is enough for a retry key.
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid_v4(bytes)
}

/// Starts sending the ticket in the outbox, unless a loop already runs or there is none.
pub fn deliver(desk: TicketDesk) {
    if desk.sending() || desk.state.with_untracked(|s| s.saved.outbox.is_none()) {
        return;
    }
    desk.set_sending(true);
    desk.set_status(SendStatus::Sending);
    spawn_local(async move {
        run(desk).await;
        desk.set_sending(false);
    });
}

/// What koban-core's retry rule needs from an answer: its outcome, and `Retry-After` as the
/// milliseconds to wait (shared by the ticket's and the follow-ups' send loops).
pub fn outcome_of<T>(answer: &Result<Answer<T>, ApiError>) -> (Outcome, Option<u64>) {
    match answer {
        Ok(Answer::Created(_)) => (Outcome::Status(201), None),
        Ok(Answer::Refused {
            status,
            retry_after,
            ..
        }) => (
            Outcome::Status(*status),
            retry_after
                .as_deref()
                .and_then(|v| parse_retry_after(v, now_ms())),
        ),
        Err(_) => (Outcome::Network, None),
    }
}

/// Whether the browser says it is online.
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

async fn run(desk: TicketDesk) {
    let policy = RetryPolicy::default();
    let api = desk.widget.api.get_value();
    let mut attempts = 0;
    loop {
        let Some(outbox) = desk.state.with_untracked(|s| s.saved.outbox.clone()) else {
            return;
        };
        attempts += 1;
        desk.state.update(|s| {
            if let Some(o) = &mut s.saved.outbox {
                o.attempts += 1;
            }
            s.status = SendStatus::Sending;
        });
        desk.save_now();
        let answer = api.create_ticket(&outbox.key, &outbox.body).await;
        // Cancelled (or cancelled and submitted anew) while the request was out: this answer
        // is about a request the user no longer wants; the loop goes on with the current one.
        if desk
            .state
            .with_untracked(|s| s.saved.outbox.as_ref().map(|o| &o.key) != Some(&outbox.key))
        {
            continue;
        }
        let (outcome, retry_after) = outcome_of(&answer);
        let random = js_sys::Math::random();
        match after_attempt(&policy, outcome, attempts, retry_after, random, online()) {
            Next::Done => {
                if let Ok(Answer::Created(receipt)) = answer {
                    desk.finish(receipt.reference, &receipt.token);
                }
                return;
            }
            Next::RetryIn(ms) => crate::timer::sleep(ms).await,
            Next::Park => return desk.park(),
            Next::Fail => {
                if let Ok(Answer::Refused {
                    status, problem, ..
                }) = answer
                {
                    desk.refused(status, problem);
                }
                return;
            }
        }
    }
}
