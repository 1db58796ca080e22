//! One query term scored against one text with skim's matcher — exactly, deterministically, and cheaply.
//!
//! **The score** of a term in a text is skim's fuzzy score, except that a term found *contiguously* scores
//! its best contiguous occurrence (as skim scores that alignment) plus [`CONTIGUOUS_BONUS`]. skim alone
//! lets a scattered match anchored at a text's first char ("**L**arge **amb**er" for `lamb`) beat a whole
//! word in mid-text ("one **Lamb**da"); the bonus exceeds the most skim can favour any scattered alignment
//! over a contiguous one (16), so exact and prefix matches always rank above scattered ones.
//!
//! Three facts about `fuzzy_matcher::skim::SkimMatcherV2` (0.3.7) shape this module:
//! - **A reused matcher is not deterministic.** It caches its score matrix between calls and reads a stale
//!   `bonus` cell from earlier calls, so the same (text, pattern) can score differently depending on what was
//!   matched before (and `use_cache(false)` panics). Every call here therefore uses a fresh matcher.
//! - **Only a window of the text matters.** Chars before the first occurrence of the term's first char, and
//!   after the last occurrence of its last char, can never be matched; leading and trailing gaps are not
//!   penalised. Matching the window (plus the one char before it, which decides the first char's bonus)
//!   gives exactly the same score and positions for less work.
//! - **The score has a cheap upper bound** ([`Term::bound_in`]): with a fresh matrix each matched char earns
//!   16 plus a bonus that is at most 8 for the first char (16 at the text's first char), and at most what the
//!   pair (previous term char, this char) earns when contiguous — never less than the 4 a gap can net. The
//!   search uses it to skip texts that cannot beat the results it already has.
//!
//! Scores are on the *folded* forms (both sides lowercase), with case-sensitive matching.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// skim's score for each matched char.
const SCORE_MATCH: i64 = 16;
/// skim's bonus at the start of a word (after a space, slash, bracket… or at the text's start).
const BONUS_HEAD: i64 = 8;
/// skim's bonus after punctuation (`-`, `.`, `:`…).
const BONUS_BREAK: i64 = 7;
/// skim's bonus for an ASCII capital after a lowercase letter or digit.
const BONUS_CAMEL: i64 = 6;
/// skim's smallest bonus for a char matched right after the previous one.
const BONUS_CONSECUTIVE: i64 = 4;
/// skim's penalty for opening a gap between two matched chars.
const GAP_START: i64 = -3;
/// skim's penalty for each char of a gap (and its first row's score before any match).
const GAP_EXTENSION: i64 = -1;

/// Added to a term's score when it occurs contiguously: more than the 16 points by which skim can prefer a
/// scattered alignment (first char at the text's start, gaps bridged by word starts) to a contiguous one.
pub const CONTIGUOUS_BONUS: i64 = 24;

/// One whitespace-free, folded query term with its precomputed score bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    text: String,
    first: char,
    last: char,
    /// The best skim score any text not starting with `first` can give.
    bound: i64,
}

impl Term {
    /// A term from folded, whitespace-free text; `None` if it is empty.
    pub fn new(text: &str) -> Option<Term> {
        let first = text.chars().next()?;
        let last = text.chars().next_back()?;
        let chars: Vec<char> = text.chars().collect();
        let steps: i64 = chars
            .windows(2)
            .map(|pair| SCORE_MATCH + BONUS_CONSECUTIVE.max(in_place_bonus(pair[0], pair[1])))
            .sum();
        Some(Term {
            text: text.to_string(),
            first,
            last,
            bound: SCORE_MATCH + BONUS_HEAD + GAP_EXTENSION + steps,
        })
    }

    /// The term as typed (folded).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// An upper bound of this term's score in `text`.
    pub fn bound_in(&self, text: &str) -> i64 {
        self.skim_bound_in(text) + CONTIGUOUS_BONUS
    }

