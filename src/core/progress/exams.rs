//! Mock exams as replayed from the log: each exam's start, latest answers and result, for resuming an
//! unfinished exam and for the stats screen's exam trend.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::Serialize;

/// How an exam began.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExamStart {
    /// When it began.
    pub at: Timestamp,
    /// RNG seed used to draw and shuffle the questions.
    pub seed: u64,
    /// Global ids of the questions, in exam order.
    pub questions: Vec<String>,
    /// Time allowed, in seconds.
    pub time_limit_s: u64,
}

/// The learner's latest answer to one exam question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExamAnswerRecord {
    /// When it last changed.
    pub at: Timestamp,
    /// Chosen options (indices into the displayed choices).
    pub chosen: Vec<usize>,
    /// Flagged for review.
    pub flagged: bool,
}

/// How an exam ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExamResult {
    /// When it was submitted.
    pub at: Timestamp,
    /// Questions answered right.
    pub correct: usize,
    /// Questions in the exam.
    pub total: usize,
    /// Scaled score (100–1000).
    pub scaled: u32,
    /// Seconds used.
    pub used_s: u64,
    /// Whether time ran out.
    pub timed_out: bool,
}

/// One exam, as far as the log tells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExamRecord {
    /// Exam id.
    pub id: String,
    /// The start, unless that line is missing (e.g. skipped as corrupt).
    pub started: Option<ExamStart>,
    /// Latest answer per question position.
    pub answers: BTreeMap<usize, ExamAnswerRecord>,
    /// The result, once submitted.
    pub finished: Option<ExamResult>,
    /// When it was thrown away unfinished, if it was.
    pub abandoned: Option<Timestamp>,
}

impl ExamRecord {
    /// An exam known only by its id so far.
    pub fn new(id: impl Into<String>) -> ExamRecord {
        ExamRecord {
            id: id.into(),
            started: None,
            answers: BTreeMap::new(),
            finished: None,
            abandoned: None,
        }
    }

    /// Whether it began and was neither submitted nor abandoned (it can be resumed).
    pub fn is_unfinished(&self) -> bool {
        self.started.is_some() && self.finished.is_none() && self.abandoned.is_none()
    }
}
