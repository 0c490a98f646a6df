//! The ticket thread as its submitter reads it (`GET /api/v1/tickets/{reference}` with the
//! access token from creation): status, subject, the conversation (the user's messages,
//! support's public replies and status changes, [`crate::conversation`]) with its rating and
//! unread count, and `replies` (support's public replies alone, as before conversations).
//!
//! ```
//! use koban_core::ticket::thread::PublicTicket;
//! let json = r#"{"id":"tkt_1","reference":"KB-7F3K-92QD","status":"answered","subject":"Help",
//!     "createdAt":"2025-01-01T00:00:00Z","updatedAt":"2025-01-02T00:00:00Z",
//!     "replies":[{"body":"Fixed.","createdAt":"2025-01-02T00:00:00Z"}]}"#;
//! let ticket: PublicTicket = serde_json::from_str(json).unwrap();
//! assert_eq!(ticket.replies[0].body, "Fixed.");
//! ```

use serde::{Deserialize, Serialize};

use crate::conversation::{Rating, ThreadEntry};

/// What the submitter sees of their ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PublicTicket {
    /// Opaque id.
    pub id: String,
    /// Reference.
    pub reference: String,
    /// `open` (waiting for support), `answered` (support replied), `solved` (by the user) or
    /// `closed` ([`crate::conversation::Status`]).
    #[cfg_attr(
        feature = "openapi",
        schema(example = "answered", pattern = "^(open|answered|solved|closed)$")
    )]
    pub status: String,
    /// Subject as submitted.
    pub subject: String,
    /// RFC 3339 creation time.
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub created_at: String,
    /// RFC 3339 time of the last change.
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub updated_at: String,
    /// Public replies from support, oldest first (internal notes are never included).
    pub replies: Vec<PublicReply>,
    /// The conversation, oldest first: the original message, the user's follow-ups, support's
    /// public replies (with the agent's name) and status changes.
    #[serde(default)]
    pub entries: Vec<ThreadEntry>,
    /// The satisfaction rating, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// Replies from support the user has not marked read.
    #[serde(default)]
    pub unread: u32,
}

/// A reply from support, as the submitter sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PublicReply {
    /// Text as the agent wrote it (plain text: escape it wherever it is shown).
    pub body: String,
    /// RFC 3339 time of the reply.
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub created_at: String,
}
