//! When the widget sends a ticket again: which outcomes are worth a retry, and how long to wait.
//!
//! Everything here is a pure function of its inputs (attempt number, the server's `Retry-After`,
//! a random number, the current time), so the schedule is unit-tested with a fake clock and the
//! widget only supplies `Math.random()` and `Date.now()`.
//!
//! The wait is capped exponential backoff with *full jitter* (a uniformly random wait between 0
//! and `min(cap, base · 2^attempt)`), which spreads a crowd of clients coming back after an outage.
//! A `Retry-After` from the server is a floor: the widget never comes back earlier than asked.
//!
//! ```
//! use koban_core::ticket::retry::{classify, Outcome, RetryPolicy, Verdict};
//! let policy = RetryPolicy::default();
//! assert_eq!(classify(Outcome::Status(503)), Verdict::Retry);
//! assert_eq!(classify(Outcome::Status(422)), Verdict::Fail);
//! // Second failure (attempt 1), random 0.5: half of 2 s.
//! assert_eq!(policy.delay_ms(1, None, 0.5), 1_000);
//! // Retry-After: 10 s wins over the jittered wait.
//! assert_eq!(policy.delay_ms(1, Some(10_000), 0.5), 10_000);
//! ```

/// What came back from one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No HTTP response: offline, DNS, connection refused or reset, CORS failure, timeout.
    Network,
    /// An HTTP response with this status.
    Status(u16),
}

/// What to do about an [`Outcome`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Accepted (2xx): stop, the ticket is in.
    Done,
    /// Transient: wait [`RetryPolicy::delay_ms`] and send the same request again, with the same
    /// `Idempotency-Key`.
    Retry,
    /// The request itself is wrong (other 4xx, or an unexpected status): show it, do not retry.
    Fail,
}

/// Classifies an outcome: network errors, 408, 429 and 5xx are retried.
///
/// 409 is retried too: the server answers it while an earlier attempt with the same
/// `Idempotency-Key` is still being processed, so waiting and asking again yields that attempt's
/// stored result. Every other 4xx (and 1xx/3xx, which `fetch` does not surface) is final.
pub fn classify(outcome: Outcome) -> Verdict {
    match outcome {
        Outcome::Network => Verdict::Retry,
        Outcome::Status(200..=299) => Verdict::Done,
        Outcome::Status(408 | 409 | 429) | Outcome::Status(500..=599) => Verdict::Retry,
        Outcome::Status(_) => Verdict::Fail,
    }
}

/// Backoff parameters. All times in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Upper bound of the first wait.
    pub base_ms: u64,
    /// Upper bound of any jittered wait.
    pub cap_ms: u64,
    /// A `Retry-After` longer than this is treated as this (protects against absurd values).
    pub retry_after_max_ms: u64,
    /// Attempts (the first one included) before the widget stops retrying in the foreground and
    /// parks the ticket in its outbox until the next `online` event or page load.
    pub max_attempts: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            base_ms: 1_000,
            cap_ms: 30_000,
            retry_after_max_ms: 10 * 60_000,
            max_attempts: 6,
        }
    }
}

impl RetryPolicy {
    /// How long to wait after the failed attempt number `attempt` (0 for the first request)
    /// before the next one.
    ///
    /// `random` is uniform in `[0, 1)` (values outside are clamped); `retry_after_ms` is the
    /// server's `Retry-After` (see [`parse_retry_after`]), which acts as a floor.
    pub fn delay_ms(&self, attempt: u32, retry_after_ms: Option<u64>, random: f64) -> u64 {
        let ceiling = self
            .base_ms
            .checked_shl(attempt.min(63))
            .filter(|v| v >> attempt.min(63) == self.base_ms)
            .unwrap_or(u64::MAX)
            .min(self.cap_ms);
        let random = if random.is_nan() {
            0.0
        } else {
            random.clamp(0.0, 1.0)
        };
        let jittered = ((ceiling as f64) * random).floor() as u64;
        match retry_after_ms {
            Some(ra) => jittered.max(ra.min(self.retry_after_max_ms)),
            None => jittered,
        }
    }

    /// [`delay_ms`](Self::delay_ms) with the random number given as a `u32` (e.g. from
    /// `crypto.getRandomValues`), mapped to `[0, 1)`.
    pub fn delay_ms_u32(&self, attempt: u32, retry_after_ms: Option<u64>, random: u32) -> u64 {
        self.delay_ms(
            attempt,
            retry_after_ms,
            f64::from(random) / (f64::from(u32::MAX) + 1.0),
        )
    }

    /// Whether another foreground attempt is allowed after `attempts` attempts were made.
    pub fn may_retry(&self, attempts: u32) -> bool {
        attempts < self.max_attempts
    }
}

