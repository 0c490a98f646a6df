//! The requester's emails about replies, over real sockets on 127.0.0.1, on SQLite and (with
//! `KOBAN_TEST_POSTGRES_URL`) PostgreSQL: a server with the delivery worker sends them to the
//! in-process SMTP sink of `delivery_support`, and the tests decode what arrived with
//! `mail_parser`, as a mail client would. Replies come through the real `koban tickets reply`
//! binary and the admin API; the team's email and the requester's go to separate sinks.

mod delivery_support;
mod tickets_support;

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::atomic::Ordering;
use std::time::Duration;

use delivery_support::smtp::{Sink, sink};
use delivery_support::{ADMIN_TOKEN, Instance, fast, instance, outbox, wait_until};
use koban_server::config::Config;
use koban_server::delivery::{DeliveryConfig, RequesterMail};
use koban_server::mail::MailConfig;
use koban_server::store::outbox::OutboxItem;
use mail_parser::{HeaderValue, Message, MessageParser};
use serde_json::{Value, json};
use tickets_support::{Db, ticket};

const DOMAIN: &str = "reply.example.com";
const SECRET: &str = "a reply secret of more than 32 characters";
const LINK: &str = "https://app.example.com/?help=requests&ref={reference}";

/// The settings `koban serve` and `koban tickets reply` would read.
fn config(smtp: &Sink) -> Config {
    Config {
        smtp_url: format!("smtp://{}", smtp.addr),
        smtp_from: "help@example.com".into(),
        smtp_to: "support@example.com".into(),
        reply_domain: DOMAIN.into(),
        reply_secret: SECRET.into(),
        conversation_url: LINK.into(),
        ..Config::default()
    }
}

fn mail_config(smtp: &Sink) -> MailConfig {
    config(smtp).mail().unwrap()
}

/// Fast delivery: the team's email to `team` (if any), the requester's to `requester`.
fn delivery(team: Option<&Sink>, requester: &Sink) -> DeliveryConfig {
    let mut delivery = fast(None, None, team);
    delivery.requester = Some(RequesterMail {
        smtp_url: format!("smtp://{}", requester.addr),
        from: "help@example.com".into(),
        mail: mail_config(requester),
    });
    delivery
}

/// `koban tickets reply <args>` on the database at `url`, with the mail settings in the
/// environment (as an agent's shell would have them).
fn cli_reply(url: &str, smtp: &Sink, args: &[&str]) {
    let dir = std::env::temp_dir().join(format!("koban-mail-{}", tickets_support::unique()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_koban"))
        .arg("tickets")
        .arg("reply")
        .args(args)
        .current_dir(&dir)
        .env_remove("KOBAN_CONFIG")
        .env("DATABASE_URL", url)
        .env("KOBAN_SMTP_URL", format!("smtp://{}", smtp.addr))
        .env("KOBAN_SMTP_FROM", "help@example.com")
        .env("KOBAN_SMTP_TO", "support@example.com")
        .env("KOBAN_REPLY_DOMAIN", DOMAIN)
        .env("KOBAN_REPLY_SECRET", SECRET)
        .env("KOBAN_CONVERSATION_URL", LINK)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"").unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "koban tickets reply {args:?}: {stderr}"
    );
}

/// `POST /api/v1/admin/tickets/{reference}/replies`.
async fn api_reply(s: &Instance, reference: &str, body: Value) {
    let res = s
        .client
        .post(format!(
            "{}/api/v1/admin/tickets/{reference}/replies",
            s.base
        ))
        .bearer_auth(ADMIN_TOKEN)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
}

/// The ticket's `requester` rows.
async fn requester_rows(s: &Instance, id: &str) -> Vec<OutboxItem> {
    let rows = outbox(&s.store, id).await;
    rows.into_iter()
        .filter(|o| o.target == "requester")
        .collect()
}

/// Waits until `sink` accepted `n` messages and returns them.
async fn mails(sink: &Sink, n: usize) -> Vec<String> {
    wait_until(&format!("{n} email(s)"), || async {
        sink.messages.lock().unwrap().len() >= n
    })
    .await;
    let mails = sink.messages.lock().unwrap().clone();
    assert_eq!(mails.len(), n, "{mails:#?}");
    mails
}

fn parse(raw: &str) -> Message<'_> {
    MessageParser::default().parse(raw.as_bytes()).unwrap()
}

fn ids(value: &HeaderValue) -> Vec<String> {
    match value {
        HeaderValue::Text(id) => vec![id.to_string()],
        HeaderValue::TextList(ids) => ids.iter().map(|i| i.to_string()).collect(),
        _ => vec![],
    }
}

fn address(a: Option<&mail_parser::Address>) -> String {
    a.and_then(|a| a.first())
        .and_then(|a| a.address())
        .unwrap_or_default()
        .to_string()
}

