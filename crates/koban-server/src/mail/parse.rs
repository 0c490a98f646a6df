//! What `koban mail ingest` reads of a mail, through `mail-parser` (0.11): the parse with its
//! caps, raw header values, the author, the key that makes a mail count once, and the files.
//!
//! mail-parser never panics and caps only nested `message/rfc822` (3 levels); multipart depth and
//! the number of parts are unbounded (an iterative stack), so the input is capped in bytes
//! (`mail_max_bytes`, by the reader) and in parts here ([`PARTS_MAX`]). Everything taken from a
//! mail and kept (the message id, the sender) loses its control characters: PostgreSQL refuses
//! NUL in text, and a terminal must not be driven by what `koban tickets show` prints.

use std::borrow::Cow;

use mail_parser::{HeaderName, HeaderValue, Message, MessageParser, MimeHeaders, PartType};

use crate::tickets::sha256_hex;

/// A mail with more MIME parts than this is refused (65).
pub const PARTS_MAX: usize = 1000;

/// Longest message id kept (characters).
const MESSAGE_ID_MAX: usize = 250;

/// Longest sender address kept (characters).
const SENDER_MAX: usize = 254;

/// Why a mail could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// No headers: not a mail.
    NotAMail,
    /// More than [`PARTS_MAX`] parts.
    TooManyParts,
}

/// Parses `raw`.
pub fn parse(raw: &[u8]) -> Result<Message<'_>, Unreadable> {
    let message = MessageParser::default()
        .parse(raw)
        .ok_or(Unreadable::NotAMail)?;
    if message.parts.len() > PARTS_MAX {
        return Err(Unreadable::TooManyParts);
    }
    Ok(message)
}

/// The raw values of the top-level header `name` (case-insensitive), in header order (the
/// MTA's own headers first), without surrounding whitespace.
pub fn raw_values<'a>(
    message: &'a Message<'_>,
    name: &'a str,
) -> impl Iterator<Item = Cow<'a, str>> {
    message
        .headers()
        .iter()
        .filter(move |h| h.name.as_str().eq_ignore_ascii_case(name))
        .map(|h| {
            let bytes = message
                .raw_message
                .get(h.offset_start as usize..h.offset_end as usize)
                .unwrap_or_default();
            match String::from_utf8_lossy(bytes) {
                Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
                Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
            }
        })
}

/// `s` without control characters, at most `max` characters.
fn clean(s: &str, max: usize) -> String {
    s.chars().filter(|c| !c.is_control()).take(max).collect()
}

/// The address of the mail's author: exactly one `From` header naming exactly one address,
/// else `None`.
pub fn author(message: &Message<'_>) -> Option<String> {
    let mut froms = message.header_values(HeaderName::From);
    let from = froms.next()?;
    if froms.next().is_some() {
        return None;
    }
    let HeaderValue::Address(address) = from else {
        return None;
    };
    let mut addresses = address.iter();
    let first = addresses.next()?.address()?;
    if addresses.next().is_some() {
        return None;
    }
    let first = clean(first.trim(), SENDER_MAX);
    (first.contains('@')).then_some(first)
}

/// Who the mail is from, for the record: the author's address, else any `From` address, else
/// the envelope sender (lower case, cleaned).
pub fn sender(message: Option<&Message<'_>>, envelope: Option<&str>) -> String {
    let from = message
        .and_then(|m| author(m).or_else(|| m.from()?.first()?.address().map(str::to_string)));
    clean(from.as_deref().or(envelope).unwrap_or(""), SENDER_MAX).to_ascii_lowercase()
}

/// What makes a mail count once: its `Message-ID` (without `<>`, cleaned, at most 250
/// characters), else `sha256:` of its `From`, `Date` and `Subject` headers and its body.
pub fn dedupe_key(message: &Message<'_>) -> String {
    if let Some(id) = message.message_id() {
        let id = clean(
            id.trim().trim_start_matches('<').trim_end_matches('>'),
            MESSAGE_ID_MAX,
        );
        if !id.trim().is_empty() {
            return id;
        }
    }
    let mut input = Vec::new();
    for name in ["From", "Date", "Subject"] {
        for value in raw_values(message, name) {
            input.extend_from_slice(value.as_bytes());
        }
        input.push(b'\n');
    }
    let root = message.root_part();
    input.extend_from_slice(
        message
            .raw_message
            .get(root.offset_body as usize..)
            .unwrap_or_default(),
    );
    format!("sha256:{}", sha256_hex(&input))
}

