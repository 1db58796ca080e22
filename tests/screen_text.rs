//! What the screen says, read back from a TestBackend buffer character by character: every source link of
//! the bundled deck, wrapped at 60, 80 and 120 columns, reads back as the exact URL in Browse (notes, the
//! Facts tab's detail and comparison tables) and on the answer side of a fact in Study.

mod screen;

use std::collections::BTreeSet;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use recall::core::content::{self, Deck, Item, Lang};
use recall::core::srs::Limits;
use recall::io::deck::bundled_files;
use recall::text::{Notice, WriteFailure, WriteProblem};
use recall::ui::app::{App, Effect};
use recall::ui::keymap::Context;
use recall::ui::msg::{Action, Msg};
use recall::ui::shared::Setup;
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
                act(&mut app, &[Action::Right]);
                for (c, compare) in topic.compares.iter().enumerate() {
                    let place = format!("{width} cols, {lang}, {} comparison {c}", topic.id);
                    assert!(!compare.sources.is_empty(), "{place}: every table has a source");
                    // They follow the last row (PgDn scrolls a long table to them).
                    screen(&app, width);
                    act(&mut app, &[Action::PageDown; 8]);
                    assert_links(links_on(&screen(&app, width)), &compare.sources, &place);
                    act(&mut app, &[Action::NextItem]);
                }
                act(&mut app, &[Action::Left, Action::Left, Action::Back]);
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
        let message = recall::text::of(lang).notice(&notice);
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

#[test]
fn the_home_footer_at_80_columns_names_the_stats_key() {
    for lang in Lang::ALL {
        let app = app(lang);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal.draw(|f| view(&app, f)).unwrap();
        let text = text_of(terminal.backend().buffer());
        let footer = text.lines().last().unwrap();
        let stats = match lang {
            Lang::En => "t stats",
            Lang::Ko => "t 통계",
        };
        assert!(
            footer.contains(stats),
            "{lang:?}: stats can only be found through ? {footer:?}"
        );
        // `b` (browse) is in the Start box above, with Enter.
        assert!(
            text.contains("b all topics") || text.contains("b 모든 주제"),
            "{text}"
        );
    }
}

#[test]
fn a_comparison_table_scrolls_to_its_sources_on_a_small_screen() {
    let deck = bundled();
    for (width, height) in [(80, 24), (60, 15)] {
        let mut app = app(Lang::En);
        act(&mut app, &[Action::Browse]);
        for (t, topic) in deck.topics().iter().enumerate() {
            act(&mut app, &[Action::Top]);
            for _ in 0..t {
                act(&mut app, &[Action::Down]);
            }
            act(&mut app, &[Action::Open, Action::Right, Action::Right]);
            for (c, compare) in topic.compares.iter().enumerate() {
                let draw = |app: &App| {
                    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
                    terminal.draw(|f| view(app, f)).unwrap();
                    let buffer = terminal.backend().buffer().clone();
                    assert_borders_intact(&buffer);
                    text_of(&buffer)
                };
                draw(&app);
                act(&mut app, &[Action::PageDown; 12]);
                let shown = draw(&app);
                let place = format!("{width}x{height} {} comparison {c}:\n{shown}", topic.id);
                let links = links_on(&shown);
                // At 80x24 the box holds 19 lines: the header and ten sources fit (the bundled deck's
                // 13-source table does not, and takes the scrolling branch).
                if height >= 24 && compare.sources.len() <= 10 {
                    assert_links(links, &compare.sources, &place);
                    // PgDn stops once the last rows and the sources fit: the last row is still there.
                    let last = compare.rows.last().unwrap().attribute.get(Lang::En);
                    let first_word = last.split_whitespace().next().unwrap();
                    assert!(shown.contains(first_word), "{place}");
                } else {
                    // Fewer lines than the sources take: they scroll too, and the end shows the last ones.
                    assert!(!links.is_empty(), "{place}");
                    assert!(compare.sources.ends_with(&links), "{place}");
                }
                assert!(!shown.contains("↓ more"), "{place}");
                act(&mut app, &[Action::NextItem]);
            }
            act(&mut app, &[Action::Left, Action::Left, Action::Back]);
        }
    }
}

