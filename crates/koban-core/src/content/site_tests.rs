//! Tests of `site.toml` parsing, checks and localization.

use super::*;

const MINI: &str = r#"default_locale = "en"
locales = ["en", "ja"]

[[categories]]
id = "nodes"
name = { en = "Nodes", ja = "ノード" }

[[categories.fields]]
id = "os"
kind = "select"
label = { en = "OS" }
options = [{ value = "linux", label = { en = "Linux" } }]

[[channels]]
id = "forum"
kind = "forum"
url = "https://forum.example"
search_url = "https://forum.example/search?q={query}"
label = { en = "Forum", ja = "フォーラム" }

[support]
timezone = "Europe/Berlin"
days = ["mon", "fri"]
open = "08:00"
close = "20:00"
reply_time = { en = "4 hours", ja = "4 時間" }

[[announcements]]
id = "m"
severity = "warning"
starts = 2026-12-01T00:00:00Z
ends = 2026-12-02T00:00:00+09:00
text = { en = "Maintenance", ja = "メンテナンス" }

[[announcements]]
id = "n"
severity = "info"
starts = 2026-12-01T01:00:00Z
ends = 2026-12-02T00:00:00Z
text = { en = "Only in English" }
"#;

#[test]
fn localizes_with_fallback_to_the_default_locale() {
    let (site, diags) = SiteConfig::parse(Path::new("site.toml"), MINI);
    assert_eq!(diags, vec![]);
    let site = site.unwrap().localize("ja");
    assert_eq!(site.categories[0].name, "ノード");
    assert_eq!(site.categories[0].fields[0].label, "OS");
    assert_eq!(site.categories[0].fields[0].options[0].label, "Linux");
    assert_eq!(site.channels[0].label, "フォーラム");
    assert_eq!(site.support.reply_time, "4 時間");
    assert_eq!(site.announcements[0].starts, "2026-12-01T00:00:00Z");
    assert_eq!(site.announcements[0].ends, "2026-12-02T00:00:00+09:00");
    // Translated text carries no locale of its own; a fallback carries the one it is in.
    assert_eq!(site.categories[0].lang, None);
    assert_eq!(site.channels[0].lang, None);
    assert_eq!(site.support.reply_time_lang, None);
    assert_eq!(site.announcements[0].lang, None);
    assert_eq!(site.announcements[1].text, "Only in English");
    assert_eq!(site.announcements[1].lang.as_deref(), Some("en"));
    let de = SiteConfig::parse(Path::new("site.toml"), MINI)
        .0
        .unwrap()
        .localize("de");
    assert_eq!(de.channels[0].label, "Forum");
    assert_eq!(de.channels[0].lang.as_deref(), Some("en"));
    assert_eq!(de.support.reply_time_lang.as_deref(), Some("en"));
    assert_eq!(de.categories[0].lang.as_deref(), Some("en"));
    let rules = site.ticket_rules();
    assert_eq!(
        rules.categories[0].fields[0].options,
        vec!["linux".to_string()]
    );
}

#[test]
fn reports_problems_with_lines() {
    let bad = MINI
        .replace("open = \"08:00\"", "open = \"8am\"")
        .replace(
            "name = { en = \"Nodes\", ja = \"ノード\" }",
            "name = { ja = \"ノード\", jp = \"x\" }",
        )
        .replace("starts = 2026-12-01T00:00:00Z", "starts = 2026-12-01");
    let (_, diags) = SiteConfig::parse(Path::new("site.toml"), &bad);
    let got: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        got,
        vec![
            "site.toml:6: category `nodes` name has no `en` text",
            "site.toml:6: category `nodes` name: `jp` is not in `locales`",
            "site.toml:24: support time `8am` is not HH:MM",
            "site.toml:31: announcement `m` starts must be a date-time with offset, like 2026-12-01T00:00:00Z",
        ]
    );
}

#[test]
fn toml_errors_carry_their_line() {
    let bad = MINI.replace("kind = \"forum\"", "kind = \"pigeon\"");
    let (site, diags) = SiteConfig::parse(Path::new("site.toml"), &bad);
    assert!(site.is_none());
    assert_eq!(diags[0].line, 16, "{diags:?}");
    assert!(diags[0].message.contains("pigeon"), "{diags:?}");
}

#[test]
fn hh_mm() {
    assert!(is_hh_mm("08:00") && is_hh_mm("23:59"));
    assert!(!is_hh_mm("24:00") && !is_hh_mm("8:00") && !is_hh_mm("08:60") && !is_hh_mm("+8:00"));
}
