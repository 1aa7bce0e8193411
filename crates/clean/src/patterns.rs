//! Boilerplate pattern files (`lexicons/<lang>/boilerplate.txt`): parsing and compilation.
//!
//! Each non-comment line is `KIND PATTERN`; see the header of the embedded files for the
//! kinds. Patterns are compiled case-insensitively once, when a [`crate::Cleaner`] is built.

pub use crate::alphabet::Mapped;

use crate::alphabet::Alphabet;
use crate::CleanError;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::{meta, Input, MatchKind, PatternSet as AutomataPatternSet};
use regex_syntax::hir::Hir;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

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

/// A pattern compiled over the patterns' reduced [`Alphabet`] (see [`crate::alphabet`]):
/// it answers exactly as the `regex` crate would with the original pattern,
/// case-insensitively.
#[derive(Debug, Clone)]
pub struct Pattern {
    re: meta::Regex,
    alphabet: Arc<Alphabet>,
}

/// Several patterns searched at once: does any match?
#[derive(Debug, Clone)]
pub struct PatternSet {
    re: meta::Regex,
    alphabet: Arc<Alphabet>,
}

impl Pattern {
    /// Whether the pattern matches somewhere in `s`.
    pub fn is_match(&self, s: &str) -> bool {
        self.re.is_match(self.alphabet.map(s).bytes())
    }

    /// Byte range of the first (leftmost-first) match in `s`.
    pub fn find(&self, s: &str) -> Option<Range<usize>> {
        let m = self.alphabet.map(s);
        let found = self.re.find(m.bytes())?.range();
        m.ranges(vec![found]).pop()
    }

    /// Byte ranges (in the text) of the successive non-overlapping matches.
    fn find_all(&self, m: &Mapped<'_>) -> Vec<Range<usize>> {
        m.ranges(self.re.find_iter(m.bytes()).map(|f| f.range()).collect())
    }
}

impl PatternSet {
    /// Whether any pattern of the set matches somewhere in `s`.
    pub fn is_match(&self, s: &str) -> bool {
        self.re.is_match(self.alphabet.map(s).bytes())
    }

    /// Whether any pattern matches a mapped text.
    pub fn is_match_mapped(&self, m: &Mapped<'_>) -> bool {
        self.re.is_match(m.bytes())
    }

    /// Indexes of the patterns that match somewhere in a mapped text.
    fn which(&self, m: &Mapped<'_>) -> Vec<usize> {
        let mut found = AutomataPatternSet::new(self.re.pattern_len());
        self.re
            .which_overlapping_matches(&Input::new(m.bytes()), &mut found);
        found.iter().map(|p| p.as_usize()).collect()
    }

    /// Number of patterns in the set.
    pub fn len(&self) -> usize {
        self.re.pattern_len()
    }

    /// Whether the set has no pattern (and so never matches).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// All patterns of every language, compiled.
#[derive(Debug, Clone)]
pub struct Compiled {
    alphabet: Arc<Alphabet>,
    pub drop: PatternSet,
    pub credit: Vec<Pattern>,
    credit_any: PatternSet,
    pub cues: Vec<(Pattern, u32)>,
    cue_any: PatternSet,
    pub tail: PatternSet,
    pub strip: Vec<Pattern>,
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

/// Parse one pattern line as the `regex` crate would, case-insensitively.
fn parse_hir(p: &PatternLine) -> Result<Hir, CleanError> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(&ascii_boundaries(&p.pattern))
        .map_err(|e| CleanError::Pattern {
            origin: p.origin.clone(),
            message: e.to_string(),
        })
}

/// The `regex` crate's configuration for one regex, with a larger size limit.
fn single_config(utf8: bool) -> meta::Config {
    meta::Config::new()
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(utf8)
        .nfa_size_limit(Some(1 << 26))
        .hybrid_cache_capacity(2 << 20)
}

/// The `regex` crate's configuration for a `RegexSet`, with larger limits.
fn set_config(utf8: bool) -> meta::Config {
    meta::Config::new()
        .match_kind(MatchKind::All)
        .utf8_empty(utf8)
        .which_captures(WhichCaptures::None)
        .nfa_size_limit(Some(1 << 27))
        .hybrid_cache_capacity(1 << 24)
}

/// One parsed and rewritten pattern, with its line for error messages.
struct Prepared<'a> {
    line: &'a PatternLine,
    hir: Hir,
}

fn build_error(origin: &str, e: impl std::fmt::Display) -> CleanError {
    CleanError::Pattern {
        origin: origin.to_string(),
        message: e.to_string(),
    }
}

