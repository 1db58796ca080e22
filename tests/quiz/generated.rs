//! Generated questions: right answers, distractors, distinct choices, determinism, rebuilding by id.

use std::collections::HashSet;

use proptest::prelude::*;
use recall::core::content::{Deck, Lang};
use recall::core::quiz::generate::Generator;
use recall::core::quiz::{Question, QuestionSource};

use super::support::{bundled, fact, key, load, topic};

fn all(deck: &Deck, seed: u64) -> Vec<Question> {
    Generator::new(deck, seed).all(&(0..deck.topics().len()).collect::<Vec<_>>())
}

fn find<'a>(questions: &'a [Question], id: &str) -> Option<&'a Question> {
    questions.iter().find(|q| q.id == id)
}

fn answers(q: &Question, right: bool) -> Vec<String> {
    q.choices
        .iter()
        .filter(|c| c.correct == right)
        .map(|c| c.text.get(Lang::En).to_string())
        .collect()
}

/// Topic `a` has four `size` facts, topic `b` three more.
fn sizes_deck() -> Deck {
    let a = topic("a", 1)
        + &fact("a1", "1 MB", Some("size"))
        + &fact("a2", "2 MB", Some("size"))
        + &fact("a3", "3 MB", Some("size"))
        + &fact("a4", "4 MB", Some("size"))
        + &fact("lone", "no group", None);
    let b = topic("b", 2)
        + &fact("b1", "10 MB", Some("size"))
        + &fact("b2", "20 MB", Some("size"))
        + &fact("b3", "30 MB", Some("size"));
    load(vec![("a.toml".into(), a), ("b.toml".into(), b)])
}

#[test]
fn a_fact_question_is_its_answer_among_answers_of_its_group_same_topic_first() {
    let deck = &sizes_deck();
    for seed in 0..20 {
        let qs = all(deck, seed);
        let q = find(&qs, "a/a1#pick").expect("a1 has a question");
        assert_eq!(q.card, "a/a1");
        assert_eq!(q.source, QuestionSource::Fact);
        assert_eq!(answers(q, true), vec!["1 MB"]);
        let mut wrong = answers(q, false);
        wrong.sort();
        assert_eq!(
            wrong,
            vec!["2 MB", "3 MB", "4 MB"],
            "topic a's own answers come first"
        );
        // b has only three facts of the group in its topic: b1 gets b2, b3 and one from a.
        let q = find(&qs, "b/b1#pick").unwrap();
        let wrong = answers(q, false);
        assert_eq!(wrong.len(), 3);
        assert!(wrong.contains(&"20 MB".to_string()) && wrong.contains(&"30 MB".to_string()));
        assert!(
            wrong
                .iter()
                .any(|w| ["1 MB", "2 MB", "3 MB", "4 MB"].contains(&w.as_str()))
        );
    }
    assert!(
        find(&all(deck, 0), "a/lone#pick").is_none(),
        "a fact without a group gives no question"
    );
}

#[test]
fn every_wrong_answer_says_which_question_it_answers_and_the_explanation_has_the_detail() {
    let deck = &sizes_deck();
    let qs = all(deck, 5);
    let q = find(&qs, "a/a1#pick").unwrap();
    for c in q.choices.iter().filter(|c| !c.correct) {
        let why = c.why.as_ref().unwrap().get(Lang::En);
        let n = &c.text.get(Lang::En)[..1];
        assert!(why.contains(&format!("Prompt of a{n}?")), "{why}");
    }
    let right = q.choices.iter().find(|c| c.correct).unwrap();
    assert_eq!(right.why.as_ref().unwrap().get(Lang::En), "Detail of a1.");
    assert!(q.explanation.get(Lang::En).starts_with("Answer: 1 MB"));
    assert!(q.explanation.get(Lang::Ko).contains("a1 설명."));
}

