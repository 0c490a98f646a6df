//! The widget's languages: which locales it ships, which are right to left, and how the UI
//! locale is chosen. With `authoring`, [`ftl`] parses, checks and compiles the Fluent files.
//!
//! ```
//! use koban_core::locales::{choose, is_rtl};
//! // The user's saved choice wins, then the host's, then <html lang>, then the browser.
//! assert_eq!(choose(&[None, Some("ar"), Some("de"), Some("ja-JP")]), "ar");
//! assert_eq!(choose(&[None, None, Some("de-AT"), Some("ja")]), "de");
//! assert_eq!(choose(&[None, None, None, Some("zh-TW")]), "zh-Hant");
//! assert_eq!(choose(&[None, None, None, Some("xx")]), "en");
//! assert!(is_rtl("he") && !is_rtl("en"));
//! ```

#[cfg(feature = "authoring")]
pub mod ftl;

use crate::content::negotiate;

/// The locales the widget ships, in the order of its language menu.
pub const LOCALES: [&str; 12] = [
    "en", "ja", "zh-Hans", "zh-Hant", "ko", "es", "fr", "de", "pt-BR", "ru", "ar", "he",
];

/// The reference locale, and the one used when nothing else matches.
pub const DEFAULT: &str = "en";

/// Locales written right to left.
pub const RTL: [&str; 2] = ["ar", "he"];

/// Whether `locale` is written right to left.
pub fn is_rtl(locale: &str) -> bool {
    RTL.contains(&locale)
}

/// The UI locale from candidates in priority order (the user's saved choice, the host's explicit
/// choice, the page's `<html lang>`, each of `navigator.languages`): the first candidate that
/// negotiates to a shipped locale (`ja-JP` → `ja`, `zh-TW` → `zh-Hant`, `pt` → `pt-BR`), else
/// [`DEFAULT`].
pub fn choose(candidates: &[Option<&str>]) -> String {
    let available: Vec<String> = LOCALES.iter().map(|l| l.to_string()).collect();
    for tag in candidates.iter().flatten() {
        let found = negotiate(tag, &available, "");
        if !found.is_empty() {
            return found;
        }
    }
    DEFAULT.to_string()
}
