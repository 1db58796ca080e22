//! `recall check` on every invalid fixture: exit 1 and the expected `file:line:col: error` diagnostic.
//!
//! Each file under `tests/fixtures/invalid/` is named after the rule it breaks; this table pins where the
//! diagnostic must point, so a regression in spans or rules fails here.

mod sandbox;

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

/// (fixture = rule name, expected `line:col` or "" for a whole-file problem, severity)
const CASES: &[(&str, &str, &str)] = &[
    ("toml-syntax", "5:8", "error"),
    ("unknown-field", "10:1", "error"),
    ("missing-field", "5:1", "error"),
    ("missing-topic", "1:1", "error"),
    ("duplicate-id", "12:6", "error"),
    ("invalid-id", "6:6", "error"),
    ("empty-text", "7:10", "error"),
    ("control-character", "7:10", "error"),
    ("malformed-url", "9:10", "error"),
    ("no-correct-choice", "5:1", "error"),
    ("duplicate-choice", "16:1", "error"),
    ("too-few-choices", "5:1", "error"),
    ("row-shape", "13:10", "error"),
    ("keyword-not-in-prompt", "8:12", "error"),
    ("wrong-type", "13:10", "error"),
    ("invalid-date", "10:11", "error"),
    ("table-brackets", "16:1", "error"),
    ("unknown-related", "9:11", "error"),
];

fn recall() -> Command {
    sandbox::recall()
}

/// Copies one fixture into its own folder, since `--content` takes a folder.
fn deck_of(fixture: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new("tests/fixtures/invalid").join(format!("{fixture}.toml"));
    std::fs::copy(&src, dir.path().join(format!("{fixture}.toml"))).unwrap();
    dir
}

#[test]
fn every_rule_has_a_fixture_and_a_case() {
    let mut on_disk: Vec<String> = std::fs::read_dir("tests/fixtures/invalid")
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    on_disk.sort();
    let mut covered: Vec<String> = CASES.iter().map(|(name, ..)| name.to_string()).collect();
    covered.push("missing-translation".to_string());
    covered.push("stale".to_string());
    covered.push("answer-cue".to_string());
    covered.push("gives-away".to_string());
    covered.sort();
    assert_eq!(on_disk, covered, "every invalid fixture needs a row in CASES");
}

#[test]
fn each_invalid_fixture_fails_with_its_diagnostic() {
    for (rule, at, severity) in CASES {
        let dir = deck_of(rule);
        let file = dir.path().join(format!("{rule}.toml"));
        let expected = if at.is_empty() {
            format!("{}: {severity}: ", file.display())
        } else {
            format!("{}:{at}: {severity}: ", file.display())
        };
        recall()
            .args(["check", "--content"])
            .arg(dir.path())
            .assert()
            .code(1)
            .stderr(
                predicate::str::contains(expected.clone()).and(predicate::str::contains(format!("[{rule}]"))),
            )
            .stdout(predicate::str::starts_with("FAILED"));
    }
}

