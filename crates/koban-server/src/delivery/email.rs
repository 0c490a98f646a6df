//! Ticket emails over SMTP (lettre): `text/plain; charset=utf-8`, never HTML, so nothing in a
//! ticket can become markup or a link the mail client renders on its own. One email per new
//! ticket, per follow-up (`Re: [KB-…] <subject>`, the message) and per new or changed rating
//! (`[KB-…] Rated good: <subject>`, the comment), each to `smtp_to`.
//!
//! - `From`: `smtp_from`; `To`: `smtp_to`; `Reply-To`: with replies by email on
//!   (`reply_domain`, see [`crate::mail`]), the ticket's reply address, so an agent answering
//!   from their mail client answers through Koban (the thread, the requester's email); otherwise
//!   the submitter (when lettre accepts the address), so answering the email answers the user.
//! - `Subject`: `[KB-7F3K-92QD] <subject>` with control characters (header injection) removed;
//!   lettre encodes non-ASCII per RFC 2047.
//! - `Message-ID`: `<obx_…@koban>`, the outbox row id, stable across retries.
//!
//! `smtp_url` is `smtp://host:port` (plain, e.g. a local relay or test sink),
//! `smtp://host:587?tls=required` (STARTTLS) or `smtps://user:pass@host:465` (implicit TLS).
//! The SMTP server accepting the message (2xx after `DATA`) counts as delivered.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use serde_json::Value;

use super::{DeliveryError, EmailTarget};
use crate::mail::MailConfig;
use crate::store::outbox::{OutboxEvent, OutboxItem};
use crate::store::tickets::TicketRecord;

/// An SMTP transport with its sender and recipient.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    to: Mailbox,
    /// Replies by email: `Reply-To` is the ticket's reply address.
    reply: Option<MailConfig>,
}

/// An SMTP transport for `smtp_url` whose commands time out after `timeout`; the error names the
/// key.
pub(crate) fn transport(
    smtp_url: &str,
    timeout: Duration,
) -> Result<AsyncSmtpTransport<Tokio1Executor>, String> {
    Ok(AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
        .map_err(|e| format!("smtp_url: {e}"))?
        .timeout(Some(timeout))
        .build())
}

/// Hands `message` to the SMTP server; its refusal is the delivery's error.
pub(super) async fn submit(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    message: Message,
) -> Result<(), DeliveryError> {
    transport
        .send(message)
        .await
        .map(|_| ())
        .map_err(|e| DeliveryError::Email(e.to_string()))
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The transport holds credentials.
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .field("to", &self.to.to_string())
            .finish_non_exhaustive()
    }
}

impl Mailer {
    /// A mailer for `target` whose SMTP commands time out after `timeout`; the error names the
    /// configuration key at fault.
    pub fn new(target: &EmailTarget, timeout: Duration) -> Result<Mailer, String> {
        let transport = transport(&target.smtp_url, timeout)?;
        let from = target
            .from
            .parse()
            .map_err(|e| format!("smtp_from: `{}`: {e}", target.from))?;
        let to = target
            .to
            .parse()
            .map_err(|e| format!("smtp_to: `{}`: {e}", target.to))?;
        Ok(Mailer {
            transport,
            from,
            to,
            reply: None,
        })
    }

    /// The same mailer with `Reply-To` the ticket's reply address of `mail`, when given.
    pub fn with_reply_address(mut self, mail: Option<MailConfig>) -> Mailer {
        self.reply = mail;
        self
    }

    /// Sends the email for `item` of `ticket`.
    pub async fn send(
        &self,
        item: &OutboxItem,
        ticket: &TicketRecord,
    ) -> Result<(), DeliveryError> {
        submit(&self.transport, self.message(item, ticket)?).await
    }

    /// Builds the message for `item` of `ticket`.
    pub fn message(
        &self,
        item: &OutboxItem,
        ticket: &TicketRecord,
    ) -> Result<Message, DeliveryError> {
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(self.to.clone())
            .subject(subject(&item.event, ticket))
            .message_id(Some(format!("<{}@koban>", item.id)))
            .header(ContentType::TEXT_PLAIN);
        let reply_to = match &self.reply {
            Some(mail) => mail.reply_address(&ticket.reference),
            None => ticket.email.clone(),
        };
        if let Ok(address) = reply_to.parse::<Address>() {
            let name = Some(one_line(&ticket.name)).filter(|n| !n.is_empty());
            builder = builder.reply_to(Mailbox::new(name, address));
        }
        builder
            .body(body(&item.event, ticket))
            .map_err(|e| DeliveryError::Email(e.to_string()))
    }
}

