//! The ticket desk: the one ticket the user is writing or sending, shared by the form, the home
//! view and the JS API (`prefill`, `identify`, `open('ticket')`).
//!
//! The logic of "never lose, never duplicate" is koban-core's ([`koban_core::ticket::outbox`]);
//! this module wires it to the browser: local storage ([`storage`]), timers, `online` and the
//! API client ([`send`]).
//!
//! ```ignore
//! let desk = expect_context::<TicketDesk>();
//! desk.edit("subject", |d| d.subject = "Node offline".into());
//! desk.submit(&rules);           // validates, freezes the request, sends it exactly once
//! ```

pub mod send;
pub mod storage;

use koban_core::ticket::outbox::{Rejection, SavedTicket};
use koban_core::ticket::{FieldErrors, TicketContext, TicketDraft, TicketRules, validate};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::state::WidgetState;
use storage::DraftStore;

/// Where the ticket is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendStatus {
    /// The form is shown (possibly with errors).
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

/// The ticket state of one widget, provided as context. `Copy`.
#[derive(Clone, Copy)]
pub struct TicketDesk {
    /// The ticket as typed and, once submitted, its frozen request.
    pub saved: RwSignal<SavedTicket>,
    /// Where the ticket is.
    pub status: RwSignal<SendStatus>,
    /// Per-field errors from the server's last 422; a field's errors go when it is edited.
    pub server_errors: RwSignal<FieldErrors>,
    /// A form-level message id (`ticket-error-too-fast`, ...), shown above the send button.
    pub notice: RwSignal<Option<&'static str>>,
    /// Whether every field's errors are shown (after a submit), not just the touched ones.
    pub show_all_errors: RwSignal<bool>,
    /// Fields the user has edited (their errors show as they type).
    pub touched: RwSignal<Vec<String>>,
    /// Fields that came from `identify` and cannot be edited.
    pub readonly: RwSignal<Vec<&'static str>>,
    /// The signed-in user, from `identify`.
    pub identity: RwSignal<Identity>,
    store: StoredValue<DraftStore>,
    save_timer: StoredValue<Option<TimeoutHandle>>,
    sending: StoredValue<bool>,
    widget: WidgetState,
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

impl TicketDesk {
    /// The desk of `widget`, with the ticket saved by an earlier page (if any) restored.
    pub fn new(widget: WidgetState, api_base: &str) -> Self {
        let store = DraftStore::new(api_base);
        let saved = store
            .load()
            .unwrap_or_else(|| SavedTicket::started_at(now_ms()));
        Self {
            saved: RwSignal::new(saved),
            status: RwSignal::new(SendStatus::Editing),
            server_errors: RwSignal::new(FieldErrors::default()),
            notice: RwSignal::new(None),
            show_all_errors: RwSignal::new(false),
            touched: RwSignal::new(Vec::new()),
            readonly: RwSignal::new(Vec::new()),
            identity: RwSignal::new(Identity::default()),
            store: StoredValue::new(store),
            save_timer: StoredValue::new(None),
            sending: StoredValue::new(false),
            widget,
        }
    }

    /// Sends a ticket an earlier page left in the outbox (call once the view is mounted: sending
    /// needs the async executor that mounting sets up).
    pub fn resume(&self) {
        send::deliver(*self);
    }

    /// The widget this desk belongs to.
    pub fn widget(&self) -> WidgetState {
        self.widget
    }

    /// Called when the form is shown: an untouched ticket starts its fill-time clock now.
    pub fn mark_shown(&self) {
        if self.saved.with_untracked(SavedTicket::is_blank) {
            self.saved.update(|s| s.started_ms = now_ms());
        }
    }

    /// Applies one edit of `field` (a JSON path such as `subject` or `fields.os`) and saves the
    /// draft within 300 ms.
    pub fn edit(&self, field: &str, change: impl FnOnce(&mut TicketDraft)) {
        self.saved.update(|s| change(&mut s.draft));
        self.server_errors
            .update(|e| e.0.retain(|x| x.field != field));
        self.notice.set(None);
        if !self
            .touched
            .with_untracked(|t| t.iter().any(|f| f == field))
        {
            self.touched.update(|t| t.push(field.to_string()));
        }
        self.schedule_save();
    }

    /// Removes the flow transcript from what will be sent (or puts it back).
    pub fn set_transcript_removed(&self, removed: bool) {
        self.saved.update(|s| s.transcript_removed = removed);
        self.save_now();
    }

    fn schedule_save(&self) {
        if let Some(h) = self.save_timer.get_value() {
            h.clear();
        }
        let desk = *self;
        let handle = set_timeout_with_handle(
            move || desk.save_now(),
            std::time::Duration::from_millis(300),
        )
        .ok();
        self.save_timer.set_value(handle);
    }

