//! Ticket changes, announced to every process that serves the same database, so that a widget
//! connected to one `koban` sees a reply written through another within a moment.
//!
//! A write that changes what a user sees calls [`Store::announce`] inside its transaction and
//! [`Store::announced`] after the commit. [`Store::announced`] tells this process's subscribers
//! ([`Store::subscribe`]) at once. On PostgreSQL, [`Store::announce`] also runs `pg_notify`,
//! which PostgreSQL delivers to every listening session when (and only if) the transaction
//! commits; [`Store::listen`] keeps one `LISTEN` connection per process and passes other
//! processes' announcements to local subscribers. SQLite serves one process, so the in-process
//! channel is all it needs. No server beyond the database is involved.
//!
//! Announcements carry only a ticket reference (no token, no content): subscribers re-read what
//! they are allowed to see.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::broadcast;

use super::{Backend, Store, StoreError, WriteTx};

/// The PostgreSQL channel of ticket changes.
const CHANNEL: &str = "koban_ticket_changes";

/// How many announcements a slow subscriber may lag behind before it misses some (it then
/// re-reads everything it follows).
const CAPACITY: usize = 1024;

/// The change channel of one process.
pub(super) struct Changes {
    sender: broadcast::Sender<String>,
    /// Tells this process's announcements from others' on PostgreSQL.
    origin: String,
    /// The database URL, for the listening connection (never printed).
    url: String,
}

impl std::fmt::Debug for Changes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Changes")
            .field("origin", &self.origin)
            .finish_non_exhaustive()
    }
}

impl Changes {
    /// A channel for the database at `url`.
    pub(super) fn new(url: &str) -> Arc<Changes> {
        Arc::new(Changes {
            sender: broadcast::channel(CAPACITY).0,
            origin: crate::tickets::random_hex(8),
            url: url.to_string(),
        })
    }
}

impl Store {
    /// Announces a change of the ticket `reference` to other processes when `tx` commits
    /// (PostgreSQL; nothing on SQLite).
    pub async fn announce(&self, tx: &mut WriteTx, reference: &str) -> Result<(), StoreError> {
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(format!("{} {reference}", self.changes.origin))
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// Tells this process's subscribers that the ticket `reference` changed (after the commit).
    pub fn announced(&self, reference: &str) {
        // No subscriber is no error.
        let _ = self.changes.sender.send(reference.to_string());
    }

    /// A receiver of the references of changed tickets, from this process and (on PostgreSQL,
    /// once [`Store::listen`] runs) from every other.
    pub fn subscribe(&self) -> broadcast::Receiver<String> {
        self.changes.sender.subscribe()
    }

    /// On PostgreSQL, listens for other processes' announcements until the process ends,
    /// reconnecting with backoff (1 s doubling to 30 s) after a lost connection. Nothing on
    /// SQLite.
    pub fn listen(&self) {
        if self.backend != Backend::Postgres {
            return;
        }
        let changes = Arc::clone(&self.changes);
        tokio::spawn(async move {
            let mut backoff = Duration::from_secs(1);
            loop {
                match listen_once(&changes).await {
                    Ok(()) => backoff = Duration::from_secs(1),
                    Err(e) => tracing::warn!("ticket change listener: {e}; reconnecting"),
                }
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(30));
            }
        });
    }
}

/// One `LISTEN` session: forwards other processes' announcements until the connection fails.
async fn listen_once(changes: &Changes) -> Result<(), sqlx::Error> {
    let mut listener = sqlx::postgres::PgListener::connect(&changes.url).await?;
    listener.listen(CHANNEL).await?;
    loop {
        let note = listener.recv().await?;
        if let Some((origin, reference)) = note.payload().split_once(' ')
            && origin != changes.origin
        {
            let _ = changes.sender.send(reference.to_string());
        }
    }
}
