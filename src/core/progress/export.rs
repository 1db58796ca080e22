//! Export: the learner's progress as files to take elsewhere — CSV, a versioned JSON document, and an
//! Anki import file. Everything here builds bytes in memory; writing them (stdout, or a file replaced
//! atomically) is `crate::io::export`'s job.
//!
//! [`export`] picks the builder for a [`ExportFormat`] and [`ExportWhat`]: one CSV row per card
//! ([`card_rows`]), the JSON document ([`json`]), the Anki file ([`anki`]), or the replayed review log and
//! exam history as CSV ([`tables`]). The formats are documented in README ("Export"); the JSON one carries
//! [`json::FORMAT`] and [`json::VERSION`] so a reader can tell what it holds.

pub mod anki;
pub mod apkg;
pub mod json;
pub mod tables;

use jiff::Timestamp;
use serde::Serialize;

use super::replay::Progress;
use crate::core::content::{Deck, Item, Lang};
use crate::core::event::Event;
use crate::core::srs::Scheduler;

/// What an export is made from.
#[derive(Debug, Clone, Copy)]
pub struct ExportInput<'a> {
    /// The deck (card kinds, prompts, answers, topics).
    pub deck: &'a Deck,
    /// The replayed log.
    pub progress: &'a Progress,
    /// The log's events as read (any order, duplicates allowed): the JSON export's `events`.
    pub events: &'a [Event],
    /// The scheduler the log was replayed with (for retrievability and study days).
    pub scheduler: &'a Scheduler,
    /// The time of the export.
    pub now: Timestamp,
    /// Language of deck text.
    pub lang: Lang,
}

/// The file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// The versioned JSON document.
    Json,
    /// A tab-separated Anki import file.
    Anki,
    /// An Anki package with the schedule and review history (built by [`apkg`], written by
    /// `crate::io::anki_package`).
    Apkg,
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportWhat {
    /// Cards (every format).
    Cards,
    /// The replayed review log (CSV only).
    Reviews,
    /// Mock exam history (CSV only).
    Exams,
}

/// Why an export could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// CSV serialization failed.
    #[error("cannot build the CSV: {0}")]
    Csv(#[from] csv::Error),
    /// JSON serialization failed.
    #[error("cannot build the JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The format cannot hold that content.
    #[error("{what} can be exported as CSV only (the JSON export already contains them)")]
    Unsupported {
        /// What was asked for.
        what: &'static str,
    },
}

/// Builds the export of `what` in `format`.
pub fn export(
    input: &ExportInput<'_>,
    format: ExportFormat,
    what: ExportWhat,
) -> Result<Vec<u8>, ExportError> {
    match (what, format) {
        (ExportWhat::Cards, ExportFormat::Csv) => cards_csv(input),
        (ExportWhat::Cards, ExportFormat::Json) => json::document_bytes(input),
        (ExportWhat::Cards, ExportFormat::Anki) => Ok(anki::anki_file(input.deck, input.lang)?),
        (ExportWhat::Cards, ExportFormat::Apkg) => Err(ExportError::Unsupported {
            what: "an .apkg package (built by apkg::package)",
        }),
        (ExportWhat::Reviews, ExportFormat::Csv) => Ok(tables::reviews_csv(input)?),
        (ExportWhat::Exams, ExportFormat::Csv) => Ok(tables::exams_csv(input.progress)?),
        (ExportWhat::Reviews, _) => Err(ExportError::Unsupported { what: "reviews" }),
        (ExportWhat::Exams, _) => Err(ExportError::Unsupported { what: "exams" }),
    }
}

/// One card's export row: its deck data and scheduling state at the time of export.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardRow {
    /// Global id `topic/item`.
    pub id: String,
    /// Topic id.
    pub topic: String,
    /// `fact` or `scenario`; empty for a card the log mentions but the deck no longer has.
    pub kind: String,
    /// The question, in the export language; empty for a card no longer in the deck.
    pub prompt: String,
    /// Phase: `new`, `learning`, `review` or `relearning`.
    pub state: &'static str,
    /// When it is next due (UTC); empty for a new card.
    pub due: Option<Timestamp>,
    /// FSRS stability in days (4 decimals).
    pub stability: Option<f64>,
    /// FSRS difficulty, 1–10 (4 decimals).
    pub difficulty: Option<f64>,
    /// Probability of recall at the time of export (4 decimals).
    pub retrievability: Option<f64>,
    /// Reviews given (not undone), cram included.
    pub reviews: usize,
    /// Times forgotten after graduating.
    pub lapses: u32,
    /// When it was last reviewed (UTC).
    pub last_review: Option<Timestamp>,
}