#[test]
fn the_exam_review_list_pages_and_says_where_it_stands() {
    for lang in Lang::ALL {
        let mut app = app(lang);
        act(&mut app, &[Action::Exam, Action::ReviewList]);
        let draw = |app: &App| {
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal.draw(|f| view(app, f)).unwrap();
            text_of(terminal.backend().buffer())
        };
        let rows = |text: &str| -> Vec<String> {
            text.lines()
                .filter_map(|l| l.strip_prefix('│'))
                .filter_map(|l| l.trim_start().split('.').next().map(str::to_string))
                .filter(|n| n.parse::<usize>().is_ok())
                .collect()
        };
        let bottom = |text: &str| text.lines().rfind(|l| l.starts_with('└')).unwrap().to_string();
        let first = draw(&app);
        let shown = rows(&first).len();
        assert!(shown > 10 && shown < 65, "{lang:?}: {first}");
        let range = match lang {
            Lang::En => format!(" 1/65 · rows 1–{shown} · PgUp PgDn Home End "),
            Lang::Ko => format!(" 1/65 · 1–{shown}행 · PgUp PgDn Home End "),
        };
        assert!(bottom(&first).contains(&range), "{lang:?}: {}", bottom(&first));
        act(&mut app, &[Action::PageDown]);
        let paged = draw(&app);
        assert!(bottom(&paged).contains(&format!(" {shown}/65 ")), "{paged}");
        act(&mut app, &[Action::Bottom]);
        let end = draw(&app);
        assert_eq!(rows(&end).last().map(String::as_str), Some("65"), "{end}");
        assert!(bottom(&end).contains(" 65/65 "), "{end}");
        act(&mut app, &[Action::PageUp]);
        assert!(bottom(&draw(&app)).contains(&format!(" {}/65 ", 65 - (shown - 1))));
        act(&mut app, &[Action::Top]);
        assert!(bottom(&draw(&app)).contains(" 1/65 "));
        // The keys are the list keys of every other list.
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        for (code, action) in [
            (KeyCode::PageDown, Action::PageDown),
            (KeyCode::PageUp, Action::PageUp),
            (KeyCode::Home, Action::Top),
            (KeyCode::End, Action::Bottom),
        ] {
            let key = KeyEvent::new(code, KeyModifiers::NONE);
            let msg = recall::ui::keymap::translate(app.context(), key, &app.shared().keys);
            assert_eq!(msg, Some(Msg::Action(action)), "{code:?}");
        }
        // Enter opens the selected question.
        act(&mut app, &[Action::Bottom, Action::Open]);
        assert!(draw(&app).contains("65/65"), "the last question is open");
    }
}

/// The text a terminal shows for `buffer`, and every link target with the text it covers, in order.
fn shown_with_links(buffer: &ratatui::buffer::Buffer) -> (String, Vec<(String, String)>) {
    let mut text = String::new();
    let mut links: Vec<(String, String)> = Vec::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            let Some(rest) = symbol.strip_prefix("\u{1b}]8;") else {
                assert!(!symbol.contains('\u{1b}'), "a raw escape at {x},{y}: {symbol:?}");
                text.push_str(symbol);
                continue;
            };
            let (params_uri, after) = rest.split_once("\u{1b}\\").expect("ST ends the opening");
            let (glyph, close) = after.split_once("\u{1b}]8;;").expect("closed in the same cell");
            assert_eq!(close, "\u{1b}\\");
            let (params, uri) = params_uri.split_once(';').expect("params;URI");
            assert!(params.starts_with("id=recall-"), "{params}");
            assert!(uri.bytes().all(|b| b.is_ascii_graphic()), "{uri:?}");
            text.push_str(glyph);
            match links.last_mut() {
                Some((target, covered)) if target == uri => covered.push_str(glyph),
                _ => links.push((uri.to_string(), glyph.to_string())),
            }
        }
        text.push('\n');
    }
    (text, links)
}

#[test]
fn source_links_are_terminal_hyperlinks_with_the_text_unchanged() {
    let deck = bundled();
    let topic = &deck.topics()[1];
    for width in WIDTHS {
        let pages = |links: bool| {
            let mut app = App::new(recall::ui::shared::Setup {
                links,
                ..recall::ui::shared::Setup::new(bundled(), Lang::En, "2026-11-26T12:00:00Z".parse().unwrap())
            });
            // Every note (several sources each), then the comparison table and its sources.
            act(&mut app, &[Action::Browse, Action::Down, Action::Open]);
            let mut pages = Vec::new();
            for _ in &topic.sections {
                pages.push(topic_page(&app, width));
                act(&mut app, &[Action::NextItem]);
            }
            act(&mut app, &[Action::Right, Action::Right]);
            pages.push(topic_page(&app, width));
            pages
        };
        for ((linked, sources), (plain, _)) in pages(true).into_iter().zip(pages(false)) {
            assert!(!sources.is_empty());
            let (_, links) = shown_with_links(&linked);
            assert_eq!(
                text_of(&buffer_without_links(&linked)),
                text_of(&plain),
                "the text is the same"
            );
            let targets: Vec<String> = links.iter().map(|(t, _)| t.clone()).collect();
            assert_eq!(targets, sources, "{width} cols: one link per source, in order");
            for (target, covered) in &links {
                assert_eq!(target, covered, "a link covers exactly its URL's text");
            }
            assert!(
                shown_with_links(&plain).1.is_empty(),
                "no links where they are not wanted"
            );
        }
    }
}

/// The topic page drawn at `width`, and the source links it shows (read as plain text).
fn topic_page(app: &App, width: u16) -> (ratatui::buffer::Buffer, Vec<String>) {
    let mut terminal = Terminal::new(TestBackend::new(width, HEIGHT)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let plain = links_on(&text_of(&buffer_without_links(&buffer)));
    (buffer, plain)
}

/// `buffer` with every cell's link sequences taken out.
fn buffer_without_links(buffer: &ratatui::buffer::Buffer) -> ratatui::buffer::Buffer {
    let mut plain = buffer.clone();
    for cell in plain.content.iter_mut() {
        if let Some(rest) = cell.symbol().strip_prefix("\u{1b}]8;") {
            let glyph = rest
                .split_once("\u{1b}\\")
                .unwrap()
                .1
                .split_once("\u{1b}]8;;")
                .unwrap()
                .0
                .to_string();
            cell.set_symbol(&glyph);
        }
    }
    plain
}
