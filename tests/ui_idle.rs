//! An idle interface does not redraw: the runner redraws after a tick only when `App::clock_view` changes,
//! so it must change with the countdown second while an exam runs and with the study day, and not otherwise.

use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use recall::core::content::{self, Lang};
use recall::io::deck::bundled_files;
use recall::ui::app::App;
use recall::ui::msg::{Action, Msg};
use recall::ui::shared::Setup;

fn start() -> Timestamp {
    "2026-11-26T12:00:00Z".parse().unwrap()
}

fn app() -> App {
    let deck = Arc::new(content::load(&bundled_files().0).deck);
    App::new(Setup::new(deck, Lang::En, start()))
}

/// The clock view after a tick `secs` seconds after the start.
fn after_tick(app: &mut App, secs: i64) -> (Option<i64>, i64) {
    app.update(Msg::Tick(start() + SignedDuration::from_secs(secs)));
    app.clock_view()
}

#[test]
fn home_shows_nothing_that_ticks_within_a_day() {
    let mut app = app();
    let shown = after_tick(&mut app, 0);
    assert_eq!(after_tick(&mut app, 1), shown);
    assert_eq!(
        after_tick(&mut app, 3_600),
        shown,
        "an hour later, same study day"
    );
}

#[test]
fn a_new_study_day_changes_home() {
    let mut app = app();
    let shown = after_tick(&mut app, 0);
    assert_ne!(after_tick(&mut app, 24 * 3_600), shown);
}

#[test]
fn a_running_exam_changes_every_second() {
    let mut app = app();
    app.update(Msg::Action(Action::Exam));
    let shown = after_tick(&mut app, 0);
    assert_eq!(after_tick(&mut app, 0), shown, "same second, nothing new to draw");
    assert_ne!(after_tick(&mut app, 1), shown, "the countdown moved");
}
