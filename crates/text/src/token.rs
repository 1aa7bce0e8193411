//! Tokenisation with byte offsets, French elision and hyphenated compounds.

use truce_model::Span;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, possibly with internal hyphens or apostrophes ("cessez-le-feu",
    /// "aujourd'hui"), an elided article ("l'", "qu'") or an abbreviation ("U.S.").
    Word,
    /// Digits, possibly with internal separators ("250.000", "19h00", "27/02/2016").
    Number,
    /// Quotation marks of any kind (« » “ ” " ').
    Quote,
    /// Any other punctuation or symbol.
    Punct,
}

/// One token: a byte span into the text plus its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokKind,
    /// Lower-cased, diacritics removed, typographic apostrophes as `'`.
    pub fold: String,
    /// The first character is upper case.
    pub capitalized: bool,
    /// Every letter is upper case and there are at least two.
    pub all_caps: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text)
    }
}

/// Lower-case, strip diacritics and normalise apostrophes: the form every
/// lexicon lookup uses ("États-Unis" → "etats-unis", "l’armée" → "l'armee").
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    // the French preposition "à" stays distinct from the verb "a" ("a rencontré"
    // is not "à Genève")
    if s == "à" || s == "À" {
        return "à".to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
            '\u{00A0}' | '\u{202F}' | '\u{2009}' => out.push(' '),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The lookup key of a multi-word name: its tokens' folded forms joined by
/// single spaces, quotes and punctuation other than hyphens dropped
/// ("l’armée syrienne" → "l' armee syrienne").
pub fn fold_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for t in tokenize(name) {
        if matches!(t.kind, TokKind::Word | TokKind::Number) {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(&t.fold);
        }
    }
    key
}

const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '«' | '»' | '“' | '”' | '„' | '‟' | '‹' | '›' | '\u{2018}'
    )
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Inverted-subject clitics split off a verb: "a-t-il" → "a" + "-t-il".
fn clitic_split(word: &str) -> Option<usize> {
    const CLITICS: &[&str] = &[
        "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "ce",
    ];
    let lower = word.to_lowercase();
    for (i, _) in lower.match_indices('-') {
        if i == 0 {
            continue;
        }
        let rest = &lower[i + 1..];
        let rest = rest.strip_prefix("t-").unwrap_or(rest);
        if CLITICS.contains(&rest) {
            return Some(i);
        }
    }
    None
}

