//! One mail into its ticket: the steps of `koban mail ingest`, each failure typed
//! ([`IngestError`]) with the exit code and the status line the MTA acts on.
//!
//! 1. Over `mail_max_bytes`: 65 `5.3.4`. Not a mail, or more than 1,000 parts: 65 `5.6.0`.
//! 2. The loop guard ([`super::guard`]): an automatic mail is recorded and dropped (0).
//! 3. The ticket ([`super::route`]); none: 67 `5.1.1`.
//! 4. The author: the ticket's email (case-insensitive) writes the user's follow-up, which
//!    reopens the request and tells the team's targets as a follow-up from the widget does; an
//!    address in `agents` writes a public reply under the agent's name (sent on to the
//!    requester), or with `#internal` an internal note. Anyone else is refused with the same
//!    67 `5.1.1` as an unknown address, never told why. `From` only picks the role: the reply
//!    address is the capability (the README recommends DMARC checks at the MTA).
//! 5. Once per mail: a mail already stored on the ticket (same Message-ID, or the same hash
//!    without one) is acknowledged (0) before any file is written, and the store checks again
//!    in the transaction that stores the message.
//! 6. The text ([`super::text`]): over the ticket's `description_max`: 65 `5.3.4`. The files
//!    take the upload checks ([`accept_file`]); a file that fails them is skipped and counted.
//!    Neither text nor file: 65 `5.6.0`.
//!
//! Every mail leaves a row in `mail_received` ([`crate::store::mail`]) with its outcome, and
//! nothing of its body. Nothing here logs or prints: the caller prints the one status line.

use crate::config::Config;
use crate::store::mail::{MailOutcome, ReceivedMail};
use crate::store::replies::{MessageAdded, MessageAuthor, NewMessage};
use crate::store::tickets::TicketRecord;
use crate::store::{Store, StoreError};
use crate::tickets::Faults;
use crate::tickets::attachments::{AcceptError, accept_file};

use super::parse::{self, Unreadable};
use super::{Agent, MailConfig, guard, route, text};

/// `EX_DATAERR`: the mail is bad (bounced).
pub const EX_DATAERR: u8 = 65;
/// `EX_NOUSER`: no such recipient (bounced).
pub const EX_NOUSER: u8 = 67;
/// `EX_TEMPFAIL`: try again later (deferred).
pub const EX_TEMPFAIL: u8 = 75;

/// Why a mail was not stored. The `Display` is the status line: an enhanced status code and a
/// few words, never the body, the address, a token or an underlying error (they go into
/// bounces).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// Larger than `mail_max_bytes`.
    #[error("5.3.4 message too large")]
    TooLarge,
    /// Not a mail.
    #[error("5.6.0 not a mail message")]
    NotAMail,
    /// More MIME parts than [`parse::PARTS_MAX`].
    #[error("5.6.0 too many MIME parts")]
    TooManyParts,
    /// The text is longer than a message may be.
    #[error("5.3.4 text longer than {0} characters")]
    TextTooLong(usize),
    /// Neither text nor an accepted file.
    #[error("5.6.0 no text")]
    Empty,
    /// No ticket has this reply address, or the sender may not write to it.
    #[error("5.1.1 unknown recipient")]
    UnknownRecipient,
    /// The settings do not load (`koban config check` says why).
    #[error("4.3.0 configuration problem")]
    Config,
    /// `reply_domain` is not set.
    #[error("4.3.0 replies by email are off")]
    MailOff,
    /// Standard input could not be read.
    #[error("4.3.0 cannot read the message")]
    Input(#[source] std::io::Error),
    /// The database failed.
    #[error("4.3.0 database unavailable")]
    Store(#[from] StoreError),
    /// A file could not be written.
    #[error("4.3.0 cannot store a file")]
    Files(#[source] std::io::Error),
    /// Something that cannot happen did.
    #[error("4.3.0 internal error")]
    Internal,
}

impl IngestError {
    /// The sysexits code the MTA acts on.
    pub fn exit_code(&self) -> u8 {
        match self {
            IngestError::TooLarge
            | IngestError::NotAMail
            | IngestError::TooManyParts
            | IngestError::TextTooLong(_)
            | IngestError::Empty => EX_DATAERR,
            IngestError::UnknownRecipient => EX_NOUSER,
            IngestError::Config
            | IngestError::MailOff
            | IngestError::Input(_)
            | IngestError::Store(_)
            | IngestError::Files(_)
            | IngestError::Internal => EX_TEMPFAIL,
        }
    }
}

/// What became of a mail that was delivered (exit 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivered {
    /// Stored on the ticket.
    Stored {
        /// The ticket's reference.
        reference: String,
        /// The message's id.
        reply_id: String,
        /// `user`, `agent` or `note`.
        kind: &'static str,
        /// Files left out (policy, inline, broken, over the limit).
        skipped: usize,
    },
    /// Already stored.
    Duplicate,
    /// An automatic mail, dropped.
    AutoReply,
}

impl std::fmt::Display for Delivered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Delivered::Stored {
                reference,
                reply_id,
                kind,
                skipped,
            } => {
                write!(f, "2.0.0 {reference} {reply_id} {kind}")?;
                match skipped {
                    0 => Ok(()),
                    1 => write!(f, " (1 file skipped)"),
                    n => write!(f, " ({n} files skipped)"),
                }
            }
            Delivered::Duplicate => write!(f, "2.0.0 duplicate"),
            Delivered::AutoReply => write!(f, "2.0.0 ignored auto-reply"),
        }
    }
}

