//! Conversations in the store, on SQLite and PostgreSQL: messages move the status through
//! koban-core's rules, the thread reads in order with status changes, ratings follow their
//! window, read marks count unread replies (the same in a summary as in the thread), a status
//! event that changes nothing is silent, auto-close, and announcements reach a second process.

mod tickets_support;

use std::time::Duration;

use koban_core::conversation::rating::{RatingDraft, RatingRefused, Score};
use koban_core::conversation::{Author, Event, Status, ThreadEntry};
use koban_server::store::Store;
use koban_server::store::conversation::Changed;
use koban_server::store::replies::{MessageAdded, MessageAuthor, NewMessage};
use serde_json::Value;
use tickets_support::{Db, Server, start, test_config, ticket};

async fn new_ticket(s: &Server, n: usize) -> String {
    let res = s.post(Some(&format!("key-conv-{n}")), &ticket(n)).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    created["reference"].as_str().unwrap().to_string()
}

async fn say(store: &Store, reference: &str, author: MessageAuthor, body: &str) -> Status {
    let message = NewMessage {
        author: &author,
        body,
        public: true,
        attachments: &[],
        deliver_to: &[],
        via: None,
        received: None,
    };
    match store
        .add_message(reference, message, None, |_, _| String::new())
        .await
        .unwrap()
    {
        MessageAdded::Stored { status, .. } => status,
        other => panic!("not stored: {other:?}"),
    }
}

async fn thread_reads_in_order(db: Db) {
    let s = start(&db, test_config()).await;
    let reference = new_ticket(&s, 1).await;
    let agent = MessageAuthor::Agent(Some("Grace".into()));
    assert_eq!(
        say(&s.store, &reference, agent.clone(), "Try a restart").await,
        Status::Answered
    );
    assert_eq!(
        say(&s.store, &reference, MessageAuthor::User, "Still stuck").await,
        Status::Open
    );
    let note = NewMessage {
        author: &agent,
        body: "internal: check the node",
        public: false,
        attachments: &[],
        deliver_to: &[],
        via: None,
        received: None,
    };
    s.store
        .add_message(&reference, note, None, |_, _| String::new())
        .await
        .unwrap();

    let ticket = s.store.ticket(&reference).await.unwrap().unwrap();
    let thread = s.store.thread(&ticket).await.unwrap();
    assert_eq!(thread.status, Status::Open);
    let kinds: Vec<String> = thread
        .entries
        .iter()
        .map(|e| match e {
            ThreadEntry::Message {
                author: Author::User,
                body,
                ..
            } => format!("user:{body}"),
            ThreadEntry::Message {
                author: Author::Agent { name },
                body,
                ..
            } => {
                format!("agent({}):{body}", name.as_deref().unwrap_or("-"))
            }
            ThreadEntry::StatusChange { from, to, .. } => {
                format!("{}->{}", from.as_str(), to.as_str())
            }
        })
        .collect();
    assert_eq!(
        kinds,
        [
            format!("user:{}", ticket.description),
            "agent(Grace):Try a restart".into(),
            "open->answered".into(),
            "user:Still stuck".into(),
            "answered->open".into(),
        ],
        "internal notes never reach the thread"
    );
    assert_eq!(thread.unread, 1);
    s.store
        .mark_read(&ticket.id, koban_server::store::now_ms() + 1_000)
        .await
        .unwrap();
    let thread = s.store.thread(&ticket).await.unwrap();
    assert_eq!(thread.unread, 0);
    // A mark never moves back.
    s.store.mark_read(&ticket.id, 1).await.unwrap();
    assert_eq!(s.store.thread(&ticket).await.unwrap().unread, 0);
}

async fn solve_rate_and_reopen(db: Db) {
    let s = start(&db, test_config()).await;
    let reference = new_ticket(&s, 2).await;
    let good = RatingDraft {
        score: Score::Good,
        comment: Some("  Quick and kind.  ".into()),
    };
    // Not finished yet: no rating.
    assert_eq!(
        s.store.rate(&reference, &good, &[]).await.unwrap(),
        Changed::Done(Err(RatingRefused::NotFinished))
    );
    assert_eq!(
        s.store
            .apply_status_event(&reference, Event::SolvedByUser)
            .await
            .unwrap(),
        Changed::Done(Status::Solved)
    );
    let Changed::Done(Ok(rating)) = s.store.rate(&reference, &good, &[]).await.unwrap() else {
        panic!("rating refused")
    };
    assert_eq!(rating.comment.as_deref(), Some("Quick and kind."));
    let bad = RatingDraft {
        score: Score::Bad,
        comment: None,
    };
    let Changed::Done(Ok(changed)) = s.store.rate(&reference, &bad, &[]).await.unwrap() else {
        panic!("change refused")
    };
    assert_eq!(
        changed.rated_at, rating.rated_at,
        "a change keeps the first time"
    );
    let ticket = s.store.ticket(&reference).await.unwrap().unwrap();
    assert_eq!(
        s.store.rating_of(&ticket.id).await.unwrap().unwrap().score,
        Score::Bad
    );
    // A follow-up reopens a solved request.
    assert_eq!(
        say(&s.store, &reference, MessageAuthor::User, "It broke again").await,
        Status::Open
    );
    assert_eq!(
        s.store.rate("KB-0000-0000", &good, &[]).await.unwrap(),
        Changed::NoTicket
    );
}

