//! Generated questions: the structured content (comparison tables, grouped facts) turned into
//! multiple-choice questions that supplement the hand-written scenarios.
//!
//! - [`compare`]: one question per comparison row whose values all differ: "which option has
//!   `attribute`: `value`?", the options as choices, exactly one right.
//! - [`fact`]: one question per fact with a `group`: its answer among up to three answers of other facts of
//!   the same group (same topic first), all distinct.
//!
//! Everything is deterministic by seed, and each question only depends on its own id's random stream, so
//! [`Generator::question`] rebuilds any question from its id. Every generated question has exactly one right
//! answer and pairwise-distinct choices (ignoring case and spacing, in every language).

pub mod compare;
pub mod fact;

use std::borrow::Cow;

use crate::core::content::{Deck, ItemKind, Lang, Text};

use super::question::{FACT_SUFFIX, Question};

/// What the questions of a deck are generated from, whatever the seed: the comparison rows that can be asked,
/// and the fact groups with how their answers compare. Building it reads the whole deck, so it is built once
/// per deck and kept ([`Generator::with_pool`]); a draw then only reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizPool {
    /// Per topic: the (comparison, row) pairs that make a question, in deck order.
    rows: Vec<Vec<(u32, u32)>>,
    groups: fact::FactGroups,
}

impl QuizPool {
    /// Reads `deck`.
    pub fn new(deck: &Deck) -> QuizPool {
        let rows = deck
            .topics()
            .iter()
            .map(|topic| {
                let mut rows = Vec::new();
                for (c, compare) in topic.compares.iter().enumerate() {
                    if compare::options_askable(compare) {
                        let askable =
                            (0..compare.rows.len()).filter(|&row| compare::row_askable(compare, row));
                        rows.extend(askable.map(|row| (c as u32, row as u32)));
                    }
                }
                rows
            })
            .collect();
        QuizPool {
            rows,
            groups: fact::FactGroups::new(deck),
        }
    }
}

/// Builds generated questions for one deck and seed.
#[derive(Debug)]
pub struct Generator<'d> {
    deck: &'d Deck,
    pool: Cow<'d, QuizPool>,
    seed: u64,
}

impl<'d> Generator<'d> {
    /// Reads the deck ([`QuizPool::new`]); questions are then built under `seed`.
    pub fn new(deck: &'d Deck, seed: u64) -> Generator<'d> {
        Generator {
            deck,
            pool: Cow::Owned(QuizPool::new(deck)),
            seed,
        }
    }

    /// A generator over `pool`, which was built from this `deck`.
    pub fn with_pool(deck: &'d Deck, pool: &'d QuizPool, seed: u64) -> Generator<'d> {
        Generator {
            deck,
            pool: Cow::Borrowed(pool),
            seed,
        }
    }

    /// Every question generated from the given topics (indices into [`Deck::topics`]), in deck order:
    /// per topic, comparison rows first, then facts.
    pub fn all(&self, topics: &[usize]) -> Vec<Question> {
        self.available(topics)
            .into_iter()
            .filter_map(|source| self.build(source))
            .collect()
    }

    /// Where every question of [`Generator::all`] comes from, in the same order, without building one: what a
    /// draw picks from, so that only the questions drawn are built.
    pub fn available(&self, topics: &[usize]) -> Vec<Source> {
        let mut out = Vec::new();
        for &t in topics {
            let (Some(topic), Some(rows)) = (self.deck.topics().get(t), self.pool.rows.get(t)) else {
                continue;
            };
            out.extend(rows.iter().map(|&(compare, row)| Source::CompareRow {
                topic: t,
                compare: compare as usize,
                row: row as usize,
            }));
            let groups = &self.pool.groups;
            let facts = (0..topic.facts.len()).filter(|&f| groups.askable(t, f));
            out.extend(facts.map(|fact| Source::Fact { topic: t, fact }));
        }
        out
    }

