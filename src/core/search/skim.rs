//! What the search relies on about `fuzzy_matcher::skim::SkimMatcherV2` (0.3.7): its scoring constants and
//! char roles, and a deterministic way to call it.
//!
//! **A reused matcher is not deterministic.** It caches its score matrix between calls, and where the text has
//! the same char twice in a row and that char is in the pattern, it reads a `bonus` cell left over from
//! earlier calls; so the same (text, pattern) can score differently depending on what was matched before (and
//! `use_cache(false)` panics). [`indices`] gives such texts a fresh matcher; all others share one, which is
//! safe for them and saves the matcher's set-up (most of a short match's cost).
//!
//! **How it scores**, with a fresh matrix: each matched char earns [`SCORE_MATCH`] plus a bonus. The first
//! matched char earns its in-place bonus ([`in_place_bonus`]: 8 at a word start, twice that at the text's
//! first char) minus 1; a char right after the previous match earns the larger of its in-place bonus and
//! [`BONUS_CONSECUTIVE`]; a char after a gap of `g` chars earns its in-place bonus minus `3 + g`. The bounds
//! in [`super::bound`] are derived from exactly these rules, and [`score`] recomputes the matcher's score from
//! its recurrence without the matcher's set-up, to decide cheaply which texts are worth scoring. Property
//! tests hold all of this to the crate.

use std::cell::RefCell;
use std::sync::LazyLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// skim's score for each matched char.
pub const SCORE_MATCH: i64 = 16;
/// skim's bonus at the start of a word (after a space, slash, bracket… or at the text's start).
pub const BONUS_HEAD: i64 = 8;
/// skim's bonus after punctuation (`-`, `.`, `:`…).
const BONUS_BREAK: i64 = 7;
/// skim's bonus for an ASCII capital after a lowercase letter or digit.
const BONUS_CAMEL: i64 = 6;
/// skim's smallest bonus for a char matched right after the previous one.
pub const BONUS_CONSECUTIVE: i64 = 4;
/// skim's penalty for opening a gap between two matched chars.
pub const GAP_START: i64 = -3;
/// skim's penalty for each char of a gap (and its first row's score before any match).
pub const GAP_EXTENSION: i64 = -1;

/// skim's `fuzzy_indices` of `pattern` in `text`: the score and matched char indices, or `None`. Uses the
/// shared matcher when that is safe (see the module doc), else a fresh one.
///
/// Always `fuzzy_indices`, never `fuzzy_match`: the latter reuses two matrix rows, which the bounds do not
/// model.
pub fn indices(text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
    static SHARED: LazyLock<SkimMatcherV2> = LazyLock::new(|| SkimMatcherV2::default().respect_case());
    let mut pairs = text.chars().zip(text.chars().skip(1));
    let doubled = pairs.any(|(a, b)| a == b && pattern.contains(a));
    if doubled {
        SkimMatcherV2::default()
            .respect_case()
            .fuzzy_indices(text, pattern)
    } else {
        SHARED.fuzzy_indices(text, pattern)
    }
}

/// skim's score of `pattern` in `text` as a fresh matcher computes it, or `None` if it does not match: the
/// same recurrence, without the matcher's set-up, allocations and positions. The search uses it only as a
/// bound (to skip texts that cannot make the results); every result is scored by the matcher itself, and a
/// property test holds the two equal.
///
/// With `M`/`P` the best score of the pattern's first `i` chars ending with / not ending with a match at
/// text char `j`: `M = 16 + max(M[i-1][j-1] + max(b, 4), P[i-1][j-1] + b)` where the chars are equal,
/// `P = max(M[i][j-1] - 4, P[i][j-1] - 1)`, and the first row's `P` is −1 (unpenalised leading gap). Like
/// the matcher, row `i` starts at the first possible position of pattern char `i`.
pub fn score(text: &str, pattern: &[char]) -> Option<i64> {
    thread_local! {
        /// The text's chars with their bonuses, and one row of cells: reused, as this runs per text.
        static SCRATCH: RefCell<Scratch> = const { RefCell::new((Vec::new(), Vec::new())) };
    }
    SCRATCH.with_borrow_mut(|(chars, row)| recurrence(text, pattern, chars, row))
}

/// The text's chars with their in-place bonuses, and one row of (M, P) cells.
type Scratch = (Vec<(char, i32)>, Vec<(i32, i32)>);