impl Compiled {
    pub fn new(lines: &[PatternLine]) -> Result<Compiled, CleanError> {
        let hirs = lines.iter().map(parse_hir).collect::<Result<Vec<_>, _>>()?;
        let alphabet = Arc::new(Alphabet::new(&hirs));
        let all: Vec<Prepared<'_>> = lines
            .iter()
            .zip(&hirs)
            .map(|(line, hir)| Prepared {
                line,
                hir: alphabet.rewrite(hir),
            })
            .collect();
        let of = |k: fn(&Kind) -> bool| all.iter().filter(|p| k(&p.line.kind)).collect::<Vec<_>>();
        let one = |p: &Prepared<'_>| -> Result<Pattern, CleanError> {
            meta::Builder::new()
                .configure(single_config(alphabet.is_utf8()))
                .build_from_hir(&p.hir)
                .map(|re| Pattern {
                    re,
                    alphabet: alphabet.clone(),
                })
                .map_err(|e| build_error(&p.line.origin, e))
        };
        let set = |ps: &[&Prepared<'_>]| -> Result<PatternSet, CleanError> {
            let hirs: Vec<&Hir> = ps.iter().map(|p| &p.hir).collect();
            match meta::Builder::new()
                .configure(set_config(alphabet.is_utf8()))
                .build_many_from_hir(&hirs)
            {
                Ok(re) => Ok(PatternSet {
                    re,
                    alphabet: alphabet.clone(),
                }),
                Err(e) => {
                    // Name the line at fault if one fails alone.
                    for p in ps {
                        one(p)?;
                    }
                    Err(build_error("boilerplate set", e))
                }
            }
        };

