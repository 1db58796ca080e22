//! The scope of a session: the whole deck or one topic, and the questions it offers.

use crate::core::content::Deck;

use super::error::QuizError;
use super::generate::Generator;
use super::question::Question;

/// A scenario of the deck, by position: index into [`Deck::topics`], then into the topic's scenarios.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScenarioRef {
    /// The topic.
    pub topic: usize,
    /// The scenario within it.
    pub scenario: usize,
}

impl ScenarioRef {
    /// The scenario's question, choices shuffled under `seed` (`None` if it has no right choice).
    pub fn question(self, deck: &Deck, seed: u64) -> Option<Question> {
        let topic = deck.topics().get(self.topic)?;
        Question::from_scenario(&topic.id, topic.scenarios.get(self.scenario)?, seed)
    }
}

/// The topics a session draws from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    topics: Vec<usize>,
    topic: Option<String>,
}

impl Scope {
    /// The whole deck, or only the topic with id `topic`; an unknown id is [`QuizError::UnknownTopic`].
    pub fn new(deck: &Deck, topic: Option<&str>) -> Result<Scope, QuizError> {
        let Some(id) = topic else {
            return Ok(Scope {
                topics: (0..deck.topics().len()).collect(),
                topic: None,
            });
        };
        match deck.topic(id) {
            Some((index, _)) => Ok(Scope {
                topics: vec![index],
                topic: Some(id.to_string()),
            }),
            None => Err(QuizError::UnknownTopic {
                topic: id.to_string(),
                known: deck.topics().iter().map(|t| t.id.clone()).collect(),
            }),
        }
    }

    /// Indices into [`Deck::topics`] of the topics in scope, in display order.
    pub fn topics(&self) -> &[usize] {
        &self.topics
    }

    /// "the deck" or "topic `x`", for messages.
    pub fn describe(&self) -> String {
        match &self.topic {
            None => "the deck".to_string(),
            Some(t) => format!("topic `{t}`"),
        }
    }

    /// The question of every scenario in scope, grouped by topic, in deck order, choices shuffled under `seed`.
    pub fn scenarios(&self, deck: &Deck, seed: u64) -> Vec<Vec<Question>> {
        self.scenario_refs(deck)
            .into_iter()
            .map(|pool| pool.into_iter().filter_map(|s| s.question(deck, seed)).collect())
            .collect()
    }

    /// Every scenario in scope that makes a question, grouped by topic, in deck order, without building the
    /// questions: what a draw picks from (see [`ScenarioRef::question`]).
    pub fn scenario_refs(&self, deck: &Deck) -> Vec<Vec<ScenarioRef>> {
        self.topics
            .iter()
            .filter_map(|&t| deck.topics().get(t).map(|topic| (t, topic)))
            .map(|(t, topic)| {
                (0..topic.scenarios.len())
                    .filter(|&s| topic.scenarios[s].correct_count() > 0)
                    .map(|scenario| ScenarioRef { topic: t, scenario })
                    .collect()
            })
            .collect()
    }

    /// Every question generated from the topics in scope under `seed`, in deck order.
    pub fn generated(&self, deck: &Deck, seed: u64) -> Vec<Question> {
        Generator::new(deck, seed).all(&self.topics)
    }

    /// The ids of the topics in scope, in display order (the order of score breakdowns).
    pub fn topic_ids(&self, deck: &Deck) -> Vec<String> {
        self.topics
            .iter()
            .filter_map(|&t| deck.topics().get(t))
            .map(|t| t.id.clone())
            .collect()
    }
}
