//! Freshness of deck items: the `checked = "YYYY-MM"` month of a fact or scenario, and the `--stale` window.
//!
//! AWS changes every month, so each item can say when it was last checked against its source. The loader
//! parses the month ([`YearMonth::parse`]); with a [`Freshness`] window (built by the CLI from today's date,
//! since core has no clock) it also reports items checked too long ago, never, or
//! in a month that has not come yet.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar month, as written in `checked = "2026-11"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: u16,
    month: u8,
}

impl YearMonth {
    /// The month `year`-`month`, if `month` is 1–12 and `year` has four digits.
    pub fn new(year: u16, month: u8) -> Option<YearMonth> {
        ((1000..=9999).contains(&year) && (1..=12).contains(&month)).then_some(YearMonth { year, month })
    }

    /// Parses exactly `YYYY-MM` (four-digit year, month `01`–`12`).
    pub fn parse(s: &str) -> Option<YearMonth> {
        let (year, month) = s.split_once('-')?;
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) || !digits(month, 2) {
            return None;
        }
        YearMonth::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Whole months from `self` to `later` (negative if `later` is earlier).
    pub fn months_until(self, later: YearMonth) -> i64 {
        later.index() - self.index()
    }

    fn index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        YearMonth::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a YYYY-MM month: {text}")))
    }
}

/// The `--stale MONTHS` window: items checked more than `max_age` months before `today`, or never, are stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freshness {
    /// The current month, from the caller's clock.
    pub today: YearMonth,
    /// How many months old a `checked` date may be.
    pub max_age: u32,
}

/// Why an item is stale under a [`Freshness`] window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Staleness {
    /// The item has no `checked` date.
    NeverChecked,
    /// The item was checked this many months before today, more than the window allows.
    CheckedMonthsAgo(i64),
    /// The `checked` month is after today: a typo, or a clock that is wrong.
    InTheFuture,
}

impl Freshness {
    /// Whether an item last checked in `checked` is stale today, and why.
    pub fn judge(&self, checked: Option<YearMonth>) -> Option<Staleness> {
        match checked {
            None => Some(Staleness::NeverChecked),
            Some(month) => {
                let age = month.months_until(self.today);
                if age < 0 {
                    Some(Staleness::InTheFuture)
                } else {
                    (age > i64::from(self.max_age)).then_some(Staleness::CheckedMonthsAgo(age))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(s: &str) -> YearMonth {
        YearMonth::parse(s).unwrap()
    }

    #[test]
    fn parses_only_year_dash_two_digit_month() {
        assert_eq!(ym("2026-11"), YearMonth::new(2026, 11).unwrap());
        assert_eq!(ym("2026-01").to_string(), "2026-01");
        for bad in [
            "2026-13",
            "2026-00",
            "2026-1",
            "26-11",
            "2026/11",
            "2026-11-01",
            "",
            "2026-",
            "-11",
            "２０２６-11",
            "+026-11",
            "2026-+1",
            "0999-05",
        ] {
            assert_eq!(YearMonth::parse(bad), None, "{bad:?} should be rejected");
        }
    }

    #[test]
    fn months_until_crosses_years() {
        assert_eq!(ym("2025-11").months_until(ym("2026-02")), 3);
        assert_eq!(ym("2026-02").months_until(ym("2025-11")), -3);
        assert_eq!(ym("2026-12").months_until(ym("2026-12")), 0);
    }

    #[test]
    fn stale_means_older_than_the_window_or_never_checked() {
        let window = Freshness {
            today: ym("2026-12"),
            max_age: 1,
        };
        assert_eq!(window.judge(Some(ym("2026-12"))), None);
        assert_eq!(window.judge(Some(ym("2026-11"))), None);
        assert_eq!(
            window.judge(Some(ym("2026-10"))),
            Some(Staleness::CheckedMonthsAgo(2))
        );
        assert_eq!(window.judge(None), Some(Staleness::NeverChecked));
        assert_eq!(window.judge(Some(ym("2027-01"))), Some(Staleness::InTheFuture));
        let strict = Freshness { max_age: 0, ..window };
        assert_eq!(
            strict.judge(Some(ym("2026-11"))),
            Some(Staleness::CheckedMonthsAgo(1))
        );
    }
}
