//! Delivery of new tickets over real sockets on 127.0.0.1, on SQLite and (with
//! `KOBAN_TEST_POSTGRES_URL`) PostgreSQL: an HTTP receiver started here checks the webhook's
//! HMAC signature and the Discord message, a minimal SMTP sink written here accepts the emails;
//! receivers that fail make the worker retry; a server stopped with deliveries pending is
//! replaced by a new one on the same database, in process and as the real `koban serve` binary;
//! two instances on one database never deliver a row twice.

mod tickets_support;

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::routing::post;
use hmac::{Hmac, Mac};
use koban_server::app::{self, ServerConfig};
use koban_server::delivery::{self, DeliveryConfig, DeliveryHandle, EmailTarget, WebhookTarget};
use koban_server::store::Store;
use koban_server::store::outbox::OutboxItem;
use koban_server::tickets::{Faults, TicketsState};
use serde_json::{Value, json};
use sha2::Sha256;
use tickets_support::{Db, test_config, ticket};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

const SECRET: &str = "whsec_test_secret";

// ---------------------------------------------------------------------------------------------
// HTTP receiver (webhook and Discord)
// ---------------------------------------------------------------------------------------------

/// One request the receiver got, and what it answered.
#[derive(Debug, Clone)]
struct Hit {
    path: String,
    headers: HeaderMap,
    body: Bytes,
    status: u16,
}

impl Hit {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

#[derive(Debug, Default)]
struct ReceiverState {
    hits: Mutex<Vec<Hit>>,
    /// Answer this many more requests with 503.
    fail_first: AtomicUsize,
}

struct Receiver {
    base: String,
    state: Arc<ReceiverState>,
}

impl Receiver {
    fn hits(&self, path: &str) -> Vec<Hit> {
        let hits = self.state.hits.lock().unwrap();
        hits.iter().filter(|h| h.path == path).cloned().collect()
    }
}

/// Verifies `X-Koban-Signature` independently of the server's code.
fn signature_ok(headers: &HeaderMap, body: &[u8]) -> bool {
    let Some(sig) = headers
        .get("x-koban-signature")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("sha256="))
        .and_then(|v| hex::decode(v).ok())
    else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(body);
    mac.verify_slice(&sig).is_ok()
}

async fn receive(
    State(state): State<Arc<ReceiverState>>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let path = uri.path().to_string();
    let status = if path == "/hook" && !signature_ok(&headers, &body) {
        StatusCode::UNAUTHORIZED
    } else if state
        .fail_first
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok()
    {
        StatusCode::SERVICE_UNAVAILABLE
    } else if path == "/discord" {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::OK
    };
    state.hits.lock().unwrap().push(Hit {
        path,
        headers,
        body,
        status: status.as_u16(),
    });
    status
}

async fn receiver_on(listener: TcpListener, fail_first: usize) -> Receiver {
    let state = Arc::new(ReceiverState {
        fail_first: AtomicUsize::new(fail_first),
        ..ReceiverState::default()
    });
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = Router::new()
        .route("/hook", post(receive))
        .route("/discord", post(receive))
        .with_state(state.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });
    Receiver { base, state }
}

async fn receiver(fail_first: usize) -> Receiver {
    receiver_on(TcpListener::bind("127.0.0.1:0").await.unwrap(), fail_first).await
}

// ---------------------------------------------------------------------------------------------
// SMTP sink
// ---------------------------------------------------------------------------------------------

/// A minimal SMTP server: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. Keeps each message
/// (dot-unstuffed) and can refuse the first ones with a transient `451`.
struct Sink {
    addr: SocketAddr,
    messages: Arc<Mutex<Vec<String>>>,
    refused: Arc<AtomicUsize>,
}

async fn sink(fail_first: usize) -> Sink {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let messages = Arc::new(Mutex::new(Vec::new()));
    let fail = Arc::new(AtomicUsize::new(fail_first));
    let refused = Arc::new(AtomicUsize::new(0));
    let (m, f, r) = (messages.clone(), fail.clone(), refused.clone());
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let (m, f, r) = (m.clone(), f.clone(), r.clone());
            tokio::spawn(async move {
                let _ = smtp_session(socket, m, f, r).await;
            });
        }
    });
    Sink {
        addr,
        messages,
        refused,
    }
}

