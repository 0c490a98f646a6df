//! The ticket view: the form while the user writes, then "saved, will be sent" while the ticket
//! waits offline, then the reference once the server has it. A status line (a live region) says
//! where the ticket is without moving focus.

pub mod attachments;
pub mod field;
pub mod form;
pub mod preview;
pub mod sent;

use leptos::prelude::*;

use koban_core::ticket::TicketDraft;

use crate::components::panel::PanelNav;
use crate::components::status::with_content;
use crate::i18n::t;
use crate::state::Route;
use crate::ticket::{SendStatus, TicketDesk};
use form::TicketForm;
use sent::{Queued, Sent};

/// A "Contact support" button that opens the ticket form, prefilled with `prefill` (fields the
/// user already typed are kept), after running `also`.
#[component]
pub fn ContactButton(
    /// Fields to prefill: the search query, the article's category, ...
    #[prop(optional)]
    prefill: TicketDraft,
    /// Extra classes of the button.
    #[prop(optional, into)]
    class: String,
    /// Runs on click before the form opens (e.g. a feedback event).
    #[prop(optional)]
    also: Option<Callback<()>>,
) -> impl IntoView {
    let desk = expect_context::<TicketDesk>();
    let nav = expect_context::<PanelNav>();
    let open = move |_| {
        if let Some(also) = also {
            also.run(());
        }
        desk.prefill(&prefill);
        nav.go(Route::Ticket);
    };
    view! {
        <button type="button" class=format!("kb-button {class}") on:click=open>{t("contact-support")}</button>
    }
}

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
    let desk = expect_context::<TicketDesk>();
    let phase = Memo::new(move |_| match desk.state.with(|s| s.status.clone()) {
        SendStatus::Editing | SendStatus::Sending => Phase::Form,
        SendStatus::Queued => Phase::Queued,
        SendStatus::Sent(reference) => Phase::Sent(reference),
    });
    let status_text = move || match desk.state.with(|s| s.status.clone()) {
        SendStatus::Editing => String::new(),
        SendStatus::Sending => t("ticket-sending"),
        SendStatus::Queued => t("ticket-queued"),
        SendStatus::Sent(_) => t("ticket-sent"),
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
