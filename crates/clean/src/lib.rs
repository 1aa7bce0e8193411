//! truce-clean: from a raw document (plain text or HTML) to a [`CleanDoc`]: title, body
//! and paragraphs, with boilerplate and repeated paragraphs removed.
//!
//! ```
//! use truce_clean::Cleaner;
//! use truce_model::RawDoc;
//!
//! let cleaner = Cleaner::new();
//! let raw = RawDoc::text(
//!     "doc1",
//!     "La trêve tient à Alep\n\
//!      Le cessez-le-feu négocié par Moscou et Washington tenait mardi à Alep, selon l'OSDH.\n\
//!      Lire aussi : Syrie, la trêve en questions\n\
//!      Suivez RT en français sur Telegram",
//! );
//! let (doc, diagnostics) = cleaner.clean(&raw);
//! assert_eq!(doc.title_str(), Some("La trêve tient à Alep"));
//! assert_eq!(
//!     doc.body_str(),
//!     "Le cessez-le-feu négocié par Moscou et Washington tenait mardi à Alep, selon l'OSDH."
//! );
//! assert!(diagnostics.is_empty());
//! ```
//!
//! Boilerplate patterns are data: `lexicons/<lang>/boilerplate.txt` (embedded in the
//! binary; [`Cleaner::from_dir`] reads an edited copy). The logic that weighs them —
//! cookie-cue density, header and trailer regions, duplicates — is in [`filters`].
//!
//! **Invariants**: cleaning never panics on input; `CleanDoc::text` is the title, a blank
//! line and the body, and every span points inside it on character boundaries; paragraphs
//! are separated by exactly one blank line (`"\n\n"`) and contain no line break.

pub mod alphabet;
pub mod dates;
pub mod filters;
pub mod html;
pub mod norm;
pub mod patterns;

pub use html::Metadata;

use std::path::{Path, PathBuf};
use truce_model::{CleanDoc, Diagnostic, RawContent, RawDoc, Span};

/// Errors of building a [`Cleaner`].
#[derive(Debug, thiserror::Error)]
pub enum CleanError {
    /// A pattern file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A pattern line is malformed or its regular expression does not compile.
    #[error("{origin}: {message}")]
    Pattern { origin: String, message: String },
}

/// Languages whose `boilerplate.txt` is loaded.
pub const LANGS: &[&str] = &["fr", "en"];

/// Documents larger than this are cut (on a character boundary) before cleaning, with a
/// diagnostic; 64 MiB is far beyond any article.
pub const MAX_INPUT_BYTES: usize = 64 << 20;

/// At most this many candidate paragraphs are cleaned (the rest are left out, with a
/// diagnostic): no article has that many, and the filters stay fast on hostile pages.
pub const MAX_PARAGRAPHS: usize = 20_000;

/// The cleaning stage, with its compiled boilerplate patterns. Build it once and reuse
/// it: [`Cleaner::clean`] takes `&self` and the type is `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Cleaner {
    patterns: patterns::Compiled,
}

impl Default for Cleaner {
    fn default() -> Self {
        Cleaner::new()
    }
}

impl Cleaner {
    /// A cleaner with the embedded default patterns.
    pub fn new() -> Cleaner {
        match Self::from_sources(
            patterns::EMBEDDED
                .iter()
                .map(|(l, t)| (l.to_string(), t.to_string())),
        ) {
            Ok(c) => c,
            // The embedded files are tested to compile; should they not, clean with no
            // patterns rather than panic (the structural filters still work).
            Err(_) => Cleaner {
                patterns: Self::empty_patterns(),
            },
        }
    }

    fn empty_patterns() -> patterns::Compiled {
        match patterns::Compiled::new(&[]) {
            Ok(c) => c,
            Err(_) => unreachable!("an empty pattern list always compiles"),
        }
    }

