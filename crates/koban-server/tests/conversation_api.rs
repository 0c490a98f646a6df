//! The conversation API over real HTTP, on SQLite and PostgreSQL: the thread, follow-ups sent
//! exactly once, solve and rating, read marks and the badge, the live stream (across two
//! servers on one database), a verified identity's requests, and the same 404 for a wrong
//! token and an unknown reference.

mod tickets_support;

use std::time::{Duration, Instant};

use koban_server::tickets::{Faults, TicketsConfig};
use serde_json::{Value, json};
use tickets_support::{Db, Server, jwt, next_event, start, start_on, test_config, ticket};

const ADMIN: &str = "admin-token-for-conversations";
const SECRET: &str = "an-identity-secret-of-32-chars!!";

fn config() -> TicketsConfig {
    TicketsConfig {
        admin_token: Some(ADMIN.into()),
        identity_secret: Some(SECRET.into()),
        ..test_config()
    }
}

/// Files ticket `n` (with `extra` fields merged in) and returns its reference and token.
async fn file(s: &Server, n: usize, extra: Value) -> (String, String) {
    let mut body = ticket(n);
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    let res = s
        .post(
            Some(&format!("key-{n}-{}", tickets_support::unique())),
            &body,
        )
        .await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    (
        created["reference"].as_str().unwrap().into(),
        created["accessToken"].as_str().unwrap().into(),
    )
}

