//! The forms feedback is stored in, so that the same content gap reported by many users is
//! counted once: query text trimmed, whitespace collapsed and lowercased; locale tags in their
//! canonical BCP 47 case.
//!
//! Written by hand: each is a few lines over the standard library's Unicode-aware `str` methods.

/// The grouping form of a search query: trimmed, every run of whitespace collapsed to one space,
/// lowercased (Unicode lowercase, so `ÉCHEC` and `échec` group together; scripts without case,
/// such as Japanese, are kept as they are).
///
/// ```
/// assert_eq!(koban_core::feedback::normalize_query("  Payout\t  MISSING \n"), "payout missing");
/// ```
pub fn normalize_query(query: &str) -> String {
    query
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A language tag in canonical case with `-` separators: language lowercase, four-letter script
/// title case, two-letter region uppercase, anything else lowercase (`pt_br` → `pt-BR`,
/// `ZH-hant-tw` → `zh-Hant-TW`).
///
/// ```
/// assert_eq!(koban_core::feedback::canonical_locale("zh_hant_TW"), "zh-Hant-TW");
/// ```
pub fn canonical_locale(tag: &str) -> String {
    tag.split(['-', '_'])
        .enumerate()
        .map(|(i, part)| {
            let alpha = part.chars().all(|c| c.is_ascii_alphabetic());
            if i > 0 && alpha && part.len() == 2 {
                part.to_ascii_uppercase()
            } else if i > 0 && alpha && part.len() == 4 {
                let lower = part.to_ascii_lowercase();
                let (first, rest) = lower.split_at(1);
                format!("{}{rest}", first.to_ascii_uppercase())
            } else {
                part.to_ascii_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_group_by_trimmed_collapsed_lowercase_text() {
        assert_eq!(normalize_query("Withdrawl"), "withdrawl");
        assert_eq!(
            normalize_query("\u{3000}ノード　オフライン "),
            "ノード オフライン"
        );
        assert_eq!(normalize_query("ÉCHEC  Paiement"), "échec paiement");
        assert_eq!(normalize_query(" \t\n"), "");
    }

    #[test]
    fn locales_get_canonical_case() {
        assert_eq!(canonical_locale("EN"), "en");
        assert_eq!(canonical_locale("pt_br"), "pt-BR");
        assert_eq!(canonical_locale("sr-latn-rs"), "sr-Latn-RS");
        assert_eq!(canonical_locale("es-419"), "es-419");
        assert_eq!(canonical_locale("de-CH-1996"), "de-CH-1996");
    }
}
