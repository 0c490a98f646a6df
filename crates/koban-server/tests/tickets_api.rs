//! `POST/GET /api/v1/tickets` and the admin list over real HTTP on 127.0.0.1, on SQLite and
//! (with `KOBAN_TEST_POSTGRES_URL`) PostgreSQL.

mod tickets_support;

use std::collections::HashSet;

use koban_server::tickets::{TicketsConfig, sha256_hex};
use serde_json::{Value, json};
use tickets_support::{Db, Server, start, test_config, ticket};

fn problem_code(body: &Value) -> &str {
    body["code"].as_str().unwrap_or("")
}

async fn problem(res: reqwest::Response, status: u16) -> Value {
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

fn jobs_rules() -> TicketsConfig {
    let mut config = test_config();
    config.rules = serde_json::from_value(json!({
        "categories": [
            { "id": "general" },
            { "id": "jobs", "fields": [
                { "id": "job_id", "kind": "text", "required": true },
                { "id": "gpu", "kind": "checkbox" }
            ]}
        ]
    }))
    .unwrap();
    config
}

async fn create(db: Db) {
    let mut config = jobs_rules();
    config.delivery_targets = vec!["webhook".into()];
    let s = start(&db, config).await;
    let res = s.post(Some("key-create"), &ticket(1)).await;
    assert_eq!(res.status(), 201);
    assert!(res.headers().get("idempotent-replayed").is_none());
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let body: Value = res.json().await.unwrap();
    let reference = body["reference"].as_str().unwrap();
    assert_eq!(location, format!("/api/v1/tickets/{reference}"));
    assert_eq!(
        koban_core::ticket::reference::normalize(reference).as_deref(),
        Some(reference)
    );
    assert_eq!(body["status"], "open");
    assert!(body["id"].as_str().unwrap().starts_with("tkt_"));
    assert!(body["createdAt"].as_str().unwrap().ends_with('Z'));
    let token = body["accessToken"].as_str().unwrap();
    assert_eq!(token.len(), 64);
    assert_eq!(s.count().await, 1);

    // Stored with every field and the context, text as given.
    let stored = s.store.ticket(reference).await.unwrap().unwrap();
    let sent = ticket(1);
    assert_eq!(stored.email, "ada1@example.com");
    assert_eq!(stored.description, sent["description"]);
    assert_eq!(stored.fields, sent["fields"]);
    assert_eq!(stored.context, sent["context"]);
    assert!(!stored.verified);
    let outbox = s.store.outbox_of(&stored.id).await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].target, "webhook");

    // The submitter reads it back with the token; anyone else gets a bare 404.
    let url = format!("{}/api/v1/tickets/{reference}", s.base);
    let res = s.client.get(&url).bearer_auth(token).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let public: Value = res.json().await.unwrap();
    assert_eq!(public["reference"], reference);
    assert_eq!(public["status"], "open");
    assert_eq!(public["replies"], json!([]));
    let lower = format!(
        "{}/api/v1/tickets/{}",
        s.base,
        reference.to_ascii_lowercase()
    );
    let res = s
        .client
        .get(&lower)
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let wrong = s
        .client
        .get(&url)
        .bearer_auth("0".repeat(64))
        .send()
        .await
        .unwrap();
    let missing = s.client.get(&url).send().await.unwrap();
    let unknown = s
        .client
        .get(format!("{}/api/v1/tickets/KB-0000-0000", s.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let bodies = [
        problem(wrong, 404).await,
        problem(missing, 404).await,
        problem(unknown, 404).await,
    ];
    assert!(
        bodies.iter().all(|b| b == &bodies[0]),
        "no hint: {bodies:?}"
    );
}

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

async fn missing_key_and_bad_bodies(db: Db) {
    let s = start(&db, test_config()).await;
    let p = problem(s.post(None, &ticket(1)).await, 400).await;
    assert_eq!(problem_code(&p), "idempotency_key_missing");
    let p = problem(s.post(Some(&"k".repeat(300)), &ticket(1)).await, 400).await;
    assert_eq!(problem_code(&p), "idempotency_key_invalid");
    let res = s
        .client
        .post(format!("{}/api/v1/tickets", s.base))
        .header("content-type", "application/json")
        .header("idempotency-key", "key-bad")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(problem_code(&problem(res, 400).await), "malformed_json");
    let p = problem(s.post(Some("key-bad"), &json!({ "email": 5 })).await, 400).await;
    assert_eq!(problem_code(&p), "malformed_ticket");
    assert_eq!(s.count().await, 0);
}

async fn body_over_limit(db: Db) {
    let mut config = test_config();
    config.body_limit_bytes = 4096;
    let s = start(&db, config).await;
    let mut body = ticket(1);
    body["description"] = json!("x".repeat(5000));
    let p = problem(s.post(Some("key-big"), &body).await, 413).await;
    assert_eq!(problem_code(&p), "payload_too_large");
    assert_eq!(s.count().await, 0);
}

async fn cors(db: Db) {
    let mut config = test_config();
    config.cors_origins = vec!["https://app.example.com".into()];
    let s = start(&db, config).await;
    let dev = start(&db, test_config()).await;
    let preflight = |server: &Server, origin: &str| {
        server
            .client
            .request(
                reqwest::Method::OPTIONS,
                format!("{}/api/v1/tickets", server.base),
            )
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "content-type,idempotency-key",
            )
            .send()
    };
    let ok = preflight(&s, "https://app.example.com").await.unwrap();
    assert_eq!(
        ok.headers()["access-control-allow-origin"],
        "https://app.example.com"
    );
    let allow_headers = ok.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(allow_headers.contains("idempotency-key"), "{allow_headers}");
    for (server, origin) in [
        (&s, "https://evil.example"),
        (&s, "http://localhost:3000"),
        (&dev, "https://evil.example"),
        (&dev, "http://localhost.evil.example"),
    ] {
        let res = preflight(server, origin).await.unwrap();
        assert!(
            res.headers().get("access-control-allow-origin").is_none(),
            "{origin}"
        );
        let res = server
            .client
            .post(format!("{}/api/v1/tickets", server.base))
            .header("origin", origin)
            .header("idempotency-key", format!("cors-{origin}"))
            .header("content-type", "application/json")
            .body(ticket(3).to_string())
            .send()
            .await
            .unwrap();
        assert!(res.headers().get("access-control-allow-origin").is_none());
    }
    // Development default: any http origin on localhost / 127.0.0.1.
    for origin in ["http://localhost:5173", "http://127.0.0.1:9"] {
        let res = preflight(&dev, origin).await.unwrap();
        assert_eq!(res.headers()["access-control-allow-origin"], origin);
    }
}

