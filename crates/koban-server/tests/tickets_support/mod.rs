//! Shared harness of the ticket tests: a real server on 127.0.0.1 over a real store, SQLite in a
//! temp dir or, when `KOBAN_TEST_POSTGRES_URL` is set, a fresh PostgreSQL database per test.

#![allow(dead_code)]

use koban_server::app::{self, ServerConfig};
use koban_server::store::Store;
use koban_server::tickets::{Faults, TicketsConfig, TicketsState};
use serde_json::{Value, json};
use sqlx::Connection;

/// Which store a test runs on.
#[derive(Debug, Clone)]
pub enum Db {
    /// SQLite file in a fresh temp dir.
    Sqlite,
    /// A fresh database on the PostgreSQL server at this admin URL.
    Postgres(String),
}

impl Db {
    /// PostgreSQL, if `KOBAN_TEST_POSTGRES_URL` is set.
    pub fn postgres() -> Option<Db> {
        std::env::var("KOBAN_TEST_POSTGRES_URL")
            .ok()
            .filter(|s| !s.is_empty())
            .map(Db::Postgres)
    }

    /// A URL of a fresh, empty database.
    pub async fn fresh_url(&self) -> String {
        match self {
            Db::Sqlite => {
                let dir = std::env::temp_dir().join(format!("koban-tickets-{}", unique()));
                format!("sqlite://{}/koban.db", dir.display())
            }
            Db::Postgres(admin) => {
                sqlx::any::install_default_drivers();
                let name = format!("koban_test_{}", unique());
                let mut conn = sqlx::AnyConnection::connect(admin).await.unwrap();
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut conn)
                    .await
                    .unwrap();
                let (base, query) = match admin.split_once('?') {
                    Some((b, q)) => (b, format!("?{q}")),
                    None => (admin.as_str(), String::new()),
                };
                let base = base.rsplit_once('/').map(|(b, _)| b).unwrap_or(base);
                format!("{base}/{name}{query}")
            }
        }
    }
}

/// A process-unique suffix.
pub fn unique() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!(
        "{}_{}_{}",
        std::process::id(),
        nanos,
        N.fetch_add(1, Ordering::SeqCst)
    )
}

/// A running server.
pub struct Server {
    /// `http://127.0.0.1:port`.
    pub base: String,
    /// Its store.
    pub store: Store,
    /// Its database URL (to reopen the store, e.g. from a restarted server).
    pub url: String,
    /// A client.
    pub client: reqwest::Client,
}

/// Test defaults: limits high enough for the concurrency tests, no minimum fill time surprises.
pub fn test_config() -> TicketsConfig {
    TicketsConfig {
        rate_limit_ip_per_minute: 0,
        rate_limit_email_per_hour: 0,
        ..TicketsConfig::default()
    }
}

/// Starts a server on a fresh database.
pub async fn start(db: &Db, config: TicketsConfig) -> Server {
    start_with(db, config, Faults::none()).await
}

/// Starts a server on a fresh database with injected faults.
pub async fn start_with(db: &Db, config: TicketsConfig, faults: Faults) -> Server {
    let url = db.fresh_url().await;
    start_on(&url, config, faults).await
}

/// Starts a server on the database at `url`.
pub async fn start_on(url: &str, config: TicketsConfig, faults: Faults) -> Server {
    let store = Store::connect(url).await.unwrap();
    let state = TicketsState::new(store.clone(), config, faults);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(app::serve(
        listener,
        tickets_only(state),
        std::future::pending(),
    ));
    Server {
        base: format!("http://{addr}"),
        store,
        url: url.to_string(),
        client: reqwest::Client::new(),
    }
}

/// An identity token (HS256 JWT) signed the way a platform backend would (independently of the
/// server's code).
pub fn jwt(claims: Value, secret: &str) -> String {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use hmac::{Hmac, Mac};
    let input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256","typ":"JWT"}"#),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    );
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(input.as_bytes());
    format!(
        "{input}.{}",
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    )
}

/// A server configuration with the ticket API only: no assets, content, feedback or locales.
pub fn tickets_only(state: TicketsState) -> ServerConfig {
    ServerConfig {
        assets_dir: std::env::temp_dir().join("koban-no-assets"),
        content: None,
        tickets: Some(state),
        feedback: None,
        locales: None,
    }
}

/// A valid ticket body; `n` makes it distinct.
pub fn ticket(n: usize) -> Value {
    json!({
        "name": "Ada Lovelace",
        "email": format!("ada{n}@example.com"),
        "category": "jobs",
        "subject": format!("Job stuck #{n}"),
        "description": "My job has been queued for an hour.\n<script>alert(1)</script>",
        "fields": { "job_id": "job_42", "gpu": true },
        "context": {
            "route": "/jobs/42",
            "context": { "plan": "pro" },
            "locale": "ja",
            "widgetVersion": "0.1.0",
            "userAgent": "test",
            "transcript": [{ "step": "start", "answer": "stuck" }]
        },
        "website": "",
        "fillMs": 5000
    })
}

impl Server {
    /// `POST /api/v1/tickets` with `key` (if any) and a JSON `body`.
    pub async fn post(&self, key: Option<&str>, body: &Value) -> reqwest::Response {
        let mut req = self
            .client
            .post(format!("{}/api/v1/tickets", self.base))
            .header("content-type", "application/json")
            .body(body.to_string());
        if let Some(key) = key {
            req = req.header("idempotency-key", key);
        }
        req.send().await.unwrap()
    }

    /// Number of stored tickets.
    pub async fn count(&self) -> i64 {
        self.store.count_tickets().await.unwrap()
    }
}

/// The `code` member of a problem body (`""` when missing).
pub fn problem_code(body: &Value) -> &str {
    body["code"].as_str().unwrap_or("")
}

/// Checks that `res` is an RFC 9457 problem with `status` and Koban's `type`, and returns its body.
pub async fn problem(res: reqwest::Response, status: u16) -> Value {
    assert_eq!(res.status(), status);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], status);
    assert!(
        body["type"]
            .as_str()
            .unwrap()
            .starts_with("urn:koban:problem:")
    );
    body
}

/// Runs each listed `async fn name(db: Db)` on SQLite and, when configured, on PostgreSQL.
#[macro_export]
macro_rules! store_tests {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name(super::tickets_support::Db::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    match super::tickets_support::Db::postgres() {
                        Some(db) => super::$name(db).await,
                        None => eprintln!("KOBAN_TEST_POSTGRES_URL not set: PostgreSQL run skipped"),
                    }
                }
            )*
        }
    };
}

/// Reads the SSE stream `res` until an event named `name` arrives; its data.
pub async fn next_event(
    res: &mut reqwest::Response,
    name: &str,
    within: std::time::Duration,
) -> Option<String> {
    let deadline = std::time::Instant::now() + within;
    let mut buf = String::new();
    while std::time::Instant::now() < deadline {
        let chunk = tokio::time::timeout(deadline - std::time::Instant::now(), res.chunk())
            .await
            .ok()?;
        buf.push_str(&String::from_utf8_lossy(&chunk.ok()??));
        while let Some(end) = buf.find("\n\n") {
            let event: String = buf.drain(..end + 2).collect();
            if event.lines().any(|l| l == format!("event: {name}")) {
                return event
                    .lines()
                    .find_map(|l| l.strip_prefix("data: "))
                    .map(str::to_string);
            }
        }
    }
    None
}
