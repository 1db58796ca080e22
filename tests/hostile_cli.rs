//! Hostile input against the headless commands: decks, logs, settings files and file names carrying ESC,
//! BEL, C1 and bidi controls never reach standard output or standard error raw (they show as `\u{1b}`),
//! and the edges of a pipe, a read-only folder and a broken settings file end cleanly, each message once.

mod sandbox;
mod skip;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Output;

use proptest::prelude::*;

/// Whether `c` must never be printed raw (the issue's list: C0 but newline and tab, DEL, C1, bidi).
fn hostile(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The first hostile character of `bytes` as text (bytes that are not UTF-8 count too), if any.
fn first_hostile(bytes: &[u8]) -> Option<String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.chars().find(|&c| hostile(c)).map(|c| format!("{c:?}")),
        Err(e) => Some(format!("a byte that is not UTF-8 at {}", e.valid_up_to())),
    }
}

fn assert_clean(what: &str, out: &Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        if let Some(c) = first_hostile(bytes) {
            panic!(
                "{what}: {stream} carries {c} raw:\n{}",
                String::from_utf8_lossy(bytes).escape_debug()
            );
        }
    }
}

/// Every headless command, with the output formats a user can ask for.
const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["check", "--strict"],
    &["list"],
    &["list", "--format", "json"],
    &["topics"],
    &["topics", "--format", "json"],
    &["search", "lambda"],
    &["search", "a", "--format", "json"],
    &["stats"],
    &["stats", "--format", "json"],
    &["export"],
    &["export", "--format", "json"],
    &["export", "--format", "anki"],
    &["export", "--what", "reviews"],
    &["export", "--what", "exams"],
    &["optimize"],
];

/// Runs every headless command on `deck` (a folder) and `data`, asserting each output is clean.
fn run_all(deck: &Path, data: &Path) {
    for args in COMMANDS {
        let out = sandbox::recall()
            .arg("--content")
            .arg(deck)
            .arg("--data-dir")
            .arg(data)
            .args(*args)
            .env("TZ", "UTC")
            .output()
            .unwrap();
        assert_clean(&args.join(" "), &out);
    }
}

const ESC_TITLE: &str = "\u{1b}]0;PWNED\u{7}";

/// A deck that breaks one rule per line, each time quoting something hostile.
fn hostile_deck() -> String {
    format!(
        r#"[topic]
id = "t"
title = "T"
"{esc}" = 1

[[fact]]
id = "Bad{csi}"
prompt = {{ en = "p?", "{esc}" = "x" }}
answer = "a"
source = "https://example.com/{rlo}fdp.exe"

[[fact]]
id = "f2"
prompt = "p2?"
answer = "a2"
source = "https://example.com/"

[[fact]]
id = "f2"
prompt = "p3?"
answer = "a3"
source = "https://example.com/"

[[scenario]]
id = "s"
prompt = "Which one?"
keywords = ["{c1}nothing"]
explanation = "e"
source = "https://example.com/"
[[scenario.choice]]
text = "yes"
correct = true
why = "w"
[[scenario.choice]]
text = "no"
why = "w"
"#,
        esc = "\\u001b]0;PWNED\\u0007",
        csi = "\\u001b[31m",
        rlo = "\\u202e",
        c1 = "\\u009b",
    )
}

#[test]
fn check_shows_every_quoted_control_character_as_an_escape() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("deck\u{1b}[2J");
    std::fs::create_dir(&deck).unwrap();
    std::fs::write(deck.join("t\u{1b}]0;x\u{7}.toml"), hostile_deck()).unwrap();
    let out = sandbox::recall()
        .arg("--content")
        .arg(&deck)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_clean("check", &out);
    let err = String::from_utf8(out.stderr).unwrap();
    for expected in [
        "unknown field `\\u{1b}]0;PWNED\\u{7}`",
        "invalid id \"Bad\\u{1b}[31m\"",
        "malformed source URL",
        "keyword-not-in-prompt",
        "[duplicate-id]",
        "deck\\u{1b}[2J/t\\u{1b}]0;x\\u{7}.toml:",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(!err.contains(ESC_TITLE));
}

