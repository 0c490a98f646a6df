//! Running a flow: [`Run`] is the state machine the widget drives, one answer at a time, with
//! history (answer, back, restart). It is plain data (serde), so the widget saves it to
//! local storage and a reload resumes at the same step; [`Run::transcript`] is what a ticket
//! carries to support.
//!
//! ```
//! # use koban_core::flow::{Flow, Step, StepKind, Outcome, Branch};
//! use koban_core::flow::runner::{Answer, Run};
//! # let flow = Flow { id: "f".into(), locale: "en".into(), title: "T".into(), summary: String::new(),
//! #   contexts: vec![], start: "c".into(), steps: vec![
//! #     Step { id: "c".into(), kind: StepKind::Check { check: "node_status".into(), text: "Checking".into(),
//! #         timeout_ms: 5000, on: vec![Branch { value: "online".into(), next: "ok".into() }], fallback: "ok".into() } },
//! #     Step { id: "ok".into(), kind: StepKind::Outcome { outcome: Outcome::Resolved, text: "Done".into() } }] };
//! let mut run = Run::start(&flow, 1_000);
//! run.answer(&flow, Answer::Check(Some("online".into())), 1_200).unwrap();
//! assert_eq!(run.current(&flow).unwrap().id, "ok");
//! assert!(run.back());
//! assert_eq!(run.current(&flow).unwrap().id, "c");
//! ```

use serde::{Deserialize, Serialize};

use super::{Flow, Outcome, Step, StepKind};
use crate::home::search_docs::plain_text;

/// What the user (or the host's check) answered at a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    /// The index of the chosen answer of a question.
    Choice(usize),
    /// "This worked" (`true`) or "Still not working" (`false`) after an instruction.
    Worked(bool),
    /// A check's result value; `None` when it threw, timed out or is not registered.
    Check(Option<String>),
    /// Continue after an article.
    Next,
}

/// One step the user saw, and what they answered there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    /// The step id.
    pub step: String,
    /// When it was shown (Unix ms).
    pub at: u64,
    /// The answer, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
}

/// Why an answer was not taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RunError {
    /// The run is at a step the flow does not have (the flow changed since it was saved).
    #[error("the run is at a step this flow does not have")]
    UnknownStep,
    /// The answer does not fit the step (a choice out of range, or the wrong kind of answer).
    #[error("this answer does not fit the current step")]
    WrongAnswer,
    /// The run is at an outcome: nothing to answer.
    #[error("the flow has ended")]
    Finished,
}

/// A run of one flow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// The flow's id.
    pub flow: String,
    /// The steps seen so far; the last one is the current step.
    pub path: Vec<Visit>,
}

impl Run {
    /// A run at the flow's first step.
    pub fn start(flow: &Flow, now_ms: u64) -> Run {
        Run {
            flow: flow.id.clone(),
            path: vec![Visit {
                step: flow.start.clone(),
                at: now_ms,
                answer: None,
            }],
        }
    }

