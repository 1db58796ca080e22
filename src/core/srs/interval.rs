//! Short labels for how long until a card comes back, as shown on the grade buttons ("<1m", "10m", "3d",
//! "2.1mo", "1.5y"), following Anki's style.

use jiff::SignedDuration;

const MINUTE: f64 = 60.0;
const HOUR: f64 = 3600.0;
const DAY: f64 = 86_400.0;
const MONTH: f64 = DAY * 365.0 / 12.0;
const YEAR: f64 = DAY * 365.0;

/// A compact label for a wait: under a minute is `<1m`, then minutes, hours, days, months and years.
///
/// Minutes and days are whole; hours, months and years keep one decimal unless it is zero (`1.5h`, `2mo`).
/// A negative wait (already due) reads `<1m`.
pub fn format_wait(wait: SignedDuration) -> String {
    let secs = wait.as_secs_f64();
    if secs < MINUTE {
        return "<1m".to_string();
    }
    let minutes = (secs / MINUTE).round();
    if minutes < 60.0 {
        return format!("{minutes}m");
    }
    if secs < DAY {
        return format!("{}h", one_decimal(secs / HOUR));
    }
    let days = (secs / DAY).round();
    if secs < MONTH {
        return format!("{days}d");
    }
    if secs < YEAR {
        return format!("{}mo", one_decimal(secs / MONTH));
    }
    format!("{}y", one_decimal(secs / YEAR))
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
