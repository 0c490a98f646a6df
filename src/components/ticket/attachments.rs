//! The file picker of the ticket form, shown only when the server takes attachments: its limits
//! up front, the files attached (each removable), and why a file was not attached. The picker
//! stays while files come and go (it keeps the focus); a removed file's button hands the focus
//! to the next file's, or the last one's, or the picker.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{msg, t, tf};
use crate::ticket::TicketDesk;
use crate::ticket::files::{format_size, policy_text};
use crate::timer::Later;

/// The attachments field.
#[component]
pub fn Attachments() -> impl IntoView {
    let desk = TicketDesk::expect();
    desk.load_policy();
    let locale = desk.widget().locale;
    let policy = Memo::new(move |_| desk.state.with(|s| s.policy.clone()));
    let files_ref = NodeRef::<html::Ul>::new();
    let frame = Later::new();
    let remove = move |id: &str, index: u32| {
        desk.remove_file(id);
        frame.next_frame(move || focus_after_removal(files_ref, index));
    };
    let on_change = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = input
            .files()
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        // Cleared so picking the same file again (after removing it) fires `change` again.
        input.set_value("");
        desk.add_files(files);
    };
    move || {
        let policy = policy.get()?;
        let help = policy_text(&policy, &locale.get());
        let accept: Vec<String> = policy.extensions.iter().map(|e| format!(".{e}")).collect();
        let accept = accept.join(",");
        let list = move || {
            desk.state.with(|s| {
                s.saved
                    .files
                    .iter()
                    .zip(0..)
                    .map(|(f, index)| {
                        let id = f.id.clone();
                        let label = tf(msg::TICKET_FILE_REMOVE, &[("name", f.name.clone())]);
                        view! {
                            <li class="kb-file">
                                <span>{f.name.clone()}</span>
                                <span class="kb-muted">{format_size(f.size, &locale.get_untracked())}</span>
                                <button type="button" class="kb-icon-button kb-file-remove" aria-label=label
                                    on:click=move |_| remove(&id, index)>
                                    <span aria-hidden="true">"×"</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            })
        };
        Some(view! {
            <div class="kb-field">
                <label for="kb-f-files" class="kb-label">{t(msg::TICKET_FILES)}</label>
                <p id="kb-f-files-help" class="kb-help">{help}</p>
                <input id="kb-f-files" class="kb-file-input" type="file" multiple
                    accept=accept
                    aria-describedby="kb-f-files-help kb-f-files-error" on:change=on_change/>
                <ul class="kb-files" node_ref=files_ref>{list}</ul>
                <p class="kb-muted" role="status">
                    {move || (desk.state.with(|s| s.uploading) > 0).then(|| t(msg::TICKET_FILES_UPLOADING))}
                </p>
                <p id="kb-f-files-error" class="kb-field-error" role="alert">
                    {move || desk.state.with(|s| s.file_notice.clone())}
                </p>
            </div>
        })
    }
}

/// After the file at `index` was removed: focuses the remove button now at `index` (the next
/// file), or the last one, or the file picker when no file is left.
fn focus_after_removal(files: NodeRef<html::Ul>, index: u32) {
    let Some(list) = files.try_get_untracked().flatten() else {
        return;
    };
    let buttons = list.query_selector_all(".kb-file-remove").ok();
    let count = buttons.as_ref().map_or(0, |b| b.length());
    let target = buttons
        .and_then(|b| b.item(index.min(count.saturating_sub(1))))
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| {
            list.previous_element_sibling()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        });
    if let Some(el) = target {
        let _ = el.focus();
    }
}
