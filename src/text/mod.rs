//! recall's own words, one catalogue per language: `en` and `ko` each implement [`Catalog`], and [`of`]
//! picks one for a [`Lang`].
//!
//! It sits below both `cli` and `ui` (not inside `ui`): the headless commands print from the same
//! catalogue as the screens, and a command-line tool has no business depending on the interface layer.
//!
//! Why a trait and not a message-file crate (fluent, gettext): every message is a method with typed
//! arguments, so a third language is one more file implementing [`Catalog`], and the compiler lists every
//! message it still lacks; a reviewer reads one language top to bottom in one file. The messages that need
//! Korean grammar (counters, particles) are written as code, which a `.ftl` file would need functions for.
//!
//! The catalogue holds the terms the app uses for one concept everywhere (item kinds, search fields,
//! intervals), the messages built from core's typed errors (core's `Display` stays English, for logs and
//! tests), status-line notices from the effect runner, and the headless commands' text output.
//! The screens' own sentences are in [`screens`], one struct per screen.

pub mod commands;
mod en;
pub mod keys;
mod ko;
pub mod screens;

use std::path::{Path, PathBuf};

use jiff::SignedDuration;

use crate::core::content::{ItemKind, Lang};
use crate::core::quiz::{QuizError, Shortfall};
use crate::core::search::Field;
use crate::core::srs::SessionError;
use crate::io::deck::DeckSourceError;
use crate::io::log::LogWarning;

pub use commands::{CommandWords, DataFailure, ImportFailure};
pub use en::En;
pub use keys::KeyLabel;
pub use ko::Ko;

/// The catalogue of `lang`.
pub fn of(lang: Lang) -> &'static dyn Catalog {
    match lang {
        Lang::En => &En,
        Lang::Ko => &Ko,
    }
}

/// Every message the interface and the headless commands print, in one language.
pub trait Catalog: CommandWords + Sync {
    // ---- Terms: one word per concept, used by every screen and command.

