//! `koban.toml`: the server's settings. Every key is optional; the defaults below are what a
//! missing key means. Every key can be overridden by an environment variable, `KOBAN_` + the key
//! in upper case (lists comma-separated), plus `DATABASE_URL` for `database_url`.
//!
//! ```toml
//! database_url = "sqlite://data/koban.db"   # or postgres://user:pass@host/db (DATABASE_URL)
//! admin_token = ""                          # admin API off when empty (KOBAN_ADMIN_TOKEN)
//! cors_origins = []                         # empty: development default, see below
//! trusted_proxies = []                      # IPs / CIDR blocks whose X-Forwarded-For is believed
//! body_limit_bytes = 65536                  # larger request bodies get 413
//! request_timeout_ms = 10000                # slower requests get 503 + Retry-After
//! min_fill_ms = 3000                        # tickets filled in faster are rejected (0: off)
//! rate_limit_ip_per_minute = 20             # tickets per client IP per minute (0: off)
//! rate_limit_email_per_hour = 10            # tickets per sender email per hour (0: off)
//! rate_limit_feedback_per_minute = 60       # feedback batches per client IP per minute (0: off)
//! idempotency_ttl_hours = 24                # Idempotency-Keys kept at least this long (>= 24)
//! webhook_url = ""                          # JSON webhook for new tickets (HMAC-SHA256 signed)
//! webhook_secret = ""                       # HMAC key of the webhook signature
//! discord_webhook_url = ""                  # Discord channel webhook
//! smtp_url = ""                             # smtp://host:port or smtps://user:pass@host
//! smtp_from = ""                            # sender of ticket emails
//! smtp_to = ""                              # where ticket emails go
//! delivery_retry_base_ms = 2000             # first retry after 1-2 s, doubling per failure
//! delivery_retry_max_ms = 3600000           # a pending delivery is retried at least this often
//! delivery_timeout_ms = 10000               # one webhook request / SMTP session at most this long
//! identity_secret = ""                      # HS256 key of identify tokens (>= 32 chars; empty: off)
//! attachments_enabled = false               # POST /api/v1/attachments and tickets' `attachments`
//! attachments_dir = "data/attachments"      # where uploads are stored (never a served directory)
//! attachment_max_bytes = 5242880            # larger files get 413
//! ```
//!
//! `cors_origins` empty is a development default: the server's own origin plus any `http://`
//! origin on `localhost` / `127.0.0.1` (any port). In production list the embedding sites.

use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::delivery::{DeliveryConfig, EmailTarget, WebhookTarget};
use crate::limits::IpNet;
use crate::store::DEFAULT_DATABASE_URL;
use crate::tickets::TicketsConfig;

/// The file read when `--config` is not given (if it exists).
pub const DEFAULT_CONFIG_FILE: &str = "koban.toml";

