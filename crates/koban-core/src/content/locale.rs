//! Locale negotiation: which of the site's locales to serve for a requested language tag.
//!
//! [`negotiate`] maps a BCP 47 tag (or an `Accept-Language`-style list) to one of the available
//! locales: `ja-JP` → `ja`, `zh-TW` → `zh-Hant`, `zh-CN` → `zh-Hans`, `pt` → `pt-BR`, and anything
//! that matches nothing → the default locale.
//!
//! Hand-written on purpose: `fluent-langneg` does the same job, but it infers the script of `zh-TW`
//! through `unic-langid`'s likely-subtags tables, a dependency (and data) far larger than the one
//! rule we need (Chinese regions TW, HK and MO write Traditional, the rest Simplified). Matching is
//! by language, then script, then region, case-insensitively, as RFC 4647 lookup would.

/// The best of `available` for `requested`, or `default` when nothing matches.
///
/// `requested` is one tag (`ja-JP`) or a comma-separated list in order of preference (`fr-CH,
/// ja;q=0.8`; quality values are ignored, the order is what counts). The result is spelled as in
/// `available` (or as `default`).
///
/// ```
/// use koban_core::content::negotiate;
/// let available = ["en".to_string(), "ja".into(), "zh-Hant".into(), "pt-BR".into()];
/// assert_eq!(negotiate("ja-JP", &available, "en"), "ja");
/// assert_eq!(negotiate("zh-TW", &available, "en"), "zh-Hant");
/// assert_eq!(negotiate("pt", &available, "en"), "pt-BR");
/// assert_eq!(negotiate("xx", &available, "en"), "en");
/// ```
pub fn negotiate(requested: &str, available: &[String], default: &str) -> String {
    for part in requested.split(',') {
        let tag = part.split(';').next().unwrap_or("").trim();
        if let Some(found) = best_match(tag, available) {
            return found.to_string();
        }
    }
    default.to_string()
}

/// The parts of a tag that matter for matching, lowercased.
#[derive(Debug, PartialEq, Eq)]
struct Tag {
    language: String,
    script: Option<String>,
    region: Option<String>,
}

fn parse(tag: &str) -> Option<Tag> {
    let mut parts = tag.split(['-', '_']).filter(|p| !p.is_empty());
    let language = parts.next()?.to_ascii_lowercase();
    if !(2..=8).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut script = None;
    let mut region = None;
    for part in parts {
        let is_alpha = part.bytes().all(|b| b.is_ascii_alphabetic());
        let is_digit = part.bytes().all(|b| b.is_ascii_digit());
        if part.len() == 4 && is_alpha && script.is_none() && region.is_none() {
            script = Some(part.to_ascii_lowercase());
        } else if ((part.len() == 2 && is_alpha) || (part.len() == 3 && is_digit))
            && region.is_none()
        {
            region = Some(part.to_ascii_lowercase());
        } else {
            break; // variants and extensions do not take part in matching
        }
    }
    let script = script.or_else(|| likely_script(&language, region.as_deref()));
    Some(Tag {
        language,
        script,
        region,
    })
}

/// The script a language is written in when the tag does not say, where it is ambiguous.
fn likely_script(language: &str, region: Option<&str>) -> Option<String> {
    match (language, region) {
        ("zh", Some("tw" | "hk" | "mo")) => Some("hant".into()),
        ("zh", _) => Some("hans".into()),
        _ => None,
    }
}

/// Lookup: same language and script required; then an exact region, then a region-less
/// available tag, then any region.
fn best_match<'a>(requested: &str, available: &'a [String]) -> Option<&'a str> {
    if requested == "*" {
        return None;
    }
    let want = parse(requested)?;
    let mut best: Option<(u8, &str)> = None;
    for candidate in available {
        let Some(have) = parse(candidate) else {
            continue;
        };
        if have.language != want.language || have.script != want.script {
            continue;
        }
        let score = match (&want.region, &have.region) {
            (Some(w), Some(h)) if w == h => 3,
            (_, None) => 2,
            (None, Some(_)) => 1,
            (Some(_), Some(_)) => 0,
        };
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn region_tags_fall_back_to_the_language() {
        let av = langs(&["en", "ja"]);
        assert_eq!(negotiate("ja-JP", &av, "en"), "ja");
        assert_eq!(negotiate("ja", &av, "en"), "ja");
        assert_eq!(negotiate("JA_jp", &av, "en"), "ja");
        assert_eq!(negotiate("en-GB", &av, "en"), "en");
    }

    #[test]
    fn chinese_picks_the_script_from_the_region() {
        let av = langs(&["en", "zh-Hans", "zh-Hant"]);
        assert_eq!(negotiate("zh-TW", &av, "en"), "zh-Hant");
        assert_eq!(negotiate("zh-HK", &av, "en"), "zh-Hant");
        assert_eq!(negotiate("zh-CN", &av, "en"), "zh-Hans");
        assert_eq!(negotiate("zh", &av, "en"), "zh-Hans");
        assert_eq!(negotiate("zh-Hant-CN", &av, "en"), "zh-Hant");
        // No Traditional Chinese available: the script must match, so the default is served.
        assert_eq!(negotiate("zh-TW", &langs(&["en", "zh-Hans"]), "en"), "en");
    }

    #[test]
    fn a_language_alone_finds_a_regional_locale() {
        let av = langs(&["en", "pt-BR", "pt-PT"]);
        assert_eq!(negotiate("pt", &langs(&["en", "pt-BR"]), "en"), "pt-BR");
        assert_eq!(negotiate("pt-PT", &av, "en"), "pt-PT");
        assert_eq!(negotiate("pt-AO", &langs(&["en", "pt-BR"]), "en"), "pt-BR");
    }

    #[test]
    fn an_exact_region_beats_a_regionless_locale() {
        let av = langs(&["en", "en-GB"]);
        assert_eq!(negotiate("en-GB", &av, "en"), "en-GB");
        assert_eq!(negotiate("en-US", &av, "en"), "en");
    }

    #[test]
    fn unknown_empty_or_malformed_tags_get_the_default() {
        let av = langs(&["en", "ja"]);
        assert_eq!(negotiate("xx", &av, "en"), "en");
        assert_eq!(negotiate("", &av, "en"), "en");
        assert_eq!(negotiate("*", &av, "en"), "en");
        assert_eq!(negotiate("1234", &av, "en"), "en");
        assert_eq!(negotiate("-", &av, "en"), "en");
    }

    #[test]
    fn lists_are_tried_in_order() {
        let av = langs(&["en", "ja"]);
        assert_eq!(negotiate("fr-CH, ja;q=0.8, en;q=0.5", &av, "en"), "ja");
        assert_eq!(negotiate("fr, de", &av, "en"), "en");
    }
}
