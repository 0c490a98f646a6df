//! "Your requests" on the home view, whenever this browser filed a request or the platform
//! identified the user. The first download has no conversation views: when this browser follows
//! requests, it hands the panel over to the desk build as soon as the panel opens
//! (`crate::components::upgrading::provide`), so the row is always this build's.

use leptos::prelude::*;

use crate::components::row::Row;
use crate::conversation::Conversations;
use crate::i18n::{msg, t};
use crate::state::Route;

/// The row that opens "Your requests", or nothing.
#[component]
pub fn RequestsEntry() -> impl IntoView {
    let talks = Conversations::expect();
    let shown = move || {
        !talks.followed.with(|f| f.tickets.is_empty()) || talks.identity.with(Option::is_some)
    };
    move || {
        shown().then(|| {
            view! {
                <section class="kb-section">
                    <ul class="kb-list">
                        <Row route=Route::Requests title=t(msg::CONVERSATION_REQUESTS_TITLE)/>
                    </ul>
                </section>
            }
        })
    }
}
