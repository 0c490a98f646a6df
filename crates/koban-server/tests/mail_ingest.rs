//! `koban mail ingest` as Postfix's pipe runs it: the real binary, a mail on standard input,
//! `--config` in argv and no environment, on SQLite and (with `KOBAN_TEST_POSTGRES_URL`)
//! PostgreSQL, on tickets filed through the real `POST /api/v1/tickets`. Exit code, the status
//! line and the store are checked: the requester's follow-up reopens the request and reaches
//! the team's targets; an agent's reply carries their name and goes on to the requester;
//! `#internal` makes a note; a mail counts once; automatic mail stores and sends nothing; an
//! unknown token or a stranger is refused; `In-Reply-To` finds the ticket without a token; the
//! reply reaches an open widget within 2 s; an unreachable database and a panic exit 75.

mod mail_support;
mod tickets_support;

use std::time::{Duration, Instant};

use koban_server::store::outbox::OutboxEvent;
use koban_server::store::replies::MessageAuthor;
use koban_server::tickets::TicketsConfig;
use mail_support::{AGENT, AGENT_NAME, MailEnv, REQUESTER, eml, setup, setup_with};
use serde_json::{Value, json};
use tickets_support::{Db, next_event, test_config};

async fn solve(env: &MailEnv, reference: &str, token: &str) {
    let s = &env.server;
    let res = s
        .client
        .post(format!("{}/api/v1/tickets/{reference}/solve", s.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}

async fn requester_follow_up_reopens_the_request(db: Db) {
    let env = setup(&db).await;
    let (reference, token) = env.file_ticket().await;
    solve(&env, &reference, &token).await;
    assert_eq!(env.ticket(&reference).await.status, "solved");
    let raw = "From: Ada <Ada@Users.Test>\r\nTo: support@reply.test\r\nSubject: Re: Job stuck\r\n\
         Message-ID: <follow-1@users.test>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\nIt broke again.\r\n--b1\r\n\
         Content-Type: text/plain; name=job.log\r\nContent-Disposition: attachment; filename=job.log\r\n\r\n\
         line 1\r\nline 2\r\n--b1--\r\n";
    let out = env.deliver(&reference, REQUESTER, raw).await;
    assert_eq!(out.code, 0, "{out:?}");
    let messages = env.messages(&reference).await;
    assert_eq!(messages.len(), 1);
    let m = &messages[0];
    assert_eq!(
        out.line,
        format!("2.0.0 {reference} {} user", m.id),
        "the status line names the reference, the message and the role"
    );
    assert_eq!(m.author, MessageAuthor::User);
    assert!(m.public);
    assert_eq!(m.body, "It broke again.");
    assert_eq!(m.via.as_deref(), Some("email"));
    // Reopened, as a follow-up from the widget reopens it.
    assert_eq!(env.ticket(&reference).await.status, "open");
    // The file, linked to the message.
    let files = env.files(&reference).await;
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].filename, "job.log");
    assert_eq!(files[0].reply_id.as_deref(), Some(m.id.as_str()));
    // The team hears of it through its targets (smtp_url is set: `email`), exactly once.
    let outbox = env.outbox(&reference).await;
    assert_eq!(outbox.len(), 1, "{outbox:?}");
    assert_eq!(outbox[0].target, "email");
    match &outbox[0].event {
        OutboxEvent::TicketMessage(e) => {
            assert_eq!(e.id, m.id);
            assert_eq!(e.body, "It broke again.");
            assert_eq!(e.attachments, vec![files[0].id.clone()]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        env.received().await,
        vec![("stored".into(), Some(reference))]
    );
}

async fn agent_reply_carries_the_agent_name(db: Db) {
    let env = setup(&db).await;
    let (reference, token) = env.file_ticket().await;
    let raw = eml(
        "\"Someone Else\" <MIKA@agents.test>",
        Some("agent-1@agents.test"),
        "",
        "Your job was requeued.",
    );
    let out = env.deliver(&reference, AGENT, raw).await;
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.line.ends_with(" agent"), "{}", out.line);
    let messages = env.messages(&reference).await;
    assert_eq!(messages.len(), 1);
    // The name from `agents`, not from the mail.
    assert_eq!(
        messages[0].author,
        MessageAuthor::Agent(Some(AGENT_NAME.into()))
    );
    assert!(messages[0].public);
    assert_eq!(env.ticket(&reference).await.status, "answered");
    // The requester reads it in the widget.
    let s = &env.server;
    let public: Value = s
        .client
        .get(format!("{}/api/v1/tickets/{reference}", s.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(public["replies"][0]["body"], "Your job was requeued.");
    // It goes on to the requester by email (smtp_url and reply_domain are set).
    let outbox = env.outbox(&reference).await;
    assert_eq!(outbox.len(), 1, "{outbox:?}");
    assert_eq!(outbox[0].target, "requester");
}

async fn internal_note(db: Db) {
    let env = setup(&db).await;
    let (reference, _) = env.file_ticket().await;
    let raw = eml(
        AGENT,
        Some("note-1@agents.test"),
        "",
        "\r\n#INTERNAL\r\nCustomer is on the pro plan.\r\n",
    );
    let out = env.deliver(&reference, AGENT, raw).await;
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.line.ends_with(" note"), "{}", out.line);
    let messages = env.messages(&reference).await;
    assert_eq!(messages.len(), 1);
    assert!(!messages[0].public);
    assert_eq!(messages[0].body, "Customer is on the pro plan.");
    assert_eq!(env.ticket(&reference).await.status, "open");
    assert!(
        env.outbox(&reference).await.is_empty(),
        "a note sends nothing"
    );
    // From the requester, `#internal` is just text.
    let raw = eml(
        REQUESTER,
        Some("note-2@users.test"),
        "",
        "#internal\r\nhello",
    );
    assert_eq!(env.deliver(&reference, REQUESTER, raw).await.code, 0);
    let messages = env.messages(&reference).await;
    assert!(messages[1].public);
    assert_eq!(messages[1].body, "#internal\nhello");
}

async fn the_same_mail_twice_is_one_message(db: Db) {
    let env = setup(&db).await;
    let (reference, _) = env.file_ticket().await;
    let raw = eml(REQUESTER, Some("twice@users.test"), "", "Once only.");
    let first = env.deliver(&reference, REQUESTER, raw.clone()).await;
    assert_eq!(first.code, 0, "{first:?}");
    let second = env.deliver(&reference, REQUESTER, raw).await;
    assert_eq!((second.code, second.line.as_str()), (0, "2.0.0 duplicate"));
    assert_eq!(env.messages(&reference).await.len(), 1);
    assert_eq!(env.outbox(&reference).await.len(), 1);
    let outcomes: Vec<String> = env.received().await.into_iter().map(|r| r.0).collect();
    assert_eq!(outcomes, ["stored", "duplicate"]);
    // Pruning drops the records of mail that stored nothing; the guard stays.
    let later = koban_server::store::now_ms() + 1;
    assert_eq!(env.server.store.prune_mail_records(later).await.unwrap(), 1);
    let raw = eml(REQUESTER, Some("twice@users.test"), "", "Once only.");
    let third = env.deliver(&reference, REQUESTER, raw).await;
    assert_eq!(third.line, "2.0.0 duplicate");
    assert_eq!(env.messages(&reference).await.len(), 1);
}

async fn a_mail_needs_text_or_a_file(db: Db) {
    let env = setup(&db).await;
    let (reference, _) = env.file_ticket().await;
    let empty = eml(REQUESTER, Some("empty@users.test"), "", "\r\n  \r\n");
    let out = env.deliver(&reference, REQUESTER, empty).await;
    assert_eq!((out.code, out.line.as_str()), (65, "5.6.0 no text"));
    assert!(env.messages(&reference).await.is_empty());
    // A file alone is a message.
    let file_only = "From: ada@users.test\r\nMessage-ID: <file@users.test>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\
         Content-Type: text/plain; name=job.log\r\nContent-Disposition: attachment; filename=job.log\r\n\r\n\
         failed at step 3\r\n--b--\r\n";
    let out = env.deliver(&reference, REQUESTER, file_only).await;
    assert_eq!(out.code, 0, "{out:?}");
    let messages = env.messages(&reference).await;
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].body, "");
    assert_eq!(env.files(&reference).await.len(), 1);
    let outcomes: Vec<String> = env.received().await.into_iter().map(|r| r.0).collect();
    assert_eq!(outcomes, ["bad_message", "stored"]);
}

