//! The mock exam: a timed set of scenarios, answered in any order, graded only on submission.
//!
//! Life of an exam, all driven by the caller with explicit timestamps:
//! 1. [`ExamSession::start`] draws the questions ([`super::draw::exam`]) and returns the `ExamStarted` event.
//! 2. The learner moves around ([`ExamSession::go_to`], [`ExamSession::next_question`], [`ExamSession::prev_question`]),
//!    chooses ([`ExamSession::toggle`], [`ExamSession::set_answer`], [`ExamSession::clear`]) and flags
//!    ([`ExamSession::toggle_flag`]); every change returns an `ExamAnswer` event holding the question's whole
//!    state and the exam time used, so the log alone can rebuild the exam ([`super::resume`]).
//! 3. [`ExamSession::tick`] auto-submits once the time is up; [`ExamSession::submit`] submits on request
//!    (the interface asks for confirmation first, showing [`ExamSession::review`]). Both return the
//!    `ExamFinished` event and one `Answer` event per answered question; [`ExamSession::result`] is then set.
//!
//! No feedback exists before submission: nothing here reveals whether a choice is right until
//! [`ExamSession::result`]. Changes are refused after submission ([`QuizError::ExamSubmitted`]) and once
//! the time is up ([`QuizError::TimeUp`]: the next tick submits).

use std::time::Duration;

use jiff::Timestamp;

use crate::core::content::Deck;
use crate::core::event::EventKind;

use super::draw;
use super::error::{QuizError, Shortfall, exam_minutes};
use super::exam_result::{ExamResult, Submission};
use super::grade::{ResponseError, validate};
use super::question::Question;
use super::scope::Scope;
use super::timer::{ExamClock, millis};

/// What an exam asks for (`recall exam [--questions N] [--minutes M] [--topic T] [--seed S]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamOptions {
    /// How many questions.
    pub questions: usize,
    /// Time allowed, in minutes (1 to [`super::error::MAX_MINUTES`]).
    pub minutes: u64,
    /// Only this topic (its id); `None` for the whole deck.
    pub topic: Option<String>,
    /// Seed of the draw and of the choice shuffles (the caller picks a random one when the user gave none).
    pub seed: u64,
}

impl ExamOptions {
    /// Questions of an AWS Associate exam.
    pub const DEFAULT_QUESTIONS: usize = 65;
    /// Minutes of an AWS Associate exam.
    pub const DEFAULT_MINUTES: u64 = 130;

    /// The full-length exam `deck` can offer: 65 questions, or every scenario if it has fewer, at the AWS
    /// pace (130 minutes for 65 questions, rounded up to whole minutes).
    pub fn full_length(deck: &Deck, seed: u64) -> ExamOptions {
        let available: usize = deck
            .topics()
            .iter()
            .map(|t| t.scenarios.iter().filter(|s| s.correct_count() > 0).count())
            .sum();
        let questions = available.min(Self::DEFAULT_QUESTIONS);
        let minutes = (questions as u64 * Self::DEFAULT_MINUTES).div_ceil(Self::DEFAULT_QUESTIONS as u64);
        ExamOptions {
            questions,
            minutes: minutes.max(1),
            topic: None,
            seed,
        }
    }
}

/// How far a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuestionStatus {
    /// Nothing chosen.
    Unanswered,
    /// Some, but fewer than the question asks for ("choose two" with one chosen): graded wrong as it stands.
    Incomplete,
    /// As many choices as the question asks for.
    Answered,
}

/// The review screen's lists, as question positions in exam order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewLists {
    /// Questions with as many choices as they ask for.
    pub answered: Vec<usize>,
    /// Questions with no choice or too few (incomplete ones are listed here too).
    pub unanswered: Vec<usize>,
    /// Flagged questions, answered or not.
    pub flagged: Vec<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Slot {
    pub chosen: Vec<usize>,
    pub flagged: bool,
}

/// An exam in progress or submitted.
#[derive(Debug, Clone)]
pub struct ExamSession {
    id: String,
    questions: Vec<Question>,
    slots: Vec<Slot>,
    current: usize,
    clock: ExamClock,
    shortfall: Option<Shortfall>,
    topic_order: Vec<String>,
    result: Option<ExamResult>,
}

