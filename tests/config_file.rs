//! Settings: the commented default file, strict parsing with line:column errors, edits that keep comments,
//! first-run creation, and personal FSRS parameters reaching the scheduler.

mod common;

use common::ts;
use recall::core::config::{Config, ConfigSchema, KeyCode, default_text, edit};
use recall::core::content::Lang;
use recall::core::progress::Rating;
use recall::core::srs::CardState;
use recall::io::config::{self as config_file, ConfigFileError};

const ACTIONS: &[&str] = &["undo", "quit", "reveal"];

fn parse(text: &str) -> Result<Config, recall::core::config::ConfigError> {
    let schema = ConfigSchema {
        actions: Some(ACTIONS),
        themes: Some(&["default", "light"]),
    };
    Config::parse(text, &schema)
}

#[test]
fn the_default_file_is_all_comments_and_parses_to_the_defaults() {
    assert_eq!(parse(default_text()).unwrap(), Config::default());
    let d = Config::default();
    assert_eq!(
        (
            d.desired_retention,
            d.new_per_day,
            d.reviews_per_day,
            d.day_starts_at,
            d.language
        ),
        (0.9, 20, 200, 4, Lang::En)
    );
    for line in default_text().lines().filter(|l| !l.trim().is_empty()) {
        assert!(line.starts_with('#') || line == "[keys]", "{line}");
    }
    // Every commented default, uncommented, is valid and equal to the default.
    let uncommented: String = default_text()
        .lines()
        .map(|l| {
            l.strip_prefix("# ")
                .filter(|r| is_setting(r) && !r.contains("[]"))
                .unwrap_or(l)
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut expected = Config::default();
    expected.keys.insert("undo".into(), "u".parse().unwrap());
    assert_eq!(parse(&uncommented).unwrap(), expected);
}

/// `name = value` with a plain lowercase name: a commented-out setting, not prose.
fn is_setting(line: &str) -> bool {
    line.split_once(" = ")
        .is_some_and(|(name, _)| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
}

#[test]
fn settings_are_read() {
    let c = parse(
        "desired_retention = 0.85\nnew_per_day = 5\nreviews_per_day = 50\nday_starts_at = 0\n\
         language = \"ko\"\ntheme = \"light\"\nhighlight_keywords = \"always\"\n[keys]\nundo = \"ctrl+z\"\n",
    )
    .unwrap();
    assert_eq!(
        c.highlight_keywords,
        recall::core::config::KeywordHighlights::Always
    );
    assert_eq!(
        (c.desired_retention, c.new_per_day, c.reviews_per_day),
        (0.85, 5, 50)
    );
    assert_eq!(
        (c.day_starts_at, c.language, c.theme.as_str()),
        (0, Lang::Ko, "light")
    );
    let undo = c.keys["undo"];
    assert!(undo.ctrl && undo.code == KeyCode::Char('z'));
    assert_eq!(c.limits().new_per_day, 5);
}

#[test]
fn every_bad_value_is_an_error_at_its_line_and_column() {
    let cases = [
        ("desired_retention = 0.5\n", 1, 21, "out of range"),
        ("\ndesired_retention = 1.2\n", 2, 21, "out of range"),
        ("new_per_day = -3\n", 1, 15, "whole number"),
        ("reviews_per_day = 1000000\n", 1, 19, "whole number"),
        ("day_starts_at = 24\n", 1, 17, "0 to 23"),
        ("language = \"fr\"\n", 1, 12, "unknown language"),
        ("theme = \"neon\"\n", 1, 9, "unknown theme"),
        ("[keys]\nfly = \"f\"\n", 2, 1, "unknown [keys] action `fly`"),
        ("[keys]\nundo = \"ctrl+\"\n", 2, 8, "not a key"),
        (
            "[keys]\nquit = \"x\"\n# comment\nreveal = \"x\"\n",
            4,
            10,
            "`x` is already the key of `quit` (line 2)",
        ),
        (
            "[keys]\nundo = \"ctrl+Z\"\nreveal = \"u\"\nquit = \"ctrl+z\"\n",
            4,
            8,
            "`ctrl+z` is already the key of `undo` (line 2)",
        ),
        ("retention = 0.9\n", 1, 1, "unknown field `retention`"),
        ("new_per_day = \"many\"\n", 1, 15, "invalid type"),
        ("new_per_day = \n", 1, 15, ""),
        ("fsrs_parameters = [1.0, 2.0]\n", 1, 19, "invalid FSRS parameters"),
        (
            "highlight_keywords = \"before\"\n",
            1,
            22,
            "unknown highlight_keywords `before`",
        ),
    ];
    for (text, line, col, needle) in cases {
        let err = parse(text).expect_err(text);
        assert_eq!((err.line, err.col), (line, col), "{text:?}: {err}");
        assert!(err.problem.to_string().contains(needle), "{text:?}: {err}");
        assert!(err.to_string().starts_with(&format!("{line}:{col}: ")), "{err}");
    }
    let hinted = parse("theme = \"neon\"\n").unwrap_err();
    assert_eq!(hinted.problem.hint().as_deref(), Some("known: default, light"));
}

#[test]
fn unchecked_names_only_check_the_syntax() {
    let c = Config::parse(
        "theme = \"neon\"\n[keys]\nfly = \"f\"\n",
        &ConfigSchema::default(),
    )
    .unwrap();
    assert_eq!(c.theme, "neon");
    assert!(Config::parse("[keys]\nfly = \"ff\"\n", &ConfigSchema::default()).is_err());
}

#[test]
fn setting_the_language_keeps_comments_and_other_settings() {
    let text = "# my notes\nnew_per_day = 7 # seven is plenty\n\n# language = \"en\"\n[keys]\nundo = \"z\"\n";
    let changed = edit::set_language(text, Lang::Ko).unwrap();
    assert!(
        changed.contains("# my notes") && changed.contains("# seven is plenty"),
        "{changed}"
    );
    let c = parse(&changed).unwrap();
    assert_eq!((c.language, c.new_per_day), (Lang::Ko, 7));
    assert_eq!(c.keys["undo"].code, KeyCode::Char('z'));
    // In place the second time.
    let back = edit::set_language(&changed, Lang::En).unwrap();
    assert_eq!(
        back.matches("language = ").count(),
        2,
        "the comment and one setting: {back}"
    );
    assert_eq!(parse(&back).unwrap().language, Lang::En);
}

#[test]
fn a_new_setting_lands_under_its_commented_default() {
    let changed = edit::set_language(default_text(), Lang::Ko).unwrap();
    let lines: Vec<&str> = changed.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == "language = \"ko\"")
        .expect(&changed);
    assert_eq!(lines[at - 1], "# language = \"en\"");
    assert!(changed.len() > default_text().len());
}

#[test]
fn first_run_writes_the_commented_defaults_and_bad_files_name_path_line_col() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/config.toml");
    let loaded = config_file::load_or_create(&path, &ConfigSchema::default()).unwrap();
    assert!(loaded.created);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), default_text());
    assert!(
        !config_file::load_or_create(&path, &ConfigSchema::default())
            .unwrap()
            .created
    );
    std::fs::write(&path, "new_per_day = 10\nday_starts_at = 99\n").unwrap();
    let err = config_file::load_or_create(&path, &ConfigSchema::default()).unwrap_err();
    assert!(matches!(err, ConfigFileError::Invalid { .. }));
    assert!(
        err.to_string().starts_with(&format!("{}:2:17: ", path.display())),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "new_per_day = 10\nday_starts_at = 99\n",
        "a bad file is never replaced"
    );
}

