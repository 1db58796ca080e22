//! The frame around every screen: a title bar, the body, a status line and the key hints; and the
//! "make the window larger" notice for terminals too small to lay out.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Look;
use crate::core::content::Lang;
use crate::core::untrusted::for_terminal;
use crate::ui::keymap::{self, Context, Hint};
use crate::ui::widgets::rich;

/// The smallest terminal the layout works in.
pub const MIN_WIDTH: u16 = 40;
/// The smallest terminal the layout works in.
pub const MIN_HEIGHT: u16 = 10;

/// Whether `area` is too small for the layout.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Draws the notice shown instead of the interface when the terminal is too small (works down to 1×1).
pub fn render_too_small(frame: &mut Frame, lang: Lang) {
    let area = frame.area();
    let message = (crate::text::of(lang).common().too_small)(MIN_WIDTH, MIN_HEIGHT, area.width, area.height);
    // Wrapped and clipped by display width here: at 1 or 2 columns a Korean character may not fit at all.
    let lines: Vec<Line> = rich::wrap_lines(&[Line::raw(message)], area.width)
        .into_iter()
        .take(usize::from(area.height))
        .map(|l| rich::clip(l, area.width))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// What the footer lists: the keys of a context, and how many choices the question on screen offers.
#[derive(Debug, Clone, Copy)]
pub struct Footer {
    /// The key context.
    pub context: Context,
    /// The choices of the question waiting for one, if any.
    pub choices: Option<usize>,
}

/// Splits the frame into title, body, status and hints, draws the chrome, and returns the body area.
pub fn render_frame(
    frame: &mut Frame,
    title: &str,
    footer: Footer,
    status: Option<&str>,
    look: Look<'_>,
) -> Rect {
    let (lang, theme) = (look.lang, look.theme);
    let hints = hint_line(footer, look, frame.area().width);
    let hint_height = 1;
    // The status line is never cut: a long message (a NOT SAVED reason with a path) wraps, taking rows
    // from the body, which keeps at least one.
    let status_lines = status.map_or_else(Vec::new, |s| {
        // Notices quote log lines, file names and settings: untrusted, so escaped like every message.
        let text = for_terminal(s).into_owned();
        rich::wrap_lines(&[Line::styled(text, theme.warn())], frame.area().width)
    });
    let status_height = (status_lines.len() as u16).min(frame.area().height.saturating_sub(3));
    let [top, body, status_area, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(status_height),
        Constraint::Length(hint_height),
    ])
    .areas(frame.area());
    let lang_tag = crate::text::of(lang).common().lang_tag;
    let (name, bar, tag) = (" recall ", "│ ", format!("  [{lang_tag}]"));
    // A long breadcrumb (a topic title in Korean at 40 columns) is cut with `…`; the language tag stays.
    let room = usize::from(frame.area().width)
        .saturating_sub(rich::display_width(name) + rich::display_width(bar) + rich::display_width(&tag));
    let title_line = Line::from(vec![
        Span::styled(name, theme.title()),
        Span::styled(bar, theme.border()),
        Span::styled(rich::truncate(title, room), theme.text()),
        Span::styled(tag, theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(title_line), top);
    if !status_lines.is_empty() {
        frame.render_widget(Paragraph::new(status_lines), status_area);
    }
    frame.render_widget(Paragraph::new(hints), bottom);
    body
}

/// The key hints that fit in `width`, in table order. Help is kept first, so every screen says how to learn
/// its keys — except in an exam, whose own keys (choose, flag, review, submit) come first: a footer without
/// `S submit` hides how to finish, and Korean labels are wider, so a narrow Korean exam met this first.
/// Then the screen's own keys take the room, and the keys that work everywhere (language, back, quit) drop
/// first when the footer is narrow.
fn hint_line(footer: Footer, look: Look<'_>, width: u16) -> Line<'static> {
    let (lang, theme, overrides) = (look.lang, look.theme, look.keys);
    let hints = keymap::hints(footer.context, lang, overrides, footer.choices);
    let is_help = |h: &Hint| h.help;
    let piece_width = |h: &Hint| h.keys.width() + h.label.width() + 3;
    let mut room = usize::from(width);
    let mut shown = vec![false; hints.len()];
    let is_own = |h: &Hint| h.own;
    let passes: [&dyn Fn(&Hint) -> bool; 3] = if footer.context == Context::Exam {
        [&is_own, &is_help, &|_: &Hint| true]
    } else {
        [&is_help, &is_own, &|_: &Hint| true]
    };
    for pass in passes {
        for (i, hint) in hints.iter().enumerate() {
            if !shown[i] && pass(hint) && piece_width(hint) <= room {
                shown[i] = true;
                room -= piece_width(hint);
            }
        }
    }
    let mut spans = Vec::new();
    let ordered = hints
        .iter()
        .zip(&shown)
        .filter(|(h, s)| **s && !is_help(h))
        .chain(hints.iter().zip(&shown).filter(|(h, s)| **s && is_help(h)));
    for (hint, _) in ordered {
        spans.push(Span::styled(hint.keys.clone(), theme.key()));
        spans.push(Span::styled(format!(" {}  ", hint.label), theme.dim()));
    }
    Line::from(spans)
}
