//! The home view. Later issues fill it (suggestions, search, categories, channels).

use leptos::prelude::*;

use crate::i18n::t;

/// Home view of the panel.
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <div class="kb-home">
            <p class="kb-greeting">{t("home-greeting")}</p>
            <p class="kb-muted">{t("home-empty")}</p>
        </div>
    }
}
