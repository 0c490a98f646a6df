//! Sending a frozen follow-up until the server has it: the ticket's send loop
//! (`crate::ticket::send`) for one request's reply, following koban-core's [`after_attempt`]
//! decisions with real time, `navigator.onLine` and `Math.random()`. At most one loop runs per
//! request.
//!
//! ```ignore
//! send::deliver(talks, "KB-7F3K-92QD".into()); // no-op while a loop runs or nothing is frozen
//! ```

use koban_core::ticket::FieldErrors;
use koban_core::ticket::outbox::{Next, after_attempt};
use koban_core::ticket::retry::RetryPolicy;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Conversations, ReplyStatus};
use crate::api::Answer;
use crate::ticket::send::{online, outcome_of};

/// Starts sending the frozen reply of `reference`, unless a loop already runs for it or there
/// is none.
pub fn deliver(talks: Conversations, reference: String) {
    let busy = talks
        .status
        .with_untracked(|s| s.get(&reference) == Some(&ReplyStatus::Sending));
    if busy
        || talks
            .replies
            .with_untracked(|r| r.outbox(&reference).is_none())
    {
        return;
    }
    set(talks, &reference, Some(ReplyStatus::Sending));
    spawn_local(run(talks, reference));
}

fn set(talks: Conversations, reference: &str, status: Option<ReplyStatus>) {
    talks.status.update(|s| match status {
        Some(status) => {
            s.insert(reference.to_string(), status);
        }
        None => {
            s.remove(reference);
        }
    });
}

async fn run(talks: Conversations, reference: String) {
    let policy = RetryPolicy::default();
    let api = talks.widget().api.get_value();
    let mut attempts = 0;
    loop {
        let Some(outbox) = talks
            .replies
            .with_untracked(|r| r.outbox(&reference).cloned())
        else {
            return set(talks, &reference, None);
        };
        let Some(token) = talks.token_of(&reference) else {
            return set(talks, &reference, Some(ReplyStatus::Failed));
        };
        attempts += 1;
        talks.replies.update(|r| r.attempted(&reference));
        talks.save_replies();
        let answer = api
            .add_message(&reference, &token, &outbox.key, &outbox.body)
            .await;
        let (outcome, retry_after) = outcome_of(&answer);
        match after_attempt(
            &policy,
            outcome,
            attempts,
            retry_after,
            js_sys::Math::random(),
            online(),
        ) {
            Next::Done => {
                talks.replies.update(|r| r.sent(&reference));
                talks.save_replies();
                set(talks, &reference, None);
                talks.changed();
                return;
            }
            Next::RetryIn(ms) => crate::timer::sleep(ms).await,
            Next::Park => return set(talks, &reference, Some(ReplyStatus::Queued)),
            Next::Fail => {
                // Refused for good: the text goes back into the box, nothing typed is lost.
                talks.replies.update(|r| r.unfreeze(&reference));
                talks.save_replies();
                let status = match answer {
                    Ok(Answer::Refused {
                        problem: Some(p), ..
                    }) if p.errors.as_ref().is_some_and(|e| !e.is_empty()) => {
                        ReplyStatus::Refused(FieldErrors(p.errors.unwrap_or_default()))
                    }
                    _ => ReplyStatus::Failed,
                };
                return set(talks, &reference, Some(status));
            }
        }
    }
}
