//! Golden (snapshot) tests: short news articles under `tests/fixtures/` and the
//! events the extractor produces for them, one readable line per event in
//! `name.events` (format: see `common::render`).
//!
//! The expected files are regression snapshots of the current behaviour, not
//! a gold standard: lines known to be wrong are listed in the review notes
//! the test-writer handed to the lead. To accept new behaviour after a change,
//! rerun with `UPDATE_EXPECT=1 cargo test -p truce-extract --test golden` and
//! review the diff of the `.events` files.
//!
//! Fixture names end in `_fr` or `_en` (the document language); the
//! publication date of each is in [`CASES`].

mod common;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use truce_extract::{Analysis, Extractor};
use truce_model::{modes_of, CleanDoc};

/// Fixture stem and publication date (the anchor for relative dates).
const CASES: &[(&str, &str)] = &[
    ("alep_raids_fr", "2016-09-20"),
    ("geneve_pourparlers_fr", "2016-02-01"),
    ("ghouta_treve_fr", "2016-02-28"),
    ("kirby_cooperation_fr", "2016-09-29"),
    ("astana_mecanisme_fr", "2017-01-24"),
    ("madaya_convoi_fr", "2016-02-17"),
    ("zakharova_accusations_fr", "2016-10-03"),
    ("lausanne_reunion_fr", "2016-10-15"),
    ("aleppo_warplanes_en", "2016-10-11"),
    ("geneva_deal_en", "2016-09-10"),
    ("convoy_suspended_en", "2016-09-20"),
    ("astana_talks_en", "2017-01-23"),
    ("kerry_warning_en", "2016-09-29"),
];

const HEADER: &str =
    "# Events extracted from the .txt file of the same name (regression snapshot).\n\
# TYPE[/mode] SOURCE -> TARGET [@place(country)] [date] [said_by=X] [neg] [hyp] «trigger»\n\
# Regenerate: UPDATE_EXPECT=1 cargo test -p truce-extract --test golden\n";

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn lang_of(stem: &str) -> &'static str {
    if stem.ends_with("_fr") {
        "fr"
    } else if stem.ends_with("_en") {
        "en"
    } else {
        panic!("fixture {stem} must end in _fr or _en")
    }
}

fn load(stem: &str, published: &str) -> CleanDoc {
    let path = fixtures_dir().join(format!("{stem}.txt"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    common::clean_doc(stem, &text, Some(lang_of(stem)), Some(published))
}

fn analyse(stem: &str, published: &str) -> (CleanDoc, Analysis) {
    let doc = load(stem, published);
    let a = Extractor::embedded().extract(&doc);
    (doc, a)
}

/// Non-comment, non-blank lines of an expected file.
fn expected_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn fixtures_match_expected_events() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v != "0" && !v.is_empty());
    let mut report = String::new();
    for &(stem, published) in CASES {
        let (_, a) = analyse(stem, published);
        let actual: Vec<String> = a.events.iter().map(common::render).collect();
        let path = fixtures_dir().join(format!("{stem}.events"));
        if update {
            let mut out = String::from(HEADER);
            for l in &actual {
                out.push_str(l);
                out.push('\n');
            }
            std::fs::write(&path, out)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
            continue;
        }
        let expected = match std::fs::read_to_string(&path) {
            Ok(t) => expected_lines(&t),
            Err(e) => {
                let _ = writeln!(report, "{stem}: cannot read {}: {e}", path.display());
                continue;
            }
        };
        if expected != actual {
            let _ = writeln!(report, "--- {stem}.events (expected) / +++ actual");
            for l in &expected {
                if !actual.contains(l) {
                    let _ = writeln!(report, "- {l}");
                }
            }
            for l in &actual {
                if !expected.contains(l) {
                    let _ = writeln!(report, "+ {l}");
                }
            }
            let same: BTreeSet<_> = expected.iter().collect::<BTreeSet<_>>();
            if actual.iter().all(|l| same.contains(l)) && expected.len() == actual.len() {
                let _ = writeln!(report, "  (same lines, different order)");
            }
        }
    }
    assert!(
        report.is_empty(),
        "extracted events differ from the snapshots (rerun with UPDATE_EXPECT=1 to accept):\n{report}"
    );
}

#[test]
fn every_fixture_is_listed_once() {
    let mut on_disk = BTreeSet::new();
    for entry in std::fs::read_dir(fixtures_dir()).expect("fixtures directory") {
        let p = entry.expect("directory entry").path();
        if p.extension().is_some_and(|e| e == "txt") {
            let stem = p.file_stem().and_then(|s| s.to_str()).expect("utf-8 name");
            on_disk.insert(stem.to_string());
        }
    }
    let listed: BTreeSet<String> = CASES.iter().map(|(s, _)| s.to_string()).collect();
    assert_eq!(listed.len(), CASES.len(), "a fixture is listed twice");
    assert_eq!(on_disk, listed, "fixtures on disk vs CASES");
    let fr = CASES.iter().filter(|(s, _)| s.ends_with("_fr")).count();
    let en = CASES.iter().filter(|(s, _)| s.ends_with("_en")).count();
    assert!(fr >= 8 && en >= 4, "{fr} French and {en} English fixtures");
}

#[test]
fn fixture_docs_are_laid_out_like_clean_docs() {
    for &(stem, published) in CASES {
        let doc = load(stem, published);
        let title = doc.title_str().expect("every fixture has a title line");
        assert!(!title.is_empty() && !title.contains('\n'), "{stem}");
        assert!(doc.paragraphs.len() >= 3, "{stem}: 3+ paragraphs");
        for p in &doc.paragraphs {
            let s = p.slice(&doc.text);
            assert!(
                !s.is_empty() && !s.contains('\n') && s.trim() == s,
                "{stem}"
            );
            assert!(doc.body.contains(*p), "{stem}");
        }
    }
}

/// Invariants every extracted event must satisfy, whatever its reading.
#[test]
fn fixture_events_are_well_formed() {
    for &(stem, published) in CASES {
        let (doc, a) = analyse(stem, published);
        assert_eq!(a.lang.as_deref(), Some(lang_of(stem)), "{stem}");
        assert!(!a.events.is_empty(), "{stem}: no event at all");
        for e in &a.events {
            let line = common::render(e);
            assert_eq!(e.doc, stem, "{line}");
            for code in [&e.source, &e.target, &e.said_by].into_iter().flatten() {
                assert!(
                    truce_model::is_valid_actor_code(code),
                    "{stem}: bad code {code} in {line}"
                );
            }
            if let Some(m) = &e.mode {
                assert!(modes_of(e.kind).contains(&m.as_str()), "{stem}: {line}");
            }
            if let Some(p) = &e.place {
                assert_eq!(p.country.len(), 3, "{stem}: {line}");
            }
            if let Some(d) = &e.date {
                let want = match d.precision {
                    truce_model::Precision::Year => 4,
                    truce_model::Precision::Month => 7,
                    truce_model::Precision::Day => 10,
                };
                assert_eq!(d.value.len(), want, "{stem}: {line}");
            }
            let ev = e.span.as_ref().expect("events carry their evidence span");
            assert_eq!(
                ev.trigger_span.slice(&doc.text),
                ev.trigger,
                "{stem}: {line}"
            );
            assert_eq!(ev.sentence_span.slice(&doc.text), ev.sentence, "{stem}");
            assert!(ev.sentence_span.contains(ev.trigger_span), "{stem}: {line}");
            assert!(!e.evidence.is_empty(), "{stem}: {line}");
        }
    }
}
