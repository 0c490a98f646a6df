//! `POST/GET /api/v1/tickets` and the admin list over real HTTP on 127.0.0.1, on SQLite and
//! (with `KOBAN_TEST_POSTGRES_URL`) PostgreSQL: a ticket created, stored and read back, the
//! request problems (400, 413, 422 with every field) and the admin API. Idempotency is in
//! `tickets_idempotency.rs`, CORS, rate limits and spam guards in `tickets_guards.rs`.

mod tickets_support;

use koban_server::tickets::TicketsConfig;
use serde_json::{Value, json};
use tickets_support::{Db, problem, problem_code, start, test_config, ticket};

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
    missing_key_and_bad_bodies,
    body_over_limit,
    validation,
    admin_api,
);
