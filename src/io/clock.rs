//! The system clock, for the commands and the interface (the core takes `now` as a parameter).
//!
//! `jiff::Timestamp::now` panics on a clock outside the years -9999 to 9999; a machine whose clock says
//! 9999-12-31 or later (a test, a broken RTC) would then crash `recall stats` or `recall check --stale`.
//! [`now`] reads the clock without that panic: a time past either end is that end.

use std::time::{SystemTime, UNIX_EPOCH};

use jiff::Timestamp;

/// The current time, clamped to the range a [`Timestamp`] holds.
pub fn now() -> Timestamp {
    from_system(SystemTime::now())
}

/// `time` as a [`Timestamp`]; a time after [`Timestamp::MAX`] (or before [`Timestamp::MIN`]) is that end.
pub fn from_system(time: SystemTime) -> Timestamp {
    Timestamp::try_from(time).unwrap_or(if time > UNIX_EPOCH {
        Timestamp::MAX
    } else {
        Timestamp::MIN
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_clock_past_either_end_is_that_end() {
        let year = Duration::from_secs(365 * 86_400);
        assert_eq!(from_system(UNIX_EPOCH + year * 9_000), Timestamp::MAX);
        assert_eq!(from_system(UNIX_EPOCH - year * 13_000), Timestamp::MIN);
        let ordinary = UNIX_EPOCH + Duration::from_secs(1_780_000_000);
        assert_eq!(from_system(ordinary).as_second(), 1_780_000_000);
        // The last instant a Timestamp holds is still itself.
        let last = UNIX_EPOCH + Duration::from_secs(Timestamp::MAX.as_second() as u64);
        assert_eq!(from_system(last).as_second(), Timestamp::MAX.as_second());
        assert!(now() > Timestamp::UNIX_EPOCH);
    }
}
