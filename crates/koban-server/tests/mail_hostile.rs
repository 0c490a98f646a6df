//! Hostile mail into `koban mail ingest`, one test per fixture (`tests/mail/hostile/*.eml`; the
//! huge ones are generated here), on SQLite and (with `KOBAN_TEST_POSTGRES_URL`) PostgreSQL:
//! header injection, a 10 MB body and a 26 MB mail, deep and wide MIME trees, bad charsets and
//! transfer encodings, HTML with script and a tracking pixel, forged and double `From`, a
//! reused `Message-ID`, bounces and auto-replies, an executable named `.png`, a 1 MB header
//! line. None may crash the command: each exits 0, 65 or 67 with one status line (checked by
//! the harness on every run), and the store holds exactly what it should.

mod mail_support;
mod tickets_support;

use koban_server::store::replies::MessageAuthor;
use mail_support::{AGENT, AGENT_NAME, Ingested, MailEnv, REQUESTER, eml, fixture, setup};
use tickets_support::Db;

/// A fresh database with one ticket from [`REQUESTER`].
async fn one_ticket(db: &Db) -> (MailEnv, String) {
    let env = setup(db).await;
    let (reference, _) = env.file_ticket().await;
    (env, reference)
}

/// Delivers `raw` from the requester (envelope) to the ticket.
async fn from_requester(env: &MailEnv, reference: &str, raw: Vec<u8>) -> Ingested {
    env.deliver(reference, REQUESTER, raw).await
}

/// The one message on the ticket, from the requester, by email; its text.
async fn the_user_message(env: &MailEnv, reference: &str) -> String {
    let messages = env.messages(reference).await;
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert_eq!(messages[0].author, MessageAuthor::User);
    assert!(messages[0].public);
    assert_eq!(messages[0].via.as_deref(), Some("email"));
    messages[0].body.clone()
}

/// Nothing stored, nothing sent, and the mail recorded with `outcome`.
async fn nothing_stored(env: &MailEnv, reference: &str, outcome: &str) {
    assert_eq!(env.message_count().await, 0);
    assert!(env.outbox(reference).await.is_empty());
    assert!(env.files(reference).await.is_empty());
    let received = env.received().await;
    assert_eq!(received.len(), 1, "{received:?}");
    assert_eq!(received[0].0, outcome);
}

fn assert_ok(out: &Ingested) {
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.line.starts_with("2.0.0 KB-"), "{out:?}");
}

async fn crlf_in_an_encoded_subject(db: Db) {
    let (env, r) = one_ticket(&db).await;
    let out = from_requester(&env, &r, fixture("01-crlf-in-encoded-subject.eml")).await;
    assert_ok(&out);
    assert_eq!(
        the_user_message(&env, &r).await,
        "The subject tries to add a header."
    );
    // The subject is never kept: the ticket's stays the widget's.
    assert_eq!(env.ticket(&r).await.subject, "Job stuck #1");
}

async fn crlf_in_an_encoded_from_name(db: Db) {
    let (env, r) = one_ticket(&db).await;
    let out = env
        .deliver(&r, AGENT, fixture("02-crlf-in-encoded-from-name.eml"))
        .await;
    assert_ok(&out);
    let messages = env.messages(&r).await;
    assert_eq!(messages.len(), 1);
    // The name comes from `agents`, never from the mail.
    assert_eq!(
        messages[0].author,
        MessageAuthor::Agent(Some(AGENT_NAME.into()))
    );
    assert_eq!(messages[0].body, "The name tries to add a header.");
}

async fn bare_cr_and_nul_bytes(db: Db) {
    let (env, r) = one_ticket(&db).await;
    let out = from_requester(&env, &r, fixture("03-bare-cr-and-nul.eml")).await;
    assert_ok(&out);
    let body = the_user_message(&env, &r).await;
    assert_eq!(body, "line one\nline two still two\nline three[31m red");
    // The message id lost its NUL too (PostgreSQL refuses NUL in text).
    let received = env.received().await;
    assert_eq!(received, vec![("stored".into(), Some(r))]);
}