async fn agent_reply(s: &Server, reference: &str, body: Value) -> reqwest::Response {
    s.client
        .post(format!(
            "{}/api/v1/admin/tickets/{reference}/replies",
            s.base
        ))
        .bearer_auth(ADMIN)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn thread(s: &Server, reference: &str, token: &str) -> Value {
    let res = s
        .client
        .get(format!("{}/api/v1/tickets/{reference}", s.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn follow_up(
    s: &Server,
    reference: &str,
    token: &str,
    key: &str,
    body: &str,
) -> reqwest::Response {
    s.client
        .post(format!("{}/api/v1/tickets/{reference}/messages", s.base))
        .bearer_auth(token)
        .header("idempotency-key", key)
        .json(&json!({ "body": body }))
        .send()
        .await
        .unwrap()
}

async fn a_conversation(db: Db) {
    let s = start(&db, config()).await;
    let (reference, token) = file(&s, 1, json!({})).await;
    let res = agent_reply(
        &s,
        &reference,
        json!({ "body": "Try a restart", "agent": "Grace" }),
    )
    .await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "answered");
    // Checked like the widget's follow-ups: every invalid field in one 422, nothing stored.
    let long_name = "G".repeat(201);
    let res = agent_reply(
        &s,
        &reference,
        json!({ "body": " \n ", "agent": long_name }),
    )
    .await;
    let p = tickets_support::problem(res, 422).await;
    assert_eq!(p["code"], "validation_failed");
    assert_eq!(
        p["errors"],
        json!([
            { "field": "body", "code": "required" },
            { "field": "agent", "code": "too_long", "max": 200 }
        ])
    );
    let res = agent_reply(&s, &reference, json!({ "body": "x".repeat(10_001) })).await;
    let p = tickets_support::problem(res, 422).await;
    assert_eq!(p["errors"][0]["code"], "too_long");
    let t = thread(&s, &reference, &token).await;
    assert_eq!(t["status"], "answered");
    assert_eq!(t["unread"], 1);
    let entries = t["entries"].as_array().unwrap();
    assert_eq!(entries[0]["author"]["role"], "user");
    assert_eq!(
        entries[1]["author"],
        json!({ "role": "agent", "name": "Grace" })
    );
    assert_eq!(entries[1]["body"], "Try a restart");
    assert_eq!(
        entries[2],
        json!({ "kind": "status", "from": "open", "to": "answered", "at": entries[2]["at"] })
    );
    assert_eq!(
        t["replies"].as_array().unwrap().len(),
        1,
        "replies as before"
    );

    // Read marks clear the unread count.
    let res = s
        .client
        .post(format!("{}/api/v1/tickets/{reference}/read", s.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(thread(&s, &reference, &token).await["unread"], 0);

    // A follow-up is stored once, however often it is sent.
    let first = follow_up(&s, &reference, &token, "follow-1", "Still stuck").await;
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    assert_eq!(first["status"], "open");
    let again = follow_up(&s, &reference, &token, "follow-1", "Still stuck").await;
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.json::<Value>().await.unwrap(), first);
    let other = follow_up(&s, &reference, &token, "follow-1", "Another text").await;
    assert_eq!(other.status(), 422);
    let empty = follow_up(&s, &reference, &token, "follow-2", "  ").await;
    assert_eq!(empty.status(), 422);
    let t = thread(&s, &reference, &token).await;
    let users = t["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["author"]["role"] == "user")
        .count();
    assert_eq!(users, 2, "original + one follow-up: {t}");
    assert_eq!(t["status"], "open");

    // Rating: only once finished, then stored and shown.
    let rate = |score: &str| {
        s.client
            .put(format!("{}/api/v1/tickets/{reference}/rating", s.base))
            .bearer_auth(&token)
            .json(&json!({ "score": score, "comment": "Quick and kind" }))
            .send()
    };
    let early = rate("good").await.unwrap();
    assert_eq!(early.status(), 409);
    assert_eq!(early.json::<Value>().await.unwrap()["code"], "not_finished");
    let solved = s
        .client
        .post(format!("{}/api/v1/tickets/{reference}/solve", s.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(solved.json::<Value>().await.unwrap()["status"], "solved");
    let rated = rate("good").await.unwrap();
    assert_eq!(rated.status(), 200);
    let t = thread(&s, &reference, &token).await;
    assert_eq!(t["rating"]["score"], "good");
    assert_eq!(t["rating"]["comment"], "Quick and kind");
    let closed = s
        .client
        .post(format!("{}/api/v1/admin/tickets/{reference}/close", s.base))
        .bearer_auth(ADMIN)
        .send()
        .await
        .unwrap();
    assert_eq!(
        closed.json::<Value>().await.unwrap()["status"],
        "solved",
        "solved stays solved"
    );
}

async fn wrong_token_is_unknown(db: Db) {
    let s = start(&db, config()).await;
    let (reference, _) = file(&s, 2, json!({})).await;
    let wrong = "0".repeat(64);
    for (reference, token) in [
        (reference.as_str(), wrong.as_str()),
        ("KB-0000-0000", wrong.as_str()),
    ] {
        let posts = ["messages", "solve", "read"];
        for path in posts {
            let res = s
                .client
                .post(format!("{}/api/v1/tickets/{reference}/{path}", s.base))
                .bearer_auth(token)
                .header("idempotency-key", "k")
                .json(&json!({ "body": "hi" }))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 404, "{path}");
            let problem: Value = res.json().await.unwrap();
            assert_eq!(problem["code"], "not_found");
        }
    }
    let bad_admin = s
        .client
        .post(format!("{}/api/v1/admin/tickets/{reference}/close", s.base))
        .bearer_auth("nope")
        .send()
        .await
        .unwrap();
    assert_eq!(bad_admin.status(), 401);
    assert_eq!(
        s.store.ticket(&reference).await.unwrap().unwrap().status,
        "open"
    );
}

async fn badge_and_identity(db: Db) {
    let s = start(&db, config()).await;
    let exp = (koban_server::store::now_ms() / 1000) + 3600;
    let id = jwt(json!({ "email": "ada5@example.com", "exp": exp }), SECRET);
    let (verified, token_a) = file(&s, 5, json!({ "identityToken": id })).await;
    let (_, token_b) = file(&s, 6, json!({})).await;
    let (plain, _) = (verified.clone(), token_b.clone());
    agent_reply(&s, &verified, json!({ "body": "Hello" })).await;
    let res = s
        .client
        .post(format!("{}/api/v1/tickets/unread", s.base))
        .json(&json!({ "tickets": [
            { "reference": verified, "token": token_a },
            { "reference": plain, "token": "f".repeat(64) },
        ]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let unread: Value = res.json().await.unwrap();
    assert_eq!(unread["count"], 1);
    assert_eq!(
        unread["requests"].as_array().unwrap().len(),
        1,
        "a wrong token is left out"
    );

    let mine = |token: String| {
        s.client
            .get(format!("{}/api/v1/me/tickets", s.base))
            .bearer_auth(token)
            .send()
    };
    let res = mine(id.clone()).await.unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["requests"][0]["reference"], verified.as_str());
    assert_eq!(body["unread"], 1);
    let other = jwt(json!({ "email": "ada6@example.com", "exp": exp }), SECRET);
    let body: Value = mine(other).await.unwrap().json().await.unwrap();
    assert_eq!(
        body["requests"],
        json!([]),
        "an unverified ticket is nobody's from elsewhere"
    );
    let forged = jwt(
        json!({ "email": "ada5@example.com", "exp": exp }),
        "x".repeat(32).as_str(),
    );
    let res = mine(forged).await.unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(res.headers()["www-authenticate"], "Bearer");

    // The identity token opens the identity's own verified requests (another device has no
    // access token), and nobody else's.
    let read = |token: String, reference: String| {
        s.client
            .get(format!("{}/api/v1/tickets/{reference}", s.base))
            .bearer_auth(token)
            .send()
    };
    let res = read(id.clone(), verified.clone()).await.unwrap();
    assert_eq!(res.status(), 200);
    let thread: Value = res.json().await.unwrap();
    assert_eq!(thread["reference"], verified.as_str());
    let other = jwt(json!({ "email": "ada6@example.com", "exp": exp }), SECRET);
    let unverified = file(&s, 7, json!({ "email": "ada5@example.com" })).await.0;
    assert_eq!(read(other, verified.clone()).await.unwrap().status(), 404);
    assert_eq!(read(id.clone(), unverified).await.unwrap().status(), 404);
    let forged = jwt(
        json!({ "email": "ada5@example.com", "exp": exp }),
        "x".repeat(32).as_str(),
    );
    assert_eq!(read(forged, verified).await.unwrap().status(), 404);
}

async fn live_across_servers(db: Db) {
    let a = start(&db, config()).await;
    // A second server on the same database: another process in production.
    let b = start_on(&a.url, config(), Faults::none()).await;
    b.store.listen();
    let (reference, token) = file(&a, 7, json!({})).await;
    let mut stream = b
        .client
        .post(format!("{}/api/v1/tickets/live", b.base))
        .json(&json!({ "tickets": [{ "reference": reference, "token": token }] }))
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);
    assert!(
        next_event(&mut stream, "ready", Duration::from_secs(2))
            .await
            .is_some()
    );
    // Let the LISTEN session start.
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Written through `a`: on SQLite, `b` sees it through `PRAGMA data_version`.
    let sent = Instant::now();
    agent_reply(&a, &reference, json!({ "body": "Fixed" })).await;
    let data = next_event(&mut stream, "changed", Duration::from_secs(2)).await;
    assert_eq!(
        data.expect("a change within 2 s"),
        json!({ "reference": reference }).to_string()
    );
    assert!(sent.elapsed() < Duration::from_secs(2));
    let none = b
        .client
        .post(format!("{}/api/v1/tickets/live", b.base))
        .json(&json!({ "tickets": [{ "reference": reference, "token": "0".repeat(64) }] }))
        .send()
        .await
        .unwrap();
    assert_eq!(none.status(), 404);
}

/// `koban tickets reply` is another process writing to the same database (on SQLite, the same
/// file): its reply reaches the live stream of a running server within 2 s.
async fn live_from_the_cli(db: Db) {
    let s = start(&db, config()).await;
    s.store.listen();
    let (reference, token) = file(&s, 8, json!({})).await;
    let mut stream = s
        .client
        .post(format!("{}/api/v1/tickets/live", s.base))
        .json(&json!({ "tickets": [{ "reference": reference, "token": token }] }))
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);
    assert!(
        next_event(&mut stream, "ready", Duration::from_secs(2))
            .await
            .is_some()
    );
    let (url, typed) = (s.url.clone(), reference.clone());
    let out = tokio::task::spawn_blocking(move || {
        let dir = std::env::temp_dir().join(format!("koban-cli-{}", tickets_support::unique()));
        std::fs::create_dir_all(&dir).unwrap();
        std::process::Command::new(env!("CARGO_BIN_EXE_koban"))
            .args([
                "tickets",
                "reply",
                &typed,
                "--message",
                "Fixed",
                "--agent",
                "Grace",
            ])
            .current_dir(&dir)
            .env_remove("KOBAN_CONFIG")
            .env("DATABASE_URL", url)
            .env("RUST_LOG", "warn")
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The reply was committed before the command exited.
    let data = next_event(&mut stream, "changed", Duration::from_secs(2)).await;
    assert_eq!(
        data.expect("a change within 2 s of the reply"),
        json!({ "reference": reference }).to_string()
    );
    // The listener stops with the store instead of holding it open.
    tokio::time::timeout(Duration::from_secs(5), s.store.close())
        .await
        .expect("the store closes");
}

store_tests!(
    a_conversation,
    wrong_token_is_unknown,
    badge_and_identity,
    live_across_servers,
    live_from_the_cli
);
