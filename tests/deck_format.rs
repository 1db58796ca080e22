//! The documented format is the real format: the example deck of `content/README.md` is the valid fixture,
//! it loads cleanly, and `recall list --format json` gives back exactly what the files say.

mod sandbox;

use recall::core::content::{self, Item, Lang, SourceFile, YearMonth};
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/valid/minimal/basics.toml";

fn fixture_text() -> String {
    std::fs::read_to_string(FIXTURE).unwrap()
}

#[test]
fn readme_example_is_the_valid_fixture() {
    let readme = std::fs::read_to_string("content/README.md").unwrap();
    let example = readme
        .split("```toml\n")
        .last()
        .and_then(|block| block.split("```").next())
        .expect("README ends with a toml example");
    assert_eq!(
        example,
        fixture_text(),
        "content/README.md's example and {FIXTURE} must stay identical"
    );
}

#[test]
fn valid_fixture_loads_strictly_with_every_kind() {
    let loaded = content::load(&[SourceFile {
        path: FIXTURE.into(),
        text: fixture_text(),
    }]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let deck = loaded.deck;
    let topic = &deck.topics()[0];
    assert_eq!(topic.id, "basics");
    assert_eq!(
        (
            topic.sections.len(),
            topic.facts.len(),
            topic.compares.len(),
            topic.scenarios.len()
        ),
        (1, 2, 1, 1)
    );
    let r = deck.find("basics/pitr-window").expect("global id resolves");
    let Some(Item::Fact(fact)) = deck.item(r) else {
        panic!("not a fact")
    };
    assert_eq!(fact.answer.get(Lang::Ko), "최대 35일 (1–35일로 설정 가능)");
    assert_eq!(fact.checked, None, "`checked` is optional");
    let r = deck.find("basics/lambda-max-timeout").unwrap();
    let Some(Item::Fact(fact)) = deck.item(r) else {
        panic!("not a fact")
    };
    assert_eq!(fact.checked, YearMonth::new(2026, 11));
    let r = deck.find("basics/mobile-saml").unwrap();
    let Some(Item::Scenario(scenario)) = deck.item(r) else {
        panic!("not a scenario")
    };
    assert_eq!(scenario.checked, YearMonth::new(2026, 11));
    assert_eq!(deck.cards().count(), 3, "facts and scenarios are cards");
}

fn listed(lang: &str) -> Vec<Value> {
    let out = sandbox::recall()
        .args([
            "list",
            "--format",
            "json",
            "--lang",
            lang,
            "--content",
            "tests/fixtures/valid/minimal",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).expect("one JSON array")
}

#[test]
fn list_json_round_trips_the_fixture() {
    let raw: toml::Value = toml::from_str(&fixture_text()).unwrap();
    for (lang, code) in [(Lang::En, "en"), (Lang::Ko, "ko")] {
        let items = listed(code);
        let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
        assert_eq!(
            ids,
            [
                "basics/what-is-serverless",
                "basics/lambda-max-timeout",
                "basics/pitr-window",
                "basics/edge-functions",
                "basics/mobile-saml"
            ]
        );
        let text = |v: &toml::Value| match v {
            toml::Value::String(s) => s.clone(),
            other => other[lang.code()].as_str().unwrap().to_string(),
        };
        let fact = &raw["fact"][1];
        let listed_fact = &items[2];
        assert_eq!(listed_fact["kind"], "fact");
        assert_eq!(listed_fact["prompt"], text(&fact["prompt"]));
        assert_eq!(listed_fact["answer"], text(&fact["answer"]));
        assert_eq!(listed_fact["correction"], text(&fact["correction"]));
        assert_eq!(listed_fact["source"], fact["source"].as_str().unwrap());
        let scenario = &raw["scenario"][0];
        let listed_scenario = &items[4];
        let choices = listed_scenario["choices"].as_array().unwrap();
        assert_eq!(choices.len(), 3);
        for (listed_choice, raw_choice) in choices.iter().zip(scenario["choice"].as_array().unwrap()) {
            assert_eq!(listed_choice["text"], text(&raw_choice["text"]));
            assert_eq!(listed_choice["why"], text(&raw_choice["why"]));
            assert_eq!(
                listed_choice["correct"],
                raw_choice
                    .get("correct")
                    .and_then(|c| c.as_bool())
                    .unwrap_or(false)
            );
        }
        let rows = items[3]["rows"].as_array().unwrap();
        assert_eq!(
            rows[0]["values"][1],
            text(&raw["compare"][0]["row"][0]["values"][1])
        );
    }
}
