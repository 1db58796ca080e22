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
    _data: Option<tempfile::TempDir>,
}

impl Tty {
    /// Starts `recall` with `args` in a `cols`×`rows` pty and an empty data directory.
    pub fn spawn(args: &[&str], cols: u16, rows: u16) -> Tty {
        let data = tempfile::tempdir().unwrap();
        let mut tty = Tty::spawn_in(args, cols, rows, data.path());
        tty._data = Some(data);
        tty
    }

    /// Starts `recall` with `args` on the data directory `data` (to restart on the same progress).
    pub fn spawn_in(args: &[&str], cols: u16, rows: u16, data: &std::path::Path) -> Tty {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_recall"));
        cmd.args(args)
            .env("TERM", "xterm-256color")
            .env("RECALL_DATA_DIR", data)
            .env_remove("NO_COLOR");
        let mut session = Session::spawn(cmd).expect("spawn recall in a pty");
        session.get_process_mut().set_window_size(cols, rows).unwrap();
        Tty {
            session,
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            _data: None,
        }
    }

    /// Kills the process with SIGKILL: no chance to clean up or flush anything.
    pub fn kill9(&mut self) {
        let pid = self.session.get_process().pid().to_string();
        assert!(
            Command::new("kill")
                .args(["-KILL", &pid])
                .status()
                .unwrap()
                .success()
        );
        assert!(self.wait_exit(), "recall survived SIGKILL");
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
    tty.send("/");
    tty.wait_for("Type to search");
    tty.send("ㅍㅇㅌ"); // initial consonants of 포인트 (point-in-time)
    tty.wait_for("results");
    tty.send("\x7f\x7f\x7f"); // Backspace ×3 clears the query
    tty.wait_for("Type to search");
    tty.send("pitr window");
    tty.wait_for("results");
    tty.send("\r");
    tty.wait_for("Browse › Amazon DynamoDB");
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

/// Every `review` event in the data directory's logs, as (card, rating) pairs in file order.
fn logged_reviews(data: &std::path::Path) -> Vec<(String, String)> {
    let mut reviews = Vec::new();
    for entry in std::fs::read_dir(data).unwrap() {
        let path = entry.unwrap().path();
        if !path.file_name().unwrap().to_string_lossy().starts_with("events-") {
            continue;
        }
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("every line is whole JSON");
            if v["type"] == "review" {
                reviews.push((
                    v["card"].as_str().unwrap().to_string(),
                    v["rating"].as_str().unwrap().to_string(),
                ));
            }
        }
    }
    reviews
}

#[test]
fn study_ten_cards_kill_9_and_every_confirmed_grade_is_there() {
    let data = tempfile::tempdir().unwrap();
    let mut tty = Tty::spawn_in(&["study", "--topic", "lambda"], 100, 30, data.path());
    tty.wait_for("Space: show answer");
    for i in 0..10 {
        tty.wait_for("Space: show answer");
        tty.send(" ");
        tty.wait_for("1 Again");
        // Good, except a few Hard: the remaining-new count in the title must move for each grade.
        tty.send(if i % 3 == 0 { "2" } else { "3" });
        // The next card (or the same card back from learning) is shown only after the grade is on disk.
        tty.wait_for("Space: show answer");
    }
    assert_eq!(
        logged_reviews(data.path()).len(),
        10,
        "all ten grades confirmed on screen are on disk"
    );
    tty.kill9();
    let mut again = Tty::spawn_in(&[], 100, 30, data.path());
    again.wait_for("Topics");
    let reviews = logged_reviews(data.path());
    assert_eq!(reviews.len(), 10, "nothing was lost or duplicated by the kill");
    assert!(reviews.iter().all(|(card, _)| card.starts_with("lambda/")));
    // The home screen replays the log: AWS Lambda shows progress.
    again.wait_for("AWS Lambda");
    assert!(
        !again
            .screen()
            .contains("AWS Lambda                                 due   0 · new 20"),
        "{}",
        again.screen()
    );
    again.send("q");
    assert!(again.wait_exit());
}

#[test]
fn sit_a_five_question_exam_flag_one_submit_and_read_the_score() {
    let mut tty = Tty::spawn(
        &["exam", "--questions", "5", "--minutes", "10", "--seed", "1"],
        100,
        30,
    );
    tty.wait_for("1/5");
    tty.send("1");
    tty.wait_for("[x] 1.");
    tty.send("f");
    tty.wait_for("flagged for review");
    for n in 2..=5 {
        tty.send("\x1b[C"); // Right
        tty.wait_for(&format!("{n}/5"));
        tty.send("2");
        tty.wait_for("[x] 2.");
    }
    tty.send("r");
    tty.wait_for("Review");
    assert!(tty.screen().contains("⚑"), "the flag is in the review list");
    tty.send("S");
    tty.wait_for("Submit the exam now?");
    tty.send("\r");
    tty.wait_for("/ 1000");
    let screen = tty.screen();
    assert!(screen.contains("pass mark 720"), "{screen}");
    assert!(screen.contains(" of 5 right"), "{screen}");
    tty.send("q");
    assert!(tty.wait_exit());
}

#[test]
fn an_exam_killed_mid_way_resumes_with_its_answers() {
    let data = tempfile::tempdir().unwrap();
    let mut tty = Tty::spawn_in(
        &["exam", "--questions", "5", "--minutes", "30", "--seed", "3"],
        100,
        30,
        data.path(),
    );
    tty.wait_for("1/5");
    tty.send("1");
    tty.wait_for("[x] 1.");
    tty.send("\x1b[C");
    tty.wait_for("2/5");
    tty.send("2");
    tty.wait_for("[x] 2.");
    tty.kill9();
    let mut again = Tty::spawn_in(&[], 100, 30, data.path());
    again.wait_for("continue the interrupted exam");
    again.send("c");
    again.wait_for("2/5");
    assert!(again.screen().contains("2 answered"), "{}", again.screen());
    assert!(
        again.screen().contains("[x] 2."),
        "the last answer is back:\n{}",
        again.screen()
    );
    // An open exam asks before leaving; y confirms (the exam is kept).
    again.send("q");
    again.wait_for("Quit recall?");
    again.send("y");
    assert!(again.wait_exit());
}

#[test]
fn sighup_restores_the_terminal() {
    let mut tty = Tty::spawn(&[], 80, 24);
    tty.wait_for("Topics");
    let pid = tty.session.get_process().pid().to_string();
    assert!(
        Command::new("kill")
            .args(["-HUP", &pid])
            .status()
            .unwrap()
            .success()
    );
    assert!(tty.wait_exit(), "recall did not exit on SIGHUP");
    assert!(tty.restored(), "terminal not restored:\n{}", tty.screen());
}
