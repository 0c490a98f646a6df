//! The ticket store: SQLite (embedded default, `data/koban.db`) or PostgreSQL
//! (`DATABASE_URL=postgres://...`), behind one [`Store`].
//!
//! Both run the same portable SQL (migrations in `crates/koban-server/migrations/`, embedded in
//! the binary) through sqlx's `Any` driver with runtime-checked queries, so there is one code
//! path to test. Times are Unix milliseconds, JSON is stored as text.
//!
//! SQLite is opened in WAL mode with a busy timeout, and every write transaction starts with
//! `BEGIN IMMEDIATE` so it takes the write lock up front instead of failing with `SQLITE_BUSY` when
//! it upgrades from a read. SQLite admits one writer at a time, and a connection that finds the
//! lock taken sleeps in SQLite's busy handler (1 ms, then longer, up to 100 ms per try): under 32
//! concurrent requests that made the slowest 1 % wait 400 ms. So the store's own writers queue
//! first on one FIFO [`tokio::sync::Mutex`] ([`WriteTx`] holds it) and meet the SQLite lock only
//! when it is free; the busy timeout is left for other processes on the same file.
//!
//! - [`tickets`]: tickets and idempotency keys.
//! - [`outbox`]: the delivery outbox.
//! - [`replies`]: messages on tickets: agents' replies (public, or internal notes) and the
//!   user's follow-ups.
//! - [`conversation`]: a ticket's thread as its user reads it, status changes, ratings, read
//!   marks.
//! - [`requester`]: what the requester's emails about replies read (snapshot, thread).
//! - [`summaries`]: the rows of "Your requests" and the badge, one query per list.
//! - [`attachments`]: uploaded files (metadata; the bytes are on disk).
//! - [`live`]: announcements of changed tickets, across processes (PostgreSQL `LISTEN`, SQLite
//!   `PRAGMA data_version`).
//! - [`feedback`]: the widget's feedback events and the aggregates of `koban report`.
//! - [`mail`]: mail given to `koban mail ingest`: the audit log and the once-per-Message-ID guard.

pub mod attachments;
pub mod conversation;
pub mod feedback;
pub mod live;
pub mod mail;
pub mod outbox;
pub mod replies;
pub mod requester;
pub mod summaries;
pub mod tickets;

use std::borrow::Cow;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{Any, AnyConnection, AnyPool, Executor, Transaction};
use tokio::sync::{Mutex, OwnedMutexGuard};

/// The default database: an SQLite file under `data/`.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/koban.db";

/// A store failure.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The URL names no supported database.
    #[error("unsupported database URL `{0}` (expected sqlite://... or postgres://...)")]
    UnsupportedUrl(String),
    /// The database directory could not be created.
    #[error("cannot create the database directory {path}: {source}")]
    Directory {
        /// The directory.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A query failed.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A migration failed.
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Stored data that should be JSON is not.
    #[error("corrupt stored JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A stored value is not one the code knows (e.g. a ticket status).
    #[error("corrupt stored value: {0}")]
    Corrupt(&'static str),
}

/// Which database a [`Store`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite, embedded.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

/// A connection pool to the ticket store. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// The queue of this process's write transactions on SQLite (see the module doc).
    writer: Arc<Mutex<()>>,
    /// Announcements of changed tickets ([`live`]).
    changes: Arc<live::Changes>,
}

/// A write transaction. Queries run on `&mut *tx` as on a [`Transaction`]; dropped without
/// [`WriteTx::commit`], it rolls back. On SQLite it holds the store's writer queue until then.
pub struct WriteTx {
    tx: Transaction<'static, Any>,
    _turn: Option<OwnedMutexGuard<()>>,
}

