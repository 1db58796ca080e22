//! `recall list` and `recall topics`: the deck as text or JSON.
//!
//! The JSON shape ([`ListedItem`], [`ListedTopic`]) is a documented, stable interface (README, "JSON output"):
//! one array, one object per item, text in the requested language.

use std::io::Write;

use serde::Serialize;

use crate::core::content::{Deck, Item, ItemKind, Lang, Text, global_id};
use crate::core::untrusted::to_json_pretty;

/// One item as `recall list --format json` prints it.
#[derive(Debug, Serialize)]
pub struct ListedItem {
    /// Global id `topic/item`.
    pub id: String,
    /// Topic id.
    pub topic: String,
    /// `section`, `fact`, `compare` or `scenario`.
    pub kind: &'static str,
    /// Kind-specific fields.
    #[serde(flatten)]
    pub body: ListedBody,
}

/// The kind-specific part of a listed item.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum ListedBody {
    /// A section.
    Section {
        /// Title.
        title: String,
        /// Body text.
        body: String,
        /// Source URLs.
        sources: Vec<String>,
    },
    /// A fact.
    Fact {
        /// Question.
        prompt: String,
        /// Answer.
        answer: String,
        /// Extra explanation.
        #[serde(skip_serializing_if = "Option::is_none")]
        detail: Option<String>,
        /// What common sources get wrong.
        #[serde(skip_serializing_if = "Option::is_none")]
        correction: Option<String>,
        /// Answer kind.
        #[serde(skip_serializing_if = "Option::is_none")]
        group: Option<String>,
        /// Source URL.
        source: String,
    },
    /// A comparison.
    Compare {
        /// Title.
        title: String,
        /// Column headers.
        options: Vec<String>,
        /// Rows.
        rows: Vec<ListedRow>,
        /// Source URLs.
        sources: Vec<String>,
    },
    /// A scenario.
    Scenario {
        /// The question.
        prompt: String,
        /// Highlighted phrases.
        keywords: Vec<String>,
        /// Options.
        choices: Vec<ListedChoice>,
        /// Why the answer is right.
        explanation: String,
        /// Source URL.
        source: String,
    },
}

/// A comparison row in JSON.
#[derive(Debug, Serialize)]
pub struct ListedRow {
    /// Row header.
    pub attribute: String,
    /// One value per option.
    pub values: Vec<String>,
}

/// A scenario choice in JSON.
#[derive(Debug, Serialize)]
pub struct ListedChoice {
    /// Option text.
    pub text: String,
    /// Whether it is right.
    pub correct: bool,
    /// Why.
    pub why: String,
}

/// One topic as `recall topics --format json` prints it.
#[derive(Debug, Serialize)]
pub struct ListedTopic {
    /// Topic id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Counts per kind.
    pub sections: usize,
    /// Facts.
    pub facts: usize,
    /// Comparisons.
    pub compares: usize,
    /// Scenarios.
    pub scenarios: usize,
}

