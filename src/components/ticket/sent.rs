//! The two ends of sending: "saved, will be sent when you're back online" (with the ticket and a
//! way to cancel it) and the confirmation with the server's reference.

use leptos::html;
use leptos::prelude::*;

use crate::components::focus_trap::focus_when_shown;
use crate::components::panel::PanelNav;
use crate::i18n::{msg, t, tf};
use crate::ticket::{TicketDesk, send};

/// A heading that takes the focus once it is in the document: the form's send button is gone,
/// and the new view is announced from its title.
fn focused_heading() -> NodeRef<html::H3> {
    let heading = NodeRef::<html::H3>::new();
    focus_when_shown(move || heading.get().map(Into::into));
    heading
}

/// The ticket waits in the outbox.
#[component]
pub fn Queued() -> impl IntoView {
    let desk = TicketDesk::expect();
    let nav = PanelNav::expect();
    let heading = focused_heading();
    let subject = desk.state.with_untracked(|s| s.saved.draft.subject.clone());
    view! {
        <div class="kb-ticket-queued">
            <h3 node_ref=heading class="kb-view-title" tabindex="-1">{t(msg::TICKET_QUEUED_TITLE)}</h3>
            <p>{t(msg::TICKET_QUEUED)}</p>
            <p class="kb-queued-subject">{tf(msg::TICKET_QUEUED_SUBJECT, &[("subject", subject)])}</p>
            <div class="kb-actions">
                // Both replace this view (the form while sending, the form to edit): its heading
                // takes the focus.
                <button type="button" class="kb-button kb-primary" on:click=move |_| {
                    send::deliver(desk);
                    nav.settle();
                }>
                    {t(msg::TICKET_SEND_NOW)}
                </button>
                <button type="button" class="kb-button" on:click=move |_| {
                    desk.cancel();
                    nav.settle();
                }>
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
    let desk = TicketDesk::expect();
    let nav = PanelNav::expect();
    let heading = focused_heading();
    let back = move |_| {
        desk.start_over();
        nav.home();
    };
    // Following it needs its access token, which this browser keeps once the server sent one.
    let followed = crate::conversation::Conversations::expect()
        .followed
        .with_untracked(|f| f.token_of(&reference).is_some());
    let thread = reference.clone();
    let follow = move |_| {
        desk.start_over();
        nav.home();
        nav.go(crate::state::Route::Request(thread.clone()));
    };
    view! {
        <div class="kb-ticket-sent">
            <h3 node_ref=heading class="kb-view-title" tabindex="-1">{t(msg::TICKET_SENT_TITLE)}</h3>
            <p>{t(msg::TICKET_REFERENCE)}" "<strong class="kb-reference">{reference}</strong></p>
            <p class="kb-muted">{reply}</p>
            <div class="kb-actions">
                {followed.then(|| view! {
                    <button type="button" class="kb-button kb-primary" on:click=follow.clone()>{t(msg::TICKET_FOLLOW)}</button>
                })}
                <button type="button" class="kb-button" class:kb-primary=!followed on:click=back>{t(msg::TICKET_BACK)}</button>
            </div>
        </div>
    }
}
