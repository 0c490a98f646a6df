//! What keeps unwanted ticket submissions out, over real HTTP on 127.0.0.1, on SQLite and (with
//! `KOBAN_TEST_POSTGRES_URL`) PostgreSQL: CORS (configured origins and the development default),
//! the per-IP and per-email rate limits, the honeypot and the minimum fill time.

mod tickets_support;

use serde_json::json;
use tickets_support::{Db, Server, problem, problem_code, start, test_config, ticket};

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

store_tests!(cors, rate_limits, honeypot_and_fill_time,);
