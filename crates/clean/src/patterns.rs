//! Boilerplate pattern files (`lexicons/<lang>/boilerplate.txt`): parsing and compilation.
//!
//! Each non-comment line is `KIND PATTERN`; see the header of the embedded files for the
//! kinds. Patterns are compiled case-insensitively once, when a [`crate::Cleaner`] is built.

use crate::CleanError;
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// The embedded default pattern files, by language.
pub(crate) const EMBEDDED: &[(&str, &str)] = &[
    ("fr", include_str!("../../../lexicons/fr/boilerplate.txt")),
    ("en", include_str!("../../../lexicons/en/boilerplate.txt")),
];

/// What a pattern line does (see the file header of `boilerplate.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Drop,
    Credit,
    Cue(u32),
    Tail,
    Strip,
}

/// One parsed (not yet compiled) pattern line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternLine {
    pub kind: Kind,
    pub pattern: String,
    /// `file:line`, for error messages.
    pub origin: String,
}

/// Parse the text of one `boilerplate.txt` file. `name` is used in error messages.
pub fn parse(name: &str, text: &str) -> Result<Vec<PatternLine>, CleanError> {
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let origin = format!("{name}:{}", n + 1);
        let (kind_str, rest) = match line.split_once(char::is_whitespace) {
            Some((k, r)) => (k, r.trim()),
            None => (line, ""),
        };
        if rest.is_empty() {
            return Err(CleanError::Pattern {
                origin,
                message: "a kind with no pattern".into(),
            });
        }
        let kind = match kind_str {
            "drop" => Kind::Drop,
            "credit" => Kind::Credit,
            "tail" => Kind::Tail,
            "strip" => Kind::Strip,
            "cue" => Kind::Cue(1),
            k if k.starts_with("cue:") => {
                let w = k[4..].parse::<u32>().map_err(|_| CleanError::Pattern {
                    origin: origin.clone(),
                    message: format!("bad cue weight in {k:?}"),
                })?;
                Kind::Cue(w)
            }
            other => {
                return Err(CleanError::Pattern {
                    origin,
                    message: format!("unknown kind {other:?}"),
                })
            }
        };
        out.push(PatternLine {
            kind,
            pattern: rest.to_string(),
            origin,
        });
    }
    Ok(out)
}

/// All patterns of every language, compiled.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub drop: RegexSet,
    pub credit: Vec<Regex>,
    pub cues: Vec<(Regex, u32)>,
    pub tail: RegexSet,
    pub strip: Vec<Regex>,
}

/// Rewrite `\b` as an ASCII word boundary, `(?-u:\b)`.
///
/// A Unicode `\b` makes the regex engine leave its fast DFA for a slow NFA simulation as
/// soon as the text holds a non-ASCII character (every French text): 30 times slower on
/// a large page. Patterns should therefore put `\b` next to ASCII letters only, which
/// `embedded_word_boundaries_are_ascii` checks for the embedded files.
pub fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') if chars.peek() != Some(&'{') => out.push_str("(?-u:\\b)"),
            Some(n) => {
                out.push('\\');
                out.push(n);
            }
            None => out.push('\\'),
        }
    }
    out
}

fn one(p: &PatternLine) -> Result<Regex, CleanError> {
    RegexBuilder::new(&ascii_boundaries(&p.pattern))
        .case_insensitive(true)
        .size_limit(1 << 26)
        .build()
        .map_err(|e| CleanError::Pattern {
            origin: p.origin.clone(),
            message: e.to_string(),
        })
}

fn set(lines: &[&PatternLine]) -> Result<RegexSet, CleanError> {
    // Compile each alone first so that an error names its line.
    for p in lines {
        one(p)?;
    }
    RegexSetBuilder::new(lines.iter().map(|p| ascii_boundaries(&p.pattern)))
        .case_insensitive(true)
        .size_limit(1 << 27)
        .dfa_size_limit(1 << 24)
        .build()
        .map_err(|e| CleanError::Pattern {
            origin: "boilerplate set".into(),
            message: e.to_string(),
        })
}

impl Compiled {
    pub fn new(lines: &[PatternLine]) -> Result<Compiled, CleanError> {
        let of = |k: fn(&Kind) -> bool| lines.iter().filter(|p| k(&p.kind)).collect::<Vec<_>>();
        let drop = set(&of(|k| *k == Kind::Drop))?;
        let tail = set(&of(|k| *k == Kind::Tail))?;
        let credit = of(|k| *k == Kind::Credit)
            .into_iter()
            .map(one)
            .collect::<Result<_, _>>()?;
        let strip = of(|k| *k == Kind::Strip)
            .into_iter()
            .map(one)
            .collect::<Result<_, _>>()?;
        // The same cue may be listed for several languages: count it once.
        let mut seen_cues = std::collections::HashSet::new();
        let cues = lines
            .iter()
            .filter(|p| !matches!(p.kind, Kind::Cue(_)) || seen_cues.insert(p.pattern.as_str()))
            .filter_map(|p| match p.kind {
                Kind::Cue(w) => Some(one(p).map(|r| (r, w))),
                _ => None,
            })
            .collect::<Result<_, _>>()?;
        Ok(Compiled {
            drop,
            credit,
            cues,
            tail,
            strip,
        })
    }

