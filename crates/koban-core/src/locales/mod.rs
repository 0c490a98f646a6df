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
//!
//! [`LocaleChoice`] is the whole precedence: the user's pick, then the host's latest call, then
//! the page and the browser.

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

/// Each shipped locale's name in its own language, in the order of [`LOCALES`] (as CLDR and
/// `Intl.DisplayNames` name them): a table of twelve names is smaller in the widget than asking
/// the browser, and reads the same in every browser.
pub const AUTONYMS: [&str; 12] = [
    "English",
    "日本語",
    "简体中文",
    "繁體中文",
    "한국어",
    "español",
    "français",
    "Deutsch",
    "português (Brasil)",
    "русский",
    "العربية",
    "עברית",
];

/// The name of a shipped `locale` in its own language ([`AUTONYMS`]); the tag itself for any
/// other.
pub fn autonym(locale: &str) -> &str {
    LOCALES
        .iter()
        .position(|l| *l == locale)
        .map_or(locale, |i| AUTONYMS[i])
}

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

/// Who asked the widget for which language, and which of them wins ([`LocaleChoice::locale`]):
/// the user's pick in the panel's language menu beats the host; then the host's explicit choice
/// (the later of `boot({ locale })` and `setLocale(tag)`: the loader, `public/koban.js`, keeps
/// the order of the host's calls and boots the widget with the latest, which `setLocale` then
/// replaces); then the host page's `<html lang>`, then the browser's languages, then [`DEFAULT`].
///
/// ```
/// use koban_core::locales::LocaleChoice;
/// let mut choice = LocaleChoice { host: Some("de"), ..Default::default() };
/// assert_eq!(choice.locale(), "de");
/// choice.user = Some("ja");
/// assert_eq!(choice.locale(), "ja", "the user's pick beats the host");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LocaleChoice<'a> {
    /// The user's pick in the language menu (saved, so it holds on the next page too).
    pub user: Option<&'a str>,
    /// The host's explicit choice in force; `None` for none, or `auto`.
    pub host: Option<&'a str>,
    /// The host page's `<html lang>`.
    pub page: Option<&'a str>,
    /// The browser's languages (`navigator.languages`), in order.
    pub browser: &'a [String],
}

impl LocaleChoice<'_> {
    /// The shipped locale to speak (see the type's docs for the order).
    #[inline]
    pub fn locale(&self) -> String {
        let mut candidates = vec![self.user, self.host, self.page];
        candidates.extend(self.browser.iter().map(|l| Some(l.as_str())));
        choose(&candidates)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_users_pick_beats_the_host_and_the_host_beats_the_page() {
        let browser = ["ko".to_string()];
        let mut c = LocaleChoice {
            user: Some("ja"),
            host: Some("de"),
            page: Some("fr"),
            browser: &browser,
        };
        assert_eq!(c.locale(), "ja");
        c.user = None;
        assert_eq!(c.locale(), "de");
        c.host = None;
        assert_eq!(c.locale(), "fr");
        c.page = None;
        assert_eq!(c.locale(), "ko");
    }

    #[test]
    fn every_shipped_locale_has_its_own_name() {
        let names: std::collections::BTreeSet<&str> = LOCALES.iter().map(|l| autonym(l)).collect();
        assert_eq!(names.len(), LOCALES.len(), "twelve different names");
        assert_eq!(autonym("de"), "Deutsch");
        assert_eq!(autonym("zh-Hant"), "繁體中文");
        assert_eq!(autonym("xx"), "xx");
    }

    #[test]
    fn what_matches_no_shipped_locale_is_skipped() {
        let browser = ["zz".to_string(), "pt".into()];
        let mut c = LocaleChoice {
            user: Some("xx"),
            host: Some("not shipped"),
            page: Some("yy"),
            browser: &browser,
        };
        assert_eq!(c.locale(), "pt-BR");
        c.page = Some("he-IL");
        assert_eq!(c.locale(), "he");
        assert_eq!(LocaleChoice::default().locale(), DEFAULT);
    }
}
