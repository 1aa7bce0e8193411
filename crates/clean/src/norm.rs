//! Small text helpers: whitespace normalisation, comparison keys, sentence shape.

/// Whitespace characters that keep words together (no-break space, narrow no-break space,
/// figure space, word joiner).
fn is_nbsp(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

/// Invisible characters dropped outright (zero-width space/joiners, BOM, soft hyphen).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

/// Collapse every run of whitespace to one character and trim the ends.
///
/// A run made only of no-break spaces (French typography: `«\u{a0}mot\u{a0}»`,
/// `Sergueï\u{a0}Lavrov`) stays one no-break space, so that downstream stages can still
/// see it binds; any run with an ordinary space, tab or line break becomes one space.
/// Control characters and zero-width characters are removed.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run: Option<bool> = None; // Some(only_nbsp)
    let push = |out: &mut String, run: &mut Option<bool>, c: char| {
        if let Some(only_nb) = run.take() {
            if !out.is_empty() {
                out.push(if only_nb { '\u{a0}' } else { ' ' });
            }
        }
        out.push(c);
    };
    for c in s.chars() {
        if c.is_ascii() {
            // ASCII: whitespace is \t..\r and space; other controls are dropped.
            match c {
                '\t'..='\r' | ' ' => run = Some(false),
                '\0'..='\x1f' | '\x7f' => {}
                _ => push(&mut out, &mut run, c),
            }
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() || is_nbsp(c) {
            let nb = is_nbsp(c);
            run = Some(match run {
                None => nb,
                Some(prev) => prev && nb,
            });
            continue;
        }
        if c.is_control() {
            continue;
        }
        push(&mut out, &mut run, c);
    }
    out
}

/// Whether [`collapse_ws`] would return an empty string: `s` holds only whitespace,
/// control and invisible characters.
pub fn is_blank(s: &str) -> bool {
    s.chars()
        .all(|c| is_invisible(c) || c.is_whitespace() || is_nbsp(c) || c.is_control())
}

/// A comparison key: lower case, letters and digits only, words separated by one space.
/// Quotes, dashes and punctuation vanish, so `«Texte»` and `"texte"` compare equal.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let alnum = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if !alnum {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Number of whitespace-separated tokens holding at least one letter or digit.
pub fn word_count(s: &str) -> usize {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .count()
}

/// Number of characters (not bytes).
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Whether `s` holds any letter.
pub fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// The last significant character, looking through closing quotes and brackets.
fn last_significant(s: &str) -> Option<char> {
    s.trim_end()
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '»' | '”' | '’' | '\'' | ')' | ']' | '\u{a0}' | ' '))
}

/// Whether `s` ends like a statement: `.`, `…` or `!` (possibly inside closing quotes).
pub fn ends_statement(s: &str) -> bool {
    matches!(last_significant(s), Some('.' | '…' | '!'))
}

/// Whether `s` ends like any sentence, questions included.
pub fn ends_sentence(s: &str) -> bool {
    matches!(last_significant(s), Some('.' | '…' | '!' | '?'))
}

/// Whether the paragraph reads like running prose: a statement of at least eight words,
/// or simply long.
pub fn is_prose(s: &str) -> bool {
    (ends_statement(s) && word_count(s) >= 8) || char_len(s) >= 200
}