async fn auto_close_after_days(db: Db) {
    let s = start(&db, test_config()).await;
    let answered = new_ticket(&s, 3).await;
    let followed = new_ticket(&s, 4).await;
    let agent = MessageAuthor::Agent(None);
    say(&s.store, &answered, agent.clone(), "Done on our side").await;
    say(&s.store, &followed, agent, "Done on our side").await;
    say(&s.store, &followed, MessageAuthor::User, "Not for me").await;
    let now = koban_server::store::now_ms();
    assert!(
        s.store.auto_close(now, 7).await.unwrap().is_empty(),
        "too early"
    );
    let week_later = now + 7 * 86_400_000 + 1_000;
    assert_eq!(
        s.store.auto_close(week_later, 7).await.unwrap(),
        std::slice::from_ref(&answered)
    );
    assert_eq!(
        s.store.ticket(&answered).await.unwrap().unwrap().status,
        "closed"
    );
    assert_eq!(
        s.store.ticket(&followed).await.unwrap().unwrap().status,
        "open"
    );
    assert!(
        s.store.auto_close(week_later, 0).await.unwrap().is_empty(),
        "0 turns it off"
    );
}

async fn announcements_reach_every_process(db: Db) {
    let s = start(&db, test_config()).await;
    let reference = new_ticket(&s, 5).await;
    // A second process on the same database.
    let other = Store::connect(&s.url).await.unwrap();
    other.listen();
    let mut here = s.store.subscribe();
    let mut there = other.subscribe();
    // Let the LISTEN session start before the change.
    tokio::time::sleep(Duration::from_millis(500)).await;
    say(&s.store, &reference, MessageAuthor::Agent(None), "Hello").await;
    let got = tokio::time::timeout(Duration::from_secs(2), here.recv()).await;
    assert_eq!(got.unwrap().unwrap(), reference);
    if matches!(db, Db::Postgres(_)) {
        let got = tokio::time::timeout(Duration::from_secs(2), there.recv()).await;
        assert_eq!(
            got.expect("announced to the other process").unwrap(),
            reference
        );
    }
}

async fn a_status_event_that_changes_nothing_is_silent(db: Db) {
    let s = start(&db, test_config()).await;
    let reference = new_ticket(&s, 6).await;
    let solve = || s.store.apply_status_event(&reference, Event::SolvedByUser);
    assert_eq!(solve().await.unwrap(), Changed::Done(Status::Solved));
    let before = s.store.ticket(&reference).await.unwrap().unwrap();
    let mut changes = s.store.subscribe();
    tokio::time::sleep(Duration::from_millis(5)).await;
    // Solved again, then closed by an agent (a solved request stays solved): no change.
    assert_eq!(solve().await.unwrap(), Changed::Done(Status::Solved));
    let close = s
        .store
        .apply_status_event(&reference, Event::ClosedByAgent)
        .await;
    assert_eq!(close.unwrap(), Changed::Done(Status::Solved));
    let after = s.store.ticket(&reference).await.unwrap().unwrap();
    assert_eq!(after.updated_at, before.updated_at);
    let thread = s.store.thread(&after).await.unwrap();
    let changes_recorded = thread
        .entries
        .iter()
        .filter(|e| matches!(e, ThreadEntry::StatusChange { .. }))
        .count();
    assert_eq!(changes_recorded, 1, "{thread:?}");
    assert!(changes.try_recv().is_err(), "nobody is told");
    // A change is still announced and moves updated_at.
    say(&s.store, &reference, MessageAuthor::User, "Again").await;
    assert_eq!(changes.try_recv().unwrap(), reference);
    let later = s.store.ticket(&reference).await.unwrap().unwrap();
    assert!(later.updated_at > before.updated_at);
}

async fn summaries_agree_with_threads(db: Db) {
    let s = start(&db, test_config()).await;
    let mut references = Vec::new();
    for n in 0..4 {
        references.push(new_ticket(&s, 10 + n).await);
    }
    let agent = || MessageAuthor::Agent(Some("Grace".into()));
    say(&s.store, &references[0], agent(), "One").await;
    say(&s.store, &references[0], agent(), "Two").await;
    say(&s.store, &references[1], agent(), "Read").await;
    let read = s.store.ticket(&references[1]).await.unwrap().unwrap();
    let now = koban_server::store::now_ms();
    s.store.mark_read(&read.id, now).await.unwrap();
    tokio::time::sleep(Duration::from_millis(5)).await;
    say(&s.store, &references[1], agent(), "After the mark").await;
    say(&s.store, &references[2], MessageAuthor::User, "Mine").await;
    let note = NewMessage {
        author: &MessageAuthor::Agent(None),
        body: "internal",
        public: false,
        attachments: &[],
        deliver_to: &[],
        via: None,
        received: None,
    };
    s.store
        .add_message(&references[3], note, None, |_, _| String::new())
        .await
        .unwrap();
    let mut asked = references.clone();
    asked.push("KB-0000-0000".into());
    let rows = s.store.summaries(&asked).await.unwrap();
    assert_eq!(rows.len(), 4);
    for reference in &references {
        let ticket = s.store.ticket(reference).await.unwrap().unwrap();
        let expected = s.store.thread(&ticket).await.unwrap().summary();
        let row = rows.iter().find(|r| &r.summary.reference == reference);
        assert_eq!(row.unwrap().summary, expected);
    }
    let unread: Vec<u32> = references
        .iter()
        .map(|r| {
            rows.iter()
                .find(|row| &row.summary.reference == r)
                .unwrap()
                .summary
                .unread
        })
        .collect();
    assert_eq!(unread, [2, 1, 0, 0]);
    assert!(s.store.summaries(&[]).await.unwrap().is_empty());
}

store_tests!(
    summaries_agree_with_threads,
    a_status_event_that_changes_nothing_is_silent,
    thread_reads_in_order,
    solve_rate_and_reopen,
    auto_close_after_days,
    announcements_reach_every_process
);
