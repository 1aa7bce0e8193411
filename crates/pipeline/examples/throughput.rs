//! End-to-end throughput over the synthetic corpus.
//!
//! ```text
//! cargo run --release -p truce-pipeline --example throughput -- [DOCS] [RUNS]
//! cargo run --release -p truce-pipeline --example throughput -- show INDEX
//! ```
//!
//! The first form builds a corpus of `DOCS` articles (10,000 by default) and
//! processes it `RUNS` times (5 by default), printing medians and peak RSS; the
//! second prints one synthetic document, raw and cleaned, with its events.

use truce_model::RawContent;
use truce_pipeline::{bench, Pipeline};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("show") {
        let i: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(0);
        show(i);
        return;
    }
    let docs: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let runs: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    let corpus = bench::synthetic_corpus(docs);
    println!(
        "corpus        {} ({} rayon threads)",
        corpus.name,
        rayon::current_num_threads()
    );
    print!("{}", bench::run(&corpus, runs).to_text());
}

fn show(i: usize) {
    let corpus = bench::synthetic_corpus(i + 1);
    let Some(doc) = corpus.docs.last() else {
        return;
    };
    let (kind, raw) = match &doc.content {
        RawContent::Text(t) => ("text", t),
        RawContent::Html(h) => ("html", h),
    };
    println!("== {} ({kind}, {} bytes)\n{raw}", doc.id, raw.len());
    let p = Pipeline::embedded().process(doc);
    println!(
        "== cleaned (lang {:?})\n{}",
        p.analysis.lang.as_deref().unwrap_or("?"),
        p.clean.text
    );
    println!("== {} events", p.analysis.events.len());
    for e in &p.analysis.events {
        println!(
            "{} {:?} -> {:?} | {}",
            e.kind,
            e.source.as_deref().unwrap_or("-"),
            e.target.as_deref().unwrap_or("-"),
            e.evidence
        );
    }
}
