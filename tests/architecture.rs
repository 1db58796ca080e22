//! The layering rules of DESIGN.md: `src/core` is pure. It must not name the terminal crates, read the clock
//! or use a global RNG; time and randomness come in as parameters. Inside core, dependencies point one way.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Lines of `src/core` that contain any of `needles`, outside comments.
fn offending_lines(needles: &[&str]) -> Vec<String> {
    offending_lines_in("src/core", needles)
}

/// Lines of the files under `dir` that contain any of `needles`, outside comments.
fn offending_lines_in(dir: &str, needles: &[&str]) -> Vec<String> {
    let mut hits = Vec::new();
    for file in rust_files(Path::new(dir)) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if needles.iter().any(|needle| code.contains(needle)) {
                hits.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    hits
}

#[test]
fn core_does_not_name_the_terminal_crates() {
    let hits = offending_lines(&["ratatui", "crossterm"]);
    assert!(
        hits.is_empty(),
        "src/core must not use ratatui/crossterm:\n{}",
        hits.join("\n")
    );
}

#[test]
fn core_does_not_read_the_clock_or_global_rng() {
    let hits = offending_lines(&[
        "SystemTime::now",
        "Instant::now",
        "Timestamp::now",
        "Zoned::now",
        "Utc::now",
        "Local::now",
        "thread_rng",
        "rand::rng()",
        "from_os_rng",
        "from_entropy",
    ]);
    assert!(
        hits.is_empty(),
        "src/core must take time and randomness as parameters:\n{}",
        hits.join("\n")
    );
}

#[test]
fn scheduling_and_quizzes_sit_below_the_replay() {
    // `core::progress` replays the log with `srs` and scores exams with `quiz`; neither names it back. The
    // event schema they share is `core::event`, and srs reads history through its own `History` trait.
    for dir in ["src/core/srs", "src/core/quiz"] {
        let hits = offending_lines_in(dir, &["core::progress", "super::progress"]);
        assert!(
            hits.is_empty(),
            "{dir} must not depend on core::progress:\n{}",
            hits.join("\n")
        );
    }
    assert!(
        !offending_lines_in("src/core/srs", &["core::event"]).is_empty(),
        "the scan sees srs"
    );
}

#[test]
fn the_scan_actually_sees_core_files() {
    // Guards the two tests above against passing vacuously (e.g. after a move of src/core).
    assert!(rust_files(Path::new("src/core")).len() >= 5);
    assert!(!offending_lines(&["pub fn load"]).is_empty());
}

#[test]
fn the_clock_is_read_only_through_io_clock() {
    // jiff's own `now` panics on a clock at or after 9999-12-31; `io::clock::now` reads it without that.
    let hits: Vec<String> = ["src", "examples"]
        .iter()
        .flat_map(|dir| offending_lines_in(dir, &["Timestamp::now", "Zoned::now", "jiff::now"]))
        .collect();
    assert!(
        hits.is_empty(),
        "read the clock with recall::io::clock::now:\n{}",
        hits.join("\n")
    );
    assert!(
        !offending_lines_in("src", &["clock::now()"]).is_empty(),
        "the scan sees src"
    );
}

#[test]
fn widgets_sit_below_the_screens_and_commands_below_the_interface() {
    // A widget draws with a `Look` (language, theme, keys), not with a screen's state or the app's `Shared`.
    let widgets = offending_lines_in("src/ui/widgets", &["ui::screens", "ui::shared", "ui::app"]);
    assert!(widgets.is_empty(), "widgets reach up:\n{}", widgets.join("\n"));
    // The commands take their words from `crate::text`, not from the interface (`cli::interactive`, which
    // runs the interface, may use its screens).
    let cli = offending_lines_in("src/cli", &["ui::text"]);
    assert!(
        cli.is_empty(),
        "cli reaches into ui for its words:\n{}",
        cli.join("\n")
    );
    assert!(
        !offending_lines_in("src/ui/widgets", &["Look"]).is_empty(),
        "the scan sees the widgets"
    );
}
