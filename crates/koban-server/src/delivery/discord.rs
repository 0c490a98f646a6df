//! The Discord channel webhook message for a new ticket, a follow-up or a rating.
//!
//! ```json
//! { "content": "New ticket KB-7F3K-92QD: <subject>",
//!   "embeds": [{ "title": "<subject>", "description": "<description>",
//!                "fields": [{ "name": "From", "value": "…", "inline": true }, …],
//!                "footer": { "text": "KB-7F3K-92QD" }, "timestamp": "…" }],
//!   "allowed_mentions": { "parse": [] } }
//! ```
//!
//! A follow-up is shorter: `"New message on KB-7F3K-92QD: <subject>"` with the message as the
//! embed's description and its sender; a rating `"KB-7F3K-92QD rated good: <subject>"` with
//! the comment as the description; an agent's reply (only if a row names Discord: replies go to
//! the requester) `"Reply on KB-7F3K-92QD: <subject>"` with the reply.
//!
//! User text is made inert twice: `allowed_mentions: { parse: [] }` stops `@everyone`, role and
//! user mentions from pinging anyone, and [`escape`] backslash-escapes every character Discord's
//! Markdown gives a meaning (emphasis, code, quotes, headings, lists, masked links, `<@id>`
//! mentions, `<t:…>` timestamps, auto-linked `https:` URLs), so the text shows exactly as typed.
//! Lengths are cut to Discord's limits (content 2000, title 256, description 4096, field 1024,
//! whole embed 6000 characters) without splitting an escape.

use serde_json::{Value, json};

use crate::store::outbox::OutboxEvent;
use crate::store::tickets::TicketRecord;

/// Characters with a meaning in Discord messages, escaped with a backslash.
const SPECIAL: &[char] = &[
    '\\', '*', '_', '~', '`', '|', '>', '<', '@', '#', '-', '+', '[', ']', '(', ')', ':', '!', '.',
];

/// Escapes `text` for a Discord message and cuts it to at most `max` characters (ending in `…`
/// when cut). Control characters other than newline and tab are dropped.
pub fn escape(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut len = 0;
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            continue;
        }
        let width = if SPECIAL.contains(&c) { 2 } else { 1 };
        if len + width > max.saturating_sub(1) {
            out.push('…');
            return out;
        }
        if width == 2 {
            out.push('\\');
        }
        out.push(c);
        len += width;
    }
    out
}

/// One embed field.
fn field(name: &str, value: &str, inline: bool) -> Value {
    let value = if value.trim().is_empty() {
        "-".to_string()
    } else {
        escape(value, 1024)
    };
    json!({ "name": escape(name, 256), "value": value, "inline": inline })
}

/// A custom field's value as text.
fn field_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The submitter, as `Name <email>`.
fn sender(ticket: &TicketRecord) -> String {
    if ticket.name.trim().is_empty() {
        ticket.email.clone()
    } else {
        format!("{} <{}>", ticket.name, ticket.email)
    }
}

/// The message for `event` of `ticket`.
pub fn message(event: &OutboxEvent, ticket: &TicketRecord) -> Value {
    let (content, description, timestamp) = match event {
        OutboxEvent::TicketCreated => return created(ticket),
        OutboxEvent::TicketMessage(m) => (
            format!("New message on {}", ticket.reference),
            escape(&m.body, 3000),
            m.created_at.clone(),
        ),
        OutboxEvent::TicketRated(r) => (
            format!("{} rated {}", ticket.reference, r.score.as_str()),
            escape(r.comment.as_deref().unwrap_or(""), 3000),
            ticket.updated_at.clone(),
        ),
        OutboxEvent::AgentReply(r) => (
            format!("Reply on {}", ticket.reference),
            escape(&r.body, 3000),
            r.created_at.clone(),
        ),
    };
    let mut embed = json!({
        "title": escape(&ticket.subject, 256),
        "fields": [field("From", &sender(ticket), true)],
        "footer": { "text": ticket.reference },
        "timestamp": timestamp,
    });
    // Discord refuses an empty description (a rating without a comment).
    if !description.is_empty() {
        embed["description"] = Value::String(description);
    }
    json!({
        "content": format!("{content}: {}", escape(&ticket.subject, 1800)),
        "embeds": [embed],
        "allowed_mentions": { "parse": [] },
    })
}

/// The message for a new `ticket`.
fn created(ticket: &TicketRecord) -> Value {
    let from = sender(ticket);
    let mut fields = vec![
        field("From", &from, true),
        field("Category", &ticket.category, true),
        field(
            "Identity",
            if ticket.verified {
                "verified"
            } else {
                "unverified"
            },
            true,
        ),
    ];
    if let Some(route) = ticket.context.get("route").and_then(Value::as_str) {
        fields.push(field("Page", route, false));
    }
    // Custom fields, within the embed's 6000-character budget and 25-field limit.
    let mut budget = 1500usize;
    if let Some(custom) = ticket.fields.as_object() {
        for (name, value) in custom {
            let f = field(name, &field_text(value), true);
            let size = f["name"].as_str().map_or(0, |s| s.chars().count())
                + f["value"].as_str().map_or(0, |s| s.chars().count());
            if fields.len() >= 25 || size > budget {
                break;
            }
            budget -= size;
            fields.push(f);
        }
    }
    let content = format!(
        "New ticket {}: {}",
        ticket.reference,
        escape(&ticket.subject, 1800)
    );
    json!({
        "content": content,
        "embeds": [{
            "title": escape(&ticket.subject, 256),
            "description": escape(&ticket.description, 3000),
            "fields": fields,
            "footer": { "text": ticket.reference },
            "timestamp": ticket.created_at,
        }],
        "allowed_mentions": { "parse": [] },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_mentions_are_escaped() {
        assert_eq!(
            escape("@everyone **bold** <@123> [x](https://evil)", 100),
            "\\@everyone \\*\\*bold\\*\\* \\<\\@123\\> \\[x\\]\\(https\\://evil\\)"
        );
        assert_eq!(escape("# h\n> q\n- l", 100), "\\# h\n\\> q\n\\- l");
        assert_eq!(escape("a\u{1b}[31mb", 100), "a\\[31mb");
        assert_eq!(escape("日本語", 100), "日本語");
    }

    #[test]
    fn cutting_never_splits_an_escape() {
        assert_eq!(escape("abcdef", 4), "abc…");
        assert_eq!(escape("ab*cd", 4), "ab…");
        assert_eq!(escape("ab*cd", 5), "ab\\*…");
        for n in 0..50 {
            let s = escape(&"*a".repeat(40), n);
            assert!(s.chars().count() <= n.max(1), "{n}: {s}");
            assert!(!s.trim_end_matches('…').ends_with('\\') || s.ends_with("\\\\"));
        }
    }
}
