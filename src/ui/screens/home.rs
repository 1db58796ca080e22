//! Home: the deck's topics with their item counts, and the entry points (study, quiz, exam, browse, search,
//! stats) with their keys.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::browse::BrowseState;
use super::exam::ExamState;
use super::quiz::QuizState;
use super::stats::StatsState;
use super::study::StudyState;
use super::{Outcome, Screen, Shared};
use crate::core::content::Lang;
use crate::core::percent::of_fraction;
use crate::core::progress::{EventKind, Stats};
use crate::core::quiz::{ExamOptions, ExamSession, QuizError, QuizOptions, QuizSession};
use crate::core::readiness;
use crate::core::srs::Mode;
use crate::text;
use crate::ui::keymap::Context;
use crate::ui::msg::{Action, Msg};
use crate::ui::screens::Effect;
use crate::ui::shared::readiness_day;
use crate::ui::widgets::fmt::{clock, percent};
use crate::ui::widgets::{rich, window};

/// Home screen state: which topic row is selected, and an interrupted exam to continue.
#[derive(Default)]
pub struct HomeState {
    /// Selected topic index.
    pub cursor: usize,
    /// An unfinished exam found in the log at start-up.
    pub resumable: Option<Box<ExamSession>>,
    /// `e` was pressed while an interrupted exam exists: asking whether to continue or discard it.
    pub asking_exam: bool,
}

/// The title bar text.
pub fn title(lang: Lang) -> &'static str {
    text::of(lang).home().title
}

impl HomeState {
    /// The key context: the topic list, or the question about an interrupted exam.
    pub fn context(&self) -> Context {
        if self.asking_exam {
            Context::ExamPrompt
        } else {
            Context::Home
        }
    }