#[test]
fn answers_that_read_the_same_are_never_offered_twice_and_too_few_means_no_question() {
    let base = topic("t", 1)
        + &fact("right", "15 minutes", Some("d"))
        + &fact("same-as-right", "15  MINUTES", Some("d"))
        + &fact("x", "1 day", Some("d"))
        + &fact("x-again", "1 Day", Some("d"));
    // Only one usable wrong answer ("1 day"): no question for `right`.
    let deck = &load(vec![("t.toml".into(), base.clone())]);
    for seed in 0..10 {
        assert!(find(&all(deck, seed), "t/right#pick").is_none());
    }
    // One more distinct answer makes two: a question with three choices, all distinct.
    let deck = &load(vec![("t.toml".into(), base + &fact("y", "7 days", Some("d")))]);
    for seed in 0..10 {
        let qs = all(deck, seed);
        let q = find(&qs, "t/right#pick").unwrap();
        let keys: HashSet<String> = q.choices.iter().map(|c| key(&c.text, Lang::En)).collect();
        assert_eq!(q.choices.len(), 3);
        assert_eq!(
            keys,
            HashSet::from(["15 minutes".into(), "1 day".into(), "7 days".into()])
        );
    }
}

#[test]
fn comparison_rows_with_coinciding_values_are_skipped_on_the_bundled_deck() {
    let deck = bundled();
    let qs = all(deck, 1);
    for (t, topic) in deck.topics().iter().enumerate() {
        for c in &topic.compares {
            for (r, row) in c.rows.iter().enumerate() {
                let id = format!("{}/{}#row{r}", topic.id, c.id);
                let distinct = Lang::ALL.iter().all(|&l| {
                    let keys: HashSet<String> = row.values.iter().map(|v| key(v, l)).collect();
                    keys.len() == row.values.len()
                });
                assert_eq!(find(&qs, &id).is_some(), distinct, "{id} (topic {t})");
            }
        }
    }
}

#[test]
fn any_generated_question_can_be_rebuilt_from_its_id() {
    let deck = bundled();
    let generator = Generator::new(deck, 42);
    let qs = all(deck, 42);
    assert!(qs.len() > 20);
    for q in &qs {
        assert_eq!(generator.question(&q.id).as_ref(), Some(q), "{}", q.id);
    }
    for bad in [
        "nope/x#row0",
        "lambda#row0",
        "edge-functions/cf-vs-le#rowx",
        "edge-functions/x#pick",
        "",
    ] {
        assert!(generator.question(bad).is_none(), "{bad}");
    }
}

#[test]
fn generation_is_deterministic_by_seed() {
    let deck = bundled();
    assert_eq!(all(deck, 7), all(deck, 7));
    let orders: HashSet<Vec<String>> = (0..5)
        .map(|seed| {
            all(deck, seed)
                .iter()
                .flat_map(|q| q.choices.iter().map(|c| c.text.get(Lang::En).to_string()))
                .collect()
        })
        .collect();
    assert_eq!(orders.len(), 5, "five seeds, five different shuffles");
}

