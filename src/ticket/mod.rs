//! The ticket desk: the one ticket the user is writing or sending, shared by the form, the home
//! view and the JS API (`prefill`, `identify`, `open('ticket')`).
//!
//! The logic of "never lose, never duplicate" is koban-core's ([`koban_core::ticket::outbox`]);
//! this module wires it to the browser: local storage ([`storage`]), timers, `online` and the
//! API client ([`send`]).
//!
//! ```ignore
//! let desk = TicketDesk::expect();
//! desk.edit("subject", |d| d.subject = "Node offline".into());
//! desk.submit(&rules);           // validates, freezes the request, sends it exactly once
//! ```

pub mod files;
pub mod send;
pub mod storage;

use koban_core::problem::ProblemDetails;
use koban_core::ticket::files::{AttachmentPolicy, check_file};
use koban_core::ticket::form::{FormErrors, Refusal};
use koban_core::ticket::outbox::SavedTicket;
use koban_core::ticket::{
    FieldError, FieldErrors, TicketContext, TicketDraft, TicketRules, validate,
};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::conversation::Conversations;
use crate::i18n::{Msg, msg};
use crate::state::WidgetState;
use crate::storage::now_ms;
use storage::DraftStore;

/// Where the ticket is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum SendStatus {
    /// The form is shown (possibly with errors).
    #[default]
    Editing,
    /// A request is out, or a retry is scheduled.
    Sending,
    /// Parked in the outbox until the browser is back online (or the next page load).
    Queued,
    /// Accepted by the server, with this reference.
    Sent(String),
}

/// What `Koban('identify', {...})` told the widget about the signed-in user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    /// The platform's user id, sent in the ticket's page context.
    pub user_id: Option<String>,
    /// The identity token (a JWT from the platform's backend) the server verifies.
    pub token: Option<String>,
}

/// Everything the ticket views read. One signal rather than one per part: every distinct signal
/// type costs wasm, and a form this size re-renders nothing it does not need to anyway.
#[derive(Debug, Clone, Default)]
pub struct DeskState {
    /// The ticket as typed and, once submitted, its frozen request.
    pub saved: SavedTicket,
    /// Where the ticket is.
    pub status: SendStatus,
    /// Which field errors show (koban-core's [`FormErrors`]).
    pub errors: FormErrors,
    /// Why the server refused the ticket, shown above the send button.
    pub notice: Option<Refusal>,
    /// Fields that came from `identify` and cannot be edited.
    pub readonly: Vec<&'static str>,
    /// The signed-in user, from `identify`.
    pub identity: Identity,
    /// What files the server takes (`None`: no attachments, or not known yet).
    pub policy: Option<AttachmentPolicy>,
    /// Files being uploaded now.
    pub uploading: u32,
    /// Why the last file(s) could not be attached, localized.
    pub file_notice: Option<String>,
}

impl DeskState {
    /// The errors to show for `path` now under `rules` ([`FormErrors::for_field`]).
    pub fn errors_for(&self, path: &str, rules: &TicketRules) -> Vec<FieldError> {
        self.errors.for_field(&self.saved.draft, rules, path)
    }
}

/// What the views never read.
struct Inner {
    store: DraftStore,
    save_timer: Option<TimeoutHandle>,
    sending: bool,
    policy_requested: bool,
    host_context: serde_json::Map<String, serde_json::Value>,
}

/// The ticket state of one widget, provided as context. `Copy`.
#[derive(Clone, Copy)]
pub struct TicketDesk {
    /// What the views read.
    pub state: RwSignal<DeskState>,
    inner: StoredValue<Inner>,
    widget: WidgetState,
    talks: Conversations,
}

impl TicketDesk {
    /// The desk of `widget`, with the ticket saved by an earlier page (if any) restored.
    pub fn new(widget: WidgetState, api_base: &str, talks: Conversations) -> Self {
        let store = DraftStore::new(api_base);
        let saved = store
            .load()
            .unwrap_or_else(|| SavedTicket::started_at(now_ms()));
        Self {
            state: RwSignal::new(DeskState {
                saved,
                ..Default::default()
            }),
            inner: StoredValue::new(Inner {
                store,
                save_timer: None,
                sending: false,
                policy_requested: false,
                host_context: serde_json::Map::new(),
            }),
            widget,
            talks,
        }
    }

    /// The ticket desk, from context.
    pub fn expect() -> Self {
        expect_context()
    }

    /// The widget this desk belongs to.
    pub fn widget(&self) -> WidgetState {
        self.widget
    }

    /// The host's last `setContext` object, sent along with the ticket.
    pub fn set_host_context(&self, context: serde_json::Map<String, serde_json::Value>) {
        self.inner.update_value(|i| i.host_context = context);
    }

    /// Whether a send loop runs.
    pub(crate) fn sending(&self) -> bool {
        self.inner.with_value(|i| i.sending)
    }

    pub(crate) fn set_sending(&self, sending: bool) {
        self.inner.update_value(|i| i.sending = sending);
    }