    /// An item kind as a learner calls it (tabs, search results, `recall topics`).
    fn kind(&self, kind: ItemKind) -> &'static str;
    /// The Browse tab listing items of a kind.
    fn tab(&self, kind: ItemKind) -> &'static str;
    /// A searchable field of an item.
    fn field(&self, field: Field) -> &'static str;
    /// How long until a card comes back, for a grade button (`10m`, `10분`).
    fn wait(&self, wait: SignedDuration) -> String;
    /// What a key does, in the footer and in help.
    fn key_label(&self, label: KeyLabel) -> &'static str;
    /// What a key does, in the help overlay, which has room for more words than a footer.
    fn key_help_label(&self, label: KeyLabel) -> &'static str {
        self.key_label(label)
    }

    // ---- Errors from core, said at the edge.

    /// A refused study action (grading before the answer, nothing to undo…).
    fn session_error(&self, error: &SessionError) -> String;
    /// A refused quiz or exam parameter or action.
    fn quiz_error(&self, error: &QuizError) -> String;
    /// Fewer questions exist than were asked for; all are used.
    fn shortfall(&self, shortfall: Shortfall) -> String;
    /// A status-line notice from the effect runner or start-up.
    fn notice(&self, notice: &Notice) -> String;

    // ---- Headless commands.

    /// `recall list` text: the labels of a question, its answer and its source.
    fn list_labels(&self) -> [&'static str; 3];
    /// `recall topics`, one line's counts.
    fn topic_counts(&self, sections: usize, facts: usize, compares: usize, scenarios: usize) -> String;
    /// `recall check`'s summary line.
    fn check_summary(&self, passed: bool, deck: &str, check: CheckCounts) -> String;
    /// `recall export`, after writing a file.
    fn wrote(&self, path: &Path) -> String;
    /// `recall optimize`, after fitting and saving.
    fn optimized(&self, reviews: usize, cards: usize, saved_to: &Path) -> String;
    /// What `recall: …: message` calls a failure on stderr.
    fn error_prefix(&self) -> &'static str;
    /// What `recall: …: message` calls a warning on stderr.
    fn warning_prefix(&self) -> &'static str;
    /// A skipped line of the progress log, on stderr.
    fn log_warning(&self, warning: &LogWarning) -> String;
    /// The interface was started without a terminal.
    fn needs_terminal(&self) -> String;
    /// An output file exists and `--force` was not given.
    fn file_exists(&self, path: &Path) -> String;
    /// A mistyped command line in this language, or `None` to leave it to clap's English.
    fn usage_error(&self, usage: &Usage) -> Option<String>;
    /// The line after a usage error that points to `--help`.
    fn usage_help_hint(&self) -> &'static str;
    /// `recall export --what reviews|exams` with a format other than CSV.
    fn csv_only(&self) -> &'static str;
    /// The deck folder given with `--content` cannot be used at all.
    fn deck_source_error(&self, error: &DeckSourceError) -> String;
    /// The deck has errors (listed above this line, as `recall check` prints them).
    fn deck_invalid(&self, problems: usize) -> String;
    /// `recall optimize` has too little history.
    fn too_few_reviews(&self, have: usize, need: usize) -> String;
    /// `recall search` found nothing.
    fn no_match(&self, query: &str) -> String;
    /// `recall stats` as text, line by line.
    fn stats(&self) -> &'static StatsText;
    /// Exam readiness (Home, Stats, `recall stats`, the weak-spot quiz).
    fn readiness(&self) -> &'static ReadinessText;
    /// The exam screen's words.
    fn exam(&self) -> &'static screens::ExamText;
    /// The home screen's words.
    fn home(&self) -> &'static screens::HomeText;
    /// The study screen's words.
    fn study(&self) -> &'static screens::StudyText;
    /// The study summary's words.
    fn summary(&self) -> &'static screens::SummaryText;
    /// The quiz screen's words.
    fn quiz(&self) -> &'static screens::QuizText;
    /// The browse screen's words.
    fn browse(&self) -> &'static screens::BrowseText;
    /// The search screen's words.
    fn search(&self) -> &'static screens::SearchText;
    /// The shared widgets' words.
    fn common(&self) -> &'static screens::CommonText;
    /// The stats screen's words.
    fn stats_screen(&self) -> &'static screens::StatsScreenText;
}

/// What `recall check` counted.
#[derive(Debug, Clone, Copy)]
pub struct CheckCounts {
    /// Topics in the deck.
    pub topics: usize,
    /// Items in the deck.
    pub items: usize,
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
    /// Whether warnings count as errors.
    pub strict: bool,
}