/// Split `text` into tokens with byte offsets into `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let end_of = |k: usize| if k < n { chars[k].0 } else { text.len() };
    let mut i = 0;
    while i < n {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphabetic() {
            // A word: letters/digits, internal hyphens, internal apostrophes, dotted abbreviations.
            let mut j = i + 1;
            loop {
                if j >= n {
                    break;
                }
                let cj = chars[j].1;
                if cj.is_alphanumeric() {
                    j += 1;
                    continue;
                }
                let next_alpha = j + 1 < n && chars[j + 1].1.is_alphanumeric();
                if is_hyphen(cj) && next_alpha {
                    j += 1;
                    continue;
                }
                if is_apostrophe(cj) && j + 1 < n && chars[j + 1].1.is_alphabetic() {
                    let so_far = fold(&text[start..chars[j].0]);
                    // English clitics: "Russia's", "didn't", "they're"
                    let after: String = chars[j + 1..]
                        .iter()
                        .take_while(|(_, c)| c.is_alphabetic())
                        .map(|(_, c)| c.to_ascii_lowercase())
                        .collect();
                    if after == "t" && so_far == "n" {
                        j += 2;
                        break;
                    }
                    if after == "t" && so_far.ends_with('n') {
                        break;
                    }
                    if ELISIONS.contains(&so_far.as_str()) {
                        // elided article: keep the apostrophe with it and stop
                        j += 1;
                        break;
                    }
                    if after == "s" || after == "re" {
                        break;
                    }
                    j += 1;
                    continue;
                }
                // dotted abbreviation: U.S. / U.N.
                if cj == '.'
                    && j + 1 < n
                    && chars[j + 1].1.is_uppercase()
                    && chars[i..j].iter().all(|(_, c)| c.is_uppercase())
                    && j - i == 1
                {
                    let mut k = j;
                    while k + 1 < n && chars[k].1 == '.' && chars[k + 1].1.is_uppercase() {
                        k += 2;
                        if k < n && chars[k].1.is_alphabetic() {
                            break;
                        }
                    }
                    if k < n && chars[k].1 == '.' {
                        k += 1;
                    }
                    if chars[i..k]
                        .iter()
                        .filter(|(_, c)| c.is_alphabetic())
                        .count()
                        >= 2
                        && !(k < n && chars[k].1.is_alphabetic())
                    {
                        j = k;
                    }
                    break;
                }
                break;
            }
            let mut word_end = end_of(j);
            // n't belongs to the clitic token
            if word_end > start
                && text[start..word_end].ends_with(['n', 'N'])
                && j + 1 < n
                && is_apostrophe(chars[j].1)
                && matches!(chars[j + 1].1, 't' | 'T')
            {
                let prev = text[start..word_end]
                    .char_indices()
                    .last()
                    .map(|(k, _)| start + k)
                    .unwrap_or(start);
                if prev > start {
                    word_end = prev;
                    j = chars.partition_point(|(o, _)| *o < word_end);
                }
            }
            let word = &text[start..word_end];
            if let Some(h) = clitic_split(word) {
                push(&mut out, text, start, start + h, TokKind::Word);
                push(&mut out, text, start + h, word_end, TokKind::Word);
            } else {
                push(&mut out, text, start, word_end, TokKind::Word);
            }
            i = j;
            continue;
        }
        if is_apostrophe(c) && i + 1 < n && chars[i + 1].1.is_alphabetic() {
            // clitic: 's, n't, 're — or an opening single quote
            let mut j = i + 1;
            while j < n && chars[j].1.is_alphabetic() {
                j += 1;
            }
            let w = fold(&text[chars[i + 1].0..end_of(j)]);
            if matches!(w.as_str(), "s" | "t" | "re" | "ve" | "ll" | "d" | "m") {
                push(&mut out, text, start, end_of(j), TokKind::Word);
                i = j;
                continue;
            }
            push(&mut out, text, start, end_of(i + 1), TokKind::Quote);
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < n {
                let cj = chars[j].1;
                if cj.is_ascii_digit() {
                    j += 1;
                } else if matches!(
                    cj,
                    '.' | ',' | ':' | '/' | 'h' | 'H' | '\u{202F}' | '\u{A0}'
                ) && j + 1 < n
                    && chars[j + 1].1.is_ascii_digit()
                {
                    j += 2;
                } else {
                    break;
                }
            }
            // ordinal or unit suffix glued to the number: 1er, 2e, 19h, 3rd
            let mut k = j;
            while k < n && chars[k].1.is_alphabetic() && k - j < 3 {
                k += 1;
            }
            if k > j {
                let suffix = fold(&text[chars[j].0..end_of(k)]);
                if matches!(
                    suffix.as_str(),
                    "er" | "e" | "eme" | "re" | "h" | "st" | "nd" | "rd" | "th" | "km"
                ) {
                    j = k;
                }
            }
            push(&mut out, text, start, end_of(j), TokKind::Number);
            i = j;
            continue;
        }
        let kind = if is_quote(c) || c == '\'' {
            TokKind::Quote
        } else {
            TokKind::Punct
        };
        // keep "..." together
        let mut j = i + 1;
        if c == '.' {
            while j < n && chars[j].1 == '.' {
                j += 1;
            }
        }
        push(&mut out, text, start, end_of(j), kind);
        i = j;
    }
    out
}

