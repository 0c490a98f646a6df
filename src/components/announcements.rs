//! Announcements in effect now (maintenance windows, news), from site.toml.

use std::sync::Arc;

use koban_core::content::Severity;
use koban_core::home::announcements::in_effect;
use leptos::prelude::*;

use crate::content::Loaded;
use crate::i18n::{msg, t};

/// The announcements in effect at this moment; nothing when there are none.
#[component]
pub fn Announcements(
    /// The loaded content.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let items: Vec<_> = in_effect(&loaded.bundle.site.announcements, now)
        .into_iter()
        .map(|a| {
            let class = match a.severity {
                Severity::Info => "kb-announcement",
                Severity::Warning | Severity::Critical => "kb-announcement kb-severity-warning",
            };
            view! { <li class=class dir="auto" lang=loaded.lang(None)>{a.text.clone()}</li> }
        })
        .collect();
    (!items.is_empty()).then(|| {
        view! {
            <section class="kb-section" aria-labelledby="kb-announcements-title">
                <h3 id="kb-announcements-title" class="kb-section-title">{t(msg::ANNOUNCEMENTS_TITLE)}</h3>
                <ul class="kb-announcements">{items}</ul>
            </section>
        }
    })
}
