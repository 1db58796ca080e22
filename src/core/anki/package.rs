//! An Anki collection (read from an `.apkg`/`.colpkg`) → recall topic files and progress events.
//!
//! Every card of a known note becomes a fact of its home deck's topic ([`super::topic`]): Basic-like cards
//! show the fields their templates name ([`super::sides`]), cloze cards their text with their deletion
//! hidden ([`super::cloze`]). Each card's review log becomes events for recall's log
//! ([`super::revlog`]), with ids made from Anki's card and review ids, so importing the same package
//! twice adds nothing.

use std::collections::HashMap;

use fsrs::FSRS;

use super::collection::{Card, Collection, DeckConfig, Notetype, Revlog};
use super::ids::item_id;
use super::revlog::{self, Context};
use super::sides::sides;
use super::topic::{self, FactSource, Report, TopicOptions, TopicText};
use super::{AnkiError, cloze};
use crate::core::event::{Event, EventKind};

/// What to convert with.
#[derive(Debug, Clone, PartialEq)]
pub struct PackageOptions {
    /// Source link and fallback deck name.
    pub topic: TopicOptions,
    /// recall's FSRS parameters (empty = defaults), for Anki's SM-2 estimates.
    pub fsrs_parameters: Vec<f32>,
}

/// The result of converting a collection.
#[derive(Debug, Clone)]
pub struct PackageImport {
    /// One topic file per deck with cards.
    pub topics: Vec<TopicText>,
    /// The review history as recall events, oldest first.
    pub events: Vec<Event>,
    /// What came in and what was left out.
    pub report: PackageReport,
}

/// Counts for the command's summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PackageReport {
    /// Notes and cards, text conversion.
    pub text: Report,
    /// Notes in the collection.
    pub notes: usize,
    /// Cards in the collection.
    pub cards: usize,
    /// Graded reviews turned into events (cramming included).
    pub reviews: usize,
    /// Ungraded log entries turned into reschedules or resets.
    pub schedule_changes: usize,
    /// Review log entries of cards that did not become facts (left out).
    pub reviews_dropped: usize,
    /// Suspended cards (recall has no suspension: they come in as active cards).
    pub suspended: usize,
    /// Media files in the package (dropped).
    pub media_files: usize,
    /// Options presets whose FSRS settings differ from recall's (name, desired retention, parameters).
    pub presets: Vec<DeckConfig>,
}

/// Converts `collection` into topic files and events.
pub fn convert(collection: &Collection, options: &PackageOptions) -> Result<PackageImport, AnkiError> {
    let fsrs = FSRS::new(&options.fsrs_parameters).map_err(|e| AnkiError::Parameters(format!("{e:?}")))?;
    let notetypes: HashMap<i64, &Notetype> = collection.notetypes.iter().map(|n| (n.id, n)).collect();
    let notes: HashMap<i64, _> = collection.notes.iter().map(|n| (n.id, n)).collect();
    let decks: HashMap<i64, _> = collection.decks.iter().map(|d| (d.id, d)).collect();
    let presets: HashMap<i64, &DeckConfig> = collection.deck_configs.iter().map(|c| (c.id, c)).collect();
    let mut report = PackageReport {
        notes: collection.notes.len(),
        cards: collection.cards.len(),
        media_files: collection.media_files,
        ..PackageReport::default()
    };
    let mut cards: Vec<&Card> = collection.cards.iter().collect();
    cards.sort_by_key(|c| (c.note, c.ord, c.id));
    let mut sources = Vec::new();
    for card in &cards {
        let Some(note) = notes.get(&card.note) else {
            continue;
        };
        let Some(notetype) = notetypes.get(&note.notetype) else {
            continue;
        };
        let field = |i: usize| note.fields.get(i).cloned().unwrap_or_default();
        let sides = sides(notetype, card.ord);
        let (prompt, answer, extra) = if notetype.cloze {
            let (q, a) = cloze::card(&field(sides.prompt), card.ord + 1);
            if q.contains("image-occlusion:") || notetype.name.contains("Image Occlusion") {
                report.text.image_occlusion += 1;
                continue;
            }
            let extra = std::iter::once(sides.answer).chain(sides.extra.iter().copied());
            (q, a, extra.filter(|i| *i != sides.prompt).map(field).collect())
        } else {
            (
                field(sides.prompt),
                field(sides.answer),
                sides.extra.iter().map(|i| field(*i)).collect(),
            )
        };
        let deck = decks
            .get(&card.home_deck())
            .map_or_else(|| "Default".to_string(), |d| d.name.clone());
        report.suspended += usize::from(card.suspended());
        sources.push(FactSource {
            deck,
            item: item_id(Some(&note.guid), &field(0), card.ord),
            prompt,
            answer,
            extra,
            tags: note.tags.clone(),
            html: true,
            anki_card: Some(card.id),
        });
    }
    let topics = topic::topics(&sources, &options.topic, &mut report.text);
    let global: HashMap<i64, &str> = topics
        .iter()
        .flat_map(|t| t.cards.iter().map(|(cid, id)| (*cid, id.as_str())))
        .collect();
    let mut by_card: HashMap<i64, Vec<&Revlog>> = HashMap::new();
    for entry in &collection.revlog {
        by_card.entry(entry.card).or_default().push(entry);
    }
    let mut events = Vec::new();
    for card in &cards {
        let entries: Vec<Revlog> = by_card
            .get(&card.id)
            .map(|v| {
                let mut v: Vec<Revlog> = v.iter().map(|e| (*e).clone()).collect();
                v.sort_by_key(|e| e.id);
                v
            })
            .unwrap_or_default();
        let Some(card_id) = global.get(&card.id) else {
            report.reviews_dropped += entries.len();
            continue;
        };
        let preset = decks
            .get(&card.home_deck())
            .and_then(|d| d.config)
            .and_then(|c| presets.get(&c));
        let ctx = Context {
            card_id,
            created: collection.created,
            fsrs: &fsrs,
            historical_retention: preset.map_or(0.9, |p| p.historical_retention),
        };
        for event in revlog::events(card, &entries, &ctx) {
            match event.kind {
                EventKind::Review { .. } => report.reviews += 1,
                _ => report.schedule_changes += 1,
            }
            events.push(event);
        }
    }
    events.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    let mut used: Vec<i64> = cards
        .iter()
        .filter_map(|c| decks.get(&c.home_deck()).and_then(|d| d.config))
        .collect();
    used.sort_unstable();
    used.dedup();
    report.presets = used
        .iter()
        .filter_map(|id| presets.get(id).map(|p| (*p).clone()))
        .collect();
    Ok(PackageImport {
        topics,
        events,
        report,
    })
}
