//! The other support channels (docs, forum, Discord, email, videos) and the support hours, shown
//! in the user's time zone with whether support is online now.

use std::sync::Arc;

use koban_core::content::ChannelKind;
use koban_core::home::announcements::rfc3339_to_unix;
use koban_core::home::hours::{day_spans, format_hhmm, status};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::components::contact::ContactButton;
use crate::content::Loaded;
use crate::i18n::{msg, t, tf};
use crate::state::WidgetState;

/// Channels and hours.
#[component]
pub fn Channels(
    /// The loaded content.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let site = &loaded.bundle.site;
    let links = site
        .channels
        .iter()
        .filter(|c| koban_core::home::links::is_safe_href(&c.url))
        .map(|c| {
            let class = match c.kind {
                ChannelKind::Docs => "kb-channel kb-channel-docs",
                ChannelKind::Forum => "kb-channel kb-channel-forum",
                ChannelKind::Discord => "kb-channel kb-channel-discord",
                ChannelKind::Email => "kb-channel kb-channel-email",
                ChannelKind::Videos => "kb-channel kb-channel-videos",
            };
            view! {
                <li>
                    <a class=class href=c.url.clone() target="_blank" rel="noopener noreferrer"
                        lang=loaded.lang(None)>{c.label.clone()}</a>
                </li>
            }
        })
        .collect_view();
    let support = &site.support;
    // Weekday names in the UI language (the content may be a fallback locale's).
    let locale = WidgetState::expect().locale.get_untracked();
    let now_ms = js_sys::Date::now();
    let hours = offset_minutes(&support.timezone, now_ms).and_then(|tz_offset| {
        let user_offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
        status(support, (now_ms / 1000.0) as i64, tz_offset, user_offset)
    });
    let hours_view = hours.map(|h| {
        let days = day_spans(&support.days)
            .into_iter()
            .map(|(a, b)| if a == b { weekday(a, &locale) } else { format!("{}–{}", weekday(a, &locale), weekday(b, &locale)) })
            .collect::<Vec<_>>()
            .join(", ");
        view! {
            <p class="kb-hours">
                <span class="kb-dot" class:kb-online=h.open_now aria-hidden="true"></span>
                {if h.open_now { t(msg::SUPPORT_ONLINE) } else { t(msg::SUPPORT_OFFLINE) }}
            </p>
            <p class="kb-muted">
                {tf(msg::SUPPORT_HOURS, &[("open", format_hhmm(h.local_open)), ("close", format_hhmm(h.local_close)), ("days", days)])}
            </p>
        }
    });
    let reply = (!support.reply_time.is_empty()).then(
        || view! { <p class="kb-muted" lang=loaded.lang(None)>{support.reply_time.clone()}</p> },
    );
    view! {
        <section class="kb-section" aria-labelledby="kb-channels-title">
            <h3 id="kb-channels-title" class="kb-section-title">{t(msg::CHANNELS_TITLE)}</h3>
            {hours_view}
            {reply}
            <ContactButton class="kb-primary"/>
            <ul class="kb-channels">{links}</ul>
        </section>
    }
}

/// The short weekday name (0 = Monday) in `locale`, from the browser's `Intl`.
fn weekday(index: usize, locale: &str) -> String {
    // 2024-01-01 was a Monday (UTC noon keeps every time zone on the same date).
    let date = js_sys::Date::new(&JsValue::from_f64(
        1_704_110_400_000.0 + index as f64 * 86_400_000.0,
    ));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"weekday".into(), &"short".into());
    let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into());
    date.to_locale_date_string(locale, &options).into()
}

/// Minutes the time zone `tz` is ahead of UTC at `now_ms`, from the browser's time zone data.
///
/// Formats the instant in `tz` with the `sv-SE` locale, whose output is ISO-like
/// (`2026-11-30 01:45:00`), and compares it with the instant itself.
fn offset_minutes(tz: &str, now_ms: f64) -> Option<i32> {
    let options = js_sys::Object::new();
    for (k, v) in [
        ("timeZone", tz),
        ("year", "numeric"),
        ("month", "2-digit"),
        ("day", "2-digit"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("second", "2-digit"),
        ("hourCycle", "h23"),
    ] {
        js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v)).ok()?;
    }
    let date = js_sys::Date::new(&JsValue::from_f64(now_ms));
    let local: String = date.to_locale_string("sv-SE", &options).into();
    let as_utc = rfc3339_to_unix(&format!("{}Z", local.replace(' ', "T")))?;
    let now = (now_ms / 1000.0).floor() as i64;
    Some(((as_utc - now) as f64 / 60.0).round() as i32)
}