        let drop = set(&of(|k| *k == Kind::Drop))?;
        let tail = set(&of(|k| *k == Kind::Tail))?;
        let credit_lines = of(|k| *k == Kind::Credit);
        let credit_any = set(&credit_lines)?;
        let credit = credit_lines
            .into_iter()
            .map(one)
            .collect::<Result<_, _>>()?;
        let strip = of(|k| *k == Kind::Strip)
            .into_iter()
            .map(one)
            .collect::<Result<_, _>>()?;
        // The same cue may be listed for several languages: count it once.
        let mut seen_cues = std::collections::HashSet::new();
        let cue_lines: Vec<&Prepared<'_>> = all
            .iter()
            .filter(|p| matches!(p.line.kind, Kind::Cue(_)))
            .filter(|p| seen_cues.insert(p.line.pattern.as_str()))
            .collect();
        let cue_any = set(&cue_lines)?;
        let cues = cue_lines
            .into_iter()
            .map(|p| match p.line.kind {
                Kind::Cue(w) => one(p).map(|r| (r, w)),
                _ => unreachable!("filtered to cues above"),
            })
            .collect::<Result<_, _>>()?;
        Ok(Compiled {
            alphabet,
            drop,
            credit,
            credit_any,
            cues,
            cue_any,
            tail,
            strip,
        })
    }

    /// One line compiled alone over this alphabet (for tests).
    #[cfg(test)]
    fn single(&self, p: &PatternLine) -> Pattern {
        let hir = self.alphabet.rewrite(&parse_hir(p).unwrap());
        Pattern {
            re: meta::Builder::new()
                .configure(single_config(self.alphabet.is_utf8()))
                .build_from_hir(&hir)
                .unwrap(),
            alphabet: self.alphabet.clone(),
        }
    }

    /// `s` mapped onto the patterns' alphabet, to run several searches on it.
    pub fn map<'a>(&self, s: &'a str) -> Mapped<'a> {
        self.alphabet.map(s)
    }

    /// Whether a paragraph is a caption or photo credit.
    pub fn is_credit(&self, s: &str) -> bool {
        self.is_credit_mapped(&self.map(s))
    }

    /// [`Compiled::is_credit`] on a mapped text.
    pub fn is_credit_mapped(&self, m: &Mapped<'_>) -> bool {
        self.credit_any.is_match_mapped(m)
    }

    /// `s` with a trailing credit cut off (for comparing a line with the headline).
    pub fn cut_credit<'a>(&self, s: &'a str) -> &'a str {
        let m = self.map(s);
        if !self.credit_any.is_match_mapped(&m) {
            return s;
        }
        let mut end = s.len();
        for r in &self.credit {
            let found = r.re.find(m.bytes()).map(|f| f.range());
            if let Some(found) = found.and_then(|f| m.ranges(vec![f]).pop()) {
                if found.end == s.trim_end().len() && found.start > 0 {
                    end = end.min(found.start);
                }
            }
        }
        &s[..end]
    }

    /// Sum of the weights of the consent cues found in `s`, and the bytes they cover.
    pub fn cue_score(&self, s: &str) -> (u32, usize) {
        self.cue_score_mapped(&self.map(s))
    }

    /// [`Compiled::cue_score`] on a mapped text.
    pub fn cue_score_mapped(&self, m: &Mapped<'_>) -> (u32, usize) {
        let mut score = 0;
        let mut covered = 0;
        if !self.cue_any.is_match_mapped(m) {
            return (0, 0);
        }
        for i in self.cue_any.which(m) {
            let (r, w) = &self.cues[i];
            for found in r.find_all(m) {
                score += w;
                covered += found.len();
            }
        }
        (score, covered)
    }

    /// `s` with every `strip` match removed (each pattern in turn, as `replace_all`).
    pub fn strip(&self, s: &str) -> String {
        self.strip_cow(s).into_owned()
    }

    /// [`Compiled::strip`], borrowing `s` when nothing matches.
    pub fn strip_cow<'a>(&self, s: &'a str) -> Cow<'a, str> {
        let mut out = Cow::Borrowed(s);
        for r in &self.strip {
            let spans = {
                let m = self.map(&out);
                if !r.re.is_match(m.bytes()) {
                    continue;
                }
                r.find_all(&m)
            };
            let mut kept = String::with_capacity(out.len());
            let mut last = 0;
            for found in spans {
                kept.push_str(&out[last..found.start]);
                last = found.end;
            }
            kept.push_str(&out[last..]);
            out = Cow::Owned(kept);
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

    /// Texts mixing the pieces the patterns look for with letters of many scripts.
    fn generated_texts(n: usize) -> Vec<String> {
        const PIECES: &[&str] = &[
            "Lire aussi",
            "lire aussi :",
            "Photo",
            "photo :",
            "©",
            "© AFP",
            "AFP",
            "Reuters",
            " | ",
            " / ",
            "/",
            ":",
            "Par",
            "By",
            "by",
            "and",
            "et",
            "Suivez",
            "sur",
            "on",
            "Telegram",
            "cookies",
            "Tout accepter",
            "consent",
            "partners",
            "nos partenaires",
            "Read more",
            "Related",
            "Explore",
            "agency",
            "Mise à jour",
            "publié",
            "Comments",
            "14:02",
            "9h30",
            "Faits divers",
            " - ",
            " – ",
            "—",
            "•",
            "·",
            "’",
            "'",
            "«",
            "»",
            "\u{a0}",
            " ",
            "  ",
            "\t",
            "\n",
            ".",
            "!",
            "?",
            "(",
            ")",
            "(Photo: X)",
            "2016",
            "é",
            "É",
            "è",
            "à",
            "ç",
            "œ",
            "ñ",
            "ü",
            "ß",
            "ſ",
            "\u{212a}",
            "K",
            "s",
            "Ж",
            "жизнь",
            "Ελλάδα",
            "سوريا",
            "שלום",
            "中文",
            "𝒜",
            "😀",
            "٣",
            "Ⅻ",
            "\u{345}",
            "x",
            "é",
            "Alep",
            "Sergueï Lavrov",
            "photo_de_kerry_image",
            "img_1_2.jpg",
        ];
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        (0..n)
            .map(|_| {
                let len = (next() % 14) as usize;
                (0..len)
                    .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    /// A random string matching `hir` (look-arounds aside), to test near the patterns.
    fn sample(hir: &Hir, next: &mut impl FnMut() -> u64, out: &mut String) {
        use regex_syntax::hir::{Class, HirKind};
        match hir.kind() {
            HirKind::Literal(l) => out.push_str(&String::from_utf8_lossy(&l.0)),
            HirKind::Class(Class::Unicode(c)) if !c.ranges().is_empty() => {
                let r = c.ranges()[(next() % c.ranges().len() as u64) as usize];
                let span = r.end() as u64 - r.start() as u64 + 1;
                let cp = r.start() as u64 + next() % span.min(3);
                out.extend(char::from_u32(cp as u32));
            }
            HirKind::Class(Class::Bytes(c)) if !c.ranges().is_empty() => {
                let r = c.ranges()[(next() % c.ranges().len() as u64) as usize];
                out.push(char::from(r.start()));
            }
            HirKind::Repetition(r) => {
                let max = r.max.unwrap_or(r.min + 4).min(r.min + 6);
                let n = r.min + (next() % u64::from(max - r.min + 1)) as u32;
                for _ in 0..n {
                    sample(&r.sub, next, out);
                }
            }
            HirKind::Capture(c) => sample(&c.sub, next, out),
            HirKind::Concat(subs) => subs.iter().for_each(|h| sample(h, next, out)),
            HirKind::Alternation(subs) => {
                sample(&subs[(next() % subs.len() as u64) as usize], next, out)
            }
            _ => {}
        }
    }

    /// Strings drawn from each pattern, some altered: a piece added before or after, or
    /// a character changed.
    fn pattern_texts(lines: &[PatternLine], per_pattern: usize) -> Vec<String> {
        let pieces = generated_texts(50);
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut out = Vec::new();
        for p in lines {
            let hir = parse_hir(p).unwrap();
            for _ in 0..per_pattern {
                let mut t = String::new();
                sample(&hir, &mut next, &mut t);
                let piece = &pieces[(next() % pieces.len() as u64) as usize];
                match next() % 5 {
                    0 => t.insert_str(0, piece),
                    1 => t.push_str(piece),
                    2 => {
                        let cs: Vec<char> = t.chars().collect();
                        if !cs.is_empty() {
                            let i = (next() % cs.len() as u64) as usize;
                            let j = (next() % cs.len() as u64) as usize;
                            t = cs
                                .iter()
                                .enumerate()
                                .map(|(k, &c)| if k == i { cs[j] } else { c })
                                .collect();
                        }
                    }
                    _ => {}
                }
                out.push(t);
            }
        }
        out
    }

    fn regex_crate(p: &PatternLine) -> regex::Regex {
        regex::RegexBuilder::new(&ascii_boundaries(&p.pattern))
            .case_insensitive(true)
            .size_limit(1 << 26)
            .build()
            .unwrap()
    }

    fn spans(r: &regex::Regex, t: &str) -> Vec<Range<usize>> {
        r.find_iter(t).map(|m| m.range()).collect()
    }

    /// Every pattern answers as the `regex` crate does on the original pattern.
    fn assert_equivalent(lines: &[PatternLine], texts: &[String]) {
        let c = Compiled::new(lines).unwrap();
        for p in lines {
            let ours = c.single(p);
            let theirs = regex_crate(p);
            for t in texts {
                let m = c.map(t);
                assert_eq!(
                    ours.find_all(&m),
                    spans(&theirs, t),
                    "{} on {t:?}",
                    p.origin
                );
                assert_eq!(ours.find(t), theirs.find(t).map(|m| m.range()));
                assert_eq!(ours.is_match(t), theirs.is_match(t));
            }
        }
        let drop: Vec<&PatternLine> = lines.iter().filter(|p| p.kind == Kind::Drop).collect();
        let set = regex::RegexSetBuilder::new(drop.iter().map(|p| ascii_boundaries(&p.pattern)))
            .case_insensitive(true)
            .size_limit(1 << 27)
            .build()
            .unwrap();
        for t in texts {
            assert_eq!(c.drop.is_match(t), set.is_match(t), "drop set on {t:?}");
        }
    }

    #[test]
    fn equivalent_to_the_regex_crate() {
        let mut lines = Vec::new();
        for (lang, text) in EMBEDDED {
            lines.extend(parse(lang, text).unwrap());
        }
        let c = Compiled::new(&lines).unwrap();
        assert!(!c.alphabet.is_utf8(), "the embedded patterns are reduced");
        let mut texts = generated_texts(1000);
        texts.extend(pattern_texts(&lines, 12));
        // Whole seed-like lines too.
        texts.extend(
            [
                "Suivez RT en français sur Telegram",
                "Representational image. Reuters",
                "Un titre© Jean Dupont / Source : Reuters",
                "14:02Faits divers - Gard : un homme interpellé",
                "By John Smith and Jane Roe",
                "Photo: Omar Sanadiki / Reuters",
                "Tout AccepterTout refuserParamétrer vos choix",
            ]
            .map(String::from),
        );
        assert_equivalent(&lines, &texts);
        // The texts exercise every pattern both ways (some match, some do not).
        let hit = lines
            .iter()
            .filter(|p| {
                let r = regex_crate(p);
                texts.iter().any(|t| r.is_match(t)) && texts.iter().any(|t| !r.is_match(t))
            })
            .count();
        assert_eq!(hit, lines.len(), "patterns exercised both ways");
    }

    #[test]
    fn unreduced_patterns_are_equivalent_too() {
        // A Unicode word boundary keeps the patterns over UTF-8.
        let lines = parse(
            "t",
            "drop \\b{start}été\\b{end}\ndrop ^par\\s+[\\p{L}@][\\p{L}\\p{N}@._' -]{1,60}$\ncredit ©\\s*[\\p{L}.'’ -]{2,60}\\s*$\ncue:2 cookies?",
        )
        .unwrap();
        let c = Compiled::new(&lines).unwrap();
        assert!(c.alphabet.is_utf8());
        let mut texts = generated_texts(300);
        texts.extend(pattern_texts(&lines, 20));
        texts.push("un été chaud".into());
        assert_equivalent(&lines, &texts);
    }
}
