//! Questions from facts: a fact's prompt, with its answer among plausible wrong answers.
//!
//! The wrong answers are answers of other facts of the same `group` (facts whose answers are of the same kind:
//! durations, sizes, service names…), taken from the same topic first, then from other topics, in the order
//! of the question's random stream. A candidate is skipped when it reads the same as the right answer or an
//! already picked one (ignoring case and spacing, in any language). Up to three are taken; a fact gives a
//! question whenever its group has two answers that read differently from its own and from each other, and
//! otherwise none, whatever the seed.
//!
//! What a quiz costs is the questions it draws: whether a fact can be asked is known from counts made once
//! per deck, and a question looks at a bounded number of candidates (unless its group holds almost nothing
//! but its own answer), however big its topic and group are.

use std::collections::{HashMap, HashSet};

use rand::RngExt;
use rand::rngs::StdRng;

use crate::core::content::{Deck, Fact, Keywords, Lang, Text, global_id};

use super::super::question::{FACT_SUFFIX, QChoice, Question, QuestionSource, shuffled};
use super::super::seed::item_rng;
use super::{key_of, per_lang};

/// Most wrong answers per question.
pub const MAX_DISTRACTORS: usize = 3;
/// Fewest wrong answers for a question to be worth asking.
pub const MIN_DISTRACTORS: usize = 2;
/// Once [`MIN_DISTRACTORS`] are picked, how many candidates a question looks at in all before it stops
/// looking for a third: in a group where no third exists (its answers are few, or tangled across languages),
/// proving it would mean looking at the whole group, for every question.
pub const LOOK_FOR_MORE: usize = 64;

// A fact is askable when two candidates read differently from each other ([`Group::mark_askable`]): the
// counting there is for pairs, not for bigger sets.
const _: () = assert!(MIN_DISTRACTORS == 2);

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
    /// The distinct answers, as links between an English and a Korean answer.
    links: Links,
    /// Per member: whether its group has [`MIN_DISTRACTORS`] answers that read differently from its own and
    /// from each other, so that it has a question under every seed (and otherwise under none).
    askable: Vec<bool>,
}

/// A group's distinct answers seen as links between an English and a Korean answer (two answers read the same
/// when their links share an end), and how many links each answer has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Links {
    pairs: Set<(u32, u32)>,
    en: Map<u32, usize>,
    ko: Map<u32, usize>,
}

impl Links {
    fn new(answers: &[(u32, u32)]) -> Links {
        let mut links = Links::default();
        for &(en, ko) in answers {
            if links.pairs.insert((en, ko)) {
                *links.en.entry(en).or_default() += 1;
                *links.ko.entry(ko).or_default() += 1;
            }
        }
        links
    }

    /// How many links touch neither of the (different) English answers `en` nor the (different) Korean
    /// answers `ko`: all, but those touching one of them, counting once those that touch two.
    fn avoiding(&self, en: [u32; 2], ko: [u32; 2]) -> usize {
        let touching: usize =
            en.iter().map(|e| self.en[e]).sum::<usize>() + ko.iter().map(|k| self.ko[k]).sum::<usize>();
        let twice = en
            .iter()
            .flat_map(|&e| ko.iter().map(move |&k| (e, k)))
            .filter(|pair| self.pairs.contains(pair))
            .count();
        self.pairs.len() + twice - touching
    }
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

