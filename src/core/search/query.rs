//! A parsed search query: its folded terms, which form of the texts they match against, and their mask.
//!
//! A query is split on whitespace into terms; a text matches when **every** term fuzzy-matches it (in any
//! order, like skim's and fzf's extended search). A query made of Hangul compatibility consonants and no
//! Hangul syllable (`ㄹㄷ`, `ㅅㅂㄹㅅ`, `ㄹㄷ 15`) is a choseong search: it matches the texts' choseong forms.

use super::bound::Shape;
use super::forms::{char_mask, fold, is_compat_consonant, is_syllable};
use super::score::Term;

/// Queries longer than this many chars are cut: the matcher's work grows with query length × text length.
pub const MAX_QUERY_CHARS: usize = 128;

/// Which form of a text a query is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The case-folded text.
    Folded,
    /// The text with every Hangul syllable replaced by its initial consonant.
    Choseong,
}

/// A non-empty query, ready to match.
#[derive(Debug, Clone)]
pub struct Query {
    terms: Vec<Term>,
    /// The form the terms match against.
    pub form: Form,
    /// Union of the terms' char masks.
    mask: u64,
}

impl Query {
    /// Parses what the user typed; `None` when it has no term (empty or only whitespace).
    pub fn parse(text: &str) -> Option<Query> {
        let folded: String = fold(text).chars().take(MAX_QUERY_CHARS).collect();
        let terms: Vec<Term> = folded.split_whitespace().filter_map(Term::new).collect();
        if terms.is_empty() {
            return None;
        }
        let choseong = folded.chars().any(is_compat_consonant) && !folded.chars().any(is_syllable);
        let form = if choseong { Form::Choseong } else { Form::Folded };
        let mask = terms.iter().fold(0, |m, t| m | char_mask(t.as_str()));
        Some(Query { terms, form, mask })
    }

    /// The query's terms, in the order typed.
    #[cfg(test)]
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// Whether a text with this char mask could match (a necessary condition only).
    pub fn could_match(&self, mask: u64) -> bool {
        mask & self.mask == self.mask
    }

    /// Whether every term's chars occur in `form` in order: exactly when the fuzzy matcher finds a match.
    pub fn matches(&self, form: &str) -> bool {
        self.terms.iter().all(|t| t.window(form).is_some())
    }

    /// The best score any text could give (one starting with every term).
    pub fn max_bound(&self) -> i64 {
        self.terms.iter().map(Term::max_bound).sum()
    }

    /// An upper bound of [`Query::score`] in any text of this `shape`; `may_start(c)` tells whether the text
    /// may start with `c`.
    pub fn shape_bound(&self, shape: &Shape, may_start: impl Fn(char) -> bool) -> i64 {
        self.terms
            .iter()
            .map(|t| t.shape_bound(shape, may_start(t.first())))
            .sum()
    }

    /// An upper bound of [`Query::score`] in `form`.
    pub fn bound_in(&self, form: &str) -> i64 {
        self.terms.iter().map(|t| t.bound_in(form)).sum()
    }

    /// [`Query::score`] computed without the matcher: the same value, much cheaper.
    pub fn quick_score(&self, form: &str) -> Option<i64> {
        // Every term's cheap check first: one term that does not match saves scoring the others.
        if !self.matches(form) {
            return None;
        }
        self.terms.iter().map(|t| t.quick_score(form)).sum()
    }

    /// The sum of the terms' fuzzy scores in `form`, or `None` if a term does not match.
    pub fn score(&self, form: &str) -> Option<i64> {
        self.terms.iter().map(|t| t.score(form)).sum()
    }

    /// The score and the sorted, distinct char indices of `form` the terms matched.
    pub fn indices(&self, form: &str) -> Option<(i64, Vec<usize>)> {
        let mut total = 0;
        let mut positions = Vec::new();
        for term in &self.terms {
            let (score, mut at) = term.indices(form)?;
            total += score;
            positions.append(&mut at);
        }
        positions.sort_unstable();
        positions.dedup();
        Some((total, positions))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_queries_have_no_terms() {
        assert!(Query::parse("").is_none());
        assert!(Query::parse(" \t\n ").is_none());
    }

    #[test]
    fn terms_are_folded_and_split_on_whitespace() {
        let q = Query::parse("  Lambda  한도 ").unwrap();
        let terms: Vec<&str> = q.terms.iter().map(Term::as_str).collect();
        assert_eq!(terms, ["lambda", "한도"]);
        assert_eq!(q.form, Form::Folded);
    }

    #[test]
    fn consonant_only_queries_search_choseong() {
        assert_eq!(Query::parse("ㄹㄷ").unwrap().form, Form::Choseong);
        assert_eq!(Query::parse("ㄹㄷ 15").unwrap().form, Form::Choseong);
        assert_eq!(
            Query::parse("람ㄷ").unwrap().form,
            Form::Folded,
            "a syllable means text search"
        );
        assert_eq!(
            Query::parse("ㅏ").unwrap().form,
            Form::Folded,
            "a vowel is not a consonant"
        );
    }

    #[test]
    fn every_term_must_match_in_any_order() {
        let cases = [
            ("lmbd", true),
            ("abl", false),
            ("15 timeout", true),
            ("timeout 16", false),
        ];
        for (query, expected) in cases {
            let q = Query::parse(query).unwrap();
            let text = "lambda timeout 15 min";
            assert_eq!(q.matches(text), expected, "{query}");
            assert_eq!(q.score(text).is_some(), expected, "{query}");
            assert_eq!(q.indices(text).is_some(), expected, "{query}");
        }
    }

    #[test]
    fn positions_are_the_union_of_the_terms_matches() {
        let q = Query::parse("15 lambda").unwrap();
        let (score, at) = q.indices("lambda timeout 15 min").unwrap();
        assert_eq!(at, [0, 1, 2, 3, 4, 5, 15, 16]);
        assert_eq!(Some(score), q.score("lambda timeout 15 min"));
        assert!(score <= q.bound_in("lambda timeout 15 min"));
    }

    #[test]
    fn overlong_queries_are_cut() {
        let q = Query::parse(&"a".repeat(10_000)).unwrap();
        assert_eq!(q.terms[0].as_str().len(), MAX_QUERY_CHARS);
    }
}