/// The CSV header, in [`CardRow`] field order.
pub const CARD_COLUMNS: [&str; 12] = [
    "id",
    "topic",
    "kind",
    "prompt",
    "state",
    "due",
    "stability",
    "difficulty",
    "retrievability",
    "reviews",
    "lapses",
    "last_review",
];

/// One row per card: every card of the deck in deck order, then any card the log mentions that the deck
/// no longer has (in order of first mention).
pub fn card_rows(input: &ExportInput<'_>) -> Vec<CardRow> {
    let deck = input.deck;
    let in_deck = deck.cards().map(|(id, at)| {
        let topic = deck
            .topics()
            .get(at.topic)
            .map_or(String::new(), |t| t.id.clone());
        let (kind, prompt) = match deck.item(at) {
            Some(item @ (Item::Fact(_) | Item::Scenario(_))) => (
                item.kind().name().to_string(),
                item.headline().get(input.lang).to_string(),
            ),
            _ => (String::new(), String::new()),
        };
        row(input, id, topic, kind, prompt)
    });
    let orphans = input
        .progress
        .cards()
        .filter(|(id, _)| deck.find(id).is_none())
        .map(|(id, _)| {
            let topic = id.split_once('/').map_or(id, |(t, _)| t).to_string();
            row(input, id.to_string(), topic, String::new(), String::new())
        });
    in_deck.chain(orphans.collect::<Vec<_>>()).collect()
}

fn row(input: &ExportInput<'_>, id: String, topic: String, kind: String, prompt: String) -> CardRow {
    let card = input.progress.card(&id);
    let state = card.map_or(crate::core::srs::CardState::NEW, |c| c.state);
    CardRow {
        topic,
        kind,
        prompt,
        state: state.phase.name(),
        due: state.due,
        stability: state.memory.map(|m| round4(m.stability)),
        difficulty: state.memory.map(|m| round4(m.difficulty)),
        retrievability: input.scheduler.retrievability(&state, input.now).map(round4),
        reviews: card.map_or(0, |c| c.reviews.len()),
        lapses: state.lapses,
        last_review: state.last_review,
        id,
    }
}

/// The per-card CSV.
pub fn cards_csv(input: &ExportInput<'_>) -> Result<Vec<u8>, ExportError> {
    let rows = card_rows(input).into_iter().map(|r| CardRow {
        id: cell(r.id),
        topic: cell(r.topic),
        prompt: cell(r.prompt),
        ..r
    });
    Ok(write_csv(&CARD_COLUMNS, rows)?)
}

/// `text` as a CSV cell a spreadsheet shows as text: one starting with `=`, `+`, `-` or `@` (or a tab or
/// carriage return) would be read as a formula — a card id from a synced log could then run
/// `=HYPERLINK(…)` or worse on opening — so it gets a leading `'`, which spreadsheets hide (OWASP's
/// advice against CSV injection). Every cell that can hold text from a deck or a log goes through this.
pub(crate) fn cell(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

/// Writes `headers` then one record per row (the header is written even when there are no rows).
pub(crate) fn write_csv<T: Serialize>(
    headers: &[&str],
    rows: impl IntoIterator<Item = T>,
) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    writer.write_record(headers)?;
    for row in rows {
        writer.serialize(row)?;
    }
    writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// `x` rounded to 4 decimals, as an `f64` that prints without float noise.
pub(crate) fn round4(x: f32) -> f64 {
    (f64::from(x) * 10_000.0).round() / 10_000.0
}

/// 64-bit FNV-1a: a small, stable, dependency-free hash for fingerprints and Anki GUIDs (not for
/// security).
pub(crate) fn fnv1a64(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_published_test_vectors() {
        assert_eq!(fnv1a64(*b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(*b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(*b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn rounding_drops_float_noise() {
        assert_eq!(round4(0.9_f32), 0.9);
        assert_eq!(round4(2.306_549_f32), 2.3065);
    }
}
