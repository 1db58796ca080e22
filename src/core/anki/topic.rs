//! Cards from Anki → recall topic files (TOML text) of facts, one per deck.
//!
//! Each card becomes a `[[fact]]`: the prompt is its question field (for a cloze card, the text with its
//! deletion hidden), the answer its answer field up to the first blank line, and the rest of it plus any
//! other field the answer side shows becomes the `detail` (recall's own Anki export writes answer, detail
//! and correction a blank line apart, so a round trip gives back each answer). The deck names the topic
//! and titles it; ids come from [`super::ids`]. A note's first tag (its last `::` part) becomes the fact's
//! `group` when that makes a valid id.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::html::{Dropped, field_to_text};
use super::ids::{slug, topic_ids};
use crate::core::content::validate::is_valid_id;

/// The source link facts cite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicOptions {
    /// The deck name for cards that name none (a text export without a deck column: its file name).
    pub name: String,
    /// The source URL every fact cites (the format requires one; Anki notes have none).
    pub source: String,
}

/// One card, ready to become a fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactSource {
    /// Its Anki deck's full name; empty = [`TopicOptions::name`].
    pub deck: String,
    /// The item id.
    pub item: String,
    /// The question, as Anki stores it.
    pub prompt: String,
    /// The answer.
    pub answer: String,
    /// Further fields the answer side shows.
    pub extra: Vec<String>,
    /// The note's tags.
    pub tags: Vec<String>,
    /// Whether the texts are HTML (else plain text).
    pub html: bool,
    /// Anki's card id, when the source has one (a package).
    pub anki_card: Option<i64>,
}

/// How the conversion went, for the messages the command prints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Facts written, over all topics.
    pub facts: usize,
    /// Media references and forbidden characters dropped.
    pub dropped: Dropped,
    /// Cards skipped because their front or back was empty once converted.
    pub empty: usize,
    /// Cards skipped because an earlier card had the same id (same GUID and card number).
    pub duplicates: usize,
    /// Image occlusion cards (pictures only) left out.
    pub image_occlusion: usize,
}

impl Report {
    /// One warning per thing worth one, in file order of importance.
    pub fn warnings(&self) -> Vec<ImportWarning> {
        [
            (
                self.dropped.media,
                ImportWarning::Media as fn(usize) -> ImportWarning,
            ),
            (self.dropped.characters, ImportWarning::Characters),
            (self.empty, ImportWarning::Empty),
            (self.duplicates, ImportWarning::Duplicates),
            (self.image_occlusion, ImportWarning::ImageOcclusion),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, warning)| warning(n))
        .collect()
    }
}

/// Something an import left out or changed, as a typed value each language says in its own words
/// (`crate::text`); `Display` is the English, for logs and tests.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportWarning {
    /// Media references (`[sound:…]`, `<img>`) removed from the text.
    #[error("dropped {0} media reference(s) ([sound:…], <img>): recall shows text only")]
    Media(usize),
    /// Control or bidi characters removed.
    #[error("removed {0} control or bidi character(s) that deck text may not hold")]
    Characters(usize),
    /// Notes with an empty front or back.
    #[error("skipped {0} note(s) with an empty front or back")]
    Empty(usize),
    /// Notes repeating an earlier note.
    #[error("skipped {0} note(s) repeating an earlier note's GUID (or front, without GUIDs)")]
    Duplicates(usize),
    /// Image occlusion cards.
    #[error("skipped {0} image occlusion card(s): they are pictures")]
    ImageOcclusion(usize),
    /// Media files in a package.
    #[error("left out {0} media file(s): recall shows text only")]
    MediaFiles(usize),
    /// Suspended cards, which come in active.
    #[error("{0} suspended card(s) come in as active cards: recall has no suspension")]
    Suspended(usize),
    /// Review log entries of cards not imported.
    #[error("skipped {0} review log entr(ies) of cards that were not imported")]
    ReviewsDropped(usize),
    /// An Anki options preset schedules with other FSRS settings than recall's.
    #[error(
        "Anki's options preset \"{name}\" schedules with other FSRS settings than recall; to keep Anki's \
         schedule, set in config.toml: {settings}"
    )]
    PresetDiffers {
        /// The preset's name.
        name: String,
        /// The settings to copy (`desired_retention = 0.85, fsrs_parameters = […]`).
        settings: String,
    },
}

/// One topic file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicText {
    /// The topic id (also the file's name, `<id>.toml`).
    pub id: String,
    /// Its title: the Anki deck's name.
    pub title: String,
    /// The TOML text.
    pub toml: String,
    /// Facts in it.
    pub facts: usize,
    /// `(Anki card id, global card id)` of each fact that came from a package card.
    pub cards: Vec<(i64, String)>,
}

#[derive(Serialize)]
struct TopicFile {
    topic: TopicHeader,
    fact: Vec<FactOut>,
}

#[derive(Serialize)]
struct TopicHeader {
    id: String,
    title: String,
}

#[derive(Serialize)]
struct FactOut {
    id: String,
    prompt: String,
    answer: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    source: String,
}

