//! `POST /api/v1/feedback` over real HTTP on 127.0.0.1, on SQLite and (with
//! `KOBAN_TEST_POSTGRES_URL`) PostgreSQL: batches stored whole, invalid ones rejected whole with
//! every field path, CORS as the ticket API, the per-IP rate limit.

mod feedback_support;
mod tickets_support;

use feedback_support::{flow, no_results, rated, start, test_config, to_ticket};
use koban_server::feedback::FeedbackConfig;
use serde_json::{Value, json};
use tickets_support::Db;

async fn problem(res: reqwest::Response, status: u16) -> Value {
    assert_eq!(res.status(), status);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], status);
    body
}

async fn valid_batch_is_stored(db: Db) {
    let s = start(&db, test_config()).await;
    s.send(vec![
        rated("node-offline", false, "en"),
        no_results("  Withdrawl\t Fees ", "pt_br"),
        to_ticket("payout missing", "ja"),
        flow("gpu-missing", "abandoned", "driver"),
        no_results("ノード　オフライン", "ja"),
    ])
    .await;
    assert_eq!(s.count(None).await, 5);
    assert_eq!(s.count(Some("searchNoResults")).await, 2);
    assert_eq!(s.count(Some("articleRated")).await, 1);
    assert_eq!(s.count(Some("searchToTicket")).await, 1);
    assert_eq!(s.count(Some("flowOutcome")).await, 1);

    // Stored normalized for grouping, locale in canonical case.
    s.send(vec![no_results("withdrawl fees", "pt-BR")]).await;
    assert_eq!(s.count(None).await, 6);
    let top = s.store.top_queries("searchNoResults", 0, 10).await.unwrap();
    assert_eq!(top[0].query, "withdrawl fees");
    assert_eq!(top[0].locale, "pt-BR");
    assert_eq!(top[0].count, 2);
    assert_eq!(top[1].query, "ノード オフライン");
    let votes = s.store.article_votes(0).await.unwrap();
    assert_eq!((votes[0].helpful, votes[0].unhelpful), (0, 1));

    // Members the server does not know are ignored (newer widgets may send more).
    let res = s
        .post(&json!({ "events": [rated("a", true, "en")], "sentAt": 1 }))
        .await;
    assert_eq!(res.status(), 202);

    // The widget's origin (development default: any http origin on localhost) may call it.
    let res = s
        .client
        .post(format!("{}/api/v1/feedback", s.base))
        .header("origin", "http://localhost:3000")
        .json(&json!({ "events": [rated("a", true, "en")] }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    assert_eq!(
        res.headers()["access-control-allow-origin"],
        "http://localhost:3000"
    );
    assert_eq!(s.count(None).await, 8);
}

async fn invalid_batch_is_rejected_with_field_paths(db: Db) {
    let s = start(&db, test_config()).await;
    let long = "x".repeat(201);
    let res = s
        .post(&json!({ "events": [
            rated("node-offline", true, "en"),
            no_results("   ", "en"),
            rated("Node Offline", true, "en"),
            flow("gpu-missing", "gave-up", "driver"),
            to_ticket(&long, "english!"),
            { "type": "articleRated", "articleId": "a", "helpful": "yes", "locale": "en" },
            { "type": "pageViewed", "page": "x" },
            42
        ]}))
        .await;
    let body = problem(res, 422).await;
    assert_eq!(body["code"], "validation_failed");
    assert_eq!(body["type"], "urn:koban:problem:validation_failed");
    assert_eq!(
        body["errors"],
        json!([
            { "field": "events[1].query", "code": "required" },
            { "field": "events[2].articleId", "code": "invalid_id" },
            { "field": "events[3].outcome", "code": "not_an_option" },
            { "field": "events[4].query", "code": "too_long", "max": 200 },
            { "field": "events[4].locale", "code": "invalid_locale" },
            { "field": "events[5].helpful", "code": "invalid_type" },
            { "field": "events[6].type", "code": "not_an_option" },
            { "field": "events[7]", "code": "invalid_type" }
        ])
    );
    // All or nothing: the valid first event was not stored either.
    assert_eq!(s.count(None).await, 0);

    let many: Vec<Value> = (0..51).map(|_| rated("a", true, "en")).collect();
    let body = problem(s.post(&json!({ "events": many })).await, 422).await;
    assert_eq!(
        body["errors"],
        json!([{ "field": "events", "code": "too_many", "max": 50 }])
    );
    let body = problem(s.post(&json!({ "events": [] })).await, 422).await;
    assert_eq!(
        body["errors"],
        json!([{ "field": "events", "code": "required" }])
    );

    let body = problem(s.post(&json!(["not", "a", "batch"])).await, 400).await;
    assert_eq!(body["code"], "malformed_feedback");
    let res = s
        .client
        .post(format!("{}/api/v1/feedback", s.base))
        .header("content-type", "application/json")
        .body("{\"events\": [")
        .send()
        .await
        .unwrap();
    assert_eq!(problem(res, 400).await["code"], "malformed_json");
    let res = s
        .client
        .post(format!("{}/api/v1/feedback", s.base))
        .header("content-type", "text/plain")
        .body(json!({ "events": [rated("a", true, "en")] }).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(problem(res, 415).await["code"], "unsupported_media_type");
    let res = s
        .client
        .post(format!("{}/api/v1/feedback", s.base))
        .header("content-type", "application/json")
        .body(vec![b' '; 65 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(problem(res, 413).await["code"], "payload_too_large");
    assert_eq!(s.count(None).await, 0);
}

async fn disallowed_origin_gets_no_cors_headers(db: Db) {
    let s = start(
        &db,
        FeedbackConfig {
            cors_origins: vec!["https://app.example.com".into()],
            ..test_config()
        },
    )
    .await;
    let url = format!("{}/api/v1/feedback", s.base);
    let preflight = |origin: &'static str| {
        s.client
            .request(reqwest::Method::OPTIONS, &url)
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send()
    };
    let res = preflight("https://evil.example").await.unwrap();
    assert!(
        !res.headers()
            .keys()
            .any(|k| k.as_str().starts_with("access-control-")),
        "{:?}",
        res.headers()
    );
    let res = s
        .client
        .post(&url)
        .header("origin", "https://evil.example")
        .json(&json!({ "events": [rated("a", true, "en")] }))
        .send()
        .await
        .unwrap();
    assert!(
        !res.headers()
            .keys()
            .any(|k| k.as_str().starts_with("access-control-")),
        "{:?}",
        res.headers()
    );

    // The listed origin gets the same CORS answers as the ticket API.
    let res = preflight("https://app.example.com").await.unwrap();
    assert!(res.status().is_success());
    assert_eq!(
        res.headers()["access-control-allow-origin"],
        "https://app.example.com"
    );
    let methods = res.headers()["access-control-allow-methods"]
        .to_str()
        .unwrap();
    assert!(methods.contains("POST"), "{methods}");
    let res = s
        .client
        .post(&url)
        .header("origin", "https://app.example.com")
        .json(&json!({ "events": [rated("a", true, "en")] }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    assert_eq!(
        res.headers()["access-control-allow-origin"],
        "https://app.example.com"
    );
}

async fn rate_limited_per_ip(db: Db) {
    let s = start(
        &db,
        FeedbackConfig {
            rate_limit_per_minute: 2,
            ..test_config()
        },
    )
    .await;
    let batch = json!({ "events": [rated("a", true, "en")] });
    for _ in 0..2 {
        assert_eq!(s.post(&batch).await.status(), 202);
    }
    let res = s.post(&batch).await;
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    assert_eq!(problem(res, 429).await["code"], "rate_limited");
    assert_eq!(s.count(None).await, 2);
}

store_tests!(
    valid_batch_is_stored,
    invalid_batch_is_rejected_with_field_paths,
    disallowed_origin_gets_no_cors_headers,
    rate_limited_per_ip,
);
