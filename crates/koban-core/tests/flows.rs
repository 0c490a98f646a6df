//! Guided flows through the content pipeline: the `good` fixture's flow compiles, and
//! `koban content check` names each bad-flow fixture (`tests/fixtures/flows/<rule>.toml`, one per
//! rule) with `file:line` and a clear message. Each bad flow replaces the good one in a copy of
//! the `good` fixture.

use std::path::{Path, PathBuf};

use koban_core::content::{Corpus, build_bundle, check};
use koban_core::flow::StepKind;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The diagnostics of `good` with `locale`'s node-offline flow replaced by `flows/<rule>.toml`,
/// as `locale/flows/node-offline.toml:line: message`.
fn check_with(rule: &str, locale: &str) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("koban-flow-{rule}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&fixtures().join("good"), &dir);
    std::fs::copy(
        fixtures().join("flows").join(format!("{rule}.toml")),
        dir.join(locale).join("flows/node-offline.toml"),
    )
    .unwrap();
    if locale == "en" {
        // Only the rule under test: no translation to compare with.
        std::fs::remove_file(dir.join("ja/flows/node-offline.toml")).unwrap();
    }
    let out = check(&dir)
        .iter()
        .map(|d| {
            let rel = d.file.strip_prefix(&dir).unwrap_or(&d.file);
            format!("{}:{}: {}", rel.display(), d.line, d.message)
        })
        .collect();
    std::fs::remove_dir_all(&dir).unwrap();
    out
}

const EN: &str = "en/flows/node-offline.toml";

#[test]
fn the_good_flow_compiles_into_both_bundles() {
    let corpus = Corpus::load(&fixtures().join("good")).unwrap();
    let ja = build_bundle(&corpus, "ja");
    let flow = ja.flow("node-offline").unwrap();
    assert_eq!(flow.locale, "ja");
    assert_eq!(flow.title, "オフラインのノードを復旧する");
    let StepKind::Check {
        timeout_ms,
        on,
        fallback,
        ..
    } = &flow.step("check-status").unwrap().kind
    else {
        panic!("a check step");
    };
    assert_eq!(
        (*timeout_ms, fallback.as_str(), on.len()),
        (5000, "ask-status", 2)
    );
    let StepKind::Instruction {
        body, checklist, ..
    } = &flow.step("restart").unwrap().kind
    else {
        panic!("an instruction");
    };
    assert!(
        !body.is_empty() && checklist.len() == 1,
        "Markdown compiled to blocks"
    );
}

#[test]
fn unknown_next_target() {
    assert_eq!(
        check_with("unknown-next", "en"),
        [format!(
            "{EN}:12: step `ask` leads to `nowhere`, which does not exist"
        )]
    );
}

#[test]
fn unreachable_step() {
    assert_eq!(
        check_with("unreachable", "en"),
        [format!(
            "{EN}:16: step `orphan` is unreachable from the start step"
        )]
    );
}

#[test]
fn step_with_no_outcome_reachable() {
    assert_eq!(
        check_with("no-outcome", "en"),
        [
            format!("{EN}:16: no outcome can be reached from step `read`"),
            format!("{EN}:22: cycle with no exit: loop → loop"),
        ]
    );
}

#[test]
fn cycle_with_no_exit() {
    assert_eq!(
        check_with("cycle-no-exit", "en"),
        [format!("{EN}:16: cycle with no exit: ping → pong → ping")]
    );
}

#[test]
fn check_without_fallback() {
    let d = check_with("check-no-fallback", "en");
    assert_eq!(
        d,
        [format!(
            "{EN}:7: check step `check` has no `fallback` (taken when the check fails, times out or is not registered)"
        )]
    );
}

#[test]
fn duplicate_step_ids() {
    assert_eq!(
        check_with("duplicate-step", "en"),
        [format!(
            "{EN}:22: duplicate step id `done`: also on line 16"
        )]
    );
}

#[test]
fn text_missing_in_a_locale_that_has_the_flow() {
    assert_eq!(
        check_with("missing-text-ja", "ja"),
        [
            "ja/flows/node-offline.toml:1: text missing: step `read` of flow `node-offline` is not translated in `ja`".to_string(),
            "ja/flows/node-offline.toml:18: text missing: step `ask-status` has no `text`".to_string(),
        ]
    );
}
