//! Which language the widget speaks, and switching it live.
//!
//! Choice, in order (koban-core's [`LocaleChoice`]): the user's pick in the panel's language
//! menu (saved in local storage), the host's explicit choice (`setLocale`, or `boot({ locale })`
//! other than `auto`; the later call wins: `public/koban.js` carries a `setLocale` made before a
//! boot into that boot's config unless the boot names a locale), the host page's `<html lang>`,
//! `navigator.languages`, the default. Switching loads the locale's messages from the server
//! (English is built in), marks the widget's host element and render root with `lang` and `dir`
//! (right to left for ar, he), relabels the launcher, and re-renders the panel; the content
//! reloads for the locale through [`crate::content`]. Where the user was (route, flow step, typed
//! draft) lives in signals and local storage, so it survives the re-render.
//!
//! ```ignore
//! locale::set_user_choice(state, "ar");   // from the language menu
//! locale::set_host_choice(state, "de");   // from Koban('setLocale', 'de')
//! ```

use koban_core::locales::{DEFAULT, LocaleChoice, is_rtl};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::i18n;
use crate::state::WidgetState;
use crate::storage::local_storage;

const CHOICE_KEY: &str = "koban:locale";

/// The user's saved pick from the language menu.
fn saved_choice() -> Option<String> {
    local_storage()?.get_item(CHOICE_KEY).ok().flatten()
}

/// The locale for this page: see the module docs for the order. `user` is the user's pick
/// (`None`: the saved one, if any), `host` the host's explicit choice, if any.
pub fn negotiated(user: Option<&str>, host: Option<&str>) -> String {
    let window = web_sys::window();
    let page = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.is_empty());
    let browser: Vec<String> = window
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default();
    let saved = saved_choice();
    LocaleChoice {
        user: user.or(saved.as_deref()),
        host,
        page: page.as_deref(),
        browser: &browser,
    }
    .locale()
}

/// The user picked `locale` in the language menu: saved, and it wins over the host's choice.
pub fn set_user_choice(state: WidgetState, locale: &str) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(CHOICE_KEY, locale);
    }
    state.locale.set(negotiated(Some(locale), None));
}

/// The host asked for `tag` (`setLocale`); the user's own pick, if any, still wins.
pub fn set_host_choice(state: WidgetState, tag: &str) {
    state.locale.set(negotiated(None, Some(tag)));
}

/// Keeps the strings, `lang`/`dir` and the launcher label in step with `state.locale`.
pub fn follow(
    state: WidgetState,
    root: web_sys::HtmlElement,
    launcher: Option<web_sys::HtmlElement>,
) {
    Effect::new(move |_| {
        let locale = state.locale.get();
        let api = state.api.get_value();
        let root = root.clone();
        let launcher = launcher.clone();
        spawn_local(async move {
            let table = if locale == DEFAULT {
                None
            } else {
                api.messages(&locale).await.ok()
            };
            // A late answer for a locale the user has already left is dropped.
            if state.locale.get_untracked() != locale {
                return;
            }
            // Without its table (server down) the strings stay English: lang says so too.
            let shown = if table.is_some() || locale == DEFAULT {
                locale.as_str()
            } else {
                DEFAULT
            };
            i18n::set_table(shown, table.as_deref());
            mark(&root, shown);
            if let Some(l) = &launcher {
                let (text, icon) = state.launcher.with_value(|(t, i)| (t.clone(), i.clone()));
                crate::launcher::label(l, text.as_deref(), icon.as_deref());
            }
            // The panel drawn anew puts the focus back where it was (the language menu, the
            // search box).
            if let Some(id) = state.focused_id() {
                state.handed_focus.set_value(Some(id));
            }
            state.strings.update(|n| *n += 1);
        });
    });
}

/// `lang` and `dir` on the render root and on the widget's own host element (`<koban-widget>`),
/// so the launcher in the same shadow root mirrors too. The host page's `<html>` is never
/// touched.
fn mark(root: &web_sys::HtmlElement, locale: &str) {
    let dir = if is_rtl(locale) { "rtl" } else { "ltr" };
    let _ = root.set_attribute("lang", locale);
    let _ = root.set_attribute("dir", dir);
    if let Some(host) = root
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .map(|s| s.host())
    {
        let _ = host.set_attribute("lang", locale);
        let _ = host.set_attribute("dir", dir);
    }
}

/// The name of `locale` in its own language ("日本語", "Deutsch"), for the language menu
/// (koban-core's [`koban_core::locales::autonym`]).
pub fn autonym(locale: &str) -> String {
    koban_core::locales::autonym(locale).to_string()
}
