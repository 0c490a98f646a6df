//! The wire shape of a conversation, shared by the server (which builds it) and the widget (which
//! shows it): [`Thread`] for `GET /api/v1/tickets/{reference}`, [`RequestSummary`] for the
//! "Your requests" list, and read marks ([`unread_count`], [`badge_count`]).
//!
//! ```json
//! { "reference": "KB-7F3K-92QD", "subject": "Payout missing", "status": "answered",
//!   "createdAt": "2026-03-01T10:00:00.000Z", "updatedAt": "2026-03-01T11:30:00.000Z",
//!   "entries": [
//!     { "kind": "message", "author": { "role": "user" }, "body": "My payout is missing.",
//!       "attachments": [ { "id": "att_…", "filename": "node.log", "contentType": "text/plain",
//!                          "size": 5120 } ],
//!       "createdAt": "2026-03-01T10:00:00.000Z" },
//!     { "kind": "message", "author": { "role": "agent", "name": "Aiko" }, "body": "Fixed.",
//!       "attachments": [], "createdAt": "2026-03-01T11:30:00.000Z" },
//!     { "kind": "status", "from": "open", "to": "answered", "at": "2026-03-01T11:30:00.000Z" }
//!   ],
//!   "unread": 1 }
//! ```
//!
//! Only what the user may see goes in: internal notes never appear. Bodies are plain text, shown
//! escaped. Times are RFC 3339, as the server writes them (UTC, milliseconds).

use serde::{Deserialize, Serialize};

use super::rating::Rating;
use super::relative::rfc3339_to_unix_ms;
use super::status::Status;

/// Who wrote a message.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "lowercase")]
pub enum Author {
    /// The person who filed the request.
    User,
    /// Someone from support.
    Agent {
        /// The agent's display name; absent when the reply came without one (the widget then
        /// says "Support" in the user's language).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
}

/// A file attached to a message (the fields of an upload's 201 body).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ThreadAttachment {
    /// Upload id (`att_` + 32 hex digits).
    pub id: String,
    /// The uploader's file name (display only).
    pub filename: String,
    /// The sniffed media type.
    pub content_type: String,
    /// Size in bytes.
    pub size: u64,
}

/// One item of a thread, in time order: a message or a status change.
// Fields are renamed per variant: utoipa reads a variant's `rename_all`, not the enum's
// `rename_all_fields`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ThreadEntry {
    /// The user's first message or a follow-up, or a public reply from support.
    #[serde(rename_all = "camelCase")]
    Message {
        /// Who wrote it.
        author: Author,
        /// Plain text as written: escape it wherever it is shown.
        body: String,
        /// Attached files, in the order given.
        #[serde(default)]
        attachments: Vec<ThreadAttachment>,
        /// RFC 3339 time it was stored.
        #[cfg_attr(feature = "openapi", schema(format = DateTime))]
        created_at: String,
    },
    /// The status changed (see [`Status::apply`]).
    #[serde(rename = "status", rename_all = "camelCase")]
    StatusChange {
        /// The status before.
        from: Status,
        /// The status after.
        to: Status,
        /// RFC 3339 time of the change.
        #[cfg_attr(feature = "openapi", schema(format = DateTime))]
        at: String,
    },
}

impl ThreadEntry {
    /// The entry's RFC 3339 time (`createdAt` or `at`).
    pub fn time(&self) -> &str {
        match self {
            ThreadEntry::Message { created_at, .. } => created_at,
            ThreadEntry::StatusChange { at, .. } => at,
        }
    }

    /// Whether this is a message from support.
    pub fn is_agent_message(&self) -> bool {
        matches!(
            self,
            ThreadEntry::Message {
                author: Author::Agent { .. },
                ..
            }
        )
    }
}

/// A request with its whole conversation, as its user sees it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Thread {
    /// Reference, e.g. `KB-7F3K-92QD`.
    pub reference: String,
    /// Subject as submitted.
    pub subject: String,
    /// Current status.
    pub status: Status,
    /// RFC 3339 creation time.
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub created_at: String,
    /// RFC 3339 time of the last message or status change.
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub updated_at: String,
    /// Messages and status changes, oldest first; the first is the user's original message.
    pub entries: Vec<ThreadEntry>,
    /// The satisfaction rating, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// Replies from support the user has not read (see [`unread_count`]).
    #[serde(default)]
    pub unread: u32,
}

/// One row of "Your requests".
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestSummary {
    /// Reference, e.g. `KB-7F3K-92QD`.
    pub reference: String,
    /// Subject as submitted.
    pub subject: String,
    /// Current status.
    pub status: Status,
    /// RFC 3339 time of the last message or status change.
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub updated_at: String,
    /// Replies from support the user has not read.
    #[serde(default)]
    pub unread: u32,
}

impl Thread {
    /// The thread's row in "Your requests".
    pub fn summary(&self) -> RequestSummary {
        RequestSummary {
            reference: self.reference.clone(),
            subject: self.subject.clone(),
            status: self.status,
            updated_at: self.updated_at.clone(),
            unread: self.unread,
        }
    }
}

/// How many messages from support came after the read mark `last_read_at` (RFC 3339; `None`:
/// never read, so all of them). Compared to the millisecond. A mark that does not parse counts
/// as never read, and a message whose time does not parse counts as unread: a reply is never
/// hidden by a bad time.
///
/// ```
/// use koban_core::conversation::{unread_count, Author, ThreadEntry};
/// let reply = |at: &str| ThreadEntry::Message {
///     author: Author::Agent { name: None }, body: "Hi".into(), attachments: vec![], created_at: at.into(),
/// };
/// let entries = [reply("2026-03-01T10:00:00.000Z"), reply("2026-03-01T10:00:00.500Z")];
/// assert_eq!(unread_count(&entries, None), 2);
/// assert_eq!(unread_count(&entries, Some("2026-03-01T10:00:00.000Z")), 1);
/// assert_eq!(unread_count(&entries, Some("2026-03-01T10:00:00.500Z")), 0);
/// ```
pub fn unread_count(entries: &[ThreadEntry], last_read_at: Option<&str>) -> u32 {
    let mark = last_read_at.and_then(rfc3339_to_unix_ms);
    let unread = entries
        .iter()
        .filter(|e| e.is_agent_message())
        .filter(|e| match (mark, rfc3339_to_unix_ms(e.time())) {
            (Some(mark), Some(at)) => at > mark,
            _ => true,
        })
        .count();
    u32::try_from(unread).unwrap_or(u32::MAX)
}

/// The launcher badge: how many requests have unread replies (not how many replies).
pub fn badge_count(requests: &[RequestSummary]) -> u32 {
    let n = requests.iter().filter(|r| r.unread > 0).count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
#[path = "thread_tests.rs"]
mod tests;
