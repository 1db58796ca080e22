//! Runs the real binary without letting it near the real home folder: `HOME` and every XDG folder point
//! into a folder the test owns, and the `RECALL_*` overrides of the developer's shell are removed. Every
//! test that starts `recall` does it through here (tests/home_isolation.rs fails if one does not).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A home under which no file can be created (`/dev/null` is not a folder): a command that needs no home
/// gets this one, so any write there fails the test instead of landing somewhere.
pub const NO_HOME: &str = "/dev/null/recall-test-home";

/// The environment that puts home and the XDG data, state, config and cache folders under `home`.
pub fn home_env(home: &Path) -> Vec<(&'static str, PathBuf)> {
    vec![
        ("HOME", home.to_path_buf()),
        ("XDG_DATA_HOME", home.join(".local/share")),
        ("XDG_STATE_HOME", home.join(".local/state")),
        ("XDG_CONFIG_HOME", home.join(".config")),
        ("XDG_CACHE_HOME", home.join(".cache")),
    ]
}

/// Variables of the developer's shell that would point recall elsewhere.
const OVERRIDES: [&str; 2] = ["RECALL_DATA_DIR", "RECALL_CONTENT"];

/// `recall` with no usable home: for commands that must not write outside the folders they are given.
pub fn recall() -> assert_cmd::Command {
    recall_with_home(Path::new(NO_HOME))
}

/// `recall` with its home (and XDG folders) in `home`.
pub fn recall_with_home(home: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_recall"));
    cmd.envs(home_env(home));
    for var in OVERRIDES {
        cmd.env_remove(var);
    }
    cmd
}

/// Points a `std::process::Command` (for a pseudo-terminal) at `home` the same way.
pub fn isolate(cmd: &mut std::process::Command, home: &Path) {
    cmd.envs(home_env(home));
    for var in OVERRIDES {
        cmd.env_remove(var);
    }
}

/// The names of the files in `dir`, sorted: what a command left behind in a folder the test owns.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
