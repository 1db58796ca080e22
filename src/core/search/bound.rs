//! Upper bounds of a term's score, so the scan can skip texts that cannot make the results.
//!
//! Both bounds follow from skim's rules (see `skim`) and are held to the real scores by property tests here
//! and by the exhaustive-reference test of the whole search:
//! - [`Term::shape_bound`] needs no text, only its [`Shape`], computed when indexing: which chars start a word
//!   (earn a bonus) and which char pairs are adjacent. A term char earns 20 at most when it follows the
//!   previous term char at once (pair present) or starts a word after a gap; otherwise at most 12. The
//!   contiguity bonus needs every pair present.
//! - [`Term::bound_in`] reads the text: whether the term occurs contiguously (the bonus), and, for a text that
//!   starts with the term's first char (which earns a double bonus), how far away the second char is.

use super::forms::mask_bit;
use super::score::{CONTIGUOUS_BONUS, Term};
use super::skim::{BONUS_CONSECUTIVE, BONUS_HEAD, GAP_EXTENSION, GAP_START, SCORE_MATCH, in_place_bonus};

/// What the bounds need to know about a text, as two 64-bit masks (false positives only loosen a bound).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    /// [`mask_bit`]s of the chars that earn an in-place bonus (word starts, after punctuation…).
    heads: u64,
    /// [`pair_bit`]s of every two adjacent chars.
    pairs: u64,
}

impl Shape {
    /// The shape of one text.
    pub fn of(text: &str) -> Shape {
        let mut shape = Shape::default();
        let mut prev = '\0';
        for c in text.chars() {
            if in_place_bonus(prev, c) > 0 {
                shape.heads |= mask_bit(c);
            }
            if prev != '\0' {
                shape.pairs |= pair_bit(prev, c);
            }
            prev = c;
        }
        shape
    }

    /// A shape that bounds both texts (for an item made of several texts).
    pub fn union(self, other: Shape) -> Shape {
        Shape {
            heads: self.heads | other.heads,
            pairs: self.pairs | other.pairs,
        }
    }
}

/// One of 64 bits for an ordered pair of chars.
fn pair_bit(a: char, b: char) -> u64 {
    let hash = u32::from(a).wrapping_mul(0x9E37_79B1) ^ u32::from(b).wrapping_mul(0x85EB_CA77);
    1 << (hash.wrapping_mul(0xC2B2_AE35) >> 26)
}

impl Term {
    /// An upper bound of this term's score in any text of this `shape`; `may_start` if the text may start
    /// with the term's first char.
    pub fn shape_bound(&self, shape: &Shape, may_start: bool) -> i64 {
        let first_bonus = if may_start {
            2 * BONUS_HEAD
        } else if shape.heads & mask_bit(self.first()) != 0 {
            BONUS_HEAD
        } else {
            0
        };
        let mut total = SCORE_MATCH + GAP_EXTENSION + first_bonus;
        let mut contiguous = true;
        for pair in self.chars().windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let head = if shape.heads & mask_bit(b) != 0 {
                BONUS_HEAD
            } else {
                0
            };
            let after_gap = SCORE_MATCH + GAP_START + GAP_EXTENSION + head;
            let adjacent = shape.pairs & pair_bit(a, b) != 0;
            contiguous &= adjacent;
            total += if adjacent {
                after_gap.max(SCORE_MATCH + BONUS_CONSECUTIVE.max(in_place_bonus(a, b)))
            } else {
                after_gap
            };
        }
        total + if contiguous { CONTIGUOUS_BONUS } else { 0 }
    }

    /// The best score any text can give: one that starts with the whole term.
    pub fn max_bound(&self) -> i64 {
        self.skim_bound() + BONUS_HEAD + CONTIGUOUS_BONUS
    }

    /// An upper bound of this term's score in `text`.
    pub fn bound_in(&self, text: &str) -> i64 {
        let bonus = if text.contains(self.as_str()) {
            CONTIGUOUS_BONUS
        } else {
            0
        };
        self.skim_bound_in(text) + bonus
    }

    /// The best skim score any text not starting with the term's first char can give: a word start, then
    /// every char contiguous.
    fn skim_bound(&self) -> i64 {
        SCORE_MATCH + BONUS_HEAD + GAP_EXTENSION + self.steps()
    }

    /// An upper bound of skim's score of this term in `text`.
    ///
    /// Away from the text's first char, it is [`Term::skim_bound`]. A match *at* the first char earns its
    /// bonus twice (+8), but unless the second char follows at once, the gap before it costs at least as much
    /// as the chars it skips; so only the first few chars are looked at.
    fn skim_bound_in(&self, text: &str) -> i64 {
        let bound = self.skim_bound();
        let mut chars = text.chars();
        if chars.next() != Some(self.first()) {
            return bound;
        }
        let Some(&second) = self.chars().get(1) else {
            return bound + BONUS_HEAD;
        };
        let step = SCORE_MATCH + BONUS_CONSECUTIVE.max(in_place_bonus(self.first(), second));
        let rest = self.steps() - step;
        let first = SCORE_MATCH + 2 * BONUS_HEAD + GAP_EXTENSION;
        // The second char must earn more than this for a match at the start to beat `bound`.
        let mut best = bound - first - rest;
        let mut prev = self.first();
        for (j, c) in (1..).zip(chars) {
            // After a gap of `j - 1` chars, the second char earns at most 16 + its bonus + the gap penalty.
            let gap = if j == 1 {
                0
            } else {
                GAP_START + GAP_EXTENSION * (j - 1)
            };
            if SCORE_MATCH + BONUS_HEAD + gap <= best {
                break;
            }
            if c == second {
                let earned = if j == 1 {
                    step
                } else {
                    SCORE_MATCH + in_place_bonus(prev, c) + gap
                };
                best = best.max(earned);
            }
            prev = c;
        }
        first + best + rest
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_word_start_match_reaches_both_bounds() {
        let term = Term::new("lambda").unwrap();
        for text in ["about lambda", "lambda limits"] {
            let score = term.score(text).unwrap();
            assert_eq!(score, term.bound_in(text), "{text}");
            assert_eq!(
                score,
                term.shape_bound(&Shape::of(text), text.starts_with('l')),
                "{text}"
            );
        }
        assert_eq!(term.score("lambda limits"), Some(term.max_bound()));
    }

    #[test]
    fn the_shape_bound_sees_missing_word_starts_and_pairs() {
        let term = Term::new("eo").unwrap();
        let scattered = Shape::of("the hero");
        let spaced = Shape::of("the ego");
        assert!(term.shape_bound(&scattered, false) < term.shape_bound(&spaced, false));
        assert!(term.score("the ego").unwrap() <= term.shape_bound(&spaced, false));
        let both = Shape::of("the hero").union(Shape::of("the ego"));
        assert_eq!(term.shape_bound(&both, false), term.shape_bound(&spaced, false));
    }

    use crate::core::search::strategies::{term, text};

    proptest! {
        #[test]
        fn no_bound_is_ever_exceeded(text in text(), term in term()) {
            let t = Term::new(&term).unwrap();
            if let Some(score) = t.score(&text) {
                prop_assert!(score <= t.bound_in(&text), "{} > {}", score, t.bound_in(&text));
                let starts = text.starts_with(t.first());
                let shape = t.shape_bound(&Shape::of(&text), starts);
                prop_assert!(score <= shape, "{} > shape bound {}", score, shape);
                prop_assert!(score <= t.max_bound());
            }
        }
    }
}
