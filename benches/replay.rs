//! Progress log: replay of a generated 100,000-event log (target < 200 ms), reading + parsing it from
//! disk (`io::log::read_dir`), and what is derived from a replay: the stats screen's numbers and the JSON
//! export.

use criterion::{Criterion, criterion_group, criterion_main};
use recall::core::progress::export::{ExportFormat, ExportInput, ExportWhat, export};
use recall::core::progress::{Stats, replay};
use recall::io::log;

#[path = "../examples/gen_log.rs"]
#[allow(dead_code)]
mod gen_log;

fn bench_replay(c: &mut Criterion) {
    let events = gen_log::generate(100_000, 42);
    assert_eq!(events.len(), 100_000);
    let scheduler = gen_log::scheduler();
    let mut group = c.benchmark_group("progress log");
    group.sample_size(20);
    group.bench_function("replay 100,000 events", |b| {
        b.iter_batched(
            || events.clone(),
            |events| replay(events, &scheduler),
            criterion::BatchSize::LargeInput,
        )
    });
    let dir = tempfile::tempdir().unwrap();
    gen_log::write_log(dir.path(), "00000000000000aa", &events).unwrap();
    group.bench_function("read + parse 100,000 events", |b| {
        b.iter(|| log::read_dir(dir.path()).unwrap())
    });
    group.bench_function("read + parse + replay 100,000 events", |b| {
        b.iter(|| replay(log::read_dir(dir.path()).unwrap().events, &scheduler))
    });
    let progress = replay(events.clone(), &scheduler);
    let deck = recall::core::content::load(&recall::io::deck::bundled_files().0).deck;
    let now: jiff::Timestamp = "2026-11-26T12:00:00Z".parse().unwrap();
    group.bench_function("stats of 100,000 events", |b| {
        b.iter(|| Stats::compute(&deck, &progress, scheduler.clock(), now))
    });
    let input = ExportInput {
        deck: &deck,
        progress: &progress,
        events: &events,
        scheduler: &scheduler,
        now,
        lang: recall::core::content::Lang::En,
    };
    group.bench_function("JSON export of 100,000 events", |b| {
        b.iter(|| {
            export(&input, ExportFormat::Json, ExportWhat::Cards)
                .unwrap()
                .len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_replay);
criterion_main!(benches);
