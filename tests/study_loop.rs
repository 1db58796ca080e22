//! The daily study loop as a learner meets it (issue 10): keys in, state and screen out.
//!
//! A tiny runner stands in for the real one: every `Append` is confirmed as written (`Msg::Saved`), so the
//! session moves on exactly as it does on disk.

mod screen;

use std::collections::BTreeMap;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use recall::core::content::{self, Deck, Item, Lang, Scenario};
use recall::core::progress::{Event, EventKind, Rating, export::anki};
use recall::core::quiz::Question;
use recall::io::deck::{DeckLocation, bundled_files, load};
use recall::text::{Notice, WriteFailure, WriteProblem};
use recall::ui::app::{App, Effect};
use recall::ui::keymap::{self, Context};
use recall::ui::msg::Msg;
use recall::ui::screens::Screen;
use recall::ui::shared::Setup;
use recall::ui::view::view;

fn fixed_now() -> jiff::Timestamp {
    "2026-11-26T12:00:00Z".parse().unwrap()
}

fn bundled() -> Arc<Deck> {
    Arc::new(content::load(&bundled_files().0).deck)
}

/// The README's example deck: two facts, then one scenario (right answer written first in the file).
fn minimal() -> Arc<Deck> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/minimal");
    Arc::new(load(&DeckLocation::Dir(dir.into())).unwrap().deck)
}

fn app_on(deck: Arc<Deck>, lang: Lang) -> App {
    App::new(Setup::new(deck, lang, fixed_now()))
}

/// Presses a key and confirms every event it asks to write, like the runner after an fsync.
fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    let Some(msg) = keymap::translate(app.context(), key, &app.shared().keys) else {
        return Vec::new();
    };
    let effects = app.update(msg);
    for effect in &effects {
        if let Effect::Append(event) = effect {
            app.update(Msg::Saved(event.clone(), Ok(())));
        }
    }
    effects
}

fn chars(app: &mut App, keys: &str) {
    for c in keys.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Answers every card left (first choice, or Space), grading Easy, until the summary shows; bounded so a
/// session that never ends fails instead of hanging.
fn finish(app: &mut App) {
    for _ in 0..500 {
        match app.context() {
            Context::StudySummary => return,
            Context::StudyChoose => chars(app, "1"),
            Context::Study => chars(app, " "),
            _ => {}
        }
        match app.context() {
            Context::StudyChoose => {
                press(app, KeyCode::Enter);
            }
            Context::StudyGrade => chars(app, "4"),
            _ => {}
        }
    }
    panic!("the session did not end:\n{}", text(app, 80, 24));
}

fn events(effects: &[Effect]) -> Vec<&Event> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Append(event) => Some(event),
            _ => None,
        })
        .collect()
}

fn text(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    screen::text_of(terminal.backend().buffer())
}

fn study(app: &App) -> &recall::ui::screens::study::StudyState {
    match app.screen() {
        Screen::Study(s) => s,
        _ => panic!("not on the study screen:\n{}", text(app, 80, 24)),
    }
}

fn scenarios(deck: &Deck) -> Vec<(String, &Scenario)> {
    deck.topics()
        .iter()
        .flat_map(|t| t.scenarios.iter().map(move |s| (t.id.clone(), s)))
        .collect()
}

/// The most right answers any one displayed position holds, as a share of the scenarios.
fn worst_position_share(right_positions: impl Iterator<Item = Vec<usize>>) -> f64 {
    let mut at: BTreeMap<usize, usize> = BTreeMap::new();
    let mut questions = 0;
    for positions in right_positions {
        questions += 1;
        for p in positions {
            *at.entry(p).or_default() += 1;
        }
    }
    let worst = at.values().copied().max().unwrap_or(0);
    worst as f64 / questions as f64
}

// ---- 1. The right answer is never given away by its position ----

#[test]
fn the_bundled_file_order_would_give_the_answer_away() {
    // The premise of the shuffle: in the files, the right answer mostly stands first.
    let deck = bundled();
    let share = worst_position_share(
        scenarios(&deck)
            .into_iter()
            .map(|(_, s)| (0..s.choices.len()).filter(|&i| s.choices[i].correct).collect()),
    );
    assert!(
        share > 0.40,
        "the deck's own order is already balanced ({share:.2})"
    );
}