#[test]
fn a_url_with_a_bidi_override_fails_check_and_is_never_listed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.toml"),
        "[topic]\nid = \"t\"\ntitle = \"T\"\n\n[[fact]]\nid = \"f\"\nprompt = \"p?\"\nanswer = \"a\"\n\
         source = \"https://example.com/\u{202e}exe.pdf\"\n",
    )
    .unwrap();
    let check = sandbox::recall()
        .arg("--content")
        .arg(dir.path())
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    let err = String::from_utf8(check.stderr).unwrap();
    assert!(
        err.contains("[malformed-url]") && err.contains("\\u{202e}"),
        "{err}"
    );
    let list = sandbox::recall()
        .arg("--content")
        .arg(dir.path())
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(list.status.code(), Some(1));
    assert_clean("list", &list);
}

/// A log whose every line carries an escape sequence somewhere a warning or an export would quote it.
fn hostile_log() -> String {
    [
        r#"{"v":1,"id":"r1","at":"2025-01-01T10:00:00Z","type":"review","card":"basics/pitr-window","rating":"good","duration_ms":1}"#,
        r#"{"v":1,"id":"r2","at":"2025-01-01T10:00:00Z","type":"\u001b]0;PWNED\u0007"}"#,
        r#"{"v":1,"id":"r3","at":"2025-01-01T10:00:00Z","type":"review","card":"basics/pitr-window","rating":"\u001b[31m"}"#,
        r#"{"v":1,"id":"r4","at":"2025-01-01T10:00:00Z","type":"answer","card":"basics/pitr-window","correct":true,"mode":"\u009b2J"}"#,
        r#"{"v":1,"id":"r5\u001b[2J","at":"2025-01-01T10:00:00Z","type":"review","card":"basics/pitr-window","rating":"good"}"#,
        r#"{"v":1,"id":"r6","at":"2025-01-01T10:00:00Z","type":"review","card":"basics/\u202epitr","rating":"good"}"#,
        r#"{"v":1,"id":"r7","at":"2025-01-01T10:00:00Z","type":"exam_started","exam":"x\u0085","seed":1,"questions":[],"time_limit_s":60}"#,
        r#"{"v":1,"id":"r8","at":"2025-01-01T10:00:00Z","type":"exam_finished","exam":"e\u0007","correct":1,"total":1,"scaled":1000,"used_s":1}"#,
    ]
    .join("\n")
        + "\n"
}

#[test]
fn log_warnings_and_exports_never_carry_a_control_character_from_the_log() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("events-\u{1b}]0;x\u{7}.jsonl"), hostile_log()).unwrap();
    let deck = Path::new("tests/fixtures/valid/minimal");
    run_all(deck, data.path());
    let stats = sandbox::recall()
        .args(["--content", "tests/fixtures/valid/minimal", "--data-dir"])
        .arg(data.path())
        .arg("stats")
        .output()
        .unwrap();
    let err = String::from_utf8(stats.stderr).unwrap();
    assert_eq!(err.lines().count(), 7, "one warning per bad line:\n{err}");
    assert!(err.contains("events-\\u{1b}]0;x\\u{7}.jsonl:2:"), "{err}");
    assert!(err.contains("unknown variant `\\u{1b}[31m`"), "{err}");
    let reviews = sandbox::recall()
        .args(["--content", "tests/fixtures/valid/minimal", "--data-dir"])
        .arg(data.path())
        .args(["export", "--what", "reviews"])
        .output()
        .unwrap();
    let csv = String::from_utf8(reviews.stdout).unwrap();
    assert_eq!(
        csv.lines().count(),
        2,
        "the header and the one good review:\n{csv}"
    );
}

#[test]
fn settings_errors_quote_their_values_as_escapes() {
    let cases = [
        "\"\u{1b}]0;x\u{7}\" = 1\n",
        "[\"\u{1b}[2J\"]\nx = 1\n",
        "language = \"\u{9b}31m\"\n",
        "theme = \"\u{202e}dark\"\n",
        "[keys]\n\"\u{1b}q\" = \"q\"\n",
        "[keys]\nquit = \"\u{1b}\"\n",
    ];
    for config in cases {
        let data = tempfile::tempdir().unwrap();
        std::fs::write(data.path().join("config.toml"), config).unwrap();
        let out = sandbox::recall()
            .arg("--data-dir")
            .arg(data.path())
            .arg("stats")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{config:?}");
        assert_clean(&format!("{config:?}"), &out);
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("config.toml:"), "{err}");
    }
}

