//! JSON Lines input records: one JSON object a line, read lazily with a per-line cap.

use std::io::{self, BufRead};

use serde_json::{Map, Value};
use truce_model::{RawContent, RawDoc};

use crate::decode::{decode, normalise_text};
use crate::{io_reason, InputError};

/// Outcome of reading one line with [`read_line_capped`].
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// End of input, nothing read.
    Eof,
    /// A line (without its `\n`) is in the buffer; `newline` tells whether it ended
    /// with one (the last line of a stream may not).
    Read { newline: bool },
    /// The line was longer than the cap; it was consumed and dropped. Holds its length.
    TooLong(u64),
}

/// Read one `\n`-terminated line into `buf` (without the `\n`), storing at most `cap`
/// bytes: a longer line is consumed to its end without being kept, so memory stays
/// bounded whatever the input.
pub(crate) fn read_line_capped<R: BufRead + ?Sized>(
    r: &mut R,
    buf: &mut Vec<u8>,
    cap: u64,
) -> io::Result<Line> {
    buf.clear();
    let mut total: u64 = 0;
    let mut any = false;
    let mut too_long = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(match (any, too_long) {
                (false, _) => Line::Eof,
                (true, true) => Line::TooLong(total),
                (true, false) => Line::Read { newline: false },
            });
        }
        any = true;
        let newline = memchr::memchr(b'\n', avail);
        let chunk = &avail[..newline.unwrap_or(avail.len())];
        total += chunk.len() as u64;
        if !too_long {
            if total > cap {
                too_long = true;
                *buf = Vec::new();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let used = chunk.len() + usize::from(newline.is_some());
        r.consume(used);
        if newline.is_some() {
            return Ok(if too_long {
                Line::TooLong(total)
            } else {
                Line::Read { newline: true }
            });
        }
    }
}

/// A lazy iterator over the records of a JSON Lines stream.
///
/// Each item is a document (origin `NAME:LINE`) or the error for one line; blank lines
/// are skipped. A read error (e.g. a truncated gzip stream) ends the iteration with one
/// error naming the line it happened on; records read before it are kept.
pub struct JsonlRecords<R> {
    reader: R,
    name: String,
    line: u64,
    cap: u64,
    encoding: &'static str,
    buf: Vec<u8>,
    done: bool,
    gzip: bool,
}

impl<R: BufRead> JsonlRecords<R> {
    /// Records of `reader`, with origins `name:LINE`; lines over `cap` bytes are
    /// reported and skipped.
    pub fn new(reader: R, name: impl Into<String>, cap: u64) -> Self {
        JsonlRecords {
            reader,
            name: name.into(),
            line: 0,
            cap,
            encoding: "UTF-8",
            buf: Vec::new(),
            done: false,
            gzip: false,
        }
    }

    /// Name of the encoding the stream's lines are in (default `UTF-8`).
    pub(crate) fn with_encoding(mut self, encoding: &'static str) -> Self {
        self.encoding = encoding;
        self
    }

    /// Report read errors as gzip errors.
    pub(crate) fn gzip(mut self, gzip: bool) -> Self {
        self.gzip = gzip;
        self
    }
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = Result<RawDoc, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.line += 1;
            let origin = format!("{}:{}", self.name, self.line);
            match read_line_capped(&mut self.reader, &mut self.buf, self.cap) {
                Ok(Line::Eof) => self.done = true,
                Err(e) => {
                    self.done = true;
                    return Some(Err(InputError::new(origin, io_reason(&e, self.gzip))));
                }
                Ok(Line::TooLong(n)) => {
                    return Some(Err(InputError::new(
                        origin,
                        format!("too large ({n} bytes > {})", self.cap),
                    )))
                }
                Ok(Line::Read { .. }) => {
                    let mut line: &[u8] = &self.buf;
                    if self.line == 1 {
                        line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
                    }
                    let line = line.strip_suffix(b"\r").unwrap_or(line);
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(parse_record(line, origin, self.encoding));
                }
            }
        }
        None
    }
}

