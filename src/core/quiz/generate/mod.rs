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

use crate::core::content::{Deck, ItemKind, Lang, Text};

use super::question::{FACT_SUFFIX, Question};

/// Builds generated questions for one deck and seed.
#[derive(Debug)]
pub struct Generator<'d> {
    deck: &'d Deck,
    groups: fact::FactGroups<'d>,
    seed: u64,
}

impl<'d> Generator<'d> {
    /// Indexes the deck's fact groups; questions are then built under `seed`.
    pub fn new(deck: &'d Deck, seed: u64) -> Generator<'d> {
        Generator {
            deck,
            groups: fact::FactGroups::new(deck),
            seed,
        }
    }

    /// Every question generated from the given topics (indices into [`Deck::topics`]), in deck order:
    /// per topic, comparison rows first, then facts.
    pub fn all(&self, topics: &[usize]) -> Vec<Question> {
        let mut out = Vec::new();
        for &t in topics {
            let Some(topic) = self.deck.topics().get(t) else {
                continue;
            };
            for c in &topic.compares {
                out.extend((0..c.rows.len()).filter_map(|r| compare::question(&topic.id, c, r, self.seed)));
            }
            out.extend((0..topic.facts.len()).filter_map(|f| self.groups.question(t, f, self.seed)));
        }
        out
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
            ItemKind::Fact if format!("#{suffix}") == FACT_SUFFIX => {
                self.groups.question(item.topic, item.index, self.seed)
            }
            _ => None,
        }
    }
}

/// Text built the same way in every language.
fn per_lang(build: impl Fn(Lang) -> String) -> Text {
    Text::localized(build(Lang::En), build(Lang::Ko))
}

/// Comparison key of a text in one language: spacing collapsed, lowercase (as the validator compares choices).
fn key(text: &Text, lang: Lang) -> String {
    text.get(lang)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether two texts read the same (ignoring case and spacing) in any language.
fn same(a: &Text, b: &Text) -> bool {
    Lang::ALL.iter().any(|&l| key(a, l) == key(b, l))
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
