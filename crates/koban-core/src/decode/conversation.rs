//! Conversations as the widget reads them: a request's thread (`GET /api/v1/tickets/{ref}`, read
//! into a [`Thread`]), the lists of requests (`POST /api/v1/tickets/unread`, `GET
//! /api/v1/me/tickets`), and what the widget keeps in local storage (the followed requests,
//! the reply boxes). The internally tagged enums of a thread (`kind`, `role`) are what makes the
//! derived readers large: serde buffers every entry before it picks the variant.

use serde_json::Value;

use super::{Obj, number, opt, opt_list, opt_text, present, string, tag, text};
use crate::conversation::follow_up::{Followed, FollowedRequest};
use crate::conversation::reply_box::{SavedReplies, SavedReply};
use crate::conversation::{
    Author, Rating, RequestSummary, Score, Status, Thread, ThreadAttachment, ThreadEntry,
};

const STATUSES: [(&str, Status); 4] = [
    ("open", Status::Open),
    ("answered", Status::Answered),
    ("solved", Status::Solved),
    ("closed", Status::Closed),
];

fn status(v: &Value) -> Option<Status> {
    tag(v, &STATUSES)
}

/// The thread in a ticket's JSON text (the fields of [`Thread`]; the rest is ignored).
pub fn thread_from_json(json: &str) -> Option<Thread> {
    thread(&serde_json::from_str(json).ok()?)
}

/// A [`Thread`].
pub fn thread(v: &Value) -> Option<Thread> {
    let o = v.as_object()?;
    Some(Thread {
        reference: text(o, "reference")?,
        subject: text(o, "subject")?,
        status: status(o.get("status")?)?,
        created_at: text(o, "createdAt")?,
        updated_at: text(o, "updatedAt")?,
        entries: super::list(o.get("entries")?, entry)?,
        rating: match present(o, "rating") {
            None => None,
            Some(r) => Some(rating(r.as_object()?)?),
        },
        unread: opt(o, "unread", number)?.unwrap_or_default(),
    })
}

fn rating(o: &Obj) -> Option<Rating> {
    Some(Rating {
        score: tag(
            o.get("score")?,
            &[("good", Score::Good), ("bad", Score::Bad)],
        )?,
        comment: opt_text(o, "comment")?,
        rated_at: text(o, "ratedAt")?,
    })
}

fn entry(v: &Value) -> Option<ThreadEntry> {
    let o = v.as_object()?;
    match o.get("kind")?.as_str()? {
        "message" => Some(ThreadEntry::Message {
            author: author(o.get("author")?.as_object()?)?,
            body: text(o, "body")?,
            attachments: opt_list(o, "attachments", |a| {
                let a = a.as_object()?;
                Some(ThreadAttachment {
                    id: text(a, "id")?,
                    filename: text(a, "filename")?,
                    content_type: text(a, "contentType")?,
                    size: a.get("size")?.as_u64()?,
                })
            })?,
            created_at: text(o, "createdAt")?,
        }),
        "status" => Some(ThreadEntry::StatusChange {
            from: status(o.get("from")?)?,
            to: status(o.get("to")?)?,
            at: text(o, "at")?,
        }),
        _ => None,
    }
}

fn author(o: &Obj) -> Option<Author> {
    match o.get("role")?.as_str()? {
        "user" => Some(Author::User),
        "agent" => Some(Author::Agent {
            name: opt_text(o, "name")?,
        }),
        _ => None,
    }
}

/// The `requests` of a list answer's JSON text (`/tickets/unread`, `/me/tickets`).
pub fn requests_from_json(json: &str) -> Option<Vec<RequestSummary>> {
    let v: Value = serde_json::from_str(json).ok()?;
    super::list(v.get("requests")?, |r| {
        let o = r.as_object()?;
        Some(RequestSummary {
            reference: text(o, "reference")?,
            subject: text(o, "subject")?,
            status: status(o.get("status")?)?,
            updated_at: text(o, "updatedAt")?,
            unread: opt(o, "unread", number)?.unwrap_or_default(),
        })
    })
}

/// The followed requests saved in local storage (`{"tickets":[{"reference","token"}]}`).
pub fn followed_from_json(json: &str) -> Option<Followed> {
    let v: Value = serde_json::from_str(json).ok()?;
    Some(Followed {
        tickets: super::list(v.get("tickets")?, |t| {
            let o = t.as_object()?;
            Some(FollowedRequest {
                reference: text(o, "reference")?,
                token: text(o, "token")?,
            })
        })?,
    })
}

