//! Gazetteer build time and lookup speed: `cargo bench -p truce-geo`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use truce_geo::{normalize_key, Gazetteer};

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("gazetteer");
    group.sample_size(10);
    group.bench_function("build_embedded", |b| {
        b.iter(|| Gazetteer::build_embedded().expect("embedded tables are valid"))
    });
    group.finish();
}

fn lookups(c: &mut Criterion) {
    let g = Gazetteer::embedded();
    let names = [
        "Alep",
        "Deir ez-Zor",
        "Ghouta orientale",
        "l'est",
        "Washington",
        "nowhere at all",
    ];
    c.bench_function("normalize_key", |b| {
        b.iter(|| {
            for n in names {
                black_box(normalize_key(black_box(n)));
            }
        })
    });
    let keys: Vec<String> = names.iter().map(|n| normalize_key(n)).collect();
    c.bench_function("lookup", |b| {
        b.iter(|| {
            for k in &keys {
                black_box(g.lookup(black_box(k)));
            }
        })
    });
    c.bench_function("best", |b| {
        b.iter(|| {
            for n in names {
                black_box(g.best(black_box(n), Some("SYR")));
            }
        })
    });
}

criterion_group!(benches, build, lookups);
criterion_main!(benches);
