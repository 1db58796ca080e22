//! The JSON export: one versioned document with everything — the deck's identity, the settings the log
//! was replayed with, every card's state, the full event log and the exam history.
//!
//! The schema is documented in README ("Export", "The JSON export") and checked by `tests/export.rs`.
//! Readers should check `format == "recall-export"` and `version`; a change that could make an older
//! reader misread the document bumps [`VERSION`], and new fields are only ever added.

use std::collections::HashSet;

use jiff::Timestamp;
use serde::Serialize;

use super::{CardRow, ExportError, ExportInput, card_rows, fnv1a64, round4};
use crate::core::content::Deck;
use crate::core::event::Event;
use crate::core::progress::exams::ExamRecord;
use crate::core::quiz::score::passed;
use crate::core::untrusted::to_json_pretty;

/// The document's `format` field.
pub const FORMAT: &str = "recall-export";

/// The document's schema version.
pub const VERSION: u32 = 1;

/// The whole JSON export.
#[derive(Debug, Serialize)]
pub struct Document<'a> {
    /// Always [`FORMAT`].
    pub format: &'static str,
    /// Schema version, [`VERSION`].
    pub version: u32,
    /// When the export was made (UTC).
    pub exported_at: Timestamp,
    /// Language of `cards[].prompt` (`en` or `ko`).
    pub lang: &'static str,
    /// Which deck the cards come from.
    pub deck: DeckSummary,
    /// The settings the log was replayed with.
    pub settings: Settings,
    /// Every card's state ([`card_rows`] order).
    pub cards: Vec<JsonCard>,
    /// The full event log: every device's events, each once, ordered by time then id, exactly as logged.
    pub events: Vec<&'a Event>,
    /// Every mock exam, ordered by id.
    pub exams: Vec<JsonExam>,
}

/// The deck's identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeckSummary {
    /// A fingerprint of the deck's content ([`deck_version`]): equal decks give equal versions.
    pub version: String,
    /// Topics in the deck.
    pub topics: usize,
    /// Items of every kind.
    pub items: usize,
    /// Studyable cards (facts and scenarios).
    pub cards: usize,
}

/// Scheduling settings in effect for the export.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    /// Desired retention.
    pub desired_retention: f64,
    /// Hour (0–23) a study day starts.
    pub day_starts_at: u8,
    /// IANA name of the time zone study days are counted in, when known.
    pub time_zone: Option<String>,
}

/// One card in the JSON export: the CSV row plus the rest of its scheduling state.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JsonCard {
    /// The fields of the CSV row.
    #[serde(flatten)]
    pub row: CardRow,
    /// Whether the deck still has the card.
    pub in_deck: bool,
    /// Learning or relearning step index (0 otherwise).
    pub step: u8,
    /// Review interval in days (0 outside review).
    pub scheduled_days: u32,
    /// Scheduling reviews (cram excluded).
    pub reps: u32,
    /// Quiz and exam answers about the card (not undone).
    pub answers: usize,
}

/// One mock exam.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JsonExam {
    /// Exam id.
    pub id: String,
    /// When it began (`null` if the start line is missing).
    pub started_at: Option<Timestamp>,
    /// RNG seed of the draw.
    pub seed: Option<u64>,
    /// Question ids in exam order.
    pub questions: Vec<String>,
    /// Time allowed, in seconds.
    pub time_limit_s: Option<u64>,
    /// The latest answer to each question, by position.
    pub answers: Vec<JsonExamAnswer>,
    /// The result, `null` while unfinished.
    pub result: Option<JsonExamResult>,
    /// When the learner discarded it unfinished (`null` otherwise): such an exam is over, without a result.
    pub abandoned_at: Option<Timestamp>,
}

/// The latest answer to one exam question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JsonExamAnswer {
    /// Question position (0-based).
    pub question: usize,
    /// Chosen options (indices into the displayed choices).
    pub chosen: Vec<usize>,
    /// Flagged for review.
    pub flagged: bool,
    /// When it last changed.
    pub at: Timestamp,
}

