//! A guided flow, one step at a time: "Step 3", the step (question, instruction with checklist,
//! a running host check, an article, or the outcome), then Back and Start over. Focus moves to
//! each new step's heading, so a screen reader reads it; everything is a native button or
//! checkbox, so it is keyboard operable.

use std::sync::Arc;

use koban_core::flow::runner::Answer;
use koban_core::flow::{Flow, Outcome, StepKind};
use koban_core::ticket::TicketDraft;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::blocks::Blocks;
use crate::components::panel::PanelNav;
use crate::components::status::with_content;
use crate::content::Loaded;
use crate::flow::{FlowDesk, check};
use crate::i18n::{msg, t, tf};
use crate::state::{Route, WidgetState};
use crate::ticket::TicketDesk;

/// The flow route of the panel.
#[component]
pub fn FlowView(
    /// The flow's id.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    with_content(move |loaded| match loaded.bundle.flow(&id) {
        Some(flow) => {
            let flow = Arc::new(flow.clone());
            view! { <FlowRun flow loaded/> }.into_any()
        }
        None => view! { <p class="kb-muted">{t(msg::FLOW_NOT_FOUND)}</p> }.into_any(),
    })
}

/// A started flow.
#[component]
fn FlowRun(flow: Arc<Flow>, loaded: Arc<Loaded>) -> impl IntoView {
    let flows = FlowDesk::expect();
    flows.start(&flow);
    {
        let flow = flow.clone();
        on_cleanup(move || flows.left(&flow));
    }
    let heading = NodeRef::<html::H4>::new();
    // Focus follows the step: every change of the run moves it to the new step's heading.
    Effect::new(move |_| {
        flows.run.track();
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let title = flow.title.clone();
    let state = WidgetState::expect();
    let fallback = (flow.locale != state.locale.get_untracked())
        .then(|| view! { <p class="kb-note">{t(msg::FLOW_FALLBACK)}</p> });
    let flow_lang = flow.locale.clone();
    let step_view = {
        let flow = flow.clone();
        move || {
            let run = flows.run.get()?;
            let step = run.current(&flow)?.clone();
            let number = run.step_number();
            Some(view! {
                <p class="kb-step-count">{tf(msg::FLOW_STEP, &[("number", number.to_string())])}</p>
                {step_body(flow.clone(), loaded.clone(), step.kind, heading)}
                <div class="kb-actions kb-flow-nav">
                    {(number > 1).then(|| {
                        let flow = flow.clone();
                        view! { <button type="button" class="kb-button kb-secondary" on:click=move |_| flows.back(&flow)>{t(msg::FLOW_BACK)}</button> }
                    })}
                    {(number > 1).then(|| {
                        let flow = flow.clone();
                        view! { <button type="button" class="kb-button kb-secondary" on:click=move |_| flows.restart(&flow)>{t(msg::FLOW_RESTART)}</button> }
                    })}
                </div>
            })
        }
    };
    view! {
        {fallback}
        <section class="kb-flow" aria-labelledby="kb-flow-title"
            dir=if koban_core::locales::is_rtl(&flow_lang) { "rtl" } else { "ltr" } lang=flow_lang>
            <h3 id="kb-flow-title" class="kb-flow-title">{title}</h3>
            {step_view}
        </section>
    }
}

/// The heading and controls of one step.
fn step_body(
    flow: Arc<Flow>,
    loaded: Arc<Loaded>,
    kind: StepKind,
    heading: NodeRef<html::H4>,
) -> AnyView {
    let flows = FlowDesk::expect();
    let answer = {
        let flow = flow.clone();
        move |a: Answer| flows.answer(&flow, a)
    };
    match kind {
        StepKind::Question { text, choices } => {
            let buttons = choices
                .into_iter()
                .enumerate()
                .map(|(i, c)| {
                    let answer = answer.clone();
                    view! { <li><button type="button" class="kb-row" on:click=move |_| answer(Answer::Choice(i))>{c.label}</button></li> }
                })
                .collect_view();
            view! {
                <h4 node_ref=heading class="kb-step-title" tabindex="-1">{text}</h4>
                <ul class="kb-list kb-choices">{buttons}</ul>
            }
            .into_any()
        }
        StepKind::Instruction {
            body, checklist, ..
        } => {
            let items = checklist
                .into_iter()
                .map(|item| view! { <li><label class="kb-check"><input type="checkbox" class="kb-checkbox"/>{item}</label></li> })
                .collect_view();
            let (yes, no) = (answer.clone(), answer);
            view! {
                <h4 node_ref=heading class="kb-step-title" tabindex="-1">{t(msg::FLOW_TRY_THIS)}</h4>
                <Blocks blocks=body/>
                <ul class="kb-checklist">{items}</ul>
                <div class="kb-actions">
                    <button type="button" class="kb-button kb-primary" on:click=move |_| yes(Answer::Worked(true))>{t(msg::FLOW_WORKED)}</button>
                    <button type="button" class="kb-button" on:click=move |_| no(Answer::Worked(false))>{t(msg::FLOW_NOT_WORKED)}</button>
                </div>
            }
            .into_any()
        }
        StepKind::Check {
            check: name,
            text,
            timeout_ms,
            ..
        } => {
            // Runs as soon as it is shown; the result (or its absence) answers the step.
            let host_check = flows.check(&name);
            let context = TicketDesk::expect().context().context;
            let context = js_sys::JSON::parse(&serde_json::to_string(&context).unwrap_or_default())
                .unwrap_or_default();
            spawn_local(async move {
                let value = check::run(host_check, context, timeout_ms).await;
                answer(Answer::Check(value));
            });
            view! {
                <h4 node_ref=heading class="kb-step-title" tabindex="-1">{text}</h4>
                <p class="kb-muted" role="status">{t(msg::FLOW_CHECKING)}</p>
            }
            .into_any()
        }
        StepKind::Article { article, .. } => {
            let article = loaded.bundle.article(&article).cloned();
            view! {
                <h4 node_ref=heading class="kb-step-title" tabindex="-1">
                    {article.as_ref().map(|a| a.title.clone())}
                </h4>
                {article.map(|a| view! { <Blocks blocks=a.body/> })}
                <button type="button" class="kb-button kb-primary" on:click=move |_| answer(Answer::Next)>{t(msg::FLOW_CONTINUE)}</button>
            }
            .into_any()
        }
        StepKind::Outcome { outcome, text } => {
            let action = outcome_action(&flow, &loaded, outcome);
            view! {
                <h4 node_ref=heading class="kb-step-title" tabindex="-1">{text}</h4>
                {action}
            }
            .into_any()
        }
    }
}

/// What the user can do at the end: back to help, the ticket form with the transcript, or
/// another support channel.
fn outcome_action(flow: &Arc<Flow>, loaded: &Arc<Loaded>, outcome: Outcome) -> AnyView {
    let nav = PanelNav::expect();
    match outcome {
        Outcome::Resolved => view! {
            <button type="button" class="kb-button kb-primary" on:click=move |_| nav.home()>{t(msg::FLOW_DONE)}</button>
        }
        .into_any(),
        Outcome::Ticket { category, summary } => {
            let flows = FlowDesk::expect();
            let desk = TicketDesk::expect();
            let flow = flow.clone();
            let open = move |_| {
                let Some(run) = flows.run.get_untracked() else {
                    return;
                };
                let transcript = serde_json::to_string(&run.transcript(&flow))
                    .ok()
                    .and_then(|t| serde_json::from_str(&t).ok());
                let mut prefill = TicketDraft {
                    category: category.clone(),
                    subject: run.render_summary(&flow, &summary),
                    ..Default::default()
                };
                prefill.context.transcript = transcript;
                desk.prefill(&prefill);
                nav.go(Route::Ticket);
            };
            view! { <button type="button" class="kb-button kb-primary" on:click=open>{t(msg::CONTACT_SUPPORT)}</button> }
                .into_any()
        }
        Outcome::Link { channel } => {
            let link = loaded
                .bundle
                .site
                .channels
                .iter()
                .find(|c| c.id == channel && koban_core::home::links::is_safe_href(&c.url))
                .map(|c| (c.url.clone(), c.label.clone()));
            link.map(|(url, label)| view! {
                <a class="kb-button kb-primary" href=url target="_blank" rel="noopener noreferrer">{label}</a>
            })
            .into_any()
        }
    }
}
