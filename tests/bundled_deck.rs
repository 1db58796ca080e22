//! The bundled deck is the product: it validates strictly, covers every topic with every kind of item, and
//! teaches the corrected values where the learner's notes were wrong (regression guard for content edits).

use std::collections::HashSet;

use recall::core::content::{self, Deck, Item, Lang};
use recall::io::deck::bundled_files;

fn bundled() -> (Deck, Vec<content::Diagnostic>) {
    let (files, unreadable) = bundled_files();
    assert!(unreadable.is_empty(), "{unreadable:?}");
    let loaded = content::load(&files);
    (loaded.deck, loaded.diagnostics)
}

#[test]
fn validates_strictly_with_no_warnings() {
    let (_, diagnostics) = bundled();
    let shown: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        shown.is_empty(),
        "bundled deck diagnostics:\n{}",
        shown.join("\n")
    );
}

#[test]
fn has_the_eight_topics_of_the_notes_in_order() {
    let (deck, _) = bundled();
    let ids: Vec<&str> = deck.topics().iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "serverless",
            "lambda",
            "edge-functions",
            "lambda-networking",
            "dynamodb",
            "api-gateway",
            "step-functions",
            "cognito"
        ]
    );
}

#[test]
fn every_topic_has_sections_facts_and_scenarios() {
    let (deck, _) = bundled();
    for t in deck.topics() {
        assert!(!t.sections.is_empty(), "{} has no section", t.id);
        assert!(!t.facts.is_empty(), "{} has no fact", t.id);
        assert!(!t.scenarios.is_empty(), "{} has no scenario", t.id);
    }
}

#[test]
fn has_forty_scenarios_some_choose_n_and_the_required_comparisons() {
    let (deck, _) = bundled();
    let scenarios: Vec<_> = deck.topics().iter().flat_map(|t| &t.scenarios).collect();
    assert!(scenarios.len() >= 40, "only {} scenarios", scenarios.len());
    assert!(scenarios.iter().filter(|s| s.correct_count() > 1).count() >= 3);
    for s in &scenarios {
        assert!(s.choices.len() >= 4, "{} has fewer than 4 choices", s.id);
        assert!(!s.keywords.get(Lang::En).is_empty(), "{} marks no keyword", s.id);
    }
    let compares: usize = deck.topics().iter().map(|t| t.compares.len()).sum();
    assert!(compares >= 8, "only {compares} comparison tables");
}

#[test]
fn global_ids_are_unique_and_every_fact_has_a_source() {
    let (deck, _) = bundled();
    let mut seen = HashSet::new();
    for (r, item) in deck.items() {
        let id = deck.global_id(r).unwrap();
        assert!(seen.insert(id.clone()), "{id} collides");
        if let Item::Fact(f) = item {
            let aws = ["https://docs.aws.amazon.com/", "https://aws.amazon.com/"];
            assert!(
                aws.iter().any(|p| f.source.starts_with(p)),
                "{id}: not an AWS source: {}",
                f.source
            );
        }
    }
}

#[test]
fn every_text_is_translated_into_korean() {
    let (deck, _) = bundled();
    for (_, item) in deck.items() {
        if let Item::Fact(f) = item {
            let has_hangul = |s: &str| s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
            assert!(
                has_hangul(f.prompt.get(Lang::Ko)),
                "{}: Korean prompt has no Hangul",
                f.id
            );
        }
    }
}

#[test]
fn every_fact_and_scenario_says_when_it_was_checked() {
    let (deck, _) = bundled();
    let mut undated = Vec::new();
    for (r, item) in deck.items() {
        let checked = match item {
            Item::Fact(f) => f.checked,
            Item::Scenario(s) => s.checked,
            _ => continue,
        };
        if checked.is_none() {
            undated.push(deck.global_id(r).unwrap());
        }
    }
    assert!(undated.is_empty(), "no `checked` month: {undated:?}");
}

/// Every learner-facing string of the deck in `lang`: titles, summaries, bodies, prompts, answers, choices,
/// reasons, explanations, comparison cells and keywords (each `Text` and `Keywords` serialises as
/// `{ "en": …, "ko": … }`).
fn texts_in(deck: &Deck, lang: Lang) -> Vec<(String, String)> {
    fn walk(value: &serde_json::Value, key: &str, where_: &str, out: &mut Vec<(String, String)>) {
        match value {
            serde_json::Value::String(s) if key == "__text__" => {
                out.push((where_.trim_start_matches('/').to_string(), s.clone()))
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, key, where_, out)),
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    let child = if k == key { "__text__" } else { key };
                    let where_ = match map.get("id").and_then(|id| id.as_str()) {
                        Some(id) => format!("{where_}/{id}"),
                        None => where_.to_string(),
                    };
                    walk(v, child, &where_, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for topic in deck.topics() {
        let json = serde_json::to_value(topic).unwrap();
        walk(&json, lang.code(), "", &mut out);
    }
    out
}

/// Issue 15: one Korean term per concept, as AWS's Korean documentation writes it, and no text that refers to
/// notes the learner never saw. These variants were replaced and must not come back.
#[test]
fn replaced_wordings_do_not_come_back() {
    let (deck, _) = bundled();
    let korean = texts_in(&deck, Lang::Ko);
    let english = texts_in(&deck, Lang::En);
    assert!(
        korean.len() > 1000 && english.len() > 1000,
        "the walk found too few texts"
    );
    let forbidden_ko = [
        ("타임아웃", "제한 시간 (Lambda and integration timeouts)"),
        ("Standard 워크플로", "표준 워크플로"),
        ("Express 워크플로", "익스프레스 워크플로"),
        ("태스크 토큰", "작업 토큰"),
        ("노트", "what the learner may have read, not notes they never saw"),
    ];
    let reader = "what the learner may have read or assumed";
    let forbidden_en = [("the notes", reader), ("notes say", reader)];
    let mut found = Vec::new();
    for (texts, forbidden) in [(&korean, &forbidden_ko[..]), (&english, &forbidden_en[..])] {
        for (at, text) in texts {
            // "노트북" (a notebook) is a different word.
            let text = text.to_lowercase().replace("노트북", "");
            for (variant, instead) in forbidden {
                if text.contains(&variant.to_lowercase()) {
                    found.push(format!("{at}: \"{variant}\" (write: {instead})"));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "replaced wording is back:\n{}",
        found.join("\n")
    );
}

/// The answer of a fact, in English.
fn answer(deck: &Deck, id: &str) -> String {
    let r = deck.find(id).unwrap_or_else(|| panic!("{id} missing"));
    match deck.item(r) {
        Some(Item::Fact(f)) => f.answer.get(Lang::En).to_string(),
        other => panic!("{id} is not a fact: {other:?}"),
    }
}

#[test]
fn teaches_the_corrected_values_of_the_notes() {
    let (deck, _) = bundled();
    assert!(answer(&deck, "dynamodb/pitr-window").contains("35 days"));
    assert!(answer(&deck, "edge-functions/lae-viewer-timeout").contains('5'));
    assert!(answer(&deck, "edge-functions/lae-origin-timeout").contains("30"));
    assert!(answer(&deck, "dynamodb/default-capacity-mode").contains("On-demand"));
    assert!(answer(&deck, "dynamodb/dax-latency").contains("microseconds"));
    assert!(answer(&deck, "dynamodb/import-formats").contains("CSV"));
    assert!(answer(&deck, "lambda-networking/db-invoke-permission").contains("IAM role"));
    assert!(answer(&deck, "lambda/payload-async").contains("1 MB"));
}
