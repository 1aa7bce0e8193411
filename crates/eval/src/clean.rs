//! Cleaning scores: passages kept and dropped, title, body length.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::events::ratio;
use crate::gold::Gold;
use crate::py;

/// Relative tolerance on the cleaned body's length.
pub const LENGTH_TOLERANCE: f64 = 0.15;

/// Cleaning scores over all gold documents. Shares are rounded to 4
/// decimals, `None` when nothing was scored.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CleanReport {
    /// Gold documents with no cleaned document (scored as an empty body).
    pub missing_docs: usize,
    /// Share of `must_keep` passages found in the cleaned body.
    pub kept: Option<f64>,
    /// Share of `must_drop` passages absent from the cleaned body.
    pub dropped: Option<f64>,
    /// Share of gold titles matched exactly (case and whitespace folded).
    pub title: Option<f64>,
    /// Share of bodies whose length (in characters) is within ±15 % of gold.
    pub length: Option<f64>,
}

/// A string field of a loose cleaned document; anything else is `""`.
fn text<'a>(d: &'a Map<String, Value>, key: &str) -> &'a str {
    d.get(key).and_then(Value::as_str).unwrap_or("")
}

/// Scores cleaned documents (`{"doc", "title", "body"}` objects) against the
/// gold cleaning annotations.
///
/// Documents are matched by the stem of `doc`; when several share a stem the
/// last one counts. Documents without gold are ignored. A value that is not
/// an object is treated as an empty one, a non-string title or body as empty.
pub fn score_clean(gold: &Gold, docs: &[Value]) -> CleanReport {
    let empty = Map::new();
    let mut by_doc: HashMap<String, &Map<String, Value>> = HashMap::new();
    for d in docs {
        let d = d.as_object().unwrap_or(&empty);
        let doc = d.get("doc").map_or_else(String::new, py::str_of);
        by_doc.insert(py::stem(&doc).to_owned(), d);
    }

    let mut missing_docs = 0;
    let (mut keep, mut drop, mut title, mut length) = ([0, 0], [0, 0], [0, 0], [0, 0]);
    for doc in gold.docs() {
        let c = &doc.clean;
        let d = match doc.key.as_str().and_then(|k| by_doc.get(k)) {
            Some(d) => d,
            None => {
                missing_docs += 1;
                &empty
            }
        };
        let raw_body = text(d, "body");
        let body = py::fold(raw_body);
        for s in &c.must_keep {
            keep[1] += 1;
            keep[0] += usize::from(body.contains(s.as_str()));
        }
        for s in &c.must_drop {
            drop[1] += 1;
            drop[0] += usize::from(!body.contains(s.as_str()));
        }
        if let Some(t) = &c.title {
            title[1] += 1;
            title[0] += usize::from(py::fold(text(d, "title")) == *t);
        }
        length[1] += 1;
        let n = raw_body.chars().count() as f64;
        length[0] += usize::from((n - c.body_chars).abs() <= LENGTH_TOLERANCE * c.body_chars);
    }
    let share = |x: [usize; 2]| ratio(x[0], x[1]);
    CleanReport {
        missing_docs,
        kept: share(keep),
        dropped: share(drop),
        title: share(title),
        length: share(length),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn gold() -> Gold {
        Gold::from_values([
            (
                "a.json",
                json!({"doc": "a", "events": [], "clean": {
                    "title": "Trêve à Alep", "body_chars": 40,
                    "must_keep": ["l\u{2019}armée syrienne", "cessez-le-feu"],
                    "must_drop": ["Lire aussi", "Abonnez-vous"]}}),
            ),
            (
                "b.json",
                json!({"doc": "b", "events": [], "clean": {
                    "title": null, "body_chars": 10, "must_keep": ["x"], "must_drop": []}}),
            ),
        ])
        .unwrap()
    }

    #[test]
    fn passages_title_and_length() {
        let body = "L'armée  syrienne respecte le CESSEZ-LE-FEU. Lire aussi";
        let docs = [json!({"doc": "dir/a.html", "title": " trêve À\u{a0}alep", "body": body})];
        let r = score_clean(&gold(), &docs);
        assert_eq!(r.missing_docs, 1);
        // a: 2 of 2 kept; b (missing): 0 of 1.
        assert_eq!(r.kept, Some(0.6667));
        assert_eq!(r.dropped, Some(0.5));
        assert_eq!(r.title, Some(1.0));
        // 55 chars vs 40 ± 6: no; b's empty body vs 10 ± 1.5: no.
        assert_eq!(r.length, Some(0.0));
    }

    #[test]
    fn length_tolerance_is_inclusive_and_counts_characters() {
        let docs = [
            json!({"doc": "b.txt", "body": "xéééééééé"}),
            json!({"doc": "a", "body": "é".repeat(46), "title": "Trêve à Alep"}),
        ];
        let r = score_clean(&gold(), &docs);
        assert_eq!(r.missing_docs, 0);
        assert_eq!(r.length, Some(1.0));
        assert_eq!(r.kept, Some(0.3333));
    }

    #[test]
    fn last_document_with_a_stem_wins_and_others_are_ignored() {
        let docs = [
            json!({"doc": "a.txt", "body": "Abonnez-vous"}),
            json!({"doc": "a.html", "body": "rien"}),
            json!({"doc": "zzz", "body": "x"}),
            json!(42),
        ];
        let r = score_clean(&gold(), &docs);
        assert_eq!(r.missing_docs, 1);
        assert_eq!(r.dropped, Some(1.0));
        assert_eq!(r.title, Some(0.0));
    }

    #[test]
    fn nothing_to_score_is_none() {
        let g = Gold::from_values([(
            "a.json",
            json!({"doc": "a", "events": [], "clean": {
                "title": "", "body_chars": 0, "must_keep": [], "must_drop": []}}),
        )])
        .unwrap();
        let r = score_clean(&g, &[]);
        assert_eq!((r.kept, r.dropped, r.title), (None, None, None));
        assert_eq!(r.length, Some(1.0));
    }
}