    /// A cleaner reading `dir/<lang>/boilerplate.txt` for each of [`LANGS`]; a missing
    /// file falls back to the embedded default, an unreadable or malformed one is an error.
    pub fn from_dir(dir: &Path) -> Result<Cleaner, CleanError> {
        let mut sources = Vec::new();
        for (lang, embedded) in patterns::EMBEDDED {
            let path = dir.join(lang).join("boilerplate.txt");
            let text = match std::fs::read_to_string(&path) {
                Ok(t) => t,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => embedded.to_string(),
                Err(source) => return Err(CleanError::Io { path, source }),
            };
            sources.push((path.display().to_string(), text));
        }
        Self::from_sources(sources)
    }

    fn from_sources(
        sources: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Cleaner, CleanError> {
        let mut lines = Vec::new();
        for (name, text) in sources {
            lines.extend(patterns::parse(&name, &text)?);
        }
        Ok(Cleaner {
            patterns: patterns::Compiled::new(&lines)?,
        })
    }

    /// The compiled patterns (for tests and tools).
    pub fn patterns(&self) -> &patterns::Compiled {
        &self.patterns
    }

    /// Clean one document. Fields the `RawDoc` lacks (title, published, url, outlet,
    /// lang) are filled from the page's metadata or, for `published`, from a dateline or
    /// an embedded-tweet signature; the `RawDoc`'s own values always win.
    pub fn clean(&self, doc: &RawDoc) -> (CleanDoc, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut diag = |m: String| {
            diags.push(Diagnostic {
                origin: doc.origin.clone(),
                message: m,
            })
        };
        let (raw, is_html) = match &doc.content {
            RawContent::Text(t) => (t.as_str(), false),
            RawContent::Html(h) => (h.as_str(), true),
        };
        let raw = if raw.len() > MAX_INPUT_BYTES {
            diag(format!(
                "input of {} bytes cut to the first {} bytes",
                raw.len(),
                MAX_INPUT_BYTES
            ));
            let mut end = MAX_INPUT_BYTES;
            while !raw.is_char_boundary(end) {
                end -= 1;
            }
            &raw[..end]
        } else {
            raw
        };
        if looks_binary(raw) {
            diag("input looks binary (many control or replacement characters)".into());
        }

        let (meta, paras, total) = if is_html {
            let budget = html::Budget {
                max_paragraphs: MAX_PARAGRAPHS,
                ..html::Budget::default()
            };
            let e = html::extract_with(raw, &budget);
            for t in e.truncated {
                diag(t);
            }
            (e.metadata, e.paragraphs, e.total_paragraphs)
        } else {
            let (paras, total) = filters::split_plain_limited(raw, MAX_PARAGRAPHS);
            (Metadata::default(), paras, total)
        };
        if total > MAX_PARAGRAPHS {
            diag(format!(
                "{total} candidate paragraphs; only the first {MAX_PARAGRAPHS} are cleaned"
            ));
        }
        let given_title = doc.title.as_deref().or(meta.title.as_deref());
        let out = filters::run(
            &self.patterns,
            paras,
            filters::Options {
                given_title,
                detect_title: !is_html,
            },
        );
        if out.paragraphs.is_empty() {
            diag("no article text found".into());
        }

        let (text, title, body, paragraphs) = assemble(out.title.as_deref(), &out.paragraphs);
        let clean = CleanDoc {
            id: doc.id.clone(),
            text,
            title,
            body,
            paragraphs,
            lang: doc.lang.clone().or(meta.lang),
            published: doc
                .published
                .clone()
                .or(meta.published)
                .or(out.published_hint),
            url: doc.url.clone().or(meta.url),
            outlet: doc.outlet.clone().or(meta.outlet),
            author: meta.author,
        };
        (clean, diags)
    }
}

/// Build the text and its spans: title, "\n\n", paragraphs joined by "\n\n".
fn assemble(title: Option<&str>, paras: &[String]) -> (String, Option<Span>, Span, Vec<Span>) {
    let mut text = String::new();
    let title_span = title.filter(|t| !t.is_empty()).map(|t| {
        text.push_str(t);
        Span::new(0, t.len())
    });
    if title_span.is_some() {
        text.push_str("\n\n");
    }
    let body_start = text.len();
    let mut spans = Vec::with_capacity(paras.len());
    for (i, p) in paras.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n");
        }
        let s = text.len();
        text.push_str(p);
        spans.push(Span::new(s, text.len()));
    }
    let body = Span::new(body_start, text.len());
    (text, title_span, body, spans)
}