    /// Handles a message.
    pub fn update(&mut self, msg: Msg, shared: &Shared) -> Outcome {
        let Msg::Action(action) = msg else {
            return Outcome::none();
        };
        if self.asking_exam {
            return self.answer_exam_prompt(action, shared);
        }
        let topics = shared.deck.topics().len();
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(topics.saturating_sub(1)),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = topics.saturating_sub(1),
            Action::Open if topics > 0 => {
                return Outcome::push(Screen::Browse(BrowseState::at_topic(self.cursor)));
            }
            Action::Browse => return Outcome::push(Screen::Browse(BrowseState::default())),
            Action::Quiz => {
                return start_quiz(shared, self.selected_topic(shared), QuizOptions::DEFAULT_COUNT);
            }
            Action::QuizAll => return start_quiz(shared, None, QuizOptions::DEFAULT_COUNT),
            Action::Weak => return start_weak_quiz(shared, None, QuizOptions::DEFAULT_COUNT),
            Action::Study => return start_study(shared, self.selected_topic(shared), Mode::Scheduled),
            Action::StudyAll => return start_study(shared, None, Mode::Scheduled),
            Action::Stats => {
                let stats = Stats::compute(&shared.deck, &shared.progress, shared.clock(), shared.now);
                let state = StatsState::new(stats).with_readiness(shared.readiness.clone());
                return Outcome::push(Screen::Stats(Box::new(state)));
            }
            Action::Resume => return self.resume(),
            Action::Exam if self.resumable.is_some() => self.asking_exam = true,
            Action::Exam => return start_exam(shared, &ExamOptions::full_length(&shared.deck, shared.seed)),
            _ => {}
        }
        Outcome::none()
    }

    /// `c` continues the interrupted exam, `d` closes it (recorded as abandoned) and starts a new one, Esc
    /// leaves both alone.
    fn answer_exam_prompt(&mut self, action: Action, shared: &Shared) -> Outcome {
        match action {
            Action::Resume => {
                self.asking_exam = false;
                self.resume()
            }
            Action::Discard => {
                self.asking_exam = false;
                let Some(old) = self.resumable.take() else {
                    return Outcome::none();
                };
                let abandoned = shared.event(EventKind::ExamAbandoned {
                    exam: old.id().to_string(),
                });
                let mut outcome = start_exam(shared, &ExamOptions::full_length(&shared.deck, shared.seed));
                outcome.effects.insert(0, Effect::Append(abandoned));
                outcome
            }
            Action::Back => {
                self.asking_exam = false;
                Outcome::none()
            }
            _ => Outcome::none(),
        }
    }

    fn resume(&mut self) -> Outcome {
        match self.resumable.take() {
            Some(session) => Outcome::push(Screen::Exam(Box::new(ExamState::new(*session)))),
            None => Outcome::none(),
        }
    }

    fn selected_topic(&self, shared: &Shared) -> Option<String> {
        shared.deck.topics().get(self.cursor).map(|t| t.id.clone())
    }

    /// Draws topics (with today's due/new counts and how much has been seen) and the entry points.
    pub fn render(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        let lang = shared.lang;
        let theme = &shared.theme;
        let entries = if self.asking_exam {
            exam_prompt(lang, self.resumable.as_deref(), shared)
        } else {
            entry_points(lang, self.cursor, self.resumable.as_deref(), shared)
        };
        // The question about an interrupted exam is shown at any height: its keys are only explained there.
        let entry_height = if area.height >= 16 || self.asking_exam {
            entries.len() as u16 + 2
        } else {
            0
        };
        let [list_area, entry_area] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(entry_height)]).areas(area);
        let (per_topic, all) = (&shared.counts.per_topic, &shared.counts.all);
        let inner_width = list_area.width.saturating_sub(5);
        // Only the rows on screen are built: a deck of 2,000 topics draws as fast as one of ten.
        let topics = shared.deck.topics();
        let shown = window::visible_rows(
            topics.len().min(per_topic.len()),
            self.cursor,
            usize::from(list_area.height.saturating_sub(2)),
        );
        let items: Vec<ListItem> = topics[shown.clone()]
            .iter()
            .zip(&per_topic[shown.clone()])
            .map(|(t, c)| {
                let seen = c.cards - c.unseen;
                let counts = (text::of(lang).home().row)(c.due + c.learning, c.new);
                let bar = progress_bar(seen, c.cards, if inner_width >= 70 { 10 } else { 5 });
                let right_width = (counts.width() + bar.width() + 6) as u16;
                let title_width = inner_width.saturating_sub(right_width).max(8);
                let title = rich::clip(Line::raw(t.title.get(lang).to_string()), title_width);
                let pad = usize::from(title_width).saturating_sub(title.width());
                let mut spans = title.spans;
                spans.push(Span::raw(" ".repeat(pad + 1)));
                spans.push(Span::styled(counts, theme.dim()));
                spans.push(Span::styled(bar, theme.good()));
                spans.push(Span::styled(
                    format!(" {:>3}%", percent(seen, c.cards)),
                    theme.dim(),
                ));
                ListItem::new(rich::clip(Line::from(spans), inner_width))
            })
            .collect();
        let heading = (text::of(lang).home().heading)(all.due + all.learning, all.new);
        let list = List::new(items)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.border())
                    .title(rich::box_title(heading, list_area.width)),
            )
            .highlight_style(theme.selected())
            .highlight_symbol("▶ ");
        let selected = self
            .cursor
            .min(shown.end.saturating_sub(1))
            .saturating_sub(shown.start);
        let mut state = ListState::default().with_selected((!shown.is_empty()).then_some(selected));
        frame.render_stateful_widget(list, list_area, &mut state);
        if entry_height > 0 {
            let lines: Vec<Line> = entries
                .iter()
                .map(|(key, label)| {
                    Line::from(vec![
                        Span::styled(format!(" {key:>5} "), theme.key()),
                        Span::raw(label.clone()),
                    ])
                })
                .collect();
            let title = text::of(lang).home().start;
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border())
                .title(rich::box_title(title, entry_area.width));
            frame.render_widget(Paragraph::new(lines).block(block), entry_area);
        }
    }
}

/// `▓▓▓░░░` for `part` of `total` in `width` cells.
fn progress_bar(part: usize, total: usize, width: usize) -> String {
    let filled = (part * width).checked_div(total).unwrap_or(0).min(width);
    format!("{}{}", "▓".repeat(filled), "░".repeat(width - filled))
}

/// Opens a study session (of one topic, or all), or says that nothing is due.
pub fn start_study(shared: &Shared, topic: Option<String>, mode: Mode) -> Outcome {
    let session = shared.study_session(topic.as_deref(), mode, 0);
    let state = StudyState::new(session, topic, &shared.deck);
    // An empty session opens straight on its summary, which offers cram and more new cards.
    Outcome::push(Screen::Study(Box::new(state)))
}

/// Opens a practice quiz of `count` scenarios aimed at the weak spots (of one topic, or all): drawn by
/// readiness's weakness, remembering the predicted score to show how it moved at the end.
pub fn start_weak_quiz(shared: &Shared, topic: Option<String>, count: usize) -> Outcome {
    let options = QuizOptions {
        topic,
        count,
        seed: shared.seed,
    };
    match weak_quiz(shared, &options) {
        Ok(state) => Outcome::push(Screen::Quiz(Box::new(state))),
        Err(e) => Outcome::status(text::of(shared.lang).quiz_error(&e)),
    }
}

