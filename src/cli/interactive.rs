//! The interactive commands (`recall`, `browse`, `study`, `quiz`, `exam`): load settings and progress, build
//! the interface's starting state, and run it with an effect runner that writes the progress log.
//!
//! Everything that can fail before the terminal is taken over (a bad config, a log from a newer recall, a
//! quiz with `-n 0`) fails here, with a message on stderr and the terminal untouched.

use std::io::IsTerminal;
use std::sync::Arc;

use anyhow::Context;
use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::core::content::{Deck, Lang};
use crate::core::progress::{Event, replay};
use crate::core::quiz::{ExamOptions, ExamSession, QuizError, QuizOptions, QuizSession, latest_unfinished};
use crate::core::srs::Mode;
use crate::io::config as config_file;
use crate::io::device::DeviceId;
use crate::io::export as export_file;
use crate::io::log::{self, EventLog};
use crate::io::paths::Paths;
use crate::io::study_lock::{self, StudyLock, StudyLockError};
use crate::ui::app::{App, Effect};
use crate::ui::key_overrides::Overrides;
use crate::ui::msg::Msg;
use crate::ui::screens::Screen;
use crate::ui::screens::browse::BrowseState;
use crate::ui::screens::exam::ExamState;
use crate::ui::screens::quiz::QuizState;
use crate::ui::screens::study::StudyState;
use crate::ui::search_worker::SearchWorker;
use crate::ui::shared::Setup;
use crate::ui::terminal::{self, EffectRunner, Ended};
use crate::ui::text::{self, Notice, WriteFailure, WriteProblem};
use crate::ui::theme::Theme;

/// Which screen the interface opens on.
#[derive(Debug, Clone)]
pub enum Start {
    /// Home.
    Home,
    /// Browse, optionally on a topic.
    Browse(Option<String>),
    /// A study session.
    Study {
        /// Only this topic.
        topic: Option<String>,
        /// Ignore due dates; leave the schedule alone.
        cram: bool,
    },
    /// A practice quiz.
    Quiz(QuizOptions),
    /// A practice quiz of the weak spots (`recall quiz --weak`).
    WeakQuiz(QuizOptions),
    /// A mock exam; `seed` is filled in when the user gave none.
    Exam(ExamOptions),
}

/// Runs the interface on `deck` from `start`; `lang` overrides the configured language. Returns how it
/// ended (quit, or the signal that stopped it) for the exit status.
pub fn run(
    deck: Deck,
    data_dir: Option<std::path::PathBuf>,
    lang: Option<Lang>,
    start: Start,
) -> anyhow::Result<Ended> {
    validate_start(&deck, &start)?;
    let now = Timestamp::now();
    let paths = Paths::resolve(data_dir)?;
    let config = config_file::load_or_create(&paths.config_file, &super::settings_schema())?.config;
    let keys = Overrides::from_config(&config.keys)
        .with_context(|| format!("in {}", paths.config_file.display()))?;
    let scheduler = config
        .scheduler(TimeZone::system())
        .context("the settings do not make a scheduler")?;
    let read = log::read_dir(&paths.data_dir).context("cannot read the progress log")?;
    let device = DeviceId::load_or_create(&paths.device_file)?;
    let log = EventLog::new(&paths.data_dir, device.clone());
    let deck = Arc::new(deck);
    // The settings parser accepted only names in `theme::NAMES`.
    let theme = Theme::configured(&config.theme).unwrap_or_else(Theme::from_env);
    let mut runner = LogRunner {
        search: SearchWorker::start(Arc::clone(&deck)),
        log,
        config_file: paths.config_file.clone(),
        exports_dir: paths.data_dir.join("exports"),
        study_lock_file: paths.study_lock.clone(),
        study_lock: None,
    };
    if matches!(start, Start::Study { .. }) {
        runner.claim_study()?;
    }

    let resumable = resumable_exam(&deck, &read.events, now, &mut runner);
    let progress = replay(read.events.iter().cloned(), &scheduler);
    crate::io::memory::release_free_memory();
    let setup = Setup {
        deck: Arc::clone(&deck),
        lang: lang.unwrap_or(config.language),
        theme,
        now,
        seed: now.as_nanosecond() as u64,
        scheduler,
        limits: config.limits(),
        highlights: config.highlight_keywords,
        progress,
        id_prefix: format!("{}-{}", device.as_str(), std::process::id()),
        keys,
    };
    let mut app = App::new(setup);
    app.set_resumable(resumable);
    if let Some(warning) = read.warnings.first() {
        app.notify(&Notice::SkippedLogLines {
            path: warning.path.clone(),
            line: warning.line,
            torn: warning.kind == log::WarningKind::Torn,
            more: read.warnings.len() - 1,
        });
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(NeedsTerminal.into());
    }
    open_start(&mut app, &deck, start, &mut runner)?;
    let ended = terminal::run(app, &mut runner).context("the terminal interface failed")?;
    Ok(ended)
}

