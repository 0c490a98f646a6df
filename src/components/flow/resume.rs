//! "Continue where you left off": the guided flow the user left unfinished (saved for 24 hours),
//! at the top of the home view, following the running flow.

use std::sync::Arc;

use koban_core::flow::StepKind;
use leptos::prelude::*;

use crate::components::row::Row;
use crate::content::Loaded;
use crate::flow::FlowDesk;
use crate::i18n::{msg, t, tf};
use crate::state::Route;

/// The resume row; nothing when no flow is unfinished.
#[component]
pub fn Resume(
    /// The loaded content.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let flows = FlowDesk::expect();
    move || {
        let (flow_id, step_id, number) = flows.run.with(|r| {
            let r = r.as_ref()?;
            Some((r.flow.clone(), r.path.last()?.step.clone(), r.step_number()))
        })?;
        let flow = loaded.bundle.flow(&flow_id)?;
        if matches!(flow.step(&step_id)?.kind, StepKind::Outcome { .. }) {
            return None;
        }
        let meta = tf(msg::FLOW_STEP, &[("number", number.to_string())]);
        Some(view! {
            <section class="kb-section" aria-labelledby="kb-resume-title">
                <h3 id="kb-resume-title" class="kb-section-title">{t(msg::FLOW_RESUME)}</h3>
                <ul class="kb-list">
                    <Row route=Route::Flow(flow.id.clone()) title=flow.title.clone() meta/>
                </ul>
            </section>
        })
    }
}
