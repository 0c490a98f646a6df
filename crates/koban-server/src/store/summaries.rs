//! The rows of "Your requests" and of the launcher badge ([`RequestSummary`]), each list in one
//! query.
//!
//! A summary needs the ticket's subject, status and last activity and the number of unread
//! replies, not the thread: building the whole thread of every followed request (messages,
//! files, status changes, rating: five queries each) made the badge, which every page load asks
//! for before any wasm, cost up to 250 queries for 50 requests. Here the unread count is a
//! correlated `COUNT` over the `ticket_replies (ticket_id, created_at)` index, with the same
//! meaning as koban-core's [`unread_count`](koban_core::conversation::unread_count) on the
//! thread: public replies from support stored after the read mark (all of them before the
//! first mark, which is 0). The store tests check that both agree.

use koban_core::conversation::{RequestSummary, Status};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Store, StoreError, rfc3339};

/// The summary columns of ticket `t`, and its access token hash.
const SUMMARY_COLUMNS: &str = "t.reference, t.subject, t.status, t.updated_at, \
    t.access_token_hash, (SELECT COUNT(*) FROM ticket_replies r WHERE r.ticket_id = t.id \
    AND r.public = 1 AND r.author = 'agent' AND r.created_at > t.read_at) AS unread";

/// A summary with the access token hash of its ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    /// The request's row.
    pub summary: RequestSummary,
    /// SHA-256 (hex) of the ticket's access token, to check the token the page sent.
    pub access_token_hash: String,
}

fn summary_from_row(row: &AnyRow) -> Result<SummaryRow, StoreError> {
    let status: String = row.try_get("status")?;
    let unread: i64 = row.try_get("unread")?;
    Ok(SummaryRow {
        summary: RequestSummary {
            reference: row.try_get("reference")?,
            subject: row.try_get("subject")?,
            status: Status::from_wire(&status).ok_or(StoreError::Corrupt("ticket status"))?,
            updated_at: rfc3339(row.try_get("updated_at")?),
            unread: u32::try_from(unread).unwrap_or(u32::MAX),
        },
        access_token_hash: row.try_get("access_token_hash")?,
    })
}

impl Store {
    /// The summaries of the tickets with these (normalized) `references`, in no particular
    /// order; unknown references are left out.
    pub async fn summaries(&self, references: &[String]) -> Result<Vec<SummaryRow>, StoreError> {
        if references.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders: Vec<String> = (1..=references.len()).map(|n| format!("${n}")).collect();
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM tickets t WHERE t.reference IN ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for reference in references {
            query = query.bind(reference);
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter().map(summary_from_row).collect()
    }

    /// The requests of a verified identity: tickets filed with `email` (ASCII case-insensitive)
    /// by a verified sender, most recently active first (at most `limit`).
    pub async fn requests_of(
        &self,
        email: &str,
        limit: i64,
    ) -> Result<Vec<RequestSummary>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {SUMMARY_COLUMNS} FROM tickets t WHERE LOWER(t.email) = $1 AND t.verified = 1 \
             ORDER BY t.updated_at DESC, t.id DESC LIMIT $2"
        )))
        .bind(email.trim().to_ascii_lowercase())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| Ok(summary_from_row(row)?.summary))
            .collect()
    }
}