/// Server settings; see the module docs for keys, defaults and environment variables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Ticket store URL.
    pub database_url: String,
    /// Bearer token of the admin API (empty: admin API off).
    pub admin_token: String,
    /// Origins allowed to call the API.
    pub cors_origins: Vec<String>,
    /// Trusted reverse proxies.
    pub trusted_proxies: Vec<String>,
    /// Request body limit.
    pub body_limit_bytes: u64,
    /// Request timeout.
    pub request_timeout_ms: u64,
    /// Minimum form fill time.
    pub min_fill_ms: u64,
    /// Tickets per client IP per minute.
    pub rate_limit_ip_per_minute: u32,
    /// Tickets per sender email per hour.
    pub rate_limit_email_per_hour: u32,
    /// Feedback batches per client IP per minute.
    pub rate_limit_feedback_per_minute: u32,
    /// Idempotency key retention.
    pub idempotency_ttl_hours: u64,
    /// JSON webhook URL.
    pub webhook_url: String,
    /// Webhook HMAC secret.
    pub webhook_secret: String,
    /// Discord webhook URL.
    pub discord_webhook_url: String,
    /// SMTP server URL.
    pub smtp_url: String,
    /// Sender address of ticket emails.
    pub smtp_from: String,
    /// Recipient of ticket emails.
    pub smtp_to: String,
    /// Base of the delivery retry backoff.
    pub delivery_retry_base_ms: u64,
    /// Cap of the delivery retry backoff.
    pub delivery_retry_max_ms: u64,
    /// Timeout of one delivery attempt.
    pub delivery_timeout_ms: u64,
    /// HS256 key of identity tokens (empty: tickets are never verified).
    pub identity_secret: String,
    /// Whether file uploads are on.
    pub attachments_enabled: bool,
    /// Directory of uploaded files.
    pub attachments_dir: String,
    /// Largest accepted upload.
    pub attachment_max_bytes: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            database_url: DEFAULT_DATABASE_URL.into(),
            admin_token: String::new(),
            cors_origins: Vec::new(),
            trusted_proxies: Vec::new(),
            body_limit_bytes: 64 * 1024,
            request_timeout_ms: 10_000,
            min_fill_ms: 3_000,
            rate_limit_ip_per_minute: 20,
            rate_limit_email_per_hour: 10,
            rate_limit_feedback_per_minute: 60,
            idempotency_ttl_hours: 24,
            webhook_url: String::new(),
            webhook_secret: String::new(),
            discord_webhook_url: String::new(),
            smtp_url: String::new(),
            smtp_from: String::new(),
            smtp_to: String::new(),
            delivery_retry_base_ms: 2_000,
            delivery_retry_max_ms: 3_600_000,
            delivery_timeout_ms: 10_000,
            identity_secret: String::new(),
            attachments_enabled: false,
            attachments_dir: "data/attachments".into(),
            attachment_max_bytes: 5 * 1024 * 1024,
        }
    }
}

/// A bad setting, naming the key (and where it came from).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{key}: {message}")]
pub struct ConfigError {
    /// `koban.toml` key, or environment variable.
    pub key: String,
    /// What is wrong and what is expected.
    pub message: String,
}

fn err(key: &str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        key: key.to_string(),
        message: message.into(),
    }
}

impl Config {
    /// Loads `path` (or `koban.toml` if it exists when `path` is `None`), then applies the
    /// environment, then checks every value. All problems are reported at once.
    pub fn load(path: Option<&Path>) -> Result<Config, Vec<ConfigError>> {
        let env: Vec<(String, String)> = std::env::vars().collect();
        Config::load_with_env(path, &env)
    }