#[test]
fn browse_and_study_never_put_the_answer_in_one_position_more_than_40_percent() {
    let deck = bundled();
    for turn in [0, 1, 2, 5] {
        let share = worst_position_share(
            scenarios(&deck)
                .into_iter()
                .map(|(topic, s)| Question::shown(&topic, s, turn).unwrap().correct_indices()),
        );
        assert!(
            share <= 0.40,
            "turn {turn}: one position holds {share:.2} of the right answers"
        );
    }
}

#[test]
fn the_anki_export_letters_are_balanced_too() {
    let deck = bundled();
    let notes = anki::notes(&deck, Lang::En);
    let scenario_notes: Vec<_> = notes.iter().filter(|n| n.front.contains("\nA. ")).collect();
    assert_eq!(scenario_notes.len(), scenarios(&deck).len());
    let share = worst_position_share(scenario_notes.iter().map(|n| {
        n.back
            .lines()
            .take_while(|l| !l.is_empty())
            .map(|l| usize::from(l.as_bytes()[0] - b'A'))
            .collect()
    }));
    assert!(share <= 0.40, "one letter holds {share:.2} of the right answers");
}

#[test]
fn browse_shows_the_choices_in_the_shown_order() {
    let deck = minimal();
    let mut app = app_on(deck.clone(), Lang::En);
    press(&mut app, KeyCode::Enter);
    for _ in 0..3 {
        press(&mut app, KeyCode::Right);
    }
    press(&mut app, KeyCode::Char('a'));
    let screen = text(&app, 100, 30);
    let (topic, scenario) = scenarios(&deck).remove(0);
    let shown = Question::shown(&topic, scenario, 0).unwrap();
    for (i, choice) in shown.choices.iter().enumerate() {
        let letter = char::from(b'A' + i as u8);
        let mark = if choice.correct { '✓' } else { '✗' };
        let line = format!("{mark} {letter}. {}", choice.text.get(Lang::En));
        assert!(screen.contains(&line), "{line:?} missing:\n{screen}");
    }
}

proptest! {
    #[test]
    fn the_shown_order_is_a_reproducible_permutation(n in 2usize..7, right in 0usize..7, turn in 0u32..50) {
        let right = right % n;
        let scenario = Scenario {
            id: "pick".into(),
            prompt: content::Text::plain("Which?"),
            keywords: content::Keywords::default(),
            explanation: content::Text::plain("Because."),
            source: "https://example.com".into(),
            checked: None,
            related: Vec::new(),
            choices: (0..n)
                .map(|i| content::Choice {
                    text: content::Text::plain(format!("option {i}")),
                    correct: i == right,
                    why: content::Text::plain(format!("why {i}")),
                })
                .collect(),
        };
        let order = |turn| -> Vec<String> {
            Question::shown("t", &scenario, turn)
                .unwrap()
                .choices
                .iter()
                .map(|c| c.text.get(Lang::En).to_string())
                .collect()
        };
        let first = order(turn);
        prop_assert_eq!(&first, &order(turn));
        let mut sorted = first.clone();
        sorted.sort();
        let mut expected: Vec<String> = (0..n).map(|i| format!("option {i}")).collect();
        expected.sort();
        prop_assert_eq!(sorted, expected);
    }
}

// ---- 2. Scenario cards are answered in Study ----

/// Studies the two facts of the minimal deck (Space shows, Space grades Good) to reach its scenario.
fn at_the_scenario_card() -> App {
    let mut app = app_on(minimal(), Lang::En);
    press(&mut app, KeyCode::Char('s'));
    for _ in 0..2 {
        assert_eq!(
            app.context(),
            Context::Study,
            "a fact card shows its question first"
        );
        press(&mut app, KeyCode::Char(' '));
        assert_eq!(app.context(), Context::StudyGrade);
        press(&mut app, KeyCode::Char(' '));
    }
    assert_eq!(app.context(), Context::StudyChoose, "{}", text(&app, 80, 24));
    app
}

fn position_of(app: &App, right: bool) -> usize {
    let question = study(app)
        .question
        .as_ref()
        .expect("a scenario card is a question");
    question.choices.iter().position(|c| c.correct == right).unwrap()
}

