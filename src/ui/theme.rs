//! Colors and text styles in one place. With `NO_COLOR` set (any value), only bold, reverse and underline
//! are used, so the interface stays readable on any terminal.

use ratatui::style::{Color, Modifier, Style};

/// The theme names `config.toml` may give (`mono` is the colourless one).
pub const THEME_NAMES: &[&str] = &["default", "mono"];

/// The styles every screen uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// The theme for this environment (`NO_COLOR` → monochrome).
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    /// A theme with or without color (tests pick explicitly).
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// Plain text.
    pub fn text(&self) -> Style {
        Style::new()
    }

    /// Secondary text (hints, counts).
    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    /// Titles and headers.
    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// The selected row.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Scenario keywords and search matches.
    pub fn highlight(&self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// Keys in hints.
    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// Right answers.
    pub fn good(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    /// Wrong answers and errors.
    pub fn bad(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// Warnings (flags, overdue, low time).
    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow)
    }

    /// Borders.
    pub fn border(&self) -> Style {
        self.fg(Color::DarkGray)
    }
}
