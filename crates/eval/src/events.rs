//! Event scoring: de-duplication, greedy one-to-one matching, precision,
//! recall, F1 and per-field accuracies (see `shared/gold/SPEC.md`).

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::gold::{head_str, Actor, Gold, GoldDate, GoldEvent, GoldPlace};
use crate::py;
use truce_model::EventType;

/// Whether `s` names one of the 16 PLOVER event types, exactly (the scorer
/// upper-cases predictions before asking).
pub fn is_type(s: &str) -> bool {
    EventType::ALL.iter().any(|t| t.as_str() == s)
}

/// Types whose source and target may be swapped.
pub const SYMMETRIC: [&str; 3] = ["AGREE", "CONSULT", "COOPERATE"];

/// Mean Earth radius used by the place rule, in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0;

/// Greatest distance between a predicted and a gold place, in kilometres.
pub const PLACE_TOLERANCE_KM: f64 = 50.0;

/// Correct answers out of scored pairs for one field.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FieldScore {
    pub correct: usize,
    pub of: usize,
    /// `correct / of` rounded to 4 decimals, `None` when `of` is 0.
    pub accuracy: Option<f64>,
}

impl FieldScore {
    fn add(&mut self, ok: bool) {
        self.of += 1;
        self.correct += usize::from(ok);
    }

    fn finish(mut self) -> Self {
        self.accuracy = ratio(self.correct, self.of);
        self
    }
}

/// `round(a / b, 4)`, or `None` when `b` is 0.
pub(crate) fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| py::round(a as f64 / b as f64, 4))
}

/// Accuracies on matched pairs, in the reference scorer's order.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FieldScores {
    /// Full actor code (`CCC/SEC`), per gold side that is not null.
    pub actor_full: FieldScore,
    /// Mode, where gold has one.
    pub mode: FieldScore,
    /// Place, where gold has one.
    pub place: FieldScore,
    /// Date at gold's precision, where gold has one.
    pub date: FieldScore,
    /// Head of `said_by`, where gold has one.
    pub said_by: FieldScore,
}

impl FieldScores {
    /// `(name, score)` pairs in report order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &FieldScore)> {
        [
            ("actor_full", &self.actor_full),
            ("mode", &self.mode),
            ("place", &self.place),
            ("date", &self.date),
            ("said_by", &self.said_by),
        ]
        .into_iter()
    }
}

/// Micro-averaged event scores over all gold documents.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EventReport {
    /// Required gold events matched.
    pub tp: usize,
    /// Unique predictions matched to no gold event.
    pub fp: usize,
    /// Required gold events left unmatched.
    pub fn_: usize,
    /// Rounded to 4 decimals.
    pub precision: f64,
    /// Rounded to 4 decimals.
    pub recall: f64,
    /// Rounded to 4 decimals (computed from the unrounded P and R).
    pub f1: f64,
    /// Prediction lines (for any document) whose type is not a PLOVER type.
    pub unknown_type_lines: usize,
    pub fields: FieldScores,
}

/// A prediction seen through the reference scorer's conversions.
struct Pred<'a> {
    raw: &'a Map<String, Value>,
    /// `str(p.get("type", "")).upper()`.
    kind: String,
    source: Actor,
    target: Actor,
}

impl<'a> Pred<'a> {
    fn new(raw: &'a Map<String, Value>) -> Self {
        Pred {
            raw,
            kind: upper_field(raw, "type"),
            source: Actor::from_value(raw.get("source")),
            target: Actor::from_value(raw.get("target")),
        }
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.raw.get(key)
    }

    /// The de-duplication key: type, full source and target codes, place
    /// (`COUNTRY@lat,lon` at one decimal, or `COUNTRY@folded name`) and date
    /// value.
    fn dedup_key(&self) -> (String, Option<String>, Option<String>, String, String) {
        let empty = Map::new();
        let place = match self.get("place") {
            Some(v) if py::truthy(v) => v.as_object(),
            _ => Some(&empty),
        };
        let date = match self.get("date") {
            Some(v) if py::truthy(v) => v.as_object(),
            _ => Some(&empty),
        };
        let place = place.map_or_else(String::new, place_key);
        let date = date.map_or_else(String::new, |d| {
            d.get("value").map_or_else(String::new, py::str_of)
        });
        (
            self.kind.clone(),
            self.source.code.clone(),
            self.target.code.clone(),
            place,
            date,
        )
    }
}

