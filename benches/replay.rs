//! Progress log: replay of a generated 100,000-event log (target < 200 ms), and reading + parsing it from
//! disk (`io::log::read_dir`).

use criterion::{Criterion, criterion_group, criterion_main};
use recall::core::progress::replay;
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
    group.finish();
}

criterion_group!(benches, bench_replay);
criterion_main!(benches);