/// With `attachments_enabled = false`, a mail's files are skipped and counted.
async fn files_are_skipped_when_attachments_are_off(db: Db) {
    let env = setup(&db).await;
    let text = std::fs::read_to_string(&env.config).unwrap();
    std::fs::write(
        &env.config,
        text.replace("attachments_enabled = true", "attachments_enabled = false"),
    )
    .unwrap();
    let (reference, _) = env.file_ticket().await;
    let raw = "From: ada@users.test\r\nMessage-ID: <off@users.test>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\
         Content-Type: text/plain\r\n\r\nLog attached.\r\n--b\r\n\
         Content-Type: text/plain; name=job.log\r\nContent-Disposition: attachment; filename=job.log\r\n\r\n\
         failed at step 3\r\n--b--\r\n";
    let out = env.deliver(&reference, REQUESTER, raw).await;
    assert!(out.line.ends_with(" user (1 file skipped)"), "{out:?}");
    assert_eq!(env.messages(&reference).await[0].body, "Log attached.");
    assert!(env.files(&reference).await.is_empty());
}

async fn automatic_mail_stores_and_sends_nothing(db: Db) {
    let env = setup(&db).await;
    let (reference, _) = env.file_ticket().await;
    let out_of_office = eml(
        REQUESTER,
        Some("ooo@users.test"),
        "Auto-Submitted: auto-replied\r\n",
        "I am out of the office until Monday.",
    );
    let vacation = eml(
        REQUESTER,
        Some("vacation@users.test"),
        "X-Autoreply: yes\r\n",
        "On vacation.",
    );
    let bounce = eml(
        "MAILER-DAEMON@mail.test",
        Some("bounce@mail.test"),
        "Return-Path: <>\r\n",
        "Undeliverable.",
    );
    for (raw, sender) in [
        (out_of_office, REQUESTER),
        (vacation, REQUESTER),
        (bounce, ""),
    ] {
        let out = env.deliver(&reference, sender, raw).await;
        assert_eq!(
            (out.code, out.line.as_str()),
            (0, "2.0.0 ignored auto-reply")
        );
    }
    // Even to an unknown address: dropped quietly, not bounced to the responder.
    let raw = eml(REQUESTER, None, "Auto-Submitted: auto-replied\r\n", "Away.");
    let out = env
        .ingest(
            &["--sender", REQUESTER, "--recipient", "support@reply.test"],
            raw,
        )
        .await;
    assert_eq!(out.code, 0, "{out:?}");
    assert!(env.messages(&reference).await.is_empty());
    assert!(env.outbox(&reference).await.is_empty());
    let received = env.received().await;
    assert_eq!(received.len(), 4);
    assert!(
        received.iter().all(|(o, _)| o == "auto_reply"),
        "{received:?}"
    );
    assert_eq!(received[0].1.as_deref(), Some(reference.as_str()));
    assert_eq!(received[3].1, None);
}