/// Whether text looks like decoded binary: many control or replacement characters.
fn looks_binary(s: &str) -> bool {
    let sample: Vec<char> = s.chars().take(64 * 1024).collect();
    if sample.is_empty() {
        return false;
    }
    let bad = sample
        .iter()
        .filter(|&&c| c == '\u{fffd}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t')))
        .count();
    bad * 20 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assembles_spans() {
        let (text, t, b, ps) = assemble(Some("T"), &["a".into(), "bc".into()]);
        assert_eq!(text, "T\n\na\n\nbc");
        assert_eq!(t.map(|s| s.slice(&text)), Some("T"));
        assert_eq!(b.slice(&text), "a\n\nbc");
        assert_eq!(
            ps.iter().map(|s| s.slice(&text)).collect::<Vec<_>>(),
            ["a", "bc"]
        );
        let (text, t, b, ps) = assemble(None, &[]);
        assert_eq!(
            (text.as_str(), t, b, ps.len()),
            ("", None, Span::new(0, 0), 0)
        );
    }

    #[test]
    fn carries_fields_over_and_source_wins() {
        let mut raw = RawDoc::text(
            "d",
            "Une ligne de titre assez longue\nLe texte de l'article dit que la trêve tient à Alep depuis lundi soir.",
        );
        raw.title = Some("Titre de la source".into());
        raw.published = Some("2016-09-12".into());
        raw.url = Some("https://x.example/a".into());
        raw.outlet = Some("X".into());
        raw.lang = Some("fr".into());
        let (d, diags) = Cleaner::new().clean(&raw);
        assert!(diags.is_empty());
        assert_eq!(d.title_str(), Some("Titre de la source"));
        assert_eq!(d.published.as_deref(), Some("2016-09-12"));
        assert_eq!(d.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(d.outlet.as_deref(), Some("X"));
        assert_eq!(d.lang.as_deref(), Some("fr"));
        assert_eq!(d.id, "d");
    }

    #[test]
    fn from_dir_overrides_and_falls_back() {
        let dir = std::env::temp_dir().join(format!("truce-clean-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("fr")).unwrap();
        // A French file with one custom pattern; English is missing → embedded default.
        std::fs::write(dir.join("fr/boilerplate.txt"), "drop ^Bulletin spécial$\n").unwrap();
        let c = Cleaner::from_dir(&dir).unwrap();
        assert!(c.patterns().drop.is_match("Bulletin spécial"));
        assert!(!c.patterns().drop.is_match("Lire aussi : la trêve"));
        assert!(c.patterns().drop.is_match("Read more: the truce"));
        std::fs::write(dir.join("fr/boilerplate.txt"), "drop (unclosed\n").unwrap();
        match Cleaner::from_dir(&dir) {
            Err(CleanError::Pattern { origin, .. }) => assert!(origin.ends_with(":1"), "{origin}"),
            other => panic!("expected a pattern error, got {other:?}"),
        }
        let _ = std::fs::remove_dir_all(&dir);
        // A directory with nothing in it gives the embedded defaults.
        let c = Cleaner::from_dir(Path::new("/nonexistent/truce")).unwrap();
        assert!(c.patterns().drop.is_match("Lire aussi : la trêve"));
    }

    #[test]
    fn empty_input_gives_a_diagnostic() {
        let (d, diags) = Cleaner::new().clean(&RawDoc::text("e", ""));
        assert_eq!(d.text, "");
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.contains("no article text"));
    }

    #[test]
    fn binary_junk_gives_a_diagnostic() {
        let junk: String = (0u8..=255).cycle().take(5000).map(char::from).collect();
        let (_, diags) = Cleaner::new().clean(&RawDoc::text("b", junk));
        assert!(diags.iter().any(|d| d.message.contains("binary")));
    }
}
