//! `recall export` and `recall stats` as a user runs them: stdout by default or with `-`, files written
//! whole, an existing file refused without `--force`, no file left by a failed write, usage errors exit 2.

mod sandbox;

mod fixture_log;

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

/// A data directory holding a copy of the fixture log.
fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let name = "events-fixture.jsonl";
    std::fs::copy(fixture_log::log_dir().join(name), dir.path().join(name)).unwrap();
    dir
}

fn recall(data: &Path) -> Command {
    let mut cmd = sandbox::recall();
    cmd.arg("--content")
        .arg(fixture_log::deck_dir())
        .arg("--data-dir")
        .arg(data)
        .env("TZ", "UTC");
    cmd
}

#[test]
fn csv_goes_to_stdout_without_output_or_with_a_dash() {
    let data = data_dir();
    for extra in [&[][..], &["--output", "-"][..]] {
        let out = recall(data.path())
            .args(["export", "--format", "csv"])
            .args(extra)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let mut reader = csv::Reader::from_reader(&out[..]);
        assert_eq!(&reader.headers().unwrap()[0], "id");
        assert_eq!(reader.records().count(), 3);
    }
}

#[test]
fn an_existing_file_is_not_overwritten_without_force() {
    let data = data_dir();
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("progress.json");
    recall(data.path())
        .args(["export", "--format", "json", "--output"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Wrote"));
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(doc["format"], "recall-export");

    std::fs::write(&path, "keep me").unwrap();
    recall(data.path())
        .args(["export", "--format", "anki", "-o"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"))
        .stderr(predicate::str::contains("--force"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    recall(data.path())
        .args(["--lang", "ko", "export", "--format", "anki", "-o"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "recall: 오류: 파일이 이미 있습니다. 덮어쓰려면 --force를 지정하세요 — ",
        ));

    recall(data.path())
        .args(["export", "--format", "anki", "--force", "-o"])
        .arg(&path)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("#separator:tab\n")
    );
    assert_eq!(
        sandbox::file_names(out.path()),
        ["progress.json"],
        "no temporary file left"
    );
}

#[test]
fn a_failed_write_leaves_no_file_behind() {
    let data = data_dir();
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("missing-dir").join("cards.csv");
    recall(data.path())
        .args(["export", "--output"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot write"));
    assert!(sandbox::file_names(out.path()).is_empty());
}

#[test]
fn reviews_and_exams_export_as_csv_and_refuse_other_formats() {
    let data = data_dir();
    recall(data.path())
        .args(["export", "--what", "exams"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("exam,started_at,"))
        .stdout(predicate::str::contains("exam-2,"));
    recall(data.path())
        .args(["export", "--what", "reviews", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("fx-20,"));
    recall(data.path())
        .args(["export", "--what", "reviews", "--format", "json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("CSV only"));
    recall(data.path())
        .args(["--lang", "ko", "export", "--what", "exams", "--format", "json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "recall: 오류: --what reviews와 --what exams는 CSV로만 내보낼 수 있습니다",
        ));
}

#[test]
fn stats_print_text_and_json() {
    let data = data_dir();
    recall(data.path())
        .arg("stats")
        .assert()
        .success()
        .stdout(predicate::str::contains("Retention     mature 67% (2/3)"))
        .stdout(predicate::str::contains("2025-05-02   775  pass  (3/4)"));
    let out = recall(data.path())
        .args(["stats", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let stats: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(stats["reviews"], 12);
    assert_eq!(stats["heatmap"].as_array().unwrap().len(), 6);
}

/// `recall stats --lang ko`: Korean labels, not only topic titles, and columns that line up on screen
/// (by display width: a Hangul syllable takes two columns).
#[test]
fn stats_in_korean_are_labelled_in_korean_and_aligned_by_display_width() {
    use unicode_width::UnicodeWidthStr;
    let data = data_dir();
    let out = recall(data.path())
        .args(["stats", "--lang", "ko"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for label in [
        "학습 시간",
        "연속 학습",
        "기억률",
        "성숙 카드",
        "주제",
        "앞으로",
        "일별 복습",
        "모의고사",
        "합격",
    ] {
        assert!(text.contains(label), "{label} missing:\n{text}");
    }
    // One term per concept, as Anki ko says them (K83, K84).
    for old in ["유지율", "성숙한"] {
        assert!(!text.contains(old), "{old} is the old term:\n{text}");
    }
    for english in [
        "Reviews",
        "Time studied",
        "Streak",
        "Topic",
        "Due in",
        "Mock exams",
        "pass",
    ] {
        assert!(!text.contains(english), "{english} left in English:\n{text}");
    }
    // The summary's values start in one column.
    let summary: Vec<&str> = text.lines().skip(2).take_while(|l| !l.is_empty()).collect();
    let value_columns: Vec<usize> = summary
        .iter()
        .map(|l| {
            let label_end = l.find("  ").unwrap();
            let value_start = label_end + l[label_end..].len() - l[label_end..].trim_start().len();
            l[..value_start].width()
        })
        .collect();
    assert!(value_columns.windows(2).all(|w| w[0] == w[1]), "{summary:#?}");
    // The topic table's counts end in one column: everything before the retention is equally wide.
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("주제"))
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(table.len() > 1, "{text}");
    let widths: Vec<usize> = table
        .iter()
        .map(|l| l.rsplit_once("  ").unwrap().0.width())
        .collect();
    assert!(widths.windows(2).all(|w| w[0] == w[1]), "{table:#?}");
}

#[test]
fn stats_on_an_empty_log_say_how_to_start() {
    let empty = tempfile::tempdir().unwrap();
    recall(empty.path())
        .arg("stats")
        .assert()
        .success()
        .stdout(predicate::str::contains("No reviews yet"))
        .stdout(predicate::str::contains("press s on home"))
        .stdout(predicate::str::contains("Cards: 3 new."));
}

/// `recall stats` reads the log before it loads the deck: a deck that cannot be used is still what is
/// reported when the log cannot be read either, and a log from a newer recall is refused with a good deck.
#[test]
fn stats_report_an_unusable_deck_before_a_log_from_a_newer_recall() {
    let data = data_dir();
    let newer = "{\"v\":99,\"id\":\"f\",\"at\":\"2025-01-01T10:00:00Z\",\"type\":\"hologram\"}\n";
    std::fs::write(data.path().join("events-newer.jsonl"), newer).unwrap();
    recall(data.path())
        .arg("stats")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("update recall"));
    let broken = tempfile::tempdir().unwrap();
    std::fs::write(broken.path().join("t.toml"), "this is = = not toml\n").unwrap();
    sandbox::recall()
        .arg("--content")
        .arg(broken.path())
        .arg("--data-dir")
        .arg(data.path())
        .arg("stats")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("t.toml"))
        .stderr(predicate::str::contains("update recall").not());
}
