//! The satisfaction question: once a request is finished (`solved` or `closed`) the user is asked
//! once "good or bad?", with an optional comment, and may change the answer for
//! [`CHANGE_DAYS`] days after the first one.
//!
//! - [`RatingDraft`]: the body of `PUT /api/v1/tickets/{reference}/rating`, checked by
//!   [`validate_rating`] in the widget and on the server, with the ticket's
//!   [`FieldErrors`] and [`ErrorCode`]s.
//! - [`may_rate`]: whether a rating (first or changed) is accepted now; [`should_ask`]: whether
//!   the widget shows the question.
//! - [`Rating`]: the stored rating as the thread carries it.
//!
//! ```
//! use koban_core::conversation::rating::{may_rate, RatingRefused, CHANGE_DAYS};
//! use koban_core::conversation::Status;
//! let first = 1_000_000;
//! assert_eq!(may_rate(Status::Open, None, first), Err(RatingRefused::NotFinished));
//! assert_eq!(may_rate(Status::Solved, None, first), Ok(()));
//! let later = first + i64::from(CHANGE_DAYS) * 86_400;
//! assert_eq!(may_rate(Status::Solved, Some(first), later - 1), Ok(()));
//! assert_eq!(may_rate(Status::Solved, Some(first), later), Err(RatingRefused::Locked));
//! ```

use serde::{Deserialize, Serialize};

use super::status::Status;
use crate::ticket::{ErrorCode, FieldError, FieldErrors};

/// Days after the first rating during which the user may change it.
pub const CHANGE_DAYS: u32 = 7;
/// Longest comment, in characters.
pub const COMMENT_MAX: usize = 2_000;

/// The answer to "Did we solve your problem well?".
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Score {
    /// Satisfied.
    Good,
    /// Not satisfied.
    Bad,
}

impl Score {
    /// The stable wire name: `good` or `bad`.
    pub fn as_str(self) -> &'static str {
        match self {
            Score::Good => "good",
            Score::Bad => "bad",
        }
    }

    /// The score with wire name `name`.
    pub fn from_wire(name: &str) -> Option<Score> {
        [Score::Good, Score::Bad]
            .into_iter()
            .find(|s| s.as_str() == name)
    }
}

/// What the user sends: `{ "score": "bad", "comment": "Took a week." }`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RatingDraft {
    /// Good or bad.
    pub score: Score,
    /// Optional free text, at most [`COMMENT_MAX`] characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl RatingDraft {
    /// The comment trimmed, `None` when absent or blank (what the server stores).
    pub fn comment(&self) -> Option<&str> {
        self.comment
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
    }
}

/// A request's rating, as the thread carries it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rating {
    /// The latest score.
    pub score: Score,
    /// The latest comment, if any (plain text: escape it wherever it is shown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// RFC 3339 time of the first rating: the change window counts from it, and a change does
    /// not move it.
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub rated_at: String,
}

/// Checks a rating's comment: at most [`COMMENT_MAX`] characters (`too_long` with `max`) and no
/// NUL (`invalid_character`), on the field `comment`. A blank comment is no comment.
///
/// ```
/// use koban_core::conversation::rating::{validate_rating, RatingDraft, Score, COMMENT_MAX};
/// use koban_core::ticket::ErrorCode;
/// let mut draft = RatingDraft { score: Score::Good, comment: Some("Thanks!".into()) };
/// assert!(validate_rating(&draft).is_ok());
/// draft.comment = Some("x".repeat(COMMENT_MAX + 1));
/// assert!(validate_rating(&draft).unwrap_err().has("comment", ErrorCode::TooLong));
/// ```
pub fn validate_rating(draft: &RatingDraft) -> Result<(), FieldErrors> {
    let Some(comment) = draft.comment.as_deref() else {
        return Ok(());
    };
    let (code, max) = if comment.chars().count() > COMMENT_MAX {
        (ErrorCode::TooLong, Some(COMMENT_MAX))
    } else if comment.contains('\0') {
        (ErrorCode::InvalidCharacter, None)
    } else {
        return Ok(());
    };
    Err(FieldErrors(vec![FieldError {
        field: "comment".into(),
        code,
        max,
    }]))
}

/// Why a rating is not accepted now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RatingRefused {
    /// The request is not `solved` or `closed` (it may have been reopened by a follow-up).
    #[error("the request is not solved or closed")]
    NotFinished,
    /// More than [`CHANGE_DAYS`] days since the first rating.
    #[error("the rating can no longer be changed")]
    Locked,
}

