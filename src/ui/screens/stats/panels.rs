//! The stats screen's panels, each drawn into a buffer area: the heatmap, the summary (streak, time,
//! retention), the 30-day forecast bar chart, the exam score chart with the pass line, and the per-topic
//! table. Labels are English or Korean; every line is clipped by display width so wide text never crosses
//! a border.

use std::collections::HashMap;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Bar, BarChart, Block, Borders, Chart, Dataset, GraphType, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::core::content::{Deck, Lang};
use crate::core::percent::of_fraction;
use crate::core::percent::percent;
use crate::core::progress::Stats;
use crate::core::progress::stats::{CardCounts, ExamPoint, Retention, hours_minutes};
use crate::core::readiness::Readiness;
use crate::text::screens::{StatsScreenText, SummaryFigures};
use crate::ui::theme::Theme;
use crate::ui::widgets::heatmap::Heatmap;
use crate::ui::widgets::rich::{clip, truncate, wrap_lines};

/// What every panel reads.
pub struct Ctx<'a> {
    /// The numbers.
    pub stats: &'a Stats,
    /// Topic titles.
    pub deck: &'a Deck,
    /// Label language.
    pub lang: Lang,
    /// Styles.
    pub theme: &'a Theme,
    /// Exam readiness for tomorrow.
    pub readiness: &'a Readiness,
}

