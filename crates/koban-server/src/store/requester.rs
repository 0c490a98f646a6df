//! What the requester's emails read from the store (see [`crate::delivery::requester`]).
//!
//! - `reply_event`: the `ticket.replied` snapshot taken in the transaction that stores an
//!   agent's public reply: the reply, its files by name, and the message it answers, so the email
//!   quotes what the requester saw then, whatever is added later.
//! - [`Store::requester_thread`]: the earlier emails of the conversation, which the threading
//!   headers (`In-Reply-To`, `References`) name so mail clients show one thread.

use sqlx::Row;

use super::outbox::{Quoted, ReplyEvent};
use super::replies::{MessageAuthor, ReplyRecord};
use super::{Store, StoreError, WriteTx, rfc3339};

/// The `ticket.replied` event of the agent's public message `reply`, read inside the transaction
/// that stores it (after its files were linked): the display names of its files, and the public
/// message before it (else the ticket's description) to quote.
pub(super) async fn reply_event(
    tx: &mut WriteTx,
    ticket_id: &str,
    reply: &ReplyRecord,
) -> Result<ReplyEvent, StoreError> {
    let attachments =
        sqlx::query("SELECT filename FROM attachments WHERE reply_id = $1 ORDER BY created_at, id")
            .bind(&reply.id)
            .fetch_all(&mut **tx)
            .await?
            .iter()
            .map(|r| r.try_get("filename"))
            .collect::<Result<Vec<String>, _>>()?;
    let before = sqlx::query(
        "SELECT author, author_name, body, created_at FROM ticket_replies \
         WHERE ticket_id = $1 AND public = 1 AND created_at < $2 \
         ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .bind(ticket_id)
    .bind(reply.created_ms)
    .fetch_optional(&mut **tx)
    .await?;
    let previous = match before {
        Some(row) => Quoted {
            author: row.try_get("author")?,
            author_name: row.try_get("author_name")?,
            body: row.try_get("body")?,
            created_at: rfc3339(row.try_get("created_at")?),
        },
        None => {
            let row = sqlx::query("SELECT description, created_at FROM tickets WHERE id = $1")
                .bind(ticket_id)
                .fetch_one(&mut **tx)
                .await?;
            Quoted {
                author: "user".into(),
                author_name: None,
                body: row.try_get("description")?,
                created_at: rfc3339(row.try_get("created_at")?),
            }
        }
    };
    let author_name = match &reply.author {
        MessageAuthor::Agent(name) => name.clone(),
        MessageAuthor::User => None,
    };
    Ok(ReplyEvent {
        id: reply.id.clone(),
        body: reply.body.clone(),
        created_at: reply.created_at.clone(),
        author_name,
        attachments,
        previous: Some(previous),
    })
}

/// An earlier email of a ticket's conversation with its requester (see
/// [`Store::requester_thread`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EarlierMail {
    /// An email Koban sent to the requester: its outbox row id.
    Sent(String),
    /// A mail `koban mail ingest` stored: its `Message-ID`, without `<>`.
    Received(String),
}

impl Store {
    /// The emails of the ticket `ticket_id` with its requester before the outbox row `id`, oldest
    /// first: the earlier `requester` rows (by creation, then id) and the mails ingested and
    /// stored before the row was written. It depends only on what was there when the row was
    /// written, so every attempt of a row threads the same way. (The placeholders appear in
    /// order: SQLite numbers `$n` by first appearance.)
    pub async fn requester_thread(
        &self,
        ticket_id: &str,
        id: &str,
    ) -> Result<Vec<EarlierMail>, StoreError> {
        let sent = sqlx::query(
            "SELECT o.id, o.created_at FROM outbox o, outbox me \
             WHERE o.ticket_id = $1 AND me.id = $2 AND o.target = 'requester' \
             AND (o.created_at < me.created_at OR (o.created_at = me.created_at AND o.id < me.id))",
        )
        .bind(ticket_id)
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let received = sqlx::query(
            "SELECT m.message_id, m.created_at FROM mail_received m, outbox me \
             WHERE m.ticket_id = $1 AND me.id = $2 AND m.outcome = 'stored' \
             AND m.created_at < me.created_at",
        )
        .bind(ticket_id)
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let mut mails = Vec::with_capacity(sent.len() + received.len());
        for row in &sent {
            let at: i64 = row.try_get("created_at")?;
            mails.push((at, EarlierMail::Sent(row.try_get("id")?)));
        }
        for row in &received {
            let at: i64 = row.try_get("created_at")?;
            mails.push((at, EarlierMail::Received(row.try_get("message_id")?)));
        }
        mails.sort_by(|(a, x), (b, y)| {
            let key = |m: &EarlierMail| match m {
                EarlierMail::Sent(id) | EarlierMail::Received(id) => id.clone(),
            };
            a.cmp(b).then_with(|| key(x).cmp(&key(y)))
        });
        Ok(mails.into_iter().map(|(_, m)| m).collect())
    }
}
