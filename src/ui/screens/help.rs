//! The help overlay: every key of the screen underneath, read from the same table that drives input.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Shared;
use crate::text;
use crate::ui::keymap::{self, Context};
use crate::ui::msg::Action;
use crate::ui::widgets::rich;
use crate::ui::widgets::scroll::{Extent, Scroll};

/// Help overlay state: whose keys, and how far scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpState {
    /// The context whose bindings are listed.
    pub context: Context,
    /// How far the list is scrolled.
    pub scroll: Scroll,
}

impl HelpState {
    /// Help for the screen in `context`.
    pub fn new(context: Context) -> HelpState {
        HelpState {
            context,
            scroll: Scroll::default(),
        }
    }

    /// Scrolls with the navigation keys.
    pub fn scroll(&mut self, action: Action) {
        self.scroll.apply(action);
    }

    /// The lines of the overlay: one per binding with a key that works on the screen underneath.
    pub fn lines(&self, shared: &Shared) -> Vec<Line<'static>> {
        keymap::bindings_for(self.context)
            .filter_map(|b| {
                let keys = b.keys_text(self.context, &shared.keys)?;
                Some(Line::from(vec![
                    Span::styled(format!("{keys:>12}  "), shared.theme.key()),
                    Span::raw(b.help_label(shared.lang)),
                ]))
            })
            .collect()
    }

    /// Draws the overlay centered over `area`.
    pub fn render(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        let width = area.width.min(48);
        // A label too long for the box wraps under itself, after the keys column.
        let lines = rich::wrap_lines(&self.lines(shared), width.saturating_sub(2));
        let height = area.height.min(lines.len() as u16 + 2);
        let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
        let title = text::of(shared.lang).common().help_title;
        let view = height.saturating_sub(2);
        self.scroll.record(Extent::of(lines.len() as u16, view));
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(shared.theme.title())
            .title(rich::box_title(title, popup.width));
        // Clear one column more on each side: a wide (Korean) character straddling the popup's edge would
        // otherwise be drawn over its border.
        let halo = Rect {
            x: popup.x.saturating_sub(1),
            width: (popup.width + 2).min(area.right() - popup.x.saturating_sub(1)),
            ..popup
        };
        frame.render_widget(Clear, halo);
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .scroll((self.scroll.offset(), 0)),
            popup,
        );
    }
}
