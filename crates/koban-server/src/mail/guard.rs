//! The loop guard: mail that a machine sent (an out-of-office, a bounce, a list) never becomes a
//! message and never triggers a mail, or two auto-responders would answer each other forever.
//!
//! It runs before routing, so an out-of-office sent to a stale address is dropped quietly
//! instead of bounced (a bounce to an auto-responder is one more loop). Signs, after RFC 3834
//! (`Auto-Submitted`) and the de facto headers of the common responders:
//! - the null envelope sender (empty `--sender`, `MAILER-DAEMON`) or `Return-Path: <>`;
//! - `Auto-Submitted` other than `no`;
//! - `Precedence: bulk`, `junk` or `list`;
//! - `X-Autoreply`, `X-Autorespond` or `List-Id`, whatever their value;
//! - a delivery report (`multipart/report`).

use mail_parser::{Message, MimeHeaders};

use super::parse::raw_values;

/// Whether a machine sent `message` (see the module doc); `envelope_sender` is `--sender`.
pub fn is_automatic(message: &Message<'_>, envelope_sender: Option<&str>) -> bool {
    if envelope_sender.is_some_and(is_null_sender) {
        return true;
    }
    let any = |name: &str, test: fn(&str) -> bool| raw_values(message, name).any(|v| test(&v));
    any("Return-Path", is_null_sender)
        || any("Auto-Submitted", |v| {
            !first_token(v).eq_ignore_ascii_case("no")
        })
        || any("Precedence", |v| {
            matches!(
                first_token(v).to_ascii_lowercase().as_str(),
                "bulk" | "junk" | "list"
            )
        })
        || ["X-Autoreply", "X-Autorespond", "List-Id"]
            .iter()
            .any(|name| raw_values(message, name).next().is_some())
        || message.is_content_type("multipart", "report")
}

/// An empty sender, `<>`, or the mailer daemon.
fn is_null_sender(s: &str) -> bool {
    let s = s
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim();
    s.is_empty()
        || s.eq_ignore_ascii_case("mailer-daemon")
        || s.to_ascii_lowercase().starts_with("mailer-daemon@")
}

/// A header value up to its parameters (`auto-replied; owner=…` → `auto-replied`).
fn first_token(v: &str) -> &str {
    v.split([';', '(']).next().unwrap_or("").trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::parse::parse;

    fn automatic(headers: &str, sender: Option<&str>) -> bool {
        let raw = format!("From: a@x.test\r\n{headers}Subject: s\r\n\r\nhi\r\n");
        is_automatic(&parse(raw.as_bytes()).unwrap(), sender)
    }

    #[test]
    fn machines_are_recognized() {
        assert!(!automatic("", Some("a@x.test")));
        assert!(!automatic("", None));
        assert!(!automatic("Auto-Submitted: no\r\n", None));
        assert!(!automatic("Auto-Submitted: No (a person)\r\n", None));
        assert!(!automatic("Precedence: first-class\r\n", None));
        assert!(!automatic("Return-Path: <a@x.test>\r\n", None));
        assert!(automatic("", Some("")));
        assert!(automatic("", Some("MAILER-DAEMON")));
        assert!(automatic("", Some("mailer-daemon@mail.test")));
        assert!(automatic("Return-Path: <>\r\n", Some("a@x.test")));
        assert!(automatic("Auto-Submitted: auto-replied\r\n", None));
        assert!(automatic(
            "auto-submitted: auto-generated; owner=x\r\n",
            None
        ));
        assert!(automatic("Precedence: BULK\r\n", None));
        assert!(automatic("Precedence: junk\r\n", None));
        assert!(automatic("Precedence: list\r\n", None));
        assert!(automatic("X-Autoreply: yes\r\n", None));
        assert!(automatic("X-Autorespond: on vacation\r\n", None));
        assert!(automatic("List-Id: <team.lists.x.test>\r\n", None));
        assert!(automatic(
            "Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n",
            None
        ));
    }
}