/// `s` on one line: control characters (CR, LF, ...) become spaces.
pub(crate) fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// The `Subject` header of the email for `event` of `ticket`.
pub fn subject(event: &OutboxEvent, ticket: &TicketRecord) -> String {
    let subject: String = one_line(&ticket.subject).chars().take(200).collect();
    let reference = &ticket.reference;
    match event {
        OutboxEvent::TicketCreated => format!("[{reference}] {subject}"),
        OutboxEvent::TicketMessage(_) | OutboxEvent::AgentReply(_) => {
            format!("Re: [{reference}] {subject}")
        }
        OutboxEvent::TicketRated(r) => {
            format!("[{reference}] Rated {}: {subject}", r.score.as_str())
        }
    }
}

/// Text with control characters other than newline and tab removed (terminal escapes, NUL).
pub(crate) fn text(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

/// A JSON value as text.
fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => text(s),
        other => text(&other.to_string()),
    }
}

/// The plain-text body of the email for `event` of `ticket`.
pub fn body(event: &OutboxEvent, ticket: &TicketRecord) -> String {
    let (label, value, text_body) = match event {
        OutboxEvent::TicketCreated => return created_body(ticket),
        OutboxEvent::TicketMessage(m) => ("Sent:", m.created_at.as_str(), m.body.as_str()),
        OutboxEvent::TicketRated(r) => (
            "Rating:",
            r.score.as_str(),
            r.comment.as_deref().unwrap_or("(no comment)"),
        ),
        OutboxEvent::AgentReply(r) => (
            "Reply by:",
            r.author_name.as_deref().unwrap_or("Support"),
            r.body.as_str(),
        ),
    };
    let mut out = String::new();
    for (l, v) in [
        ("Ticket:", ticket.reference.as_str()),
        ("From:", &sender(ticket)),
        ("Subject:", &ticket.subject),
        ("Status:", &ticket.status),
        (label, value),
    ] {
        out.push_str(&format!("{l:<10} {}\n", one_line(v)));
    }
    out.push('\n');
    out.push_str(&text(text_body));
    out.push('\n');
    if let OutboxEvent::TicketMessage(m) = event
        && !m.attachments.is_empty()
    {
        out.push_str(&format!("\nAttachments: {}\n", m.attachments.join(", ")));
    }
    out
}

/// The submitter, as `Name <email>`.
fn sender(ticket: &TicketRecord) -> String {
    if ticket.name.trim().is_empty() {
        ticket.email.clone()
    } else {
        format!("{} <{}>", ticket.name, ticket.email)
    }
}