#[test]
fn a_wrong_answer_shows_every_reason_and_suggests_again() {
    let mut app = at_the_scenario_card();
    let wrong = position_of(&app, false);
    press(&mut app, KeyCode::Char(char::from(b'1' + wrong as u8)));
    assert_eq!(app.context(), Context::StudyChoose, "choosing is not answering");
    assert!(
        press(&mut app, KeyCode::Enter).is_empty(),
        "answering writes nothing yet"
    );
    assert_eq!(app.context(), Context::StudyGrade);
    let screen = text(&app, 100, 30);
    assert!(screen.contains("Wrong."), "{screen}");
    assert!(screen.contains('✗') && screen.contains('✓'), "{screen}");
    assert!(
        screen.contains("IAM users are for people who manage AWS"),
        "every choice's reason is shown:\n{screen}"
    );
    assert!(screen.contains("▸1 Again"), "Again is suggested:\n{screen}");
    let effects = press(&mut app, KeyCode::Char(' '));
    assert!(
        matches!(
            events(&effects)[..],
            [Event {
                kind: EventKind::Review {
                    rating: Rating::Again,
                    ..
                },
                ..
            }]
        ),
        "{effects:?}"
    );
}

#[test]
fn a_right_answer_by_letter_suggests_good_and_any_grade_can_still_be_picked() {
    let mut app = at_the_scenario_card();
    let right = position_of(&app, true);
    press(&mut app, KeyCode::Char(char::from(b'a' + right as u8)));
    press(&mut app, KeyCode::Enter);
    assert!(text(&app, 100, 30).contains("Correct."));
    assert_eq!(study(&app).suggested(), Rating::Good);
    let effects = press(&mut app, KeyCode::Char('2'));
    assert!(matches!(
        events(&effects)[..],
        [Event {
            kind: EventKind::Review {
                rating: Rating::Hard,
                ..
            },
            ..
        }]
    ));
}

#[test]
fn digits_choose_before_answering_and_grade_after() {
    let mut app = at_the_scenario_card();
    assert!(
        press(&mut app, KeyCode::Char('3')).is_empty(),
        "3 picks a choice, it does not grade"
    );
    assert_eq!(study(&app).picked.iter().copied().collect::<Vec<_>>(), [2]);
    press(&mut app, KeyCode::Enter);
    let effects = press(&mut app, KeyCode::Char('3'));
    assert_eq!(events(&effects).len(), 1, "after answering, 3 grades Good");
}

#[test]
fn undo_brings_the_scenario_back_unanswered_in_the_same_order() {
    let mut app = at_the_scenario_card();
    let before = study(&app).question.clone();
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('4'));
    assert_ne!(
        app.context(),
        Context::StudyChoose,
        "graded: the next card is on screen"
    );
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.context(), Context::StudyChoose, "back to choosing");
    assert_eq!(study(&app).question, before, "the same choice order after undo");
    assert!(study(&app).picked.is_empty());
}

#[test]
fn answering_needs_as_many_picks_as_the_question_asks() {
    let mut app = at_the_scenario_card();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::StudyChoose);
    assert!(app.status().unwrap().contains("Pick 1"), "{:?}", app.status());
}

#[test]
fn the_footer_names_the_keys_of_each_step() {
    let mut app = at_the_scenario_card();
    let footer = |app: &App| text(app, 80, 24).lines().last().unwrap().to_string();
    // The card offers three choices: the footer names their keys, not all six the table binds.
    assert!(footer(&app).contains("1-3 choose"), "{}", footer(&app));
    assert!(footer(&app).contains("Enter/Space answer"), "{}", footer(&app));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Enter);
    assert!(footer(&app).contains("grade ▸ (suggested)"), "{}", footer(&app));
    assert!(footer(&app).contains("u undo"), "{}", footer(&app));
    let screen = text(&app, 80, 24);
    assert!(
        screen.contains("1 Again") && screen.contains("4 Easy"),
        "the grade buttons:\n{screen}"
    );
}

// ---- 3. Study one topic from home ----

#[test]
fn s_studies_the_selected_topic_and_a_studies_all() {
    let deck = bundled();
    let mut app = app_on(deck.clone(), Lang::En);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('s'));
    let topic = &deck.topics()[2].id;
    assert_eq!(study(&app).topic.as_deref(), Some(topic.as_str()));
    assert!(
        study(&app)
            .session
            .scope()
            .iter()
            .all(|id| id.starts_with(&format!("{topic}/")))
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(study(&app).topic, None);
    assert_eq!(study(&app).session.scope().len(), deck.cards().count());
}

