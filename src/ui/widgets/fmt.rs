//! Number formats shared by screens: durations as a clock, and percentages (`crate::core::percent`).

use std::time::Duration;

/// `h:mm:ss` (or `m:ss` under an hour).
pub fn clock(d: Duration) -> String {
    let s = d.as_secs();
    let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

pub use crate::core::percent::percent;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_shows_hours_only_when_needed() {
        assert_eq!(clock(Duration::from_secs(59)), "0:59");
        assert_eq!(clock(Duration::from_secs(7800)), "2:10:00");
    }
}
