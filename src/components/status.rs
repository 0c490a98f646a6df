//! Loading and error states of the content, in the user's language.

use leptos::prelude::*;

use std::sync::Arc;

use crate::api::ApiError;
use crate::content::{Content, Loaded};
use crate::i18n::{Msg, msg, t};

/// Shown while the content loads.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="kb-muted" role="status">{t(msg::LOADING)}</p> }
}

/// Shown when the content could not be loaded, with a retry button.
#[component]
pub fn LoadError(
    /// What went wrong.
    error: ApiError,
) -> impl IntoView {
    let content = Content::expect();
    view! { <Failed message_id=error.message_id() retry=Callback::new(move |()| content.refetch())/> }
}

/// A failure in the user's language, announced, with Try again.
#[component]
pub fn Failed(
    /// The message to show (`error-network`, `error-server`).
    message_id: Msg,
    /// Runs on Try again.
    retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="kb-error" role="alert">
            <p>{t(message_id)}</p>
            <button type="button" class="kb-button" on:click=move |_| retry.run(())>
                {t(msg::RETRY)}
            </button>
        </div>
    }
}

/// Renders `view` with the loaded content, or the loading / error state while there is none:
/// the one place every content view gets its three states from.
pub fn with_content(
    view: impl Fn(Arc<Loaded>) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let content = Content::expect();
    move || match content.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <LoadError error/> }.into_any(),
        Some(Ok(loaded)) => view(loaded),
    }
}
