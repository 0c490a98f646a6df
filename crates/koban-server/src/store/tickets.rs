//! Tickets and idempotency keys.
//!
//! Exactly-once creation works in two short transactions:
//! 1. [`Store::claim_key`] records the `Idempotency-Key` as *in flight* together with the hash
//!    of the request body (or reports what the key already stands for);
//! 2. [`Store::create_ticket`] inserts the ticket, its outbox rows and the finished response,
//!    and marks the key *done*, all in one transaction. The 201 is sent only after it commits.
//!
//! A request that fails before step 2 (validation error, crash) releases its claim
//! ([`Store::release_key`]) so the corrected ticket can reuse the key; a claim left behind by a
//! crash is taken over once it is older than the in-flight timeout.

use serde::Serialize;
use serde_json::Value;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::outbox::{OutboxEvent, enqueue};
use super::{Store, StoreError, WriteTx, rfc3339};

/// A ticket about to be inserted.
#[derive(Debug, Clone)]
pub struct NewTicket {
    /// Opaque id (`tkt_` + 32 hex digits).
    pub id: String,
    /// Human-friendly reference, `KB-XXXX-XXXX`.
    pub reference: String,
    /// SHA-256 (hex) of the access token given to the submitter.
    pub access_token_hash: String,
    /// Sender's name.
    pub name: String,
    /// Sender's email.
    pub email: String,
    /// Category id.
    pub category: String,
    /// Subject.
    pub subject: String,
    /// Description.
    pub description: String,
    /// Custom fields (JSON object).
    pub fields: Value,
    /// Page context (JSON object).
    pub context: Value,
    /// Whether the sender's identity was verified.
    pub verified: bool,
    /// Creation time, Unix ms.
    pub created_at: i64,
}

/// A stored ticket (everything but the access token hash).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TicketRecord {
    /// Opaque id.
    pub id: String,
    /// Human-friendly reference.
    pub reference: String,
    /// `open`, `answered` (support replied), `solved` (by the user) or `closed`
    /// ([`koban_core::conversation::Status`]).
    pub status: String,
    /// Sender's name.
    pub name: String,
    /// Sender's email.
    pub email: String,
    /// Category id.
    pub category: String,
    /// Subject.
    pub subject: String,
    /// Description, as given.
    pub description: String,
    /// Custom fields.
    #[schema(value_type = Object)]
    pub fields: Value,
    /// Page context.
    #[schema(value_type = Object)]
    pub context: Value,
    /// Whether the sender's identity was verified.
    pub verified: bool,
    /// Creation time, RFC 3339.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// Last change, RFC 3339.
    #[schema(format = DateTime)]
    pub updated_at: String,
}

/// What an `Idempotency-Key` stands for when a request arrives.
#[derive(Debug, Clone, PartialEq)]
pub enum Claim {
    /// New key (or an abandoned claim taken over): this request owns it now.
    Claimed,
    /// Already done with the same body: send this stored response again.
    Replay(String),
    /// Another request with this key and body is being processed.
    InFlight,
    /// The key was used with a different body.
    Mismatch,
}

/// Outcome of [`Store::create_ticket`].
#[derive(Debug, Clone, PartialEq)]
pub enum Created {
    /// Committed.
    Committed,
    /// The claim was lost (taken over after timing out); nothing was written.
    ClaimLost,
    /// The reference was already taken (astronomically rare): draw another and try again.
    ReferenceTaken,
    /// This attachment id does not exist or belongs to another ticket; nothing was written.
    UnknownAttachment(String),
}

const TICKET_COLUMNS: &str = "id, reference, status, name, email, category, subject, description, fields, context, verified, created_at, updated_at";

