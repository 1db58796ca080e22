//! `recall export --what reviews|exams`: the replayed review log and the exam history as CSV, one row per
//! review or exam, for spreadsheets and scripts.
//!
//! Reviews are as replay sees them: duplicates counted once, undone reviews left out, each with the state
//! its card was in just before (what FSRS scheduled from).

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use super::{ExportInput, cell, write_csv};
use crate::core::progress::stats::day_date;
use crate::core::progress::{Progress, Rating};
use crate::core::quiz::score::passed;

/// One review in the review CSV.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewRow {
    /// The `review` event's id.
    pub id: String,
    /// When it was graded (UTC).
    pub at: Timestamp,
    /// The study day it counts for (days start at the configured hour).
    pub study_day: Date,
    /// Global card id.
    pub card: String,
    /// `again`, `hard`, `good` or `easy`.
    pub rating: &'static str,
    /// The FSRS grade number, 1–4.
    pub grade: u32,
    /// Milliseconds from showing the card to grading it.
    pub duration_ms: u64,
    /// A cram review (did not change the schedule).
    pub cram: bool,
    /// The card's phase before the review.
    pub phase_before: &'static str,
    /// The card's review interval before the review, in days (0 outside review).
    pub interval_before: u32,
}

/// The review CSV header, in [`ReviewRow`] field order.
pub const REVIEW_COLUMNS: [&str; 10] = [
    "id",
    "at",
    "study_day",
    "card",
    "rating",
    "grade",
    "duration_ms",
    "cram",
    "phase_before",
    "interval_before",
];

/// One exam in the exam CSV; result fields are empty while the exam is unfinished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExamRow {
    /// Exam id.
    pub exam: String,
    /// When it began.
    pub started_at: Option<Timestamp>,
    /// When it was submitted.
    pub finished_at: Option<Timestamp>,
    /// Questions in the exam.
    pub questions: Option<usize>,
    /// Questions answered right.
    pub correct: Option<usize>,
    /// Scaled score (100–1000).
    pub scaled: Option<u32>,
    /// Whether it reached the pass mark (720).
    pub passed: Option<bool>,
    /// Seconds used.
    pub used_s: Option<u64>,
    /// Seconds allowed.
    pub time_limit_s: Option<u64>,
    /// Whether time ran out.
    pub timed_out: Option<bool>,
    /// RNG seed of the question draw.
    pub seed: Option<u64>,
    /// When it was discarded unfinished (empty otherwise).
    pub abandoned_at: Option<Timestamp>,
}

/// The exam CSV header, in [`ExamRow`] field order.
pub const EXAM_COLUMNS: [&str; 12] = [
    "exam",
    "started_at",
    "finished_at",
    "questions",
    "correct",
    "scaled",
    "passed",
    "used_s",
    "time_limit_s",
    "timed_out",
    "seed",
    "abandoned_at",
];

/// Every review (not undone), ordered by time then id.
pub fn review_rows(input: &ExportInput<'_>) -> Vec<ReviewRow> {
    let clock = input.scheduler.clock();
    let mut rows: Vec<ReviewRow> = input
        .progress
        .cards()
        .flat_map(|(card, c)| c.reviews.iter().map(move |r| (card, r)))
        .map(|(card, r)| ReviewRow {
            id: r.id.clone(),
            at: r.at,
            study_day: day_date(clock.day_index(r.at)),
            card: card.to_string(),
            rating: rating_name(r.rating),
            grade: r.rating.number(),
            duration_ms: r.duration_ms,
            cram: r.cram,
            phase_before: r.before.phase.name(),
            interval_before: r.before.scheduled_days,
        })
        .collect();
    rows.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    rows
}

/// A rating as the log writes it.
fn rating_name(rating: Rating) -> &'static str {
    match rating {
        Rating::Again => "again",
        Rating::Hard => "hard",
        Rating::Good => "good",
        Rating::Easy => "easy",
    }
}

/// The review CSV.
pub fn reviews_csv(input: &ExportInput<'_>) -> Result<Vec<u8>, csv::Error> {
    let rows = review_rows(input).into_iter().map(|r| ReviewRow {
        id: cell(r.id),
        card: cell(r.card),
        ..r
    });
    write_csv(&REVIEW_COLUMNS, rows)
}

/// Every exam, ordered by start (or finish, if the start is missing) then id.
pub fn exam_rows(progress: &Progress) -> Vec<ExamRow> {
    let mut rows: Vec<ExamRow> = progress
        .exams()
        .map(|e| {
            let (start, end) = (e.started.as_ref(), e.finished.as_ref());
            ExamRow {
                exam: e.id.clone(),
                started_at: start.map(|s| s.at),
                finished_at: end.map(|f| f.at),
                questions: end.map(|f| f.total).or(start.map(|s| s.questions.len())),
                correct: end.map(|f| f.correct),
                scaled: end.map(|f| f.scaled),
                passed: end.map(|f| passed(f.scaled)),
                used_s: end.map(|f| f.used_s),
                time_limit_s: start.map(|s| s.time_limit_s),
                timed_out: end.map(|f| f.timed_out),
                seed: start.map(|s| s.seed),
                abandoned_at: e.abandoned,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let key = |r: &ExamRow| (r.started_at.or(r.finished_at), r.exam.clone());
        key(a).cmp(&key(b))
    });
    rows
}

/// The exam CSV.
pub fn exams_csv(progress: &Progress) -> Result<Vec<u8>, csv::Error> {
    let rows = exam_rows(progress).into_iter().map(|r| ExamRow {
        exam: cell(r.exam),
        ..r
    });
    write_csv(&EXAM_COLUMNS, rows)
}
