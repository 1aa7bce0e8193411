//! Loading and checking gold annotation files (see `shared/gold/SPEC.md`).
//!
//! Gold files are loose JSON. Each one is checked once, when loaded, and
//! turned into the few derived values the scoring rules read, computed with
//! the same conversions as the reference scorer (`str()`, upper-casing,
//! truthiness). Shapes on which the reference scorer would raise an exception
//! (a missing `type`, a place that is not an object, ...) are rejected here
//! with [`EvalError::BadGold`] instead.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::error::EvalError;
use crate::py;

/// The key a gold document is filed under: its `doc` field.
///
/// Python files gold documents in a dict, where `1`, `1.0` and `true` are the
/// same key; only string keys can match a prediction's document stem.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DocKey {
    /// A string `doc`: the usual case.
    Str(String),
    /// A number or boolean `doc`, by the bits of its value as a double.
    Num(u64),
    /// `"doc": null`.
    Null,
}

impl DocKey {
    fn from_value(v: &Value) -> Result<Self, String> {
        let num = |x: f64| DocKey::Num(if x == 0.0 { 0 } else { x.to_bits() });
        match v {
            Value::String(s) => Ok(DocKey::Str(s.clone())),
            Value::Null => Ok(DocKey::Null),
            Value::Bool(b) => Ok(num(if *b { 1.0 } else { 0.0 })),
            Value::Number(n) => Ok(num(n.as_f64().unwrap_or(f64::NAN))),
            _ => Err("\"doc\" is a list or an object".to_owned()),
        }
    }

    /// The document id, when it is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            DocKey::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// The gold annotations of a set of documents, keyed by document id.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    docs: Vec<GoldDoc>,
    index: HashMap<DocKey, usize>,
}

/// One gold file.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// The `doc` field.
    pub key: DocKey,
    /// Where it was read from.
    pub path: PathBuf,
    pub(crate) events: Vec<GoldEvent>,
    pub(crate) clean: GoldClean,
}

/// A gold event, reduced to what the scoring rules read.
#[derive(Debug, Clone)]
pub(crate) struct GoldEvent {
    /// `type`; `None` when it is not a string (then nothing matches it).
    pub kind: Option<String>,
    pub source: Actor,
    pub target: Actor,
    /// `mode` when truthy; compared as a raw value with the prediction's
    /// lower-cased mode string.
    pub mode: Option<Value>,
    pub place: Option<GoldPlace>,
    pub date: Option<GoldDate>,
    /// Head of `said_by`, when truthy.
    pub said_by: Option<String>,
    /// Neither optional, negated nor hypothetical.
    pub required: bool,
}

/// A gold actor code (`None` when null or absent: "accepts anything").
#[derive(Debug, Clone, Default)]
pub(crate) struct Actor {
    /// `str(code).upper().strip()`.
    pub code: Option<String>,
    /// `str(code).split("/")[0].upper()`.
    pub head: Option<String>,
}

impl Actor {
    pub fn from_value(v: Option<&Value>) -> Self {
        match v {
            None | Some(Value::Null) => Actor::default(),
            Some(v) => {
                let s = py::str_of(v);
                Actor {
                    code: Some(norm_code_str(&s)),
                    head: Some(head_str(&s)),
                }
            }
        }
    }
}

/// `str(code).upper().strip()` of an already stringified code.
pub(crate) fn norm_code_str(s: &str) -> String {
    py::strip(&s.to_uppercase()).to_owned()
}

/// `str(code).split("/")[0].upper()` of an already stringified code.
pub(crate) fn head_str(s: &str) -> String {
    s.split('/').next().unwrap_or("").to_uppercase()
}

/// A gold place (the `place` object, when truthy).
#[derive(Debug, Clone)]
pub(crate) struct GoldPlace {
    /// `country`; `None` when it is not a string (then no place matches).
    pub country: Option<String>,
    /// `(lat, lon)` when `lat` is not null.
    pub coords: Option<(f64, f64)>,
}