    /// An upper bound of skim's score of this term in `text`.
    ///
    /// Away from the text's first char, it is the same for every text. A match *at* the first char earns
    /// its bonus twice (+8), but unless the second char follows at once, the gap before it costs at least as
    /// much as the chars it skips; so only the first few chars are looked at.
    fn skim_bound_in(&self, text: &str) -> i64 {
        let mut chars = text.chars();
        if chars.next() != Some(self.first) {
            return self.bound;
        }
        let Some(second) = self.text.chars().nth(1) else {
            return self.bound + BONUS_HEAD;
        };
        let step = SCORE_MATCH + BONUS_CONSECUTIVE.max(in_place_bonus(self.first, second));
        let rest = self.bound - (SCORE_MATCH + BONUS_HEAD + GAP_EXTENSION) - step;
        let first = SCORE_MATCH + 2 * BONUS_HEAD + GAP_EXTENSION;
        // The second char must earn more than this for a match at the start to beat `self.bound`.
        let mut best = self.bound - first - rest;
        let mut prev = self.first;
        for (j, c) in chars.enumerate().map(|(j, c)| (j as i64 + 1, c)) {
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

    /// The term's first char.
    pub fn first(&self) -> char {
        self.first
    }

    /// An upper bound of this term's score in any text that starts (`may_start`) or does not start with the
    /// term's first char.
    pub fn bound_if_start(&self, may_start: bool) -> i64 {
        self.bound + CONTIGUOUS_BONUS + if may_start { BONUS_HEAD } else { 0 }
    }

    /// The best score any text can give: one that starts with the whole term.
    pub fn max_bound(&self) -> i64 {
        self.bound_if_start(true)
    }

    /// The part of `text` a match can use, or `None` if the term's chars do not occur in order (no match).
    pub fn window(&self, text: &str) -> Option<Window> {
        let start = text.find(self.first)?;
        let mut rest = &text[start + self.first.len_utf8()..];
        for c in self.text.chars().skip(1) {
            let at = rest.find(c)?;
            rest = &rest[at + c.len_utf8()..];
        }
        let last = text.rfind(self.last)?;
        let before = text[..start].chars().next_back().map_or(0, char::len_utf8);
        Some(Window {
            start: start - before,
            end: last + self.last.len_utf8(),
        })
    }

    /// This term's score in `text` (see the module doc), or `None` if it does not match.
    pub fn score(&self, text: &str) -> Option<i64> {
        match self.occurrence(text) {
            Some((score, _)) => Some(score + CONTIGUOUS_BONUS),
            None => self.skim(text, true, false).map(|(score, _)| score),
        }
    }

    /// This term's score and matched char indices in `text`, or `None` if it does not match.
    pub fn indices(&self, text: &str) -> Option<(i64, Vec<usize>)> {
        match self.occurrence(text) {
            Some((score, at)) => {
                let start = text[..at].chars().count();
                let positions = (start..start + self.text.chars().count()).collect();
                Some((score + CONTIGUOUS_BONUS, positions))
            }
            None => self.skim(text, true, true),
        }
    }

    /// [`Term::score`] with skim run on the whole text, for the exhaustive reference in tests.
    #[cfg(test)]
    pub fn score_unwindowed(&self, text: &str) -> Option<i64> {
        match self.occurrence(text) {
            Some((score, _)) => Some(score + CONTIGUOUS_BONUS),
            None => self.skim(text, false, false).map(|(score, _)| score),
        }
    }

    /// The best contiguous occurrence of the term in `text`: skim's score of that alignment and its byte
    /// offset (the first one on ties).
    fn occurrence(&self, text: &str) -> Option<(i64, usize)> {
        let steps = self.bound - (SCORE_MATCH + BONUS_HEAD + GAP_EXTENSION);
        let mut best: Option<(i64, usize)> = None;
        for (at, _) in text.match_indices(self.text.as_str()) {
            let bonus = match text[..at].chars().next_back() {
                None => 2 * BONUS_HEAD,
                Some(prev) => in_place_bonus(prev, self.first),
            };
            let score = SCORE_MATCH + bonus + GAP_EXTENSION + steps;
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, at));
            }
        }
        best
    }

    /// skim's score (and matched char indices into `text`, if asked) with a fresh matcher, on the window of
    /// `text` a match can use (or on all of it).
    fn skim(&self, text: &str, windowed: bool, with_positions: bool) -> Option<(i64, Vec<usize>)> {
        let w = self.window(text)?;
        let (start, end) = if windowed {
            (w.start, w.end)
        } else {
            (0, text.len())
        };
        // `fuzzy_indices`, not `fuzzy_match`: the latter reuses two matrix rows, which the bound does not model.
        let (score, positions) = fresh_matcher().fuzzy_indices(&text[start..end], &self.text)?;
        if !with_positions {
            return Some((score, Vec::new()));
        }
        let offset = text[..start].chars().count();
        Some((score, positions.into_iter().map(|p| p + offset).collect()))
    }
}

/// A byte range of a text that contains every possible match of a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Start of the char before the first possible match (or 0).
    pub start: usize,
    /// End of the last possible match.
    pub end: usize,
}

/// A matcher with an empty cache (see the module doc: a reused one is not deterministic).
fn fresh_matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case()
}