fn push(out: &mut Vec<Token>, text: &str, start: usize, end: usize, kind: TokKind) {
    let s = &text[start..end];
    let mut letters = s.chars().filter(|c| c.is_alphabetic());
    let capitalized = s.chars().next().is_some_and(|c| c.is_uppercase());
    let all_caps = {
        let mut count = 0;
        let all = letters.all(|c| {
            count += 1;
            c.is_uppercase()
        });
        all && count >= 2
    };
    out.push(Token {
        span: Span::new(start, end),
        kind,
        fold: fold(s),
        capitalized,
        all_caps,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .map(|t| t.span.slice(text))
            .collect()
    }

    #[test]
    fn folds_accents_and_apostrophes() {
        assert_eq!(fold("États-Unis"), "etats-unis");
        assert_eq!(fold("l’armée"), "l'armee");
        assert_eq!(fold("Lattaquié"), "lattaquie");
        assert_eq!(fold("cœur"), "coeur");
        assert_eq!(fold("Syrie"), "syrie");
        assert_eq!(fold("À"), "à");
        assert_eq!(fold("a"), "a");
        assert_eq!(fold_key("soutien à la Syrie"), "soutien à la syrie");
    }

    #[test]
    fn splits_french_elision_and_keeps_compounds() {
        assert_eq!(
            words("l'offensive de l’armée contre l'EI et le cessez-le-feu"),
            vec![
                "l'",
                "offensive",
                "de",
                "l’",
                "armée",
                "contre",
                "l'",
                "EI",
                "et",
                "le",
                "cessez-le-feu"
            ]
        );
        assert_eq!(
            words("qu'une aujourd'hui jusqu'à"),
            vec!["qu'", "une", "aujourd'hui", "jusqu'", "à"]
        );
    }

    #[test]
    fn splits_inverted_clitics() {
        assert_eq!(
            words("a-t-il ajouté, précise-t-elle, dit-il"),
            vec!["a", "-t-il", "ajouté", ",", "précise", "-t-elle", ",", "dit", "-il"]
        );
        assert_eq!(words("peut-être"), vec!["peut-être"]);
    }

    #[test]
    fn english_clitics_and_abbreviations() {
        assert_eq!(
            words("Russia's U.S. forces didn't strike."),
            vec!["Russia", "'s", "U.S.", "forces", "did", "n't", "strike", "."]
        );
        assert_eq!(words("the U.N. said"), vec!["the", "U.N.", "said"]);
        assert_eq!(words("J. Arnoldski"), vec!["J", ".", "Arnoldski"]);
    }

    #[test]
    fn numbers_and_quotes() {
        assert_eq!(
            words("«plus de 250.000 morts» à 19h00 le 27/02/2016, le 1er mars"),
            vec![
                "«",
                "plus",
                "de",
                "250.000",
                "morts",
                "»",
                "à",
                "19h00",
                "le",
                "27/02/2016",
                ",",
                "le",
                "1er",
                "mars"
            ]
        );
        let t = tokenize("« Alep »");
        assert_eq!(t[0].kind, TokKind::Quote);
        assert!(t[1].capitalized);
    }

    #[test]
    fn spans_are_char_boundaries() {
        let text = "L’armée syrienne a déclaré « fin » — Damas.";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.span.start));
            assert!(text.is_char_boundary(t.span.end));
            assert!(!t.span.is_empty());
        }
    }

    #[test]
    fn keys_join_folded_words() {
        assert_eq!(fold_key("l’Armée syrienne"), "l' armee syrienne");
        assert_eq!(fold_key("Deir ez-Zor"), "deir ez-zor");
        assert_eq!(fold_key("  Front   al-Nosra "), "front al-nosra");
    }

    #[test]
    fn caps_flags() {
        let t = tokenize("OSDH Alep alep EI");
        assert!(t[0].all_caps && t[0].capitalized);
        assert!(t[1].capitalized && !t[1].all_caps);
        assert!(!t[2].capitalized);
        assert!(t[3].all_caps);
    }
}
