//! One query term scored against one text: skim's fuzzy score, contiguous matches first.
//!
//! **The score** of a term in a text is skim's fuzzy score, except that a term found *contiguously* scores
//! its best contiguous occurrence (as skim scores that alignment) plus [`CONTIGUOUS_BONUS`]. skim alone lets
//! a scattered match anchored at a text's first char ("**L**arge **amb**er" for `lamb`) beat a whole word in
//! mid-text ("one **Lamb**da"); the bonus exceeds the most skim can favour any scattered alignment over a
//! contiguous one (16), so exact and prefix matches always rank above scattered ones.
//!
//! **Only a window of the text matters** to skim: chars before the first occurrence of the term's first char,
//! and after the last occurrence of its last char, can never be matched, and leading and trailing gaps are
//! not penalised. Matching the window (plus the one char before it, which decides the first char's bonus)
//! gives exactly the same score and positions for less work.
//!
//! Terms and texts are *folded* (lowercase); matching is case-sensitive on those forms.

use super::skim::{self, BONUS_CONSECUTIVE, BONUS_HEAD, GAP_EXTENSION, SCORE_MATCH, in_place_bonus};

/// Added to a term's score when it occurs contiguously: more than the 16 points by which skim can prefer a
/// scattered alignment (first char at the text's start, gaps bridged by word starts) to a contiguous one.
pub const CONTIGUOUS_BONUS: i64 = 24;

/// One whitespace-free, folded query term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    text: String,
    chars: Vec<char>,
    /// What the chars after the first earn when all are contiguous.
    steps: i64,
}

impl Term {
    /// A term from folded, whitespace-free text; `None` if it is empty.
    pub fn new(text: &str) -> Option<Term> {
        let chars: Vec<char> = text.chars().collect();
        chars.first()?;
        let steps = chars
            .windows(2)
            .map(|pair| SCORE_MATCH + BONUS_CONSECUTIVE.max(in_place_bonus(pair[0], pair[1])))
            .sum();
        Some(Term {
            text: text.to_string(),
            chars,
            steps,
        })
    }

    /// The term as typed (folded).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The term's chars.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// The term's first char.
    pub fn first(&self) -> char {
        self.chars[0]
    }

    /// What the chars after the first earn in skim's score when all are contiguous.
    pub fn steps(&self) -> i64 {
        self.steps
    }

    /// The part of `text` a match can use, or `None` if the term's chars do not occur in order (no match).
    pub fn window(&self, text: &str) -> Option<Window> {
        let first = self.first();
        let start = text.find(first)?;
        let mut rest = &text[start + first.len_utf8()..];
        for &c in &self.chars[1..] {
            let at = rest.find(c)?;
            rest = &rest[at + c.len_utf8()..];
        }
        let last = self.chars[self.chars.len() - 1];
        let end = text.rfind(last)? + last.len_utf8();
        let before = text[..start].chars().next_back().map_or(0, char::len_utf8);
        Some(Window {
            start: start - before,
            end,
        })
    }

    /// This term's score in `text` (see the module doc), or `None` if it does not match.
    pub fn score(&self, text: &str) -> Option<i64> {
        match self.occurrence(text) {
            Some((score, _)) => Some(score + CONTIGUOUS_BONUS),
            None => self.skim(text, true, false).map(|(score, _)| score),
        }
    }

    /// [`Term::score`] computed without the matcher (see `skim::score`): the same value, much cheaper. The
    /// search uses it to decide which texts are worth scoring with the matcher.
    pub fn quick_score(&self, text: &str) -> Option<i64> {
        match self.occurrence(text) {
            Some((score, _)) => Some(score + CONTIGUOUS_BONUS),
            None => {
                let w = self.window(text)?;
                skim::score(&text[w.start..w.end], &self.chars)
            }
        }
    }

    /// This term's score and matched char indices in `text`, or `None` if it does not match.
    pub fn indices(&self, text: &str) -> Option<(i64, Vec<usize>)> {
        match self.occurrence(text) {
            Some((score, at)) => {
                let start = text[..at].chars().count();
                let positions = (start..start + self.chars.len()).collect();
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
        let mut best: Option<(i64, usize)> = None;
        for (at, _) in text.match_indices(self.text.as_str()) {
            let bonus = match text[..at].chars().next_back() {
                None => 2 * BONUS_HEAD,
                Some(prev) => in_place_bonus(prev, self.first()),
            };
            let score = SCORE_MATCH + bonus + GAP_EXTENSION + self.steps;
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, at));
            }
        }
        best
    }

    /// skim's score (and matched char indices into `text`, if asked) on the window of `text` a match can
    /// use (or on all of it).
    fn skim(&self, text: &str, windowed: bool, with_positions: bool) -> Option<(i64, Vec<usize>)> {
        let w = self.window(text)?;
        let (start, end) = if windowed {
            (w.start, w.end)
        } else {
            (0, text.len())
        };
        let (score, positions) = skim::indices(&text[start..end], &self.text)?;
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

#[cfg(test)]
mod tests {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    use super::*;

    /// skim's result from a matcher that has never been used, on the whole text.
    fn full_score(text: &str, term: &str) -> Option<(i64, Vec<usize>)> {
        SkimMatcherV2::default().respect_case().fuzzy_indices(text, term)
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

    use crate::core::search::strategies::{term, text};

    proptest! {
        #[test]
        fn window_scoring_equals_full_scoring(text in text(), term in term()) {
            let t = Term::new(&term).unwrap();
            prop_assert_eq!(t.skim(&text, true, true), full_score(&text, &term));
            prop_assert_eq!(t.window(&text).is_some(), full_score(&text, &term).is_some());
            prop_assert_eq!(t.score(&text).is_some(), full_score(&text, &term).is_some());
            prop_assert_eq!(t.score(&text), t.indices(&text).map(|s| s.0));
            prop_assert_eq!(t.score(&text), t.quick_score(&text));
        }

        #[test]
        fn contiguous_occurrences_outrank_every_scattered_alignment(text in text(), term in term()) {
            let t = Term::new(&term).unwrap();
            if let (Some((occurrence, _)), Some((skim, _))) = (t.occurrence(&text), full_score(&text, &term)) {
                prop_assert!(occurrence <= skim, "an occurrence is one of skim's alignments");
                prop_assert!(occurrence + CONTIGUOUS_BONUS > skim, "{} + bonus <= {}", occurrence, skim);
            }
        }
    }
}
