//! `recall search` end to end: the binary on `tests/fixtures/search`, as JSON and as text, and its usage
//! errors.

mod sandbox;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn recall() -> Command {
    let mut cmd = sandbox::recall();
    cmd.args(["--content", "tests/fixtures/search"]);
    cmd
}

fn json(args: &[&str]) -> Vec<Value> {
    let out = recall().args(args).args(["--format", "json"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// The snippet chars at the result's positions.
fn highlighted(result: &Value) -> String {
    let chars: Vec<char> = result["snippet"].as_str().unwrap().chars().collect();
    let positions = result["positions"].as_array().unwrap();
    positions
        .iter()
        .map(|p| chars[p.as_u64().unwrap() as usize])
        .collect()
}

#[test]
fn json_has_the_documented_fields_best_first() {
    let results = json(&["search", "lambda"]);
    assert!(results.len() >= 4);
    let first = results[0].as_object().unwrap();
    let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "field",
            "id",
            "kind",
            "lang",
            "positions",
            "score",
            "snippet",
            "topic"
        ]
    );
    assert_eq!(first["topic"], "lambda");
    assert_eq!(first["lang"], "en");
    assert_eq!(highlighted(&results[0]).to_lowercase(), "lambda");
    let scores: Vec<i64> = results.iter().map(|r| r["score"].as_i64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(
        results.iter().all(|r| r["id"] != "basics/scattered"),
        "scattered letters are no match"
    );
}

#[test]
fn choseong_and_language_and_limit() {
    let results = json(&["--lang", "ko", "search", "ㄹㄷ", "--limit", "1"]);
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["id"], "lambda/overview");
    assert_eq!(
        (results[0]["kind"].as_str(), results[0]["field"].as_str()),
        (Some("section"), Some("title"))
    );
    assert_eq!(results[0]["lang"], "ko");
    assert_eq!(highlighted(&results[0]), "람다");
}

#[test]
fn several_words_are_one_query() {
    let results = json(&["search", "lambda", "한도"]);
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["id"], "lambda/memory-limit");
    assert_eq!(highlighted(&results[0]), "Lambda한도");
}

#[test]
fn text_output_marks_the_match_with_carets() {
    recall()
        .args(["search", "한도"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "lambda/memory-limit [fact: prompt, ko]\n  Lambda 메모리 한도는?\n                ^^^^\n",
        ));
}

#[test]
fn no_match_is_not_an_error() {
    recall()
        .args(["search", "qqqzzz"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("no match for `qqqzzz`"));
    assert!(json(&["search", "qqqzzz"]).is_empty());
}

#[test]
fn usage_errors_exit_2() {
    recall().args(["search"]).assert().code(2);
    recall().args(["search", "x", "--limit", "0"]).assert().code(2);
    recall().args(["search", "x", "--limit", "many"]).assert().code(2);
}

#[test]
fn a_missing_deck_fails_with_a_message() {
    sandbox::recall()
        .args(["--content", "tests/fixtures/no-such-deck", "search", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does not exist"));
}
