//! Resuming an exam from the progress log after a quit or a crash.
//!
//! An exam's events are its whole state: `ExamStarted` (seed and question ids), then `ExamAnswer` events each
//! holding one question's full state (choices, flag) and the exam time used so far, and `ExamFinished` once it
//! is over. Replaying them in time order (ties in log order, duplicate event ids once) rebuilds the session:
//! the same questions with the same choice order (same seed), the same answers and flags, the question last
//! touched on screen, and the time used so far, counting only the time the exam was open (see
//! [`super::timer`]). The resumed exam's clock is paused: it runs only once the exam screen opens
//! ([`ExamSession::run_clock`]). If the time used already reaches the limit, the exam is submitted at once.
//!
//! An event that does not fit (a question or choice that does not exist) is skipped; no input panics.

use std::collections::HashSet;
use std::time::Duration;

use jiff::Timestamp;

use crate::core::content::{Deck, ItemKind};
use crate::core::event::{Event, EventKind};

use super::error::QuizError;
use super::exam::ExamSession;
use super::generate::Generator;
use super::question::Question;
use super::timer::ExamClock;

/// An exam that was started and never finished, as the home screen offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnfinishedExam {
    /// Exam id.
    pub exam: String,
    /// When it started.
    pub started_at: Timestamp,
    /// Number of questions.
    pub questions: usize,
    /// Questions with at least one choice.
    pub answered: usize,
    /// Exam time used so far.
    pub elapsed: Duration,
    /// Time allowed.
    pub time_limit: Duration,
}

impl UnfinishedExam {
    /// Time left to spend when it is resumed.
    pub fn remaining(&self) -> Duration {
        self.time_limit.saturating_sub(self.elapsed)
    }
}

/// Every unfinished exam in `events`, oldest first.
pub fn unfinished_exams(events: &[Event]) -> Vec<UnfinishedExam> {
    let events = in_order(events);
    let finished: HashSet<&str> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::ExamFinished { exam, .. } | EventKind::ExamAbandoned { exam } => Some(exam.as_str()),
            _ => None,
        })
        .collect();
    let mut out: Vec<UnfinishedExam> = Vec::new();
    for e in &events {
        if let Some(log) = ExamLog::read(&events, e)
            && !finished.contains(log.exam)
            && !out.iter().any(|u| u.exam == log.exam)
        {
            out.push(log.summary());
        }
    }
    out
}

/// The most recently started unfinished exam in `events`, if any.
pub fn latest_unfinished(events: &[Event]) -> Option<UnfinishedExam> {
    unfinished_exams(events).into_iter().max_by_key(|u| u.started_at)
}

impl ExamSession {
    /// Rebuilds exam `exam` from `events` (any order; all devices' logs may be passed) against `deck`, as of
    /// `now`. Returns the session and the events to persist: empty, or the auto-submission's events if the
    /// time had run out. Errors: no such exam, already finished, or its questions are gone from the deck.
    pub fn resume(
        deck: &Deck,
        events: &[Event],
        exam: &str,
        now: Timestamp,
    ) -> Result<(ExamSession, Vec<EventKind>), QuizError> {
        let events = in_order(events);
        let not_found = || QuizError::ExamNotFound {
            exam: exam.to_string(),
        };
        let log = events
            .iter()
            .filter_map(|e| ExamLog::read(&events, e))
            .find(|l| l.exam == exam)
            .ok_or_else(not_found)?;
        if log.finished {
            return Err(QuizError::ExamAlreadyFinished {
                exam: exam.to_string(),
            });
        }
        let questions = rebuild_questions(deck, exam, log.seed, log.question_ids)?;
        let clock = ExamClock::paused(log.time_limit, log.elapsed());
        let mut session = ExamSession::assemble(exam.to_string(), questions, clock);
        session.set_topic_order(deck.topics().iter().map(|t| t.id.clone()).collect());
        for a in &log.answers {
            if session.restore(a.question, a.chosen, a.flagged) {
                session.go_to(a.question);
            }
        }
        let submitted = session.tick(now);
        Ok((session, submitted))
    }
}

