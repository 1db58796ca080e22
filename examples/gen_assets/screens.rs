//! Pictures of the screens: the real renderer draws each screen into ratatui's `TestBackend` at 80×24 with
//! the default theme, and the buffer becomes an SVG (one `<text>` per run of same-styled cells, stretched
//! to its cells so Hangul stays aligned; background rectangles for coloured and reversed cells).
//! Shared by the `gen_assets` example (which writes `assets/screens/`) and `tests/assets.rs`.

use std::fmt::Write as _;
use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};
use recall::core::content::{self, Deck, Lang};
use recall::core::progress::{Event, EventKind, Progress, Rating};
use recall::core::srs::{DayClock, Scheduler};
use recall::io::deck::bundled_files;
use recall::ui::app::App;
use recall::ui::msg::{Action, Msg};
use recall::ui::screens::Screen;
use recall::ui::shared::Setup;
use recall::ui::theme::Theme;
use recall::ui::view::view;

const WIDTH: u16 = 80;
const HEIGHT: u16 = 24;
/// Cell size in pixels: a 14 px monospace font is about 8.4 px wide.
const CELL_W: f32 = 8.4;
const CELL_H: f32 = 18.0;
const BACKGROUND: &str = "#1e1e2e";
const FOREGROUND: &str = "#d4d4d4";

/// One picture: file name stem and the actions (or typed text) that lead to the screen from home.
struct Shot {
    name: &'static str,
    actions: &'static [Action],
    typed: &'static str,
    /// Then answer the quiz question on screen with its right choices (however many it asks for).
    answer: bool,
}

const SHOTS: [Shot; 8] = {
    use Action::*;
    [
        Shot {
            name: "home",
            actions: &[],
            typed: "",
            answer: false,
        },
        Shot {
            name: "browse",
            actions: &[Down, Down, Open, Right, Right],
            typed: "",
            answer: false,
        },
        Shot {
            name: "search",
            actions: &[Search],
            typed: "pitr",
            answer: false,
        },
        Shot {
            name: "study",
            actions: &[Study, Reveal],
            typed: "",
            answer: false,
        },
        Shot {
            name: "quiz",
            actions: &[Quiz],
            typed: "",
            answer: true,
        },
        Shot {
            name: "exam",
            actions: &[Exam, Choose(2), Flag, Right],
            typed: "",
            answer: false,
        },
        Shot {
            name: "exam-result",
            actions: &[Exam, Choose(1), Submit, Open],
            typed: "",
            answer: false,
        },
        Shot {
            name: "stats",
            actions: &[Stats],
            typed: "",
            answer: false,
        },
    ]
};

/// Every picture: its path relative to the repository root, and its bytes.
pub fn screen_assets() -> Vec<(String, Vec<u8>)> {
    let deck = Arc::new(content::load(&bundled_files().0).deck);
    let progress = learner(&deck);
    let mut files = Vec::new();
    for lang in Lang::ALL {
        for shot in &SHOTS {
            let mut app = App::new(Setup {
                theme: Theme::new(true),
                progress: progress.clone(),
                ..Setup::new(Arc::clone(&deck), lang, now())
            });
            for action in shot.actions {
                app.update(Msg::Action(*action));
            }
            for c in shot.typed.chars() {
                app.update(Msg::Input(c));
            }
            if shot.answer {
                answer_quiz(&mut app);
            }
            let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test backend");
            terminal.draw(|f| view(&app, f)).expect("drawing to memory");
            let title = format!("recall: {} ({})", shot.name, lang.code());
            let svg = svg(terminal.backend().buffer(), &title);
            files.push((
                format!("assets/screens/{}-{}.svg", shot.name, lang.code()),
                svg.into_bytes(),
            ));
        }
    }
    files
}

/// Picks the right choices of the quiz question on screen and answers.
fn answer_quiz(app: &mut App) {
    let right = match app.screen() {
        Screen::Quiz(quiz) => quiz.session.current().map(|q| q.correct_indices()),
        _ => None,
    }
    .expect("a quiz question on screen");
    for choice in right {
        let number = u8::try_from(choice + 1).expect("a question has at most six choices");
        app.update(Msg::Action(Action::Choose(number)));
    }
    app.update(Msg::Action(Action::Submit));
}

fn now() -> Timestamp {
    "2026-11-26T12:00:00Z".parse().expect("a valid timestamp")
}