#[test]
fn missing_translation_is_a_warning_unless_strict() {
    let dir = deck_of("missing-translation");
    recall()
        .args(["check", "--content"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("3:9: warning: missing `ko` translation"));
    recall()
        .args(["check", "--strict", "--content"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("FAILED").and(predicate::str::contains("(strict)")))
        .stderr(predicate::str::contains(
            "error: 1 warning, and --strict treats warnings as errors",
        ));
}

#[test]
fn a_key_much_longer_than_every_distractor_is_a_warning() {
    let dir = deck_of("answer-cue");
    recall()
        .args(["check", "--content"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "5:1: warning: the right choice is 5.2× as long as the longest wrong one, so its length gives it away [answer-cue]",
        ));
    recall()
        .args(["check", "--strict", "--content"])
        .arg(dir.path())
        .assert()
        .code(1);
}

#[test]
fn an_answer_in_another_prompt_is_a_warning_until_the_two_are_related() {
    let dir = deck_of("gives-away");
    recall()
        .args(["check", "--content"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "6:6: warning: the answer of \"queue\" appears in the prompt of \"fan-out\" (en): studied first, it gives the answer away [gives-away]",
        ))
        .stderr(predicate::str::contains(r#"hint: add related = ["fan-out"] to one of the two"#));
    let related = std::fs::read_to_string(dir.path().join("gives-away.toml"))
        .unwrap()
        .replace("id = \"fan-out\"\n", "id = \"fan-out\"\nrelated = [\"queue\"]\n");
    std::fs::write(dir.path().join("gives-away.toml"), related).unwrap();
    recall()
        .args(["check", "--strict", "--content"])
        .arg(dir.path())
        .assert()
        .code(0);
}

/// Runs `recall check ARGS --content DIR` on a one-file deck and returns (exit code, stderr).
fn check_text(text: &str, args: &[&str]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.toml"), text).unwrap();
    let out = recall()
        .arg("check")
        .args(args)
        .arg("--content")
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    (out.status.code().unwrap(), stderr)
}

#[test]
fn stale_lists_old_and_undated_items_as_warnings_and_fails_under_strict() {
    let dir = deck_of("stale");
    let file = dir.path().join("stale.toml");
    // Without --stale, an old `checked` month is fine.
    recall()
        .args(["check", "--content"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::is_empty());
    // 2001-01 is more than 12 months before any month this test can run in.
    recall()
        .args(["check", "--stale", "12", "--content"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(
            predicate::str::contains(format!("{}:10:11: warning: checked 2001-01, ", file.display()))
                .and(predicate::str::contains("older than --stale 12 [stale]")),
        );
    recall()
        .args(["check", "--stale", "12", "--strict", "--content"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: 1 warning, and --strict treats warnings as errors",
        ));
}

#[test]
fn stale_also_lists_items_without_a_checked_month_and_months_yet_to_come() {
    let text = r#"[topic]
id = "t"
title = "T"

[[fact]]
id = "undated"
prompt = "P"
answer = "A"
source = "https://docs.aws.amazon.com/x.html"

[[fact]]
id = "future"
prompt = "P2"
answer = "A2"
source = "https://docs.aws.amazon.com/x.html"
checked = "9999-12"
"#;
    let (code, stderr) = check_text(text, &["--stale", "600"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("t.toml:5:1: warning: this [[fact]] has no `checked` month [stale]"),
        "{stderr}"
    );
    assert!(
        stderr.contains("t.toml:16:11: warning: checked 9999-12, which is after the current month"),
        "{stderr}"
    );
}

#[test]
fn a_wrong_type_does_not_hide_the_other_errors_of_the_file() {
    let text = r#"[topic]
id = "t"
title = "T"

[[fact]]
id = "a"
prompt = 42
answer = "A"
source = "https://docs.aws.amazon.com/x.html"

[[fact]]
id = "b"
prompt = { en = "P", ko = true }
answer = "A"
source = "nope"
extra = 1
"#;
    let (code, stderr) = check_text(text, &[]);
    assert_eq!(code, 1);
    for expected in [
        "t.toml:7:10: error: `prompt` in [[fact]] must be text",
        "not an integer [wrong-type]",
        "t.toml:13:27: error: `ko` of `prompt` in [[fact]] must be a string, not a boolean [wrong-type]",
        "t.toml:15:10: error: malformed source URL",
        "t.toml:16:1: error: unknown field `extra`",
    ] {
        assert!(stderr.contains(expected), "missing {expected:?} in:\n{stderr}");
    }
    // The wrongly typed value is reported once, not again as missing.
    assert!(!stderr.contains("missing required field"), "{stderr}");
}

#[test]
fn a_wrongly_typed_value_is_reported_once_without_follow_on_errors() {
    let text = r#"[topic]
id = "t"
title = "T"

[[compare]]
id = "c"
title = "C"
options = "A, B"
sources = ["https://docs.aws.amazon.com/x.html"]

[[compare.row]]
attribute = "Size"
values = ["1", "2"]

[[scenario]]
id = "s"
prompt = "P"
explanation = "E"
source = "https://docs.aws.amazon.com/x.html"

[[scenario.choice]]
text = "One"
correct = "yes"
why = "W"

[[scenario.choice]]
text = "Two"
why = "W"
"#;
    let (code, stderr) = check_text(text, &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains(
            "t.toml:8:11: error: `options` in [[compare]] must be a list of text values, not a string"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "t.toml:23:11: error: `correct` in [[scenario.choice]] must be true or false, not a string"
        ),
        "{stderr}"
    );
    // Not also "missing options", "this row has 2 values but … 0 options" or "no choice is marked correct".
    assert_eq!(stderr.matches("error:").count(), 2, "{stderr}");
}

#[test]
fn a_single_table_where_a_list_is_meant_suggests_double_brackets() {
    let text = r#"[topic]
id = "t"
title = "T"

[[compare]]
id = "c"
title = "C"
options = ["A", "B"]
sources = ["https://docs.aws.amazon.com/x.html"]

[compare.row]
attribute = "Size"
values = ["1", "2"]
"#;
    let (code, stderr) = check_text(text, &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("t.toml:11:1: error: [compare.row] is a single table, but [[compare.row]] is a list"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: write [[compare.row]] (double brackets)"),
        "{stderr}"
    );
    // One problem, one message: not also "needs at least one row".
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
}

#[test]
fn a_missing_topic_and_an_unquoted_month_come_with_hints() {
    let (_, stderr) = check_text("[[fact]]\nid = \"a\"\n", &[]);
    assert!(
        stderr.contains("t.toml:1:1: error: missing `[topic]` table")
            && stderr.contains("hint: start the file with a [topic] table"),
        "{stderr}"
    );
    let (_, stderr) = check_text("[topic]\nid = \"t\"\ntitle = \"T\"\nchecked = 2026-11\n", &[]);
    assert!(
        stderr.contains(r#"hint: write the month as a quoted string: checked = "2026-11""#),
        "{stderr}"
    );
}

#[test]
fn every_problem_of_a_file_is_reported_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"[topic]
id = "t"
title = "T"
colour = "red"

[[fact]]
id = "a"
prompt = "P"
source = "nope"
extra = 1
"#;
    std::fs::write(dir.path().join("t.toml"), text).unwrap();
    let out = recall()
        .args(["check", "--content"])
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(out).unwrap();
    for expected in [
        "t.toml:4:1: error: unknown field `colour`",
        "t.toml:10:1: error: unknown field `extra`",
        "error: missing required field `answer`",
        "t.toml:9:10: error: malformed source URL",
    ] {
        assert!(stderr.contains(expected), "missing {expected:?} in:\n{stderr}");
    }
}

#[test]
fn duplicate_topic_ids_across_files_name_both_places() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.toml"),
        "[topic]\nid = \"same\"\ntitle = \"A\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.toml"),
        "[topic]\nid = \"same\"\ntitle = \"B\"\n",
    )
    .unwrap();
    recall()
        .args(["check", "--content"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("b.toml:2:6: error: duplicate topic id `same`")
                .and(predicate::str::contains("a.toml:2:6")),
        );
}

#[test]
fn a_missing_or_empty_folder_is_a_clear_error() {
    recall()
        .args(["check", "--content", "/definitely/not/here"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "deck folder /definitely/not/here does not exist",
        ));
    let empty = tempfile::tempdir().unwrap();
    recall()
        .args(["list", "--content"])
        .arg(empty.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("holds no topic files"));
}

#[test]
fn non_utf8_files_are_diagnosed_not_panicked_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), b"[topic]\nid = \"\xff\"\n").unwrap();
    recall()
        .args(["check", "--content"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "bad.toml:2:7: error: the file is not valid UTF-8",
        ));
}

#[test]
fn a_huge_topic_file_is_refused_unread_and_the_others_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/valid/minimal/basics.toml",
        dir.path().join("basics.toml"),
    )
    .unwrap();
    // Sparse: 65 MiB as far as the file system says, no disk space used.
    let dump = std::fs::File::create(dir.path().join("dump.toml")).unwrap();
    dump.set_len(65 * 1024 * 1024).unwrap();
    recall()
        .args(["check", "--content"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "dump.toml: error: the file is larger than 64 MiB [unreadable]",
        ))
        .stderr(predicate::str::contains(
            "split the topic into several topic files",
        ))
        .stdout(predicate::str::contains("1 topic,"));
}

#[test]
fn usage_errors_exit_with_two() {
    recall().args(["list", "--format", "xml"]).assert().code(2);
    recall().arg("no-such-command").assert().code(2);
}

#[test]
fn the_env_variable_selects_the_deck() {
    recall()
        .env("RECALL_CONTENT", "tests/fixtures/valid/minimal")
        .arg("topics")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("basics"));
}

#[test]
fn list_of_an_unknown_topic_names_the_known_ones() {
    recall()
        .args([
            "list",
            "--topic",
            "nope",
            "--content",
            "tests/fixtures/valid/minimal",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no topic `nope`").and(predicate::str::contains("basics")));
}

#[cfg(unix)]
#[test]
fn a_newline_in_a_file_name_or_a_quoted_key_cannot_forge_a_diagnostic_line() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir
        .path()
        .join("deck\nok: deck: 9 topics, 99 items; 0 errors, 0 warnings");
    std::fs::create_dir(&deck).unwrap();
    let name = "a.toml:1:1: error: forged [x]\nok: everything is fine\nb.toml";
    let text = "[topic]\nid = \"x\"\ntitle = \"X\"\n[[fact]]\nid = \"a\"\nprompt = \"p\"\nanswer = \"a\"\n\
                source = \"https://example.com/\"\n\"one\\ntwo: error: forged\" = 1\n";
    std::fs::write(deck.join(name), text).unwrap();
    let out = recall()
        .arg("check")
        .arg("--content")
        .arg(&deck)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let prefix = deck.display().to_string().replace('\n', "\\u{a}");
    for line in stderr.lines() {
        assert!(
            line.starts_with(&prefix) || line.starts_with("  = hint: "),
            "a line of its own: {line:?}\n{stderr}"
        );
    }
    assert!(
        stderr.contains("a.toml:1:1: error: forged [x]\\u{a}ok: everything is fine\\u{a}b.toml:9:1: error:"),
        "{stderr}"
    );
    assert!(stderr.contains("one\\u{a}two"), "{stderr}");
    assert_eq!(stdout.lines().count(), 1, "one summary line: {stdout}");
    assert!(stdout.starts_with("FAILED: "), "{stdout}");
}
