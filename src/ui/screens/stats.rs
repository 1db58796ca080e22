//! Stats: what the learner has done, at a glance — reviews per day (heatmap), cards due in the next 30
//! days (bar chart), streak, time studied and retention, mock exam scores against the pass line, and card
//! counts with true retention per topic. Every number comes from [`Stats`], computed from the replayed log
//! by the caller.
//!
//! The panels are laid out for the width (side by side when wide, stacked when narrow), drawn into an
//! off-screen buffer as tall as they need, and the visible rows are copied into the frame: the screen
//! scrolls line by line (Up/Down, PageUp/PageDown, Top/Bottom) whenever the terminal is shorter than the
//! content, with a position line at the bottom. An empty log gets a short explanation instead of zeros.

#[path = "stats/panels.rs"]
mod panels;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::core::content::Lang;
use crate::core::progress::Stats;
use crate::core::progress::export::{ExportFormat, ExportInput, ExportWhat, export};
use crate::core::readiness::Readiness;
use crate::text::{self, Notice};
use crate::ui::keymap::Context;
use crate::ui::msg::{Action, Msg};
use crate::ui::screens::Effect;
use crate::ui::screens::{Outcome, Shared};
use crate::ui::widgets::rich::clip;
use crate::ui::widgets::scroll::{Extent, Scroll};
use panels::Ctx;

/// Height of the heatmap and chart panels (the heatmap's eight rows plus borders).
const PANEL_HEIGHT: u16 = 10;
/// Width of the summary panel beside the heatmap.
const SUMMARY_WIDTH: u16 = 34;
/// From this width the heatmap and the summary sit side by side.
const SIDE_BY_SIDE: u16 = 64;
/// From this width the forecast and the exam chart sit side by side.
const CHARTS_SIDE_BY_SIDE: u16 = 100;

/// The stats screen's state: the numbers and how far the view is scrolled.
#[derive(Debug)]
pub struct StatsState {
    stats: Stats,
    readiness: Readiness,
    /// How far the panels are scrolled (and their extent at the last render).
    scroll: Scroll,
}

/// The title bar text.
pub fn title(lang: Lang) -> &'static str {
    crate::text::of(lang).stats_screen().title
}

/// Which panel goes where.
type Placement = (fn(&Ctx, Rect, &mut Buffer), Rect);

impl StatsState {
    /// A stats screen showing `stats`, scrolled to the top.
    pub fn new(stats: Stats) -> StatsState {
        StatsState {
            stats,
            readiness: Readiness::default(),
            scroll: Scroll::default(),
        }
    }

    /// The same screen with tomorrow's exam readiness shown below the summary.
    pub fn with_readiness(mut self, readiness: Readiness) -> StatsState {
        self.readiness = readiness;
        self
    }

    /// The numbers shown.
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// Lines scrolled from the top.
    pub fn scroll(&self) -> u16 {
        self.scroll.offset()
    }

    /// The key context.
    pub fn context(&self) -> Context {
        Context::Stats
    }

    /// Handles a message: scrolling, Back (pops), Export (a notice naming the export command).
    pub fn update(&mut self, msg: Msg, shared: &Shared) -> Outcome {
        let Msg::Action(action) = msg else {
            return Outcome::none();
        };
        match action {
            Action::Back => Outcome::pop(),
            Action::Export => export_files(shared),
            other => {
                self.scroll.apply(other);
                Outcome::none()
            }
        }
    }

    /// Draws the panels (or the empty state) into `area`, scrolled.
    pub fn render(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        let ctx = Ctx {
            stats: &self.stats,
            deck: &shared.deck,
            lang: shared.lang,
            theme: &shared.theme,
            readiness: &self.readiness,
        };
        if self.stats.is_empty() {
            self.scroll.record(Extent::of(0, area.height));
            return empty_state(&ctx, area, frame.buffer_mut());
        }
        let (placements, height) = layout(&ctx, area.width);
        let overflow = height > area.height;
        let view = area.height.saturating_sub(u16::from(overflow));
        self.scroll.record(Extent::of(height, view));
        let scroll = self.scroll.offset();
        let mut canvas = Buffer::empty(Rect::new(0, 0, area.width, height));
        for (draw, rect) in placements {
            draw(&ctx, rect, &mut canvas);
        }
        blit(&canvas, scroll, frame.buffer_mut(), Rect { height: view, ..area });
        if overflow {
            let line = position_line(&ctx, scroll, view, height);
            let at = Rect::new(area.x, area.y + view, area.width, 1);
            frame
                .buffer_mut()
                .set_line(at.x, at.y, &clip(line, at.width), at.width);
        }
    }
}