/// Builds the listed form of every item (of one topic, if given).
pub fn listed_items(deck: &Deck, topic: Option<&str>, lang: Lang) -> Vec<ListedItem> {
    let t = |text: &Text| text.get(lang).to_string();
    let opt = |text: &Option<Text>| text.as_ref().map(|x| x.get(lang).to_string());
    deck.items()
        .filter(|(r, _)| topic.is_none_or(|id| deck.topics()[r.topic].id == id))
        .map(|(r, item)| {
            let topic_id = deck.topics()[r.topic].id.clone();
            let body = match item {
                Item::Section(s) => ListedBody::Section {
                    title: t(&s.title),
                    body: t(&s.body),
                    sources: s.sources.clone(),
                },
                Item::Fact(f) => ListedBody::Fact {
                    prompt: t(&f.prompt),
                    answer: t(&f.answer),
                    detail: opt(&f.detail),
                    correction: opt(&f.correction),
                    group: f.group.clone(),
                    source: f.source.clone(),
                },
                Item::Compare(c) => ListedBody::Compare {
                    title: t(&c.title),
                    options: c.options.iter().map(t).collect(),
                    rows: c
                        .rows
                        .iter()
                        .map(|row| ListedRow {
                            attribute: t(&row.attribute),
                            values: row.values.iter().map(t).collect(),
                        })
                        .collect(),
                    sources: c.sources.clone(),
                },
                Item::Scenario(s) => ListedBody::Scenario {
                    prompt: t(&s.prompt),
                    keywords: s.keywords.get(lang).to_vec(),
                    choices: s
                        .choices
                        .iter()
                        .map(|c| ListedChoice {
                            text: t(&c.text),
                            correct: c.correct,
                            why: t(&c.why),
                        })
                        .collect(),
                    explanation: t(&s.explanation),
                    source: s.source.clone(),
                },
            };
            ListedItem {
                id: global_id(&topic_id, item.id()),
                topic: topic_id,
                kind: item.kind().name(),
                body,
            }
        })
        .collect()
}

/// Prints items as JSON (one array) to `out`.
pub fn write_json(items: &[ListedItem], out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "{}", to_json_pretty(items)?)
}

/// Prints items as readable text to `out`, kinds and labels in `lang` (ids stay as they are).
pub fn write_text(items: &[ListedItem], lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let words = crate::text::of(lang);
    let [q, a, source] = words.list_labels();
    for item in items {
        let kind = match &item.body {
            ListedBody::Section { .. } => ItemKind::Section,
            ListedBody::Fact { .. } => ItemKind::Fact,
            ListedBody::Compare { .. } => ItemKind::Compare,
            ListedBody::Scenario { .. } => ItemKind::Scenario,
        };
        writeln!(out, "{} [{}]", item.id, words.kind(kind))?;
        match &item.body {
            ListedBody::Section { title, body, sources } => {
                writeln!(out, "  {title}")?;
                for line in body.lines() {
                    writeln!(out, "    {line}")?;
                }
                writeln!(out, "  {source}: {}", sources.join(", "))?;
            }
            ListedBody::Fact {
                prompt,
                answer,
                source: source_url,
                ..
            } => {
                writeln!(out, "  {q}: {prompt}\n  {a}: {answer}\n  {source}: {source_url}")?;
            }
            ListedBody::Compare {
                title,
                options,
                rows,
                sources,
            } => {
                writeln!(out, "  {title}: {}", options.join(" | "))?;
                for row in rows {
                    writeln!(out, "    {}: {}", row.attribute, row.values.join(" | "))?;
                }
                writeln!(out, "  {source}: {}", sources.join(", "))?;
            }
            ListedBody::Scenario {
                prompt,
                choices,
                source: source_url,
                ..
            } => {
                writeln!(out, "  {q}: {prompt}")?;
                for c in choices {
                    writeln!(out, "    [{}] {}", if c.correct { "x" } else { " " }, c.text)?;
                }
                writeln!(out, "  {source}: {source_url}")?;
            }
        }
    }
    Ok(())
}

/// The listed form of every topic.
pub fn listed_topics(deck: &Deck, lang: Lang) -> Vec<ListedTopic> {
    deck.topics()
        .iter()
        .map(|t| ListedTopic {
            id: t.id.clone(),
            title: t.title.get(lang).to_string(),
            sections: t.sections.len(),
            facts: t.facts.len(),
            compares: t.compares.len(),
            scenarios: t.scenarios.len(),
        })
        .collect()
}

/// Prints topics as text: one line each, the counts named in `lang`.
pub fn write_topics_text(topics: &[ListedTopic], lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    for t in topics {
        let counts = crate::text::of(lang).topic_counts(t.sections, t.facts, t.compares, t.scenarios);
        writeln!(out, "{:<20} {}  {counts}", t.id, t.title)?;
    }
    Ok(())
}
