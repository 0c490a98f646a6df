use super::*;
use crate::flow::{Branch, Choice};

fn flow() -> Flow {
    let step = |id: &str, kind| Step {
        id: id.into(),
        kind,
    };
    Flow {
        id: "node-offline".into(),
        locale: "en".into(),
        title: "Node offline".into(),
        summary: String::new(),
        contexts: vec![],
        start: "check".into(),
        steps: vec![
            step(
                "check",
                StepKind::Check {
                    check: "node_status".into(),
                    text: "Checking".into(),
                    timeout_ms: 5000,
                    on: vec![
                        Branch {
                            value: "online".into(),
                            next: "ok".into(),
                        },
                        Branch {
                            value: "offline".into(),
                            next: "restart".into(),
                        },
                    ],
                    fallback: "ask".into(),
                },
            ),
            step(
                "ask",
                StepKind::Question {
                    text: "What does the dashboard say?".into(),
                    choices: vec![
                        Choice {
                            label: "Online".into(),
                            next: "ok".into(),
                        },
                        Choice {
                            label: "Offline".into(),
                            next: "restart".into(),
                        },
                    ],
                },
            ),
            step(
                "restart",
                StepKind::Instruction {
                    body: vec![],
                    checklist: vec![],
                    worked: "ok".into(),
                    not_worked: "ticket".into(),
                },
            ),
            step(
                "ok",
                StepKind::Outcome {
                    outcome: Outcome::Resolved,
                    text: "Good".into(),
                },
            ),
            step(
                "ticket",
                StepKind::Outcome {
                    outcome: Outcome::Ticket {
                        category: "nodes".into(),
                        summary: "Node offline (live status: {check.node_status})".into(),
                    },
                    text: "We will help".into(),
                },
            ),
        ],
    }
}

#[test]
fn check_results_branch_and_anything_else_takes_the_fallback() {
    let f = flow();
    let at = |value: Option<&str>| {
        let mut r = Run::start(&f, 0);
        r.answer(&f, Answer::Check(value.map(String::from)), 1)
            .unwrap();
        r.current(&f).unwrap().id.clone()
    };
    assert_eq!(at(Some("online")), "ok");
    assert_eq!(at(Some("offline")), "restart");
    assert_eq!(at(Some("exploded")), "ask", "a value not in `on`");
    assert_eq!(at(None), "ask", "threw, timed out or not registered");
}

#[test]
fn answers_back_restart_and_the_end() {
    let f = flow();
    let mut r = Run::start(&f, 10);
    assert!(!r.back());
    assert_eq!(
        r.answer(&f, Answer::Choice(0), 11),
        Err(RunError::WrongAnswer)
    );
    r.answer(&f, Answer::Check(Some("offline".into())), 11)
        .unwrap();
    let before = r.clone();
    r.answer(&f, Answer::Worked(false), 12).unwrap();
    assert_eq!(r.step_number(), 3);
    assert!(matches!(r.outcome(&f), Some(Outcome::Ticket { .. })));
    assert_eq!(r.answer(&f, Answer::Next, 13), Err(RunError::Finished));
    assert!(r.back());
    assert_eq!(r, before, "back after an answer is the state before it");
    r.restart(&f, 20);
    assert_eq!(r, Run::start(&f, 20));
}

#[test]
fn summary_templates_and_transcripts() {
    let f = flow();
    let mut r = Run::start(&f, 100);
    r.answer(&f, Answer::Check(Some("offline".into())), 200)
        .unwrap();
    r.answer(&f, Answer::Worked(false), 300).unwrap();
    assert_eq!(
        r.render_summary(&f, "Node offline (live status: {check.node_status})"),
        "Node offline (live status: offline)"
    );
    assert_eq!(
        r.render_summary(&f, "{check.gpu} {check.x"),
        "unknown {check.x"
    );
    let t = r.transcript(&f);
    assert_eq!(t.flow, "node-offline");
    assert_eq!(t.steps.len(), 3);
    assert_eq!(t.steps[0].check.as_deref(), Some("node_status: offline"));
    assert_eq!(t.steps[1].answer.as_deref(), Some("Still not working"));
    assert_eq!(t.steps[2].text, "We will help");
    let json = serde_json::to_value(&t).unwrap();
    assert_eq!(json["steps"][0]["at"], 100);
    let mut failed = Run::start(&f, 0);
    failed.answer(&f, Answer::Check(None), 1).unwrap();
    assert_eq!(
        failed.check_result(&f, "node_status").as_deref(),
        Some("unavailable")
    );
}

#[test]
fn a_saved_run_round_trips() {
    let f = flow();
    let mut r = Run::start(&f, 1);
    r.answer(&f, Answer::Check(None), 2).unwrap();
    r.answer(&f, Answer::Choice(1), 3).unwrap();
    let back: Run = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
    assert_eq!(back, r);
}

#[test]
fn back_skips_over_automatic_checks_but_not_past_the_start() {
    let f = flow();
    let mut r = Run::start(&f, 0);
    r.answer(&f, Answer::Check(None), 1).unwrap(); // -> ask
    r.answer(&f, Answer::Choice(1), 2).unwrap(); // -> restart
    r.back_to_answerable(&f);
    assert_eq!(r.current(&f).unwrap().id, "ask", "a question is answerable");
    r.back_to_answerable(&f);
    assert_eq!(
        r.current(&f).unwrap().id,
        "check",
        "the first step, even a check"
    );
    assert_eq!(r.path.len(), 1);
}
