//! Interval fuzz: spreads review intervals a little so cards learned together do not stay together.
//!
//! The spread is Anki's (rslib `scheduler/states/fuzz.rs`): none under 2.5 days, then 1 day plus 15 % of the
//! part between 2.5 and 7 days, 10 % of 7–20 and 5 % beyond 20, kept within the grade's minimum and the
//! maximum interval. It is deterministic: the random fraction is a hash of the card id and its review count,
//! with no RNG state, so replaying a log gives the same schedule on any machine, with any version of `rand`.

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

/// `interval` (days) as whole days in `min..=max`: moved within its fuzz range by `fraction`, or rounded
/// when there is no fraction (fuzz off), as Anki's `with_review_fuzz`.
pub fn fuzzed_days(interval: f32, fraction: Option<f64>, min: u32, max: u32) -> u32 {
    let min = min.min(max);
    let interval = if interval.is_finite() {
        interval
    } else {
        max as f32
    };
    let Some(fraction) = fraction else {
        return (interval.clamp(0.0, max as f32).round() as u32).clamp(min, max);
    };
    let (lower, upper) = bounds(interval, min, max);
    let span = f64::from(upper - lower + 1);
    let offset = (fraction.clamp(0.0, 1.0) * span).floor() as u32;
    (lower + offset).min(upper)
}

/// The whole-day range an interval may be fuzzed into, within `min..=max` (Anki's
/// `constrained_fuzz_bounds`): a range of one day over 2 is widened by a day where the maximum allows, so a
/// minimum that pushes a short interval up still leaves some spread.
pub fn bounds(interval: f32, min: u32, max: u32) -> (u32, u32) {
    let min = min.min(max);
    let interval = interval.clamp(min as f32, max as f32);
    let delta = delta(interval);
    let lower = ((interval - delta).round() as u32).clamp(min, max);
    let upper = ((interval + delta).round() as u32).clamp(min, max).max(lower);
    if upper == lower && upper > 2 && upper < max {
        (lower, upper + 1)
    } else {
        (lower, upper)
    }
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

    /// SplitMix64's published sequence for seed 1234567 (Vigna's reference `splitmix64.c`; each call adds
    /// the golden gamma to the state, then mixes): the fraction is only as spread as this mixing is right.
    #[test]
    fn splitmix64_gives_the_reference_sequence() {
        let expected: [u64; 5] = [
            6457827717110365317,
            3203168211198807973,
            9817491932198370423,
            4593380528125082431,
            16408922859458223821,
        ];
        let mut state: u64 = 1234567;
        for value in expected {
            assert_eq!(splitmix64(state), value);
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        }
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
            assert_eq!(fuzzed_days(1.0, Some(f), 1, 36500), 1);
            assert_eq!(fuzzed_days(2.4, Some(f), 1, 36500), 2);
        }
    }

    #[test]
    fn long_intervals_move_within_about_five_percent() {
        let lowest = fuzzed_days(100.0, Some(0.0), 1, 36500);
        let highest = fuzzed_days(100.0, Some(0.999), 1, 36500);
        assert!(lowest < 100 && highest > 100, "{lowest}..{highest}");
        assert!(lowest >= 93 && highest <= 107, "{lowest}..{highest}");
    }

    #[test]
    fn bounds_and_bad_input_are_respected() {
        for huge in [f32::NAN, f32::INFINITY, 1e9] {
            let days = fuzzed_days(huge, Some(0.999), 1, 100);
            assert!((90..=100).contains(&days), "{huge} -> {days}");
            assert_eq!(fuzzed_days(huge, None, 1, 100), 100);
        }
        assert_eq!(fuzzed_days(-5.0, Some(0.5), 1, 100), 1);
        assert_eq!(fuzzed_days(-5.0, None, 1, 100), 1);
        assert_eq!(fuzzed_days(10.0, Some(0.5), 50, 40), 40);
    }

    /// The cases of Anki's own `with_review_fuzz` test (rslib `scheduler/states/fuzz.rs`), with its fuzz
    /// factors 0.0, 0.5 and 0.99 as the fraction.
    #[test]
    fn ankis_fuzz_cases() {
        let cases: [(f32, u32, u32, [u32; 3]); 17] = [
            (1.0, 1, 1000, [1, 1, 1]),
            (2.49, 1, 1000, [2, 2, 2]),
            (2.5, 1, 1000, [2, 3, 4]),
            (7.0, 1, 1000, [5, 7, 9]),
            (17.0, 1, 1000, [14, 17, 20]),
            (37.0, 1, 1000, [33, 37, 41]),
            (2.0, 2, 1000, [2, 2, 2]),
            (2.0, 3, 1000, [3, 4, 4]),
            (2.0, 3, 3, [3, 3, 3]),
            (6.9, 3, 1000, [5, 7, 9]),
            (7.1, 3, 1000, [5, 7, 9]),
            (19.9, 3, 1000, [17, 20, 23]),
            (20.0, 3, 1000, [17, 20, 23]),
            (20.1, 3, 1000, [17, 20, 23]),
            (100.0, 101, 1000, [101, 105, 108]),
            (100.0, 1, 99, [92, 96, 99]),
            (100.0, 97, 103, [97, 100, 103]),
        ];
        for (interval, min, max, expected) in cases {
            let got = [0.0, 0.5, 0.99].map(|f| fuzzed_days(interval, Some(f), min, max));
            assert_eq!(got, expected, "{interval} in {min}..={max}");
        }
        // Without fuzz: rounded, then kept in range.
        assert_eq!(fuzzed_days(1.5, None, 1, 100), 2);
        assert_eq!(fuzzed_days(0.1, None, 1, 100), 1);
        assert_eq!(fuzzed_days(101.0, None, 1, 100), 100);
    }
}
