//! Delivery of new tickets over real sockets on 127.0.0.1, on SQLite and (with
//! `KOBAN_TEST_POSTGRES_URL`) PostgreSQL: an HTTP receiver checks the webhook's HMAC signature
//! and the Discord message, a minimal SMTP sink accepts the emails (both in `delivery_support`);
//! receivers that fail make the worker retry; a server stopped with deliveries pending is
//! replaced by a new one on the same database; two instances on one database never deliver a
//! row twice. The same restart with the real `koban serve` binary is in `delivery_binary.rs`.

mod delivery_support;
mod tickets_support;

use std::collections::HashSet;
use std::sync::atomic::Ordering;
use std::time::Duration;

use delivery_support::receiver::{receiver, receiver_on, signature_ok};
use delivery_support::smtp::sink;
use delivery_support::{all_delivered, fast, instance, instance_with, outbox, wait_until};
use koban_server::store::Store;
use serde_json::json;
use tickets_support::{Db, ticket};
use tokio::net::TcpListener;

async fn delivers_to_webhook_discord_and_email(db: Db) {
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
    let mut body = ticket(1);
    body["subject"] = json!("@everyone **urgent** <@123>");
    body["description"] =
        json!("Line one\n<script>alert(1)</script>\n[click](https://evil.example) `code`");
    let created = s.create("dlv-1", &body).await;
    let reference = created["reference"].as_str().unwrap();
    let id = created["id"].as_str().unwrap();
    wait_until("three deliveries", || all_delivered(&s.store, id)).await;
    let rows = outbox(&s.store, id).await;
    let row = |target: &str| rows.iter().find(|o| o.target == target).unwrap().clone();
    assert_eq!(rows.len(), 3);
    assert!(
        rows.iter()
            .all(|o| o.attempts == 0 && o.last_error.is_none())
    );

    // Generic webhook: signed (the receiver answers 401 otherwise), JSON text as submitted.
    let hits = hooks.hits("/hook");
    assert_eq!(hits.len(), 1, "{hits:?}");
    let hit = &hits[0];
    assert_eq!(hit.status, 200);
    assert_eq!(hit.headers["content-type"], "application/json");
    assert_eq!(hit.headers["x-koban-event"], "ticket.created");
    assert_eq!(hit.headers["x-koban-delivery"], row("webhook").id.as_str());
    assert!(signature_ok(&hit.headers, &hit.body));
    let mut tampered = hit.body.to_vec();
    tampered[10] ^= 1;
    assert!(!signature_ok(&hit.headers, &tampered));
    let payload = hit.json();
    assert_eq!(payload["type"], "ticket.created");
    assert_eq!(payload["attempt"], 1);
    assert_eq!(payload["deliveryId"], row("webhook").id.as_str());
    assert_eq!(payload["ticket"]["reference"], reference);
    assert_eq!(payload["ticket"]["subject"], body["subject"]);
    assert_eq!(payload["ticket"]["description"], body["description"]);
    assert_eq!(payload["ticket"]["fields"], body["fields"]);
    assert_eq!(payload["ticket"]["context"], body["context"]);
    assert_eq!(payload["ticket"]["verified"], false);
    assert!(payload["ticket"].get("accessTokenHash").is_none());

    // Discord: no pings, no Markdown from user text.
    let hits = hooks.hits("/discord");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].status, 204);
    let message = hits[0].json();
    assert_eq!(message["allowed_mentions"], json!({ "parse": [] }));
    assert_eq!(
        message["content"],
        format!("New ticket {reference}: \\@everyone \\*\\*urgent\\*\\* \\<\\@123\\>")
    );
    let embed = &message["embeds"][0];
    assert_eq!(
        embed["description"],
        "Line one\n\\<script\\>alert\\(1\\)\\</script\\>\n\
         \\[click\\]\\(https\\://evil\\.example\\) \\`code\\`"
    );
    assert_eq!(embed["footer"]["text"], reference);
    assert!(
        embed["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["name"] == "From" && f["value"] == "Ada Lovelace \\<ada1\\@example\\.com\\>")
    );

    // Email: plain text to the sink; without replies by email (`reply_domain`), answering it
    // answers the submitter (with them, the ticket's reply address: mail_outbound.rs).
    let mails = smtp.messages.lock().unwrap().clone();
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert!(
        mail.contains("Content-Type: text/plain; charset=utf-8"),
        "{mail}"
    );
    assert!(!mail.to_ascii_lowercase().contains("text/html"));
    assert!(mail.contains(&format!("Subject: [{reference}]")), "{mail}");
    assert!(
        mail.contains("Reply-To: \"Ada Lovelace\" <ada1@example.com>"),
        "{mail}"
    );
    assert!(mail.contains("To: support@example.com"), "{mail}");
    assert!(
        mail.contains(&format!("Message-ID: <{}@koban>", row("email").id)),
        "{mail}"
    );
    assert!(mail.contains("<script>alert(1)</script>"), "{mail}");
    assert!(mail.contains("job_id: job_42"), "{mail}");
    s.stop().await;
}

