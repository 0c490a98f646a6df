//! "Continue where you left off": the guided flow the user left unfinished (saved for 24 hours),
//! at the top of the home view. The desk build follows its running flow; the first download,
//! which runs no flows, reads where the saved run stands once ([`SavedRun`]).

use std::sync::Arc;

use koban_core::flow::StepKind;
use leptos::prelude::*;

use crate::components::row::Row;
use crate::content::Loaded;
use crate::i18n::{t, tf};
use crate::state::Route;

/// Where the saved run stands: flow id, current step id, step number.
type Position = Option<(String, String, usize)>;

/// The saved run's position, provided as context by the first download (`crate::stage`).
#[cfg(not(feature = "desk"))]
#[derive(Clone, Copy)]
pub struct SavedRun(pub StoredValue<Position>);

/// The resume row; nothing when no flow is unfinished.
#[component]
pub fn Resume(
    /// The loaded content.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let position = position();
    move || {
        let (flow_id, step_id, number) = position()?;
        let flow = loaded.bundle.flow(&flow_id)?;
        if matches!(flow.step(&step_id)?.kind, StepKind::Outcome { .. }) {
            return None;
        }
        let meta = tf("flow-step", &[("number", number.to_string())]);
        Some(view! {
            <section class="kb-section" aria-labelledby="kb-resume-title">
                <h3 id="kb-resume-title" class="kb-section-title">{t("flow-resume")}</h3>
                <ul class="kb-list">
                    <Row route=Route::Flow(flow.id.clone()) title=flow.title.clone() meta/>
                </ul>
            </section>
        })
    }
}

/// The running flow's position, tracked.
#[cfg(feature = "desk")]
fn position() -> impl Fn() -> Position + Send + Sync + 'static {
    let flows = expect_context::<crate::flow::FlowDesk>();
    move || {
        flows.run.with(|r| {
            let r = r.as_ref()?;
            Some((r.flow.clone(), r.path.last()?.step.clone(), r.step_number()))
        })
    }
}

/// The saved run's position.
#[cfg(not(feature = "desk"))]
fn position() -> impl Fn() -> Position + Send + Sync + 'static {
    let saved = expect_context::<SavedRun>();
    move || saved.0.get_value()
}