impl RatingRefused {
    /// The stable code the server's problem details carry: `not_finished` or `rating_locked`.
    pub fn code(self) -> &'static str {
        match self {
            RatingRefused::NotFinished => "not_finished",
            RatingRefused::Locked => "rating_locked",
        }
    }
}

/// The first second at which a rating first given at `first_rated_at` (Unix seconds) can no
/// longer be changed.
pub fn changeable_until(first_rated_at: i64) -> i64 {
    first_rated_at.saturating_add(i64::from(CHANGE_DAYS) * 86_400)
}

/// Whether a rating is accepted at `now` (Unix seconds) for a request in `status`, rated first
/// at `first_rated_at` (`None`: never rated). A first rating needs a finished request; a change
/// needs one too, and must come before [`changeable_until`].
pub fn may_rate(
    status: Status,
    first_rated_at: Option<i64>,
    now: i64,
) -> Result<(), RatingRefused> {
    if !status.is_finished() {
        Err(RatingRefused::NotFinished)
    } else if first_rated_at.is_some_and(|first| now >= changeable_until(first)) {
        Err(RatingRefused::Locked)
    } else {
        Ok(())
    }
}

/// Whether the widget asks the satisfaction question: the request is finished, has no rating,
/// and the question was not shown before (`asked`, remembered by the widget): asked once, never
/// again after a dismissal. A given rating is shown instead, with "change" while
/// [`may_rate`] allows it.
pub fn should_ask(status: Status, rating: Option<&Rating>, asked: bool) -> bool {
    status.is_finished() && rating.is_none() && !asked
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wire_shapes() {
        let draft: RatingDraft = serde_json::from_value(json!({ "score": "bad" })).unwrap();
        assert_eq!(draft.score, Score::Bad);
        assert_eq!(draft.comment(), None);
        let blank = RatingDraft {
            score: Score::Good,
            comment: Some("  \n ".into()),
        };
        assert_eq!(blank.comment(), None);
        assert!(validate_rating(&blank).is_ok());
        let rating = Rating {
            score: Score::Good,
            comment: None,
            rated_at: "2026-01-01T00:00:00.000Z".into(),
        };
        assert_eq!(
            serde_json::to_value(&rating).unwrap(),
            json!({ "score": "good", "ratedAt": "2026-01-01T00:00:00.000Z" })
        );
        assert_eq!(Score::from_wire("good"), Some(Score::Good));
        assert_eq!(Score::from_wire("meh"), None);
        assert!(serde_json::from_value::<RatingDraft>(json!({ "score": "meh" })).is_err());
    }

    #[test]
    fn comment_limits() {
        let with = |c: String| RatingDraft {
            score: Score::Bad,
            comment: Some(c),
        };
        assert!(validate_rating(&with("é".repeat(COMMENT_MAX))).is_ok());
        let long = validate_rating(&with("é".repeat(COMMENT_MAX + 1))).unwrap_err();
        assert_eq!(long.0.len(), 1);
        assert_eq!(long.0[0].max, Some(COMMENT_MAX));
        let nul = validate_rating(&with("a\0b".into())).unwrap_err();
        assert!(nul.has("comment", ErrorCode::InvalidCharacter));
    }

    #[test]
    fn only_finished_requests_are_rated_and_changes_end_after_a_week() {
        let first = 5_000_000;
        let until = changeable_until(first);
        assert_eq!(until - first, 7 * 86_400);
        for s in [Status::Open, Status::Answered] {
            assert_eq!(may_rate(s, None, first), Err(RatingRefused::NotFinished));
            assert_eq!(
                may_rate(s, Some(first), first + 1),
                Err(RatingRefused::NotFinished)
            );
        }
        for s in [Status::Solved, Status::Closed] {
            assert_eq!(may_rate(s, None, i64::MAX), Ok(()));
            assert_eq!(may_rate(s, Some(first), first), Ok(()));
            assert_eq!(may_rate(s, Some(first), until - 1), Ok(()));
            assert_eq!(may_rate(s, Some(first), until), Err(RatingRefused::Locked));
        }
        assert_eq!(changeable_until(i64::MAX), i64::MAX);
        assert_eq!(RatingRefused::Locked.code(), "rating_locked");
    }

    #[test]
    fn asked_once() {
        let rating = Rating {
            score: Score::Bad,
            comment: Some("slow".into()),
            rated_at: "2026-01-01T00:00:00Z".into(),
        };
        assert!(should_ask(Status::Solved, None, false));
        assert!(should_ask(Status::Closed, None, false));
        assert!(!should_ask(Status::Solved, None, true));
        assert!(!should_ask(Status::Solved, Some(&rating), false));
        assert!(!should_ask(Status::Answered, None, false));
        assert!(!should_ask(Status::Open, None, false));
    }
}
