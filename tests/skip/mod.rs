//! Skipping a test whose precondition this machine lacks, so that the skip shows. The test harness has no
//! skip of its own: a test that returns early is reported as passed, having checked nothing.
//!
//! [`skip`] writes `SKIPPED <test>: <reason>` to the terminal, past the harness's capture of test output, and
//! under CI it fails instead: there every precondition must hold, or the suite does not say what it claims.
//! CI is `CI` set to anything but empty, `0` or `false` (as CI services set it), or `RECALL_TEST_NO_SKIP`
//! set likewise (as `.ci/run` does).
#![allow(dead_code)]

use std::io::Write;

/// The variables that forbid skipping.
const STRICT: [&str; 2] = ["CI", "RECALL_TEST_NO_SKIP"];

/// Reports that `test` checks nothing here because of `reason`; the caller returns right after. Panics
/// under CI (see the module doc).
pub fn skip(test: &str, reason: &str) {
    if let Some(var) = strict() {
        panic!("{test} cannot run here ({reason}), and {var} is set: no test may be skipped");
    }
    report(test, reason);
}

/// Writes `SKIPPED <test>: <reason>` where the person running the tests sees it, CI or not: for a helper
/// test that another test runs, started on its own.
pub fn report(test: &str, reason: &str) {
    // `eprintln!` would be captured and never shown for a passing test; the handle is not.
    let _ = writeln!(std::io::stderr().lock(), "SKIPPED {test}: {reason}");
}

/// The variable that forbids skipping, if one is set.
fn strict() -> Option<&'static str> {
    STRICT
        .into_iter()
        .find(|var| std::env::var(var).is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false")))
}
