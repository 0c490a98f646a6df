use super::*;
use crate::ticket::{ErrorCode, FieldValue};

fn saved() -> SavedTicket {
    let mut s = SavedTicket::started_at(10_000);
    s.draft.email = "ada@example.com".into();
    s.draft.subject = "GPU not detected".into();
    s.draft.fields.insert("gpu".into(), FieldValue::Bool(true));
    s
}

fn ctx() -> TicketContext {
    TicketContext {
        route: "/nodes".into(),
        locale: "ja".into(),
        widget_version: "0.1.0".into(),
        user_agent: "UA".into(),
        ..Default::default()
    }
}

#[test]
fn freeze_builds_the_exact_body_once() {
    let mut s = saved();
    s.freeze("key-1".into(), ctx(), Some("jwt".into()), 14_500);
    let outbox = s.outbox.clone().unwrap();
    assert_eq!(outbox.key, "key-1");
    let sent: TicketDraft = serde_json::from_str(&outbox.body).unwrap();
    assert_eq!(sent.fill_ms, Some(4_500));
    assert_eq!(sent.context.route, "/nodes");
    assert_eq!(sent.identity_token.as_deref(), Some("jwt"));
    assert_eq!(sent.fields["gpu"], FieldValue::Bool(true));
    assert!(sent.attachments.is_empty());
    // A second submit (a retry, or after a reload) keeps the same key and the same bytes even if
    // time passed and the form changed.
    s.draft.subject = "changed".into();
    s.freeze("key-2".into(), TicketContext::default(), None, 99_000);
    assert_eq!(s.outbox.as_ref().unwrap(), &outbox);
    // Cancelling sending keeps the form and forgets the request.
    s.unfreeze();
    assert!(s.outbox.is_none());
    assert_eq!(s.draft.subject, "changed");
}

#[test]
fn saved_ticket_survives_a_round_trip_through_storage() {
    let mut s = saved();
    s.freeze("k".into(), ctx(), None, 20_000);
    s.outbox.as_mut().unwrap().attempts = 3;
    let text = serde_json::to_string(&s).unwrap();
    let back: SavedTicket = serde_json::from_str(&text).unwrap();
    assert_eq!(back, s);
    // Old or foreign data never breaks the widget: missing keys take defaults.
    let empty: SavedTicket = serde_json::from_str("{}").unwrap();
    assert!(empty.is_blank());
}

#[test]
fn transcript_goes_along_unless_removed() {
    let transcript = serde_json::json!({ "flow": "node-offline", "steps": [] });
    let mut kept = saved();
    kept.draft.context.transcript = Some(transcript.clone());
    kept.freeze("k".into(), ctx(), None, 20_000);
    let sent: TicketDraft = serde_json::from_str(&kept.outbox.unwrap().body).unwrap();
    assert_eq!(sent.context.transcript, Some(transcript.clone()));

    let mut removed = saved();
    removed.draft.context.transcript = Some(transcript);
    removed.transcript_removed = true;
    removed.freeze("k".into(), ctx(), None, 20_000);
    let sent: TicketDraft = serde_json::from_str(&removed.outbox.unwrap().body).unwrap();
    assert_eq!(sent.context.transcript, None);
}

#[test]
fn blankness() {
    assert!(SavedTicket::started_at(5).is_blank());
    assert!(!saved().is_blank());
    let mut s = SavedTicket::started_at(5);
    s.draft.fields.insert("gpu".into(), FieldValue::Bool(false));
    assert!(s.is_blank(), "an unticked box is not something typed");
}

#[test]
fn decisions_after_each_attempt() {
    let p = RetryPolicy::default();
    let next = |outcome, attempts, online| after_attempt(&p, outcome, attempts, None, 0.99, online);
    assert_eq!(next(Outcome::Status(201), 1, true), Next::Done);
    assert_eq!(next(Outcome::Status(422), 1, true), Next::Fail);
    assert_eq!(next(Outcome::Status(400), 1, true), Next::Fail);
    for retried in [408, 409, 429, 500, 502, 503, 504] {
        assert!(
            matches!(next(Outcome::Status(retried), 1, true), Next::RetryIn(_)),
            "{retried}"
        );
    }
    assert_eq!(next(Outcome::Network, 1, false), Next::Park);
    assert_eq!(next(Outcome::Status(503), p.max_attempts, true), Next::Park);
    assert_eq!(
        next(Outcome::Status(422), p.max_attempts, false),
        Next::Fail
    );
}

