//! Uploaded files: one row per upload, linked to a ticket when the ticket references it (inside
//! [`Store::create_ticket`](super::Store::create_ticket)'s transaction, once).

use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Store, StoreError, rfc3339};

/// One uploaded file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentRecord {
    /// Id (`att_` + 32 hex digits), what tickets reference.
    pub id: String,
    /// Name of the file on disk (random hex), under `attachments_dir`.
    #[serde(skip)]
    pub stored_name: String,
    /// The uploader's file name, for display only.
    pub filename: String,
    /// The sniffed media type.
    pub content_type: String,
    /// Size in bytes.
    pub size: i64,
    /// SHA-256 of the content (hex).
    pub sha256: String,
    /// The ticket it belongs to, once referenced.
    pub ticket_id: Option<String>,
    /// The follow-up message it came with (`None`: the ticket's first message, or not linked).
    #[serde(skip)]
    pub reply_id: Option<String>,
    /// Upload time, RFC 3339.
    pub created_at: String,
}

fn from_row(row: &AnyRow) -> Result<AttachmentRecord, StoreError> {
    Ok(AttachmentRecord {
        id: row.try_get("id")?,
        stored_name: row.try_get("stored_name")?,
        filename: row.try_get("filename")?,
        content_type: row.try_get("content_type")?,
        size: row.try_get("size")?,
        sha256: row.try_get("sha256")?,
        ticket_id: row.try_get("ticket_id")?,
        reply_id: row.try_get("reply_id")?,
        created_at: rfc3339(row.try_get("created_at")?),
    })
}

const COLUMNS: &str =
    "id, stored_name, filename, content_type, size, sha256, ticket_id, reply_id, created_at";

impl Store {
    /// Records an upload (its file is already on disk).
    #[allow(clippy::too_many_arguments)]
    pub async fn insert_attachment(
        &self,
        id: &str,
        stored_name: &str,
        filename: &str,
        content_type: &str,
        size: i64,
        sha256: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO attachments (id, stored_name, filename, content_type, size, sha256, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id)
        .bind(stored_name)
        .bind(filename)
        .bind(content_type)
        .bind(size)
        .bind(sha256)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The files of one ticket, in upload order.
    pub async fn attachments_of(
        &self,
        ticket_id: &str,
    ) -> Result<Vec<AttachmentRecord>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM attachments WHERE ticket_id = $1 ORDER BY created_at, id"
        )))
        .bind(ticket_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(from_row).collect()
    }

    /// The upload with `id`.
    pub async fn attachment(&self, id: &str) -> Result<Option<AttachmentRecord>, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM attachments WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| from_row(&r)).transpose()
    }

    /// Deletes uploads no ticket referenced that are older than `before` (Unix ms); returns their
    /// stored names so the files can be removed.
    pub async fn prune_orphan_attachments(&self, before: i64) -> Result<Vec<String>, StoreError> {
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query(
            "SELECT stored_name FROM attachments WHERE ticket_id IS NULL AND created_at < $1",
        )
        .bind(before)
        .fetch_all(&mut *tx)
        .await?;
        let names = rows
            .iter()
            .map(|r| r.try_get("stored_name"))
            .collect::<Result<Vec<String>, _>>()?;
        sqlx::query("DELETE FROM attachments WHERE ticket_id IS NULL AND created_at < $1")
            .bind(before)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(names)
    }
}
