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
/// the user's pick in the panel's language menu beats the host; between the host's own calls,
/// `boot({ locale })` and `setLocale(tag)`, the later one wins; then the host page's
/// `<html lang>`, then the browser's languages, then [`DEFAULT`].
///
/// ```
/// use koban_core::locales::LocaleChoice;
/// let mut choice = LocaleChoice::booted(Some("de"));
/// choice.host_set("fr");
/// assert_eq!(choice.locale(), "fr");
/// choice.user = Some("ja".into());
/// choice.host_set("es");
/// assert_eq!(choice.locale(), "ja", "the user's pick beats the host");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocaleChoice {
    /// The user's pick in the language menu (saved, so it holds on the next page too).
    pub user: Option<String>,
    /// The host's latest explicit choice; `None` for none, or `auto`.
    host: Option<String>,
    /// The host page's `<html lang>`.
    pub page: Option<String>,
    /// The browser's languages (`navigator.languages`), in order.
    pub browser: Vec<String>,
}

impl LocaleChoice {
    /// The choice of a widget booted with `locale` (the boot config's, `None` for `auto`).
    pub fn booted(locale: Option<&str>) -> Self {
        let mut choice = Self::default();
        choice.host_booted(locale);
        choice
    }

    /// The host booted the widget with `locale` (`None` for `auto`): it replaces any earlier
    /// host choice.
    pub fn host_booted(&mut self, locale: Option<&str>) {
        self.host = locale.map(str::to_string);
    }

    /// The host called `setLocale(tag)`: it replaces any earlier host choice.
    pub fn host_set(&mut self, tag: &str) {
        self.host = Some(tag.to_string());
    }

    /// The host's choice in force.
    pub fn host(&self) -> Option<&str> {
        self.host.as_deref()
    }

    /// The shipped locale to speak (see the type's docs for the order).
    pub fn locale(&self) -> String {
        let mut candidates = vec![
            self.user.as_deref(),
            self.host.as_deref(),
            self.page.as_deref(),
        ];
        candidates.extend(self.browser.iter().map(|l| Some(l.as_str())));
        choose(&candidates)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_later_host_call_wins() {
        let mut c = LocaleChoice::booted(Some("de"));
        assert_eq!(c.locale(), "de");
        c.host_set("fr");
        assert_eq!(c.locale(), "fr", "setLocale after boot");
        c.host_booted(Some("de"));
        assert_eq!(c.locale(), "de", "boot({{ locale }}) after setLocale");
        c.host_booted(None);
        c.browser = vec!["ko-KR".into()];
        assert_eq!(
            c.locale(),
            "ko",
            "boot with `auto` after setLocale: negotiated again"
        );
    }

    #[test]
    fn the_users_pick_beats_every_host_call() {
        let mut c = LocaleChoice {
            user: Some("ja".into()),
            ..LocaleChoice::booted(Some("de"))
        };
        assert_eq!(c.locale(), "ja");
        c.host_set("fr");
        c.host_booted(Some("es"));
        assert_eq!(c.locale(), "ja");
        assert_eq!(
            c.host(),
            Some("es"),
            "the host's choice is kept for when the pick goes"
        );
        c.user = None;
        assert_eq!(c.locale(), "es");
    }

    #[test]
    fn without_choices_the_page_then_the_browser() {
        let mut c = LocaleChoice {
            page: Some("xx".into()),
            browser: vec!["yy".into(), "pt".into()],
            ..Default::default()
        };
        assert_eq!(c.locale(), "pt-BR", "an unknown page language is skipped");
        c.page = Some("he-IL".into());
        assert_eq!(c.locale(), "he");
        c.host_set("not shipped");
        assert_eq!(
            c.locale(),
            "he",
            "a host tag no locale matches is skipped too"
        );
        assert_eq!(LocaleChoice::default().locale(), DEFAULT);
    }
}
