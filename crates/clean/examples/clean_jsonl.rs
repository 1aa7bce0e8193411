//! Clean documents and write `{"doc","title","body"}` lines for `gold/score.py --clean`.
//!
//! usage: cargo run -p truce-clean --example clean_jsonl -- [--debug] INPUT... > CLEAN.jsonl
//!
//! INPUT is a `.txt` file (plain text, id = file stem), an `.html`/`.htm` file (id = file
//! stem), a `.jsonl` file of input records (`id`, `text` or `html`, optional `title`,
//! `published`, `url`, `outlet`, `lang`) or a directory of such files (searched
//! recursively). Diagnostics go to stderr; `--debug` also prints each cleaned text there.

use anyhow::{Context, Result};
use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;
use truce_clean::Cleaner;
use truce_model::{RawContent, RawDoc};

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| format!("reading {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            collect(&e, out)?;
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn docs_of(path: &Path) -> Result<Vec<RawDoc>> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let mut docs = Vec::new();
    match ext.as_str() {
        "txt" => docs.push(RawDoc::text(stem(path), text)),
        "html" | "htm" => {
            let mut d = RawDoc::text(stem(path), "");
            d.content = RawContent::Html(text);
            d.origin = path.display().to_string();
            docs.push(d);
        }
        "jsonl" => {
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let v: Value = serde_json::from_str(line)
                    .with_context(|| format!("{}:{}", path.display(), n + 1))?;
                let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
                let id = s("id").unwrap_or_else(|| format!("line{}", n + 1));
                let mut d = RawDoc::text(id, s("text").unwrap_or_default());
                if let Some(h) = s("html") {
                    d.content = RawContent::Html(h);
                }
                d.origin = format!("{}:{}", path.display(), n + 1);
                d.title = s("title");
                d.published = s("published");
                d.url = s("url");
                d.outlet = s("outlet");
                d.lang = s("lang");
                docs.push(d);
            }
        }
        _ => {}
    }
    Ok(docs)
}

fn main() -> Result<()> {
    let mut debug = false;
    let mut files = Vec::new();
    for a in std::env::args().skip(1) {
        if a == "--debug" {
            debug = true;
        } else {
            collect(Path::new(&a), &mut files)?;
        }
    }
    let cleaner = Cleaner::new();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for f in files {
        for raw in docs_of(&f)? {
            let t0 = Instant::now();
            let (doc, diags) = cleaner.clean(&raw);
            let ms = t0.elapsed().as_secs_f64() * 1000.0;
            for d in diags {
                eprintln!("{d}");
            }
            if debug {
                eprintln!(
                    "===== {} ({ms:.1} ms) published={:?} author={:?} outlet={:?}\n{}\n",
                    doc.id, doc.published, doc.author, doc.outlet, doc.text
                );
            }
            let line = json!({"doc": doc.id, "title": doc.title_str(), "body": doc.body_str()});
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
