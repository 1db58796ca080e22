//! `recall stats`: the stats screen's numbers, headless — readable text, or the [`Stats`] structure as JSON
//! (`--format json`) for scripts.

use std::io::Write;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::Format;
use crate::core::content::{Deck, Lang};
use crate::core::percent::of_fraction;
use crate::core::progress::Stats;
use crate::core::progress::stats::{Retention, hours_minutes};
use crate::core::readiness::{self, Readiness};
use crate::core::untrusted::to_json_pretty;
use crate::io::paths::Paths;
use crate::io::progress::{self, LoadError, LoadedProgress, ReadProgress};
use crate::text::{self, StatsText};
use crate::ui::widgets::rich::truncate;
use unicode_width::UnicodeWidthStr;

/// Why `recall stats` failed.
#[derive(Debug, thiserror::Error)]
pub enum StatsCommandError {
    /// The settings or the log could not be loaded.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// Printing failed.
    #[error(transparent)]
    Output(#[from] std::io::Error),
}

/// Loads the settings and reads the log in `paths`, counting study days in `tz`; [`replay`] finishes the
/// load.
pub fn read(paths: &Paths, tz: TimeZone) -> Result<ReadProgress, StatsCommandError> {
    Ok(progress::read(paths, &super::settings_schema(), tz)?)
}

/// Replays the log [`read`] gave, kept for the rest of the process. (The process exits right after the
/// command: the replayed log is left to the operating system rather than freed allocation by allocation,
/// a tenth of the command's time at 100,000 events.)
pub fn replay(read: ReadProgress) -> &'static LoadedProgress {
    Box::leak(Box::new(read.replay(false)))
}

/// Computes the stats of `loaded` ([`replay`]) at `now` and prints them in `format`; topic titles are in
/// `lang`, or the configured language. Skipped log lines are reported on `err`.
pub fn run(
    deck: &Deck,
    loaded: &LoadedProgress,
    now: Timestamp,
    lang: Option<Lang>,
    format: Format,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), StatsCommandError> {
    let lang = lang.unwrap_or(loaded.config.language);
    super::warn_skipped(loaded, lang, err)?;
    // Two independent passes over the whole history: one on each core.
    let (stats, readiness) = std::thread::scope(|scope| {
        let stats = scope.spawn(|| Stats::compute(deck, &loaded.progress, loaded.scheduler.clock(), now));
        let readiness = readiness::predict(
            deck,
            &loaded.progress,
            &loaded.scheduler,
            readiness::tomorrow(&loaded.scheduler, now),
        );
        (stats.join().expect("computing stats never panics"), readiness)
    });
    match format {
        Format::Json => {
            let json = to_json_pretty(&WithReadiness {
                stats: &stats,
                readiness: &readiness,
            })
            .map_err(std::io::Error::from)?;
            writeln!(out, "{json}")?;
        }
        Format::Text => {
            write_text(&stats, deck, lang, out)?;
            if !stats.is_empty() {
                write_readiness(&readiness, deck, lang, out)?;
            }
        }
    }
    Ok(())
}

/// The JSON of `recall stats`: the stats, and tomorrow's exam readiness under `readiness`.
#[derive(serde::Serialize)]
struct WithReadiness<'a> {
    #[serde(flatten)]
    stats: &'a Stats,
    readiness: &'a Readiness,
}

/// Prints tomorrow's exam readiness: the full exam (or why there is no prediction), what it rests on, and
/// every topic.
fn write_readiness(r: &Readiness, deck: &Deck, lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let t = text::of(lang).readiness();
    writeln!(out, "\n{}", t.title)?;
    match r.overall {
        Some(p) => writeln!(
            out,
            "  {}",
            (t.overall)(p.scaled, p.low, p.high, of_fraction(p.pass_chance))
        )?,
        None => {
            let (measured, of) = r.measured();
            writeln!(out, "  {}", (t.not_yet)(measured, of))?;
        }
    }
    writeln!(
        out,
        "  {}",
        (t.basis)(r.seen, r.scenarios, r.calibration.reviews, r.answers)
    )?;
    for row in &r.topics {
        let title = deck
            .topic(&row.topic)
            .map_or(row.topic.clone(), |(_, topic)| topic.title.get(lang).to_string());
        let value = match row.prediction {
            Some(p) => (t.topic)(p.scaled, p.low, p.high),
            None => (t.topic_none)(row.seen, row.scenarios),
        };
        let title = truncate(&title, TOPIC_WIDTH);
        writeln!(
            out,
            "  {title}{} {value}",
            " ".repeat(TOPIC_WIDTH.saturating_sub(title.width()))
        )?;
    }
    Ok(())
}

