//! Ticket changes, announced to every process that serves the same database, so that a widget
//! connected to one `koban` sees a reply written through another within a moment.
//!
//! A write that changes what a user sees calls [`Store::announce`] inside its transaction and
//! [`Store::announced`] after the commit. [`Store::announced`] tells this process's subscribers
//! ([`Store::subscribe`]) at once. Other processes learn of it through [`Store::listen`], which
//! `koban serve` starts (`koban tickets reply` and the other commands write and exit):
//!
//! - On PostgreSQL, [`Store::announce`] also runs `pg_notify`, which PostgreSQL delivers to every
//!   listening session when (and only if) the transaction commits; [`Store::listen`] keeps one
//!   `LISTEN` connection per process and passes other processes' announcements to local
//!   subscribers.
//! - SQLite has no notifications, and the other process is usually `koban tickets reply` on the
//!   same file. [`Store::listen`] keeps one connection of its own (taken from the pool and
//!   detached, so requests keep all of theirs) and every 300 ms reads `PRAGMA data_version`,
//!   which changes on that connection when any other connection, of this process or another,
//!   commits. Idle, that is all it costs: no table is read. When it changed, one query reads the
//!   messages (agents' replies, notes and the user's follow-ups) and status changes whose rowid
//!   is past the last one seen, the same writes that announce in-process, and passes their
//!   tickets' references to local subscribers. Rowids, not times: SQLite admits one writer at a
//!   time, so rowids grow in commit order, whereas a time stamped before a wait for the write
//!   lock can commit after a later one. This process's own writes are seen a second time; a
//!   duplicate `changed` only makes the page re-read. Another store handle in the same process
//!   is another connection, so it is seen the same way.
//!
//! No server beyond the database is involved. Both listeners stop when the store's pool is
//! closed ([`Store::close`]) and otherwise run as long as the process.
//!
//! Announcements carry only a ticket reference (no token, no content): subscribers re-read what
//! they are allowed to see. Nothing here logs a reference or any ticket content.

use std::collections::BTreeSet;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::{Duration, Instant};

use sqlx::{AnyConnection, AnyPool, Row};
use tokio::sync::broadcast;
use tokio::time::MissedTickBehavior;

use super::{Backend, Store, StoreError, WriteTx};

/// The PostgreSQL channel of ticket changes.
const CHANNEL: &str = "koban_ticket_changes";

/// How often the SQLite listener asks whether another connection committed.
const SQLITE_TICK: Duration = Duration::from_millis(300);

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

    /// A receiver of the references of changed tickets, from this process and (once
    /// [`Store::listen`] runs) from every other on the same database.
    pub fn subscribe(&self) -> broadcast::Receiver<String> {
        self.changes.sender.subscribe()
    }

    /// Passes other processes' announcements to this process's subscribers until the store's
    /// pool is closed: on PostgreSQL through `LISTEN`, on SQLite by watching `PRAGMA
    /// data_version` (see the module doc). After a lost connection it reconnects with backoff
    /// (1 s doubling to 30 s). Call it once per process, in `koban serve`.
    pub fn listen(&self) {
        let changes = Arc::clone(&self.changes);
        let mut closed = self.pool.close_event();
        match self.backend {
            Backend::Postgres => {
                tokio::spawn(async move {
                    let _ = closed.do_until(listen_postgres(changes)).await;
                });
            }
            Backend::Sqlite => {
                let pool = self.pool.clone();
                tokio::spawn(async move {
                    let _ = closed.do_until(listen_sqlite(pool, changes)).await;
                });
            }
        }
    }
}

/// After a failed session that started at `started`: logs `e`, waits `backoff`, and doubles it
/// (up to 30 s); a session that had lasted a minute starts the backoff again at 1 s.
async fn pause(backoff: &mut Duration, started: Instant, e: sqlx::Error) {
    if started.elapsed() >= Duration::from_secs(60) {
        *backoff = Duration::from_secs(1);
    }
    tracing::warn!("ticket change listener: {e}; reconnecting");
    tokio::time::sleep(*backoff).await;
    *backoff = (*backoff * 2).min(Duration::from_secs(30));
}

/// PostgreSQL: `LISTEN` sessions, one after the other.
async fn listen_postgres(changes: Arc<Changes>) {
    let mut backoff = Duration::from_secs(1);
    loop {
        let started = Instant::now();
        let Err(e) = listen_once(&changes).await;
        pause(&mut backoff, started, e).await;
    }
}

