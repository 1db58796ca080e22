//! Home: the deck's topics with their item counts, and the entry points (study, quiz, exam, browse, search,
//! stats) with their keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use super::browse::BrowseState;
use super::exam::ExamState;
use super::quiz::QuizState;
use super::{Outcome, Screen, Shared};
use crate::core::content::Lang;
use crate::core::quiz::{ExamOptions, ExamSession, QuizOptions, QuizSession, Shortfall};
use crate::ui::app::Effect;
use crate::ui::msg::{Action, Msg};

/// Home screen state: which topic row is selected.
#[derive(Debug, Default, Clone)]
pub struct HomeState {
    /// Selected topic index.
    pub cursor: usize,
}

/// The title bar text.
pub fn title(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Home",
        Lang::Ko => "홈",
    }
}

impl HomeState {
    /// Handles a message.
    pub fn update(&mut self, msg: Msg, shared: &Shared) -> Outcome {
        let topics = shared.deck.topics().len();
        let Msg::Action(action) = msg else {
            return Outcome::none();
        };
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(topics.saturating_sub(1)),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = topics.saturating_sub(1),
            Action::Open if topics > 0 => {
                return Outcome::push(Screen::Browse(BrowseState::at_topic(self.cursor)));
            }
            Action::Browse => return Outcome::push(Screen::Browse(BrowseState::default())),
            Action::Quiz => return start_quiz(shared, None, QuizOptions::DEFAULT_COUNT),
            Action::Exam => {
                let options = ExamOptions {
                    questions: ExamOptions::DEFAULT_QUESTIONS,
                    minutes: ExamOptions::DEFAULT_MINUTES,
                    topic: None,
                    seed: shared.seed,
                };
                return start_exam(shared, &options);
            }
            _ => {}
        }
        Outcome::none()
    }

    /// Draws topics and entry points.
    pub fn render(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        let lang = shared.lang;
        let theme = &shared.theme;
        let entries = entry_points(lang);
        let entry_height = if area.height >= 16 {
            entries.len() as u16 + 2
        } else {
            0
        };
        let [list_area, entry_area] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(entry_height)]).areas(area);
        let items: Vec<ListItem> = shared
            .deck
            .topics()
            .iter()
            .map(|t| {
                let counts = match lang {
                    Lang::En => format!("  {} facts · {} scenarios", t.facts.len(), t.scenarios.len()),
                    Lang::Ko => format!("  사실 {} · 시나리오 {}", t.facts.len(), t.scenarios.len()),
                };
                ListItem::new(Line::from(vec![
                    Span::styled(t.title.get(lang).to_string(), theme.text()),
                    Span::styled(counts, theme.dim()),
                ]))
            })
            .collect();
        let heading = match lang {
            Lang::En => " Topics ",
            Lang::Ko => " 주제 ",
        };
        let list = List::new(items)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.border())
                    .title(heading),
            )
            .highlight_style(theme.selected())
            .highlight_symbol("▶ ");
        let mut state = ListState::default().with_selected(Some(self.cursor));
        frame.render_stateful_widget(list, list_area, &mut state);
        if entry_height > 0 {
            let lines: Vec<Line> = entries
                .iter()
                .map(|(key, label)| {
                    Line::from(vec![
                        Span::styled(format!(" {key:>5} "), theme.key()),
                        Span::raw(*label),
                    ])
                })
                .collect();
            let title = match lang {
                Lang::En => " Start ",
                Lang::Ko => " 시작 ",
            };
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border())
                .title(title);
            frame.render_widget(
                Paragraph::new(lines).block(block).wrap(Wrap { trim: false }),
                entry_area,
            );
        }
    }
}

/// Opens a practice quiz of `count` questions (of one topic, or all), or says why it cannot start.
pub fn start_quiz(shared: &Shared, topic: Option<String>, count: usize) -> Outcome {
    let options = QuizOptions {
        topic,
        count,
        seed: shared.seed,
    };
    match QuizSession::new(&shared.deck, &options) {
        Ok(session) => {
            let notice = session.shortfall().map(|s| shortfall_notice(s, shared.lang));
            Outcome {
                status: notice,
                ..Outcome::push(Screen::Quiz(Box::new(QuizState::new(session))))
            }
        }
        Err(e) => Outcome::status(e.to_string()),
    }
}

/// Starts a mock exam and records its start, or says why it cannot start.
pub fn start_exam(shared: &Shared, options: &ExamOptions) -> Outcome {
    match ExamSession::start(&shared.deck, options, shared.now) {
        Ok((session, started)) => {
            let notice = session.shortfall().map(|s| shortfall_notice(s, shared.lang));
            Outcome {
                status: notice,
                effects: vec![Effect::Record(started)],
                ..Outcome::push(Screen::Exam(Box::new(ExamState::new(session))))
            }
        }
        Err(e) => Outcome::status(e.to_string()),
    }
}

fn shortfall_notice(s: Shortfall, lang: Lang) -> String {
    match lang {
        Lang::En => s.to_string(),
        Lang::Ko => format!(
            "{}문제를 요청했지만 {}문제뿐이라 모두 사용합니다",
            s.requested, s.available
        ),
    }
}

fn entry_points(lang: Lang) -> Vec<(&'static str, &'static str)> {
    match lang {
        Lang::En => vec![
            ("Enter", "browse the selected topic"),
            ("b", "browse all topics"),
            ("/", "search everything"),
        ],
        Lang::Ko => vec![
            ("Enter", "선택한 주제 둘러보기"),
            ("b", "모든 주제 둘러보기"),
            ("/", "전체 검색"),
        ],
    }
}
