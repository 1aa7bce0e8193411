//! Reading truce's input documents into [`RawDoc`]s.
//!
//! # Contract
//!
//! - **Inputs** are `.txt`, `.html`/`.htm` and `.jsonl` files, each optionally
//!   gzip-compressed (`a.html.gz`; compression is recognised by its magic bytes, so a
//!   `.gz` name is not required), directories, and `-` for standard input.
//! - **Directories** are walked recursively in sorted (byte-wise file name) order;
//!   hidden entries (`.name`) and files of other extensions are skipped silently. A
//!   file named explicitly with an unknown extension is read as text.
//! - **Standard input** is sniffed: JSONL if its first non-blank line parses as a JSON
//!   object, HTML if it starts with `<` or contains `<html`, text otherwise.
//! - **JSONL records** are one JSON object a line with `id` (string or number) and
//!   `text` or `html` (`text` wins if both are given); optional `url`, `published`,
//!   `title`, `outlet`, `lang`. Blank lines are ignored; a bad line is reported as
//!   `path:LINE: …` and the other lines are still read. JSONL is read lazily, line by
//!   line, so memory stays bounded whatever the file size.
//! - **Identity**: `.txt`/`.html` files take their file stem as `id` (`a.html.gz` → `a`),
//!   standard input the id `stdin`. `origin` is the path, `path:LINE` for a JSONL
//!   record, `-` (or `-:LINE`) for standard input.
//! - **Decoding** ([`decode`]): BOM (UTF-8, UTF-16LE/BE), then valid UTF-8, then an
//!   HTML charset declaration, then detection (`chardetng`), so windows-1252,
//!   ISO-8859-1 (reported as `windows-1252`) and ISO-8859-15 French come out right.
//!   Line endings become `\n`; NUL characters are removed. [`RawDoc::encoding`] names
//!   the encoding.
//! - **Errors** are values: every problem yields an [`InputError`] (`origin: reason`)
//!   for that document only, and reading goes on with the others. Nothing here panics
//!   on input. Empty files, binary data, truncated gzip streams, documents over the
//!   size cap ([`Options::max_bytes`], 64 MiB of decompressed data by default, enforced
//!   while reading so gzip bombs stop early) and unreadable paths are reported and
//!   skipped. A truncated `.gz` text or HTML document is skipped whole; a truncated
//!   `.jsonl.gz` keeps the records read before the break.

mod decode;
mod jsonl;

use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;
use truce_model::{Diagnostic, RawContent, RawDoc};

pub use decode::{
    declared_charset, decode, DecodeError, HTML_PRESCAN_BYTES, MIXED_UTF8_WINDOWS_1252,
};
pub use jsonl::{parse_record, JsonlRecords};

/// A problem with one input: the document (or line, or path) it concerns and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct InputError {
    /// A path, `path:LINE` for a JSONL record, or `-` for standard input.
    pub origin: String,
    pub reason: String,
}

impl InputError {
    pub fn new(origin: impl Into<String>, reason: impl Into<String>) -> Self {
        InputError {
            origin: origin.into(),
            reason: reason.into(),
        }
    }
}

impl From<InputError> for Diagnostic {
    fn from(e: InputError) -> Self {
        Diagnostic {
            origin: e.origin,
            message: e.reason,
        }
    }
}

/// Reading options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Largest document accepted, in bytes of decompressed data (for JSONL: per line).
    pub max_bytes: u64,
}

impl Options {
    /// The default cap: 64 MiB.
    pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: Self::DEFAULT_MAX_BYTES,
        }
    }
}

/// Where documents come from: one file or standard input.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    File(PathBuf),
    Stdin,
}

impl Source {
    /// The origin string of this source: its path, or `-`.
    pub fn origin(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Stdin => "-".to_string(),
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.origin())
    }
}

/// The kind of content a source holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Html,
    Jsonl,
}

impl Format {
    /// The format a file name's extension announces (`.gz` looked through), if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let (_, ext) = split_name(path);
        match ext?.to_ascii_lowercase().as_str() {
            "txt" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            "jsonl" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

/// File name split into stem and extension, with a trailing `.gz` removed first.
fn split_name(path: &Path) -> (String, Option<String>) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let base = match name.len().checked_sub(3) {
        Some(cut) if name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(".gz") => {
            &name[..cut]
        }
        _ => name.as_str(),
    };
    match base.rfind('.') {
        Some(dot) if dot > 0 => (base[..dot].to_string(), Some(base[dot + 1..].to_string())),
        _ => (base.to_string(), None),
    }
}

/// The document id a file takes: its name without `.gz` and without its extension.
pub fn file_id(path: &Path) -> String {
    split_name(path).0
}

/// Expand paths (files, directories, `-`) into a deterministic list of sources.
///
/// Files named explicitly are kept whatever their extension; directories contribute
/// their non-hidden `.txt`/`.html`/`.htm`/`.jsonl` files (optionally `.gz`), walked
/// recursively in sorted order. Nonexistent or unreadable paths are reported.
pub fn expand(paths: &[PathBuf]) -> (Vec<Source>, Vec<InputError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        match fs::metadata(path) {
            Err(e) => errors.push(InputError::new(
                path.display().to_string(),
                io_reason(&e, false),
            )),
            Ok(m) if m.is_dir() => {
                let mut seen = HashSet::new();
                walk(path, &mut seen, &mut sources, &mut errors);
            }
            Ok(_) => sources.push(Source::File(path.clone())),
        }
    }
    (sources, errors)
}

