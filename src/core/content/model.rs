//! The validated deck: what the rest of the program trusts.
//!
//! A [`Deck`] is built only by [`super::load`]; every id is well-formed and unique, every text is non-empty
//! and has a value for every language, every scenario has a correct choice. Items are addressed by their
//! global id `topic/item` ([`ItemRef`] resolves one).

use std::collections::HashMap;

use foldhash::fast::FixedState;

use serde::{Deserialize, Serialize};

use super::glossary::Glossary;
use super::month::YearMonth;
use super::text::{Keywords, Text};

/// A whole deck: topics in display order.
#[derive(Debug, Clone, Default)]
pub struct Deck {
    topics: Vec<Topic>,
    /// Global id → item, hashed with a fast fixed-seed hasher (ids are looked up per card by the counts).
    index: HashMap<String, ItemRef, FixedState>,
    glossary: Glossary,
    /// Every card (fact and scenario) in deck order: its global id, made once here, and where it lives.
    /// A topic's cards are one run of it ([`Deck::topic_cards`]).
    cards: Vec<(Box<str>, ItemRef)>,
    /// Per topic, where its run of `cards` ends.
    topic_ends: Vec<usize>,
}

/// One topic file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Topic {
    /// Topic id (`lambda`).
    pub id: String,
    /// Title.
    pub title: Text,
    /// One-line summary, if the author wrote one.
    pub summary: Option<Text>,
    /// Sort key.
    pub order: i64,
    /// The file it came from.
    pub path: String,
    /// Notes to read.
    #[serde(deserialize_with = "exact_vec")]
    pub sections: Vec<Section>,
    /// Flashcard facts.
    #[serde(deserialize_with = "exact_vec")]
    pub facts: Vec<Fact>,
    /// Comparison tables.
    #[serde(deserialize_with = "exact_vec")]
    pub compares: Vec<Compare>,
    /// Exam-style questions.
    #[serde(deserialize_with = "exact_vec")]
    pub scenarios: Vec<Scenario>,
}

/// A note to read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Section {
    /// Item id within the topic.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Body: paragraphs separated by blank lines, `- ` bullets.
    pub body: Text,
    /// Source URLs.
    #[serde(deserialize_with = "exact_vec")]
    pub sources: Vec<String>,
}

/// One atomic fact; a flashcard.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Fact {
    /// Item id within the topic.
    pub id: String,
    /// Question side.
    pub prompt: Text,
    /// Answer side.
    pub answer: Text,
    /// Extra explanation shown after the answer.
    pub detail: Option<Text>,
    /// What common sources get wrong.
    pub correction: Option<Text>,
    /// Facts with answers of the same kind share a group.
    pub group: Option<String>,
    /// Ids of items of the same topic that give each other's answers away: never introduced as new cards
    /// on the same study day.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "exact_vec"
    )]
    pub related: Vec<String>,
    /// Source URL.
    pub source: String,
    /// The month the fact was last checked against its source, if the author recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<YearMonth>,
}

/// A comparison table: options are columns, rows are attributes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Compare {
    /// Item id within the topic.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Column headers.
    #[serde(deserialize_with = "exact_vec")]
    pub options: Vec<Text>,
    /// Rows; each has exactly one value per option.
    #[serde(deserialize_with = "exact_vec")]
    pub rows: Vec<CompareRow>,
    /// Source URLs.
    #[serde(deserialize_with = "exact_vec")]
    pub sources: Vec<String>,
}

/// One attribute of a comparison.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CompareRow {
    /// Row header.
    pub attribute: Text,
    /// One value per option, in option order.
    #[serde(deserialize_with = "exact_vec")]
    pub values: Vec<Text>,
}

/// An exam-style multiple-choice question.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Scenario {
    /// Item id within the topic.
    pub id: String,
    /// The situation and the question.
    pub prompt: Text,
    /// Phrases of the prompt to highlight.
    pub keywords: Keywords,
    /// Why the right answer is right.
    pub explanation: Text,
    /// Source URL.
    pub source: String,
    /// The month the scenario was last checked against its source, if the author recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<YearMonth>,
    /// Ids of items of the same topic that give each other's answers away (see [`Fact::related`]).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "exact_vec"
    )]
    pub related: Vec<String>,
    /// The options; at least one is correct.
    #[serde(deserialize_with = "exact_vec")]
    pub choices: Vec<Choice>,
}