/// `str(d.get(key, "")).upper()`.
fn upper_field(d: &Map<String, Value>, key: &str) -> String {
    d.get(key)
        .map_or_else(String::new, py::str_of)
        .to_uppercase()
}

/// The place part of the de-duplication key.
///
/// Where Python's `float()` would raise on a coordinate, the place is keyed
/// by name instead.
fn place_key(place: &Map<String, Value>) -> String {
    let mut key = upper_field(place, "country");
    let coord = |k: &str| place.get(k).filter(|v| !v.is_null());
    if let (Some(lat), Some(lon)) = (coord("lat"), coord("lon")) {
        if let (Some(lat), Some(lon)) = (py::float_of(lat), py::float_of(lon)) {
            key.push('@');
            key.push_str(&py::format_fixed(lat, 1));
            key.push(',');
            key.push_str(&py::format_fixed(lon, 1));
            return key;
        }
    }
    key.push('@');
    key.push_str(&py::fold_value(place.get("name")));
    key
}

/// Great-circle distance in kilometres (haversine, R = 6371 km) between two
/// `(lat, lon)` points in degrees.
pub fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powf(2.0)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powf(2.0);
    2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
}

/// Whether a predicted place (a loose JSON value) fits a gold place: same
/// country (upper-cased), and within 50 km where gold has coordinates and the
/// prediction has both. A gold place with coordinates is not matched by a
/// prediction without them. Non-numeric predicted coordinates never fit.
pub(crate) fn place_ok(g: &GoldPlace, p: Option<&Value>) -> bool {
    let Some(p) = p.filter(|p| py::truthy(p)).and_then(Value::as_object) else {
        return false;
    };
    if g.country.as_deref() != Some(upper_field(p, "country").as_str()) {
        return false;
    }
    let coord = |k: &str| p.get(k).filter(|v| !v.is_null());
    match (g.coords, coord("lat"), coord("lon")) {
        (Some(gc), Some(lat), Some(lon)) => match (py::number_of(lat), py::number_of(lon)) {
            (Some(lat), Some(lon)) => km(gc, (lat, lon)) <= PLACE_TOLERANCE_KM,
            _ => false,
        },
        (gc, _, _) => gc.is_none(),
    }
}

/// Whether a predicted date (a loose JSON value) equals the gold date at
/// gold's precision (the first 4, 7 or 10 characters of the values).
pub(crate) fn date_ok(g: &GoldDate, p: Option<&Value>) -> bool {
    let Some(p) = p.filter(|p| py::truthy(p)).and_then(Value::as_object) else {
        return false;
    };
    let Some(value) = p.get("value").filter(|v| py::truthy(v)) else {
        return false;
    };
    let Some(gold) = &g.value else {
        return false;
    };
    let prefix = |s: &str| s.chars().take(g.prefix).collect::<String>();
    prefix(&py::str_of(value)) == prefix(gold)
}

/// Same type; source and target heads agree (a null gold side accepts
/// anything); symmetric types may also match swapped.
fn primary_match(g: &GoldEvent, p: &Pred) -> bool {
    let Some(kind) = &g.kind else {
        return false;
    };
    if *kind != p.kind {
        return false;
    }
    let one = |g: &Actor, p: &Actor| g.head.is_none() || g.head == p.head;
    (one(&g.source, &p.source) && one(&g.target, &p.target))
        || (SYMMETRIC.contains(&kind.as_str())
            && one(&g.source, &p.target)
            && one(&g.target, &p.source))
}

/// How well a primary-matching prediction fits beyond type and actor heads
/// (0 to 4).
fn affinity(g: &GoldEvent, p: &Pred) -> usize {
    let mut s = usize::from(g.source.code == p.source.code);
    s += usize::from(g.target.code == p.target.code);
    if let Some(place) = &g.place {
        s += usize::from(place_ok(place, p.get("place")));
    }
    if let Some(date) = &g.date {
        s += usize::from(date_ok(date, p.get("date")));
    }
    s
}

/// The outcome of matching one document.
struct DocMatch<'g, 'p> {
    tp: usize,
    fp: usize,
    fn_: usize,
    pairs: Vec<(&'g GoldEvent, &'p Pred<'p>)>,
}

/// Drops predictions whose de-duplication key was already seen.
fn unique_preds<'a>(preds: &[&'a Map<String, Value>]) -> Vec<Pred<'a>> {
    let mut seen = HashSet::new();
    preds
        .iter()
        .map(|p| Pred::new(p))
        .filter(|p| seen.insert(p.dedup_key()))
        .collect()
}

