//! Reply tokens: `<reply_local>+<token>@<reply_domain>` names one ticket.
//!
//! The token is the ticket's reference in lower case without dashes, a `-`, and 128 bits of
//! `HMAC-SHA256(reply_secret, "koban-reply\0" + reference)` in lower-case hex:
//! `support+kb7f3k92qd-3f0c…@reply.example.com`. Nothing is stored: the server recomputes the tag
//! and compares it in constant time, so a database dump grants no write access, older tickets
//! have an address too, and MTAs that fold the local part to lower case do not break it. The
//! token is not the access token (it cannot read the conversation) and not guessable without
//! the secret; changing `reply_secret` retires every address already sent.

use hmac::{Hmac, Mac};
use koban_core::ticket::reference;
use sha2::Sha256;

use super::MailConfig;

/// Hex digits of the tag (128 bits).
const TAG_HEX: usize = 32;

fn mac(secret: &str, reference: &str) -> Hmac<Sha256> {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC accepts keys of any length");
    mac.update(b"koban-reply\0");
    mac.update(reference.as_bytes());
    mac
}

impl MailConfig {
    /// The reply token of the ticket `reference`.
    pub fn token(&self, reference: &str) -> String {
        let tag = mac(&self.secret, reference).finalize().into_bytes();
        let compact: String = reference
            .chars()
            .filter(|c| *c != '-')
            .collect::<String>()
            .to_ascii_lowercase();
        format!("{compact}-{}", &hex::encode(tag)[..TAG_HEX])
    }

    /// `reply_local+token@reply_domain` of the ticket `reference`.
    pub fn reply_address(&self, reference: &str) -> String {
        format!(
            "{}+{}@{}",
            self.reply_local,
            self.token(reference),
            self.reply_domain
        )
    }

    /// The ticket reference a recipient address names, if it is one of ours with a valid tag.
    pub fn reference_of(&self, address: &str) -> Option<String> {
        let (local, domain) = address.trim().rsplit_once('@')?;
        if !domain.eq_ignore_ascii_case(&self.reply_domain) {
            return None;
        }
        let (prefix, token) = local.split_once('+')?;
        if !prefix.eq_ignore_ascii_case(&self.reply_local) {
            return None;
        }
        let (compact, tag) = token.split_once('-')?;
        let reference = reference::normalize(compact)?;
        if tag.len() != TAG_HEX {
            return None;
        }
        let tag = hex::decode(tag.to_ascii_lowercase()).ok()?;
        mac(&self.secret, &reference)
            .verify_truncated_left(&tag)
            .ok()?;
        Some(reference)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(secret: &str) -> MailConfig {
        MailConfig {
            reply_domain: "reply.example.com".into(),
            reply_local: "support".into(),
            secret: secret.into(),
            agents: vec![],
            conversation_url: None,
            max_bytes: 1 << 20,
        }
    }

    #[test]
    fn an_address_names_its_ticket_and_nothing_else() {
        let mail = config("0123456789abcdef0123456789abcdef");
        let address = mail.reply_address("KB-7F3K-92QD");
        assert!(address.starts_with("support+kb7f3k92qd-"), "{address}");
        assert_eq!(
            address.len(),
            "support+kb7f3k92qd-".len() + 32 + "@reply.example.com".len()
        );
        assert_eq!(mail.reference_of(&address).as_deref(), Some("KB-7F3K-92QD"));
        // MTAs may fold case.
        assert_eq!(
            mail.reference_of(&address.to_ascii_uppercase()).as_deref(),
            Some("KB-7F3K-92QD")
        );
        // Another ticket's reference with this tag, another secret, a cut tag, another domain.
        let tag = address
            .split('-')
            .nth(1)
            .unwrap()
            .split('@')
            .next()
            .unwrap();
        assert_eq!(
            mail.reference_of(&format!("support+kb7f3k92qe-{tag}@reply.example.com")),
            None
        );
        assert_eq!(
            config("another secret of 32 characters..").reference_of(&address),
            None
        );
        assert_eq!(
            mail.reference_of(&address.replacen(tag, &tag[..31], 1)),
            None
        );
        assert_eq!(
            mail.reference_of(&address.replace("reply.example.com", "example.com")),
            None
        );
        assert_eq!(
            mail.reference_of(&address.replace("support+", "sales+")),
            None
        );
        assert_eq!(mail.reference_of("support@reply.example.com"), None);
        assert_eq!(
            mail.reference_of("support+kb7f3k92qd-zz@reply.example.com"),
            None
        );
    }
}
