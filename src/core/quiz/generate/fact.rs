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
use super::{key_of, per_lang};

/// Most wrong answers per question.
pub const MAX_DISTRACTORS: usize = 3;
/// Fewest wrong answers for a question to be worth asking.
pub const MIN_DISTRACTORS: usize = 2;

/// The deck's grouped facts, indexed by group, and how their answers compare: what the questions of any seed
/// are drawn from. It holds positions, not the facts, so it can be built once per deck and kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactGroups {
    /// Each group's facts and answers, in order of first appearance.
    groups: Vec<Group>,
    /// Per topic, per fact: its group and its place in the group's list (facts without a group have none).
    member: Vec<Vec<Option<(u32, u32)>>>,
}

/// One group's facts and how their answers compare.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Group {
    /// (topic index, fact index) of every fact of the group, in deck order (so a topic's facts are one run).
    members: Vec<(u32, u32)>,
    /// Per member: which English and which Korean answer it has (answers read the same when their keys do),
    /// so two answers are compared by two numbers.
    answers: Vec<(u32, u32)>,
    /// How many sets of members whose answers read the same the group falls into, when "reads the same" is an
    /// equivalence in it (no answer matches one in English and another in Korean); `None` otherwise.
    classes: Option<usize>,
}

impl Group {
    /// Whether the answers of members `a` and `b` read the same in some language.
    fn same(&self, a: usize, b: usize) -> bool {
        let (x, y) = (self.answers[a], self.answers[b]);
        x.0 == y.0 || x.1 == y.1
    }

    /// The members whose facts are in `topic`.
    fn run(&self, topic: usize) -> std::ops::Range<usize> {
        let at = |t: &(u32, u32)| t.0 as usize;
        self.members.partition_point(|m| at(m) < topic)..self.members.partition_point(|m| at(m) <= topic)
    }

    /// Sorts members into sets that read the same and counts them, if that is an equivalence: the members
    /// linked by a shared English or Korean answer, each set having one English or one Korean answer for all.
    fn count_classes(&mut self) {
        let n = self.answers.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        let (mut first_en, mut first_ko) = (Map::default(), Map::default());
        for (i, &(en, ko)) in self.answers.iter().enumerate() {
            for first in [*first_en.entry(en).or_insert(i), *first_ko.entry(ko).or_insert(i)] {
                let (a, b) = (root(&mut parent, i), root(&mut parent, first));
                parent[a] = b;
            }
        }
        // Per set: its one English answer and one Korean answer so far (None once they differ).
        let mut sets: Map<usize, (Option<u32>, Option<u32>)> = Map::default();
        for (i, &(en, ko)) in self.answers.iter().enumerate() {
            let set = sets.entry(root(&mut parent, i)).or_insert((Some(en), Some(ko)));
            set.0 = set.0.filter(|&e| e == en);
            set.1 = set.1.filter(|&k| k == ko);
        }
        let equivalence = sets.values().all(|(en, ko)| en.is_some() || ko.is_some());
        self.classes = equivalence.then_some(sets.len());
    }
}

/// A hash map with a fast, fixed-seed hasher (answers of a big deck are hashed once per deck).
type Map<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

impl FactGroups {
    /// Indexes every fact of `deck` that has a group, and how its answer compares with the others'.
    pub fn new(deck: &Deck) -> FactGroups {
        let mut index: Map<&str, u32> = Map::default();
        let mut groups: Vec<Group> = Vec::new();
        let mut member = Vec::with_capacity(deck.topics().len());
        // Answer keys → numbers, per language.
        let mut keys: [Map<String, u32>; 2] = Default::default();
        for (t, topic) in deck.topics().iter().enumerate() {
            let places = topic
                .facts
                .iter()
                .enumerate()
                .map(|(f, fact)| {
                    let fresh = groups.len() as u32;
                    let g = *index.entry(fact.group.as_deref()?).or_insert(fresh);
                    if g == fresh {
                        groups.push(Group::default());
                    }
                    let group = &mut groups[g as usize];
                    let [en, ko] = [Lang::En, Lang::Ko].map(|lang| {
                        let known = &mut keys[lang as usize];
                        let fresh = known.len() as u32;
                        *known.entry(key_of(fact.answer.get(lang))).or_insert(fresh)
                    });
                    group.members.push((t as u32, f as u32));
                    group.answers.push((en, ko));
                    Some((g, group.members.len() as u32 - 1))
                })
                .collect();
            member.push(places);
        }
        groups.iter_mut().for_each(Group::count_classes);
        FactGroups { groups, member }
    }

