//! Property tests of the conversation rules: for random event sequences from any status, the
//! status machine keeps its promises (a follow-up always reopens, only answered requests are
//! auto-closed, finished requests leave only on a follow-up, internal notes change nothing,
//! retries are harmless), auto-close and the rating window agree with the machine, relative
//! times are monotonic, and read marks only ever lower the unread count.

use koban_core::conversation::rating::{CHANGE_DAYS, RatingRefused, may_rate};
use koban_core::conversation::{
    Author, Event, RelativeTime, Status, ThreadEntry, TimeUnit, due_for_auto_close, relative_time,
    unread_count,
};
use proptest::prelude::*;

fn status() -> impl Strategy<Value = Status> {
    proptest::sample::select(Status::ALL.to_vec())
}

fn event() -> impl Strategy<Value = Event> {
    proptest::sample::select(Event::ALL.to_vec())
}

/// Applies `events` in order; a refused event leaves the status as it was (what the server
/// does: it answers with the current status and changes nothing).
fn run(from: Status, events: &[Event]) -> Status {
    events.iter().fold(from, |s, &e| s.apply(e).unwrap_or(s))
}

proptest! {
    #[test]
    fn a_follow_up_last_leaves_it_open(from in status(), events in proptest::collection::vec(event(), 0..20)) {
        let mut events = events;
        events.push(Event::UserFollowUp);
        prop_assert_eq!(run(from, &events), Status::Open);
    }

    #[test]
    fn auto_close_applies_only_to_answered(from in status()) {
        match from.apply(Event::AutoClose) {
            Ok(to) => {
                prop_assert_eq!(from, Status::Answered);
                prop_assert_eq!(to, Status::Closed);
            }
            Err(refused) => {
                prop_assert_ne!(from, Status::Answered);
                prop_assert_eq!(refused.from, from);
            }
        }
    }

    #[test]
    fn finished_requests_leave_only_on_a_follow_up(from in status(), events in proptest::collection::vec(event(), 1..20)) {
        let mut s = from;
        for e in events {
            let next = s.apply(e).unwrap_or(s);
            if s.is_finished() && next != s {
                prop_assert_eq!(e, Event::UserFollowUp);
                prop_assert_eq!(next, Status::Open);
            }
            s = next;
        }
    }

    #[test]
    fn internal_notes_never_change_status(from in status(), events in proptest::collection::vec(event(), 0..20)) {
        let notes_removed: Vec<Event> = events.iter().copied().filter(|e| *e != Event::InternalNote).collect();
        prop_assert_eq!(run(from, &events), run(from, &notes_removed));
        prop_assert_eq!(from.apply(Event::InternalNote), Ok(from));
    }

    #[test]
    fn a_retried_event_changes_nothing_more(from in status(), e in event()) {
        if let Ok(once) = from.apply(e) {
            let twice = once.apply(e).unwrap_or(once);
            prop_assert_eq!(twice, once);
        }
    }

    #[test]
    fn only_support_answers_and_only_the_user_solves(from in status(), e in event()) {
        if let Ok(to) = from.apply(e) && to != from {
            match to {
                Status::Answered => prop_assert_eq!(e, Event::PublicReply),
                Status::Solved => prop_assert_eq!(e, Event::SolvedByUser),
                Status::Open => prop_assert_eq!(e, Event::UserFollowUp),
                Status::Closed => prop_assert!(matches!(e, Event::ClosedByAgent | Event::AutoClose)),
            }
        }
    }

    #[test]
    fn auto_close_due_agrees_with_the_machine_and_stays_due(
        s in status(),
        reply in proptest::option::of(-1_000_000_000i64..1_000_000_000),
        user in proptest::option::of(-1_000_000_000i64..1_000_000_000),
        now in -1_000_000_000i64..1_000_000_000,
        later in 0i64..1_000_000_000,
        days in 0u32..30,
    ) {
        if due_for_auto_close(s, reply, user, now, days) {
            prop_assert_eq!(s.apply(Event::AutoClose), Ok(Status::Closed));
            prop_assert!(days > 0);
            prop_assert!(due_for_auto_close(s, reply, user, now + later, days));
            // A follow-up after the reply, however late, prevents it.
            let reply = reply.unwrap();
            prop_assert!(!due_for_auto_close(s, Some(reply), Some(reply + later), now, days));
        }
    }

    #[test]
    fn a_rating_is_locked_for_good_once_the_window_passed(
        s in status(),
        first in -1_000_000_000i64..1_000_000_000,
        after in 0i64..100_000_000,
    ) {
        let now = first + after;
        let window = i64::from(CHANGE_DAYS) * 86_400;
        let verdict = may_rate(s, Some(first), now);
        if !s.is_finished() {
            prop_assert_eq!(verdict, Err(RatingRefused::NotFinished));
        } else {
            prop_assert_eq!(verdict.is_ok(), after < window);
            prop_assert_eq!(may_rate(s, None, now), Ok(()));
        }
    }

    #[test]
    fn relative_time_is_monotonic(then in -4_000_000_000i64..4_000_000_000, a in 0i64..4_000_000_000, b in 0i64..4_000_000_000) {
        let (near, far) = (a.min(b), a.max(b));
        let order = |r: RelativeTime| (r.unit as u8, r.value);
        let (rn, rf) = (relative_time(then, then + near), relative_time(then, then + far));
        prop_assert!(order(rn) <= order(rf), "{rn:?} after {near} s, {rf:?} after {far} s");
        prop_assert!(rn.value >= 0);
        prop_assert!(rn.unit == TimeUnit::Seconds || rn.value >= 1);
    }

    #[test]
    fn a_later_mark_never_raises_unread(
        times in proptest::collection::vec((any::<bool>(), 0i64..1_000_000), 0..20),
        a in 0i64..1_000_000,
        b in 0i64..1_000_000,
    ) {
        let at = |ms: i64| format!("2026-03-01T00:{:02}:{:02}.{:03}Z", ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
        let entries: Vec<ThreadEntry> = times
            .iter()
            .map(|&(agent, ms)| ThreadEntry::Message {
                author: if agent { Author::Agent { name: None } } else { Author::User },
                body: "b".into(),
                attachments: vec![],
                created_at: at(ms),
            })
            .collect();
        let agents = times.iter().filter(|(agent, _)| *agent).count() as u32;
        let (early, late) = (a.min(b), a.max(b));
        let (ue, ul) = (unread_count(&entries, Some(&at(early))), unread_count(&entries, Some(&at(late))));
        prop_assert!(ul <= ue && ue <= agents);
        prop_assert_eq!(unread_count(&entries, None), agents);
    }
}