    /// [`Config::load`] with an explicit environment (for tests).
    pub fn load_with_env(
        path: Option<&Path>,
        env: &[(String, String)],
    ) -> Result<Config, Vec<ConfigError>> {
        let (file, required) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => (Path::new(DEFAULT_CONFIG_FILE).to_path_buf(), false),
        };
        let mut config = match std::fs::read_to_string(&file) {
            Ok(text) => Config::parse(&text).map_err(|e| vec![e])?,
            Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => Config::default(),
            Err(e) => return Err(vec![err(&file.display().to_string(), e.to_string())]),
        };
        let mut errors = config.apply_env(env);
        errors.extend(config.check());
        if errors.is_empty() {
            Ok(config)
        } else {
            Err(errors)
        }
    }

    /// Parses TOML text; the error names the offending key.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|e| {
            let message = e.message().to_string();
            let key = e
                .span()
                .and_then(|s| text.get(..s.start))
                .map(|before| {
                    let line = before.rsplit('\n').next().unwrap_or("");
                    let line_start = before.len() - line.len();
                    text[line_start..]
                        .split(['=', '\n'])
                        .next()
                        .unwrap_or("")
                        .trim()
                        .to_string()
                })
                .filter(|k| !k.is_empty())
                .unwrap_or_else(|| "koban.toml".into());
            err(&key, message)
        })
    }

    /// Applies `KOBAN_*` and `DATABASE_URL` overrides; returns the unparseable ones.
    pub fn apply_env(&mut self, env: &[(String, String)]) -> Vec<ConfigError> {
        let mut errors = Vec::new();
        for (name, value) in env {
            let key = match name.as_str() {
                "DATABASE_URL" => "database_url".to_string(),
                n => match n.strip_prefix("KOBAN_") {
                    Some(k) => k.to_ascii_lowercase(),
                    None => continue,
                },
            };
            let list = || -> Vec<String> {
                value
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            };
            fn num<T: std::str::FromStr>(name: &str, v: &str) -> Result<T, ConfigError> {
                v.trim()
                    .parse()
                    .map_err(|_| err(name, format!("expected a whole number, got `{v}`")))
            }
            let result = match key.as_str() {
                "database_url" => {
                    self.database_url = value.clone();
                    Ok(())
                }
                "admin_token" => {
                    self.admin_token = value.clone();
                    Ok(())
                }
                "cors_origins" => {
                    self.cors_origins = list();
                    Ok(())
                }
                "trusted_proxies" => {
                    self.trusted_proxies = list();
                    Ok(())
                }
                "body_limit_bytes" => num(name, value).map(|v| self.body_limit_bytes = v),
                "request_timeout_ms" => num(name, value).map(|v| self.request_timeout_ms = v),
                "min_fill_ms" => num(name, value).map(|v| self.min_fill_ms = v),
                "rate_limit_ip_per_minute" => {
                    num(name, value).map(|v| self.rate_limit_ip_per_minute = v)
                }
                "rate_limit_email_per_hour" => {
                    num(name, value).map(|v| self.rate_limit_email_per_hour = v)
                }
                "rate_limit_feedback_per_minute" => {
                    num(name, value).map(|v| self.rate_limit_feedback_per_minute = v)
                }
                "idempotency_ttl_hours" => num(name, value).map(|v| self.idempotency_ttl_hours = v),
                "webhook_url" => {
                    self.webhook_url = value.clone();
                    Ok(())
                }
                "webhook_secret" => {
                    self.webhook_secret = value.clone();
                    Ok(())
                }
                "discord_webhook_url" => {
                    self.discord_webhook_url = value.clone();
                    Ok(())
                }
                "smtp_url" => {
                    self.smtp_url = value.clone();
                    Ok(())
                }
                "smtp_from" => {
                    self.smtp_from = value.clone();
                    Ok(())
                }
                "smtp_to" => {
                    self.smtp_to = value.clone();
                    Ok(())
                }
                "delivery_retry_base_ms" => {
                    num(name, value).map(|v| self.delivery_retry_base_ms = v)
                }
                "delivery_retry_max_ms" => num(name, value).map(|v| self.delivery_retry_max_ms = v),
                "delivery_timeout_ms" => num(name, value).map(|v| self.delivery_timeout_ms = v),
                "identity_secret" => {
                    self.identity_secret = value.clone();
                    Ok(())
                }
                "attachments_enabled" => match value.trim().to_ascii_lowercase().as_str() {
                    "true" | "1" | "yes" | "on" => {
                        self.attachments_enabled = true;
                        Ok(())
                    }
                    "false" | "0" | "no" | "off" | "" => {
                        self.attachments_enabled = false;
                        Ok(())
                    }
                    _ => Err(err(name, format!("expected true or false, got `{value}`"))),
                },
                "attachments_dir" => {
                    self.attachments_dir = value.clone();
                    Ok(())
                }
                "attachment_max_bytes" => num(name, value).map(|v| self.attachment_max_bytes = v),
                // Other KOBAN_* variables belong to other parts (KOBAN_ASSETS, KOBAN_FAULTS...).
                _ => Ok(()),
            };
            if let Err(e) = result {
                errors.push(e);
            }
        }
        errors
    }

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
        errors
    }

    /// Delivery settings: the targets and their retry schedule.
    pub fn delivery(&self) -> DeliveryConfig {
        let some = |s: &String| Some(s.clone()).filter(|s| !s.is_empty());
        DeliveryConfig {
            webhook: some(&self.webhook_url).map(|url| WebhookTarget {
                url,
                secret: self.webhook_secret.clone(),
            }),
            discord_url: some(&self.discord_webhook_url),
            email: some(&self.smtp_url).map(|url| EmailTarget {
                smtp_url: url,
                from: self.smtp_from.clone(),
                to: self.smtp_to.clone(),
            }),
            retry_base: Duration::from_millis(self.delivery_retry_base_ms),
            retry_max: Duration::from_millis(self.delivery_retry_max_ms),
            timeout: Duration::from_millis(self.delivery_timeout_ms),
            lease: DeliveryConfig::lease_for(Duration::from_millis(self.delivery_timeout_ms)),
            ..DeliveryConfig::default()
        }
    }

    /// Delivery targets enabled by this configuration.
    pub fn delivery_targets(&self) -> Vec<String> {
        self.delivery().targets()
    }

    /// The ticket API's settings, validating against `rules`.
    pub fn tickets(&self, rules: koban_core::ticket::TicketRules) -> TicketsConfig {
        TicketsConfig {
            rules,
            min_fill_ms: self.min_fill_ms,
            admin_token: Some(self.admin_token.clone()).filter(|t| !t.is_empty()),
            cors_origins: self.cors_origins.clone(),
            trusted_proxies: self
                .trusted_proxies
                .iter()
                .filter_map(|p| p.parse().ok())
                .collect(),
            body_limit_bytes: usize::try_from(self.body_limit_bytes).unwrap_or(usize::MAX),
            request_timeout: Duration::from_millis(self.request_timeout_ms),
            rate_limit_ip_per_minute: self.rate_limit_ip_per_minute,
            rate_limit_email_per_hour: self.rate_limit_email_per_hour,
            idempotency_ttl: Duration::from_secs(self.idempotency_ttl_hours * 3600),
            in_flight_timeout: Duration::from_millis(self.request_timeout_ms * 2)
                .max(Duration::from_secs(30)),
            delivery_targets: self.delivery_targets(),
            identity_secret: Some(self.identity_secret.clone()).filter(|s| !s.is_empty()),
            attachments: self.attachments_enabled.then(|| {
                crate::tickets::attachments::AttachmentsConfig {
                    dir: self.attachments_dir.clone().into(),
                    max_bytes: usize::try_from(self.attachment_max_bytes).unwrap_or(usize::MAX),
                }
            }),
        }
    }

    /// The feedback API's settings (CORS, proxies, body limit and timeout as the ticket API's).
    pub fn feedback(&self) -> crate::feedback::FeedbackConfig {
        let tickets = self.tickets(Default::default());
        crate::feedback::FeedbackConfig {
            cors_origins: tickets.cors_origins,
            trusted_proxies: tickets.trusted_proxies,
            body_limit_bytes: tickets.body_limit_bytes,
            request_timeout: tickets.request_timeout,
            rate_limit_per_minute: self.rate_limit_feedback_per_minute,
        }
    }

    /// The effective configuration as TOML, secrets masked.
    pub fn to_toml_masked(&self) -> String {
        let mut masked = self.clone();
        for secret in [
            &mut masked.admin_token,
            &mut masked.webhook_secret,
            &mut masked.identity_secret,
        ] {
            if !secret.is_empty() {
                *secret = "********".into();
            }
        }
        // A Discord webhook URL is its own credential; SMTP URLs may carry a password.
        for url in [&mut masked.discord_webhook_url, &mut masked.smtp_url] {
            *url = mask_url(url);
        }
        toml::to_string(&masked).unwrap_or_default()
    }
}

/// `url` with its path and any password replaced by `********`.
fn mask_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, path) = match rest.find(['/', '?']) {
        Some(i) => (&rest[..i], Some(&rest[i..])),
        None => (rest, None),
    };
    let authority = match authority.rsplit_once('@') {
        Some((creds, host)) => {
            let user = creds.split(':').next().unwrap_or("");
            format!("{user}:********@{host}")
        }
        None => authority.to_string(),
    };
    let path = match path {
        Some(p) if p.len() > 1 => "/********",
        _ => "",
    };
    format!("{scheme}://{authority}{path}")
}

/// `scheme://host[:port]` without path.
fn is_origin(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.contains(['/', ' ', '?', '#']))
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