    /// Marks the members that can be asked, from counts over the group's distinct answers, without a pick.
    ///
    /// Take the distinct (English, Korean) answers as edges between English and Korean answers. A member's
    /// candidates are the edges that touch neither its English nor its Korean answer, and two candidates are
    /// usable together when they share no end. Candidates that pairwise share an end all share one end (if
    /// (a, x) and (a, y) are candidates, a third one shares an end with both, so it is (a, …)): so a member
    /// can be asked exactly when its candidates have two English answers and two Korean ones. Its
    /// candidates' English answers are all English answers, but those whose only Korean answer is its own
    /// Korean answer, and but its own English answer when that has another Korean answer; likewise in Korean.
    fn mark_askable(&mut self) {
        self.links = Links::new(&self.answers);
        let Links { pairs, en, ko } = &self.links;
        // Per answer in one language: how many answers of the other have it as their only partner.
        let (mut lone_en_at, mut lone_ko_at): (Map<u32, usize>, Map<u32, usize>) = Default::default();
        for &(e, k) in pairs {
            if en[&e] == 1 {
                *lone_en_at.entry(k).or_default() += 1;
            }
            if ko[&k] == 1 {
                *lone_ko_at.entry(e).or_default() += 1;
            }
        }
        let count = |all: &Map<u32, usize>, lone: &Map<u32, usize>, at: u32, own: u32| {
            all.len() - lone.get(&at).copied().unwrap_or(0) - usize::from(all[&own] > 1)
        };
        self.askable = self
            .answers
            .iter()
            .map(|&(e, k)| {
                let english = count(en, &lone_en_at, k, e);
                let korean = count(ko, &lone_ko_at, e, k);
                english >= MIN_DISTRACTORS && korean >= MIN_DISTRACTORS
            })
            .collect();
    }
}

/// A hash map with a fast, fixed-seed hasher (answers of a big deck are hashed once per deck).
type Map<K, V> = HashMap<K, V, foldhash::fast::FixedState>;
/// A hash set with the same hasher.
type Set<K> = HashSet<K, foldhash::fast::FixedState>;

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
        for group in &mut groups {
            group.count_classes();
            group.mark_askable();
        }
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

    /// Whether [`FactGroups::question`] gives a question for this fact (under any seed, or under none).
    pub fn askable(&self, topic: usize, fact: usize) -> bool {
        self.place(topic, fact)
            .is_some_and(|(g, at)| self.groups[g].askable[at])
    }

    /// The group of a fact and its place in it.
    fn place(&self, topic: usize, fact: usize) -> Option<(usize, usize)> {
        let (g, at) = (*self.member.get(topic)?.get(fact)?)?;
        Some((g as usize, at as usize))
    }

    /// The fact's card id, question id and wrong answers, if it can be asked ([`FactGroups::askable`]).
    ///
    /// The wrong answers come from the facts of the same group in the same topic, then in other topics, in
    /// the order of a Fisher–Yates shuffle driven by the question's own random stream, each taken unless it
    /// reads the same as the right answer or one taken before. Looking stops at [`MAX_DISTRACTORS`], or
    /// after [`LOOK_FOR_MORE`] candidates once [`MIN_DISTRACTORS`] are taken.
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
        if !group.askable[at] {
            return None;
        }
        let card = global_id(&t.id, &f.id);
        let id = format!("{card}{FACT_SUFFIX}");
        let picked = group.walk(topic, at, item_rng(seed, &format!("{id}/distractors")));
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

impl Group {
    /// Whether some member reads differently from both `at` and its candidate `candidate` (which reads
    /// differently from `at`).
    fn has_partner(&self, at: usize, candidate: usize) -> bool {
        let ((e, k), (ce, ck)) = (self.answers[at], self.answers[candidate]);
        self.links.avoiding([e, ce], [k, ck]) > 0
    }