/// The envelope, as the MTA passes it.
#[derive(Debug, Clone, Default)]
pub struct Envelope {
    /// `--sender` (empty: the null sender of a bounce); `None` when not given.
    pub sender: Option<String>,
    /// `--recipient`; `None` when not given.
    pub recipient: Option<String>,
}

/// Who wrote a mail.
enum Role<'a> {
    User,
    Agent(&'a Agent),
}

/// Stores the mail `raw` (read up to `mail_max_bytes + 1` bytes) as `config` says.
pub async fn ingest(
    config: &Config,
    envelope: &Envelope,
    raw: &[u8],
    faults: &Faults,
) -> Result<Delivered, IngestError> {
    let mail = config.mail().ok_or(IngestError::MailOff)?;
    let store = Store::connect(&config.database_url).await?;
    if faults.mail_panic() {
        panic!("fault injection: mail ingest");
    }
    let result = Ingest {
        config,
        mail: &mail,
        store: &store,
        envelope,
    }
    .run(raw)
    .await;
    store.close().await;
    result
}

struct Ingest<'a> {
    config: &'a Config,
    mail: &'a MailConfig,
    store: &'a Store,
    envelope: &'a Envelope,
}

impl Ingest<'_> {
    /// Records `received` with `outcome` (ticket when known).
    async fn record(
        &self,
        ticket: Option<&TicketRecord>,
        received: &ReceivedMail,
        outcome: MailOutcome,
    ) -> Result<(), IngestError> {
        let ticket_id = ticket.map(|t| t.id.as_str());
        Ok(self.store.record_mail(ticket_id, received, outcome).await?)
    }

    async fn run(&self, raw: &[u8]) -> Result<Delivered, IngestError> {
        let envelope_sender = self.envelope.sender.as_deref();
        let size = i64::try_from(raw.len()).unwrap_or(i64::MAX);
        let unread = || ReceivedMail {
            message_id: parse::raw_key(raw),
            sender: parse::sender(None, envelope_sender),
            size,
        };
        if raw.len() > self.mail.max_bytes {
            self.record(None, &unread(), MailOutcome::BadMessage)
                .await?;
            return Err(IngestError::TooLarge);
        }
        let message = match parse::parse(raw) {
            Ok(m) => m,
            Err(why) => {
                self.record(None, &unread(), MailOutcome::BadMessage)
                    .await?;
                return Err(match why {
                    Unreadable::NotAMail => IngestError::NotAMail,
                    Unreadable::TooManyParts => IngestError::TooManyParts,
                });
            }
        };
        let received = ReceivedMail {
            message_id: parse::dedupe_key(&message),
            sender: parse::sender(Some(&message), envelope_sender),
            size,
        };
        let recipient = self.envelope.recipient.as_deref();
        let route = || route::ticket(self.store, self.mail, &message, recipient);
        if guard::is_automatic(&message, envelope_sender) {
            // The ticket only labels the record; a failure to find it changes nothing.
            let ticket = route().await.ok().flatten();
            self.record(ticket.as_ref(), &received, MailOutcome::AutoReply)
                .await?;
            return Ok(Delivered::AutoReply);
        }
        let Some(ticket) = route().await? else {
            self.record(None, &received, MailOutcome::Refused).await?;
            return Err(IngestError::UnknownRecipient);
        };
        let role = match parse::author(&message) {
            Some(from) if from.eq_ignore_ascii_case(ticket.email.trim()) => Some(Role::User),
            Some(from) => self.mail.agent(&from).map(Role::Agent),
            None => None,
        };
        let Some(role) = role else {
            self.record(Some(&ticket), &received, MailOutcome::Refused)
                .await?;
            return Err(IngestError::UnknownRecipient);
        };
        if self
            .store
            .mail_stored(&ticket.id, &received.message_id)
            .await?
        {
            self.record(Some(&ticket), &received, MailOutcome::Duplicate)
                .await?;
            return Ok(Delivered::Duplicate);
        }
        self.store_message(&ticket, role, &message, &received).await
    }

    /// Steps 4 to 6 for a mail from someone who may write to `ticket`.
    async fn store_message(
        &self,
        ticket: &TicketRecord,
        role: Role<'_>,
        message: &mail_parser::Message<'_>,
        received: &ReceivedMail,
    ) -> Result<Delivered, IngestError> {
        let tickets = self.config.tickets(Default::default());
        let limits = tickets.rules.limits;
        let mut body = text::mail_text(message);
        let mut internal = false;
        if let Role::Agent(_) = role
            && let Some(note) = text::internal_note(&body)
        {
            body = note;
            internal = true;
        }
        if body.chars().count() > limits.description_max {
            self.record(Some(ticket), received, MailOutcome::BadMessage)
                .await?;
            return Err(IngestError::TextTooLong(limits.description_max));
        }
        let (candidates, mut skipped) = parse::files(message);
        let mut files = Vec::new();
        for file in candidates {
            let Some(policy) = tickets.attachments.as_ref() else {
                skipped += 1;
                continue;
            };
            if files.len() >= limits.attachments_max {
                skipped += 1;
                continue;
            }
            match accept_file(self.store, policy, file.name, file.bytes).await {
                Ok(accepted) => files.push(accepted.id),
                Err(AcceptError::Refused(_)) => skipped += 1,
                Err(AcceptError::Io(e)) => return Err(IngestError::Files(e)),
                Err(AcceptError::Store(e)) => return Err(e.into()),
            }
        }
        if body.trim().is_empty() && files.is_empty() {
            self.record(Some(ticket), received, MailOutcome::BadMessage)
                .await?;
            return Err(IngestError::Empty);
        }
        let (author, deliver_to, kind) = match role {
            Role::User => (MessageAuthor::User, tickets.delivery_targets, "user"),
            Role::Agent(agent) if internal => (
                MessageAuthor::Agent(Some(agent.name.clone())),
                Vec::new(),
                "note",
            ),
            Role::Agent(agent) => (
                MessageAuthor::Agent(Some(agent.name.clone())),
                self.config.requester_targets(),
                "agent",
            ),
        };
        let new = NewMessage {
            author: &author,
            body: &body,
            public: !internal,
            attachments: &files,
            deliver_to: &deliver_to,
            via: Some("email"),
            received: Some(received),
        };
        let added = self
            .store
            .add_message(&ticket.reference, new, None, |_, _| String::new())
            .await?;
        match added {
            MessageAdded::Stored { reply, .. } => Ok(Delivered::Stored {
                reference: ticket.reference.clone(),
                reply_id: reply.id,
                kind,
                skipped,
            }),
            MessageAdded::Duplicate => {
                self.record(Some(ticket), received, MailOutcome::Duplicate)
                    .await?;
                Ok(Delivered::Duplicate)
            }
            MessageAdded::NoTicket => Err(IngestError::UnknownRecipient),
            MessageAdded::UnknownAttachment(_) | MessageAdded::ClaimLost => {
                Err(IngestError::Internal)
            }
        }
    }
}