/// skim's bonus for a char given the char before it (mirrors `fuzzy_matcher::skim`'s char roles).
fn in_place_bonus(prev: char, cur: char) -> i64 {
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
    match c {
        '\0' => Class::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => Class::HardSep,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => Class::SoftSep,
        '0'..='9' => Class::Number,
        'A'..='Z' => Class::Upper,
        _ => Class::Lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rand::rngs::StdRng;
    use rand::seq::IndexedRandom;
    use rand::{RngExt, SeedableRng};

    /// skim's result from a matcher that has never been used, on the whole text.
    fn full_score(text: &str, term: &str) -> Option<(i64, Vec<usize>)> {
        SkimMatcherV2::default().respect_case().fuzzy_indices(text, term)
    }

    #[test]
    fn word_start_matches_reach_the_bound() {
        let term = Term::new("lambda").unwrap();
        let (score, at) = term.indices("about lambda").unwrap();
        assert_eq!(score, term.bound_in("about lambda"));
        assert_eq!(at, [6, 7, 8, 9, 10, 11]);
        let at_start = term.score("lambda limits").unwrap();
        assert_eq!(at_start, term.bound_in("lambda limits"));
        assert!(at_start > score, "the first char of a text earns a double bonus");
    }

    #[test]
    fn scattered_matches_score_below_contiguous_ones() {
        let term = Term::new("lambda").unwrap();
        let scattered = term.score("large amber bead alarm").unwrap();
        assert!(scattered < term.score("a lambda").unwrap());
        // skim alone prefers the scattered match anchored at the first char (87 > 83).
        let lamb = Term::new("lamb").unwrap();
        let (anchored, mid_word) = ("large amber beads", "one lambda invocation");
        assert!(full_score(anchored, "lamb").unwrap().0 > full_score(mid_word, "lamb").unwrap().0);
        assert!(lamb.score(anchored).unwrap() < lamb.score(mid_word).unwrap());
        assert_eq!(lamb.indices(mid_word).unwrap().1, [4, 5, 6, 7]);
    }

    #[test]
    fn a_contiguous_occurrence_scores_what_skim_gives_that_alignment() {
        // Texts where the occurrence is the only possible alignment.
        for text in [
            "about lambda",
            "x-lambda",
            "lambda",
            "a/lambda",
            "xlambda",
            "람다 lambda",
        ] {
            let skim = full_score(text, "lambda").unwrap().0;
            assert_eq!(
                Term::new("lambda").unwrap().score(text),
                Some(skim + CONTIGUOUS_BONUS),
                "{text}"
            );
        }
    }

    #[test]
    fn window_covers_first_to_last_possible_match() {
        let term = Term::new("ab").unwrap();
        let text = "xx-aab-b yy";
        let w = term.window(text).unwrap();
        assert_eq!(&text[w.start..w.end], "-aab-b");
        assert_eq!(term.window("ba"), None);
    }

    #[test]
    fn scores_do_not_depend_on_earlier_calls() {
        // A reused SkimMatcherV2 gets about 1 in 700 of these wrong, depending on what it matched before.
        let mut rng = StdRng::seed_from_u64(7);
        let mut random = |max_len: usize| -> String {
            let len = rng.random_range(1..=max_len);
            (0..len)
                .map(|_| *['a', 'a', 'b', ' ', '-', '.'].choose(&mut rng).unwrap())
                .collect()
        };
        for _ in 0..20_000 {
            let (text, term) = (random(30), random(5));
            let t = Term::new(&term).unwrap();
            assert_eq!(
                t.skim(&text, false, true),
                full_score(&text, &term),
                "{term:?} in {text:?}"
            );
        }
    }

    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[-ab xy/.:1가람ㄹA]{0,30}").unwrap()
    }

    fn term() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[-ab/.:1람ㄹ]{1,5}").unwrap()
    }

    proptest! {
        #[test]
        fn window_scoring_equals_full_scoring(text in text(), term in term()) {
            let t = Term::new(&term).unwrap();
            prop_assert_eq!(t.skim(&text, true, true), full_score(&text, &term));
            prop_assert_eq!(t.window(&text).is_some(), full_score(&text, &term).is_some());
            prop_assert_eq!(t.score(&text).is_some(), full_score(&text, &term).is_some());
            prop_assert_eq!(t.score(&text), t.indices(&text).map(|s| s.0));
        }

        #[test]
        fn contiguous_occurrences_outrank_every_scattered_alignment(text in text(), term in term()) {
            let t = Term::new(&term).unwrap();
            if let (Some((occurrence, _)), Some((skim, _))) = (t.occurrence(&text), full_score(&text, &term)) {
                prop_assert!(occurrence <= skim, "an occurrence is one of skim's alignments");
                prop_assert!(occurrence + CONTIGUOUS_BONUS > skim, "{} + bonus <= {}", occurrence, skim);
            }
        }

        #[test]
        fn the_bound_is_never_exceeded(text in text(), term in term()) {
            let t = Term::new(&term).unwrap();
            if let Some(score) = t.score(&text) {
                prop_assert!(score <= t.bound_in(&text), "{} > {}", score, t.bound_in(&text));
            }
        }
    }
}
