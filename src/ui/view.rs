//! Rendering: reads the [`App`] and draws it. Never changes state.

use ratatui::Frame;

use super::app::App;
use super::widgets::{chrome, links};

/// Draws the whole interface for the current state.
pub fn view(app: &App, frame: &mut Frame) {
    let shared = app.shared();
    if chrome::too_small(frame.area()) {
        chrome::render_too_small(frame, shared.lang);
        return;
    }
    let screen = app.screen();
    let footer = chrome::Footer {
        context: app.context(),
        choices: app.choices_shown(),
    };
    let body = chrome::render_frame(frame, &screen.title(shared), footer, app.status(), shared.look());
    screen.render(frame, body, shared);
    if let Some(help) = app.help() {
        help.render(frame, body, shared);
    }
    if shared.links {
        links::linkify(frame.buffer_mut(), shared.source_urls());
    }
}
