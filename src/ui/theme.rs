//! Colors and text styles in one place. The built-in themes are the TOML files in `assets/themes/`
//! (embedded at build time), chosen with `theme` in config.toml; `crate::cli::interactive` passes
//! [`NAMES`] to the settings parser, so an unknown name is a `config.toml:line:col` error. With `NO_COLOR`
//! set (any non-empty value), every theme loses its colours and keeps only bold, reverse and underline, so
//! the interface stays readable on any terminal.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// The built-in themes: name and file text.
const BUILT_IN: [(&str, &str); 4] = [
    ("default", include_str!("../../assets/themes/default.toml")),
    ("mono", include_str!("../../assets/themes/mono.toml")),
    ("light", include_str!("../../assets/themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../assets/themes/high-contrast.toml"),
    ),
];

/// The names `theme` in config.toml accepts.
pub const NAMES: [&str; 4] = [BUILT_IN[0].0, BUILT_IN[1].0, BUILT_IN[2].0, BUILT_IN[3].0];

/// The theme names `config.toml` may give, as the settings parser takes them.
pub const THEME_NAMES: &[&str] = &NAMES;

/// The styles every screen uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    text: Style,
    dim: Style,
    title: Style,
    selected: Style,
    highlight: Style,
    key: Style,
    good: Style,
    bad: Style,
    warn: Style,
    border: Style,
}

/// A theme file: one style per role; every role must be there, nothing else may.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    text: StyleSpec,
    dim: StyleSpec,
    title: StyleSpec,
    selected: StyleSpec,
    highlight: StyleSpec,
    key: StyleSpec,
    good: StyleSpec,
    bad: StyleSpec,
    warn: StyleSpec,
    border: StyleSpec,
}

/// One style as written: colours by name (`ratatui`'s names, `#rrggbb` or an index) and switches.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    bold: bool,
    italic: bool,
    underlined: bool,
    reversed: bool,
}

impl StyleSpec {
    fn style(&self) -> Result<Style, String> {
        let color = |name: &str| {
            name.parse::<Color>()
                .map_err(|_| format!("unknown colour `{name}`"))
        };
        let mut style = Style::new();
        if let Some(fg) = &self.fg {
            style = style.fg(color(fg)?);
        }
        if let Some(bg) = &self.bg {
            style = style.bg(color(bg)?);
        }
        for (on, modifier) in [
            (self.bold, Modifier::BOLD),
            (self.italic, Modifier::ITALIC),
            (self.underlined, Modifier::UNDERLINED),
            (self.reversed, Modifier::REVERSED),
        ] {
            if on {
                style = style.add_modifier(modifier);
            }
        }
        Ok(style)
    }
}

/// Parses a theme file's text.
fn parse(text: &str) -> Result<Theme, String> {
    let file: ThemeFile = toml::from_str(text).map_err(|e| e.to_string())?;
    Ok(Theme {
        text: file.text.style()?,
        dim: file.dim.style()?,
        title: file.title.style()?,
        selected: file.selected.style()?,
        highlight: file.highlight.style()?,
        key: file.key.style()?,
        good: file.good.style()?,
        bad: file.bad.style()?,
        warn: file.warn.style()?,
        border: file.border.style()?,
    })
}

/// Whether `NO_COLOR` asks for no colours (set and not empty, as no-color.org says).
fn no_color_in_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

impl Theme {
    /// The built-in theme called `name`, if there is one.
    pub fn named(name: &str) -> Option<Theme> {
        let (_, text) = BUILT_IN.iter().find(|(n, _)| *n == name)?;
        Some(parse(text).expect("built-in themes parse (tests/themes check each one)"))
    }

    /// The theme the settings name, without colours when `NO_COLOR` is set; `None` for an unknown name.
    pub fn configured(name: &str) -> Option<Theme> {
        Theme::configured_with(name, no_color_in_env())
    }

    /// The theme called `name`, without colours if `no_color`: `NO_COLOR` wins over any theme.
    pub fn configured_with(name: &str, no_color: bool) -> Option<Theme> {
        let theme = Theme::named(name)?;
        Some(if no_color { theme.without_color() } else { theme })
    }

