//! Feedback events for content authors (`koban report`): articles rated, searches with no
//! results, searches that led to support. Sent in the background through the API client.
//!
//! ```ignore
//! feedback::article_rated(state, "node-offline", false);
//! ```

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::state::WidgetState;

fn send(state: WidgetState, kind: &str, fields: &[(&str, JsValue)]) {
    let event = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&event, &"type".into(), &kind.into());
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&event, &JsValue::from_str(k), v);
    }
    let _ = js_sys::Reflect::set(
        &event,
        &"locale".into(),
        &state.locale.get_untracked().into(),
    );
    let api = state.api.get_value();
    spawn_local(async move {
        let _ = api.feedback(&event).await;
    });
}

/// "Was this helpful?" answered.
pub fn article_rated(state: WidgetState, article_id: &str, helpful: bool) {
    send(
        state,
        "articleRated",
        &[
            ("articleId", article_id.into()),
            ("helpful", helpful.into()),
        ],
    );
}

/// A search that found nothing (sent once the query has stayed unchanged for a moment).
pub fn search_no_results(state: WidgetState, query: &str) {
    send(state, "searchNoResults", &[("query", query.into())]);
}

/// A search after which the user went to contact support.
pub fn search_to_ticket(state: WidgetState, query: &str) {
    send(state, "searchToTicket", &[("query", query.into())]);
}

/// A guided flow ended: `resolved`, `escalated` (ticket or another channel) or `abandoned`, at
/// `step_id`.
pub fn flow_outcome(state: WidgetState, flow_id: &str, outcome: &str, step_id: &str) {
    send(
        state,
        "flowOutcome",
        &[
            ("flowId", flow_id.into()),
            ("outcome", outcome.into()),
            ("stepId", step_id.into()),
        ],
    );
}