#[test]
fn home_says_what_each_key_will_study_and_that_the_limit_is_shared() {
    let mut app = app_on(bundled(), Lang::En);
    press(&mut app, KeyCode::Down);
    let screen = text(&app, 100, 30);
    assert!(screen.contains("limits shared by all topics"), "{screen}");
    assert!(screen.contains("s study AWS Lambda: 0 due, 20 new"), "{screen}");
    assert!(screen.contains("a study all topics: 0 due, 20 new"), "{screen}");
}

#[test]
fn home_counts_follow_a_grade_once_home_is_back() {
    let mut app = app_on(minimal(), Lang::En);
    let new_before = app.shared().counts.all.new;
    press(&mut app, KeyCode::Char('s'));
    chars(&mut app, "  ");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.shared().counts.all.new, new_before - 1);
}

// ---- 4. A session ends with a summary and a next step ----

/// Answers (choice 1) and grades Good until the session's summary shows.
fn grade_good_until_the_summary(app: &mut App) {
    while app.context() != Context::StudySummary {
        match app.context() {
            Context::StudyChoose => {
                press(app, KeyCode::Char('1'));
                press(app, KeyCode::Enter);
            }
            _ => {
                press(app, KeyCode::Char(' '));
            }
        }
        press(app, KeyCode::Char('3'));
    }
}

#[test]
fn the_summary_tells_what_was_done_and_what_comes_next() {
    let mut app = at_the_scenario_card();
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('1'));
    // The Again card comes back within the session; grade it Good to finish.
    grade_good_until_the_summary(&mut app);
    let screen = text(&app, 80, 24);
    assert!(screen.contains("Again 1"), "{screen}");
    assert!(screen.contains("Next card due in"), "{screen}");
    assert!(screen.contains("c  cram these 3 card(s) again"), "{screen}");
    assert!(screen.contains("C  cram every card of this topic"), "{screen}");
    for line in screen.lines() {
        assert!(!line.trim_end().ends_with('…'), "a cut line: {line}");
    }
    let studied = study(&app).session.studied();
    assert_eq!(studied.len(), 3);
    press(&mut app, KeyCode::Char('c'));
    assert!(study(&app).is_cram(), "c crams");
    assert_eq!(study(&app).session.scope(), studied, "the same cards again");
    // Through them, then C crams every card of the topic.
    grade_good_until_the_summary(&mut app);
    press(&mut app, KeyCode::Char('C'));
    assert!(study(&app).is_cram());
    let topic = study(&app).topic.clone();
    let whole = recall::core::srs::scope(&app.shared().deck, topic.as_deref());
    assert_eq!(
        study(&app).session.scope(),
        whole,
        "every card of the topic, in deck order"
    );
}

#[test]
fn n_on_the_summary_studies_more_new_cards_today() {
    let deck = bundled();
    let mut app = App::new(Setup {
        limits: recall::core::srs::Limits {
            new_per_day: 1,
            reviews_per_day: 200,
        },
        ..Setup::new(deck, Lang::En, fixed_now())
    });
    press(&mut app, KeyCode::Char('s'));
    chars(&mut app, "  ");
    finish(&mut app);
    press(&mut app, KeyCode::Char('n'));
    let state = study(&app);
    assert_eq!(state.extra_new, 10);
    assert_eq!(
        state.session.remaining().new + 1,
        10,
        "ten more new cards, one on screen"
    );
}

