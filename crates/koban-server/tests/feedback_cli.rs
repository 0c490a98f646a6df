//! `koban report` as a user runs it: the real binary, on a database (SQLite, and PostgreSQL with
//! `KOBAN_TEST_POSTGRES_URL`) filled through the real `POST /api/v1/feedback`.

mod feedback_support;
mod tickets_support;

use std::process::Command;

use feedback_support::{flow, no_results, rated, start, test_config, to_ticket};
use koban_core::conversation::{Event, RatingDraft};
use koban_core::feedback::FeedbackEvent;
use koban_server::store::conversation::Changed;
use koban_server::store::feedback::NewFeedback;
use koban_server::store::now_ms;
use serde_json::{Value, json};
use tickets_support::{Db, ticket};

/// Runs `koban report <args>` on the database at `url`; returns stdout.
fn report(url: &str, args: &[&str]) -> String {
    let dir = std::env::temp_dir().join(format!("koban-report-{}", tickets_support::unique()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_koban"))
        .arg("report")
        .args(args)
        .current_dir(&dir)
        .env_remove("KOBAN_CONFIG")
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "koban report {args:?}: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

fn json_report(url: &str, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = report(url, &all);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

async fn report_shows_gaps_and_unhelpful_articles(db: Db) {
    let s = start(&db, test_config()).await;
    s.send(vec![
        no_results("withdrawl", "en"),
        no_results("  Withdrawl ", "en"),
        rated("node-offline", false, "en"),
        rated("payouts", true, "en"),
        rated("payouts", false, "ja"),
        no_results("gpu  driver", "en"),
        rated("node-offline", false, "ja"),
        rated("wallet", true, "en"),
        to_ticket("payout missing", "en"),
        flow("node-offline", "resolved", "done"),
        flow("node-offline", "abandoned", "check-agent"),
    ])
    .await;
    s.send(vec![
        no_results("WITHDRAWL", "en"),
        rated("node-offline", true, "en"),
        rated("node-offline", false, "en"),
        rated("payouts", true, "en"),
        to_ticket("Payout Missing", "en"),
        to_ticket("login", "en"),
        flow("node-offline", "escalated", "ticket"),
        flow("node-offline", "abandoned", "check-agent"),
        flow("node-offline", "abandoned", "restart"),
        flow("gpu-missing", "resolved", "done"),
    ])
    .await;
    // Feedback older than the default 30 days.
    s.store
        .insert_feedback(&[NewFeedback {
            id: "fb_old".into(),
            event: FeedbackEvent::SearchNoResults {
                query: "ancient".into(),
                locale: "en".into(),
            },
            created_at: now_ms() - 40 * 86_400_000,
        }])
        .await
        .unwrap();

    let r = json_report(&s.url, &[]);
    assert_eq!(r["days"], 30);
    assert_eq!(r["limit"], 10);
    assert!(r["since"].as_str().unwrap().ends_with('Z'));
    let top = &r["noResultQueries"][0];
    assert_eq!(top["query"], "withdrawl");
    assert_eq!(top["locale"], "en");
    assert_eq!(top["count"], 3);
    assert!(top["lastSeen"].as_str().unwrap().ends_with('Z'));
    assert_eq!(r["noResultQueries"][1]["query"], "gpu driver");
    assert_eq!(r["noResultQueries"].as_array().unwrap().len(), 2);

    assert_eq!(
        r["leastHelpfulArticles"],
        json!([
            { "articleId": "node-offline", "helpful": 1, "unhelpful": 3, "votes": 4, "helpfulRatio": 0.25 },
            { "articleId": "payouts", "helpful": 2, "unhelpful": 1, "votes": 3, "helpfulRatio": 0.6667 },
            { "articleId": "wallet", "helpful": 1, "unhelpful": 0, "votes": 1, "helpfulRatio": 1.0 }
        ])
    );
    assert_eq!(r["searchesToTicket"][0]["query"], "payout missing");
    assert_eq!(r["searchesToTicket"][0]["count"], 2);
    assert_eq!(r["searchesToTicket"][1]["query"], "login");
    assert_eq!(
        r["flows"],
        json!([
            { "flowId": "node-offline", "started": 5, "resolved": 1, "escalated": 1, "abandoned": 3,
              "mostAbandonedStep": { "stepId": "check-agent", "count": 2 } },
            { "flowId": "gpu-missing", "started": 1, "resolved": 1, "escalated": 0, "abandoned": 0,
              "mostAbandonedStep": null }
        ])
    );

    // --days 0: everything stored; --limit caps every list.
    let r = json_report(&s.url, &["--days", "0", "--limit", "1"]);
    assert_eq!(r["since"], Value::Null);
    assert_eq!(r["noResultQueries"].as_array().unwrap().len(), 1);
    assert_eq!(r["leastHelpfulArticles"].as_array().unwrap().len(), 1);
    assert_eq!(r["flows"].as_array().unwrap().len(), 1);
    let r = json_report(&s.url, &["--days", "0"]);
    assert_eq!(r["noResultQueries"][2]["query"], "ancient");

    // The plain-text tables say the same.
    let text = report(&s.url, &[]);
    assert!(text.contains("Searches with no results"), "{text}");
    let line = text.lines().find(|l| l.ends_with(" withdrawl")).unwrap();
    assert!(line.trim_start().starts_with("3 "), "{text}");
    let line = text
        .lines()
        .find(|l| l.ends_with(" node-offline") && l.contains('%'))
        .unwrap();
    assert!(line.contains("25%"), "{text}");
    assert!(text.contains("check-agent (2)"), "{text}");
    assert!(!text.contains("ancient"), "{text}");
}

async fn report_counts_ratings(db: Db) {
    let s = tickets_support::start(&db, tickets_support::test_config()).await;
    let empty = json_report(&s.url, &[]);
    assert_eq!(
        empty["ratings"],
        json!({ "good": 0, "bad": 0, "goodShare": null })
    );
    // Three rated good, one bad (first good, then changed), one rated 40 days ago.
    let scores = ["good", "good", "good", "bad", "bad"];
    let mut references = Vec::new();
    for (n, score) in scores.iter().enumerate() {
        let res = s.post(Some(&format!("rate-{n}")), &ticket(n)).await;
        assert_eq!(res.status(), 201);
        let created: Value = res.json().await.unwrap();
        let reference = created["reference"].as_str().unwrap().to_string();
        s.store
            .apply_status_event(&reference, Event::SolvedByUser)
            .await
            .unwrap();
        let first = if n == 3 { "good" } else { score };
        for score in [first, score] {
            let draft: RatingDraft = serde_json::from_value(json!({ "score": score })).unwrap();
            let rated = s.store.rate(&reference, &draft, &[]).await.unwrap();
            assert!(matches!(rated, Changed::Done(Ok(_))), "{rated:?}");
        }
        references.push(reference);
    }
    sqlx::query(
        "UPDATE ticket_ratings SET rated_at = $1 WHERE ticket_id = \
         (SELECT id FROM tickets WHERE reference = $2)",
    )
    .bind(now_ms() - 40 * 86_400_000)
    .bind(&references[4])
    .execute(s.store.pool())
    .await
    .unwrap();

    let r = json_report(&s.url, &[]);
    assert_eq!(
        r["ratings"],
        json!({ "good": 3, "bad": 1, "goodShare": 0.75 })
    );
    let r = json_report(&s.url, &["--days", "0"]);
    assert_eq!(
        r["ratings"],
        json!({ "good": 3, "bad": 2, "goodShare": 0.6 })
    );
    let text = report(&s.url, &[]);
    assert!(
        text.ends_with("Satisfaction ratings (requests first rated in the period)\n  GOOD  BAD  GOOD %\n  3     1    75%\n"),
        "{text}"
    );
}

store_tests!(
    report_shows_gaps_and_unhelpful_articles,
    report_counts_ratings
);

#[test]
fn report_rejects_a_zero_limit() {
    let out = Command::new(env!("CARGO_BIN_EXE_koban"))
        .args(["report", "--limit", "0"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--limit"));
}
