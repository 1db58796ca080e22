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
use crate::text::{self, Notice, WriteFailure, WriteProblem};
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
    let now = crate::io::clock::now();
    let paths = Paths::resolve(data_dir)?;
    // Nothing is written before the terminal is known to be there: a refused start leaves no file behind.
    let config = config_file::load(&paths.config_file, &super::settings_schema())?.config;
    let keys = Overrides::from_config(&config.keys)
        .with_context(|| format!("in {}", paths.config_file.display()))?;
    let scheduler = config
        .scheduler(TimeZone::system())
        .context("the settings do not make a scheduler")?;
    let mut lock = StudyGuard::new(&paths);
    let studying = matches!(start, Start::Study { .. });
    // Taken before the log is read, so no grade of the session that held it last is missed; a folder that
    // does not exist yet has no session to wait for (it is made, and locked, below).
    if studying && paths.data_dir.is_dir() {
        lock.claim()?;
    }
    let read = log::read_dir(&paths.data_dir).context("cannot read the progress log")?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(NeedsTerminal.into());
    }
    if studying {
        lock.claim()?;
        lock.announce();
    }
    // The commented defaults are written on the first run; a read-only folder runs on the defaults.
    let _ = config_file::load_or_create(&paths.config_file, &super::settings_schema());
    let (device, device_notice) = match DeviceId::load_or_create(&paths.device_file) {
        Ok(device) => (device, None),
        // A state folder that cannot be written must not keep anyone from studying: this run logs under
        // an id of its own (a new log file), and says so.
        Err(e) => {
            let failure = WriteFailure {
                detail: e.to_string(),
                ..WriteFailure::from_io(&e.path, &e.source)
            };
            (DeviceId::random(), Some(Notice::DeviceNotStored(failure)))
        }
    };
    let log = EventLog::new(&paths.data_dir, device.clone());
    let deck = Arc::new(deck);
    // The settings parser accepted only names in `theme::NAMES`.
    let theme = Theme::configured(&config.theme).unwrap_or_else(Theme::from_env);
    let mut runner = LogRunner {
        search: SearchWorker::start(Arc::clone(&deck)),
        log,
        config_file: paths.config_file.clone(),
        exports_dir: paths.data_dir.join("exports"),
        lock,
        position: read.position.clone(),
    };

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
        links: crate::ui::widgets::links::wanted(),
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
    for notice in device_notice
        .iter()
        .chain(runner.lock.unguarded_notice().as_ref())
    {
        app.notify(notice);
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
    lock: StudyGuard,
    /// How far the log has been read: a study session starts from what other processes logged since.
    position: log::ReadPosition,
}

/// The data directory's study lock, held while this process studies.
struct StudyGuard {
    data_dir: std::path::PathBuf,
    holder_file: std::path::PathBuf,
    held: Option<StudyLock>,
    /// Why the lock could not be taken, the first time (a study session then goes ahead unguarded).
    unguarded: Option<WriteFailure>,
    /// Whether the learner has been told about studying unguarded (it is said once).
    told: bool,
}

impl StudyGuard {
    fn new(paths: &Paths) -> StudyGuard {
        StudyGuard {
            data_dir: paths.data_dir.clone(),
            holder_file: paths.study_holder.clone(),
            held: None,
            unguarded: None,
            told: false,
        }
    }

    /// Takes the study lock unless this process holds it already. Only another session holding it is an
    /// error: a folder that cannot be locked is studied unguarded (see [`StudyGuard::unguarded_notice`]).
    fn claim(&mut self) -> Result<(), StudyLockError> {
        if self.held.is_some() {
            return Ok(());
        }
        match study_lock::claim(&self.data_dir, &self.holder_file) {
            Ok(lock) => self.held = Some(lock),
            Err(held @ StudyLockError::Held { .. }) => return Err(held),
            Err(e) => self.unguarded = Some(unguarded(&e)),
        }
        Ok(())
    }

    /// Writes this process's id for a second session's message, once the session is sure to run.
    fn announce(&mut self) {
        if let Some(lock) = &mut self.held {
            lock.announce();
        }
    }

    /// The notice that this session studies without the lock, the first time it is asked for.
    fn unguarded_notice(&mut self) -> Option<Notice> {
        let detail = self
            .unguarded
            .clone()
            .filter(|_| self.held.is_none() && !self.told)?;
        self.told = true;
        Some(Notice::StudyUnguarded(detail))
    }

    fn release(&mut self) {
        self.held = None;
    }
}

impl LogRunner {
    /// Takes the study lock for a study screen just opened, and reads what other processes logged since
    /// this one last read the log, so the session does not show cards they have just graded.
    fn claim_study(&mut self) -> Msg {
        if let Err(e) = self.lock.claim() {
            return Msg::StudyRefused(lock_notice(e));
        }
        self.lock.announce();
        let events = match log::read_new(self.log.dir(), self.position.clone()) {
            Ok(read) => {
                self.position = read.position;
                read.events
            }
            // Start-up read this log; the session goes ahead on what was read then.
            Err(_) => Vec::new(),
        };
        Msg::StudyClaimed {
            events,
            notice: self.lock.unguarded_notice(),
        }
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
            Effect::ClaimStudy => Some(self.claim_study()),
            Effect::ReleaseStudy => {
                self.lock.release();
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
        other => Notice::StudyUnguarded(unguarded(&other)),
    }
}

/// Why the folder could not be locked, for the notice that says so.
fn unguarded(error: &StudyLockError) -> WriteFailure {
    match error {
        StudyLockError::Io { path, source } => WriteFailure {
            detail: error.to_string(),
            ..WriteFailure::from_io(path, source)
        },
        StudyLockError::Held { .. } => {
            WriteFailure::new(WriteProblem::Other, std::path::Path::new(""), error)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_cannot_be_locked_is_studied_unguarded_and_said_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("file"), "").unwrap();
        // A data folder under a regular file can be neither made nor locked, even by root.
        let paths = Paths::with_device_dir(dir.path().join("file/data"), Some(dir.path().join("state")));
        let mut guard = StudyGuard::new(&paths);
        guard.claim().expect("studying goes ahead");
        let notice = guard.unguarded_notice();
        assert!(
            matches!(&notice, Some(Notice::StudyUnguarded(f)) if f.detail.starts_with("cannot lock ")),
            "{notice:?}"
        );
        let said = text::of(Lang::En).notice(notice.as_ref().unwrap());
        assert_eq!(said.matches("study lock").count(), 1, "{said}");
        guard.release();
        guard.claim().expect("and again");
        assert_eq!(guard.unguarded_notice(), None, "said once per run");
        // A folder that can be locked says nothing.
        let paths = Paths::with_device_dir(dir.path().join("data"), Some(dir.path().join("state")));
        let mut guard = StudyGuard::new(&paths);
        guard.claim().unwrap();
        assert!(guard.held.is_some());
        assert_eq!(guard.unguarded_notice(), None);
        // Leaving the study screen lets another session in.
        let mut other = StudyGuard::new(&paths);
        assert!(matches!(other.claim(), Err(StudyLockError::Held { .. })));
        guard.release();
        other.claim().expect("free once released");
    }

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