async fn rate_limits(db: Db) {
    let mut config = test_config();
    config.rate_limit_ip_per_minute = 2;
    let s = start(&db, config).await;
    assert_eq!(s.post(Some("rl-1"), &ticket(1)).await.status(), 201);
    assert_eq!(s.post(Some("rl-2"), &ticket(2)).await.status(), 201);
    let res = s.post(Some("rl-3"), &ticket(3)).await;
    let wait: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert_eq!(problem_code(&problem(res, 429).await), "rate_limited");
    assert_eq!(s.count().await, 2);

    let mut config = test_config();
    config.rate_limit_email_per_hour = 1;
    let s = start(&db, config).await;
    assert_eq!(s.post(Some("em-1"), &ticket(1)).await.status(), 201);
    let mut same_sender = ticket(2);
    same_sender["email"] = json!("ADA1@example.com");
    let res = s.post(Some("em-2"), &same_sender).await;
    assert!(res.headers().contains_key("retry-after"));
    problem(res, 429).await;
    // The released key works once the limit allows (here: another sender).
    assert_eq!(s.post(Some("em-3"), &ticket(3)).await.status(), 201);
    // A replay of an accepted ticket is never rate limited by email.
    let replay = s.post(Some("em-1"), &ticket(1)).await;
    assert_eq!(replay.status(), 201);
    assert_eq!(s.count().await, 2);
}

