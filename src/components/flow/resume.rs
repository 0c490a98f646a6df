//! "Continue where you left off": the guided flow the user left unfinished (saved for 24 hours),
//! at the top of the home view.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::row::Row;
use crate::content::Loaded;
use crate::flow::FlowDesk;
use crate::i18n::{t, tf};
use crate::state::Route;

/// The resume row; nothing when no flow is unfinished.
#[component]
pub fn Resume(
    /// The loaded content.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let flows = expect_context::<FlowDesk>();
    move || {
        let run = flows.run.get()?;
        let flow = loaded.bundle.flow(&run.flow)?;
        run.current(flow)?;
        if run.outcome(flow).is_some() {
            return None;
        }
        let meta = tf("flow-step", &[("number", run.step_number().to_string())]);
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