/// Parse one JSONL line into a document. `encoding` names the stream's encoding; a
/// line that is not valid UTF-8 is decoded by detection and named accordingly.
pub fn parse_record(
    line: &[u8],
    origin: String,
    encoding: &'static str,
) -> Result<RawDoc, InputError> {
    let err = |reason: String| InputError::new(origin.clone(), reason);
    let (value, encoding) = match std::str::from_utf8(line) {
        Ok(s) => (serde_json::from_str::<Value>(s), encoding),
        Err(_) => {
            let (s, enc) = decode(line, false).map_err(|e| err(e.to_string()))?;
            (serde_json::from_str::<Value>(&s), enc)
        }
    };
    let value = value.map_err(|e| err(format!("invalid JSON: {e}")))?;
    let Value::Object(obj) = value else {
        return Err(err(format!(
            "not a JSON object (found {})",
            type_name(&value)
        )));
    };
    let id = match obj.get("id") {
        None | Some(Value::Null) => return Err(err("record has no \"id\"".into())),
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(_)) => return Err(err("record has an empty \"id\"".into())),
        Some(v) => {
            return Err(err(format!(
                "field \"id\" must be a string, found {}",
                type_name(v)
            )))
        }
    };
    let text = string_field(&obj, "text").map_err(&err)?;
    let html = string_field(&obj, "html").map_err(&err)?;
    let content = match (text, html) {
        (Some(t), _) => RawContent::Text(normalise_text(t)),
        (None, Some(h)) => RawContent::Html(normalise_text(h)),
        (None, None) => {
            return Err(err(format!(
                "record {id:?} has neither \"text\" nor \"html\" (or both are empty)"
            )))
        }
    };
    Ok(RawDoc {
        id,
        content,
        url: string_field(&obj, "url").map_err(&err)?,
        published: string_field(&obj, "published").map_err(&err)?,
        title: string_field(&obj, "title").map_err(&err)?,
        outlet: string_field(&obj, "outlet").map_err(&err)?,
        lang: string_field(&obj, "lang").map_err(&err)?,
        encoding: Some(encoding.to_owned()),
        origin,
    })
}