/// A gold date (the `date` object, when truthy).
#[derive(Debug, Clone)]
pub(crate) struct GoldDate {
    /// `value`; `None` for a list value, which no prediction can equal.
    pub value: Option<String>,
    /// How many leading characters are compared: 4 for `year`, 7 for
    /// `month`, 10 otherwise.
    pub prefix: usize,
}

/// The `clean` part of a gold file.
#[derive(Debug, Clone)]
pub(crate) struct GoldClean {
    /// Folded title, when the gold title is truthy.
    pub title: Option<String>,
    /// Folded `must_keep` passages.
    pub must_keep: Vec<String>,
    /// Folded `must_drop` passages.
    pub must_drop: Vec<String>,
    /// `body_chars`.
    pub body_chars: f64,
}

impl Gold {
    /// Builds the gold set from already parsed files, in the given order.
    ///
    /// A later file with the same `doc` replaces an earlier one, as in the
    /// reference scorer. `path` is only used in error messages.
    pub fn from_values<I, P>(files: I) -> Result<Gold, EvalError>
    where
        I: IntoIterator<Item = (P, Value)>,
        P: Into<PathBuf>,
    {
        let mut gold = Gold::default();
        for (path, value) in files {
            let path = path.into();
            let doc = parse_doc(&value).map_err(|reason| EvalError::BadGold {
                path: path.clone(),
                reason,
            })?;
            let doc = GoldDoc { path, ..doc };
            match gold.index.get(&doc.key) {
                Some(&i) => gold.docs[i] = doc,
                None => {
                    gold.index.insert(doc.key.clone(), gold.docs.len());
                    gold.docs.push(doc);
                }
            }
        }
        Ok(gold)
    }

    /// Number of gold documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether there is no gold document.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The gold documents, in loading order.
    pub fn docs(&self) -> &[GoldDoc] {
        &self.docs
    }

    /// The gold document filed under a string id.
    pub fn get(&self, doc: &str) -> Option<&GoldDoc> {
        self.index
            .get(&DocKey::Str(doc.to_owned()))
            .map(|&i| &self.docs[i])
    }
}

impl GoldDoc {
    /// Number of gold events.
    pub fn event_count(&self) -> usize {
        self.events.len()
    }
}

/// Loads every `*.json` file of `dir` (not hidden ones, as a shell glob),
/// in sorted path order.
pub fn load_gold(dir: &Path) -> Result<Gold, EvalError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(EvalError::NoGold {
                dir: dir.to_owned(),
            })
        }
        Err(source) => {
            return Err(EvalError::Io {
                path: dir.to_owned(),
                source,
            })
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| EvalError::Io {
            path: dir.to_owned(),
            source,
        })?;
        let name = entry.file_name();
        if let Some(name) = name.to_str() {
            if name.ends_with(".json") && !name.starts_with('.') {
                paths.push(entry.path());
            }
        }
    }
    if paths.is_empty() {
        return Err(EvalError::NoGold {
            dir: dir.to_owned(),
        });
    }
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|source| EvalError::Io {
            path: path.clone(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| EvalError::Utf8 {
            path: path.clone(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        let value = serde_json::from_str(&text).map_err(|source| EvalError::GoldJson {
            path: path.clone(),
            source,
        })?;
        files.push((path, value));
    }
    Gold::from_values(files)
}

fn parse_doc(value: &Value) -> Result<GoldDoc, String> {
    let obj = value.as_object().ok_or("not a JSON object")?;
    let key = DocKey::from_value(obj.get("doc").ok_or("no \"doc\"")?)?;
    let events = match obj.get("events") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, e)| parse_event(e).map_err(|r| format!("events[{i}]: {r}")))
            .collect::<Result<Vec<_>, _>>()?,
        Some(_) => return Err("\"events\" is not a list".to_owned()),
        None => return Err("no \"events\"".to_owned()),
    };
    let clean = match obj.get("clean") {
        Some(Value::Object(c)) => parse_clean(c).map_err(|r| format!("clean: {r}"))?,
        Some(_) => return Err("\"clean\" is not an object".to_owned()),
        None => return Err("no \"clean\"".to_owned()),
    };
    Ok(GoldDoc {
        key,
        path: PathBuf::new(),
        events,
        clean,
    })
}

