//! Conversations: every ticket is a thread its user follows in the widget. This module holds the
//! pure rules both sides share; the server stores and serves them, the widget shows them.
//!
//! - [`status`](mod@status): [`Status`] (`open`, `answered`, `solved`, `closed`), the state
//!   machine [`Status::apply`] over [`Event`]s and the auto-close rule [`due_for_auto_close`].
//! - [`rating`]: the satisfaction question (good / bad, optional comment), when it is asked and
//!   for how long it can be changed.
//! - [`thread`]: the wire shapes [`Thread`], [`ThreadEntry`] and [`RequestSummary`], and read
//!   marks ([`unread_count`], [`badge_count`]).
//! - [`follow_up`]: the user's follow-up message and the requests a page follows.
//! - [`reply_box`]: the reply box's drafts and frozen follow-ups (the widget's outbox).
//! - [`relative`]: "3 minutes ago" as a unit and a count for Fluent ([`relative_time`]).
//!
//! ```
//! use koban_core::conversation::{Event, Status};
//! let mut status = Status::Open;
//! for event in [Event::PublicReply, Event::SolvedByUser, Event::UserFollowUp] {
//!     status = status.apply(event).unwrap();
//! }
//! assert_eq!(status, Status::Open);
//! ```

#[cfg(feature = "mail")]
pub mod email_text;
pub mod follow_up;
pub mod rating;
pub mod relative;
pub mod reply_box;
pub mod status;
pub mod thread;

pub use rating::{Rating, RatingDraft, RatingRefused, Score};
pub use relative::{RelativeTime, TimeUnit, relative_time, rfc3339_to_unix_ms};
pub use status::{AUTO_CLOSE_DAYS, Event, Refused, Status, due_for_auto_close};
pub use thread::{
    Author, RequestSummary, Thread, ThreadAttachment, ThreadEntry, badge_count, unread_count,
};
