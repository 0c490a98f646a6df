//! The reply box under a thread, with the ticket form's guarantees: what is typed is saved at
//! once (namespaced local storage), the first send freezes the body and its `Idempotency-Key`,
//! retries and the offline outbox send those same bytes (`crate::conversation::send`), and a
//! refusal puts the text back with the reason. Focusing it the first time, and sending, mark the
//! thread's replies read.

use leptos::prelude::*;

use crate::components::ticket::field::error_text;
use crate::conversation::{Conversations, ReplyStatus};
use crate::i18n::{msg, t};

/// The reply box of request `reference`.
#[component]
pub fn ReplyBox(
    /// The request's reference.
    reference: String,
) -> impl IntoView {
    let talks = Conversations::expect();
    let (r1, r2, r3, r4) = (
        reference.clone(),
        reference.clone(),
        reference.clone(),
        reference.clone(),
    );
    let text = move || talks.replies.with(|r| r.draft(&r1).to_string());
    let frozen = Memo::new(move |_| talks.replies.with(|r| r.outbox(&r2).is_some()));
    let status = Memo::new(move |_| talks.status.with(|s| s.get(&r3).cloned()));
    let errors = Memo::new(move |_| match status.get() {
        Some(ReplyStatus::Refused(errors)) => errors
            .0
            .iter()
            .map(error_text)
            .collect::<Vec<_>>()
            .join(" "),
        _ => String::new(),
    });
    let invalid = move || errors.with(|e| !e.is_empty());
    let notice = move || match status.get() {
        Some(ReplyStatus::Sending) => t(msg::CONVERSATION_SENDING),
        Some(ReplyStatus::Queued) => t(msg::CONVERSATION_QUEUED),
        Some(ReplyStatus::Failed) => t(msg::CONVERSATION_FAILED),
        _ => String::new(),
    };
    let read_ref = reference.clone();
    let read_once = StoredValue::new(false);
    let on_focus = move |_| {
        if !read_once.get_value() {
            read_once.set_value(true);
            super::thread::mark_read(talks, read_ref.clone());
        }
    };
    // Answering means the replies so far were read, also those that came while typing.
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if talks.send_reply(&r4).is_ok() {
            super::thread::mark_read(talks, r4.clone());
        }
    };
    view! {
        <form class="kb-reply" on:submit=submit novalidate>
            <label for="kb-reply-text" class="kb-label">{t(msg::CONVERSATION_REPLY_LABEL)}</label>
            <textarea
                id="kb-reply-text"
                class="kb-input kb-textarea"
                dir="auto"
                rows="3"
                prop:value=text
                readonly=move || frozen.get()
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=move || invalid().then_some("kb-reply-error")
                on:focus=on_focus
                on:input=move |ev| talks.edit_reply(&reference, &event_target_value(&ev))
            ></textarea>
            {move || invalid().then(|| view! { <p id="kb-reply-error" class="kb-field-error">{move || errors.get()}</p> })}
            <p class="kb-muted kb-reply-status" role="status">{notice}</p>
            <div class="kb-actions">
                <button type="submit" class="kb-button kb-primary" disabled=move || frozen.get()>{t(msg::CONVERSATION_SEND)}</button>
            </div>
        </form>
    }
}
