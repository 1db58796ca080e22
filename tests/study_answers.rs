//! Study through the learner's keys where the interface promises most (issue 25): a "choose two" scenario
//! card takes both picks and is right only with both right ones; and a grade whose write fails says NOT
//! SAVED on the status line and keeps the card on screen, as README promises.
//!
//! Keys go through the key table (`keymap::translate`), as in the terminal. Effects are answered here as the
//! runner answers them: an `Append` is written with the real `EventLog`, and its result comes back as
//! `Msg::Saved`.

#[allow(dead_code)]
mod screen;

use std::path::Path;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use recall::core::content::{Deck, Lang};
use recall::core::progress::{Event, EventKind, Rating};
use recall::io::deck::{DeckLocation, load};
use recall::io::device::DeviceId;
use recall::io::log::{self, EventLog, LogError};
use recall::text::{WriteFailure, WriteProblem};
use recall::ui::app::{App, Effect};
use recall::ui::keymap::{self, Context, Key};
use recall::ui::msg::{Action, Msg};
use recall::ui::screens::Screen;
use recall::ui::screens::study::StudyState;
use recall::ui::shared::Setup;
use recall::ui::view::view;

fn fixed_now() -> jiff::Timestamp {
    "2026-11-26T12:00:00Z".parse().unwrap()
}

fn fixture(name: &str) -> Arc<Deck> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/valid")
        .join(name);
    let loaded = load(&DeckLocation::Dir(dir)).unwrap();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    Arc::new(loaded.deck)
}

fn app_on(deck: Arc<Deck>) -> App {
    App::new(Setup::new(deck, Lang::En, fixed_now()))
}

/// Presses a key as the terminal delivers it; returns the effects (nothing is written).
fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    match keymap::translate(app.context(), key, &app.shared().keys) {
        Some(msg) => app.update(msg),
        None => Vec::new(),
    }
}

/// The key that picks choice `index` (0-based, in the order shown) on the screen now showing, from the key
/// table.
fn choice_key(app: &App, index: usize) -> KeyCode {
    let keys = keymap::bindings_for(app.context())
        .find(|b| matches!(b.action, Action::Choose(_)))
        .expect("choices can be picked here")
        .keys;
    match keys[index] {
        Key::Char(c) => KeyCode::Char(c),
        other => panic!("choice keys are characters: {other:?}"),
    }
}

fn pick(app: &mut App, index: usize) {
    let key = choice_key(app, index);
    assert!(press(app, key).is_empty(), "picking writes nothing");
}

fn text(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    screen::text_of(terminal.backend().buffer())
}

fn study(app: &App) -> &StudyState {
    match app.screen() {
        Screen::Study(s) => s,
        _ => panic!("not on the study screen:\n{}", text(app)),
    }
}

fn picked(app: &App) -> Vec<usize> {
    study(app).picked.iter().copied().collect()
}

/// The one event of `effects`, which must be an append.
fn appended(effects: &[Effect]) -> &Event {
    match effects {
        [Effect::Append(event)] => event,
        other => panic!("expected one append: {other:?}"),
    }
}

// ---- A "choose two" scenario card ----

/// Study opened on the choose-two deck: its only card, the scenario, waits for picks. Returns the app, the
/// right choices and the wrong ones (indices in the order shown).
fn at_the_choose_two_card() -> (App, Vec<usize>, Vec<usize>) {
    let mut app = app_on(fixture("choose-two"));
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.context(), Context::StudyChoose, "{}", text(&app));
    let question = study(&app).question.clone().expect("the card is a question");
    assert_eq!(question.choose, 2);
    let right = question.correct_indices();
    let wrong: Vec<usize> = (0..question.choices.len())
        .filter(|i| !right.contains(i))
        .collect();
    assert_eq!((right.len(), wrong.len()), (2, 3));
    (app, right, wrong)
}

