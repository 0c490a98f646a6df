//! "Your requests" (`Koban('open', 'requests')`): every request this browser filed and, for an
//! identified user, every request filed with their verified address from any device, most
//! recently active first, each with its subject, status, last activity and an unread marker.

use koban_core::conversation::{RequestSummary, Status};
use leptos::html;
use leptos::prelude::*;

use super::time::Ago;
use crate::api::ApiError;
use crate::components::focus_trap::focus_when_shown;
use crate::components::panel::PanelNav;
use crate::components::status::{Failed, Loading};
use crate::conversation::Conversations;
use crate::i18n::{msg, t, tf};
use crate::state::Route;

/// A status in the user's language.
pub fn status_text(status: Status) -> String {
    tf(
        msg::CONVERSATION_STATUS,
        &[("status", status.as_str().to_string())],
    )
}

/// The requests to list: the followed ones (`POST /api/v1/tickets/unread`) and the identity's
/// (`GET /api/v1/me/tickets`), merged by reference, most recently active first.
async fn load(talks: Conversations) -> Result<Vec<RequestSummary>, ApiError> {
    let api = talks.widget().api.get_value();
    let followed = talks.followed.get_untracked();
    let mut list = if followed.tickets.is_empty() {
        Vec::new()
    } else {
        api.followed(&followed).await?
    };
    if let Some(identity) = talks.identity.get_untracked() {
        for summary in api.my_requests(&identity).await? {
            if !list.iter().any(|s| s.reference == summary.reference) {
                list.push(summary);
            }
        }
    }
    // RFC 3339 UTC times with milliseconds, as the server writes them: text order is time order.
    list.sort_by(|a, b| b.updated_at.cmp(&a.updated_at));
    Ok(list)
}

/// The list of requests.
#[component]
pub fn RequestsView() -> impl IntoView {
    let talks = Conversations::expect();
    let requests = LocalResource::new(move || {
        talks.changes.track();
        load(talks)
    });
    let heading = NodeRef::<html::H3>::new();
    focus_when_shown(move || heading.get().map(Into::into));
    let list = move || {
        match requests.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! {
            <Failed message_id=error.message_id() retry=Callback::new(move |()| requests.refetch())/>
        }
        .into_any(),
        Some(Ok(list)) if list.is_empty() => {
            view! { <p class="kb-muted">{t(msg::CONVERSATION_NONE)}</p> }.into_any()
        }
        Some(Ok(list)) => view! {
            <ul class="kb-list kb-requests">
                {list.into_iter().map(|s| view! { <RequestRow summary=s/> }).collect_view()}
            </ul>
        }
        .into_any(),
    }
    };
    view! {
        <div class="kb-requests-view">
            <h3 node_ref=heading class="kb-view-title" tabindex="-1">{t(msg::CONVERSATION_REQUESTS_TITLE)}</h3>
            {list}
        </div>
    }
}

/// One request: subject, then status, last activity and unread replies.
#[component]
fn RequestRow(summary: RequestSummary) -> impl IntoView {
    let nav = PanelNav::expect();
    let RequestSummary {
        reference,
        subject,
        status,
        updated_at,
        unread,
    } = summary;
    let has_unread = unread > 0;
    let marker = has_unread.then(|| {
        view! {
            <span class="kb-unread">
                <span class="kb-unread-dot" aria-hidden="true"></span>
                {tf(msg::CONVERSATION_UNREAD, &[("count", unread.to_string())])}
            </span>
        }
    });
    view! {
        <li>
            <button type="button" class="kb-row kb-request" class:kb-has-unread=has_unread
                on:click=move |_| nav.go(Route::Request(reference.clone()))>
                <span class="kb-row-title" dir="auto">{subject}</span>
                <span class="kb-row-meta">
                    <span class="kb-status" data-status=status.as_str()>{status_text(status)}</span>
                    " · "
                    <Ago at=updated_at/>
                    {marker.map(|m| view! { " · " {m} })}
                </span>
            </button>
        </li>
    }
}