    /// The default theme for this environment (`NO_COLOR` → monochrome).
    pub fn from_env() -> Theme {
        Theme::new(!no_color_in_env())
    }

    /// The default theme, with or without color (tests pick explicitly).
    pub fn new(color: bool) -> Theme {
        let theme = Theme::named("default").expect("the default theme exists");
        if color { theme } else { theme.without_color() }
    }

    /// The same theme with every foreground and background colour removed; modifiers stay.
    pub fn without_color(self) -> Theme {
        let strip = |s: Style| Style {
            fg: None,
            bg: None,
            ..s
        };
        Theme {
            text: strip(self.text),
            dim: strip(self.dim),
            title: strip(self.title),
            selected: strip(self.selected),
            highlight: strip(self.highlight),
            key: strip(self.key),
            good: strip(self.good),
            bad: strip(self.bad),
            warn: strip(self.warn),
            border: strip(self.border),
        }
    }

    /// Plain text.
    pub fn text(&self) -> Style {
        self.text
    }

    /// Secondary text (hints, counts).
    pub fn dim(&self) -> Style {
        self.dim
    }

    /// Titles and headers.
    pub fn title(&self) -> Style {
        self.title
    }

    /// The selected row.
    pub fn selected(&self) -> Style {
        self.selected
    }

    /// Scenario keywords and search matches.
    pub fn highlight(&self) -> Style {
        self.highlight
    }

    /// Keys in hints.
    pub fn key(&self) -> Style {
        self.key
    }

    /// Right answers.
    pub fn good(&self) -> Style {
        self.good
    }

    /// Wrong answers and errors.
    pub fn bad(&self) -> Style {
        self.bad
    }

    /// Warnings (flags, overdue, low time).
    pub fn warn(&self) -> Style {
        self.warn
    }

    /// Borders.
    pub fn border(&self) -> Style {
        self.border
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_theme_parses_and_differs_from_the_others() {
        let themes: Vec<Theme> = NAMES
            .iter()
            .map(|n| parse(BUILT_IN.iter().find(|(b, _)| b == n).unwrap().1).unwrap())
            .collect();
        for (i, a) in themes.iter().enumerate() {
            for b in &themes[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert!(Theme::named("neon").is_none());
    }

    #[test]
    fn mono_is_the_default_without_colour() {
        assert_eq!(Theme::named("mono"), Some(Theme::new(false)));
        assert_eq!(Theme::new(true).title().fg, Some(Color::Cyan));
        assert_eq!(Theme::new(false).title().fg, None);
        assert!(Theme::new(false).title().add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn without_color_keeps_modifiers_of_every_theme() {
        for name in NAMES {
            let plain = Theme::named(name).unwrap().without_color();
            for style in [
                plain.text(),
                plain.selected(),
                plain.highlight(),
                plain.border(),
                plain.dim(),
            ] {
                assert_eq!((style.fg, style.bg), (None, None), "{name}");
            }
            assert!(
                plain.selected().add_modifier.contains(Modifier::REVERSED),
                "{name}"
            );
        }
    }

    #[test]
    fn no_color_wins_over_the_configured_theme() {
        let contrast = Theme::configured_with("high-contrast", false).unwrap();
        assert_eq!(contrast.key().fg, Some(Color::LightYellow));
        let plain = Theme::configured_with("high-contrast", true).unwrap();
        assert_eq!(plain, contrast.without_color());
        assert_eq!(plain.key().fg, None);
        assert!(Theme::configured_with("neon", true).is_none());
    }

    #[test]
    fn theme_files_reject_unknown_roles_colours_and_missing_roles() {
        let default = BUILT_IN[0].1;
        assert!(
            parse(&format!("{default}\nsparkle = {{}}"))
                .unwrap_err()
                .contains("sparkle")
        );
        assert!(
            parse(&default.replace("\"cyan\"", "\"cyan-ish\""))
                .unwrap_err()
                .contains("cyan-ish")
        );
        assert!(parse(&default.replace("border = ", "borders = ")).is_err());
    }
}
