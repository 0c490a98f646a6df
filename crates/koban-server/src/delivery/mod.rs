//! Delivery of new tickets, the user's follow-ups and satisfaction ratings to where the support
//! team works, and of agents' public replies to the requester's inbox: a background worker that
//! works off the durable [outbox](crate::store::outbox).
//!
//! Every committed ticket, follow-up and new or changed rating has one outbox row per configured
//! target, and every agent's public reply one `requester` row when the requester's emails are on
//! (each written in the transaction that stores it). The worker, started by `koban serve`:
//! 1. selects rows that are due and not leased, and takes each with a lease
//!    ([`Store::lease_outbox`]: one conditional `UPDATE`, proceeding only if it changed exactly one
//!    row), so several server instances on one database never deliver a row twice at once;
//! 2. delivers it: a signed JSON [webhook](payload), a [Discord](discord) channel message, an
//!    [email](email) to the team over SMTP, or the [requester]'s email about a reply;
//! 3. marks it delivered on a 2xx (or the SMTP server accepting the message), otherwise records
//!    the error and schedules the next attempt with capped exponential backoff (half fixed, half
//!    random, so a crowd of rows does not retry in lockstep); a `Retry-After` from the target is
//!    a floor. Rows are retried until delivered.
//!
//! Rows live in the database, so a restarted server resumes where the last one stopped; a lease
//! left by a crashed worker expires after [`DeliveryConfig::lease`]. Delivery is at least once:
//! a worker that dies after the target accepted but before the row was marked may deliver it
//! again, so receivers can dedupe on the `X-Koban-Delivery` header (the row id, stable across
//! attempts), which is also the emails' `Message-ID`.
//!
//! Ticket text is data everywhere: JSON-escaped in webhooks, Markdown- and mention-escaped for
//! Discord, sent as `text/plain` email to the team, and HTML-escaped in the HTML twin of the
//! requester's email.

pub mod discord;
pub mod email;
mod error;
pub mod payload;
pub mod requester;

use std::sync::Arc;
use std::time::Duration;

use koban_core::ticket::retry::RetryPolicy;
use rand::Rng;
use reqwest::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use tokio::sync::{Notify, watch};
use tokio::task::{JoinHandle, JoinSet};

pub use error::DeliveryError;
pub use requester::RequesterMail;

use crate::store::outbox::OutboxItem;
use crate::store::tickets::TicketRecord;
use crate::store::{Store, now_ms};

/// Where the generic JSON webhook goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookTarget {
    /// The receiver's URL.
    pub url: String,
    /// HMAC-SHA256 key of the `X-Koban-Signature` header.
    pub secret: String,
}

/// Where ticket emails go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailTarget {
    /// `smtp://host:port` (plain), `smtp://host?tls=required` (STARTTLS) or
    /// `smtps://user:pass@host` (implicit TLS).
    pub smtp_url: String,
    /// Sender address.
    pub from: String,
    /// Recipient address.
    pub to: String,
}

/// Delivery settings (from [`crate::config::Config::delivery`]).
#[derive(Debug, Clone)]
pub struct DeliveryConfig {
    /// The generic JSON webhook, if configured.
    pub webhook: Option<WebhookTarget>,
    /// The Discord channel webhook URL, if configured.
    pub discord_url: Option<String>,
    /// Email over SMTP, if configured.
    pub email: Option<EmailTarget>,
    /// The requester's emails about replies (target `requester`; not in [`Self::targets`]).
    pub requester: Option<RequesterMail>,
    /// Base of the backoff: the first retry comes after `retry_base / 2 ..= retry_base`.
    pub retry_base: Duration,
    /// Cap of the backoff.
    pub retry_max: Duration,
    /// Longest time one attempt (HTTP request, SMTP session) may take.
    pub timeout: Duration,
    /// How long a worker owns a row it is delivering; must exceed `timeout`.
    pub lease: Duration,
    /// How often the store is polled for due rows (tickets taken by other instances, retries);
    /// tickets accepted by this instance wake the worker at once.
    pub poll_interval: Duration,
    /// Rows taken per round, delivered concurrently.
    pub batch: usize,
}

impl Default for DeliveryConfig {
    fn default() -> Self {
        DeliveryConfig {
            webhook: None,
            discord_url: None,
            email: None,
            requester: None,
            retry_base: Duration::from_secs(2),
            retry_max: Duration::from_secs(3600),
            timeout: Duration::from_secs(10),
            lease: Duration::from_secs(60),
            poll_interval: Duration::from_secs(2),
            batch: 16,
        }
    }
}

impl DeliveryConfig {
    /// The configured targets, as named in outbox rows: `webhook`, `discord`, `email`.
    pub fn targets(&self) -> Vec<String> {
        [
            ("webhook", self.webhook.is_some()),
            ("discord", self.discord_url.is_some()),
            ("email", self.email.is_some()),
        ]
        .into_iter()
        .filter(|(_, on)| *on)
        .map(|(name, _)| name.to_string())
        .collect()
    }

