//! The interface as a state machine: keys in, state out (no terminal), and a property that no sequence of
//! keys at any terminal size, down to 1×1, makes it panic.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use recall::core::content::{self, Deck, Lang};
use recall::io::deck::bundled_files;
use recall::ui::app::{App, Effect};
use recall::ui::keymap::{self, Context};
use recall::ui::msg::{Action, Msg};
use recall::ui::screens::Screen;
use recall::ui::shared::Setup;
use recall::ui::theme::Theme;
use recall::ui::view::view;

fn fixed_now() -> jiff::Timestamp {
    "2026-11-26T12:00:00Z".parse().unwrap()
}

fn deck() -> Arc<Deck> {
    Arc::new(content::load(&bundled_files().0).deck)
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    match keymap::translate(app.context(), key, &app.shared().keys) {
        Some(msg) => app.update(msg),
        None => Vec::new(),
    }
}

#[test]
fn enter_on_a_home_topic_opens_it_in_browse_and_escape_returns() {
    let mut app = App::new(Setup {
        theme: Theme::new(false),
        ..Setup::new(deck(), Lang::En, fixed_now())
    });
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let Screen::Browse(b) = app.screen() else {
        panic!("not browse")
    };
    assert_eq!(b.topic, Some(1));
    assert_eq!(app.context(), Context::BrowseTopic);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::BrowseTopics, "Esc closes the topic first");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Home);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Home, "home is never popped");
}

#[test]
fn scenario_answer_stays_hidden_until_asked_and_hides_again_on_move() {
    let mut app = App::new(Setup {
        theme: Theme::new(false),
        ..Setup::new(deck(), Lang::En, fixed_now())
    });
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Left); // Notes → Scenarios
    let revealed = |app: &App| matches!(app.screen(), Screen::Browse(b) if b.revealed);
    assert!(!revealed(&app));
    press(&mut app, KeyCode::Char('a'));
    assert!(revealed(&app));
    press(&mut app, KeyCode::Char('n'));
    assert!(!revealed(&app), "the next scenario starts hidden");
}

#[test]
fn language_toggle_is_global_and_asks_to_be_remembered() {
    let mut app = App::new(Setup {
        theme: Theme::new(false),
        ..Setup::new(deck(), Lang::En, fixed_now())
    });
    press(&mut app, KeyCode::Enter);
    let effects = press(&mut app, KeyCode::Char('L'));
    assert_eq!(app.lang(), Lang::Ko);
    assert_eq!(effects, vec![Effect::SaveLanguage(Lang::Ko)]);
}

#[test]
fn help_overlay_opens_closes_and_swallows_screen_keys() {
    let mut app = App::new(Setup {
        theme: Theme::new(false),
        ..Setup::new(deck(), Lang::En, fixed_now())
    });
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.context(), Context::Help);
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.screen(), Screen::Home(_)),
        "Enter under help must not open a topic"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Home);
}

#[test]
fn quit_and_interrupt_ask_the_runner_to_quit() {
    let mut app = App::new(Setup {
        theme: Theme::new(false),
        ..Setup::new(deck(), Lang::En, fixed_now())
    });
    assert_eq!(press(&mut app, KeyCode::Char('q')), vec![Effect::Quit]);
    assert!(app.is_quitting());
    let mut app = App::new(Setup {
        theme: Theme::new(false),
        ..Setup::new(deck(), Lang::En, fixed_now())
    });
    assert_eq!(app.update(Msg::Interrupt), vec![Effect::Quit]);
}

fn any_key() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::Backspace),
        Just(KeyCode::F(1)),
        prop::sample::select(vec![
            'a', 'b', 'e', 'f', 'g', 'G', 'h', 'j', 'k', 'l', 'L', 'r', 's', 'S', 't', 'u', 'x', 'z', '/',
            '?', ' ', '1', '2', '3', '4', '5', 'ㄹ', '람'
        ])
        .prop_map(KeyCode::Char),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_keys_at_random_sizes_never_panic(
        keys in prop::collection::vec(any_key(), 0..60),
        sizes in prop::collection::vec((1u16..140, 1u16..50), 1..4),
    ) {
        let deck = deck();
        let mut app = App::new(Setup { theme: Theme::new(true), ..Setup::new(deck, Lang::Ko, fixed_now()) });
        for (i, key) in keys.into_iter().enumerate() {
            if key == KeyCode::Char('q') { continue; }
            press(&mut app, key);
            let (w, h) = sizes[i % sizes.len()];
            app.update(Msg::Resize(w, h));
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| view(&app, f)).unwrap();
        }
        let _ = app.update(Msg::Action(Action::Back));
    }
}