/// The exam's questions from their ids, under the exam's seed.
fn rebuild_questions(deck: &Deck, exam: &str, seed: u64, ids: &[String]) -> Result<Vec<Question>, QuizError> {
    let generator = Generator::new(deck, seed);
    let mut questions = Vec::with_capacity(ids.len());
    let mut missing = Vec::new();
    for id in ids {
        match question_by_id(deck, &generator, seed, id) {
            Some(q) => questions.push(q),
            None => missing.push(id.clone()),
        }
    }
    if !missing.is_empty() || questions.is_empty() {
        return Err(QuizError::ExamChanged {
            exam: exam.to_string(),
            missing,
        });
    }
    Ok(questions)
}

fn question_by_id(deck: &Deck, generator: &Generator<'_>, seed: u64, id: &str) -> Option<Question> {
    if id.contains('#') {
        return generator.question(id);
    }
    let item = deck.find(id)?;
    let topic = deck.topics().get(item.topic)?;
    match item.kind {
        ItemKind::Scenario => Question::from_scenario(&topic.id, topic.scenarios.get(item.index)?, seed),
        _ => None,
    }
}

/// Events in replay order: by time, ties in the order given, each event id once.
fn in_order(events: &[Event]) -> Vec<&Event> {
    let mut seen = HashSet::new();
    let mut out: Vec<&Event> = events.iter().filter(|e| seen.insert(e.id.as_str())).collect();
    out.sort_by_key(|e| e.at);
    out
}

/// One recorded answer state.
struct AnswerState<'a> {
    question: usize,
    chosen: &'a [usize],
    flagged: bool,
}

/// Everything the log says about one exam, read from its `ExamStarted` event onwards.
struct ExamLog<'a> {
    exam: &'a str,
    started_at: Timestamp,
    seed: u64,
    question_ids: &'a [String],
    time_limit: Duration,
    answers: Vec<AnswerState<'a>>,
    /// The exam time used recorded by each answer (or, for events without it, its distance from the start).
    elapsed: Vec<Duration>,
    finished: bool,
}

impl<'a> ExamLog<'a> {
    /// The log of the exam that `start` starts, or `None` if `start` is not an `ExamStarted` event.
    fn read(events: &[&'a Event], start: &'a Event) -> Option<ExamLog<'a>> {
        let EventKind::ExamStarted {
            exam,
            seed,
            questions,
            time_limit_s,
        } = &start.kind
        else {
            return None;
        };
        let mut log = ExamLog {
            exam,
            started_at: start.at,
            seed: *seed,
            question_ids: questions,
            time_limit: Duration::from_secs(*time_limit_s),
            answers: Vec::new(),
            elapsed: Vec::new(),
            finished: false,
        };
        for e in events {
            match &e.kind {
                EventKind::ExamAnswer {
                    exam: x,
                    question,
                    chosen,
                    flagged,
                    elapsed_ms,
                } if x == exam => {
                    log.answers.push(AnswerState {
                        question: *question,
                        chosen,
                        flagged: *flagged,
                    });
                    let since_start = Duration::try_from(e.at.duration_since(start.at)).unwrap_or_default();
                    log.elapsed
                        .push(elapsed_ms.map_or(since_start, Duration::from_millis));
                }
                EventKind::ExamFinished { exam: x, .. } | EventKind::ExamAbandoned { exam: x }
                    if x == exam =>
                {
                    log.finished = true;
                }
                _ => {}
            }
        }
        Some(log)
    }

    /// Exam time used: the latest recorded value (time only runs forward within an exam).
    fn elapsed(&self) -> Duration {
        self.elapsed
            .iter()
            .copied()
            .max()
            .unwrap_or_default()
            .min(self.time_limit)
    }

    fn summary(&self) -> UnfinishedExam {
        let mut last: Vec<bool> = vec![false; self.question_ids.len()];
        for a in &self.answers {
            if let Some(slot) = last.get_mut(a.question) {
                *slot = !a.chosen.is_empty();
            }
        }
        UnfinishedExam {
            exam: self.exam.to_string(),
            started_at: self.started_at,
            questions: self.question_ids.len(),
            answered: last.iter().filter(|&&a| a).count(),
            elapsed: self.elapsed(),
            time_limit: self.time_limit,
        }
    }
}
