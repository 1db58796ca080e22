//! `recall stats`: the stats screen's numbers, headless — readable text, or the [`Stats`] structure as JSON
//! (`--format json`) for scripts.

use std::io::Write;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::Format;
use crate::core::content::{Deck, Lang};
use crate::core::progress::Stats;
use crate::core::progress::stats::{Retention, hours_minutes};
use crate::io::paths::Paths;
use crate::io::progress::{self, LoadError};

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

/// Loads the progress in `paths`, computes the stats at `now` (study days in `tz`) and prints them in
/// `format`; topic titles are in `lang`, or the configured language. Skipped log lines are reported on `err`.
#[allow(clippy::too_many_arguments)]
pub fn run(
    deck: &Deck,
    paths: &Paths,
    tz: TimeZone,
    now: Timestamp,
    lang: Option<Lang>,
    format: Format,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), StatsCommandError> {
    // The process exits right after: leave the replayed log to the operating system rather than free its
    // hundreds of thousands of allocations one by one (a tenth of the command's time at 100,000 events).
    let loaded: &_ = Box::leak(Box::new(progress::load(paths, tz)?));
    super::warn_skipped(loaded, err)?;
    let stats = Stats::compute(deck, &loaded.progress, loaded.scheduler.clock(), now);
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &stats).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        Format::Text => write_text(&stats, deck, lang.unwrap_or(loaded.config.language), out)?,
    }
    Ok(())
}

/// Prints `stats` as text: a summary, the topic table, the forecast, recent days and exam scores.
pub fn write_text(stats: &Stats, deck: &Deck, lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "Stats for {}", stats.today)?;
    if stats.is_empty() {
        writeln!(
            out,
            "\nNo reviews yet. Open recall and press s on home to study; your numbers appear here after \
             the first review.\n\nCards: {} new.",
            stats.cards.new
        )?;
        return Ok(());
    }
    write_summary(stats, out)?;
    write_topics(stats, deck, lang, out)?;
    write_forecast(stats, out)?;
    write_days(stats, out)?;
    write_exams(stats, out)
}

fn write_summary(stats: &Stats, out: &mut impl Write) -> std::io::Result<()> {
    let (h, m) = hours_minutes(stats.time_studied_ms);
    let c = &stats.cards;
    writeln!(out)?;
    writeln!(
        out,
        "Reviews       {} on {} study day(s), {} today",
        stats.reviews,
        stats.study_days(),
        stats.reviews_today
    )?;
    writeln!(out, "Time studied  {h}h {m:02}m")?;
    writeln!(
        out,
        "Streak        {} day(s) (longest {})",
        stats.streak.current, stats.streak.longest
    )?;
    writeln!(
        out,
        "Cards         {}: {} new, {} learning, {} young, {} mature",
        c.total(),
        c.new,
        c.learning,
        c.young,
        c.mature
    )?;
    writeln!(
        out,
        "Retention     mature {} · young {}",
        rate(&stats.retention.mature),
        rate(&stats.retention.young)
    )
}

/// `91% (40/44)`, or `-` without reviews.
fn rate(r: &Retention) -> String {
    match r.rate {
        Some(rate) => format!("{:.0}% ({}/{})", rate * 100.0, r.passed, r.reviews),
        None => "-".to_string(),
    }
}

fn write_topics(stats: &Stats, deck: &Deck, lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "\n{:<28} {:>5} {:>8} {:>6} {:>6}  retention (mature)",
        "Topic", "new", "learning", "young", "mature"
    )?;
    for (t, topic) in stats.topics.iter().zip(deck.topics()) {
        let title: String = topic.title.get(lang).chars().take(28).collect();
        let c = &t.cards;
        writeln!(
            out,
            "{title:<28} {:>5} {:>8} {:>6} {:>6}  {}",
            c.new,
            c.learning,
            c.young,
            c.mature,
            rate(&t.retention.mature)
        )?;
    }
    Ok(())
}

fn write_forecast(stats: &Stats, out: &mut impl Write) -> std::io::Result<()> {
    let total: usize = stats.forecast.iter().map(|d| d.due).sum();
    writeln!(out, "\nDue in the next {} days: {total}", stats.forecast.len())?;
    for day in stats.forecast.iter().filter(|d| d.due > 0) {
        let note = if day.date == stats.today {
            " (today, with overdue)"
        } else {
            ""
        };
        writeln!(out, "  {}  {:>4}{note}", day.date, day.due)?;
    }
    Ok(())
}

/// The most recent study days with reviews (up to 14).
fn write_days(stats: &Stats, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "\nReviews per day (latest study days)")?;
    let skip = stats.heatmap.len().saturating_sub(14);
    for day in &stats.heatmap[skip..] {
        writeln!(out, "  {}  {:>4}", day.date, day.reviews)?;
    }
    Ok(())
}

fn write_exams(stats: &Stats, out: &mut impl Write) -> std::io::Result<()> {
    if stats.exams.is_empty() {
        return writeln!(out, "\nMock exams: none yet (press e on home).");
    }
    writeln!(out, "\nMock exams (pass mark {})", stats.pass_mark)?;
    for e in &stats.exams {
        let verdict = if e.passed { "pass" } else { "fail" };
        writeln!(
            out,
            "  {}  {:>4}  {verdict}  ({}/{})",
            e.date, e.scaled, e.correct, e.total
        )?;
    }
    Ok(())
}