/// Bytes that are likely to matter: escape sequences, C1 and bidi controls, quotes and TOML syntax.
fn spicy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\u{1b}]0;PWNED\u{7}".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("\u{9b}31m".to_string()),
        Just("\u{85}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{2066}".to_string()),
        Just("\u{7f}\r\u{0}".to_string()),
        Just("\"".to_string()),
        Just("\\u001b".to_string()),
        "[a-z]{1,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 1..6).prop_map(|parts| parts.concat())
}

/// A deck file: either arbitrary bytes or a topic whose every value may be hostile.
fn deck_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        (spicy_text(), spicy_text(), spicy_text(), spicy_text()).prop_map(|(id, key, text, url)| {
            let q = |s: &str| serde_json::to_string(s).unwrap();
            format!(
                "[topic]\nid = {}\ntitle = {}\n{} = 1\n\n[[fact]]\nid = {}\nprompt = {{ en = {}, {} = \"x\" }}\n\
                 answer = {}\nsource = {}\n\n[[scenario]]\nid = \"s\"\nprompt = \"p\"\nkeywords = [{}]\n",
                q(&id), q(&text), q(&key), q(&id), q(&text), q(&key), q(&text), q(&url), q(&text)
            )
            .into_bytes()
        }),
    ]
}

/// A settings file: arbitrary bytes or settings with hostile names and values.
fn config_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..120),
        (spicy_text(), spicy_text()).prop_map(|(a, b)| {
            let q = |s: &str| serde_json::to_string(s).unwrap();
            format!(
                "language = {}\ntheme = {}\n[keys]\n{} = {}\n",
                q(&a),
                q(&b),
                q(&a),
                q(&b)
            )
            .into_bytes()
        }),
    ]
}

/// A log: arbitrary bytes, or events with hostile ids and values.
fn log_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        (spicy_text(), spicy_text()).prop_map(|(a, b)| {
            let q = |s: &str| serde_json::to_string(s).unwrap();
            format!(
                "{{\"v\":1,\"id\":{},\"at\":\"2025-01-01T10:00:00Z\",\"type\":\"review\",\"card\":{},\"rating\":\"good\"}}\n\
                 {{\"v\":1,\"id\":\"x\",\"at\":\"2025-01-01T10:00:00Z\",\"type\":{},\"rating\":{}}}\n\
                 {{\"v\":1,\"id\":\"y\",\"at\":\"2025-01-01T10:00:00Z\",\"type\":\"exam_finished\",\"exam\":{},\"correct\":1,\"total\":1,\"scaled\":1000,\"used_s\":1}}\n",
                q(&a), q(&b), q(&b), q(&a), q(&a)
            )
            .into_bytes()
        }),
    ]
}

/// A file name: arbitrary bytes but `/` and NUL (what Linux allows).
fn file_name() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        any::<u8>().prop_filter("not / or NUL", |b| *b != b'/' && *b != 0),
        1..12,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn no_headless_command_prints_a_raw_control_character(
        deck in deck_bytes(),
        deck_name in file_name(),
        config in config_bytes(),
        log in log_bytes(),
        log_name in file_name(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let deck_dir = dir.path().join(OsStr::from_bytes(&deck_name));
        let deck_dir = if deck_name == b"." || deck_name == b".." { dir.path().join("deck") } else { deck_dir };
        std::fs::create_dir_all(&deck_dir).unwrap();
        let mut topic = deck_name.clone();
        topic.extend_from_slice(b".toml");
        std::fs::write(deck_dir.join(OsStr::from_bytes(&topic)), &deck).unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        std::fs::write(data.join("config.toml"), &config).unwrap();
        let mut log_file = b"events-".to_vec();
        log_file.extend_from_slice(&log_name);
        log_file.extend_from_slice(b".jsonl");
        std::fs::write(data.join(OsStr::from_bytes(&log_file)), &log).unwrap();
        run_all(&deck_dir, &data);
        // The valid deck with the hostile settings and log reaches the commands that read progress.
        std::fs::remove_file(data.join("config.toml")).unwrap();
        run_all(Path::new("tests/fixtures/valid/minimal"), &data);
    }
}

