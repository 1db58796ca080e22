//! Home: the deck's topics with their item counts, and the entry points (study, quiz, exam, browse, search,
//! stats) with their keys.

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
use crate::core::progress::Stats;
use crate::core::quiz::{ExamOptions, ExamSession, QuizOptions, QuizSession, Shortfall};
use crate::core::srs::{self, Mode};
use crate::ui::app::Effect;
use crate::ui::msg::{Action, Msg};
use crate::ui::widgets::fmt::{clock, percent};
use crate::ui::widgets::rich;

/// Home screen state: which topic row is selected, and an interrupted exam to continue.
#[derive(Default)]
pub struct HomeState {
    /// Selected topic index.
    pub cursor: usize,
    /// An unfinished exam found in the log at start-up.
    pub resumable: Option<Box<ExamSession>>,
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
            Action::Study => return start_study(shared, None, Mode::Scheduled),
            Action::Stats => {
                let stats = Stats::compute(&shared.deck, &shared.progress, shared.clock(), shared.now);
                return Outcome::push(Screen::Stats(Box::new(StatsState::new(stats))));
            }
            Action::Resume => {
                return match self.resumable.take() {
                    Some(session) => Outcome::push(Screen::Exam(Box::new(ExamState::new(*session)))),
                    None => Outcome::none(),
                };
            }
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

    /// Draws topics (with today's due/new counts and how much has been seen) and the entry points.
    pub fn render(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        let lang = shared.lang;
        let theme = &shared.theme;
        let entries = entry_points(lang, self.resumable.as_deref(), shared);
        let entry_height = if area.height >= 16 {
            entries.len() as u16 + 2
        } else {
            0
        };
        let [list_area, entry_area] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(entry_height)]).areas(area);
        let (per_topic, all) = srs::topic_counts(
            &shared.deck,
            &shared.progress,
            shared.limits,
            shared.clock(),
            shared.now,
        );
        let inner_width = list_area.width.saturating_sub(5);
        let items: Vec<ListItem> = shared
            .deck
            .topics()
            .iter()
            .zip(&per_topic)
            .map(|(t, c)| {
                let seen = c.cards - c.unseen;
                let counts = match lang {
                    Lang::En => format!("due {:>3} · new {:>2} · ", c.due + c.learning, c.new),
                    Lang::Ko => format!("복습 {:>3} · 새 {:>2} · ", c.due + c.learning, c.new),
                };
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
        let heading = match lang {
            Lang::En => format!(
                " Topics — today: {} due, {} new ",
                all.due + all.learning,
                all.new
            ),
            Lang::Ko => format!(
                " 주제 — 오늘: 복습 {}, 새 카드 {} ",
                all.due + all.learning,
                all.new
            ),
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
                        Span::raw(label.clone()),
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
    let session = shared.study_session(topic.as_deref(), mode);
    if session.is_finished() {
        return Outcome::status(match shared.lang {
            Lang::En => {
                "Nothing is due now and today's new cards are done. Come back later, or cram: recall study --cram"
            }
            Lang::Ko => {
                "지금 복습할 카드가 없고 오늘의 새 카드도 끝났습니다. 나중에 오거나 recall study --cram 으로 벼락치기하세요"
            }
        });
    }
    Outcome::push(Screen::Study(Box::new(StudyState::new(session, topic))))
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
                effects: vec![Effect::Append(shared.event(started))],
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

fn entry_points(lang: Lang, resumable: Option<&ExamSession>, shared: &Shared) -> Vec<(&'static str, String)> {
    let mut entries: Vec<(&'static str, String)> = match lang {
        Lang::En => vec![
            ("s", "study due and new cards (FSRS)".into()),
            ("z", "practice quiz (10 questions, explained)".into()),
            ("e", "mock exam (65 questions, 130 minutes)".into()),
            (
                "Enter",
                "browse the selected topic · b all topics · / search".into(),
            ),
        ],
        Lang::Ko => vec![
            ("s", "복습·새 카드 학습 (FSRS)".into()),
            ("z", "연습 퀴즈 (10문제, 해설 포함)".into()),
            ("e", "모의고사 (65문제, 130분)".into()),
            ("Enter", "선택한 주제 둘러보기 · b 모든 주제 · / 검색".into()),
        ],
    };
    if let Some(exam) = resumable {
        let left = clock(exam.remaining(shared.now));
        let label = match lang {
            Lang::En => format!("continue the interrupted exam ({left} left)"),
            Lang::Ko => format!("중단된 모의고사 이어서 풀기 ({left} 남음)"),
        };
        entries.insert(0, ("c", label));
    }
    entries
}
