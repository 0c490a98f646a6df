//! `koban report`: what the stored feedback says about the help content, over the last `days`.
//!
//! - **No-result queries**: searches that found nothing, grouped by normalized query text and
//!   locale, most frequent first (then most recent): the content gaps.
//! - **Least helpful articles**: every article with at least one vote, by share of "No" votes
//!   (highest first), then number of "No" votes, then votes; `helpfulRatio` is helpful / votes.
//! - **Searches that led to a ticket**: queries after which the user opened the ticket form,
//!   grouped like no-result queries.
//! - **Flows**: per flow, how many runs were resolved, escalated (handed over to a ticket or
//!   another channel) and abandoned, and the step where it was abandoned most (ties: the first
//!   step id in byte order). `started` is the number of outcomes recorded, resolved + escalated +
//!   abandoned: the widget reports exactly one outcome per run, so a run whose outcome never
//!   reached the server (the browser went away before the widget could send it) is not counted.
//!   Flows are listed by `started`, highest first.
//! - **Satisfaction ratings**: requests whose user first rated them in the period, counted by
//!   their current score (a rating can be changed for 7 days), and the share rated good.
//!
//! Every list holds at most `limit` rows. The text form escapes control characters (queries are
//! user input and must not drive the terminal); `--json` prints one [`Report`] object.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::store::feedback::QueryCount;
use crate::store::{Store, StoreError, rfc3339};

/// Days covered by default.
pub const DEFAULT_DAYS: u32 = 30;
/// Rows per list by default.
pub const DEFAULT_LIMIT: u32 = 10;

/// The whole report, as `koban report --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// When the report was made, RFC 3339.
    pub generated_at: String,
    /// Days covered (0: all stored feedback).
    pub days: u32,
    /// Start of the covered period, RFC 3339 (`null` with `days` 0).
    pub since: Option<String>,
    /// Most rows per list.
    pub limit: usize,
    /// Top searches without results.
    pub no_result_queries: Vec<QueryRow>,
    /// Articles with the largest share of "No" votes.
    pub least_helpful_articles: Vec<ArticleRow>,
    /// Top searches after which the user opened the ticket form.
    pub searches_to_ticket: Vec<QueryRow>,
    /// Outcomes per guided flow.
    pub flows: Vec<FlowRow>,
    /// Satisfaction ratings of answered requests.
    pub ratings: RatingCounts,
}

/// Satisfaction ratings given in the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RatingCounts {
    /// Rated good.
    pub good: i64,
    /// Rated bad.
    pub bad: i64,
    /// `good / (good + bad)`, rounded to 4 decimals; `null` without ratings.
    pub good_share: Option<f64>,
}

impl RatingCounts {
    /// The counts and their share.
    pub fn new(good: i64, bad: i64) -> RatingCounts {
        let rated = good + bad;
        RatingCounts {
            good,
            bad,
            good_share: (rated > 0)
                .then(|| (good as f64 / rated as f64 * 10_000.0).round() / 10_000.0),
        }
    }
}

/// A query and how often it was seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QueryRow {
    /// Normalized query text (trimmed, whitespace collapsed, lowercased).
    pub query: String,
    /// Locale the search ran in.
    pub locale: String,
    /// Number of searches.
    pub count: i64,
    /// Latest search, RFC 3339.
    pub last_seen: String,
}

/// An article's votes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleRow {
    /// Article id.
    pub article_id: String,
    /// "Yes" votes.
    pub helpful: i64,
    /// "No" votes.
    pub unhelpful: i64,
    /// All votes (at least 1).
    pub votes: i64,
    /// `helpful / votes`, rounded to 4 decimals (0: nobody found it helpful).
    pub helpful_ratio: f64,
}

/// A flow's outcomes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FlowRow {
    /// Flow id.
    pub flow_id: String,
    /// Outcomes recorded: resolved + escalated + abandoned.
    pub started: i64,
    /// Runs that reached `resolved`.
    pub resolved: i64,
    /// Runs handed over to a ticket or another channel.
    pub escalated: i64,
    /// Runs left before an outcome.
    pub abandoned: i64,
    /// The step where the flow was abandoned most (`null` if never abandoned).
    pub most_abandoned_step: Option<StepCount>,
}

/// A step and how often the flow was abandoned there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StepCount {
    /// Step id.
    pub step_id: String,
    /// Abandoned runs at this step.
    pub count: i64,
}

fn query_rows(rows: Vec<QueryCount>) -> Vec<QueryRow> {
    rows.into_iter()
        .map(|q| QueryRow {
            query: q.query,
            locale: q.locale,
            count: q.count,
            last_seen: rfc3339(q.last_seen),
        })
        .collect()
}

