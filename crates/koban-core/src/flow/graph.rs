//! Structural checks of a flow graph, independent of files and lines (the authoring side maps
//! each [`Problem`] to `file:line`).
//!
//! A valid flow: unique step ids, a known `start`, every target known, every step reachable from
//! `start`, an outcome reachable from every step (so no dead end and no cycle without an exit),
//! questions with at least two answers.
//!
//! ```
//! use koban_core::flow::graph::{problems, Problem};
//! use koban_core::flow::{Flow, Step, StepKind};
//! let flow = Flow { id: "f".into(), locale: "en".into(), title: "T".into(), summary: String::new(),
//!     contexts: vec![], start: "a".into(), steps: vec![
//!         Step { id: "a".into(), kind: StepKind::Article { article: "x".into(), next: "nowhere".into() } }] };
//! assert!(problems(&flow).contains(&Problem::UnknownTarget { step: 0, target: "nowhere".into() }));
//! ```

use std::collections::{BTreeMap, BTreeSet};

use super::{Flow, StepKind};

/// One structural problem; `step` is an index into [`Flow::steps`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A second step with an id already used (by step `first`).
    DuplicateId {
        /// The duplicate.
        step: usize,
        /// The first step with that id.
        first: usize,
    },
    /// `start` names no step.
    UnknownStart,
    /// A `next` (or branch, or fallback) names no step.
    UnknownTarget {
        /// The step that points nowhere.
        step: usize,
        /// The unknown id.
        target: String,
    },
    /// No path from `start` leads here.
    Unreachable {
        /// The step.
        step: usize,
    },
    /// No outcome can be reached from this step, and it is not on a cycle.
    NoOutcome {
        /// The step.
        step: usize,
    },
    /// These steps form a cycle from which no outcome can be reached.
    CycleWithoutExit {
        /// The steps of the cycle, in order, starting with the first in file order.
        steps: Vec<usize>,
    },
    /// A question with fewer than two answers.
    TooFewChoices {
        /// The step.
        step: usize,
    },
}

/// Every structural problem of `flow`, in step order.
pub fn problems(flow: &Flow) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, s) in flow.steps.iter().enumerate() {
        match index.get(s.id.as_str()) {
            Some(&first) => out.push(Problem::DuplicateId { step: i, first }),
            None => {
                index.insert(&s.id, i);
            }
        }
    }
    let start = index.get(flow.start.as_str()).copied();
    if start.is_none() {
        out.push(Problem::UnknownStart);
    }
    // Edges by index (unknown targets reported and left out).
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); flow.steps.len()];
    for (i, s) in flow.steps.iter().enumerate() {
        if let StepKind::Question { choices, .. } = &s.kind
            && choices.len() < 2
        {
            out.push(Problem::TooFewChoices { step: i });
        }
        // An empty target is a missing field, reported by whoever parsed the flow.
        for target in s.kind.targets().into_iter().filter(|t| !t.is_empty()) {
            match index.get(target) {
                Some(&j) => edges[i].push(j),
                None => out.push(Problem::UnknownTarget {
                    step: i,
                    target: target.to_string(),
                }),
            }
        }
    }
    let reachable = start.map(|s| reach(&edges, [s])).unwrap_or_default();
    // Steps from which an outcome can be reached: reverse reachability from the outcomes.
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); flow.steps.len()];
    for (i, targets) in edges.iter().enumerate() {
        for &j in targets {
            reverse[j].push(i);
        }
    }
    let outcomes = flow
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s.kind, StepKind::Outcome { .. }))
        .map(|(i, _)| i);
    let exits = reach(&reverse, outcomes);
    let mut in_reported_cycle = BTreeSet::new();
    for i in 0..flow.steps.len() {
        if start.is_some()
            && !reachable.contains(&i)
            && index.get(flow.steps[i].id.as_str()) == Some(&i)
        {
            out.push(Problem::Unreachable { step: i });
        }
        if exits.contains(&i) || in_reported_cycle.contains(&i) {
            continue;
        }
        match cycle_through(&edges, i, &exits) {
            Some(cycle) => {
                in_reported_cycle.extend(cycle.iter().copied());
                out.push(Problem::CycleWithoutExit { steps: cycle });
            }
            None => out.push(Problem::NoOutcome { step: i }),
        }
    }
    out
}

