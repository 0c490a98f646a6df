//! The status of a request as a pure state machine: [`Status::apply`] takes an [`Event`] to the
//! next status, and [`due_for_auto_close`] says when the auto-close sweep may close one.
//!
//! The rules (every `(status, event)` pair is listed in [`Status::apply`]):
//! - a public reply from support answers an open request (`open` → `answered`);
//! - a follow-up from the user always leaves the request `open`: it asks support again, and it
//!   reopens a `solved` or `closed` one;
//! - the user can mark a request `solved` ("This solved my problem");
//! - an agent can close it, and the sweep closes an `answered` request nobody followed up on for
//!   [`AUTO_CLOSE_DAYS`] days (the `auto_close_days` setting);
//! - `solved` and `closed` are left only through a follow-up; internal notes never change
//!   anything.
//!
//! The wire names (`open`, `answered`, `solved`, `closed`) are what the server stores in
//! `tickets.status` and sends in every thread and list.
//!
//! ```
//! use koban_core::conversation::{Event, Status};
//! let s = Status::Open.apply(Event::PublicReply).unwrap();
//! assert_eq!(s, Status::Answered);
//! assert_eq!(s.apply(Event::UserFollowUp), Ok(Status::Open));
//! assert!(Status::Open.apply(Event::AutoClose).is_err());
//! ```

use serde::{Deserialize, Serialize};

/// Days an `answered` request waits for a follow-up before the sweep closes it (the default of
/// the `auto_close_days` setting).
pub const AUTO_CLOSE_DAYS: u32 = 7;

const DAY: i64 = 86_400;

/// Where a request stands, as the user and support see it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Waiting for support: new, or the user wrote after the last reply.
    Open,
    /// Support replied; waiting for the user.
    Answered,
    /// The user said the problem is solved.
    Solved,
    /// Closed by an agent, or automatically after an answer with no follow-up.
    Closed,
}

impl Status {
    /// Every status, in the order a request usually goes through them.
    pub const ALL: [Status; 4] = [
        Status::Open,
        Status::Answered,
        Status::Solved,
        Status::Closed,
    ];

