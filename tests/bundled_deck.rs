//! The bundled deck is the product: it validates strictly, covers every topic with every kind of item, and
//! teaches the corrected values where the learner's notes were wrong (regression guard for content edits).

use std::collections::HashSet;

use recall::core::content::{self, Deck, Item, Lang, Text};
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

fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

/// Whether `text` reads the same in Korean: every word a name (capitalised: `Amazon Cognito`), an
/// identifier or value (`lambda:InvokeFunction`, `us-east-1`, `128MB`, `KEYS_ONLY`), or a word that joins
/// the parts of a name (`Kinesis Data Streams for DynamoDB`, `Time to Live`, `Run a Job`). A lowercase
/// English word (`user pools`, `seconds`) is prose that Korean says otherwise, and so are a few capitalised
/// ones that start an English answer (`Yes`, `No`, `Up to…`).
fn reads_the_same_in_korean(text: &str) -> bool {
    const JOINERS: [&str; 8] = ["for", "with", "in", "to", "a", "vs", "and", "or"];
    const PROSE: [&str; 8] = ["Yes", "No", "Not", "None", "Only", "Up", "The", "A"];
    text.split(|c: char| c.is_whitespace() || ",()".contains(c))
        .filter(|w| !w.is_empty())
        .all(|w| {
            let first = w.chars().next().unwrap();
            let name = first.is_uppercase() && !PROSE.contains(&w);
            name || !first.is_alphabetic()
                || w.chars().any(|c| c.is_ascii_digit() || ":_-.$/".contains(c))
                || JOINERS.contains(&w)
        })
}

/// Every learner-facing text of the deck with the kind of field it is (`fact prompt`, `compare option`…).
fn texts_by_kind(deck: &Deck) -> Vec<(String, String, &Text)> {
    let mut out = Vec::new();
    for topic in deck.topics() {
        out.push(("topic title".to_string(), topic.id.clone(), &topic.title));
        if let Some(summary) = &topic.summary {
            out.push(("topic summary".to_string(), topic.id.clone(), summary));
        }
    }
    for (r, item) in deck.items() {
        let id = deck.global_id(r).unwrap();
        for (field, text) in recall::core::search::searchable_texts(item) {
            let kind = format!("{} {}", item.kind().name(), field.name());
            out.push((kind, id.clone(), text));
        }
    }
    out
}

/// The field kinds that are sentences: their Korean always has Hangul, whatever it names.
const SENTENCES: &[&str] = &[
    "topic summary",
    "section body",
    "fact prompt",
    "fact detail",
    "fact correction",
    "scenario prompt",
    "scenario why",
    "scenario explanation",
];

#[test]
fn every_text_is_translated_into_korean() {
    let (deck, _) = bundled();
    let texts = texts_by_kind(&deck);
    let mut kinds: Vec<&str> = texts.iter().map(|(k, _, _)| k.as_str()).collect();
    kinds.sort();
    kinds.dedup();
    // Every kind of field the deck has is checked here, not only the ones listed above.
    for kind in [
        "topic title",
        "section title",
        "fact answer",
        "compare title",
        "compare option",
        "compare attribute",
        "compare value",
        "scenario choice",
    ]
    .iter()
    .chain(SENTENCES)
    {
        assert!(kinds.contains(kind), "no {kind} in the deck: {kinds:?}");
    }
    let mut untranslated = Vec::new();
    for (kind, id, text) in &texts {
        let korean = text.get(Lang::Ko);
        let neutral = !SENTENCES.contains(&kind.as_str()) && reads_the_same_in_korean(korean);
        if !has_hangul(korean) && !neutral {
            untranslated.push(format!("{id}: {kind} {korean:?}"));
        }
    }
    assert!(
        untranslated.is_empty(),
        "Korean text with no Hangul:\n{}",
        untranslated.join("\n")
    );
    // Scenario keywords are phrases of the Korean prompt, so they are Korean too.
    for topic in deck.topics() {
        for s in &topic.scenarios {
            for keyword in s.keywords.get(Lang::Ko) {
                assert!(
                    s.prompt.get(Lang::Ko).contains(keyword.as_str()),
                    "{}/{}: keyword {keyword:?} is not in the Korean prompt",
                    topic.id,
                    s.id
                );
            }
        }
    }
}

#[test]
fn the_translation_check_tells_names_from_prose() {
    for same in [
        "Amazon Cognito",
        "lambda:InvokeFunctionUrl",
        "us-east-1",
        "128MB – 10,240MB",
        "Kinesis Data Streams for DynamoDB",
        "KEYS_ONLY",
        "${cognito-identity.amazonaws.com:sub}",
    ] {
        assert!(reads_the_same_in_korean(same), "{same}");
    }
    for prose in ["Cognito user pools", "5 seconds", "Yes", "No", "Up to one year"] {
        assert!(!reads_the_same_in_korean(prose), "{prose}");
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

/// The answer of a fact, in English and in Korean.
fn answer(deck: &Deck, id: &str) -> (String, String) {
    let r = deck.find(id).unwrap_or_else(|| panic!("{id} missing"));
    match deck.item(r) {
        Some(Item::Fact(f)) => (
            f.answer.get(Lang::En).to_string(),
            f.answer.get(Lang::Ko).to_string(),
        ),
        other => panic!("{id} is not a fact: {other:?}"),
    }
}

#[test]
fn teaches_the_corrected_values_of_the_notes() {
    let (deck, _) = bundled();
    let exact = [
        ("dynamodb/pitr-window", "35 days", "35일"),
        ("edge-functions/lae-viewer-timeout", "5 seconds", "5초"),
        ("edge-functions/lae-origin-timeout", "30 seconds", "30초"),
        ("dynamodb/default-capacity-mode", "On-demand", "온디맨드"),
        ("dynamodb/dax-latency", "In microseconds", "마이크로초 단위"),
        (
            "dynamodb/import-formats",
            "CSV, DynamoDB JSON or Amazon Ion",
            "CSV, DynamoDB JSON, Amazon Ion",
        ),
        ("lambda/payload-async", "1 MB", "1 MB"),
    ];
    for (id, en, ko) in exact {
        assert_eq!(answer(&deck, id), (en.to_string(), ko.to_string()), "{id}");
    }
    let (en, ko) = answer(&deck, "lambda-networking/db-invoke-permission");
    assert!(
        en.starts_with("An IAM role allowing lambda:InvokeFunction"),
        "{en}"
    );
    assert!(ko.contains("lambda:InvokeFunction을 허용하는 IAM 역할"), "{ko}");
}
