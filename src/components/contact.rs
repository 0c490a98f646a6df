//! The "Contact support" button. In both builds: the first download fills the draft and shows
//! the ticket route, which loads the desk build (`crate::stage`).

#[cfg(feature = "desk")]
use koban_core::ticket::TicketDraft;
use leptos::prelude::*;

use crate::components::panel::PanelNav;
use crate::i18n::{msg, t};
use crate::state::Route;
#[cfg(feature = "desk")]
use crate::ticket::TicketDesk;

/// A "Contact support" button that opens the ticket form, prefilled with `subject` and
/// `category` (fields the user already typed are kept), after running `also`.
#[component]
pub fn ContactButton(
    /// Subject to prefill: the search query, the article's title.
    #[prop(optional, into)]
    subject: String,
    /// Category to prefill: the article's.
    #[prop(optional, into)]
    category: String,
    /// Extra classes of the button.
    #[prop(optional, into)]
    class: String,
    /// Runs on click before the form opens (e.g. a feedback event).
    #[prop(optional)]
    also: Option<Callback<()>>,
) -> impl IntoView {
    #[cfg(feature = "desk")]
    let desk = TicketDesk::expect();
    #[cfg(not(feature = "desk"))]
    let upgrade = crate::components::upgrading::Upgrade::expect();
    let nav = PanelNav::expect();
    #[cfg(feature = "desk")]
    let prefill = TicketDraft {
        subject,
        category,
        ..Default::default()
    };
    let open = move |_| {
        if let Some(also) = also {
            also.run(());
        }
        #[cfg(feature = "desk")]
        desk.prefill(&prefill);
        #[cfg(not(feature = "desk"))]
        upgrade.prefill(&subject, &category);
        nav.go(Route::Ticket);
    };
    view! {
        <button type="button" class=format!("kb-button {class}") on:click=open>{t(msg::CONTACT_SUPPORT)}</button>
    }
}