    /// Called when the form is shown: an untouched ticket starts its fill-time clock now.
    pub fn mark_shown(&self) {
        if self.state.with_untracked(|s| s.saved.is_blank()) {
            self.state.update(|s| s.saved.started_ms = now_ms());
        }
    }

    /// Applies one edit of `field` (a JSON path such as `subject` or `fields.os`) and saves the
    /// draft within 300 ms.
    pub fn edit(&self, field: &str, change: impl FnOnce(&mut TicketDraft)) {
        self.state.update(|s| {
            change(&mut s.saved.draft);
            s.errors.edited(field);
            s.notice = None;
        });
        self.schedule_save();
    }

    /// Fetches the server's attachment policy once (the form shows the file picker when there
    /// is one).
    pub fn load_policy(&self) {
        if self.inner.with_value(|i| i.policy_requested) {
            return;
        }
        self.inner.update_value(|i| i.policy_requested = true);
        let desk = *self;
        let api = self.widget.api.get_value();
        leptos::task::spawn_local(async move {
            match api.attachment_policy().await {
                Ok(policy) => desk.state.update(|s| s.policy = policy),
                // Asked again next time the form opens.
                Err(_) => desk.inner.update_value(|i| i.policy_requested = false),
            }
        });
    }

    /// Checks and uploads the files the user picked; problems are shown, not thrown.
    pub fn add_files(&self, files: Vec<web_sys::File>) {
        let Some(policy) = self.state.with_untracked(|s| s.policy.clone()) else {
            return;
        };
        let locale = self.widget.locale.get_untracked();
        let mut problems = Vec::new();
        let mut accepted = Vec::new();
        let mut count = self
            .state
            .with_untracked(|s| s.saved.files.len() + s.uploading as usize);
        for file in files {
            let name = file.name();
            match check_file(&policy, &name, file.size() as u64, count) {
                Ok(()) => {
                    count += 1;
                    accepted.push(file);
                }
                Err(problem) => {
                    problems.push(files::problem_text(problem, &name, &policy, &locale))
                }
            }
        }
        self.state.update(|s| {
            s.file_notice = (!problems.is_empty()).then(|| problems.join(" "));
            s.uploading += accepted.len() as u32;
        });
        let api = self.widget.api.get_value();
        for file in accepted {
            let desk = *self;
            let api = api.clone();
            let policy = policy.clone();
            let locale = locale.clone();
            leptos::task::spawn_local(async move {
                let result = api.upload(&file).await;
                desk.state.update(|s| {
                    s.uploading = s.uploading.saturating_sub(1);
                    match result {
                        Ok(saved) => s.saved.files.push(saved),
                        Err(e) => {
                            let text = files::upload_error_text(&e, &file.name(), &policy, &locale);
                            s.file_notice = Some(match s.file_notice.take() {
                                Some(before) => format!("{before} {text}"),
                                None => text,
                            });
                        }
                    }
                });
                desk.save_now();
            });
        }
    }

    /// Removes an attached file from the ticket.
    pub fn remove_file(&self, id: &str) {
        self.state.update(|s| {
            s.saved.files.retain(|f| f.id != id);
            s.file_notice = None;
        });
        self.save_now();
    }

    /// Removes the flow transcript from what will be sent (or puts it back).
    pub fn set_transcript_removed(&self, removed: bool) {
        self.state.update(|s| s.saved.transcript_removed = removed);
        self.save_now();
    }

    fn schedule_save(&self) {
        let desk = *self;
        let handle = set_timeout_with_handle(
            move || desk.save_now(),
            std::time::Duration::from_millis(300),
        )
        .ok();
        self.inner.update_value(|i| {
            if let Some(h) = std::mem::replace(&mut i.save_timer, handle) {
                h.clear();
            }
        });
    }

    /// Writes the ticket to storage now (also on `pagehide`, so a closing tab loses nothing).
    pub fn save_now(&self) {
        self.inner.update_value(|i| {
            if let Some(h) = i.save_timer.take() {
                h.clear();
            }
            self.state.with_untracked(|s| i.store.save(&s.saved));
        });
    }

    /// `Koban('prefill', {...})`, a no-results search or a flow: fills the fields still empty.
    pub fn prefill(&self, prefill: &TicketDraft) {
        self.state.update(|s| s.saved.draft.prefill(prefill));
        self.save_now();
    }

    /// `Koban('identify', {...})`: name and email become read-only, the token and user id go
    /// with the ticket.
    pub fn identify(&self, name: Option<String>, email: Option<String>, identity: Identity) {
        // The identity token also lists the user's requests from any device.
        self.talks.identity.set(identity.token.clone());
        self.state.update(|s| {
            s.readonly.clear();
            if let Some(name) = name.filter(|n| !n.trim().is_empty()) {
                s.saved.draft.name = name;
                s.readonly.push("name");
            }
            if let Some(email) = email.filter(|e| !e.trim().is_empty()) {
                s.saved.draft.email = email;
                s.readonly.push("email");
            }
            s.identity = identity;
        });
        self.save_now();
    }

