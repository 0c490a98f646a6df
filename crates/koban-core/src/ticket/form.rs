//! What the widget's ticket form shows of errors: which field errors are due now
//! ([`FormErrors`]), and what a refused request means for the user ([`Refusal`]).
//!
//! ```
//! use koban_core::ticket::form::{FormErrors, Refusal};
//! use koban_core::ticket::{TicketDraft, TicketRules};
//! let (draft, rules) = (TicketDraft::default(), TicketRules::default());
//! let mut errors = FormErrors::default();
//! assert!(errors.for_field(&draft, &rules, "subject").is_empty(), "not before an edit or a submit");
//! errors.edited("subject");
//! assert!(!errors.for_field(&draft, &rules, "subject").is_empty(), "required, once edited");
//! assert_eq!(Refusal::of(429, "too_fast"), Refusal::TooFast);
//! ```

use super::{FieldError, FieldErrors, TicketDraft, TicketRules, validate};

/// The error state of the ticket form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormErrors {
    /// Per-field errors from the server's last 422; a field's errors go when it is edited.
    pub server: FieldErrors,
    /// Whether every field's errors are shown (after a submit), not just the edited ones.
    pub show_all: bool,
    /// Fields the user has edited (their errors show as they type).
    pub touched: Vec<String>,
}

impl FormErrors {
    /// The errors to show for `path` now under `rules`: the validation of `draft` as typed plus
    /// the server's, once the field was edited or a submit was tried.
    pub fn for_field(
        &self,
        draft: &TicketDraft,
        rules: &TicketRules,
        path: &str,
    ) -> Vec<FieldError> {
        if !self.show_all && !self.touched.iter().any(|f| f == path) {
            return Vec::new();
        }
        let mut errors: Vec<FieldError> = match validate(draft, rules) {
            Ok(()) => Vec::new(),
            Err(e) => e.0.into_iter().filter(|e| e.field == path).collect(),
        };
        errors.extend(self.server.for_field(path).cloned());
        errors
    }

    /// `field` was edited: the server's errors for it go, and its own show from now on.
    pub fn edited(&mut self, field: &str) {
        self.server.0.retain(|x| x.field != field);
        if !self.touched.iter().any(|f| f == field) {
            self.touched.push(field.to_string());
        }
    }

    /// A submit was tried: every field's errors show, with the server's `server` (if any).
    pub fn submitted(&mut self, server: FieldErrors) {
        self.show_all = true;
        self.server = server;
    }
}

/// What a refused ticket request (a final 4xx) tells the user, above the send button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Some fields are wrong (`validation_failed`): their errors show on them.
    Fields,
    /// Sent faster than a person types (`too_fast`).
    TooFast,
    /// The request is too large (413).
    TooLarge,
    /// Taken for spam (`spam_suspected`).
    Rejected,
    /// Anything else: the server had a problem.
    Server,
}

impl Refusal {
    /// The refusal of a response with HTTP `status` and problem `code` (empty when the body was
    /// no problem details).
    pub fn of(status: u16, code: &str) -> Refusal {
        match (status, code) {
            (_, "validation_failed") => Refusal::Fields,
            (_, "too_fast") => Refusal::TooFast,
            (413, _) => Refusal::TooLarge,
            (_, "spam_suspected") => Refusal::Rejected,
            _ => Refusal::Server,
        }
    }

    /// The `code` of the widget's `error` event for such a response: the problem's code, or
    /// `http_<status>` when the body had none.
    pub fn event_code(status: u16, code: &str) -> String {
        if code.is_empty() {
            format!("http_{status}")
        } else {
            code.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ticket::ErrorCode;

    fn server_error(field: &str) -> FieldError {
        FieldError {
            field: field.into(),
            code: ErrorCode::UnknownAttachment,
            max: None,
        }
    }

    #[test]
    fn errors_show_once_a_field_is_edited_or_a_submit_was_tried() {
        let rules = TicketRules::default();
        let mut draft = TicketDraft::default();
        let mut errors = FormErrors::default();
        assert_eq!(errors.for_field(&draft, &rules, "email"), vec![]);
        errors.edited("email");
        errors.edited("email");
        assert_eq!(errors.touched, vec!["email".to_string()]);
        let shown = errors.for_field(&draft, &rules, "email");
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].code, ErrorCode::Required);
        assert_eq!(
            errors.for_field(&draft, &rules, "subject"),
            vec![],
            "not edited yet"
        );
        draft.email = "not an address".into();
        assert_eq!(
            errors.for_field(&draft, &rules, "email")[0].code,
            ErrorCode::InvalidEmail
        );
        errors.submitted(FieldErrors::default());
        assert_eq!(
            errors.for_field(&draft, &rules, "subject")[0].code,
            ErrorCode::Required
        );
    }

    #[test]
    fn the_servers_errors_show_until_their_field_is_edited() {
        let rules = TicketRules::default();
        let draft = TicketDraft {
            name: "Ada".into(),
            ..Default::default()
        };
        let mut errors = FormErrors::default();
        errors.submitted(FieldErrors(vec![
            server_error("name"),
            server_error("files"),
        ]));
        assert_eq!(
            errors.for_field(&draft, &rules, "name"),
            vec![server_error("name")]
        );
        errors.edited("name");
        assert_eq!(errors.for_field(&draft, &rules, "name"), vec![]);
        assert_eq!(errors.server, FieldErrors(vec![server_error("files")]));
    }

    #[test]
    fn refusals_map_to_what_the_user_is_told() {
        assert_eq!(Refusal::of(422, "validation_failed"), Refusal::Fields);
        assert_eq!(Refusal::of(429, "too_fast"), Refusal::TooFast);
        assert_eq!(Refusal::of(413, ""), Refusal::TooLarge);
        assert_eq!(
            Refusal::of(413, "too_fast"),
            Refusal::TooFast,
            "the code comes first"
        );
        assert_eq!(Refusal::of(422, "spam_suspected"), Refusal::Rejected);
        assert_eq!(Refusal::of(400, "bad_json"), Refusal::Server);
        assert_eq!(Refusal::of(404, ""), Refusal::Server);
        assert_eq!(Refusal::event_code(404, ""), "http_404");
        assert_eq!(Refusal::event_code(429, "too_fast"), "too_fast");
    }
}
