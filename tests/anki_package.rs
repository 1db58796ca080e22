//! `recall import anki` of packages written by Anki itself (tests/fixtures/anki, made by make_fixtures.py
//! with Anki 26.09's backend: 60 simulated days, FSRS on). Anki's own numbers are the reference
//! (anki-expected.json): every note and review arrives, replay gives each card Anki's memory state
//! (within 1 %) and its due date (within fuzz), importing twice adds nothing, and bad packages fail with
//! one message, exit 1 and nothing written.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

mod sandbox;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/anki")
        .join(name)
}

fn expected() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture("anki-expected.json")).unwrap()).unwrap()
}

/// recall in `dir` with its data in `dir/data`, days counted in UTC as the fixtures were made.
fn recall(dir: &Path) -> Command {
    let mut cmd = sandbox::recall_with_home(&dir.join("home"));
    cmd.current_dir(dir)
        .env("TZ", "UTC")
        .arg("--data-dir")
        .arg(dir.join("data"));
    cmd
}

fn import(dir: &Path, package: &Path) -> String {
    let out = recall(dir)
        .args(["import", "anki"])
        .arg(package)
        .args(["--output", "deck"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The item id recall gives card `ord` of the note with `guid`.
fn item(guid: &str, ord: u64) -> String {
    let base = format!("anki-{:016x}", fnv1a64(guid.as_bytes()));
    if ord == 0 {
        base
    } else {
        format!("{base}-{}", ord + 1)
    }
}

/// `recall export --format json`'s cards, by item id.
fn cards(dir: &Path) -> HashMap<String, Value> {
    let out = recall(dir)
        .args(["--content", "deck", "export", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    doc["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let id = c["id"].as_str().unwrap();
            (id.split('/').nth(1).unwrap().to_string(), c.clone())
        })
        .collect()
}

fn log_lines(dir: &Path) -> Vec<String> {
    let mut lines = Vec::new();
    for entry in std::fs::read_dir(dir.join("data")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "jsonl") {
            lines.extend(std::fs::read_to_string(path).unwrap().lines().map(str::to_string));
        }
    }
    lines
}

/// How many days an interval may be fuzzed either way (Anki's ranges; `src/core/srs/fuzz.rs`).
fn fuzz_days(interval: f64) -> f64 {
    if interval < 2.5 {
        return 0.0;
    }
    [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, f64::MAX, 0.05)]
        .iter()
        .fold(1.0, |d, (a, b, f)| d + f * (interval.min(*b) - a).max(0.0))
}

fn timestamp(s: &str) -> f64 {
    s.parse::<jiff::Timestamp>().unwrap().as_second() as f64
}

/// Checks one imported package against Anki's numbers; returns (largest S, largest D relative error,
/// largest due difference in days).
fn check_against_anki(dir: &Path) -> (f64, f64, f64) {
    let expected = expected();
    let cards = cards(dir);
    let lines = log_lines(dir);
    let (mut worst_s, mut worst_d, mut worst_due) = (0.0f64, 0.0f64, 0.0f64);
    for card in expected["cards"].as_array().unwrap() {
        let id = item(card["guid"].as_str().unwrap(), card["ord"].as_u64().unwrap());
        let mine = cards
            .get(&id)
            .unwrap_or_else(|| panic!("card {id} missing: {card}"));
        // Every graded review arrives, cram included (recall counts cram in `reviews`).
        let graded = card["revlog"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| (1..=4).contains(&r["ease"].as_i64().unwrap()))
            .count();
        let in_log = lines
            .iter()
            .filter(|l| l.contains("\"type\":\"review\"") && l.contains(&format!("/{id}\"")))
            .count();
        assert_eq!(in_log, graded, "reviews of {id}");
        assert_eq!(mine["reviews"].as_u64().unwrap() as usize, graded, "{id}");
        let anki = &card["from_revlog"];
        if anki.is_null() {
            assert!(mine["stability"].is_null(), "{id}: Anki has no memory state");
            continue;
        }
        let rel = |a: f64, b: f64| (a / b - 1.0).abs();
        let s = rel(
            mine["stability"].as_f64().unwrap(),
            anki["stability"].as_f64().unwrap(),
        );
        let d = rel(
            mine["difficulty"].as_f64().unwrap(),
            anki["difficulty"].as_f64().unwrap(),
        );
        assert!(s < 0.01 && d < 0.01, "{id}: recall {mine} vs Anki {anki}");
        worst_s = worst_s.max(s);
        worst_d = worst_d.max(d);
        let due = timestamp(mine["due"].as_str().unwrap());
        let anki_due = card["due_at"].as_f64().unwrap();
        let days = (due - anki_due).abs() / 86_400.0;
        if card["type"] == 2 {
            // Both schedulers fuzz the same FSRS interval (the stability, at 90 % retention).
            let allowed = 2.0 * fuzz_days(anki["stability"].as_f64().unwrap()) + 1.0;
            assert!(
                days <= allowed,
                "{id}: due {days} days apart, fuzz allows {allowed}"
            );
        } else {
            // (Re)learning: a step of minutes; Anki delays steps by a few minutes at most.
            assert!(days * 86_400.0 <= 600.0, "{id}: learning due {days} days apart");
        }
        worst_due = worst_due.max(days);
    }
    (worst_s, worst_d, worst_due)
}

#[test]
fn every_package_format_imports_every_note_review_and_memory_state() {
    let expected = expected();
    let total_cards = expected["cards"].as_array().unwrap().len();
    for name in [
        "anki-current.apkg",
        "anki-legacy.apkg",
        "anki-legacy1.apkg",
        "anki-collection.colpkg",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let summary = import(dir.path(), &fixture(name));
        assert!(
            summary.contains(&format!("({total_cards} facts)")),
            "{name}: {summary}"
        );
        recall(dir.path())
            .args(["--content", "deck", "check"])
            .assert()
            .success();
        let (s, d, due) = check_against_anki(dir.path());
        eprintln!("{name}: largest S error {s:.2e}, D error {d:.2e}, due difference {due} days");
    }
}

#[test]
fn importing_the_same_package_twice_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let first = import(dir.path(), &fixture("anki-current.apkg"));
    assert!(first.contains("0 already there"), "{first}");
    let lines = log_lines(dir.path());
    // Without --force the topic files are kept and nothing is written.
    recall(dir.path())
        .args(["import", "anki"])
        .arg(fixture("anki-current.apkg"))
        .args(["--output", "deck"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    let again = recall(dir.path())
        .args(["import", "anki"])
        .arg(fixture("anki-legacy.apkg"))
        .args(["--output", "deck", "--force"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let again = String::from_utf8(again).unwrap();
    assert!(
        again.contains("Added 0 review(s) and 0 schedule change(s)"),
        "{again}"
    );
    assert_eq!(log_lines(dir.path()), lines);
}

#[test]
fn the_text_export_of_the_same_collection_gives_the_same_topics_and_ids() {
    let dir = tempfile::tempdir().unwrap();
    import(dir.path(), &fixture("anki-current.apkg"));
    let from_package = cards(dir.path());
    let text_dir = tempfile::tempdir().unwrap();
    recall(text_dir.path())
        .args(["import", "anki"])
        .arg(fixture("anki-notes.txt"))
        .args(["--output", "deck"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Wrote 4 topic file(s)"));
    let from_text = cards(text_dir.path());
    let mut a: Vec<(&String, &str)> = from_package
        .iter()
        .map(|(k, v)| (k, v["topic"].as_str().unwrap()))
        .collect();
    let mut b: Vec<(&String, &str)> = from_text
        .iter()
        .map(|(k, v)| (k, v["topic"].as_str().unwrap()))
        .collect();
    a.sort();
    b.sort();
    assert_eq!(
        a, b,
        "same cards (cloze and reversed ones included) in the same topics"
    );
    let cloze = from_text
        .values()
        .find(|c| {
            c["prompt"]
                .as_str()
                .unwrap()
                .contains("SnapStart cuts cold starts for [...], Python")
        })
        .expect("the cloze card for c1");
    assert_eq!(cloze["topic"], "aws-lambda");
}

/// A zip holding `entries`.
fn zip_with(path: &Path, entries: &[(&str, &[u8])]) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    for (name, bytes) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// An SQLite file with a `col` table of schema `version`.
fn collection_of_version(path: &Path, version: i64) -> Vec<u8> {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "create table col (id integer primary key, crt integer, mod integer, scm integer, ver integer, \
         dty integer, usn integer, ls integer, conf text, models text, decks text, dconf text, tags text);",
    )
    .unwrap();
    conn.execute(
        "insert into col values (1, 0, 0, 0, ?1, 0, 0, 0, '{}', '{}', '{}', '{}', '{}')",
        [version],
    )
    .unwrap();
    drop(conn);
    std::fs::read(path).unwrap()
}

#[test]
fn bad_packages_fail_with_one_message_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    zip_with(&p.join("empty.apkg"), &[("media", b"{}")]);
    zip_with(
        &p.join("corrupt.apkg"),
        &[(
            "collection.anki21",
            b"this is not SQLite at all, just text".as_slice(),
        )],
    );
    let scratch = tempfile::tempdir().unwrap();
    let v99 = collection_of_version(&scratch.path().join("c"), 99);
    zip_with(&p.join("schema99.apkg"), &[("collection.anki21", &v99)]);
    zip_with(
        &p.join("badzstd.apkg"),
        &[("meta", b"\x08\x03"), ("collection.anki21b", b"not zstd")],
    );
    zip_with(&p.join("future.apkg"), &[("meta", b"\x08\x07")]);
    std::fs::write(p.join("truncated.apkg"), b"PK\x03\x04 and then nothing").unwrap();
    let big = std::fs::File::create(p.join("big.apkg")).unwrap();
    big.set_len(2_000_000_000).unwrap(); // sparse: nothing is written to disk
    let cases = [
        ("empty.apkg", "holds no Anki collection"),
        ("corrupt.apkg", "the collection inside is damaged"),
        (
            "schema99.apkg",
            "schema version 99; recall reads versions 11 and 18",
        ),
        ("badzstd.apkg", "the collection inside is damaged"),
        ("future.apkg", "written by a newer Anki"),
        ("truncated.apkg", "is not an Anki package"),
        (
            "big.apkg",
            "big.apkg is 2000 MB; recall reads packages up to 1000 MB",
        ),
    ];
    for (name, message) in cases {
        let output = recall(p)
            .args(["import", "anki", name])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(message))
            .get_output()
            .stderr
            .clone();
        let stderr = String::from_utf8(output).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{name}: one message: {stderr}");
    }
    let mut left = sandbox::file_names(p);
    left.retain(|n| !n.ends_with(".apkg"));
    assert!(left.is_empty(), "no deck folder, no data folder: {left:?}");
}
