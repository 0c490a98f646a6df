//! The two ends of sending: "saved, will be sent when you're back online" (with the ticket and a
//! way to cancel it) and the confirmation with the server's reference.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::{msg, t, tf};
use crate::ticket::{TicketDesk, send};

/// Focuses `heading` once it is in the document, so the new view is announced from its title.
fn focus_on_mount(heading: NodeRef<html::H3>) {
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
}

/// The ticket waits in the outbox.
#[component]
pub fn Queued() -> impl IntoView {
    let desk = expect_context::<TicketDesk>();
    let heading = NodeRef::<html::H3>::new();
    focus_on_mount(heading);
    let subject = desk.state.with_untracked(|s| s.saved.draft.subject.clone());
    view! {
        <div class="kb-ticket-queued">
            <h3 node_ref=heading class="kb-view-title" tabindex="-1">{t(msg::TICKET_QUEUED_TITLE)}</h3>
            <p>{t(msg::TICKET_QUEUED)}</p>
            <p class="kb-queued-subject">{tf(msg::TICKET_QUEUED_SUBJECT, &[("subject", subject)])}</p>
            <div class="kb-actions">
                <button type="button" class="kb-button kb-primary" on:click=move |_| send::deliver(desk)>
                    {t(msg::TICKET_SEND_NOW)}
                </button>
                <button type="button" class="kb-button" on:click=move |_| desk.cancel()>
                    {t(msg::TICKET_CANCEL)}
                </button>
            </div>
        </div>
    }
}

/// The server has the ticket.
#[component]
pub fn Sent(
    /// The ticket reference from the server.
    #[prop(into)]
    reference: String,
    /// The expected reply time, from `site.toml`.
    #[prop(into)]
    reply: String,
) -> impl IntoView {
    let desk = expect_context::<TicketDesk>();
    let heading = NodeRef::<html::H3>::new();
    focus_on_mount(heading);
    let back = move |_| {
        desk.start_over();
        desk.widget().go_home();
    };
    view! {
        <div class="kb-ticket-sent">
            <h3 node_ref=heading class="kb-view-title" tabindex="-1">{t(msg::TICKET_SENT_TITLE)}</h3>
            <p>{t(msg::TICKET_REFERENCE)}" "<strong class="kb-reference">{reference}</strong></p>
            <p class="kb-muted">{reply}</p>
            <button type="button" class="kb-button kb-primary" on:click=back>{t(msg::TICKET_BACK)}</button>
        </div>
    }
}
