//! The flow desk (desk build only): the run in a signal, saved on every step, host checks and
//! events.

use koban_core::feedback::FlowOutcomeKind;
use koban_core::flow::runner::{Answer, Run};
use koban_core::flow::{Flow, Outcome};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::{flow_key, saved_run};
use crate::state::WidgetState;
use crate::storage::{local_storage, now_ms};

/// Flow state of one widget, provided as context. `Copy`.
#[derive(Clone, Copy)]
pub struct FlowDesk {
    /// The run shown (or saved), if any.
    pub run: RwSignal<Option<Run>>,
    checks: StoredValue<Vec<(String, js_sys::Function)>, LocalStorage>,
    key: StoredValue<String>,
    widget: WidgetState,
}

impl FlowDesk {
    /// The flow desk, from context.
    pub fn expect() -> Self {
        expect_context()
    }

    /// The desk of `widget`, with a run saved less than 24 hours ago restored.
    pub fn new(widget: WidgetState, api_base: &str) -> Self {
        let key = flow_key(api_base);
        let saved = saved_run(api_base).and_then(|run| koban_core::decode::run_from_json(&run));
        Self {
            run: RwSignal::new(saved),
            checks: StoredValue::new_local(Vec::new()),
            key: StoredValue::new(key),
            widget,
        }
    }

    /// `Koban('registerCheck', name, fn)`: a later registration of the same name wins.
    pub fn register_check(&self, name: String, f: js_sys::Function) {
        self.checks.update_value(|c| {
            c.retain(|(n, _)| *n != name);
            c.push((name, f));
        });
    }

    /// The registered check `name`.
    pub fn check(&self, name: &str) -> Option<js_sys::Function> {
        self.checks
            .with_value(|c| c.iter().find(|(n, _)| n == name).map(|(_, f)| f.clone()))
    }

    /// Shows `flow`: resumes the saved run if it is this flow's and unfinished, else starts it.
    pub fn start(&self, flow: &Flow) {
        let resumable = self.run.with_untracked(|r| {
            r.as_ref().is_some_and(|r| {
                r.flow == flow.id && r.current(flow).is_some() && r.outcome(flow).is_none()
            })
        });
        if resumable {
            return;
        }
        self.run.set(Some(Run::start(flow, now_ms())));
        self.save();
        self.widget
            .emit_with("flowStarted", &[("id", flow.id.as_str().into())]);
        self.step_viewed(flow);
    }

    /// Answers the current step; reports the step now shown and, at an outcome, the end.
    pub fn answer(&self, flow: &Flow, answer: Answer) {
        let mut moved = false;
        self.run.update(|r| {
            if let Some(r) = r {
                moved = r.answer(flow, answer, now_ms()).is_ok();
            }
        });
        if !moved {
            return;
        }
        self.save();
        self.step_viewed(flow);
        let ended = self
            .run
            .with_untracked(|r| r.as_ref().and_then(|r| r.outcome(flow).cloned()));
        if let Some(outcome) = ended {
            let (name, kind) = match outcome {
                Outcome::Resolved => ("resolved", FlowOutcomeKind::Resolved),
                Outcome::Ticket { .. } => ("ticket", FlowOutcomeKind::Escalated),
                Outcome::Link { .. } => ("link", FlowOutcomeKind::Escalated),
            };
            self.widget.emit_with(
                "flowCompleted",
                &[("id", flow.id.as_str().into()), ("outcome", name.into())],
            );
            self.report(flow, kind);
        }
    }

    /// Back one step; a check step is skipped over (it would only run again).
    pub fn back(&self, flow: &Flow) {
        self.run.update(|r| {
            if let Some(r) = r {
                r.back_to_answerable(flow);
            }
        });
        self.save();
    }

    /// Back to the first step.
    pub fn restart(&self, flow: &Flow) {
        self.run.update(|r| *r = Some(Run::start(flow, now_ms())));
        self.save();
        self.step_viewed(flow);
    }

    /// The user left `flow` before an outcome (the view closed): reported as abandoned at the
    /// step shown. The run stays saved, so coming back resumes it.
    pub fn left(&self, flow: &Flow) {
        let unfinished = self.run.with_untracked(|r| {
            r.as_ref()
                .is_some_and(|r| r.flow == flow.id && r.outcome(flow).is_none())
        });
        if unfinished {
            self.report(flow, FlowOutcomeKind::Abandoned);
        }
    }

    fn step_viewed(&self, flow: &Flow) {
        let Some((step, number)) = self.run.with_untracked(|r| {
            r.as_ref()
                .and_then(|r| Some((r.path.last()?.step.clone(), r.step_number())))
        }) else {
            return;
        };
        self.widget.emit_with(
            "flowStepViewed",
            &[
                ("id", flow.id.as_str().into()),
                ("step", step.into()),
                ("number", JsValue::from_f64(number as f64)),
            ],
        );
    }

    fn report(&self, flow: &Flow, outcome: FlowOutcomeKind) {
        let step = self
            .run
            .with_untracked(|r| {
                r.as_ref()
                    .and_then(|r| r.path.last())
                    .map(|v| v.step.clone())
            })
            .unwrap_or_default();
        crate::feedback::flow_outcome(self.widget, &flow.id, outcome.as_str(), &step);
    }

    fn save(&self) {
        let Some(storage) = local_storage() else {
            return;
        };
        let key = self.key.get_value();
        match self
            .run
            .with_untracked(|r| r.as_ref().map(serde_json::to_string))
        {
            Some(Ok(json)) => {
                let _ = storage.set_item(&key, &format!("{}\n{json}", now_ms()));
            }
            _ => {
                let _ = storage.remove_item(&key);
            }
        }
    }
}
