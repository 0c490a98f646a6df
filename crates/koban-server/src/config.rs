//! `koban.toml`: the server's settings. Each key is declared once, as a field of [`Config`]: its
//! doc comment says what it does, its `#[default(..)]` what a missing key means. Every key is
//! optional. `koban config check` prints every key with its effective value.
//!
//! Every key can also be set by an environment variable, `KOBAN_` + the key in upper case
//! (`KOBAN_ADMIN_TOKEN`), plus `DATABASE_URL` for `database_url`; the environment wins over the
//! file. The variables are gathered into a table of the same keys and read like the file, with
//! unknown keys refused: a misspelt `KOBAN_ADMIN_TOKN` is an error that names it, for
//! `koban config check` and for `koban serve` alike ([`env`] has the rules, and the `KOBAN_*`
//! variables that are not settings).
//!
//! - [`env`]: the environment as settings.
//! - [`check`]: values that parse but make no sense.

pub mod check;
pub mod env;

use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use smart_default::SmartDefault;

use crate::delivery::{DeliveryConfig, EmailTarget, RequesterMail, WebhookTarget};
use crate::store::DEFAULT_DATABASE_URL;
use crate::tickets::TicketsConfig;

/// The file read when `--config` is not given (if it exists).
pub const DEFAULT_CONFIG_FILE: &str = "koban.toml";

/// Server settings: every `koban.toml` key with its default (see the module docs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, SmartDefault)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Ticket store: `sqlite://<path>` or `postgres://user:pass@host/db` (also `DATABASE_URL`).
    #[default(DEFAULT_DATABASE_URL.to_string())]
    pub database_url: String,
    /// Bearer token of the admin API; empty: the admin API is off.
    pub admin_token: String,
    /// Origins allowed to call the API. Empty is a development default: the server's own origin
    /// plus any `http://` origin on `localhost` / `127.0.0.1` (any port). In production list the
    /// embedding sites.
    pub cors_origins: Vec<String>,
    /// IPs / CIDR blocks of reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<String>,
    /// Larger request bodies get 413.
    #[default(64 * 1024)]
    pub body_limit_bytes: u64,
    /// Slower requests get 503 + `Retry-After`.
    #[default(10_000)]
    pub request_timeout_ms: u64,
    /// Tickets filled in faster than this are rejected (0: off).
    #[default(3_000)]
    pub min_fill_ms: u64,
    /// Tickets per client IP per minute (0: off).
    #[default(20)]
    pub rate_limit_ip_per_minute: u32,
    /// Tickets per sender email per hour (0: off).
    #[default(10)]
    pub rate_limit_email_per_hour: u32,
    /// Feedback batches per client IP per minute (0: off).
    #[default(60)]
    pub rate_limit_feedback_per_minute: u32,
    /// `Idempotency-Key`s are kept at least this long (>= 24).
    #[default(24)]
    pub idempotency_ttl_hours: u64,
    /// An answered request with no follow-up for this many days is closed (0: never).
    #[default(7)]
    pub auto_close_days: u32,
    /// JSON webhook for new tickets (HMAC-SHA256 signed); empty: off.
    pub webhook_url: String,
    /// HMAC key of the webhook signature.
    pub webhook_secret: String,
    /// Discord channel webhook; empty: off.
    pub discord_webhook_url: String,
    /// `smtp://host:port` or `smtps://user:pass@host`; empty: no ticket emails.
    pub smtp_url: String,
    /// Sender of ticket emails.
    pub smtp_from: String,
    /// Where ticket emails go.
    pub smtp_to: String,
    /// The first delivery retry comes after 1-2 times this, doubling per failure.
    #[default(2_000)]
    pub delivery_retry_base_ms: u64,
    /// A pending delivery is retried at least this often.
    #[default(3_600_000)]
    pub delivery_retry_max_ms: u64,
    /// One webhook request / SMTP session takes at most this long.
    #[default(10_000)]
    pub delivery_timeout_ms: u64,
    /// HS256 key of identity tokens (>= 32 characters); empty: tickets are never verified.
    pub identity_secret: String,
    /// `POST /api/v1/attachments` and tickets' `attachments`.
    pub attachments_enabled: bool,
    /// Where uploads are stored (never a served directory).
    #[default("data/attachments")]
    pub attachments_dir: String,
    /// Larger uploads get 413.
    #[default(5 * 1024 * 1024)]
    pub attachment_max_bytes: u64,
    /// Domain whose mail the MTA pipes into `koban mail ingest`; empty: replies by email are off.
    /// With `smtp_url` set, the requester gets each public reply by email, and every email says
    /// `Reply-To: <reply_local>+<token>@<reply_domain>`.
    pub reply_domain: String,
    /// Local part of the reply address, before `+<token>`.
    #[default("support")]
    pub reply_local: String,
    /// Key that derives each ticket's reply token (>= 32 characters; required with
    /// `reply_domain`). Changing it invalidates the reply addresses already sent.
    pub reply_secret: String,
    /// Agents who may answer by email: `"Mika Tanaka <mika@example.com>"` or an address. Mail
    /// from these addresses to a ticket's reply address is a public reply under that name.
    pub agents: Vec<String>,
    /// Link to the conversation in the requester's emails (`{reference}` is replaced by the
    /// ticket's reference); empty: no link.
    pub conversation_url: String,
    /// Larger inbound mails are refused (`koban mail ingest` exits 65).
    #[default(25 * 1024 * 1024)]
    pub mail_max_bytes: u64,
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

    /// Applies `KOBAN_*` and `DATABASE_URL` overrides; returns the unparseable and unknown ones,
    /// each named by its variable (see [`env`]).
    pub fn apply_env(&mut self, env: &[(String, String)]) -> Vec<ConfigError> {
        env::apply(self, env)
    }

    /// Delivery settings: the targets, the requester's emails and the retry schedule.
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
            requester: some(&self.smtp_url)
                .zip(self.mail())
                .map(|(smtp_url, mail)| RequesterMail {
                    smtp_url,
                    from: self.smtp_from.clone(),
                    mail,
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

    /// Delivery targets of an agent's public reply: `["requester"]` when `smtp_url` and
    /// `reply_domain` are both set (the requester gets it by email), else none.
    pub fn requester_targets(&self) -> Vec<String> {
        self.delivery().requester_targets()
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
            requester_targets: self.requester_targets(),
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
            &mut masked.reply_secret,
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

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
