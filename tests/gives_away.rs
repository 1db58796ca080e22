//! The gives-away warning (a fact's answer found in another item's prompt) is found for every answer in every
//! prompt at once; it must say what comparing each answer with each prompt says, in the same order, with at
//! most `GIVE_AWAYS_SHOWN` warnings per fact and one that counts the rest.

use proptest::prelude::*;
use recall::core::content::validate::GIVE_AWAYS_SHOWN;
use recall::core::content::{self, Rule, SourceFile};

/// Long answers (12 columns or more), some sharing words, one Korean.
const ANSWERS: [&str; 5] = [
    "Amazon Simple Queue Service",
    "Simple Queue Service",
    "Amazon DynamoDB Accelerator",
    "Provisioned concurrency",
    "람다 프로비저닝된 동시성",
];

/// One item of a generated topic: a fact (with an answer) or a scenario, the answers its prompt quotes, and
/// which earlier items it lists as related.
#[derive(Debug, Clone)]
struct Item {
    fact: Option<usize>,
    quoted: Vec<usize>,
    related: Vec<usize>,
    upper: bool,
}

fn item() -> impl Strategy<Value = Item> {
    (
        proptest::option::of(0..ANSWERS.len()),
        proptest::collection::vec(0..ANSWERS.len(), 0..3),
        proptest::collection::vec(0..12usize, 0..2),
        any::<bool>(),
    )
        .prop_map(|(fact, quoted, related, upper)| Item {
            fact,
            quoted,
            related,
            upper,
        })
}

/// The topic file, and the warnings the rule gives, by comparing each answer with each prompt.
fn topic(items: &[Item]) -> (String, Vec<String>) {
    let id = |i: usize| format!("i{i}");
    let prompt = |item: &Item| {
        let quoted: Vec<String> = item
            .quoted
            .iter()
            .map(|&a| {
                if item.upper {
                    ANSWERS[a].to_uppercase()
                } else {
                    ANSWERS[a].to_string()
                }
            })
            .collect();
        format!("Which one? {}", quoted.join(" and "))
    };
    let related = |i: usize| -> Vec<String> {
        items[i]
            .related
            .iter()
            .filter(|&&r| r < i)
            .map(|&r| id(r))
            .collect()
    };
    let mut text = "[topic]\nid = \"t\"\ntitle = \"T\"\n\n".to_string();
    for (i, item) in items.iter().enumerate().filter(|(_, it)| it.fact.is_some()) {
        text += &format!(
            "[[fact]]\nid = \"{}\"\nprompt = \"{}\"\nanswer = \"{}.\"\nrelated = {:?}\nsource = \"https://example.com/f\"\n\n",
            id(i),
            prompt(item),
            ANSWERS[item.fact.unwrap()],
            related(i),
        );
    }
    for (i, item) in items.iter().enumerate().filter(|(_, it)| it.fact.is_none()) {
        text += &format!(
            "[[scenario]]\nid = \"{}\"\nprompt = \"{}\"\nrelated = {:?}\nexplanation = \"Because.\"\nsource = \"https://example.com/s\"\n\
             [[scenario.choice]]\ntext = \"A\"\ncorrect = true\nwhy = \"Right.\"\n[[scenario.choice]]\ntext = \"B\"\nwhy = \"Wrong.\"\n\n",
            id(i),
            prompt(item),
            related(i),
        );
    }
    // The rule, comparing each answer with each prompt: facts in file order, English then Korean, the other
    // items in file order (facts, then scenarios).
    let order: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].fact.is_some())
        .chain((0..items.len()).filter(|&i| items[i].fact.is_none()))
        .collect();
    let mut expected = Vec::new();
    for &f in order.iter().filter(|&&i| items[i].fact.is_some()) {
        let answer = ANSWERS[items[f].fact.unwrap()].to_lowercase();
        let mut warned = Vec::new();
        for lang in ["en", "ko"] {
            for &o in &order {
                let linked = related(f).contains(&id(o)) || related(o).contains(&id(f));
                if o == f
                    || linked
                    || warned.contains(&o)
                    || !prompt(&items[o]).to_lowercase().contains(&answer)
                {
                    continue;
                }
                warned.push(o);
                if warned.len() <= GIVE_AWAYS_SHOWN {
                    expected.push(format!(
                        "the answer of \"{}\" appears in the prompt of \"{}\" ({lang}): studied first, it gives the answer away",
                        id(f),
                        id(o)
                    ));
                }
            }
        }
        if warned.len() > GIVE_AWAYS_SHOWN {
            expected.push(format!(
                "the answer of \"{}\" also appears in the prompts of {} more items",
                id(f),
                warned.len() - GIVE_AWAYS_SHOWN
            ));
        }
    }
    (text, expected)
}

fn warnings(text: String) -> Vec<String> {
    let loaded = content::load(&[SourceFile {
        path: "t.toml".into(),
        text,
    }]);
    assert!(
        loaded.diagnostics.iter().all(|d| d.rule == Rule::GivesAway),
        "{:#?}",
        loaded.diagnostics
    );
    loaded.diagnostics.into_iter().map(|d| d.message).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_answer_in_every_prompt_is_found_as_one_by_one(items in proptest::collection::vec(item(), 1..12)) {
        let (text, expected) = topic(&items);
        prop_assert_eq!(warnings(text), expected);
    }
}

#[test]
fn an_answer_in_many_prompts_lists_a_few_and_counts_the_rest() {
    let mut items = vec![Item {
        fact: Some(0),
        quoted: vec![],
        related: vec![],
        upper: false,
    }];
    items.extend((0..9).map(|_| Item {
        fact: None,
        quoted: vec![0],
        related: vec![],
        upper: true,
    }));
    let (text, expected) = topic(&items);
    let got = warnings(text);
    assert_eq!(got, expected);
    assert_eq!(got.len(), GIVE_AWAYS_SHOWN + 1);
    assert!(got[GIVE_AWAYS_SHOWN].ends_with("also appears in the prompts of 4 more items"));
}

/// Commands that drop warnings load without the give-away search; the deck is the same.
#[test]
fn a_load_that_skips_give_aways_finds_none_and_builds_the_same_deck() {
    let mut items = vec![Item {
        fact: Some(0),
        quoted: vec![],
        related: vec![],
        upper: false,
    }];
    items.extend((0..3).map(|_| Item {
        fact: None,
        quoted: vec![0],
        related: vec![],
        upper: true,
    }));
    let (text, expected) = topic(&items);
    assert_eq!(warnings(text.clone()).len(), expected.len());
    let files = [SourceFile {
        path: "t.toml".into(),
        text,
    }];
    let options = content::LoadOptions {
        skip_give_aways: true,
        ..content::LoadOptions::default()
    };
    let quick = content::load_with(&files, &options);
    assert!(quick.diagnostics.is_empty(), "{:#?}", quick.diagnostics);
    let full = content::load(&files);
    assert_eq!(quick.deck.card_ids(), full.deck.card_ids());
    assert!(!expected.is_empty());
}
