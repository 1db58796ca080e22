//! Interval fuzz: spreads review intervals a little so cards learned together do not stay together.
//!
//! The spread follows Anki's ranges (none under 2.5 days, then ±15%, ±10%, ±5% for longer stretches). It
//! is deterministic: the random fraction is a hash of the card id and its review count, with no RNG state,
//! so replaying a log gives the same schedule on any machine, with any version of `rand`.

/// `(from_days, to_days, factor)`: each stretch of the interval adds `factor` × its length to the spread.
const RANGES: [(f32, f32, f32); 3] = [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, f32::MAX, 0.05)];

/// A number in `[0, 1)` fixed by the card and how many scheduling reviews it has had.
pub fn fuzz_fraction(card_id: &str, reps: u32) -> f64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325; // FNV-1a
    for byte in card_id.bytes().chain(reps.to_le_bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (splitmix64(hash) >> 11) as f64 / (1u64 << 53) as f64
}

/// `interval` (days) rounded to whole days and moved within its fuzz range by `fraction`, kept in
/// `min..=max`.
pub fn fuzzed_days(interval: f32, fraction: f64, min: u32, max: u32) -> u32 {
    let min = min.min(max);
    let interval = if interval.is_finite() {
        interval.clamp(min as f32, max as f32)
    } else {
        max as f32
    };
    let (lower, upper) = bounds(interval, min, max);
    let span = f64::from(upper - lower + 1);
    let offset = (fraction.clamp(0.0, 1.0) * span).floor() as u32;
    (lower + offset).min(upper)
}

/// The whole-day range an interval may be fuzzed into.
fn bounds(interval: f32, min: u32, max: u32) -> (u32, u32) {
    let delta = delta(interval);
    let lower = ((interval - delta).round() as u32).clamp(min, max);
    let upper = ((interval + delta).round() as u32).clamp(min, max);
    (lower, upper.max(lower))
}

/// How many days an interval may move either way.
fn delta(interval: f32) -> f32 {
    if interval < 2.5 {
        return 0.0;
    }
    RANGES.iter().fold(1.0, |delta, &(start, end, factor)| {
        delta + factor * (interval.min(end) - start).max(0.0)
    })
}

fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fraction_is_fixed_by_card_and_count() {
        let a = fuzz_fraction("lambda/timeout", 3);
        assert_eq!(a, fuzz_fraction("lambda/timeout", 3));
        assert_ne!(a, fuzz_fraction("lambda/timeout", 4));
        assert_ne!(a, fuzz_fraction("lambda/memory", 3));
        assert!((0.0..1.0).contains(&a));
    }

    #[test]
    fn fractions_spread_over_the_unit_interval() {
        let fractions: Vec<f64> = (0..1000).map(|n| fuzz_fraction("t/card", n)).collect();
        let low = fractions.iter().filter(|f| **f < 0.5).count();
        assert!((400..600).contains(&low), "{low} of 1000 below 0.5");
    }

    #[test]
    fn short_intervals_are_not_fuzzed() {
        for f in [0.0, 0.5, 0.999] {
            assert_eq!(fuzzed_days(1.0, f, 1, 36500), 1);
            assert_eq!(fuzzed_days(2.4, f, 1, 36500), 2);
        }
    }

    #[test]
    fn long_intervals_move_within_about_five_percent() {
        let lowest = fuzzed_days(100.0, 0.0, 1, 36500);
        let highest = fuzzed_days(100.0, 0.999, 1, 36500);
        assert!(lowest < 100 && highest > 100, "{lowest}..{highest}");
        assert!(lowest >= 93 && highest <= 107, "{lowest}..{highest}");
    }

    #[test]
    fn bounds_and_bad_input_are_respected() {
        for huge in [f32::NAN, f32::INFINITY, 1e9] {
            let days = fuzzed_days(huge, 0.999, 1, 100);
            assert!((90..=100).contains(&days), "{huge} -> {days}");
        }
        assert_eq!(fuzzed_days(-5.0, 0.5, 1, 100), 1);
        assert_eq!(fuzzed_days(10.0, 0.5, 50, 40), 40);
    }
}