/// Five weeks of daily study (up to 8 new cards a day, one grade in ten Again) and two mock exams, so
/// home, study and stats show a learner's numbers rather than an empty log.
fn learner(deck: &Deck) -> Progress {
    let scheduler = Scheduler::new(&[], 0.9, DayClock::utc_midnight()).expect("default scheduler");
    let cards: Vec<String> = deck.cards().map(|(id, _)| id).collect();
    let mut progress = Progress::new();
    let mut n = 0u64;
    let start = now() - SignedDuration::from_hours(24 * 35);
    for day in 0..35i64 {
        let mut at = start + SignedDuration::from_hours(24 * day);
        let mut new_today = 0;
        for (i, id) in cards.iter().enumerate() {
            let state = progress.state(id);
            if !(state.is_due_by(at) || (state.is_new() && new_today < 8)) {
                continue;
            }
            new_today += usize::from(state.is_new());
            let rating = match (day as usize * 7 + i * 3) % 10 {
                0 => Rating::Again,
                1 => Rating::Hard,
                9 => Rating::Easy,
                _ => Rating::Good,
            };
            at += SignedDuration::from_secs(25);
            n += 1;
            let kind = EventKind::Review {
                card: id.clone(),
                rating,
                duration_ms: 9_000,
                cram: false,
            };
            progress.apply(Event::new(format!("e{n:06}"), at, kind), &scheduler);
        }
    }
    for (k, (correct, day)) in [(38usize, 20i64), (49, 33)].into_iter().enumerate() {
        n += 1;
        let kind = EventKind::ExamFinished {
            exam: format!("exam-{k}"),
            correct,
            total: 65,
            scaled: recall::core::quiz::scaled_score(correct, 65),
            used_s: 4_800,
            timed_out: false,
        };
        let at = start + SignedDuration::from_hours(24 * day);
        progress.apply(Event::new(format!("e{n:06}"), at, kind), &scheduler);
    }
    progress
}

/// A colour as `#rrggbb`: the 16 ANSI colours in a common dark palette, `default` for `Reset`.
fn hex(color: Color, default: &str) -> String {
    let named = match color {
        Color::Reset => return default.to_string(),
        Color::Black => "#1e1e2e",
        Color::Red => "#e05561",
        Color::Green => "#8cc265",
        Color::Yellow => "#d8a657",
        Color::Blue => "#4aa5f0",
        Color::Magenta => "#c162de",
        Color::Cyan => "#42b3c2",
        Color::Gray => "#d4d4d4",
        Color::DarkGray => "#6c7086",
        Color::LightRed => "#ff7a85",
        Color::LightGreen => "#a5e075",
        Color::LightYellow => "#f0c674",
        Color::LightBlue => "#6cb6ff",
        Color::LightMagenta => "#de73ff",
        Color::LightCyan => "#4cd1e0",
        Color::White => "#ffffff",
        Color::Rgb(r, g, b) => return format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(i) => return format!("#{i:02x}{i:02x}{i:02x}"),
    };
    named.to_string()
}

/// The visible style of a cell, after reverse video.
#[derive(PartialEq)]
struct Look {
    fg: String,
    bg: Option<String>,
    bold: bool,
    underlined: bool,
}

fn look(cell: &Cell) -> Look {
    let fg = hex(cell.fg, FOREGROUND);
    let bg = (cell.bg != Color::Reset).then(|| hex(cell.bg, BACKGROUND));
    let (fg, bg) = if cell.modifier.contains(Modifier::REVERSED) {
        (bg.unwrap_or_else(|| BACKGROUND.to_string()), Some(fg))
    } else {
        (fg, bg)
    };
    Look {
        fg,
        bg,
        bold: cell.modifier.contains(Modifier::BOLD),
        underlined: cell.modifier.contains(Modifier::UNDERLINED),
    }
}

/// Escapes text for XML.
fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The buffer as an SVG document.
fn svg(buffer: &Buffer, title: &str) -> String {
    let (w, h) = (
        f32::from(buffer.area.width) * CELL_W,
        f32::from(buffer.area.height) * CELL_H,
    );
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.1} {h:.1}\" \
         font-family=\"'DejaVu Sans Mono', 'D2Coding', 'Noto Sans Mono CJK KR', monospace\" font-size=\"14\">"
    );
    let _ = writeln!(out, "<title>{}</title>", xml(title));
    let _ = writeln!(
        out,
        "<rect width=\"100%\" height=\"100%\" fill=\"{BACKGROUND}\"/>"
    );
    let mut texts = String::new();
    for y in 0..buffer.area.height {
        let mut x = 0;
        while x < buffer.area.width {
            let style = look(&buffer[(x, y)]);
            let (mut end, mut text) = (x, String::new());
            while end < buffer.area.width && look(&buffer[(end, y)]) == style {
                let symbol = buffer[(end, y)].symbol();
                text.push_str(symbol);
                let width = unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
                end += width;
            }
            let (left, cells) = (f32::from(x) * CELL_W, f32::from(end - x) * CELL_W);
            let top = f32::from(y) * CELL_H;
            if let Some(bg) = &style.bg {
                let _ = writeln!(
                    out,
                    "<rect x=\"{left:.1}\" y=\"{top:.1}\" width=\"{cells:.1}\" height=\"{CELL_H:.1}\" fill=\"{bg}\"/>"
                );
            }
            if !text.trim().is_empty() {
                let weight = if style.bold { " font-weight=\"bold\"" } else { "" };
                let underline = if style.underlined {
                    " text-decoration=\"underline\""
                } else {
                    ""
                };
                let _ = writeln!(
                    texts,
                    "<text x=\"{left:.1}\" y=\"{:.1}\" fill=\"{}\"{weight}{underline} textLength=\"{cells:.1}\" \
                     lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\">{}</text>",
                    top + CELL_H * 0.75,
                    style.fg,
                    xml(&text)
                );
            }
            x = end;
        }
    }
    out.push_str(&texts);
    out.push_str("</svg>\n");
    out
}
