//! The ticket view: the form while the user writes, then "saved, will be sent" while the ticket
//! waits offline, then the reference once the server has it. A status line (a live region) says
//! where the ticket is without moving focus.

pub mod attachments;
pub mod field;
pub mod form;
pub mod preview;
pub mod sent;

use leptos::prelude::*;

use crate::components::status::with_content;
use crate::i18n::{msg, t};
use crate::ticket::{SendStatus, TicketDesk};
use form::TicketForm;
use sent::{Queued, Sent};

/// What the ticket view shows; the form stays mounted while a request is out.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Phase {
    Form,
    Queued,
    Sent(String),
}

/// The ticket route of the panel.
#[component]
pub fn TicketView() -> impl IntoView {
    let desk = TicketDesk::expect();
    let phase = Memo::new(move |_| match desk.state.with(|s| s.status.clone()) {
        SendStatus::Editing | SendStatus::Sending => Phase::Form,
        SendStatus::Queued => Phase::Queued,
        SendStatus::Sent(reference) => Phase::Sent(reference),
    });
    let status_text = move || match desk.state.with(|s| s.status.clone()) {
        SendStatus::Editing => String::new(),
        SendStatus::Sending => t(msg::TICKET_SENDING),
        SendStatus::Queued => t(msg::TICKET_QUEUED),
        SendStatus::Sent(_) => t(msg::TICKET_SENT),
    };
    view! {
        <div class="kb-ticket">
            <p class="kb-live" role="status">{status_text}</p>
            {with_content(move |loaded| {
                let reply = loaded.bundle.site.support.reply_time.clone();
                (move || match phase.get() {
                    Phase::Form => view! { <TicketForm loaded=loaded.clone()/> }.into_any(),
                    Phase::Queued => view! { <Queued/> }.into_any(),
                    Phase::Sent(reference) => view! { <Sent reference reply=reply.clone()/> }.into_any(),
                })
                .into_any()
            })}
        </div>
    }
}
