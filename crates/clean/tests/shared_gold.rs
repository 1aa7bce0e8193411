//! Checks the cleaning of the seed articles against their gold `clean` blocks, when the
//! shared data directory is present (`../shared` next to the workspace root): every
//! `must_keep` substring kept, every `must_drop` substring gone, the title right (case and
//! whitespace folded), the body length within ±15 % of `body_chars`.

use serde_json::Value;
use std::path::{Path, PathBuf};
use truce_clean::Cleaner;
use truce_model::RawDoc;

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.is_dir().then_some(p)
}

/// The scorer's folding: NFC aside, typographic apostrophe and no-break space unified,
/// whitespace collapsed, lower case.
fn fold(s: &str) -> String {
    let s = s.replace('\u{2019}', "'").replace('\u{a0}', " ");
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[test]
fn seeds_meet_gold_clean_blocks() {
    let Some(shared) = shared() else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let cleaner = Cleaner::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(shared.join("seeds"))
        .expect("seeds dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    entries.sort();
    assert!(!entries.is_empty());
    let mut problems = Vec::new();
    for path in entries {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).expect("seed text");
        let gold_path = shared.join("gold/seeds").join(format!("{stem}.json"));
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(&gold_path).expect("gold")).unwrap();
        let c = &gold["clean"];
        let (doc, _) = cleaner.clean(&RawDoc::text(&stem, text));
        let body = fold(doc.body_str());
        for s in c["must_keep"].as_array().into_iter().flatten() {
            let s = s.as_str().unwrap_or("");
            if !body.contains(&fold(s)) {
                problems.push(format!("{stem}: lost {s:?}"));
            }
        }
        for s in c["must_drop"].as_array().into_iter().flatten() {
            let s = s.as_str().unwrap_or("");
            if body.contains(&fold(s)) {
                problems.push(format!("{stem}: kept {s:?}"));
            }
        }
        let want = c["title"].as_str().map(fold);
        if want.is_some() && want != doc.title_str().map(fold) {
            problems.push(format!(
                "{stem}: title {:?}, gold {want:?}",
                doc.title_str()
            ));
        }
        let n = doc.body_str().chars().count() as f64;
        let target = c["body_chars"].as_f64().unwrap_or(0.0);
        if (n - target).abs() > 0.15 * target {
            problems.push(format!("{stem}: body of {n} chars, gold {target}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
