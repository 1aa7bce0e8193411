//! A reduced alphabet for the boilerplate patterns, so that they compile in a few
//! milliseconds instead of a few hundred.
//!
//! # Why
//!
//! The regex engines work on UTF-8 bytes: a class such as `\p{L}` becomes an automaton of
//! about 300 states, and a bounded repetition `[\p{L} ]{0,60}` copies it 60 times. A
//! handful of such patterns made `Cleaner::new()` take 0.3 s, almost all of it spent
//! building automata for letters of scripts the patterns never single out.
//!
//! # How (exactly equivalent)
//!
//! Only membership in the patterns' classes matters to a regex: two characters that
//! belong to exactly the same classes (and are not literals of any pattern) can never be
//! told apart by any of the patterns. So the non-ASCII code points are partitioned into
//! *atoms*: sets of characters with the same membership in every class of every pattern
//! (after case folding; each literal character is a class of its own). With at most 128
//! atoms, each one gets a byte of its own, `0x80 + atom`, and:
//!
//! - a text is **mapped** to bytes, one per character: ASCII stays, any other character
//!   becomes its atom's byte ([`Alphabet::map`]);
//! - every pattern is **rewritten** over these bytes: a class becomes a byte class (its
//!   ASCII part, and the bytes of the atoms it contains), a literal character its atom's
//!   byte; anchors and ASCII word boundaries are unchanged (ASCII is never mapped, and
//!   both an atom byte and a non-ASCII UTF-8 byte are non-word bytes).
//!
//! A rewritten pattern thus matches the mapped text exactly where the original matches
//! the original text, character for character; match offsets are translated back with
//! [`Mapped::offset`]. Every class is one byte class, so `.{0,220}` costs 220 NFA states
//! instead of thousands. The `equivalent_to_the_regex_crate` test of `patterns` checks
//! the whole scheme against the `regex` crate on generated text.
//!
//! Patterns with Unicode word boundaries, or with more than 128 atoms, are not reduced:
//! they are compiled as they are, over UTF-8 (slower to build, same answers).

use regex_syntax::hir::{Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, Hir, HirKind};
use regex_syntax::hir::{Literal, Repetition};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Characters below this are looked up in a direct table (Latin, Greek, Cyrillic, …,
/// general punctuation); the others by binary search.
const TABLE_END: u32 = 0x3000;

/// How patterns and texts are represented for matching.
#[derive(Debug, Clone)]
pub enum Alphabet {
    /// Texts are matched as they are (UTF-8), patterns compiled as written.
    Utf8,
    /// Texts are mapped to one byte per character; see the module documentation.
    Atoms(Atoms),
}

/// The atoms of a group of patterns.
#[derive(Debug, Clone)]
pub struct Atoms {
    /// Atom of each character `0x80..TABLE_END`.
    table: Vec<u8>,
    /// Atom of the characters from `TABLE_END` up: sorted disjoint `(first, last, atom)`.
    ranges: Vec<(u32, u32, u8)>,
    /// A member of each atom, to test which classes hold it.
    member: Vec<char>,
}

/// A text as the patterns see it: the bytes to search, and the way back to the text's
/// own byte offsets.
#[derive(Debug, Clone)]
pub struct Mapped<'a> {
    text: &'a str,
    bytes: Cow<'a, [u8]>,
}

impl Mapped<'_> {
    /// The bytes to search.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Whether offsets in [`Mapped::bytes`] are offsets in the text.
    fn same_offsets(&self) -> bool {
        self.bytes.len() == self.text.len()
    }

    /// The offset in the text of offset `i` of [`Mapped::bytes`] (a character boundary).
    pub fn offset(&self, i: usize) -> usize {
        if self.same_offsets() {
            return i;
        }
        self.text
            .char_indices()
            .nth(i)
            .map_or(self.text.len(), |(o, _)| o)
    }

    /// Ranges of offsets in [`Mapped::bytes`] as ranges of the text, with at most one
    /// walk over the text.
    pub fn ranges(&self, rs: Vec<Range<usize>>) -> Vec<Range<usize>> {
        if self.same_offsets() || rs.is_empty() {
            return rs;
        }
        let starts: Vec<usize> = self
            .text
            .char_indices()
            .map(|(o, _)| o)
            .chain([self.text.len()])
            .collect();
        let at = |i: usize| starts.get(i).copied().unwrap_or(self.text.len());
        rs.into_iter().map(|r| at(r.start)..at(r.end)).collect()
    }
}

impl Alphabet {
    /// The alphabet of these patterns (their HIR, as parsed).
    pub fn new(hirs: &[Hir]) -> Alphabet {
        match Atoms::new(hirs) {
            Some(a) => Alphabet::Atoms(a),
            None => Alphabet::Utf8,
        }
    }