/// Refuses bad parameters (unknown topic, zero questions or minutes, no scenarios) with a clear message,
/// before anything is recorded or the terminal is touched.
fn validate_start(deck: &Deck, start: &Start) -> anyhow::Result<()> {
    match start {
        Start::Home | Start::Browse(None) | Start::Study { topic: None, .. } => Ok(()),
        Start::Browse(Some(topic))
        | Start::Study {
            topic: Some(topic), ..
        } => deck
            .topic(topic)
            .map(|_| ())
            .ok_or_else(|| unknown_topic(deck, topic).into()),
        Start::Quiz(options) => QuizSession::new(deck, options).map(|_| ()).map_err(Into::into),
        Start::WeakQuiz(options) => QuizSession::weak(deck, options, |_| 1.0)
            .map(|_| ())
            .map_err(Into::into),
        Start::Exam(options) => ExamSession::start(deck, options, Timestamp::UNIX_EPOCH)
            .map(|_| ())
            .map_err(Into::into),
    }
}

/// Pushes the starting screen; refuses bad quiz/exam parameters before the terminal is touched.
fn open_start(app: &mut App, deck: &Deck, start: Start, runner: &mut LogRunner) -> anyhow::Result<()> {
    let shared = app.shared();
    let screen = match start {
        Start::Home => return Ok(()),
        Start::Browse(None) => Screen::Browse(BrowseState::default()),
        Start::Browse(Some(topic)) => {
            let (index, _) = deck.topic(&topic).ok_or_else(|| unknown_topic(deck, &topic))?;
            Screen::Browse(BrowseState::at_topic(index))
        }
        Start::Study { topic, cram } => {
            if let Some(t) = &topic {
                deck.topic(t).ok_or_else(|| unknown_topic(deck, t))?;
            }
            let mode = if cram { Mode::Cram } else { Mode::Scheduled };
            let session = shared.study_session(topic.as_deref(), mode, 0);
            Screen::Study(Box::new(StudyState::new(session, topic, deck)))
        }
        Start::Quiz(options) => {
            let session = QuizSession::new(deck, &options)?;
            if let Some(shortfall) = session.shortfall() {
                app.notify(&Notice::Shortfall(shortfall));
            }
            Screen::Quiz(Box::new(QuizState::new(session)))
        }
        Start::WeakQuiz(options) => {
            let state = crate::ui::screens::home::weak_quiz(shared, &options)?;
            if let Some(shortfall) = state.session.shortfall() {
                app.notify(&Notice::Shortfall(shortfall));
            }
            Screen::Quiz(Box::new(state))
        }
        Start::Exam(options) => {
            let (session, started) = ExamSession::start(deck, &options, shared.now)?;
            let event = shared.event(started);
            if let Some(Msg::Saved(_, Err(e))) = runner.run(Effect::Append(event)) {
                anyhow::bail!(text::of(app.lang()).notice(&Notice::ExamStartNotSaved(e)));
            }
            if let Some(shortfall) = session.shortfall() {
                app.notify(&Notice::Shortfall(shortfall));
            }
            Screen::Exam(Box::new(ExamState::new(session)))
        }
    };
    app.open(screen);
    Ok(())
}

fn unknown_topic(deck: &Deck, topic: &str) -> QuizError {
    QuizError::UnknownTopic {
        topic: topic.to_string(),
        known: deck.topics().iter().map(|t| t.id.clone()).collect(),
    }
}

/// The interface was started where there is no terminal (a pipe, a script).
#[derive(Debug, thiserror::Error)]
#[error("the interface needs a terminal; for scripts use `recall list`, `recall check` or `recall --help`")]
pub struct NeedsTerminal;

/// The latest interrupted exam, ready to continue; an exam whose time ran out while recall was closed is
/// submitted now (its events recorded) instead.
fn resumable_exam(
    deck: &Deck,
    events: &[Event],
    now: Timestamp,
    runner: &mut LogRunner,
) -> Option<ExamSession> {
    let unfinished = latest_unfinished(events)?;
    let (session, to_record) = ExamSession::resume(deck, events, &unfinished.exam, now).ok()?;
    for kind in to_record {
        let event = Event {
            v: crate::core::progress::SCHEMA_VERSION,
            id: runner.log.next_id(now),
            at: now,
            kind,
        };
        runner.run(Effect::Append(event));
    }
    (!session.is_submitted()).then_some(session)
}

/// Performs effects: appends events to this device's log (synced before reporting success), stores
/// the language in the settings file, holds the study lock while a study screen is open, and hands
/// searches to the search worker.
struct LogRunner {
    /// Builds the search index and answers queries on its own thread.
    search: SearchWorker,
    log: EventLog,
    config_file: std::path::PathBuf,
    exports_dir: std::path::PathBuf,
    study_lock_file: std::path::PathBuf,
    study_lock: Option<StudyLock>,
}

