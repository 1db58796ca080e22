//! A calendar heatmap of reviews per day: one column per week (Monday on top), the current week on the
//! right, each day shaded by its count relative to the busiest day shown (`·` none, then `░▒▓█`), with
//! month names above the weeks where a month begins.
//!
//! Drawn cell by cell (no calendar crate): shading characters carry the information, so it reads the same
//! with `NO_COLOR`.

use std::collections::HashMap;

use jiff::civil::Date;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::core::content::Lang;
use crate::ui::theme::Theme;

/// Columns taken by the weekday labels on the left.
pub const LABEL_WIDTH: u16 = 4;
/// Rows the heatmap needs: the month line and seven days.
pub const HEIGHT: u16 = 8;
/// Shades from a little to a lot.
const SHADES: [&str; 4] = ["░", "▒", "▓", "█"];

/// Reviews per day ending at `today`, as many weeks as fit the area's width (at most a year).
pub struct Heatmap<'a> {
    /// Reviews per date.
    pub counts: &'a HashMap<Date, usize>,
    /// The last day shown (its week is the rightmost column).
    pub today: Date,
    /// Language of month and weekday names.
    pub lang: Lang,
    /// Styles.
    pub theme: &'a Theme,
}

/// How many week columns fit in `width` columns (two columns per week, after the labels).
pub fn weeks_that_fit(width: u16) -> usize {
    usize::from(width.saturating_sub(LABEL_WIDTH) / 2).min(53)
}

/// The shade of a day with `count` reviews when the busiest day has `max`.
pub fn shade(count: usize, max: usize) -> &'static str {
    if count == 0 || max == 0 {
        return "·";
    }
    let level = (4 * count).div_ceil(max).clamp(1, 4);
    SHADES[level - 1]
}

fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(jiff::Span::new().try_days(days).ok()?).ok()
}

fn month_name(month: i8, lang: Lang) -> String {
    (crate::text::of(lang).common().month)(month)
}

fn weekday_label(row: usize, lang: Lang) -> &'static str {
    let [mon, wed, fri] = crate::text::of(lang).common().weekdays;
    match row {
        0 => mon,
        2 => wed,
        4 => fri,
        _ => "",
    }
}

impl Heatmap<'_> {
    /// The Monday of each week column, oldest first.
    fn week_starts(&self, weeks: usize) -> Vec<Date> {
        let offset = i64::from(self.today.weekday().to_monday_zero_offset());
        let this_monday = add_days(self.today, -offset).unwrap_or(self.today);
        (0..weeks)
            .rev()
            .filter_map(|w| add_days(this_monday, -7 * w as i64))
            .collect()
    }

    /// The month line: a month's name above the first week that holds its first day, when it fits.
    fn month_line(&self, mondays: &[Date], width: u16) -> Line<'static> {
        let mut spans = vec![Span::raw(" ".repeat(usize::from(LABEL_WIDTH)))];
        let mut cursor = usize::from(LABEL_WIDTH);
        let mut previous = None;
        for (w, monday) in mondays.iter().enumerate() {
            // The week holding a month's first day is the one whose Sunday is in that month's first week.
            let sunday = add_days(*monday, 6).unwrap_or(*monday);
            let month = sunday.month();
            let starts = previous.is_some_and(|p| p != month) || (w == 0 && sunday.day() <= 7);
            previous = Some(month);
            let x = usize::from(LABEL_WIDTH) + 2 * w;
            let name = month_name(month, self.lang);
            if starts && x >= cursor && x + name.width() <= usize::from(width) {
                spans.push(Span::raw(" ".repeat(x - cursor)));
                cursor = x + name.width() + 1;
                spans.push(Span::styled(name, self.theme.dim()));
                spans.push(Span::raw(" "));
            }
        }
        Line::from(spans)
    }

    /// One weekday's row of cells.
    fn day_line(&self, row: usize, mondays: &[Date], max: usize) -> Line<'static> {
        let label = weekday_label(row, self.lang);
        let pad = usize::from(LABEL_WIDTH).saturating_sub(label.width());
        let mut spans = vec![Span::styled(
            format!("{label}{}", " ".repeat(pad)),
            self.theme.dim(),
        )];
        for monday in mondays {
            let Some(day) = add_days(*monday, row as i64).filter(|d| *d <= self.today) else {
                spans.push(Span::raw("  "));
                continue;
            };
            let count = self.counts.get(&day).copied().unwrap_or(0);
            let style = if count > 0 {
                self.theme.good()
            } else {
                self.theme.dim()
            };
            spans.push(Span::styled(shade(count, max), style));
            spans.push(Span::raw(" "));
        }
        Line::from(spans)
    }
}

impl Widget for Heatmap<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mondays = self.week_starts(weeks_that_fit(area.width));
        let first = mondays.first().copied().unwrap_or(self.today);
        let max = self
            .counts
            .iter()
            .filter(|(d, _)| **d >= first && **d <= self.today)
            .map(|(_, c)| *c)
            .max()
            .unwrap_or(0);
        let mut lines = vec![self.month_line(&mondays, area.width)];
        lines.extend((0..7).map(|row| self.day_line(row, &mondays, max)));
        for (i, line) in lines.into_iter().take(usize::from(area.height)).enumerate() {
            buf.set_line(area.x, area.y + i as u16, &line, area.width);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_rise_with_the_count() {
        assert_eq!(shade(0, 10), "·");
        assert_eq!(shade(1, 10), "░");
        assert_eq!(shade(5, 10), "▒");
        assert_eq!(shade(7, 10), "▓");
        assert_eq!(shade(10, 10), "█");
        assert_eq!(shade(3, 0), "·");
    }

    #[test]
    fn weeks_fill_the_width_up_to_a_year() {
        assert_eq!(weeks_that_fit(4), 0);
        assert_eq!(weeks_that_fit(48), 22);
        assert_eq!(weeks_that_fit(400), 53);
    }
}
