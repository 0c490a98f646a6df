//! The requester's email about each public reply (outbox target `requester`, event
//! `ticket.replied`), so a user who closed the tab still gets the answer and can answer back by
//! email. On when `smtp_url` and `reply_domain` are both set; the rows are written by
//! [`Store::add_message`](crate::store::Store::add_message) for agents' public replies only.
//!
//! - `To`: the ticket's name and email; `From`: `smtp_from`; `Reply-To`: the ticket's reply
//!   address (`<reply_local>+<token>@<reply_domain>`, [`crate::mail::token`]), which the MTA
//!   pipes into `koban mail ingest`. The token is a capability (it lets anyone who holds it add
//!   a message to the ticket): it is in that header and nowhere else, never in a log line or an
//!   error.
//! - `Message-ID`: `<obx_…@reply_domain>`, the outbox row id, so a retry sends the same id and
//!   the mail client shows one message.
//! - Threading: `References` names a root (`<tkt_…@reply_domain>`, the ticket, never sent, so
//!   every email of a ticket shares one even when the first is lost) and the last
//!   [`THREAD_MAX`] earlier emails of the conversation: the ticket's earlier `requester` rows and
//!   the mails `koban mail ingest` stored before this row was written. `In-Reply-To` is the last
//!   of them. It is read from what existed when the row was written, so retries thread alike.
//! - `Auto-Submitted: auto-generated` and `X-Auto-Response-Suppress: All`: out-of-office
//!   responders stay quiet (no mail loops); `Content-Language`: the locale.
//! - The body is `multipart/alternative`: plain text and a minimal accessible HTML twin
//!   ([`crate::mail::compose`]) in the ticket's locale (its `context.locale`, negotiated to one
//!   of the 12 shipped locales like the widget's).

use std::time::Duration;

use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, Message, MultiPart};
use lettre::{Address, AsyncSmtpTransport, Tokio1Executor};
use serde_json::Value;

use super::email::{one_line, submit, transport};
use super::{DeliveryConfig, DeliveryError};
use crate::mail::MailConfig;
use crate::mail::compose::Letter;
use crate::store::Store;
use crate::store::outbox::{OutboxEvent, OutboxItem};
use crate::store::requester::EarlierMail;
use crate::store::tickets::TicketRecord;

/// Earlier emails named in `References` besides the root.
pub const THREAD_MAX: usize = 9;

/// Settings of the requester's emails (from [`crate::config::Config::delivery`]).
#[derive(Clone)]
pub struct RequesterMail {
    /// `smtp://…` or `smtps://…` (as `smtp_url`).
    pub smtp_url: String,
    /// Sender address (`smtp_from`).
    pub from: String,
    /// Reply addresses and the conversation link.
    pub mail: MailConfig,
}

impl std::fmt::Debug for RequesterMail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The SMTP URL may hold a password, the mail config the reply key.
        f.debug_struct("RequesterMail")
            .field("from", &self.from)
            .field("reply_domain", &self.mail.reply_domain)
            .finish_non_exhaustive()
    }
}

impl DeliveryConfig {
    /// The targets of an agent's public reply: `requester` when its emails are on.
    pub fn requester_targets(&self) -> Vec<String> {
        self.requester
            .iter()
            .map(|_| "requester".to_string())
            .collect()
    }
}

/// An SMTP transport for the requester's emails.
#[derive(Clone)]
pub struct RequesterMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    mail: MailConfig,
}

impl std::fmt::Debug for RequesterMailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequesterMailer")
            .field("from", &self.from.to_string())
            .finish_non_exhaustive()
    }
}

/// The shipped locale of a ticket: its `context.locale`, negotiated as the widget does
/// (`ja-JP` → `ja`, `zh-TW` → `zh-Hant`), else English.
pub fn locale_of(ticket: &TicketRecord) -> String {
    koban_core::locales::choose(&[ticket.context.get("locale").and_then(Value::as_str)])
}

/// A message id from a stored mail if it can go in a header as is: printable ASCII without
/// `<`, `>` or spaces, with an `@` (not the `sha256:` stand-in of a mail that had none).
fn header_id(id: &str) -> Option<String> {
    let ok = !id.is_empty()
        && id.len() <= 250
        && id.contains('@')
        && !id.starts_with("sha256:")
        && id
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'<' && b != b'>');
    ok.then(|| format!("<{id}>"))
}

fn header(name: &'static str, value: &str) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), value.to_string())
}

