//! `recall import anki` as a user runs it, in temporary folders: recall's own Anki export and a hand-written
//! Anki-style file with HTML and media come in as topic files that `recall check` accepts; re-importing keeps
//! ids; bad input fails with a message, exit 1 and no file; an existing file needs `--force`.

use std::collections::HashMap;
use std::path::Path;

use assert_cmd::Command;

mod sandbox;
use predicates::prelude::*;
use serde_json::Value;

fn recall(dir: &Path) -> Command {
    let mut cmd = sandbox::recall_with_home(&dir.join("home"));
    cmd.current_dir(dir).arg("--data-dir").arg(dir.join("data"));
    cmd
}

/// `recall list --format json` of the deck in `content` (the bundled deck for `None`).
fn listed(dir: &Path, content: Option<&Path>) -> Vec<Value> {
    let mut cmd = recall(dir);
    if let Some(c) = content {
        cmd.arg("--content").arg(c);
    }
    let out = cmd
        .args(["list", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// Imports `file` into `<dir>/deck/<name>.toml` and checks the deck; returns the listed items.
fn import_and_check(dir: &Path, file: &Path, name: &str) -> Vec<Value> {
    let deck = dir.join("deck");
    std::fs::create_dir_all(&deck).unwrap();
    recall(dir)
        .args(["import", "anki"])
        .arg(file)
        .arg("--output")
        .arg(deck.join(name))
        .arg("--force")
        .assert()
        .success();
    recall(dir)
        .arg("--content")
        .arg(&deck)
        .arg("check")
        .assert()
        .success();
    listed(dir, Some(&deck))
}

fn field<'a>(item: &'a Value, key: &str) -> &'a str {
    item[key].as_str().unwrap_or_default()
}

#[test]
fn recalls_own_anki_export_round_trips_every_facts_prompt_and_answer() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("recall.txt");
    recall(dir.path())
        .args(["export", "--format", "anki", "--output"])
        .arg(&export)
        .assert()
        .success();
    let imported = import_and_check(dir.path(), &export, "recall.toml");
    let answers: HashMap<&str, &str> = imported
        .iter()
        .map(|i| (field(i, "prompt"), field(i, "answer")))
        .collect();
    let facts: Vec<Value> = listed(dir.path(), None)
        .into_iter()
        .filter(|i| i["kind"] == "fact")
        .collect();
    assert!(facts.len() > 100, "the bundled deck has its facts");
    for fact in &facts {
        assert_eq!(
            answers.get(field(fact, "prompt")).copied(),
            Some(field(fact, "answer")),
            "{fact}"
        );
    }
    // Scenarios come along too, one fact each.
    let cards = listed(dir.path(), None)
        .iter()
        .filter(|i| i["kind"] != "section" && i["kind"] != "compare")
        .count();
    assert_eq!(imported.len(), cards);
}

#[test]
fn importing_an_edited_export_again_keeps_every_id() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("recall.txt");
    recall(dir.path())
        .args(["export", "--format", "anki", "-o"])
        .arg(&export)
        .assert()
        .success();
    let ids = |items: &[Value]| -> Vec<String> { items.iter().map(|i| field(i, "id").to_string()).collect() };
    let first = import_and_check(dir.path(), &export, "recall.toml");
    // The Korean export of the same deck has other text but the same GUIDs.
    recall(dir.path())
        .args(["--lang", "ko", "export", "--format", "anki", "--force", "-o"])
        .arg(&export)
        .assert()
        .success();
    let second = import_and_check(dir.path(), &export, "recall.toml");
    assert_eq!(ids(&first), ids(&second));
    assert_ne!(field(&first[0], "prompt"), field(&second[0], "prompt"));
}

#[test]
fn a_hand_written_file_with_html_and_media_becomes_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/anki/hand-written.txt");
    let deck = dir.path().join("deck");
    std::fs::create_dir(&deck).unwrap();
    recall(dir.path())
        .args(["import", "anki"])
        .arg(&fixture)
        .arg("-o")
        .arg(deck.join("aws.toml"))
        .assert()
        .success()
        .stderr(predicate::str::contains("dropped 3 media reference(s)"))
        .stderr(predicate::str::contains(
            "skipped 1 note(s) with an empty front or back",
        ))
        .stdout(predicate::str::contains("2 facts"));
    recall(dir.path())
        .arg("--content")
        .arg(&deck)
        .arg("check")
        .assert()
        .success();
    let items = listed(dir.path(), Some(&deck));
    let rows: Vec<(&str, &str, &str)> = items
        .iter()
        .map(|i| (field(i, "prompt"), field(i, "answer"), field(i, "group")))
        .collect();
    assert_eq!(
        rows,
        [
            ("What does RDS Proxy pool?", "Database connections", "rds"),
            ("Say Lambda", "람다 <λ>", "lambda")
        ]
    );
    assert_eq!(field(&items[0], "detail"), "It keeps a pool & shares it.");
}

#[test]
fn the_default_output_is_the_files_name_here_and_is_never_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cards.txt"), "#separator:tab\nQ\tA\n").unwrap();
    recall(dir.path())
        .args(["import", "anki", "cards.txt"])
        .assert()
        .success();
    let written = std::fs::read_to_string(dir.path().join("cards.toml")).unwrap();
    assert!(written.contains("prompt = \"Q\""), "{written}");
    std::fs::write(dir.path().join("cards.toml"), "mine").unwrap();
    recall(dir.path())
        .args(["import", "anki", "cards.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists; pass --force"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("cards.toml")).unwrap(),
        "mine"
    );
    recall(dir.path())
        .args(["import", "anki", "cards.txt", "--force"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("cards.toml")).unwrap(),
        written
    );
}

#[test]
fn bad_input_fails_with_a_message_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 6] = [
        ("topic.toml", b"[topic]\nid = \"x\"\n", "line 1: 1 field(s)"),
        ("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "not a text file"),
        ("deck.apkg", b"PK\x03\x04\x14\0\0\0", "is not an Anki package"),
        (
            "short.txt",
            b"#separator:tab\n#guid column:3\nq\ta\tg\nq2\ta2\n",
            "line 4: 2 field(s), but the #guid column is column 3",
        ),
        ("empty.txt", b"#separator:tab\n#html:true\n", "no notes to import"),
        (
            "sep.txt",
            b"#separator:Banana\nq\ta\n",
            "line 1: unknown separator",
        ),
    ];
    for (name, bytes, message) in cases {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        recall(dir.path())
            .args(["import", "anki", name, "-o", "out.toml"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(message));
        assert!(!dir.path().join("out.toml").exists(), "{name}");
    }
    // A 100 MB file (sparse: nothing is written to disk) is refused before it is read.
    let big = std::fs::File::create(dir.path().join("big.txt")).unwrap();
    big.set_len(100_000_000).unwrap();
    recall(dir.path())
        .args(["import", "anki", "big.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "big.txt is 100 MB; recall imports Anki text exports up to 32 MB",
        ));
    recall(dir.path())
        .args(["import", "anki", "missing.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read missing.txt"));
    let mut expected: Vec<String> = [
        "big.txt",
        "deck.apkg",
        "empty.txt",
        "image.png",
        "sep.txt",
        "short.txt",
        "topic.toml",
    ]
    .map(String::from)
    .to_vec();
    expected.sort();
    assert_eq!(
        sandbox::file_names(dir.path()),
        expected,
        "no output, no temporary file, no data folder"
    );
}
