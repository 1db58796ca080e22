//! Short labels for how long until a card comes back, as shown on the grade buttons ("<1m", "10m", "3d",
//! "2.1mo", "1.5y"), following Anki's style.

use jiff::SignedDuration;

const MINUTE: f64 = 60.0;
const HOUR: f64 = 3600.0;
const DAY: f64 = 86_400.0;
const MONTH: f64 = DAY * 365.0 / 12.0;
const YEAR: f64 = DAY * 365.0;

/// The unit a wait is shown in; a language names it (the interface's text catalogue does for Korean).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitUnit {
    /// Under a minute (the amount is empty).
    UnderMinute,
    /// Whole minutes.
    Minutes,
    /// Hours, one decimal.
    Hours,
    /// Whole days.
    Days,
    /// Months (365/12 days), one decimal.
    Months,
    /// Years, one decimal.
    Years,
}

/// A wait as an amount and a unit: under a minute, then minutes, hours, days, months and years.
///
/// Minutes and days are whole; hours, months and years keep one decimal unless it is zero (`1.5`, `2`).
/// A negative wait (already due) is under a minute.
pub fn wait_amount(wait: SignedDuration) -> (String, WaitUnit) {
    let secs = wait.as_secs_f64();
    if secs < MINUTE {
        return (String::new(), WaitUnit::UnderMinute);
    }
    let minutes = (secs / MINUTE).round();
    if minutes < 60.0 {
        return (format!("{minutes}"), WaitUnit::Minutes);
    }
    if secs < DAY {
        return (one_decimal(secs / HOUR), WaitUnit::Hours);
    }
    let days = (secs / DAY).round();
    if secs < MONTH {
        return (format!("{days}"), WaitUnit::Days);
    }
    if secs < YEAR {
        return (one_decimal(secs / MONTH), WaitUnit::Months);
    }
    (one_decimal(secs / YEAR), WaitUnit::Years)
}

/// A compact English label for a wait: `<1m`, `10m`, `1.5h`, `3d`, `2.1mo`, `1.5y` (see [`wait_amount`]).
pub fn format_wait(wait: SignedDuration) -> String {
    let (amount, unit) = wait_amount(wait);
    match unit {
        WaitUnit::UnderMinute => "<1m".to_string(),
        WaitUnit::Minutes => format!("{amount}m"),
        WaitUnit::Hours => format!("{amount}h"),
        WaitUnit::Days => format!("{amount}d"),
        WaitUnit::Months => format!("{amount}mo"),
        WaitUnit::Years => format!("{amount}y"),
    }
}

/// `x` with one decimal, without a trailing `.0`.
fn one_decimal(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(secs: i64) -> String {
        format_wait(SignedDuration::from_secs(secs))
    }

    #[test]
    fn labels_read_like_anki() {
        assert_eq!(label(-30), "<1m");
        assert_eq!(label(0), "<1m");
        assert_eq!(label(59), "<1m");
        assert_eq!(label(60), "1m");
        assert_eq!(label(600), "10m");
        assert_eq!(label(3600), "1h");
        assert_eq!(label(5400), "1.5h");
        assert_eq!(label(86_400), "1d");
        assert_eq!(label(3 * 86_400), "3d");
        assert_eq!(label(64 * 86_400), "2.1mo");
        assert_eq!(label(365 * 86_400), "1y");
        assert_eq!(label(548 * 86_400), "1.5y");
    }

    #[test]
    fn units_never_read_as_sixty_of_the_smaller_one() {
        assert_eq!(label(3599), "1h");
        assert_ne!(label(3599), "60m");
    }
}