fn ticket_from_row(row: &AnyRow) -> Result<TicketRecord, StoreError> {
    Ok(TicketRecord {
        id: row.try_get("id")?,
        reference: row.try_get("reference")?,
        status: row.try_get("status")?,
        name: row.try_get("name")?,
        email: row.try_get("email")?,
        category: row.try_get("category")?,
        subject: row.try_get("subject")?,
        description: row.try_get("description")?,
        fields: serde_json::from_str(&row.try_get::<String, _>("fields")?)?,
        context: serde_json::from_str(&row.try_get::<String, _>("context")?)?,
        verified: row.try_get::<i64, _>("verified")? != 0,
        created_at: rfc3339(row.try_get("created_at")?),
        updated_at: rfc3339(row.try_get("updated_at")?),
    })
}

/// Links the upload `id` (not yet linked to any ticket) to the ticket `ticket_id` and, for a
/// follow-up's files, to the message `reply_id`; `false` if there is no such unlinked upload.
pub(super) async fn link_attachment(
    tx: &mut WriteTx,
    ticket_id: &str,
    reply_id: Option<&str>,
    id: &str,
) -> Result<bool, StoreError> {
    let linked = sqlx::query(
        "UPDATE attachments SET ticket_id = $1, reply_id = $2 WHERE id = $3 AND ticket_id IS NULL",
    )
    .bind(ticket_id)
    .bind(reply_id)
    .bind(id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(linked == 1)
}

/// Marks the claimed `key` (with its request `hash`) done with `response`, for the ticket
/// `ticket_id`, inside `tx`; `false` if the claim was taken over meanwhile.
pub(super) async fn finish_key(
    tx: &mut WriteTx,
    ticket_id: &str,
    key: &str,
    hash: &str,
    response: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE idempotency_keys SET state = 'done', ticket_id = $1, response = $2 \
         WHERE idem_key = $3 AND request_hash = $4 AND state = 'in_flight'",
    )
    .bind(ticket_id)
    .bind(response)
    .bind(key)
    .bind(hash)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(done == 1)
}

impl Store {
    /// Claims `key` for a request whose body hashes to `hash`. Claims in flight since before
    /// `stale_before` (Unix ms) are considered abandoned and taken over.
    pub async fn claim_key(
        &self,
        key: &str,
        hash: &str,
        now: i64,
        stale_before: i64,
    ) -> Result<Claim, StoreError> {
        let mut tx = self.begin_write().await?;
        let inserted = sqlx::query(
            "INSERT INTO idempotency_keys (idem_key, request_hash, state, created_at) \
             VALUES ($1, $2, 'in_flight', $3) ON CONFLICT (idem_key) DO NOTHING",
        )
        .bind(key)
        .bind(hash)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 1 {
            tx.commit().await?;
            return Ok(Claim::Claimed);
        }
        let row = sqlx::query(
            "SELECT request_hash, state, response, created_at FROM idempotency_keys WHERE idem_key = $1",
        )
        .bind(key)
        .fetch_one(&mut *tx)
        .await?;
        let stored_hash: String = row.try_get("request_hash")?;
        let state: String = row.try_get("state")?;
        let created_at: i64 = row.try_get("created_at")?;
        let claim = if state == "done" {
            if stored_hash == hash {
                Claim::Replay(
                    row.try_get::<Option<String>, _>("response")?
                        .unwrap_or_default(),
                )
            } else {
                Claim::Mismatch
            }
        } else if created_at < stale_before {
            let taken = sqlx::query(
                "UPDATE idempotency_keys SET request_hash = $1, created_at = $2 \
                 WHERE idem_key = $3 AND state = 'in_flight' AND created_at = $4",
            )
            .bind(hash)
            .bind(now)
            .bind(key)
            .bind(created_at)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if taken == 1 {
                Claim::Claimed
            } else {
                Claim::InFlight
            }
        } else if stored_hash == hash {
            Claim::InFlight
        } else {
            Claim::Mismatch
        };
        tx.commit().await?;
        Ok(claim)
    }