/// The key of bytes that are not a mail.
pub fn raw_key(raw: &[u8]) -> String {
    format!("sha256:{}", sha256_hex(raw))
}

/// The ids of Koban's own mails (`obx_` + 32 hex digits, the outbox row: `<obx_…@host>`) that
/// `header` (`In-Reply-To` or `References`) names, in order.
pub fn outbox_ids(value: &HeaderValue<'_>) -> Vec<String> {
    let ids: Vec<&str> = match value {
        HeaderValue::Text(id) => vec![id.as_ref()],
        HeaderValue::TextList(ids) => ids.iter().map(|i| i.as_ref()).collect(),
        _ => Vec::new(),
    };
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        let local = id.trim().trim_start_matches('<');
        let local = local.split(['@', '>']).next().unwrap_or("");
        let is_ours = local.strip_prefix("obx_").is_some_and(|hex| {
            hex.len() == 32 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        });
        if is_ours && !out.iter().any(|o| o == local) {
            out.push(local.to_string());
        }
    }
    out
}

/// A file a mail carries.
#[derive(Debug)]
pub struct MailFile<'a> {
    /// Its name, as the mail gives it.
    pub name: &'a str,
    /// Its decoded bytes (text parts as UTF-8).
    pub bytes: &'a [u8],
}

/// The mail's attachments that may become files, and how many others were left out: inline
/// parts (a `Content-ID` or `inline` disposition: signature logos, pictures in the HTML), parts
/// whose transfer encoding is broken, nested mails and parts without a name.
pub fn files<'a>(message: &'a Message<'_>) -> (Vec<MailFile<'a>>, usize) {
    let mut files = Vec::new();
    let mut skipped = 0;
    for part in message.attachments() {
        let inline = part.content_id().is_some()
            || part.content_disposition().is_some_and(|d| d.is_inline());
        let file = matches!(
            part.body,
            PartType::Text(_) | PartType::Html(_) | PartType::Binary(_) | PartType::InlineBinary(_)
        );
        match part.attachment_name() {
            Some(name) if file && !inline && !part.is_encoding_problem => files.push(MailFile {
                name,
                bytes: part.contents(),
            }),
            _ if inline => {}
            _ => skipped += 1,
        }
    }
    (files, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outbox_ids_are_koban_message_ids_only() {
        let hex = "0123456789abcdef0123456789abcdef";
        let list = HeaderValue::TextList(vec![
            format!("tkt_{hex}@reply.test").into(),
            format!("obx_{hex}@koban").into(),
            format!("obx_{hex}@reply.test").into(),
            format!("obx_{}@koban", &hex[..31]).into(),
            format!("obx_{}@koban", hex.to_uppercase()).into(),
            "obx_zz@koban".into(),
        ]);
        assert_eq!(outbox_ids(&list), vec![format!("obx_{hex}")]);
        assert!(outbox_ids(&HeaderValue::Empty).is_empty());
    }

    #[test]
    fn the_author_is_one_address() {
        let one = b"From: Ada <Ada@Users.Test>\r\nSubject: x\r\n\r\nhi\r\n";
        assert_eq!(
            author(&parse(one).unwrap()).as_deref(),
            Some("Ada@Users.Test")
        );
        let two = b"From: a@x.test, b@x.test\r\n\r\nhi\r\n";
        assert_eq!(author(&parse(two).unwrap()), None);
        let twice = b"From: a@x.test\r\nFrom: b@x.test\r\n\r\nhi\r\n";
        assert_eq!(author(&parse(twice).unwrap()), None);
        assert_eq!(author(&parse(b"Subject: x\r\n\r\nhi\r\n").unwrap()), None);
    }

    #[test]
    fn the_key_is_the_message_id_or_a_hash() {
        let with = b"Message-ID: <a\x01b@x.test>\r\nFrom: a@x.test\r\n\r\nhi\r\n";
        assert_eq!(dedupe_key(&parse(with).unwrap()), "ab@x.test");
        let without = b"From: a@x.test\r\nSubject: s\r\n\r\nhi\r\n";
        let key = dedupe_key(&parse(without).unwrap());
        assert!(key.starts_with("sha256:") && key.len() == 7 + 64, "{key}");
        let other = b"From: a@x.test\r\nSubject: s\r\n\r\nho\r\n";
        assert_ne!(dedupe_key(&parse(other).unwrap()), key);
        let long = format!("Message-ID: <{}@x>\r\n\r\nhi\r\n", "a".repeat(400));
        assert_eq!(dedupe_key(&parse(long.as_bytes()).unwrap()).len(), 250);
    }
}
