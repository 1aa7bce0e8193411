//! `truce demo`: the pipeline on the articles built into the binary.

use crate::support::{doc_order, tmp, truce};
use serde_json::Value;

/// The fields of an event line (gold/SPEC.md, plus `doc` and `evidence`).
const SPEC_FIELDS: &[&str] = &[
    "doc",
    "type",
    "mode",
    "source",
    "target",
    "place",
    "date",
    "said_by",
    "negated",
    "hypothetical",
    "evidence",
];

const PLOVER: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// Whether `code` looks like an actor code: `CCC`, `CCC/SEC` or an
/// organisation code, optionally with a sector.
fn is_actor_code(code: &str) -> bool {
    let (head, sector) = match code.split_once('/') {
        Some((h, s)) => (h, Some(s)),
        None => (code, None),
    };
    !head.is_empty()
        && head.chars().all(|c| c.is_ascii_uppercase())
        && sector.is_none_or(|s| ["GOV", "MIL", "REB", "OPP", "CVL", "MED", "HRI"].contains(&s))
}

#[track_caller]
fn check_event(e: &Value) {
    let obj = e
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {e}"));
    for f in SPEC_FIELDS {
        assert!(obj.contains_key(*f), "missing {f:?} in {e}");
    }
    assert!(e["doc"].as_str().is_some_and(|s| !s.is_empty()), "{e}");
    assert!(
        PLOVER.contains(&e["type"].as_str().unwrap_or_default()),
        "{e}"
    );
    assert!(e["mode"].is_null() || e["mode"].is_string(), "{e}");
    for side in ["source", "target", "said_by"] {
        let v = &e[side];
        assert!(
            v.is_null() || v.as_str().is_some_and(is_actor_code),
            "{side} {v} in {e}"
        );
    }
    let place = &e["place"];
    if !place.is_null() {
        assert!(place["name"].as_str().is_some_and(|s| !s.is_empty()), "{e}");
        let country = place["country"].as_str().unwrap_or_default();
        assert!(
            country.len() == 3 && country.chars().all(|c| c.is_ascii_uppercase()),
            "{e}"
        );
        for k in ["lat", "lon"] {
            assert!(place[k].is_null() || place[k].is_f64(), "{e}");
        }
    }
    let date = &e["date"];
    if !date.is_null() {
        let value = date["value"].as_str().unwrap_or_default();
        let precision = date["precision"].as_str().unwrap_or_default();
        let len = match precision {
            "year" => 4,
            "month" => 7,
            "day" => 10,
            other => panic!("precision {other:?} in {e}"),
        };
        assert_eq!(value.len(), len, "{e}");
        assert!(value.starts_with("20") || value.starts_with("19"), "{e}");
    }
    assert!(
        e["negated"].is_boolean() && e["hypothetical"].is_boolean(),
        "{e}"
    );
    assert!(e["evidence"].as_str().is_some_and(|s| !s.is_empty()), "{e}");
}

#[test]
fn demo_jsonl_events_have_the_spec_fields() {
    let d = tmp();
    let r = truce(d.path(), ["demo", "--format", "jsonl"]);
    r.assert_code(0);
    assert_eq!(r.stderr, "", "demo inputs are all good");
    let events = r.json_lines();
    assert!(events.len() >= 3, "{}", r.dump());
    for e in &events {
        check_event(e);
    }
    let docs = doc_order(&events);
    assert_eq!(docs.len(), 3, "three built-in articles: {docs:?}");
    // a French and an English article: the evidence says which
    let french = events.iter().any(|e| {
        let ev = e["evidence"].as_str().unwrap_or_default();
        [" le ", " la ", " les ", " des ", " a "]
            .iter()
            .any(|w| ev.contains(w))
    });
    let english = events.iter().any(|e| {
        let ev = e["evidence"].as_str().unwrap_or_default();
        [" the ", " of ", " and ", " was "]
            .iter()
            .any(|w| ev.contains(w))
    });
    assert!(french && english, "{events:#?}");
    assert!(events.iter().any(|e| e["type"] == "ASSAULT"));
}

#[test]
fn demo_table_lists_events_of_the_three_articles() {
    let d = tmp();
    let r = truce(d.path(), ["demo"]);
    r.assert_code(0);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(
        &header[..8],
        ["doc", "type", "mode", "source", "target", "place", "date", "said_by"],
        "{}",
        r.dump()
    );
    let rows: Vec<&str> = lines[1..]
        .iter()
        .copied()
        .take_while(|l| !l.trim().is_empty())
        .collect();
    assert!(rows
        .iter()
        .any(|l| l.split_whitespace().nth(1) == Some("ASSAULT")));
    let mut docs: Vec<&str> = rows
        .iter()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    docs.dedup();
    assert_eq!(docs.len(), 3, "{}", r.dump());

    // the summary agrees with the rows and with the JSON output
    let summary = lines.last().copied().unwrap_or_default();
    let jsonl = truce(d.path(), ["demo", "--format", "jsonl"]).json_lines();
    assert_eq!(rows.len(), jsonl.len());
    assert_eq!(summary, format!("{} events in 3 documents", rows.len()));
    // every JSON event appears as a row, in the same order
    for (row, e) in rows.iter().zip(&jsonl) {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cols[1], e["type"].as_str().unwrap_or_default(), "{row}");
    }
}
