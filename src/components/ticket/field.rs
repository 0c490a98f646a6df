//! One labelled form field of the ticket form: label, help text, the control and its errors,
//! tied together with `aria-describedby` and `aria-invalid`.
//!
//! A function rather than a component with a control slot: every field reads and writes the
//! draft through its JSON path, so the control is chosen from [`Control`].

use std::sync::Arc;

use koban_core::ticket::{ErrorCode, FieldError, FieldValue, TicketRules};
use leptos::prelude::*;

use crate::i18n::{msg, t, tf};
use crate::ticket::TicketDesk;

/// The kind of control.
#[derive(Debug, Clone, PartialEq)]
pub enum Control {
    /// `<input>` of this `type` (`text`, `email`, `url`), with this `autocomplete`.
    Input(&'static str, &'static str),
    /// `<input inputmode="decimal">`: numbers stay as typed until the server reads them.
    Number,
    /// `<textarea>`.
    TextArea,
    /// `<select>` with (value, label) options and a "choose" placeholder.
    Select(Vec<(String, String)>),
    /// `<input type="checkbox">`.
    Checkbox,
}

/// What one field shows.
pub struct FieldSpec {
    /// JSON path in the draft: `subject`, `fields.os`, ...
    pub path: String,
    /// The visible label.
    pub label: String,
    /// Help text under the label (empty: none).
    pub help: String,
    /// Whether it must be filled in.
    pub required: bool,
    /// The control.
    pub control: Control,
}

/// The localized text of one error.
pub fn error_text(e: &FieldError) -> String {
    let id = match e.code {
        ErrorCode::Required => msg::TICKET_ERROR_REQUIRED,
        ErrorCode::TooLong => {
            return tf(
                msg::TICKET_ERROR_TOO_LONG,
                &[("max", e.max.unwrap_or_default().to_string())],
            );
        }
        ErrorCode::InvalidEmail => msg::TICKET_ERROR_EMAIL,
        ErrorCode::InvalidUrl => msg::TICKET_ERROR_URL,
        ErrorCode::NotANumber => msg::TICKET_ERROR_NUMBER,
        ErrorCode::NotAnOption | ErrorCode::UnknownCategory => msg::TICKET_ERROR_OPTION,
        _ => msg::TICKET_ERROR_INVALID,
    };
    t(id).to_string()
}

/// Renders one field, its errors checked against `rules`.
pub fn field(desk: TicketDesk, spec: FieldSpec, rules: Arc<TicketRules>) -> impl IntoView {
    let FieldSpec {
        path,
        label,
        help,
        required,
        control,
    } = spec;
    let id = format!("kb-f-{}", path.replace('.', "-"));
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let path: Arc<str> = path.into();
    let shown = {
        let path = path.clone();
        move || desk.state.with(|s| s.errors_for(&path, &rules))
    };
    let invalid = {
        let shown = shown.clone();
        move || (!shown().is_empty()).then_some("true")
    };
    let describedby = if help.is_empty() {
        error_id.clone()
    } else {
        format!("{help_id} {error_id}")
    };
    let readonly = {
        let path = path.clone();
        move || desk.state.with(|s| s.readonly.iter().any(|f| **f == *path))
    };
    let text = {
        let path = path.clone();
        move || {
            desk.state.with(|s| {
                s.saved
                    .draft
                    .get(&path)
                    .map(|v| v.to_text())
                    .unwrap_or_default()
            })
        }
    };
    let write = move |value: FieldValue| desk.edit(&path, |d| d.set(&path, value));
    let on_text = {
        let write = write.clone();
        move |ev: web_sys::Event| write(FieldValue::Text(event_target_value(&ev)))
    };
    let checkbox = control == Control::Checkbox;
    let control = match control {
        // One <input> for text, email, url, number and checkbox: each distinct view costs wasm.
        Control::Input(..) | Control::Number | Control::Checkbox => {
            let (kind, autocomplete, inputmode) = match control {
                Control::Input(kind, autocomplete) => (kind, autocomplete, None),
                Control::Number => ("text", "off", Some("decimal")),
                _ => ("checkbox", "off", None),
            };
            let checked = {
                let text = text.clone();
                move || checkbox && text() == "true"
            };
            view! {
                <input id=id.clone() class=if checkbox { "kb-checkbox" } else { "kb-input" }
                    type=kind autocomplete=autocomplete inputmode=inputmode
                    required=required readonly=readonly aria-invalid=invalid
                    aria-describedby=describedby.clone()
                    prop:value=text prop:checked=checked
                    on:input=move |ev| {
                        if checkbox {
                            write(FieldValue::Bool(event_target_checked(&ev)));
                        } else {
                            write(FieldValue::Text(event_target_value(&ev)));
                        }
                    }/>
            }
            .into_any()
        }
        Control::TextArea => view! {
            <textarea id=id.clone() class="kb-input kb-textarea" rows="5" required=required
                aria-invalid=invalid aria-describedby=describedby.clone()
                prop:value=text on:input=on_text></textarea>
        }
        .into_any(),
        Control::Select(options) => {
            let options = options
                .into_iter()
                .map(|(value, label)| {
                    let text = text.clone();
                    view! { <option value=value.clone() selected=move || text() == value>{label}</option> }
                })
                .collect_view();
            view! {
                <select id=id.clone() class="kb-input" required=required aria-invalid=invalid
                    aria-describedby=describedby.clone() prop:value=text on:change=on_text>
                    <option value="">{t(msg::TICKET_CHOOSE)}</option>
                    {options}
                </select>
            }
            .into_any()
        }
    };
    let label = view! {
        <label for=id class="kb-label">
            {label}
            {required.then(|| view! { <span class="kb-required" aria-hidden="true">" *"</span> })}
        </label>
    };
    let help = (!help.is_empty()).then(|| view! { <p id=help_id class="kb-help">{help}</p> });
    let (before, after) = if checkbox {
        (control.into_any(), label.into_any())
    } else {
        (label.into_any(), control.into_any())
    };
    view! {
        <div class="kb-field" class:kb-field-check=checkbox>
            {before}
            {after}
            {help}
            <p id=error_id class="kb-field-error">
                {move || shown().first().map(error_text)}
            </p>
        </div>
    }
}
