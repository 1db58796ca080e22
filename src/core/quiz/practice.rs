//! The practice quiz: questions one at a time, feedback after each, a running score and a summary.
//!
//! The caller shows [`QuizSession::current`], passes the learner's choices to [`QuizSession::answer`], shows
//! the returned [`Graded`] (right choice, reason for every choice, explanation from the question), persists
//! the returned [`EventKind::Answer`] (wrapped in an `Event` with its id and time), then calls
//! [`QuizSession::advance`]. A question can be skipped by advancing without answering.

use crate::core::content::{Deck, global_id};
use crate::core::event::{AnswerMode, EventKind};

use super::draw::{self, Either};
use super::error::{QuizError, Shortfall};
use super::generate::{Generator, QuizPool};
use super::grade::{Graded, ResponseError, grade};
use super::question::Question;
use super::scope::{ScenarioRef, Scope};
use super::score::{TopicScore, breakdown};

/// What a quiz asks for (`recall quiz [--topic T] [-n N] [--seed S]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizOptions {
    /// Only this topic (its id); `None` for the whole deck.
    pub topic: Option<String>,
    /// How many questions.
    pub count: usize,
    /// Seed of the draw and of the choice shuffles (the caller picks a random one when the user gave none).
    pub seed: u64,
}

impl QuizOptions {
    /// Questions per quiz when the user does not say.
    pub const DEFAULT_COUNT: usize = 10;
}

/// The outcome of answering one quiz question.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizAnswer {
    /// The grading: right or not, and a verdict per choice.
    pub graded: Graded,
    /// The `Answer` event to persist (mode quiz, against the question's card).
    pub event: EventKind,
}

/// The running tally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// Questions answered right.
    pub correct: usize,
    /// Questions answered.
    pub answered: usize,
    /// Questions in the quiz.
    pub total: usize,
}

/// The end-of-quiz summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizSummary {
    /// The final tally.
    pub score: Score,
    /// Questions passed over without an answer.
    pub skipped: usize,
    /// Per-topic tallies of the answered questions, in deck order.
    pub topics: Vec<TopicScore>,
    /// Positions of the questions answered wrong, to review.
    pub missed: Vec<usize>,
}

/// A practice quiz in progress.
#[derive(Debug, Clone)]
pub struct QuizSession {
    questions: Vec<Question>,
    results: Vec<Option<Graded>>,
    current: usize,
    shortfall: Option<Shortfall>,
    generated_only: bool,
    topic_order: Vec<String>,
}

impl QuizSession {
    /// Draws a quiz from `deck` (see [`super::draw`] for the mix of scenarios and generated questions).
    /// Errors: zero questions, unknown topic, nothing to ask in scope.
    pub fn new(deck: &Deck, options: &QuizOptions) -> Result<QuizSession, QuizError> {
        Self::draw(deck, &Generator::new(deck, options.seed), options)
    }

    /// [`QuizSession::new`] from a [`QuizPool`] built from `deck` once: the same quiz, without reading the
    /// whole deck again (what the interface does, where a quiz must open within a frame).
    pub fn with_pool(deck: &Deck, pool: &QuizPool, options: &QuizOptions) -> Result<QuizSession, QuizError> {
        Self::draw(deck, &Generator::with_pool(deck, pool, options.seed), options)
    }

    fn draw(deck: &Deck, generator: &Generator<'_>, options: &QuizOptions) -> Result<QuizSession, QuizError> {
        if options.count == 0 {
            return Err(QuizError::ZeroQuestions);
        }
        let scope = Scope::new(deck, options.topic.as_deref())?;
        // What each question comes from is drawn, and only the questions drawn are built.
        let scenarios: Vec<_> = scope.scenario_refs(deck).into_iter().flatten().collect();
        let generated = generator.available(scope.topics());
        if scenarios.is_empty() && generated.is_empty() {
            return Err(QuizError::NoQuestions {
                scope: scope.describe(),
            });
        }
        let generated_only = scenarios.is_empty();
        let drawn = draw::quiz(scenarios, generated, options.count, options.seed);
        let questions = drawn
            .questions
            .into_iter()
            .filter_map(|source| match source {
                Either::Scenario(s) => s.question(deck, options.seed),
                Either::Generated(g) => generator.build(g),
            })
            .collect();
        Ok(QuizSession::drawn(
            questions,
            drawn.shortfall,
            generated_only,
            scope.topic_ids(deck),
        ))
    }

