//! The rows of a long list that are on screen: a list or table is drawn from the items it shows, never from
//! all of them, so a deck of 2,000 topics (or a topic of 40,000 facts) draws as fast as one of ten.
//!
//! [`visible`] gives the window ratatui's own `List` and `Table` show from a fresh state with an item
//! selected: from the first item, or, once the selection would fall below the last row, the longest run of
//! items that ends at the selection. Handing the widget only that window, with the selection moved to its place in it, draws
//! the same frame.

use std::ops::Range;

/// The items shown in `rows` rows when item `selected` of `len` is selected, item `i` taking `height(i)`
/// rows; the selection is always inside the window (when `len > 0`).
pub fn visible(len: usize, selected: usize, rows: usize, height: impl Fn(usize) -> usize) -> Range<usize> {
    if len == 0 {
        return 0..0;
    }
    let selected = selected.min(len - 1);
    // From the top, unless the selection does not fit: then the longest run that ends at it. Walked back
    // from the selection, so only the rows on screen are measured.
    let mut first = selected;
    let mut used = height(selected);
    while first > 0 && used + height(first - 1) <= rows {
        first -= 1;
        used += height(first);
    }
    let mut end = selected + 1;
    // A window scrolled down to the selection ends there (ratatui leaves the rest of the rows blank).
    while first == 0 && end < len && used + height(end) <= rows {
        used += height(end);
        end += 1;
    }
    first..end
}

/// [`visible`] for items of one row each.
pub fn visible_rows(len: usize, selected: usize, rows: usize) -> Range<usize> {
    if len == 0 {
        return 0..0;
    }
    let selected = selected.min(len - 1);
    let first = (selected + 1).saturating_sub(rows.max(1));
    first..(first + rows.max(1)).min(len).max(selected + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::{List, ListItem, ListState};

    /// What ratatui draws for a list of items of these heights, from a fresh state with `selected`.
    fn drawn(heights: &[usize], selected: usize, rows: u16, window: Option<Range<usize>>) -> String {
        let mut terminal = Terminal::new(TestBackend::new(12, rows)).unwrap();
        let range = window.unwrap_or(0..heights.len());
        let items: Vec<ListItem> = heights[range.clone()]
            .iter()
            .enumerate()
            .map(|(i, &h)| {
                let i = i + range.start;
                ListItem::new((0..h).map(|r| format!("{i}.{r}")).collect::<Vec<_>>().join("\n"))
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(selected - range.start));
        terminal
            .draw(|f| f.render_stateful_widget(List::new(items).highlight_symbol(">"), f.area(), &mut state))
            .unwrap();
        format!("{:?}", terminal.backend().buffer())
    }

    #[test]
    fn the_window_draws_what_the_whole_list_draws() {
        let lists: [&[usize]; 4] = [
            &[1; 30],
            &[1, 2, 1, 2, 2, 1, 1, 2, 1, 2, 2, 2, 1],
            &[3, 1, 1],
            &[1],
        ];
        for heights in lists {
            for rows in [1u16, 2, 3, 5, 8] {
                for selected in 0..heights.len() {
                    let window = visible(heights.len(), selected, usize::from(rows), |i| heights[i]);
                    assert!(window.contains(&selected));
                    assert_eq!(
                        drawn(heights, selected, rows, Some(window.clone())),
                        drawn(heights, selected, rows, None),
                        "{heights:?} at {rows} rows, {selected} selected: {window:?}"
                    );
                    if heights.iter().all(|&h| h == 1) {
                        assert_eq!(visible_rows(heights.len(), selected, usize::from(rows)), window);
                    }
                }
            }
        }
    }

    #[test]
    fn the_window_is_as_long_as_the_view_not_the_list() {
        assert_eq!(visible_rows(100_000, 0, 20), 0..20);
        assert_eq!(visible_rows(100_000, 50_000, 20), 49_981..50_001);
        assert_eq!(visible_rows(100_000, 99_999, 20), 99_980..100_000);
        assert_eq!(visible_rows(0, 0, 20), 0..0);
        assert_eq!(
            visible(3, 9, 20, |_| 1),
            0..3,
            "a selection past the end is the last item"
        );
    }
}
