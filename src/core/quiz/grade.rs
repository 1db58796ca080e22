//! Grading: a response is a set of chosen choice indices; it is right iff it equals the set of correct ones.
//!
//! This is how the AWS exams score: a "choose two" question answered with one right option (or with one right
//! and one wrong) earns nothing. Rules for a response, checked by [`validate`]:
//! - every index must exist, duplicates count once;
//! - choosing **more** than the question's `choose` is refused with [`ResponseError::TooMany`] (not silently
//!   truncated: the interface must not let it happen, and a refused response never reaches the log);
//! - choosing fewer is allowed (an incomplete answer, graded wrong); the empty response means "unanswered".

use serde::Serialize;

use super::question::Question;

/// Why a response cannot be accepted for a question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResponseError {
    /// An index past the last choice.
    #[error("choice {index} does not exist: the question has {count} choices")]
    OutOfRange {
        /// The index given.
        index: usize,
        /// How many choices the question has.
        count: usize,
    },
    /// More choices than the question asks for.
    #[error("this question takes {choose} answer(s), but {given} were chosen")]
    TooMany {
        /// How many the question asks for.
        choose: usize,
        /// How many distinct choices were given.
        given: usize,
    },
    /// Nothing chosen where an answer is required (answering a practice-quiz question).
    #[error("choose an answer first")]
    Empty,
}

/// What one choice turned out to be, for colouring the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Correct and chosen.
    Hit,
    /// Correct but not chosen.
    Missed,
    /// Wrong and chosen.
    WrongPick,
    /// Wrong and not chosen.
    Avoided,
}

impl Verdict {
    /// Whether the learner chose this option.
    pub fn chosen(self) -> bool {
        matches!(self, Verdict::Hit | Verdict::WrongPick)
    }

    /// Whether the option is a right answer.
    pub fn correct(self) -> bool {
        matches!(self, Verdict::Hit | Verdict::Missed)
    }
}

/// A graded response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Graded {
    /// The chosen indices, ascending and without duplicates.
    pub chosen: Vec<usize>,
    /// Whether the response is exactly the set of correct choices.
    pub correct: bool,
    /// One verdict per choice, in display order.
    pub verdicts: Vec<Verdict>,
}

impl Graded {
    /// The grading of an unanswered question: wrong, nothing chosen.
    pub fn blank(question: &Question) -> Graded {
        Graded {
            chosen: Vec::new(),
            correct: false,
            verdicts: question
                .choices
                .iter()
                .map(|c| {
                    if c.correct {
                        Verdict::Missed
                    } else {
                        Verdict::Avoided
                    }
                })
                .collect(),
        }
    }
}

/// Checks `chosen` against `question` and returns it sorted and deduplicated (see the module rules).
pub fn validate(question: &Question, chosen: &[usize]) -> Result<Vec<usize>, ResponseError> {
    let count = question.choices.len();
    if let Some(&index) = chosen.iter().find(|&&i| i >= count) {
        return Err(ResponseError::OutOfRange { index, count });
    }
    let mut set = chosen.to_vec();
    set.sort_unstable();
    set.dedup();
    if set.len() > question.choose {
        return Err(ResponseError::TooMany {
            choose: question.choose,
            given: set.len(),
        });
    }
    Ok(set)
}

/// Grades `chosen` (possibly empty: unanswered, graded wrong) against `question`.
pub fn grade(question: &Question, chosen: &[usize]) -> Result<Graded, ResponseError> {
    let chosen = validate(question, chosen)?;
    let verdicts: Vec<Verdict> = question
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| match (c.correct, chosen.contains(&i)) {
            (true, true) => Verdict::Hit,
            (true, false) => Verdict::Missed,
            (false, true) => Verdict::WrongPick,
            (false, false) => Verdict::Avoided,
        })
        .collect();
    let correct = !chosen.is_empty() && chosen == question.correct_indices();
    Ok(Graded {
        chosen,
        correct,
        verdicts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::{Keywords, Text};
    use crate::core::quiz::question::{QChoice, QuestionSource};

    /// A question whose choices are correct where `correct` says so, in that display order.
    fn question(correct: &[bool]) -> Question {
        Question {
            id: "t/q".into(),
            card: "t/q".into(),
            topic: "t".into(),
            source: QuestionSource::Scenario,
            prompt: Text::plain("?"),
            keywords: Keywords::default(),
            choices: correct
                .iter()
                .enumerate()
                .map(|(i, &correct)| QChoice {
                    text: Text::plain(i.to_string()),
                    correct,
                    why: None,
                })
                .collect(),
            choose: correct.iter().filter(|&&c| c).count(),
            explanation: Text::plain("."),
            reference: None,
        }
    }

    #[test]
    fn single_answer_is_right_only_on_the_correct_choice() {
        let q = question(&[false, true, false, false]);
        assert!(grade(&q, &[1]).unwrap().correct);
        for wrong in [0, 2, 3] {
            assert!(!grade(&q, &[wrong]).unwrap().correct);
        }
    }

    #[test]
    fn choose_two_needs_both_right_choices() {
        let q = question(&[true, false, true, false, false]);
        assert!(grade(&q, &[0, 2]).unwrap().correct);
        assert!(grade(&q, &[2, 0]).unwrap().correct, "order does not matter");
        assert!(!grade(&q, &[0]).unwrap().correct, "one of two right is wrong");
        assert!(!grade(&q, &[2]).unwrap().correct, "one of two right is wrong");
        assert!(
            !grade(&q, &[0, 1]).unwrap().correct,
            "one right, one wrong is wrong"
        );
        assert!(!grade(&q, &[1, 3]).unwrap().correct);
    }

    #[test]
    fn unanswered_is_wrong_and_duplicates_count_once() {
        let q = question(&[true, false, true]);
        assert!(!grade(&q, &[]).unwrap().correct);
        assert_eq!(grade(&q, &[]).unwrap(), Graded::blank(&q));
        let g = grade(&q, &[2, 0, 2, 0]).unwrap();
        assert!(g.correct);
        assert_eq!(g.chosen, vec![0, 2]);
    }

    #[test]
    fn too_many_or_unknown_choices_are_refused() {
        let q = question(&[true, false, true, false]);
        assert_eq!(
            grade(&q, &[0, 1, 2]),
            Err(ResponseError::TooMany { choose: 2, given: 3 })
        );
        assert_eq!(
            grade(&q, &[0, 4]),
            Err(ResponseError::OutOfRange { index: 4, count: 4 })
        );
        assert_eq!(grade(&q, &[0, 0, 0]).unwrap().chosen, vec![0]);
    }

    #[test]
    fn verdicts_tell_hits_misses_and_wrong_picks_apart() {
        let q = question(&[true, false, true, false]);
        let g = grade(&q, &[0, 1]).unwrap();
        assert_eq!(
            g.verdicts,
            vec![
                Verdict::Hit,
                Verdict::WrongPick,
                Verdict::Missed,
                Verdict::Avoided
            ]
        );
        let chosen: Vec<bool> = g.verdicts.iter().map(|v| v.chosen()).collect();
        assert_eq!(chosen, vec![true, true, false, false]);
        let correct: Vec<bool> = g.verdicts.iter().map(|v| v.correct()).collect();
        assert_eq!(correct, vec![true, false, true, false]);
    }
}