/// Prints `stats` as text: a summary, the topic table, the forecast, recent days and exam scores.
/// The labels are in `lang` (the same words as the stats screen).
pub fn write_text(stats: &Stats, deck: &Deck, lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let t = text::of(lang).stats();
    writeln!(out, "{}", (t.title)(&stats.today.to_string()))?;
    if stats.is_empty() {
        writeln!(out, "\n{}", (t.empty)(stats.cards.new))?;
        return Ok(());
    }
    write_summary(stats, t, out)?;
    write_topics(stats, deck, lang, t, out)?;
    write_forecast(stats, t, out)?;
    write_days(stats, t, out)?;
    write_exams(stats, t, out)
}

fn write_summary(stats: &Stats, t: &StatsText, out: &mut impl Write) -> std::io::Result<()> {
    let (h, m) = hours_minutes(stats.time_studied_ms);
    let c = &stats.cards;
    writeln!(out)?;
    let reviews = (t.reviews)(stats.reviews, stats.study_days(), stats.reviews_today);
    writeln!(out, "{reviews}")?;
    writeln!(out, "{}", (t.time)(h, m))?;
    writeln!(out, "{}", (t.streak)(stats.streak.current, stats.streak.longest))?;
    let cards = (t.cards)(c.total(), c.new, c.learning, c.young, c.mature);
    writeln!(out, "{cards}")?;
    let (mature, young) = (rate(&stats.retention.mature), rate(&stats.retention.young));
    writeln!(out, "{}", (t.retention)(&mature, &young))
}

/// `91% (40/44)`, or `-` without reviews.
fn rate(r: &Retention) -> String {
    match r.rate {
        Some(_) => format!(
            "{}% ({}/{})",
            crate::core::percent::percent(r.passed, r.reviews),
            r.passed,
            r.reviews
        ),
        None => "-".to_string(),
    }
}

/// Width of the topic column; longer titles are cut with `…`.
const TOPIC_WIDTH: usize = 28;

/// The topic table. Columns are padded by display width, so Korean headers and titles line up too.
fn write_topics(
    stats: &Stats,
    deck: &Deck,
    lang: Lang,
    t: &StatsText,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let [topic, new, learning, young, mature, retention] = t.topic_headers;
    let headers = [new, learning, young, mature];
    let rows: Vec<(String, [usize; 4], String)> = stats
        .topics
        .iter()
        .zip(deck.topics())
        .map(|(s, topic)| {
            let c = &s.cards;
            let title = truncate(topic.title.get(lang), TOPIC_WIDTH);
            (
                title,
                [c.new, c.learning, c.young, c.mature],
                rate(&s.retention.mature),
            )
        })
        .collect();
    // Each count column is as wide as its header or its widest number.
    let widths: Vec<usize> = (0..4)
        .map(|i| {
            let widest = rows.iter().map(|r| r.1[i].to_string().len()).max().unwrap_or(0);
            headers[i].width().max(widest).max(5)
        })
        .collect();
    let mut head = pad(topic, TOPIC_WIDTH, false);
    for (header, width) in headers.iter().zip(&widths) {
        head.push(' ');
        head.push_str(&pad(header, *width, true));
    }
    writeln!(out, "\n{head}  {retention}")?;
    for (title, counts, retention) in rows {
        let mut row = pad(&title, TOPIC_WIDTH, false);
        for (count, width) in counts.iter().zip(&widths) {
            row.push(' ');
            row.push_str(&pad(&count.to_string(), *width, true));
        }
        writeln!(out, "{row}  {retention}")?;
    }
    Ok(())
}

/// `text` padded with spaces to `width` display columns (right-aligned if `right`); never cut.
fn pad(text: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(text.width()));
    if right {
        fill + text
    } else {
        format!("{text}{fill}")
    }
}

fn write_forecast(stats: &Stats, t: &StatsText, out: &mut impl Write) -> std::io::Result<()> {
    let total: usize = stats.forecast.iter().map(|d| d.due).sum();
    writeln!(out, "\n{}", (t.forecast)(stats.forecast.len(), total))?;
    for day in stats.forecast.iter().filter(|d| d.due > 0) {
        let note = if day.date == stats.today { t.today_note } else { "" };
        writeln!(out, "  {}  {:>4}{note}", day.date, day.due)?;
    }
    Ok(())
}

/// The most recent study days with reviews (up to 14).
fn write_days(stats: &Stats, t: &StatsText, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "\n{}", t.days)?;
    let skip = stats.heatmap.len().saturating_sub(14);
    for day in &stats.heatmap[skip..] {
        writeln!(out, "  {}  {:>4}", day.date, day.reviews)?;
    }
    Ok(())
}

fn write_exams(stats: &Stats, t: &StatsText, out: &mut impl Write) -> std::io::Result<()> {
    if stats.exams.is_empty() {
        return writeln!(out, "\n{}", t.no_exams);
    }
    writeln!(out, "\n{}", (t.exams)(stats.pass_mark))?;
    for e in &stats.exams {
        let verdict = t.verdicts[usize::from(!e.passed)];
        writeln!(
            out,
            "  {}  {:>4}  {verdict}  ({}/{})",
            e.date, e.scaled, e.correct, e.total
        )?;
    }
    Ok(())
}