    /// The question for fact `fact` of topic `topic` of `deck` (the deck these groups were built from) under
    /// `seed`, if it has a group with enough distinct answers.
    pub fn question(&self, deck: &Deck, topic: usize, fact: usize, seed: u64) -> Option<Question> {
        let t = deck.topics().get(topic)?;
        let f = t.facts.get(fact)?;
        let (card, id, picked) = self.pick(deck, topic, fact, seed)?;
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

    /// Whether [`FactGroups::question`] gives a question for this fact under `seed`, without building it.
    ///
    /// When answers that read the same fall into classes, the picks are one per class other than the fact's
    /// own, whatever the order: the fact has a question under every seed when its group has three classes or
    /// more. Only a group where that is not so is asked seed by seed.
    pub fn askable(&self, deck: &Deck, topic: usize, fact: usize, seed: u64) -> bool {
        let Some((g, _)) = self.place(topic, fact) else {
            return false;
        };
        match self.groups[g].classes {
            Some(classes) => classes > MIN_DISTRACTORS,
            None => self.pick(deck, topic, fact, seed).is_some(),
        }
    }

    /// The group of a fact and its place in it.
    fn place(&self, topic: usize, fact: usize) -> Option<(usize, usize)> {
        let (g, at) = (*self.member.get(topic)?.get(fact)?)?;
        Some((g as usize, at as usize))
    }

    /// The fact's card id, question id and wrong answers, if it has at least [`MIN_DISTRACTORS`].
    ///
    /// The wrong answers come from the facts of the same group in the same topic, then in other topics, in
    /// the order of a Fisher–Yates shuffle driven by the question's own random stream. Only as much of each
    /// pool is shuffled as is looked at, and the pools are never built: a pool position maps to a place in
    /// the group's list by arithmetic, and the few positions a shuffle moved are remembered. So a fact costs
    /// the candidates it looks at, not the size of its group (a group has thousands of facts in a big deck).
    fn pick<'d>(
        &self,
        deck: &'d Deck,
        topic: usize,
        fact: usize,
        seed: u64,
    ) -> Option<(String, String, Vec<&'d Fact>)> {
        let t = deck.topics().get(topic)?;
        let f = t.facts.get(fact)?;
        let (g, at) = self.place(topic, fact)?;
        let group = &self.groups[g];
        let run = group.run(topic);
        // Pool positions → places in the group's list: the topic's run without the fact itself, then the rest.
        let same = |i: usize| run.start + i + usize::from(run.start + i >= at);
        let other = |i: usize| if i < run.start { i } else { i + run.len() };
        let pools: [(usize, &dyn Fn(usize) -> usize); 2] =
            [(run.len() - 1, &same), (group.members.len() - run.len(), &other)];
        // When answers that read the same form classes, every class but the fact's own gives one pick at most:
        // once each has, nothing later can be picked, and the rest of the pools need not be looked at.
        let most = group
            .classes
            .map_or(MAX_DISTRACTORS, |classes| (classes - 1).min(MAX_DISTRACTORS));
        let card = global_id(&t.id, &f.id);
        let id = format!("{card}{FACT_SUFFIX}");
        let mut rng = item_rng(seed, &format!("{id}/distractors"));
        let mut picked: Vec<usize> = Vec::new();
        for (len, place) in pools {
            // Positions the shuffle has moved: position → the pool entry now there.
            let mut moved: Map<usize, usize> = Map::default();
            for i in 0..len {
                if picked.len() == most {
                    break;
                }
                // One step of a Fisher–Yates shuffle.
                let j = rng.random_range(i..len);
                let (at_i, at_j) = (*moved.get(&i).unwrap_or(&i), *moved.get(&j).unwrap_or(&j));
                moved.insert(i, at_j);
                moved.insert(j, at_i);
                let candidate = place(at_j);
                let clashes = group.same(candidate, at) || picked.iter().any(|&p| group.same(p, candidate));
                if !clashes {
                    picked.push(candidate);
                }
            }
        }
        let picked: Vec<&Fact> = picked
            .into_iter()
            .filter_map(|p| {
                let (mt, mf) = group.members[p];
                deck.topics().get(mt as usize)?.facts.get(mf as usize)
            })
            .collect();
        (picked.len() >= MIN_DISTRACTORS).then_some((card, id, picked))
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