/// One `LISTEN` session: forwards other processes' announcements until the connection fails.
async fn listen_once(changes: &Changes) -> Result<Infallible, sqlx::Error> {
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

/// The last rows the SQLite listener has seen: rowids in `ticket_replies` and
/// `ticket_status_changes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seen {
    message: i64,
    status: i64,
}

/// SQLite: watching sessions, one after the other; what was seen survives a reconnect, so
/// changes made meanwhile are still announced.
async fn listen_sqlite(pool: AnyPool, changes: Arc<Changes>) {
    let mut backoff = Duration::from_secs(1);
    let mut seen = None;
    loop {
        let started = Instant::now();
        let Err(e) = watch_once(&pool, &changes, &mut seen).await;
        pause(&mut backoff, started, e).await;
    }
}

/// One watching session on a connection of its own, until a query fails.
async fn watch_once(
    pool: &AnyPool,
    changes: &Changes,
    seen: &mut Option<Seen>,
) -> Result<Infallible, sqlx::Error> {
    // `data_version` is per connection: the same one every tick.
    let mut conn = pool.acquire().await?.detach();
    let mut version = data_version(&mut conn).await?;
    let mut at = match *seen {
        // After a reconnect: what changed while the connection was lost.
        Some(at) => announce_since(&mut conn, changes, at).await?,
        None => latest(&mut conn).await?,
    };
    *seen = Some(at);
    let mut tick = tokio::time::interval(SQLITE_TICK);
    tick.set_missed_tick_behavior(MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let now = data_version(&mut conn).await?;
        if now != version {
            version = now;
            at = announce_since(&mut conn, changes, at).await?;
            *seen = Some(at);
        }
    }
}

/// `PRAGMA data_version` of `conn`.
async fn data_version(conn: &mut AnyConnection) -> Result<i64, sqlx::Error> {
    // `fetch_all` runs the statement to its end, so it holds no read transaction afterwards.
    let rows = sqlx::query("PRAGMA data_version").fetch_all(conn).await?;
    match rows.first() {
        Some(row) => row.try_get(0),
        None => Err(sqlx::Error::RowNotFound),
    }
}

/// The last rowids now.
async fn latest(conn: &mut AnyConnection) -> Result<Seen, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT COALESCE((SELECT MAX(rowid) FROM ticket_replies), 0) AS message, \
         COALESCE((SELECT MAX(rowid) FROM ticket_status_changes), 0) AS status",
    )
    .fetch_all(conn)
    .await?;
    let row = rows.first().ok_or(sqlx::Error::RowNotFound)?;
    Ok(Seen {
        message: row.try_get("message")?,
        status: row.try_get("status")?,
    })
}

/// Announces the tickets of the messages and status changes past `at` (each ticket once) and
/// returns what is seen now.
async fn announce_since(
    conn: &mut AnyConnection,
    changes: &Changes,
    at: Seen,
) -> Result<Seen, sqlx::Error> {
    let top = latest(conn).await?;
    // Rows past the top are left for the next tick (which will come: they changed
    // `data_version` after it was read). A top below what was seen means the rowids were
    // renumbered (VACUUM after deletions): start again from there.
    let from = Seen {
        message: at.message.min(top.message),
        status: at.status.min(top.status),
    };
    if from == top {
        return Ok(top);
    }
    let rows = sqlx::query(
        "SELECT t.reference AS reference FROM ticket_replies r JOIN tickets t ON t.id = r.ticket_id \
         WHERE r.rowid > $1 AND r.rowid <= $2 \
         UNION \
         SELECT t.reference AS reference FROM ticket_status_changes s \
         JOIN tickets t ON t.id = s.ticket_id WHERE s.rowid > $3 AND s.rowid <= $4",
    )
    .bind(from.message)
    .bind(top.message)
    .bind(from.status)
    .bind(top.status)
    .fetch_all(&mut *conn)
    .await?;
    let references: BTreeSet<String> = rows
        .iter()
        .map(|row| row.try_get("reference"))
        .collect::<Result<_, _>>()?;
    for reference in references {
        // No subscriber is no error.
        let _ = changes.sender.send(reference);
    }
    Ok(top)
}
