//! Values that parse but make no sense: every problem at once, each naming its key.

use std::time::Duration;

use super::{Config, ConfigError, err};
use crate::limits::IpNet;

impl Config {
    /// Checks values that parse but make no sense.
    pub fn check(&self) -> Vec<ConfigError> {
        let mut errors = Vec::new();
        let db = &self.database_url;
        if !(db.starts_with("sqlite:")
            || db.starts_with("postgres://")
            || db.starts_with("postgresql://"))
        {
            errors.push(err(
                "database_url",
                format!("`{db}` is neither sqlite://<path> nor postgres://..."),
            ));
        }
        if self.body_limit_bytes < 1024 {
            errors.push(err("body_limit_bytes", "must be at least 1024"));
        }
        if self.request_timeout_ms < 100 {
            errors.push(err("request_timeout_ms", "must be at least 100"));
        }
        if self.idempotency_ttl_hours < 24 {
            errors.push(err(
                "idempotency_ttl_hours",
                "must be at least 24 (clients may retry for a day)",
            ));
        }
        for origin in &self.cors_origins {
            if origin != "*" && !is_origin(origin) {
                errors.push(err(
                    "cors_origins",
                    format!("`{origin}` is not an origin like https://app.example.com"),
                ));
            }
        }
        for proxy in &self.trusted_proxies {
            if let Err(e) = proxy.parse::<IpNet>() {
                errors.push(err("trusted_proxies", e));
            }
        }
        for (key, url) in [
            ("webhook_url", &self.webhook_url),
            ("discord_webhook_url", &self.discord_webhook_url),
        ] {
            if !url.is_empty() && !koban_core::ticket::validate::is_http_url(url) {
                errors.push(err(key, format!("`{url}` is not an http(s) URL")));
            }
        }
        if !self.webhook_url.is_empty() && self.webhook_secret.is_empty() {
            errors.push(err(
                "webhook_secret",
                "required with webhook_url (the body is signed with it)",
            ));
        }
        if !self.smtp_url.is_empty() {
            if !(self.smtp_url.starts_with("smtp://") || self.smtp_url.starts_with("smtps://")) {
                errors.push(err("smtp_url", "expected smtp://host:port or smtps://host"));
            }
            let before = errors.len();
            for (key, addr) in [("smtp_from", &self.smtp_from), ("smtp_to", &self.smtp_to)] {
                if !koban_core::ticket::validate::is_email(addr) {
                    errors.push(err(key, "an email address is required with smtp_url"));
                }
            }
            if errors.len() == before
                && let Some(target) = &self.delivery().email
                && let Err(e) = crate::delivery::email::Mailer::new(target, Duration::from_secs(1))
            {
                let (key, message) = e.split_once(": ").unwrap_or(("smtp_url", &e));
                errors.push(err(key, message));
            }
        }
        if self.delivery_retry_base_ms < 10 {
            errors.push(err("delivery_retry_base_ms", "must be at least 10"));
        }
        if self.delivery_retry_max_ms < self.delivery_retry_base_ms {
            errors.push(err(
                "delivery_retry_max_ms",
                "must be at least delivery_retry_base_ms",
            ));
        }
        if !self.identity_secret.is_empty() && self.identity_secret.len() < 32 {
            errors.push(err(
                "identity_secret",
                "must be at least 32 characters (an HS256 key of 256 bits)",
            ));
        }
        if self.attachments_enabled {
            if self.attachments_dir.trim().is_empty() {
                errors.push(err("attachments_dir", "required with attachments_enabled"));
            }
            if self.attachment_max_bytes == 0 {
                errors.push(err("attachment_max_bytes", "must be at least 1"));
            }
        }
        if self.delivery_timeout_ms < 100 {
            errors.push(err("delivery_timeout_ms", "must be at least 100"));
        }
        errors.extend(self.check_mail());
        errors
    }
}

/// `scheme://host[:port]` without path.
fn is_origin(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.contains(['/', ' ', '?', '#']))
}

impl Config {
    /// Replies by email: `reply_domain`, `reply_local`, `reply_secret`, `agents`,
    /// `conversation_url` and `mail_max_bytes`.
    fn check_mail(&self) -> Vec<ConfigError> {
        let mut errors = Vec::new();
        if !self.conversation_url.is_empty()
            && !koban_core::ticket::validate::is_http_url(&self.conversation_url)
        {
            errors.push(err(
                "conversation_url",
                format!("`{}` is not an http(s) URL", self.conversation_url),
            ));
        }
        for agent in &self.agents {
            if let Err(e) = crate::mail::Agent::parse(agent) {
                errors.push(err("agents", e));
            }
        }
        if self.mail_max_bytes < 1024 {
            errors.push(err("mail_max_bytes", "must be at least 1024"));
        }
        let domain = self.reply_domain.as_str();
        if domain.is_empty() {
            return errors;
        }
        if !is_domain(domain) {
            errors.push(err(
                "reply_domain",
                format!("`{domain}` is not a lower-case domain like reply.example.com"),
            ));
        }
        if self.smtp_url.is_empty() {
            errors.push(err(
                "reply_domain",
                "needs smtp_url (the requester's emails are sent through it)",
            ));
        }
        let local = &self.reply_local;
        if local.is_empty()
            || local.len() > 40
            || !local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
        {
            errors.push(err(
                "reply_local",
                "1-40 characters of a-z, 0-9, `.`, `_` or `-` (the token follows a `+`)",
            ));
        }
        if self.reply_secret.len() < 32 {
            errors.push(err(
                "reply_secret",
                "required with reply_domain, at least 32 characters",
            ));
        }
        let at_reply = |addr: &str| {
            addr.rsplit_once('@')
                .is_some_and(|(_, d)| d.eq_ignore_ascii_case(domain))
        };
        if at_reply(&self.smtp_from) {
            errors.push(err(
                "smtp_from",
                "must not be at reply_domain (its bounces would loop into koban mail ingest)",
            ));
        }
        for agent in &self.agents {
            if let Ok(a) = crate::mail::Agent::parse(agent)
                && at_reply(&a.email)
            {
                errors.push(err("agents", format!("`{}` is at reply_domain", a.email)));
            }
        }
        errors
    }
}

/// A lower-case DNS name with at least one dot.
fn is_domain(s: &str) -> bool {
    s.len() <= 253
        && s.contains('.')
        && s.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}