/// Greedy one-to-one matching: required gold events first (otherwise in gold
/// order), each taking the unused primary-matching prediction of highest
/// affinity (the earliest on ties).
fn match_doc<'g, 'p>(gold: &'g [GoldEvent], preds: &'p [Pred<'p>]) -> DocMatch<'g, 'p> {
    let mut order: Vec<&GoldEvent> = gold.iter().collect();
    order.sort_by_key(|g| !g.required);
    let mut used = vec![false; preds.len()];
    let mut pairs = Vec::new();
    for g in order {
        let mut best: Option<(usize, usize)> = None;
        for (i, p) in preds.iter().enumerate() {
            if used[i] || !primary_match(g, p) {
                continue;
            }
            let s = affinity(g, p);
            if best.is_none_or(|(_, bs)| s > bs) {
                best = Some((i, s));
            }
        }
        if let Some((i, _)) = best {
            used[i] = true;
            pairs.push((g, &preds[i]));
        }
    }
    let tp = pairs.iter().filter(|(g, _)| g.required).count();
    let required = gold.iter().filter(|g| g.required).count();
    DocMatch {
        tp,
        fp: used.iter().filter(|u| !**u).count(),
        fn_: required - tp,
        pairs,
    }
}

/// Scores predicted events (one JSON object each, with a `doc` field naming
/// the input file) against the gold events.
///
/// Predictions are grouped by the stem of their `doc`; those for documents
/// without gold are ignored (but still counted in `unknown_type_lines`), and
/// gold documents without predictions count all their required events as
/// missed. A prediction that is not a JSON object is treated as an empty one.
pub fn score_events(gold: &Gold, preds: &[Value]) -> EventReport {
    let empty = Map::new();
    let mut by_doc: HashMap<String, Vec<&Map<String, Value>>> = HashMap::new();
    let mut unknown_type_lines = 0;
    for p in preds {
        let p = p.as_object().unwrap_or(&empty);
        if !is_type(&upper_field(p, "type")) {
            unknown_type_lines += 1;
        }
        let doc = p.get("doc").map_or_else(String::new, py::str_of);
        by_doc.entry(py::stem(&doc).to_owned()).or_default().push(p);
    }

    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let mut fields = FieldScores::default();
    for doc in gold.docs() {
        let preds = doc
            .key
            .as_str()
            .and_then(|k| by_doc.get(k))
            .map_or(&[][..], Vec::as_slice);
        let preds = unique_preds(preds);
        let m = match_doc(&doc.events, &preds);
        tp += m.tp;
        fp += m.fp;
        fn_ += m.fn_;
        for (g, p) in m.pairs {
            for (ga, pa) in [(&g.source, &p.source), (&g.target, &p.target)] {
                if ga.code.is_some() {
                    fields.actor_full.add(ga.code == pa.code);
                }
            }
            if let Some(mode) = &g.mode {
                let pm = p
                    .get("mode")
                    .filter(|m| py::truthy(m))
                    .map_or_else(String::new, py::str_of)
                    .to_lowercase();
                fields.mode.add(mode.as_str() == Some(pm.as_str()));
            }
            if let Some(place) = &g.place {
                fields.place.add(place_ok(place, p.get("place")));
            }
            if let Some(date) = &g.date {
                fields.date.add(date_ok(date, p.get("date")));
            }
            if let Some(said_by) = &g.said_by {
                let ph = p
                    .get("said_by")
                    .filter(|s| !s.is_null())
                    .map(|s| head_str(&py::str_of(s)));
                fields.said_by.add(Some(said_by) == ph.as_ref());
            }
        }
    }

    let precision = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let recall = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    EventReport {
        tp,
        fp,
        fn_,
        precision: py::round(precision, 4),
        recall: py::round(recall, 4),
        f1: py::round(f1, 4),
        unknown_type_lines,
        fields: FieldScores {
            actor_full: fields.actor_full.finish(),
            mode: fields.mode.finish(),
            place: fields.place.finish(),
            date: fields.date.finish(),
            said_by: fields.said_by.finish(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn gold_with(events: Value) -> Gold {
        Gold::from_values([(
            "g.json",
            json!({"doc": "d1", "events": events,
                   "clean": {"title": null, "must_keep": [], "must_drop": [], "body_chars": 1}}),
        )])
        .unwrap()
    }

    fn place(country: &str, coords: Option<(f64, f64)>) -> GoldPlace {
        GoldPlace {
            country: Some(country.to_owned()),
            coords,
        }
    }

    #[test]
    fn haversine_distance() {
        assert_eq!(km((36.2, 37.1), (36.2, 37.1)), 0.0);
        // One degree of latitude is about 111.2 km.
        assert!((km((0.0, 0.0), (1.0, 0.0)) - 111.195).abs() < 0.01);
        // Aleppo to Damascus, about 300 km.
        let d = km((36.2021, 37.1343), (33.5138, 36.2765));
        assert!((290.0..320.0).contains(&d), "{d}");
    }

    #[test]
    fn place_rule() {
        let alep = place("SYR", Some((36.2021, 37.1343)));
        assert!(place_ok(
            &alep,
            Some(&json!({"country": "syr", "lat": 36.3, "lon": 37.0}))
        ));
        assert!(!place_ok(
            &alep,
            Some(&json!({"country": "SYR", "lat": 33.5, "lon": 36.3}))
        ));
        assert!(!place_ok(
            &alep,
            Some(&json!({"country": "TUR", "lat": 36.2, "lon": 37.1}))
        ));
        // Gold has coordinates, prediction not: no.
        assert!(!place_ok(
            &alep,
            Some(&json!({"country": "SYR", "name": "Alep"}))
        ));
        assert!(!place_ok(
            &alep,
            Some(&json!({"country": "SYR", "lat": "36.2", "lon": 37}))
        ));
        assert!(!place_ok(&alep, Some(&json!("SYR"))));
        assert!(!place_ok(&alep, Some(&json!({}))));
        assert!(!place_ok(&alep, None));
        // Gold has no coordinates: the country decides.
        let syria = place("SYR", None);
        assert!(place_ok(
            &syria,
            Some(&json!({"country": "SYR", "lat": 10, "lon": 10}))
        ));
        assert!(place_ok(&syria, Some(&json!({"country": "SYR"}))));
        let odd = GoldPlace {
            country: None,
            coords: None,
        };
        assert!(!place_ok(&odd, Some(&json!({"country": null}))));
    }

    #[test]
    fn date_rule_compares_at_gold_precision() {
        let month = GoldDate {
            value: Some("2016-09-19".into()),
            prefix: 7,
        };
        assert!(date_ok(&month, Some(&json!({"value": "2016-09-01"}))));
        assert!(date_ok(&month, Some(&json!({"value": "2016-09"}))));
        assert!(!date_ok(&month, Some(&json!({"value": "2016-10-19"}))));
        assert!(!date_ok(&month, Some(&json!({"value": ""}))));
        assert!(!date_ok(&month, Some(&json!({"value": null}))));
        assert!(!date_ok(&month, Some(&json!("2016-09-19"))));
        let year = GoldDate {
            value: Some("2016".into()),
            prefix: 4,
        };
        assert!(date_ok(&year, Some(&json!({"value": 2016}))));
        let day = GoldDate {
            value: Some("2016-09-19".into()),
            prefix: 10,
        };
        assert!(!date_ok(&day, Some(&json!({"value": "2016-09"}))));
        assert!(date_ok(&day, Some(&json!({"value": "2016-09-19T10:00"}))));
    }

    #[test]
    fn dedup_key_rounds_coordinates_to_one_decimal() {
        let key = |p: Value| Pred::new(p.as_object().unwrap()).dedup_key().3;
        assert_eq!(
            key(json!({"place": {"country": "syr", "lat": 36.25, "lon": -0.05}})),
            "SYR@36.2,-0.1"
        );
        assert_eq!(
            key(json!({"place": {"country": "SYR", "lat": "0.25", "lon": 0}})),
            "SYR@0.2,0.0"
        );
        assert_eq!(
            key(json!({"place": {"country": "SYR", "name": " Alep\u{a0}Est "}})),
            "SYR@alep est"
        );
        assert_eq!(key(json!({"place": null})), "@");
        assert_eq!(key(json!({"place": {}})), "@");
        assert_eq!(key(json!({"place": "Alep"})), "");
        assert_eq!(key(json!({"place": {"country": null, "lat": 1}})), "NONE@");
        let date = |p: Value| Pred::new(p.as_object().unwrap()).dedup_key().4;
        assert_eq!(date(json!({"date": {"value": null}})), "None");
        assert_eq!(date(json!({"date": {}})), "");
        assert_eq!(date(json!({"date": "2016"})), "");
    }

    #[test]
    fn duplicates_collapse_and_extra_predictions_are_false_positives() {
        let gold = gold_with(
            json!([{"type": "ASSAULT", "source": "RUS/MIL", "target": "SYR/REB",
            "place": {"country": "SYR", "lat": 36.2, "lon": 37.1}}]),
        );
        let p = json!({"doc": "in/d1.txt", "type": "assault", "source": "RUS/MIL",
                       "target": "SYR/REB", "place": {"country": "SYR", "lat": 36.21, "lon": 37.12}});
        let mut near = p.clone();
        near["place"]["lat"] = json!(36.24);
        let mut other = p.clone();
        other["target"] = json!("SYR/CVL");
        let r = score_events(&gold, &[p.clone(), p, near, other]);
        assert_eq!((r.tp, r.fp, r.fn_), (1, 1, 0));
        assert_eq!(r.precision, 0.5);
        assert_eq!(r.f1, 0.6667);
        assert_eq!(r.fields.actor_full.correct, 2);
        assert_eq!(r.fields.place.accuracy, Some(1.0));
    }

    #[test]
    fn symmetric_types_match_swapped_and_best_affinity_wins() {
        let gold = gold_with(json!([
            {"type": "AGREE", "source": "USA/GOV", "target": "RUS/GOV"},
            {"type": "ACCUSE", "source": "USA/GOV", "target": "RUS/GOV"}
        ]));
        let preds = [
            json!({"doc": "d1", "type": "AGREE", "source": "RUS/GOV", "target": "USA/GOV"}),
            json!({"doc": "d1", "type": "ACCUSE", "source": "RUS/GOV", "target": "USA/GOV"}),
            json!({"doc": "d1", "type": "ACCUSE", "source": "USA/MIL", "target": "RUS/GOV"}),
            json!({"doc": "d1", "type": "ACCUSE", "source": "USA/GOV", "target": "RUS/GOV"}),
        ];
        let r = score_events(&gold, &preds);
        assert_eq!((r.tp, r.fp, r.fn_), (2, 2, 0));
        // The swapped AGREE scores 0/2 on full codes; the exact ACCUSE 2/2.
        assert_eq!(r.fields.actor_full.correct, 2);
        assert_eq!(r.fields.actor_full.of, 4);
    }

    #[test]
    fn optional_gold_absorbs_predictions_without_counting() {
        let gold = gold_with(json!([
            {"type": "THREATEN", "source": null, "target": "SYR", "hypothetical": true},
            {"type": "THREATEN", "source": "USA", "target": "SYR", "optional": true}
        ]));
        let preds = [
            json!({"doc": "d1", "type": "THREATEN", "source": "FRA/GOV", "target": "SYR/GOV"}),
            json!({"doc": "d1", "type": "THREATEN", "source": "USA/GOV", "target": "SYR/GOV"}),
        ];
        let r = score_events(&gold, &preds);
        assert_eq!((r.tp, r.fp, r.fn_), (0, 0, 0));
        assert_eq!((r.precision, r.recall, r.f1), (0.0, 0.0, 0.0));
        assert_eq!(r.fields.actor_full.of, 3);
    }

    #[test]
    fn fields_mode_date_said_by() {
        let gold = gold_with(
            json!([{"type": "ASSAULT", "mode": "aerial", "source": "RUS",
            "target": null, "date": {"value": "2016-09-19", "precision": "day"},
            "said_by": "USA/GOV"}]),
        );
        let preds = [
            json!({"doc": "d1", "type": "ASSAULT", "mode": "AERIAL", "source": "RUS/MIL",
            "date": {"value": "2016-09-19"}, "said_by": "usa/mil"}),
        ];
        let r = score_events(&gold, &preds);
        assert_eq!(r.tp, 1);
        let f = r.fields;
        assert_eq!((f.mode.correct, f.mode.of), (1, 1));
        assert_eq!((f.date.correct, f.date.of), (1, 1));
        assert_eq!((f.said_by.correct, f.said_by.of), (1, 1));
        assert_eq!((f.actor_full.correct, f.actor_full.of), (0, 1));
        assert_eq!(f.place.accuracy, None);
    }

    #[test]
    fn gold_without_predictions_and_unknown_documents() {
        let gold = gold_with(json!([{"type": "AID"}, {"type": "AID", "negated": true}]));
        let preds = [
            json!({"doc": "other.txt", "type": "AID"}),
            json!({"doc": "other.txt", "type": "BOMB"}),
            json!({"type": null}),
            json!("not an object"),
        ];
        let r = score_events(&gold, &preds);
        assert_eq!((r.tp, r.fp, r.fn_), (0, 0, 1));
        assert_eq!(r.unknown_type_lines, 3);
    }
}
