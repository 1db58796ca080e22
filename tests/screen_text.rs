//! What the screen says, read back from a TestBackend buffer character by character: every source link of
//! the bundled deck, wrapped at 60, 80 and 120 columns, reads back as the exact URL in Browse (notes and
//! the Facts tab's detail) and on the answer side of a fact in Study.

mod screen;

use std::collections::BTreeSet;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use recall::core::content::{self, Deck, Item, Lang};
use recall::core::srs::Limits;
use recall::io::deck::bundled_files;
use recall::ui::app::{App, Effect};
use recall::ui::keymap::Context;
use recall::ui::msg::{Action, Msg};
use recall::ui::shared::Setup;
use recall::ui::text::{Notice, WriteFailure, WriteProblem};
use recall::ui::view::view;
use screen::{assert_borders_intact, text_of};

/// Tall enough that no detail box scrolls: the check is about wrapping, not scrolling.
const HEIGHT: u16 = 200;
const WIDTHS: [u16; 3] = [60, 80, 120];

fn bundled() -> Arc<Deck> {
    Arc::new(content::load(&bundled_files().0).deck)
}

fn screen(app: &App, width: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, HEIGHT)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    text_of(terminal.backend().buffer())
}

/// The source links on screen, each joined from its wrapped pieces: a piece starts with `↗ ` inside a
/// box, and its continuation rows are the ones indented under it (two spaces, then text).
fn links_on(screen: &str) -> Vec<String> {
    let rows: Vec<&str> = screen
        .lines()
        .map(|row| {
            row.trim_start_matches('│')
                .trim_end()
                .trim_end_matches('│')
                .trim_end()
        })
        .collect();
    let mut links = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        if let Some(first) = rows[i].strip_prefix("↗ ") {
            let mut link = first.to_string();
            while let Some(more) = rows.get(i + 1).and_then(|r| r.strip_prefix("  ")) {
                if more.starts_with(' ') || more.is_empty() {
                    break;
                }
                link.push_str(more);
                i += 1;
            }
            links.push(link);
        }
        i += 1;
    }
    links
}

fn app(lang: Lang) -> App {
    App::new(Setup {
        limits: Limits {
            new_per_day: 100_000,
            reviews_per_day: 100_000,
        },
        ..Setup::new(bundled(), lang, "2026-11-26T12:00:00Z".parse().unwrap())
    })
}

fn act(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(Msg::Action(*a));
    }
}

/// Asserts that `shown` are exactly `expected`, each intact.
fn assert_links(shown: Vec<String>, expected: &[String], place: &str) {
    assert_eq!(shown, expected, "{place}");
}

#[test]
fn browse_shows_every_source_link_intact() {
    let deck = bundled();
    for width in WIDTHS {
        for lang in Lang::ALL {
            let mut app = app(lang);
            act(&mut app, &[Action::Browse]);
            for (t, topic) in deck.topics().iter().enumerate() {
                act(&mut app, &[Action::Top]);
                for _ in 0..t {
                    act(&mut app, &[Action::Down]);
                }
                act(&mut app, &[Action::Open]);
                for (s, section) in topic.sections.iter().enumerate() {
                    let place = format!("{width} cols, {lang}, {} notes {s}", topic.id);
                    // A long note scrolls: its sources are at the end (End; the first draw measures it).
                    screen(&app, width);
                    act(&mut app, &[Action::Bottom]);
                    assert_links(links_on(&screen(&app, width)), &section.sources, &place);
                    act(&mut app, &[Action::NextItem]);
                }
                act(&mut app, &[Action::Right]);
                for (f, fact) in topic.facts.iter().enumerate() {
                    let place = format!("{width} cols, {lang}, {} fact {f}", topic.id);
                    assert_links(
                        links_on(&screen(&app, width)),
                        std::slice::from_ref(&fact.source),
                        &place,
                    );
                    act(&mut app, &[Action::Down]);
                }
                act(&mut app, &[Action::Left, Action::Back]);
            }
        }
    }
}