impl Ctx<'_> {
    /// The screen's words in the interface language.
    fn words(&self) -> &'static StatsScreenText {
        crate::text::of(self.lang).stats_screen()
    }

    /// A bordered block titled `title` (clipped to fit), and the area inside it.
    fn block(&self, area: Rect, title: String) -> (Block<'static>, Rect) {
        let title = clip(
            Line::styled(title, self.theme.title()),
            area.width.saturating_sub(2),
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(self.theme.border())
            .title(title);
        let inner = block.inner(area);
        (block, inner)
    }

    /// Draws `lines` in a bordered block, wrapped and clipped to its width.
    pub fn text_panel(&self, area: Rect, buf: &mut Buffer, title: String, lines: &[Line<'_>]) {
        let (block, inner) = self.block(area, title);
        block.render(area, buf);
        let lines: Vec<Line> = wrap_lines(lines, inner.width)
            .into_iter()
            .map(|l| clip(l, inner.width))
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}

/// `text` cut and padded to exactly `width` columns (right-aligned if `right`).
fn cell(text: &str, width: usize, right: bool) -> String {
    let kept = truncate(text, width);
    let pad = " ".repeat(width.saturating_sub(kept.width()));
    if right { pad + &kept } else { kept + &pad }
}

/// The reviews-per-day heatmap.
pub fn heatmap(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let title = format!(" {}  ·░▒▓█ ", ctx.words().heatmap);
    let (block, inner) = ctx.block(area, title);
    block.render(area, buf);
    let counts: HashMap<_, _> = ctx.stats.heatmap.iter().map(|d| (d.date, d.reviews)).collect();
    Heatmap {
        counts: &counts,
        today: ctx.stats.today,
        lang: ctx.lang,
        theme: ctx.theme,
    }
    .render(inner, buf);
}

/// `91% (120)` (`91% (120회)`: Korean counts with a unit), or a dash without reviews.
fn rate(r: &Retention, lang: Lang) -> String {
    let unit = crate::text::of(lang).stats_screen().reviews_unit;
    match r.rate {
        Some(_) => format!("{}% ({}{unit})", percent(r.passed, r.reviews), r.reviews),
        None => "—".to_string(),
    }
}

/// Streak, today, totals, time studied and retention.
pub fn summary(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let s = ctx.stats;
    let (h, m) = hours_minutes(s.time_studied_ms);
    let (young, mature) = (
        rate(&s.retention.young, ctx.lang),
        rate(&s.retention.mature, ctx.lang),
    );
    let rows = (ctx.words().summary_rows)(&SummaryFigures {
        streak: s.streak.current,
        longest: s.streak.longest,
        today: s.reviews_today,
        reviews: s.reviews,
        days: s.study_days(),
        hours: h,
        minutes: m,
        mature: &mature,
        young: &young,
    });
    let label_width = rows.iter().map(|(l, _)| l.width()).max().unwrap_or(0) + 2;
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|(label, value)| {
            Line::from(vec![
                Span::styled(cell(label, label_width, false), ctx.theme.dim()),
                Span::styled(value, ctx.theme.text()),
            ])
        })
        .collect();
    ctx.text_panel(area, buf, format!(" {} ", ctx.words().summary), &lines);
}

/// Cards due per day for the next 30 days, today on the left.
pub fn forecast(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let days = &ctx.stats.forecast;
    let total: usize = days.iter().map(|d| d.due).sum();
    let today = days.first().map_or(0, |d| d.due);
    let title = (ctx.words().forecast)(days.len(), total, today);
    let (block, inner) = ctx.block(area, title);
    block.render(area, buf);
    if total == 0 {
        let line = Line::styled(ctx.words().nothing_due.to_string(), ctx.theme.dim());
        Paragraph::new(clip(line, inner.width)).render(inner, buf);
        return;
    }
    let n = days.len().max(1) as u16;
    let (bar_width, gap) = match inner.width.saturating_sub(n - 1) / n {
        0 => ((inner.width / n).max(1), 0),
        w => (w, 1),
    };
    let bars: Vec<Bar> = days
        .iter()
        .map(|d| Bar::default().value(d.due as u64).text_value(String::new()))
        .collect();
    let [chart_area, axis_area] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    BarChart::default()
        .data(ratatui::widgets::BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(gap)
        .bar_style(ctx.theme.good())
        .render(chart_area, buf);
    let step = usize::from(bar_width + gap);
    let mut spans = Vec::new();
    let mut cursor = 0usize;
    for offset in (0..days.len()).step_by(7) {
        let label = if offset == 0 {
            ctx.words().today.to_string()
        } else {
            format!("+{offset}")
        };
        let x = offset * step;
        if x >= cursor {
            spans.push(Span::raw(" ".repeat(x - cursor)));
            cursor = x + label.width() + 1;
            spans.push(Span::styled(label, ctx.theme.dim()));
            spans.push(Span::raw(" "));
        }
    }
    Paragraph::new(clip(Line::from(spans), axis_area.width)).render(axis_area, buf);
}

/// Scaled scores of submitted exams, with the pass line.
pub fn exams(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let s = ctx.stats;
    let words = ctx.words();
    let mut title = (words.exams)(s.pass_mark);
    let Some(last) = s.exams.last() else {
        let line = Line::raw(words.no_exams);
        return ctx.text_panel(area, buf, title, &[line]);
    };
    let verdict = words.verdicts[usize::from(!last.passed)];
    title.push_str(&(words.last)(last.scaled, verdict));
    let (block, inner) = ctx.block(area, title);
    block.render(area, buf);
    if s.exams.len() < FEW_EXAMS {
        return exam_bars(ctx, inner, buf);
    }
    let scores: Vec<(f64, f64)> = s
        .exams
        .iter()
        .enumerate()
        .map(|(i, e)| ((i + 1) as f64, f64::from(e.scaled)))
        .collect();
    let x_max = scores.len().max(2) as f64;
    let pass = [(1.0, f64::from(s.pass_mark)), (x_max, f64::from(s.pass_mark))];
    let graph = if scores.len() > 1 {
        GraphType::Line
    } else {
        GraphType::Scatter
    };
    let date_label = |e: Option<&ExamPoint>| {
        e.map_or(String::new(), |e| {
            (ctx.words().chart_day)(e.date.month(), e.date.day())
        })
    };
    let chart = Chart::new(vec![
        Dataset::default()
            .data(&pass)
            .marker(Marker::Dot)
            .graph_type(GraphType::Line)
            .style(ctx.theme.warn()),
        Dataset::default()
            .data(&scores)
            .marker(Marker::Braille)
            .graph_type(graph)
            .style(ctx.theme.good()),
    ])
    .x_axis(
        Axis::default()
            .bounds([1.0, x_max])
            .labels([date_label(s.exams.first()), date_label(Some(last))])
            .style(ctx.theme.dim()),
    )
    .y_axis(
        Axis::default()
            .bounds([100.0, 1000.0])
            .labels(["100", "1000"])
            .style(ctx.theme.dim()),
    );
    chart.render(inner, buf);
}

/// Below this many exams the scores are bars, not a line: one or two points make a dot at the edge or a
/// single stroke that says little.
const FEW_EXAMS: usize = 3;

/// One row per exam: its date and scaled score, and a bar on the 100–1000 scale with the pass mark drawn
/// across it (`┃`), green when passed and red when not; a legend names the mark.
fn exam_bars(ctx: &Ctx, inner: Rect, buf: &mut Buffer) {
    let s = ctx.stats;
    let [pass, fail] = ctx.words().verdicts;
    let verdicts = (pass, fail);
    let verdict_width = verdicts.0.width().max(verdicts.1.width());
    // "11-06   723 " before the bar, " fail" after it.
    let track = usize::from(inner.width)
        .saturating_sub(12 + 1 + verdict_width)
        .max(1);
    let column = |score: u32| {
        (score.saturating_sub(100) as usize * track)
            .div_ceil(900)
            .min(track)
    };
    let pass_at = column(s.pass_mark).min(track - 1);
    let mut lines: Vec<Line> = s
        .exams
        .iter()
        .map(|e| {
            let filled = column(e.scaled);
            let style = if e.passed {
                ctx.theme.good()
            } else {
                ctx.theme.bad()
            };
            let bar: String = (0..track)
                .map(|i| match i {
                    _ if i == pass_at => '┃',
                    _ if i < filled => '█',
                    _ => '░',
                })
                .collect();
            let (before, after) = bar.split_at(bar.char_indices().nth(pass_at).map_or(bar.len(), |(b, _)| b));
            let (mark, after) = after.split_at('┃'.len_utf8());
            let verdict = if e.passed { verdicts.0 } else { verdicts.1 };
            Line::from(vec![
                Span::styled(
                    format!(
                        "{} {:>5} ",
                        (ctx.words().bar_day)(e.date.month(), e.date.day()),
                        e.scaled
                    ),
                    ctx.theme.text(),
                ),
                Span::styled(before.to_string(), style),
                Span::styled(mark.to_string(), ctx.theme.warn()),
                Span::styled(after.to_string(), style),
                Span::styled(format!(" {verdict}"), style),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    let legend = (ctx.words().legend)(s.pass_mark);
    lines.push(Line::styled(legend, ctx.theme.dim()));
    let lines: Vec<Line> = wrap_lines(&lines, inner.width)
        .into_iter()
        .map(|l| clip(l, inner.width))
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// Card counts and true retention per topic, with a total row.
pub fn topics(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let words = ctx.words();
    let [panel_title, topic_header, all] = words.topics;
    let (block, inner) = ctx.block(area, format!(" {panel_title} "));
    block.render(area, buf);
    let wide = inner.width >= 52;
    // Each language gives its headers' widths: Korean names the stages as nouns (어린 카드, 성숙 카드).
    let headers = words.headers;
    let shown: Vec<usize> = if wide { vec![0, 1, 2, 3, 4] } else { vec![0, 3, 4] };
    let fixed: usize = shown.iter().map(|&i| headers[i].1).sum();
    let title_width = usize::from(inner.width).saturating_sub(fixed).max(1);
    let row = |title: &str, values: [String; 5], style: Style| {
        let mut text = cell(title, title_width, false);
        for &i in &shown {
            text.push_str(&cell(&values[i], headers[i].1, true));
        }
        clip(Line::styled(text, style), inner.width)
    };
    let mut lines = vec![row(
        topic_header,
        headers.map(|(name, _)| name.to_string()),
        ctx.theme.dim(),
    )];
    for (t, topic) in ctx.stats.topics.iter().zip(ctx.deck.topics()) {
        let values = table_values(t.cards, &t.retention.mature, ctx.lang);
        lines.push(row(topic.title.get(ctx.lang), values, ctx.theme.text()));
    }
    let total = table_values(ctx.stats.cards, &ctx.stats.retention.mature, ctx.lang);
    lines.push(row(all, total, ctx.theme.title()));
    let note = words.note;
    lines.extend(wrap_lines(
        &[Line::styled(note.to_string(), ctx.theme.dim())],
        inner.width,
    ));
    Paragraph::new(lines).render(inner, buf);
}

/// One table row's cells: the four stage counts and the true retention.
fn table_values(c: CardCounts, mature: &Retention, lang: Lang) -> [String; 5] {
    [
        c.new.to_string(),
        c.learning.to_string(),
        c.young.to_string(),
        c.mature.to_string(),
        rate(mature, lang),
    ]
}

/// Rows the topic panel needs at `width` (borders included).
pub fn topics_height(ctx: &Ctx, width: u16) -> u16 {
    let note = ctx.words().note;
    let note_lines = wrap_lines(&[Line::raw(note)], width.saturating_sub(2)).len();
    (ctx.stats.topics.len() + 2 + note_lines + 2) as u16
}

/// The readiness panel's lines: the full exam's prediction (or why there is none), what it rests on, and
/// each topic's.
fn readiness_lines(ctx: &Ctx) -> Vec<Line<'static>> {
    let r = ctx.readiness;
    let t = crate::text::of(ctx.lang).readiness();
    let headline = match r.overall {
        Some(p) => Line::styled(
            (t.overall)(p.scaled, p.low, p.high, of_fraction(p.pass_chance)),
            ctx.theme.title(),
        ),
        None => {
            let (measured, of) = r.measured();
            Line::styled((t.not_yet)(measured, of), ctx.theme.warn())
        }
    };
    let mut lines = vec![
        headline,
        Line::styled(
            (t.basis)(r.seen, r.scenarios, r.calibration.reviews, r.answers),
            ctx.theme.dim(),
        ),
    ];
    let name_width = 32;
    for row in &r.topics {
        let title = ctx
            .deck
            .topic(&row.topic)
            .map_or(row.topic.clone(), |(_, topic)| {
                topic.title.get(ctx.lang).to_string()
            });
        let value = match row.prediction {
            Some(p) => (t.topic)(p.scaled, p.low, p.high),
            None => (t.topic_none)(row.seen, row.scenarios),
        };
        lines.push(Line::from(vec![
            Span::styled(cell(&title, name_width, false), ctx.theme.text()),
            Span::raw(" "),
            Span::styled(value, ctx.theme.text()),
        ]));
    }
    lines
}

/// Exam readiness for tomorrow: overall and per topic.
pub fn readiness(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let title = format!(" {} ", crate::text::of(ctx.lang).readiness().title);
    ctx.text_panel(area, buf, title, &readiness_lines(ctx));
}

/// The readiness panel's height at `width`.
pub fn readiness_height(ctx: &Ctx, width: u16) -> u16 {
    let lines = readiness_lines(ctx);
    (wrap_lines(&lines, width.saturating_sub(2)).len() + 2) as u16
}
