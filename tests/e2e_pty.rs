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

/// How many lines of `kind` the progress logs in `data` hold.
fn logged(data: &std::path::Path, kind: &str) -> usize {
    let needle = format!("\"type\":\"{kind}\"");
    std::fs::read_dir(data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("events-"))
        .map(|p| std::fs::read_to_string(p).unwrap().matches(&needle).count())
        .sum()
}

#[test]
fn termination_signals_restore_the_terminal_save_the_exam_and_exit_with_128_plus_the_signal() {
    let signals = [
        ("TERM", 143),
        ("HUP", 129),
        ("INT", 130),
        ("QUIT", 131),
        ("USR1", 138),
        ("USR2", 140),
        ("ALRM", 142),
        ("VTALRM", 154),
        ("PROF", 155),
        ("XCPU", 152),
    ];
    for (signal, code) in signals {
        let data = tempfile::tempdir().unwrap();
        let args = ["exam", "--questions", "3", "--minutes", "30", "--seed", "5"];
        let mut tty = Tty::spawn_in(&args, 80, 24, data.path());
        tty.wait_for("1/3");
        tty.send("1");
        tty.wait_for("[x] 1.");
        let saved = logged(data.path(), "exam_answer");
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
        assert!(
            logged(data.path(), "exam_answer") > saved,
            "SIG{signal}: the exam's time used was not saved on the way out"
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

/// `recall study` on `data` as spelt, with `home` as home (and `state` as XDG_STATE_HOME if given), without
/// a terminal: refused with the holder's message while another session studies, else for want of a terminal.
fn second_study(data: &std::path::Path, home: &std::path::Path, state: Option<&std::path::Path>) -> String {
    let minimal = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/minimal");
    let mut cmd = sandbox::recall_with_home(home);
    if let Some(state) = state {
        cmd.env("XDG_STATE_HOME", state);
    }
    let out = cmd
        .arg("--data-dir")
        .arg(data)
        .args(["--content", minimal, "study"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_study_lock_holds_for_every_spelling_of_the_folder() {
    let root = tempfile::tempdir().unwrap();
    let (data, home) = (root.path().join("data"), root.path().join("home"));
    std::fs::create_dir_all(root.path().join("other")).unwrap();
    std::fs::create_dir(&data).unwrap();
    std::os::unix::fs::symlink(&data, root.path().join("link")).unwrap();
    let minimal = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/minimal");
    let mut tty = Tty::spawn_with(&["--content", minimal, "study"], 100, 30, &data, Some(&home));
    tty.wait_for("Space: show answer");
    let pid = tty.session.get_process().pid();
    let (other_home, other_state) = (root.path().join("home2"), root.path().join("state2"));
    let same_home = [
        root.path().join("data/"),
        root.path().join("data/."),
        root.path().join("other/../data"),
        root.path().join("link"),
        root.path().join("link/../data"),
    ];
    for spelling in &same_home {
        let said = second_study(spelling, &home, None);
        assert!(
            said.contains(&format!("another recall (process {pid}) is studying")),
            "{}: {said}",
            spelling.display()
        );
    }
    // Another home or state folder does not see the holder's process id, but the lock all the same.
    for said in [
        second_study(&data, &other_home, None),
        second_study(&data, &home, Some(&other_state)),
    ] {
        assert!(said.contains("another recall is studying"), "{said}");
    }
    // The refused runs left nothing behind: no device or lock file per spelling.
    for folder in [&other_home, &other_state] {
        assert!(!folder.exists(), "{} was made", folder.display());
    }
    let state: Vec<String> = sandbox::file_names(&home.join(".local/state/recall"));
    assert_eq!(state.len(), 2, "one device file and one holder file: {state:?}");
    tty.send("q");
    assert!(tty.wait_exit());
    // Once it has quit, its holder file is gone and the next session may study.
    let state: Vec<String> = sandbox::file_names(&home.join(".local/state/recall"));
    assert_eq!(
        state.len(),
        1,
        "the device file stays, the holder file goes: {state:?}"
    );
    let said = second_study(&root.path().join("link"), &home, None);
    assert!(said.contains("the interface needs a terminal"), "{said}");
}

#[test]
fn a_home_screen_opened_before_another_session_studied_does_not_show_its_cards_again() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let minimal = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/minimal");
    let args = ["--content", minimal];
    let mut first = Tty::spawn_with(&args, 100, 30, data.path(), Some(home.path()));
    let mut second = Tty::spawn_with(&args, 100, 30, data.path(), Some(home.path()));
    first.wait_for("Topics");
    second.wait_for("Topics");
    first.send("a");
    first.wait_for("Space: show answer");
    // While the first studies, the second is refused.
    second.send("a");
    second.wait_for("another recall (process");
    // The first grades every card Easy and goes home.
    for _ in 0..2 {
        first.wait_for("Space: show answer");
        first.send(" ");
        first.wait_for("4 Easy");
        first.send("4");
    }
    first.wait_for("then Enter to answer");
    first.send("a");
    first.send("\r");
    first.wait_for("4 Easy");
    first.send("4");
    first.send("\x1b");
    first.wait_for("Topics");
    assert_eq!(logged_reviews(data.path()).len(), 3);
    // The second, opened before any of that, now studies from the first one's grades: nothing is left,
    // so Space leaves the summary and `4` grades nothing (a stale session would show the first card again,
    // and Space and 4 would grade it a second time).
    second.send("a");
    second.send(" ");
    second.send("4");
    for tty in [&mut first, &mut second] {
        tty.send("q");
        assert!(tty.wait_exit());
    }
    assert_eq!(logged_reviews(data.path()).len(), 3, "no card was graded twice");
}

#[test]
fn a_state_folder_that_cannot_be_written_does_not_keep_anyone_from_studying() {
    let root = tempfile::tempdir().unwrap();
    let (data, home) = (root.path().join("data"), root.path().join("home"));
    // XDG_STATE_HOME under a regular file: nothing can be made there, even by root.
    std::fs::write(root.path().join("file"), "").unwrap();
    let state = root.path().join("file/state");
    let minimal = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/minimal");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_recall"));
    sandbox::isolate(&mut cmd, &home);
    cmd.env("XDG_STATE_HOME", &state)
        .env("XDG_CACHE_HOME", &state)
        .env("TERM", "xterm-256color")
        .args(["--data-dir".as_ref(), data.as_os_str()])
        .args(["--content", minimal, "study"]);
    let mut session = Session::spawn(cmd).expect("spawn recall in a pty");
    session.get_process_mut().set_window_size(100, 30).unwrap();
    let mut tty = Tty {
        session,
        parser: vt100::Parser::new(nz(30), nz(100), 0),
        _data: None,
    };
    tty.wait_for("Space: show answer");
    let screen = tty.screen();
    assert!(
        screen.contains("cannot store the device id"),
        "the status line says why: {screen}"
    );
    assert!(
        !screen.contains("study lock"),
        "the lock is on the data folder: {screen}"
    );
    tty.send(" ");
    tty.wait_for("1 Again");
    tty.send("3");
    tty.wait_for("Space: show answer");
    assert_eq!(logged_reviews(&data).len(), 1, "the grade is saved");
    // The folder is still guarded.
    let said = second_study(&data, &home, Some(&state));
    assert!(said.contains("another recall is studying"), "{said}");
    tty.send("q");
    assert!(tty.wait_exit());
}

#[test]
fn browse_starts_in_a_read_only_folder_without_a_settings_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores permission bits; /sys refuses new files even to root and holds no recall files.
    let writable = std::fs::write(data.join("probe"), "").is_ok();
    let data = if writable {
        std::path::PathBuf::from("/sys")
    } else {
        data
    };
    assert!(
        data.is_dir(),
        "no read-only folder to test with: running as root without /sys"
    );
    let mut tty = Tty::spawn_in(&["browse", "dynamodb"], 80, 24, &data);
    tty.wait_for("Amazon DynamoDB");
    tty.send("q");
    assert!(tty.wait_exit());
    assert!(tty.restored());
    assert!(!data.join("config.toml").exists());
}