#[test]
fn study_shows_every_fact_source_intact_on_the_answer_side() {
    let deck = bundled();
    let facts: BTreeSet<String> = deck
        .topics()
        .iter()
        .flat_map(|t| t.facts.iter().map(|f| f.source.clone()))
        .collect();
    for width in WIDTHS {
        let mut app = app(Lang::En);
        let mut seen = BTreeSet::new();
        let mut effects = app.update(Msg::Action(Action::StudyAll));
        // Related cards are never new on the same day: the buried ones come the next days.
        let mut now: jiff::Timestamp = "2026-11-26T12:00:00Z".parse().unwrap();
        let mut days = 0;
        for _ in 0..10_000 {
            for effect in effects.drain(..) {
                if let Effect::Append(event) = effect {
                    app.update(Msg::Saved(event, Ok(())));
                }
            }
            effects = match app.context() {
                Context::Study => app.update(Msg::Action(Action::Reveal)),
                // Pick 1, 2, 3… until the answer is taken ("choose three" needs three picks).
                Context::StudyChoose => {
                    let mut answered = Vec::new();
                    for n in 1..=6 {
                        app.update(Msg::Action(Action::Choose(n)));
                        answered = app.update(Msg::Action(Action::Submit));
                        if app.context() != Context::StudyChoose {
                            break;
                        }
                    }
                    answered
                }
                Context::StudyGrade => {
                    let is_fact = match app.screen() {
                        recall::ui::screens::Screen::Study(s) => s
                            .session
                            .current()
                            .and_then(|c| deck.find(&c.card))
                            .and_then(|at| deck.item(at))
                            .is_some_and(|item| matches!(item, Item::Fact(_))),
                        _ => false,
                    };
                    if is_fact {
                        let shown = links_on(&screen(&app, width));
                        assert_eq!(shown.len(), 1, "{width} cols: one source per fact");
                        assert!(facts.contains(&shown[0]), "{width} cols: {:?} is cut", shown[0]);
                        seen.insert(shown[0].clone());
                    }
                    app.update(Msg::Action(Action::Grade(4)))
                }
                Context::StudySummary if days < 3 => {
                    days += 1;
                    now += jiff::SignedDuration::from_hours(24);
                    app.update(Msg::Tick(now));
                    app.update(Msg::Action(Action::Back));
                    app.update(Msg::Action(Action::StudyAll))
                }
                _ => break,
            };
        }
        assert_eq!(
            seen, facts,
            "{width} cols: every fact studied once, over {days} more day(s)"
        );
    }
}

#[test]
fn a_long_status_message_wraps_instead_of_being_cut() {
    let notice = Notice::NotSaved(WriteFailure {
        problem: WriteProblem::DiskFull,
        path: "/home/learner/.local/share/recall/log/events-device-a.jsonl".into(),
        detail: "could not append: No space left on device (os error 28)".into(),
    });
    for lang in Lang::ALL {
        let mut app = app(lang);
        app.notify(&notice);
        let message = recall::ui::text::of(lang).notice(&notice);
        let message = message.as_str();
        for (width, height) in [(60u16, 15u16), (80, 24)] {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal.draw(|f| view(&app, f)).unwrap();
            assert_borders_intact(terminal.backend().buffer());
            let rows: Vec<String> = text_of(terminal.backend().buffer())
                .lines()
                .map(|r| r.trim_end().to_string())
                .collect();
            assert!(
                rows.join(" ").contains(message),
                "{width}×{height}: the message is cut:\n{}",
                rows.join("\n")
            );
        }
    }
}

#[test]
fn cut_fact_cells_and_topic_rows_end_with_an_ellipsis() {
    let deck = bundled();
    for lang in Lang::ALL {
        let mut app = app(lang);
        act(&mut app, &[Action::Browse]);
        let topics = screen(&app, 60);
        assert!(
            topics.contains('…'),
            "long topic summaries are cut with …:\n{topics}"
        );
        for t in 0..deck.topics().len() {
            act(&mut app, &[Action::Top]);
            for _ in 0..t {
                act(&mut app, &[Action::Down]);
            }
            act(&mut app, &[Action::Open, Action::Right]);
            let facts = screen(&app, 120);
            let (question_width, answer_width) = (70, 47); // 120 − 2 borders − 1 gap = 117, split 3:2
            for fact in &deck.topics()[t].facts {
                for (text, width) in [
                    (fact.prompt.get(lang), question_width),
                    (fact.answer.get(lang), answer_width),
                ] {
                    let cut = unicode_width::UnicodeWidthStr::width(text) > width;
                    let shown = recall::ui::widgets::rich::truncate(text, width);
                    assert_eq!(shown.ends_with('…'), cut, "{text:?}");
                    assert!(facts.contains(&shown), "{shown:?} not on screen:\n{facts}");
                }
            }
            act(&mut app, &[Action::Back]);
        }
    }
}

#[test]
fn the_search_query_is_edited_at_the_caret_with_the_keys_help_lists() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use recall::ui::key_overrides::Overrides;
    use recall::ui::keymap::translate;
    fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
        let msg = translate(
            app.context(),
            KeyEvent::new(code, modifiers),
            &Overrides::default(),
        );
        app.update(msg.expect("every key here means something in search"));
    }
    let mut app = app(Lang::En);
    act(&mut app, &[Action::Search]);
    let none = KeyModifiers::NONE;
    // q, j, k, L and ? are typed, not commands.
    for c in "lambda qjkL? edge".chars() {
        press(&mut app, KeyCode::Char(c), none);
    }
    for _ in 0..5 {
        press(&mut app, KeyCode::Left, none);
    }
    press(&mut app, KeyCode::Char('w'), KeyModifiers::CONTROL); // "lambda qjkL?| edge" → "lambda | edge"
    press(&mut app, KeyCode::Right, none);
    press(&mut app, KeyCode::Backspace, none); // "lambda  |edge" → "lambda |edge"
    let query = |app: &App| match app.screen() {
        recall::ui::screens::Screen::Search(s) => s.query.clone(),
        _ => panic!("still on search"),
    };
    assert_eq!(query(&app), "lambda edge");
    press(&mut app, KeyCode::Char('n'), KeyModifiers::CONTROL);
    press(&mut app, KeyCode::End, none);
    press(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(query(&app), "");
    assert!(
        matches!(app.screen(), recall::ui::screens::Screen::Search(_)),
        "q did not quit"
    );
}
