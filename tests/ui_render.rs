//! Rendering the real screens into a TestBackend: borders survive wide (Korean) text, tiny terminals get
//! the "make the window larger" notice, and snapshots pin every screen in both languages at 80×24, 120×40
//! and 60×15.

mod screen;

use screen::{assert_borders_intact, text_of};
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use recall::core::content::{self, Deck, Lang};
use recall::io::deck::bundled_files;
use recall::ui::app::{App, Effect};
use recall::ui::msg::{Action, Msg};
use recall::ui::screens::Screen;
use recall::ui::shared::Setup;
use recall::ui::theme::Theme;
use recall::ui::view::view;

fn fixed_now() -> jiff::Timestamp {
    "2026-11-26T12:00:00Z".parse().unwrap()
}

pub fn bundled() -> Arc<Deck> {
    Arc::new(content::load(&bundled_files().0).deck)
}

fn render(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

fn app(lang: Lang) -> App {
    let mut app = App::new(Setup {
        theme: Theme::new(false),
        ..Setup::new(bundled(), lang, fixed_now())
    });
    app.update(Msg::SearchReady);
    app
}

/// Types `text` into the search screen, answering each search effect as the worker would (synchronously).
fn type_search(app: &mut App, text: &str) {
    let index = recall::core::search::SearchIndex::new(Arc::clone(&app.shared().deck));
    for c in text.chars() {
        for effect in app.update(Msg::Input(c)) {
            if let recall::ui::app::Effect::Search(request) = effect {
                let hits = index.search_with(&request.query, &request.options);
                app.update(Msg::SearchResults {
                    generation: request.generation,
                    hits,
                });
            }
        }
    }
}

fn act(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(Msg::Action(*a));
    }
}

#[test]
fn korean_scenarios_and_tables_keep_their_borders() {
    use Action::*;
    for (w, h) in [(80, 24), (60, 15), (120, 40), (47, 12)] {
        let mut app = app(Lang::Ko);
        act(&mut app, &[Down, Down, Open]);
        for _ in 0..4 {
            assert_borders_intact(&render(&app, w, h));
            act(&mut app, &[Right]);
        }
        act(&mut app, &[Left, Reveal]);
        for _ in 0..6 {
            assert_borders_intact(&render(&app, w, h));
            act(&mut app, &[Down, Reveal]);
        }
    }
}

#[test]
fn tiny_terminals_get_a_notice_not_a_broken_layout() {
    let app = app(Lang::En);
    for (w, h) in [(1, 1), (10, 3), (39, 24), (80, 9)] {
        let text = text_of(&render(&app, w, h));
        if w >= 30 {
            assert!(text.contains("make the window larger"), "{w}×{h}:\n{text}");
        }
    }
    let text = text_of(&render(&app, 39, 10));
    assert!(text.contains("needs 40×10"), "{text}");
}

#[test]
fn home_lists_every_topic_with_keys() {
    let text = text_of(&render(&app(Lang::En), 80, 24));
    for title in [
        "Serverless overview",
        "AWS Lambda",
        "Amazon DynamoDB",
        "Amazon Cognito",
    ] {
        assert!(text.contains(title), "{title} missing:\n{text}");
    }
    assert!(text.contains("?/F1 help"));
}

#[test]
fn snapshots_of_every_screen() {
    use Action::*;
    let screens: &[(&str, &[Action])] = &[
        ("home", &[]),
        ("browse-topics", &[Browse]),
        ("browse-notes", &[Down, Open]),
        ("browse-facts", &[Down, Open, Right]),
        ("browse-compare", &[Down, Down, Open, Right, Right]),
        ("browse-scenario", &[Down, Open, Left]),
        ("browse-scenario-answer", &[Down, Open, Left, Reveal]),
        ("help", &[Help]),
        ("search-empty", &[Search]),
        ("search-help", &[Search, Help]),
        ("quiz", &[Quiz]),
        ("exam", &[Exam]),
        ("exam-review", &[Exam, Choose(2), Flag, Right, ReviewList]),
        ("exam-confirm", &[Exam, Choose(1), Submit]),
        ("exam-result", &[Exam, Choose(1), Submit, Open]),
    ];
    for lang in Lang::ALL {
        for (w, h) in [(80u16, 24u16), (120, 40), (60, 15)] {
            for (name, actions) in screens {
                let mut app = app(lang);
                act(&mut app, actions);
                let text = text_of(&render(&app, w, h));
                insta::assert_snapshot!(format!("{name}-{lang}-{w}x{h}"), text);
            }
            let app = answered_quiz(lang);
            let text = text_of(&render(&app, w, h));
            let score = match lang {
                Lang::En => "score 1/1",
                Lang::Ko => "정답 1/1",
            };
            assert!(text.contains(score), "{w}×{h}:\n{text}");
            insta::assert_snapshot!(format!("quiz-answered-{lang}-{w}x{h}"), text);
        }
    }
}

