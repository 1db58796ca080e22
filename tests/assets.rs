//! The generated files in `assets/` match what the code generates now: completions and the man page follow
//! the clap definition, the screen pictures follow the renderer and the bundled deck. Regenerate with `cargo run --example gen_assets`.

#[path = "../examples/gen_assets/cli_assets.rs"]
mod cli_assets;
#[path = "../examples/gen_assets/screens.rs"]
mod screens;

use std::path::Path;

fn assert_current(files: &[(String, Vec<u8>)]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let stale: Vec<&str> = files
        .iter()
        .filter(|(relative, bytes)| std::fs::read(root.join(relative)).ok().as_ref() != Some(bytes))
        .map(|(relative, _)| relative.as_str())
        .collect();
    assert!(
        stale.is_empty(),
        "out of date: {stale:?}; run `cargo run --example gen_assets` and commit the result"
    );
}

#[test]
fn completions_and_man_page_match_the_command_line() {
    let files = cli_assets::cli_assets();
    let has = |name: &str| files.iter().any(|(path, _)| path.ends_with(name));
    assert!(has("recall.bash") && has("_recall") && has("recall.fish"));
    assert!(has("man/recall.1") && has("man/recall-import-anki.1") && has("man/recall-export.1"));
    assert_current(&files);
    assert_no_leftovers(&files, &["assets/completions", "assets/man"]);
}

/// No file in `folders` that the generator no longer writes (a removed command's man page, say).
fn assert_no_leftovers(files: &[(String, Vec<u8>)], folders: &[&str]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for folder in folders {
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let relative = format!("{folder}/{}", entry.unwrap().file_name().to_string_lossy());
            assert!(
                files.iter().any(|(path, _)| *path == relative),
                "{relative} is not generated any more: delete it"
            );
        }
    }
}

#[test]
fn screen_pictures_match_the_renderer() {
    let files = screens::screen_assets();
    let names: Vec<&str> = files.iter().map(|(path, _)| path.as_str()).collect();
    for screen in [
        "home",
        "browse",
        "search",
        "study",
        "quiz",
        "exam",
        "exam-result",
        "stats",
    ] {
        for lang in ["en", "ko"] {
            let path = format!("assets/screens/{screen}-{lang}.svg");
            assert!(names.contains(&path.as_str()), "{path} missing");
        }
    }
    assert_current(&files);
    assert_no_leftovers(&files, &["assets/screens"]);
}