impl Scenario {
    /// How many choices are correct ("choose N").
    pub fn correct_count(&self) -> usize {
        self.choices.iter().filter(|c| c.correct).count()
    }
}

/// One option of a scenario.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Choice {
    /// The option text.
    pub text: Text,
    /// Whether it is (one of) the right answer(s).
    pub correct: bool,
    /// Why it is right or wrong.
    pub why: Text,
}

/// The kind of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// [`Section`].
    Section,
    /// [`Fact`].
    Fact,
    /// [`Compare`].
    Compare,
    /// [`Scenario`].
    Scenario,
}

impl ItemKind {
    /// The kind's name as written in files (`fact`).
    pub fn name(self) -> &'static str {
        match self {
            ItemKind::Section => "section",
            ItemKind::Fact => "fact",
            ItemKind::Compare => "compare",
            ItemKind::Scenario => "scenario",
        }
    }
}

/// Where an item lives: its topic's position and its position among the items of its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ItemRef {
    /// Index into [`Deck::topics`].
    pub topic: usize,
    /// Kind of item.
    pub kind: ItemKind,
    /// Index among the topic's items of that kind.
    pub index: usize,
}

/// A borrowed view of any item.
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    /// A section.
    Section(&'a Section),
    /// A fact.
    Fact(&'a Fact),
    /// A comparison.
    Compare(&'a Compare),
    /// A scenario.
    Scenario(&'a Scenario),
}

impl<'a> Item<'a> {
    /// The item's id within its topic.
    pub fn id(&self) -> &'a str {
        match self {
            Item::Section(s) => &s.id,
            Item::Fact(f) => &f.id,
            Item::Compare(c) => &c.id,
            Item::Scenario(s) => &s.id,
        }
    }

    /// The item's kind.
    pub fn kind(&self) -> ItemKind {
        match self {
            Item::Section(_) => ItemKind::Section,
            Item::Fact(_) => ItemKind::Fact,
            Item::Compare(_) => ItemKind::Compare,
            Item::Scenario(_) => ItemKind::Scenario,
        }
    }

    /// The item's headline: a title or a prompt.
    pub fn headline(&self) -> &'a Text {
        match self {
            Item::Section(s) => &s.title,
            Item::Fact(f) => &f.prompt,
            Item::Compare(c) => &c.title,
            Item::Scenario(s) => &s.prompt,
        }
    }
}

impl Topic {
    /// Every item of the topic with its ref, in kind order (sections, facts, comparisons, scenarios).
    pub fn items(&self, topic_index: usize) -> impl Iterator<Item = (ItemRef, Item<'_>)> {
        let at = move |kind, index| ItemRef {
            topic: topic_index,
            kind,
            index,
        };
        let sections = self
            .sections
            .iter()
            .enumerate()
            .map(move |(i, s)| (at(ItemKind::Section, i), Item::Section(s)));
        let facts = self
            .facts
            .iter()
            .enumerate()
            .map(move |(i, f)| (at(ItemKind::Fact, i), Item::Fact(f)));
        let compares = self
            .compares
            .iter()
            .enumerate()
            .map(move |(i, c)| (at(ItemKind::Compare, i), Item::Compare(c)));
        let scenarios = self
            .scenarios
            .iter()
            .enumerate()
            .map(move |(i, s)| (at(ItemKind::Scenario, i), Item::Scenario(s)));
        sections.chain(facts).chain(compares).chain(scenarios)
    }

    /// How many items the topic has, of all kinds.
    pub fn item_count(&self) -> usize {
        self.sections.len() + self.facts.len() + self.compares.len() + self.scenarios.len()
    }
}

impl Deck {
    /// Builds a deck from validated topics, sorting them by `order` then path and indexing every item.
    pub(super) fn new(mut topics: Vec<Topic>) -> Deck {
        topics.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.path.cmp(&b.path)));
        let mut index = HashMap::default();
        let mut cards = Vec::new();
        let mut topic_ends = Vec::with_capacity(topics.len());
        for (t, topic) in topics.iter().enumerate() {
            for (item_ref, item) in topic.items(t) {
                let id = global_id(&topic.id, item.id());
                if matches!(item_ref.kind, ItemKind::Fact | ItemKind::Scenario) {
                    cards.push((id.clone().into_boxed_str(), item_ref));
                }
                index.insert(id, item_ref);
            }
            topic_ends.push(cards.len());
        }
        cards.shrink_to_fit();
        Deck {
            topics,
            index,
            glossary: Glossary::default(),
            cards,
            topic_ends,
        }
    }

    /// The same deck with this glossary.
    pub(super) fn with_glossary(mut self, glossary: Glossary) -> Deck {
        self.glossary = glossary;
        self
    }

    /// The deck's glossary (empty when the deck has none).
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// The topics in display order.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// The topic with this id.
    pub fn topic(&self, id: &str) -> Option<(usize, &Topic)> {
        self.topics.iter().enumerate().find(|(_, t)| t.id == id)
    }

    /// Resolves a global id (`topic/item`).
    pub fn find(&self, global_id: &str) -> Option<ItemRef> {
        self.index.get(global_id).copied()
    }

    /// The item an [`ItemRef`] points at.
    pub fn item(&self, r: ItemRef) -> Option<Item<'_>> {
        let topic = self.topics.get(r.topic)?;
        Some(match r.kind {
            ItemKind::Section => Item::Section(topic.sections.get(r.index)?),
            ItemKind::Fact => Item::Fact(topic.facts.get(r.index)?),
            ItemKind::Compare => Item::Compare(topic.compares.get(r.index)?),
            ItemKind::Scenario => Item::Scenario(topic.scenarios.get(r.index)?),
        })
    }

    /// The global id of an item.
    pub fn global_id(&self, r: ItemRef) -> Option<String> {
        let topic = self.topics.get(r.topic)?;
        Some(global_id(&topic.id, self.item(r)?.id()))
    }

    /// Every item of the deck, in display order.
    pub fn items(&self) -> impl Iterator<Item = (ItemRef, Item<'_>)> {
        self.topics
            .iter()
            .enumerate()
            .flat_map(|(t, topic)| topic.items(t))
    }

    /// Every studyable card (facts and scenarios) in deck order, with its global id.
    pub fn cards(&self) -> impl Iterator<Item = (String, ItemRef)> + '_ {
        self.cards.iter().map(|(id, r)| (id.to_string(), *r))
    }

    /// Every card in deck order, with its global id as the deck holds it (nothing is built per call).
    pub fn card_ids(&self) -> &[(Box<str>, ItemRef)] {
        &self.cards
    }

    /// The position in [`Deck::card_ids`] of the card an [`ItemRef`] points at (`None` for an item that is
    /// not a card). A topic's cards are its facts, then its scenarios.
    pub fn card_position(&self, r: ItemRef) -> Option<usize> {
        let topic = self.topics.get(r.topic)?;
        let within = match r.kind {
            ItemKind::Fact if r.index < topic.facts.len() => r.index,
            ItemKind::Scenario if r.index < topic.scenarios.len() => topic.facts.len() + r.index,
            _ => return None,
        };
        Some(self.topic_cards(r.topic).start + within)
    }

    /// The positions in [`Deck::card_ids`] of the cards of topic `topic` (index into [`Deck::topics`]).
    pub fn topic_cards(&self, topic: usize) -> std::ops::Range<usize> {
        let end = self.topic_ends.get(topic).copied().unwrap_or(0);
        let start = topic
            .checked_sub(1)
            .and_then(|t| self.topic_ends.get(t))
            .copied()
            .unwrap_or(0);
        start.min(end)..end
    }

    /// Total number of items.
    pub fn item_count(&self) -> usize {
        self.index.len()
    }
}

/// Joins a topic id and an item id into a global id.
pub fn global_id(topic: &str, item: &str) -> String {
    format!("{topic}/{item}")
}

/// Reads a list into a vector of exactly its length. A deck read back from the cache
/// (`crate::io::deck_cache`) holds hundreds of thousands of short lists, and the doubling a growing vector
/// does would leave a fifth of the deck's memory allocated and unused.
pub(crate) fn exact_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut list = Vec::<T>::deserialize(deserializer)?;
    list.shrink_to_fit();
    Ok(list)
}