/// Presses the key that the key table binds to `action` on the screen now showing (for `Choose(n)`, the
/// key of choice n), through the terminal's key translation; returns the effects.
fn press_for(app: &mut App, action: Action) -> Vec<Effect> {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use recall::ui::keymap::{self, Key};
    let context = app.context();
    let key = keymap::bindings_for(context)
        .find_map(|b| match (b.action, action) {
            (Action::Choose(_), Action::Choose(n)) => b.keys.get(usize::from(n) - 1).copied(),
            (bound, wanted) if bound == wanted => b.keys.first().copied(),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no key does {action:?} in {context:?}"));
    let event = match key {
        Key::Char(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Key::Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
    };
    let msg = keymap::translate(context, event, &app.shared().keys);
    assert_eq!(msg, Some(Msg::Action(action)), "{key:?} in {context:?}");
    app.update(msg.unwrap())
}

/// A quiz started from Home whose first question is answered, rightly, with the keys a learner presses:
/// the right choices (however many the question asks for), then the answer key.
fn answered_quiz(lang: Lang) -> App {
    let mut app = app(lang);
    press_for(&mut app, Action::Quiz);
    let quiz = |app: &App| match app.screen() {
        Screen::Quiz(quiz) => quiz.answered,
        _ => panic!("not in a quiz:\n{}", text_of(&render(app, 80, 24))),
    };
    let right = match app.screen() {
        Screen::Quiz(quiz) => quiz.session.current().expect("a question").correct_indices(),
        _ => panic!("Quiz did not open a quiz"),
    };
    for choice in right {
        press_for(&mut app, Action::Choose(choice as u8 + 1));
    }
    assert!(!quiz(&app), "picking is not answering");
    let effects = press_for(&mut app, Action::Submit);
    assert!(quiz(&app), "{}", text_of(&render(&app, 80, 24)));
    assert!(
        matches!(effects.as_slice(), [Effect::Append(_)]),
        "the answer is recorded: {effects:?}"
    );
    app
}

#[test]
fn search_screen_highlights_choseong_matches_and_opens_the_item() {
    let mut app = app(Lang::Ko);
    app.update(Msg::Action(Action::Search));
    type_search(&mut app, "ㄹㄷ");
    let text = text_of(&render(&app, 80, 24));
    assert!(
        text.contains("리디렉션"),
        "ㄹㄷ finds 리디렉션 (ㄹ·ㄷ initials):\n{text}"
    );
    insta::assert_snapshot!("search-choseong-ko-80x24", text);
    app.update(Msg::Action(Action::Open));
    assert!(
        matches!(app.screen(), recall::ui::screens::Screen::Browse(_)),
        "Enter opens the hit in Browse"
    );
    app.update(Msg::Action(Action::Back));
    assert!(
        matches!(app.screen(), recall::ui::screens::Screen::Search(_)),
        "Esc goes back to the results"
    );
}

#[test]
fn search_says_indexing_until_the_index_is_ready_then_shows_only_the_latest_results() {
    let mut app = App::new(Setup::new(bundled(), Lang::En, fixed_now()));
    app.update(Msg::Action(Action::Search));
    let effects = app.update(Msg::Input('x'));
    assert!(
        matches!(effects.as_slice(), [recall::ui::app::Effect::Search(_)]),
        "{effects:?}"
    );
    assert!(text_of(&render(&app, 80, 24)).contains("indexing…"));
    app.update(Msg::SearchReady);
    assert!(text_of(&render(&app, 80, 24)).contains("searching…"));

    // An answer to an older keystroke is dropped; the latest one is shown; a query with no hit says so.
    let stale = app.update(Msg::Input('y'));
    let latest = app.update(Msg::Input('z'));
    let generation = |effects: &[recall::ui::app::Effect]| match effects {
        [recall::ui::app::Effect::Search(r)] => r.generation,
        other => panic!("{other:?}"),
    };
    let index = recall::core::search::SearchIndex::new(bundled());
    let some_hits = index.search("lambda", 3);
    app.update(Msg::SearchResults {
        generation: generation(&stale),
        hits: some_hits,
    });
    assert!(
        text_of(&render(&app, 80, 24)).contains("searching…"),
        "stale results are not shown"
    );
    app.update(Msg::SearchResults {
        generation: generation(&latest),
        hits: Vec::new(),
    });
    assert!(text_of(&render(&app, 80, 24)).contains("no match"));
}

#[test]
fn a_long_search_query_scrolls_so_the_typing_stays_in_view() {
    let mut app = app(Lang::En);
    app.update(Msg::Action(Action::Search));
    type_search(
        &mut app,
        "lambda function url authtype aws_iam none cors invoke mode response stream",
    );
    let text = text_of(&render(&app, 60, 15));
    let query_row = text.lines().nth(2).unwrap();
    assert!(
        query_row.starts_with("│…") && query_row.contains("response stream▏"),
        "the end of the query and the caret show, with … for the hidden start:\n{text}"
    );
    assert_borders_intact(&render(&app, 60, 15));
    let title_row = text.lines().nth(1).unwrap();
    assert!(
        title_row.ends_with("…┐"),
        "the hint in the title gives way with …: {title_row:?}"
    );
}

#[test]
fn at_the_narrowest_width_browse_keeps_every_tab_name_and_the_language_tag() {
    for lang in [Lang::En, Lang::Ko] {
        let mut app = app(lang);
        app.update(Msg::Action(Action::Open));
        let wide = text_of(&render(&app, 80, 24));
        let narrow = text_of(&render(&app, 40, 12));
        let tabs = |text: &str| text.lines().nth(1).unwrap().to_string();
        let names: &[&str] = match lang {
            Lang::En => &["Notes", "Facts", "Compare", "Scenarios"],
            Lang::Ko => &["노트", "요점", "비교표", "시나리오"],
        };
        for name in names {
            assert!(
                tabs(&narrow).contains(name),
                "{name} missing at 40 columns:\n{narrow}"
            );
        }
        let facts = format!("({})", bundled().topics()[0].facts.len());
        assert!(
            tabs(&wide).contains(&facts),
            "at 80 columns the counts show:\n{wide}"
        );
        let header = narrow.lines().next().unwrap().trim_end();
        let tag = if lang == Lang::En { "[EN]" } else { "[한국어]" };
        assert!(header.ends_with(tag), "the language tag stays: {header:?}");
        assert_borders_intact(&render(&app, 40, 12));
    }
}

/// The rows inside the box whose top border holds `title`.
fn box_rows(text: &str, title: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let top = lines.iter().position(|l| l.contains(title)).unwrap();
    lines[top + 1..]
        .iter()
        .take_while(|l| !l.trim_start().starts_with('└'))
        .map(|l| l.to_string())
        .collect()
}

#[test]
fn page_down_in_a_small_fact_detail_skips_no_line() {
    use Action::*;
    let mut app = app(Lang::En);
    act(&mut app, &[Open, Right]);
    // The first fact whose detail takes more than two views at 60×15 (a 4-row box).
    let mut pages = Vec::new();
    for n in 1..=11 {
        let title = format!("┌ {n}/");
        let first = box_rows(&text_of(&render(&app, 60, 15)), &title);
        act(&mut app, &[PageDown]);
        let second = box_rows(&text_of(&render(&app, 60, 15)), &title);
        act(&mut app, &[PageDown]);
        let third = box_rows(&text_of(&render(&app, 60, 15)), &title);
        if third != second && second != first {
            pages = vec![first, second, third];
            break;
        }
        act(&mut app, &[NextItem]);
    }
    assert!(
        !pages.is_empty(),
        "no fact of the first topic is three views long"
    );
    for pair in pages.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        assert_eq!(
            after.first(),
            before.last(),
            "a page keeps the last row of the one before it: {before:#?} then {after:#?}"
        );
    }
}

#[test]
fn presses_past_the_end_do_not_pile_up_in_the_quiz() {
    use Action::*;
    let mut app = app(Lang::En);
    act(&mut app, &[Quiz]);
    let rows = |app: &App| box_rows(&text_of(&render(app, 40, 12)), "┌");
    let top = rows(&app);
    for _ in 0..30 {
        act(&mut app, &[Down]);
        rows(&app);
    }
    let bottom = rows(&app);
    assert_ne!(top, bottom, "the question is longer than a 40×12 view");
    act(&mut app, &[Up]);
    let up = rows(&app);
    assert_eq!(
        up[1..],
        bottom[..bottom.len() - 1],
        "one press of ↑ after the end moves one row"
    );
    act(&mut app, &[PageDown, PageDown]);
    assert_eq!(rows(&app), bottom);
}

#[test]
fn the_submit_question_lists_the_keys_that_answer_it() {
    use Action::*;
    for (lang, submit, open) in [
        (Lang::En, "Enter/S submit the exam", "open"),
        (Lang::Ko, "Enter/S 모의고사 제출", "열기"),
    ] {
        let mut app = app(lang);
        act(&mut app, &[Exam, Submit]);
        let text = text_of(&render(&app, 80, 24));
        let footer = text.lines().last().unwrap();
        assert!(footer.contains(submit), "{footer:?}");
        assert!(
            !footer.contains(open),
            "Enter does not open anything here: {footer:?}"
        );
        act(&mut app, &[Submit]);
        assert!(
            matches!(app.screen(), recall::ui::screens::Screen::Exam(e) if e.context() == recall::ui::keymap::Context::ExamResult),
            "Enter (Submit) submits"
        );
    }
}

#[test]
fn the_quiz_footer_names_the_keys_of_the_choices_on_screen() {
    for lang in [Lang::En, Lang::Ko] {
        let mut app = app(lang);
        act(&mut app, &[Action::Quiz]);
        let n = app.choices_shown().expect("a quiz question waits for a choice");
        assert!(n < 6, "the first question has fewer than six choices");
        let text = text_of(&render(&app, 80, 24));
        let footer = text.lines().last().unwrap();
        assert!(footer.contains(&format!("1-{n} ")), "{footer:?}");
        assert!(!footer.contains("1-6"), "{footer:?}");
    }
}
