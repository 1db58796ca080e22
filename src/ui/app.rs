//! The interface state and its only mutator, [`App::update`] (The Elm Architecture).
//!
//! `App` holds what every screen shares (the deck, the language, the overlay, the status line) and a
//! stack of [`Screen`]s, each owning its own state. `update` turns a [`Msg`] into state changes and a list
//! of [`Effect`]s (I/O) that the runner in `terminal.rs` performs; it never does I/O itself.

use super::keymap::Context;
use super::msg::{Action, Msg};
/// Effects are defined beside [`Outcome`], where screens produce them; re-exported here for the runner.
pub use super::screens::Effect;
use super::screens::study::StudyState;
use super::screens::{Nav, Outcome, Screen, Shared, help::HelpState, home::HomeState};
use super::shared::Setup;
use crate::core::content::Lang;
use crate::text::{self, Notice};

/// The whole interface state.
pub struct App {
    shared: Shared,
    screens: Vec<Screen>,
    help: Option<HelpState>,
    status: Option<String>,
    /// The notice the status line shows, if it shows one (to add to it: two exported files).
    notice: Option<Notice>,
    size: (u16, u16),
    quitting: bool,
}

impl App {
    /// A new interface, showing the home screen.
    pub fn new(setup: Setup) -> App {
        let shared = setup.into_shared();
        App {
            shared,
            screens: vec![Screen::Home(HomeState::default())],
            help: None,
            status: None,
            notice: None,
            size: (80, 24),
            quitting: false,
        }
    }

    /// Offers an interrupted exam on the home screen.
    pub fn set_resumable(&mut self, exam: Option<crate::core::quiz::ExamSession>) {
        if let Some(Screen::Home(home)) = self.screens.first_mut() {
            home.resumable = exam.map(Box::new);
        }
    }

    /// Shows a notice on the status line, in the current language. Files exported one after the other
    /// (`x` writes two) are listed together.
    pub fn notify(&mut self, notice: &Notice) {
        let words = text::of(self.shared.lang);
        let shown = self
            .notice
            .as_ref()
            .filter(|n| self.status == Some(words.notice(n)));
        let notice = match (shown, notice) {
            (Some(Notice::Exported(before)), Notice::Exported(now)) => {
                Notice::Exported([before.as_slice(), now].concat())
            }
            _ => notice.clone(),
        };
        self.status = Some(words.notice(&notice));
        self.notice = Some(notice);
    }

    /// Starts on another screen than home (e.g. `recall browse lambda`); home stays below it.
    pub fn open(&mut self, screen: Screen) {
        self.screens.push(screen);
    }

    /// What the screen shows and reads: deck, language, theme.
    pub fn shared(&self) -> &Shared {
        &self.shared
    }

    /// The screen on top of the stack.
    pub fn screen(&self) -> &Screen {
        self.screens.last().expect("home is never popped")
    }

    /// How many choices the screen's question offers, if one waits for a choice (and help is closed).
    pub fn choices_shown(&self) -> Option<usize> {
        if self.help.is_some() {
            None
        } else {
            self.screen().choices_shown()
        }
    }

    /// The help overlay, if open.
    pub fn help(&self) -> Option<&HelpState> {
        self.help.as_ref()
    }

    /// The status line (an error or notice), if any.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// The current language.
    pub fn lang(&self) -> Lang {
        self.shared.lang
    }

    /// Whether the app has asked to quit.
    pub fn is_quitting(&self) -> bool {
        self.quitting
    }

    /// The last known terminal size.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// What the clock changes on screen: the second, while an exam's countdown runs, and the study day
    /// (due counts). The runner redraws after a tick only when this changes, so an idle interface does not
    /// redraw (an interrupted exam offered on Home shows a time that stands still).
    pub fn clock_view(&self) -> (Option<i64>, i64) {
        let countdown = match self.screen() {
            Screen::Exam(exam) => !exam.session.is_submitted() && exam.session.clock_running(),
            _ => false,
        };
        let now = self.shared.now;
        let second = countdown.then(|| now.as_second());
        (second, self.shared.clock().day_index(now))
    }

    /// The key context: the help overlay, or the top screen's own.
    pub fn context(&self) -> Context {
        if self.help.is_some() {
            Context::Help
        } else {
            self.screen().context()
        }
    }