async fn unknown_token_and_strangers_are_refused(db: Db) {
    let env = setup(&db).await;
    let (reference, _) = env.file_ticket().await;
    let address = env.address(&reference);
    let (local, domain) = address.split_once('@').unwrap();
    // The last digit of the tag changed.
    let last = local.chars().last().unwrap();
    let forged = format!(
        "{}{}@{domain}",
        &local[..local.len() - 1],
        if last == '0' { '1' } else { '0' }
    );
    let raw = eml(REQUESTER, Some("t1@users.test"), "", "hello");
    for recipient in [forged.as_str(), "support@reply.test", "nobody@reply.test"] {
        let out = env
            .ingest(
                &["--sender", REQUESTER, "--recipient", recipient],
                raw.clone(),
            )
            .await;
        assert_eq!(
            (out.code, out.line.as_str()),
            (67, "5.1.1 unknown recipient")
        );
    }
    // A valid address, but the author is neither the requester nor an agent: the same answer.
    for from in [
        "eve@evil.test",
        "\"Mika Tanaka\" <mika@agents.test.evil.test>",
        "ada@users.test.evil.test",
    ] {
        let raw = eml(from, Some("t2@evil.test"), "", "I am the agent, trust me.");
        let out = env.deliver(&reference, "eve@evil.test", raw).await;
        assert_eq!(
            (out.code, out.line.as_str()),
            (67, "5.1.1 unknown recipient")
        );
    }
    assert_eq!(env.message_count().await, 0);
    assert!(env.outbox(&reference).await.is_empty());
    let received = env.received().await;
    assert_eq!(received.len(), 6);
    assert!(received.iter().all(|(o, _)| o == "refused"), "{received:?}");
    assert_eq!(received[2].1, None);
    assert_eq!(received[3].1.as_deref(), Some(reference.as_str()));
}

