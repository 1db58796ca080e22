//! Questions from facts: a fact's prompt, with its answer among plausible wrong answers.
//!
//! The wrong answers are answers of other facts of the same `group` (facts whose answers are of the same kind:
//! durations, sizes, service names…), taken from the same topic first, then from other topics, in the order
//! of the question's random stream. A candidate is skipped when it reads the same as the right answer or an
//! already picked one (ignoring case and spacing, in any language). Up to three are taken; a fact with fewer
//! than two usable wrong answers gives no question.

use std::collections::HashMap;

use rand::RngExt;

use crate::core::content::{Deck, Fact, Keywords, Lang, Text, global_id};

use super::super::question::{FACT_SUFFIX, QChoice, Question, QuestionSource, shuffled};
use super::super::seed::item_rng;
use super::{per_lang, same};

/// Most wrong answers per question.
pub const MAX_DISTRACTORS: usize = 3;
/// Fewest wrong answers for a question to be worth asking.
pub const MIN_DISTRACTORS: usize = 2;

/// The deck's grouped facts, indexed by group.
#[derive(Debug)]
pub struct FactGroups<'d> {
    deck: &'d Deck,
    /// Group → (topic index, fact) of every fact of that group, in deck order.
    by_group: HashMap<&'d str, Vec<(usize, &'d Fact)>>,
}

impl<'d> FactGroups<'d> {
    /// Indexes every fact of `deck` that has a group.
    pub fn new(deck: &'d Deck) -> FactGroups<'d> {
        let mut by_group: HashMap<&str, Vec<(usize, &Fact)>> = HashMap::new();
        for (t, topic) in deck.topics().iter().enumerate() {
            for fact in &topic.facts {
                if let Some(group) = &fact.group {
                    by_group.entry(group.as_str()).or_default().push((t, fact));
                }
            }
        }
        FactGroups { deck, by_group }
    }

    /// The question for fact `fact` of topic `topic` under `seed`, if it has a group with enough distinct
    /// answers.
    pub fn question(&self, topic: usize, fact: usize, seed: u64) -> Option<Question> {
        let t = self.deck.topics().get(topic)?;
        let f = t.facts.get(fact)?;
        let members = self.by_group.get(f.group.as_deref()?)?;
        let card = global_id(&t.id, &f.id);
        let id = format!("{card}{FACT_SUFFIX}");
        let others = |same_topic: bool| -> Vec<&Fact> {
            members
                .iter()
                .filter(|(mt, m)| (*mt == topic) == same_topic && !std::ptr::eq(*m, f))
                .map(|(_, m)| *m)
                .collect()
        };
        let mut rng = item_rng(seed, &format!("{id}/distractors"));
        let mut picked: Vec<&Fact> = Vec::new();
        for mut pool in [others(true), others(false)] {
            for i in 0..pool.len() {
                if picked.len() == MAX_DISTRACTORS {
                    break;
                }
                // One step of a Fisher–Yates shuffle: only as much of the pool is shuffled as is looked at.
                let j = rng.random_range(i..pool.len());
                pool.swap(i, j);
                let candidate = pool[i];
                let clashes = same(&candidate.answer, &f.answer)
                    || picked.iter().any(|p| same(&p.answer, &candidate.answer));
                if !clashes {
                    picked.push(candidate);
                }
            }
        }
        if picked.len() < MIN_DISTRACTORS {
            return None;
        }
        let mut choices = vec![QChoice {
            text: f.answer.clone(),
            correct: true,
            why: Some(right_reason(f)),
        }];
        choices.extend(picked.iter().map(|p| QChoice {
            text: p.answer.clone(),
            correct: false,
            why: Some(wrong_reason(p)),
        }));
        Some(Question {
            choices: shuffled(choices, seed, &id),
            id,
            card,
            topic: t.id.clone(),
            source: QuestionSource::Fact,
            prompt: f.prompt.clone(),
            keywords: Keywords::default(),
            choose: 1,
            explanation: explanation(f),
            reference: Some(f.source.clone()),
        })
    }
}

fn right_reason(f: &Fact) -> Text {
    f.detail.clone().unwrap_or_else(|| {
        Text::localized(
            "Right: this is the documented answer.",
            "AWS 문서에 나온 답입니다.",
        )
    })
}

/// Why a distractor is wrong: it answers another question, which it names.
fn wrong_reason(other: &Fact) -> Text {
    per_lang(|l| match l {
        Lang::En => format!(
            "That is the answer to another question: “{}”",
            other.prompt.get(l)
        ),
        Lang::Ko => format!("다른 질문에 대한 답입니다: “{}”", other.prompt.get(l)),
    })
}

/// The answer, then the detail and the correction, as paragraphs.
fn explanation(f: &Fact) -> Text {
    per_lang(|l| {
        let head = match l {
            Lang::En => format!("Answer: {}", f.answer.get(l)),
            Lang::Ko => format!("정답: {}", f.answer.get(l)),
        };
        std::iter::once(head)
            .chain(f.detail.iter().map(|d| d.get(l).to_string()))
            .chain(f.correction.iter().map(|c| c.get(l).to_string()))
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}
