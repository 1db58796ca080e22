//! Largest-remainder apportionment: splitting `n` exam questions across topics in proportion to their sizes.
//!
//! Each topic first gets the whole part of its exact quota `n × size / total`; the seats left over go to the
//! largest fractional remainders, ties to the earlier topic. Integer arithmetic only, so it is exact and
//! deterministic; the shares always sum to `min(n, total)` and never exceed a topic's size.

/// How many of `n` items each group of the given `sizes` gets. With `n ≥ Σ sizes` every group gets its size.
pub fn apportion(sizes: &[usize], n: usize) -> Vec<usize> {
    let total: usize = sizes.iter().sum();
    if total == 0 {
        return vec![0; sizes.len()];
    }
    let n = n.min(total);
    // u128: n × size cannot overflow even for absurd inputs.
    let exact = |s: usize| (n as u128 * s as u128, total as u128);
    let mut shares: Vec<usize> = sizes
        .iter()
        .map(|&s| {
            let (num, den) = exact(s);
            (num / den) as usize
        })
        .collect();
    let given: usize = shares.iter().sum();
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by_key(|&i| {
        let (num, den) = exact(sizes[i]);
        (std::cmp::Reverse(num % den), i)
    });
    for &i in order.iter().take(n - given) {
        shares[i] += 1;
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn splits_by_largest_remainder() {
        // Quotas 10×[5,3,2]/10 are whole.
        assert_eq!(apportion(&[5, 3, 2], 10), vec![5, 3, 2]);
        // Quotas 4×[5,3,2]/10 = 2.0, 1.2, 0.8: floors 2,1,0, the spare seat goes to the 0.8.
        assert_eq!(apportion(&[5, 3, 2], 4), vec![2, 1, 1]);
        // Quotas 3×[1,1,1,1]/4 = 0.75 each: ties go to the earlier topics.
        assert_eq!(apportion(&[1, 1, 1, 1], 3), vec![1, 1, 1, 0]);
    }

    #[test]
    fn more_than_available_takes_everything_and_empty_takes_nothing() {
        assert_eq!(apportion(&[4, 0, 2], 100), vec![4, 0, 2]);
        assert_eq!(apportion(&[0, 0], 5), vec![0, 0]);
        assert_eq!(apportion(&[], 5), Vec::<usize>::new());
        assert_eq!(apportion(&[3, 3], 0), vec![0, 0]);
    }

    proptest! {
        #[test]
        fn shares_sum_to_n_stay_within_sizes_and_within_one_of_the_quota(
            sizes in proptest::collection::vec(0usize..40, 0..12),
            n in 0usize..400,
        ) {
            let shares = apportion(&sizes, n);
            let total: usize = sizes.iter().sum();
            prop_assert_eq!(shares.iter().sum::<usize>(), n.min(total));
            for (share, size) in shares.iter().zip(&sizes) {
                prop_assert!(share <= size);
                if total > 0 {
                    let quota = n.min(total) as f64 * *size as f64 / total as f64;
                    prop_assert!((*share as f64 - quota).abs() < 1.0, "share {share} vs quota {quota}");
                }
            }
        }
    }
}
