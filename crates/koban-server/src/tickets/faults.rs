//! Test-only fault switch, compiled in only with the `fault-injection` cargo feature (off by
//! default) and set only from the `KOBAN_FAULTS` environment variable, never from the network.
//!
//! `KOBAN_FAULTS` is a comma-separated list:
//! - `fail-first-N`: the first N `POST /api/v1/tickets` requests get 503 before touching the store;
//! - `drop-after-commit` (or `drop-after-commit-N`): the first (N) created tickets or follow-ups
//!   (`POST /api/v1/tickets/{reference}/messages`) are committed, then the connection is dropped
//!   without a response;
//! - `delay-MS`: every `POST /api/v1/tickets` request waits MS milliseconds before touching the
//!   store (to exceed `request_timeout_ms`);
//! - `mail-panic`: `koban mail ingest` panics once it has connected the store (it must exit 75
//!   and print only `4.3.0 internal error`).
//!
//! Without the feature, [`Faults`] is an empty type whose checks are constant `false`.

#[cfg(feature = "fault-injection")]
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::time::Duration;

/// Faults to inject.
#[derive(Debug, Default)]
pub struct Faults {
    #[cfg(feature = "fault-injection")]
    fail_first: AtomicU32,
    #[cfg(feature = "fault-injection")]
    drop_after_commit: AtomicU32,
    #[cfg(feature = "fault-injection")]
    delay_ms: AtomicU64,
    #[cfg(feature = "fault-injection")]
    mail_panic: AtomicBool,
}

impl Faults {
    /// No faults.
    pub fn none() -> Faults {
        Faults::default()
    }

    /// Reads `KOBAN_FAULTS`. Without the `fault-injection` feature a set variable is an error, so
    /// a production build never silently ignores it.
    pub fn from_env() -> Result<Faults, String> {
        match std::env::var("KOBAN_FAULTS") {
            Ok(spec) if !spec.trim().is_empty() => Faults::parse(&spec),
            _ => Ok(Faults::none()),
        }
    }

    /// Parses a fault list (see the module docs).
    #[cfg(feature = "fault-injection")]
    pub fn parse(spec: &str) -> Result<Faults, String> {
        let faults = Faults::none();
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let count = |prefix: &str| -> Option<Result<u32, String>> {
                let rest = item.strip_prefix(prefix)?;
                Some(if rest.is_empty() {
                    Ok(1)
                } else {
                    rest.strip_prefix('-')
                        .and_then(|n| n.parse().ok())
                        .ok_or_else(|| format!("KOBAN_FAULTS: bad count in `{item}`"))
                })
            };
            if let Some(n) = count("fail-first") {
                faults.fail_first.store(n?, Ordering::SeqCst);
            } else if let Some(n) = count("drop-after-commit") {
                faults.drop_after_commit.store(n?, Ordering::SeqCst);
            } else if let Some(ms) = item.strip_prefix("delay-") {
                let ms = ms
                    .parse()
                    .map_err(|_| format!("KOBAN_FAULTS: bad milliseconds in `{item}`"))?;
                faults.delay_ms.store(ms, Ordering::SeqCst);
            } else if item == "mail-panic" {
                faults.mail_panic.store(true, Ordering::SeqCst);
            } else {
                return Err(format!(
                    "KOBAN_FAULTS: unknown fault `{item}` (expected fail-first-N, drop-after-commit[-N], delay-MS or mail-panic)"
                ));
            }
        }
        Ok(faults)
    }

    /// Without the `fault-injection` feature, any fault list is refused.
    #[cfg(not(feature = "fault-injection"))]
    pub fn parse(_spec: &str) -> Result<Faults, String> {
        Err("KOBAN_FAULTS is set but this build has no fault injection (cargo feature `fault-injection`)".into())
    }

    /// Whether this request should fail with 503 (consumes one).
    pub fn take_fail(&self) -> bool {
        #[cfg(feature = "fault-injection")]
        {
            take(&self.fail_first)
        }
        #[cfg(not(feature = "fault-injection"))]
        false
    }

    /// How long each ticket request should wait before touching the store (`None`: not at all).
    pub fn delay(&self) -> Option<Duration> {
        #[cfg(feature = "fault-injection")]
        {
            let ms = self.delay_ms.load(Ordering::SeqCst);
            (ms > 0).then(|| Duration::from_millis(ms))
        }
        #[cfg(not(feature = "fault-injection"))]
        None
    }

    /// Whether this committed request should drop its connection (consumes one).
    pub fn take_drop(&self) -> bool {
        #[cfg(feature = "fault-injection")]
        {
            take(&self.drop_after_commit)
        }
        #[cfg(not(feature = "fault-injection"))]
        false
    }

    /// Whether `koban mail ingest` should panic.
    pub fn mail_panic(&self) -> bool {
        #[cfg(feature = "fault-injection")]
        {
            self.mail_panic.load(Ordering::SeqCst)
        }
        #[cfg(not(feature = "fault-injection"))]
        false
    }
}

#[cfg(feature = "fault-injection")]
fn take(counter: &AtomicU32) -> bool {
    counter
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok()
}

#[cfg(all(test, feature = "fault-injection"))]
mod tests {
    use super::*;

    #[test]
    fn parses_and_counts_down() {
        let f = Faults::parse("fail-first-2, drop-after-commit").unwrap();
        assert!(f.take_fail() && f.take_fail() && !f.take_fail());
        assert!(f.take_drop() && !f.take_drop());
        assert_eq!(f.delay(), None);
        let f = Faults::parse("delay-1500").unwrap();
        assert_eq!(f.delay(), Some(Duration::from_millis(1500)));
        assert!(Faults::parse("delay-soon").is_err());
        assert!(Faults::parse("explode").is_err());
        assert!(Faults::parse("fail-first-x").is_err());
        assert!(Faults::parse("mail-panic").unwrap().mail_panic());
        assert!(!Faults::none().mail_panic());
    }
}
