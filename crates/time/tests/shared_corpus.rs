//! Checks over the shared development data (`../shared`, beside the
//! workspace): every article is tagged without error, and the dates of the
//! gold events are found among the tagged values. Skipped when the data is
//! absent (a fresh clone has none).

use std::path::{Path, PathBuf};
use truce_time::{parse_published, tag, year_hint, Anchor, Lang};

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.is_dir().then_some(p)
}

/// (id, lang, published, text) of the development articles and the seeds.
fn documents(root: &Path) -> Vec<(String, Lang, Option<String>, String)> {
    let mut docs = Vec::new();
    if let Ok(lines) = std::fs::read_to_string(root.join("dev/articles.jsonl")) {
        for line in lines.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(text) = v["text"].as_str() else {
                continue;
            };
            let id = v["id"].as_str().unwrap_or_default().to_string();
            let lang = if id.ends_with("_en") {
                Lang::En
            } else {
                Lang::Fr
            };
            let published = v["published"].as_str().map(str::to_string);
            docs.push((id, lang, published, text.to_string()));
        }
    }
    if let Ok(dir) = std::fs::read_dir(root.join("seeds")) {
        for entry in dir.flatten() {
            let path = entry.path();
            let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let gold = gold(root, stem);
            let published = gold
                .as_ref()
                .and_then(|g| g["published"]["value"].as_str().map(str::to_string));
            docs.push((stem.to_string(), Lang::Fr, published, text));
        }
    }
    docs
}

fn gold(root: &Path, id: &str) -> Option<serde_json::Value> {
    for dir in ["gold/dev", "gold/seeds"] {
        let p = root.join(dir).join(format!("{id}.json"));
        if let Ok(s) = std::fs::read_to_string(p) {
            return serde_json::from_str(&s).ok();
        }
    }
    None
}

#[test]
fn gold_event_dates_are_found() {
    let Some(root) = shared() else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let docs = documents(&root);
    assert!(!docs.is_empty(), "no documents under {}", root.display());
    let (mut wanted, mut found, mut timexes) = (0usize, 0usize, 0usize);
    let mut missed = Vec::new();
    for (id, lang, published, text) in &docs {
        // An imprecise publication date ("2016-05") still gives its year;
        // failing that, guess the year from the text.
        let reference = published.as_deref().and_then(parse_published);
        let year_hint = published
            .as_deref()
            .and_then(|p| p.get(..4))
            .and_then(|y| y.parse().ok())
            .or_else(|| year_hint(text, *lang));
        let anchor = Anchor {
            reference,
            year_hint,
        };
        let tags = tag(text, *lang, &anchor);
        timexes += tags.len();
        for t in &tags {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
        let values: Vec<&str> = tags
            .iter()
            .filter_map(|t| t.value.as_ref().map(|v| v.value.as_str()))
            .collect();
        let Some(g) = gold(&root, id) else { continue };
        let mut dates: Vec<String> = g["events"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["date"]["value"].as_str().map(str::to_string))
            .collect();
        dates.sort();
        dates.dedup();
        for d in dates {
            wanted += 1;
            if values.iter().any(|v| *v == d) {
                found += 1;
            } else {
                missed.push(format!("{id}: {d}"));
            }
        }
    }
    let recall = found as f64 / wanted.max(1) as f64;
    eprintln!(
        "{} documents, {timexes} expressions; distinct gold event dates found: {found}/{wanted} ({:.0}%)",
        docs.len(),
        recall * 100.0
    );
    eprintln!("missed: {missed:?}");
    assert!(recall >= 0.85, "gold event date recall {recall:.2}");
}

#[test]
fn year_hints_match_publication_years() {
    let Some(root) = shared() else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let (mut right, mut wrong, mut none) = (0, 0, Vec::new());
    for (id, lang, published, text) in documents(&root) {
        let Some(year) = published
            .as_deref()
            .and_then(|p| p.get(..4))
            .and_then(|y| y.parse::<i32>().ok())
        else {
            continue;
        };
        match year_hint(&text, lang) {
            Some(y) if y == year => right += 1,
            Some(y) => {
                wrong += 1;
                eprintln!("{id}: hint {y}, published {year}");
            }
            None => none.push(id),
        }
    }
    eprintln!(
        "year hints: {right} right, {wrong} wrong, {} without an explicit year",
        none.len()
    );
    assert!(
        wrong <= right,
        "{wrong} wrong year hints against {right} right"
    );
}
