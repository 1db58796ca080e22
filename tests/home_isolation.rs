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
fn the_device_file_of_an_interactive_run_lands_in_the_given_home() {
    // The interface records its device id before it needs a terminal: under the sandbox's home, not ours.
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    sandbox::recall_with_home(&home)
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .arg("study")
        .assert()
        .code(1);
    let state = home.join(".local/state/recall");
    let files: Vec<String> = std::fs::read_dir(&state)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    // `recall study` takes the machine-local study lock first; it lives beside the device file.
    let (locks, devices): (Vec<_>, Vec<_>) = files.iter().partition(|f| f.ends_with(".study.lock"));
    assert_eq!(
        locks.len(),
        1,
        "the study lock is under the given home too: {files:?}"
    );
    assert_eq!(
        devices.len(),
        1,
        "expected one device file in {}",
        state.display()
    );
}
