//! The shipped UI strings (`/locales`): every `.ftl` parses with the Fluent parser, every locale
//! the widget ships has exactly the message ids of `en` and the same variables per message, and
//! the widget's code (`/src`, `/public`, `/scripts`) uses exactly the messages `en` has: every id
//! it names exists, and no `en` message is unused.

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

/// The widget's code: `src/`, `public/` and `scripts/` (which bakes the launcher labels).
fn code() -> String {
    let mut all = String::new();
    let mut stack = vec![
        root().join("src"),
        root().join("public"),
        root().join("scripts"),
    ];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().flatten().map(|e| e.path()));
        } else if let Ok(src) = std::fs::read_to_string(&p) {
            all.push_str(&src);
            all.push('\n');
        }
    }
    all
}

/// Message ids the code names: every literal passed to `t(` / `tf(`, and every other
/// id-shaped string literal (`"ticket-error-fields"` in a match arm, for instance).
fn ids_in(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for call in ["t(\"", "tf(\""] {
        for (at, _) in code.match_indices(call) {
            // A call of `t` / `tf` itself, not `get("…")` or `split("…")`.
            let before = code[..at].chars().next_back().unwrap_or(' ');
            if before.is_alphanumeric() || before == '_' || before == '.' {
                continue;
            }
            let rest = &code[at + call.len()..];
            if let Some(end) = rest.find('"') {
                found.insert(rest[..end].to_string());
            }
        }
    }
    // Every span between two neighbouring quotes (both parities: escaped quotes and char
    // literals such as '"' would otherwise shift which spans are literals).
    for literal in code.split('"') {
        let is_id = literal.len() > 2
            && literal.contains('-')
            && literal
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !literal.starts_with('-')
            && !literal.ends_with('-');
        if is_id {
            found.insert(literal.to_string());
        }
    }
    found
}

#[test]
fn code_uses_exactly_the_en_messages() {
    let src = std::fs::read_to_string(root().join("locales/en/widget.ftl")).unwrap();
    let en = compile(&src).unwrap();
    let en_ids: BTreeSet<String> = en.ids().map(String::from).collect();
    let code = code();
    let used = ids_in(&code);
    // `launcher-label` is read from the .ftl files by scripts/package.mjs (a regex, not a literal).
    let unused: Vec<&String> = en_ids
        .iter()
        .filter(|id| !used.contains(*id) && !code.contains(&format!("^{id} = ")))
        .collect();
    assert!(unused.is_empty(), "en messages no code uses: {unused:?}");
    // Literals shaped like ids that are not messages must be something else (CSS classes and
    // element ids start with `kb-`); anything else is a message id missing from en.
    let unknown: Vec<&String> = used
        .iter()
        .filter(|id| !en_ids.contains(*id))
        .filter(|id| {
            !id.starts_with("kb-")
                && !id.starts_with("koban-")
                && !NOT_MESSAGES.contains(&id.as_str())
        })
        .collect();
    assert!(
        unknown.is_empty(),
        "ids used in code but not in en: {unknown:?}"
    );
}

/// Id-shaped literals in the widget's code that are not message ids.
const NOT_MESSAGES: &[&str] = &[
    "content-type",
    "idempotency-key",
    "retry-after",
    "aria-hidden",
    "bottom-left",
    "bottom-right",
    "zh-hans",
    "zh-hant",
    "pt-br",
    "sv-se",
    "x-koban",
    "2-digit",
    "use-strict",
    "manual-boot",
    "data-manual-boot",
    "data-kb-article",
    "no-referrer",
    "noopener-noreferrer",
    "aria-expanded",
    "aria-labelledby",
    "aria-modal",
    "aria-haspopup",
    "wasm-bindgen",
    "wasm-opt",
    "node-offline",
];
