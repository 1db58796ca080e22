//! One module per screen. Each owns its state struct, turns messages into an [`Outcome`] (a screen change,
//! [`Effect`]s for the runner, a notice), and renders from its state; [`Screen`] is the sum of them that the
//! app keeps on its stack. `Effect` lives here, beside `Outcome`, so screens never import the app.

pub mod browse;
pub mod exam;
pub mod help;
pub mod home;
pub mod quiz;
pub mod search;
pub mod stats;
pub mod study;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::keymap::Context;
use super::msg::{Msg, SearchRequest};
pub use super::shared::Shared;
use crate::core::content::Lang;
use crate::core::progress::Event;

/// I/O the runner performs on behalf of `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Leave the program (restoring the terminal).
    Quit,
    /// Remember the language in the config file.
    SaveLanguage(Lang),
    /// Write export files into the data directory's `exports` folder (never overwriting); the runner
    /// reports every path written, and any error, in one [`Msg::Notice`].
    SaveExport {
        /// The files: name without a folder, and contents.
        files: Vec<(String, Vec<u8>)>,
    },
    /// Append an event to the progress log (written and fsync'd); the result comes back as [`Msg::Saved`].
    Append(Event),
    /// A study screen opened: take the data directory's study lock; a refusal comes back as
    /// [`Msg::StudyRefused`].
    ClaimStudy,
    /// The study screen closed: release the study lock.
    ReleaseStudy,
    /// Run a search off the interface's thread; the hits come back as [`Msg::SearchResults`] (a newer
    /// request supersedes this one).
    Search(SearchRequest),
}

/// A screen change requested by a screen.
pub enum Nav {
    /// Open a screen on top.
    Push(Box<Screen>),
    /// Replace the current screen.
    Replace(Box<Screen>),
    /// Close the current screen.
    Pop,
}

/// What handling a message produced.
#[derive(Default)]
pub struct Outcome {
    /// Screen change, if any.
    pub nav: Option<Nav>,
    /// I/O to perform.
    pub effects: Vec<Effect>,
    /// A notice for the status line.
    pub status: Option<String>,
}

impl Outcome {
    /// Nothing happened beyond the screen's own state.
    pub fn none() -> Outcome {
        Outcome::default()
    }

    /// Open `screen` on top.
    pub fn push(screen: Screen) -> Outcome {
        Outcome {
            nav: Some(Nav::Push(Box::new(screen))),
            ..Outcome::default()
        }
    }

    /// Close this screen.
    pub fn pop() -> Outcome {
        Outcome {
            nav: Some(Nav::Pop),
            ..Outcome::default()
        }
    }

    /// Replace this screen with `screen`.
    pub fn replace(screen: Screen) -> Outcome {
        Outcome {
            nav: Some(Nav::Replace(Box::new(screen))),
            ..Outcome::default()
        }
    }

    /// Perform one effect.
    pub fn effect(effect: Effect) -> Outcome {
        Outcome {
            effects: vec![effect],
            ..Outcome::default()
        }
    }

    /// Show a notice.
    pub fn status(message: impl Into<String>) -> Outcome {
        Outcome {
            status: Some(message.into()),
            ..Outcome::default()
        }
    }
}

/// Every screen of the interface.
pub enum Screen {
    /// Topics and entry points.
    Home(home::HomeState),
    /// Topics, sections, facts, comparisons, scenarios.
    Browse(browse::BrowseState),
    /// Flashcards.
    Study(Box<study::StudyState>),
    /// Fuzzy search.
    Search(Box<search::SearchState>),
    /// Practice quiz.
    Quiz(Box<quiz::QuizState>),
    /// Mock exam.
    Exam(Box<exam::ExamState>),
    /// Statistics.
    Stats(Box<stats::StatsState>),
}

impl Screen {
    /// The key context of this screen in its current mode.
    pub fn context(&self) -> Context {
        match self {
            Screen::Home(h) => h.context(),
            Screen::Browse(b) => b.context(),
            Screen::Study(s) => s.context(),
            Screen::Search(_) => Context::Search,
            Screen::Quiz(q) => q.context(),
            Screen::Exam(e) => e.context(),
            Screen::Stats(s) => s.context(),
        }
    }

    /// How many choices the question on screen offers, when it waits for one: the footer names only
    /// their keys (`1-4 choose`, not every key the table binds).
    pub fn choices_shown(&self) -> Option<usize> {
        match self {
            Screen::Study(s) if s.context() == Context::StudyChoose => {
                s.question.as_ref().map(|q| q.choices.len())
            }
            Screen::Quiz(q) => q.session.current().map(|question| question.choices.len()),
            Screen::Exam(e) if e.context() == Context::Exam => {
                Some(e.session.current_question().choices.len())
            }
            _ => None,
        }
    }

    /// The title bar text.
    pub fn title(&self, shared: &Shared) -> String {
        match self {
            Screen::Home(_) => home::title(shared.lang).to_string(),
            Screen::Browse(b) => b.title(shared),
            Screen::Study(s) => study::title(shared.lang, s.is_cram()).to_string(),
            Screen::Search(_) => search::title(shared.lang).to_string(),
            Screen::Quiz(_) => quiz::title(shared.lang).to_string(),
            Screen::Exam(_) => exam::title(shared.lang).to_string(),
            Screen::Stats(_) => stats::title(shared.lang).to_string(),
        }
    }

    /// Handles a message.
    pub fn update(&mut self, msg: Msg, shared: &Shared) -> Outcome {
        match self {
            Screen::Home(h) => h.update(msg, shared),
            Screen::Browse(b) => b.update(msg, shared),
            Screen::Study(s) => s.update(msg, shared),
            Screen::Search(s) => s.update(msg, shared),
            Screen::Quiz(q) => q.update(msg, shared),
            Screen::Exam(e) => e.update(msg, shared),
            Screen::Stats(s) => s.update(msg, shared),
        }
    }

    /// Draws the screen's body into `area`.
    pub fn render(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        match self {
            Screen::Home(h) => h.render(frame, area, shared),
            Screen::Browse(b) => b.render(frame, area, shared),
            Screen::Study(s) => s.render(frame, area, shared),
            Screen::Search(s) => s.render(frame, area, shared),
            Screen::Quiz(q) => q.render(frame, area, shared),
            Screen::Exam(e) => e.render(frame, area, shared),
            Screen::Stats(s) => s.render(frame, area, shared),
        }
    }
}