#[test]
fn an_empty_session_opens_on_its_summary_with_cram_reachable() {
    let mut app = app_on(minimal(), Lang::En);
    press(&mut app, KeyCode::Char('s'));
    finish(&mut app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(
        app.context(),
        Context::StudySummary,
        "nothing due: the summary, not a dead end"
    );
    press(&mut app, KeyCode::Char('c'));
    assert!(study(&app).is_cram());
    assert_eq!(app.context(), Context::Study);
}

// ---- 5. Exams end well ----

fn exam_app() -> App {
    app_on(bundled(), Lang::En)
}

#[test]
fn the_start_box_promises_the_exam_that_starts() {
    let mut app = exam_app();
    assert!(text(&app, 100, 30).contains("mock exam (65 questions, 130 minutes)"));
    let effects = press(&mut app, KeyCode::Char('e'));
    assert!(matches!(
        &events(&effects)[0].kind,
        EventKind::ExamStarted { questions, time_limit_s: 7800, .. } if questions.len() == 65
    ));
}

#[test]
fn e_with_an_interrupted_exam_asks_and_discard_closes_it_for_good() {
    let mut app = exam_app();
    let first = events(&press(&mut app, KeyCode::Char('e')))[0].clone();
    let EventKind::ExamStarted { exam: old, .. } = first.kind.clone() else {
        panic!("no exam started")
    };
    let old = &old;
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(app.context(), Context::ExamPrompt);
    assert!(
        text(&app, 100, 30).contains("discard it"),
        "{}",
        text(&app, 100, 30)
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Home, "Esc cancels");
    press(&mut app, KeyCode::Char('e'));
    let effects = press(&mut app, KeyCode::Char('d'));
    let kinds: Vec<&EventKind> = events(&effects).iter().map(|e| &e.kind).collect();
    assert!(
        matches!(&kinds[..], [EventKind::ExamAbandoned { exam }, EventKind::ExamStarted { .. }] if exam == old)
    );
    assert_eq!(app.context(), Context::Exam);
    let log: Vec<Event> = [first]
        .into_iter()
        .chain(events(&effects).into_iter().cloned())
        .collect();
    let unfinished = recall::core::quiz::latest_unfinished(&log).unwrap();
    assert_ne!(
        &unfinished.exam, old,
        "the discarded exam can no longer be resumed"
    );
    let progress = recall::core::progress::replay(log, &app.shared().scheduler);
    let record = progress.exams().find(|e| &e.id == old).unwrap();
    assert!(record.abandoned.is_some() && !record.is_unfinished());
}

#[test]
fn c_on_the_exam_question_continues_it() {
    let mut app = exam_app();
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Char('c'));
    let Screen::Exam(exam) = app.screen() else {
        panic!("c did not continue")
    };
    assert_eq!(exam.session.chosen(0), [0]);
}

#[test]
fn an_open_exam_checkpoints_its_time_every_few_seconds() {
    let mut app = exam_app();
    press(&mut app, KeyCode::Char('e'));
    let tick = |app: &mut App, secs| {
        let effects = app.update(Msg::Tick(fixed_now() + jiff::SignedDuration::from_secs(secs)));
        for e in &effects {
            if let Effect::Append(event) = e {
                app.update(Msg::Saved(event.clone(), Ok(())));
            }
        }
        events(&effects).len()
    };
    assert_eq!(tick(&mut app, 1), 1, "the first tick records the time");
    assert_eq!(tick(&mut app, 3), 0, "not again within 5 s");
    assert_eq!(tick(&mut app, 7), 1, "again after 5 s");
}

#[test]
fn q_in_an_exam_asks_and_esc_goes_back_to_it() {
    let mut app = exam_app();
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Char('q'));
    assert!(text(&app, 80, 24).contains("The exam is kept"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Exam);
    assert!(!app.is_quitting());
}

#[test]
fn the_essential_exam_keys_fit_the_footer_at_80_columns_in_both_languages() {
    for lang in [Lang::En, Lang::Ko] {
        let mut app = app_on(bundled(), lang);
        press(&mut app, KeyCode::Char('e'));
        let screen = text(&app, 80, 24);
        let footer = screen.lines().last().unwrap();
        for key in ["←", "→", "1-", "f ", "r ", "S ", "?/F1"] {
            assert!(footer.contains(key), "{lang:?}: {key:?} missing from {footer:?}");
        }
    }
}

// ---- 6. One study session per data folder ----

#[test]
fn opening_study_claims_the_lock_and_a_refusal_closes_it_with_the_reason() {
    let mut app = app_on(minimal(), Lang::En);
    let effects = press(&mut app, KeyCode::Char('s'));
    assert!(effects.contains(&Effect::ClaimStudy), "{effects:?}");
    app.update(Msg::StudyRefused(Notice::StudyLocked { holder: Some(42) }));
    assert_eq!(app.context(), Context::Home);
    let status = app.status().expect("the refusal is shown");
    assert!(
        status.starts_with("another recall (process 42) is studying"),
        "{status}"
    );
    press(&mut app, KeyCode::Char('s'));
    let effects = press(&mut app, KeyCode::Esc);
    assert!(effects.contains(&Effect::ReleaseStudy), "{effects:?}");
}