fn parse_event(value: &Value) -> Result<GoldEvent, String> {
    let e = value.as_object().ok_or("not an object")?;
    let kind = match e.get("type").ok_or("no \"type\"")? {
        Value::String(s) => Some(s.clone()),
        _ => None,
    };
    let place = match e.get("place") {
        Some(p) if py::truthy(p) => Some(parse_place(p)?),
        _ => None,
    };
    let date = match e.get("date") {
        Some(d) if py::truthy(d) => Some(parse_date(d)?),
        _ => None,
    };
    let truthy = |k: &str| py::truthy_opt(e.get(k));
    Ok(GoldEvent {
        kind,
        source: Actor::from_value(e.get("source")),
        target: Actor::from_value(e.get("target")),
        mode: e.get("mode").filter(|m| py::truthy(m)).cloned(),
        place,
        date,
        said_by: e
            .get("said_by")
            .filter(|s| py::truthy(s))
            .map(|s| head_str(&py::str_of(s))),
        required: !(truthy("optional") || truthy("negated") || truthy("hypothetical")),
    })
}

fn parse_place(value: &Value) -> Result<GoldPlace, String> {
    let p = value.as_object().ok_or("\"place\" is not an object")?;
    let country = match p.get("country").ok_or("place has no \"country\"")? {
        Value::String(s) => Some(s.clone()),
        _ => None,
    };
    let coords = match p.get("lat") {
        None | Some(Value::Null) => None,
        Some(lat) => {
            let lat = py::number_of(lat).ok_or("place \"lat\" is not a number")?;
            let lon = p
                .get("lon")
                .and_then(py::number_of)
                .ok_or("place has a \"lat\" but no numeric \"lon\"")?;
            Some((lat, lon))
        }
    };
    Ok(GoldPlace { country, coords })
}

fn parse_date(value: &Value) -> Result<GoldDate, String> {
    let d = value.as_object().ok_or("\"date\" is not an object")?;
    let value = match d.get("value").ok_or("date has no \"value\"")? {
        Value::String(s) => Some(s.clone()),
        Value::Array(_) => None,
        _ => return Err("date \"value\" is not a string".to_owned()),
    };
    let prefix = match d.get("precision") {
        Some(Value::String(p)) if p == "year" => 4,
        Some(Value::String(p)) if p == "month" => 7,
        Some(Value::Array(_) | Value::Object(_)) => {
            return Err("date \"precision\" is a list or an object".to_owned())
        }
        _ => 10,
    };
    Ok(GoldDate { value, prefix })
}

