//! `koban tickets reply` and `show` as an agent runs them: the real binary, on a database
//! (SQLite, and PostgreSQL with `KOBAN_TEST_POSTGRES_URL`) whose ticket came through the real
//! `POST /api/v1/tickets`; the submitter then reads the public replies over HTTP.

mod tickets_support;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use tickets_support::{Db, start, test_config, ticket};

/// Runs `koban tickets <args>` on the database at `url`, with `stdin` as standard input.
fn koban(url: &str, args: &[&str], stdin: &str) -> Output {
    let dir = std::env::temp_dir().join(format!("koban-cli-{}", tickets_support::unique()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_koban"))
        .arg("tickets")
        .args(args)
        .current_dir(&dir)
        .env_remove("KOBAN_CONFIG")
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// Like [`koban`], asserting success; returns stdout.
fn ok(url: &str, args: &[&str], stdin: &str) -> String {
    let out = koban(url, args, stdin);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "koban tickets {args:?}: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

async fn reply_is_shown_to_the_submitter(db: Db) {
    let s = start(&db, test_config()).await;
    let res = s.post(Some("key-reply"), &ticket(1)).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    let reference = created["reference"].as_str().unwrap().to_string();
    let token = created["accessToken"].as_str().unwrap().to_string();
    let url = s.url.clone();

    // An internal note first (status stays open), then a public reply from stdin, then one
    // with --message on the reference as typed by a human (lower case).
    let out = ok(
        &url,
        &[
            "reply",
            &reference,
            "--internal",
            "--message",
            "Customer is on the pro plan",
        ],
        "",
    );
    assert!(out.contains("internal note"), "{out}");
    assert!(out.contains("status open"), "{out}");
    let out = ok(
        &url,
        &["reply", &reference],
        "\nYour job was requeued.\n<b>not markup</b>\n",
    );
    assert!(out.contains("status answered"), "{out}");
    let lower = reference.to_ascii_lowercase();
    ok(
        &url,
        &[
            "reply",
            &lower,
            "--message",
            "Please tell us if it happens again.",
        ],
        "",
    );

    // The submitter sees the public replies only, oldest first, and the new status.
    let res = s
        .client
        .get(format!("{}/api/v1/tickets/{reference}", s.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let public: Value = res.json().await.unwrap();
    assert_eq!(public["status"], "answered");
    let replies = public["replies"].as_array().unwrap();
    assert_eq!(replies.len(), 2, "{public}");
    assert_eq!(
        replies[0]["body"],
        "Your job was requeued.\n<b>not markup</b>"
    );
    assert_eq!(replies[1]["body"], "Please tell us if it happens again.");
    for r in replies {
        assert!(r["createdAt"].as_str().unwrap().ends_with('Z'));
        assert_eq!(
            r.as_object().unwrap().len(),
            2,
            "body and createdAt only: {r}"
        );
    }
    assert!(replies[0]["createdAt"].as_str() < replies[1]["createdAt"].as_str());
    assert!(!public.to_string().contains("pro plan"));

    // The agent sees everything, the internal note marked.
    let shown = ok(&url, &["show", &reference], "");
    assert!(shown.contains("Status:      answered"), "{shown}");
    assert!(
        shown.contains("Internal note (not shown to the user)") && shown.contains("pro plan"),
        "{shown}"
    );
    assert!(shown.contains("Your job was requeued."), "{shown}");
    let note = shown.find("pro plan").unwrap();
    let first = shown.find("Your job was requeued.").unwrap();
    let second = shown.find("Please tell us").unwrap();
    assert!(note < first && first < second, "oldest first: {shown}");

    // Closing is final: a later reply is stored but the ticket stays closed.
    ok(&url, &["close", &reference], "");
    let out = ok(
        &url,
        &["reply", &reference, "--message", "Closing note"],
        "",
    );
    assert!(out.contains("status closed"), "{out}");
    assert_eq!(
        s.store.ticket(&reference).await.unwrap().unwrap().status,
        "closed"
    );
}

async fn bad_replies_store_nothing(db: Db) {
    let s = start(&db, test_config()).await;
    let res = s.post(Some("key-bad-reply"), &ticket(2)).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    let reference = created["reference"].as_str().unwrap().to_string();

    let empty = koban(&s.url, &["reply", &reference], " \n\n");
    assert!(!empty.status.success());
    assert!(String::from_utf8_lossy(&empty.stderr).contains("empty"));
    let unknown = koban(&s.url, &["reply", "KB-0000-0000", "--message", "hi"], "");
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no ticket KB-0000-0000"));

    let stored = s.store.ticket(&reference).await.unwrap().unwrap();
    assert_eq!(stored.status, "open");
    assert!(
        s.store
            .replies_of(&stored.id, false)
            .await
            .unwrap()
            .is_empty()
    );
}

store_tests!(reply_is_shown_to_the_submitter, bad_replies_store_nothing);