/// Split into rough sentences: after `.`, `!`, `?` or `…` (and any closing quotes) followed
/// by a space and an upper-case letter, a digit or an opening quote. Good enough to
/// compare texts, not a linguistic segmenter.
pub fn sentences(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '»' | '”' | ')' | '\u{a0}') {
                j += 1;
            }
            if j < chars.len() && chars[j].1.is_whitespace() {
                let mut k = j;
                while k < chars.len() && chars[k].1.is_whitespace() {
                    k += 1;
                }
                if k < chars.len() {
                    let n = chars[k].1;
                    if n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '«' | '“') {
                        let end = chars[j].0;
                        out.push(s[start..end].trim());
                        start = chars[k].0;
                        i = k;
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
    let rest = s[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out.retain(|x| !x.is_empty());
    out
}

/// The script family of a letter, coarse: Latin, Cyrillic, Greek, Arabic, Hebrew, CJK,
/// or other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Cjk,
    Other,
}

pub fn script_of(c: char) -> Script {
    match c as u32 {
        0x41..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x370..=0x3FF => Script::Greek,
        0x400..=0x52F => Script::Cyrillic,
        0x590..=0x5FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF => Script::Cjk,
        _ => Script::Other,
    }
}

/// Letter counts per script, in order of first appearance.
#[derive(Debug, Clone, Default)]
pub struct ScriptCounts {
    counts: Vec<(Script, usize)>,
    total: usize,
}

impl ScriptCounts {
    /// Count the letters of `s` too.
    pub fn add(&mut self, s: &str) {
        // Runs of ASCII letters are counted at once (they are all Latin).
        let mut latin = 0usize;
        for c in s.chars() {
            if c.is_ascii() {
                latin += usize::from(c.is_ascii_alphabetic());
            } else if c.is_alphabetic() {
                self.bump(Script::Latin, std::mem::take(&mut latin));
                self.bump(script_of(c), 1);
            }
        }
        self.bump(Script::Latin, latin);
    }

    fn bump(&mut self, sc: Script, n: usize) {
        if n == 0 {
            return;
        }
        self.total += n;
        match self.counts.iter_mut().find(|(k, _)| *k == sc) {
            Some((_, m)) => *m += n,
            None => self.counts.push((sc, n)),
        }
    }

    /// The script with most letters (the last seen of equals), with its share.
    pub fn main(&self) -> Option<(Script, f64)> {
        let &(sc, n) = self.counts.iter().max_by_key(|(_, n)| *n)?;
        Some((sc, n as f64 / self.total as f64))
    }
}

/// The script most letters of `s` are written in, with its share of the letters.
pub fn main_script(s: &str) -> Option<(Script, f64)> {
    let mut c = ScriptCounts::default();
    c.add(s);
    c.main()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace_and_keeps_lone_nbsp() {
        assert_eq!(collapse_ws("  a \t b\n\nc  "), "a b c");
        assert_eq!(collapse_ws("«\u{a0}mot\u{a0}»"), "«\u{a0}mot\u{a0}»");
        assert_eq!(collapse_ws("a\u{a0} b"), "a b");
        assert_eq!(collapse_ws("a\u{a0}\u{a0}b"), "a\u{a0}b");
        assert_eq!(collapse_ws("a\u{200b}b\u{7}c"), "abc");
    }

    #[test]
    fn key_folds_case_quotes_and_punctuation() {
        assert_eq!(key("«Le Texte», dit-il."), key("\"le texte\" dit il"));
        assert_eq!(key("  Été 2016 !"), "été 2016");
    }

    #[test]
    fn sentence_shape() {
        assert!(ends_statement("Il a dit « non ». "));
        assert!(ends_statement("He said \"no.\""));
        assert!(!ends_statement("Un titre sans point"));
        assert!(ends_sentence("Un nouvel espoir de paix ?"));
        assert!(!ends_statement("Un nouvel espoir de paix ?"));
        assert!(is_prose(
            "Les militaires russes et américains ont trouvé un mécanisme effectif."
        ));
        assert!(!is_prose("Raconter l'actualité"));
    }

    #[test]
    fn splits_sentences() {
        let s = sentences("Il pleut. « Non », dit-il. Le 3 mai. 2016 fut dure! x");
        assert_eq!(
            s,
            vec![
                "Il pleut.",
                "« Non », dit-il.",
                "Le 3 mai.",
                "2016 fut dure! x"
            ]
        );
        assert_eq!(sentences("M. le maire. ok"), vec!["M. le maire. ok"]);
    }

    #[test]
    fn finds_main_script() {
        assert_eq!(main_script("שליחה לחבר").map(|x| x.0), Some(Script::Hebrew));
        assert_eq!(main_script("Alep, Syrie").map(|x| x.0), Some(Script::Latin));
        assert_eq!(main_script("123 --"), None);
    }
}