impl WriteTx {
    /// Commits, then lets the next writer in.
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

impl Deref for WriteTx {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

/// The embedded migrations.
fn migrator() -> Migrator {
    let migration = |version: i64, name: &'static str, sql: &'static str| {
        Migration::new(
            version,
            Cow::Borrowed(name),
            MigrationType::Simple,
            sqlx::AssertSqlSafe(sql).into_sql_str(),
            false,
        )
    };
    Migrator::with_migrations(vec![
        migration(
            1,
            "tickets",
            include_str!("../../migrations/0001_tickets.sql"),
        ),
        migration(
            2,
            "outbox_leases",
            include_str!("../../migrations/0002_outbox_leases.sql"),
        ),
        migration(
            3,
            "attachments",
            include_str!("../../migrations/0003_attachments.sql"),
        ),
        migration(
            4,
            "feedback",
            include_str!("../../migrations/0004_feedback.sql"),
        ),
        migration(
            5,
            "ticket_replies",
            include_str!("../../migrations/0005_ticket_replies.sql"),
        ),
        migration(
            6,
            "conversations",
            include_str!("../../migrations/0006_conversations.sql"),
        ),
        migration(
            7,
            "outbox_events",
            include_str!("../../migrations/0007_outbox_events.sql"),
        ),
        migration(8, "mail", include_str!("../../migrations/0008_mail.sql")),
    ])
}

use sqlx::SqlSafeStr;

impl Store {
    /// Opens (creating if needed) the database at `url` and applies pending migrations.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        install_default_drivers();
        let (backend, url) = if let Some(path) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            let file = path.split('?').next().unwrap_or("");
            if let Some(dir) = std::path::Path::new(file).parent()
                && !file.is_empty()
                && file != ":memory:"
                && !dir.as_os_str().is_empty()
            {
                std::fs::create_dir_all(dir).map_err(|source| StoreError::Directory {
                    path: dir.display().to_string(),
                    source,
                })?;
            }
            let url = if path.contains("mode=") {
                format!("sqlite://{path}")
            } else if path.contains('?') {
                format!("sqlite://{path}&mode=rwc")
            } else {
                format!("sqlite://{path}?mode=rwc")
            };
            (Backend::Sqlite, url)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (Backend::Postgres, url.to_string())
        } else {
            return Err(StoreError::UnsupportedUrl(url.to_string()));
        };
        let options = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 8,
                Backend::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(10));
        let options = if backend == Backend::Sqlite {
            options.after_connect(|conn, _meta| {
                Box::pin(async move {
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA busy_timeout = 10000").await?;
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    Ok(())
                })
            })
        } else {
            options
        };
        let pool = options.connect(&url).await?;
        migrator().run(&pool).await?;
        Ok(Store {
            pool,
            backend,
            writer: Arc::new(Mutex::new(())),
            changes: live::Changes::new(&url),
        })
    }

    /// The database behind this store.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The connection pool, for queries that need no transaction.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Starts a write transaction; on SQLite it first waits for its turn in the store's writer
    /// queue, then takes the write lock up front (`BEGIN IMMEDIATE`).
    ///
    /// Keep write transactions short and never start a second one while holding one: on SQLite
    /// the second would wait for the first forever (PostgreSQL has no such queue).
    pub async fn begin_write(&self) -> Result<WriteTx, StoreError> {
        let (tx, turn) = match self.backend {
            Backend::Sqlite => {
                let turn = self.writer.clone().lock_owned().await;
                (self.pool.begin_with("BEGIN IMMEDIATE").await?, Some(turn))
            }
            Backend::Postgres => (self.pool.begin().await?, None),
        };
        Ok(WriteTx { tx, _turn: turn })
    }

    /// Closes the pool, waiting for connections to be returned.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Current time in Unix milliseconds.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Formats Unix milliseconds as RFC 3339 UTC with millisecond precision.
pub fn rfc3339(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let millis = ms.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn rfc3339_formats_utc_millis() {
        assert_eq!(super::rfc3339(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            super::rfc3339(1_445_412_480_123),
            "2015-10-21T07:28:00.123Z"
        );
        assert_eq!(
            super::rfc3339(1_709_164_800_000),
            "2024-02-29T00:00:00.000Z"
        );
    }
}
