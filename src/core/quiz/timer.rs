//! The exam clock: time used and time left, from timestamps the caller passes in.
//!
//! Time counts **only while the exam is open**. A sitting starts when the exam screen opens ([`ExamClock::run`])
//! and ends when it closes ([`ExamClock::pause`]); the clock adds the running sitting's length
//! (`now − sitting start`) to the time used in earlier sittings. Leaving the exam, quitting or a crash
//! therefore does not eat the learner's time: a paused clock stands still, and on resume after a restart
//! the time used is the last value recorded in the progress log (every `ExamAnswer` event carries it, see
//! [`super::exam::ExamSession::checkpoint`]). A clock that goes backwards counts as no time passing; no
//! reading ever panics.

use std::time::Duration;

use jiff::Timestamp;

/// An exam's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExamClock {
    limit: Duration,
    used_before: Duration,
    /// When the running sitting started; `None` while paused.
    sitting_start: Option<Timestamp>,
}

impl ExamClock {
    /// A fresh clock with `limit` to spend, running from `now`.
    pub fn start(limit: Duration, now: Timestamp) -> ExamClock {
        let mut clock = ExamClock::paused(limit, Duration::ZERO);
        clock.run(now);
        clock
    }

    /// A paused clock that already spent `used` in earlier sittings.
    pub fn paused(limit: Duration, used: Duration) -> ExamClock {
        ExamClock {
            limit,
            used_before: used.min(limit),
            sitting_start: None,
        }
    }

    /// Starts a sitting at `now` (nothing changes if one is running).
    pub fn run(&mut self, now: Timestamp) {
        if self.sitting_start.is_none() {
            self.sitting_start = Some(now);
        }
    }

    /// Ends the running sitting at `now`, keeping the time it used; the clock then stands still.
    pub fn pause(&mut self, now: Timestamp) {
        self.used_before = self.elapsed(now);
        self.sitting_start = None;
    }

    /// Whether a sitting is running.
    pub fn is_running(&self) -> bool {
        self.sitting_start.is_some()
    }

    /// The time allowed.
    pub fn limit(&self) -> Duration {
        self.limit
    }

    /// Time used at `now`, across sittings; never more than the limit.
    pub fn elapsed(&self, now: Timestamp) -> Duration {
        let sitting = self.sitting_start.map_or(Duration::ZERO, |start| {
            Duration::try_from(now.duration_since(start)).unwrap_or_default()
        });
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
        // 4 minutes used before a crash; read back paused, opened a day later.
        let mut c = ExamClock::paused(10 * MIN, 4 * MIN);
        assert_eq!(c.remaining(at(86_000)), 6 * MIN, "a paused clock stands still");
        c.run(at(86_400));
        assert_eq!(c.remaining(at(86_400)), 6 * MIN);
        assert_eq!(c.remaining(at(86_400 + 60)), 5 * MIN);
    }

    #[test]
    fn a_paused_clock_stands_still_until_it_runs_again() {
        let mut c = ExamClock::start(10 * MIN, at(0));
        c.pause(at(90));
        assert!(!c.is_running());
        assert_eq!(c.elapsed(at(5_000)), Duration::from_secs(90));
        c.pause(at(6_000));
        assert_eq!(
            c.elapsed(at(6_000)),
            Duration::from_secs(90),
            "pausing twice charges nothing"
        );
        c.run(at(6_000));
        c.run(at(6_030));
        assert!(c.is_running());
        assert_eq!(
            c.elapsed(at(6_060)),
            Duration::from_secs(150),
            "a second run keeps the sitting's start"
        );
    }

    #[test]
    fn a_clock_going_backwards_counts_no_time() {
        let mut c = ExamClock::paused(10 * MIN, MIN);
        c.run(at(100));
        assert_eq!(c.elapsed(at(40)), MIN);
        assert_eq!(
            ExamClock::paused(MIN, 5 * MIN).elapsed(at(0)),
            MIN,
            "used time is capped at the limit"
        );
    }
}