    /// The question `source` names.
    pub fn build(&self, source: Source) -> Option<Question> {
        match source {
            Source::CompareRow {
                topic,
                compare: c,
                row,
            } => {
                let t = self.deck.topics().get(topic)?;
                compare::question(&t.id, t.compares.get(c)?, row, self.seed)
            }
            Source::Fact { topic, fact } => self.pool.groups.question(self.deck, topic, fact, self.seed),
        }
    }

    /// The generated question with this id (`topic/compare#row2`, `topic/fact#pick`), if the deck can still
    /// generate it.
    pub fn question(&self, id: &str) -> Option<Question> {
        let (base, suffix) = id.split_once('#')?;
        let item = self.deck.find(base)?;
        let topic = self.deck.topics().get(item.topic)?;
        match item.kind {
            ItemKind::Compare => {
                let row = suffix.strip_prefix("row")?.parse().ok()?;
                compare::question(&topic.id, topic.compares.get(item.index)?, row, self.seed)
            }
            ItemKind::Fact if format!("#{suffix}") == FACT_SUFFIX => self
                .pool
                .groups
                .question(self.deck, item.topic, item.index, self.seed),
            _ => None,
        }
    }
}

/// Where a generated question comes from: a comparison row or a fact (indices into the deck).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Row `row` of comparison `compare` of topic `topic`.
    CompareRow {
        /// Index into [`Deck::topics`].
        topic: usize,
        /// Index into the topic's comparisons.
        compare: usize,
        /// Index into the comparison's rows.
        row: usize,
    },
    /// Fact `fact` of topic `topic`.
    Fact {
        /// Index into [`Deck::topics`].
        topic: usize,
        /// Index into the topic's facts.
        fact: usize,
    },
}

/// Text built the same way in every language.
fn per_lang(build: impl Fn(Lang) -> String) -> Text {
    Text::localized(build(Lang::En), build(Lang::Ko))
}

/// Whether two texts read the same (ignoring case and spacing) in any language.
fn same(a: &Text, b: &Text) -> bool {
    Lang::ALL.iter().any(|&l| same_key(a.get(l), b.get(l)))
}

/// Whether two strings have the same [`key_of`], compared char by char without building either (a quiz over a
/// big deck compares tens of thousands of answers). `str::to_lowercase` treats a final capital sigma apart,
/// so a string with one is compared through its key.
fn same_key(a: &str, b: &str) -> bool {
    if a.contains('Σ') || b.contains('Σ') {
        return key_of(a) == key_of(b);
    }
    fn chars(s: &str) -> impl Iterator<Item = char> + '_ {
        s.split_whitespace().enumerate().flat_map(|(i, word)| {
            (i > 0)
                .then_some(' ')
                .into_iter()
                .chain(word.chars().flat_map(char::to_lowercase))
        })
    }
    chars(a).eq(chars(b))
}

/// Comparison key of a text: spacing collapsed, lowercase (as the validator compares choices).
fn key_of(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether all texts are pairwise different in every language.
fn all_distinct(texts: &[&Text]) -> bool {
    texts
        .iter()
        .enumerate()
        .all(|(i, a)| texts[i + 1..].iter().all(|b| !same(a, b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The char-by-char comparison says what comparing the keys says, for any strings (spacing, case,
        /// characters that lowercase to several, a final sigma).
        #[test]
        fn comparing_in_place_equals_comparing_keys(
            a in "[aA Σσς İi\t\n가]{0,8}",
            b in "[aA Σσς İi\t\n가]{0,8}",
        ) {
            proptest::prop_assert_eq!(same_key(&a, &b), key_of(&a) == key_of(&b));
        }
    }

    #[test]
    fn texts_are_the_same_when_any_language_matches_ignoring_case_and_spacing() {
        assert!(same(&Text::plain("15  Minutes"), &Text::plain(" 15 minutes")));
        assert!(same(&Text::localized("a", "가"), &Text::localized("b", "가")));
        assert!(!same(&Text::localized("a", "가"), &Text::localized("b", "나")));
        assert!(all_distinct(&[
            &Text::plain("a"),
            &Text::plain("b"),
            &Text::plain("c")
        ]));
        assert!(!all_distinct(&[
            &Text::plain("a"),
            &Text::plain("b"),
            &Text::plain("A")
        ]));
    }
}
