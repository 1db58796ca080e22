//! Study: flashcards scheduled by FSRS. Space shows the answer, then 1–4 grade it (Space again = Good);
//! each grade button shows when the card would come back. A grade is written and synced before the next
//! card appears; if the write fails the card stays and the status line says the grade was NOT saved.
//! `u` takes back the last grade. The session ends with a summary.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Outcome, Shared};
use crate::core::content::{Item, Lang};
use crate::core::progress::Rating;
use crate::core::srs::{Mode, Phase, StudySession};
use crate::ui::app::Effect;
use crate::ui::keymap::{Context, key_name};
use crate::ui::msg::{Action, Msg};
use crate::ui::widgets::fmt::clock;
use crate::ui::widgets::rich::{self, scrolled};

/// Study screen state.
pub struct StudyState {
    /// The core session (queue, states, pending write).
    pub session: StudySession,
    /// Topic studied (`None` = all).
    pub topic: Option<String>,
    /// Lines scrolled.
    pub scroll: u16,
}

/// The title bar text.
pub fn title(lang: Lang, cram: bool) -> &'static str {
    match (lang, cram) {
        (Lang::En, false) => "Study",
        (Lang::En, true) => "Study (cram: schedule unchanged)",
        (Lang::Ko, false) => "학습",
        (Lang::Ko, true) => "학습 (벼락치기: 일정 변경 없음)",
    }
}

impl StudyState {
    /// A study screen over `session`.
    pub fn new(session: StudySession, topic: Option<String>) -> StudyState {
        StudyState {
            session,
            topic,
            scroll: 0,
        }
    }

    /// The key context.
    pub fn context(&self) -> Context {
        Context::Study
    }