/// The labels of `recall stats`; the numbers are filled in by `cli::stats`.
#[derive(Debug)]
pub struct StatsText {
    /// `Stats for {date}`.
    pub title: fn(&str) -> String,
    /// No reviews yet, with the number of (new) cards.
    pub empty: fn(usize) -> String,
    /// Reviews: total, study days, today.
    pub reviews: fn(usize, usize, usize) -> String,
    /// Time studied: hours, minutes.
    pub time: fn(u64, u64) -> String,
    /// Streak: current, longest.
    pub streak: fn(u32, u32) -> String,
    /// Cards: total, new, learning, young, mature.
    pub cards: fn(usize, usize, usize, usize, usize) -> String,
    /// Retention: mature, young (already formatted).
    pub retention: fn(&str, &str) -> String,
    /// The topic table's headers: topic, new, learning, young, mature, retention.
    pub topic_headers: [&'static str; 6],
    /// Due in the next {days}: {total}.
    pub forecast: fn(usize, usize) -> String,
    /// The note after today's forecast.
    pub today_note: &'static str,
    /// The recent days heading.
    pub days: &'static str,
    /// No exams yet.
    pub no_exams: &'static str,
    /// Mock exams with the pass mark.
    pub exams: fn(u32) -> String,
    /// Pass, fail.
    pub verdicts: [&'static str; 2],
}

/// The words of exam readiness (see `crate::core::readiness`).
pub struct ReadinessText {
    /// The panel's and the section's title.
    pub title: &'static str,
    /// The full exam: predicted, low and high end of the 80 % range, pass chance in percent.
    pub overall: fn(u32, u32, u32, usize) -> String,
    /// No prediction yet: topics with enough history, topics the exam draws from.
    pub not_yet: fn(usize, usize) -> String,
    /// What it rests on: scenarios seen, scenarios, reviews the memory model was fitted to, answers.
    pub basis: fn(usize, usize, usize, usize) -> String,
    /// One topic's prediction: predicted, low, high.
    pub topic: fn(u32, u32, u32) -> String,
    /// A topic without enough history: scenarios seen, scenarios.
    pub topic_none: fn(usize, usize) -> String,
    /// Home's line: predicted, low, high, pass chance in percent.
    pub home: fn(u32, u32, u32, usize) -> String,
    /// Home's line without a prediction.
    pub home_none: &'static str,
    /// The weak-spot practice entry (Home's `w`).
    pub practice: &'static str,
    /// A weak-spot quiz's end: the predicted score before and after.
    pub moved: fn(u32, u32) -> String,
}

/// Something for the status line that the runner or start-up reports; rendered in the language of the
/// moment it arrives.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// An answer (event) could not be written: it is not saved.
    NotSaved(WriteFailure),
    /// A new exam's start could not be recorded, so it does not open.
    ExamStartNotSaved(WriteFailure),
    /// The language could not be stored in the settings.
    LanguageNotSaved(WriteFailure),
    /// Export files were written (the runner reports one at a time; the app lists them together).
    Exported(Vec<PathBuf>),
    /// An export file could not be written.
    ExportFailed(WriteFailure),
    /// The export's contents could not be made (carries the error as said in English).
    ExportNotMade(String),
    /// Lines of the progress log were skipped on loading (they stay in the file).
    SkippedLogLines {
        /// The first skipped line's file.
        path: PathBuf,
        /// Its line number.
        line: usize,
        /// Whether it was the torn last line of a file (else corrupt).
        torn: bool,
        /// How many more were skipped.
        more: usize,
    },
    /// More questions were asked for than exist.
    Shortfall(Shortfall),
    /// Another process holds the study lock.
    StudyLocked {
        /// Its process id, if known.
        holder: Option<u32>,
    },
    /// The data folder could not be locked: this study session goes ahead, but a second one would not be
    /// stopped.
    StudyUnguarded(WriteFailure),
    /// The device id could not be stored in the machine-local state folder: this run logs under an id of
    /// its own.
    DeviceNotStored(WriteFailure),
}

/// A mistyped command line, with what clap found (see `crate::cli::usage`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Usage {
    /// A value that is not one of the allowed ones (`--format xml`).
    NotAllowed {
        /// The option, as clap writes it (`--format <FORMAT>`).
        arg: String,
        /// What was given.
        value: String,
        /// The allowed values.
        allowed: Vec<String>,
    },
    /// A value of the wrong form (`--questions abc`).
    Malformed {
        /// The option.
        arg: String,
        /// What was given.
        value: String,
    },
    /// A command that does not exist (`recall stuyd`).
    UnknownCommand {
        /// What was typed.
        name: String,
        /// The command clap thinks was meant.
        suggestion: Option<String>,
    },
    /// An option that does not exist (`--bogus`).
    UnknownOption {
        /// What was typed.
        name: String,
        /// The option clap thinks was meant.
        suggestion: Option<String>,
    },
    /// A required argument is missing.
    Missing {
        /// The missing arguments.
        args: Vec<String>,
    },
    /// An option given without its value (`--topic` at the end).
    NoValue {
        /// The option.
        arg: String,
    },
    /// An argument nothing takes (`recall stats extra`).
    Unexpected {
        /// What was typed.
        value: String,
    },
    /// An option given twice (`-n 5 -n 6`).
    Repeated {
        /// The option.
        arg: String,
    },
    /// Two options that cannot go together.
    Conflict {
        /// The option.
        arg: String,
        /// The option(s) it conflicts with.
        others: Vec<String>,
    },
    /// More values than an option takes.
    TooManyValues {
        /// The option.
        arg: String,
        /// The extra value.
        value: String,
    },
    /// A command that needs a subcommand got none (`recall import`).
    MissingCommand {
        /// The command.
        name: String,
        /// Its subcommands.
        commands: Vec<String>,
    },
    /// An argument that is not UTF-8 text.
    NotText,
}

