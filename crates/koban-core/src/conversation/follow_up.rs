//! What the user sends to continue a conversation: a follow-up message (`POST
//! /api/v1/tickets/{reference}/messages`), validated with the ticket's own limits so a follow-up
//! can say as much as the first message, and the list of requests a page follows (the badge and
//! the live stream), each with the access token that proves it is the user's.

use serde::{Deserialize, Serialize};

use crate::ticket::{ErrorCode, FieldErrors, TicketLimits};

/// Most requests one page may follow at once (the badge, the live stream).
pub const FOLLOWED_MAX: usize = 50;

/// A follow-up: `{ "body": "It happened again.", "attachments": ["att_…"] }`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FollowUpDraft {
    /// The text (plain text).
    pub body: String,
    /// Upload ids from `POST /api/v1/attachments`, as for a ticket.
    #[serde(default)]
    pub attachments: Vec<String>,
}

/// Checks a follow-up: `body` required, at most the ticket's `description_max` characters, no
/// NUL; at most `attachments_max` files.
///
/// ```
/// use koban_core::conversation::follow_up::{validate_follow_up, FollowUpDraft};
/// use koban_core::ticket::{ErrorCode, TicketLimits};
/// let limits = TicketLimits::default();
/// let draft = FollowUpDraft { body: "  ".into(), attachments: vec![] };
/// assert!(validate_follow_up(&draft, &limits).unwrap_err().has("body", ErrorCode::Required));
/// let draft = FollowUpDraft { body: "Still broken".into(), attachments: vec![] };
/// assert!(validate_follow_up(&draft, &limits).is_ok());
/// ```
pub fn validate_follow_up(draft: &FollowUpDraft, limits: &TicketLimits) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::default();
    errors.text("body", &draft.body, true, limits.description_max);
    if draft.attachments.len() > limits.attachments_max {
        errors.too_long("attachments", limits.attachments_max);
    }
    if draft.attachments.iter().any(|a| a.contains('\0')) {
        errors.push("attachments", ErrorCode::InvalidCharacter);
    }
    if errors.0.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// One request a page follows, with its access token (from the ticket's 201).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FollowedRequest {
    /// Reference, e.g. `KB-7F3K-92QD`.
    pub reference: String,
    /// The ticket's access token.
    pub token: String,
}

/// The requests a page follows: `{ "tickets": [...] }` (at most [`FOLLOWED_MAX`]). Sent in a
/// POST body, never in a URL, because it carries access tokens.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Followed {
    /// The requests, each with its token.
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub tickets: Vec<FollowedRequest>,
}

impl Followed {
    /// The followed requests in `json` (from local storage, [`crate::decode`]'s reader); none
    /// when it is not theirs.
    pub fn from_json(json: &str) -> Self {
        crate::decode::followed_from_json(json).unwrap_or_default()
    }

    /// Follows `reference` with `token`, newest first; the oldest beyond [`FOLLOWED_MAX`] are
    /// dropped, and a reference followed already moves to the front with the new token.
    ///
    /// ```
    /// use koban_core::conversation::follow_up::Followed;
    /// let mut followed = Followed::default();
    /// followed.add("KB-1111-1111", "t1");
    /// followed.add("KB-2222-2222", "t2");
    /// followed.add("KB-1111-1111", "t3");
    /// assert_eq!(followed.tickets[0].token, "t3");
    /// assert_eq!(followed.tickets.len(), 2);
    /// assert_eq!(followed.token_of("KB-2222-2222"), Some("t2"));
    /// ```
    pub fn add(&mut self, reference: &str, token: &str) {
        self.tickets.retain(|t| t.reference != reference);
        self.tickets.insert(
            0,
            FollowedRequest {
                reference: reference.to_string(),
                token: token.to_string(),
            },
        );
        self.tickets.truncate(FOLLOWED_MAX);
    }

    /// The access token of `reference`, when it is followed.
    pub fn token_of(&self, reference: &str) -> Option<&str> {
        self.tickets
            .iter()
            .find(|t| t.reference == reference)
            .map(|t| t.token.as_str())
    }
}

/// Unread replies per followed request, and the badge count.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Unread {
    /// How many followed requests have unread replies (what the launcher badge shows).
    pub count: u32,
    /// The followed requests that exist and whose token matches, with their unread replies.
    pub requests: Vec<super::RequestSummary>,
}
