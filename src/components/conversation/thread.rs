//! One request's conversation: the user's first message and follow-ups, support's public
//! replies (with the agent's name) and status changes, in order, each with its time; then
//! "This solved my problem" while it is open, the satisfaction question once it is finished, and
//! the reply box. Opening the thread marks its replies read (event `requestRead`, which the
//! loader's badge follows); a reply that arrives while it is open shows at once (live) and is
//! marked read when the user next opens it or starts answering.

use koban_core::conversation::{Author, Thread, ThreadAttachment, ThreadEntry};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::rating::RatingBlock;
use super::reply::ReplyBox;
use super::requests::status_text;
use super::time::Ago;
use crate::api::ApiError;
use crate::components::panel::PanelNav;
use crate::components::status::{Failed, Loading};
use crate::conversation::Conversations;
use crate::i18n::{msg, t, tf};

/// Marks the replies of `reference` read, then tells the host (and the loader's badge).
pub fn mark_read(talks: Conversations, reference: String) {
    let Some(token) = talks.token_of(&reference) else {
        return;
    };
    let api = talks.widget().api.get_value();
    spawn_local(async move {
        if api.mark_read(&reference, &token).await.is_ok() {
            talks
                .widget()
                .emit_with("requestRead", &[("reference", reference.into())]);
        }
    });
}

/// The thread of request `reference`.
#[component]
pub fn ThreadView(
    /// The request's reference.
    #[prop(into)]
    reference: String,
) -> impl IntoView {
    let talks = Conversations::expect();
    let key = reference.clone();
    let thread = LocalResource::new(move || {
        talks.changes.track();
        let reference = key.clone();
        async move {
            let token = talks.token_of(&reference).ok_or(ApiError::Status(404))?;
            talks
                .widget()
                .api
                .get_value()
                .thread(&reference, &token)
                .await
        }
    });
    // Once the thread is first shown: its heading takes the focus, and its replies are read. A
    // later re-read (a live change, Solve, a rating) redraws the thread but not the reply box, so
    // typing goes on; a control that went away with the old thread (Solve) gives the focus to the
    // heading rather than losing it ([`PanelNav::settle`]).
    let nav = PanelNav::expect();
    let shown = RwSignal::new(false);
    let heading = NodeRef::<html::H3>::new();
    let read_ref = reference.clone();
    Effect::new(move |_| {
        let Some(Ok(t)) = thread.get() else { return };
        if shown.get_untracked() {
            return nav.settle();
        }
        shown.set(true);
        if t.unread > 0 {
            mark_read(talks, read_ref.clone());
        }
    });
    // The heading takes the focus when it is first in the document, not on later redraws.
    Effect::new(move |focused: Option<bool>| {
        if focused == Some(true) {
            return true;
        }
        heading.get().is_some_and(|h| h.focus().is_ok())
    });
    let body = move || match thread.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! {
            <Failed message_id=error.message_id() retry=Callback::new(move |()| thread.refetch())/>
        }
        .into_any(),
        Some(Ok(ticket)) => view! { <ThreadBody ticket heading/> }.into_any(),
    };
    view! {
        <div class="kb-thread-view">
            {body}
            <Show when=move || shown.get()><ReplyBox reference=reference.clone()/></Show>
        </div>
    }
}

#[component]
fn ThreadBody(ticket: Thread, heading: NodeRef<html::H3>) -> impl IntoView {
    let reference = ticket.reference.clone();
    let talks = Conversations::expect();
    let status = ticket.status;
    let entries = ticket
        .entries
        .into_iter()
        .map(|e| view! { <Entry entry=e/> })
        .collect_view();
    let solve_ref = reference.clone();
    let solving = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let solve = move |_| {
        let Some(token) = talks.token_of(&solve_ref) else {
            return;
        };
        let (api, reference) = (talks.widget().api.get_value(), solve_ref.clone());
        solving.set(true);
        spawn_local(async move {
            let ok = api.solve(&reference, &token).await.is_ok();
            solving.set(false);
            failed.set(!ok);
            if ok {
                talks.changed();
            }
        });
    };
    let finished = status.is_finished();
    view! {
        <article class="kb-thread" aria-labelledby="kb-thread-title">
            <h3 id="kb-thread-title" node_ref=heading class="kb-view-title" tabindex="-1" dir="auto">{ticket.subject}</h3>
            <p class="kb-muted">
                <span class="kb-reference">{ticket.reference}</span>" · "
                <span class="kb-status" data-status=status.as_str()>{status_text(status)}</span>
            </p>
            <ol class="kb-entries" aria-label=t(msg::CONVERSATION_ENTRIES)>{entries}</ol>
            {(!finished).then(|| view! {
                <div class="kb-actions">
                    <button type="button" class="kb-button" disabled=move || solving.get() on:click=solve>
                        {t(msg::CONVERSATION_SOLVE)}
                    </button>
                </div>
                {move || failed.get().then(|| view! {
                    <p class="kb-error" role="alert">{t(msg::ERROR_SERVER)}</p>
                })}
            })}
            {finished.then(|| view! { <RatingBlock reference=reference.clone() rating=ticket.rating status/> })}
        </article>
    }
}

/// One message or status change.
#[component]
fn Entry(entry: ThreadEntry) -> impl IntoView {
    match entry {
        ThreadEntry::Message {
            author,
            body,
            attachments,
            created_at,
        } => {
            let (class, who) = match author {
                Author::User => ("kb-message kb-from-user", t(msg::CONVERSATION_YOU)),
                Author::Agent { name } => (
                    "kb-message kb-from-agent",
                    name.filter(|n| !n.trim().is_empty())
                        .unwrap_or_else(|| t(msg::CONVERSATION_SUPPORT)),
                ),
            };
            let files = (!attachments.is_empty()).then(|| view! { <Files files=attachments/> });
            view! {
                <li class=class>
                    <p class="kb-message-meta"><span class="kb-author" dir="auto">{who}</span>" · "<Ago at=created_at/></p>
                    <p class="kb-message-body" dir="auto">{body}</p>
                    {files}
                </li>
            }
            .into_any()
        }
        ThreadEntry::StatusChange { to, at, .. } => view! {
            <li class="kb-status-change">
                {tf(msg::CONVERSATION_STATUS_CHANGED, &[("status", status_text(to))])}" · "<Ago at/>
            </li>
        }
        .into_any(),
    }
}

/// The files of a message, by name and size (the user sees what they sent; downloads are for
/// the team).
#[component]
fn Files(files: Vec<ThreadAttachment>) -> impl IntoView {
    let locale = Conversations::expect().widget().locale.get_untracked();
    let items = files
        .into_iter()
        .map(|f| {
            let size = crate::ticket::files::format_size(f.size, &locale);
            view! {
                <li><span dir="auto">{f.filename}</span>" "<span class="kb-muted">{size}</span></li>
            }
        })
        .collect_view();
    view! { <ul class="kb-message-files" aria-label=t(msg::CONVERSATION_FILES)>{items}</ul> }
}