/// Parses a `Retry-After` header value, either delay-seconds (`120`) or an HTTP date
/// (`Wed, 21 Oct 2015 07:28:00 GMT`), into milliseconds from `now_unix_ms`. A date in the past
/// means 0; anything unparseable means `None` (no floor).
pub fn parse_retry_after(value: &str, now_unix_ms: u64) -> Option<u64> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            value
                .parse::<u64>()
                .unwrap_or(u64::MAX / 1000)
                .saturating_mul(1000),
        );
    }
    let at = parse_http_date(value)?;
    Some(at.saturating_sub(now_unix_ms))
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`, the only form servers may send) into
/// Unix milliseconds.
pub fn parse_http_date(value: &str) -> Option<u64> {
    let parts: Vec<&str> = value.split_ascii_whitespace().collect();
    let [_, day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    let day: u32 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|m| m == month)? as u32 + 1;
    let year: i64 = year.parse().ok().filter(|y| *y >= 1970)?;
    let mut hms = time.split(':').map(|p| p.parse::<u64>().ok());
    let (Some(Some(h)), Some(Some(m)), Some(Some(s)), None) =
        (hms.next(), hms.next(), hms.next(), hms.next())
    else {
        return None;
    };
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let secs = u64::try_from(days).ok()? * 86_400 + h * 3600 + m * 60 + s;
    Some(secs * 1000)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifier() {
        assert_eq!(classify(Outcome::Network), Verdict::Retry);
        for s in [200, 201, 204] {
            assert_eq!(classify(Outcome::Status(s)), Verdict::Done, "{s}");
        }
        for s in [408, 409, 429, 500, 502, 503, 504, 599] {
            assert_eq!(classify(Outcome::Status(s)), Verdict::Retry, "{s}");
        }
        for s in [400, 401, 403, 404, 413, 415, 422, 301, 100] {
            assert_eq!(classify(Outcome::Status(s)), Verdict::Fail, "{s}");
        }
    }

    #[test]
    fn ceilings_double_up_to_the_cap_and_never_overflow() {
        let p = RetryPolicy::default();
        let max: Vec<u64> = (0..8).map(|a| p.delay_ms(a, None, 1.0)).collect();
        assert_eq!(
            max,
            [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]
        );
        for attempt in [40, 63, 64, 1000, u32::MAX] {
            assert_eq!(p.delay_ms(attempt, None, 1.0), 30_000);
            assert_eq!(p.delay_ms(attempt, None, 0.0), 0);
        }
        assert_eq!(p.delay_ms(3, None, f64::NAN), 0);
        assert_eq!(p.delay_ms(3, None, 7.0), 8_000);
        assert_eq!(p.delay_ms_u32(0, None, 0), 0);
        assert!(p.delay_ms_u32(0, None, u32::MAX) < 1_000);
        assert_eq!(p.delay_ms_u32(1, None, 1 << 31), 1_000);
    }

    #[test]
    fn full_jitter_spans_the_whole_range() {
        let p = RetryPolicy::default();
        let waits: Vec<u64> = (0..=10)
            .map(|i| p.delay_ms(2, None, f64::from(i) / 10.0))
            .collect();
        assert_eq!(waits.first(), Some(&0));
        assert_eq!(waits.last(), Some(&4_000));
        assert!(waits.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn retry_after_is_a_floor_and_is_bounded() {
        let p = RetryPolicy::default();
        assert_eq!(p.delay_ms(0, Some(5_000), 0.9), 5_000);
        assert_eq!(p.delay_ms(5, Some(5_000), 0.5), 15_000);
        assert_eq!(p.delay_ms(0, Some(u64::MAX), 0.0), 600_000);
    }

    #[test]
    fn retry_after_parsing() {
        let now = parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
        assert_eq!(now, 1_445_412_480_000);
        assert_eq!(parse_retry_after("120", now), Some(120_000));
        assert_eq!(parse_retry_after(" 0 ", now), Some(0));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now),
            Some(30_000)
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now),
            Some(0)
        );
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777_000)
        );
        assert_eq!(
            parse_http_date("Thu, 29 Feb 2024 00:00:00 GMT"),
            Some(1_709_164_800_000)
        );
        for bad in [
            "",
            "-1",
            "1.5",
            "soon",
            "Wed, 21 Oct 2015 07:28:00 PST",
            "Wed, 21 Foo 2015 07:28:00 GMT",
        ] {
            assert_eq!(parse_retry_after(bad, now), None, "{bad}");
        }
        assert_eq!(
            parse_retry_after("99999999999999999999", now),
            Some(u64::MAX / 1000 * 1000)
        );
    }

    /// A fake clock driving the whole schedule the way the widget does: send, classify, wait.
    #[test]
    fn schedule_under_a_fake_clock() {
        struct Clock {
            now: u64,
        }
        let policy = RetryPolicy::default();
        let mut clock = Clock {
            now: 1_445_412_480_000,
        };
        let start = clock.now;
        // Scripted server: network error, 503, 429 with Retry-After date 20 s ahead, 500 with
        // Retry-After 3 (seconds), then 201.
        let retry_after_date = "Wed, 21 Oct 2015 07:28:30 GMT";
        let responses: [(Outcome, Option<&str>); 5] = [
            (Outcome::Network, None),
            (Outcome::Status(503), None),
            (Outcome::Status(429), Some(retry_after_date)),
            (Outcome::Status(500), Some("3")),
            (Outcome::Status(201), None),
        ];
        let randoms = [0.25, 0.5, 0.1, 0.99];
        let mut sent_at = Vec::new();
        for (attempt, (outcome, retry_after)) in responses.iter().enumerate() {
            sent_at.push(clock.now - start);
            match classify(*outcome) {
                Verdict::Done => break,
                Verdict::Fail => panic!("not retried"),
                Verdict::Retry => {
                    assert!(policy.may_retry(attempt as u32 + 1));
                    let ra = retry_after.and_then(|v| parse_retry_after(v, clock.now));
                    clock.now += policy.delay_ms(attempt as u32, ra, randoms[attempt]);
                }
            }
        }
        // 0; +250 (0.25 of 1 s); +1000 (0.5 of 2 s); then at 1250 the Retry-After date is
        // 30 000 - 1250 = 28 750 ms away, above 0.1 of 4 s; then max(3000, 0.99 of 8 s = 7920).
        assert_eq!(sent_at, [0, 250, 1_250, 30_000, 37_920]);
        assert!(!policy.may_retry(6));
    }
}
