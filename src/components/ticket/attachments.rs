//! The file picker of the ticket form, shown only when the server takes attachments: its limits
//! up front, the files attached (each removable), and why a file was not attached.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{msg, t, tf};
use crate::ticket::TicketDesk;
use crate::ticket::files::{format_size, policy_text};

/// The attachments field.
#[component]
pub fn Attachments() -> impl IntoView {
    let desk = expect_context::<TicketDesk>();
    desk.load_policy();
    let locale = desk.widget().locale;
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
        let policy = desk.state.with(|s| s.policy.clone())?;
        let help = policy_text(&policy, &locale.get());
        let accept: Vec<String> = policy.extensions.iter().map(|e| format!(".{e}")).collect();
        let accept = accept.join(",");
        let list = move || {
            desk.state.with(|s| {
                s.saved
                    .files
                    .iter()
                    .map(|f| {
                        let id = f.id.clone();
                        let label = tf(msg::TICKET_FILE_REMOVE, &[("name", f.name.clone())]);
                        view! {
                            <li class="kb-file">
                                <span>{f.name.clone()}</span>
                                <span class="kb-muted">{format_size(f.size, &locale.get_untracked())}</span>
                                <button type="button" class="kb-icon-button kb-file-remove" aria-label=label
                                    on:click=move |_| desk.remove_file(&id)>
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
                <ul class="kb-files">{list}</ul>
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
