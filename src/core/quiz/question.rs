//! The question model every quiz and exam screen shows: a prompt, shuffled choices with a reason each, how
//! many to choose, and the explanation shown after answering.
//!
//! Questions come from hand-written scenarios ([`Question::from_scenario`]) or are generated from comparison
//! tables and facts ([`super::generate`]). Either way the choices are already in display order: every index
//! a caller passes around (responses, [`crate::core::event::EventKind::ExamAnswer`]) is an index into
//! [`Question::choices`].

use std::collections::BTreeSet;

use rand::seq::SliceRandom;
use serde::Serialize;

use crate::core::content::{Keywords, Scenario, Text, global_id};

use super::seed::item_rng;

/// Where a question comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum QuestionSource {
    /// A hand-written `[[scenario]]`.
    Scenario,
    /// Generated from one row (0-based) of a `[[compare]]` table.
    CompareRow {
        /// The row's position in the table.
        row: usize,
    },
    /// Generated from a `[[fact]]` with a `group`: its answer among answers of the same kind.
    Fact,
}

/// One option of a question, in display order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QChoice {
    /// The option text.
    pub text: Text,
    /// Whether it is (one of) the right answer(s).
    pub correct: bool,
    /// Why it is right or wrong, when the source says so.
    pub why: Option<Text>,
}

/// A multiple-choice question, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// Stable question id: the source item's global id (`topic/item`), plus a suffix for generated questions
    /// (`edge-functions/cf-vs-le#row3`, `lambda/max-timeout#pick`).
    pub id: String,
    /// Global id of the item the question comes from: the card an answer is logged against.
    pub card: String,
    /// Id of the topic it belongs to.
    pub topic: String,
    /// What kind of item it was built from.
    pub source: QuestionSource,
    /// The situation and the question.
    pub prompt: Text,
    /// Phrases of the prompt to highlight (see [`super::highlight()`]).
    pub keywords: Keywords,
    /// The options, shuffled into display order.
    pub choices: Vec<QChoice>,
    /// How many options the learner must pick: the number of correct ones ("choose two").
    pub choose: usize,
    /// Why the right answer is right, shown after answering.
    pub explanation: Text,
    /// The documentation page that backs the question, if any.
    pub reference: Option<String>,
}

/// The id suffix of a question generated from comparison row `row`.
pub fn compare_row_suffix(row: usize) -> String {
    format!("#row{row}")
}

/// The seed of the display order outside quizzes ([`Question::shown`]); any fixed value works, this one
/// only has to stay the same across versions so a learner's Browse view does not reshuffle on upgrade.
const SHOWN_SEED: u64 = 0x0005_EED0_FC40_1CE5;

/// The id suffix of a question generated from a fact.
pub const FACT_SUFFIX: &str = "#pick";

impl Question {
    /// The question for a scenario of topic `topic`, with its choices shuffled by the stream for its id under
    /// `seed`. `None` for a scenario without a correct choice (the validator rejects those; this is the
    /// defensive second line, so grading never meets an unanswerable question).
    pub fn from_scenario(topic: &str, scenario: &Scenario, seed: u64) -> Option<Question> {
        let choose = scenario.correct_count();
        if choose == 0 {
            return None;
        }
        let id = global_id(topic, &scenario.id);
        let choices = scenario
            .choices
            .iter()
            .map(|c| QChoice {
                text: c.text.clone(),
                correct: c.correct,
                why: Some(c.why.clone()),
            })
            .collect();
        Some(Question {
            choices: shuffled(choices, seed, &id),
            card: id.clone(),
            id,
            topic: topic.to_string(),
            source: QuestionSource::Scenario,
            prompt: scenario.prompt.clone(),
            keywords: scenario.keywords.clone(),
            choose,
            explanation: scenario.explanation.clone(),
            reference: Some(scenario.source.clone()),
        })
    }

    /// A scenario as shown outside a quiz or exam (Browse, Study, the Anki export): its choices in an order
    /// fixed by the item's id and `turn`, so the right answer is never given away by its place in the file.
    ///
    /// `turn` is 0 in Browse and the export; Study passes the card's review count, so a card seen again is
    /// reshuffled while undo, resume and redrawing show the same order.
    pub fn shown(topic: &str, scenario: &Scenario, turn: u32) -> Option<Question> {
        Question::from_scenario(topic, scenario, SHOWN_SEED ^ u64::from(turn))
    }

