//! The terminal and the effect runner: raw mode and the alternate screen on the way in, and a restored
//! terminal on every way out — quit, Ctrl-C, SIGTERM/SIGHUP, a panic (its message printed after restore) —
//! plus Ctrl-Z suspend/resume and redraw on resize.

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event as TermEvent, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::app::{App, Effect};
use super::msg::Msg;
use super::{keymap, view};

/// Performs effects for the app (progress log, config) and reports results back as messages.
pub trait EffectRunner {
    /// Performs one effect other than quitting; returns a message for `update`, if any.
    fn run(&mut self, effect: Effect) -> Option<Msg>;
}

type Term = Terminal<CrosstermBackend<Stdout>>;

/// Puts the terminal into raw mode + alternate screen.
fn enter() -> io::Result<Term> {
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, cursor::Hide)?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// Restores the terminal; safe to call more than once and from the panic hook.
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen, cursor::Show);
    let _ = io::stdout().flush();
}

/// Restores the terminal before the default panic message is printed, so it is readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Runs the interface until the app quits or a termination signal arrives.
pub fn run(mut app: App, runner: &mut dyn EffectRunner) -> io::Result<()> {
    let interrupted = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&interrupted))?;
    }
    install_panic_hook();
    let mut term = enter()?;
    let result = event_loop(&mut app, &mut term, runner, &interrupted);
    restore();
    result
}

/// How long to wait for input before a tick (an exam's countdown shows seconds).
const TICK: Duration = Duration::from_millis(250);

/// Draws only when something may have changed: after input, a resize or a resume, and after a tick only
/// if the clock changed what the screen shows. An idle interface neither redraws nor renders (~0 % CPU).
fn event_loop(
    app: &mut App,
    term: &mut Term,
    runner: &mut dyn EffectRunner,
    interrupted: &AtomicBool,
) -> io::Result<()> {
    // Start crossterm's input reader (and its SIGWINCH handler) before the first frame, so a resize right
    // after it is not missed now that nothing is redrawn without a reason.
    event::poll(Duration::ZERO)?;
    let size = term.size()?;
    dispatch(app, runner, Msg::Resize(size.width, size.height));
    let mut dirty = true;
    loop {
        if dirty {
            term.draw(|frame| view::view(app, frame))?;
        }
        if app.is_quitting() {
            return Ok(());
        }
        // A closed terminal (window closed, ssh dropped) does not always deliver SIGHUP to us, and reading a
        // hung-up tty just returns end-of-file forever: notice that the terminal is gone and leave.
        if interrupted.load(Ordering::Relaxed) || !io::stdin().is_terminal() {
            dispatch(app, runner, Msg::Interrupt);
            dirty = true;
            continue;
        }
        let input = event::poll(TICK)?;
        let shown = app.clock_view();
        dispatch(app, runner, Msg::Tick(jiff::Timestamp::now()));
        dirty = app.clock_view() != shown;
        if !input {
            // A missed resize signal would otherwise leave a stale frame until the next key.
            let size = term.size()?;
            if (size.width, size.height) != app.size() {
                term.autoresize()?;
                dispatch(app, runner, Msg::Resize(size.width, size.height));
                dirty = true;
            }
            continue;
        }
        match event::read()? {
            TermEvent::Key(key) if key.kind != KeyEventKind::Release => {
                let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
                if ctrl && key.code == KeyCode::Char('z') {
                    suspend(term)?;
                    dirty = true;
                    continue;
                }
                if let Some(msg) = keymap::translate(app.context(), key, &app.shared().keys) {
                    dispatch(app, runner, msg);
                    dirty = true;
                }
            }
            TermEvent::Resize(w, h) => {
                term.autoresize()?;
                dispatch(app, runner, Msg::Resize(w, h));
                dirty = true;
            }
            _ => {}
        }
    }
}

/// Feeds a message to the app and performs the resulting effects, feeding their results back.
fn dispatch(app: &mut App, runner: &mut dyn EffectRunner, msg: Msg) {
    let mut queue = vec![msg];
    while let Some(msg) = queue.pop() {
        for effect in app.update(msg) {
            if effect == Effect::Quit {
                continue;
            }
            if let Some(result) = runner.run(effect) {
                queue.push(result);
            }
        }
    }
}

/// Ctrl-Z: give the shell a normal terminal, stop, and come back to a redrawn screen on `fg`.
fn suspend(term: &mut Term) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, cursor::Hide)?;
    term.clear()
}