/// How an exam ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JsonExamResult {
    /// When it was submitted.
    pub finished_at: Timestamp,
    /// Questions answered right.
    pub correct: usize,
    /// Questions in the exam.
    pub total: usize,
    /// Scaled score (100–1000).
    pub scaled: u32,
    /// Whether it reached the pass mark (720).
    pub passed: bool,
    /// Seconds used.
    pub used_s: u64,
    /// Whether time ran out.
    pub timed_out: bool,
}

/// The deck's fingerprint: `fnv1a64:` and 16 hex digits of a hash over every topic's id, order, title,
/// summary and items (not file paths), so it changes whenever any text or id changes.
pub fn deck_version(deck: &Deck) -> String {
    let mut bytes = Vec::new();
    for t in deck.topics() {
        let content = (
            &t.id,
            t.order,
            &t.title,
            &t.summary,
            &t.sections,
            &t.facts,
            &t.compares,
            &t.scenarios,
        );
        // Serializing plain structs into a Vec cannot fail; an error would only leave the topic out.
        if let Ok(json) = serde_json::to_vec(&content) {
            bytes.extend(json);
            bytes.push(b'\n');
        }
    }
    format!("fnv1a64:{:016x}", fnv1a64(bytes))
}

/// Builds the document.
pub fn document<'a>(input: &ExportInput<'a>) -> Document<'a> {
    let deck = input.deck;
    let cards = card_rows(input)
        .into_iter()
        .map(|row| {
            let card = input.progress.card(&row.id);
            let state = card.map(|c| c.state).unwrap_or_default();
            JsonCard {
                in_deck: deck.find(&row.id).is_some(),
                step: state.step,
                scheduled_days: state.scheduled_days,
                reps: state.reps,
                answers: card.map_or(0, |c| c.answers.len()),
                row,
            }
        })
        .collect();
    let clock = input.scheduler.clock();
    Document {
        format: FORMAT,
        version: VERSION,
        exported_at: input.now,
        lang: input.lang.code(),
        deck: DeckSummary {
            version: deck_version(deck),
            topics: deck.topics().len(),
            items: deck.item_count(),
            cards: deck.cards().count(),
        },
        settings: Settings {
            desired_retention: round4(input.scheduler.retention()),
            day_starts_at: clock.starts_at(),
            time_zone: clock.time_zone().iana_name().map(str::to_string),
        },
        cards,
        events: unique_events(input.events),
        exams: input.progress.exams().map(exam).collect(),
    }
}

/// The document as pretty-printed JSON with a final newline.
pub fn document_bytes(input: &ExportInput<'_>) -> Result<Vec<u8>, ExportError> {
    let mut json = to_json_pretty(&document(input))?;
    json.push('\n');
    Ok(json.into_bytes())
}

/// Events ordered by time then id, each id once (as replay counts them).
fn unique_events(events: &[Event]) -> Vec<&Event> {
    let mut sorted: Vec<&Event> = events.iter().collect();
    sorted.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    let mut seen = HashSet::new();
    sorted.retain(|e| seen.insert(e.id.as_str()));
    sorted
}

fn exam(record: &ExamRecord) -> JsonExam {
    let start = record.started.as_ref();
    JsonExam {
        id: record.id.clone(),
        started_at: start.map(|s| s.at),
        seed: start.map(|s| s.seed),
        questions: start.map(|s| s.questions.clone()).unwrap_or_default(),
        time_limit_s: start.map(|s| s.time_limit_s),
        answers: record
            .answers
            .iter()
            .map(|(&question, a)| JsonExamAnswer {
                question,
                chosen: a.chosen.clone(),
                flagged: a.flagged,
                at: a.at,
            })
            .collect(),
        result: record.finished.as_ref().map(|f| JsonExamResult {
            finished_at: f.at,
            correct: f.correct,
            total: f.total,
            scaled: f.scaled,
            passed: passed(f.scaled),
            used_s: f.used_s,
            timed_out: f.timed_out,
        }),
        abandoned_at: record.abandoned,
    }
}