    /// Picks or unpicks choice `choice` in `picked`, as a learner's key press does before answering: a
    /// single-answer question replaces the pick; a "choose n" one toggles it, never past n picks. A choice
    /// that does not exist changes nothing.
    pub fn toggle_pick(&self, picked: &mut BTreeSet<usize>, choice: usize) {
        if choice >= self.choices.len() {
            return;
        }
        if self.choose == 1 {
            *picked = BTreeSet::from([choice]);
        } else if !picked.remove(&choice) && picked.len() < self.choose {
            picked.insert(choice);
        }
    }

    /// Indices of the correct choices, ascending.
    pub fn correct_indices(&self) -> Vec<usize> {
        (0..self.choices.len())
            .filter(|&i| self.choices[i].correct)
            .collect()
    }

    /// Whether the question was generated rather than hand-written.
    pub fn is_generated(&self) -> bool {
        self.source != QuestionSource::Scenario
    }
}

/// `choices` in the order of the random stream for question `id` under `seed`.
pub(super) fn shuffled(mut choices: Vec<QChoice>, seed: u64, id: &str) -> Vec<QChoice> {
    choices.shuffle(&mut item_rng(seed, id));
    choices
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::Choice;

    fn scenario(correct: &[bool]) -> Scenario {
        Scenario {
            id: "pick".into(),
            prompt: Text::plain("Which?"),
            keywords: Keywords::default(),
            explanation: Text::plain("Because."),
            source: "https://example.com".into(),
            checked: None,
            related: Vec::new(),
            choices: correct
                .iter()
                .enumerate()
                .map(|(i, &correct)| Choice {
                    text: Text::plain(format!("option {i}")),
                    correct,
                    why: Text::plain(format!("why {i}")),
                })
                .collect(),
        }
    }

    #[test]
    fn a_scenario_keeps_every_choice_with_its_reason_and_counts_the_right_ones() {
        let q = Question::from_scenario("t", &scenario(&[true, false, true, false, false]), 1).unwrap();
        assert_eq!(q.id, "t/pick");
        assert_eq!(q.card, "t/pick");
        assert_eq!(q.choose, 2);
        assert_eq!(q.correct_indices().len(), 2);
        for c in &q.choices {
            let n = c
                .text
                .get(crate::core::content::Lang::En)
                .trim_start_matches("option ");
            assert_eq!(
                c.why.as_ref().unwrap().get(crate::core::content::Lang::En),
                format!("why {n}")
            );
            assert_eq!(c.correct, n == "0" || n == "2");
        }
    }

    #[test]
    fn the_shuffle_is_fixed_by_the_seed_and_varies_across_seeds() {
        let s = scenario(&[true, false, false, false, false, false]);
        let order = |seed| {
            let q = Question::from_scenario("t", &s, seed).unwrap();
            q.choices
                .iter()
                .map(|c| c.text.get(crate::core::content::Lang::En).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(order(3), order(3));
        let distinct: std::collections::HashSet<_> = (0..20).map(order).collect();
        assert!(distinct.len() > 1, "20 seeds gave one order");
    }

    #[test]
    fn picks_replace_for_one_answer_and_toggle_up_to_n_for_choose_n() {
        let one = Question::from_scenario("t", &scenario(&[true, false, false]), 1).unwrap();
        let mut picked = BTreeSet::new();
        one.toggle_pick(&mut picked, 0);
        one.toggle_pick(&mut picked, 2);
        assert_eq!(picked, BTreeSet::from([2]));
        one.toggle_pick(&mut picked, 3);
        assert_eq!(picked, BTreeSet::from([2]), "no such choice");
        let two = Question::from_scenario("t", &scenario(&[true, true, false, false]), 1).unwrap();
        let mut picked = BTreeSet::new();
        for choice in [0, 1, 2] {
            two.toggle_pick(&mut picked, choice);
        }
        assert_eq!(picked, BTreeSet::from([0, 1]), "never more than two");
        two.toggle_pick(&mut picked, 1);
        assert_eq!(picked, BTreeSet::from([0]), "a second press unpicks");
    }

    #[test]
    fn a_scenario_without_a_correct_choice_gives_no_question() {
        assert!(Question::from_scenario("t", &scenario(&[false, false]), 1).is_none());
    }
}
