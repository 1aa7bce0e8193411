//! Pipeline benchmarks: `cargo bench -p truce-pipeline`.
//!
//! - `process/fr`, `process/en`: one synthetic article (plain text) end to end;
//! - `process/batch_256`: 256 synthetic articles with `process_batch` (all cores);
//! - `startup/*`: what building `Pipeline::embedded()` costs the first time, part by
//!   part. `Pipeline::embedded()` itself caches the lexicons and the gazetteer for
//!   the life of the process, so each part is built here from the embedded files
//!   directly, uncached.
//!
//! Run times are kept short (a few minutes for the whole file on 2 cores); the
//! figures to quote are criterion's medians.

use criterion::{
    black_box, criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use std::time::Duration;
use truce_model::{RawContent, RawDoc};
use truce_pipeline::{bench, Pipeline};

/// The first plain-text document of the synthetic corpus found to be in `lang`.
fn doc_in(pipeline: &Pipeline<'_>, corpus: &bench::Corpus, lang: &str) -> RawDoc {
    corpus
        .docs
        .iter()
        .filter(|d| matches!(d.content, RawContent::Text(_)))
        .find(|d| pipeline.process(d).analysis.lang.as_deref() == Some(lang))
        .cloned()
        .unwrap_or_else(|| panic!("the synthetic corpus has no {lang} text document"))
}

fn process(c: &mut Criterion) {
    let pipeline = Pipeline::embedded();
    let corpus = bench::synthetic_corpus(bench::BATCH);
    let mut g = c.benchmark_group("process");
    g.sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for lang in ["fr", "en"] {
        let doc = doc_in(&pipeline, &corpus, lang);
        let bytes = match &doc.content {
            RawContent::Text(t) | RawContent::Html(t) => t.len(),
        };
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_with_input(BenchmarkId::new(lang, bytes), &doc, |b, d| {
            b.iter(|| pipeline.process(black_box(d)))
        });
    }
    g.throughput(Throughput::Elements(corpus.docs.len() as u64));
    g.sample_size(20).measurement_time(Duration::from_secs(8));
    g.bench_function("batch_256", |b| {
        b.iter(|| pipeline.process_batch(black_box(&corpus.docs)))
    });
    g.finish();
}

fn startup(c: &mut Criterion) {
    use truce_text::Lang;
    let mut g = c.benchmark_group("startup");
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    let lexicons = [
        (
            Lang::Fr,
            include_str!("../../../lexicons/fr/actors.tsv"),
            include_str!("../../../lexicons/fr/triggers.tsv"),
            include_str!("../../../lexicons/fr/grammar.toml"),
        ),
        (
            Lang::En,
            include_str!("../../../lexicons/en/actors.tsv"),
            include_str!("../../../lexicons/en/triggers.tsv"),
            include_str!("../../../lexicons/en/grammar.toml"),
        ),
    ];
    for (lang, actors, triggers, grammar) in lexicons {
        g.bench_function(format!("lexicon_{}", lang.code()), |b| {
            b.iter(|| {
                truce_lexicon::Lexicon::parse(lang, actors, triggers, grammar)
                    .expect("embedded lexicon parses")
            })
        });
    }
    g.bench_function("gazetteer", |b| {
        b.iter(|| truce_geo::Gazetteer::build_embedded().expect("embedded gazetteer builds"))
    });
    g.bench_function("cleaner", |b| b.iter(truce_clean::Cleaner::new));
    let times = [
        ("time_fr", include_str!("../../../lexicons/fr/time.toml")),
        ("time_en", include_str!("../../../lexicons/en/time.toml")),
    ];
    for (name, toml) in times {
        g.bench_function(name, |b| {
            b.iter(|| truce_time::Tagger::from_toml(black_box(toml)).expect("time lexicon parses"))
        });
    }
    g.finish();
}

criterion_group!(benches, process, startup);
criterion_main!(benches);
