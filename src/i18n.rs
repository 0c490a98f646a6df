//! User-visible strings of the widget, looked up by Fluent message id.
//!
//! The messages come from `locales/en/*.ftl`, compiled in by `build.rs`. A missing id shows the
//! id itself (and the message-id check in `make test` keeps that from shipping).
//!
//! ```ignore
//! view! { <h2>{t("panel-title")}</h2> }
//! ```

mod messages {
    include!(concat!(env!("OUT_DIR"), "/messages_en.rs"));
}

/// The text of message `id` in the active locale.
pub fn t(id: &'static str) -> &'static str {
    messages::lookup(id).unwrap_or(id)
}
