//! Identity tokens over real HTTP, on SQLite and (with `KOBAN_TEST_POSTGRES_URL`) PostgreSQL:
//! a valid HS256 token whose `email` matches marks the ticket verified; expired, forged,
//! mismatched or unconfigured ones store it unverified, with the same 201.

mod tickets_support;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};
use tickets_support::{Db, Server, jwt, start, test_config, ticket};

const SECRET: &str = "platform-backend-secret-0123456789abcdef";

fn now() -> i64 {
    koban_server::store::now_ms() / 1000
}

/// Submits ticket `n` with `token`; returns whether it was stored verified.
async fn submit(s: &Server, n: usize, token: Option<String>) -> bool {
    let mut body = ticket(n);
    if let Some(token) = token {
        body["identityToken"] = json!(token);
    }
    let res = s.post(Some(&format!("identity-{n}")), &body).await;
    assert_eq!(res.status(), 201, "a token never rejects a ticket");
    let created: Value = res.json().await.unwrap();
    assert_eq!(
        created.as_object().unwrap().len(),
        5,
        "the answer does not say whether the token was accepted: {created}"
    );
    let reference = created["reference"].as_str().unwrap();
    s.store.ticket(reference).await.unwrap().unwrap().verified
}

async fn tokens(db: Db) {
    let mut config = test_config();
    config.identity_secret = Some(SECRET.into());
    let s = start(&db, config).await;
    let claims = |email: &str, exp: i64| json!({ "sub": "user-1", "email": email, "exp": exp });

    // Valid: signature, expiry and the ticket's own email (case aside).
    let valid = jwt(claims("ADA1@example.com", now() + 600), SECRET);
    assert!(submit(&s, 1, Some(valid)).await);
    // No token.
    assert!(!submit(&s, 2, None).await);
    // Expired (beyond the minute of clock-skew leeway).
    let expired = jwt(claims("ada3@example.com", now() - 3600), SECRET);
    assert!(!submit(&s, 3, Some(expired)).await);
    // Signed with another key.
    let forged = jwt(
        claims("ada4@example.com", now() + 600),
        "not-the-platform-secret-0123456789abcdef",
    );
    assert!(!submit(&s, 4, Some(forged)).await);
    // Someone else's token.
    let other = jwt(claims("eve@example.com", now() + 600), SECRET);
    assert!(!submit(&s, 5, Some(other)).await);
    // Not a JWT at all.
    assert!(!submit(&s, 6, Some("hello".into())).await);
    // An unsigned token (`alg: none`).
    let none = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(r#"{"alg":"none"}"#),
        URL_SAFE_NO_PAD.encode(claims("ada7@example.com", now() + 600).to_string())
    );
    assert!(!submit(&s, 7, Some(none)).await);
    assert_eq!(s.count().await, 7);

    // Without identity_secret, even a well-signed token verifies nothing.
    let off = start(&db, test_config()).await;
    let valid = jwt(claims("ada8@example.com", now() + 600), SECRET);
    assert!(!submit(&off, 8, Some(valid)).await);
}

store_tests!(tokens);