#[test]
fn stored_parameters_are_used_by_the_scheduler() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    // FSRS-6 defaults with a much larger initial stability for Good (w2).
    let mut params = fsrs::DEFAULT_PARAMETERS.to_vec();
    params[2] = 20.0;
    config_file::save_fsrs_parameters(&path, &params).unwrap();
    let config = config_file::load_or_create(&path, &ConfigSchema::default())
        .unwrap()
        .config;
    assert_eq!(config.fsrs_parameters.as_ref().map(Vec::len), Some(21));
    let tz = jiff::tz::TimeZone::UTC;
    let personal = config.scheduler(tz.clone()).unwrap();
    let default = Config::default().scheduler(tz).unwrap();
    let now = ts("2025-01-01T10:00:00Z");
    let good =
        |s: &recall::core::srs::Scheduler| s.apply("t/a", &CardState::NEW, Rating::Good, now).memory.unwrap();
    assert_eq!(good(&personal).stability, 20.0);
    assert_eq!(good(&default).stability, 2.3065);
}

#[cfg(unix)]
#[test]
fn saving_through_a_symlinked_settings_file_changes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let dotfiles = dir.path().join("dotfiles");
    std::fs::create_dir(&dotfiles).unwrap();
    let target = dotfiles.join("recall.toml");
    std::fs::write(&target, "# mine\nnew_per_day = 7\n").unwrap();
    let link = dir.path().join("config.toml");
    std::os::unix::fs::symlink("dotfiles/recall.toml", &link).unwrap();
    config_file::save_language(&link, Lang::Ko).unwrap();
    assert!(
        link.symlink_metadata().unwrap().file_type().is_symlink(),
        "the link was replaced"
    );
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(
        text.contains("# mine") && text.contains("language = \"ko\""),
        "{text}"
    );
    let mut names: Vec<_> = std::fs::read_dir(&dotfiles)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["recall.toml"], "no temporary file left beside the target");
}

#[test]
fn a_missing_settings_file_is_read_as_the_defaults_without_being_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let loaded = config_file::load(&path, &ConfigSchema::default()).unwrap();
    assert_eq!(loaded.config, Config::default());
    assert!(!path.exists());
}

#[cfg(unix)]
#[test]
fn saving_through_a_link_keeps_the_target_s_mode_and_never_replaces_what_is_not_a_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("recall.toml");
    std::fs::write(&target, "# mine\n").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
    let link = dir.path().join("config.toml");
    std::os::unix::fs::symlink("recall.toml", &link).unwrap();
    config_file::save_language(&link, Lang::Ko).unwrap();
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "the target's mode is kept");
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("language = \"ko\"")
    );
    // A link to a pipe (as to a device node): refused before anything is read or written.
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo");
    let piped = dir.path().join("piped.toml");
    std::os::unix::fs::symlink(&fifo, &piped).unwrap();
    // Like /dev/null, the pipe reads as empty once a writer has come and gone (a recall that read it
    // would then replace it); this writer waits for a reader that never comes when the pipe is refused.
    let writer = fifo.clone();
    std::thread::spawn(move || drop(std::fs::OpenOptions::new().write(true).open(writer)));
    let err = config_file::save_language(&piped, Lang::Ko).unwrap_err();
    assert!(err.to_string().contains("not a regular file"), "{err}");
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(!kind.is_file(), "the pipe is still a pipe");
    // A folder in the settings file's place is refused the same way.
    let folder = dir.path().join("folder.toml");
    std::fs::create_dir(&folder).unwrap();
    let err = config_file::save_language(&folder, Lang::Ko).unwrap_err();
    assert!(err.to_string().contains("not a regular file"), "{err}");
}
