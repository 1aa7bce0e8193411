//! Start-up and per-document cost of cleaning.
//!
//! `cargo bench -p truce-clean --bench clean` (criterion; medians in the report). The
//! inputs are under `benches/data/`: a 2.7 KB French article with the usual header and
//! trailer junk, and a 7 KB French news page (navigation, cookie banner, related links,
//! comments, sidebar, footer); plus a 5,000-paragraph text for the scaling of the filters.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use std::fmt::Write;
use truce_clean::Cleaner;
use truce_model::{RawContent, RawDoc};

const ARTICLE_FR: &str = include_str!("data/article_fr.txt");
const PAGE_FR: &str = include_str!("data/page_fr.html");

/// A long text: 5,000 distinct paragraphs, a few hundred of them repeated.
fn long_text(paragraphs: usize) -> String {
    let mut t = String::from("Une très longue dépêche sur la trêve en Syrie\n\n");
    for i in 0..paragraphs {
        let _ = writeln!(
            t,
            "Le paragraphe {} rapporte que les combats ont repris près d'Alep (secteur {}), selon l'OSDH. Les habitants fuient vers l'ouest.\n",
            i % (paragraphs - paragraphs / 10).max(1),
            i % 97
        );
    }
    t
}

fn bench(c: &mut Criterion) {
    c.bench_function("Cleaner::new", |b| b.iter(Cleaner::new));

    let cleaner = Cleaner::new();
    let text = RawDoc::text("article_fr", ARTICLE_FR);
    c.bench_function("clean text fr 2.7KB", |b| {
        b.iter(|| cleaner.clean(black_box(&text)))
    });
    let mut page = RawDoc::text("page_fr", "");
    page.content = RawContent::Html(PAGE_FR.to_string());
    c.bench_function("clean html fr 7KB", |b| {
        b.iter(|| cleaner.clean(black_box(&page)))
    });

    let mut g = c.benchmark_group("large");
    g.sample_size(10);
    let long = RawDoc::text("long", long_text(5000));
    g.bench_function("clean text 5000 paragraphs", |b| {
        b.iter(|| cleaner.clean(black_box(&long)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
