//! `recall stats`: the stats screen's numbers, headless — readable text, or the [`Stats`] structure as JSON
//! (`--format json`) for scripts.

use std::io::Write;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::Format;
use crate::core::content::{Deck, Lang};
use crate::core::progress::Stats;
use crate::core::progress::stats::{Retention, hours_minutes};
use crate::core::untrusted::to_json_pretty;
use crate::io::paths::Paths;
use crate::io::progress::{self, LoadError};
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

/// Loads the progress in `paths`, computes the stats at `now` (study days in `tz`) and prints them in
/// `format`; labels and topic titles are in `lang`, or the configured language. Skipped log lines are reported on `err`.
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
    let loaded: &_ = Box::leak(Box::new(progress::load(paths, &super::settings_schema(), tz)?));
    super::warn_skipped(loaded, err)?;
    let stats = Stats::compute(deck, &loaded.progress, loaded.scheduler.clock(), now);
    match format {
        Format::Json => {
            let json = to_json_pretty(&stats).map_err(std::io::Error::from)?;
            writeln!(out, "{json}")?;
        }
        Format::Text => write_text(&stats, deck, lang.unwrap_or(loaded.config.language), out)?,
    }
    Ok(())
}

/// Prints `stats` as text in `lang`: a summary, the topic table, the forecast, recent days and exam
/// scores. Columns are aligned by display width, so Korean labels and titles line up too.
pub fn write_text(stats: &Stats, deck: &Deck, lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let t = |en, ko| tr(lang, en, ko);
    match lang {
        Lang::En => writeln!(out, "Stats for {}", stats.today)?,
        Lang::Ko => writeln!(out, "{} 통계", stats.today)?,
    }
    if stats.is_empty() {
        let hint = t(
            "No reviews yet. Open recall and press s on home to study; your numbers appear here after the \
             first review.",
            "아직 복습 기록이 없습니다. recall을 열고 홈에서 s를 눌러 학습하세요. 첫 복습 뒤에 여기에 숫자가 \
             나타납니다.",
        );
        return match lang {
            Lang::En => writeln!(out, "\n{hint}\n\nCards: {} new.", stats.cards.new),
            Lang::Ko => writeln!(out, "\n{hint}\n\n카드: 새 카드 {}장.", stats.cards.new),
        };
    }
    write_summary(stats, lang, out)?;
    write_topics(stats, deck, lang, out)?;
    write_forecast(stats, lang, out)?;
    write_days(stats, lang, out)?;
    write_exams(stats, lang, out)
}

/// `en` or `ko`, by `lang`.
fn tr(lang: Lang, en: &'static str, ko: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Ko => ko,
    }
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

fn write_summary(stats: &Stats, lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let (h, m) = hours_minutes(stats.time_studied_ms);
    let c = &stats.cards;
    let (days, today) = (stats.study_days(), stats.reviews_today);
    let (current, longest) = (stats.streak.current, stats.streak.longest);
    let (mature, young) = (rate(&stats.retention.mature), rate(&stats.retention.young));
    let rows: [(&str, String); 5] = match lang {
        Lang::En => [
            (
                "Reviews",
                format!("{} on {days} study day(s), {today} today", stats.reviews),
            ),
            ("Time studied", format!("{h}h {m:02}m")),
            ("Streak", format!("{current} day(s) (longest {longest})")),
            (
                "Cards",
                format!(
                    "{}: {} new, {} learning, {} young, {} mature",
                    c.total(),
                    c.new,
                    c.learning,
                    c.young,
                    c.mature
                ),
            ),
            ("Retention", format!("mature {mature} · young {young}")),
        ],
        Lang::Ko => [
            (
                "복습",
                format!("{}회, 학습한 날 {days}일, 오늘 {today}회", stats.reviews),
            ),
            ("학습 시간", format!("{h}시간 {m:02}분")),
            ("연속 학습", format!("{current}일 (최장 {longest}일)")),
            (
                "카드",
                format!(
                    "{}장: 새 카드 {}, 학습 중 {}, 단기 {}, 장기 {}",
                    c.total(),
                    c.new,
                    c.learning,
                    c.young,
                    c.mature
                ),
            ),
            ("유지율", format!("장기 {mature} · 단기 {young}")),
        ],
    };
    let label_width = rows.iter().map(|(label, _)| label.width()).max().unwrap_or(0) + 2;
    writeln!(out)?;
    for (label, value) in rows {
        writeln!(out, "{}{value}", pad(label, label_width, false))?;
    }
    Ok(())
}

/// `91% (40/44)`, or `-` without reviews.
fn rate(r: &Retention) -> String {
    match r.rate {
        Some(rate) => format!("{:.0}% ({}/{})", rate * 100.0, r.passed, r.reviews),
        None => "-".to_string(),
    }
}

/// Width of the topic column; longer titles are cut with `…`.
const TOPIC_WIDTH: usize = 28;

fn write_topics(stats: &Stats, deck: &Deck, lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let t = |en, ko| tr(lang, en, ko);
    let headers = [
        t("new", "새 카드"),
        t("learning", "학습 중"),
        t("young", "단기"),
        t("mature", "장기"),
    ];
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
    let mut head = pad(t("Topic", "주제"), TOPIC_WIDTH, false);
    for (header, width) in headers.iter().zip(&widths) {
        head.push(' ');
        head.push_str(&pad(header, *width, true));
    }
    writeln!(out, "\n{head}  {}", t("retention (mature)", "유지율 (장기)"))?;
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

fn write_forecast(stats: &Stats, lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let total: usize = stats.forecast.iter().map(|d| d.due).sum();
    let days = stats.forecast.len();
    match lang {
        Lang::En => writeln!(out, "\nDue in the next {days} days: {total}")?,
        Lang::Ko => writeln!(out, "\n앞으로 {days}일 복습 예정: {total}")?,
    }
    for day in stats.forecast.iter().filter(|d| d.due > 0) {
        let note = if day.date == stats.today {
            tr(lang, " (today, with overdue)", " (오늘, 밀린 복습 포함)")
        } else {
            ""
        };
        writeln!(out, "  {}  {:>4}{note}", day.date, day.due)?;
    }
    Ok(())
}

/// The most recent study days with reviews (up to 14).
fn write_days(stats: &Stats, lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let title = tr(
        lang,
        "Reviews per day (latest study days)",
        "일별 복습 (최근 학습한 날)",
    );
    writeln!(out, "\n{title}")?;
    let skip = stats.heatmap.len().saturating_sub(14);
    for day in &stats.heatmap[skip..] {
        writeln!(out, "  {}  {:>4}", day.date, day.reviews)?;
    }
    Ok(())
}

fn write_exams(stats: &Stats, lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let t = |en, ko| tr(lang, en, ko);
    if stats.exams.is_empty() {
        let none = t(
            "Mock exams: none yet (press e on home).",
            "모의고사: 아직 없음 (홈에서 e를 누르세요).",
        );
        return writeln!(out, "\n{none}");
    }
    match lang {
        Lang::En => writeln!(out, "\nMock exams (pass mark {})", stats.pass_mark)?,
        Lang::Ko => writeln!(out, "\n모의고사 (합격선 {})", stats.pass_mark)?,
    }
    let (pass, fail) = (t("pass", "합격"), t("fail", "불합격"));
    let verdict_width = pass.width().max(fail.width());
    for e in &stats.exams {
        let verdict = pad(if e.passed { pass } else { fail }, verdict_width, false);
        writeln!(
            out,
            "  {}  {:>4}  {verdict}  ({}/{})",
            e.date, e.scaled, e.correct, e.total
        )?;
    }
    Ok(())
}
