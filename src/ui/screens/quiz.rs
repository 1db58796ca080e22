//! Practice quiz: one question at a time, pick with 1–6, Enter to answer; then every choice's verdict and
//! reason and the explanation; Enter moves on. A running score, and a summary at the end. Every answer is
//! recorded in the progress log.

use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Outcome, Shared};
use crate::core::content::Lang;
use crate::core::quiz::{QuizSession, QuizSummary};
use crate::ui::keymap::Context;
use crate::ui::msg::{Action, Msg};
use crate::ui::screens::Effect;
use crate::ui::text;
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
}

/// The title bar text.
pub fn title(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Quiz",
        Lang::Ko => "퀴즈",
    }
}

impl QuizState {
    /// A quiz over `session`.
    pub fn new(session: QuizSession) -> QuizState {
        QuizState {
            session,
            picked: BTreeSet::new(),
            answered: false,
            scroll: Scroll::default(),
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
            return Outcome::none();
        }
        let choose = self.session.current().map_or(1, |q| q.choose);
        if self.picked.len() < choose {
            return Outcome::status(match lang {
                Lang::En => format!("Pick {choose} with 1–6 first."),
                Lang::Ko if choose == 1 => "먼저 답을 고르세요.".to_string(),
                Lang::Ko => format!("먼저 답을 {choose}개 고르세요."),
            });
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
            let lines = summary_lines(&self.session.summary(), shared);
            let title = match lang {
                Lang::En => " Quiz finished — Enter or Esc to leave ".to_string(),
                Lang::Ko => " 퀴즈 완료 — Enter 또는 Esc로 나가기 ".to_string(),
            };
            scrolled(frame, area, lines, title, &self.scroll, shared);
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
            let hint = match lang {
                Lang::En => "Pick with 1–6, then Enter to answer.".to_string(),
                Lang::Ko => format!(
                    "번호 키(1–{})로 고른 뒤 Enter를 눌러 답하세요.",
                    question.choices.len()
                ),
            };
            lines.push(Line::styled(hint, theme.dim()));
        }
        let title = match lang {
            Lang::En => format!(
                " Question {}/{} · score {}/{} ",
                self.session.position() + 1,
                score.total,
                score.correct,
                score.answered
            ),
            Lang::Ko => format!(
                " 문제 {}/{} · 정답 {}/{} ",
                self.session.position() + 1,
                score.total,
                score.correct,
                score.answered
            ),
        };
        scrolled(frame, area, lines, title, &self.scroll, shared);
    }
}

fn summary_lines(summary: &QuizSummary, shared: &Shared) -> Vec<Line<'static>> {
    let lang = shared.lang;
    let theme = &shared.theme;
    let s = summary.score;
    let pct = percent(s.correct, s.total);
    let mut lines = vec![match lang {
        Lang::En => Line::styled(
            format!(
                "{} of {} right ({pct}%), {} skipped",
                s.correct, s.total, summary.skipped
            ),
            theme.title(),
        ),
        Lang::Ko => Line::styled(
            format!(
                "{}문제 중 {}문제 정답({pct}%) · 건너뛴 문제 {}개",
                s.total, s.correct, summary.skipped
            ),
            theme.title(),
        ),
    }];
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