fn walk(
    dir: &Path,
    seen: &mut HashSet<PathBuf>,
    sources: &mut Vec<Source>,
    errors: &mut Vec<InputError>,
) {
    // Symbolic links are followed; a directory already walked (a link cycle) is not re-entered.
    if let Ok(canon) = fs::canonicalize(dir) {
        if !seen.insert(canon) {
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errors.push(InputError::new(
                dir.display().to_string(),
                io_reason(&e, false),
            ));
            return;
        }
    };
    let mut children: Vec<(std::ffi::OsString, PathBuf)> = Vec::new();
    for entry in entries {
        match entry {
            Ok(ent) => children.push((ent.file_name(), ent.path())),
            Err(e) => errors.push(InputError::new(
                dir.display().to_string(),
                io_reason(&e, false),
            )),
        }
    }
    children.sort_by(|a, b| a.0.as_encoded_bytes().cmp(b.0.as_encoded_bytes()));
    for (name, path) in children {
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, seen, sources, errors),
            Ok(_) if Format::from_path(&path).is_some() => sources.push(Source::File(path)),
            Ok(_) => {}
            // A dangling symbolic link or a vanished entry.
            Err(e) => errors.push(InputError::new(
                path.display().to_string(),
                io_reason(&e, false),
            )),
        }
    }
}

/// Read one source into its documents and per-document errors.
pub fn read_source(src: &Source, opts: &Options) -> (Vec<RawDoc>, Vec<InputError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for item in open_source(src, opts) {
        match item {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(e),
        }
    }
    (docs, errors)
}

/// All documents and errors of many paths, in order, reading one source at a time
/// (and JSONL line by line).
pub fn read_all(
    paths: &[PathBuf],
    opts: &Options,
) -> impl Iterator<Item = Result<RawDoc, InputError>> {
    let opts = opts.clone();
    let paths: Vec<PathBuf> = paths.to_vec();
    paths.into_iter().flat_map(move |path| {
        let (sources, errors) = expand(std::slice::from_ref(&path));
        let opts = opts.clone();
        errors.into_iter().map(Err).chain(
            sources
                .into_iter()
                .flat_map(move |s| open_source(&s, &opts)),
        )
    })
}

/// A lazy iterator over one source's documents and errors.
pub fn open_source(src: &Source, opts: &Options) -> Docs<'static> {
    match src {
        Source::Stdin => read_reader(io::stdin(), "-", "stdin", None, opts),
        Source::File(path) => {
            let origin = path.display().to_string();
            let meta = match fs::metadata(path) {
                Ok(m) => m,
                Err(e) => return Docs::error(InputError::new(origin, io_reason(&e, false))),
            };
            if meta.is_dir() {
                return Docs::error(InputError::new(origin, "is a directory"));
            }
            let file = match File::open(path) {
                Ok(f) => f,
                Err(e) => return Docs::error(InputError::new(origin, io_reason(&e, false))),
            };
            let format = Format::from_path(path).unwrap_or(Format::Text);
            let spec = Spec {
                origin,
                id: file_id(path),
                format: Some(format),
                size: Some(meta.len()),
            };
            read_stream(Box::new(file), spec, opts)
        }
    }
}

/// Read documents from any reader: `origin` names it in errors and documents, `id` is
/// the id of a single text/HTML document, `format` is `None` to sniff (as for stdin).
/// Gzip-compressed input is recognised by its magic bytes and decompressed.
pub fn read_reader<'a, R: Read + 'a>(
    reader: R,
    origin: &str,
    id: &str,
    format: Option<Format>,
    opts: &Options,
) -> Docs<'a> {
    let spec = Spec {
        origin: origin.to_string(),
        id: id.to_string(),
        format,
        size: None,
    };
    read_stream(Box::new(reader), spec, opts)
}

