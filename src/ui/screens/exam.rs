//! Mock exam: a countdown, questions you can move between, answer, flag and come back to; a review list
//! (answered / unanswered / flagged, jump to any); submit with confirmation, or automatically when time runs
//! out; then the scaled score, the per-topic breakdown and a review of every question. No feedback before
//! submission. Every change is recorded, so an interrupted exam can be resumed.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

use super::{Outcome, Shared};
use crate::core::content::Lang;
use crate::core::progress::EventKind;
use crate::core::quiz::{ExamResult, ExamSession, PASS_MARK, QuestionStatus, QuizError};
use crate::text;
use crate::ui::keymap::Context;
use crate::ui::msg::{Action, Msg};
use crate::ui::screens::Effect;
use crate::ui::widgets::fmt::{clock, percent};
use crate::ui::widgets::question_view;
use crate::ui::widgets::rich::{self, scrolled};
use crate::ui::widgets::scroll::Scroll;

/// What the exam screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// One question.
    Question,
    /// The list of all questions with their status.
    Review {
        /// Selected row.
        cursor: usize,
    },
    /// "Submit the exam?"
    Confirm,
    /// Score and question review after submission.
    Result,
}

/// Exam screen state.
pub struct ExamState {
    /// The core session (questions, answers, clock, result).
    pub session: ExamSession,
    /// What is shown.
    pub mode: Mode,
    /// How far the question or the result is scrolled.
    pub scroll: Scroll,
    /// Question shown in the result review.
    pub review_at: usize,
    /// `q` was pressed: asking whether to leave the program (the exam is kept).
    pub asking_quit: bool,
    /// When the exam time used was last written to the log (any answer or checkpoint).
    pub last_saved: Option<Timestamp>,
    /// Rows the review list showed at its last draw (0 before the first): what PgUp/PgDn move by.
    review_rows: std::cell::Cell<u16>,
}

/// How often an open exam writes its time used, so a crash or a closed terminal gives back at most this much.
pub const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

/// The title bar text.
pub fn title(lang: Lang) -> &'static str {
    text::of(lang).exam().title
}

fn recorded(shared: &Shared, kinds: Vec<EventKind>) -> Outcome {
    let effects = kinds
        .into_iter()
        .map(|k| Effect::Append(shared.event(k)))
        .collect();
    Outcome {
        effects,
        ..Outcome::none()
    }
}

impl ExamState {
    /// An exam screen over a started (or resumed) session.
    pub fn new(session: ExamSession) -> ExamState {
        let mode = if session.is_submitted() {
            Mode::Result
        } else {
            Mode::Question
        };
        ExamState {
            session,
            mode,
            scroll: Scroll::default(),
            review_at: 0,
            asking_quit: false,
            last_saved: None,
            review_rows: std::cell::Cell::new(0),
        }
    }

    /// The key context of the current mode.
    pub fn context(&self) -> Context {
        if self.asking_quit {
            return Context::ExamQuit;
        }
        match self.mode {
            Mode::Question => Context::Exam,
            Mode::Review { .. } => Context::ExamReview,
            Mode::Confirm => Context::ExamConfirm,
            Mode::Result => Context::ExamResult,
        }
    }

    /// What to record when the app quits mid-exam: the time used so far, so resume keeps the clock right.
    pub fn checkpoint(&self, now: Timestamp) -> Option<EventKind> {
        if self.session.is_submitted() {
            None
        } else {
            self.session.checkpoint(now)
        }
    }

    /// Handles a message.
    pub fn update(&mut self, msg: Msg, shared: &Shared) -> Outcome {
        match msg {
            Msg::Tick(now) => {
                let mut events = self.session.tick(now);
                if self.session.is_submitted() && self.mode != Mode::Result {
                    self.mode = Mode::Result;
                    self.scroll.reset();
                }
                if events.is_empty() && self.checkpoint_due(now) {
                    events.extend(self.checkpoint(now));
                }
                recorded(shared, events)
            }
            Msg::Saved(event, Ok(())) => {
                if matches!(event.kind, EventKind::ExamAnswer { .. }) {
                    self.last_saved = Some(event.at);
                }
                Outcome::none()
            }
            Msg::Saved(_, Err(_)) => Outcome::none(),
            Msg::Action(Action::Quit) if !self.session.is_submitted() => {
                self.asking_quit = true;
                Outcome::none()
            }
            Msg::Action(Action::Back) if self.asking_quit => {
                self.asking_quit = false;
                Outcome::none()
            }
            Msg::Action(_) if self.asking_quit => Outcome::none(),
            Msg::Action(action) => match self.mode {
                Mode::Question => self.on_question(action, shared),
                Mode::Review { cursor } => self.on_review(action, cursor),
                Mode::Confirm => self.on_confirm(action, shared),
                Mode::Result => self.on_result(action),
            },
            _ => Outcome::none(),
        }
    }

    /// Whether the time used should be written now: the exam is open and nothing recorded it lately.
    fn checkpoint_due(&self, now: Timestamp) -> bool {
        if self.session.is_submitted() {
            return false;
        }
        self.last_saved
            .is_none_or(|saved| now.duration_since(saved).unsigned_abs() >= CHECKPOINT_EVERY)
    }

