//! A ticket as a conversation: the thread its user reads ([`Store::thread`]), the user's and
//! agents' status events (solve, close, auto-close), the satisfaction rating and the read mark
//! (the lists of requests are in [`super::summaries`]). The shapes are koban-core's
//! ([`koban_core::conversation`]), shared with the widget.

use koban_core::conversation::rating::{Rating, RatingDraft, RatingRefused, Score, may_rate};
use koban_core::conversation::{
    Author, Event, Status, Thread, ThreadAttachment, ThreadEntry, due_for_auto_close, unread_count,
};
use sqlx::Row;

use super::outbox::{OutboxEvent, RatingEvent, enqueue};
use super::replies::{MessageAuthor, ReplyRecord, apply_event, lock_ticket};
use super::tickets::TicketRecord;
use super::{Store, StoreError, now_ms, rfc3339};

/// Outcome of [`Store::apply_status_event`] and [`Store::rate`].
#[derive(Debug, Clone, PartialEq)]
pub enum Changed<T> {
    /// Done.
    Done(T),
    /// No ticket has this reference.
    NoTicket,
}

impl Store {
    /// Applies `event` (solved by the user, closed by an agent) to the ticket with `reference`;
    /// returns its status after. When the status does not change (the rules refuse the event, or
    /// it is already there), nothing is written: `updated_at` stays, and nobody is told.
    pub async fn apply_status_event(
        &self,
        reference: &str,
        event: Event,
    ) -> Result<Changed<Status>, StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        let Some((ticket_id, status)) = lock_ticket(&mut tx, reference, None).await? else {
            return Ok(Changed::NoTicket);
        };
        let next = apply_event(&mut tx, &ticket_id, status, event, now).await?;
        if next == status {
            // Only the row lock was taken; nothing changed, so nobody is told.
            tx.commit().await?;
            return Ok(Changed::Done(next));
        }
        self.announce(&mut tx, reference).await?;
        tx.commit().await?;
        self.announced(reference);
        Ok(Changed::Done(next))
    }

    /// Stores the user's satisfaction rating of the ticket with `reference` (checked with
    /// koban-core's [`may_rate`]: a finished ticket, changeable for 7 days after the first).
    /// A new or changed rating is written to the outbox for `deliver_to` in the same
    /// transaction; the same rating sent again (a retried `PUT`) is not delivered twice.
    pub async fn rate(
        &self,
        reference: &str,
        draft: &RatingDraft,
        deliver_to: &[String],
    ) -> Result<Changed<Result<Rating, RatingRefused>>, StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        let Some((ticket_id, status)) = lock_ticket(&mut tx, reference, Some(now)).await? else {
            return Ok(Changed::NoTicket);
        };
        let stored =
            sqlx::query("SELECT rated_at, score, comment FROM ticket_ratings WHERE ticket_id = $1")
                .bind(&ticket_id)
                .fetch_optional(&mut *tx)
                .await?;
        let first: Option<i64> = stored.as_ref().map(|r| r.try_get("rated_at")).transpose()?;
        if let Err(refused) = may_rate(status, first.map(|ms| ms / 1000), now / 1000) {
            return Ok(Changed::Done(Err(refused)));
        }
        let comment = draft.comment();
        let same = match &stored {
            Some(row) => {
                row.try_get::<String, _>("score")? == draft.score.as_str()
                    && row.try_get::<Option<String>, _>("comment")?.as_deref() == comment
            }
            None => false,
        };
        if !same {
            let event = OutboxEvent::TicketRated(RatingEvent {
                score: draft.score,
                comment: comment.map(str::to_string),
            });
            enqueue(&mut tx, &ticket_id, deliver_to, &event, now).await?;
        }
        sqlx::query(
            "INSERT INTO ticket_ratings (ticket_id, score, comment, rated_at, updated_at) \
             VALUES ($1, $2, $3, $4, $4) \
             ON CONFLICT (ticket_id) DO UPDATE SET score = $2, comment = $3, updated_at = $4",
        )
        .bind(&ticket_id)
        .bind(draft.score.as_str())
        .bind(comment)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Changed::Done(Ok(Rating {
            score: draft.score,
            comment: comment.map(str::to_string),
            rated_at: rfc3339(first.unwrap_or(now)),
        })))
    }

    /// Satisfaction ratings first given at or after `since` (Unix ms), by their current score:
    /// `(good, bad)` (`koban report`).
    pub async fn rating_counts(&self, since: i64) -> Result<(i64, i64), StoreError> {
        let row = sqlx::query(
            "SELECT COALESCE(SUM(CASE WHEN score = 'good' THEN 1 ELSE 0 END), 0) AS good, \
             COALESCE(SUM(CASE WHEN score = 'bad' THEN 1 ELSE 0 END), 0) AS bad \
             FROM ticket_ratings WHERE rated_at >= $1",
        )
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        Ok((row.try_get("good")?, row.try_get("bad")?))
    }

    /// The rating of the ticket with id `ticket_id`, if any.
    pub async fn rating_of(&self, ticket_id: &str) -> Result<Option<Rating>, StoreError> {
        let row =
            sqlx::query("SELECT score, comment, rated_at FROM ticket_ratings WHERE ticket_id = $1")
                .bind(ticket_id)
                .fetch_optional(&self.pool)
                .await?;
        let Some(row) = row else { return Ok(None) };
        let score: String = row.try_get("score")?;
        Ok(Some(Rating {
            score: Score::from_wire(&score).ok_or(StoreError::Corrupt("rating score"))?,
            comment: row.try_get("comment")?,
            rated_at: rfc3339(row.try_get("rated_at")?),
        }))
    }

    /// Moves the user's read mark of the ticket with id `ticket_id` forward to `at` (Unix ms);
    /// a mark never moves back.
    pub async fn mark_read(&self, ticket_id: &str, at: i64) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE tickets SET read_at = $1 WHERE id = $2 AND read_at < $1")
            .bind(at)
            .bind(ticket_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The thread of `ticket` as its user sees it: the original message, public messages,
    /// status changes, in time order, with the rating and the unread count.
    pub async fn thread(&self, ticket: &TicketRecord) -> Result<Thread, StoreError> {
        let replies = self.replies_of(&ticket.id, true).await?;
        let mut files = self.attachments_of(&ticket.id).await?;
        let mut entries = vec![ThreadEntry::Message {
            author: Author::User,
            body: ticket.description.clone(),
            attachments: take_files(&mut files, None),
            created_at: ticket.created_at.clone(),
        }];
        let mut timed: Vec<(i64, ThreadEntry)> = replies
            .iter()
            .map(|r| {
                (
                    r.created_ms,
                    message_entry(r, take_files(&mut files, Some(&r.id))),
                )
            })
            .collect();
        let changes = sqlx::query(
            "SELECT from_status, to_status, created_at FROM ticket_status_changes \
             WHERE ticket_id = $1 ORDER BY created_at, id",
        )
        .bind(&ticket.id)
        .fetch_all(&self.pool)
        .await?;
        for row in changes {
            let status = |col: &str| -> Result<Status, StoreError> {
                let s: String = row.try_get(col)?;
                Status::from_wire(&s).ok_or(StoreError::Corrupt("status change"))
            };
            let at: i64 = row.try_get("created_at")?;
            let entry = ThreadEntry::StatusChange {
                from: status("from_status")?,
                to: status("to_status")?,
                at: rfc3339(at),
            };
            timed.push((at, entry));
        }
        // Stable: a status change caused by a message sorts after it (same millisecond).
        timed.sort_by_key(|(at, _)| *at);
        entries.extend(timed.into_iter().map(|(_, e)| e));
        let read_at: i64 = sqlx::query("SELECT read_at FROM tickets WHERE id = $1")
            .bind(&ticket.id)
            .fetch_one(&self.pool)
            .await?
            .try_get("read_at")?;
        let mark = (read_at > 0).then(|| rfc3339(read_at));
        Ok(Thread {
            reference: ticket.reference.clone(),
            subject: ticket.subject.clone(),
            status: Status::from_wire(&ticket.status)
                .ok_or(StoreError::Corrupt("ticket status"))?,
            created_at: ticket.created_at.clone(),
            updated_at: ticket.updated_at.clone(),
            unread: unread_count(&entries, mark.as_deref()),
            entries,
            rating: self.rating_of(&ticket.id).await?,
        })
    }

    /// Closes every ticket answered more than `days` days before `now` (Unix ms) with no
    /// follow-up since (koban-core's [`due_for_auto_close`]); returns their references.
    pub async fn auto_close(&self, now: i64, days: u32) -> Result<Vec<String>, StoreError> {
        if days == 0 {
            return Ok(Vec::new());
        }
        let cutoff = now - i64::from(days) * 86_400_000;
        let rows = sqlx::query(
            "SELECT t.reference AS reference, \
             (SELECT MAX(created_at) FROM ticket_replies r WHERE r.ticket_id = t.id \
                AND r.public = 1 AND r.author = 'agent') AS last_reply, \
             (SELECT MAX(created_at) FROM ticket_replies r WHERE r.ticket_id = t.id \
                AND r.author = 'user') AS last_user \
             FROM tickets t WHERE t.status = 'answered' AND t.updated_at <= $1",
        )
        .bind(cutoff)
        .fetch_all(&self.pool)
        .await?;
        let mut closed = Vec::new();
        for row in rows {
            let last_reply: Option<i64> = row.try_get("last_reply")?;
            let last_user: Option<i64> = row.try_get("last_user")?;
            let secs = |ms: Option<i64>| ms.map(|ms| ms / 1000);
            if due_for_auto_close(
                Status::Answered,
                secs(last_reply),
                secs(last_user),
                now / 1000,
                days,
            ) {
                let reference: String = row.try_get("reference")?;
                if let Changed::Done(Status::Closed) = self
                    .apply_status_event(&reference, Event::AutoClose)
                    .await?
                {
                    closed.push(reference);
                }
            }
        }
        Ok(closed)
    }
}

/// The thread entry of a stored public message.
fn message_entry(r: &ReplyRecord, attachments: Vec<ThreadAttachment>) -> ThreadEntry {
    ThreadEntry::Message {
        author: match &r.author {
            MessageAuthor::User => Author::User,
            MessageAuthor::Agent(name) => Author::Agent { name: name.clone() },
        },
        body: r.body.clone(),
        attachments,
        created_at: r.created_at.clone(),
    }
}

/// Takes the files of message `reply_id` (`None`: the original message) out of `files`.
fn take_files(
    files: &mut Vec<super::attachments::AttachmentRecord>,
    reply_id: Option<&str>,
) -> Vec<ThreadAttachment> {
    let (mine, rest) = std::mem::take(files)
        .into_iter()
        .partition(|f| f.reply_id.as_deref() == reply_id);
    *files = rest;
    mine.into_iter()
        .map(|f: super::attachments::AttachmentRecord| ThreadAttachment {
            id: f.id,
            filename: f.filename,
            content_type: f.content_type,
            size: u64::try_from(f.size).unwrap_or(0),
        })
        .collect()
}
