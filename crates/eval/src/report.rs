//! The evaluation report and its text and JSON renderings, identical to the
//! reference scorer's output.

use std::fmt::Write as _;

use serde_json::{json, Value};

use crate::clean::CleanReport;
use crate::events::EventReport;
use crate::py;

/// Everything one evaluation run measured.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// Number of gold documents.
    pub documents: usize,
    /// Event scores, when predictions were given.
    pub events: Option<EventReport>,
    /// Cleaning scores, when cleaned documents were given.
    pub clean: Option<CleanReport>,
}

/// A value of the report tree, rendered as Python's `json.dumps` renders the
/// corresponding Python value.
enum Node {
    Int(usize),
    Float(f64),
    Null,
    Object(Vec<(&'static str, Node)>),
}

impl Node {
    fn opt(x: Option<f64>) -> Node {
        x.map_or(Node::Null, Node::Float)
    }

    fn to_value(&self) -> Value {
        match self {
            Node::Int(n) => json!(n),
            // Non-finite values cannot occur (all are shares in 0..=1).
            Node::Float(x) => json!(x),
            Node::Null => Value::Null,
            Node::Object(items) => Value::Object(
                items
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), v.to_value()))
                    .collect(),
            ),
        }
    }

    /// `json.dumps(..., indent=1)`.
    fn write_pretty(&self, out: &mut String, depth: usize) {
        match self {
            Node::Int(n) => out.push_str(&n.to_string()),
            Node::Float(x) => out.push_str(&match x {
                x if x.is_nan() => "NaN".to_owned(),
                x if x.is_infinite() => if *x > 0.0 { "Infinity" } else { "-Infinity" }.to_owned(),
                x => py::float_repr(*x),
            }),
            Node::Null => out.push_str("null"),
            Node::Object(items) if items.is_empty() => out.push_str("{}"),
            Node::Object(items) => {
                out.push('{');
                for (i, (k, v)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push('\n');
                    out.push_str(&" ".repeat(depth + 1));
                    // Keys are fixed ASCII identifiers: no escaping needed.
                    let _ = write!(out, "\"{k}\": ");
                    v.write_pretty(out, depth + 1);
                }
                out.push('\n');
                out.push_str(&" ".repeat(depth));
                out.push('}');
            }
        }
    }
}

impl Report {
    fn tree(&self) -> Node {
        let mut top = vec![("documents", Node::Int(self.documents))];
        if let Some(e) = &self.events {
            let fields = e
                .fields
                .iter()
                .map(|(name, f)| {
                    (
                        name,
                        Node::Object(vec![
                            ("correct", Node::Int(f.correct)),
                            ("of", Node::Int(f.of)),
                            ("accuracy", Node::opt(f.accuracy)),
                        ]),
                    )
                })
                .collect();
            top.push((
                "events",
                Node::Object(vec![
                    ("tp", Node::Int(e.tp)),
                    ("fp", Node::Int(e.fp)),
                    ("fn", Node::Int(e.fn_)),
                    ("precision", Node::Float(e.precision)),
                    ("recall", Node::Float(e.recall)),
                    ("f1", Node::Float(e.f1)),
                    ("unknown_type_lines", Node::Int(e.unknown_type_lines)),
                    ("fields", Node::Object(fields)),
                ]),
            ));
        }
        if let Some(c) = &self.clean {
            top.push((
                "clean",
                Node::Object(vec![
                    ("missing_docs", Node::Int(c.missing_docs)),
                    ("kept", Node::opt(c.kept)),
                    ("dropped", Node::opt(c.dropped)),
                    ("title", Node::opt(c.title)),
                    ("length", Node::opt(c.length)),
                ]),
            ));
        }
        Node::Object(top)
    }

    /// The report as a JSON value, with the reference scorer's `--json`
    /// structure: `documents`, then `events` (`tp`, `fp`, `fn`, `precision`,
    /// `recall`, `f1`, `unknown_type_lines`, `fields`) and `clean`
    /// (`missing_docs`, `kept`, `dropped`, `title`, `length`) when scored.
    pub fn to_json(&self) -> Value {
        self.tree().to_value()
    }

