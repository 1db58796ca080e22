//! Study: flashcards scheduled by FSRS.
//!
//! A fact card shows its question; Space shows the answer. A scenario card is answered like a quiz question
//! first (choose with its digits or letters, Enter to answer), then shows ✓/✗ and the reason for every choice. Either
//! way 1–4 grade the card, and Space/Enter takes the suggested grade (Good, or Again after a wrong answer);
//! each grade button shows when the card would come back. A grade is written and synced before the next card
//! appears; if the write fails the card stays and the status line says the grade was NOT saved. `u` takes
//! back the last grade. The session ends with a summary and a next step (`summary`).

mod card;
mod summary;

use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Outcome, Screen, Shared};
use crate::core::content::{Deck, Item, Lang};
use crate::core::progress::Rating;
use crate::core::quiz::{Graded, Question, QuizError, grade};
use crate::core::srs::{Mode, StudySession};
use crate::text;
use crate::ui::keymap::{Context, key_name};
use crate::ui::msg::{Action, Msg};
use crate::ui::screens::Effect;
use crate::ui::widgets::rich::{self, scrolled};
use crate::ui::widgets::scroll::Scroll;

/// How many new cards `n` on the summary adds to today's limit (like Anki's custom study).
pub const MORE_NEW: u32 = 10;

/// Study screen state.
pub struct StudyState {
    /// The core session (queue, states, pending write).
    pub session: StudySession,
    /// Topic studied (`None` = all).
    pub topic: Option<String>,
    /// New cards allowed today on top of the daily limit.
    pub extra_new: u32,
    /// How far the card (or the summary) is scrolled.
    pub scroll: Scroll,
    /// The current card as a question, when it is a scenario: its choices in the order shown.
    pub question: Option<Question>,
    /// Choices picked for the current scenario (0-based, display order).
    pub picked: BTreeSet<usize>,
    /// The current scenario's result, once answered.
    pub graded: Option<Graded>,
}

/// The title bar text.
pub fn title(lang: Lang, cram: bool) -> &'static str {
    text::of(lang).study().title[usize::from(cram)]
}

impl StudyState {
    /// A study screen over `session` of `topic` (every topic if `None`).
    pub fn new(session: StudySession, topic: Option<String>, deck: &Deck) -> StudyState {
        let mut state = StudyState {
            session,
            topic,
            extra_new: 0,
            scroll: Scroll::default(),
            question: None,
            picked: BTreeSet::new(),
            graded: None,
        };
        state.show_current(deck);
        state
    }

    /// The key context: the question side, choosing, grading, or the summary.
    pub fn context(&self) -> Context {
        match self.session.current() {
            None => Context::StudySummary,
            Some(c) if c.revealed => Context::StudyGrade,
            Some(_) if self.question.is_some() => Context::StudyChoose,
            Some(_) => Context::Study,
        }
    }

    /// The grade Space/Enter gives: Again after a wrong scenario answer, otherwise Good.
    pub fn suggested(&self) -> Rating {
        match &self.graded {
            Some(g) if !g.correct => Rating::Again,
            _ => Rating::Good,
        }
    }

    /// Handles a message: choose, answer, reveal, grade, undo; a write result confirms or cancels the
    /// pending grade.
    pub fn update(&mut self, msg: Msg, shared: &Shared) -> Outcome {
        match msg {
            Msg::Saved(_, Ok(())) => {
                if self.session.confirm(shared.now).is_ok() {
                    self.show_current(&shared.deck);
                }
                Outcome::none()
            }
            Msg::Saved(_, Err(_)) => {
                self.session.cancel();
                Outcome::none()
            }
            Msg::Action(action) => self.on_action(action, shared),
            _ => Outcome::none(),
        }
    }