    /// The wrong answers for member `at` of topic `topic`, in the order of `rng` (see [`FactGroups::pick`]).
    ///
    /// When answers are tangled across languages, a candidate may read the same as every other one although
    /// two others do not read the same (x/1 against x/2 and y/1): it is not taken first, or it would be the
    /// only one. Then any member that can be asked gets two wrong answers: a candidate that another one reads
    /// differently from comes first in the order, or that other one would have been taken first.
    ///
    /// Only as much of each pool is shuffled as is looked at, and the pools are never built: a pool position
    /// maps to a place in the group's list by arithmetic, and the few positions a shuffle moved are
    /// remembered. So a question costs the candidates it looks at, not the size of its group.
    fn walk(&self, topic: usize, at: usize, mut rng: StdRng) -> Vec<usize> {
        let run = self.run(topic);
        // Pool positions → places in the group's list: the topic's run without the fact itself, then the rest.
        let same = |i: usize| run.start + i + usize::from(run.start + i >= at);
        let other = |i: usize| if i < run.start { i } else { i + run.len() };
        let pools: [(usize, &dyn Fn(usize) -> usize); 2] =
            [(run.len() - 1, &same), (self.members.len() - run.len(), &other)];
        // When answers that read the same form classes, every class but the fact's own gives one pick at most:
        // once each has, nothing later can be picked, and the rest of the pools need not be looked at.
        let most = self
            .classes
            .map_or(MAX_DISTRACTORS, |classes| (classes - 1).min(MAX_DISTRACTORS));
        let mut picked: Vec<usize> = Vec::new();
        let mut looked = 0;
        'pools: for (len, place) in pools {
            // Positions the shuffle has moved: position → the pool entry now there.
            let mut moved: Map<usize, usize> = Map::default();
            for i in 0..len {
                if picked.len() == most || (picked.len() >= MIN_DISTRACTORS && looked >= LOOK_FOR_MORE) {
                    break 'pools;
                }
                looked += 1;
                #[cfg(test)]
                tests::LOOKED_AT.with(|n| n.set(n.get() + 1));
                // One step of a Fisher–Yates shuffle.
                let j = rng.random_range(i..len);
                let (at_i, at_j) = (*moved.get(&i).unwrap_or(&i), *moved.get(&j).unwrap_or(&j));
                moved.insert(i, at_j);
                moved.insert(j, at_i);
                let candidate = place(at_j);
                let clashes = self.same(candidate, at) || picked.iter().any(|&p| self.same(p, candidate));
                if !clashes && (!picked.is_empty() || self.has_partner(at, candidate)) {
                    picked.push(candidate);
                }
            }
        }
        picked
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

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use proptest::prelude::*;

    use super::{FactGroups, MIN_DISTRACTORS};
    use crate::core::content::{Deck, Lang, SourceFile, load};
    use crate::core::quiz::{QuizOptions, QuizPool, QuizSession};

    thread_local! {
        /// Candidates looked at by [`super::FactGroups::pick`] on this thread (tests run on threads of their own).
        pub(super) static LOOKED_AT: Cell<usize> = const { Cell::new(0) };
    }

    /// How many candidates `work` looks at.
    fn looked_at<R>(work: impl FnOnce() -> R) -> (usize, R) {
        let before = LOOKED_AT.with(Cell::get);
        let result = work();
        (LOOKED_AT.with(Cell::get) - before, result)
    }

    /// A deck of one group whose facts have the given (English, Korean) answers, the first `split` in topic
    /// `a` and the rest in topic `b`.
    fn group_deck(answers: &[(String, String)], split: usize) -> Deck {
        let files: Vec<SourceFile> = [("a", &answers[..split]), ("b", &answers[split..])]
            .into_iter()
            .enumerate()
            .map(|(order, (topic, answers))| {
                let mut text = format!("[topic]\nid = \"{topic}\"\ntitle = \"T\"\norder = {order}\n\n");
                for (f, (en, ko)) in answers.iter().enumerate() {
                    text += &format!(
                        "[[fact]]\nid = \"f{f}\"\nprompt = \"Which {f}?\"\nanswer = {{ en = \"{en}\", ko = \"{ko}\" }}\n\
                         group = \"g\"\nsource = \"https://example.com/{f}\"\n\n"
                    );
                }
                SourceFile {
                    path: format!("{topic}.toml"),
                    text,
                }
            })
            .collect();
        let loaded = load(&files);
        assert_eq!(
            loaded.deck.item_count(),
            answers.len(),
            "{:?}",
            loaded.diagnostics.first()
        );
        loaded.deck
    }

    /// One topic of `facts` facts of one group whose answers cycle through four that match in English or in
    /// Korean without "reads the same" being an equivalence (A/x, A/y, B/y, C/z), as in a replicated deck: a
    /// fact has two usable wrong answers at most, and never a third.
    fn tangled(facts: usize) -> Deck {
        const ANSWERS: [(&str, &str); 4] = [("A", "x"), ("A", "y"), ("B", "y"), ("C", "z")];
        let answers: Vec<(String, String)> = (0..facts)
            .map(|f| ANSWERS[f % ANSWERS.len()])
            .map(|(en, ko)| (en.to_string(), ko.to_string()))
            .collect();
        group_deck(&answers, facts)
    }