/// The format content looks like: JSONL if its first non-blank line is a JSON object,
/// HTML if it starts with `<` or contains `<html`, text otherwise.
pub fn sniff_format(text: &str) -> Format {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if is_json_object(first.as_bytes()) {
        Format::Jsonl
    } else if looks_like_html(text) {
        Format::Html
    } else {
        Format::Text
    }
}

fn is_json_object(line: &[u8]) -> bool {
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    let trimmed = line.trim_ascii();
    trimmed.first() == Some(&b'{')
        && matches!(
            serde_json::from_slice::<serde_json::Value>(trimmed),
            Ok(serde_json::Value::Object(_))
        )
}

fn looks_like_html(text: &str) -> bool {
    let head = match text.char_indices().nth(HTML_PRESCAN_BYTES) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .starts_with('<')
        || head.to_ascii_lowercase().contains("<html")
}

/// Documents of one source, produced lazily.
pub struct Docs<'a> {
    pending: VecDeque<Result<RawDoc, InputError>>,
    records: Option<JsonlRecords<Box<dyn BufRead + 'a>>>,
}

impl<'a> Docs<'a> {
    fn one(item: Result<RawDoc, InputError>) -> Self {
        Docs {
            pending: VecDeque::from([item]),
            records: None,
        }
    }
    fn error(e: InputError) -> Self {
        Self::one(Err(e))
    }
    fn jsonl(records: JsonlRecords<Box<dyn BufRead + 'a>>) -> Self {
        Docs {
            pending: VecDeque::new(),
            records: Some(records),
        }
    }
}

impl Iterator for Docs<'_> {
    type Item = Result<RawDoc, InputError>;
    fn next(&mut self) -> Option<Self::Item> {
        if let Some(item) = self.pending.pop_front() {
            return Some(item);
        }
        self.records.as_mut()?.next()
    }
}

/// What is known about a stream before reading it.
struct Spec {
    origin: String,
    id: String,
    format: Option<Format>,
    /// Size on disk, when known (a plain file).
    size: Option<u64>,
}

fn read_stream<'a>(mut raw: Box<dyn Read + 'a>, spec: Spec, opts: &Options) -> Docs<'a> {
    let cap = opts.max_bytes;
    let mut magic = Vec::with_capacity(2);
    if let Err(e) = (&mut raw).take(2).read_to_end(&mut magic) {
        return Docs::error(InputError::new(spec.origin, io_reason(&e, false)));
    }
    let gzip = magic == [0x1F, 0x8B];
    let chained: Box<dyn Read + 'a> = Box::new(Cursor::new(magic).chain(raw));
    let stream: Box<dyn Read + 'a> = if gzip {
        Box::new(MultiGzDecoder::new(chained))
    } else {
        // The size on disk tells early that a single document is too large (JSONL's cap
        // is per line, and a sniffed stream may be JSONL: both are checked while reading).
        let single = matches!(spec.format, Some(Format::Text | Format::Html));
        if let Some(size) = spec.size.filter(|&s| single && s > cap) {
            return Docs::error(too_large(spec.origin, size, cap));
        }
        chained
    };
    let mut reader: Box<dyn BufRead + 'a> = Box::new(BufReader::with_capacity(64 * 1024, stream));
    let mut prefix = Vec::new();
    let format = match spec.format {
        Some(f) => f,
        None => match sniff_prefix(&mut reader, cap) {
            Err(e) => return Docs::error(InputError::new(spec.origin, io_reason(&e, gzip))),
            Ok(None) => return Docs::error(too_large_over(spec.origin, cap)),
            Ok(Some((bytes, json))) => {
                prefix = bytes;
                // Not JSONL: HTML or text is decided once the whole document is read.
                if json {
                    Format::Jsonl
                } else {
                    Format::Text
                }
            }
        },
    };
    let sniffing = spec.format.is_none();
    if format == Format::Jsonl {
        let reader: Box<dyn BufRead + 'a> = Box::new(Cursor::new(prefix).chain(reader));
        return jsonl_docs(reader, spec.origin, gzip, cap);
    }
    let already = prefix.len() as u64;
    let mut bytes = prefix;
    if let Err(e) = reader
        .take(cap.saturating_add(1).saturating_sub(already))
        .read_to_end(&mut bytes)
    {
        return Docs::error(InputError::new(spec.origin, io_reason(&e, gzip)));
    }
    if bytes.len() as u64 > cap {
        return Docs::error(too_large_over(spec.origin, cap));
    }
    if sniffing {
        return sniffed_docs(&bytes, spec.origin, spec.id, cap);
    }
    Docs::one(whole_doc(&bytes, format, spec.origin, spec.id))
}

