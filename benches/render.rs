//! Render time of each screen into a TestBackend at 120×40 (target < 2 ms per frame, DESIGN.md).

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use recall::core::content::{self, Lang};
use recall::io::deck::bundled_files;
use recall::ui::app::App;
use recall::ui::msg::{Action, Msg};
use recall::ui::shared::Setup;
use recall::ui::theme::Theme;
use recall::ui::view::view;

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

criterion_group!(benches, bench_render);
criterion_main!(benches);