    /// The current step (`None` if the flow has no such step).
    pub fn current<'f>(&self, flow: &'f Flow) -> Option<&'f Step> {
        flow.step(&self.path.last()?.step)
    }

    /// The 1-based number of the current step ("Step 3").
    pub fn step_number(&self) -> usize {
        self.path.len()
    }

    /// The outcome, when the run has reached one.
    pub fn outcome<'f>(&self, flow: &'f Flow) -> Option<&'f Outcome> {
        match &self.current(flow)?.kind {
            StepKind::Outcome { outcome, .. } => Some(outcome),
            _ => None,
        }
    }

    /// Answers the current step and moves to the step it leads to.
    pub fn answer(&mut self, flow: &Flow, answer: Answer, now_ms: u64) -> Result<(), RunError> {
        let step = self.current(flow).ok_or(RunError::UnknownStep)?;
        let next = match (&step.kind, &answer) {
            (StepKind::Outcome { .. }, _) => return Err(RunError::Finished),
            (StepKind::Question { choices, .. }, Answer::Choice(i)) => {
                &choices.get(*i).ok_or(RunError::WrongAnswer)?.next
            }
            (
                StepKind::Instruction {
                    worked, not_worked, ..
                },
                Answer::Worked(ok),
            ) => {
                if *ok {
                    worked
                } else {
                    not_worked
                }
            }
            (StepKind::Check { on, fallback, .. }, Answer::Check(value)) => value
                .as_ref()
                .and_then(|v| on.iter().find(|b| &b.value == v))
                .map_or(fallback, |b| &b.next),
            (StepKind::Article { next, .. }, Answer::Next) => next,
            _ => return Err(RunError::WrongAnswer),
        };
        if flow.step(next).is_none() {
            return Err(RunError::UnknownStep);
        }
        let next = next.clone();
        if let Some(last) = self.path.last_mut() {
            last.answer = Some(answer);
        }
        self.path.push(Visit {
            step: next,
            at: now_ms,
            answer: None,
        });
        Ok(())
    }

    /// Goes back one step (its answer is forgotten). `false` at the first step.
    pub fn back(&mut self) -> bool {
        if self.path.len() < 2 {
            return false;
        }
        self.path.pop();
        if let Some(last) = self.path.last_mut() {
            last.answer = None;
        }
        true
    }

    /// Back as the user means it: one step, then further over any `check` steps (they run by
    /// themselves, so landing on one would only run it again). Stops at the first step.
    pub fn back_to_answerable(&mut self, flow: &Flow) {
        self.back();
        while self.path.len() > 1
            && matches!(
                self.current(flow).map(|s| &s.kind),
                Some(StepKind::Check { .. })
            )
        {
            self.back();
        }
    }

    /// Starts over at the first step.
    pub fn restart(&mut self, flow: &Flow, now_ms: u64) {
        *self = Run::start(flow, now_ms);
    }

    /// The result value of the check named `name` in this run: the value, `unavailable` when it
    /// failed, `None` when it did not run.
    pub fn check_result(&self, flow: &Flow, name: &str) -> Option<String> {
        self.path
            .iter()
            .find_map(|v| match (&flow.step(&v.step)?.kind, &v.answer) {
                (StepKind::Check { check, .. }, Some(Answer::Check(value))) if check == name => {
                    Some(value.clone().unwrap_or_else(|| "unavailable".into()))
                }
                _ => None,
            })
    }

    /// The ticket subject for a `ticket` outcome: `summary` with every `{check.<name>}` replaced
    /// by that check's result (`unknown` when it did not run).
    pub fn render_summary(&self, flow: &Flow, summary: &str) -> String {
        let mut out = String::new();
        let mut rest = summary;
        while let Some(open) = rest.find("{check.") {
            out.push_str(&rest[..open]);
            let after = &rest[open + 7..];
            match after.find('}') {
                Some(close) => {
                    let name = &after[..close];
                    out.push_str(
                        &self
                            .check_result(flow, name)
                            .unwrap_or_else(|| "unknown".into()),
                    );
                    rest = &after[close + 1..];
                }
                None => {
                    out.push_str(&rest[open..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// What the user went through, for a ticket: every step shown, with its text and answer.
    pub fn transcript(&self, flow: &Flow) -> Transcript {
        let steps = self
            .path
            .iter()
            .filter_map(|v| {
                let step = flow.step(&v.step)?;
                let (text, answer, check) = match (&step.kind, &v.answer) {
                    (StepKind::Question { text, choices }, Some(Answer::Choice(i))) => {
                        (text.clone(), choices.get(*i).map(|c| c.label.clone()), None)
                    }
                    (StepKind::Instruction { body, .. }, Some(Answer::Worked(ok))) => (
                        plain_text(body),
                        Some(
                            if *ok {
                                "This worked"
                            } else {
                                "Still not working"
                            }
                            .to_string(),
                        ),
                        None,
                    ),
                    (StepKind::Check { check, text, .. }, Some(Answer::Check(value))) => (
                        text.clone(),
                        None,
                        Some(format!(
                            "{check}: {}",
                            value.as_deref().unwrap_or("unavailable")
                        )),
                    ),
                    (StepKind::Question { text, .. }, None)
                    | (StepKind::Check { text, .. }, None)
                    | (StepKind::Outcome { text, .. }, _) => (text.clone(), None, None),
                    (StepKind::Instruction { body, .. }, None) => (plain_text(body), None, None),
                    (StepKind::Article { article, .. }, _) => {
                        (format!("Article: {article}"), None, None)
                    }
                    (_, Some(_)) => (String::new(), None, None),
                };
                Some(TranscriptStep {
                    id: step.id.clone(),
                    text,
                    answer,
                    check,
                    at: v.at,
                })
            })
            .collect();
        Transcript {
            flow: flow.id.clone(),
            title: flow.title.clone(),
            locale: flow.locale.clone(),
            steps,
        }
    }
}

/// What a ticket carries of a flow run (`context.transcript`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transcript {
    /// The flow's id.
    pub flow: String,
    /// Its title, as the user saw it.
    pub title: String,
    /// The locale it ran in.
    pub locale: String,
    /// Every step shown, in order.
    pub steps: Vec<TranscriptStep>,
}

/// One step of a [`Transcript`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranscriptStep {
    /// The step id.
    pub id: String,
    /// The step's text (an instruction's Markdown as plain text).
    pub text: String,
    /// The answer given, as the user saw it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// For a check: `<name>: <result>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
    /// When it was shown (Unix ms).
    pub at: u64,
}

#[cfg(test)]
#[path = "runner_tests.rs"]
mod tests;