impl ExamSession {
    /// Starts an exam at `now`: checks the options, draws the questions and returns the session with its
    /// `ExamStarted` event. Errors: zero questions, zero or too many minutes, unknown topic, no scenarios.
    pub fn start(
        deck: &Deck,
        options: &ExamOptions,
        now: Timestamp,
    ) -> Result<(ExamSession, EventKind), QuizError> {
        if options.questions == 0 {
            return Err(QuizError::ZeroQuestions);
        }
        let limit = exam_minutes(options.minutes)?;
        let scope = Scope::new(deck, options.topic.as_deref())?;
        let pools = scope.scenario_refs(deck);
        if pools.iter().all(Vec::is_empty) {
            return Err(QuizError::NoScenarios {
                scope: scope.describe(),
            });
        }
        // The scenarios are drawn by position and only the drawn ones become questions.
        let drawn = draw::exam(pools, options.questions, options.seed);
        let questions: Vec<Question> = drawn
            .questions
            .iter()
            .filter_map(|s| s.question(deck, options.seed))
            .collect();
        let id = format!("exam-{}-{:x}", now.as_millisecond(), options.seed);
        let event = EventKind::ExamStarted {
            exam: id.clone(),
            seed: options.seed,
            questions: questions.iter().map(|q| q.id.clone()).collect(),
            time_limit_s: limit.as_secs(),
        };
        let mut session = ExamSession::assemble(id, questions, ExamClock::start(limit, now));
        session.shortfall = drawn.shortfall;
        session.topic_order = scope.topic_ids(deck);
        Ok((session, event))
    }

    /// A session over `questions`, nothing answered, on `clock` (also used by resume).
    pub(super) fn assemble(id: String, questions: Vec<Question>, clock: ExamClock) -> ExamSession {
        ExamSession {
            id,
            slots: vec![Slot::default(); questions.len()],
            questions,
            current: 0,
            clock,
            shortfall: None,
            topic_order: Vec::new(),
            result: None,
        }
    }

    /// Restores one question's state during resume; `false` (and no change) when it is not valid.
    pub(super) fn restore(&mut self, index: usize, chosen: &[usize], flagged: bool) -> bool {
        let Some(q) = self.questions.get(index) else {
            return false;
        };
        match validate(q, chosen) {
            Ok(chosen) => {
                self.slots[index] = Slot { chosen, flagged };
                true
            }
            Err(_) => false,
        }
    }

    /// Sets the deck order of topics used by the result's breakdown (resume).
    pub(super) fn set_topic_order(&mut self, order: Vec<String>) {
        self.topic_order = order;
    }

    /// The exam id (the `exam` field of its events).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Set when more questions were asked for than the scope has (the exam uses them all).
    pub fn shortfall(&self) -> Option<Shortfall> {
        self.shortfall
    }

    /// The questions, in exam order.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// Position of the question on screen.
    pub fn current(&self) -> usize {
        self.current
    }

    /// The question on screen.
    pub fn current_question(&self) -> &Question {
        &self.questions[self.current]
    }

    /// Shows question `index`; `false` (and no move) if there is none.
    pub fn go_to(&mut self, index: usize) -> bool {
        let ok = index < self.questions.len();
        if ok {
            self.current = index;
        }
        ok
    }

    /// Shows the next question; `false` at the last one.
    pub fn next_question(&mut self) -> bool {
        self.go_to(self.current + 1)
    }

    /// Shows the previous question; `false` at the first one.
    pub fn prev_question(&mut self) -> bool {
        self.current.checked_sub(1).is_some_and(|i| self.go_to(i))
    }

    /// The choices currently selected for question `index` (ascending; empty if none or no such question).
    pub fn chosen(&self, index: usize) -> &[usize] {
        self.slots.get(index).map_or(&[], |s| &s.chosen)
    }

    /// Whether question `index` is flagged for review.
    pub fn is_flagged(&self, index: usize) -> bool {
        self.slots.get(index).is_some_and(|s| s.flagged)
    }

    /// How far question `index` is answered.
    pub fn status(&self, index: usize) -> QuestionStatus {
        let (Some(q), Some(s)) = (self.questions.get(index), self.slots.get(index)) else {
            return QuestionStatus::Unanswered;
        };
        match s.chosen.len() {
            0 => QuestionStatus::Unanswered,
            n if n < q.choose => QuestionStatus::Incomplete,
            _ => QuestionStatus::Answered,
        }
    }

    /// The review screen's lists.
    pub fn review(&self) -> ReviewLists {
        let mut lists = ReviewLists::default();
        for i in 0..self.questions.len() {
            match self.status(i) {
                QuestionStatus::Answered => lists.answered.push(i),
                _ => lists.unanswered.push(i),
            }
            if self.is_flagged(i) {
                lists.flagged.push(i);
            }
        }
        lists
    }

    /// Toggles choice `choice` of the current question. A single-answer question behaves like radio buttons
    /// (choosing another option replaces the first); a "choose N" one refuses an (N+1)th choice with
    /// [`ResponseError::TooMany`] until one is unchosen.
    pub fn toggle(&mut self, choice: usize, now: Timestamp) -> Result<EventKind, QuizError> {
        self.editable(now)?;
        let q = &self.questions[self.current];
        let count = q.choices.len();
        if choice >= count {
            return Err(ResponseError::OutOfRange { index: choice, count }.into());
        }
        let mut chosen = self.slots[self.current].chosen.clone();
        if let Some(at) = chosen.iter().position(|&c| c == choice) {
            chosen.remove(at);
        } else if q.choose == 1 {
            chosen = vec![choice];
        } else if chosen.len() >= q.choose {
            return Err(ResponseError::TooMany {
                choose: q.choose,
                given: chosen.len() + 1,
            }
            .into());
        } else {
            chosen.push(choice);
            chosen.sort_unstable();
        }
        self.slots[self.current].chosen = chosen;
        Ok(self.answer_event(self.current, now))
    }

