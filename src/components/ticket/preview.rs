//! "What is sent with your message": the page context and, when the ticket comes out of a flow,
//! its transcript, which the user can read and remove.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::i18n::t;
use crate::ticket::TicketDesk;

/// The disclosure with the context preview.
#[component]
pub fn Preview() -> impl IntoView {
    let desk = TicketDesk::expect();
    // Read when shown: the context changes with the host page, not with typing.
    let context = desk.context();
    let host_context = (!context.context.is_empty())
        .then(|| pretty(&serde_json::to_string(&context.context).unwrap_or_default()));
    let row = |label: &'static str, value: String| {
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
                    <p class="kb-label">{t("ticket-transcript")}</p>
                    {move || (!removed.get()).then(|| view! { <pre class="kb-pre">{text.clone()}</pre> })}
                    <button type="button" class="kb-button"
                        on:click=move |_| desk.set_transcript_removed(!removed.get_untracked())>
                        {move || if removed.get() { t("ticket-transcript-keep") } else { t("ticket-transcript-remove") }}
                    </button>
                </div>
            }
        })
    };
    view! {
        <details class="kb-preview">
            <summary>{t("ticket-preview")}</summary>
            <dl class="kb-context">
                {row("ticket-preview-page", context.route)}
                {row("ticket-preview-language", context.locale)}
                {row("ticket-preview-version", context.widget_version)}
                {row("ticket-preview-browser", context.user_agent)}
                {host_context.map(|c| view! { <dt>{t("ticket-preview-context")}</dt><dd><pre class="kb-pre">{c}</pre></dd> })}
            </dl>
        </details>
        {transcript}
    }
}

/// A transcript as readable text: one line per entry of its `steps` (their `text`, and the
/// `answer` or `check` result), or the JSON itself when it has another shape.
fn transcript_text(value: &serde_json::Value) -> String {
    let Some(steps) = value.get("steps").and_then(|s| s.as_array()) else {
        return pretty(&serde_json::to_string(value).unwrap_or_default());
    };
    steps
        .iter()
        .map(|step| {
            let part = |k: &str| step.get(k).and_then(|v| v.as_str()).unwrap_or_default();
            let answer = [part("answer"), part("check")]
                .into_iter()
                .find(|a| !a.is_empty());
            match (part("text"), answer) {
                (q, None) => format!("• {q}"),
                (q, Some(a)) => format!("• {q} → {a}"),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
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