mod quiz_and_exam {
    use super::*;
    use recall::core::progress::EventKind;

    fn app() -> App {
        App::new(Setup {
            theme: Theme::new(false),
            ..Setup::new(deck(), Lang::En, fixed_now())
        })
    }

    fn records(effects: &[Effect]) -> Vec<&EventKind> {
        effects
            .iter()
            .filter_map(|e| {
                if let Effect::Append(event) = e {
                    Some(&event.kind)
                } else {
                    None
                }
            })
            .collect()
    }

    fn screen_text(app: &App) -> String {
        let mut terminal = Terminal::new(TestBackend::new(100, 60)).unwrap();
        terminal.draw(|f| view(app, f)).unwrap();
        let buffer = terminal.backend().buffer().clone();
        let mut out = String::new();
        for y in 0..buffer.area.height {
            for x in 0..buffer.area.width {
                out.push_str(buffer[(x, y)].symbol());
            }
            out.push('\n');
        }
        out
    }

    /// z quizzes the selected topic; letters pick choices as digits do; the hint names the real keys; the
    /// end screen lists each missed question with its right answer and explanation.
    #[test]
    fn a_topic_quiz_by_letters_ends_with_the_missed_questions_explained() {
        let mut app = app();
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Char('z'));
        let Screen::Quiz(q) = app.screen() else {
            panic!("not quiz")
        };
        assert!(
            q.session.questions().iter().all(|q| q.topic == "lambda"),
            "z quizzes the selected topic"
        );
        let mut missed = Vec::new();
        for i in 0..q.session.questions().len() {
            let Screen::Quiz(q) = app.screen() else {
                panic!("not quiz")
            };
            let question = q.session.current().unwrap().clone();
            let n = question.choices.len();
            let hint = format!("Pick with 1–{n} / a–{}", char::from(b'a' + n as u8 - 1));
            assert!(screen_text(&app).contains(&hint), "{hint}\n{}", screen_text(&app));
            // Pick the wrong choices by letter (as many as the question asks for).
            let wrong: Vec<usize> = (0..n).filter(|&c| !question.choices[c].correct).collect();
            for &c in wrong.iter().take(question.choose) {
                press(&mut app, KeyCode::Char(char::from(b'a' + c as u8)));
            }
            let effects = press(&mut app, KeyCode::Enter);
            assert!(
                matches!(records(&effects)[..], [EventKind::Answer { correct: false, .. }]),
                "question {i}: letters picked wrong choices"
            );
            missed.push(question);
            press(&mut app, KeyCode::Enter);
        }
        let end = screen_text(&app);
        assert!(end.contains(&format!("Missed ({}):", missed.len())), "{end}");
        let first = missed[0].explanation.get(Lang::En);
        let start: String = first.lines().next().unwrap().chars().take(30).collect();
        assert!(end.contains(&start), "the first explanation is shown:\n{end}");
    }

    #[test]
    fn a_quiz_answer_is_recorded_once_and_enter_moves_on() {
        let mut app = app();
        // Z: a quiz over every topic (z quizzes the selected one).
        press(&mut app, KeyCode::Char('Z'));
        assert_eq!(app.context(), Context::Quiz);
        assert!(
            press(&mut app, KeyCode::Enter).is_empty(),
            "nothing is recorded before a pick"
        );
        assert!(app.status().is_some(), "Enter without a pick says what to do");
        press(&mut app, KeyCode::Char('1'));
        press(&mut app, KeyCode::Char('2'));
        let effects = press(&mut app, KeyCode::Enter);
        let kinds = records(&effects);
        assert_eq!(kinds.len(), 1);
        assert!(matches!(kinds[0], EventKind::Answer { .. }));
        let Screen::Quiz(q) = app.screen() else {
            panic!("not quiz")
        };
        assert!(q.answered);
        assert_eq!(q.session.position(), 0);
        assert!(
            press(&mut app, KeyCode::Enter).is_empty(),
            "moving on records nothing"
        );
        let Screen::Quiz(q) = app.screen() else {
            panic!("not quiz")
        };
        assert_eq!(q.session.position(), 1);
    }

    #[test]
    fn exam_records_start_answers_flags_and_result_and_asks_before_submitting() {
        let mut app = app();
        let started = press(&mut app, KeyCode::Char('e'));
        assert!(matches!(records(&started)[..], [EventKind::ExamStarted { .. }]));
        assert_eq!(app.status(), None, "the deck has 65 questions: no shortfall");
        let answered = press(&mut app, KeyCode::Char('1'));
        assert!(matches!(records(&answered)[..], [EventKind::ExamAnswer { .. }]));
        let flagged = press(&mut app, KeyCode::Char('f'));
        assert!(matches!(
            records(&flagged)[..],
            [EventKind::ExamAnswer { flagged: true, .. }]
        ));
        assert!(
            press(&mut app, KeyCode::Char('S')).is_empty(),
            "S only asks for confirmation"
        );
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.context(), Context::Exam, "Esc keeps working");
        press(&mut app, KeyCode::Char('S'));
        let submitted = press(&mut app, KeyCode::Enter);
        let kinds = records(&submitted);
        assert!(
            matches!(kinds[0], EventKind::ExamFinished { total: 65, .. }),
            "{kinds:?}"
        );
        assert_eq!(app.context(), Context::ExamResult);
    }

    #[test]
    fn the_exam_auto_submits_when_time_runs_out() {
        let mut app = app();
        press(&mut app, KeyCode::Char('e'));
        let later = fixed_now() + jiff::SignedDuration::from_mins(131);
        let effects = app.update(Msg::Tick(later));
        assert!(
            records(&effects)
                .iter()
                .any(|k| matches!(k, EventKind::ExamFinished { timed_out: true, .. }))
        );
        assert_eq!(app.context(), Context::ExamResult);
    }

    #[test]
    fn quitting_mid_exam_records_a_checkpoint_for_resume() {
        let mut app = app();
        press(&mut app, KeyCode::Char('e'));
        press(&mut app, KeyCode::Char('1'));
        app.update(Msg::Tick(fixed_now() + jiff::SignedDuration::from_mins(5)));
        assert!(press(&mut app, KeyCode::Char('q')).is_empty(), "q only asks");
        assert_eq!(app.context(), Context::ExamQuit);
        assert!(!app.is_quitting());
        let effects = press(&mut app, KeyCode::Char('y'));
        assert_eq!(effects.last(), Some(&Effect::Quit));
        assert!(
            matches!(records(&effects)[..], [EventKind::ExamAnswer { elapsed_ms: Some(ms), .. }] if *ms >= 300_000)
        );
    }
}