    /// The reference scorer's `--json` output text (Python's
    /// `json.dumps(report, indent=1)`), byte for byte, keys in its order,
    /// without the final newline.
    pub fn to_json_string(&self) -> String {
        let mut out = String::new();
        self.tree().write_pretty(&mut out, 0);
        out
    }

    /// The reference scorer's text output, byte for byte, each line ending
    /// in a newline; empty when neither events nor cleaning were scored.
    ///
    /// ```text
    /// events: P 0.812 R 0.765 F1 0.788 (tp 13 fp 3 fn 4)
    ///   actor_full: 20/24 = 0.833
    /// clean: kept 1.0 dropped 1.0 title 1.0 length 0.8 missing 0
    /// ```
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if let Some(e) = &self.events {
            let _ = writeln!(
                out,
                "events: P {} R {} F1 {} (tp {} fp {} fn {})",
                py::format_fixed(e.precision, 3),
                py::format_fixed(e.recall, 3),
                py::format_fixed(e.f1, 3),
                e.tp,
                e.fp,
                e.fn_
            );
            for (name, f) in e.fields.iter() {
                if f.of > 0 {
                    let acc = f
                        .accuracy
                        .map_or_else(|| "None".to_owned(), |a| py::format_fixed(a, 3));
                    let _ = writeln!(out, "  {name}: {}/{} = {acc}", f.correct, f.of);
                }
            }
        }
        if let Some(c) = &self.clean {
            let show = |x: Option<f64>| x.map_or_else(|| "None".to_owned(), py::float_repr);
            let _ = writeln!(
                out,
                "clean: kept {} dropped {} title {} length {} missing {}",
                show(c.kept),
                show(c.dropped),
                show(c.title),
                show(c.length),
                c.missing_docs
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{FieldScore, FieldScores};

    fn sample() -> Report {
        let f = |correct, of| FieldScore {
            correct,
            of,
            accuracy: crate::events::ratio(correct, of),
        };
        Report {
            documents: 5,
            events: Some(EventReport {
                tp: 13,
                fp: 3,
                fn_: 4,
                precision: 0.8125,
                recall: 0.7647,
                f1: 0.7879,
                unknown_type_lines: 1,
                fields: FieldScores {
                    actor_full: f(20, 24),
                    mode: f(0, 0),
                    place: f(3, 4),
                    date: f(1, 3),
                    said_by: f(2, 2),
                },
            }),
            clean: Some(CleanReport {
                missing_docs: 0,
                kept: Some(1.0),
                dropped: None,
                title: Some(0.6667),
                length: Some(0.8),
            }),
        }
    }

    #[test]
    fn text_matches_the_reference_layout() {
        assert_eq!(
            sample().to_text(),
            "events: P 0.812 R 0.765 F1 0.788 (tp 13 fp 3 fn 4)\n\
             \x20 actor_full: 20/24 = 0.833\n\
             \x20 place: 3/4 = 0.750\n\
             \x20 date: 1/3 = 0.333\n\
             \x20 said_by: 2/2 = 1.000\n\
             clean: kept 1.0 dropped None title 0.6667 length 0.8 missing 0\n"
        );
        assert_eq!(Report::default().to_text(), "");
    }

    #[test]
    fn json_has_the_reference_structure() {
        let r = sample();
        let v = r.to_json();
        assert_eq!(v["documents"], 5);
        assert_eq!(v["events"]["fn"], 4);
        assert_eq!(v["events"]["fields"]["mode"]["accuracy"], Value::Null);
        assert_eq!(v["events"]["fields"]["actor_full"]["accuracy"], 0.8333);
        assert_eq!(v["clean"]["kept"], 1.0);
        assert!(v["clean"]["kept"].is_f64());
        let s = r.to_json_string();
        assert!(s.starts_with("{\n \"documents\": 5,\n \"events\": {\n  \"tp\": 13,\n"));
        assert!(s.contains(
            "\n   \"mode\": {\n    \"correct\": 0,\n    \"of\": 0,\n    \"accuracy\": null\n   },"
        ));
        assert!(s.ends_with("\"length\": 0.8\n }\n}"));
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
        let bare = Report {
            documents: 2,
            ..Report::default()
        };
        assert_eq!(bare.to_json_string(), "{\n \"documents\": 2\n}");
    }
}
