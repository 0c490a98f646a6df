//! Guided troubleshooting flows: the compiled model the widget runs, the graph checks
//! `koban content check` applies, and the runner.
//!
//! - [`model`](self): [`Flow`], [`Step`], [`StepKind`], [`Outcome`] as they travel in the
//!   content bundle (`flows`).
//! - [`graph`]: [`graph::problems`], everything structurally wrong with a flow (unknown targets,
//!   unreachable steps, dead ends, cycles without exit, duplicate ids, ...).
//! - [`runner`]: [`runner::Run`], the state machine with history (answer, back, restart) and its
//!   serializable [`runner::Transcript`].
//! - [`transcript`]: a transcript as the lines the ticket form shows.
//!
//! ```
//! use koban_core::flow::{Flow, Step, StepKind, Outcome, Choice};
//! use koban_core::flow::runner::{Run, Answer};
//! let flow = Flow {
//!     id: "f".into(), locale: "en".into(), title: "T".into(), summary: String::new(),
//!     contexts: vec![], start: "q".into(),
//!     steps: vec![
//!         Step { id: "q".into(), kind: StepKind::Question { text: "Is it plugged in?".into(), choices: vec![
//!             Choice { label: "Yes".into(), next: "ok".into() },
//!             Choice { label: "No".into(), next: "ok".into() }] } },
//!         Step { id: "ok".into(), kind: StepKind::Outcome { outcome: Outcome::Resolved, text: "Good".into() } },
//!     ],
//! };
//! assert!(koban_core::flow::graph::problems(&flow).is_empty());
//! let mut run = Run::start(&flow, 0);
//! run.answer(&flow, Answer::Choice(0), 1).unwrap();
//! assert_eq!(run.outcome(&flow), Some(&Outcome::Resolved));
//! ```

pub mod graph;
pub mod runner;
pub mod transcript;

use serde::{Deserialize, Serialize};

use crate::content::Block;

/// One guided flow in one locale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flow {
    /// Stable id, the same in every locale (the file name).
    pub id: String,
    /// The locale of its text.
    pub locale: String,
    /// Title, shown in suggestions and search.
    pub title: String,
    /// One-sentence summary.
    pub summary: String,
    /// Page contexts it fits (`route:/nodes`, `error:E_NODE_OFFLINE`, `page:billing`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<String>,
    /// Id of the first step.
    pub start: String,
    /// The steps, in file order.
    pub steps: Vec<Step>,
}

impl Flow {
    /// The step with id `id`.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }
}

/// One step of a flow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// Id, unique in the flow.
    pub id: String,
    /// What the step does.
    pub kind: StepKind,
}

/// What a step shows and where it leads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// A question with two or more answers.
    Question {
        /// The question.
        text: String,
        /// The answers.
        choices: Vec<Choice>,
    },
    /// Something to do, then "This worked" / "Still not working".
    Instruction {
        /// The instructions, compiled from Markdown like article bodies.
        body: Vec<Block>,
        /// Optional checklist items.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        checklist: Vec<String>,
        /// Next step when it worked.
        worked: String,
        /// Next step when it did not.
        not_worked: String,
    },
    /// A diagnostic the host page runs (`Koban('registerCheck', name, fn)`).
    Check {
        /// The check's name.
        check: String,
        /// Shown while it runs.
        text: String,
        /// How long to wait for the host, in milliseconds.
        timeout_ms: u32,
        /// Next step per result value.
        on: Vec<Branch>,
        /// Next step when the check throws, times out, is not registered, or returns a value not
        /// in `on`.
        fallback: String,
    },
    /// An article shown inline, then on.
    Article {
        /// The article's id.
        article: String,
        /// The step after it.
        next: String,
    },
    /// The end of the flow.
    Outcome {
        /// How it ends.
        outcome: Outcome,
        /// What the user reads.
        text: String,
    },
}

/// One answer of a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// The answer's text.
    pub label: String,
    /// The step it leads to.
    pub next: String,
}

/// One result value of a check and where it leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Branch {
    /// The value the host's check returns.
    pub value: String,
    /// The step it leads to.
    pub next: String,
}

/// How a flow ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Solved without a person.
    Resolved,
    /// Hand over to support: the ticket form, prefilled.
    Ticket {
        /// The ticket category from `site.toml`.
        category: String,
        /// Subject template; `{check.<name>}` is replaced by that check's result.
        summary: String,
    },
    /// Hand over to another support channel from `site.toml`.
    Link {
        /// The channel id.
        channel: String,
    },
}

impl StepKind {
    /// The steps this one can lead to, in display order.
    pub fn targets(&self) -> Vec<&str> {
        match self {
            StepKind::Question { choices, .. } => choices.iter().map(|c| c.next.as_str()).collect(),
            StepKind::Instruction {
                worked, not_worked, ..
            } => vec![worked, not_worked],
            StepKind::Check { on, fallback, .. } => on
                .iter()
                .map(|b| b.next.as_str())
                .chain(std::iter::once(fallback.as_str()))
                .collect(),
            StepKind::Article { next, .. } => vec![next],
            StepKind::Outcome { .. } => Vec::new(),
        }
    }
}