/// Every node reachable from `from` along `edges` (the starting nodes included).
fn reach(edges: &[Vec<usize>], from: impl IntoIterator<Item = usize>) -> BTreeSet<usize> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<usize> = from.into_iter().collect();
    while let Some(n) = stack.pop() {
        if seen.insert(n) {
            stack.extend(edges[n].iter().copied());
        }
    }
    seen
}

/// A cycle through `start` that stays among steps without an exit, if there is one: the path
/// found by depth-first search from `start` back to it.
fn cycle_through(
    edges: &[Vec<usize>],
    start: usize,
    exits: &BTreeSet<usize>,
) -> Option<Vec<usize>> {
    let mut stack = vec![(start, 0usize)];
    let mut on_path = vec![start];
    let mut seen = BTreeSet::from([start]);
    while let Some((node, next)) = stack.last().copied() {
        if let Some(&target) = edges[node].get(next) {
            stack.last_mut().expect("non-empty").1 += 1;
            if target == start {
                return Some(on_path);
            }
            if !exits.contains(&target) && seen.insert(target) {
                stack.push((target, 0));
                on_path.push(target);
            }
        } else {
            stack.pop();
            on_path.pop();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{Choice, Outcome, Step};

    fn q(id: &str, next: &[&str]) -> Step {
        Step {
            id: id.into(),
            kind: StepKind::Question {
                text: id.into(),
                choices: next
                    .iter()
                    .map(|n| Choice {
                        label: n.to_string(),
                        next: n.to_string(),
                    })
                    .collect(),
            },
        }
    }
    fn end(id: &str) -> Step {
        Step {
            id: id.into(),
            kind: StepKind::Outcome {
                outcome: Outcome::Resolved,
                text: id.into(),
            },
        }
    }
    fn flow(start: &str, steps: Vec<Step>) -> Flow {
        Flow {
            id: "f".into(),
            locale: "en".into(),
            title: "t".into(),
            summary: String::new(),
            contexts: vec![],
            start: start.into(),
            steps,
        }
    }

    #[test]
    fn a_valid_flow_has_no_problems_even_with_a_loop_that_has_an_exit() {
        let f = flow(
            "a",
            vec![q("a", &["b", "done"]), q("b", &["a", "done"]), end("done")],
        );
        assert_eq!(problems(&f), vec![]);
    }

    #[test]
    fn each_rule() {
        let f = flow(
            "a",
            vec![
                q("a", &["b", "done"]),
                q("a", &["done", "done"]),
                end("done"),
            ],
        );
        assert!(problems(&f).contains(&Problem::DuplicateId { step: 1, first: 0 }));
        assert!(problems(&flow("zz", vec![end("a")])).contains(&Problem::UnknownStart));
        let f = flow("a", vec![q("a", &["x", "done"]), end("done")]);
        assert_eq!(
            problems(&f),
            vec![Problem::UnknownTarget {
                step: 0,
                target: "x".into()
            }]
        );
        let f = flow(
            "a",
            vec![q("a", &["done", "done"]), end("done"), end("orphan")],
        );
        assert_eq!(problems(&f), vec![Problem::Unreachable { step: 2 }]);
        let f = flow(
            "a",
            vec![
                q("a", &["done", "b"]),
                q("b", &["c", "c"]),
                q("c", &["b", "b"]),
                end("done"),
            ],
        );
        assert_eq!(
            problems(&f),
            vec![Problem::CycleWithoutExit { steps: vec![1, 2] }]
        );
        let dead = Step {
            id: "dead".into(),
            kind: StepKind::Article {
                article: "x".into(),
                next: "loop".into(),
            },
        };
        let f = flow(
            "a",
            vec![
                q("a", &["done", "dead"]),
                dead,
                q("loop", &["loop", "loop"]),
                end("done"),
            ],
        );
        let p = problems(&f);
        assert!(p.contains(&Problem::NoOutcome { step: 1 }), "{p:?}");
        assert!(
            p.contains(&Problem::CycleWithoutExit { steps: vec![2] }),
            "{p:?}"
        );
        let f = flow("a", vec![q("a", &["done"]), end("done")]);
        assert_eq!(problems(&f), vec![Problem::TooFewChoices { step: 0 }]);
    }
}
