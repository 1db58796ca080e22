//! Whole percentages, rounded one way everywhere recall shows one (quiz and exam scores, retention,
//! progress): half up, as the exam's scaled score rounds, except that 100 % means all and 0 % means none,
//! so 199 of 200 reads 99 % and 1 of 1,000 reads 1 %.

/// `part` of `total` in whole percent (see the module); 0 when `total` is 0.
pub fn percent(part: usize, total: usize) -> usize {
    if total == 0 || part == 0 {
        return 0;
    }
    let part = part.min(total);
    // Half up in integers: floor((200·part + total) / (2·total)).
    let rounded = (part.saturating_mul(200).saturating_add(total)) / total.saturating_mul(2);
    match rounded {
        100 if part < total => 99,
        0 => 1,
        n => n,
    }
}

/// A probability in whole percent, by the same rules as [`percent`] (so 0.999 reads 99 %).
pub fn of_fraction(p: f64) -> usize {
    if !p.is_finite() {
        return 0;
    }
    percent((p.clamp(0.0, 1.0) * 1_000_000.0).round() as usize, 1_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_round_up() {
        assert_eq!(percent(7, 13), 54, "53.8");
        assert_eq!(percent(1, 8), 13, "12.5");
        assert_eq!(percent(1, 200), 1, "0.5");
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(13, 20), 65);
    }

    #[test]
    fn all_and_none_are_the_only_100_and_0() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(3, 0), 0);
        assert_eq!(percent(0, 9), 0);
        assert_eq!(percent(1, 1_000), 1);
        assert_eq!(percent(199, 200), 99);
        assert_eq!(percent(200, 200), 100);
        assert_eq!(percent(5, 4), 100, "never over 100");
    }

    #[test]
    fn fractions_follow_the_same_rules() {
        assert_eq!(of_fraction(0.725), 73);
        assert_eq!(of_fraction(0.999), 99);
        assert_eq!(of_fraction(1.0), 100);
        assert_eq!(of_fraction(0.0001), 1);
        assert_eq!(of_fraction(0.0), 0);
        assert_eq!(of_fraction(f64::NAN), 0);
    }
}
