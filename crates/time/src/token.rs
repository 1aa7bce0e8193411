//! A small tokenizer for time expressions.
//!
//! Text is cut into words (runs of letters), numbers (runs of ASCII digits)
//! and single punctuation characters; whitespace separates tokens and is
//! dropped. Every token keeps its byte range, so spans built from tokens
//! always fall on UTF-8 character boundaries. Words are compared through a
//! normal form: lower case, accents folded, typographic apostrophes and
//! hyphens unified.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

/// Id of a token that is in no lexicon phrase.
pub(crate) const OOV: u32 = u32::MAX;

/// One token of the input text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Vocabulary id of the normal form, or [`OOV`] (always `OOV` for numbers).
    pub id: u32,
    /// Value of a number (saturating), 0 otherwise.
    pub num: u32,
    /// Number of digits of a number (saturating), 0 otherwise.
    pub ndig: u8,
    /// Whether the first character is upper-case.
    pub upper: bool,
    /// First character (for punctuation, the whole token), with apostrophes
    /// and hyphens unified as in the normal form.
    pub ch: char,
}

/// A token before vocabulary lookup.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawTok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// FNV-1a: a fast hasher for the small, trusted vocabulary.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Normal form → id.
pub(crate) type Vocab = HashMap<String, u32, BuildHasherDefault<Fnv>>;

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

/// Whitespace as `char::is_whitespace` sees it, for one ASCII byte.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Cut `text` into raw tokens, calling `f` for each.
///
/// Works on bytes, decoding a character only where a byte is not ASCII, so
/// `i` always sits on a character boundary.
pub(crate) fn scan(text: &str, mut f: impl FnMut(RawTok)) {
    let b = text.as_bytes();
    let n = b.len();
    let char_at = |i: usize| text.get(i..).and_then(|s| s.chars().next());
    let mut i = 0;
    while i < n {
        let start = i;
        let c = b[i];
        let kind = if c < 0x80 {
            if is_ascii_space(c) {
                i += 1;
                continue;
            }
            if c.is_ascii_digit() {
                while i < n && b[i].is_ascii_digit() {
                    i += 1;
                }
                f(RawTok {
                    start,
                    end: i,
                    kind: Kind::Num,
                });
                continue;
            }
            i += 1;
            if c.is_ascii_alphabetic() {
                Kind::Word
            } else {
                Kind::Punct
            }
        } else {
            let Some(ch) = char_at(i) else { break };
            i += ch.len_utf8();
            if ch.is_whitespace() {
                continue;
            }
            if is_word_char(ch) {
                Kind::Word
            } else {
                Kind::Punct
            }
        };
        if kind == Kind::Word {
            while i < n {
                if b[i] < 0x80 {
                    if !b[i].is_ascii_alphabetic() {
                        break;
                    }
                    i += 1;
                } else {
                    match char_at(i) {
                        Some(ch) if is_word_char(ch) || is_combining(ch) => i += ch.len_utf8(),
                        _ => break,
                    }
                }
            }
        }
        f(RawTok {
            start,
            end: i,
            kind,
        });
    }
}

/// Push the accent-folded form of a lower-case character.
fn push_folded(c: char, out: &mut String) {
    let r = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        'ñ' => 'n',
        'œ' => {
            out.push_str("oe");
            return;
        }
        'æ' => {
            out.push_str("ae");
            return;
        }
        c if is_combining(c) => return,
        c => c,
    };
    out.push(r);
}

/// Apostrophes and hyphens in their plain ASCII form.
fn unify_punct(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
        '\u{2010}' | '\u{2011}' => '-',
        c => c,
    }
}

/// Write the normal form of token text `s` into `out` (cleared first).
pub(crate) fn normalise(s: &str, kind: Kind, out: &mut String) {
    out.clear();
    match kind {
        Kind::Num => out.push_str(s),
        Kind::Punct => {
            out.extend(s.chars().map(unify_punct));
        }
        Kind::Word => {
            if s.is_ascii() {
                out.push_str(s);
                out.make_ascii_lowercase();
            } else {
                for c in s.chars() {
                    for l in c.to_lowercase() {
                        push_folded(l, out);
                    }
                }
            }
        }
    }
}