/// Where each panel goes at `width`, and the total height: heatmap and summary, forecast and exams,
/// then the topic table.
fn layout(ctx: &Ctx, width: u16) -> (Vec<Placement>, u16) {
    let mut placed: Vec<Placement> = Vec::new();
    let mut y = 0;
    let summary_height = 8; // six lines and the borders
    if width >= SIDE_BY_SIDE {
        let left = width - SUMMARY_WIDTH;
        placed.push((panels::heatmap, Rect::new(0, y, left, PANEL_HEIGHT)));
        placed.push((panels::summary, Rect::new(left, y, SUMMARY_WIDTH, PANEL_HEIGHT)));
        y += PANEL_HEIGHT;
    } else {
        placed.push((panels::heatmap, Rect::new(0, y, width, PANEL_HEIGHT)));
        placed.push((
            panels::summary,
            Rect::new(0, y + PANEL_HEIGHT, width, summary_height),
        ));
        y += PANEL_HEIGHT + summary_height;
    }
    if !ctx.readiness.topics.is_empty() {
        let readiness_height = panels::readiness_height(ctx, width);
        placed.push((panels::readiness, Rect::new(0, y, width, readiness_height)));
        y += readiness_height;
    }
    let exam_height = if ctx.stats.exams.is_empty() {
        4
    } else {
        PANEL_HEIGHT
    };
    if width >= CHARTS_SIDE_BY_SIDE {
        let half = width / 2;
        placed.push((panels::forecast, Rect::new(0, y, half, PANEL_HEIGHT)));
        placed.push((panels::exams, Rect::new(half, y, width - half, PANEL_HEIGHT)));
        y += PANEL_HEIGHT;
    } else {
        placed.push((panels::forecast, Rect::new(0, y, width, PANEL_HEIGHT)));
        placed.push((panels::exams, Rect::new(0, y + PANEL_HEIGHT, width, exam_height)));
        y += PANEL_HEIGHT + exam_height;
    }
    let topics_height = panels::topics_height(ctx, width);
    placed.push((panels::topics, Rect::new(0, y, width, topics_height)));
    (placed, y + topics_height)
}

/// Copies rows `scroll..` of `canvas` into `area` of `out`.
fn blit(canvas: &Buffer, scroll: u16, out: &mut Buffer, area: Rect) {
    let rows = area.height.min(canvas.area.height.saturating_sub(scroll));
    let columns = area.width.min(canvas.area.width);
    for y in 0..rows {
        for x in 0..columns {
            if let (Some(from), Some(to)) = (
                canvas.cell((x, scroll + y)),
                out.cell_mut((area.x + x, area.y + y)),
            ) {
                *to = from.clone();
            }
        }
    }
}

/// Where the view is: "↓ 1–21/42 · ↑↓ PgUp PgDn scroll" (the arrow says which way there is more).
fn position_line(ctx: &Ctx, scroll: u16, view: u16, height: u16) -> Line<'static> {
    let arrow = match (scroll > 0, scroll + view < height) {
        (true, true) => "↕",
        (false, _) => "↓",
        (true, false) => "↑",
    };
    let (from, to) = (scroll + 1, (scroll + view).min(height));
    let text = (crate::text::of(ctx.lang).stats_screen().scroll)(arrow, from, to, height);
    Line::styled(text, ctx.theme.dim())
}

/// No reviews and no exams yet: what to do, and what will appear here.
fn empty_state(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let cards = ctx.stats.cards.total();
    let topics = ctx.stats.topics.len();
    let words = crate::text::of(ctx.lang).stats_screen();
    let lines: Vec<Line> = vec![
        Line::styled(words.empty[0], ctx.theme.title()),
        Line::raw(""),
        Line::raw(words.empty[1]),
        Line::raw(""),
        Line::styled((words.empty_deck)(cards, topics), ctx.theme.dim()),
    ];
    ctx.text_panel(area, buf, format!(" {} ", title(ctx.lang)), &lines);
}

/// `x`: writes the cards as CSV and as an Anki import file into the data directory's `exports` folder
/// (the runner picks the folder and reports the paths); the CLI offers every other format.
fn export_files(shared: &Shared) -> Outcome {
    let input = ExportInput {
        deck: &shared.deck,
        progress: &shared.progress,
        events: &[],
        scheduler: &shared.scheduler,
        now: shared.now,
        lang: shared.lang,
    };
    let stamp = shared.now.strftime("%Y%m%d-%H%M%S").to_string();
    let mut files = Vec::new();
    for (format, name) in [(ExportFormat::Csv, "cards.csv"), (ExportFormat::Anki, "anki.txt")] {
        match export(&input, format, ExportWhat::Cards) {
            Ok(bytes) => files.push((format!("recall-{stamp}-{name}"), bytes)),
            Err(e) => {
                let notice = Notice::ExportNotMade(e.to_string());
                return Outcome::status(text::of(shared.lang).notice(&notice));
            }
        }
    }
    // One effect for both files, so the one status line can name them both.
    Outcome::effect(Effect::SaveExport { files })
}
