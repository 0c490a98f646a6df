//! The delivery outbox: one row per (event, target), written in the transaction that stores the
//! event and worked off by [`crate::delivery`]. Events are a new ticket, the user's follow-up,
//! the user's satisfaction rating and an agent's public reply ([`OutboxEvent`]); all but the
//! first carry their own part (the message, the score and comment, the reply with the message
//! it answers) as JSON taken at that moment, so a retry sends what was true when it happened;
//! the ticket is read at delivery.
//!
//! A worker owns a row while it holds its lease: [`Store::lease_outbox`] sets `lease_until` with
//! a single conditional `UPDATE ... WHERE id = ? AND (lease_until IS NULL OR lease_until < now)`
//! and reports whether exactly one row changed. The same statement works on SQLite (one writer at
//! a time) and PostgreSQL (the second updater re-checks the condition after the first commits),
//! so several server instances on one database never deliver the same row at the same time. A
//! worker that dies mid-delivery simply lets the lease expire and another one takes over.

use koban_core::conversation::Score;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Store, StoreError, WriteTx, rfc3339};

/// What an outbox row delivers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event", content = "data", rename_all = "snake_case")]
pub enum OutboxEvent {
    /// A new ticket (`ticket.created`).
    TicketCreated,
    /// The user's follow-up (`ticket.message`).
    TicketMessage(MessageEvent),
    /// The user's satisfaction rating, given or changed (`ticket.rated`).
    TicketRated(RatingEvent),
    /// An agent's public reply (`ticket.replied`), emailed to the requester.
    AgentReply(ReplyEvent),
}

/// The message of a `ticket.message` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageEvent {
    /// Message id (`rpl_` + 32 hex digits).
    pub id: String,
    /// Text, as written.
    pub body: String,
    /// RFC 3339 time it was stored.
    pub created_at: String,
    /// Ids of the files attached to it.
    pub attachments: Vec<String>,
}

/// The rating of a `ticket.rated` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RatingEvent {
    /// Good or bad.
    pub score: Score,
    /// The user's comment, if any.
    pub comment: Option<String>,
}

/// The reply of a `ticket.replied` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplyEvent {
    /// Message id (`rpl_` + 32 hex digits).
    pub id: String,
    /// Text, as written.
    pub body: String,
    /// RFC 3339 time it was stored.
    pub created_at: String,
    /// The agent's display name, if given.
    pub author_name: Option<String>,
    /// Display names of the files attached to it.
    pub attachments: Vec<String>,
    /// The public message it follows (the last one before it, else the ticket's description).
    pub previous: Option<Quoted>,
}

/// A message quoted under a reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quoted {
    /// `user` or `agent`.
    pub author: String,
    /// The agent's display name, if given (`None` for the user: the ticket names them).
    pub author_name: Option<String>,
    /// Text, as written.
    pub body: String,
    /// RFC 3339 time it was stored.
    pub created_at: String,
}

impl OutboxEvent {
    /// The name stored in the `event` column.
    pub fn name(&self) -> &'static str {
        match self {
            OutboxEvent::TicketCreated => "ticket_created",
            OutboxEvent::TicketMessage(_) => "ticket_message",
            OutboxEvent::TicketRated(_) => "ticket_rated",
            OutboxEvent::AgentReply(_) => "agent_reply",
        }
    }

    /// The event's name for receivers (`X-Koban-Event`, the webhook's `type`).
    pub fn wire_name(&self) -> &'static str {
        match self {
            OutboxEvent::TicketCreated => "ticket.created",
            OutboxEvent::TicketMessage(_) => "ticket.message",
            OutboxEvent::TicketRated(_) => "ticket.rated",
            OutboxEvent::AgentReply(_) => "ticket.replied",
        }
    }

    /// The `event_data` column.
    fn data(&self) -> Result<Option<String>, StoreError> {
        Ok(match self {
            OutboxEvent::TicketCreated => None,
            OutboxEvent::TicketMessage(m) => Some(serde_json::to_string(m)?),
            OutboxEvent::TicketRated(r) => Some(serde_json::to_string(r)?),
            OutboxEvent::AgentReply(r) => Some(serde_json::to_string(r)?),
        })
    }

    /// The event of a stored row.
    fn from_columns(name: &str, data: Option<&str>) -> Result<OutboxEvent, StoreError> {
        let data = || data.ok_or(StoreError::Corrupt("outbox event data"));
        Ok(match name {
            "ticket_created" => OutboxEvent::TicketCreated,
            "ticket_message" => OutboxEvent::TicketMessage(serde_json::from_str(data()?)?),
            "ticket_rated" => OutboxEvent::TicketRated(serde_json::from_str(data()?)?),
            "agent_reply" => OutboxEvent::AgentReply(serde_json::from_str(data()?)?),
            _ => return Err(StoreError::Corrupt("outbox event")),
        })
    }
}

