//! Property tests of the flow runner: for random valid flow graphs and random answer sequences
//! the runner never panics, back after an answer returns to the same state, and every run ends
//! in an outcome or stays at a valid step.

use koban_core::flow::graph::problems;
use koban_core::flow::runner::{Answer, Run};
use koban_core::flow::{Branch, Choice, Flow, Outcome, Step, StepKind};
use proptest::prelude::*;

/// A random flow: `kinds.len()` inner steps chained to each other (so every step reaches the
/// outcomes at the end) plus random extra edges (cycles included), then the outcomes.
fn flow_strategy() -> impl Strategy<Value = Flow> {
    (1usize..10, 1usize..4)
        .prop_flat_map(|(inner, outcomes)| {
            let total = inner + outcomes;
            (
                proptest::collection::vec(
                    (0u8..4, proptest::collection::vec(0..total, 1..4)),
                    inner,
                ),
                Just(outcomes),
            )
        })
        .prop_map(|(inner, outcomes)| {
            let n = inner.len();
            let id = |i: usize| format!("s{i}");
            let mut steps: Vec<Step> = inner
                .iter()
                .enumerate()
                .map(|(i, (kind, extra))| {
                    let mut targets: Vec<String> = vec![id(i + 1)];
                    targets.extend(extra.iter().map(|&t| id(t)));
                    let kind = match kind {
                        0 => StepKind::Question {
                            text: format!("q{i}"),
                            choices: targets
                                .iter()
                                .chain(std::iter::once(&targets[0]))
                                .map(|t| Choice {
                                    label: t.clone(),
                                    next: t.clone(),
                                })
                                .collect(),
                        },
                        1 => StepKind::Instruction {
                            body: vec![],
                            checklist: vec![],
                            worked: targets[0].clone(),
                            not_worked: targets.last().unwrap().clone(),
                        },
                        2 => StepKind::Check {
                            check: "c".into(),
                            text: "checking".into(),
                            timeout_ms: 10,
                            on: targets
                                .iter()
                                .enumerate()
                                .map(|(v, t)| Branch {
                                    value: format!("v{v}"),
                                    next: t.clone(),
                                })
                                .collect(),
                            fallback: targets[0].clone(),
                        },
                        _ => StepKind::Article {
                            article: "a".into(),
                            next: targets[0].clone(),
                        },
                    };
                    Step { id: id(i), kind }
                })
                .collect();
            for o in 0..outcomes {
                steps.push(Step {
                    id: id(n + o),
                    kind: StepKind::Outcome {
                        outcome: Outcome::Resolved,
                        text: "end".into(),
                    },
                });
            }
            Flow {
                id: "f".into(),
                locale: "en".into(),
                title: "t".into(),
                summary: String::new(),
                contexts: vec![],
                start: id(0),
                steps,
            }
        })
        .prop_filter("a valid graph", |f| problems(f).is_empty())
}

/// An answer for the current step from a random byte; sometimes one that does not fit.
fn answer_for(step: &StepKind, byte: u8) -> Answer {
    let pick = usize::from(byte);
    match (step, byte % 7) {
        (_, 0) => Answer::Next,
        (StepKind::Question { choices, .. }, _) => Answer::Choice(pick % (choices.len() + 1)),
        (StepKind::Instruction { .. }, _) => Answer::Worked(byte.is_multiple_of(2)),
        (StepKind::Check { .. }, 1) => Answer::Check(None),
        (StepKind::Check { on, .. }, _) => {
            Answer::Check(Some(format!("v{}", pick % (on.len() + 1))))
        }
        _ => Answer::Choice(pick),
    }
}

proptest! {
    #[test]
    fn the_runner_is_total_and_back_undoes(flow in flow_strategy(), bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
        let mut run = Run::start(&flow, 0);
        for (t, byte) in bytes.iter().enumerate() {
            let step = run.current(&flow).expect("always at a valid step");
            if byte.is_multiple_of(11) {
                let before = run.clone();
                if run.back() {
                    prop_assert_eq!(run.path.len() + 1, before.path.len());
                }
                continue;
            }
            let answer = answer_for(&step.kind, *byte);
            let before = run.clone();
            match run.answer(&flow, answer.clone(), t as u64) {
                Ok(()) => {
                    prop_assert!(run.current(&flow).is_some());
                    prop_assert!(run.back());
                    prop_assert_eq!(&run, &before, "back after an answer is the state before it");
                    run.answer(&flow, answer, t as u64).unwrap();
                }
                Err(_) => prop_assert_eq!(&run, &before, "a refused answer changes nothing"),
            }
        }
        prop_assert!(run.current(&flow).is_some());
        // Answering with the first fitting answer always ends in an outcome eventually: the
        // first target of every inner step moves forward.
        let mut guard = 0;
        while run.outcome(&flow).is_none() {
            let answer = match &run.current(&flow).unwrap().kind {
                StepKind::Question { .. } => Answer::Choice(0),
                StepKind::Instruction { .. } => Answer::Worked(true),
                StepKind::Check { .. } => Answer::Check(None),
                StepKind::Article { .. } => Answer::Next,
                StepKind::Outcome { .. } => unreachable!(),
            };
            run.answer(&flow, answer, 99).unwrap();
            guard += 1;
            prop_assert!(guard <= flow.steps.len(), "forward answers reach an outcome");
        }
        let transcript = run.transcript(&flow);
        prop_assert_eq!(transcript.steps.len(), run.path.len());
    }
}