    /// `s` as the patterns see it.
    pub fn map<'a>(&self, s: &'a str) -> Mapped<'a> {
        let bytes = match self {
            Alphabet::Atoms(a) if !s.is_ascii() => {
                let mut out = Vec::with_capacity(s.len());
                let mut rest = s;
                while !rest.is_empty() {
                    // Copy the ASCII run, then map one character.
                    let n = rest
                        .bytes()
                        .position(|b| !b.is_ascii())
                        .unwrap_or(rest.len());
                    out.extend_from_slice(&rest.as_bytes()[..n]);
                    rest = &rest[n..];
                    if let Some(c) = rest.chars().next() {
                        out.push(0x80 | a.atom(c));
                        rest = &rest[c.len_utf8()..];
                    }
                }
                Cow::Owned(out)
            }
            _ => Cow::Borrowed(s.as_bytes()),
        };
        Mapped { text: s, bytes }
    }

    /// `hir` over this alphabet.
    pub fn rewrite(&self, hir: &Hir) -> Hir {
        match self {
            Alphabet::Utf8 => hir.clone(),
            Alphabet::Atoms(a) => a.rewrite(hir),
        }
    }

    /// Whether patterns over this alphabet match UTF-8 text (rather than atom bytes).
    pub fn is_utf8(&self) -> bool {
        matches!(self, Alphabet::Utf8)
    }
}

impl Atoms {
    /// The atoms of these patterns, or `None` if they cannot be reduced.
    fn new(hirs: &[Hir]) -> Option<Atoms> {
        // 1. The distinct non-ASCII classes of all patterns.
        let mut classes: Vec<Vec<(u32, u32)>> = Vec::new();
        let mut seen: HashSet<Vec<(u32, u32)>> = HashSet::new();
        let mut add = |ranges: Vec<(u32, u32)>| {
            if !ranges.is_empty() && seen.insert(ranges.clone()) {
                classes.push(ranges);
            }
        };
        for hir in hirs {
            if hir.properties().look_set().contains_word_unicode() {
                return None;
            }
            visit(hir, &mut |h| match h.kind() {
                HirKind::Class(Class::Unicode(c)) => add(non_ascii(c)),
                HirKind::Literal(Literal(bytes)) => {
                    for ch in String::from_utf8_lossy(bytes).chars() {
                        if !ch.is_ascii() {
                            add(vec![(ch as u32, ch as u32)]);
                        }
                    }
                }
                _ => {}
            });
        }

        // 2. Elementary intervals between all class boundaries (minus the surrogates).
        let mut bounds: Vec<u32> = vec![0x80, 0xD800, 0xE000, 0x11_0000];
        for c in &classes {
            for &(lo, hi) in c {
                bounds.push(lo);
                bounds.push(hi + 1);
            }
        }
        bounds.sort_unstable();
        bounds.dedup();
        let intervals: Vec<(char, char)> = bounds
            .windows(2)
            .filter_map(|w| Some((char::from_u32(w[0])?, char::from_u32(w[1] - 1)?)))
            .collect();

        // 3. Membership signature of every interval; equal signatures make an atom.
        let words = classes.len().div_ceil(64).max(1);
        let mut sig = vec![0u64; intervals.len() * words];
        for (k, c) in classes.iter().enumerate() {
            for &(lo, hi) in c {
                let mut i = intervals.partition_point(|&(s, _)| (s as u32) < lo);
                while i < intervals.len() && intervals[i].1 as u32 <= hi {
                    sig[i * words + k / 64] |= 1 << (k % 64);
                    i += 1;
                }
            }
        }
        let mut atom_of_sig: HashMap<&[u64], u8> = HashMap::new();
        let mut member: Vec<char> = Vec::new();
        let mut table = vec![0u8; (TABLE_END - 0x80) as usize];
        let mut ranges: Vec<(u32, u32, u8)> = Vec::new();
        for (i, &(lo, hi)) in intervals.iter().enumerate() {
            let key = &sig[i * words..(i + 1) * words];
            let atom = match atom_of_sig.get(key) {
                Some(&a) => a,
                None => {
                    let a = u8::try_from(member.len()).ok().filter(|&a| a < 0x80)?;
                    atom_of_sig.insert(key, a);
                    member.push(lo);
                    a
                }
            };
            let (lo, hi) = (lo as u32, hi as u32);
            for cp in lo..=hi.min(TABLE_END - 1) {
                table[(cp - 0x80) as usize] = atom;
            }
            if hi >= TABLE_END {
                let lo = lo.max(TABLE_END);
                match ranges.last_mut() {
                    Some((_, end, a)) if *a == atom && *end + 1 == lo => *end = hi,
                    _ => ranges.push((lo, hi, atom)),
                }
            }
        }
        Some(Atoms {
            table,
            ranges,
            member,
        })
    }

    /// The atom of a non-ASCII character.
    #[inline]
    fn atom(&self, c: char) -> u8 {
        let cp = c as u32;
        if cp < TABLE_END {
            return self
                .table
                .get(cp.wrapping_sub(0x80) as usize)
                .copied()
                .unwrap_or(0);
        }
        let i = self.ranges.partition_point(|&(lo, _, _)| lo <= cp);
        i.checked_sub(1).map_or(0, |i| self.ranges[i].2)
    }

