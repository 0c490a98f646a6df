//! Mail given to `koban mail ingest` (`mail_received`, migration 0008): the audit log and the
//! "exactly once per Message-ID" guard.
//!
//! A row per mail, never its body: the message id (or `sha256:` of the mail when it has none),
//! the sender's address, what became of it and its size. A stored mail's row is written by
//! [`Store::add_message`] in the transaction of its message ([`insert_stored`]), so a mail is
//! stored on a ticket at most once: the check runs under the ticket's lock, and the partial
//! unique index `mail_received_once` backs it. Every other outcome is recorded on its own by
//! [`Store::record_mail`], and pruned after [`RECORD_DAYS`] days (spam to the reply domain must
//! not grow the table forever); stored rows stay, as the guard.

use sqlx::Row;

use super::{Store, StoreError, WriteTx, now_ms};

/// The mail a message came in: what `mail_received` keeps of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedMail {
    /// `Message-ID` without `<>` (at most 250 characters), or `sha256:<hex>`.
    pub message_id: String,
    /// The author's address (or the envelope sender when there is none).
    pub sender: String,
    /// Size in bytes, as read.
    pub size: i64,
}

/// What became of a mail that stored no message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailOutcome {
    /// An auto-reply, bounce or list mail: ignored (no loops).
    AutoReply,
    /// Unknown recipient, or a sender who may not write to the ticket.
    Refused,
    /// Unparseable, too large, too many parts, text too long, or empty.
    BadMessage,
    /// Already stored on the ticket.
    Duplicate,
}

impl MailOutcome {
    /// The `outcome` column.
    pub fn as_str(self) -> &'static str {
        match self {
            MailOutcome::AutoReply => "auto_reply",
            MailOutcome::Refused => "refused",
            MailOutcome::BadMessage => "bad_message",
            MailOutcome::Duplicate => "duplicate",
        }
    }
}

fn new_id() -> String {
    format!("mrc_{}", crate::tickets::random_hex(16))
}

/// Whether `message_id` is already stored on the ticket `ticket_id`.
pub(super) async fn stored(
    tx: &mut WriteTx,
    ticket_id: &str,
    message_id: &str,
) -> Result<bool, StoreError> {
    Ok(sqlx::query(
        "SELECT 1 AS one FROM mail_received \
         WHERE ticket_id = $1 AND message_id = $2 AND outcome = 'stored'",
    )
    .bind(ticket_id)
    .bind(message_id)
    .fetch_optional(&mut **tx)
    .await?
    .is_some())
}

/// Records `mail` as stored on the ticket `ticket_id` as the message `reply_id`; `false` when
/// the unique index says it already was (the transaction must then be dropped).
pub(super) async fn insert_stored(
    tx: &mut WriteTx,
    ticket_id: &str,
    reply_id: &str,
    mail: &ReceivedMail,
    now: i64,
) -> Result<bool, StoreError> {
    let inserted = sqlx::query(
        "INSERT INTO mail_received (id, ticket_id, message_id, sender, outcome, reply_id, size, \
         created_at) VALUES ($1, $2, $3, $4, 'stored', $5, $6, $7)",
    )
    .bind(new_id())
    .bind(ticket_id)
    .bind(&mail.message_id)
    .bind(&mail.sender)
    .bind(reply_id)
    .bind(mail.size)
    .bind(now)
    .execute(&mut **tx)
    .await;
    match inserted {
        Ok(_) => Ok(true),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Days a mail that stored nothing stays recorded.
pub const RECORD_DAYS: i64 = 30;

/// Most `obx_` ids one mail may name for the `In-Reply-To` fallback.
pub const OUTBOX_IDS_MAX: usize = 20;

impl Store {
    /// Records a mail that stored no message, with its ticket when known.
    pub async fn record_mail(
        &self,
        ticket_id: Option<&str>,
        mail: &ReceivedMail,
        outcome: MailOutcome,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO mail_received (id, ticket_id, message_id, sender, outcome, size, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(new_id())
        .bind(ticket_id)
        .bind(&mail.message_id)
        .bind(&mail.sender)
        .bind(outcome.as_str())
        .bind(mail.size)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Deletes the records of mail that stored nothing, older than `before` (Unix ms); how many.
    pub async fn prune_mail_records(&self, before: i64) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        let n =
            sqlx::query("DELETE FROM mail_received WHERE outcome <> 'stored' AND created_at < $1")
                .bind(before)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        tx.commit().await?;
        Ok(n)
    }

    /// Whether the mail `message_id` is already stored on the ticket `ticket_id` (a quick check
    /// before any file is written; [`Store::add_message`] checks again under the lock).
    pub async fn mail_stored(&self, ticket_id: &str, message_id: &str) -> Result<bool, StoreError> {
        Ok(sqlx::query(
            "SELECT 1 AS one FROM mail_received \
             WHERE ticket_id = $1 AND message_id = $2 AND outcome = 'stored'",
        )
        .bind(ticket_id)
        .bind(message_id)
        .fetch_optional(&self.pool)
        .await?
        .is_some())
    }

    /// The distinct tickets of the outbox rows `ids` (`obx_…`, the Message-IDs of Koban's mails;
    /// at most [`OUTBOX_IDS_MAX`] are read).
    pub async fn tickets_of_outbox(&self, ids: &[String]) -> Result<Vec<String>, StoreError> {
        let ids = &ids[..ids.len().min(OUTBOX_IDS_MAX)];
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT DISTINCT ticket_id FROM outbox WHERE id IN ({}) ORDER BY ticket_id",
            placeholders.join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in ids {
            query = query.bind(id);
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| r.try_get("ticket_id").map_err(StoreError::from))
            .collect()
    }
}