fn check_question(q: &Question) -> Result<(), TestCaseError> {
    prop_assert_eq!(q.choose, 1, "{}", q.id);
    prop_assert_eq!(q.choices.iter().filter(|c| c.correct).count(), 1, "{}", q.id);
    prop_assert!(q.choices.len() >= 2, "{}", q.id);
    if q.source == QuestionSource::Fact {
        prop_assert!((3..=4).contains(&q.choices.len()), "{}", q.id);
    }
    for lang in Lang::ALL {
        let keys: HashSet<String> = q.choices.iter().map(|c| key(&c.text, lang)).collect();
        prop_assert_eq!(
            keys.len(),
            q.choices.len(),
            "{} has equal choices in {}",
            q.id,
            lang
        );
        let prompt = q.prompt.get(lang).to_lowercase();
        for k in q.keywords.get(lang) {
            prop_assert!(
                prompt.contains(&k.to_lowercase()),
                "{}: keyword {} not in prompt",
                q.id,
                k
            );
        }
    }
    prop_assert!(q.choices.iter().all(|c| c.why.is_some()), "{}", q.id);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// On the real bundled deck, under any seed: every generated question has exactly one right answer and
    /// pairwise-distinct choices in every language, and both kinds of source are present.
    #[test]
    fn generated_questions_have_one_right_answer_and_distinct_choices(seed in any::<u64>()) {
        let deck = bundled();
        let qs = all(deck, seed);
        let ids: HashSet<&str> = qs.iter().map(|q| q.id.as_str()).collect();
        prop_assert_eq!(ids.len(), qs.len(), "question ids are unique");
        prop_assert!(qs.iter().any(|q| q.source == QuestionSource::Fact));
        let from_compare = qs.iter().any(|q| matches!(q.source, QuestionSource::CompareRow { .. }));
        prop_assert!(from_compare, "no question from a comparison row");
        for q in &qs {
            check_question(q)?;
        }
    }
}

/// The distractor picks as a plain model of them makes them, building each pool in full: the group's facts of
/// the same topic (but the fact itself), then of other topics, in deck order, each shuffled by Fisher–Yates
/// steps only as far as looked at, skipping an answer that reads as the right one or one picked already, and
/// as first pick one that no other candidate reads differently from; stopping at three, or after 64
/// candidates once two are picked.
fn picks_by_full_pools(deck: &Deck, topic: usize, fact: usize, seed: u64) -> Option<Vec<String>> {
    use rand::RngExt;
    let t = &deck.topics()[topic];
    let f = &t.facts[fact];
    let group = f.group.as_deref()?;
    let members: Vec<(usize, &recall::core::content::Fact)> = deck
        .topics()
        .iter()
        .enumerate()
        .flat_map(|(i, t)| t.facts.iter().map(move |f| (i, f)))
        .filter(|(_, m)| m.group.as_deref() == Some(group))
        .collect();
    let same = |a: &recall::core::content::Text, b: &recall::core::content::Text| {
        Lang::ALL.iter().any(|&l| key(a, l) == key(b, l))
    };
    let id = format!("{}/{}#pick", t.id, f.id);
    let mut rng = recall::core::quiz::seed::item_rng(seed, &format!("{id}/distractors"));
    let mut picked: Vec<&recall::core::content::Fact> = Vec::new();
    let mut looked = 0;
    for same_topic in [true, false] {
        let mut pool: Vec<_> = members
            .iter()
            .filter(|(mt, m)| (*mt == topic) == same_topic && !std::ptr::eq(*m, f))
            .map(|(_, m)| *m)
            .collect();
        for i in 0..pool.len() {
            if picked.len() == 3 || (picked.len() >= 2 && looked >= 64) {
                break;
            }
            looked += 1;
            let j = rng.random_range(i..pool.len());
            pool.swap(i, j);
            let candidate = pool[i];
            let partner = members
                .iter()
                .any(|(_, m)| !same(&m.answer, &f.answer) && !same(&m.answer, &candidate.answer));
            if !same(&candidate.answer, &f.answer)
                && !picked.iter().any(|p| same(&p.answer, &candidate.answer))
                && (!picked.is_empty() || partner)
            {
                picked.push(candidate);
            }
        }
    }
    (picked.len() >= 2).then(|| {
        picked
            .iter()
            .map(|p| p.answer.get(Lang::En).to_string())
            .collect()
    })
}

