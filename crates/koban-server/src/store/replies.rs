//! Agents' replies to tickets (`koban tickets reply`): public replies, which the submitter reads
//! with `GET /api/v1/tickets/{reference}`, and internal notes, which only agents see.
//!
//! [`Store::add_reply`] updates the ticket first (a public reply turns `open` into `answered`),
//! which locks its row on PostgreSQL (SQLite's `BEGIN IMMEDIATE` already serializes writers);
//! under that lock a reply gets a `created_at` strictly after the ticket's previous reply, so
//! replies sort oldest first even when two land in the same millisecond.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Store, StoreError, now_ms, rfc3339};

/// A stored reply.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplyRecord {
    /// Opaque id (`rpl_` + 32 hex digits).
    pub id: String,
    /// Text, as the agent wrote it.
    pub body: String,
    /// `true` for a reply the submitter sees, `false` for an internal note.
    pub public: bool,
    /// Creation time, RFC 3339.
    pub created_at: String,
}

/// Outcome of [`Store::add_reply`].
#[derive(Debug, Clone, PartialEq)]
pub struct ReplyAdded {
    /// The stored reply.
    pub reply: ReplyRecord,
    /// The ticket's status after the reply.
    pub status: String,
}

fn reply_from_row(row: &AnyRow) -> Result<ReplyRecord, StoreError> {
    Ok(ReplyRecord {
        id: row.try_get("id")?,
        body: row.try_get("body")?,
        public: row.try_get::<i64, _>("public")? != 0,
        created_at: rfc3339(row.try_get("created_at")?),
    })
}

impl Store {
    /// Adds a reply (`public`) or an internal note to the ticket with `reference`, in one
    /// transaction; a public reply to an `open` ticket marks it `answered` (a note changes no
    /// status: the submitter would see nothing new). `None` if there is no such
    /// ticket.
    pub async fn add_reply(
        &self,
        reference: &str,
        body: &str,
        public: bool,
    ) -> Result<Option<ReplyAdded>, StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        let update = if public {
            "UPDATE tickets SET updated_at = $1, \
             status = CASE WHEN status = 'open' THEN 'answered' ELSE status END \
             WHERE reference = $2"
        } else {
            "UPDATE tickets SET updated_at = $1 WHERE reference = $2"
        };
        let updated = sqlx::query(update)
            .bind(now)
            .bind(reference)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if updated != 1 {
            return Ok(None);
        }
        let ticket = sqlx::query("SELECT id, status FROM tickets WHERE reference = $1")
            .bind(reference)
            .fetch_one(&mut *tx)
            .await?;
        let ticket_id: String = ticket.try_get("id")?;
        let status: String = ticket.try_get("status")?;
        let last: i64 = sqlx::query(
            "SELECT COALESCE(MAX(created_at), 0) AS last FROM ticket_replies WHERE ticket_id = $1",
        )
        .bind(&ticket_id)
        .fetch_one(&mut *tx)
        .await?
        .try_get("last")?;
        let created_at = now.max(last + 1);
        let id = format!("rpl_{}", crate::tickets::random_hex(16));
        sqlx::query(
            "INSERT INTO ticket_replies (id, ticket_id, body, public, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&id)
        .bind(&ticket_id)
        .bind(body)
        .bind(i64::from(public))
        .bind(created_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(ReplyAdded {
            reply: ReplyRecord {
                id,
                body: body.to_string(),
                public,
                created_at: rfc3339(created_at),
            },
            status,
        }))
    }

    /// Replies to the ticket with id `ticket_id`, oldest first; with `public_only`, internal
    /// notes are left out.
    pub async fn replies_of(
        &self,
        ticket_id: &str,
        public_only: bool,
    ) -> Result<Vec<ReplyRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, body, public, created_at FROM ticket_replies \
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