/// A fake server and a fake clock: the widget's loop, driven by [`after_attempt`], against a
/// scripted sequence of answers.
fn run(answers: &[(Outcome, Option<u64>)], random: f64) -> (Vec<u64>, Next) {
    let p = RetryPolicy::default();
    let mut clock = 0u64;
    let mut sent_at = Vec::new();
    for (i, (outcome, retry_after)) in answers.iter().enumerate() {
        sent_at.push(clock);
        match after_attempt(&p, *outcome, i as u32 + 1, *retry_after, random, true) {
            Next::RetryIn(ms) => clock += ms,
            other => return (sent_at, other),
        }
    }
    (sent_at, Next::RetryIn(0))
}

#[test]
fn backoff_schedule_under_a_fake_clock() {
    // Two 503s, a dropped connection, then the stored response: four sends, capped waits.
    let answers = [
        (Outcome::Status(503), None),
        (Outcome::Status(503), None),
        (Outcome::Network, None),
        (Outcome::Status(201), None),
    ];
    let (at, end) = run(&answers, 0.999_999);
    assert_eq!(end, Next::Done);
    assert_eq!(at.len(), 4);
    // Full jitter with random ≈ 1: the ceilings 1 s, 2 s, 4 s.
    assert_eq!(at, vec![0, 999, 999 + 1_999, 999 + 1_999 + 3_999]);
    // random = 0: retried at once (full jitter's lower bound).
    let (at, _) = run(&answers, 0.0);
    assert_eq!(at, vec![0, 0, 0, 0]);
}

#[test]
fn retry_after_is_honoured_under_a_fake_clock() {
    let answers = [
        (Outcome::Status(429), Some(7_000)),
        (Outcome::Status(503), Some(120_000)),
        (Outcome::Status(201), None),
    ];
    let (at, end) = run(&answers, 0.1);
    assert_eq!(end, Next::Done);
    assert_eq!(
        at,
        vec![0, 7_000, 127_000],
        "never earlier than Retry-After"
    );
}

#[test]
fn rejections_parse_from_problem_details() {
    let body = r#"{"type":"urn:koban:problem:validation_failed","title":"The ticket has invalid fields","status":422,"code":"validation_failed",
        "errors":[{"field":"subject","code":"too_long","max":200},{"field":"email","code":"invalid_email"}]}"#;
    let r = crate::decode::problem_from_json(body).unwrap();
    assert_eq!(r.code, "validation_failed");
    let errors = r.errors.unwrap();
    assert_eq!(errors[0].code, ErrorCode::TooLong);
    assert_eq!(errors[0].max, Some(200));
    assert_eq!(errors[1].field, "email");
    let r: Receipt =
        serde_json::from_str(r#"{"id":"tkt_1","reference":"KB-7F3K-92QD","status":"open"}"#)
            .unwrap();
    assert_eq!(r.reference, "KB-7F3K-92QD");
}

#[test]
fn idempotency_keys_are_uuid_v4() {
    let key = uuid_v4([0; 16]);
    assert_eq!(key, "00000000-0000-4000-8000-000000000000");
    let key = uuid_v4(*b"0123456789abcdef");
    assert_eq!(key.len(), 36);
    assert_eq!(&key[14..15], "4");
    assert!(matches!(&key[19..20], "8" | "9" | "a" | "b"));
}

#[test]
fn uploaded_files_are_listed_in_the_request() {
    let mut s = saved();
    s.files.push(crate::ticket::files::SavedFile {
        id: "att_1".into(),
        name: "node.log".into(),
        size: 12,
    });
    assert!(
        !SavedTicket {
            files: s.files.clone(),
            ..Default::default()
        }
        .is_blank()
    );
    s.freeze("k".into(), ctx(), None, 20_000);
    let sent: TicketDraft = serde_json::from_str(&s.outbox.unwrap().body).unwrap();
    assert_eq!(sent.attachments, vec!["att_1".to_string()]);
}
