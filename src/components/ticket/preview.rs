//! "What is sent with your message": the page context and, when the ticket comes out of a flow,
//! its transcript, which the user can read and remove.

use koban_core::flow::transcript::lines;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::i18n::{Msg, msg, t};
use crate::ticket::TicketDesk;

/// The disclosure with the context preview.
#[component]
pub fn Preview() -> impl IntoView {
    let desk = TicketDesk::expect();
    // Read when shown: the context changes with the host page, not with typing.
    let context = desk.context();
    let host_context = (!context.context.is_empty())
        .then(|| pretty(&serde_json::to_string(&context.context).unwrap_or_default()));
    let row = |label: Msg, value: String| {
        view! { <dt>{t(label)}</dt><dd>{value}</dd> }
    };
    // Memos: the block is drawn when the transcript comes or goes, not on every keystroke, and
    // its button stays (with the focus) while it flips between remove and include.
    let text = Memo::new(move |_| {
        desk.state.with(|s| {
            s.saved
                .draft
                .context
                .transcript
                .as_ref()
                .map(transcript_text)
        })
    });
    let removed = Memo::new(move |_| desk.state.with(|s| s.saved.transcript_removed));
    let transcript = move || {
        text.get().map(|text| {
            view! {
                <div class="kb-transcript">
                    <p class="kb-label">{t(msg::TICKET_TRANSCRIPT)}</p>
                    {move || (!removed.get()).then(|| view! { <pre class="kb-pre">{text.clone()}</pre> })}
                    <button type="button" class="kb-button"
                        on:click=move |_| desk.set_transcript_removed(!removed.get_untracked())>
                        {move || if removed.get() { t(msg::TICKET_TRANSCRIPT_KEEP) } else { t(msg::TICKET_TRANSCRIPT_REMOVE) }}
                    </button>
                </div>
            }
        })
    };
    view! {
        <details class="kb-preview">
            <summary>{t(msg::TICKET_PREVIEW)}</summary>
            <dl class="kb-context">
                {row(msg::TICKET_PREVIEW_PAGE, context.route)}
                {row(msg::TICKET_PREVIEW_LANGUAGE, context.locale)}
                {row(msg::TICKET_PREVIEW_VERSION, context.widget_version)}
                {row(msg::TICKET_PREVIEW_BROWSER, context.user_agent)}
                {host_context.map(|c| view! { <dt>{t(msg::TICKET_PREVIEW_CONTEXT)}</dt><dd><pre class="kb-pre">{c}</pre></dd> })}
            </dl>
        </details>
        {transcript}
    }
}

/// A transcript as readable text (koban-core's [`lines`]), or the JSON itself when it has
/// another shape.
fn transcript_text(value: &serde_json::Value) -> String {
    lines(value).unwrap_or_else(|| pretty(&serde_json::to_string(value).unwrap_or_default()))
}

/// JSON text indented by the browser's `JSON.stringify` (keeps a pretty printer out of the wasm).
fn pretty(json: &str) -> String {
    js_sys::JSON::parse(json)
        .ok()
        .and_then(|v| {
            js_sys::JSON::stringify_with_replacer_and_space(&v, &JsValue::NULL, &JsValue::from(2))
                .ok()
        })
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| json.to_string())
}
