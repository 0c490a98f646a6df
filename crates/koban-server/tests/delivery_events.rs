//! Follow-ups and ratings reach the webhook, Discord and email through the outbox like new
//! tickets, over real sockets on 127.0.0.1, on SQLite and (with `KOBAN_TEST_POSTGRES_URL`)
//! PostgreSQL: one delivery per event and target, a replayed `Idempotency-Key` and a rating sent
//! again unchanged deliver nothing more, a changed rating is a new event, and an agent's reply
//! (the team wrote it) is not sent back to the team.

mod delivery_support;
mod tickets_support;

use std::time::Duration;

use delivery_support::receiver::{Hit, receiver, signature_ok};
use delivery_support::smtp::sink;
use delivery_support::{ADMIN_TOKEN, Instance, fast, instance, outbox, wait_until};
use serde_json::{Value, json};
use tickets_support::{Db, ticket};

/// The webhook hits of event `event`.
fn of(hits: &[Hit], event: &str) -> Vec<Hit> {
    hits.iter()
        .filter(|h| h.headers["x-koban-event"] == event)
        .cloned()
        .collect()
}

async fn follow_up(s: &Instance, reference: &str, token: &str, key: &str) -> Value {
    let res = s
        .client
        .post(format!("{}/api/v1/tickets/{reference}/messages", s.base))
        .bearer_auth(token)
        .header("idempotency-key", key)
        .json(&json!({ "body": "It happened again.\n@everyone **now**" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

async fn rate(s: &Instance, reference: &str, token: &str, body: Value) {
    let res = s
        .client
        .put(format!("{}/api/v1/tickets/{reference}/rating", s.base))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{:?}", res.text().await);
}

async fn follow_ups_and_ratings_are_delivered_once(db: Db) {
    let hooks = receiver(0).await;
    let smtp = sink(0).await;
    let url = db.fresh_url().await;
    let s = instance(
        &url,
        fast(
            Some(format!("{}/hook", hooks.base)),
            Some(format!("{}/discord", hooks.base)),
            Some(&smtp),
        ),
    )
    .await;
    let created = s.create("evt-1", &ticket(1)).await;
    let reference = created["reference"].as_str().unwrap();
    let token = created["accessToken"].as_str().unwrap();
    let id = created["id"].as_str().unwrap();
    let delivered = |n: usize| {
        let store = s.store.clone();
        async move {
            let rows = outbox(&store, id).await;
            rows.len() == n && rows.iter().all(|o| o.delivered_at.is_some())
        }
    };
    wait_until("the ticket's deliveries", || delivered(3)).await;

    // An agent's reply (the team wrote it), a follow-up and its replay with the same key: one
    // event.
    let res = s
        .client
        .post(format!(
            "{}/api/v1/admin/tickets/{reference}/replies",
            s.base
        ))
        .bearer_auth(ADMIN_TOKEN)
        .json(&json!({ "body": "Fixed?", "agent": "Grace" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let first = follow_up(&s, reference, token, "evt-msg-1").await;
    let again = follow_up(&s, reference, token, "evt-msg-1").await;
    assert_eq!(first["id"], again["id"]);
    let res = s
        .client
        .post(format!("{}/api/v1/tickets/{reference}/solve", s.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // Rated, then the same rating again (a retried PUT), then changed: two events.
    let good = json!({ "score": "good", "comment": "Quick <b>and</b> kind" });
    rate(&s, reference, token, good.clone()).await;
    rate(&s, reference, token, good).await;
    rate(&s, reference, token, json!({ "score": "bad" })).await;
    wait_until("every delivery", || delivered(12)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    let hits = hooks.hits("/hook");
    assert_eq!(hits.len(), 4, "{hits:?}");
    assert!(hits.iter().all(|h| signature_ok(&h.headers, &h.body)));
    assert_eq!(of(&hits, "ticket.created").len(), 1);
    let message = of(&hits, "ticket.message");
    assert_eq!(message.len(), 1, "a replayed key delivers nothing more");
    let payload = message[0].json();
    assert_eq!(payload["type"], "ticket.message");
    assert_eq!(
        payload["deliveryId"],
        message[0].headers["x-koban-delivery"].to_str().unwrap()
    );
    assert_eq!(payload["ticket"]["reference"], reference);
    assert_eq!(payload["ticket"]["subject"], "Job stuck #1");
    assert_eq!(payload["message"]["id"], first["id"]);
    assert_eq!(
        payload["message"]["body"],
        "It happened again.\n@everyone **now**"
    );
    assert_eq!(payload["message"]["createdAt"], first["createdAt"]);
    assert!(payload.get("rating").is_none());
    let rated: Vec<Value> = of(&hits, "ticket.rated").iter().map(Hit::json).collect();
    assert_eq!(
        rated.len(),
        2,
        "the same rating again delivers nothing more"
    );
    let ratings: Vec<&Value> = rated.iter().map(|p| &p["rating"]).collect();
    assert!(ratings.contains(&&json!({ "score": "good", "comment": "Quick <b>and</b> kind" })));
    assert!(ratings.contains(&&json!({ "score": "bad", "comment": null })));
    assert!(rated.iter().all(|p| p["ticket"]["reference"] == reference));

    // Discord: a short message each, no pings.
    let discord: Vec<Value> = hooks.hits("/discord").iter().map(Hit::json).collect();
    assert_eq!(discord.len(), 4);
    let content = |start: &str| {
        discord
            .iter()
            .filter(|m| m["content"].as_str().unwrap().starts_with(start))
            .count()
    };
    assert_eq!(content(&format!("New message on {reference}: ")), 1);
    assert_eq!(content(&format!("{reference} rated good: ")), 1);
    assert_eq!(content(&format!("{reference} rated bad: ")), 1);
    assert!(discord.iter().any(|m| {
        m["embeds"][0]["description"] == "It happened again\\.\n\\@everyone \\*\\*now\\*\\*"
    }));
    assert!(
        discord
            .iter()
            .all(|m| m["allowed_mentions"] == json!({ "parse": [] }))
    );

    // Email: one each to the team.
    let mails = smtp.messages.lock().unwrap().clone();
    assert_eq!(mails.len(), 4);
    let subject = |s: &str| mails.iter().filter(|m| m.contains(s)).count();
    assert_eq!(
        subject(&format!("Subject: Re: [{reference}] Job stuck #1")),
        1
    );
    assert_eq!(
        subject(&format!("Subject: [{reference}] Rated good: Job stuck #1")),
        1
    );
    assert_eq!(
        subject(&format!("Subject: [{reference}] Rated bad: Job stuck #1")),
        1
    );
    assert!(mails.iter().all(|m| m.contains("To: support@example.com")));
    assert!(mails.iter().any(|m| m.contains("Quick <b>and</b> kind")));
    s.stop().await;
}

store_tests!(follow_ups_and_ratings_are_delivered_once,);
