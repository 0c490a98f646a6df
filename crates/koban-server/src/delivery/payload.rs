//! The generic JSON webhook: body and signature.
//!
//! ```text
//! POST <webhook_url>
//! Content-Type: application/json
//! X-Koban-Event: ticket.created | ticket.message | ticket.rated | ticket.replied
//! X-Koban-Delivery: obx_…            (stable across retries: dedupe on it)
//! X-Koban-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes, key = webhook_secret>
//!
//! { "type": "ticket.created", "deliveryId": "obx_…", "attempt": 1,
//!   "ticket": { "id", "reference", "status", "name", "email", "verified", "category",
//!               "subject", "description", "fields", "context", "createdAt", "updatedAt" } }
//! ```
//!
//! The user's follow-up (`ticket.message`) adds
//! `"message": { "id", "body", "createdAt", "attachments": ["att_…"] }`, and a new or changed
//! satisfaction rating (`ticket.rated`) adds `"rating": { "score": "good" | "bad", "comment" }`,
//! and an agent's public reply (`ticket.replied`, sent to the requester by email; a webhook gets
//! it only if a row names it) adds `"reply": { "id", "body", "createdAt", "authorName",
//! "attachments": ["<file name>"], "previous": { "author", "authorName", "body", "createdAt" } }`;
//! `ticket` is the ticket as it is at delivery. The key is `type`, as in the first event, so one
//! receiver switches on one field.
//!
//! Receivers verify the signature over the raw body before parsing it, comparing in constant
//! time. Ticket text is carried as JSON strings exactly as submitted: it is data, and a receiver
//! that shows it must escape it for its own medium.

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

use crate::store::outbox::{MessageEvent, OutboxEvent, OutboxItem, RatingEvent, ReplyEvent};
use crate::store::tickets::TicketRecord;

/// The signature header.
pub const SIGNATURE_HEADER: &str = "x-koban-signature";
/// The event header.
pub const EVENT_HEADER: &str = "x-koban-event";
/// The delivery id header (the outbox row id).
pub const DELIVERY_HEADER: &str = "x-koban-delivery";
/// The webhook body.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WebhookBody<'a> {
    /// `ticket.created`, `ticket.message`, `ticket.rated` or `ticket.replied`
    /// ([`OutboxEvent::wire_name`]).
    #[serde(rename = "type")]
    pub event: &'static str,
    /// The outbox row id, stable across retries.
    pub delivery_id: &'a str,
    /// 1 for the first attempt.
    pub attempt: i64,
    /// The ticket, every field (text as submitted).
    pub ticket: &'a TicketRecord,
    /// The follow-up, for `ticket.message`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<&'a MessageEvent>,
    /// The rating, for `ticket.rated`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<&'a RatingEvent>,
    /// The agent's reply, for `ticket.replied`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<&'a ReplyEvent>,
}

/// The serialized body for `item` of `ticket`.
pub fn webhook_body(item: &OutboxItem, ticket: &TicketRecord) -> Vec<u8> {
    serde_json::to_vec(&WebhookBody {
        event: item.event.wire_name(),
        delivery_id: &item.id,
        attempt: item.attempts + 1,
        ticket,
        message: match &item.event {
            OutboxEvent::TicketMessage(m) => Some(m),
            _ => None,
        },
        rating: match &item.event {
            OutboxEvent::TicketRated(r) => Some(r),
            _ => None,
        },
        reply: match &item.event {
            OutboxEvent::AgentReply(r) => Some(r),
            _ => None,
        },
    })
    .unwrap_or_default()
}

/// Lowercase hex HMAC-SHA256 of `body` keyed with `secret`.
pub fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// Checks an `X-Koban-Signature` header value (`sha256=<hex>`) against `body`, in constant time
/// (what a receiver does; used by the tests).
pub fn verify(secret: &str, body: &[u8], header: &str) -> bool {
    let Some(hex_sig) = header.trim().strip_prefix("sha256=") else {
        return false;
    };
    let Ok(sig) = hex::decode(hex_sig) else {
        return false;
    };
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return false;
    };
    mac.update(body);
    mac.verify_slice(&sig).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_is_rfc_4231_hmac_sha256() {
        // RFC 4231 test case 2.
        assert_eq!(
            signature("Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        let sig = format!("sha256={}", signature("k", b"body"));
        assert!(verify("k", b"body", &sig));
        assert!(!verify("k", b"body!", &sig));
        assert!(!verify("other", b"body", &sig));
        assert!(!verify("k", b"body", "sha1=00"));
    }
}
