//! Study days: a day starts at a set hour (4 am by default) in the learner's time zone, as in Anki.
//!
//! A [`DayClock`] numbers days (`day_index`) and finds where they start. The scheduler counts elapsed days
//! for FSRS as the difference of day numbers, review intervals end at the start of a day, and the daily
//! limits count what was done since the current day began. Everything takes the time as a parameter.

use jiff::civil::{Date, Time};
use jiff::tz::{Offset, TimeZone};
use jiff::{SignedDuration, Timestamp};

const SECONDS_PER_DAY: i64 = 86_400;

/// Why a [`DayClock`] cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DayClockError {
    /// The start hour is not 0–23.
    #[error("the day cannot start at hour {0}; use 0 to 23")]
    BadHour(u8),
}

/// Numbers study days in one time zone, with days starting at a given hour.
#[derive(Debug, Clone, PartialEq)]
pub struct DayClock {
    tz: TimeZone,
    starts_at: u8,
}

/// One study day: its number and the instants it starts (inclusive) and ends (exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StudyDay {
    /// Day number: days since 1970-01-01 of the civil date the day starts on.
    pub index: i64,
    /// First instant of the day.
    pub start: Timestamp,
    /// First instant of the next day.
    pub end: Timestamp,
}

impl StudyDay {
    /// Whether `t` falls within this day.
    pub fn contains(&self, t: Timestamp) -> bool {
        self.start <= t && t < self.end
    }
}

impl DayClock {
    /// A clock for `tz` whose days start at `starts_at` o'clock (0–23).
    pub fn new(tz: TimeZone, starts_at: u8) -> Result<DayClock, DayClockError> {
        if starts_at > 23 {
            return Err(DayClockError::BadHour(starts_at));
        }
        Ok(DayClock { tz, starts_at })
    }

    /// A clock in UTC with days starting at midnight; handy for tests and tools.
    pub fn utc_midnight() -> DayClock {
        DayClock {
            tz: TimeZone::UTC,
            starts_at: 0,
        }
    }

    /// The time zone.
    pub fn time_zone(&self) -> &TimeZone {
        &self.tz
    }

    /// The hour days start at.
    pub fn starts_at(&self) -> u8 {
        self.starts_at
    }

    /// The number of the study day containing `at`.
    pub fn day_index(&self, at: Timestamp) -> i64 {
        let local = self.tz.to_datetime(at);
        let shifted = local
            .checked_sub(SignedDuration::from_hours(i64::from(self.starts_at)))
            .unwrap_or(local);
        epoch_day(shifted.date()).unwrap_or_else(|| at.as_second().div_euclid(SECONDS_PER_DAY))
    }

    /// The first instant of study day `index` (clamped to the representable range at the extremes).
    pub fn day_start(&self, index: i64) -> Timestamp {
        let fallback = if index < 0 { Timestamp::MIN } else { Timestamp::MAX };
        let Some(date) = index
            .checked_mul(SECONDS_PER_DAY)
            .and_then(|s| Timestamp::from_second(s).ok())
            .map(|ts| Offset::UTC.to_datetime(ts).date())
        else {
            return fallback;
        };
        let at = date.to_datetime(Time::new(self.starts_at as i8, 0, 0, 0).unwrap_or(Time::midnight()));
        self.tz.to_timestamp(at).unwrap_or(fallback)
    }

    /// The study day containing `at`.
    pub fn study_day(&self, at: Timestamp) -> StudyDay {
        self.day(self.day_index(at))
    }

    /// Study day number `index`.
    pub fn day(&self, index: i64) -> StudyDay {
        StudyDay {
            index,
            start: self.day_start(index),
            end: self.day_start(index.saturating_add(1)),
        }
    }

    /// Whole study days from the day of `from` to the day of `to` (0 on the same day, never negative).
    pub fn days_between(&self, from: Timestamp, to: Timestamp) -> u32 {
        let days = self.day_index(to) - self.day_index(from);
        u32::try_from(days.max(0)).unwrap_or(u32::MAX)
    }
}

/// Days since 1970-01-01 of a civil date.
fn epoch_day(date: Date) -> Option<i64> {
    let ts = Offset::UTC
        .to_timestamp(date.to_datetime(Time::midnight()))
        .ok()?;
    Some(ts.as_second().div_euclid(SECONDS_PER_DAY))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn the_day_changes_at_the_start_hour_not_at_midnight() {
        let clock = DayClock::new(TimeZone::UTC, 4).unwrap();
        let before = clock.day_index(ts("2025-03-10T03:59:59Z"));
        let after = clock.day_index(ts("2025-03-10T04:00:00Z"));
        assert_eq!(after, before + 1);
        assert_eq!(clock.day_index(ts("2025-03-09T23:00:00Z")), before);
    }

    #[test]
    fn a_day_runs_from_its_start_hour_to_the_next() {
        let clock = DayClock::new(TimeZone::UTC, 4).unwrap();
        let day = clock.study_day(ts("2025-03-10T12:00:00Z"));
        assert_eq!(day.start, ts("2025-03-10T04:00:00Z"));
        assert_eq!(day.end, ts("2025-03-11T04:00:00Z"));
        assert!(day.contains(ts("2025-03-11T03:59:59Z")));
        assert!(!day.contains(ts("2025-03-11T04:00:00Z")));
    }

    #[test]
    fn an_hour_past_23_is_refused() {
        assert_eq!(DayClock::new(TimeZone::UTC, 24), Err(DayClockError::BadHour(24)));
    }

    #[test]
    fn extreme_times_do_not_panic() {
        let clock = DayClock::new(TimeZone::fixed(jiff::tz::offset(14)), 23).unwrap();
        for t in [Timestamp::MIN, Timestamp::MAX] {
            let day = clock.study_day(t);
            assert!(day.start <= day.end);
        }
        assert_eq!(clock.day_start(i64::MAX), Timestamp::MAX);
        assert_eq!(clock.day_start(i64::MIN), Timestamp::MIN);
    }
}
