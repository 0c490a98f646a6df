//! Messages on tickets after the first: agents' replies (`koban tickets reply`, the admin API),
//! public or internal notes, and the user's follow-ups (`POST /api/v1/tickets/{reference}/messages`).
//!
//! [`Store::add_message`] moves the ticket through koban-core's status rules
//! ([`koban_core::conversation::Status::apply`]) in the same transaction, and records a status
//! change when there is one. It updates the ticket row first, which locks it on PostgreSQL
//! (SQLite's `BEGIN IMMEDIATE` already serializes writers); under that lock a message gets a
//! `created_at` strictly after the ticket's previous one, so messages sort oldest first even when
//! two land in the same millisecond. A user's follow-up is also written to the delivery
//! [outbox](super::outbox) in that transaction, so the team hears of it exactly once. A message
//! that came by email also records its mail ([`super::mail`]) in that transaction, under the
//! ticket's lock, so the same mail delivered twice is stored once.

use koban_core::conversation::{Event, Status};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::mail::{ReceivedMail, insert_stored, stored};
use super::outbox::{MessageEvent, OutboxEvent, enqueue};
use super::requester::reply_event;
use super::tickets::{finish_key, link_attachment};
use super::{Store, StoreError, WriteTx, now_ms, rfc3339};

/// Who wrote a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MessageAuthor {
    /// Someone from support, with their display name when given.
    Agent(Option<String>),
    /// The ticket's submitter.
    User,
}

/// A stored message.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplyRecord {
    /// Opaque id (`rpl_` + 32 hex digits).
    pub id: String,
    /// Text, as written.
    pub body: String,
    /// `true` for a message the submitter sees, `false` for an agent's internal note.
    pub public: bool,
    /// Who wrote it.
    pub author: MessageAuthor,
    /// Creation time, Unix ms.
    pub created_ms: i64,
    /// Creation time, RFC 3339.
    pub created_at: String,
    /// How it arrived: `None` (the widget, the admin API, the CLI) or `"email"`.
    pub via: Option<String>,
}

/// A message about to be added.
#[derive(Debug, Clone, Copy)]
pub struct NewMessage<'a> {
    /// Who writes it.
    pub author: &'a MessageAuthor,
    /// The text.
    pub body: &'a str,
    /// `false` for an internal note (agents only).
    pub public: bool,
    /// Uploads to link to the ticket and this message (not yet linked to any ticket).
    pub attachments: &'a [String],
    /// Delivery targets told of the message through the outbox: the team's targets for the
    /// user's follow-ups, `requester` for agents' public replies when the requester's emails are
    /// on (`Config::requester_targets`); internal notes are never sent.
    pub deliver_to: &'a [String],
    /// How it arrived: `None`, or `Some("email")` from `koban mail ingest`.
    pub via: Option<&'a str>,
    /// The mail it came in, recorded with it (`mail_received`, outcome `stored`); a mail already
    /// stored on the ticket makes [`MessageAdded::Duplicate`].
    pub received: Option<&'a ReceivedMail>,
}

/// Outcome of [`Store::add_message`].
#[derive(Debug, Clone, PartialEq)]
pub enum MessageAdded {
    /// Stored; the ticket's status after the message.
    Stored {
        /// The stored message.
        reply: ReplyRecord,
        /// The ticket's status after it.
        status: Status,
    },
    /// No ticket has this reference.
    NoTicket,
    /// This attachment id does not exist or belongs to another ticket; nothing was written.
    UnknownAttachment(String),
    /// The `Idempotency-Key` claim was taken over by a retry (which writes the message); nothing
    /// was written.
    ClaimLost,
    /// The mail in [`NewMessage::received`] is already stored on this ticket (same message id);
    /// nothing was written.
    Duplicate,
}

fn reply_from_row(row: &AnyRow) -> Result<ReplyRecord, StoreError> {
    let created_ms: i64 = row.try_get("created_at")?;
    let author = match row.try_get::<String, _>("author")?.as_str() {
        "user" => MessageAuthor::User,
        _ => MessageAuthor::Agent(row.try_get("author_name")?),
    };
    Ok(ReplyRecord {
        id: row.try_get("id")?,
        body: row.try_get("body")?,
        public: row.try_get::<i64, _>("public")? != 0,
        author,
        created_ms,
        created_at: rfc3339(created_ms),
        via: row.try_get("via")?,
    })
}

impl MessageAuthor {
    /// The status event a public message of this author is.
    fn event(&self, public: bool) -> Event {
        match (self, public) {
            (_, false) => Event::InternalNote,
            (MessageAuthor::Agent(_), true) => Event::PublicReply,
            (MessageAuthor::User, true) => Event::UserFollowUp,
        }
    }
}