    /// Whether a paragraph is a caption or photo credit.
    pub fn is_credit(&self, s: &str) -> bool {
        self.credit.iter().any(|r| r.is_match(s))
    }

    /// `s` with a trailing credit cut off (for comparing a line with the headline).
    pub fn cut_credit<'a>(&self, s: &'a str) -> &'a str {
        let mut end = s.len();
        for r in &self.credit {
            if let Some(m) = r.find(s) {
                if m.end() == s.trim_end().len() && m.start() > 0 {
                    end = end.min(m.start());
                }
            }
        }
        &s[..end]
    }

    /// Sum of the weights of the consent cues found in `s`, and the bytes they cover.
    pub fn cue_score(&self, s: &str) -> (u32, usize) {
        let mut score = 0;
        let mut covered = 0;
        for (r, w) in &self.cues {
            for m in r.find_iter(s) {
                score += w;
                covered += m.len();
            }
        }
        (score, covered)
    }

    /// `s` with every `strip` match removed.
    pub fn strip(&self, s: &str) -> String {
        let mut out = s.to_string();
        for r in &self.strip {
            if r.is_match(&out) {
                out = r.replace_all(&out, "").into_owned();
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_kinds_and_comments() {
        let t = "# header\n\ndrop  ^ok$\ncue:3\ttout accepter\ncue cookies\ntail ^explore$\n";
        let p = parse("t", t).unwrap();
        assert_eq!(p.len(), 4);
        assert_eq!(p[0].kind, Kind::Drop);
        assert_eq!(p[1].kind, Kind::Cue(3));
        assert_eq!(p[1].pattern, "tout accepter");
        assert_eq!(p[2].kind, Kind::Cue(1));
        assert_eq!(p[3].origin, "t:6");
    }

    #[test]
    fn rejects_bad_lines() {
        assert!(parse("t", "nope ^x$").is_err());
        assert!(parse("t", "drop").is_err());
        assert!(parse("t", "cue:x y").is_err());
        let bad = parse("t", "drop (unclosed").unwrap();
        match Compiled::new(&bad) {
            Err(CleanError::Pattern { origin, .. }) => assert_eq!(origin, "t:1"),
            other => panic!("expected a pattern error, got {other:?}"),
        }
    }

    #[test]
    fn embedded_files_compile() {
        let mut all = Vec::new();
        for (lang, text) in EMBEDDED {
            let p = parse(lang, text).unwrap();
            assert!(p.len() > 20, "{lang} has too few patterns");
            all.extend(p);
        }
        let c = Compiled::new(&all).unwrap();
        assert!(c.drop.is_match("Lire aussi : la trêve tient"));
        assert!(c.drop.is_match("Read more: the truce holds"));
        assert!(c.is_credit("Representational image. Reuters"));
        assert!(
            c.cue_score("Tout AccepterTout refuserParamétrer vos choix")
                .0
                >= 6
        );
    }

    #[test]
    fn rewrites_word_boundaries() {
        assert_eq!(ascii_boundaries(r"\bok\b"), r"(?-u:\b)ok(?-u:\b)");
        assert_eq!(
            ascii_boundaries(r"a\\b \b{start}x \d"),
            r"a\\b \b{start}x \d"
        );
    }

    #[test]
    fn embedded_word_boundaries_are_ascii() {
        for (lang, text) in EMBEDDED {
            for p in parse(lang, text).unwrap() {
                let chars: Vec<char> = p.pattern.chars().collect();
                for i in 0..chars.len().saturating_sub(1) {
                    if chars[i] == '\\' && chars[i + 1] == 'b' && (i == 0 || chars[i - 1] != '\\') {
                        let after = chars.get(i + 2).copied().unwrap_or(' ');
                        let before = if i > 0 { chars[i - 1] } else { ' ' };
                        assert!(
                            after.is_ascii() && before.is_ascii(),
                            "{}: \\b next to a non-ASCII letter",
                            p.origin
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn cuts_trailing_credit() {
        let p = parse("t", "credit ©\\s*[\\p{L} ]+$").unwrap();
        let c = Compiled::new(&p).unwrap();
        assert_eq!(c.cut_credit("Un titre© Jean Dupont"), "Un titre");
        assert_eq!(c.cut_credit("Un titre"), "Un titre");
    }
}
