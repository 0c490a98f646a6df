//! User-visible strings of the widget, looked up by Fluent message id.
//!
//! The messages come from `locales/en/*.ftl`, compiled in by `build.rs`. Only simple messages
//! with `{ $name }` placeables are supported until the Fluent runtime lands (localization issue);
//! a missing id shows the id itself.
//!
//! ```ignore
//! view! { <h2>{t("panel-title")}</h2> }
//! let n = tf("search-results", &[("count", hits.len().to_string())]);
//! ```

mod messages {
    include!(concat!(env!("OUT_DIR"), "/messages_en.rs"));
}

/// The text of message `id` in the active locale.
pub fn t(id: &'static str) -> &'static str {
    messages::lookup(id).unwrap_or(id)
}

/// The text of message `id` with its `{ $name }` placeables filled from `args`.
pub fn tf(id: &'static str, args: &[(&str, String)]) -> String {
    let mut text = t(id).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{ ${name} }}"), value);
    }
    text
}
