//! Idempotency of `POST /api/v1/tickets` over real HTTP on 127.0.0.1, on SQLite and (with
//! `KOBAN_TEST_POSTGRES_URL`) PostgreSQL: a replay answers the first response, a reused key with
//! another body is refused, a key in flight gets 409, and concurrent requests make one ticket
//! per key.

mod tickets_support;

use std::collections::HashSet;

use koban_server::tickets::sha256_hex;
use serde_json::Value;
use tickets_support::{Db, problem, problem_code, start, test_config, ticket};

async fn replay(db: Db) {
    let s = start(&db, test_config()).await;
    let first = s.post(Some("key-replay"), &ticket(1)).await;
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    // Same body with keys in another order and other whitespace is the same request.
    let reordered: Value = serde_json::from_str(&ticket(1).to_string()).unwrap();
    let again = s
        .client
        .post(format!("{}/api/v1/tickets", s.base))
        .header("content-type", "application/json")
        .header("idempotency-key", "key-replay")
        .body(serde_json::to_string_pretty(&reordered).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let again: Value = again.json().await.unwrap();
    assert_eq!(again, first);
    assert_eq!(s.count().await, 1);
}

async fn conflicting_replay(db: Db) {
    let s = start(&db, test_config()).await;
    assert_eq!(s.post(Some("key-conflict"), &ticket(1)).await.status(), 201);
    let res = s.post(Some("key-conflict"), &ticket(2)).await;
    let body = problem(res, 422).await;
    assert_eq!(problem_code(&body), "idempotency_key_reused");
    assert_eq!(s.count().await, 1);
}

async fn in_flight(db: Db) {
    let s = start(&db, test_config()).await;
    let body = ticket(1);
    let hash = sha256_hex(body.to_string().as_bytes());
    let now = koban_server::store::now_ms();
    // Another request holds the key right now.
    s.store.claim_key("key-busy", &hash, now, 0).await.unwrap();
    let res = s.post(Some("key-busy"), &body).await;
    assert!(
        res.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse::<u64>()
            .unwrap()
            >= 1
    );
    let p = problem(res, 409).await;
    assert_eq!(problem_code(&p), "in_flight");
    // A different body under a busy key is a misuse of the key.
    let p = problem(s.post(Some("key-busy"), &ticket(2)).await, 422).await;
    assert_eq!(problem_code(&p), "idempotency_key_reused");
    assert_eq!(s.count().await, 0);
    // A claim abandoned by a crash is taken over once older than the in-flight timeout.
    s.store
        .claim_key("key-abandoned", &hash, now - 3_600_000, 0)
        .await
        .unwrap();
    assert_eq!(s.post(Some("key-abandoned"), &body).await.status(), 201);
    assert_eq!(s.count().await, 1);
}

async fn concurrent_identical(db: Db) {
    let s = std::sync::Arc::new(start(&db, test_config()).await);
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let s = s.clone();
            tokio::spawn(async move {
                let res = s.post(Some("key-same"), &ticket(7)).await;
                let status = res.status().as_u16();
                let body: Value = res.json().await.unwrap();
                (status, body)
            })
        })
        .collect();
    let mut references = HashSet::new();
    let mut created = 0;
    for t in tasks {
        let (status, body) = t.await.unwrap();
        match status {
            201 => {
                created += 1;
                references.insert(body["reference"].as_str().unwrap().to_string());
            }
            409 => assert_eq!(problem_code(&body), "in_flight"),
            other => panic!("unexpected {other}: {body}"),
        }
    }
    assert!(created >= 1);
    assert_eq!(references.len(), 1, "every 201 is the same ticket");
    assert_eq!(s.count().await, 1);
}

async fn concurrent_distinct(db: Db) {
    let s = std::sync::Arc::new(start(&db, test_config()).await);
    let tasks: Vec<_> = (0..100)
        .map(|n| {
            let s = s.clone();
            tokio::spawn(async move {
                let res = s.post(Some(&format!("key-{n}")), &ticket(n)).await;
                res.status().as_u16()
            })
        })
        .collect();
    let mut successes = 0;
    for t in tasks {
        let status = t.await.unwrap();
        assert!(status == 201 || status == 503, "{status}");
        successes += i64::from(status == 201);
    }
    assert_eq!(s.count().await, successes);
    assert_eq!(successes, 100);
}

store_tests!(
    replay,
    conflicting_replay,
    in_flight,
    concurrent_identical,
    concurrent_distinct,
);
