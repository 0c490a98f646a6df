//! Shared harness of the delivery tests: an HTTP receiver for the webhook and Discord
//! ([`receiver`]), a minimal SMTP sink ([`smtp`]), and a server instance on 127.0.0.1 with the
//! ticket API and the delivery worker over a real store (see `tickets_support::Db` for SQLite /
//! PostgreSQL).

#![allow(dead_code)]

pub mod receiver;
pub mod smtp;

use std::time::{Duration, Instant};

use koban_server::app;
use koban_server::delivery::{self, DeliveryConfig, DeliveryHandle, EmailTarget, WebhookTarget};
use koban_server::store::Store;
use koban_server::store::outbox::OutboxItem;
use koban_server::tickets::{Faults, TicketsState};
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::tickets_support::{test_config, tickets_only};

use smtp::Sink;

/// The webhook's HMAC secret, known to the server under test and to the receiver.
pub const SECRET: &str = "whsec_test_secret";

/// The admin API's token of every instance.
pub const ADMIN_TOKEN: &str = "admin-token-for-deliveries";

/// A server instance: the ticket API and (optionally) the delivery worker, on one database.
pub struct Instance {
    /// `http://127.0.0.1:port`.
    pub base: String,
    /// Its store.
    pub store: Store,
    /// A client.
    pub client: reqwest::Client,
    worker: Option<DeliveryHandle>,
    stop_http: oneshot::Sender<()>,
    http: tokio::task::JoinHandle<std::io::Result<()>>,
}

/// Fast retries, short leases: a test's worth of time.
pub fn fast(
    webhook: Option<String>,
    discord: Option<String>,
    email: Option<&Sink>,
) -> DeliveryConfig {
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
        requester: None,
        retry_base: Duration::from_millis(100),
        retry_max: Duration::from_millis(400),
        timeout: Duration::from_secs(2),
        lease: Duration::from_secs(5),
        poll_interval: Duration::from_millis(100),
        batch: 16,
    }
}

/// An instance with its delivery worker.
pub async fn instance(url: &str, delivery: DeliveryConfig) -> Instance {
    instance_with(url, delivery, true).await
}

/// An instance; without `worker` it takes tickets but delivers nothing.
pub async fn instance_with(url: &str, delivery: DeliveryConfig, worker: bool) -> Instance {
    let store = Store::connect(url).await.unwrap();
    let mut tickets = test_config();
    tickets.delivery_targets = delivery.targets();
    tickets.requester_targets = delivery.requester_targets();
    tickets.admin_token = Some(ADMIN_TOKEN.into());
    let state = TicketsState::new(store.clone(), tickets, Faults::none());
    let worker =
        worker.then(|| delivery::spawn(store.clone(), delivery, state.delivery_notify()).unwrap());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop_http, stopped) = oneshot::channel::<()>();
    let http = tokio::spawn(app::serve(listener, tickets_only(state), async {
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
    pub async fn create(&self, key: &str, body: &Value) -> Value {
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
    pub async fn stop(self) {
        if let Some(worker) = self.worker {
            worker.shutdown().await;
        }
        let _ = self.stop_http.send(());
        let _ = self.http.await;
        self.store.close().await;
    }
}

/// The outbox rows of a ticket.
pub async fn outbox(store: &Store, ticket_id: &str) -> Vec<OutboxItem> {
    store.outbox_of(ticket_id).await.unwrap()
}

/// Polls `f` every 50 ms for up to 30 s.
pub async fn wait_until<F, Fut>(what: &str, mut f: F)
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

/// Whether every outbox row of a ticket is delivered.
pub async fn all_delivered(store: &Store, ticket_id: &str) -> bool {
    let rows = outbox(store, ticket_id).await;
    !rows.is_empty() && rows.iter().all(|o| o.delivered_at.is_some())
}
