//! Bad input to the interactive commands is refused with a clear message and exit 1, before the terminal
//! is touched and before anything is recorded.

mod sandbox;

use assert_cmd::Command;
use predicates::prelude::*;

fn recall(data: &std::path::Path) -> Command {
    let mut cmd = sandbox::recall_with_home(&data.join("home"));
    cmd.env("RECALL_DATA_DIR", data);
    cmd
}

#[test]
fn zero_questions_zero_minutes_and_unknown_topics_are_refused() {
    let data = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["exam", "--questions", "0"],
            "the number of questions must be at least 1",
        ),
        (
            &["exam", "--minutes", "0"],
            "the exam must last at least 1 minute",
        ),
        (&["quiz", "-n", "0"], "the number of questions must be at least 1"),
        (&["exam", "--topic", "nope"], "there is no topic `nope`"),
        (&["study", "--topic", "nope"], "there is no topic `nope`"),
    ];
    for (args, message) in cases {
        recall(data.path())
            .args(*args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(*message));
    }
    let logs: Vec<_> = std::fs::read_dir(data.path())
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().starts_with("events-"))
                .collect()
        })
        .unwrap_or_default();
    assert!(logs.is_empty(), "refused commands record nothing");
}

#[test]
fn a_deck_without_scenarios_cannot_make_an_exam() {
    let data = tempfile::tempdir().unwrap();
    let deck = tempfile::tempdir().unwrap();
    std::fs::write(
        deck.path().join("t.toml"),
        "[topic]\nid = \"t\"\ntitle = \"T\"\n\n[[fact]]\nid = \"a\"\nprompt = \"P\"\nanswer = \"A\"\nsource = \"https://docs.aws.amazon.com/x.html\"\n",
    )
    .unwrap();
    recall(data.path())
        .arg("--content")
        .arg(deck.path())
        .arg("exam")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no scenarios"));
}

#[test]
fn the_interface_refuses_to_start_without_a_terminal() {
    let data = tempfile::tempdir().unwrap();
    recall(data.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the interface needs a terminal"));
}

#[test]
fn a_bad_config_is_an_error_with_line_and_column() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("config.toml"), "desired_retention = 1.5\n").unwrap();
    recall(data.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("config.toml:1:"));
}

#[test]
fn an_unknown_key_action_is_an_error_with_its_position() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("config.toml"), "[keys]\nfly = \"x\"\n").unwrap();
    recall(data.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("config.toml:2:1"));
}

#[test]
fn with_lang_ko_the_refusals_are_korean() {
    let data = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["quiz", "-n", "0"],
            "recall: 오류: 문제 수는 1 이상이어야 합니다.",
        ),
        (
            &["exam", "--minutes", "0"],
            "recall: 오류: 시험 시간은 1분 이상이어야 합니다.",
        ),
        (
            &["study", "--topic", "nope"],
            "recall: 오류: 덱에 `nope` 주제가 없습니다.",
        ),
        (&["list", "--topic", "nope"], "덱에 `nope` 주제가 없습니다."),
        (&[], "화면 인터페이스는 터미널에서만 실행할 수 있습니다."),
    ];
    for (args, message) in cases {
        recall(data.path())
            .args(["--lang", "ko"])
            .args(*args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(*message));
    }
}

#[test]
fn a_deck_that_cannot_be_used_is_explained_in_the_configured_language() {
    let data = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let broken = tempfile::tempdir().unwrap();
    std::fs::write(
        broken.path().join("t.toml"),
        "[topic]\nid = \"t\"\ntitle = \"\"\n",
    )
    .unwrap();
    let missing = data.path().join("no-such-deck");
    let cases = |lang: &str| -> Vec<(std::path::PathBuf, &'static str)> {
        if lang == "ko" {
            vec![
                (missing.clone(), "recall: 오류: 덱 폴더가 없습니다 — "),
                (empty.path().into(), "폴더에 주제 파일(*.toml)이 없습니다 — "),
                (broken.path().into(), "recall: 오류: 덱에 오류가 1개 있습니다."),
            ]
        } else {
            vec![
                (missing.clone(), "recall: error: deck folder "),
                (empty.path().into(), "holds no topic files (*.toml)"),
                (
                    broken.path().into(),
                    "recall: error: the deck has 1 problem; run `recall check`",
                ),
            ]
        }
    };
    // --lang decides; without it, the settings file's language; with neither, English. Nothing is created.
    std::fs::write(data.path().join("config.toml"), "language = \"ko\"\n").unwrap();
    for (flag, expected) in [(Some("en"), "en"), (None, "ko")] {
        for (deck, message) in cases(expected) {
            let mut cmd = recall(data.path());
            if let Some(flag) = flag {
                cmd.args(["--lang", flag]);
            }
            cmd.arg("--content")
                .arg(&deck)
                .args(["study"])
                .assert()
                .code(1)
                .stderr(predicate::str::contains(message));
        }
    }
    std::fs::remove_file(data.path().join("config.toml")).unwrap();
    for (deck, message) in cases("en") {
        recall(data.path())
            .arg("--content")
            .arg(&deck)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(message));
    }
    assert!(
        !data.path().join("config.toml").exists(),
        "a refusal writes no settings"
    );
}

#[test]
fn a_mistyped_command_line_is_explained_in_korean_and_still_exits_two() {
    let data = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["list", "--format", "xml"],
            "recall: 오류: --format <FORMAT>에 쓸 수 없는 값입니다: 'xml' (가능한 값: text, json)",
        ),
        (
            &["stuyd"],
            "recall: 오류: 알 수 없는 명령입니다: 'stuyd' (비슷한 명령: 'study')",
        ),
        (
            &["quiz", "-n", "abc"],
            "--questions <COUNT>의 값 형식이 올바르지 않습니다: 'abc'",
        ),
        (&["list", "--topic"], "--topic <TOPIC>에는 값이 필요합니다"),
    ];
    for (args, message) in cases {
        recall(data.path())
            .args(["--lang", "ko"])
            .args(*args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*message))
            .stderr(predicate::str::contains(
                "자세한 내용은 'recall --help'를 보세요.",
            ));
    }
    // English stays clap's own words; the settings file's language counts when --lang is absent.
    recall(data.path())
        .args(["list", "--format", "xml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: invalid value 'xml' for '--format <FORMAT>'",
        ));
    std::fs::write(data.path().join("config.toml"), "language = \"ko\"\n").unwrap();
    recall(data.path())
        .arg("stuyd")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("알 수 없는 명령입니다: 'stuyd'"));
    recall(data.path())
        .args(["--lang", "ko", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Usage: recall"));
}
