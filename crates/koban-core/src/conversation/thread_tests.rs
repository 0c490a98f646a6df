//! Wire shape and read-mark tests of [`super`].

use serde_json::json;

use super::*;
use crate::conversation::rating::Score;

fn message(author: Author, at: &str) -> ThreadEntry {
    ThreadEntry::Message {
        author,
        body: "text".into(),
        attachments: vec![],
        created_at: at.into(),
    }
}

fn agent(at: &str) -> ThreadEntry {
    message(
        Author::Agent {
            name: Some("Aiko".into()),
        },
        at,
    )
}

fn change(from: Status, to: Status, at: &str) -> ThreadEntry {
    ThreadEntry::StatusChange {
        from,
        to,
        at: at.into(),
    }
}

#[test]
fn entries_are_tagged_by_kind_in_camel_case() {
    let entries = vec![
        ThreadEntry::Message {
            author: Author::User,
            body: "My payout is missing.".into(),
            attachments: vec![ThreadAttachment {
                id: "att_0123456789abcdef0123456789abcdef".into(),
                filename: "node.log".into(),
                content_type: "text/plain".into(),
                size: 5120,
            }],
            created_at: "2026-03-01T10:00:00.000Z".into(),
        },
        agent("2026-03-01T11:30:00.000Z"),
        message(Author::Agent { name: None }, "2026-03-01T11:31:00.000Z"),
        change(Status::Open, Status::Answered, "2026-03-01T11:30:00.000Z"),
    ];
    let json = serde_json::to_value(&entries).unwrap();
    assert_eq!(
        json,
        json!([
            { "kind": "message", "author": { "role": "user" }, "body": "My payout is missing.",
              "attachments": [ { "id": "att_0123456789abcdef0123456789abcdef",
                                 "filename": "node.log", "contentType": "text/plain", "size": 5120 } ],
              "createdAt": "2026-03-01T10:00:00.000Z" },
            { "kind": "message", "author": { "role": "agent", "name": "Aiko" }, "body": "text",
              "attachments": [], "createdAt": "2026-03-01T11:30:00.000Z" },
            { "kind": "message", "author": { "role": "agent" }, "body": "text",
              "attachments": [], "createdAt": "2026-03-01T11:31:00.000Z" },
            { "kind": "status", "from": "open", "to": "answered", "at": "2026-03-01T11:30:00.000Z" }
        ])
    );
    assert_eq!(
        serde_json::from_value::<Vec<ThreadEntry>>(json).unwrap(),
        entries
    );
    // Attachments may be left out.
    let bare: ThreadEntry = serde_json::from_value(json!({ "kind": "message",
        "author": { "role": "user" }, "body": "hi", "createdAt": "2026-03-01T10:00:00Z" }))
    .unwrap();
    let ThreadEntry::Message {
        body, attachments, ..
    } = &bare
    else {
        panic!("not a message: {bare:?}");
    };
    assert_eq!((body.as_str(), attachments.len()), ("hi", 0));
    assert!(serde_json::from_value::<ThreadEntry>(json!({ "kind": "note", "body": "x" })).is_err());
}

#[test]
fn thread_and_summary_shapes() {
    let thread = Thread {
        reference: "KB-7F3K-92QD".into(),
        subject: "Payout missing".into(),
        status: Status::Solved,
        created_at: "2026-03-01T10:00:00.000Z".into(),
        updated_at: "2026-03-02T09:00:00.000Z".into(),
        entries: vec![message(Author::User, "2026-03-01T10:00:00.000Z")],
        rating: None,
        unread: 0,
    };
    let json = serde_json::to_value(&thread).unwrap();
    assert_eq!(
        json,
        json!({ "reference": "KB-7F3K-92QD", "subject": "Payout missing", "status": "solved",
                "createdAt": "2026-03-01T10:00:00.000Z", "updatedAt": "2026-03-02T09:00:00.000Z",
                "entries": [ { "kind": "message", "author": { "role": "user" }, "body": "text",
                               "attachments": [], "createdAt": "2026-03-01T10:00:00.000Z" } ],
                "unread": 0 })
    );
    let rated = Thread {
        rating: Some(Rating {
            score: Score::Good,
            comment: Some("Quick!".into()),
            rated_at: "2026-03-02T09:00:00.000Z".into(),
        }),
        ..thread.clone()
    };
    let json = serde_json::to_value(&rated).unwrap();
    assert_eq!(json["rating"]["score"], "good");
    assert_eq!(serde_json::from_value::<Thread>(json).unwrap(), rated);
    assert_eq!(
        serde_json::to_value(thread.summary()).unwrap(),
        json!({ "reference": "KB-7F3K-92QD", "subject": "Payout missing", "status": "solved",
                "updatedAt": "2026-03-02T09:00:00.000Z", "unread": 0 })
    );
}

#[test]
fn unread_counts_agent_messages_after_the_mark() {
    let entries = vec![
        message(Author::User, "2026-03-01T10:00:00.000Z"),
        agent("2026-03-01T11:00:00.000Z"),
        change(Status::Open, Status::Answered, "2026-03-01T11:00:00.000Z"),
        message(Author::User, "2026-03-01T12:00:00.000Z"),
        agent("2026-03-01T13:00:00.250Z"),
    ];
    assert_eq!(unread_count(&entries, None), 2);
    assert_eq!(unread_count(&entries, Some("2026-03-01T10:59:59.999Z")), 2);
    assert_eq!(unread_count(&entries, Some("2026-03-01T11:00:00.000Z")), 1);
    // The same second, earlier millisecond: still unread.
    assert_eq!(unread_count(&entries, Some("2026-03-01T13:00:00.249Z")), 1);
    assert_eq!(unread_count(&entries, Some("2026-03-01T13:00:00.250Z")), 0);
    // Offsets are honoured.
    assert_eq!(
        unread_count(&entries, Some("2026-03-01T14:00:00.000+02:00")),
        1
    );
    // A bad mark reads as never read; a bad time is unread.
    assert_eq!(unread_count(&entries, Some("yesterday")), 2);
    assert_eq!(
        unread_count(&[agent("later")], Some("2026-03-01T13:00:00Z")),
        1
    );
    assert_eq!(unread_count(&[], None), 0);
}

#[test]
fn badge_counts_requests_not_replies() {
    let row = |unread| RequestSummary {
        reference: "KB-AAAA-AAAA".into(),
        subject: "s".into(),
        status: Status::Answered,
        updated_at: "2026-03-01T10:00:00Z".into(),
        unread,
    };
    assert_eq!(badge_count(&[]), 0);
    assert_eq!(badge_count(&[row(0), row(3), row(1)]), 2);
}
