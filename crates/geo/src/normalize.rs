//! Name normalisation shared by the gazetteer index and the extractor.
//!
//! The same function builds the index keys from the data files and the
//! lookup keys from text tokens, so any text spelling that normalises to the
//! key of an indexed name finds it.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// French elided words: a token starting with one of these followed by a
/// letter is split after the apostrophe (`l'est` → `l'` `est`).
const ELISIONS: [&str; 12] = [
    "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "jusqu'", "lorsqu'", "puisqu'",
];

/// Normalises a place name or a run of text tokens into a lookup key.
///
/// Steps, in order: Unicode NFC → lowercase → strip diacritics (NFD, combining
/// marks dropped) → typographic apostrophes and accents (’ ‘ ` ´ ʼ) become `'`
/// → split on whitespace → split French elisions (`l'est` → `l' est`,
/// `d'Alep` → `d' alep`) → drop punctuation around each token (hyphens and
/// apostrophes *inside* a token stay: `deir ez-zor`) → join with one space.
///
/// The result is not recomposed after the marks are dropped (this only
/// matters for scripts such as Hangul, and is the same for data and text).
///
/// The function is idempotent: `normalize_key(&normalize_key(s)) == normalize_key(s)`.
///
/// ```
/// use truce_geo::normalize_key;
/// assert_eq!(normalize_key("Lattaquié"), "lattaquie");
/// assert_eq!(normalize_key("  Deir ez-Zor, "), "deir ez-zor");
/// assert_eq!(normalize_key("l’est d'Alep"), "l' est d' alep");
/// ```
pub fn normalize_key(name: &str) -> String {
    let mut scratch = String::new();
    let mut out = String::with_capacity(name.len());
    normalize_into(name, &mut scratch, &mut out);
    out
}

/// [`normalize_key`] into `out` (cleared first), using `scratch` as working
/// space: lets a caller normalising many names reuse two buffers.
pub fn normalize_into(name: &str, scratch: &mut String, out: &mut String) {
    out.clear();
    scratch.clear();
    if name.is_ascii() {
        // Fast path: no composition, case mapping or diacritics beyond ASCII.
        scratch.extend(name.chars().map(|c| match c {
            '`' => '\'',
            c => c.to_ascii_lowercase(),
        }));
    } else {
        let fold = |c: char| match c {
            '\u{2019}' | '\u{2018}' | '`' | '\u{00B4}' | '\u{02BC}' => '\'',
            c => c,
        };
        let keep = |c: &char| !is_combining_mark(*c);
        if is_nfc_quick(name.chars()) == IsNormalized::Yes {
            scratch.extend(
                name.chars()
                    .flat_map(char::to_lowercase)
                    .nfd()
                    .filter(keep)
                    .map(fold),
            );
        } else {
            scratch.extend(
                name.nfc()
                    .flat_map(char::to_lowercase)
                    .nfd()
                    .filter(keep)
                    .map(fold),
            );
        }
    }
    push_tokens(scratch, out);
}

fn push_tokens(folded: &str, out: &mut String) {
    for raw in folded.split_whitespace() {
        push_token(raw, out);
    }
}

fn push_token(raw: &str, out: &mut String) {
    let tok = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
    if tok.is_empty() {
        return;
    }
    for prefix in ELISIONS {
        if let Some(rest) = tok.strip_prefix(prefix) {
            if rest.is_empty() || !rest.starts_with(|c: char| c.is_alphanumeric()) {
                // Already-split elision ("l'" alone, or "l'," before stripping).
                if rest.chars().all(|c| !c.is_alphanumeric()) {
                    emit(prefix, out);
                    return;
                }
                break;
            }
            if rest.starts_with(char::is_alphabetic) {
                emit(prefix, out);
                push_token(rest, out);
                return;
            }
            break;
        }
    }
    let tok = tok.trim_end_matches(|c: char| !c.is_alphanumeric());
    if !tok.is_empty() {
        emit(tok, out);
    }
}

fn emit(tok: &str, out: &mut String) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(tok);
}

/// True when `name` is an ALL-CAPS acronym of at most four letters (`USA`,
/// `U.S.`, `UK`, `RDC`, `T4`): such names are indexed case-sensitively only,
/// because their lowercase forms are ordinary words ("us").
pub fn is_acronym(name: &str) -> bool {
    let name = name.trim();
    if name.is_empty() || name.contains(char::is_whitespace) {
        return false;
    }
    let mut letters = 0usize;
    for c in name.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        } else if !(c.is_ascii_digit() || c == '.' || c == '-') {
            return false;
        }
    }
    (1..=4).contains(&letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_and_strips_diacritics() {
        assert_eq!(normalize_key("Genève"), "geneve");
        assert_eq!(normalize_key("Soueïda"), "soueida");
        assert_eq!(normalize_key("ÉTATS-UNIS"), "etats-unis");
        assert_eq!(normalize_key("Téhéran"), "teheran");
        assert_eq!(normalize_key("İzmir"), "izmir");
    }

    #[test]
    fn decomposed_input_equals_composed() {
        let decomposed = "Gene\u{0300}ve";
        assert_eq!(normalize_key(decomposed), normalize_key("Genève"));
    }

    #[test]
    fn keeps_inner_hyphens_and_apostrophes() {
        assert_eq!(normalize_key("Deir ez-Zor"), "deir ez-zor");
        assert_eq!(normalize_key("Ma'arrat"), "ma'arrat");
        assert_eq!(normalize_key("Ma‘arrat"), "ma‘arrat".replace('‘', "'"));
    }

    #[test]
    fn splits_french_elisions() {
        assert_eq!(normalize_key("l'est"), "l' est");
        assert_eq!(normalize_key("L’Est"), "l' est");
        assert_eq!(normalize_key("province d'Idleb"), "province d' idleb");
        assert_eq!(normalize_key("jusqu'à Alep"), "jusqu' a alep");
        assert_eq!(normalize_key("qu'Alep"), "qu' alep");
        // Not an elision: prefix letters are part of a longer word.
        assert_eq!(normalize_key("al'Omar"), "al'omar");
    }

    #[test]
    fn drops_surrounding_punctuation() {
        assert_eq!(normalize_key("(Alep)."), "alep");
        assert_eq!(normalize_key("« Damas »"), "damas");
        assert_eq!(normalize_key("U.S."), "u.s");
        assert_eq!(normalize_key("`Afrin"), "afrin");
        assert_eq!(normalize_key(" - "), "");
    }

    #[test]
    fn collapses_whitespace() {
        assert_eq!(normalize_key("  New \t York\n"), "new york");
    }

    #[test]
    fn is_idempotent() {
        for s in [
            "l'est de la Ghouta",
            "Deir ez-Zor",
            "d'",
            "Côte d'Ivoire",
            "U.S.A.",
            "N'Djamena",
            "jusqu'à",
        ] {
            let once = normalize_key(s);
            assert_eq!(normalize_key(&once), once, "{s}");
        }
    }

    #[test]
    fn acronyms() {
        assert!(is_acronym("USA"));
        assert!(is_acronym("U.S."));
        assert!(is_acronym("UK"));
        assert!(is_acronym("T4"));
        assert!(!is_acronym("Usa"));
        assert!(!is_acronym("AANES"));
        assert!(!is_acronym("RD Congo"));
        assert!(!is_acronym("4"));
    }
}
