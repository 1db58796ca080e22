//! English words of the headless commands: core's and io's own `Display` where they already say it.

use std::path::Path;

use super::En;
use crate::core::anki::ImportWarning;
use crate::core::config::ConfigProblem;
use crate::core::content::diagnostic::{Diagnostic, Severity};
use crate::text::commands::{CommandWords, DataFailure, ImportFailure};

impl CommandWords for En {
    fn import_wrote_file(&self, path: &Path, topic: &str, facts: usize) -> String {
        format!("Wrote {} (topic `{topic}`, {facts} facts).", path.display())
    }

    fn import_wrote_folder(&self, dir: &Path, topics: &[(String, usize)]) -> String {
        let facts: usize = topics.iter().map(|(_, n)| n).sum();
        let list: Vec<String> = topics.iter().map(|(id, n)| format!("{id} ({n})")).collect();
        format!(
            "Wrote {} topic file(s) to {} ({facts} facts): {}.",
            topics.len(),
            dir.display(),
            list.join(", ")
        )
    }

    fn import_history(
        &self,
        reviews: usize,
        changes: usize,
        already: usize,
        log: &Path,
        cards: usize,
    ) -> String {
        format!(
            "Added {reviews} review(s) and {changes} schedule change(s) of {cards} card(s) to {} \
             ({already} already there, skipped).",
            log.display()
        )
    }

    fn import_study_hint(&self, dir: &Path) -> String {
        format!("Study them with: recall --content {} study", dir.display())
    }

    fn import_warning(&self, warning: &ImportWarning) -> String {
        warning.to_string()
    }

    fn import_failure(&self, failure: &ImportFailure<'_>) -> String {
        match failure {
            ImportFailure::Read { path, error } => format!("cannot read {}: {error}", path.display()),
            ImportFailure::TooLarge { path, mb, max_mb } => format!(
                "{} is {mb} MB; recall imports Anki text exports up to {max_mb} MB",
                path.display()
            ),
            ImportFailure::Anki { path, error } => format!("{}: {error}", path.display()),
            ImportFailure::Package(error) => error.to_string(),
            ImportFailure::NoCards { path } => format!(
                "{}: no notes to import (no card has a question and an answer once its HTML and media are gone)",
                path.display()
            ),
            ImportFailure::BadSource(source) => format!(
                "--source \"{}\" is not an absolute http(s) URL with a host",
                source.escape_debug()
            ),
            ImportFailure::SeveralToStdout(n) => {
                format!("the import makes {n} topic files; --output must name a folder, not standard output")
            }
            ImportFailure::Interrupted { written, total } => format!(
                "interrupted by a signal: wrote {written} of {total} topic file(s) and no progress; run the import again"
            ),
        }
    }

    fn config_problem(&self, problem: &ConfigProblem) -> String {
        problem.to_string()
    }

    fn config_hint(&self, problem: &ConfigProblem) -> Option<String> {
        problem.hint()
    }

    fn hint_label(&self) -> &'static str {
        "hint"
    }

    fn diagnostic(&self, diagnostic: &Diagnostic) -> String {
        diagnostic.to_string()
    }

    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    fn strict_failed(&self, warnings: usize) -> Option<String> {
        let noun = if warnings == 1 { "warning" } else { "warnings" };
        Some(format!(
            "{warnings} {noun}, and --strict treats warnings as errors"
        ))
    }

    fn data_failure(&self, failure: &DataFailure<'_>) -> String {
        match failure {
            DataFailure::Access { path, error } => format!("cannot access {}: {error}", path.display()),
            DataFailure::NoFolder { path } => {
                format!("cannot write {}: the directory does not exist", path.display())
            }
            DataFailure::FutureSchema {
                path,
                line,
                version,
                supported,
            } => format!(
                "{}:{line}: this line has schema version {version}, but this recall reads only up to version \
                 {supported}; update recall to use this data (nothing was changed)",
                path.display()
            ),
        }
    }
}