/// Read a stream up to and including its first non-blank line. Returns the bytes read
/// and whether that line is a JSON object, or `None` if the line is over `cap`.
fn sniff_prefix(reader: &mut dyn BufRead, cap: u64) -> io::Result<Option<(Vec<u8>, bool)>> {
    let mut prefix = Vec::new();
    let mut line = Vec::new();
    loop {
        match jsonl::read_line_capped(reader, &mut line, cap)? {
            jsonl::Line::Eof => return Ok(Some((prefix, false))),
            jsonl::Line::TooLong(_) => return Ok(None),
            jsonl::Line::Read { newline } => {
                prefix.extend_from_slice(&line);
                if newline {
                    prefix.push(b'\n');
                }
                if !line.trim_ascii().is_empty() {
                    let json = is_json_object(&line);
                    return Ok(Some((prefix, json)));
                }
            }
        }
    }
}

/// JSONL from a buffered stream; UTF-16 (with BOM) is decoded whole first.
fn jsonl_docs<'a>(
    mut reader: Box<dyn BufRead + 'a>,
    origin: String,
    gzip: bool,
    cap: u64,
) -> Docs<'a> {
    let utf16 = match reader.fill_buf() {
        Ok(buf) => buf.starts_with(b"\xFF\xFE") || buf.starts_with(b"\xFE\xFF"),
        Err(e) => return Docs::error(InputError::new(origin, io_reason(&e, gzip))),
    };
    if !utf16 {
        return Docs::jsonl(JsonlRecords::new(reader, origin, cap).gzip(gzip));
    }
    let mut bytes = Vec::new();
    if let Err(e) = reader.take(cap.saturating_add(1)).read_to_end(&mut bytes) {
        return Docs::error(InputError::new(origin, io_reason(&e, gzip)));
    }
    if bytes.len() as u64 > cap {
        return Docs::error(too_large_over(origin, cap));
    }
    match decode(&bytes, false) {
        Ok((text, enc)) => Docs::jsonl(
            JsonlRecords::new(
                Box::new(Cursor::new(text.into_bytes())) as Box<dyn BufRead>,
                origin,
                cap,
            )
            .with_encoding(enc),
        ),
        Err(e) => Docs::error(InputError::new(origin, e.to_string())),
    }
}

/// A whole sniffed document. UTF-16 input (with BOM) is sniffed after decoding and
/// may still turn out to be JSONL.
fn sniffed_docs<'a>(bytes: &[u8], origin: String, id: String, cap: u64) -> Docs<'a> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return match decode(bytes, false) {
            Ok((text, enc)) => match sniff_format(&text) {
                Format::Jsonl => Docs::jsonl(
                    JsonlRecords::new(
                        Box::new(Cursor::new(text.into_bytes())) as Box<dyn BufRead>,
                        origin,
                        cap,
                    )
                    .with_encoding(enc),
                ),
                format => Docs::one(Ok(doc(text, enc, format, origin, id))),
            },
            Err(e) => Docs::error(InputError::new(origin, e.to_string())),
        };
    }
    let head = &bytes[..bytes.len().min(HTML_PRESCAN_BYTES)];
    let format = if looks_like_html(&String::from_utf8_lossy(head)) {
        Format::Html
    } else {
        Format::Text
    };
    Docs::one(whole_doc(bytes, format, origin, id))
}

fn whole_doc(
    bytes: &[u8],
    format: Format,
    origin: String,
    id: String,
) -> Result<RawDoc, InputError> {
    let (text, enc) = decode(bytes, format == Format::Html)
        .map_err(|e| InputError::new(origin.clone(), e.to_string()))?;
    Ok(doc(text, enc, format, origin, id))
}

fn doc(text: String, enc: &str, format: Format, origin: String, id: String) -> RawDoc {
    let content = match format {
        Format::Html => RawContent::Html(text),
        _ => RawContent::Text(text),
    };
    RawDoc {
        id,
        origin,
        content,
        url: None,
        published: None,
        title: None,
        outlet: None,
        lang: None,
        encoding: Some(enc.to_string()),
    }
}

fn too_large(origin: String, size: u64, cap: u64) -> InputError {
    InputError::new(origin, format!("too large ({size} bytes > {cap})"))
}

/// Too large when the exact size is unknown (compressed or streamed data).
fn too_large_over(origin: String, cap: u64) -> InputError {
    InputError::new(
        origin,
        format!("too large (more than {cap} bytes of data > {cap})"),
    )
}

/// A readable reason for an I/O error: the OS message without `(os error N)`, and
/// gzip failures named as such.
pub(crate) fn io_reason(e: &io::Error, gzip: bool) -> String {
    if gzip {
        match e.kind() {
            io::ErrorKind::UnexpectedEof => return "truncated gzip stream".to_string(),
            io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
                return format!("corrupt gzip stream: {e}")
            }
            _ => {}
        }
    }
    let msg = e.to_string();
    match msg.find(" (os error ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    }
}
