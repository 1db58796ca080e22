//! The result of a submitted exam: raw and scaled score, pass or fail, per-topic breakdown, time used and a
//! review of every question (what was chosen, what was right, the reasons and the explanation).

use std::time::Duration;

use crate::core::event::{AnswerMode, EventKind};

use super::grade::{Graded, grade};
use super::question::Question;
use super::score::{TopicScore, breakdown, passed, scaled_score};

/// One question of the review, in exam order (the question itself is `ExamSession::questions()[i]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionReview {
    /// What was chosen, whether it was right, and a verdict per choice.
    pub graded: Graded,
    /// Whether it was flagged for review at submission.
    pub flagged: bool,
}

/// A submitted exam's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamResult {
    /// Questions answered right.
    pub correct: usize,
    /// Questions in the exam.
    pub total: usize,
    /// Scaled score, 100–1000 (a linear approximation of AWS scaling, see [`super::score`]).
    pub scaled: u32,
    /// Whether `scaled` reaches the pass mark (720).
    pub passed: bool,
    /// Time used.
    pub used: Duration,
    /// Time allowed.
    pub time_limit: Duration,
    /// Whether the exam was submitted because time ran out.
    pub timed_out: bool,
    /// Right answers per topic, in deck order.
    pub topics: Vec<TopicScore>,
    /// Every question, in exam order.
    pub review: Vec<QuestionReview>,
}

/// What an exam ended with, as the session hands it over for grading.
pub(super) struct Submission<'a> {
    pub questions: &'a [Question],
    /// Per question: chosen indices and flag.
    pub answers: Vec<(&'a [usize], bool)>,
    pub topic_order: &'a [String],
    pub used: Duration,
    pub time_limit: Duration,
    pub timed_out: bool,
}

impl ExamResult {
    /// Grades a submission.
    pub(super) fn grade(s: Submission<'_>) -> ExamResult {
        let review: Vec<QuestionReview> = s
            .questions
            .iter()
            .zip(&s.answers)
            .map(|(q, &(chosen, flagged))| QuestionReview {
                graded: grade(q, chosen).unwrap_or_else(|_| Graded::blank(q)),
                flagged,
            })
            .collect();
        let correct = review.iter().filter(|r| r.graded.correct).count();
        let total = s.questions.len();
        let scaled = scaled_score(correct, total);
        let outcomes = s
            .questions
            .iter()
            .zip(&review)
            .map(|(q, r)| (q.topic.as_str(), r.graded.correct));
        ExamResult {
            correct,
            total,
            scaled,
            passed: passed(scaled),
            used: s.used,
            time_limit: s.time_limit,
            timed_out: s.timed_out,
            topics: breakdown(s.topic_order, outcomes),
            review,
        }
    }

    /// The events that record the result: `ExamFinished`, then one `Answer` (mode exam) per question, so
    /// wrong exam answers reach study like quiz answers. An unanswered question is recorded as wrong.
    pub fn events(&self, exam: &str, questions: &[Question]) -> Vec<EventKind> {
        let finished = EventKind::ExamFinished {
            exam: exam.to_string(),
            correct: self.correct,
            total: self.total,
            scaled: self.scaled,
            used_s: self.used.as_secs(),
            timed_out: self.timed_out,
        };
        // An unanswered question is a wrong answer: its card comes due as after any wrong answer.
        let answers = questions
            .iter()
            .zip(&self.review)
            .map(|(q, r)| EventKind::Answer {
                card: q.card.clone(),
                correct: r.graded.correct,
                mode: AnswerMode::Exam,
            });
        std::iter::once(finished).chain(answers).collect()
    }
}