    fn changed(shared: &Shared, result: Result<EventKind, QuizError>) -> Outcome {
        match result {
            Ok(kind) => recorded(shared, vec![kind]),
            Err(e) => Outcome::status(text::of(shared.lang).quiz_error(&e)),
        }
    }

    fn on_question(&mut self, action: Action, shared: &Shared) -> Outcome {
        let now = shared.now;
        match action {
            Action::Choose(n) => {
                let choice = usize::from(n).saturating_sub(1);
                if choice < self.session.current_question().choices.len() {
                    return Self::changed(shared, self.session.toggle(choice, now));
                }
            }
            Action::Flag => return Self::changed(shared, self.session.toggle_flag(now)),
            Action::Left => {
                self.session.prev_question();
                self.scroll.reset();
            }
            Action::Right => {
                self.session.next_question();
                self.scroll.reset();
            }
            Action::Up | Action::Down => {
                self.scroll.apply(action);
            }
            Action::ReviewList => {
                self.mode = Mode::Review {
                    cursor: self.session.current(),
                }
            }
            Action::Submit => self.mode = Mode::Confirm,
            Action::Back => {
                let mut out = recorded(shared, self.checkpoint(now).into_iter().collect());
                out.nav = Outcome::pop().nav;
                return out;
            }
            _ => {}
        }
        Outcome::none()
    }

    fn on_review(&mut self, action: Action, cursor: usize) -> Outcome {
        let last = self.session.questions().len().saturating_sub(1);
        // A page is the rows the list shows less one, so the row at the edge stays in sight.
        let page = match self.review_rows.get() {
            0 => 10,
            rows => usize::from(rows).saturating_sub(1).max(1),
        };
        let moved = match action {
            Action::Up => Some(cursor.saturating_sub(1)),
            Action::Down => Some((cursor + 1).min(last)),
            Action::PageUp => Some(cursor.saturating_sub(page)),
            Action::PageDown => Some((cursor + page).min(last)),
            Action::Top => Some(0),
            Action::Bottom => Some(last),
            _ => None,
        };
        if let Some(cursor) = moved {
            self.mode = Mode::Review { cursor };
            return Outcome::none();
        }
        match action {
            Action::Open => {
                self.session.go_to(cursor);
                self.mode = Mode::Question;
                self.scroll.reset();
            }
            Action::Submit => self.mode = Mode::Confirm,
            Action::Back => self.mode = Mode::Question,
            _ => {}
        }
        Outcome::none()
    }

    fn on_confirm(&mut self, action: Action, shared: &Shared) -> Outcome {
        let now = shared.now;
        match action {
            Action::Open | Action::Submit => match self.session.submit(now) {
                Ok(events) => {
                    self.mode = Mode::Result;
                    self.scroll.reset();
                    recorded(shared, events)
                }
                Err(e) => Outcome::status(text::of(shared.lang).quiz_error(&e)),
            },
            Action::Back => {
                self.mode = Mode::Question;
                Outcome::none()
            }
            _ => Outcome::none(),
        }
    }

