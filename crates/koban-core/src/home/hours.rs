//! Support hours: open now or not, and the hours in the user's own time zone.
//!
//! Time zone rules stay in the browser: the widget asks `Intl` for the UTC offset of the support
//! time zone and of the user's at this moment and passes both in; the arithmetic is here.

use crate::content::Support;

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Support hours as the user should see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoursStatus {
    /// Whether support is open at this moment.
    pub open_now: bool,
    /// Opening time in the user's time zone, minutes after midnight.
    pub local_open: u32,
    /// Closing time in the user's time zone, minutes after midnight.
    pub local_close: u32,
}

/// Parses `HH:MM` into minutes after midnight.
pub fn parse_hhmm(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (h <= 24 && m < 60 && h * 60 + m <= 1440).then_some(h * 60 + m)
}

/// Formats minutes after midnight as `HH:MM`.
pub fn format_hhmm(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60 % 24, minutes % 60)
}

/// Status of `support` at `now` (Unix seconds), where the support time zone is
/// `support_offset_min` minutes ahead of UTC and the user's is `user_offset_min` ahead.
/// `None` when the hours do not parse.
///
/// ```
/// use koban_core::content::Support;
/// use koban_core::home::hours::status;
/// let s = Support { timezone: "Europe/Berlin".into(), days: vec!["mon".into()], open: "08:00".into(), close: "20:00".into(), reply_time: String::new() };
/// // Monday 2026-11-30 09:00 UTC = 10:00 in Berlin (UTC+1); the user is in Tokyo (UTC+9).
/// let st = status(&s, 1_796_029_200, 60, 540).unwrap();
/// assert!(st.open_now);
/// assert_eq!((st.local_open, st.local_close), (16 * 60, 4 * 60));
/// ```
pub fn status(
    support: &Support,
    now: i64,
    support_offset_min: i32,
    user_offset_min: i32,
) -> Option<HoursStatus> {
    let open = parse_hhmm(&support.open)?;
    let close = parse_hhmm(&support.close)?;
    let local = now + i64::from(support_offset_min) * 60;
    let day = local.div_euclid(86_400);
    let minute = (local.rem_euclid(86_400) / 60) as u32;
    // 1970-01-01 was a Thursday: index 3 in DAYS.
    let weekday = DAYS[((day + 3).rem_euclid(7)) as usize];
    let open_today = support.days.iter().any(|d| d.eq_ignore_ascii_case(weekday));
    let shift = |m: u32| (m as i32 - support_offset_min + user_offset_min).rem_euclid(1440) as u32;
    Some(HoursStatus {
        open_now: open_today && open <= minute && minute < close,
        local_open: shift(open),
        local_close: shift(close),
    })
}

/// The open days as runs of consecutive weekdays (0 = Monday … 6 = Sunday), for display as
/// "Mon–Fri" or "Mon, Wed–Thu". Unknown day names are ignored.
///
/// ```
/// use koban_core::home::hours::day_spans;
/// let days: Vec<String> = ["mon", "tue", "wed", "fri"].map(String::from).to_vec();
/// assert_eq!(day_spans(&days), vec![(0, 2), (4, 4)]);
/// ```
pub fn day_spans(days: &[String]) -> Vec<(usize, usize)> {
    let open: Vec<bool> = DAYS
        .iter()
        .map(|d| days.iter().any(|x| x.eq_ignore_ascii_case(d)))
        .collect();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < 7 {
        if open[i] {
            let start = i;
            while i + 1 < 7 && open[i + 1] {
                i += 1;
            }
            spans.push((start, i));
        }
        i += 1;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn berlin() -> Support {
        Support {
            timezone: "Europe/Berlin".into(),
            days: ["mon", "tue", "wed", "thu", "fri"]
                .map(String::from)
                .to_vec(),
            open: "08:00".into(),
            close: "20:00".into(),
            reply_time: String::new(),
        }
    }

    #[test]
    fn open_and_closed() {
        let monday_0700_utc = 1_796_022_000; // 08:00 Berlin: open
        assert!(status(&berlin(), monday_0700_utc, 60, 0).unwrap().open_now);
        assert!(
            !status(&berlin(), monday_0700_utc - 60, 60, 0)
                .unwrap()
                .open_now,
            "07:59 Berlin"
        );
        assert!(
            !status(&berlin(), monday_0700_utc + 12 * 3600, 60, 0)
                .unwrap()
                .open_now,
            "20:00 is closed"
        );
        let saturday = monday_0700_utc - 2 * 86_400 + 3 * 3600;
        assert!(!status(&berlin(), saturday, 60, 0).unwrap().open_now);
    }

    #[test]
    fn spans_of_days() {
        let all: Vec<String> = DAYS.map(String::from).to_vec();
        assert_eq!(day_spans(&all), vec![(0, 6)]);
        assert_eq!(
            day_spans(&["sun".into(), "MON".into(), "x".into()]),
            vec![(0, 0), (6, 6)]
        );
        assert!(day_spans(&[]).is_empty());
    }

    #[test]
    fn local_hours_shift_and_wrap() {
        let st = status(&berlin(), 0, 60, -300).unwrap(); // user in New York (UTC-5)
        assert_eq!(format_hhmm(st.local_open), "02:00");
        assert_eq!(format_hhmm(st.local_close), "14:00");
        assert_eq!(parse_hhmm("25:00"), None);
        assert_eq!(parse_hhmm("8:5"), Some(485));
    }
}