    /// Candidates looked at while opening quizzes of ten questions under five seeds on [`tangled`]`(facts)`.
    fn looked_at_opening_quizzes(facts: usize) -> usize {
        let deck = tangled(facts);
        let pool = QuizPool::new(&deck);
        let (looked, ()) = looked_at(|| {
            for seed in 0..5 {
                let options = QuizOptions {
                    topic: None,
                    count: 10,
                    seed,
                };
                let quiz = QuizSession::with_pool(&deck, &pool, &options).unwrap();
                assert_eq!(quiz.questions().len(), 10);
            }
        });
        looked
    }

    /// Opening a quiz looks at the candidates of the questions it draws, not at every fact of the topic, and
    /// not at a question's whole group when it has no third wrong answer (before, every fact of the topic was
    /// tried under the seed, each looking through the whole topic: facts², about half a second at 100,000 facts).
    #[test]
    fn opening_a_quiz_looks_at_as_many_candidates_however_big_the_topic() {
        let (small, big) = (looked_at_opening_quizzes(400), looked_at_opening_quizzes(1_600));
        let questions = 5 * 10;
        assert!(
            big <= questions * 2 * 64,
            "{big} candidates looked at for {questions} questions"
        );
        assert!(big <= 2 * small, "{small} at 400 facts, {big} at 1,600");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whether a fact can be asked, known from counts, is whether two facts of its group have answers
        /// that read differently from its own and from each other (tried pair by pair); such a fact has a
        /// question under every seed, with wrong answers that read differently from the right one and from
        /// each other; and a fact that cannot be asked has none.
        #[test]
        fn a_fact_is_askable_when_two_answers_differ_from_its_own_and_each_other(
            answers in prop::collection::vec((0..4u8, 0..4u8), 1..10),
            split in 0..10usize,
        ) {
            let answers: Vec<(String, String)> =
                answers.iter().map(|(e, k)| (format!("E{e}"), format!("K{k}"))).collect();
            let split = split.min(answers.len());
            let deck = group_deck(&answers, split);
            let groups = FactGroups::new(&deck);
            let same = |a: &(String, String), b: &(String, String)| a.0 == b.0 || a.1 == b.1;
            for (i, own) in answers.iter().enumerate() {
                let (topic, fact) = if i < split { (0, i) } else { (1, i - split) };
                let others: Vec<&(String, String)> =
                    answers.iter().enumerate().filter(|&(j, a)| j != i && !same(a, own)).map(|(_, a)| a).collect();
                let two = others.iter().enumerate().any(|(j, a)| others[j + 1..].iter().any(|b| !same(a, b)));
                prop_assert_eq!(groups.askable(topic, fact), two, "{:?}, fact {}", answers, i);
                for seed in 0..4 {
                    let question = groups.question(&deck, topic, fact, seed);
                    prop_assert_eq!(question.is_some(), two, "{:?}, fact {}, seed {}", answers, i, seed);
                    let Some(question) = question else { continue };
                    let texts: Vec<(String, String)> = question
                        .choices
                        .iter()
                        .map(|c| (c.text.get(Lang::En).to_string(), c.text.get(Lang::Ko).to_string()))
                        .collect();
                    prop_assert!(texts.len() > MIN_DISTRACTORS);
                    for (j, a) in texts.iter().enumerate() {
                        prop_assert!(texts[j + 1..].iter().all(|b| !same(a, b)), "{:?}", texts);
                    }
                }
            }
        }
    }

    /// A fact that cannot be asked is known to be so without looking at a candidate.
    #[test]
    fn a_fact_that_cannot_be_asked_costs_no_look() {
        let answers: Vec<(String, String)> = ["A", "A", "B"]
            .iter()
            .map(|a| (a.to_string(), a.to_string()))
            .collect();
        let deck = group_deck(&answers, 3);
        let groups = FactGroups::new(&deck);
        let (looked, question) = looked_at(|| groups.question(&deck, 0, 2, 1));
        assert!(question.is_none() && !groups.askable(0, 2));
        assert_eq!(looked, 0);
    }
}