async fn a_10_mb_body(db: Db) {
    let (env, r) = one_ticket(&db).await;
    let line = "0123456789".repeat(7) + "\r\n";
    let body = line.repeat(10 * 1024 * 1024 / line.len());
    let raw = eml(REQUESTER, Some("h04@users.test"), "", &body);
    let out = from_requester(&env, &r, raw).await;
    assert_eq!(
        (out.code, out.line.as_str()),
        (65, "5.3.4 text longer than 10000 characters")
    );
    nothing_stored(&env, &r, "bad_message").await;
}

async fn a_26_mb_mail(db: Db) {
    let (env, r) = one_ticket(&db).await;
    let line = "0123456789".repeat(7) + "\r\n";
    let body = line.repeat(26 * 1024 * 1024 / line.len() + 1);
    let raw = eml(REQUESTER, Some("h05@users.test"), "", &body);
    assert!(raw.len() > 25 * 1024 * 1024);
    let out = from_requester(&env, &r, raw).await;
    assert_eq!(
        (out.code, out.line.as_str()),
        (65, "5.3.4 message too large")
    );
    nothing_stored(&env, &r, "bad_message").await;
}

async fn multipart_500_deep(db: Db) {
    let (env, r) = one_ticket(&db).await;
    let mut raw = String::from(
        "From: ada@users.test\r\nSubject: deep\r\nMessage-ID: <h06@users.test>\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=d0\r\n\r\n",
    );
    for level in 0..500 {
        let next = level + 1;
        raw.push_str(&format!(
            "--d{level}\r\nContent-Type: multipart/mixed; boundary=d{next}\r\n\r\n"
        ));
    }
    raw.push_str("--d500\r\nContent-Type: text/plain\r\n\r\nAt the bottom.\r\n");
    for level in (0..=500).rev() {
        raw.push_str(&format!("--d{level}--\r\n"));
    }
    let out = from_requester(&env, &r, raw.into_bytes()).await;
    assert_ok(&out);
    assert_eq!(the_user_message(&env, &r).await, "At the bottom.");
}

async fn rfc822_ten_deep(db: Db) {
    let (env, r) = one_ticket(&db).await;
    let out = from_requester(&env, &r, fixture("07-rfc822-ten-deep.eml")).await;
    assert_ok(&out);
    // The forwarded mail is no file.
    assert!(out.line.ends_with(" user (1 file skipped)"), "{}", out.line);
    assert_eq!(
        the_user_message(&env, &r).await,
        "Forwarding the whole chain."
    );
    assert!(env.files(&r).await.is_empty());
}

async fn five_thousand_parts(db: Db) {
    let (env, r) = one_ticket(&db).await;
    let mut raw = String::from(
        "From: ada@users.test\r\nSubject: wide\r\nMessage-ID: <h08@users.test>\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=w\r\n\r\n",
    );
    for n in 0..5000 {
        raw.push_str(&format!(
            "--w\r\nContent-Type: text/plain\r\n\r\npart {n}\r\n"
        ));
    }
    raw.push_str("--w--\r\n");
    let out = from_requester(&env, &r, raw.into_bytes()).await;
    assert_eq!(
        (out.code, out.line.as_str()),
        (65, "5.6.0 too many MIME parts")
    );
    nothing_stored(&env, &r, "bad_message").await;
}

async fn an_unknown_charset(db: Db) {
    let (env, r) = one_ticket(&db).await;
    assert_ok(&from_requester(&env, &r, fixture("09-unknown-charset.eml")).await);
    assert_eq!(
        the_user_message(&env, &r).await,
        "Plain words in an unknown charset."
    );
}

async fn invalid_utf8(db: Db) {
    let (env, r) = one_ticket(&db).await;
    assert_ok(&from_requester(&env, &r, fixture("10-invalid-utf8.eml")).await);
    let body = the_user_message(&env, &r).await;
    assert!(body.starts_with("caf\u{FFFD} ok "), "{body:?}");
    assert!(body.ends_with(" end"), "{body:?}");
}