    /// Resets the per-card state for the card now on screen; a scenario becomes a question whose choice
    /// order follows its review count, so undo and redraws show the same order and a later review a new one.
    fn show_current(&mut self, deck: &Deck) {
        self.scroll.reset();
        self.picked.clear();
        self.graded = None;
        self.question = self.session.current().and_then(|current| {
            let at = deck.find(&current.card)?;
            let topic = deck.topics().get(at.topic)?;
            match deck.item(at)? {
                Item::Scenario(s) => Question::shown(&topic.id, s, current.state.reps),
                _ => None,
            }
        });
    }

    fn on_action(&mut self, action: Action, shared: &Shared) -> Outcome {
        match (self.context(), action) {
            (
                _,
                Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom,
            ) => {
                self.scroll.apply(action);
            }
            (Context::StudySummary, action) => return self.next_step(action, shared),
            (_, Action::Back) => return Outcome::pop(),
            (_, Action::Undo) => return self.undo(shared),
            (Context::Study, Action::Reveal) => {
                self.session.reveal();
            }
            (Context::StudyChoose, Action::Choose(n)) => self.pick(usize::from(n).saturating_sub(1)),
            (Context::StudyChoose, Action::Submit) => return self.answer(shared.lang),
            (Context::StudyGrade, Action::Submit) => return self.grade(self.suggested(), shared),
            (Context::StudyGrade, Action::Grade(n)) => {
                if let Some(rating) = Rating::from_number(u32::from(n)) {
                    return self.grade(rating, shared);
                }
            }
            _ => {}
        }
        Outcome::none()
    }

    fn pick(&mut self, choice: usize) {
        if let Some(question) = &self.question {
            question.toggle_pick(&mut self.picked, choice);
        }
    }

    /// Commits the picked choices: shows every verdict and reason, and suggests a grade from the result.
    fn answer(&mut self, lang: Lang) -> Outcome {
        let Some(question) = &self.question else {
            return Outcome::none();
        };
        if self.picked.len() < question.choose {
            let (choose, keys) = (question.choose, choice_keys(question.choices.len()));
            return Outcome::status((text::of(lang).study().pick_first)(choose, &keys));
        }
        let chosen: Vec<usize> = self.picked.iter().copied().collect();
        match grade(question, &chosen) {
            Ok(graded) => {
                self.graded = Some(graded);
                self.session.reveal();
                Outcome::none()
            }
            Err(e) => Outcome::status(text::of(lang).quiz_error(&QuizError::Response(e))),
        }
    }

    fn grade(&mut self, rating: Rating, shared: &Shared) -> Outcome {
        match self
            .session
            .grade(rating, shared.ids.next(shared.now), shared.now)
        {
            Ok(event) => Outcome::effect(Effect::Append(event)),
            Err(e) => Outcome::status(text::of(shared.lang).session_error(&e)),
        }
    }

    fn undo(&mut self, shared: &Shared) -> Outcome {
        match self.session.undo(shared.ids.next(shared.now), shared.now) {
            Ok(event) => Outcome::effect(Effect::Append(event)),
            Err(e) => Outcome::status(text::of(shared.lang).session_error(&e)),
        }
    }

    /// The summary's keys: cram this session's cards again (or, after an empty session, the scope's),
    /// cram every card of the scope, study more new cards today, or go back.
    fn next_step(&mut self, action: Action, shared: &Shared) -> Outcome {
        let topic = self.topic.clone();
        let studied = self.session.studied();
        match action {
            Action::Back | Action::Submit | Action::Reveal => Outcome::pop(),
            Action::Cram if !studied.is_empty() => {
                let session = shared.cram_session(studied);
                Outcome::replace(Screen::Study(Box::new(StudyState::new(
                    session,
                    topic,
                    &shared.deck,
                ))))
            }
            Action::Cram | Action::CramScope => replace(shared, topic, Mode::Cram, 0),
            Action::MoreNew => replace(shared, topic, Mode::Scheduled, self.extra_new + MORE_NEW),
            _ => Outcome::none(),
        }
    }