async fn smtp_session(
    socket: tokio::net::TcpStream,
    messages: Arc<Mutex<Vec<String>>>,
    fail: Arc<AtomicUsize>,
    refused: Arc<AtomicUsize>,
) -> std::io::Result<()> {
    let (read, mut write) = socket.into_split();
    let mut read = BufReader::new(read);
    write.write_all(b"220 sink ESMTP ready\r\n").await?;
    let mut line = String::new();
    loop {
        line.clear();
        if read.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let verb = line
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "HELO" | "MAIL" | "RCPT" | "RSET" | "NOOP" => b"250 OK\r\n",
            "DATA" => {
                write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                let mut message = String::new();
                loop {
                    line.clear();
                    if read.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" {
                        break;
                    }
                    message.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                if fail
                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                    .is_ok()
                {
                    refused.fetch_add(1, Ordering::SeqCst);
                    b"451 4.3.0 try again later\r\n"
                } else {
                    messages.lock().unwrap().push(message);
                    b"250 2.0.0 queued\r\n"
                }
            }
            "QUIT" => {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            _ => b"502 5.5.2 command not recognized\r\n",
        };
        write.write_all(reply).await?;
    }
}

// ---------------------------------------------------------------------------------------------
// A server instance: ticket API plus delivery worker
// ---------------------------------------------------------------------------------------------

struct Instance {
    base: String,
    store: Store,
    client: reqwest::Client,
    worker: Option<DeliveryHandle>,
    stop_http: oneshot::Sender<()>,
    http: tokio::task::JoinHandle<std::io::Result<()>>,
}

/// Fast retries, short leases: a test's worth of time.
fn fast(webhook: Option<String>, discord: Option<String>, email: Option<&Sink>) -> DeliveryConfig {
    DeliveryConfig {
        webhook: webhook.map(|url| WebhookTarget {
            url,
            secret: SECRET.into(),
        }),
        discord_url: discord,
        email: email.map(|s| EmailTarget {
            smtp_url: format!("smtp://{}", s.addr),
            from: "koban@example.com".into(),
            to: "support@example.com".into(),
        }),
        retry_base: Duration::from_millis(100),
        retry_max: Duration::from_millis(400),
        timeout: Duration::from_secs(2),
        lease: Duration::from_secs(5),
        poll_interval: Duration::from_millis(100),
        batch: 16,
    }
}

async fn instance(url: &str, delivery: DeliveryConfig) -> Instance {
    instance_with(url, delivery, true).await
}

/// An instance; without `worker` it takes tickets but delivers nothing.
async fn instance_with(url: &str, delivery: DeliveryConfig, worker: bool) -> Instance {
    let store = Store::connect(url).await.unwrap();
    let mut tickets = test_config();
    tickets.delivery_targets = delivery.targets();
    let state = TicketsState::new(store.clone(), tickets, Faults::none());
    let worker =
        worker.then(|| delivery::spawn(store.clone(), delivery, state.delivery_notify()).unwrap());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop_http, stopped) = oneshot::channel::<()>();
    let config = ServerConfig {
        assets_dir: std::env::temp_dir().join("koban-no-assets"),
        content: None,
        tickets: Some(state),
        feedback: None,
        locales: None,
    };
    let http = tokio::spawn(app::serve(listener, config, async {
        let _ = stopped.await;
    }));
    Instance {
        base,
        store,
        client: reqwest::Client::new(),
        worker,
        stop_http,
        http,
    }
}