impl Store {
    /// Adds `message` to the ticket with `reference` and applies its status event, in one
    /// transaction (see the module doc). With `key`, the claimed `Idempotency-Key` (and its
    /// request hash) is marked done with `response(&reply, status after)` in the same
    /// transaction.
    pub async fn add_message(
        &self,
        reference: &str,
        message: NewMessage<'_>,
        key: Option<(&str, &str)>,
        response: impl FnOnce(&ReplyRecord, Status) -> String,
    ) -> Result<MessageAdded, StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        let Some((ticket_id, status)) = lock_ticket(&mut tx, reference, Some(now)).await? else {
            return Ok(MessageAdded::NoTicket);
        };
        // Under the ticket's lock: a second delivery of the mail waits here and finds the first.
        if let Some(mail) = message.received
            && stored(&mut tx, &ticket_id, &mail.message_id).await?
        {
            return Ok(MessageAdded::Duplicate);
        }
        let last: i64 = sqlx::query(
            "SELECT COALESCE(MAX(created_at), 0) AS last FROM ticket_replies WHERE ticket_id = $1",
        )
        .bind(&ticket_id)
        .fetch_one(&mut *tx)
        .await?
        .try_get("last")?;
        let created_ms = now.max(last + 1);
        let id = format!("rpl_{}", crate::tickets::random_hex(16));
        let (author, author_name) = match message.author {
            MessageAuthor::Agent(name) => ("agent", name.clone()),
            MessageAuthor::User => ("user", None),
        };
        sqlx::query(
            "INSERT INTO ticket_replies (id, ticket_id, body, public, author, author_name, created_at, via) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&id)
        .bind(&ticket_id)
        .bind(message.body)
        .bind(i64::from(message.public))
        .bind(author)
        .bind(author_name)
        .bind(created_ms)
        .bind(message.via)
        .execute(&mut *tx)
        .await?;
        if let Some(mail) = message.received
            && !insert_stored(&mut tx, &ticket_id, &id, mail, now).await?
        {
            return Ok(MessageAdded::Duplicate);
        }
        for attachment in message.attachments {
            if !link_attachment(&mut tx, &ticket_id, Some(&id), attachment).await? {
                return Ok(MessageAdded::UnknownAttachment(attachment.clone()));
            }
        }
        let status = apply_event(
            &mut tx,
            &ticket_id,
            status,
            message.author.event(message.public),
            created_ms,
        )
        .await?;
        let reply = ReplyRecord {
            id,
            body: message.body.to_string(),
            public: message.public,
            author: message.author.clone(),
            created_ms,
            created_at: rfc3339(created_ms),
            via: message.via.map(str::to_string),
        };
        if !message.deliver_to.is_empty() {
            // The user's follow-up goes to the team's targets; an agent's public reply to
            // `requester` (its email, with the message it answers: `super::requester`); an
            // internal note is never sent.
            let event = match (message.author, message.public) {
                (MessageAuthor::User, _) => Some(OutboxEvent::TicketMessage(MessageEvent {
                    id: reply.id.clone(),
                    body: reply.body.clone(),
                    created_at: reply.created_at.clone(),
                    attachments: message.attachments.to_vec(),
                })),
                (MessageAuthor::Agent(_), true) => Some(OutboxEvent::AgentReply(
                    reply_event(&mut tx, &ticket_id, &reply).await?,
                )),
                (MessageAuthor::Agent(_), false) => None,
            };
            if let Some(event) = event {
                enqueue(&mut tx, &ticket_id, message.deliver_to, &event, now).await?;
            }
        }
        if let Some((key, hash)) = key
            && !finish_key(&mut tx, &ticket_id, key, hash, &response(&reply, status)).await?
        {
            return Ok(MessageAdded::ClaimLost);
        }
        self.announce(&mut tx, reference).await?;
        tx.commit().await?;
        self.announced(reference);
        Ok(MessageAdded::Stored { reply, status })
    }

    /// Messages on the ticket with id `ticket_id` after the first, oldest first; with
    /// `public_only`, internal notes are left out.
    pub async fn replies_of(
        &self,
        ticket_id: &str,
        public_only: bool,
    ) -> Result<Vec<ReplyRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, body, public, author, author_name, created_at, via FROM ticket_replies \
             WHERE ticket_id = $1 AND public >= $2 ORDER BY created_at, id",
        )
        .bind(ticket_id)
        // `public` is 0 or 1: at least 1 keeps public replies only, at least 0 keeps all.
        .bind(i64::from(public_only))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(reply_from_row).collect()
    }
}

/// Locks the row of the ticket with `reference` (an `UPDATE`, which PostgreSQL holds until the
/// transaction ends), sets its `updated_at` to `touch` when given, and returns its id and status;
/// `None` if there is none.
pub(super) async fn lock_ticket(
    tx: &mut WriteTx,
    reference: &str,
    touch: Option<i64>,
) -> Result<Option<(String, Status)>, StoreError> {
    let updated = sqlx::query(
        "UPDATE tickets SET updated_at = COALESCE($1, updated_at) WHERE reference = $2",
    )
    .bind(touch)
    .bind(reference)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if updated != 1 {
        return Ok(None);
    }
    let row = sqlx::query("SELECT id, status FROM tickets WHERE reference = $1")
        .bind(reference)
        .fetch_one(&mut **tx)
        .await?;
    let status: String = row.try_get("status")?;
    let status = Status::from_wire(&status).ok_or(StoreError::Corrupt("ticket status"))?;
    Ok(Some((row.try_get("id")?, status)))
}

/// Applies `event` to a ticket in `status` (koban-core's rules); when the status changes, stores
/// it with `updated_at` = `at` and records the change at `at`. Returns the new status; a refused
/// event (or one that leaves the status as it was) changes nothing.
pub(super) async fn apply_event(
    tx: &mut WriteTx,
    ticket_id: &str,
    status: Status,
    event: Event,
    at: i64,
) -> Result<Status, StoreError> {
    let next = status.apply(event).unwrap_or(status);
    if next != status {
        sqlx::query("UPDATE tickets SET status = $1, updated_at = $2 WHERE id = $3")
            .bind(next.as_str())
            .bind(at)
            .bind(ticket_id)
            .execute(&mut **tx)
            .await?;
        sqlx::query(
            "INSERT INTO ticket_status_changes (id, ticket_id, from_status, to_status, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(format!("sts_{}", crate::tickets::random_hex(16)))
        .bind(ticket_id)
        .bind(status.as_str())
        .bind(next.as_str())
        .bind(at)
        .execute(&mut **tx)
        .await?;
    }
    Ok(next)
}