/// Three topics sharing groups: answers that repeat within and across topics (so picks get skipped), answers
/// that match in one language and not the other, a group where a third wrong answer is rare (so looking for
/// one stops before it is found), and one where a candidate can read the same as all the others.
fn shared_group_deck() -> Deck {
    let files = (0..3)
        .map(|t| {
            let mut text = topic(&format!("t{t}"), t);
            for n in 0..30 {
                let answer = format!("{} MB", (n * 7 + t as usize * 3) % 11);
                text += &fact(&format!("f{n}"), &answer, Some("size"));
            }
            text += &fact("odd", "1 MB", Some("alone"));
            // Answers that match in one language and not the other: "reads the same" links x0 to x1 (English)
            // and x1 to x2 (Korean) without linking x0 to x2.
            for n in 0..9 {
                text += &mixed_fact(
                    &format!("x{n}"),
                    "mixed",
                    &format!("E{}", (n + t as usize) / 2 % 4),
                    &format!("K{}", (n + 1 + t as usize) / 2 % 4),
                );
            }
            // Three answers, and a fourth once in the deck.
            for n in 0..40 {
                let answer = match (t, n) {
                    (0, 7) => "R".to_string(),
                    _ => format!("P{}", n % 3),
                };
                text += &fact(&format!("r{n}"), &answer, Some("rare"));
            }
            // A/y reads the same as A/x and as B/y, which do not read the same: C/z gets A/x and B/y, not A/y alone.
            for n in 0..24 {
                let (en, ko) = [("A", "x"), ("A", "y"), ("B", "y"), ("C", "z")][(n + t as usize) % 4];
                text += &mixed_fact(&format!("y{n}"), "tangled", en, ko);
            }
            (format!("t{t}.toml"), text)
        })
        .collect();
    load(files)
}

/// A fact of `group` whose answer is `en` in English and `ko` in Korean.
fn mixed_fact(id: &str, group: &str, en: &str, ko: &str) -> String {
    format!(
        "[[fact]]\nid = \"{id}\"\nprompt = \"Which {id}?\"\nanswer = {{ en = \"{en}\", ko = \"{ko}\" }}\n\
         group = \"{group}\"\nsource = \"https://example.com/x\"\n\n"
    )
}

/// Picks are made without building the pools, yet they are the picks the full pools gave, for every fact
/// and seed: a quiz's seed gives the questions it always gave.
#[test]
fn picks_without_building_pools_are_the_picks_of_full_pools() {
    for deck in [&shared_group_deck(), bundled()] {
        for seed in 0..25 {
            let generator = Generator::new(deck, seed);
            for (t, topic) in deck.topics().iter().enumerate() {
                for (f, fact) in topic.facts.iter().enumerate() {
                    let id = format!("{}/{}#pick", topic.id, fact.id);
                    let built = generator.question(&id);
                    let mut expected = picks_by_full_pools(deck, t, f, seed);
                    let mut got = built.as_ref().map(|q| answers(q, false));
                    // The question shuffles its choices, so the picks are compared as sets.
                    for picks in [&mut expected, &mut got].into_iter().flatten() {
                        picks.sort();
                    }
                    assert_eq!(got, expected, "{id} under seed {seed}");
                }
            }
        }
    }
}

/// What the generator lists as available is exactly what it can build, in deck order: the draw picks from
/// the list and builds only what it drew.
#[test]
fn available_sources_are_exactly_those_that_build() {
    use recall::core::quiz::generate::Source;
    for deck in [&shared_group_deck(), bundled()] {
        for seed in 0..10 {
            let generator = Generator::new(deck, seed);
            let mut every = Vec::new();
            for (t, topic) in deck.topics().iter().enumerate() {
                for (c, compare) in topic.compares.iter().enumerate() {
                    every.extend((0..compare.rows.len() + 1).map(|row| Source::CompareRow {
                        topic: t,
                        compare: c,
                        row,
                    }));
                }
                every.extend((0..topic.facts.len()).map(|fact| Source::Fact { topic: t, fact }));
            }
            let building: Vec<Source> = every
                .into_iter()
                .filter(|&s| generator.build(s).is_some())
                .collect();
            let topics: Vec<usize> = (0..deck.topics().len()).collect();
            assert_eq!(generator.available(&topics), building, "seed {seed}");
        }
    }
}