    /// Submits: with errors under `rules`, shows them all and returns `false`; otherwise freezes
    /// the request (key and body, saved before anything is sent) and starts sending.
    pub fn submit(&self, rules: &TicketRules) -> bool {
        if self.sending() || self.state.with_untracked(|s| s.saved.outbox.is_some()) {
            send::deliver(*self);
            return true;
        }
        let valid = self
            .state
            .with_untracked(|s| validate(&s.saved.draft, rules).is_ok());
        self.state.update(|s| s.errors.show_all = true);
        if !valid {
            return false;
        }
        let context = self.context();
        let key = send::new_key();
        self.state.update(|s| {
            let token = s.identity.token.clone();
            s.saved.freeze(key, context, token, now_ms());
        });
        self.save_now();
        send::deliver(*self);
        true
    }

    /// What goes with the ticket: route, the host's context object, locale, version, browser.
    pub fn context(&self) -> TicketContext {
        let window = web_sys::window();
        let route = window
            .as_ref()
            .map(|w| w.location())
            .map(|l| l.pathname().unwrap_or_default() + &l.search().unwrap_or_default())
            .unwrap_or_default();
        let mut context = self.inner.with_value(|i| i.host_context.clone());
        if let Some(id) = self.state.with_untracked(|s| s.identity.user_id.clone()) {
            context.insert("userId".into(), id.into());
        }
        TicketContext {
            route,
            context,
            locale: self.widget.locale.get_untracked(),
            widget_version: koban_core::version::VERSION.into(),
            user_agent: window
                .and_then(|w| w.navigator().user_agent().ok())
                .unwrap_or_default(),
            transcript: None,
        }
    }

    /// Takes the ticket out of the outbox; the form comes back exactly as typed.
    pub fn cancel(&self) {
        self.state.update(|s| {
            s.saved.unfreeze();
            s.status = SendStatus::Editing;
        });
        self.save_now();
    }

    /// Throws the draft away (the user asked to). Identified name and email stay: they are not
    /// the user's typing.
    pub fn discard(&self) {
        self.inner.with_value(|i| i.store.remove());
        self.state.update(|s| {
            let mut fresh = SavedTicket::started_at(now_ms());
            if s.readonly.contains(&"name") {
                fresh.draft.name = std::mem::take(&mut s.saved.draft.name);
            }
            if s.readonly.contains(&"email") {
                fresh.draft.email = std::mem::take(&mut s.saved.draft.email);
            }
            s.saved = fresh;
            s.errors = FormErrors::default();
            s.notice = None;
            s.file_notice = None;
        });
    }

    /// Sets where the ticket is.
    pub(crate) fn set_status(&self, status: SendStatus) {
        self.state.update(|s| s.status = status);
    }

    /// The server has the ticket: forget the draft, show the reference, tell the host.
    fn finish(&self, reference: String, token: &str) {
        self.talks.follow(&reference, token);
        self.discard();
        self.set_status(SendStatus::Sent(reference.clone()));
        self.widget
            .emit_with("ticketCreated", &[("reference", reference.into())]);
    }

    /// Parked until the browser is back online.
    fn park(&self) {
        self.set_status(SendStatus::Queued);
        let subject = self.state.with_untracked(|s| s.saved.draft.subject.clone());
        self.widget
            .emit_with("ticketQueued", &[("subject", subject.into())]);
    }

    /// The server refused the request (a final 4xx): back to the form, errors on their fields.
    fn refused(&self, status: u16, problem: Option<ProblemDetails>) {
        let (code, errors) = match problem {
            Some(p) => (p.code, p.errors.unwrap_or_default()),
            None => (String::new(), Vec::new()),
        };
        let notice = Refusal::of(status, &code);
        let code = Refusal::event_code(status, &code);
        self.state.update(|s| {
            s.saved.unfreeze();
            s.status = SendStatus::Editing;
            s.errors.submitted(FieldErrors(errors));
            s.notice = Some(notice);
        });
        self.save_now();
        self.widget.emit_with(
            "error",
            &[
                ("code", JsValue::from_str(&code)),
                (
                    "message",
                    JsValue::from_str(&crate::i18n::t(refusal_message(notice))),
                ),
            ],
        );
    }

    /// Back to an empty form after the success view.
    pub fn start_over(&self) {
        self.set_status(SendStatus::Editing);
    }
}

/// The message of what a refused ticket tells the user.
pub fn refusal_message(refusal: Refusal) -> Msg {
    match refusal {
        Refusal::Fields => msg::TICKET_ERROR_FIELDS,
        Refusal::TooFast => msg::TICKET_ERROR_TOO_FAST,
        Refusal::TooLarge => msg::TICKET_ERROR_TOO_LARGE,
        Refusal::Rejected => msg::TICKET_ERROR_REJECTED,
        Refusal::Server => msg::ERROR_SERVER,
    }
}