/// Builds one topic file per deck, in order of the decks' first cards.
pub fn topics(sources: &[FactSource], options: &TopicOptions, report: &mut Report) -> Vec<TopicText> {
    let deck_of = |s: &FactSource| {
        if s.deck.trim().is_empty() {
            options.name.clone()
        } else {
            s.deck.clone()
        }
    };
    let mut order: Vec<String> = Vec::new();
    let mut by_deck: BTreeMap<String, Vec<&FactSource>> = BTreeMap::new();
    for source in sources {
        let deck = deck_of(source);
        if !by_deck.contains_key(&deck) {
            order.push(deck.clone());
        }
        by_deck.entry(deck).or_default().push(source);
    }
    let ids = topic_ids(order.iter().map(String::as_str));
    let mut out = Vec::new();
    for deck in order {
        let topic_id = ids[&deck].clone();
        let mut seen = HashSet::new();
        let mut facts = Vec::new();
        let mut cards = Vec::new();
        for source in &by_deck[&deck] {
            if !seen.insert(source.item.clone()) {
                report.duplicates += 1;
                continue;
            }
            let Some(fact) = fact(source, options, &mut report.dropped) else {
                report.empty += 1;
                continue;
            };
            if let Some(cid) = source.anki_card {
                cards.push((cid, format!("{topic_id}/{}", fact.id)));
            }
            facts.push(fact);
        }
        if facts.is_empty() {
            continue;
        }
        let count = facts.len();
        report.facts += count;
        let title = deck.replace("::", " › ");
        let file = TopicFile {
            topic: TopicHeader {
                id: topic_id.clone(),
                title: if title.trim().is_empty() {
                    topic_id.clone()
                } else {
                    title.clone()
                },
            },
            fact: facts,
        };
        let toml = toml::to_string_pretty(&file).expect("plain strings always serialize to TOML");
        out.push(TopicText {
            id: topic_id,
            title,
            toml,
            facts: count,
            cards,
        });
    }
    out
}

/// One fact, or `None` when its prompt or answer is empty once converted.
fn fact(source: &FactSource, options: &TopicOptions, dropped: &mut Dropped) -> Option<FactOut> {
    let prompt = field_to_text(&source.prompt, source.html, dropped);
    let back = field_to_text(&source.answer, source.html, dropped);
    if prompt.is_empty() || back.is_empty() {
        return None;
    }
    let (answer, mut detail) = match back.split_once("\n\n") {
        Some((answer, rest)) => (answer.to_string(), vec![rest.to_string()]),
        None => (back, Vec::new()),
    };
    detail.extend(
        source
            .extra
            .iter()
            .map(|e| field_to_text(e, source.html, dropped))
            .filter(|e| !e.is_empty()),
    );
    let group = source
        .tags
        .iter()
        .map(|t| slug(last_part(t)))
        .find(|g| is_valid_id(g));
    Some(FactOut {
        id: source.item.clone(),
        prompt,
        answer,
        detail: (!detail.is_empty()).then(|| detail.join("\n\n")),
        group,
        source: options.source.clone(),
    })
}

/// `aws::lambda` → `lambda`: Anki's hierarchical tags use `::`; a trailing `::` is ignored.
fn last_part(tag: &str) -> &str {
    tag.trim_end_matches(':')
        .rsplit("::")
        .find(|p| !p.trim().is_empty())
        .unwrap_or(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(deck: &str, item: &str, front: &str, back: &str, tags: &[&str]) -> FactSource {
        FactSource {
            deck: deck.into(),
            item: item.into(),
            prompt: front.into(),
            answer: back.into(),
            extra: Vec::new(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            html: true,
            anki_card: None,
        }
    }

    fn options() -> TopicOptions {
        TopicOptions {
            name: "file".into(),
            source: "https://example.com/".into(),
        }
    }

    #[test]
    fn decks_become_topics_and_tags_groups() {
        let sources = [
            source("AWS::Lambda", "a", "Q1", "A1", &["aws::lambda", "limits"]),
            source("AWS::DynamoDB", "b", "Q2", "A2<br><br>more", &[]),
            source("", "c", "Q3", "A3", &["foo::", "\u{7}bell"]),
        ];
        let mut report = Report::default();
        let topics = topics(&sources, &options(), &mut report);
        let ids: Vec<&str> = topics.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["aws-lambda", "aws-dynamodb", "file"]);
        assert!(
            topics[0].toml.contains("group = \"lambda\""),
            "{}",
            topics[0].toml
        );
        assert!(topics[0].toml.contains("title = \"AWS › Lambda\""));
        assert!(topics[1].toml.contains("detail = \"more\""));
        assert!(topics[2].toml.contains("group = \"foo\""), "{}", topics[2].toml);
        assert_eq!(report.facts, 3);
    }

    #[test]
    fn empty_and_repeated_cards_are_skipped_and_counted() {
        let sources = [
            source("D", "a", "Q", "A", &[]),
            source("D", "a", "Q again", "A", &[]),
            source("D", "b", "<img src=x.png>", "A", &[]),
        ];
        let mut report = Report::default();
        let topics = topics(&sources, &options(), &mut report);
        assert_eq!((report.facts, report.duplicates, report.empty), (1, 1, 1));
        assert_eq!(report.dropped.media, 1);
        assert_eq!(topics.len(), 1);
    }
}