async fn honeypot_and_fill_time(db: Db) {
    let s = start(&db, test_config()).await;
    let mut bot = ticket(1);
    bot["website"] = json!("http://spam.example");
    let p = problem(s.post(Some("hp-1"), &bot).await, 422).await;
    assert_eq!(problem_code(&p), "spam_suspected");
    let mut fast = ticket(2);
    fast["fillMs"] = json!(800);
    let p = problem(s.post(Some("hp-2"), &fast).await, 422).await;
    assert_eq!(problem_code(&p), "too_fast");
    let mut no_time = ticket(3);
    no_time.as_object_mut().unwrap().remove("fillMs");
    problem(s.post(Some("hp-3"), &no_time).await, 422).await;
    assert_eq!(s.count().await, 0, "rejected submissions are not stored");
    let counted = s.store.rejections().await.unwrap();
    assert_eq!(
        counted,
        vec![("honeypot".to_string(), 1), ("too_fast".to_string(), 2)]
    );
    // A person who took their time, with the same key, goes through.
    fast["fillMs"] = json!(3000);
    assert_eq!(s.post(Some("hp-2"), &fast).await.status(), 201);
}

async fn validation(db: Db) {
    let s = start(&db, jobs_rules()).await;
    let mut bad = ticket(1);
    bad["email"] = json!("not-an-email");
    bad["subject"] = json!("");
    bad["category"] = json!("jobs");
    bad["fields"] = json!({ "gpu": "yes" });
    let p = problem(s.post(Some("val-1"), &bad).await, 422).await;
    assert_eq!(problem_code(&p), "validation_failed");
    let errors = p["errors"].as_array().unwrap();
    for (field, code) in [
        ("email", "invalid_email"),
        ("subject", "required"),
        ("fields.job_id", "required"),
        ("fields.gpu", "invalid_type"),
    ] {
        assert!(
            errors.contains(&json!({ "field": field, "code": code })),
            "{field} {code}: {errors:?}"
        );
    }
    let mut long = ticket(2);
    long["subject"] = json!("s".repeat(201));
    long["category"] = json!("nope");
    let p = problem(s.post(Some("val-2"), &long).await, 422).await;
    assert!(
        p["errors"]
            .as_array()
            .unwrap()
            .contains(&json!({ "field": "subject", "code": "too_long", "max": 200 }))
    );
    assert!(
        p["errors"]
            .as_array()
            .unwrap()
            .contains(&json!({ "field": "category", "code": "unknown_category" }))
    );
    assert_eq!(s.count().await, 0);
    // The user fixes the form and resubmits with the same key: accepted.
    assert_eq!(s.post(Some("val-1"), &ticket(1)).await.status(), 201);
}

async fn admin_api(db: Db) {
    let off = start(&db, test_config()).await;
    let res = off
        .client
        .get(format!("{}/api/v1/admin/tickets", off.base))
        .bearer_auth("anything")
        .send()
        .await
        .unwrap();
    problem(res, 404).await;

    let mut config = test_config();
    config.admin_token = Some("s3cret-admin".into());
    let s = start(&db, config).await;
    for n in 0..3 {
        assert_eq!(
            s.post(Some(&format!("adm-{n}")), &ticket(n)).await.status(),
            201
        );
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let url = format!("{}/api/v1/admin/tickets", s.base);
    let res = s
        .client
        .get(&url)
        .bearer_auth("wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["www-authenticate"], "Bearer");
    problem(res, 401).await;
    problem(s.client.get(&url).send().await.unwrap(), 401).await;
    let res = s
        .client
        .get(&url)
        .bearer_auth("s3cret-admin")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let list: Vec<Value> = res.json().await.unwrap();
    let subjects: Vec<&str> = list
        .iter()
        .map(|t| t["subject"].as_str().unwrap())
        .collect();
    assert_eq!(subjects, ["Job stuck #2", "Job stuck #1", "Job stuck #0"]);
    assert_eq!(list[0]["context"]["locale"], "ja");
    assert!(list[0].get("accessTokenHash").is_none());
    let res = s
        .client
        .get(format!("{url}?limit=1&offset=1"))
        .bearer_auth("s3cret-admin")
        .send()
        .await
        .unwrap();
    let page: Vec<Value> = res.json().await.unwrap();
    assert_eq!(page.len(), 1);
    assert_eq!(page[0]["subject"], "Job stuck #1");
}

store_tests!(
    create,
    replay,
    conflicting_replay,
    in_flight,
    concurrent_identical,
    concurrent_distinct,
    missing_key_and_bad_bodies,
    body_over_limit,
    cors,
    rate_limits,
    honeypot_and_fill_time,
    validation,
    admin_api,
);