/// The headers every requester email has: to the ticket's email, the token `Reply-To` naming
/// the ticket, the outbox row as `Message-ID`, no auto-replies, text and HTML.
fn check_headers(mail: &Message, mail_config: &MailConfig, reference: &str, row: &OutboxItem) {
    assert_eq!(address(mail.to()), "ada1@example.com");
    assert_eq!(address(mail.from()), "help@example.com");
    let reply_to = address(mail.reply_to());
    assert_eq!(
        mail_config.reference_of(&reply_to).as_deref(),
        Some(reference)
    );
    assert_eq!(
        mail.message_id(),
        Some(format!("{}@{DOMAIN}", row.id).as_str())
    );
    let header = |name: &str| mail.header_raw(name).map(str::trim).map(str::to_string);
    assert_eq!(header("Auto-Submitted").as_deref(), Some("auto-generated"));
    assert_eq!(header("X-Auto-Response-Suppress").as_deref(), Some("All"));
    assert!(mail.body_text(0).is_some() && mail.body_html(0).is_some());
    assert_eq!(mail.text_body_count(), 1);
    assert_eq!(mail.html_body_count(), 1);
}

async fn replies_reach_the_requester(db: Db) {
    let (team, to_requester) = (sink(0).await, sink(0).await);
    let url = db.fresh_url().await;
    let s = instance(&url, delivery(Some(&team), &to_requester)).await;
    let mail_config = mail_config(&to_requester);
    let mut body = ticket(1);
    body["context"]["locale"] = json!("en-GB");
    let created = s.create("mail-1", &body).await;
    let reference = created["reference"].as_str().unwrap();
    let id = created["id"].as_str().unwrap();
    let link = format!("https://app.example.com/?help=requests&ref={reference}");

    // The team's email: answering it answers through the ticket's reply address.
    let team_mails = mails(&team, 1).await;
    let team_mail = parse(&team_mails[0]);
    let reply_to = address(team_mail.reply_to());
    assert_eq!(
        mail_config.reference_of(&reply_to).as_deref(),
        Some(reference)
    );
    assert!(requester_rows(&s, id).await.is_empty(), "a new ticket");

    // A reply through the real `koban tickets reply`.
    cli_reply(
        &url,
        &to_requester,
        &[
            reference,
            "--agent",
            "Grace Hopper",
            "--message",
            "We restarted your job.\nIt runs now.",
        ],
    );
    let raw = mails(&to_requester, 1).await;
    let rows = requester_rows(&s, id).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].event.wire_name(), "ticket.replied");
    let first = parse(&raw[0]);
    check_headers(&first, &mail_config, reference, &rows[0]);
    assert_eq!(
        first.subject(),
        Some(format!("Re: [{reference}] Job stuck #1").as_str())
    );
    assert_eq!(
        first.header_raw("Content-Language").map(str::trim),
        Some("en")
    );
    assert_eq!(ids(first.references()), [format!("{id}@{DOMAIN}")]);
    let text = first.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(
        text.starts_with("##- Please type your reply above this line -##"),
        "{text}"
    );
    for part in [
        "Grace Hopper wrote:\n\nWe restarted your job.\nIt runs now.\n",
        "Ada Lovelace wrote:\n> My job has been queued for an hour.\n> <script>alert(1)</script>\n",
        &format!("Reference: {reference}\n"),
        &format!("View the conversation: {link}\n"),
    ] {
        assert!(text.contains(part), "{part:?} not in {text}");
    }
    let html = first.body_html(0).unwrap().replace("\r\n", "\n");
    assert!(
        html.starts_with("<!doctype html>\n<html lang=\"en\" dir=\"ltr\">"),
        "{html}"
    );
    assert!(html.contains("<blockquote>\n<p>My job has been queued for an hour.<br>\n&lt;script&gt;alert(1)&lt;/script&gt;</p>\n</blockquote>"), "{html}");
    assert!(
        html.contains(&format!(
            "<a href=\"{}\">View the conversation</a>",
            link.replace('&', "&amp;")
        )),
        "{html}"
    );
    assert!(!html.contains("<script"), "{html}");

    // A second reply, through the admin API, threads under the first and quotes it.
    api_reply(
        &s,
        reference,
        json!({ "body": "<script>alert('x')</script> & done", "agent": "Grace" }),
    )
    .await;
    let raw = mails(&to_requester, 2).await;
    let rows = requester_rows(&s, id).await;
    assert_eq!(rows.len(), 2);
    let second = parse(&raw[1]);
    check_headers(&second, &mail_config, reference, &rows[1]);
    let first_id = first.message_id().unwrap().to_string();
    assert_eq!(ids(second.in_reply_to()), std::slice::from_ref(&first_id));
    assert_eq!(
        ids(second.references()),
        [format!("{id}@{DOMAIN}"), first_id]
    );
    let text = second.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(
        text.contains("Grace wrote:\n\n<script>alert('x')</script> & done\n"),
        "{text}"
    );
    assert!(
        text.contains("Grace Hopper wrote:\n> We restarted your job.\n> It runs now.\n"),
        "{text}"
    );
    let html = second.body_html(0).unwrap().replace("\r\n", "\n");
    assert!(
        html.contains("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; done</p>"),
        "{html}"
    );
    assert!(!html.contains("<script"), "{html}");

    // Internal notes, through either, send nothing.
    api_reply(
        &s,
        reference,
        json!({ "body": "Note: the user is on the pro plan", "internal": true }),
    )
    .await;
    cli_reply(
        &url,
        &to_requester,
        &[reference, "--internal", "--message", "Another note"],
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(requester_rows(&s, id).await.len(), 2);
    assert_eq!(to_requester.messages.lock().unwrap().len(), 2);
    assert_eq!(
        team.messages.lock().unwrap().len(),
        1,
        "replies are not the team's"
    );
    s.stop().await;
}

