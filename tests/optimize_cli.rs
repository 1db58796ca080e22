//! `recall optimize`: refuses with counts when the log is too short; otherwise fits parameters, stores
//! them in config.toml (keeping its comments) and says how many reviews it used.

mod sandbox;

use assert_cmd::Command;
use predicates::prelude::*;

#[path = "../examples/gen_log.rs"]
#[allow(dead_code)]
mod gen_log;

fn recall(data: &std::path::Path) -> Command {
    let mut cmd = sandbox::recall();
    cmd.arg("--data-dir").arg(data).env("TZ", "UTC");
    cmd
}

#[test]
fn too_few_reviews_are_refused_with_the_counts() {
    let dir = tempfile::tempdir().unwrap();
    gen_log::write_log(dir.path(), "00000000000000aa", &gen_log::generate(40, 1)).unwrap();
    recall(dir.path())
        .arg("optimize")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not enough reviews"))
        .stderr(predicate::str::contains("64 needed"));
    recall(dir.path())
        .args(["--lang", "ko", "optimize"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "recall: 오류: FSRS 매개변수를 최적화하기에는 복습 기록이 부족합니다",
        ))
        .stderr(predicate::str::contains("필요 64회"));
    assert!(
        !dir.path().join("config.toml").exists(),
        "nothing stored: a refused optimize does not even create the settings file"
    );
}

#[test]
fn an_empty_data_dir_is_refused_too() {
    let dir = tempfile::tempdir().unwrap();
    recall(dir.path())
        .arg("optimize")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("0 usable, 64 needed"));
}

#[test]
fn enough_reviews_are_fitted_and_stored() {
    let dir = tempfile::tempdir().unwrap();
    gen_log::write_log(dir.path(), "00000000000000aa", &gen_log::generate(4000, 7)).unwrap();
    std::fs::write(dir.path().join("config.toml"), "# mine\nnew_per_day = 5\n").unwrap();
    let output = recall(dir.path())
        .arg("optimize")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let said = String::from_utf8(output).unwrap();
    let reviews: usize = said
        .split_whitespace()
        .skip_while(|w| *w != "to")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .expect(&said);
    assert!(reviews >= 64, "{said}");
    let config = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    assert!(config.starts_with("# mine\nnew_per_day = 5\n"), "{config}");
    let parsed = recall::core::config::Config::parse(&config, &Default::default()).unwrap();
    let params = parsed.fsrs_parameters.expect("stored");
    assert_eq!(params.len(), 21);
    assert_ne!(
        params,
        fsrs::DEFAULT_PARAMETERS.to_vec(),
        "fitted, not the defaults"
    );
}

#[test]
fn a_corrupt_line_is_reported_but_does_not_stop_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("events-00000000000000aa.jsonl"), "garbage\n").unwrap();
    recall(dir.path())
        .arg("optimize")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "events-00000000000000aa.jsonl:1: skipped a corrupt line",
        ));
}

#[test]
fn a_bad_config_is_an_error_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), "desired_retention = 2\n").unwrap();
    recall(dir.path())
        .arg("optimize")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "config.toml:1:21: desired_retention 2 is out of range",
        ));
}
