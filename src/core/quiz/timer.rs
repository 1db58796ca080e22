//! The exam clock: time used and time left, from timestamps the caller passes in.
//!
//! Time counts **only while the exam is open**. A sitting starts when the exam starts or is resumed; the
//! clock adds the sitting's length (`now − sitting start`) to the time used in earlier sittings. Quitting or a
//! crash therefore does not eat the learner's time: on resume, the time used is the last value recorded in
//! the progress log (every `ExamAnswer` event carries it, see [`super::exam::ExamSession::checkpoint`]).
//! A clock that goes backwards counts as no time passing; no reading ever panics.

use std::time::Duration;

use jiff::Timestamp;

/// An exam's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExamClock {
    limit: Duration,
    used_before: Duration,
    sitting_start: Timestamp,
}

impl ExamClock {
    /// A fresh clock with `limit` to spend, starting at `now`.
    pub fn start(limit: Duration, now: Timestamp) -> ExamClock {
        ExamClock::resume(limit, Duration::ZERO, now)
    }

    /// A clock that already spent `used` in earlier sittings, running again from `now`.
    pub fn resume(limit: Duration, used: Duration, now: Timestamp) -> ExamClock {
        ExamClock {
            limit,
            used_before: used,
            sitting_start: now,
        }
    }

    /// The time allowed.
    pub fn limit(&self) -> Duration {
        self.limit
    }

    /// Time used at `now`, across sittings; never more than the limit.
    pub fn elapsed(&self, now: Timestamp) -> Duration {
        let sitting = Duration::try_from(now.duration_since(self.sitting_start)).unwrap_or_default();
        self.used_before.saturating_add(sitting).min(self.limit)
    }

    /// Time left at `now`; zero once the limit is reached.
    pub fn remaining(&self, now: Timestamp) -> Duration {
        self.limit.saturating_sub(self.elapsed(now))
    }

    /// Whether the time is up at `now`.
    pub fn is_up(&self, now: Timestamp) -> bool {
        self.remaining(now).is_zero()
    }
}

/// Milliseconds of a duration, saturating (for event fields).
pub fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_second(1_700_000_000 + s).unwrap()
    }

    const MIN: Duration = Duration::from_secs(60);

    #[test]
    fn counts_down_from_the_start() {
        let c = ExamClock::start(10 * MIN, at(0));
        assert_eq!(c.remaining(at(0)), 10 * MIN);
        assert_eq!(c.remaining(at(90)), Duration::from_secs(510));
        assert_eq!(c.elapsed(at(90)), Duration::from_secs(90));
        assert!(!c.is_up(at(599)));
        assert!(c.is_up(at(600)));
        assert_eq!(c.remaining(at(10_000)), Duration::ZERO);
        assert_eq!(c.elapsed(at(10_000)), 10 * MIN, "elapsed stops at the limit");
    }

    #[test]
    fn a_resumed_clock_adds_earlier_sittings_and_not_the_gap() {
        // 4 minutes used before a crash; resumed a day later.
        let c = ExamClock::resume(10 * MIN, 4 * MIN, at(86_400));
        assert_eq!(c.remaining(at(86_400)), 6 * MIN);
        assert_eq!(c.remaining(at(86_400 + 60)), 5 * MIN);
    }

    #[test]
    fn a_clock_going_backwards_counts_no_time() {
        let c = ExamClock::resume(10 * MIN, MIN, at(100));
        assert_eq!(c.elapsed(at(40)), MIN);
    }
}