/// A weak-spot quiz under `options` (also `recall quiz --weak`).
pub fn weak_quiz(shared: &Shared, options: &QuizOptions) -> Result<QuizState, QuizError> {
    let at = readiness_day(&shared.scheduler, shared.now);
    let chances = readiness::chances(&shared.deck, &shared.progress, &shared.scheduler, at);
    let weakness: HashMap<&str, f64> = chances.iter().map(|c| (c.card.as_str(), c.weakness())).collect();
    let weight = |card: &str| weakness.get(card).copied().unwrap_or(1.0);
    let session = QuizSession::weak(&shared.deck, options, weight)?;
    Ok(QuizState::weak(session, shared.readiness.overall))
}

/// Opens a practice quiz of `count` questions (of one topic, or all), or says why it cannot start.
pub fn start_quiz(shared: &Shared, topic: Option<String>, count: usize) -> Outcome {
    let options = QuizOptions {
        topic,
        count,
        seed: shared.seed,
    };
    // The deck's quiz pool, once the index worker has built it, saves reading the whole deck here.
    let session = match &shared.quiz_pool {
        Some(pool) => QuizSession::with_pool(&shared.deck, pool, &options),
        None => QuizSession::new(&shared.deck, &options),
    };
    match session {
        Ok(session) => {
            let notice = session.shortfall().map(|s| text::of(shared.lang).shortfall(s));
            Outcome {
                status: notice,
                ..Outcome::push(Screen::Quiz(Box::new(QuizState::new(session))))
            }
        }
        Err(e) => Outcome::status(text::of(shared.lang).quiz_error(&e)),
    }
}

/// Starts a mock exam and records its start, or says why it cannot start.
pub fn start_exam(shared: &Shared, options: &ExamOptions) -> Outcome {
    match ExamSession::start(&shared.deck, options, shared.now) {
        Ok((session, started)) => {
            let notice = session.shortfall().map(|s| text::of(shared.lang).shortfall(s));
            Outcome {
                status: notice,
                effects: vec![Effect::Append(shared.event(started))],
                ..Outcome::push(Screen::Exam(Box::new(ExamState::new(session))))
            }
        }
        Err(e) => Outcome::status(text::of(shared.lang).quiz_error(&e)),
    }
}

fn entry_points(
    lang: Lang,
    cursor: usize,
    resumable: Option<&ExamSession>,
    shared: &Shared,
) -> Vec<(&'static str, String)> {
    let counts = &shared.counts;
    let topic = shared.deck.topics().get(cursor);
    let selected = topic.map_or_else(String::new, |t| t.title.get(lang).to_string());
    let mine = counts.per_topic.get(cursor).cloned().unwrap_or_default();
    let all = &counts.all;
    let exam = ExamOptions::full_length(&shared.deck, 0);
    let words = text::of(lang).home();
    let mut entries: Vec<(&'static str, String)> = vec![
        ("s", (words.study)(&selected, mine.due + mine.learning, mine.new)),
        ("a", (words.study_all)(all.due + all.learning, all.new)),
        ("z", (words.quiz)(&selected)),
        ("e", (words.exam)(exam.questions, exam.minutes)),
        ("Enter", words.browse.into()),
    ];
    entries.insert(3, ("w", readiness_entry(lang, shared)));
    if let Some(exam) = resumable {
        let left = clock(exam.remaining(shared.now));
        entries.insert(0, ("c", (words.resume)(&left)));
    }
    entries
}

/// `w`: weak-spot practice, with tomorrow's predicted exam score (or why there is none yet).
fn readiness_entry(lang: Lang, shared: &Shared) -> String {
    let t = text::of(lang).readiness();
    let line = match shared.readiness.overall {
        Some(p) => (t.home)(p.scaled, p.low, p.high, of_fraction(p.pass_chance)),
        None => t.home_none.to_string(),
    };
    format!("{} · {line}", t.practice)
}

/// The Start box while asking what to do with an interrupted exam.
fn exam_prompt(lang: Lang, resumable: Option<&ExamSession>, shared: &Shared) -> Vec<(&'static str, String)> {
    let left = resumable.map_or_else(String::new, |e| clock(e.remaining(shared.now)));
    let (question, resume, discard, cancel) = text::of(lang).home().open_exam;
    vec![
        ("", question.into()),
        ("c", resume(&left)),
        ("d", discard.into()),
        ("Esc", cancel.into()),
    ]
}
