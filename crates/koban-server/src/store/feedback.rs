//! Feedback events (table `feedback`, migration 0004) and the aggregates `koban report` prints.
//!
//! A batch is inserted in one transaction, so it is stored whole or not at all. Aggregates are
//! computed by the database with portable SQL (`COUNT`, `MAX`, `GROUP BY`; `COUNT` rather than
//! `SUM` because PostgreSQL sums `BIGINT` into `NUMERIC`, which the `Any` driver cannot read).

use koban_core::feedback::{FeedbackEvent, canonical_locale, normalize_query};
use sqlx::Row;

use super::{Store, StoreError};

/// One event about to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewFeedback {
    /// Opaque id (`fb_` + 32 hex digits).
    pub id: String,
    /// The event, validated.
    pub event: FeedbackEvent,
    /// Time received, Unix ms.
    pub created_at: i64,
}

/// Searches grouped by their normalized text and locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryCount {
    /// Normalized query text.
    pub query: String,
    /// Locale tag (canonical case).
    pub locale: String,
    /// Number of events.
    pub count: i64,
    /// Latest event, Unix ms.
    pub last_seen: i64,
}

/// Helpfulness votes of one article (all locales).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleVotes {
    /// Article id.
    pub article_id: String,
    /// "Yes" votes.
    pub helpful: i64,
    /// "No" votes.
    pub unhelpful: i64,
}

/// How often a flow ended one way, at one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowCount {
    /// Flow id.
    pub flow_id: String,
    /// `resolved`, `escalated` or `abandoned`.
    pub outcome: String,
    /// The step it ended at.
    pub step_id: String,
    /// Number of events.
    pub count: i64,
}

impl Store {
    /// Stores `events` in one transaction.
    pub async fn insert_feedback(&self, events: &[NewFeedback]) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        for e in events {
            let (mut article_id, mut helpful, mut query, mut query_norm) = (None, None, None, None);
            let (mut flow_id, mut outcome, mut step_id) = (None, None, None);
            match &e.event {
                FeedbackEvent::ArticleRated {
                    article_id: id,
                    helpful: yes,
                    ..
                } => {
                    article_id = Some(id.clone());
                    helpful = Some(i64::from(*yes));
                }
                FeedbackEvent::SearchNoResults { query: q, .. }
                | FeedbackEvent::SearchToTicket { query: q, .. } => {
                    query = Some(q.trim().to_string());
                    query_norm = Some(normalize_query(q));
                }
                FeedbackEvent::FlowOutcome {
                    flow_id: f,
                    outcome: o,
                    step_id: s,
                    ..
                } => {
                    flow_id = Some(f.clone());
                    outcome = Some(o.as_str().to_string());
                    step_id = Some(s.clone());
                }
            }
            sqlx::query(
                "INSERT INTO feedback (id, kind, locale, article_id, helpful, query, query_norm, \
                 flow_id, outcome, step_id, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            )
            .bind(&e.id)
            .bind(e.event.kind())
            .bind(canonical_locale(e.event.locale()))
            .bind(article_id)
            .bind(helpful)
            .bind(query)
            .bind(query_norm)
            .bind(flow_id)
            .bind(outcome)
            .bind(step_id)
            .bind(e.created_at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Number of stored feedback events of `kind` (any kind when `None`).
    pub async fn count_feedback(&self, kind: Option<&str>) -> Result<i64, StoreError> {
        let row = match kind {
            Some(kind) => {
                sqlx::query("SELECT COUNT(*) AS n FROM feedback WHERE kind = $1")
                    .bind(kind)
                    .fetch_one(self.pool())
                    .await?
            }
            None => {
                sqlx::query("SELECT COUNT(*) AS n FROM feedback")
                    .fetch_one(self.pool())
                    .await?
            }
        };
        Ok(row.try_get("n")?)
    }

    /// The `limit` most frequent queries of `kind` (`searchNoResults` or `searchToTicket`) since
    /// `since` (Unix ms), by normalized text and locale; most frequent first, then most recent.
    pub async fn top_queries(
        &self,
        kind: &str,
        since: i64,
        limit: i64,
    ) -> Result<Vec<QueryCount>, StoreError> {
        let rows = sqlx::query(
            "SELECT query_norm, locale, COUNT(*) AS n, MAX(created_at) AS last_seen \
             FROM feedback WHERE kind = $1 AND created_at >= $2 \
             GROUP BY query_norm, locale \
             ORDER BY n DESC, last_seen DESC, query_norm, locale LIMIT $3",
        )
        .bind(kind)
        .bind(since)
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(QueryCount {
                    query: r.try_get("query_norm")?,
                    locale: r.try_get("locale")?,
                    count: r.try_get("n")?,
                    last_seen: r.try_get("last_seen")?,
                })
            })
            .collect()
    }

    /// Votes per article since `since` (Unix ms), every article with at least one vote.
    pub async fn article_votes(&self, since: i64) -> Result<Vec<ArticleVotes>, StoreError> {
        let rows = sqlx::query(
            "SELECT article_id, \
             COUNT(CASE WHEN helpful = 1 THEN 1 END) AS yes, \
             COUNT(CASE WHEN helpful = 0 THEN 1 END) AS no \
             FROM feedback WHERE kind = 'articleRated' AND created_at >= $1 \
             GROUP BY article_id",
        )
        .bind(since)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ArticleVotes {
                    article_id: r.try_get("article_id")?,
                    helpful: r.try_get("yes")?,
                    unhelpful: r.try_get("no")?,
                })
            })
            .collect()
    }

    /// Flow outcomes since `since` (Unix ms), counted per flow, outcome and step.
    pub async fn flow_counts(&self, since: i64) -> Result<Vec<FlowCount>, StoreError> {
        let rows = sqlx::query(
            "SELECT flow_id, outcome, step_id, COUNT(*) AS n \
             FROM feedback WHERE kind = 'flowOutcome' AND created_at >= $1 \
             GROUP BY flow_id, outcome, step_id",
        )
        .bind(since)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FlowCount {
                    flow_id: r.try_get("flow_id")?,
                    outcome: r.try_get("outcome")?,
                    step_id: r.try_get("step_id")?,
                    count: r.try_get("n")?,
                })
            })
            .collect()
    }
}
