//! Replies by email, both ways.
//!
//! Out: each public reply goes to the requester through the outbox (target `requester`, see
//! [`crate::delivery`]), and every email about a ticket, the team's too, says
//! `Reply-To: <reply_local>+<token>@<reply_domain>`. In: the MTA pipes mail for `reply_domain`
//! into `koban mail ingest`, which finds the ticket from the token and stores the mail's new text
//! as the requester's follow-up or an agent's reply.
//!
//! - [`token`]: the reply address of a ticket and the ticket of a reply address.
//! - [`compose`]: the requester's email about a reply (subject, text, accessible HTML).
//! - [`i18n`]: the strings of the requester's emails in the 12 locales (Fluent files in
//!   `mail-locales/`).
//! - [`cli`]: `koban mail ingest`, the MTA's pipe: one status line, sysexits codes.
//! - [`ingest`]: the steps from a mail to a message, and their typed failures.
//! - [`parse`]: what is read of a mail (mail-parser, capped), [`guard`]: automatic mail is
//!   dropped, [`route`]: the ticket of a mail, [`text`]: the text it adds.

pub mod cli;
pub mod compose;
pub mod guard;
pub mod i18n;
pub mod ingest;
pub mod parse;
pub mod route;
pub mod text;
pub mod token;

use lettre::message::Mailbox;

use crate::config::Config;

/// An agent who may answer by email (config `agents`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// The name shown with their replies: the display name, else the address.
    pub name: String,
    /// The address, lower case.
    pub email: String,
}

impl Agent {
    /// `"Mika Tanaka <mika@example.com>"` or `"mika@example.com"`.
    pub fn parse(s: &str) -> Result<Agent, String> {
        let mailbox: Mailbox = s
            .parse()
            .map_err(|e| format!("`{s}` is not `Name <address>` or an address: {e}"))?;
        let email = mailbox.email.to_string().to_ascii_lowercase();
        let name = mailbox
            .name
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| email.clone());
        Ok(Agent { name, email })
    }
}

/// Replies by email, from the configuration (on when `reply_domain` is set).
#[derive(Debug, Clone)]
pub struct MailConfig {
    /// Domain of the reply addresses.
    pub reply_domain: String,
    /// Local part before `+<token>`.
    pub reply_local: String,
    /// Key of the reply tokens.
    pub(crate) secret: String,
    /// Who may answer by email.
    pub agents: Vec<Agent>,
    /// Link to the conversation (`{reference}` replaced); `None`: no link.
    pub conversation_url: Option<String>,
    /// Larger inbound mails are refused.
    pub max_bytes: usize,
}

impl MailConfig {
    /// The agent writing from `email`, if any.
    pub fn agent(&self, email: &str) -> Option<&Agent> {
        self.agents
            .iter()
            .find(|a| a.email.eq_ignore_ascii_case(email.trim()))
    }

    /// The link to the conversation about `reference`, if configured.
    pub fn conversation_link(&self, reference: &str) -> Option<String> {
        let encoded: String = reference
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    char::from(b).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect();
        self.conversation_url
            .as_ref()
            .map(|url| url.replace("{reference}", &encoded))
    }
}

impl Config {
    /// Replies by email, when `reply_domain` is set.
    pub fn mail(&self) -> Option<MailConfig> {
        if self.reply_domain.is_empty() {
            return None;
        }
        Some(MailConfig {
            reply_domain: self.reply_domain.clone(),
            reply_local: self.reply_local.clone(),
            secret: self.reply_secret.clone(),
            agents: self
                .agents
                .iter()
                .filter_map(|a| Agent::parse(a).ok())
                .collect(),
            conversation_url: Some(self.conversation_url.clone()).filter(|u| !u.is_empty()),
            max_bytes: usize::try_from(self.mail_max_bytes).unwrap_or(usize::MAX),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agents_parse_with_and_without_a_name() {
        let a = Agent::parse("Mika Tanaka <Mika@Example.com>").unwrap();
        assert_eq!(a.name, "Mika Tanaka");
        assert_eq!(a.email, "mika@example.com");
        assert_eq!(
            Agent::parse("ops@example.com").unwrap().name,
            "ops@example.com"
        );
        assert!(Agent::parse("not an address").is_err());
    }

    #[test]
    fn the_conversation_link_encodes_the_reference() {
        let config = Config {
            reply_domain: "reply.example.com".into(),
            conversation_url: "https://app.example.com/?help=requests&ref={reference}".into(),
            ..Config::default()
        };
        let mail = config.mail().unwrap();
        assert_eq!(
            mail.conversation_link("KB-7F3K-92QD").unwrap(),
            "https://app.example.com/?help=requests&ref=KB-7F3K-92QD"
        );
        assert_eq!(
            mail.conversation_link("a b&").unwrap().rsplit('=').next(),
            Some("a%20b%26")
        );
        assert!(Config::default().mail().is_none());
    }
}
