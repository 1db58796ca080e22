//! Render time of each screen into a TestBackend at 120×40 (target < 2 ms per frame, DESIGN.md), and of the
//! stats screen over a year of generated reviews.

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use recall::core::content::{self, Lang};
use recall::io::deck::bundled_files;
use recall::ui::app::App;
use recall::ui::msg::{Action, Msg};
use recall::ui::screens::stats::StatsState;
use recall::ui::shared::Setup;
use recall::ui::theme::Theme;
use recall::ui::view::view;

#[path = "../examples/gen_log.rs"]
#[allow(dead_code)]
mod gen_log;

fn fixed_now() -> jiff::Timestamp {
    "2026-11-26T12:00:00Z".parse().unwrap()
}

fn bench_render(c: &mut Criterion) {
    use Action::*;
    let deck = Arc::new(content::load(&bundled_files().0).deck);
    let screens: &[(&str, &[Action])] = &[
        ("home", &[]),
        ("browse notes", &[Down, Open]),
        ("browse facts", &[Down, Open, Right]),
        ("browse compare", &[Down, Down, Open, Right, Right]),
        ("browse scenario (answer shown)", &[Down, Open, Left, Reveal]),
        ("help overlay", &[Help]),
    ];
    let mut group = c.benchmark_group("render 120x40 ko");
    for (name, actions) in screens {
        let mut app = App::new(Setup {
            theme: Theme::new(true),
            ..Setup::new(Arc::clone(&deck), Lang::Ko, fixed_now())
        });
        for a in *actions {
            app.update(Msg::Action(*a));
        }
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        group.bench_function(*name, |b| {
            b.iter(|| terminal.draw(|f| view(&app, f)).unwrap().area)
        });
    }
    group.finish();
}

/// The stats screen over a generated 100,000-event log (a year of daily study), 120×40 and 80×24.
fn bench_stats_screen(c: &mut Criterion) {
    let deck = Arc::new(content::load(&bundled_files().0).deck);
    let events = gen_log::generate(100_000, 42);
    let scheduler = gen_log::scheduler();
    let progress = recall::core::progress::replay(events, &scheduler);
    let now: jiff::Timestamp = "2024-12-31T12:00:00Z".parse().unwrap();
    let stats = recall::core::progress::Stats::compute(&deck, &progress, scheduler.clock(), now);
    let state = StatsState::new(stats);
    let shared = Setup {
        theme: Theme::new(true),
        ..Setup::new(deck, Lang::Ko, now)
    }
    .into_shared();
    let mut group = c.benchmark_group("render stats ko");
    for (w, h) in [(120, 40), (80, 24)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        group.bench_function(format!("{w}x{h}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| state.render(f, f.area(), &shared))
                    .unwrap()
                    .area
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_render, bench_stats_screen);
criterion_main!(benches);
