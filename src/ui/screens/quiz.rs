//! Practice quiz: one question at a time, pick with the choices' digits or letters, Enter to answer; then
//! every choice's verdict and reason and the explanation; Enter moves on. A running score, and at the end
//! the score by topic and every missed question with its explanation. Every answer is recorded in the
//! progress log.

use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Outcome, Shared};
use crate::core::content::Lang;
use crate::core::quiz::{QuizSession, QuizSummary};
use crate::core::readiness::{self, Prediction};
use crate::text;
use crate::ui::keymap::Context;
use crate::ui::msg::{Action, Msg};
use crate::ui::screens::Effect;
use crate::ui::shared::readiness_day;
use crate::ui::widgets::fmt::percent;
use crate::ui::widgets::question_view;
use crate::ui::widgets::rich::scrolled;
use crate::ui::widgets::scroll::Scroll;

/// Practice quiz state.
pub struct QuizState {
    /// The core session (questions, answers, score).
    pub session: QuizSession,
    /// Choices picked for the current question (0-based).
    pub picked: BTreeSet<usize>,
    /// Whether the current question has been answered (feedback shown).
    pub answered: bool,
    /// How far the question is scrolled.
    pub scroll: Scroll,
    /// A weak-spot quiz: the predicted exam score when it began (to show how it moved).
    pub readiness_before: Option<Prediction>,
    /// The predicted exam score once the quiz ended.
    pub readiness_after: Option<Prediction>,
    /// Whether this is a weak-spot quiz.
    pub weak: bool,
}

/// The title bar text.
pub fn title(lang: Lang) -> &'static str {
    text::of(lang).quiz().title
}

impl QuizState {
    /// A quiz over `session`.
    pub fn new(session: QuizSession) -> QuizState {
        QuizState {
            session,
            picked: BTreeSet::new(),
            answered: false,
            scroll: Scroll::default(),
            readiness_before: None,
            readiness_after: None,
            weak: false,
        }
    }

    /// A weak-spot quiz over `session`, begun when the predicted exam score was `before`.
    pub fn weak(session: QuizSession, before: Option<Prediction>) -> QuizState {
        QuizState {
            readiness_before: before,
            weak: true,
            ..QuizState::new(session)
        }
    }

    /// The key context.
    pub fn context(&self) -> Context {
        Context::Quiz
    }