impl LogRunner {
    /// Takes the study lock unless this process holds it already.
    fn claim_study(&mut self) -> Result<(), StudyLockError> {
        if self.study_lock.is_none() {
            self.study_lock = Some(study_lock::claim(&self.study_lock_file)?);
        }
        Ok(())
    }
}

impl EffectRunner for LogRunner {
    fn run(&mut self, effect: Effect) -> Option<Msg> {
        match effect {
            Effect::Append(event) => {
                let result = self.log.append(&event).map_err(|e| log_failure(&e));
                Some(Msg::Saved(event, result))
            }
            Effect::SaveLanguage(lang) => config_file::save_language(&self.config_file, lang)
                .err()
                .map(|e| Msg::Notice(Notice::LanguageNotSaved(config_failure(&self.config_file, &e)))),
            Effect::SaveExport { files } => Some(Msg::Notice(save_exports(&self.exports_dir, &files))),
            Effect::ClaimStudy => self
                .claim_study()
                .err()
                .map(|e| Msg::StudyRefused(lock_notice(e))),
            Effect::ReleaseStudy => {
                self.study_lock = None;
                None
            }
            Effect::Search(request) => {
                self.search.submit(request);
                None
            }
            Effect::Quit => None,
        }
    }

    fn poll(&mut self) -> Option<Msg> {
        self.search.poll()
    }

    fn busy(&self) -> bool {
        self.search.busy()
    }
}

/// Writes each export file into `dir` (created if missing, never overwriting). Reports every path written,
/// or the first failure (files written before it stay, and a new export never overwrites them).
fn save_exports(dir: &std::path::Path, files: &[(String, Vec<u8>)]) -> Notice {
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(name);
        let result = std::fs::create_dir_all(dir)
            .map_err(|e| WriteFailure::from_io(dir, &e))
            .and_then(|()| {
                export_file::write_file(&path, bytes, false).map_err(|e| export_failure(&path, &e))
            });
        match result {
            Ok(()) => written.push(path),
            Err(e) => return Notice::ExportFailed(e),
        }
    }
    Notice::Exported(written)
}

/// A failed append, kept typed so the status line can say it in either language.
fn log_failure(error: &log::LogError) -> WriteFailure {
    let (problem, path) = match error {
        log::LogError::ReadOnly { path, .. } => (WriteProblem::ReadOnly, path),
        log::LogError::DiskFull { path, .. } => (WriteProblem::DiskFull, path),
        log::LogError::Io { path, .. } | log::LogError::FutureSchema { path, .. } => {
            (WriteProblem::Other, path)
        }
    };
    WriteFailure::new(problem, path, error)
}

fn config_failure(path: &std::path::Path, error: &config_file::ConfigFileError) -> WriteFailure {
    match error {
        config_file::ConfigFileError::Io { source, .. } => WriteFailure {
            detail: error.to_string(),
            ..WriteFailure::from_io(path, source)
        },
        other => WriteFailure::new(WriteProblem::Other, path, other),
    }
}

fn export_failure(path: &std::path::Path, error: &export_file::WriteError) -> WriteFailure {
    match error {
        export_file::WriteError::Exists { .. } => WriteFailure::new(WriteProblem::Exists, path, error),
        export_file::WriteError::Io { source, .. } => WriteFailure {
            detail: error.to_string(),
            ..WriteFailure::from_io(path, source)
        },
        other => WriteFailure::new(WriteProblem::Other, path, other),
    }
}

fn lock_notice(error: StudyLockError) -> Notice {
    match error {
        StudyLockError::Held { holder } => Notice::StudyLocked { holder },
        StudyLockError::Io { ref path, ref source } => Notice::StudyLockFailed(WriteFailure {
            detail: error.to_string(),
            ..WriteFailure::from_io(path, source)
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exporting_two_files_reports_both_paths() {
        let dir = tempfile::tempdir().unwrap();
        let exports = dir.path().join("exports");
        let files = vec![
            ("a.csv".to_string(), b"x".to_vec()),
            ("b.txt".to_string(), b"y".to_vec()),
        ];
        let notice = save_exports(&exports, &files);
        let expected = vec![exports.join("a.csv"), exports.join("b.txt")];
        assert!(
            matches!(&notice, Notice::Exported(paths) if *paths == expected),
            "{notice:?}"
        );
        for path in &expected {
            assert!(path.exists(), "{} written", path.display());
        }
        // A second export of the same names never overwrites, and says so.
        let again = save_exports(&exports, &files);
        assert!(matches!(again, Notice::ExportFailed(_)), "{again:?}");
    }
}