    /// The stable wire name: `open`, `answered`, `solved` or `closed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Answered => "answered",
            Status::Solved => "solved",
            Status::Closed => "closed",
        }
    }

    /// The status with wire name `name` (the inverse of [`as_str`](Self::as_str)), e.g. from the
    /// `tickets.status` column.
    ///
    /// ```
    /// use koban_core::conversation::Status;
    /// assert_eq!(Status::from_wire("answered"), Some(Status::Answered));
    /// assert_eq!(Status::from_wire("Answered"), None);
    /// ```
    pub fn from_wire(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// Whether the request is finished (`solved` or `closed`): the satisfaction question is
    /// asked, and only a follow-up changes the status.
    pub fn is_finished(self) -> bool {
        matches!(self, Status::Solved | Status::Closed)
    }

    /// The status after `event`. `Err` only for an auto-close of a request that is not
    /// `answered` (the sweep found it answered, but a follow-up or an agent came first: it must
    /// leave it alone). Every other pair is total; a pair that changes nothing returns `self`,
    /// so a retried request is harmless.
    ///
    /// | from \ event | public reply | internal note | user follow-up | solved by user | closed by agent | auto-close |
    /// |---|---|---|---|---|---|---|
    /// | open     | answered | open     | open | solved | closed | refused |
    /// | answered | answered | answered | open | solved | closed | closed  |
    /// | solved   | solved   | solved   | open | solved | solved | refused |
    /// | closed   | closed   | closed   | open | closed | closed | refused |
    ///
    /// - A reply to a finished request is shown in the thread but does not reopen it: only the
    ///   user does that, by writing.
    /// - Closing a `solved` request keeps `solved`: the user's own word is the stronger fact.
    /// - "Solved" on a `closed` request keeps `closed` (a view that was stale when the sweep
    ///   closed it): it is finished either way, and the rating is asked either way.
    pub fn apply(self, event: Event) -> Result<Status, Refused> {
        use Event::*;
        use Status::*;
        match (self, event) {
            (_, InternalNote) => Ok(self),
            (_, UserFollowUp) => Ok(Open),
            (Open | Answered, PublicReply) => Ok(Answered),
            (Open | Answered | Solved, SolvedByUser) => Ok(Solved),
            (Open | Answered | Closed, ClosedByAgent) => Ok(Closed),
            (Answered, AutoClose) => Ok(Closed),
            (Solved | Closed, PublicReply) | (Closed, SolvedByUser) | (Solved, ClosedByAgent) => {
                Ok(self)
            }
            (Open | Solved | Closed, AutoClose) => Err(Refused { from: self, event }),
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something that happens to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Event {
    /// Support answered the user (`koban tickets reply`, the admin API).
    PublicReply,
    /// Support wrote a note only agents see.
    InternalNote,
    /// The user wrote again in the thread.
    UserFollowUp,
    /// The user pressed "This solved my problem".
    SolvedByUser,
    /// An agent closed the request.
    ClosedByAgent,
    /// The sweep closes an answered request with no follow-up (see [`due_for_auto_close`]).
    AutoClose,
}

impl Event {
    /// Every event.
    pub const ALL: [Event; 6] = [
        Event::PublicReply,
        Event::InternalNote,
        Event::UserFollowUp,
        Event::SolvedByUser,
        Event::ClosedByAgent,
        Event::AutoClose,
    ];
}

/// An event that does not apply to a request in its status (see [`Status::apply`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{event:?} does not apply to a request that is {from}")]
pub struct Refused {
    /// The status the request was in (and stays in).
    pub from: Status,
    /// The event refused.
    pub event: Event,
}

/// Whether the sweep may close a request now: it is `answered`, support's last public reply is
/// at least `days` days old (`days * 86 400` seconds, no calendar), and the user has not
/// written since (a message in the same second as the reply counts as a follow-up). Times are
/// Unix seconds. `days == 0` turns auto-close off; a reply "in the future" (clock skew between
/// replicas) is never due.
///
/// ```
/// use koban_core::conversation::{due_for_auto_close, Status, AUTO_CLOSE_DAYS};
/// let reply = 1_000_000;
/// let week = 7 * 86_400;
/// assert!(due_for_auto_close(Status::Answered, Some(reply), Some(reply - 60), reply + week, AUTO_CLOSE_DAYS));
/// assert!(!due_for_auto_close(Status::Answered, Some(reply), Some(reply - 60), reply + week - 1, AUTO_CLOSE_DAYS));
/// assert!(!due_for_auto_close(Status::Open, Some(reply), Some(reply - 60), reply + week, AUTO_CLOSE_DAYS));
/// ```
pub fn due_for_auto_close(
    status: Status,
    last_public_reply_at: Option<i64>,
    last_user_message_at: Option<i64>,
    now: i64,
    days: u32,
) -> bool {
    let Some(reply) = last_public_reply_at else {
        return false;
    };
    status == Status::Answered
        && days > 0
        && last_user_message_at.is_none_or(|user| user < reply)
        && now.saturating_sub(reply) >= i64::from(days) * DAY
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_are_the_stored_strings() {
        for s in Status::ALL {
            let json = serde_json::to_value(s).unwrap();
            assert_eq!(json, serde_json::Value::String(s.as_str().into()));
            assert_eq!(serde_json::from_value::<Status>(json).unwrap(), s);
            assert_eq!(Status::from_wire(&s.to_string()), Some(s));
        }
        // What the server stores today stays readable.
        for stored in ["open", "answered", "closed"] {
            assert!(Status::from_wire(stored).is_some());
        }
        assert_eq!(Status::from_wire("pending"), None);
    }

    #[test]
    fn the_table_holds() {
        use Event::*;
        use Status::*;
        let expect = |from: Status, row: [Option<Status>; 6]| {
            for (event, to) in Event::ALL.into_iter().zip(row) {
                assert_eq!(from.apply(event).ok(), to, "{from} on {event:?}");
            }
        };
        let s = Some;
        expect(
            Open,
            [s(Answered), s(Open), s(Open), s(Solved), s(Closed), None],
        );
        expect(
            Answered,
            [
                s(Answered),
                s(Answered),
                s(Open),
                s(Solved),
                s(Closed),
                s(Closed),
            ],
        );
        expect(
            Solved,
            [s(Solved), s(Solved), s(Open), s(Solved), s(Solved), None],
        );
        expect(
            Closed,
            [s(Closed), s(Closed), s(Open), s(Closed), s(Closed), None],
        );
        let refused = Open.apply(AutoClose).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "AutoClose does not apply to a request that is open"
        );
    }

    #[test]
    fn auto_close_boundaries() {
        let reply = 10 * DAY;
        let due =
            |status, user, now, days| due_for_auto_close(status, Some(reply), user, now, days);
        assert!(due(Status::Answered, None, reply + 7 * DAY, 7));
        assert!(!due(Status::Answered, None, reply + 7 * DAY - 1, 7));
        assert!(due(Status::Answered, None, reply + DAY, 1));
        // Off, and never for a follow-up at or after the reply.
        assert!(!due(Status::Answered, None, reply + 100 * DAY, 0));
        assert!(!due(Status::Answered, Some(reply), reply + 8 * DAY, 7));
        assert!(!due(Status::Answered, Some(reply + 5), reply + 8 * DAY, 7));
        assert!(due(Status::Answered, Some(reply - 1), reply + 8 * DAY, 7));
        // Never without a reply, never in the past of the reply, never when not answered.
        assert!(!due_for_auto_close(
            Status::Answered,
            None,
            None,
            i64::MAX,
            7
        ));
        assert!(!due(Status::Answered, None, reply - 8 * DAY, 7));
        assert!(!due(Status::Answered, None, i64::MIN, 7));
        for s in [Status::Open, Status::Solved, Status::Closed] {
            assert!(!due(s, None, reply + 8 * DAY, 7));
        }
        assert!(due(Status::Answered, None, i64::MAX, u32::MAX));
    }
}
