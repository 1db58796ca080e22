//! `theme` in config.toml: the built-in names are accepted by the settings parser, an unknown one stops
//! recall with `config.toml:line:col` before the terminal is touched.

mod sandbox;

use predicates::prelude::*;
use recall::core::config::{Config, ConfigSchema};
use recall::ui::theme::{NAMES, Theme};

#[test]
fn every_built_in_theme_is_a_valid_setting() {
    let schema = ConfigSchema {
        actions: None,
        themes: Some(&NAMES),
    };
    for name in ["default", "mono", "light", "high-contrast"] {
        let config = Config::parse(&format!("theme = \"{name}\"\n"), &schema).unwrap();
        assert_eq!(Theme::configured_with(&config.theme, false), Theme::named(name));
        assert!(Theme::named(name).is_some(), "{name}");
    }
}

#[test]
fn an_unknown_theme_is_an_error_at_its_line_and_column() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("config.toml"), "# mine\n\ntheme = \"neon\"\n").unwrap();
    sandbox::recall_with_home(&data.path().join("home"))
        .env("RECALL_DATA_DIR", data.path())
        .arg("study")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("config.toml:3:9: unknown theme `neon`"))
        .stderr(predicate::str::contains(
            "known: default, mono, light, high-contrast",
        ));
}