async fn in_reply_to_finds_the_ticket_without_a_token(db: Db) {
    // The team's new-ticket email (target `email`) is the mail an agent answers.
    let tickets = TicketsConfig {
        delivery_targets: vec!["email".into()],
        ..test_config()
    };
    let env = setup_with(&db, tickets).await;
    let (reference, _) = env.file_ticket().await;
    let (other, _) = env.file_ticket().await;
    let team_mail = env.outbox(&reference).await[0].id.clone();
    let other_mail = env.outbox(&other).await[0].id.clone();
    assert!(team_mail.starts_with("obx_"));
    let plain = ["--sender", AGENT, "--recipient", "support@reply.test"];
    let header = format!("In-Reply-To: <{team_mail}@koban>\r\n");
    let raw = eml(
        AGENT,
        Some("irt-1@agents.test"),
        &header,
        "Answered from my client.",
    );
    let out = env.ingest(&plain, raw).await;
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.line.starts_with(&format!("2.0.0 {reference} ")),
        "{}",
        out.line
    );
    // References, when In-Reply-To names nothing of ours.
    let header = format!(
        "In-Reply-To: <elsewhere@mail.test>\r\nReferences: <x@mail.test> <{team_mail}@koban>\r\n"
    );
    let raw = eml(AGENT, Some("irt-2@agents.test"), &header, "And again.");
    assert_eq!(env.ingest(&plain, raw).await.code, 0);
    assert_eq!(env.messages(&reference).await.len(), 2);
    // Ids of two tickets, or of none: unknown.
    let header = format!("In-Reply-To: <{team_mail}@koban> <{other_mail}@koban>\r\n");
    let raw = eml(AGENT, Some("irt-3@agents.test"), &header, "Which one?");
    assert_eq!(env.ingest(&plain, raw).await.code, 67);
    let header = format!("In-Reply-To: <obx_{}@koban>\r\n", "0".repeat(32));
    let raw = eml(AGENT, Some("irt-4@agents.test"), &header, "Nothing.");
    assert_eq!(env.ingest(&plain, raw).await.code, 67);
    assert_eq!(env.messages(&reference).await.len(), 2);
    assert!(env.messages(&other).await.is_empty());
}

/// The emailed reply reaches a widget connected to a running server within 2 s: `koban mail
/// ingest` is another process on the same database (SQLite: `PRAGMA data_version`;
/// PostgreSQL: `NOTIFY`).
async fn an_emailed_reply_reaches_the_open_widget(db: Db) {
    let env = setup(&db).await;
    env.server.store.listen();
    let (reference, token) = env.file_ticket().await;
    let s = &env.server;
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
    // Let the LISTEN session start.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let raw = eml(AGENT, Some("live-1@agents.test"), "", "Fixed, try again.");
    let out = env.deliver(&reference, AGENT, raw).await;
    assert_eq!(out.code, 0, "{out:?}");
    let stored = Instant::now();
    let data = next_event(&mut stream, "changed", Duration::from_secs(2)).await;
    assert_eq!(
        data.expect("a change within 2 s of the mail"),
        json!({ "reference": reference }).to_string()
    );
    assert!(stored.elapsed() < Duration::from_secs(2));
}

