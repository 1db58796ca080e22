//! English: the words the interface had before the catalogue, unchanged (the snapshots pin them).

mod commands;
mod keys;
mod screens;

use std::path::Path;

use jiff::SignedDuration;

use super::{
    Catalog, CheckCounts, Notice, ReadinessText, StatsText, Usage, WriteFailure, paths_line, plural,
};
use crate::core::content::ItemKind;
use crate::core::quiz::{QuizError, Shortfall};
use crate::core::search::Field;
use crate::core::srs::{OptimizeError, SessionError, format_wait};
use crate::io::deck::DeckSourceError;
use crate::io::log::LogWarning;

/// The English catalogue.
#[derive(Debug, Clone, Copy)]
pub struct En;

impl Catalog for En {
    fn key_label(&self, label: crate::text::KeyLabel) -> &'static str {
        keys::key_label(label)
    }

    fn kind(&self, kind: ItemKind) -> &'static str {
        kind.name()
    }

    fn tab(&self, kind: ItemKind) -> &'static str {
        match kind {
            ItemKind::Section => "Notes",
            ItemKind::Fact => "Facts",
            ItemKind::Compare => "Compare",
            ItemKind::Scenario => "Scenarios",
        }
    }

    fn field(&self, field: Field) -> &'static str {
        field.name()
    }

    fn wait(&self, wait: SignedDuration) -> String {
        format_wait(wait)
    }

    fn session_error(&self, error: &SessionError) -> String {
        error.to_string()
    }

    fn quiz_error(&self, error: &QuizError) -> String {
        error.to_string()
    }

    fn shortfall(&self, shortfall: Shortfall) -> String {
        shortfall.to_string()
    }

    fn notice(&self, notice: &Notice) -> String {
        match notice {
            Notice::NotSaved(f) => format!("NOT SAVED: {}", failure(f)),
            Notice::ExamStartNotSaved(f) => format!("cannot record the exam's start: {}", failure(f)),
            Notice::LanguageNotSaved(f) => format!("language not saved: {}", failure(f)),
            Notice::Exported(paths) => format!("exported {}", paths_line(paths)),
            Notice::ExportFailed(f) => format!("export failed: {}", failure(f)),
            Notice::ExportNotMade(detail) => format!("export failed: {detail}"),
            Notice::SkippedLogLines {
                path,
                line,
                torn,
                more,
            } => {
                let what = if *torn {
                    "torn (incomplete) last"
                } else {
                    "corrupt"
                };
                let more = if *more > 0 {
                    format!(" (+{more} more)")
                } else {
                    String::new()
                };
                format!(
                    "log: {}:{line}: skipped a {what} line; it is kept in the file{more}",
                    path.display()
                )
            }
            Notice::Shortfall(s) => self.shortfall(*s),
            Notice::StudyLocked { holder } => format!(
                "another recall{} is studying with this data folder; finish or quit it first \
                 (browse, search and stats still work here)",
                holder.map(|pid| format!(" (process {pid})")).unwrap_or_default()
            ),
            Notice::StudyUnguarded(f) => format!(
                "studying without the study lock ({}): a second recall studying this folder \
                 at the same time would not be stopped",
                failure(f)
            ),
            Notice::DeviceNotStored(f) => {
                format!(
                    "{}; this session's grades go to a log file of their own",
                    failure(f)
                )
            }
        }
    }

    fn list_labels(&self) -> [&'static str; 3] {
        ["Q", "A", "source"]
    }

    fn topic_counts(&self, sections: usize, facts: usize, compares: usize, scenarios: usize) -> String {
        format!(
            "({}, {}, {}, {})",
            plural(sections, "section"),
            plural(facts, "fact"),
            plural(compares, "comparison"),
            plural(scenarios, "scenario")
        )
    }

    fn check_summary(&self, passed: bool, deck: &str, c: CheckCounts) -> String {
        format!(
            "{}: {deck}: {}, {}; {}, {}{}",
            if passed { "ok" } else { "FAILED" },
            plural(c.topics, "topic"),
            plural(c.items, "item"),
            plural(c.errors, "error"),
            plural(c.warnings, "warning"),
            if c.strict { " (strict)" } else { "" }
        )
    }

    fn wrote(&self, path: &Path) -> String {
        format!("Wrote {}.", path.display())
    }

    fn optimized(&self, reviews: usize, cards: usize, saved_to: &Path) -> String {
        format!(
            "Fitted personal FSRS parameters to {reviews} reviews of {cards} cards.\n\
             Saved to {}; study sessions use them from now on.",
            saved_to.display()
        )
    }

    fn error_prefix(&self) -> &'static str {
        "error"
    }

    fn warning_prefix(&self) -> &'static str {
        "warning"
    }

    fn log_warning(&self, warning: &LogWarning) -> String {
        warning.to_string()
    }

    fn needs_terminal(&self) -> String {
        "the interface needs a terminal; for scripts use `recall list`, `recall check` or `recall --help`"
            .into()
    }

    fn file_exists(&self, path: &Path) -> String {
        format!("{} already exists; pass --force to replace it", path.display())
    }

    fn usage_error(&self, _usage: &Usage) -> Option<String> {
        // clap's own messages are English already, with its usage line and suggestions.
        None
    }

    fn usage_help_hint(&self) -> &'static str {
        "For more information, try '--help'."
    }

    fn csv_only(&self) -> &'static str {
        "--what reviews and --what exams are exported as CSV only (use --format csv)"
    }

    fn deck_source_error(&self, error: &DeckSourceError) -> String {
        error.to_string()
    }

    fn deck_invalid(&self, problems: usize) -> String {
        format!(
            "the deck has {}; run `recall check` to see them",
            plural(problems, "problem")
        )
    }

    fn too_few_reviews(&self, have: usize, need: usize) -> String {
        OptimizeError::TooFew { have, need }.to_string()
    }

    fn no_match(&self, query: &str) -> String {
        format!("no match for `{query}`")
    }

    fn stats(&self) -> &'static StatsText {
        &STATS
    }

    fn exam(&self) -> &'static crate::text::screens::ExamText {
        &screens::EXAM
    }

    fn home(&self) -> &'static crate::text::screens::HomeText {
        &screens::HOME
    }

    fn study(&self) -> &'static crate::text::screens::StudyText {
        &screens::STUDY
    }

    fn summary(&self) -> &'static crate::text::screens::SummaryText {
        &screens::SUMMARY
    }

    fn quiz(&self) -> &'static crate::text::screens::QuizText {
        &screens::QUIZ
    }

    fn browse(&self) -> &'static crate::text::screens::BrowseText {
        &screens::BROWSE
    }

    fn search(&self) -> &'static crate::text::screens::SearchText {
        &screens::SEARCH
    }

    fn common(&self) -> &'static crate::text::screens::CommonText {
        &screens::COMMON
    }

    fn stats_screen(&self) -> &'static crate::text::screens::StatsScreenText {
        &screens::STATS_SCREEN
    }

    fn readiness(&self) -> &'static ReadinessText {
        &READINESS
    }
}