/// An optional string field: absent, `null` and blank strings are `None`; metadata is
/// trimmed (text bodies are kept as given); any other type is an error.
fn string_field(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) if key == "text" || key == "html" => Ok(Some(s.clone())),
        Some(Value::String(s)) => Ok(Some(s.trim().to_owned())),
        Some(v) => Err(format!(
            "field \"{key}\" must be a string, found {}",
            type_name(v)
        )),
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(input: &str) -> Vec<Result<RawDoc, InputError>> {
        JsonlRecords::new(input.as_bytes(), "f.jsonl", 1 << 20).collect()
    }

    #[test]
    fn reads_records_with_metadata() {
        let input = r#"{"id":"a1","text":"Trêve à Alep.\r\nDeuxième ligne.","url":"https://ex.invalid/a","published":"2016-09-12","title":" Trêve ","outlet":"AFP","lang":"fr"}"#;
        let docs = records(input);
        assert_eq!(docs.len(), 1);
        let d = docs[0].as_ref().unwrap();
        assert_eq!(d.id, "a1");
        assert_eq!(d.origin, "f.jsonl:1");
        assert_eq!(
            d.content,
            RawContent::Text("Trêve à Alep.\nDeuxième ligne.".into())
        );
        assert_eq!(d.url.as_deref(), Some("https://ex.invalid/a"));
        assert_eq!(d.published.as_deref(), Some("2016-09-12"));
        assert_eq!(d.title.as_deref(), Some("Trêve"));
        assert_eq!(d.outlet.as_deref(), Some("AFP"));
        assert_eq!(d.lang.as_deref(), Some("fr"));
        assert_eq!(d.encoding.as_deref(), Some("UTF-8"));
    }

    #[test]
    fn html_records_and_numeric_ids() {
        let docs = records("{\"id\": 7, \"html\": \"<p>Truce</p>\", \"lang\": null}\n");
        let d = docs[0].as_ref().unwrap();
        assert_eq!(d.id, "7");
        assert_eq!(d.content, RawContent::Html("<p>Truce</p>".into()));
        assert_eq!(d.lang, None);
    }

    #[test]
    fn text_wins_over_html_when_both_given() {
        let docs = records(r#"{"id":"x","text":"plain","html":"<p>markup</p>"}"#);
        assert_eq!(
            docs[0].as_ref().unwrap().content,
            RawContent::Text("plain".into())
        );
    }

    #[test]
    fn bad_records_are_reported_with_line_numbers() {
        let input = "\n{\"id\":\"ok\",\"text\":\"a\"}\n{\"id\":\"broken\",\"text\":\n[1,2]\n\
            {\"text\":\"no id\"}\n{\"id\":\"e\"}\n{\"id\":\"t\",\"text\":\"x\",\"published\":2016}\n   \n";
        let docs = records(input);
        let msgs: Vec<String> = docs
            .iter()
            .map(|r| match r {
                Ok(d) => format!("ok {}", d.origin),
                Err(e) => e.to_string(),
            })
            .collect();
        assert_eq!(msgs[0], "ok f.jsonl:2");
        assert!(
            msgs[1].starts_with("f.jsonl:3: invalid JSON: "),
            "{}",
            msgs[1]
        );
        assert_eq!(msgs[2], "f.jsonl:4: not a JSON object (found an array)");
        assert_eq!(msgs[3], "f.jsonl:5: record has no \"id\"");
        assert_eq!(
            msgs[4],
            "f.jsonl:6: record \"e\" has neither \"text\" nor \"html\" (or both are empty)"
        );
        assert_eq!(
            msgs[5],
            "f.jsonl:7: field \"published\" must be a string, found a number"
        );
        assert_eq!(msgs.len(), 6);
    }

    #[test]
    fn latin1_line_is_decoded_not_mangled() {
        let mut line =
            b"{\"id\":\"l\",\"text\":\"L'arm\xE9e a d\xE9clar\xE9 la tr\xEAve \xE0 Alep.\"}\n"
                .to_vec();
        line.extend_from_slice(b"{\"id\":\"u\",\"text\":\"ok\"}\n");
        let docs: Vec<_> = JsonlRecords::new(&line[..], "f", 1000).collect();
        let d = docs[0].as_ref().unwrap();
        assert_eq!(
            d.content,
            RawContent::Text("L'armée a déclaré la trêve à Alep.".into())
        );
        assert_eq!(d.encoding.as_deref(), Some("windows-1252"));
        assert_eq!(docs[1].as_ref().unwrap().encoding.as_deref(), Some("UTF-8"));
    }

    #[test]
    fn overlong_lines_are_skipped_with_bounded_memory() {
        let long = format!("{{\"id\":\"big\",\"text\":\"{}\"}}", "x".repeat(5000));
        let input = format!("{long}\n{{\"id\":\"small\",\"text\":\"y\"}}\n");
        let docs: Vec<_> = JsonlRecords::new(input.as_bytes(), "f", 100).collect();
        assert_eq!(
            docs[0].as_ref().unwrap_err().to_string(),
            format!("f:1: too large ({} bytes > 100)", long.len())
        );
        assert_eq!(docs[1].as_ref().unwrap().id, "small");
    }

    #[test]
    fn capped_line_reader_handles_small_buffers() {
        let data = b"abc\n\ndefghij\nklm";
        let mut r = io::BufReader::with_capacity(2, &data[..]);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            match read_line_capped(&mut r, &mut buf, 5).unwrap() {
                Line::Eof => break,
                Line::Read { .. } => out.push(String::from_utf8(buf.clone()).unwrap()),
                Line::TooLong(n) => out.push(format!("<{n}>")),
            }
        }
        assert_eq!(out, ["abc", "", "<7>", "klm"]);
    }
}
