//! End-to-end: the real binary in a pseudo-terminal, read through a vt100 emulator. Every step waits for
//! text to appear on the emulated screen (with a generous deadline), never for a fixed sleep.

use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;

const DEADLINE: Duration = Duration::from_secs(20);

fn nz(n: u16) -> std::num::NonZero<u16> {
    std::num::NonZero::new(n).expect("terminal sizes are positive")
}

/// A running `recall` in a pty, with the screen as a vt100 terminal would show it.
pub struct Tty {
    session: expectrl::session::OsSession,
    parser: vt100::Parser,
    _data: tempfile::TempDir,
}

impl Tty {
    /// Starts `recall` with `args` in a `cols`×`rows` pty and an empty data directory.
    pub fn spawn(args: &[&str], cols: u16, rows: u16) -> Tty {
        let data = tempfile::tempdir().unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_recall"));
        cmd.args(args)
            .env("TERM", "xterm-256color")
            .env("RECALL_DATA_DIR", data.path())
            .env_remove("NO_COLOR");
        let mut session = Session::spawn(cmd).expect("spawn recall in a pty");
        session.get_process_mut().set_window_size(cols, rows).unwrap();
        Tty {
            session,
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            _data: data,
        }
    }

    fn pump(&mut self) -> bool {
        let mut buf = [0u8; 8192];
        match self.session.try_read(&mut buf) {
            Ok(0) => false,
            Ok(n) => {
                self.parser.process(&buf[..n]);
                true
            }
            Err(_) => false,
        }
    }

    /// The screen's text.
    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until `text` is on screen; panics with the screen after the deadline.
    pub fn wait_for(&mut self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if !self.pump() {
                if self.screen().contains(text) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
    }

    /// Sends raw bytes (keys).
    pub fn send(&mut self, bytes: &str) {
        self.session.write_all(bytes.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }

    /// Resizes the pty (the program gets SIGWINCH) and the emulator.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.session
            .get_process_mut()
            .set_window_size(cols, rows)
            .unwrap();
        self.parser.set_size(nz(rows), nz(cols));
    }

    /// Waits for the program to exit, reading its output meanwhile; returns whether it exited.
    pub fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            self.pump();
            if !self.session.get_process().is_alive().unwrap_or(false) {
                while self.pump() {}
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// Whether the emulated terminal is back on the main screen with a visible cursor.
    pub fn restored(&self) -> bool {
        !self.parser.screen().alternate_screen() && !self.parser.screen().hide_cursor()
    }
}

#[test]
fn open_browse_help_and_quit_leaves_the_terminal_restored() {
    let mut tty = Tty::spawn(&[], 100, 30);
    tty.wait_for("Topics");
    assert!(
        tty.parser.screen().alternate_screen(),
        "the interface uses the alternate screen"
    );
    tty.send("\x1b[B\r"); // Down, Enter: open the second topic
    tty.wait_for("Browse › AWS Lambda");
    tty.send("\x1b[D"); // Left: the Scenarios tab
    tty.wait_for("Press a to show the answer.");
    tty.send("a");
    tty.wait_for("✓");
    tty.send("?");
    tty.wait_for("Keys (Esc closes)");
    tty.send("\x1b");
    tty.send("q");
    assert!(tty.wait_exit(), "recall did not exit on q");
    assert!(tty.restored(), "terminal not restored:\n{}", tty.screen());
}

#[test]
fn resize_redraws_and_ctrl_c_restores_the_terminal() {
    let mut tty = Tty::spawn(&[], 100, 30);
    tty.wait_for("Topics");
    tty.resize(30, 8);
    tty.wait_for("make the window larger");
    tty.resize(90, 25);
    tty.wait_for("Amazon Cognito");
    tty.send("\x03"); // Ctrl-C
    assert!(tty.wait_exit(), "recall did not exit on Ctrl-C");
    assert!(tty.restored(), "terminal not restored:\n{}", tty.screen());
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut tty = Tty::spawn(&["browse", "dynamodb"], 80, 24);
    tty.wait_for("Amazon DynamoDB");
    let pid = tty.session.get_process().pid().to_string();
    let status = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(status.success());
    assert!(tty.wait_exit(), "recall did not exit on SIGTERM");
    assert!(tty.restored(), "terminal not restored:\n{}", tty.screen());
}