/// A write failure as the system said it (English already).
fn failure(f: &WriteFailure) -> String {
    f.detail.clone()
}

static READINESS: ReadinessText = ReadinessText {
    title: "Exam readiness (if the exam were tomorrow)",
    overall: |s, lo, hi, pass| {
        format!("Predicted {s} of 1000 (8 exams in 10: {lo}–{hi}) · pass chance {pass}%")
    },
    not_yet: |measured, of| {
        format!("No prediction yet: study every topic first ({measured} of {of} topics have enough history).")
    },
    basis: |seen, total, reviews, answers| {
        format!(
            "From tomorrow's recall of the {seen} of {total} scenarios you studied (FSRS, fitted to your last {reviews} reviews), {answers} quiz and exam answers, and how often you knew a new scenario."
        )
    },
    topic: |s, lo, hi| format!("{s} ({lo}–{hi})"),
    topic_none: |seen, total| format!("— ({seen} of {total} scenarios seen)"),
    home: |s, lo, hi, pass| format!("exam tomorrow: {s} ({lo}–{hi}), pass {pass}%"),
    home_none: "exam readiness: not enough history yet",
    practice: "practice weak spots",
    moved: |before, after| format!("Predicted exam score: {before} → {after}"),
};

static STATS: StatsText = StatsText {
    title: |date| format!("Stats for {date}"),
    empty: |new| {
        format!(
            "No reviews yet. Open recall and press s on home to study; your numbers appear here after \
             the first review.\n\nCards: {new} new."
        )
    },
    reviews: |total, days, today| format!("Reviews       {total} on {days} study day(s), {today} today"),
    time: |h, m| format!("Time studied  {h}h {m:02}m"),
    streak: |current, longest| format!("Streak        {current} day(s) (longest {longest})"),
    cards: |total, new, learning, young, mature| {
        format!("Cards         {total}: {new} new, {learning} learning, {young} young, {mature} mature")
    },
    retention: |mature, young| format!("Retention     mature {mature} · young {young}"),
    topic_headers: [
        "Topic",
        "new",
        "learning",
        "young",
        "mature",
        "retention (mature)",
    ],
    forecast: |days, total| format!("Due in the next {days} days: {total}"),
    today_note: " (today, with overdue)",
    days: "Reviews per day (latest study days)",
    no_exams: "Mock exams: none yet (press e on home).",
    exams: |pass| format!("Mock exams (pass mark {pass})"),
    verdicts: ["pass", "fail"],
};
