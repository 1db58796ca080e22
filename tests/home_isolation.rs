//! The test suite never writes under the real home folder: every test that starts the binary goes through
//! `tests/sandbox` (which points HOME and the XDG folders into a folder the test owns), and the binary
//! itself creates nothing under the home folder for the headless commands.

mod sandbox;

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn every_test_that_starts_recall_gives_it_a_temporary_home() {
    // Spelled in pieces so this file does not match itself.
    let spawn_by_name = concat!("cargo_bin", "(");
    let binary_path = concat!("CARGO_BIN_EXE_", "recall");
    let real_paths = concat!("Paths::", "resolve(");
    let mut files = Vec::new();
    for dir in ["tests", "benches", "examples"] {
        if Path::new(dir).is_dir() {
            rust_files(Path::new(dir), &mut files);
        }
    }
    let mut offenders = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with("tests/sandbox")) {
        let text = std::fs::read_to_string(file).unwrap();
        if text.contains(spawn_by_name) || text.contains(real_paths) {
            offenders.push(file.display().to_string());
        }
        if text.contains(binary_path) && !text.contains("sandbox::isolate(") {
            offenders.push(file.display().to_string());
        }
    }
    assert!(
        offenders.is_empty(),
        "these tests start recall (or resolve its real paths) without tests/sandbox, so they may write \
         under the real home folder: {offenders:?}"
    );
}

#[test]
fn headless_commands_create_nothing_under_home() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let commands: &[&[&str]] = &[
        &["check"],
        &["list"],
        &["topics"],
        &["search", "lambda"],
        &["stats"],
        &["export"],
        &["export", "--format", "json"],
        &["optimize"],
    ];
    for args in commands {
        let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_recall"));
        cmd.env("HOME", &home).arg("--data-dir").arg(&data).args(*args);
        for var in [
            "XDG_DATA_HOME",
            "XDG_STATE_HOME",
            "XDG_CONFIG_HOME",
            "XDG_CACHE_HOME",
        ] {
            cmd.env_remove(var);
        }
        cmd.output().unwrap();
        let created: Vec<_> = std::fs::read_dir(&home)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert!(
            created.is_empty(),
            "`recall {}` created {created:?}",
            args.join(" ")
        );
    }
}

#[test]
fn an_interactive_run_refused_for_want_of_a_terminal_creates_nothing() {
    // Nothing is written before the terminal is known to be there: no device, lock or settings file.
    for args in [&["study"][..], &[], &["browse"], &["exam"]] {
        let dir = tempfile::tempdir().unwrap();
        let (home, data) = (dir.path().join("home"), dir.path().join("data"));
        std::fs::create_dir(&data).unwrap();
        sandbox::recall_with_home(&home)
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .assert()
            .code(1)
            .stderr(predicates::str::contains("the interface needs a terminal"));
        assert!(
            !home.exists(),
            "`recall {}` made {}",
            args.join(" "),
            home.display()
        );
        assert_eq!(sandbox::file_names(&data), Vec::<String>::new(), "{args:?}");
    }
}