#[test]
fn a_choose_two_card_takes_two_picks_and_both_right_ones_are_correct() {
    let (mut app, right, wrong) = at_the_choose_two_card();
    pick(&mut app, right[0]);
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(app.context(), Context::StudyChoose, "one pick does not answer");
    assert!(
        app.status().is_some_and(|s| s.contains("Pick 2")),
        "{:?}",
        app.status()
    );
    // A third pick is refused; a second press takes a pick back.
    pick(&mut app, wrong[0]);
    pick(&mut app, right[1]);
    let mut both = vec![right[0], wrong[0]];
    both.sort();
    assert_eq!(picked(&app), both, "never more picks than the card asks for");
    pick(&mut app, wrong[0]);
    pick(&mut app, right[1]);
    assert_eq!(picked(&app), right);
    assert!(
        press(&mut app, KeyCode::Enter).is_empty(),
        "answering writes nothing yet"
    );
    assert_eq!(app.context(), Context::StudyGrade);
    let screen = text(&app);
    assert!(
        screen.contains("Correct.") && !screen.contains("Wrong."),
        "{screen}"
    );
    assert!(!screen.contains('✗'), "no wrong pick:\n{screen}");
    assert_eq!(study(&app).suggested(), Rating::Good);
    let effects = press(&mut app, KeyCode::Char(' '));
    match &appended(&effects).kind {
        EventKind::Review { card, rating, .. } => {
            assert_eq!((card.as_str(), *rating), ("loops/thumbnail-loop", Rating::Good));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn one_right_and_one_wrong_pick_is_wrong_and_shows_the_missed_one() {
    let (mut app, right, wrong) = at_the_choose_two_card();
    pick(&mut app, wrong[1]);
    pick(&mut app, right[1]);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::StudyGrade);
    let screen = text(&app);
    assert!(screen.contains("Wrong."), "{screen}");
    assert_eq!(
        screen.matches('✗').count(),
        1,
        "the wrong pick is marked:\n{screen}"
    );
    assert_eq!(
        screen.matches('✓').count(),
        2,
        "both right ones are shown, the missed one too:\n{screen}"
    );
    assert_eq!(study(&app).suggested(), Rating::Again);
    let effects = press(&mut app, KeyCode::Enter);
    assert!(matches!(
        appended(&effects).kind,
        EventKind::Review {
            rating: Rating::Again,
            ..
        }
    ));
}

// ---- A grade that cannot be written ----

/// Writes `event` as the runner does and returns its result as the message the runner sends back.
fn write(log: &EventLog, event: &Event) -> Msg {
    let result = log.append(event).map_err(|e| {
        let problem = match e {
            LogError::ReadOnly { .. } => WriteProblem::ReadOnly,
            LogError::DiskFull { .. } => WriteProblem::DiskFull,
            _ => WriteProblem::Other,
        };
        WriteFailure::new(problem, &log.path(), &e)
    });
    Msg::Saved(event.clone(), result)
}

#[test]
fn a_grade_whose_write_fails_says_not_saved_and_keeps_the_card() {
    let dir = tempfile::tempdir().unwrap();
    // A data folder that cannot exist: its parent is a file. Every append fails, whoever runs the test.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, b"").unwrap();
    let device = DeviceId::parse("00000000000000aa").unwrap();
    let broken = EventLog::new(blocker.join("data"), device.clone());
    let working = EventLog::new(dir.path().join("data"), device);

    let mut app = app_on(fixture("minimal"));
    press(&mut app, KeyCode::Char('s'));
    let card = study(&app).session.current().unwrap().card.clone();
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(app.context(), Context::StudyGrade);
    let effects = press(&mut app, KeyCode::Char('3'));
    let saved = write(&broken, appended(&effects));
    assert!(matches!(saved, Msg::Saved(_, Err(_))), "{saved:?}");
    assert!(app.update(saved).is_empty());

    let status = app.status().expect("the failure is shown");
    assert!(status.starts_with("NOT SAVED: "), "{status}");
    assert!(text(&app).contains("NOT SAVED"), "{}", text(&app));
    assert_eq!(
        study(&app).session.current().map(|c| c.card.as_str()),
        Some(card.as_str()),
        "the card stays"
    );
    assert_eq!(app.context(), Context::StudyGrade, "and can be graded again");
    assert!(!study(&app).session.is_pending());
    assert_eq!(
        app.shared().progress.state(&card).reps,
        0,
        "nothing unsaved counts"
    );

    // Once the folder is writable, the same grade goes through and the next card shows.
    let effects = press(&mut app, KeyCode::Char('3'));
    let saved = write(&working, appended(&effects));
    app.update(saved);
    assert_eq!(app.shared().progress.state(&card).reps, 1);
    assert_ne!(
        study(&app).session.current().map(|c| c.card.as_str()),
        Some(card.as_str()),
        "the next card"
    );
    assert_eq!(log::read_dir(&dir.path().join("data")).unwrap().events.len(), 1);
}