#[test]
fn a_closed_stdout_ends_quietly_with_success() {
    use std::process::{Command, Stdio};
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_recall"));
    sandbox::isolate(&mut cmd, Path::new(sandbox::NO_HOME));
    let mut child = cmd
        .arg("list")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Like `head -1`: read one line (the listing is far bigger than a pipe's buffer), then go away.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    let n = std::io::Read::read(&mut stdout, &mut first).unwrap();
    assert!(n > 0);
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn read_only_commands_never_create_the_settings_file() {
    let data = tempfile::tempdir().unwrap();
    for args in [
        &["stats"][..],
        &["export"],
        &["export", "--format", "json"],
        &["list"],
    ] {
        sandbox::recall()
            .arg("--data-dir")
            .arg(data.path())
            .args(args)
            .assert()
            .success();
    }
    assert!(!data.path().join("config.toml").exists());
}

#[test]
fn stats_and_export_work_in_a_read_only_data_folder() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o555)).unwrap();
    let data = if std::fs::write(data.join("probe"), b"").is_ok() {
        // Root ignores permission bits; /sys refuses new files even to root (and holds no recall files).
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
        if !Path::new("/sys/kernel").is_dir() {
            return skip::skip(
                "stats_and_export_work_in_a_read_only_data_folder",
                "running as root and no /sys to stand in for a read-only folder",
            );
        }
        Path::new("/sys/kernel").to_path_buf()
    } else {
        data
    };
    for args in [&["stats"][..], &["export"]] {
        sandbox::recall()
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .assert()
            .success();
    }
    let _ = std::fs::set_permissions(dir.path().join("data"), std::fs::Permissions::from_mode(0o755));
}

/// Runs `recall stats` with `config` as the settings file; returns stderr after asserting failure.
fn stats_error(config: &[u8]) -> String {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("config.toml"), config).unwrap();
    let out = sandbox::recall()
        .arg("--data-dir")
        .arg(data.path())
        .arg("stats")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{:?} was accepted",
        String::from_utf8_lossy(config)
    );
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn every_command_checks_the_settings_by_the_same_rules_with_line_and_column() {
    for (config, expected) in [
        (
            &b"theme = \"dark\"\n"[..],
            "config.toml:1:9: unknown theme `dark`",
        ),
        (
            b"\n[keys]\nfly = \"f\"\n",
            "config.toml:3:1: unknown [keys] action `fly`",
        ),
        (
            b"[keys]\nquit = \"alt+q\"\n",
            "config.toml:2:8: `alt+q`: alt+ and shift+",
        ),
        (
            b"[keys]\nquit = \"ctrl+enter\"\n",
            "config.toml:2:8: `ctrl+enter`: ctrl+ combines",
        ),
        (
            b"new_per_day = 5\nlanguage = \"k\xffo\"\n",
            "config.toml:2:14: the file is not valid UTF-8",
        ),
    ] {
        let err = stats_error(config);
        assert!(err.contains(expected), "expected {expected:?} in:\n{err}");
        let export = {
            let data = tempfile::tempdir().unwrap();
            std::fs::write(data.path().join("config.toml"), config).unwrap();
            sandbox::recall()
                .arg("--data-dir")
                .arg(data.path())
                .arg("export")
                .output()
                .unwrap()
        };
        assert_eq!(export.status.code(), Some(1), "export accepted {expected:?}");
    }
}

#[test]
fn each_error_message_is_printed_once() {
    let err = stats_error(b"desired_retention = 2.0\n");
    assert_eq!(err.matches("out of range").count(), 1, "{err}");
    assert_eq!(err.lines().filter(|l| l.contains("error")).count(), 1, "{err}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let out = sandbox::recall()
        .arg("--data-dir")
        .arg(file.join("data"))
        .arg("stats")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.matches("os error 20").count(), 1, "{err}");
}

#[test]
fn a_typed_escape_sequence_never_reaches_the_terminal_through_clap_s_errors() {
    let cases: &[&[&str]] = &[
        &["\u{1b}]0;PWNED\u{7}"],
        &["list", "--format", "\u{1b}[31mred\u{9b}2J"],
        &["--bogus\u{202e}txt.exe"],
        &["quiz", "-n", "\u{1b}[2J"],
    ];
    for args in cases {
        for lang in ["en", "ko"] {
            // Colours forced on: clap then passes what it quotes through unstripped.
            let out = sandbox::recall()
                .env("CLICOLOR_FORCE", "1")
                .args(["--lang", lang])
                .args(*args)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert_clean(&format!("recall --lang {lang} {args:?}"), &out);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains("\\u{"), "the value is shown, escaped: {stderr}");
        }
    }
}