    /// Handles a message: reveal, grade, undo; a write result confirms or cancels the pending grade.
    pub fn update(&mut self, msg: Msg, shared: &Shared) -> Outcome {
        match msg {
            Msg::Saved(_, Ok(())) => {
                if self.session.confirm(shared.now).is_ok() {
                    self.scroll = 0;
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

    fn on_action(&mut self, action: Action, shared: &Shared) -> Outcome {
        if self.session.is_finished() {
            return match action {
                Action::Back | Action::Reveal => Outcome::pop(),
                _ => Outcome::none(),
            };
        }
        let revealed = self.session.current().is_some_and(|c| c.revealed);
        match action {
            Action::Reveal if !revealed => {
                self.session.reveal();
                Outcome::none()
            }
            Action::Reveal => self.grade(Rating::Good, shared),
            Action::Grade(n) if revealed => match Rating::from_number(u32::from(n)) {
                Some(rating) => self.grade(rating, shared),
                None => Outcome::none(),
            },
            Action::Undo => match self.session.undo(shared.ids.next(shared.now), shared.now) {
                Ok(event) => Outcome {
                    effects: vec![Effect::Append(event)],
                    ..Outcome::none()
                },
                Err(e) => Outcome::status(e.to_string()),
            },
            Action::Up => {
                self.scroll = self.scroll.saturating_sub(1);
                Outcome::none()
            }
            Action::Down => {
                self.scroll = self.scroll.saturating_add(1);
                Outcome::none()
            }
            Action::Back => Outcome::pop(),
            _ => Outcome::none(),
        }
    }

    fn grade(&mut self, rating: Rating, shared: &Shared) -> Outcome {
        match self
            .session
            .grade(rating, shared.ids.next(shared.now), shared.now)
        {
            Ok(event) => Outcome {
                effects: vec![Effect::Append(event)],
                ..Outcome::none()
            },
            Err(e) => Outcome::status(e.to_string()),
        }
    }

    /// Draws the card and the grade buttons, or the summary.
    pub fn render(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        let Some(current) = self.session.current() else {
            return self.render_summary(frame, area, shared);
        };
        let lang = shared.lang;
        let theme = &shared.theme;
        let [card_area, buttons_area] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(area);
        let mut lines = Vec::new();
        let item = shared
            .deck
            .find(&current.card)
            .and_then(|r| shared.deck.item(r).map(|i| (r, i)));
        if let Some((r, item)) = item {
            let topic = &shared.deck.topics()[r.topic];
            let phase = phase_label(current.state.phase, lang);
            lines.push(Line::styled(
                format!("{} · {phase}", topic.title.get(lang)),
                theme.dim(),
            ));
            lines.push(Line::raw(""));
            card_lines(&mut lines, item, current.revealed, shared);
        }
        let remaining = self.session.remaining();
        let title = match lang {
            Lang::En => format!(
                " due {} · learning {} · new {} ",
                remaining.due, remaining.learning, remaining.new
            ),
            Lang::Ko => format!(
                " 복습 {} · 학습 중 {} · 새 카드 {} ",
                remaining.due, remaining.learning, remaining.new
            ),
        };
        scrolled(frame, card_area, lines, title, self.scroll, shared);
        frame.render_widget(
            Paragraph::new(self.buttons(current.revealed, shared)),
            buttons_area,
        );
    }

    fn buttons(&self, revealed: bool, shared: &Shared) -> Line<'static> {
        let theme = &shared.theme;
        let lang = shared.lang;
        if !revealed {
            let key = shared
                .keys
                .key_for(Action::Reveal)
                .map_or_else(|| "Space".to_string(), key_name);
            let hint = match lang {
                Lang::En => format!("{key}: show answer"),
                Lang::Ko => format!("{key}: 정답 보기"),
            };
            return Line::from(Span::styled(hint, theme.key()));
        }
        let names = match lang {
            Lang::En => ["Again", "Hard", "Good", "Easy"],
            Lang::Ko => ["다시", "어려움", "좋음", "쉬움"],
        };
        let previews = self.session.previews(shared.now);
        let mut spans = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let wait = previews
                .as_ref()
                .map(|p| format!(" {}", p[i].label()))
                .unwrap_or_default();
            spans.push(Span::styled(format!("{} ", i + 1), theme.key()));
            spans.push(Span::raw(format!("{name}{wait}   ")));
        }
        rich::clip(Line::from(spans), 200)
    }

    fn render_summary(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        let s = self.session.summary(shared.now);
        let acc = s.accuracy.map_or(0, |a| (a * 100.0).round() as usize);
        let time = clock(s.elapsed.unsigned_abs());
        let lines: Vec<Line<'static>> = match shared.lang {
            Lang::En => vec![
                Line::styled(
                    "Session finished — nothing more is due now.",
                    shared.theme.title(),
                ),
                Line::raw(""),
                Line::raw(format!("Cards studied: {} ({} reviews)", s.cards, s.reviews)),
                Line::raw(format!(
                    "Accuracy: {acc}% ({} of {} not Again)",
                    s.correct, s.reviews
                )),
                Line::raw(format!("Time: {time}")),
                Line::raw(format!(
                    "Due by tomorrow: {} · new cards tomorrow: {}",
                    s.due_tomorrow, s.new_tomorrow
                )),
                Line::raw(""),
                Line::styled("Esc or Space to go back.", shared.theme.dim()),
            ],
            Lang::Ko => vec![
                Line::styled(
                    "학습을 마쳤습니다 — 지금 복습할 카드가 없습니다.",
                    shared.theme.title(),
                ),
                Line::raw(""),
                Line::raw(format!("학습한 카드: {}장 (복습 {}회)", s.cards, s.reviews)),
                Line::raw(format!(
                    "정확도: {acc}% ({}회 중 {}회가 '다시' 아님)",
                    s.reviews, s.correct
                )),
                Line::raw(format!("시간: {time}")),
                Line::raw(format!(
                    "내일까지 복습: {} · 내일 새 카드: {}",
                    s.due_tomorrow, s.new_tomorrow
                )),
                Line::raw(""),
                Line::styled("Esc 또는 Space로 돌아갑니다.", shared.theme.dim()),
            ],
        };
        let title = match shared.lang {
            Lang::En => " Summary ",
            Lang::Ko => " 요약 ",
        };
        scrolled(frame, area, lines, title.to_string(), self.scroll, shared);
    }

    /// Whether this session is a cram session.
    pub fn is_cram(&self) -> bool {
        self.session.mode() == Mode::Cram
    }
}

/// The card's lines: the question; after reveal, the answer with its detail (facts) or the right choices
/// and the explanation (scenarios).
fn card_lines(lines: &mut Vec<Line<'static>>, item: Item<'_>, revealed: bool, shared: &Shared) {
    let lang = shared.lang;
    let theme = &shared.theme;
    match item {
        Item::Fact(f) => {
            lines.push(Line::styled(f.prompt.get(lang).to_string(), theme.title()));
            if revealed {
                lines.push(Line::raw(""));
                lines.push(Line::styled(f.answer.get(lang).to_string(), theme.good()));
                if let Some(detail) = &f.detail {
                    lines.push(Line::raw(""));
                    lines.extend(rich::body_lines(detail.get(lang), theme.text()));
                }
                if let Some(correction) = &f.correction {
                    let label = match lang {
                        Lang::En => "Correction: ",
                        Lang::Ko => "바로잡기: ",
                    };
                    lines.push(Line::from(vec![
                        Span::styled(label, theme.warn()),
                        Span::raw(correction.get(lang).to_string()),
                    ]));
                }
                lines.push(Line::styled(format!("↗ {}", f.source), theme.dim()));
            }
        }
        Item::Scenario(s) => {
            lines.push(rich::highlight_phrases(
                s.prompt.get(lang),
                s.keywords.get(lang),
                theme.text(),
                theme.highlight(),
            ));
            lines.push(Line::raw(""));
            for (i, c) in s.choices.iter().enumerate() {
                let style = if revealed && c.correct {
                    theme.good()
                } else {
                    theme.text()
                };
                let mark = if revealed && c.correct { "✓" } else { " " };
                lines.push(Line::styled(
                    format!("{mark} {}. {}", i + 1, c.text.get(lang)),
                    style,
                ));
            }
            if revealed {
                lines.push(Line::raw(""));
                lines.extend(rich::body_lines(s.explanation.get(lang), theme.text()));
            }
        }
        other => lines.push(Line::raw(other.headline().get(lang).to_string())),
    }
}

/// The card's phase in the interface language.
fn phase_label(phase: Phase, lang: Lang) -> &'static str {
    match (lang, phase) {
        (Lang::En, Phase::New) => "new card",
        (Lang::En, Phase::Learning) => "learning",
        (Lang::En, Phase::Review) => "review",
        (Lang::En, Phase::Relearning) => "relearning",
        (Lang::Ko, Phase::New) => "새 카드",
        (Lang::Ko, Phase::Learning) => "학습 중",
        (Lang::Ko, Phase::Review) => "복습",
        (Lang::Ko, Phase::Relearning) => "재학습",
    }
}