/// The plain-text body for a new ticket.
fn created_body(ticket: &TicketRecord) -> String {
    let mut out = String::new();
    let mut line = |label: &str, value: &str| {
        out.push_str(&format!("{label:<10} {}\n", one_line(value)));
    };
    line("Ticket:", &ticket.reference);
    line("From:", &sender(ticket));
    line(
        "Identity:",
        if ticket.verified {
            "verified"
        } else {
            "unverified"
        },
    );
    line("Category:", &ticket.category);
    line("Subject:", &ticket.subject);
    line("Created:", &ticket.created_at);
    out.push('\n');
    out.push_str(&text(&ticket.description));
    out.push_str("\n\n");
    if let Some(fields) = ticket.fields.as_object().filter(|f| !f.is_empty()) {
        out.push_str("Fields:\n");
        for (name, value) in fields {
            out.push_str(&format!(
                "  {}: {}\n",
                one_line(name),
                one_line(&value_text(value))
            ));
        }
        out.push('\n');
    }
    if let Some(context) = ticket.context.as_object().filter(|c| !c.is_empty()) {
        out.push_str("Context:\n");
        for (name, value) in context {
            if value.is_null() {
                continue;
            }
            out.push_str(&format!(
                "  {}: {}\n",
                one_line(name),
                one_line(&value_text(value))
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ticket() -> TicketRecord {
        TicketRecord {
            id: "tkt_1".into(),
            reference: "KB-0000-0001".into(),
            status: "open".into(),
            name: "Ada\r\nBcc: evil@example.com".into(),
            email: "ada@example.com".into(),
            category: "jobs".into(),
            subject: "Stuck\r\nX-Evil: 1".into(),
            description: "<b>hi</b>\n\u{1b}[31mred".into(),
            fields: json!({ "job_id": "job_1", "gpu": true }),
            context: json!({ "route": "/jobs/1", "locale": "ja" }),
            verified: false,
            created_at: "2024-01-01T00:00:00.000Z".into(),
            updated_at: "2024-01-01T00:00:00.000Z".into(),
        }
    }

    #[test]
    fn headers_stay_on_one_line_and_the_body_is_plain_text() {
        let t = ticket();
        let created = OutboxEvent::TicketCreated;
        assert_eq!(subject(&created, &t), "[KB-0000-0001] Stuck  X-Evil: 1");
        let b = body(&created, &t);
        assert!(b.contains("<b>hi</b>\n[31mred"), "{b}");
        assert!(b.contains("  gpu: true\n"), "{b}");
        assert!(b.contains("From:      Ada  Bcc: evil@example.com <ada@example.com>\n"));
        let mailer = Mailer::new(
            &EmailTarget {
                smtp_url: "smtp://127.0.0.1:2525".into(),
                from: "Koban <koban@example.com>".into(),
                to: "support@example.com".into(),
            },
            Duration::from_secs(1),
        )
        .unwrap();
        let item = OutboxItem {
            id: "obx_1".into(),
            ticket_id: t.id.clone(),
            reference: t.reference.clone(),
            target: "email".into(),
            event: created,
            attempts: 0,
            next_attempt_at: 0,
            delivered_at: None,
            last_error: None,
            lease_until: None,
        };
        let raw = String::from_utf8(mailer.message(&item, &t).unwrap().formatted()).unwrap();
        assert!(
            raw.contains("Content-Type: text/plain; charset=utf-8"),
            "{raw}"
        );
        assert!(raw.contains("Message-ID: <obx_1@koban>"), "{raw}");
        let reply_to = |raw: &str| {
            raw.lines()
                .find(|l| l.starts_with("Reply-To: "))
                .unwrap_or_default()
                .to_string()
        };
        assert!(reply_to(&raw).ends_with(" <ada@example.com>"), "{raw}");
        // With replies by email, answering the team's email answers through Koban.
        let mail = crate::config::Config {
            reply_domain: "reply.example.com".into(),
            reply_secret: "k".repeat(32),
            ..crate::config::Config::default()
        }
        .mail();
        let token = mail.as_ref().unwrap().reply_address(&t.reference);
        let raw = mailer
            .with_reply_address(mail)
            .message(&item, &t)
            .unwrap()
            .formatted();
        let raw = String::from_utf8(raw).unwrap();
        assert!(reply_to(&raw).ends_with(&format!(" <{token}>")), "{raw}");
        assert!(!raw.contains("\r\nX-Evil"), "{raw}");
        assert!(!raw.contains("\r\nBcc"), "{raw}");
        assert!(
            Mailer::new(
                &EmailTarget {
                    smtp_url: "ftp://x".into(),
                    from: "a@b.co".into(),
                    to: "c@d.co".into()
                },
                Duration::from_secs(1)
            )
            .unwrap_err()
            .starts_with("smtp_url")
        );
    }

    #[test]
    fn follow_ups_and_ratings_are_short_plain_text() {
        use crate::store::outbox::{MessageEvent, RatingEvent};
        use koban_core::conversation::Score;
        let t = ticket();
        let message = OutboxEvent::TicketMessage(MessageEvent {
            id: "rpl_1".into(),
            body: "Still stuck\n\u{1b}[31mred".into(),
            created_at: "2024-01-02T00:00:00.000Z".into(),
            attachments: vec!["att_1".into()],
        });
        assert_eq!(subject(&message, &t), "Re: [KB-0000-0001] Stuck  X-Evil: 1");
        let b = body(&message, &t);
        assert!(b.starts_with("Ticket:    KB-0000-0001\n"), "{b}");
        assert!(b.contains("Sent:      2024-01-02T00:00:00.000Z\n\nStill stuck\n[31mred\n"));
        assert!(b.contains("Attachments: att_1"), "{b}");
        let rated = OutboxEvent::TicketRated(RatingEvent {
            score: Score::Bad,
            comment: None,
        });
        assert_eq!(
            subject(&rated, &t),
            "[KB-0000-0001] Rated bad: Stuck  X-Evil: 1"
        );
        assert!(body(&rated, &t).contains("Rating:    bad\n\n(no comment)\n"));
    }
}