    /// The lease for `timeout`: twice the attempt timeout plus a margin for the store.
    pub fn lease_for(timeout: Duration) -> Duration {
        timeout * 2 + Duration::from_secs(5)
    }

    /// Wait before the attempt after `failed_attempts` failures: capped exponential backoff,
    /// `random` in `[0, 1)` picking a point in the upper half of the window, and the target's
    /// `Retry-After` as a floor (capped at `retry_max`).
    pub fn backoff(
        &self,
        failed_attempts: i64,
        retry_after: Option<Duration>,
        random: f64,
    ) -> Duration {
        let policy = RetryPolicy {
            base_ms: self.retry_base.as_millis() as u64,
            cap_ms: self.retry_max.as_millis() as u64,
            retry_after_max_ms: self.retry_max.as_millis() as u64,
            max_attempts: u32::MAX,
        };
        let attempt = u32::try_from(failed_attempts.saturating_sub(1).max(0)).unwrap_or(u32::MAX);
        Duration::from_millis(policy.delay_ms(
            attempt,
            retry_after.map(|d| d.as_millis() as u64),
            0.5 + random.clamp(0.0, 1.0) / 2.0,
        ))
    }
}

/// A running delivery worker; stop it with [`DeliveryHandle::shutdown`]. Dropping the handle
/// detaches the worker: it then runs as long as the runtime does.
#[derive(Debug)]
pub struct DeliveryHandle {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl DeliveryHandle {
    /// Stops the worker after the attempts in progress end (their outcome is recorded).
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}

/// The worker's shared parts.
#[derive(Debug)]
struct Worker {
    store: Store,
    config: DeliveryConfig,
    http: reqwest::Client,
    smtp: Option<email::Mailer>,
    requester: Option<requester::RequesterMailer>,
    /// Lease owner name, unique per worker.
    owner: String,
}

/// Starts the delivery worker over `store`; `wake` (see
/// [`TicketsState::delivery_notify`](crate::tickets::TicketsState::delivery_notify)) starts a
/// round at once when a ticket is committed. Fails only on settings that cannot work.
pub fn spawn(
    store: Store,
    config: DeliveryConfig,
    wake: Arc<Notify>,
) -> Result<DeliveryHandle, String> {
    let http = reqwest::Client::builder()
        .user_agent(format!("koban/{}", koban_core::version::VERSION))
        .redirect(reqwest::redirect::Policy::none())
        .timeout(config.timeout)
        .build()
        .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
    let reply_address = config.requester.as_ref().map(|r| r.mail.clone());
    let smtp = match &config.email {
        Some(target) => {
            Some(email::Mailer::new(target, config.timeout)?.with_reply_address(reply_address))
        }
        None => None,
    };
    let requester = config
        .requester
        .as_ref()
        .map(|r| requester::RequesterMailer::new(r, config.timeout))
        .transpose()?;
    let worker = Arc::new(Worker {
        store,
        config,
        http,
        smtp,
        requester,
        owner: format!("wkr_{}", crate::tickets::random_hex(8)),
    });
    let (stop, stopped) = watch::channel(false);
    let task = tokio::spawn(run(worker, wake, stopped));
    Ok(DeliveryHandle { stop, task })
}

async fn run(worker: Arc<Worker>, wake: Arc<Notify>, mut stopped: watch::Receiver<bool>) {
    tracing::info!("delivery worker {} started", worker.owner);
    let poll = worker.config.poll_interval;
    let mut detached = false;
    loop {
        if *stopped.borrow() {
            break;
        }
        let now = now_ms();
        let mut full = false;
        match worker
            .store
            .due_outbox(now, worker.config.batch as i64)
            .await
        {
            Ok(items) => {
                full = items.len() == worker.config.batch;
                let mut attempts = JoinSet::new();
                for item in items {
                    attempts.spawn(attempt(worker.clone(), item));
                }
                while attempts.join_next().await.is_some() {}
            }
            Err(e) => tracing::warn!("delivery: cannot read the outbox: {e}"),
        }
        if full {
            continue;
        }
        let wait = match worker.store.next_outbox_due().await {
            Ok(Some(due)) => Duration::from_millis((due - now_ms()).max(0) as u64).min(poll),
            Ok(None) => poll,
            Err(e) => {
                tracing::warn!("delivery: cannot read the outbox: {e}");
                poll
            }
        };
        if wait.is_zero() {
            // Due now but leased or not taken this round: do not spin.
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        }
        tokio::select! {
            _ = wake.notified() => {}
            _ = tokio::time::sleep(wait) => {}
            changed = stopped.changed(), if !detached => detached = changed.is_err(),
        }
    }
    tracing::info!("delivery worker {} stopped", worker.owner);
}

/// Leases one row, delivers it and records the outcome.
async fn attempt(worker: Arc<Worker>, item: OutboxItem) {
    let store = &worker.store;
    let now = now_ms();
    let until = now + worker.config.lease.as_millis() as i64;
    match store
        .lease_outbox(&item.id, &worker.owner, now, until)
        .await
    {
        Ok(true) => {}
        Ok(false) => return,
        Err(e) => {
            tracing::warn!("delivery: cannot lease {}: {e}", item.id);
            return;
        }
    }
    let result = match store.ticket_by_id(&item.ticket_id).await {
        Ok(Some(ticket)) => {
            let timeout = worker.config.timeout;
            match tokio::time::timeout(timeout, worker.deliver(&item, &ticket)).await {
                Ok(r) => r,
                Err(_) => Err(DeliveryError::Timeout(timeout)),
            }
        }
        Ok(None) => Err(DeliveryError::TicketMissing),
        Err(e) => Err(e.into()),
    };
    let recorded = match &result {
        Ok(()) => {
            tracing::info!(
                "delivered {} of {} to {}",
                item.id,
                item.reference,
                item.target
            );
            store.outbox_delivered(&item.id, now_ms()).await
        }
        Err(e) => {
            let failed = item.attempts + 1;
            let wait = worker
                .config
                .backoff(failed, e.retry_after(), rand::rng().random());
            tracing::warn!(
                "delivery of {} ({}) to {} failed (attempt {failed}), retrying in {wait:?}: {e}",
                item.id,
                item.reference,
                item.target
            );
            let message: String = e.to_string().chars().take(500).collect();
            store
                .outbox_failed(
                    &item.id,
                    &worker.owner,
                    now_ms() + wait.as_millis() as i64,
                    &message,
                )
                .await
        }
    };
    if let Err(e) = recorded {
        // The lease expires and the row is tried again.
        tracing::warn!("delivery: cannot record the outcome of {}: {e}", item.id);
    }
}

impl Worker {
    async fn deliver(&self, item: &OutboxItem, ticket: &TicketRecord) -> Result<(), DeliveryError> {
        match item.target.as_str() {
            "webhook" => {
                let target = self
                    .config
                    .webhook
                    .as_ref()
                    .ok_or(DeliveryError::NotConfigured("webhook_url"))?;
                let body = payload::webhook_body(item, ticket);
                let signature = payload::signature(&target.secret, &body);
                let req = self
                    .http
                    .post(&target.url)
                    .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                    .header(payload::SIGNATURE_HEADER, format!("sha256={signature}"))
                    .header(payload::EVENT_HEADER, item.event.wire_name())
                    .header(payload::DELIVERY_HEADER, &item.id)
                    .body(body);
                check(req.send().await?).await
            }
            "discord" => {
                let url = self
                    .config
                    .discord_url
                    .as_deref()
                    .ok_or(DeliveryError::NotConfigured("discord_webhook_url"))?;
                let req = self
                    .http
                    .post(url)
                    .json(&discord::message(&item.event, ticket));
                check(req.send().await?).await
            }
            "email" => {
                let mailer = self
                    .smtp
                    .as_ref()
                    .ok_or(DeliveryError::NotConfigured("smtp_url"))?;
                mailer.send(item, ticket).await
            }
            "requester" => {
                let mailer = self
                    .requester
                    .as_ref()
                    .ok_or(DeliveryError::NotConfigured("reply_domain"))?;
                mailer.send(&self.store, item, ticket).await
            }
            other => Err(DeliveryError::UnknownTarget(other.to_string())),
        }
    }
}

/// A 2xx is a delivery; anything else an error carrying `Retry-After` and the body's start.
async fn check(res: reqwest::Response) -> Result<(), DeliveryError> {
    let status = res.status();
    if status.is_success() {
        return Ok(());
    }
    let retry_after = res
        .headers()
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            koban_core::ticket::retry::parse_retry_after(v, now_ms().max(0) as u64)
                .map(Duration::from_millis)
                // Discord sends fractional seconds.
                .or_else(|| v.trim().parse::<f64>().ok().map(Duration::from_secs_f64))
        });
    let body = res.text().await.unwrap_or_default();
    let body: String = body.chars().filter(|c| !c.is_control()).take(200).collect();
    Err(DeliveryError::Status {
        status: status.as_u16(),
        retry_after,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap_with_retry_after_as_floor() {
        let c = DeliveryConfig {
            retry_base: Duration::from_secs(2),
            retry_max: Duration::from_secs(60),
            ..DeliveryConfig::default()
        };
        let secs = |attempts, random| c.backoff(attempts, None, random).as_millis();
        assert_eq!(secs(1, 0.0), 1_000);
        assert_eq!(secs(1, 0.999_999), 1_999);
        assert_eq!(secs(2, 0.0), 2_000);
        assert_eq!(secs(3, 0.0), 4_000);
        assert_eq!(secs(40, 0.0), 30_000);
        assert!(secs(40, 0.999_999) < 60_000);
        assert_eq!(
            c.backoff(1, Some(Duration::from_secs(30)), 0.0),
            Duration::from_secs(30)
        );
        assert_eq!(
            c.backoff(1, Some(Duration::from_secs(3600)), 0.0),
            Duration::from_secs(60),
            "Retry-After is capped"
        );
        assert!(DeliveryConfig::lease_for(c.timeout) > c.timeout);
    }
}