    /// Handles a message.
    pub fn update(&mut self, msg: Msg, shared: &Shared) -> Outcome {
        let Msg::Action(action) = msg else {
            return Outcome::none();
        };
        match action {
            Action::Choose(n) if !self.answered => self.pick(usize::from(n).saturating_sub(1)),
            Action::Submit => return self.submit(shared),
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                self.scroll.apply(action);
            }
            Action::Back => return Outcome::pop(),
            _ => {}
        }
        Outcome::none()
    }

    fn pick(&mut self, choice: usize) {
        if let Some(question) = self.session.current() {
            question.toggle_pick(&mut self.picked, choice);
        }
    }

    fn submit(&mut self, shared: &Shared) -> Outcome {
        let lang = shared.lang;
        if self.session.is_over() {
            return Outcome::pop();
        }
        if self.answered {
            self.session.advance();
            self.picked.clear();
            self.answered = false;
            self.scroll.reset();
            if self.weak && self.session.is_over() {
                // Every answer is in the progress by now (each was saved before Enter moved on).
                let at = readiness_day(&shared.scheduler, shared.now);
                self.readiness_after =
                    readiness::predict(&shared.deck, &shared.progress, &shared.scheduler, at).overall;
            }
            return Outcome::none();
        }
        let (choose, choices) = self
            .session
            .current()
            .map_or((1, 1), |q| (q.choose, q.choices.len()));
        if self.picked.len() < choose {
            let keys = choice_keys(choices);
            return Outcome::status((text::of(lang).quiz().pick_first)(choose, &keys));
        }
        let chosen: Vec<usize> = self.picked.iter().copied().collect();
        match self.session.answer(&chosen) {
            Ok(answer) => {
                self.answered = true;
                Outcome {
                    effects: vec![Effect::Append(shared.event(answer.event))],
                    ..Outcome::none()
                }
            }
            Err(e) => Outcome::status(text::of(shared.lang).quiz_error(&e)),
        }
    }

    /// Draws the current question, or the summary.
    pub fn render(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        let lang = shared.lang;
        let theme = &shared.theme;
        let score = self.session.score();
        if self.session.is_over() {
            let mut lines = summary_lines(&self.session.summary(), shared);
            if let (Some(before), Some(after)) = (self.readiness_before, self.readiness_after) {
                let moved = (text::of(lang).readiness().moved)(before.scaled, after.scaled);
                lines.insert(1, Line::styled(moved, theme.title()));
            }
            lines.extend(missed_lines(&self.session, shared));
            let title = text::of(lang).quiz().finished_title.to_string();
            scrolled(frame, area, lines, title, &self.scroll, shared.look());
            return;
        }
        let Some(question) = self.session.current() else {
            return;
        };
        let picked: Vec<usize> = self.picked.iter().copied().collect();
        let graded = if self.answered {
            self.session.result(self.session.position())
        } else {
            None
        };
        let highlight = shared.highlights.show(self.answered);
        let mut lines = question_view::lines(question, &picked, graded, highlight, lang, theme);
        if !self.answered {
            lines.push(Line::raw(""));
            let keys = choice_keys(question.choices.len());
            let hint = (text::of(lang).quiz().choose)(&keys);
            lines.push(Line::styled(hint, theme.dim()));
        }
        let title = (text::of(lang).quiz().question_title)(
            self.session.position() + 1,
            score.total,
            score.correct,
            score.answered,
        );
        scrolled(frame, area, lines, title, &self.scroll, shared.look());
    }
}

/// The keys that pick one of `n` choices: `1–4 or a–d`.
fn choice_keys(n: usize) -> String {
    let n = n.clamp(1, 6);
    let letter = char::from(b'a' + u8::try_from(n - 1).unwrap_or(0));
    format!("1–{n} / a–{letter}")
}

/// The missed questions of the finished quiz: each prompt, the right answers and the explanation.
fn missed_lines<'a>(session: &'a QuizSession, shared: &Shared) -> Vec<Line<'a>> {
    let (lang, theme) = (shared.lang, &shared.theme);
    let missed: Vec<usize> = (0..session.questions().len())
        .filter(|&i| session.result(i).is_some_and(|g| !g.correct))
        .collect();
    if missed.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![
        Line::raw(""),
        Line::styled((text::of(lang).quiz().missed)(missed.len()), theme.title()),
    ];
    for i in missed {
        let q = &session.questions()[i];
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("{}. {}", i + 1, q.prompt.get(lang)),
            theme.text(),
        ));
        for c in q.choices.iter().filter(|c| c.correct) {
            lines.push(Line::styled(format!("   ✓ {}", c.text.get(lang)), theme.good()));
        }
        lines.extend(crate::ui::widgets::rich::body_lines(
            q.explanation.get(lang),
            theme.dim(),
        ));
    }
    lines
}

fn summary_lines(summary: &QuizSummary, shared: &Shared) -> Vec<Line<'static>> {
    let lang = shared.lang;
    let theme = &shared.theme;
    let s = summary.score;
    let pct = percent(s.correct, s.total);
    let mut lines = vec![Line::styled(
        (text::of(lang).quiz().score)(s.correct, s.total, pct, summary.skipped),
        theme.title(),
    )];
    lines.push(Line::raw(""));
    for t in &summary.topics {
        let name = shared
            .deck
            .topic(&t.topic)
            .map_or(t.topic.clone(), |(_, topic)| topic.title.get(lang).to_string());
        lines.push(Line::raw(format!("  {name}: {}/{}", t.correct, t.total)));
    }
    lines
}
