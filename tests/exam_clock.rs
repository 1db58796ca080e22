//! Exam time is spent only in the exam: the real screens on a fake clock (ticks carry the time), across
//! Home, Browse, leaving with Esc and a restart that resumes the exam from its logged events.

use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::{SignedDuration, Timestamp};
use recall::core::content::{self, Deck, Lang};
use recall::core::progress::{Event, EventKind};
use recall::core::quiz::{ExamOptions, ExamSession};
use recall::io::deck::bundled_files;
use recall::ui::app::{App, Effect};
use recall::ui::keymap;
use recall::ui::msg::Msg;
use recall::ui::screens::Screen;
use recall::ui::screens::exam::ExamState;
use recall::ui::shared::Setup;

const START: &str = "2026-11-26T12:00:00Z";

fn deck() -> Arc<Deck> {
    Arc::new(content::load(&bundled_files().0).deck)
}

/// The app and every event it asked to write.
struct Run {
    app: App,
    log: Vec<Event>,
    now: Timestamp,
}

impl Run {
    fn new(deck: Arc<Deck>, now: Timestamp) -> Run {
        Run {
            app: App::new(Setup::new(deck, Lang::En, now)),
            log: Vec::new(),
            now,
        }
    }

    fn record(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            if let Effect::Append(event) = effect {
                self.log.push(event.clone());
                let saved = self.app.update(Msg::Saved(event, Ok(())));
                self.record(saved);
            }
        }
    }

    fn press(&mut self, code: KeyCode) {
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(msg) = keymap::translate(self.app.context(), key, &self.app.shared().keys) {
            let effects = self.app.update(msg);
            self.record(effects);
        }
    }

    /// Lets `secs` seconds pass, one tick a second, as the runner does.
    fn wait(&mut self, secs: i64) {
        for _ in 0..secs {
            self.now += SignedDuration::from_secs(1);
            let effects = self.app.update(Msg::Tick(self.now));
            self.record(effects);
        }
    }

    fn exam(&self) -> &ExamSession {
        match self.app.screen() {
            Screen::Exam(exam) => &exam.session,
            _ => panic!("the exam is not on screen"),
        }
    }

    /// The exam offered on Home, if any.
    fn offered(&self) -> Option<&ExamSession> {
        match self.app.screen() {
            Screen::Home(home) => home.resumable.as_deref(),
            _ => None,
        }
    }
}

/// A 3-question, 1-minute exam open on screen.
fn short_exam(deck: &Arc<Deck>, now: Timestamp) -> Run {
    let mut run = Run::new(deck.clone(), now);
    let options = ExamOptions {
        questions: 3,
        minutes: 1,
        topic: None,
        seed: 5,
    };
    let (session, started) = ExamSession::start(deck, &options, now).unwrap();
    run.log.push(Event::new("started", now, started));
    run.app.open(Screen::Exam(Box::new(ExamState::new(session))));
    run
}

#[test]
fn time_on_home_and_in_browse_is_not_charged_to_a_left_exam() {
    let deck = deck();
    let mut run = short_exam(&deck, START.parse().unwrap());
    run.press(KeyCode::Char('1'));
    run.wait(20);
    assert_eq!(run.exam().remaining(run.now), Duration::from_secs(40));
    run.press(KeyCode::Esc);
    let left = run.offered().expect("the exam is offered on Home");
    assert_eq!(left.remaining(run.now), Duration::from_secs(40));
    // 62 s on Home, then in Browse, then back.
    run.wait(62);
    run.press(KeyCode::Char('b'));
    run.wait(62);
    run.press(KeyCode::Esc);
    let offered = run.offered().expect("still offered");
    assert_eq!(
        offered.remaining(run.now),
        Duration::from_secs(40),
        "Home's time stands still"
    );
    assert!(!offered.is_submitted());
    assert_eq!(
        run.app.clock_view().0,
        None,
        "Home does not redraw every second for a still clock"
    );
    // Continue: the clock runs again from where it stopped.
    run.press(KeyCode::Char('c'));
    assert_eq!(run.exam().remaining(run.now), Duration::from_secs(40));
    run.wait(10);
    assert_eq!(run.exam().remaining(run.now), Duration::from_secs(30));
    assert!(run.app.clock_view().0.is_some(), "the running countdown redraws");
    // Searching from the exam covers it, and stops its clock too.
    run.press(KeyCode::Char('/'));
    if !matches!(run.app.screen(), Screen::Exam(_)) {
        run.wait(30);
        run.press(KeyCode::Esc);
    }
    assert_eq!(run.exam().remaining(run.now), Duration::from_secs(30));
    run.wait(30);
    assert!(run.exam().is_submitted(), "the full minute was spent in the exam");
}

#[test]
fn after_a_restart_the_exam_waits_on_home_with_the_time_it_had_left() {
    let deck = deck();
    let mut first = short_exam(&deck, START.parse().unwrap());
    first.press(KeyCode::Char('1'));
    first.wait(15);
    first.press(KeyCode::Char('q'));
    first.press(KeyCode::Char('y'));
    assert!(first.app.is_quitting(), "q then y quits");
    let id = first.exam().id().to_string();

    // recall starts again an hour later and resumes the exam from the log, as the interface does at start.
    let restart = first.now + SignedDuration::from_hours(1);
    let (resumed, submitted) = ExamSession::resume(&deck, &first.log, &id, restart).unwrap();
    assert!(submitted.is_empty());
    let mut second = Run::new(deck.clone(), restart);
    second.log = first.log.clone();
    second.app.set_resumable(Some(resumed));
    second.wait(62);
    second.press(KeyCode::Char('b'));
    second.wait(62);
    second.press(KeyCode::Esc);
    assert_eq!(
        second.offered().unwrap().remaining(second.now),
        Duration::from_secs(45)
    );
    second.press(KeyCode::Char('c'));
    let exam = second.exam();
    assert!(!exam.is_submitted(), "not timed out by the time spent outside it");
    assert_eq!(exam.remaining(second.now), Duration::from_secs(45));
    assert_eq!(exam.chosen(exam.current()), &[0], "the answer is back");
    second.wait(5);
    assert_eq!(
        second.exam().remaining(second.now),
        Duration::from_secs(40),
        "and the clock runs"
    );
}

#[test]
fn an_unanswered_question_is_a_wrong_answer_in_the_log() {
    let deck = deck();
    let mut run = short_exam(&deck, START.parse().unwrap());
    run.wait(61);
    assert!(run.exam().is_submitted());
    let answers: Vec<bool> = run
        .log
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Answer { correct, .. } => Some(*correct),
            _ => None,
        })
        .collect();
    assert_eq!(answers, [false, false, false], "three questions, none answered");
}