/// Builds the report of the `days` before `now` (Unix ms; 0 days: everything), `limit` rows per
/// list.
pub async fn build(store: &Store, now: i64, days: u32, limit: usize) -> Result<Report, StoreError> {
    let since = if days == 0 {
        i64::MIN
    } else {
        now - i64::from(days) * 86_400_000
    };
    let sql_limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let no_results = store
        .top_queries("searchNoResults", since, sql_limit)
        .await?;
    let to_ticket = store
        .top_queries("searchToTicket", since, sql_limit)
        .await?;

    let mut articles: Vec<ArticleRow> = store
        .article_votes(since)
        .await?
        .into_iter()
        .map(|a| {
            let votes = a.helpful + a.unhelpful;
            ArticleRow {
                helpful_ratio: (a.helpful as f64 / votes.max(1) as f64 * 10_000.0).round()
                    / 10_000.0,
                article_id: a.article_id,
                helpful: a.helpful,
                unhelpful: a.unhelpful,
                votes,
            }
        })
        .filter(|a| a.votes > 0)
        .collect();
    articles.sort_by(least_helpful_first);
    articles.truncate(limit);

    let mut flows: BTreeMap<String, (FlowRow, BTreeMap<String, i64>)> = BTreeMap::new();
    for c in store.flow_counts(since).await? {
        let (row, abandoned_at) = flows.entry(c.flow_id.clone()).or_insert_with(|| {
            let row = FlowRow {
                flow_id: c.flow_id.clone(),
                started: 0,
                resolved: 0,
                escalated: 0,
                abandoned: 0,
                most_abandoned_step: None,
            };
            (row, BTreeMap::new())
        });
        row.started += c.count;
        match c.outcome.as_str() {
            "resolved" => row.resolved += c.count,
            "escalated" => row.escalated += c.count,
            _ => {
                row.abandoned += c.count;
                *abandoned_at.entry(c.step_id).or_default() += c.count;
            }
        }
    }
    let mut flows: Vec<FlowRow> = flows
        .into_values()
        .map(|(mut row, abandoned_at)| {
            // BTreeMap order plus a strict `>`: the first step id wins a tie.
            let mut top: Option<StepCount> = None;
            for (step_id, count) in abandoned_at {
                if top.as_ref().is_none_or(|t| count > t.count) {
                    top = Some(StepCount { step_id, count });
                }
            }
            row.most_abandoned_step = top;
            row
        })
        .collect();
    flows.sort_by(|a, b| {
        b.started
            .cmp(&a.started)
            .then_with(|| a.flow_id.cmp(&b.flow_id))
    });
    flows.truncate(limit);
    let (good, bad) = store.rating_counts(since).await?;

    Ok(Report {
        generated_at: rfc3339(now),
        days,
        since: (days > 0).then(|| rfc3339(since)),
        limit,
        no_result_queries: query_rows(no_results),
        least_helpful_articles: articles,
        searches_to_ticket: query_rows(to_ticket),
        flows,
        ratings: RatingCounts::new(good, bad),
    })
}

/// Larger share of "No" votes first (compared exactly, as fractions), then more "No" votes, then
/// more votes, then article id.
fn least_helpful_first(a: &ArticleRow, b: &ArticleRow) -> Ordering {
    let share_a = i128::from(a.unhelpful) * i128::from(b.votes);
    let share_b = i128::from(b.unhelpful) * i128::from(a.votes);
    share_b
        .cmp(&share_a)
        .then_with(|| b.unhelpful.cmp(&a.unhelpful))
        .then_with(|| b.votes.cmp(&a.votes))
        .then_with(|| a.article_id.cmp(&b.article_id))
}