    /// Applies one message; returns the effects to perform. The only place state changes.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let effects = self.handle(msg);
        self.sync_exam_clocks();
        // Home's counts follow progress: they are brought up to date once Home is on top again, counting
        // again only the topics of the cards that changed.
        if self.shared.counts_stale && matches!(self.screen(), Screen::Home(_)) {
            self.shared.refresh_counts();
        }
        effects
    }

    /// Exam time runs only while the exam is the screen on top: an exam covered by another screen, or
    /// waiting on Home to be continued, has its clock paused at the current time.
    fn sync_exam_clocks(&mut self) {
        let now = self.shared.now;
        let top = self.screens.len().saturating_sub(1);
        for (i, screen) in self.screens.iter_mut().enumerate() {
            match screen {
                Screen::Exam(exam) if i == top => exam.session.run_clock(now),
                Screen::Exam(exam) => exam.session.pause_clock(now),
                Screen::Home(home) => {
                    if let Some(exam) = home.resumable.as_deref_mut() {
                        exam.pause_clock(now);
                    }
                }
                _ => {}
            }
        }
    }

    fn handle(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Resize(w, h) => {
                self.size = (w, h);
                Vec::new()
            }
            Msg::Interrupt => self.quit(),
            Msg::Notice(notice) => {
                self.notify(&notice);
                Vec::new()
            }
            Msg::SearchReady => {
                self.shared.search_ready = true;
                Vec::new()
            }
            Msg::QuizPool(pool) => {
                self.shared.quiz_pool = Some(pool);
                Vec::new()
            }
            Msg::Tick(now) => {
                self.shared.now = now;
                self.shared.refresh_counts_on_new_day();
                self.forward(Msg::Tick(now))
            }
            Msg::Action(action) => {
                self.shared.seed = next_seed(self.shared.seed);
                self.on_action(action)
            }
            Msg::StudyRefused(reason) => {
                // The study screen was opened on the claim's success; another process holds the lock.
                if matches!(self.screen(), Screen::Study(_)) {
                    self.screens.pop();
                }
                self.notify(&reason);
                Vec::new()
            }
            Msg::StudyClaimed { events, notice } => {
                let mut changed = false;
                for event in events {
                    changed |= self.shared.progress.apply(event, &self.shared.scheduler);
                }
                if changed {
                    self.shared.counts_stale = true;
                    self.restart_study();
                }
                if let Some(notice) = notice {
                    self.notify(&notice);
                }
                Vec::new()
            }
            Msg::Saved(event, result) => {
                if result.is_ok() {
                    self.shared.progress.apply(event.clone(), &self.shared.scheduler);
                    self.shared.note_change(&event);
                } else if let Err(e) = &result {
                    // Never pretend an answer was saved.
                    self.notify(&Notice::NotSaved(e.clone()));
                }
                self.forward(Msg::Saved(event, result))
            }
            other => self.forward(other),
        }
    }

    fn on_action(&mut self, action: Action) -> Vec<Effect> {
        if let Some(help) = &mut self.help {
            match action {
                Action::Back | Action::Help => self.help = None,
                Action::Quit => return self.quit(),
                other => help.scroll(other),
            }
            return Vec::new();
        }
        match action {
            Action::Help => {
                self.help = Some(HelpState::new(self.screen().context()));
                Vec::new()
            }
            Action::ToggleLang => {
                self.shared.lang = self.shared.lang.toggled();
                vec![Effect::SaveLanguage(self.shared.lang)]
            }
            // An open exam asks before leaving (its own key context then confirms).
            Action::Quit if matches!(self.context(), Context::Exam | Context::ExamReview) => {
                self.forward(Msg::Action(Action::Quit))
            }
            Action::Quit => self.quit(),
            Action::Search => {
                self.screens.push(Screen::Search(Box::default()));
                Vec::new()
            }
            other => self.forward(Msg::Action(other)),
        }
    }

    fn forward(&mut self, msg: Msg) -> Vec<Effect> {
        if matches!(msg, Msg::Action(_) | Msg::Input(_)) {
            self.status = None;
        }
        let shared = &self.shared;
        let top = self.screens.last_mut().expect("home is never popped");
        let outcome = top.update(msg, shared);
        self.apply(outcome)
    }

    fn apply(&mut self, outcome: Outcome) -> Vec<Effect> {
        if let Some(status) = outcome.status {
            self.status = Some(status);
        }
        let studying = self.is_studying();
        self.navigate(outcome.nav);
        let mut effects = outcome.effects;
        match (studying, self.is_studying()) {
            (false, true) => effects.push(Effect::ClaimStudy),
            (true, false) => effects.push(Effect::ReleaseStudy),
            _ => {}
        }
        effects
    }

    /// Starts the study screen on top again from the progress as it is now (another process graded cards
    /// since it was opened), with the same scope and mode.
    fn restart_study(&mut self) {
        let shared = &self.shared;
        if let Some(Screen::Study(study)) = self.screens.last_mut() {
            let session = shared.study_session(study.topic.as_deref(), study.session.mode(), study.extra_new);
            let mut fresh = StudyState::new(session, study.topic.clone(), &shared.deck);
            fresh.extra_new = study.extra_new;
            **study = fresh;
        }
    }

    /// Whether a study screen is open (it holds the data directory's study lock).
    fn is_studying(&self) -> bool {
        self.screens.iter().any(|s| matches!(s, Screen::Study(_)))
    }

    fn navigate(&mut self, nav: Option<Nav>) {
        match nav {
            Some(Nav::Push(screen)) => self.screens.push(*screen),
            Some(Nav::Replace(screen)) => {
                if self.screens.len() > 1 {
                    self.screens.pop();
                }
                self.screens.push(*screen);
            }
            Some(Nav::Pop) if self.screens.len() > 1 => {
                // An exam left unfinished (Esc) stays available from home, as after a restart.
                if let Some(Screen::Exam(exam)) = self.screens.pop()
                    && !exam.session.is_submitted()
                {
                    self.set_resumable(Some(exam.session));
                }
            }
            Some(Nav::Pop) => {}
            None => {}
        }
    }

    fn quit(&mut self) -> Vec<Effect> {
        self.quitting = true;
        let now = self.shared.now;
        let checkpoints = self.screens.iter().filter_map(|s| match s {
            Screen::Exam(exam) => exam.checkpoint(now),
            _ => None,
        });
        let shared = &self.shared;
        checkpoints
            .map(|kind| Effect::Append(shared.event(kind)))
            .chain([Effect::Quit])
            .collect()
    }
}

/// The next seed of a splitmix64 sequence: every quiz or exam started gets a fresh draw.
fn next_seed(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