#[test]
fn a_session_opened_after_another_process_studied_starts_from_its_grades() {
    // Two Home screens on one folder: the other one studied every card after this one started.
    let mut app = app_on(minimal(), Lang::En);
    let effects = press(&mut app, KeyCode::Char('s'));
    assert!(effects.contains(&Effect::ClaimStudy), "{effects:?}");
    assert_eq!(
        app.context(),
        Context::Study,
        "the stale session would show a card"
    );
    let deck = minimal();
    let at = fixed_now() - jiff::SignedDuration::from_mins(5);
    let graded: Vec<Event> = deck
        .cards()
        .enumerate()
        .map(|(i, (id, _))| {
            Event::new(
                format!("other-{i}"),
                at,
                EventKind::Review {
                    card: id.to_string(),
                    rating: Rating::Easy,
                    duration_ms: 1000,
                    cram: false,
                },
            )
        })
        .collect();
    app.update(Msg::StudyClaimed {
        events: graded.clone(),
        notice: None,
    });
    assert_eq!(
        app.context(),
        Context::StudySummary,
        "every card was graded Easy elsewhere: nothing is left to study"
    );
    assert_eq!(app.status(), None);
    // Events it knows already change nothing, and a notice is shown.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('s'));
    app.update(Msg::StudyClaimed {
        events: graded,
        notice: Some(Notice::StudyUnguarded(WriteFailure {
            problem: WriteProblem::Other,
            path: "/x".into(),
            detail: "cannot lock /x: no locks here".into(),
        })),
    });
    let status = app.status().unwrap_or_default();
    assert!(
        status.starts_with("studying without the study lock (cannot lock /x: no locks here)"),
        "{status}"
    );
}

#[test]
fn items_are_scenarios_in_the_minimal_deck_as_the_tests_assume() {
    let deck = minimal();
    let kinds: Vec<bool> = deck
        .cards()
        .map(|(_, at)| matches!(deck.item(at), Some(Item::Scenario(_))))
        .collect();
    assert_eq!(kinds, [false, false, true]);
}

// ---- 7. Long notes scroll ----

#[test]
fn a_long_note_scrolls_to_its_sources_with_a_marker_while_more_follows() {
    let deck = bundled();
    let (topic, lambda) = deck.topic("lambda").unwrap();
    let note = lambda
        .sections
        .iter()
        .position(|s| s.title.get(Lang::En).starts_with("Concurrency, scaling"))
        .expect("the long note exists");
    let mut app = app_on(deck.clone(), Lang::En);
    for _ in 0..topic {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    for _ in 0..note {
        press(&mut app, KeyCode::Char('n'));
    }
    let first = text(&app, 80, 24);
    assert!(first.contains("Concurrency, scaling"), "{first}");
    assert!(first.contains("↓ more"), "the marker says more follows:\n{first}");
    assert!(
        !first.contains("↗ https"),
        "the note fits already; pick a longer one:\n{first}"
    );
    press(&mut app, KeyCode::End);
    let end = text(&app, 80, 24);
    assert!(end.contains("↗ https"), "End reaches the sources:\n{end}");
    assert!(!end.contains("↓ more"), "{end}");
    press(&mut app, KeyCode::Home);
    assert_eq!(text(&app, 80, 24), first, "Home goes back to the top");
    press(&mut app, KeyCode::Down);
    assert_ne!(text(&app, 80, 24), first, "↓ scrolls one line");
}

#[test]
fn korean_scenario_cards_and_the_summary_keep_their_borders_at_60_by_15() {
    let mut app = at_the_scenario_card();
    app.update(Msg::Action(recall::ui::msg::Action::ToggleLang));
    let draw = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(60, 15)).unwrap();
        terminal.draw(|f| view(app, f)).unwrap();
        screen::assert_borders_intact(terminal.backend().buffer());
        screen::text_of(terminal.backend().buffer())
    };
    assert!(draw(&app).contains("1-3 선택"), "{}", draw(&app));
    chars(&mut app, "1");
    press(&mut app, KeyCode::Enter);
    let answered = draw(&app);
    assert!(answered.contains("다시"), "{answered}");
    finish(&mut app);
    assert!(draw(&app).contains("벼락치기"), "{}", draw(&app));
}