    /// Replaces the current question's choices with `chosen` (validated like a response; empty clears).
    pub fn set_answer(&mut self, chosen: &[usize], now: Timestamp) -> Result<EventKind, QuizError> {
        self.editable(now)?;
        let chosen = validate(&self.questions[self.current], chosen)?;
        self.slots[self.current].chosen = chosen;
        Ok(self.answer_event(self.current, now))
    }

    /// Clears the current question's choices.
    pub fn clear(&mut self, now: Timestamp) -> Result<EventKind, QuizError> {
        self.set_answer(&[], now)
    }

    /// Flags or unflags the current question for review.
    pub fn toggle_flag(&mut self, now: Timestamp) -> Result<EventKind, QuizError> {
        self.editable(now)?;
        let slot = &mut self.slots[self.current];
        slot.flagged = !slot.flagged;
        Ok(self.answer_event(self.current, now))
    }

    /// An `ExamAnswer` event restating the current question's state with the time used at `now`: write it
    /// when the exam is left unsubmitted (quit), or periodically, so a resume gives back exactly the time
    /// that was left. `None` once submitted.
    pub fn checkpoint(&self, now: Timestamp) -> Option<EventKind> {
        self.result
            .is_none()
            .then(|| self.answer_event(self.current, now))
    }

    /// Time allowed.
    pub fn time_limit(&self) -> Duration {
        self.clock.limit()
    }

    /// Time used at `now` (frozen at submission).
    pub fn elapsed(&self, now: Timestamp) -> Duration {
        self.result
            .as_ref()
            .map_or_else(|| self.clock.elapsed(now), |r| r.used)
    }

    /// Time left at `now`, for the countdown (frozen at submission).
    pub fn remaining(&self, now: Timestamp) -> Duration {
        self.time_limit().saturating_sub(self.elapsed(now))
    }

    /// Starts the exam clock at `now`: call it when the exam screen opens (a new exam's clock runs already).
    pub fn run_clock(&mut self, now: Timestamp) {
        self.clock.run(now);
    }

    /// Stops the exam clock at `now`, keeping the time used: call it when the exam screen closes or is
    /// covered. Time passes for the exam only while its clock runs.
    pub fn pause_clock(&mut self, now: Timestamp) {
        self.clock.pause(now);
    }

    /// Whether the exam clock is running.
    pub fn clock_running(&self) -> bool {
        self.clock.is_running()
    }

    /// Submits the exam if its time is up at `now`; returns the events to persist (empty if nothing
    /// happened). Call it on every timer tick.
    pub fn tick(&mut self, now: Timestamp) -> Vec<EventKind> {
        if self.result.is_none() && self.clock.is_up(now) {
            self.finish(now)
        } else {
            Vec::new()
        }
    }

    /// Submits the exam at `now`: grades it and returns the `ExamFinished` event followed by one `Answer`
    /// event per question (an unanswered one is wrong). Refused if already submitted.
    pub fn submit(&mut self, now: Timestamp) -> Result<Vec<EventKind>, QuizError> {
        if self.result.is_some() {
            return Err(QuizError::ExamSubmitted);
        }
        Ok(self.finish(now))
    }

    /// Whether the exam has been submitted.
    pub fn is_submitted(&self) -> bool {
        self.result.is_some()
    }

    /// The result, once submitted.
    pub fn result(&self) -> Option<&ExamResult> {
        self.result.as_ref()
    }

    fn finish(&mut self, now: Timestamp) -> Vec<EventKind> {
        let result = ExamResult::grade(Submission {
            questions: &self.questions,
            answers: self
                .slots
                .iter()
                .map(|s| (s.chosen.as_slice(), s.flagged))
                .collect(),
            topic_order: &self.topic_order,
            used: self.clock.elapsed(now),
            time_limit: self.clock.limit(),
            timed_out: self.clock.is_up(now),
        });
        let events = result.events(&self.id, &self.questions);
        self.result = Some(result);
        events
    }

    fn editable(&self, now: Timestamp) -> Result<(), QuizError> {
        if self.result.is_some() {
            Err(QuizError::ExamSubmitted)
        } else if self.clock.is_up(now) {
            Err(QuizError::TimeUp)
        } else {
            Ok(())
        }
    }

    fn answer_event(&self, index: usize, now: Timestamp) -> EventKind {
        let slot = &self.slots[index];
        EventKind::ExamAnswer {
            exam: self.id.clone(),
            question: index,
            chosen: slot.chosen.clone(),
            flagged: slot.flagged,
            elapsed_ms: Some(millis(self.clock.elapsed(now))),
        }
    }
}