    /// Draws the card and the grade buttons, or the summary.
    pub fn render(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        let Some(current) = self.session.current() else {
            return summary::render(self, frame, area, shared);
        };
        let lang = shared.lang;
        let [card_area, buttons_area] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(area);
        let lines = card::lines(self, current, shared);
        let remaining = self.session.remaining();
        let title = (text::of(lang).study().remaining)(remaining.due, remaining.learning, remaining.new);
        scrolled(frame, card_area, lines, title, &self.scroll, shared.look());
        frame.render_widget(
            Paragraph::new(self.buttons(shared, buttons_area.width)),
            buttons_area,
        );
    }

    /// The line under the card: what to press now, or the four grades with their intervals, the suggested
    /// one marked, in `width` columns.
    fn buttons(&self, shared: &Shared, width: u16) -> Line<'static> {
        let theme = &shared.theme;
        let lang = shared.lang;
        let key = |action, default: &str| {
            shared
                .keys
                .key_for(action)
                .map_or_else(|| default.to_string(), key_name)
        };
        match self.context() {
            Context::Study => {
                let hint = (text::of(lang).study().reveal)(&key(Action::Reveal, "Space"));
                return Line::from(Span::styled(hint, theme.key()));
            }
            Context::StudyChoose => {
                let keys = choice_keys(self.question.as_ref().map_or(0, |q| q.choices.len()));
                let hint = (text::of(lang).study().choose)(&keys);
                return Line::from(Span::styled(hint, theme.key()));
            }
            _ => {}
        }
        let names = text::of(lang).study().grades;
        let previews = self.session.previews(shared.now);
        let suggested = self.suggested().number() as usize - 1;
        // Narrow first the gaps, then drop intervals from the last button back: a clipped `1.3개월` reads
        // `1.3개` ("1.3 items"), so an interval is shown whole or not at all.
        let line = |gap: &str, waits: usize| {
            let mut spans = Vec::new();
            for (i, name) in names.iter().enumerate() {
                let wait = previews
                    .as_ref()
                    .filter(|_| i < waits)
                    .map(|p| format!(" {}", text::of(lang).wait(p[i].wait)))
                    .unwrap_or_default();
                let mark = if i == suggested { "▸" } else { " " };
                spans.push(Span::styled(format!("{mark}{} ", i + 1), theme.key()));
                let style = if i == suggested {
                    theme.title()
                } else {
                    theme.text()
                };
                let gap = if i + 1 < names.len() { gap } else { "" };
                spans.push(Span::styled(format!("{name}{wait}{gap}"), style));
            }
            Line::from(spans)
        };
        let fits = |l: &Line| l.width() <= usize::from(width);
        let options = [("  ", 4), (" ", 4), (" ", 3), (" ", 2), (" ", 1), (" ", 0)];
        options
            .iter()
            .map(|&(gap, waits)| line(gap, waits))
            .find(fits)
            .unwrap_or_else(|| rich::clip(line(" ", 0), width))
    }

    /// Whether this session is a cram session.
    pub fn is_cram(&self) -> bool {
        self.session.mode() == Mode::Cram
    }
}

/// The keys that pick one of `n` choices: `1–4 / a–d` for four.
fn choice_keys(n: usize) -> String {
    let last = n.clamp(1, 6);
    let letter = char::from(b'a' + last as u8 - 1);
    format!("1–{last} / a–{letter}")
}

/// A new session of the same scope in place of the finished one.
fn replace(shared: &Shared, topic: Option<String>, mode: Mode, extra_new: u32) -> Outcome {
    let session = shared.study_session(topic.as_deref(), mode, extra_new);
    if session.is_finished() {
        let [one_topic, all] = text::of(shared.lang).study().nothing_left;
        return Outcome::status(if topic.is_some() { one_topic } else { all });
    }
    let mut state = StudyState::new(session, topic, &shared.deck);
    state.extra_new = extra_new;
    Outcome::replace(Screen::Study(Box::new(state)))
}
