//! The strings of the requester's emails, in the widget's 12 locales.
//!
//! They are Fluent files, `crates/koban-server/mail-locales/<locale>/email.ftl`, so translators
//! work as they do for the widget, and they are compiled by the widget's own Fluent compiler
//! (`koban_core::locales::ftl`), so the syntax and its checks are one. They are not in the
//! top-level `locales/`: `build.rs` compiles everything there into the widget, whose download is
//! size-gated, and the widget never shows these strings. The files are embedded in the binary
//! (`include_str!`), so `koban serve` needs nothing beside it, and compiled once, on first use.
//!
//! The emails use text and `{ $variables }` only. A message missing in a locale falls back to
//! English, and a missing id shows itself; the unit test keeps every locale complete (exactly
//! the ids and variables of `en`), so neither happens in a build.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use koban_core::locales::DEFAULT;
use serde_json::Value;

/// `(locale, source)` of each embedded file.
macro_rules! sources {
    ($($locale:literal),* $(,)?) => {
        [$(($locale, include_str!(concat!("../../mail-locales/", $locale, "/email.ftl")))),*]
    };
}

/// The embedded Fluent files, in the order of [`koban_core::locales::LOCALES`].
const SOURCES: [(&str, &str); 12] = sources!(
    "en", "ja", "zh-Hans", "zh-Hant", "ko", "es", "fr", "de", "pt-BR", "ru", "ar", "he",
);

/// One locale's messages as koban-core compiles them: id → pattern (see `ftl`'s table format).
type Messages = BTreeMap<String, Value>;

static TABLES: LazyLock<BTreeMap<&'static str, Messages>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(locale, src)| {
            let messages = koban_core::locales::ftl::compile(src)
                .ok()
                .and_then(|table| serde_json::from_str(&table.to_json()).ok())
                .unwrap_or_default();
            (*locale, messages)
        })
        .collect()
});

/// Message `id` in `locale` (a shipped locale; else English), with `args` in its variables.
pub fn text(locale: &str, id: &str, args: &[(&str, &str)]) -> String {
    let pattern = [locale, DEFAULT]
        .iter()
        .find_map(|l| TABLES.get(l)?.get(id));
    let mut out = String::new();
    match pattern {
        Some(p) => resolve(p, args, &mut out),
        None => out.push_str(id),
    }
    out
}

/// Appends `pattern` with `args` to `out`: text, `{ $name }`, and a select on a variable (the
/// variant named by its value, else the default; no plural rules, which these emails never
/// need).
fn resolve(pattern: &Value, args: &[(&str, &str)], out: &mut String) {
    let arg = |name: &str| {
        args.iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| *v)
    };
    let Value::Array(elements) = pattern else {
        return;
    };
    for element in elements {
        match element {
            Value::String(s) => out.push_str(s),
            Value::Object(o) => {
                if let Some(name) = o.get("v").and_then(Value::as_str) {
                    out.push_str(arg(name));
                } else if let Some(name) = o.get("s").and_then(Value::as_str) {
                    let variants = o.get("o");
                    let default = o.get("d").and_then(Value::as_str).unwrap_or_default();
                    if let Some(p) = variants
                        .and_then(|v| v.get(arg(name)))
                        .or_else(|| variants.and_then(|v| v.get(default)))
                    {
                        resolve(p, args, out);
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use koban_core::locales::ftl::compile;

    #[test]
    fn every_locale_has_exactly_the_ids_and_variables_of_en() {
        let shipped: Vec<&str> = SOURCES.iter().map(|(l, _)| *l).collect();
        assert_eq!(shipped, koban_core::locales::LOCALES);
        let compiled: BTreeMap<&str, _> = SOURCES
            .iter()
            .map(|(locale, src)| {
                let table = compile(src).unwrap_or_else(|e| panic!("{locale}: {e:?}"));
                (*locale, table)
            })
            .collect();
        let en = &compiled["en"];
        let en_ids: Vec<&str> = en.ids().collect();
        assert!(en_ids.len() >= 10, "{en_ids:?}");
        for (locale, table) in &compiled {
            assert_eq!(table.ids().collect::<Vec<_>>(), en_ids, "{locale}: ids");
            for id in &en_ids {
                assert_eq!(
                    table.variables(id),
                    en.variables(id),
                    "{locale}: variables of {id}"
                );
                let resolved = text(locale, id, &[]);
                assert!(!resolved.trim().is_empty(), "{locale}: {id} is empty");
            }
        }
    }

    #[test]
    fn variables_are_put_in_and_english_is_the_fallback() {
        assert_eq!(
            text("en", "email-reference", &[("reference", "KB-7F3K-92QD")]),
            "Reference: KB-7F3K-92QD"
        );
        assert_eq!(
            text("ja", "email-reference", &[("reference", "KB-7F3K-92QD")]),
            "受付番号：KB-7F3K-92QD"
        );
        assert_eq!(
            text("xx", "email-support", &[]),
            "Support",
            "unknown locale"
        );
        assert_eq!(text("de", "no-such-message", &[]), "no-such-message");
        assert_eq!(
            text("en", "email-wrote", &[]),
            " wrote:",
            "a missing argument is empty"
        );
    }
}
