//! End-to-end: the real binary in a pseudo-terminal, read through a vt100 emulator. Every step waits for
//! text to appear on the emulated screen (with a generous deadline), never for a fixed sleep.

mod sandbox;

use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::process::unix::WaitStatus;

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
        Tty::spawn_with(args, cols, rows, data, None)
    }

    /// Like [`Tty::spawn_in`], with `home` as the home folder (machine-local state goes under it).
    pub fn spawn_with(
        args: &[&str],
        cols: u16,
        rows: u16,
        data: &std::path::Path,
        home: Option<&std::path::Path>,
    ) -> Tty {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_recall"));
        let home = home.map_or_else(|| data.join("home"), std::path::Path::to_path_buf);
        sandbox::isolate(&mut cmd, &home);
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
        self.wait_status().is_some()
    }

    /// Waits for the program to exit, reading its output meanwhile; returns how it ended.
    pub fn wait_status(&mut self) -> Option<WaitStatus> {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            self.pump();
            match self.session.get_process().status() {
                Ok(WaitStatus::StillAlive) => {}
                Ok(status) => {
                    while self.pump() {}
                    return Some(status);
                }
                // Already reaped: it has exited, how is no longer known.
                Err(_) => return Some(WaitStatus::StillAlive),
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
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
    tty.send("ㅅㅂㄹㅅ"); // initial consonants of 서버리스 (serverless)
    tty.wait_for("results");
    tty.send("\x7f\x7f\x7f\x7f"); // Backspace ×4 clears the query
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
fn termination_signals_restore_the_terminal_and_exit_with_128_plus_the_signal() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130), ("QUIT", 131)] {
        let mut tty = Tty::spawn(&["browse", "dynamodb"], 80, 24);
        tty.wait_for("Amazon DynamoDB");
        let pid = tty.session.get_process().pid().to_string();
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(status.success());
        let ended = tty.wait_status();
        assert!(
            matches!(ended, Some(WaitStatus::Exited(_, c)) if c == code),
            "SIG{signal}: {ended:?}, expected exit status {code}"
        );
        assert!(
            tty.restored(),
            "SIG{signal}: terminal not restored:\n{}",
            tty.screen()
        );
    }
}

#[test]
fn quitting_exits_with_status_zero() {
    let mut tty = Tty::spawn(&[], 80, 24);
    tty.wait_for("Topics");
    tty.send("q");
    let ended = tty.wait_status();
    assert!(matches!(ended, Some(WaitStatus::Exited(_, 0))), "{ended:?}");
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

/// The questions `recall exam --questions n --seed seed` asks, drawn as the library draws them from the
/// deck the binary embeds.
fn exam_questions(n: usize, seed: u64) -> Vec<recall::core::quiz::Question> {
    use recall::core::quiz::{ExamOptions, ExamSession};
    let deck = recall::core::content::load(&recall::io::deck::bundled_files().0).deck;
    let options = ExamOptions {
        questions: n,
        minutes: 10,
        topic: None,
        seed,
    };
    let now = "2026-11-26T12:00:00Z".parse().unwrap();
    let (exam, _) = ExamSession::start(&deck, &options, now).unwrap();
    exam.questions().to_vec()
}

#[test]
fn sit_a_five_question_exam_flag_one_submit_and_read_the_score() {
    // Four questions answered right and the last wrong: 4 of 5 right, 100 + 900 × 4/5 = 820, a pass.
    let questions = exam_questions(5, 1);
    let mut tty = Tty::spawn(
        &["exam", "--questions", "5", "--minutes", "10", "--seed", "1"],
        100,
        30,
    );
    for (n, question) in questions.iter().enumerate() {
        if n > 0 {
            tty.send("\x1b[C"); // Right
        }
        tty.wait_for(&format!("{}/5", n + 1));
        let right = question.correct_indices();
        let picks: Vec<usize> = if n < 4 {
            right
        } else {
            let wrong = (0..question.choices.len()).filter(|i| !right.contains(i));
            wrong.take(question.choose).collect()
        };
        for pick in picks {
            tty.send(&(pick + 1).to_string());
            tty.wait_for(&format!("[x] {}.", pick + 1));
        }
        if n == 0 {
            tty.send("f");
            tty.wait_for("flagged for review");
        }
    }
    tty.send("r");
    tty.wait_for("Review");
    assert!(tty.screen().contains("⚑"), "the flag is in the review list");
    tty.send("S");
    tty.wait_for("Submit the exam now?");
    tty.send("\r");
    tty.wait_for("/ 1000");
    let screen = tty.screen();
    assert!(screen.contains("820 / 1000  PASS"), "{screen}");
    assert!(screen.contains("(pass mark 720)"), "{screen}");
    assert!(screen.contains("4 of 5 right"), "{screen}");
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
    again.wait_for("The exam is kept");
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

#[test]
fn a_scenario_card_is_answered_in_study_and_a_second_study_session_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let minimal = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/minimal");
    let args = ["--content", minimal, "study"];
    let mut tty = Tty::spawn_with(&args, 100, 30, data.path(), Some(home.path()));
    for _ in 0..2 {
        tty.wait_for("Space: show answer");
        tty.send(" ");
        tty.wait_for("1 Again");
        tty.send(" ");
    }
    tty.wait_for("then Enter to answer");
    // A second study session on the same data folder is refused while this one runs.
    let second = sandbox::recall_with_home(home.path())
        .args(args)
        .env("RECALL_DATA_DIR", data.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("another recall (process"), "{stderr}");
    // The card shows its choices shuffled (for a new card, as `Question::shown` orders them at turn 0): the
    // letter of the right one answers it rightly.
    let deck = recall::io::deck::load(&recall::io::deck::DeckLocation::Dir(minimal.into())).unwrap();
    let scenario = &deck.deck.topics()[0].scenarios[0];
    let shown = recall::core::quiz::Question::shown("basics", scenario, 0).unwrap();
    let right = shown.correct_indices()[0];
    tty.send(&char::from(b'a' + right as u8).to_string());
    tty.wait_for(&format!("[x] {}.", right + 1));
    tty.send("\r");
    tty.wait_for("Cognito user pools are a user directory");
    assert!(tty.screen().contains("Correct."), "{}", tty.screen());
    assert!(!tty.screen().contains("Wrong."), "{}", tty.screen());
    tty.send("q");
    assert!(tty.wait_exit());
    assert!(tty.restored(), "terminal not restored:\n{}", tty.screen());
}