/// [`score`] with its buffers.
fn recurrence(
    text: &str,
    pattern: &[char],
    chars: &mut Vec<(char, i32)>,
    row: &mut Vec<(i32, i32)>,
) -> Option<i64> {
    const NEG_INFINITY: i32 = i16::MIN as i32;
    const GAP: i32 = (GAP_START + GAP_EXTENSION) as i32;
    // Each text char with its in-place bonus (doubled for the first char, as the matcher does).
    let mut prev = '\0';
    chars.clear();
    chars.extend(
        text.chars()
            .map(|c| (c, in_place_bonus(std::mem::replace(&mut prev, c), c) as i32)),
    );
    if let Some(first) = chars.first_mut() {
        first.1 *= 2;
    }
    // One row of (M, P) cells, updated in place from the previous row; row 0 is the unmatched prefix.
    row.clear();
    row.resize(chars.len() + 1, (NEG_INFINITY, GAP_EXTENSION as i32));
    // Row `i` starts where pattern char `i` can first match, after the previous ones (the matcher's rule).
    let mut skip = 0;
    for (i, &p) in pattern.iter().enumerate() {
        let from = if i == 0 { 0 } else { skip + 1 };
        skip = from + chars.get(from..)?.iter().position(|&(c, _)| c == p)?;
        let mut diagonal = row[skip];
        row[skip] = (NEG_INFINITY, NEG_INFINITY);
        let mut left = row[skip];
        for (col, &(c, bonus)) in (skip + 1..).zip(&chars[skip..]) {
            let m = if c == p {
                let consecutive = diagonal.0 + bonus.max(BONUS_CONSECUTIVE as i32);
                consecutive.max(diagonal.1 + bonus) + SCORE_MATCH as i32
            } else {
                NEG_INFINITY
            };
            let cell = (m, (left.0 + GAP).max(left.1 + GAP_EXTENSION as i32));
            diagonal = std::mem::replace(&mut row[col], cell);
            left = cell;
        }
    }
    if pattern.is_empty() {
        return None;
    }
    row[skip..].iter().map(|cell| i64::from(cell.0)).max()
}

/// skim's bonus for a char given the char before it (`'\0'` at the text's start; the first char's bonus is
/// then doubled by the matcher).
pub fn in_place_bonus(prev: char, cur: char) -> i64 {
    match (class(prev), class(cur)) {
        (Class::Empty | Class::HardSep, _) => BONUS_HEAD,
        (Class::SoftSep, _) => BONUS_BREAK,
        (Class::Lower | Class::Number, Class::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// skim's char classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Empty,
    HardSep,
    SoftSep,
    Number,
    Upper,
    Lower,
}

fn class(c: char) -> Class {
    /// The class of every ASCII char, computed once; everything else is `Lower` to skim.
    static ASCII: LazyLock<[Class; 128]> = LazyLock::new(|| std::array::from_fn(|b| ascii_class(b as u8)));
    if c.is_ascii() {
        ASCII[c as usize]
    } else {
        Class::Lower
    }
}

fn ascii_class(b: u8) -> Class {
    match b {
        0 => Class::Empty,
        b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Class::HardSep,
        b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => Class::SoftSep,
        b'0'..=b'9' => Class::Number,
        b'A'..=b'Z' => Class::Upper,
        _ => Class::Lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::StdRng;
    use rand::seq::IndexedRandom;
    use rand::{RngExt, SeedableRng};

    #[test]
    fn scores_do_not_depend_on_earlier_calls() {
        // A reused SkimMatcherV2 gets about 1 in 300 of these wrong, depending on what it matched before;
        // the doubled chars of this alphabet are what triggers it.
        let mut rng = StdRng::seed_from_u64(7);
        let mut random = |max_len: usize| -> String {
            let len = rng.random_range(1..=max_len);
            let alphabet = ['a', 'a', 'b', ' ', '-', '.', 'A', '1'];
            (0..len).map(|_| *alphabet.choose(&mut rng).unwrap()).collect()
        };
        for _ in 0..20_000 {
            let (text, pattern) = (random(30), random(5));
            let never_used = SkimMatcherV2::default().respect_case();
            assert_eq!(
                indices(&text, &pattern),
                never_used.fuzzy_indices(&text, &pattern),
                "{pattern:?} in {text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn the_recurrence_gives_the_matchers_score(
            text in "[-ab xy/.:1가람ㄹA]{0,40}",
            pattern in "[-ab/.:1람ㄹ]{1,6}",
        ) {
            let never_used = SkimMatcherV2::default().respect_case();
            let chars: Vec<char> = pattern.chars().collect();
            proptest::prop_assert_eq!(score(&text, &chars), never_used.fuzzy_indices(&text, &pattern).map(|s| s.0));
        }
    }

    #[test]
    fn in_place_bonuses_agree_with_the_matcher_for_every_ascii_pair() {
        let printable = (b' '..=b'~').map(char::from);
        for (a, b) in printable
            .clone()
            .flat_map(|a| printable.clone().map(move |b| (a, b)))
        {
            if a != b {
                let (score, _) = SkimMatcherV2::default()
                    .respect_case()
                    .fuzzy_indices(&format!("{a}{b}"), &b.to_string())
                    .unwrap();
                assert_eq!(
                    in_place_bonus(a, b),
                    score - SCORE_MATCH - GAP_EXTENSION,
                    "{a:?}{b:?}"
                );
            }
        }
    }

    #[test]
    fn word_starts_and_punctuation_earn_bonuses() {
        assert_eq!(in_place_bonus('\0', 'a'), BONUS_HEAD);
        assert_eq!(in_place_bonus(' ', 'a'), BONUS_HEAD);
        assert_eq!(in_place_bonus('-', 'a'), BONUS_BREAK);
        assert_eq!(in_place_bonus('a', 'B'), BONUS_CAMEL);
        assert_eq!(in_place_bonus('a', 'b'), 0);
        assert_eq!(in_place_bonus('람', '다'), 0);
    }
}