#[test]
fn an_exam_left_with_escape_can_be_continued_from_home() {
    let mut app = App::new(Setup::new(deck(), Lang::En, fixed_now()));
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Right);
    let effects = press(&mut app, KeyCode::Esc);
    assert!(
        effects.iter().any(|e| matches!(e, Effect::Append(_))),
        "leaving records a checkpoint"
    );
    assert_eq!(app.context(), Context::Home);
    press(&mut app, KeyCode::Char('c'));
    let Screen::Exam(exam) = app.screen() else {
        panic!("c did not continue the exam")
    };
    assert_eq!(exam.session.current(), 1, "back on the question it was left at");
    assert_eq!(exam.session.chosen(0), [0]);
}

#[test]
fn the_two_exported_files_are_listed_together_and_a_key_starts_afresh() {
    use recall::text::Notice;
    use std::path::PathBuf;
    let mut app = App::new(Setup::new(deck(), Lang::Ko, fixed_now()));
    let exported = |name: &str| Msg::Notice(Notice::Exported(vec![PathBuf::from("/d/exports").join(name)]));
    app.update(exported("r-cards.csv"));
    app.update(exported("r-anki.txt"));
    assert_eq!(app.status(), Some("내보냄: /d/exports/r-cards.csv, r-anki.txt"));
    press(&mut app, KeyCode::Down);
    app.update(exported("s-cards.csv"));
    assert_eq!(app.status(), Some("내보냄: /d/exports/s-cards.csv"));
}
