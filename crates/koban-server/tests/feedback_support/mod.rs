//! Shared harness of the feedback tests: a real server with feedback intake on 127.0.0.1 over a
//! real store (see `tickets_support::Db` for SQLite / PostgreSQL).

#![allow(dead_code)]

use koban_server::app::{self, ServerConfig};
use koban_server::feedback::{FeedbackConfig, FeedbackState};
use koban_server::store::Store;
use serde_json::{Value, json};

use crate::tickets_support::Db;

/// A running server with `POST /api/v1/feedback`.
pub struct Server {
    /// `http://127.0.0.1:port`.
    pub base: String,
    /// Its store.
    pub store: Store,
    /// Its database URL.
    pub url: String,
    /// A client.
    pub client: reqwest::Client,
}

/// Test defaults: no rate limit.
pub fn test_config() -> FeedbackConfig {
    FeedbackConfig {
        rate_limit_per_minute: 0,
        ..FeedbackConfig::default()
    }
}

/// Starts a server with `config` on a fresh database.
pub async fn start(db: &Db, config: FeedbackConfig) -> Server {
    let url = db.fresh_url().await;
    let store = Store::connect(&url).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = ServerConfig {
        assets_dir: std::env::temp_dir().join("koban-no-assets"),
        content: None,
        tickets: None,
        feedback: Some(FeedbackState::new(store.clone(), config)),
        locales: None,
    };
    tokio::spawn(app::serve(listener, server, std::future::pending()));
    Server {
        base: format!("http://{addr}"),
        store,
        url,
        client: reqwest::Client::new(),
    }
}

impl Server {
    /// `POST /api/v1/feedback` with a JSON `body`.
    pub async fn post(&self, body: &Value) -> reqwest::Response {
        self.client
            .post(format!("{}/api/v1/feedback", self.base))
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .unwrap()
    }

    /// Posts `events` as one batch and expects them all accepted.
    pub async fn send(&self, events: Vec<Value>) {
        let n = events.len();
        let res = self.post(&json!({ "events": events })).await;
        assert_eq!(res.status(), 202);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body, json!({ "accepted": n }));
    }

    /// Number of stored events (of `kind`, if given).
    pub async fn count(&self, kind: Option<&str>) -> i64 {
        self.store.count_feedback(kind).await.unwrap()
    }
}

/// `articleRated`.
pub fn rated(article: &str, helpful: bool, locale: &str) -> Value {
    json!({ "type": "articleRated", "articleId": article, "helpful": helpful, "locale": locale })
}

/// `searchNoResults`.
pub fn no_results(query: &str, locale: &str) -> Value {
    json!({ "type": "searchNoResults", "query": query, "locale": locale })
}

/// `searchToTicket`.
pub fn to_ticket(query: &str, locale: &str) -> Value {
    json!({ "type": "searchToTicket", "query": query, "locale": locale })
}

/// `flowOutcome`.
pub fn flow(flow: &str, outcome: &str, step: &str) -> Value {
    json!({ "type": "flowOutcome", "flowId": flow, "outcome": outcome, "stepId": step, "locale": "en" })
}