    fn on_result(&mut self, action: Action) -> Outcome {
        let last = self.session.questions().len().saturating_sub(1);
        match action {
            Action::Left => self.review_at = self.review_at.saturating_sub(1),
            Action::Right => self.review_at = (self.review_at + 1).min(last),
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                self.scroll.apply(action);
            }
            Action::Back => return Outcome::pop(),
            _ => return Outcome::none(),
        }
        if matches!(action, Action::Left | Action::Right) {
            self.scroll.reset();
        }
        Outcome::none()
    }

    /// Draws the current mode, and the quit question on top of it.
    pub fn render(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        match self.mode {
            Mode::Question => self.render_question(frame, area, shared),
            Mode::Review { cursor } => self.render_review(frame, area, cursor, shared),
            Mode::Confirm => self.render_confirm(frame, area, shared),
            Mode::Result => self.render_result(frame, area, shared),
        }
        if self.asking_quit {
            self.render_quit_question(frame, area, shared);
        }
    }

    fn render_quit_question(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        let left = clock(self.session.remaining(shared.now));
        let text = (text::of(shared.lang).exam().quit_question)(&left);
        let width = area.width.min(60);
        let height = area.height.min(9);
        let popup = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(shared.theme.warn());
        let lines: Vec<Line<'static>> = text.lines().map(|l| Line::raw(l.to_string())).collect();
        let lines = rich::wrap_lines(&lines, block.inner(popup).width);
        frame.render_widget(Clear, popup);
        frame.render_widget(Paragraph::new(lines).block(block), popup);
    }

    fn header(&self, shared: &Shared) -> String {
        let n = self.session.current() + 1;
        let total = self.session.questions().len();
        let left = clock(self.session.remaining(shared.now));
        let lists = self.session.review();
        (text::of(shared.lang).exam().header)(n, total, &left, lists.answered.len(), lists.flagged.len())
    }

    fn render_question(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        let i = self.session.current();
        // The real exam highlights nothing; keywords show in the review after submission.
        let mut lines = question_view::lines(
            self.session.current_question(),
            self.session.chosen(i),
            None,
            false,
            shared.lang,
            &shared.theme,
        );
        if self.session.is_flagged(i) {
            let flag = text::of(shared.lang).exam().flagged;
            lines.insert(0, Line::styled(flag, shared.theme.warn()));
        }
        scrolled(
            frame,
            area,
            lines,
            self.header(shared),
            &self.scroll,
            shared.look(),
        );
    }

    fn render_review(&self, frame: &mut Frame, area: Rect, cursor: usize, shared: &Shared) {
        let lang = shared.lang;
        let theme = &shared.theme;
        let row_width = area.width.saturating_sub(2);
        let states = text::of(lang).exam().states;
        let items: Vec<ListItem> = (0..self.session.questions().len())
            .map(|i| {
                let (status, style) = match self.session.status(i) {
                    QuestionStatus::Answered => (states[0], theme.good()),
                    QuestionStatus::Incomplete => (states[1], theme.warn()),
                    QuestionStatus::Unanswered => (states[2], theme.bad()),
                };
                // The flag has its own column, so prompts stay aligned whether flagged or not.
                let flag = if self.session.is_flagged(i) { " ⚑" } else { "  " };
                let prompt = self.session.questions()[i].prompt.get(lang);
                let row = Line::from(vec![
                    Span::styled(format!("{:>3}. {status}{flag} ", i + 1), style),
                    Span::raw(prompt.to_string()),
                ]);
                ListItem::new(rich::clip(row, row_width))
            })
            .collect();
        let title = text::of(lang).exam().review_title;
        let list = List::new(items)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.border())
                    .title(rich::box_title(title, area.width)),
            )
            .highlight_style(theme.selected());
        let mut state = ListState::default().with_selected(Some(cursor));
        frame.render_stateful_widget(list, area, &mut state);
        // Where the list stands, on its bottom border: the selected question, and the rows in sight.
        let rows = area.height.saturating_sub(2);
        self.review_rows.set(rows);
        let total = self.session.questions().len();
        let first = state.offset().min(total);
        let shown = (first + usize::from(rows)).min(total);
        let at = cursor + 1;
        let marker = if shown - first < total {
            (text::of(lang).exam().review_rows)(at, total, first + 1, shown)
        } else {
            format!(" {at}/{total} ")
        };
        if area.height >= 2 && area.width >= 4 {
            let border = Rect {
                x: area.x + 1,
                y: area.bottom() - 1,
                width: area.width - 2,
                height: 1,
            };
            let marker = rich::clip(Line::styled(marker, theme.key()), border.width).right_aligned();
            frame.render_widget(Paragraph::new(marker), border);
        }
    }

    fn render_confirm(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        let lists = self.session.review();
        let text = (text::of(shared.lang).exam().confirm)(
            lists.answered.len(),
            lists.unanswered.len(),
            lists.flagged.len(),
            &clock(self.session.remaining(shared.now)),
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(shared.theme.warn());
        frame.render_widget(Paragraph::new(text).block(block).wrap(Wrap { trim: false }), area);
    }

    fn render_result(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        let Some(result) = self.session.result() else {
            return;
        };
        let mut lines = result_lines(result, shared);
        let i = self
            .review_at
            .min(self.session.questions().len().saturating_sub(1));
        if let (Some(question), Some(review)) = (self.session.questions().get(i), result.review.get(i)) {
            lines.push(Line::raw(""));
            let head = (text::of(shared.lang).exam().result_question)(i + 1, result.total);
            lines.push(Line::styled(head, shared.theme.title()));
            lines.extend(question_view::lines(
                question,
                &review.graded.chosen,
                Some(&review.graded),
                true,
                shared.lang,
                &shared.theme,
            ));
        }
        let title = text::of(shared.lang).exam().result_title;
        scrolled(frame, area, lines, title.to_string(), &self.scroll, shared.look());
    }
}

fn result_lines(result: &ExamResult, shared: &Shared) -> Vec<Line<'static>> {
    let lang = shared.lang;
    let theme = &shared.theme;
    let words = text::of(lang).exam();
    let verdict = match result.passed {
        true => Span::styled(words.verdicts[0], theme.good()),
        false => Span::styled(words.verdicts[1], theme.bad()),
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{} / 1000  ", result.scaled), theme.title()),
            verdict,
            Span::styled((words.pass_mark)(PASS_MARK), theme.dim()),
        ]),
        Line::styled(words.scale_note, theme.dim()),
        Line::raw((words.result_counts)(
            result.correct,
            result.total,
            &clock(result.used),
            &clock(result.time_limit),
            result.timed_out,
        )),
        Line::raw(""),
    ];
    for t in &result.topics {
        let name = shared
            .deck
            .topic(&t.topic)
            .map_or(t.topic.clone(), |(_, topic)| topic.title.get(lang).to_string());
        let pct = percent(t.correct, t.total);
        lines.push(Line::raw(format!("  {name}: {}/{} ({pct}%)", t.correct, t.total)));
    }
    lines
}