async fn a_refused_email_is_sent_again_with_the_same_message_id(db: Db) {
    let to_requester = sink(1).await;
    let url = db.fresh_url().await;
    let s = instance(&url, delivery(None, &to_requester)).await;
    let created = s.create("mail-2", &ticket(1)).await;
    let reference = created["reference"].as_str().unwrap();
    let id = created["id"].as_str().unwrap();
    assert!(outbox(&s.store, id).await.is_empty(), "no team targets");
    api_reply(&s, reference, json!({ "body": "Try again now." })).await;
    let accepted = mails(&to_requester, 1).await;
    wait_until("the row delivered", || async {
        requester_rows(&s, id).await[0].delivered_at.is_some()
    })
    .await;
    let row = &requester_rows(&s, id).await[0];
    assert_eq!(row.attempts, 1);
    assert_eq!(to_requester.refused.load(Ordering::SeqCst), 1);
    let refused = to_requester.refused_messages.lock().unwrap().clone();
    let (refused, accepted) = (parse(&refused[0]), parse(&accepted[0]));
    let expected = format!("{}@{DOMAIN}", row.id);
    assert_eq!(refused.message_id(), Some(expected.as_str()));
    assert_eq!(accepted.message_id(), Some(expected.as_str()));
    assert_eq!(refused.references(), accepted.references());
    assert_eq!(refused.body_text(0), accepted.body_text(0));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(to_requester.messages.lock().unwrap().len(), 1);
    s.stop().await;
}

async fn japanese_and_arabic_emails(db: Db) {
    let to_requester = sink(0).await;
    let url = db.fresh_url().await;
    let s = instance(&url, delivery(None, &to_requester)).await;
    let cases = [
        (
            "ja-JP",
            "山田 花子",
            "ジョブが止まっています",
            "ltr",
            [
                "##- この行より上に返信を入力してください -##",
                "サポート からの返信：",
                "山田 花子 のメッセージ：",
                "受付番号：",
                "やり取りを表示：https://app.example.com/",
            ],
        ),
        (
            "ar",
            "ليلى",
            "توقفت المهمة",
            "rtl",
            [
                "##- يُرجى كتابة ردك فوق هذا السطر -##",
                "كتب الدعم:",
                "كتب ليلى:",
                "الرقم المرجعي: ",
                "عرض المحادثة: https://app.example.com/",
            ],
        ),
    ];
    for (n, (locale, name, subject, dir, texts)) in cases.into_iter().enumerate() {
        let mut body = ticket(1);
        body["context"]["locale"] = json!(locale);
        body["name"] = json!(name);
        body["subject"] = json!(subject);
        let created = s.create(&format!("mail-l-{n}"), &body).await;
        let reference = created["reference"].as_str().unwrap();
        api_reply(&s, reference, json!({ "body": "OK" })).await;
        let raw = mails(&to_requester, n + 1).await;
        let mail = parse(&raw[n]);
        assert_eq!(
            mail.subject(),
            Some(format!("Re: [{reference}] {subject}").as_str())
        );
        let text = mail.body_text(0).unwrap().replace("\r\n", "\n");
        for t in texts {
            assert!(text.contains(t), "{t:?} not in {text}");
        }
        assert!(text.contains(reference), "{text}");
        let html = mail.body_html(0).unwrap().replace("\r\n", "\n");
        let lang = &locale[..2];
        assert!(
            html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
            "{html}"
        );
        assert!(
            html.contains(&format!("<title>Re: [{reference}] {subject}</title>")),
            "{html}"
        );
        assert!(html.contains(&format!("<p>{}</p>", texts[1])), "{html}");
        assert_eq!(
            mail.header_raw("Content-Language").map(str::trim),
            Some(lang)
        );
        assert_eq!(address(mail.to()), "ada1@example.com");
        assert_eq!(
            mail.to().and_then(|a| a.first()).and_then(|a| a.name()),
            Some(name)
        );
    }
    s.stop().await;
}

store_tests!(
    replies_reach_the_requester,
    a_refused_email_is_sent_again_with_the_same_message_id,
    japanese_and_arabic_emails,
);