async fn retries_until_acknowledged(db: Db) {
    let hooks = receiver(2).await;
    let smtp = sink(1).await;
    let url = db.fresh_url().await;
    let s = instance(
        &url,
        fast(Some(format!("{}/hook", hooks.base)), None, Some(&smtp)),
    )
    .await;
    let created = s.create("retry-1", &ticket(1)).await;
    let id = created["id"].as_str().unwrap();
    wait_until("delivery after retries", || all_delivered(&s.store, id)).await;
    let hits = hooks.hits("/hook");
    let statuses: Vec<u16> = hits.iter().map(|h| h.status).collect();
    assert_eq!(statuses, [503, 503, 200]);
    let attempts: Vec<i64> = hits
        .iter()
        .map(|h| h.json()["attempt"].as_i64().unwrap())
        .collect();
    assert_eq!(attempts, [1, 2, 3]);
    let ids: HashSet<_> = hits
        .iter()
        .map(|h| h.headers["x-koban-delivery"].clone())
        .collect();
    assert_eq!(ids.len(), 1, "one delivery id across retries");
    assert_eq!(smtp.refused.load(Ordering::SeqCst), 1);
    assert_eq!(smtp.messages.lock().unwrap().len(), 1);
    let rows = outbox(&s.store, id).await;
    let attempts = |target: &str| rows.iter().find(|o| o.target == target).unwrap().attempts;
    assert_eq!(attempts("webhook"), 2);
    assert_eq!(attempts("email"), 1);
    assert!(rows.iter().all(|o| o.last_error.is_none()));
    // Nothing more arrives once acknowledged.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(hooks.hits("/hook").len(), 3);
    s.stop().await;
}

async fn restart_resumes_the_outbox(db: Db) {
    // The receiver's address is known but nothing listens there yet: deliveries fail.
    let addr = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap();
    let config = || fast(Some(format!("http://{addr}/hook")), None, None);
    let url = db.fresh_url().await;
    let first = instance(&url, config()).await;
    let created = first.create("restart-1", &ticket(1)).await;
    let id = created["id"].as_str().unwrap().to_string();
    wait_until("failed attempts", || async {
        outbox(&first.store, &id)
            .await
            .iter()
            .all(|o| o.attempts >= 2 && o.last_error.is_some())
    })
    .await;
    first.stop().await;

    let store = Store::connect(&url).await.unwrap();
    let pending = store.pending_outbox().await.unwrap();
    assert_eq!(pending.len(), 1);
    assert!(
        pending[0]
            .last_error
            .as_deref()
            .unwrap()
            .contains("HTTP request failed"),
        "{pending:?}"
    );
    store.close().await;

    // The receiver comes up, and a new server on the same database resumes.
    let hooks = receiver_on(TcpListener::bind(addr).await.unwrap(), 0).await;
    let second = instance(&url, config()).await;
    wait_until("delivery after restart", || {
        all_delivered(&second.store, &id)
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let hits = hooks.hits("/hook");
    assert_eq!(hits.len(), 1, "exactly once: {hits:?}");
    assert_eq!(hits[0].json()["ticket"]["id"], id.as_str());
    assert!(second.store.pending_outbox().await.unwrap().is_empty());
    second.stop().await;
}

async fn two_instances_deliver_each_row_once(db: Db) {
    let hooks = receiver(0).await;
    let url = db.fresh_url().await;
    let config = || fast(Some(format!("{}/hook", hooks.base)), None, None);
    // Tickets pile up first, so both workers start on the very same due rows.
    let intake = instance_with(&url, config(), false).await;
    let mut ids = Vec::new();
    for n in 0..24 {
        let created = intake.create(&format!("two-{n}"), &ticket(n)).await;
        ids.push(created["id"].as_str().unwrap().to_string());
    }
    let (a, b) = tokio::join!(instance(&url, config()), instance(&url, config()));
    wait_until("all deliveries", || async {
        a.store.pending_outbox().await.unwrap().is_empty()
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let hits = hooks.hits("/hook");
    let delivered: Vec<String> = hits
        .iter()
        .map(|h| h.json()["ticket"]["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(delivered.len(), 24, "{delivered:?}");
    assert_eq!(
        delivered.iter().collect::<HashSet<_>>(),
        ids.iter().collect::<HashSet<_>>()
    );
    a.stop().await;
    b.stop().await;
    intake.stop().await;
}

store_tests!(
    delivers_to_webhook_discord_and_email,
    retries_until_acknowledged,
    restart_resumes_the_outbox,
    two_instances_deliver_each_row_once,
);