/// A Bloom filter over the vocabulary's normal forms (one hash, 65,536
/// bits), so that most words of a text are rejected without being copied,
/// lower-cased or looked up.
#[derive(Debug, Clone)]
pub(crate) struct Prefilter(Box<[u64]>);

impl Default for Prefilter {
    fn default() -> Self {
        Prefilter(vec![0; 1024].into_boxed_slice())
    }
}

impl Prefilter {
    fn slot(bytes: impl Iterator<Item = u8>) -> (usize, u64) {
        let mut h = Fnv::default();
        for b in bytes {
            h.write_u8(b);
        }
        let v = h.finish();
        let bit = ((v >> 16) ^ v) & 0xffff;
        // bit < 65,536, so the index is < 1,024.
        (usize::try_from(bit >> 6).unwrap_or(0), 1 << (bit & 63))
    }

    /// Record a normal form.
    pub fn add(&mut self, norm: &str) {
        let (i, m) = Self::slot(norm.bytes());
        if let Some(w) = self.0.get_mut(i) {
            *w |= m;
        }
    }

    fn test(&self, (i, m): (usize, u64)) -> bool {
        self.0.get(i).is_some_and(|w| w & m != 0)
    }

    /// Whether a normal form may be in the vocabulary.
    fn may_contain(&self, norm: &str) -> bool {
        self.test(Self::slot(norm.bytes()))
    }

    /// Whether an ASCII word's normal form (its lower case) may be in the vocabulary.
    fn may_contain_ascii(&self, word: &str) -> bool {
        self.test(Self::slot(word.bytes().map(|b| b.to_ascii_lowercase())))
    }
}

/// Tokenize `text`, looking words and punctuation up in `vocab`.
/// Words longer than `2 * max_len` bytes are not looked up (no entry is that long).
pub(crate) fn tokenize(text: &str, vocab: &Vocab, pre: &Prefilter, max_len: usize) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut buf = String::with_capacity(32);
    let bytes = text.as_bytes();
    scan(text, |r| {
        let s = &text[r.start..r.end];
        let b0 = bytes.get(r.start).copied().unwrap_or(b' ');
        let first = if b0 < 0x80 {
            char::from(b0)
        } else {
            s.chars().next().unwrap_or(' ')
        };
        let (mut num, mut ndig, mut id) = (0u32, 0u8, OOV);
        match r.kind {
            Kind::Num => {
                for b in s.bytes() {
                    num = num.saturating_mul(10).saturating_add(u32::from(b - b'0'));
                }
                ndig = u8::try_from(s.len()).unwrap_or(u8::MAX);
            }
            Kind::Word | Kind::Punct => {
                // Accent folding never makes a word longer than twice its bytes.
                let plausible =
                    s.len() <= max_len * 2 && (!s.is_ascii() || pre.may_contain_ascii(s));
                if plausible {
                    normalise(s, r.kind, &mut buf);
                    if pre.may_contain(&buf) {
                        id = vocab.get(buf.as_str()).copied().unwrap_or(OOV);
                    }
                }
            }
        }
        out.push(Tok {
            start: r.start,
            end: r.end,
            kind: r.kind,
            id,
            num,
            ndig,
            upper: first.is_uppercase(),
            ch: unify_punct(first),
        });
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        let mut v = Vec::new();
        scan(text, |r| {
            let mut b = String::new();
            normalise(&text[r.start..r.end], r.kind, &mut b);
            v.push(b);
        });
        v
    }

    #[test]
    fn cuts_words_numbers_and_punctuation() {
        assert_eq!(
            norms("Aujourd’hui, 08h00 «Février»"),
            ["aujourd", "'", "hui", ",", "08", "h", "00", "«", "fevrier", "»"]
        );
        assert_eq!(norms("mi-octobre"), ["mi", "-", "octobre"]);
        assert_eq!(norms("Œuvre e\u{301}te\u{301}"), ["oeuvre", "ete"]);
    }

    #[test]
    fn numbers_saturate() {
        let v = Vocab::default();
        let t = tokenize("99999999999999999999 12", &v, &Prefilter::default(), 10);
        assert_eq!(t[0].num, u32::MAX);
        assert_eq!(t[1].num, 12);
        assert_eq!(t[1].ndig, 2);
    }
}
