//! The shipped UI strings (`/locales`): every `.ftl` parses with the Fluent parser, every locale
//! the widget ships has exactly the message ids of `en` and the same variables per message, and
//! the loader's JS names only messages `en` has. The widget's Rust code names messages through
//! constants that `build.rs` generates from `en` (`msg::PANEL_TITLE`): an unknown id does not
//! compile, an unused one is a `dead_code` warning (an error under `make lint`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use koban_core::locales::LOCALES;
use koban_core::locales::ftl::{compile, load};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn every_locale_parses_and_matches_en_ids_and_variables() {
    let (tables, diags) = load(&root().join("locales"));
    let problems: Vec<String> = diags.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let shipped: BTreeSet<&str> = tables.keys().map(String::as_str).collect();
    assert_eq!(
        shipped,
        LOCALES.into_iter().collect(),
        "a folder per shipped locale, no others"
    );
}

#[test]
fn the_checks_catch_missing_extra_and_mismatched_messages() {
    let dir = std::env::temp_dir().join(format!("koban-locales-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (locale, src) in [
        ("en", "a = A { $n }\nb = B\n"),
        ("de", "a = A\nc = C\n"),
        ("fr", "a = { $n ->\n   *[other] x\n"),
    ] {
        std::fs::create_dir_all(dir.join(locale)).unwrap();
        std::fs::write(dir.join(locale).join("widget.ftl"), src).unwrap();
    }
    let (_, diags) = load(&dir);
    let text: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
    assert!(
        text.iter().any(|m| m == "`de` is missing message `b`"),
        "{text:?}"
    );
    assert!(
        text.iter().any(|m| m == "message `c` is not in `en`"),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|m| m.starts_with("message `a` uses variables []")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|m| m.contains("ExpectedToken") || m.starts_with("cannot parse")),
        "{text:?}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        compile("x = { -term }").is_err(),
        "terms and references are refused"
    );
}

/// Message ids the loader's plain JS names: `t("…")` calls and the keys of its English
/// table in `public/*.js`, and the `launcher-label` that `scripts/package.mjs` reads from the
/// `.ftl` files. (The Rust code names messages through `build.rs`'s constants, `msg::*`: an
/// unknown id does not compile there and an unused one is a `dead_code` warning.)
fn js_ids() -> BTreeSet<String> {
    let read = |p: &str| std::fs::read_to_string(root().join(p)).unwrap();
    let mut found = BTreeSet::new();
    let mut scan = |src: &str, open: &str, close: &str| {
        for (at, _) in src.match_indices(open) {
            // `t("…")` itself, not `split("…")`.
            let before = src[..at].chars().next_back().unwrap_or(' ');
            if open.starts_with('t') && (before.is_alphanumeric() || before == '.') {
                continue;
            }
            let rest = &src[at + open.len()..];
            if let Some(end) = rest.find(close) {
                found.insert(rest[..end].to_string());
            }
        }
    };
    let fallback = read("public/fallback.js");
    let table = fallback
        .split("const EN = {")
        .nth(1)
        .unwrap()
        .split("};")
        .next()
        .unwrap();
    scan(table, "\n  \"", "\": ");
    for file in ["public/fallback.js", "public/koban.js"] {
        scan(&read(file), "t(\"", "\")");
    }
    scan(&read("scripts/package.mjs"), "match(/^", " = ");
    found
}

#[test]
fn the_loaders_js_names_only_en_messages() {
    let src = std::fs::read_to_string(root().join("locales/en/widget.ftl")).unwrap();
    let en = compile(&src).unwrap();
    let en_ids: BTreeSet<&str> = en.ids().collect();
    let used = js_ids();
    for id in [
        "panel-title",
        "panel-close",
        "fallback-text",
        "launcher-label",
        "launcher-unread",
    ] {
        assert!(used.contains(id), "{id} not found in the JS: {used:?}");
    }
    let unknown: Vec<&String> = used
        .iter()
        .filter(|id| !en_ids.contains(id.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "ids the JS names but en has not: {unknown:?}"
    );
    // build.rs leaves the JS-only messages out of the widget's table (and its constants).
    let build = std::fs::read_to_string(root().join("build.rs")).unwrap();
    assert!(build.contains("const JS_ONLY: [&str; 2] = [\"fallback-text\", \"launcher-unread\"];"));
}
