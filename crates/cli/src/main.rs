//! `truce`: the command-line interface.
//!
//! A thin shell over the stage crates: it reads inputs (truce-input), runs
//! the pipeline (truce-pipeline) on batches in parallel, and writes events,
//! cleaned documents or scores. Bad inputs are reported on stderr as
//! `truce: ORIGIN: reason` and skipped; the exit status is 1 if any failed.

mod output;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use truce_clean::Cleaner;
use truce_extract::Extractor;
use truce_geo::Gazetteer;
use truce_lexicon::Lexicon;
use truce_model::RawDoc;
use truce_pipeline::{Pipeline, Processed};
use truce_text::Lang;

/// Example articles built into the binary for `truce demo`.
const DEMO: &str = include_str!("../demo/articles.jsonl");

/// Documents processed together in parallel.
const BATCH: usize = 256;

#[derive(Parser)]
#[command(
    name = "truce",
    version,
    about = "Ceasefire and conflict-event monitoring from the news",
    long_about = "truce reads news articles (text, HTML or JSON Lines; French and English), \
                  cleans them and extracts political events coded in PLOVER: who did what to whom, \
                  where and when, with the speaker of every claim. It monitors; it never recommends \
                  or plans strikes."
)]
struct Cli {
    /// Directory of lexicons overriding the built-in ones (same layout as `lexicons/`).
    #[arg(long, global = true, value_name = "DIR")]
    lexicons: Option<PathBuf>,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run the pipeline on example articles built into the binary and print their events.
    Demo {
        #[arg(long, value_enum, default_value_t = EventFormat::Table)]
        format: EventFormat,
    },
    /// Extract events from articles (.txt, .html, .jsonl, optionally .gz; directories; `-` for stdin).
    Extract {
        #[arg(long, value_enum, default_value_t = EventFormat::Jsonl)]
        format: EventFormat,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Clean articles: main text and title, boilerplate and repeated paragraphs removed.
    Clean {
        #[arg(long, value_enum, default_value_t = CleanFormat::Jsonl)]
        format: CleanFormat,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Measure end-to-end throughput (docs/s, MB/s), start-up time and peak memory
    /// over a fixed corpus: a deterministic synthetic one by default, or PATHs.
    Bench {
        /// Documents in the synthetic corpus.
        #[arg(long, default_value_t = 10_000)]
        docs: usize,
        /// Timed runs over the corpus (the median is reported).
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// Use these inputs as the corpus instead of the synthetic one.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print each document's cleaned text with its stand-off annotations
    /// (sentences, actors, places, times, triggers) as JSON Lines.
    Annotate {
        #[command(flatten)]
        input: InputArgs,
    },
    /// Extract and score against gold files (same figures as gold/score.py).
    Eval {
        /// Directory of gold JSON files.
        #[arg(long, value_name = "DIR")]
        gold: PathBuf,
        /// Print the report as JSON (like score.py --json).
        #[arg(long)]
        json: bool,
        /// Also write the predicted events to this JSON Lines file.
        #[arg(long, value_name = "FILE")]
        events_out: Option<PathBuf>,
        /// Exit with status 3 when event F1 is below this floor (CI's quality ratchet).
        #[arg(long, value_name = "F1")]
        min_f1: Option<f64>,
        #[command(flatten)]
        input: InputArgs,
    },
}

#[derive(clap::Args)]
struct InputArgs {
    /// Input files or directories; `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Largest document accepted, in bytes (after decompression).
    #[arg(long, default_value_t = 64 * 1024 * 1024, value_name = "BYTES")]
    max_bytes: u64,
}

#[derive(Clone, Copy, ValueEnum)]
enum EventFormat {
    Jsonl,
    Table,
}

#[derive(Clone, Copy, ValueEnum)]
enum CleanFormat {
    Jsonl,
    Text,
}

/// Owned language data: built-in, or loaded from `--lexicons`.
struct Data {
    fr: Lexicon,
    en: Lexicon,
    geo: Option<Gazetteer>,
    cleaner: Cleaner,
}

impl Data {
    fn load(dir: Option<&Path>) -> Result<Option<Data>> {
        let Some(dir) = dir else { return Ok(None) };
        Ok(Some(Data {
            fr: Lexicon::from_dir(dir, Lang::Fr)?,
            en: Lexicon::from_dir(dir, Lang::En)?,
            geo: Some(Gazetteer::from_dir(&dir.join("geo"))?),
            cleaner: Cleaner::from_dir(dir)?,
        }))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(ok) => {
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            if e.downcast_ref::<BelowFloor>().is_some() {
                eprintln!("truce: {e}");
                return ExitCode::from(3);
            }
            eprintln!("truce: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// `truce eval --min-f1`: the quality ratchet failed.
#[derive(Debug)]
struct BelowFloor {
    f1: f64,
    floor: f64,
}

impl std::fmt::Display for BelowFloor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "event F1 {:.4} is below the floor {}",
            self.f1, self.floor
        )
    }
}

impl std::error::Error for BelowFloor {}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Runs the command; `Ok(false)` when some input failed.
fn run(cli: Cli) -> Result<bool> {
    let data = Data::load(cli.lexicons.as_deref())?;
    let pipeline = match &data {
        Some(d) => Pipeline {
            cleaner: d.cleaner.clone(),
            extractor: Extractor::new(
                &d.fr,
                &d.en,
                d.geo.as_ref().unwrap_or_else(|| Gazetteer::embedded()),
            ),
        },
        None => Pipeline::embedded(),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let ok = match cli.cmd {
        Cmd::Demo { format } => {
            let docs = truce_input::read_reader(
                DEMO.as_bytes(),
                "demo",
                "demo",
                Some(truce_input::Format::Jsonl),
                &truce_input::Options::default(),
            );
            write_events(&pipeline, docs, format, false, &mut out)?
        }
        Cmd::Extract { format, input } => {
            let docs = truce_input::read_all(&input.paths, &input.options());
            write_events(&pipeline, docs, format, true, &mut out)?
        }
        Cmd::Clean { format, input } => {
            let docs = truce_input::read_all(&input.paths, &input.options());
            for_each_batch(&pipeline, docs, true, |p| match format {
                CleanFormat::Jsonl => output::write_clean(&mut out, p),
                CleanFormat::Text => output::write_clean_text(&mut out, p),
            })?
        }
        Cmd::Bench { docs, runs, paths } => {
            let corpus = if paths.is_empty() {
                truce_pipeline::bench::synthetic_corpus(docs)
            } else {
                let mut docs = Vec::new();
                let mut ok = true;
                for d in truce_input::read_all(&paths, &truce_input::Options::default()) {
                    match d {
                        Ok(d) => docs.push(d),
                        Err(e) => {
                            ok = false;
                            eprintln!("truce: {e}");
                        }
                    }
                }
                if !ok {
                    anyhow::bail!("some inputs of the corpus could not be read");
                }
                let bytes = docs
                    .iter()
                    .map(|d| match &d.content {
                        truce_model::RawContent::Text(t) | truce_model::RawContent::Html(t) => {
                            t.len()
                        }
                    })
                    .sum();
                truce_pipeline::bench::Corpus {
                    name: paths
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(" "),
                    docs,
                    bytes,
                }
            };
            let report = truce_pipeline::bench::run(&corpus, runs);
            write!(out, "{}", report.to_text())?;
            true
        }
        Cmd::Annotate { input } => {
            let docs = truce_input::read_all(&input.paths, &input.options());
            for_each_batch(&pipeline, docs, true, |p| {
                output::write_annotations(&mut out, p)
            })?
        }
        Cmd::Eval {
            gold,
            json,
            events_out,
            min_f1,
            input,
        } => {
            let gold = truce_eval::load_gold(&gold)
                .with_context(|| format!("reading gold files from {}", gold.display()))?;
            let docs = truce_input::read_all(&input.paths, &input.options());
            let mut events = Vec::new();
            let mut cleaned = Vec::new();
            let ok = for_each_batch(&pipeline, docs, true, |p| {
                for e in &p.analysis.events {
                    events.push(serde_json::to_value(e)?);
                }
                cleaned.push(output::clean_value(p));
                Ok(())
            })?;
            if let Some(path) = events_out {
                let mut f = BufWriter::new(
                    std::fs::File::create(&path)
                        .with_context(|| format!("creating {}", path.display()))?,
                );
                for e in &events {
                    serde_json::to_writer(&mut f, e)?;
                    f.write_all(b"\n")?;
                }
                f.flush()?;
            }
            let report = truce_eval::Report {
                documents: gold.len(),
                events: Some(truce_eval::score_events(&gold, &events)),
                clean: Some(truce_eval::score_clean(&gold, &cleaned)),
            };
            if json {
                serde_json::to_writer_pretty(&mut out, &report.to_json())?;
                writeln!(out)?;
            } else {
                write!(out, "{}", report.to_text())?;
            }
            if let (Some(floor), Some(ev)) = (min_f1, report.events.as_ref()) {
                if ev.f1 < floor {
                    out.flush()?;
                    return Err(BelowFloor { f1: ev.f1, floor }.into());
                }
            }
            ok
        }
    };
    out.flush()?;
    Ok(ok)
}

/// Extract events from `docs` and write them as JSON Lines or as one table.
fn write_events<I, E>(
    pipeline: &Pipeline,
    docs: I,
    format: EventFormat,
    progress: bool,
    out: &mut impl Write,
) -> Result<bool>
where
    I: Iterator<Item = Result<RawDoc, E>>,
    E: std::fmt::Display,
{
    let mut table = output::Table::default();
    let ok = for_each_batch(pipeline, docs, progress, |p| match format {
        EventFormat::Jsonl => output::write_events(&mut *out, p),
        EventFormat::Table => {
            table.add(p);
            Ok(())
        }
    })?;
    if let EventFormat::Table = format {
        table.write(out)?;
    }
    Ok(ok)
}

impl InputArgs {
    fn options(&self) -> truce_input::Options {
        truce_input::Options {
            max_bytes: self.max_bytes,
        }
    }
}

/// Read documents lazily, process them in parallel batches, hand each result
/// to `sink` in input order, report failed inputs on stderr. Returns whether
/// every input was read.
fn for_each_batch<I, E>(
    pipeline: &Pipeline,
    docs: I,
    progress: bool,
    mut sink: impl FnMut(&Processed) -> Result<()>,
) -> Result<bool>
where
    I: Iterator<Item = Result<RawDoc, E>>,
    E: std::fmt::Display,
{
    let bar = if progress {
        let b = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        b.set_style(
            ProgressStyle::with_template("{spinner} {pos} documents ({per_sec}) {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let mut ok = true;
    let mut batch = Vec::with_capacity(BATCH);
    let flush =
        |batch: &mut Vec<RawDoc>, sink: &mut dyn FnMut(&Processed) -> Result<()>| -> Result<()> {
            // per-document warnings name the input (path, path:line), like read errors
            let origins: Vec<String> = batch.iter().map(|d| d.origin.clone()).collect();
            for (p, origin) in pipeline.process_batch(batch).into_iter().zip(origins) {
                for d in &p.diagnostics {
                    bar.suspend(|| eprintln!("truce: {origin}: {}", d.message));
                }
                sink(&p)?;
            }
            bar.inc(batch.len() as u64);
            batch.clear();
            Ok(())
        };
    for item in docs {
        match item {
            Ok(doc) => {
                batch.push(doc);
                if batch.len() == BATCH {
                    flush(&mut batch, &mut sink)?;
                }
            }
            Err(e) => {
                ok = false;
                bar.suspend(|| eprintln!("truce: {e}"));
            }
        }
    }
    flush(&mut batch, &mut sink)?;
    bar.finish_and_clear();
    Ok(ok)
}