    /// The byte class of a Unicode class: its ASCII part and the bytes of its atoms.
    fn class(&self, c: &ClassUnicode) -> ClassBytes {
        let mut out: Vec<ClassBytesRange> = c
            .ranges()
            .iter()
            .filter(|r| r.start().is_ascii())
            .map(|r| ClassBytesRange::new(r.start() as u8, (r.end() as u32).min(0x7F) as u8))
            .collect();
        let holds = |ch: char| {
            let rs = c.ranges();
            let i = rs.partition_point(|r| r.end() < ch);
            i < rs.len() && rs[i].start() <= ch
        };
        for (a, &m) in self.member.iter().enumerate() {
            if holds(m) {
                let b = 0x80 | a as u8;
                out.push(ClassBytesRange::new(b, b));
            }
        }
        ClassBytes::new(out)
    }

    fn rewrite(&self, hir: &Hir) -> Hir {
        match hir.kind() {
            HirKind::Class(Class::Unicode(c)) => Hir::class(Class::Bytes(self.class(c))),
            HirKind::Literal(Literal(bytes)) => match std::str::from_utf8(bytes) {
                Ok(s) if !s.is_ascii() => Hir::literal(
                    s.chars()
                        .map(|c| {
                            if c.is_ascii() {
                                c as u8
                            } else {
                                0x80 | self.atom(c)
                            }
                        })
                        .collect::<Vec<u8>>(),
                ),
                _ => hir.clone(),
            },
            HirKind::Empty | HirKind::Class(_) | HirKind::Look(_) => hir.clone(),
            HirKind::Repetition(r) => Hir::repetition(Repetition {
                min: r.min,
                max: r.max,
                greedy: r.greedy,
                sub: Box::new(self.rewrite(&r.sub)),
            }),
            HirKind::Capture(c) => Hir::capture(Capture {
                index: c.index,
                name: c.name.clone(),
                sub: Box::new(self.rewrite(&c.sub)),
            }),
            HirKind::Concat(subs) => Hir::concat(subs.iter().map(|h| self.rewrite(h)).collect()),
            HirKind::Alternation(subs) => {
                Hir::alternation(subs.iter().map(|h| self.rewrite(h)).collect())
            }
        }
    }
}

/// Call `f` on every node of `hir`. The depth is bounded by the parser's nest limit.
fn visit(hir: &Hir, f: &mut impl FnMut(&Hir)) {
    f(hir);
    match hir.kind() {
        HirKind::Repetition(r) => visit(&r.sub, f),
        HirKind::Capture(c) => visit(&c.sub, f),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            for s in subs {
                visit(s, f);
            }
        }
        _ => {}
    }
}

/// The non-ASCII part of a class, as code point ranges.
fn non_ascii(c: &ClassUnicode) -> Vec<(u32, u32)> {
    c.ranges()
        .iter()
        .filter(|r| r.end() as u32 >= 0x80)
        .map(|r| ((r.start() as u32).max(0x80), r.end() as u32))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hir(p: &str) -> Hir {
        regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(p)
            .unwrap()
    }

    #[test]
    fn letters_share_an_atom_unless_named() {
        let a = Alphabet::new(&[hir(r"[\p{L} ]{2,10}"), hir("é"), hir("’")]);
        let m = a.map("Été ñ ü ж ’ 1");
        let b = m.bytes();
        // One byte per character; ASCII unchanged.
        assert_eq!(b.len(), "Été ñ ü ж ’ 1".chars().count());
        assert_eq!(&b[1..2], b"t");
        // É and é (case-folded literal) share an atom; other letters share another.
        assert_eq!(b[0], b[2]);
        assert_eq!(b[4], b[6]);
        assert_eq!(b[4], b[8]);
        assert_ne!(b[0], b[4]);
        assert_ne!(b[10], b[4]);
        assert!(b.iter().all(|&x| x.is_ascii() || x >= 0x80));
        // Offsets map back to the text.
        assert_eq!(m.offset(4), "Été ".len());
        let spans = m.ranges(vec![0..1, 4..7]);
        assert_eq!(spans, vec![0..2, "Été ".len().."Été ñ ü".len()]);
    }

    #[test]
    fn ascii_is_not_copied() {
        let a = Alphabet::new(&[hir(r"^x.{0,5}$")]);
        let ascii: String = (0u8..0x80).map(char::from).collect();
        assert!(matches!(a.map(&ascii).bytes, Cow::Borrowed(_)));
        assert_eq!(a.map("añb").bytes().len(), 3);
    }

    #[test]
    fn unicode_word_boundaries_are_not_reduced() {
        assert!(Alphabet::new(&[hir(r"\bété\b")]).is_utf8());
        assert!(!Alphabet::new(&[hir(r"(?-u:\b)ete(?-u:\b)")]).is_utf8());
    }
}