impl RequesterMailer {
    /// A mailer for `config` whose SMTP commands time out after `timeout`; the error names the
    /// key at fault.
    pub fn new(config: &RequesterMail, timeout: Duration) -> Result<RequesterMailer, String> {
        Ok(RequesterMailer {
            transport: transport(&config.smtp_url, timeout)?,
            from: config
                .from
                .parse()
                .map_err(|e| format!("smtp_from: `{}`: {e}", config.from))?,
            mail: config.mail.clone(),
        })
    }

    /// Sends the email of `item` (a `ticket.replied` row) to the requester of `ticket`.
    pub async fn send(
        &self,
        store: &Store,
        item: &OutboxItem,
        ticket: &TicketRecord,
    ) -> Result<(), DeliveryError> {
        let earlier = store.requester_thread(&item.ticket_id, &item.id).await?;
        submit(&self.transport, self.message(item, ticket, &earlier)?).await
    }

    /// Builds the email of `item` to the requester of `ticket`, after the `earlier` emails of
    /// the conversation (oldest first).
    pub fn message(
        &self,
        item: &OutboxItem,
        ticket: &TicketRecord,
        earlier: &[EarlierMail],
    ) -> Result<Message, DeliveryError> {
        let OutboxEvent::AgentReply(reply) = &item.event else {
            return Err(DeliveryError::WrongEvent {
                target: "requester",
                event: item.event.wire_name(),
            });
        };
        let to: Address = ticket
            .email
            .parse()
            .map_err(|_| DeliveryError::Email("the ticket's email is not an address".into()))?;
        let to_name = Some(one_line(&ticket.name)).filter(|n| !n.is_empty());
        let domain = &self.mail.reply_domain;
        // No detail in this error: the address holds the token.
        let reply_to: Address = self
            .mail
            .reply_address(&ticket.reference)
            .parse()
            .map_err(|_| DeliveryError::Email("the reply address is not an address".into()))?;
        let locale = locale_of(ticket);
        let link = self.mail.conversation_link(&ticket.reference);
        let composed = Letter {
            locale: &locale,
            reference: &ticket.reference,
            subject: &ticket.subject,
            requester: &ticket.name,
            reply,
            link: link.as_deref(),
        }
        .compose();
        let mut thread = vec![format!("<{}@{domain}>", ticket.id)];
        let ids: Vec<String> = earlier
            .iter()
            .filter_map(|m| match m {
                EarlierMail::Sent(id) => Some(format!("<{id}@{domain}>")),
                EarlierMail::Received(id) => header_id(id),
            })
            .collect();
        thread.extend(ids[ids.len().saturating_sub(THREAD_MAX)..].iter().cloned());
        let parent = thread.last().cloned().unwrap_or_default();
        Message::builder()
            .from(self.from.clone())
            .reply_to(Mailbox::new(self.from.name.clone(), reply_to))
            .to(Mailbox::new(to_name, to))
            .subject(composed.subject)
            .message_id(Some(format!("<{}@{domain}>", item.id)))
            .in_reply_to(parent)
            .references(thread.join(" "))
            .raw_header(header("Auto-Submitted", "auto-generated"))
            .raw_header(header("X-Auto-Response-Suppress", "All"))
            .raw_header(header("Content-Language", &locale))
            .multipart(MultiPart::alternative_plain_html(
                composed.text,
                composed.html,
            ))
            .map_err(|e| DeliveryError::Email(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::store::outbox::ReplyEvent;
    use serde_json::json;

    fn mailer() -> RequesterMailer {
        let config = Config {
            smtp_url: "smtp://127.0.0.1:2525".into(),
            smtp_from: "help@example.com".into(),
            smtp_to: "team@example.com".into(),
            reply_domain: "reply.example.com".into(),
            reply_secret: "s".repeat(32),
            conversation_url: "https://app.example.com/?help=requests".into(),
            ..Config::default()
        };
        let delivery = config.delivery();
        let requester = delivery.requester.as_ref().unwrap();
        let debug = format!("{delivery:?}");
        assert!(!debug.contains(&"s".repeat(32)), "{debug}");
        RequesterMailer::new(requester, Duration::from_secs(1)).unwrap()
    }

    fn ticket(locale: &str) -> TicketRecord {
        TicketRecord {
            id: "tkt_1".into(),
            reference: "KB-7F3K-92QD".into(),
            status: "answered".into(),
            name: "Ada\r\nBcc: evil@example.com".into(),
            email: "ada@example.com".into(),
            category: "jobs".into(),
            subject: "Stuck\r\nX-Evil: 1".into(),
            description: "d".into(),
            fields: json!({}),
            context: json!({ "locale": locale }),
            verified: false,
            created_at: "2026-01-01T00:00:00.000Z".into(),
            updated_at: "2026-01-01T00:00:00.000Z".into(),
        }
    }

    fn item(event: OutboxEvent) -> OutboxItem {
        OutboxItem {
            id: "obx_2".into(),
            ticket_id: "tkt_1".into(),
            reference: "KB-7F3K-92QD".into(),
            target: "requester".into(),
            event,
            attempts: 0,
            next_attempt_at: 0,
            delivered_at: None,
            last_error: None,
            lease_until: None,
        }
    }

    fn reply() -> OutboxEvent {
        OutboxEvent::AgentReply(ReplyEvent {
            id: "rpl_1".into(),
            body: "Done.".into(),
            created_at: "2026-01-02T00:00:00.000Z".into(),
            author_name: None,
            attachments: vec![],
            previous: None,
        })
    }

    #[test]
    fn headers_thread_and_stay_on_one_line() {
        let m = mailer();
        let earlier = [
            EarlierMail::Sent("obx_1".into()),
            EarlierMail::Received("CAF=x@mail.example.org".into()),
            EarlierMail::Received("sha256:00ff".into()),
            EarlierMail::Received("bad id>\r\nBcc: x@y".into()),
        ];
        let raw = m
            .message(&item(reply()), &ticket("ja-JP"), &earlier)
            .unwrap()
            .formatted();
        let raw = String::from_utf8(raw).unwrap();
        assert!(
            raw.contains("Message-ID: <obx_2@reply.example.com>"),
            "{raw}"
        );
        assert!(
            raw.contains("In-Reply-To: <CAF=x@mail.example.org>"),
            "{raw}"
        );
        assert!(
            raw.contains(
                "References: <tkt_1@reply.example.com> <obx_1@reply.example.com>\r\n <CAF=x@mail.example.org>"
            ) || raw.contains(
                "References: <tkt_1@reply.example.com> <obx_1@reply.example.com> <CAF=x@mail.example.org>"
            ),
            "{raw}"
        );
        assert!(raw.contains("Auto-Submitted: auto-generated"), "{raw}");
        assert!(raw.contains("X-Auto-Response-Suppress: All"), "{raw}");
        assert!(raw.contains("Content-Language: ja"), "{raw}");
        assert!(raw.contains("Reply-To: support+kb7f3k92qd-"), "{raw}");
        assert!(raw.contains("multipart/alternative"), "{raw}");
        assert!(
            !raw.contains("\r\nBcc") && !raw.contains("\r\nX-Evil"),
            "{raw}"
        );
        assert!(!raw.contains("sha256:"), "{raw}");
        // The first email answers the root.
        let first = String::from_utf8(
            m.message(&item(reply()), &ticket("en"), &[])
                .unwrap()
                .formatted(),
        )
        .unwrap();
        assert!(first.contains("In-Reply-To: <tkt_1@reply.example.com>"));
        assert!(first.contains("References: <tkt_1@reply.example.com>\r\n"));
        // Only replies go to the requester.
        assert!(matches!(
            m.message(&item(OutboxEvent::TicketCreated), &ticket("en"), &[]),
            Err(DeliveryError::WrongEvent { .. })
        ));
    }

    #[test]
    fn the_thread_names_the_root_and_the_last_emails() {
        let m = mailer();
        let earlier: Vec<EarlierMail> = (0..20)
            .map(|n| EarlierMail::Sent(format!("obx_{n:02}")))
            .collect();
        let message = m.message(&item(reply()), &ticket("en"), &earlier).unwrap();
        let raw = String::from_utf8(message.formatted()).unwrap();
        let parsed = mail_parser::MessageParser::default()
            .parse(raw.as_bytes())
            .unwrap();
        let refs: Vec<String> = match parsed.references() {
            mail_parser::HeaderValue::TextList(ids) => ids.iter().map(|i| i.to_string()).collect(),
            other => panic!("{other:?}"),
        };
        assert_eq!(refs.len(), 1 + THREAD_MAX);
        assert_eq!(refs[0], "tkt_1@reply.example.com");
        assert_eq!(refs[1], "obx_11@reply.example.com");
        assert_eq!(refs[9], "obx_19@reply.example.com");
        assert_eq!(
            parsed.in_reply_to().as_text(),
            Some("obx_19@reply.example.com")
        );
        assert_eq!(locale_of(&ticket("zh-TW")), "zh-Hant");
        assert_eq!(locale_of(&ticket("xx")), "en");
    }
}
