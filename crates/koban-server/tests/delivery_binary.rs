//! The real binary: `koban serve` is stopped (SIGTERM) with a webhook delivery pending, `koban
//! tickets outbox` lists it with its attempts and last error, and a new `koban serve` on the same
//! database delivers it exactly once, on SQLite and (with `KOBAN_TEST_POSTGRES_URL`) PostgreSQL.

mod delivery_support;
mod fs_support;
mod tickets_support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use delivery_support::receiver::receiver_on;
use delivery_support::{SECRET, wait_until};
use fs_support::free_port;
use koban_server::store::Store;
use serde_json::Value;
use tickets_support::{Db, ticket};
use tokio::net::TcpListener;

const KOBAN: &str = env!("CARGO_BIN_EXE_koban");

/// Stops the server when the test ends, however it ends.
struct Serve(Child);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Serve {
    /// SIGTERM, then wait for the exit.
    fn terminate(mut self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let code = self.0.wait().unwrap();
        assert!(code.success(), "koban serve exited with {code}");
    }
}

/// A free port held until the socket is dropped: bound but not listening, so connections to
/// it are refused, and a test running alongside cannot take it for its own server meanwhile
/// (which once answered this test's webhook with a 404).
fn reserved_port() -> (tokio::net::TcpSocket, u16) {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let port = socket.local_addr().unwrap().port();
    (socket, port)
}

fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn env(database_url: &str, hook_port: u16) -> Vec<(&'static str, String)> {
    vec![
        ("DATABASE_URL", database_url.to_string()),
        (
            "KOBAN_WEBHOOK_URL",
            format!("http://127.0.0.1:{hook_port}/hook"),
        ),
        ("KOBAN_WEBHOOK_SECRET", SECRET.to_string()),
        ("KOBAN_DELIVERY_RETRY_BASE_MS", "100".to_string()),
        ("KOBAN_DELIVERY_RETRY_MAX_MS", "300".to_string()),
        ("KOBAN_DELIVERY_TIMEOUT_MS", "1000".to_string()),
        ("KOBAN_RATE_LIMIT_IP_PER_MINUTE", "0".to_string()),
        ("RUST_LOG", "koban_server=info".to_string()),
    ]
}

async fn serve(database_url: &str, hook_port: u16, cwd: &Path) -> (Serve, String) {
    let port = free_port();
    let child = Command::new(KOBAN)
        .args(["serve", "--port", &port.to_string(), "--content"])
        .arg(content())
        .args(["--assets", "no-assets"])
        .current_dir(cwd)
        .envs(env(database_url, hook_port))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Serve(child);
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    wait_until("koban serve to listen", || async {
        client
            .get(format!("{base}/healthz"))
            .send()
            .await
            .is_ok_and(|r| r.status() == 200)
    })
    .await;
    (server, base)
}

fn outbox_cli(database_url: &str, cwd: &Path) -> String {
    let out = Command::new(KOBAN)
        .args(["tickets", "outbox"])
        .current_dir(cwd)
        .envs(env(database_url, 1))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

async fn serve_restart_delivers_exactly_once(db: Db) {
    let cwd = std::env::temp_dir().join(format!("koban-dlv-{}", tickets_support::unique()));
    std::fs::create_dir_all(&cwd).unwrap();
    let url = db.fresh_url().await;
    let (reserved, hook_port) = reserved_port();

    let (first, base) = serve(&url, hook_port, &cwd).await;
    let res = reqwest::Client::new()
        .post(format!("{base}/api/v1/tickets"))
        .header("idempotency-key", "bin-restart-1")
        .json(&ticket(1))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    let reference = created["reference"].as_str().unwrap();
    let store = Store::connect(&url).await.unwrap();
    wait_until("failed attempts", || async {
        store
            .pending_outbox()
            .await
            .unwrap()
            .iter()
            .all(|o| o.attempts >= 2)
    })
    .await;
    first.terminate();

    // `koban tickets outbox` shows what is pending, with attempts and the last error.
    let listing = outbox_cli(&url, &cwd);
    assert!(listing.contains(reference), "{listing}");
    assert!(listing.contains("webhook"), "{listing}");
    assert!(listing.contains("HTTP request failed"), "{listing}");
    let attempts = store.pending_outbox().await.unwrap()[0].attempts;
    assert!(
        listing.contains(&format!("attempts {attempts}")),
        "{listing}"
    );

    drop(reserved);
    let hooks = receiver_on(
        TcpListener::bind(("127.0.0.1", hook_port)).await.unwrap(),
        0,
    )
    .await;
    let (second, _) = serve(&url, hook_port, &cwd).await;
    wait_until("delivery after restart", || async {
        store.pending_outbox().await.unwrap().is_empty()
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let hits = hooks.hits("/hook");
    assert_eq!(hits.len(), 1, "exactly once: {hits:?}");
    assert_eq!(hits[0].json()["ticket"]["reference"], reference);
    second.terminate();
    assert!(outbox_cli(&url, &cwd).contains("outbox empty"));
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    serve_restart_delivers_exactly_once(Db::Sqlite).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    match Db::postgres() {
        Some(db) => serve_restart_delivers_exactly_once(db).await,
        None => eprintln!("KOBAN_TEST_POSTGRES_URL not set: PostgreSQL run skipped"),
    }
}
