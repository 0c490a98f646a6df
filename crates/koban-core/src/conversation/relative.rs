//! "3 minutes ago", "yesterday": [`relative_time`] maps two instants to a [`RelativeTime`] (a unit
//! and a whole count) that the widget feeds to a Fluent message, which picks the plural form of
//! the user's language (and may say "yesterday" for one day).
//!
//! Hand-written rather than `Intl.RelativeTimeFormat`: the thresholds must be the same in the
//! widget and in tests, and the words come from Koban's own Fluent files in all 12 locales. The
//! count is elapsed time floored to the unit, with no calendar or time zone: "1 day" means 24 to
//! 48 hours ago.
//!
//! | elapsed | unit | value |
//! |---|---|---|
//! | under 1 minute | seconds | 0–59 |
//! | under 1 hour | minutes | 1–59 |
//! | under 1 day | hours | 1–23 |
//! | under 7 days | days | 1–6 |
//! | under 30 days | weeks | 1–4 |
//! | under 365 days | months (30 days each, at most 11) | 1–11 |
//! | from 365 days | years (365 days each) | 1… |
//!
//! ```
//! use koban_core::conversation::{relative_time, RelativeTime, TimeUnit};
//! let now = 1_700_000_000;
//! assert_eq!(relative_time(now - 180, now), RelativeTime { unit: TimeUnit::Minutes, value: 3 });
//! assert_eq!(relative_time(now - 30 * 3_600, now), RelativeTime { unit: TimeUnit::Days, value: 1 });
//! ```

use serde::{Deserialize, Serialize};

use crate::home::announcements::rfc3339_to_unix;

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// The unit a relative time is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeUnit {
    /// Under a minute ("just now" when the value is 0).
    Seconds,
    /// Under an hour.
    Minutes,
    /// Under a day.
    Hours,
    /// Under a week ("yesterday" when the value is 1).
    Days,
    /// Under 30 days.
    Weeks,
    /// Under a year.
    Months,
    /// A year or more.
    Years,
}

impl TimeUnit {
    /// The lower-case name, e.g. for a Fluent selector: `seconds`, `minutes`, … `years`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeUnit::Seconds => "seconds",
            TimeUnit::Minutes => "minutes",
            TimeUnit::Hours => "hours",
            TimeUnit::Days => "days",
            TimeUnit::Weeks => "weeks",
            TimeUnit::Months => "months",
            TimeUnit::Years => "years",
        }
    }
}

/// How long ago something happened: `value` whole `unit`s, never negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RelativeTime {
    /// The unit.
    pub unit: TimeUnit,
    /// How many, floored.
    pub value: i64,
}

/// How long before `now` the instant `then` was (both Unix seconds), per the table in the
/// module docs. A `then` after `now` (clock skew between server and browser) reads as 0 seconds
/// ago.
pub fn relative_time(then: i64, now: i64) -> RelativeTime {
    let elapsed = now.saturating_sub(then).max(0);
    let (unit, value) = match elapsed {
        e if e < MINUTE => (TimeUnit::Seconds, e),
        e if e < HOUR => (TimeUnit::Minutes, e / MINUTE),
        e if e < DAY => (TimeUnit::Hours, e / HOUR),
        e if e < 7 * DAY => (TimeUnit::Days, e / DAY),
        e if e < 30 * DAY => (TimeUnit::Weeks, e / (7 * DAY)),
        e if e < 365 * DAY => (TimeUnit::Months, (e / (30 * DAY)).min(11)),
        e => (TimeUnit::Years, e / (365 * DAY)),
    };
    RelativeTime { unit, value }
}

/// Parses an RFC 3339 time (as [`rfc3339_to_unix`] does) to Unix milliseconds, keeping the
/// first three digits of a fraction: the server writes times with milliseconds, and read marks
/// compare them exactly.
///
/// ```
/// use koban_core::conversation::rfc3339_to_unix_ms;
/// assert_eq!(rfc3339_to_unix_ms("1970-01-01T00:00:01.5Z"), Some(1_500));
/// assert_eq!(rfc3339_to_unix_ms("1970-01-01T00:00:01.123456+01:00"), Some(-3_598_877));
/// assert_eq!(rfc3339_to_unix_ms("soon"), None);
/// ```
pub fn rfc3339_to_unix_ms(s: &str) -> Option<i64> {
    let secs = rfc3339_to_unix(s)?;
    let frac = s.get(19..).and_then(|r| r.strip_prefix('.')).unwrap_or("");
    let millis = frac
        .bytes()
        .take_while(u8::is_ascii_digit)
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0, |ms, d| ms * 10 + i64::from(d - b'0'));
    Some(secs * 1000 + millis)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ago(seconds: i64) -> (TimeUnit, i64) {
        let now = 2_000_000_000;
        let r = relative_time(now - seconds, now);
        (r.unit, r.value)
    }

    #[test]
    fn boundaries() {
        use TimeUnit::*;
        let cases = [
            (0, (Seconds, 0)),
            (59, (Seconds, 59)),
            (60, (Minutes, 1)),
            (119, (Minutes, 1)),
            (HOUR - 1, (Minutes, 59)),
            (HOUR, (Hours, 1)),
            (DAY - 1, (Hours, 23)),
            (DAY, (Days, 1)),
            (2 * DAY - 1, (Days, 1)),
            (2 * DAY, (Days, 2)),
            (7 * DAY - 1, (Days, 6)),
            (7 * DAY, (Weeks, 1)),
            (14 * DAY - 1, (Weeks, 1)),
            (30 * DAY - 1, (Weeks, 4)),
            (30 * DAY, (Months, 1)),
            (60 * DAY - 1, (Months, 1)),
            (364 * DAY, (Months, 11)),
            (365 * DAY - 1, (Months, 11)),
            (365 * DAY, (Years, 1)),
            (730 * DAY, (Years, 2)),
        ];
        for (elapsed, expected) in cases {
            assert_eq!(ago(elapsed), expected, "{elapsed} s ago");
        }
    }

    #[test]
    fn future_and_extremes_do_not_panic() {
        assert_eq!(ago(-5), (TimeUnit::Seconds, 0));
        assert_eq!(relative_time(i64::MAX, i64::MIN).value, 0);
        let far = relative_time(i64::MIN, i64::MAX);
        assert_eq!(far.unit, TimeUnit::Years);
        assert!(far.value > 0);
        assert_eq!(TimeUnit::Weeks.as_str(), "weeks");
    }

    #[test]
    fn milliseconds() {
        let base = rfc3339_to_unix("2026-03-01T10:00:00Z").unwrap() * 1000;
        assert_eq!(rfc3339_to_unix_ms("2026-03-01T10:00:00Z"), Some(base));
        assert_eq!(rfc3339_to_unix_ms("2026-03-01T10:00:00.000Z"), Some(base));
        assert_eq!(
            rfc3339_to_unix_ms("2026-03-01T10:00:00.07Z"),
            Some(base + 70)
        );
        assert_eq!(
            rfc3339_to_unix_ms("2026-03-01T10:00:00.9999Z"),
            Some(base + 999)
        );
        assert_eq!(
            rfc3339_to_unix_ms("2026-03-01T12:00:00.250+02:00"),
            Some(base + 250)
        );
        assert_eq!(rfc3339_to_unix_ms("2026-03-01T10:00:00.25"), None);
    }
}
