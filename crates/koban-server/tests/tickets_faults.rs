//! The test-only fault switch (cargo feature `fault-injection`): failed attempts and a connection
//! dropped after commit still end with exactly one ticket, and a request slower than the request
//! timeout is answered with 503.
#![cfg(feature = "fault-injection")]

mod tickets_support;

use koban_server::tickets::Faults;
use tickets_support::{Db, start_with, test_config, ticket};

async fn fail_first_then_drop_after_commit(db: Db) {
    let faults = Faults::parse("fail-first-2,drop-after-commit").unwrap();
    let s = start_with(&db, test_config(), faults).await;
    let body = ticket(1);
    assert_eq!(s.post(Some("fault-1"), &body).await.status(), 503);
    assert_eq!(s.post(Some("fault-1"), &body).await.status(), 503);
    assert_eq!(s.count().await, 0);
    // Third attempt commits, then the connection is dropped without a response.
    let dropped = s
        .client
        .post(format!("{}/api/v1/tickets", s.base))
        .header("content-type", "application/json")
        .header("idempotency-key", "fault-1")
        .body(body.to_string())
        .send()
        .await;
    assert!(dropped.is_err(), "{dropped:?}");
    assert_eq!(s.count().await, 1);
    // The client's retry gets the stored response.
    let res = s.post(Some("fault-1"), &body).await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["idempotent-replayed"], "true");
    assert_eq!(s.count().await, 1);
}

/// A request slower than `request_timeout` still gets an answer: 503 problem+json with
/// `Retry-After`, over the same connection, and nothing is stored.
async fn slow_request_gets_a_503_not_a_reset(db: Db) {
    let mut config = test_config();
    config.request_timeout = std::time::Duration::from_millis(300);
    let s = start_with(&db, config, Faults::parse("delay-5000").unwrap()).await;
    let res = s
        .client
        .post(format!("{}/api/v1/tickets", s.base))
        .header("content-type", "application/json")
        .header("idempotency-key", "slow-1")
        .body(ticket(1).to_string())
        .send()
        .await
        .expect("a response, not a dropped connection");
    assert_eq!(res.status(), 503);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry >= 1);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["status"], 503);
    assert_eq!(body["code"], "timeout");
    assert_eq!(s.count().await, 0);
}

store_tests!(
    fail_first_then_drop_after_commit,
    slow_request_gets_a_503_not_a_reset
);