fn parse_clean(c: &Map<String, Value>) -> Result<GoldClean, String> {
    let passages = |key: &str| -> Result<Vec<String>, String> {
        match c.get(key) {
            Some(Value::Array(items)) => items
                .iter()
                .map(|s| match s {
                    Value::String(s) => Ok(py::fold(s)),
                    s if !py::truthy(s) => Ok(String::new()),
                    _ => Err(format!("\"{key}\" holds a non-string")),
                })
                .collect(),
            Some(_) => Err(format!("\"{key}\" is not a list")),
            None => Err(format!("no \"{key}\"")),
        }
    };
    let title = match c.get("title") {
        Some(Value::String(t)) if !t.is_empty() => Some(py::fold(t)),
        Some(t) if py::truthy(t) => return Err("\"title\" is not a string".to_owned()),
        _ => None,
    };
    let body_chars = c
        .get("body_chars")
        .and_then(py::number_of)
        .ok_or("\"body_chars\" is missing or not a number")?;
    Ok(GoldClean {
        title,
        must_keep: passages("must_keep")?,
        must_drop: passages("must_drop")?,
        body_chars,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn one(doc: Value) -> Result<Gold, EvalError> {
        Gold::from_values([("g.json", doc)])
    }

    fn minimal(events: Value) -> Value {
        json!({"doc": "d", "events": events,
               "clean": {"title": null, "must_keep": [], "must_drop": [], "body_chars": 10}})
    }

    #[test]
    fn derives_what_scoring_needs() {
        let gold = one(minimal(json!([{
            "type": "ASSAULT", "mode": "aerial", "source": "rus/mil ", "target": null,
            "place": {"name": "Alep", "country": "SYR", "lat": 36.2, "lon": 37.1},
            "date": {"value": "2016-09-19", "precision": "month"},
            "said_by": "usa/gov", "negated": 0, "hypothetical": "", "optional": false
        }, {
            "type": "AGREE", "place": {}, "date": null, "said_by": "", "negated": true
        }])))
        .unwrap();
        let doc = gold.get("d").unwrap();
        let e = &doc.events[0];
        assert_eq!(e.kind.as_deref(), Some("ASSAULT"));
        assert_eq!(e.source.code.as_deref(), Some("RUS/MIL"));
        assert_eq!(e.source.head.as_deref(), Some("RUS"));
        assert!(e.target.code.is_none());
        assert_eq!(e.said_by.as_deref(), Some("USA"));
        assert_eq!(e.place.as_ref().unwrap().coords, Some((36.2, 37.1)));
        assert_eq!(e.date.as_ref().unwrap().prefix, 7);
        assert!(e.required);
        let e = &doc.events[1];
        assert!(e.place.is_none() && e.date.is_none() && e.said_by.is_none());
        assert!(!e.required);
    }

    #[test]
    fn later_file_with_same_doc_replaces_earlier() {
        let a = minimal(json!([]));
        let mut b = minimal(json!([{"type": "AID"}]));
        b["doc"] = json!("d");
        let gold = Gold::from_values([("a.json", a), ("b.json", b)]).unwrap();
        assert_eq!(gold.len(), 1);
        assert_eq!(gold.get("d").unwrap().event_count(), 1);
        // 1, 1.0 and true are one key, as in a Python dict.
        let mut docs = Vec::new();
        for key in [json!(1), json!(1.0), json!(true), json!("1")] {
            let mut g = minimal(json!([]));
            g["doc"] = key;
            docs.push(("x.json", g));
        }
        assert_eq!(Gold::from_values(docs).unwrap().len(), 2);
    }

    #[test]
    fn rejects_shapes_the_reference_scorer_crashes_on() {
        let bad = [
            json!([]),
            json!({"events": [], "clean": {}}),
            minimal(json!([{"mode": "x"}])),
            minimal(json!([{"type": "AID", "place": "Alep"}])),
            minimal(json!([{"type": "AID", "place": {"name": "Alep"}}])),
            minimal(json!([{"type": "AID", "place": {"country": "SYR", "lat": 1}}])),
            minimal(json!([{"type": "AID", "date": {"precision": "day"}}])),
            minimal(json!([{"type": "AID", "date": {"value": null}}])),
            minimal(json!("none")),
            json!({"doc": "d", "events": []}),
            json!({"doc": ["d"], "events": [], "clean": {}}),
        ];
        for g in bad {
            let err = one(g.clone()).unwrap_err();
            assert!(matches!(err, EvalError::BadGold { .. }), "{g}: {err}");
        }
    }

    #[test]
    fn loads_directory_sorted_and_skips_hidden_files() {
        let dir = std::env::temp_dir().join(format!("truce-eval-gold-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let write = |name: &str, doc: &str| {
            let mut g = minimal(json!([]));
            g["doc"] = json!(doc);
            std::fs::write(dir.join(name), g.to_string()).unwrap();
        };
        write("b.json", "b");
        write("a.json", "a");
        write(".hidden.json", "hidden");
        std::fs::write(dir.join("notes.txt"), "not gold").unwrap();
        let gold = load_gold(&dir).unwrap();
        let keys: Vec<_> = gold.docs().iter().map(|d| d.key.clone()).collect();
        assert_eq!(keys, [DocKey::Str("a".into()), DocKey::Str("b".into())]);
        std::fs::write(dir.join("c.json"), "{not json").unwrap();
        assert!(matches!(load_gold(&dir), Err(EvalError::GoldJson { .. })));
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(matches!(load_gold(&dir), Err(EvalError::NoGold { .. })));
    }
}
