//! Announcements in effect at a given time, and the RFC 3339 parsing that needs.
//!
//! Hand-written: the widget needs only "is now between start and end", and a date-time crate
//! (chrono, time, jiff) would add far more to the wasm than these lines.

use crate::content::Announcement;

/// The announcements in effect at `now` (Unix seconds), in bundle order. An announcement whose
/// start or end does not parse is not shown.
pub fn in_effect(all: &[Announcement], now: i64) -> Vec<&Announcement> {
    all.iter()
        .filter(
            |a| match (rfc3339_to_unix(&a.starts), rfc3339_to_unix(&a.ends)) {
                (Some(s), Some(e)) => s <= now && now < e,
                _ => false,
            },
        )
        .collect()
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` to Unix seconds.
///
/// ```
/// use koban_core::home::announcements::rfc3339_to_unix;
/// assert_eq!(rfc3339_to_unix("1970-01-02T00:00:00Z"), Some(86_400));
/// assert_eq!(rfc3339_to_unix("2026-12-01T02:00:00+02:00"), rfc3339_to_unix("2026-12-01T00:00:00Z"));
/// assert_eq!(rfc3339_to_unix("yesterday"), None);
/// ```
pub fn rfc3339_to_unix(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        rest = &frac[digits..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ if rest.len() == 6 && (rest.starts_with('+') || rest.starts_with('-')) => {
            let oh = rest.get(1..3)?.parse::<i64>().ok()?;
            let om = rest.get(4..6)?.parse::<i64>().ok()?;
            let sign = if rest.starts_with('-') { -1 } else { 1 };
            sign * (oh * 3600 + om * 60)
        }
        _ => return None,
    };
    Some(days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + sec - offset)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Severity;

    fn ann(starts: &str, ends: &str) -> Announcement {
        Announcement {
            id: "a".into(),
            severity: Severity::Info,
            starts: starts.into(),
            ends: ends.into(),
            text: "x".into(),
        }
    }

    #[test]
    fn known_instants() {
        assert_eq!(rfc3339_to_unix("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(rfc3339_to_unix("2000-03-01T00:00:00Z"), Some(951_868_800));
        assert_eq!(
            rfc3339_to_unix("2026-11-30T00:45:54.123Z"),
            Some(1_795_999_554)
        );
        assert_eq!(rfc3339_to_unix("2026-11-30T00:45:54+25:00x"), None);
        assert_eq!(rfc3339_to_unix("2026-13-01T00:00:00Z"), None);
        assert_eq!(rfc3339_to_unix("2026-11-30T00:45:54"), None);
    }

    #[test]
    fn only_current_announcements() {
        let list = [
            ann("2026-11-01T00:00:00Z", "2027-06-30T00:00:00Z"),
            ann("2027-09-14T02:00:00Z", "2027-09-14T04:00:00Z"),
            ann("garbage", "2027-09-14T04:00:00Z"),
        ];
        let now = rfc3339_to_unix("2026-11-30T12:00:00Z").unwrap();
        let shown = in_effect(&list, now);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].starts, "2026-11-01T00:00:00Z");
        let at_end = rfc3339_to_unix("2027-06-30T00:00:00Z").unwrap();
        assert!(in_effect(&list, at_end).is_empty(), "end is exclusive");
    }
}
