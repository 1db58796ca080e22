//! Helpers shared by the screen tests: a rendered buffer as text, and the border check that guards wide
//! (Korean) characters.

use ratatui::buffer::Buffer;

/// The buffer's text, one line per row; a wide character is written once, not once per cell.
pub fn text_of(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// Every row whose first cell is a vertical border ends with one: wide characters must not push or
/// overwrite the right border.
pub fn assert_borders_intact(buffer: &Buffer) {
    let last = buffer.area.width - 1;
    for y in 0..buffer.area.height {
        if buffer[(0, y)].symbol() == "│" {
            assert_eq!(
                buffer[(last, y)].symbol(),
                "│",
                "row {y} lost its right border:\n{}",
                text_of(buffer)
            );
        }
    }
}