impl Instance {
    /// Creates a ticket; returns the 201 body.
    async fn create(&self, key: &str, body: &Value) -> Value {
        let res = self
            .client
            .post(format!("{}/api/v1/tickets", self.base))
            .header("idempotency-key", key)
            .json(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        res.json().await.unwrap()
    }

    /// Stops the HTTP server and the worker, and closes the store.
    async fn stop(self) {
        if let Some(worker) = self.worker {
            worker.shutdown().await;
        }
        let _ = self.stop_http.send(());
        let _ = self.http.await;
        self.store.close().await;
    }
}

async fn outbox(store: &Store, ticket_id: &str) -> Vec<OutboxItem> {
    store.outbox_of(ticket_id).await.unwrap()
}

/// Polls `f` every 50 ms for up to 30 s.
async fn wait_until<F, Fut>(what: &str, mut f: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    while !f().await {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn all_delivered(store: &Store, ticket_id: &str) -> bool {
    let rows = outbox(store, ticket_id).await;
    !rows.is_empty() && rows.iter().all(|o| o.delivered_at.is_some())
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

async fn delivers_to_webhook_discord_and_email(db: Db) {
    let hooks = receiver(0).await;
    let smtp = sink(0).await;
    let url = db.fresh_url().await;
    let s = instance(
        &url,
        fast(
            Some(format!("{}/hook", hooks.base)),
            Some(format!("{}/discord", hooks.base)),
            Some(&smtp),
        ),
    )
    .await;
    let mut body = ticket(1);
    body["subject"] = json!("@everyone **urgent** <@123>");
    body["description"] =
        json!("Line one\n<script>alert(1)</script>\n[click](https://evil.example) `code`");
    let created = s.create("dlv-1", &body).await;
    let reference = created["reference"].as_str().unwrap();
    let id = created["id"].as_str().unwrap();
    wait_until("three deliveries", || all_delivered(&s.store, id)).await;
    let rows = outbox(&s.store, id).await;
    let row = |target: &str| rows.iter().find(|o| o.target == target).unwrap().clone();
    assert_eq!(rows.len(), 3);
    assert!(
        rows.iter()
            .all(|o| o.attempts == 0 && o.last_error.is_none())
    );

    // Generic webhook: signed (the receiver answers 401 otherwise), JSON text as submitted.
    let hits = hooks.hits("/hook");
    assert_eq!(hits.len(), 1, "{hits:?}");
    let hit = &hits[0];
    assert_eq!(hit.status, 200);
    assert_eq!(hit.headers["content-type"], "application/json");
    assert_eq!(hit.headers["x-koban-event"], "ticket.created");
    assert_eq!(hit.headers["x-koban-delivery"], row("webhook").id.as_str());
    assert!(signature_ok(&hit.headers, &hit.body));
    let mut tampered = hit.body.to_vec();
    tampered[10] ^= 1;
    assert!(!signature_ok(&hit.headers, &tampered));
    let payload = hit.json();
    assert_eq!(payload["type"], "ticket.created");
    assert_eq!(payload["attempt"], 1);
    assert_eq!(payload["deliveryId"], row("webhook").id.as_str());
    assert_eq!(payload["ticket"]["reference"], reference);
    assert_eq!(payload["ticket"]["subject"], body["subject"]);
    assert_eq!(payload["ticket"]["description"], body["description"]);
    assert_eq!(payload["ticket"]["fields"], body["fields"]);
    assert_eq!(payload["ticket"]["context"], body["context"]);
    assert_eq!(payload["ticket"]["verified"], false);
    assert!(payload["ticket"].get("accessTokenHash").is_none());

    // Discord: no pings, no Markdown from user text.
    let hits = hooks.hits("/discord");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].status, 204);
    let message = hits[0].json();
    assert_eq!(message["allowed_mentions"], json!({ "parse": [] }));
    assert_eq!(
        message["content"],
        format!("New ticket {reference}: \\@everyone \\*\\*urgent\\*\\* \\<\\@123\\>")
    );
    let embed = &message["embeds"][0];
    assert_eq!(
        embed["description"],
        "Line one\n\\<script\\>alert\\(1\\)\\</script\\>\n\
         \\[click\\]\\(https\\://evil\\.example\\) \\`code\\`"
    );
    assert_eq!(embed["footer"]["text"], reference);
    assert!(
        embed["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["name"] == "From" && f["value"] == "Ada Lovelace \\<ada1\\@example\\.com\\>")
    );

    // Email: plain text to the sink, reply goes to the submitter.
    let mails = smtp.messages.lock().unwrap().clone();
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert!(
        mail.contains("Content-Type: text/plain; charset=utf-8"),
        "{mail}"
    );
    assert!(!mail.to_ascii_lowercase().contains("text/html"));
    assert!(mail.contains(&format!("Subject: [{reference}]")), "{mail}");
    assert!(
        mail.contains("Reply-To: \"Ada Lovelace\" <ada1@example.com>"),
        "{mail}"
    );
    assert!(mail.contains("To: support@example.com"), "{mail}");
    assert!(
        mail.contains(&format!("Message-ID: <{}@koban>", row("email").id)),
        "{mail}"
    );
    assert!(mail.contains("<script>alert(1)</script>"), "{mail}");
    assert!(mail.contains("job_id: job_42"), "{mail}");
    s.stop().await;
}

async fn retries_until_acknowledged(db: Db) {
    let hooks = receiver(2).await;
    let smtp = sink(1).await;
    let url = db.fresh_url().await;
    let s = instance(
        &url,
        fast(Some(format!("{}/hook", hooks.base)), None, Some(&smtp)),
    )
    .await;
    let created = s.create("retry-1", &ticket(1)).await;
    let id = created["id"].as_str().unwrap();
    wait_until("delivery after retries", || all_delivered(&s.store, id)).await;
    let hits = hooks.hits("/hook");
    let statuses: Vec<u16> = hits.iter().map(|h| h.status).collect();
    assert_eq!(statuses, [503, 503, 200]);
    let attempts: Vec<i64> = hits
        .iter()
        .map(|h| h.json()["attempt"].as_i64().unwrap())
        .collect();
    assert_eq!(attempts, [1, 2, 3]);
    let ids: HashSet<_> = hits
        .iter()
        .map(|h| h.headers["x-koban-delivery"].clone())
        .collect();
    assert_eq!(ids.len(), 1, "one delivery id across retries");
    assert_eq!(smtp.refused.load(Ordering::SeqCst), 1);
    assert_eq!(smtp.messages.lock().unwrap().len(), 1);
    let rows = outbox(&s.store, id).await;
    let attempts = |target: &str| rows.iter().find(|o| o.target == target).unwrap().attempts;
    assert_eq!(attempts("webhook"), 2);
    assert_eq!(attempts("email"), 1);
    assert!(rows.iter().all(|o| o.last_error.is_none()));
    // Nothing more arrives once acknowledged.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(hooks.hits("/hook").len(), 3);
    s.stop().await;
}

async fn restart_resumes_the_outbox(db: Db) {
    // The receiver's address is known but nothing listens there yet: deliveries fail.
    let addr = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap();
    let config = || fast(Some(format!("http://{addr}/hook")), None, None);
    let url = db.fresh_url().await;
    let first = instance(&url, config()).await;
    let created = first.create("restart-1", &ticket(1)).await;
    let id = created["id"].as_str().unwrap().to_string();
    wait_until("failed attempts", || async {
        outbox(&first.store, &id)
            .await
            .iter()
            .all(|o| o.attempts >= 2 && o.last_error.is_some())
    })
    .await;
    first.stop().await;

    let store = Store::connect(&url).await.unwrap();
    let pending = store.pending_outbox().await.unwrap();
    assert_eq!(pending.len(), 1);
    assert!(
        pending[0]
            .last_error
            .as_deref()
            .unwrap()
            .contains("HTTP request failed"),
        "{pending:?}"
    );
    store.close().await;

    // The receiver comes up, and a new server on the same database resumes.
    let hooks = receiver_on(TcpListener::bind(addr).await.unwrap(), 0).await;
    let second = instance(&url, config()).await;
    wait_until("delivery after restart", || {
        all_delivered(&second.store, &id)
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let hits = hooks.hits("/hook");
    assert_eq!(hits.len(), 1, "exactly once: {hits:?}");
    assert_eq!(hits[0].json()["ticket"]["id"], id.as_str());
    assert!(second.store.pending_outbox().await.unwrap().is_empty());
    second.stop().await;
}

async fn two_instances_deliver_each_row_once(db: Db) {
    let hooks = receiver(0).await;
    let url = db.fresh_url().await;
    let config = || fast(Some(format!("{}/hook", hooks.base)), None, None);
    // Tickets pile up first, so both workers start on the very same due rows.
    let intake = instance_with(&url, config(), false).await;
    let mut ids = Vec::new();
    for n in 0..24 {
        let created = intake.create(&format!("two-{n}"), &ticket(n)).await;
        ids.push(created["id"].as_str().unwrap().to_string());
    }
    let (a, b) = tokio::join!(instance(&url, config()), instance(&url, config()));
    wait_until("all deliveries", || async {
        a.store.pending_outbox().await.unwrap().is_empty()
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let hits = hooks.hits("/hook");
    let delivered: Vec<String> = hits
        .iter()
        .map(|h| h.json()["ticket"]["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(delivered.len(), 24, "{delivered:?}");
    assert_eq!(
        delivered.iter().collect::<HashSet<_>>(),
        ids.iter().collect::<HashSet<_>>()
    );
    a.stop().await;
    b.stop().await;
    intake.stop().await;
}

store_tests!(
    delivers_to_webhook_discord_and_email,
    retries_until_acknowledged,
    restart_resumes_the_outbox,
    two_instances_deliver_each_row_once,
);

// ---------------------------------------------------------------------------------------------
// The real binary: `koban serve` is stopped with a delivery pending and started again
// ---------------------------------------------------------------------------------------------

mod binary {
    use std::path::{Path, PathBuf};
    use std::process::{Child, Command, Stdio};

    use super::*;

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

    fn free_port() -> u16 {
        std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
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
}
