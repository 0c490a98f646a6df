//! A time shown as "3 minutes ago" in the user's language (koban-core's
//! [`relative_time`](koban_core::conversation::relative_time) picks the unit, a Fluent message
//! per unit the words), inside `<time datetime>` with the exact instant.

use koban_core::conversation::{TimeUnit, relative_time, rfc3339_to_unix_ms};
use leptos::prelude::*;

use crate::i18n::{msg, tf};

/// "3 minutes ago" for the RFC 3339 instant `at` (empty when it does not parse).
pub fn ago(at: &str) -> String {
    let Some(ms) = rfc3339_to_unix_ms(at) else {
        return String::new();
    };
    let now = js_sys::Date::now() as i64 / 1000;
    let rel = relative_time(ms / 1000, now);
    let id = match rel.unit {
        TimeUnit::Seconds => msg::CONVERSATION_TIME_SECONDS,
        TimeUnit::Minutes => msg::CONVERSATION_TIME_MINUTES,
        TimeUnit::Hours => msg::CONVERSATION_TIME_HOURS,
        TimeUnit::Days => msg::CONVERSATION_TIME_DAYS,
        TimeUnit::Weeks => msg::CONVERSATION_TIME_WEEKS,
        TimeUnit::Months => msg::CONVERSATION_TIME_MONTHS,
        TimeUnit::Years => msg::CONVERSATION_TIME_YEARS,
    };
    tf(id, &[("count", rel.value.to_string())])
}

/// `<time>` for the RFC 3339 instant `at`, read as a relative time.
#[component]
pub fn Ago(
    /// RFC 3339 instant.
    #[prop(into)]
    at: String,
) -> impl IntoView {
    let text = ago(&at);
    view! { <time datetime=at>{text}</time> }
}