    /// Writes the ticket to storage now (also on `pagehide`, so a closing tab loses nothing).
    pub fn save_now(&self) {
        if let Some(h) = self.save_timer.get_value() {
            h.clear();
            self.save_timer.set_value(None);
        }
        self.saved
            .with_untracked(|s| self.store.with_value(|store| store.save(s)));
    }

    /// `Koban('prefill', {...})`, a no-results search or a flow: fills the fields still empty.
    pub fn prefill(&self, prefill: &TicketDraft) {
        self.saved.update(|s| s.draft.prefill(prefill));
        self.save_now();
    }

    /// `Koban('identify', {...})`: name and email become read-only, the token and user id go
    /// with the ticket.
    pub fn identify(&self, name: Option<String>, email: Option<String>, identity: Identity) {
        let mut readonly = Vec::new();
        self.saved.update(|s| {
            if let Some(name) = name.filter(|n| !n.trim().is_empty()) {
                s.draft.name = name;
                readonly.push("name");
            }
            if let Some(email) = email.filter(|e| !e.trim().is_empty()) {
                s.draft.email = email;
                readonly.push("email");
            }
        });
        self.readonly.set(readonly);
        self.identity.set(identity);
        self.save_now();
    }

    /// The errors of the form as typed, by koban-core's validation (the server's rules).
    pub fn local_errors(&self, rules: &TicketRules) -> FieldErrors {
        self.saved.with(|s| match validate(&s.draft, rules) {
            Ok(()) => FieldErrors::default(),
            Err(e) => e,
        })
    }

    /// Submits: with local errors, shows them all and returns `false`; otherwise freezes the
    /// request (key and body, saved before anything is sent) and starts sending.
    pub fn submit(&self, rules: &TicketRules) -> bool {
        if self.sending.get_value() || self.saved.with_untracked(|s| s.outbox.is_some()) {
            send::deliver(*self);
            return true;
        }
        self.show_all_errors.set(true);
        if !self.local_errors(rules).0.is_empty() {
            return false;
        }
        let context = self.context();
        let token = self.identity.with_untracked(|i| i.token.clone());
        let key = send::new_key();
        self.saved
            .update(|s| s.freeze(key, context, token, now_ms()));
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
        let mut context = self.widget.host_context.get_value();
        if let Some(id) = self.identity.with_untracked(|i| i.user_id.clone()) {
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
        self.saved.update(SavedTicket::unfreeze);
        self.status.set(SendStatus::Editing);
        self.save_now();
    }

    /// Throws the draft away (the user asked to).
    pub fn discard(&self) {
        self.store.with_value(DraftStore::remove);
        self.reset();
        self.saved.update(|s| {
            let (name, email) = (s.draft.name.clone(), s.draft.email.clone());
            *s = SavedTicket::started_at(now_ms());
            // Identified name and email stay: they are not the user's typing.
            if self.readonly.with_untracked(|r| r.contains(&"name")) {
                s.draft.name = name;
            }
            if self.readonly.with_untracked(|r| r.contains(&"email")) {
                s.draft.email = email;
            }
        });
    }

    fn reset(&self) {
        self.server_errors.set(FieldErrors::default());
        self.notice.set(None);
        self.show_all_errors.set(false);
        self.touched.set(Vec::new());
    }

    /// The server has the ticket: forget the draft, show the reference, tell the host.
    fn finish(&self, reference: String) {
        self.discard();
        self.status.set(SendStatus::Sent(reference.clone()));
        self.widget
            .emit_with("ticketCreated", &[("reference", reference.into())]);
    }

    /// Parked until the browser is back online.
    fn park(&self) {
        self.status.set(SendStatus::Queued);
        let subject = self.saved.with_untracked(|s| s.draft.subject.clone());
        self.widget
            .emit_with("ticketQueued", &[("subject", subject.into())]);
    }

    /// The server refused the request (a final 4xx): back to the form, errors on their fields.
    fn refused(&self, status: u16, rejection: Rejection) {
        self.saved.update(SavedTicket::unfreeze);
        self.save_now();
        self.status.set(SendStatus::Editing);
        let notice = match (status, rejection.code.as_str()) {
            (_, "validation_failed") => "ticket-error-fields",
            (_, "too_fast") => "ticket-error-too-fast",
            (413, _) => "ticket-error-too-large",
            (_, "spam_suspected") => "ticket-error-rejected",
            _ => "error-server",
        };
        self.show_all_errors.set(true);
        self.server_errors.set(FieldErrors(rejection.errors));
        self.notice.set(Some(notice));
        let code = if rejection.code.is_empty() {
            format!("http_{status}")
        } else {
            rejection.code
        };
        self.widget.emit_with(
            "error",
            &[
                ("code", JsValue::from_str(&code)),
                ("message", JsValue::from_str(crate::i18n::t(notice))),
            ],
        );
    }

    /// Back to an empty form after the success view.
    pub fn start_over(&self) {
        self.status.set(SendStatus::Editing);
    }
}