/// Writes one outbox row per target in `targets` for `event` of the ticket with id `ticket_id`,
/// due at `now` (Unix ms), inside the transaction that stores the event.
pub(super) async fn enqueue(
    tx: &mut WriteTx,
    ticket_id: &str,
    targets: &[String],
    event: &OutboxEvent,
    now: i64,
) -> Result<(), StoreError> {
    let data = event.data()?;
    for target in targets {
        sqlx::query(
            "INSERT INTO outbox (id, ticket_id, target, attempts, next_attempt_at, created_at, \
             event, event_data) VALUES ($1, $2, $3, 0, $4, $4, $5, $6)",
        )
        .bind(format!("obx_{}", crate::tickets::random_hex(16)))
        .bind(ticket_id)
        .bind(target)
        .bind(now)
        .bind(event.name())
        .bind(data.clone())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// One outbox row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OutboxItem {
    /// Row id (`obx_` + 32 hex digits); also sent to receivers as the delivery id.
    pub id: String,
    /// The ticket to deliver.
    pub ticket_id: String,
    /// The ticket's reference.
    pub reference: String,
    /// Delivery target: `webhook`, `discord`, `email` or `requester`.
    pub target: String,
    /// What it delivers.
    #[serde(flatten)]
    pub event: OutboxEvent,
    /// Failed attempts so far.
    pub attempts: i64,
    /// When the next attempt is due, Unix ms.
    pub next_attempt_at: i64,
    /// When it was delivered, Unix ms.
    pub delivered_at: Option<i64>,
    /// The last failure.
    pub last_error: Option<String>,
    /// While in the future, a worker is delivering the row (Unix ms).
    pub lease_until: Option<i64>,
}

impl OutboxItem {
    /// `next_attempt_at` as RFC 3339.
    pub fn next_attempt(&self) -> String {
        rfc3339(self.next_attempt_at)
    }

    /// Whether a worker holds the row at `now`.
    pub fn leased(&self, now: i64) -> bool {
        self.lease_until.is_some_and(|until| until >= now)
    }
}

fn item_from_row(row: &AnyRow) -> Result<OutboxItem, StoreError> {
    Ok(OutboxItem {
        id: row.try_get("id")?,
        ticket_id: row.try_get("ticket_id")?,
        reference: row.try_get("reference")?,
        target: row.try_get("target")?,
        event: OutboxEvent::from_columns(
            &row.try_get::<String, _>("event")?,
            row.try_get::<Option<String>, _>("event_data")?.as_deref(),
        )?,
        attempts: row.try_get("attempts")?,
        next_attempt_at: row.try_get("next_attempt_at")?,
        delivered_at: row.try_get("delivered_at")?,
        last_error: row.try_get("last_error")?,
        lease_until: row.try_get("lease_until")?,
    })
}

const COLUMNS: &str = "o.id, o.ticket_id, t.reference, o.target, o.event, o.event_data, \
                       o.attempts, o.next_attempt_at, o.delivered_at, o.last_error, o.lease_until";

impl Store {
    /// Undelivered, unleased rows due at `now`, oldest first.
    pub async fn due_outbox(&self, now: i64, limit: i64) -> Result<Vec<OutboxItem>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM outbox o JOIN tickets t ON t.id = o.ticket_id \
             WHERE o.delivered_at IS NULL AND o.next_attempt_at <= $1 \
             AND (o.lease_until IS NULL OR o.lease_until < $1) \
             ORDER BY o.next_attempt_at, o.id LIMIT $2"
        )))
        .bind(now)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(item_from_row).collect()
    }

    /// Every undelivered row, oldest first.
    pub async fn pending_outbox(&self) -> Result<Vec<OutboxItem>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM outbox o JOIN tickets t ON t.id = o.ticket_id \
             WHERE o.delivered_at IS NULL ORDER BY o.created_at, o.id"
        )))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(item_from_row).collect()
    }

    /// Every row of one ticket, oldest event first, then by target.
    pub async fn outbox_of(&self, ticket_id: &str) -> Result<Vec<OutboxItem>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM outbox o JOIN tickets t ON t.id = o.ticket_id \
             WHERE o.ticket_id = $1 ORDER BY o.created_at, o.target, o.id"
        )))
        .bind(ticket_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(item_from_row).collect()
    }

    /// When the worker next has something to do: the earliest time an undelivered row is due and
    /// not leased (Unix ms), or `None` when everything was delivered.
    pub async fn next_outbox_due(&self) -> Result<Option<i64>, StoreError> {
        let row = sqlx::query(
            "SELECT MIN(CASE WHEN lease_until IS NOT NULL AND lease_until >= next_attempt_at \
             THEN lease_until + 1 ELSE next_attempt_at END) AS due \
             FROM outbox WHERE delivered_at IS NULL",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get::<Option<i64>, _>("due")?)
    }

    /// Leases row `id` for `owner` until `until` (Unix ms) if it is due and not leased at `now`;
    /// `false` if another worker holds it, it was delivered, or it is not due.
    pub async fn lease_outbox(
        &self,
        id: &str,
        owner: &str,
        now: i64,
        until: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE outbox SET lease_until = $1, lease_owner = $2 \
             WHERE id = $3 AND delivered_at IS NULL AND next_attempt_at <= $4 \
             AND (lease_until IS NULL OR lease_until < $4)",
        )
        .bind(until)
        .bind(owner)
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(n == 1)
    }

    /// Records a successful delivery (and releases the lease).
    pub async fn outbox_delivered(&self, id: &str, now: i64) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE outbox SET delivered_at = $1, last_error = NULL, lease_until = NULL, \
             lease_owner = NULL WHERE id = $2 AND delivered_at IS NULL",
        )
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a failed attempt by `owner`, when to try again, and releases the lease. Does
    /// nothing if `owner` no longer holds the lease.
    pub async fn outbox_failed(
        &self,
        id: &str,
        owner: &str,
        next_attempt_at: i64,
        error: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2, \
             lease_until = NULL, lease_owner = NULL \
             WHERE id = $3 AND lease_owner = $4 AND delivered_at IS NULL",
        )
        .bind(next_attempt_at)
        .bind(error)
        .bind(id)
        .bind(owner)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