/// Control characters escaped, so stored text cannot drive the terminal.
fn text(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// Left-aligned columns separated by two spaces; the last column is not padded.
fn table(out: &mut String, header: &[&str], rows: Vec<Vec<String>>) {
    if rows.is_empty() {
        out.push_str("  (none)\n");
        return;
    }
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    for row in std::iter::once(header).chain(rows) {
        let mut line = String::from(" ");
        let last = row.len().saturating_sub(1);
        for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
            if i == last {
                let _ = write!(line, " {cell}");
            } else {
                let pad = w - cell.chars().count();
                let _ = write!(line, " {cell}{}", " ".repeat(pad + 1));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

fn query_table(out: &mut String, rows: &[QueryRow]) {
    let rows = rows
        .iter()
        .map(|q| {
            vec![
                q.count.to_string(),
                q.last_seen.clone(),
                q.locale.clone(),
                text(&q.query),
            ]
        })
        .collect();
    table(out, &["COUNT", "LAST SEEN", "LOCALE", "QUERY"], rows);
}

/// The plain-text form of `report`.
pub fn render_text(report: &Report) -> String {
    let mut out = String::new();
    let period = match &report.since {
        Some(since) => format!("last {} days (since {since})", report.days),
        None => "all time".to_string(),
    };
    let _ = writeln!(
        out,
        "Koban feedback report: {period}, top {} per list, made {}",
        report.limit, report.generated_at
    );

    out.push_str("\nSearches with no results\n");
    query_table(&mut out, &report.no_result_queries);

    out.push_str("\nLeast helpful articles\n");
    let rows = report
        .least_helpful_articles
        .iter()
        .map(|a| {
            vec![
                a.unhelpful.to_string(),
                a.helpful.to_string(),
                a.votes.to_string(),
                format!("{:.0}%", a.helpful_ratio * 100.0),
                a.article_id.clone(),
            ]
        })
        .collect();
    table(
        &mut out,
        &["NOT HELPFUL", "HELPFUL", "VOTES", "HELPFUL %", "ARTICLE"],
        rows,
    );

    out.push_str("\nSearches that led to a ticket\n");
    query_table(&mut out, &report.searches_to_ticket);

    out.push_str("\nFlows (started = outcomes recorded: resolved + escalated + abandoned)\n");
    let rows = report
        .flows
        .iter()
        .map(|f| {
            vec![
                f.started.to_string(),
                f.resolved.to_string(),
                f.escalated.to_string(),
                f.abandoned.to_string(),
                f.most_abandoned_step
                    .as_ref()
                    .map(|s| format!("{} ({})", s.step_id, s.count))
                    .unwrap_or_else(|| "-".into()),
                f.flow_id.clone(),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
            "STARTED",
            "RESOLVED",
            "ESCALATED",
            "ABANDONED",
            "MOST ABANDONED AT",
            "FLOW",
        ],
        rows,
    );

    out.push_str("\nSatisfaction ratings (requests first rated in the period)\n");
    let r = &report.ratings;
    let rows = match r.good_share {
        Some(share) => vec![vec![
            r.good.to_string(),
            r.bad.to_string(),
            format!("{:.0}%", share * 100.0),
        ]],
        None => Vec::new(),
    };
    table(&mut out, &["GOOD", "BAD", "GOOD %"], rows);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, helpful: i64, unhelpful: i64) -> ArticleRow {
        ArticleRow {
            article_id: id.into(),
            helpful,
            unhelpful,
            votes: helpful + unhelpful,
            helpful_ratio: 0.0,
        }
    }

    #[test]
    fn least_helpful_by_share_then_count() {
        let mut rows = [
            article("half", 2, 2),
            article("all-yes", 5, 0),
            article("one-no", 0, 1),
            article("three-no", 0, 3),
            article("third", 2, 1),
            article("half-small", 1, 1),
        ];
        rows.sort_by(least_helpful_first);
        let ids: Vec<&str> = rows.iter().map(|a| a.article_id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "three-no",
                "one-no",
                "half",
                "half-small",
                "third",
                "all-yes"
            ]
        );
    }

    #[test]
    fn text_tables_escape_and_align() {
        let report = Report {
            generated_at: rfc3339(0),
            days: 0,
            since: None,
            limit: 5,
            no_result_queries: vec![QueryRow {
                query: "evil\u{1b}[31m".into(),
                locale: "en".into(),
                count: 12,
                last_seen: rfc3339(0),
            }],
            least_helpful_articles: vec![ArticleRow {
                helpful_ratio: 0.25,
                ..article("node-offline", 1, 3)
            }],
            searches_to_ticket: vec![],
            flows: vec![FlowRow {
                flow_id: "gpu".into(),
                started: 3,
                resolved: 1,
                escalated: 1,
                abandoned: 1,
                most_abandoned_step: Some(StepCount {
                    step_id: "driver".into(),
                    count: 1,
                }),
            }],
            ratings: RatingCounts::new(2, 1),
        };
        let out = render_text(&report);
        assert!(!out.contains('\u{1b}'), "{out}");
        assert!(
            out.contains("12     1970-01-01T00:00:00.000Z  en      evil\\u{1b}[31m"),
            "{out}"
        );
        assert!(
            out.contains("3            1        4      25%        node-offline"),
            "{out}"
        );
        assert!(out.contains("  (none)\n"), "{out}");
        assert!(out.contains("driver (1)         gpu"), "{out}");
        assert!(
            out.ends_with("  GOOD  BAD  GOOD %\n  2     1    67%\n"),
            "{out}"
        );
        assert_eq!(RatingCounts::new(2, 1).good_share, Some(0.6667));
        assert_eq!(RatingCounts::new(0, 0).good_share, None);
        assert!(out.starts_with("Koban feedback report: all time, top 5 per list"));
    }
}
