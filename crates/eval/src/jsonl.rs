//! Reading JSON Lines files of predictions or cleaned documents.

use std::path::Path;

use serde_json::Value;

use crate::error::EvalError;
use crate::py;

/// Reads a JSON Lines file: one JSON object per line.
///
/// Lines end at `\n`, `\r\n` or `\r` and are numbered from 1; surrounding
/// whitespace is ignored and blank lines are skipped, as in the reference
/// scorer. A line that is not JSON, or not a JSON object, is an error naming
/// `path:line`.
pub fn read_jsonl(path: &Path) -> Result<Vec<Value>, EvalError> {
    let bytes = std::fs::read(path).map_err(|source| EvalError::Io {
        path: path.to_owned(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| EvalError::Utf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    parse_jsonl(path, &text)
}

/// Parses JSON Lines text; `path` is only used in error messages.
pub fn parse_jsonl(path: &Path, text: &str) -> Result<Vec<Value>, EvalError> {
    let mut out = Vec::new();
    for (i, line) in lines(text).enumerate() {
        let line_no = i + 1;
        let line = py::strip(line);
        if line.is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(line).map_err(|source| EvalError::JsonLine {
            path: path.to_owned(),
            line: line_no,
            source,
        })?;
        if !value.is_object() {
            return Err(EvalError::NotObject {
                path: path.to_owned(),
                line: line_no,
            });
        }
        out.push(value);
    }
    Ok(out)
}

/// Splits text into lines ending at `\n`, `\r\n` or `\r` (Python's
/// universal newlines), without the line ends.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text).filter(|t| !t.is_empty());
    std::iter::from_fn(move || {
        let s = rest?;
        match s.find(['\n', '\r']) {
            Some(i) => {
                let skip = if s[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&s[i + skip..]).filter(|r| !r.is_empty());
                Some(&s[..i])
            }
            None => {
                rest = None;
                Some(s)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_universal_newlines() {
        let got: Vec<_> = lines("a\nb\r\nc\rd").collect();
        assert_eq!(got, ["a", "b", "c", "d"]);
        let got: Vec<_> = lines("a\n\nb\n").collect();
        assert_eq!(got, ["a", "", "b"]);
        assert_eq!(lines("").count(), 0);
    }

    #[test]
    fn skips_blank_lines_and_numbers_errors() {
        let p = Path::new("preds.jsonl");
        let v = parse_jsonl(p, "{\"doc\": \"a\"}\n\n  \u{1f}\n {\"doc\": \"b\"} \r\n").unwrap();
        assert_eq!(v.len(), 2);
        let err = parse_jsonl(p, "{\"doc\": \"a\"}\n\n{oops}\n").unwrap_err();
        assert!(
            err.to_string().starts_with("preds.jsonl:3: not JSON: "),
            "{err}"
        );
        let err = parse_jsonl(p, "[1, 2]").unwrap_err();
        assert_eq!(err.to_string(), "preds.jsonl:1: not a JSON object");
    }

    #[test]
    fn read_errors_name_the_file() {
        let err = read_jsonl(Path::new("/nonexistent/truce/x.jsonl")).unwrap_err();
        assert!(err.to_string().starts_with("/nonexistent/truce/x.jsonl: "));
    }
}
