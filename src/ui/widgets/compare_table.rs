//! A comparison rendered as a real table: options as columns, attributes as rows, cells wrapped to fit.

use ratatui::layout::Constraint;
use ratatui::text::{Line, Text as RText};
use ratatui::widgets::{Cell, Row, Table};

use crate::core::content::{Compare, Lang};
use crate::ui::theme::Theme;
use crate::ui::widgets::rich;

/// Column widths for a table `width` cells wide with `options` value columns: the attribute column gets
/// about a quarter, the rest share evenly. One cell of spacing between columns.
pub fn column_widths(width: u16, options: usize) -> Vec<u16> {
    let columns = options as u16 + 1;
    let usable = width.saturating_sub(columns.saturating_sub(1));
    let first = (usable / 4).clamp(6.min(usable), 24);
    let rest = usable.saturating_sub(first);
    let each = (rest / options.max(1) as u16).max(1);
    std::iter::once(first)
        .chain(std::iter::repeat_n(each, options))
        .collect()
}

fn wrap(text: &str, width: u16) -> Vec<Line<'static>> {
    // Same wrapping as every other text (words stay whole, Korean included).
    rich::wrap_lines(&[Line::raw(text.to_string())], width)
}

/// Builds the table widget for a given width, and the lines each part takes: the header first, then each
/// row (with the blank line under it).
pub fn build(compare: &Compare, lang: Lang, width: u16, theme: &Theme) -> (Table<'static>, Vec<usize>) {
    let widths = column_widths(width, compare.options.len());
    let header_cells: Vec<Cell> = std::iter::once(String::new())
        .chain(compare.options.iter().map(|o| o.get(lang).to_string()))
        .zip(&widths)
        .map(|(s, w)| Cell::from(RText::from(wrap(&s, *w))))
        .collect();
    let header_height = std::iter::once("")
        .chain(compare.options.iter().map(|o| o.get(lang)))
        .zip(&widths)
        .map(|(s, w)| wrap(s, *w).len())
        .max()
        .unwrap_or(1);
    let mut heights = vec![header_height + 1];
    let rows: Vec<Row> = compare
        .rows
        .iter()
        .map(|row| {
            let texts: Vec<Vec<Line<'static>>> = std::iter::once(row.attribute.get(lang))
                .chain(row.values.iter().map(|v| v.get(lang)))
                .zip(&widths)
                .map(|(s, w)| wrap(s, *w))
                .collect();
            let height = texts.iter().map(Vec::len).max().unwrap_or(1);
            heights.push(height + 1);
            let cells: Vec<Cell> = texts
                .into_iter()
                .enumerate()
                .map(|(i, lines)| {
                    let cell = Cell::from(RText::from(lines));
                    if i == 0 { cell.style(theme.title()) } else { cell }
                })
                .collect();
            Row::new(cells).height(height as u16).bottom_margin(1)
        })
        .collect();
    let table = Table::new(
        rows,
        widths.iter().map(|w| Constraint::Length(*w)).collect::<Vec<_>>(),
    )
    .header(
        Row::new(header_cells)
            .style(theme.title())
            .height(header_height as u16)
            .bottom_margin(1),
    )
    .column_spacing(1);
    (table, heights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_fit_the_area() {
        for width in [1u16, 10, 40, 60, 80, 200] {
            for options in 2..=4 {
                let w = column_widths(width, options);
                assert_eq!(w.len(), options + 1);
                let total: u16 = w.iter().sum::<u16>() + options as u16;
                assert!(width < 12 || total <= width, "{width} {options}: {w:?}");
            }
        }
    }
}
