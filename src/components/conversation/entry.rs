//! "Your requests" on the home view, whenever this browser filed a request (or, in the desk
//! build, the platform identified the user). In the first download it is a plain row: opening
//! it hands the panel over to the desk build, which holds the conversation views.

use leptos::prelude::*;

use crate::components::row::Row;
use crate::i18n::{msg, t};
use crate::state::{Route, WidgetState};

/// The row that opens "Your requests", or nothing.
#[component]
pub fn RequestsEntry() -> impl IntoView {
    let state = WidgetState::expect();
    let filed = crate::storage::has_requests(&state.api.with_value(|a| a.base().to_string()));
    #[cfg(feature = "desk")]
    let shown = {
        let talks = crate::conversation::Conversations::expect();
        move || {
            filed
                || !talks.followed.with(|f| f.tickets.is_empty())
                || talks.identity.with(Option::is_some)
        }
    };
    #[cfg(not(feature = "desk"))]
    let shown = move || filed;
    move || {
        shown().then(|| {
            view! {
                <section class="kb-section">
                    <ul class="kb-list"><Row route=Route::Requests title=t(msg::REQUESTS_TITLE)/></ul>
                </section>
            }
        })
    }
}
