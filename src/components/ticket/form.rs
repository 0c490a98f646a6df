//! The ticket form: core fields, the category's custom fields, the honeypot, and a preview of
//! what is sent along. Validation is koban-core's (the server's own rules): errors show next to
//! a field once it has been edited, and on every field after a submit.

use std::sync::Arc;

use koban_core::content::{CustomField, Site};
use koban_core::ticket::FieldKind;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::attachments::Attachments;
use super::field::{Control, FieldSpec, field};
use super::preview::Preview;
use crate::content::Loaded;
use crate::i18n::{msg, t};
use crate::ticket::{SendStatus, TicketDesk, refusal_message};
use crate::timer::Later;

/// The form.
#[component]
pub fn TicketForm(
    /// The loaded content (categories, custom fields, reply time).
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let desk = TicketDesk::expect();
    desk.mark_shown();
    let rules = Arc::new(loaded.bundle.site.ticket_rules());
    let form_ref = NodeRef::<html::Form>::new();
    let frame = Later::new();
    let on_submit = {
        let rules = rules.clone();
        move |ev: web_sys::SubmitEvent| {
            ev.prevent_default();
            if !desk.submit(&rules) {
                frame.next_frame(move || focus_first_invalid(form_ref));
            }
        }
    };
    let sending = move || desk.state.with(|s| s.status == SendStatus::Sending);
    let category = Memo::new(move |_| desk.state.with(|s| s.saved.draft.category.clone()));
    let core = core_fields(&loaded.bundle.site)
        .into_iter()
        .map(|spec| field(desk, spec, rules.clone()))
        .collect_view();
    let custom = {
        let loaded = loaded.clone();
        move || {
            let id = category.get();
            let category = loaded.bundle.site.categories.iter().find(|c| c.id == id)?;
            Some(
                category
                    .fields
                    .iter()
                    .map(|f| field(desk, custom_field(f), rules.clone()))
                    .collect_view(),
            )
        }
    };
    let honeypot = move |ev: web_sys::Event| {
        let value = event_target_value(&ev);
        desk.edit("website", |d| d.website = value);
    };
    view! {
        <form node_ref=form_ref class="kb-ticket-form" novalidate on:submit=on_submit
            aria-labelledby="kb-ticket-title">
            <h3 id="kb-ticket-title" class="kb-view-title" tabindex="-1">{t(msg::TICKET_TITLE)}</h3>
            <p class="kb-muted">{loaded.bundle.site.support.reply_time.clone()}</p>
            <p class="kb-muted">{t(msg::TICKET_REQUIRED_NOTE)}</p>
            {core}
            {custom}
            <Attachments/>
            // Honeypot: invisible to people and skipped by keyboard and screen readers; bots that
            // fill in every field give themselves away (checked on the server).
            <div class="kb-hp" aria-hidden="true">
                <label for="kb-f-website">"Website"</label>
                <input id="kb-f-website" name="website" type="text" tabindex="-1" autocomplete="off"
                    on:input=honeypot/>
            </div>
            <Preview/>
            {move || desk.state.with(|s| s.notice).map(|n| view! { <p class="kb-form-error" role="alert">{t(refusal_message(n))}</p> })}
            <div class="kb-actions">
                <button type="submit" class="kb-button kb-primary" aria-disabled=move || sending().then_some("true")>
                    {move || if sending() { t(msg::TICKET_SENDING) } else { t(msg::TICKET_SEND) }}
                </button>
                <button type="button" class="kb-button" on:click=move |_| desk.discard()
                    disabled=sending>
                    {t(msg::TICKET_DISCARD)}
                </button>
            </div>
        </form>
    }
}

/// The spec of one of a category's custom fields.
fn custom_field(f: &CustomField) -> FieldSpec {
    let control = match f.kind {
        FieldKind::Text => Control::Input("text", "off"),
        FieldKind::Textarea => Control::TextArea,
        FieldKind::Url => Control::Input("url", "url"),
        FieldKind::Number => Control::Number,
        FieldKind::Checkbox => Control::Checkbox,
        FieldKind::Select => Control::Select(
            f.options
                .iter()
                .map(|o| (o.value.clone(), o.label.clone()))
                .collect(),
        ),
    };
    FieldSpec {
        path: format!("fields.{}", f.id),
        label: f.label.clone(),
        help: f.help.clone(),
        required: f.required,
        control,
    }
}

/// Name, email, category, subject, description.
fn core_fields(site: &Site) -> Vec<FieldSpec> {
    let spec = |path: &str, label, required, control| FieldSpec {
        path: path.into(),
        label: t(label),
        help: String::new(),
        required,
        control,
    };
    let categories = site
        .categories
        .iter()
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    vec![
        spec(
            "name",
            msg::TICKET_NAME,
            false,
            Control::Input("text", "name"),
        ),
        spec(
            "email",
            msg::TICKET_EMAIL,
            true,
            Control::Input("email", "email"),
        ),
        spec(
            "category",
            msg::TICKET_CATEGORY,
            true,
            Control::Select(categories),
        ),
        spec(
            "subject",
            msg::TICKET_SUBJECT,
            true,
            Control::Input("text", "off"),
        ),
        spec(
            "description",
            msg::TICKET_DESCRIPTION,
            true,
            Control::TextArea,
        ),
    ]
}

/// Moves focus to the first field marked invalid (run once the errors are rendered).
fn focus_first_invalid(form: NodeRef<html::Form>) {
    let first = form
        .try_get_untracked()
        .flatten()
        .and_then(|f| f.query_selector("[aria-invalid='true']").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = first {
        let _ = el.focus();
    }
}
