//! The terminal and the effect runner: raw mode and the alternate screen on the way in, and a restored
//! terminal on every way out — quit, Ctrl-C, SIGTERM, SIGHUP, SIGINT, SIGQUIT and every other signal that
//! would end the process ([`ENDING_SIGNALS`]; then exit status 128 + the signal, as a shell expects), a panic
//! (its message printed after restore) — plus Ctrl-Z suspend/resume and redraw on resize.

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
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

    /// A message from work running in the background (the search worker), if one is waiting.
    fn poll(&mut self) -> Option<Msg> {
        None
    }

    /// Whether background work owes a message: the loop then checks often instead of sleeping on input.
    fn busy(&self) -> bool {
        false
    }
}

/// How long the loop waits for input while background work owes a message (it checks in between).
const BUSY_POLL: Duration = Duration::from_millis(8);
/// How long it waits when idle (the clock ticks at least this often).
const IDLE_POLL: Duration = Duration::from_millis(250);

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

/// How the interface ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The learner quit.
    Quit,
    /// A termination signal (its number) stopped it; the shell expects exit status 128 + the number.
    Signal(i32),
}

impl Ended {
    /// The process exit status: 0 after quitting, 128 + the signal's number after a signal (143 for
    /// SIGTERM, 129 for SIGHUP, 130 for SIGINT, 131 for SIGQUIT), as a shell reports a killed program.
    pub fn exit_status(self) -> u8 {
        match self {
            Ended::Quit => 0,
            Ended::Signal(n) => u8::try_from(128 + n).unwrap_or(1),
        }
    }
}

/// The signals that end the interface (after restoring the terminal and saving an open exam's time)
/// instead of killing it raw: every signal whose default action ends the process and that can be
/// caught, except the faults a program raises on itself (SIGSEGV, SIGBUS…), SIGABRT (a panic's abort) and
/// SIGPIPE (which Rust ignores). SIGXFSZ is caught too: a write past the file size limit then fails (the
/// grade is NOT SAVED) instead of killing the interface mid-frame.
const ENDING_SIGNALS: &[i32] = &[
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGUSR1,
    signal_hook::consts::SIGUSR2,
    signal_hook::consts::SIGALRM,
    signal_hook::consts::SIGVTALRM,
    signal_hook::consts::SIGPROF,
    signal_hook::consts::SIGXCPU,
    signal_hook::consts::SIGXFSZ,
    // Ignored by default elsewhere; on Linux (SIGPOLL) it ends the process.
    #[cfg(target_os = "linux")]
    signal_hook::consts::SIGIO,
];

/// Runs the interface until the app quits or a termination signal arrives.
pub fn run(mut app: App, runner: &mut dyn EffectRunner) -> io::Result<Ended> {
    let signal = Arc::new(AtomicUsize::new(0));
    for &number in ENDING_SIGNALS {
        signal_hook::flag::register_usize(number, Arc::clone(&signal), number as usize)?;
    }
    install_panic_hook();
    let mut term = enter()?;
    let result = event_loop(&mut app, &mut term, runner, &signal);
    // A terminal that failed (closed window, I/O error) still gets a clean exit: an open exam writes its
    // time used, as on any other way out.
    if result.is_err() && !app.is_quitting() {
        dispatch(&mut app, runner, Msg::Interrupt);
    }
    restore();
    result?;
    Ok(match signal.load(Ordering::Relaxed) {
        0 => Ended::Quit,
        n => Ended::Signal(i32::try_from(n).unwrap_or(signal_hook::consts::SIGTERM)),
    })
}

/// Draws only when something may have changed: after input, a resize or a resume, and after a tick only
/// if the clock changed what the screen shows. An idle interface neither redraws nor renders (~0 % CPU).
fn event_loop(
    app: &mut App,
    term: &mut Term,
    runner: &mut dyn EffectRunner,
    signal: &AtomicUsize,
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
        if !io::stdin().is_terminal() {
            // A hung-up terminal is a hangup, whether or not the signal came.
            let _ = signal.compare_exchange(
                0,
                signal_hook::consts::SIGHUP as usize,
                Ordering::Relaxed,
                Ordering::Relaxed,
            );
        }
        if signal.load(Ordering::Relaxed) != 0 {
            dispatch(app, runner, Msg::Interrupt);
            dirty = true;
            continue;
        }
        // Search results from the worker change the screen too.
        let mut answered = false;
        while let Some(msg) = runner.poll() {
            dispatch(app, runner, msg);
            answered = true;
        }
        let wait = if runner.busy() { BUSY_POLL } else { IDLE_POLL };
        let input = event::poll(wait)?;
        let shown = app.clock_view();
        dispatch(app, runner, Msg::Tick(crate::io::clock::now()));
        dirty = answered || app.clock_view() != shown;
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