async fn broken_base64(db: Db) {
    let (env, r) = one_ticket(&db).await;
    let out = from_requester(&env, &r, fixture("11-broken-base64.eml")).await;
    assert_ok(&out);
    assert!(out.line.ends_with(" (1 file skipped)"), "{}", out.line);
    assert_eq!(the_user_message(&env, &r).await, "See the log.");
    assert!(env.files(&r).await.is_empty());
}

async fn quoted_printable_equals(db: Db) {
    let (env, r) = one_ticket(&db).await;
    assert_ok(&from_requester(&env, &r, fixture("12-quoted-printable-equals.eml")).await);
    // mail-parser refuses the broken encoding as a whole and keeps the text as it was sent:
    // nothing lost, nothing made up.
    assert_eq!(
        the_user_message(&env, &r).await,
        "a==b and =3D and =ZZ and a soft=\n break and caf=C3=A9="
    );
}

async fn iso_2022_jp(db: Db) {
    let (env, r) = one_ticket(&db).await;
    assert_ok(&from_requester(&env, &r, fixture("13-iso-2022-jp.eml")).await);
    assert_eq!(
        the_user_message(&env, &r).await,
        "お問い合わせの件、まだ直っていません。"
    );
}

async fn a_shift_jis_subject(db: Db) {
    let (env, r) = one_ticket(&db).await;
    assert_ok(&from_requester(&env, &r, fixture("14-shift-jis-subject.eml")).await);
    assert_eq!(the_user_message(&env, &r).await, "ジョブが止まりました。");
}

async fn windows_1256_arabic(db: Db) {
    let (env, r) = one_ticket(&db).await;
    assert_ok(&from_requester(&env, &r, fixture("15-windows-1256-arabic.eml")).await);
    assert_eq!(
        the_user_message(&env, &r).await,
        "شكرا لكم، المشكلة ما زالت قائمة."
    );
}

async fn html_with_script_and_a_tracking_pixel(db: Db) {
    let (env, r) = one_ticket(&db).await;
    assert_ok(&from_requester(&env, &r, fixture("16-html-script-pixel.eml")).await);
    let body = the_user_message(&env, &r).await;
    assert_eq!(body, "The export still fails.");
    for gone in [
        "alert", "stolen", "steal", "cookie", "color", "tracker", "pixel", "<", ">",
    ] {
        assert!(!body.contains(gone), "{gone} in {body:?}");
    }
}

async fn html_with_a_blockquote_history(db: Db) {
    let (env, r) = one_ticket(&db).await;
    assert_ok(&from_requester(&env, &r, fixture("17-html-blockquote-history.eml")).await);
    let body = the_user_message(&env, &r).await;
    // Text, never markup, and only the new text: the history is cut at its container.
    assert_eq!(body, "Thanks, that worked.");
}

async fn a_forged_from(db: Db) {
    let (env, r) = one_ticket(&db).await;
    let out = env.deliver(&r, AGENT, fixture("18-forged-from.eml")).await;
    assert_eq!(
        (out.code, out.line.as_str()),
        (67, "5.1.1 unknown recipient")
    );
    nothing_stored(&env, &r, "refused").await;
}

async fn two_from_addresses(db: Db) {
    let (env, r) = one_ticket(&db).await;
    let out = from_requester(&env, &r, fixture("19-two-from-addresses.eml")).await;
    assert_eq!(
        (out.code, out.line.as_str()),
        (67, "5.1.1 unknown recipient")
    );
    nothing_stored(&env, &r, "refused").await;
}

