//! Where a scrolled view stands: the offset the keys move, and what the last draw learned about the text.
//!
//! Only the layout knows how many rows a text wraps to at the current width and how many rows the view
//! shows, so the draw records that ([`Scroll::record`]) through a `Cell`, as ratatui's own list state does;
//! the offset itself changes only in `update` ([`Scroll::apply`]). With both known, ↓ and PgDn stop at the
//! end instead of piling up presses that ↑ must undo, and a page moves by the view's height less one row,
//! so nothing is skipped however small the view. [`super::rich::scrolled`] draws text with it; the stats
//! screen draws its panels with it.

use std::cell::Cell;

use crate::ui::msg::Action;

/// Rows PgUp/PgDn move before the first draw has measured the view.
const UNMEASURED_PAGE: u16 = 8;

/// A view's scroll offset and its last measured extent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scroll {
    offset: u16,
    drawn: Cell<Option<Extent>>,
}

/// What a draw found: the furthest useful offset and the rows the view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extent {
    /// The offset that shows the last row at the bottom (0 when everything fits).
    pub max: u16,
    /// Rows visible at once.
    pub view: u16,
}

impl Extent {
    /// The extent of `content` rows shown `view` rows at a time.
    pub fn of(content: u16, view: u16) -> Extent {
        Extent {
            max: content.saturating_sub(view),
            view,
        }
    }
}

impl Scroll {
    /// The offset to draw at: never past the end of the text last drawn.
    pub fn offset(&self) -> u16 {
        self.drawn.get().map_or(self.offset, |e| self.offset.min(e.max))
    }

    /// Back to the top, for new content.
    pub fn reset(&mut self) {
        self.offset = 0;
    }

    /// Records what a draw found; called while drawing.
    pub fn record(&self, extent: Extent) {
        self.drawn.set(Some(extent));
    }

    /// Moves for a scrolling key (↑ ↓ PgUp PgDn Home End); `false` for any other action.
    pub fn apply(&mut self, action: Action) -> bool {
        let (max, page) = match self.drawn.get() {
            Some(e) => (e.max, e.view.saturating_sub(1).max(1)),
            None => (u16::MAX, UNMEASURED_PAGE),
        };
        let at = self.offset.min(max);
        self.offset = match action {
            Action::Up => at.saturating_sub(1),
            Action::Down => at.saturating_add(1).min(max),
            Action::PageUp => at.saturating_sub(page),
            Action::PageDown => at.saturating_add(page).min(max),
            Action::Top => 0,
            Action::Bottom => max,
            _ => return false,
        };
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(max: u16, view: u16) -> Scroll {
        let scroll = Scroll::default();
        scroll.record(Extent { max, view });
        scroll
    }

    #[test]
    fn a_page_is_the_view_less_one_row_so_nothing_is_skipped() {
        let mut scroll = drawn(20, 4);
        assert!(scroll.apply(Action::PageDown));
        assert_eq!(scroll.offset(), 3);
        scroll.apply(Action::PageDown);
        assert_eq!(scroll.offset(), 6);
        scroll.apply(Action::PageUp);
        assert_eq!(scroll.offset(), 3);
        let mut one_row = drawn(20, 1);
        one_row.apply(Action::PageDown);
        assert_eq!(one_row.offset(), 1, "a one-row view still moves");
    }

    #[test]
    fn the_end_stops_the_keys_and_up_moves_at_once_from_there() {
        let mut scroll = drawn(5, 10);
        for _ in 0..9 {
            scroll.apply(Action::Down);
        }
        assert_eq!(scroll.offset(), 5);
        scroll.apply(Action::Up);
        assert_eq!(scroll.offset(), 4, "no piled-up presses to undo");
        scroll.apply(Action::Bottom);
        assert_eq!(scroll.offset(), 5);
        scroll.apply(Action::PageDown);
        assert_eq!(scroll.offset(), 5);
        scroll.apply(Action::Top);
        assert_eq!(scroll.offset(), 0);
        scroll.apply(Action::Up);
        assert_eq!(scroll.offset(), 0);
    }

    #[test]
    fn text_that_shrank_is_drawn_from_its_new_end() {
        let mut scroll = drawn(30, 10);
        scroll.apply(Action::Bottom);
        scroll.record(Extent { max: 2, view: 10 });
        assert_eq!(scroll.offset(), 2);
        scroll.apply(Action::Up);
        assert_eq!(scroll.offset(), 1);
    }

    #[test]
    fn before_the_first_draw_keys_move_by_the_default_page() {
        let mut scroll = Scroll::default();
        scroll.apply(Action::PageDown);
        assert_eq!(scroll.offset(), UNMEASURED_PAGE);
        scroll.apply(Action::Down);
        assert_eq!(scroll.offset(), UNMEASURED_PAGE + 1);
        assert!(!scroll.apply(Action::Submit), "other keys are not scrolling");
        scroll.reset();
        assert_eq!(scroll.offset(), 0);
    }
}