    /// A session over `questions`, nothing answered yet.
    fn drawn(
        questions: Vec<Question>,
        shortfall: Option<Shortfall>,
        generated_only: bool,
        topic_order: Vec<String>,
    ) -> QuizSession {
        QuizSession {
            results: vec![None; questions.len()],
            questions,
            current: 0,
            shortfall,
            generated_only,
            topic_order,
        }
    }

    /// A quiz of `options.count` scenarios aimed at the weak spots: each scenario of the scope is drawn
    /// with `weight(card)` (see [`draw::weighted`]); no generated questions. Errors as [`QuizSession::new`].
    pub fn weak(
        deck: &Deck,
        options: &QuizOptions,
        weight: impl Fn(&str) -> f64,
    ) -> Result<QuizSession, QuizError> {
        if options.count == 0 {
            return Err(QuizError::ZeroQuestions);
        }
        let scope = Scope::new(deck, options.topic.as_deref())?;
        // Scenarios are drawn by position and only the drawn ones become questions.
        let scenarios: Vec<ScenarioRef> = scope.scenario_refs(deck).into_iter().flatten().collect();
        if scenarios.is_empty() {
            return Err(QuizError::NoScenarios {
                scope: scope.describe(),
            });
        }
        let card = |s: &ScenarioRef| {
            let topic = &deck.topics()[s.topic];
            global_id(&topic.id, &topic.scenarios[s.scenario].id)
        };
        let drawn = draw::weighted(scenarios, |s| weight(&card(s)), options.count, options.seed);
        let questions = drawn
            .questions
            .into_iter()
            .filter_map(|s| s.question(deck, options.seed))
            .collect();
        Ok(QuizSession::drawn(
            questions,
            drawn.shortfall,
            false,
            scope.topic_ids(deck),
        ))
    }

    /// Set when more questions were asked for than exist (the quiz uses them all).
    pub fn shortfall(&self) -> Option<Shortfall> {
        self.shortfall
    }

    /// Whether the scope has no hand-written scenarios, so every question is generated (worth telling).
    pub fn generated_only(&self) -> bool {
        self.generated_only
    }

    /// All questions, in quiz order.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// Position of the current question (equals the question count once the quiz is over).
    pub fn position(&self) -> usize {
        self.current
    }

    /// The question to show, or `None` once the quiz is over.
    pub fn current(&self) -> Option<&Question> {
        self.questions.get(self.current)
    }

    /// The grading of question `index`, if it was answered.
    pub fn result(&self, index: usize) -> Option<&Graded> {
        self.results.get(index)?.as_ref()
    }

    /// Grades `chosen` for the current question. Refuses an empty or invalid response, a second answer and
    /// an answer after the end; a refused answer changes nothing and logs nothing.
    pub fn answer(&mut self, chosen: &[usize]) -> Result<QuizAnswer, QuizError> {
        let question = self.questions.get(self.current).ok_or(QuizError::QuizOver)?;
        if self.results[self.current].is_some() {
            return Err(QuizError::AlreadyAnswered);
        }
        if chosen.is_empty() {
            return Err(ResponseError::Empty.into());
        }
        let graded = grade(question, chosen)?;
        let event = EventKind::Answer {
            card: question.card.clone(),
            correct: graded.correct,
            mode: AnswerMode::Quiz,
        };
        self.results[self.current] = Some(graded.clone());
        Ok(QuizAnswer { graded, event })
    }

    /// Moves to the next question; `false` once past the last one (the quiz is over).
    pub fn advance(&mut self) -> bool {
        self.current = (self.current + 1).min(self.questions.len());
        self.current < self.questions.len()
    }

    /// Whether every question has been shown.
    pub fn is_over(&self) -> bool {
        self.current >= self.questions.len()
    }

    /// The running score.
    pub fn score(&self) -> Score {
        let answered = self.results.iter().flatten();
        Score {
            correct: answered.clone().filter(|g| g.correct).count(),
            answered: answered.count(),
            total: self.questions.len(),
        }
    }

    /// The summary (meaningful at any time; shown when the quiz is over).
    pub fn summary(&self) -> QuizSummary {
        let answered = || {
            self.questions
                .iter()
                .zip(&self.results)
                .enumerate()
                .filter_map(|(i, (q, r))| r.as_ref().map(|g| (i, q, g)))
        };
        let score = self.score();
        QuizSummary {
            score,
            skipped: self.results[..self.current]
                .iter()
                .filter(|r| r.is_none())
                .count(),
            topics: breakdown(
                &self.topic_order,
                answered().map(|(_, q, g)| (q.topic.as_str(), g.correct)),
            ),
            missed: answered()
                .filter(|(_, _, g)| !g.correct)
                .map(|(i, _, _)| i)
                .collect(),
        }
    }
}