#[test]
fn exports_show_a_discarded_exam_as_abandoned() {
    let mut app = exam_app();
    let mut log: Vec<Event> = events(&press(&mut app, KeyCode::Char('e')))
        .into_iter()
        .cloned()
        .collect();
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('e'));
    log.extend(events(&press(&mut app, KeyCode::Char('d'))).into_iter().cloned());
    let progress = recall::core::progress::replay(log, &app.shared().scheduler);
    let rows = recall::core::progress::export::tables::exam_rows(&progress);
    assert_eq!(rows.len(), 2);
    let abandoned: Vec<_> = rows.iter().filter(|r| r.abandoned_at.is_some()).collect();
    assert_eq!(abandoned.len(), 1, "only the discarded exam: {rows:?}");
    assert!(abandoned[0].finished_at.is_none(), "it has no result");
}

#[test]
fn the_interrupted_exam_question_shows_even_on_a_small_terminal() {
    for lang in [Lang::En, Lang::Ko] {
        let mut app = app_on(bundled(), lang);
        press(&mut app, KeyCode::Char('e'));
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('e'));
        let screen = text(&app, 60, 15);
        let footer = screen.lines().last().unwrap();
        assert!(
            footer.contains("c ") && footer.contains("d "),
            "{lang:?}: {footer}"
        );
        let asked = match lang {
            Lang::En => "An exam is still open",
            Lang::Ko => "끝나지 않은 모의고사",
        };
        assert!(screen.contains(asked), "{screen}");
    }
}

#[test]
fn a_card_seen_again_is_reshuffled() {
    let deck = bundled();
    let all = scenarios(&deck);
    let reshuffled = all
        .iter()
        .filter(|(topic, s)| {
            let order = |turn| Question::shown(topic, s, turn).unwrap().choices;
            order(0) != order(1)
        })
        .count();
    assert!(
        reshuffled * 2 > all.len(),
        "only {reshuffled} of {} scenarios changed order on their second review",
        all.len()
    );
}

#[test]
fn the_choose_hint_names_only_the_keys_of_the_choices_shown() {
    let mut app = at_the_scenario_card();
    let screen = text(&app, 80, 24);
    assert!(
        screen.contains("choose with 1–3 / a–c"),
        "three choices:\n{screen}"
    );
    press(&mut app, KeyCode::Enter);
    assert!(app.status().unwrap().contains("1–3 / a–c"), "{:?}", app.status());
}

#[test]
fn each_review_count_gives_its_own_order() {
    // Eight reviews of a five-choice card should rarely repeat an order (120 are possible).
    let deck = bundled();
    for (topic, s) in scenarios(&deck).into_iter().filter(|(_, s)| s.choices.len() == 5) {
        let orders: std::collections::HashSet<Vec<String>> = (0..8)
            .map(|turn| {
                let q = Question::shown(&topic, s, turn).unwrap();
                q.choices
                    .iter()
                    .map(|c| c.text.get(Lang::En).to_string())
                    .collect()
            })
            .collect();
        assert!(
            orders.len() >= 5,
            "{topic}/{}: only {} orders in 8 reviews",
            s.id,
            orders.len()
        );
    }
}

#[test]
fn study_screens_snapshots_in_both_languages_at_80x24_and_60x15() {
    for lang in [Lang::En, Lang::Ko] {
        let mut app = app_on(minimal(), lang);
        press(&mut app, KeyCode::Char('s'));
        let mut shots = vec![("fact-question", app_text(&app))];
        press(&mut app, KeyCode::Char(' '));
        shots.push(("fact-answer", app_text(&app)));
        press(&mut app, KeyCode::Char(' '));
        press(&mut app, KeyCode::Char(' '));
        press(&mut app, KeyCode::Char(' '));
        shots.push(("scenario-choose", app_text(&app)));
        press(&mut app, KeyCode::Char('1'));
        press(&mut app, KeyCode::Enter);
        shots.push(("scenario-answered", app_text(&app)));
        finish(&mut app);
        shots.push(("summary", app_text(&app)));
        for (name, sizes) in shots {
            for (size, screen) in sizes {
                insta::assert_snapshot!(format!("study-{name}-{}-{size}", lang.code()), screen);
            }
        }
    }
}

/// The screen at 80×24 and 60×15, named by size.
fn app_text(app: &App) -> Vec<(&'static str, String)> {
    vec![("80x24", text(app, 80, 24)), ("60x15", text(app, 60, 15))]
}