/// Why a file could not be written, in words each language can say; `detail` is the system's own
/// (English) message, shown only where the catalogue wants it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteFailure {
    /// The kind of failure.
    pub problem: WriteProblem,
    /// The file or folder.
    pub path: PathBuf,
    /// The error as the system or the library said it.
    pub detail: String,
}

/// The kinds of write failure a learner can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteProblem {
    /// Read-only location or no permission.
    ReadOnly,
    /// No space left.
    DiskFull,
    /// The file exists and is not replaced.
    Exists,
    /// Anything else.
    Other,
}

impl WriteFailure {
    /// A failure on `path` from an OS error.
    pub fn from_io(path: &Path, error: &std::io::Error) -> WriteFailure {
        use std::io::ErrorKind::*;
        let problem = match error.kind() {
            ReadOnlyFilesystem | PermissionDenied => WriteProblem::ReadOnly,
            StorageFull | QuotaExceeded => WriteProblem::DiskFull,
            AlreadyExists => WriteProblem::Exists,
            _ => WriteProblem::Other,
        };
        WriteFailure {
            problem,
            path: path.to_path_buf(),
            detail: error.to_string(),
        }
    }

    /// A failure of kind `problem` on `path`, described by `error`.
    pub fn new(problem: WriteProblem, path: &Path, error: &dyn std::fmt::Display) -> WriteFailure {
        WriteFailure {
            problem,
            path: path.to_path_buf(),
            detail: error.to_string(),
        }
    }
}

/// The first path in full and the others by file name: where the files went, in one short line.
pub(crate) fn paths_line(paths: &[PathBuf]) -> String {
    let mut names = paths.iter().enumerate().map(|(i, p)| match (i, p.file_name()) {
        (0, _) | (_, None) => p.display().to_string(),
        (_, Some(name)) => name.to_string_lossy().into_owned(),
    });
    let first = names.next().unwrap_or_default();
    names.fold(first, |line, name| format!("{line}, {name}"))
}

/// `n` with the unit `u` in English, pluralised with an `s` unless `n` is 1.
pub(crate) fn plural(n: usize, unit: &str) -> String {
    if n == 1 {
        format!("{n} {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(lang: Lang, secs: i64) -> String {
        of(lang).wait(SignedDuration::from_secs(secs))
    }

    #[test]
    fn korean_waits_use_korean_units_and_english_ones_stay_anki_style() {
        let day = 86_400;
        let ko: Vec<String> = [30, 60, 600, 5400, 9 * day, 64 * day, 548 * day]
            .map(|s| wait(Lang::Ko, s))
            .into();
        assert_eq!(
            ko,
            ["1분 미만", "1분", "10분", "1.5시간", "9일", "2.1개월", "1.5년"]
        );
        assert_eq!(wait(Lang::En, 64 * day), "2.1mo");
    }

    #[test]
    fn a_korean_write_failure_says_the_reason_before_the_path() {
        let failure = WriteFailure::from_io(
            Path::new("/data/events.jsonl"),
            &std::io::Error::from(std::io::ErrorKind::StorageFull),
        );
        let said = of(Lang::Ko).notice(&Notice::NotSaved(failure.clone()));
        assert_eq!(said, "저장되지 않음: 디스크가 가득 찼습니다 — /data/events.jsonl");
        assert!(
            of(Lang::En)
                .notice(&Notice::NotSaved(failure))
                .starts_with("NOT SAVED: ")
        );
    }

    #[test]
    fn english_topic_counts_are_singular_for_one() {
        assert_eq!(
            of(Lang::En).topic_counts(1, 2, 1, 0),
            "(1 section, 2 facts, 1 comparison, 0 scenarios)"
        );
        assert_eq!(
            of(Lang::Ko).topic_counts(1, 2, 1, 0),
            "(노트 1, 요점 2, 비교표 1, 시나리오 0)"
        );
    }
}