/// Whether the followed requests saved in local storage list any, reading only the length of
/// `tickets`: the widget's first download asks this (to hand over to the desk build, which lists
/// them) without carrying the whole reader.
///
/// ```
/// use koban_core::decode::follows_any;
/// assert!(follows_any(r#"{"tickets":[{"reference":"KB-1","token":"t"}]}"#));
/// assert!(!follows_any(r#"{"tickets":[]}"#) && !follows_any("not json"));
/// ```
pub fn follows_any(json: &str) -> bool {
    serde_json::from_str::<Value>(json)
        .ok()
        .and_then(|v| v.get("tickets")?.as_array().map(|a| !a.is_empty()))
        .unwrap_or(false)
}

/// The reply boxes saved in local storage (`{"<reference>": {"draft", "outbox"}}`).
pub fn saved_replies_from_json(json: &str) -> Option<SavedReplies> {
    let v: Value = serde_json::from_str(json).ok()?;
    let mut saved = SavedReplies::default();
    for (reference, r) in v.as_object()? {
        let o = r.as_object()?;
        let reply = SavedReply {
            draft: match present(o, "draft") {
                None => String::new(),
                Some(d) => string(d)?,
            },
            outbox: super::ticket::opt_outbox(o)?,
        };
        saved.0.insert(reference.clone(), reply);
    }
    Some(saved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::same_as_serde;

    #[test]
    fn threads_read_as_the_derives_read_them() {
        let full = r#"{"id":"tkt_1","reference":"KB-7F3K-92QD","subject":"Payout","status":"answered",
            "createdAt":"2026-03-01T10:00:00.000Z","updatedAt":"2026-03-01T11:30:00.000Z","replies":[],
            "entries":[
              {"kind":"message","author":{"role":"user"},"body":"Missing","attachments":[
                 {"id":"att_1","filename":"node.log","contentType":"text/plain","size":5120}],
               "createdAt":"2026-03-01T10:00:00.000Z"},
              {"kind":"message","author":{"role":"agent","name":"Aiko"},"body":"Fixed.","createdAt":"2026-03-01T11:30:00.000Z"},
              {"kind":"message","author":{"role":"agent"},"body":"Also.","attachments":[],"createdAt":"2026-03-01T11:31:00.000Z"},
              {"kind":"status","from":"open","to":"answered","at":"2026-03-01T11:30:00.000Z"}],
            "rating":{"score":"good","comment":"Quick","ratedAt":"2026-03-02T00:00:00.000Z"},
            "unread":1}"#;
        let thread = thread_from_json(full).unwrap();
        assert_eq!(thread.entries.len(), 4);
        same_as_serde::<Thread>(
            &[
                full,
                &full.replace(r#""kind":"status""#, r#""kind":"poll""#),
                &full.replace(r#""role":"agent","name":"Aiko""#, r#""role":"bot""#),
                &full.replace(r#""status":"answered""#, r#""status":"lost""#),
                &full.replace(r#""score":"good""#, r#""score":"meh""#),
                &full.replace(r#","unread":1"#, ""),
                r#"{"reference":"KB-1"}"#,
                "[]",
            ],
            thread_from_json,
        );
    }

    #[test]
    fn lists_and_storage_read_as_the_derives_read_them() {
        let list = r#"{"count":1,"requests":[{"reference":"KB-1","subject":"S","status":"open",
            "updatedAt":"2026-03-01T10:00:00.000Z","unread":2}]}"#;
        let ours = requests_from_json(list).unwrap();
        let theirs: crate::conversation::follow_up::Unread = serde_json::from_str(list).unwrap();
        assert_eq!(ours, theirs.requests);
        assert_eq!(
            requests_from_json(r#"{"requests":[{"reference":1}]}"#),
            None
        );

        let mut followed = Followed::default();
        followed.add("KB-1111-1111", "t1");
        let text = serde_json::to_string(&followed).unwrap();
        same_as_serde::<Followed>(
            &[&text, r#"{"tickets":[{}]}"#, "{}", "7"],
            followed_from_json,
        );

        let mut saved = SavedReplies::default();
        saved.edit("KB-1", "draft");
        saved.edit("KB-2", "frozen");
        saved
            .freeze("KB-2", "k".into(), &crate::ticket::TicketLimits::default())
            .unwrap();
        let text = serde_json::to_string(&saved).unwrap();
        same_as_serde::<SavedReplies>(
            &[
                &text,
                r#"{"KB-1":{}}"#,
                r#"{"KB-1":{"outbox":{"key":"k"}}}"#,
                "[]",
            ],
            saved_replies_from_json,
        );
    }
}