async fn a_message_id_collision(db: Db) {
    let (env, first) = one_ticket(&db).await;
    let (second, _) = env.file_ticket().await;
    // The same id on two tickets: each stores it (the ticket comes from the address).
    for r in [&first, &second] {
        assert_ok(&from_requester(&env, r, fixture("20-message-id-collision-a.eml")).await);
    }
    // The same id with another text on one ticket: the first one stays, alone.
    let out = from_requester(&env, &first, fixture("20-message-id-collision-b.eml")).await;
    assert_eq!((out.code, out.line.as_str()), (0, "2.0.0 duplicate"));
    for r in [&first, &second] {
        assert_eq!(
            the_user_message(&env, r).await,
            "The first text with this id."
        );
        assert_eq!(env.outbox(r).await.len(), 1);
    }
}

async fn no_message_id_delivered_twice(db: Db) {
    let (env, r) = one_ticket(&db).await;
    assert_ok(&from_requester(&env, &r, fixture("21-no-message-id.eml")).await);
    let again = from_requester(&env, &r, fixture("21-no-message-id.eml")).await;
    assert_eq!((again.code, again.line.as_str()), (0, "2.0.0 duplicate"));
    assert_eq!(the_user_message(&env, &r).await, "No Message-ID here.");
    assert_eq!(env.outbox(&r).await.len(), 1);
}

async fn a_delivery_status_notification(db: Db) {
    let (env, r) = one_ticket(&db).await;
    let out = env
        .deliver(&r, "", fixture("22-delivery-status-notification.eml"))
        .await;
    assert_eq!(
        (out.code, out.line.as_str()),
        (0, "2.0.0 ignored auto-reply")
    );
    nothing_stored(&env, &r, "auto_reply").await;
}

async fn precedence_bulk_and_x_autoreply(db: Db) {
    let (env, r) = one_ticket(&db).await;
    let out = from_requester(&env, &r, fixture("23-precedence-bulk-x-autoreply.eml")).await;
    assert_eq!(
        (out.code, out.line.as_str()),
        (0, "2.0.0 ignored auto-reply")
    );
    nothing_stored(&env, &r, "auto_reply").await;
}

async fn an_exe_named_png(db: Db) {
    let (env, r) = one_ticket(&db).await;
    let out = from_requester(&env, &r, fixture("24-exe-named-png.eml")).await;
    assert_ok(&out);
    assert!(out.line.ends_with(" user (1 file skipped)"), "{}", out.line);
    let messages = env.messages(&r).await;
    let files = env.files(&r).await;
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0].filename, "screenshot.png");
    assert_eq!(files[0].content_type, "image/png");
    assert_eq!(files[0].reply_id.as_deref(), Some(messages[0].id.as_str()));
    // The refused file left no row behind.
    let uploads: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM attachments")
        .fetch_one(env.server.store.pool())
        .await
        .unwrap();
    assert_eq!(uploads, 1);
}

async fn a_1_mb_header_line(db: Db) {
    let (env, r) = one_ticket(&db).await;
    let extra = format!("X-Filler: {}\r\n", "a".repeat(1024 * 1024));
    let raw = eml(
        REQUESTER,
        Some("h25@users.test"),
        &extra,
        "After a long header.",
    );
    assert_ok(&from_requester(&env, &r, raw).await);
    assert_eq!(the_user_message(&env, &r).await, "After a long header.");
}

store_tests!(
    crlf_in_an_encoded_subject,
    crlf_in_an_encoded_from_name,
    bare_cr_and_nul_bytes,
    a_10_mb_body,
    a_26_mb_mail,
    multipart_500_deep,
    rfc822_ten_deep,
    five_thousand_parts,
    an_unknown_charset,
    invalid_utf8,
    broken_base64,
    quoted_printable_equals,
    iso_2022_jp,
    a_shift_jis_subject,
    windows_1256_arabic,
    html_with_script_and_a_tracking_pixel,
    html_with_a_blockquote_history,
    a_forged_from,
    two_from_addresses,
    a_message_id_collision,
    no_message_id_delivered_twice,
    a_delivery_status_notification,
    precedence_bulk_and_x_autoreply,
    an_exe_named_png,
    a_1_mb_header_line
);