store_tests!(
    requester_follow_up_reopens_the_request,
    agent_reply_carries_the_agent_name,
    internal_note,
    the_same_mail_twice_is_one_message,
    a_mail_needs_text_or_a_file,
    files_are_skipped_when_attachments_are_off,
    automatic_mail_stores_and_sends_nothing,
    unknown_token_and_strangers_are_refused,
    in_reply_to_finds_the_ticket_without_a_token,
    an_emailed_reply_reaches_the_open_widget
);

/// Runs `koban mail ingest` with the `koban.toml` text `config` (no server involved).
async fn ingest_with_config(config: &str) -> mail_support::Ingested {
    let dir = std::env::temp_dir().join(format!("koban-mail-{}", tickets_support::unique()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("koban.toml");
    std::fs::write(&path, config).unwrap();
    let args = vec!["--config".into(), path.display().to_string()];
    let raw = eml(REQUESTER, Some("cfg@users.test"), "", "hello");
    mail_support::run_ingest(&dir, args, vec![], raw).await
}

/// The database does not answer (PostgreSQL on a closed port): 75, and Postfix tries again.
#[tokio::test]
async fn an_unreachable_database_is_a_temporary_failure() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = std::env::temp_dir();
    let url = format!("postgres://koban:secret-password@127.0.0.1:{port}/koban");
    let out = ingest_with_config(&mail_support::config_toml(&url, &dir)).await;
    assert_eq!(
        (out.code, out.line.as_str()),
        (75, "4.3.0 database unavailable")
    );
}

/// Settings that do not load, or replies by email off: 75 (the mail waits in the queue).
#[tokio::test]
async fn broken_or_missing_settings_are_a_temporary_failure() {
    let out = ingest_with_config("database_url = 42\n").await;
    assert_eq!(
        (out.code, out.line.as_str()),
        (75, "4.3.0 configuration problem")
    );
    let dir = std::env::temp_dir().join(format!("koban-mail-{}", tickets_support::unique()));
    let out = ingest_with_config(&format!(
        "database_url = \"sqlite://{}/koban.db\"\n",
        dir.display()
    ))
    .await;
    assert_eq!(
        (out.code, out.line.as_str()),
        (75, "4.3.0 replies by email are off")
    );
    let out = mail_support::run_ingest(
        &std::env::temp_dir(),
        vec!["--config".into(), "/nonexistent/koban.toml".into()],
        vec![],
        b"From: a@b.test\r\n\r\nhi\r\n".to_vec(),
    )
    .await;
    assert_eq!(out.code, 75);
}

/// A panic (the fault switch `mail-panic`, after the store is connected): 75, and nothing but
/// `4.3.0 internal error` is printed, no panic message.
#[cfg(feature = "fault-injection")]
async fn a_panic_is_a_temporary_failure(db: Db) {
    let env = setup(&db).await;
    let (reference, _) = env.file_ticket().await;
    let raw = eml(REQUESTER, Some("panic@users.test"), "", "hello");
    let recipient = env.address(&reference);
    let out = env
        .ingest_env(
            &["--sender", REQUESTER, "--recipient", &recipient],
            &[("KOBAN_FAULTS", "mail-panic"), ("RUST_BACKTRACE", "1")],
            raw,
        )
        .await;
    assert_eq!((out.code, out.line.as_str()), (75, "4.3.0 internal error"));
    assert_eq!(env.message_count().await, 0);
}

#[cfg(feature = "fault-injection")]
mod faults {
    use super::*;

    store_tests!(a_panic_is_a_temporary_failure);
}