    /// Releases an in-flight claim (the request failed before anything was stored).
    pub async fn release_key(&self, key: &str, hash: &str) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "DELETE FROM idempotency_keys WHERE idem_key = $1 AND request_hash = $2 AND state = 'in_flight'",
        )
        .bind(key)
        .bind(hash)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Inserts `ticket` with one outbox row per delivery target, links its `attachments`
    /// (uploads not yet linked to any ticket) and stores `response` under the claimed `key`, in
    /// one transaction.
    pub async fn create_ticket(
        &self,
        ticket: &NewTicket,
        key: &str,
        hash: &str,
        response: &str,
        targets: &[String],
        attachments: &[String],
    ) -> Result<Created, StoreError> {
        let mut tx = self.begin_write().await?;
        let taken = sqlx::query("SELECT 1 AS one FROM tickets WHERE reference = $1")
            .bind(&ticket.reference)
            .fetch_optional(&mut *tx)
            .await?;
        if taken.is_some() {
            return Ok(Created::ReferenceTaken);
        }
        sqlx::query(
            "INSERT INTO tickets (id, reference, access_token_hash, status, name, email, category, \
             subject, description, fields, context, verified, created_at, updated_at) \
             VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)",
        )
        .bind(&ticket.id)
        .bind(&ticket.reference)
        .bind(&ticket.access_token_hash)
        .bind(&ticket.name)
        .bind(&ticket.email)
        .bind(&ticket.category)
        .bind(&ticket.subject)
        .bind(&ticket.description)
        .bind(ticket.fields.to_string())
        .bind(ticket.context.to_string())
        .bind(i64::from(ticket.verified))
        .bind(ticket.created_at)
        .execute(&mut *tx)
        .await?;
        for id in attachments {
            if !link_attachment(&mut tx, &ticket.id, None, id).await? {
                return Ok(Created::UnknownAttachment(id.clone()));
            }
        }
        let created = OutboxEvent::TicketCreated;
        enqueue(&mut tx, &ticket.id, targets, &created, ticket.created_at).await?;
        if !finish_key(&mut tx, &ticket.id, key, hash, response).await? {
            return Ok(Created::ClaimLost);
        }
        tx.commit().await?;
        Ok(Created::Committed)
    }

    /// The ticket with `reference` and its access token hash.
    pub async fn ticket_with_token_hash(
        &self,
        reference: &str,
    ) -> Result<Option<(TicketRecord, String)>, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {TICKET_COLUMNS}, access_token_hash FROM tickets WHERE reference = $1"
        )))
        .bind(reference)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| Ok((ticket_from_row(&r)?, r.try_get("access_token_hash")?)))
            .transpose()
    }

    /// The ticket with id `id`.
    pub async fn ticket_by_id(&self, id: &str) -> Result<Option<TicketRecord>, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {TICKET_COLUMNS} FROM tickets WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| ticket_from_row(&r)).transpose()
    }

    /// The ticket with `reference`.
    pub async fn ticket(&self, reference: &str) -> Result<Option<TicketRecord>, StoreError> {
        Ok(self
            .ticket_with_token_hash(reference)
            .await?
            .map(|(t, _)| t))
    }

    /// Tickets, newest first.
    pub async fn list_tickets(
        &self,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<TicketRecord>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {TICKET_COLUMNS} FROM tickets ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2"
        )))
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(ticket_from_row).collect()
    }

    /// Number of stored tickets.
    pub async fn count_tickets(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query("SELECT COUNT(*) AS n FROM tickets")
            .fetch_one(&self.pool)
            .await?
            .try_get("n")?)
    }

    /// Deletes finished idempotency keys created before `before` (Unix ms); returns how many.
    pub async fn prune_keys(&self, before: i64) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
            .bind(before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(n)
    }

    /// Counts one rejected submission (honeypot, too fast, rate limited) under `reason`.
    pub async fn count_rejection(&self, reason: &str) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO rejections (reason, count) VALUES ($1, 1) \
             ON CONFLICT (reason) DO UPDATE SET count = rejections.count + 1",
        )
        .bind(reason)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Rejected submissions counted so far, by reason.
    pub async fn rejections(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let rows = sqlx::query("SELECT reason, count FROM rejections ORDER BY reason")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("reason")?, r.try_get("count")?)))
            .collect()
    }
}
