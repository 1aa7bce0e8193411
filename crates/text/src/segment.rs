//! Sentence segmentation with byte offsets.
//!
//! Sentences never cross paragraph boundaries. A sentence ends at `.`, `!`,
//! `?` or `…` (possibly followed by closing quotes or brackets) when the next
//! word starts with an upper-case letter, a digit or an opening quote, and the
//! word before the period is not an abbreviation ("M.", "Mme", "gén.",
//! "Lt.", "U.S.") or a single initial.

use truce_model::Span;

/// Abbreviations after which a period does not end a sentence (folded to
/// lower case, without the period).
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "gen", "gén",
    "lt", "lieut", "col", "cdt", "cmdt", "capt", "cpt", "sgt", "maj", "adj", "brig", "adm", "gov",
    "sen", "rep", "mr", "mrs", "ms", "jr", "sr", "prof", "rev", "hon", "av", "etc", "cf", "p",
    "pp", "vol", "no", "nos", "n°", "art", "al", "env", "min", "max", "inc", "ltd", "corp", "co",
    "dept", "jan", "janv", "feb", "fév", "févr", "mar", "apr", "avr", "jun", "jul", "juil", "aug",
    "sep", "sept", "oct", "nov", "dec", "déc", "vs", "ex", "approx", "fig", "gal", "cie", "bd",
];

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '«' | '"' | '“' | '‘' | '(' | '[' | '\'' | '„' | '—' | '-'
    )
}

fn is_closing(c: char) -> bool {
    matches!(c, '»' | '"' | '”' | '’' | ')' | ']' | '\'')
}

/// Split each paragraph of `text` into sentences. `paragraphs` are byte spans
/// into `text`; when empty, the whole text is split on blank lines and line
/// breaks first.
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    if paragraphs.is_empty() {
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '\n' {
                split_paragraph(text, Span::new(start, i), &mut out);
                start = i + 1;
            }
        }
        split_paragraph(text, Span::new(start, text.len()), &mut out);
    } else {
        for p in paragraphs {
            if p.end <= text.len() && text.is_char_boundary(p.start) && text.is_char_boundary(p.end)
            {
                split_paragraph(text, *p, &mut out);
            }
        }
    }
    out
}

fn split_paragraph(text: &str, para: Span, out: &mut Vec<Span>) {
    let p = para.slice(text);
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let n = chars.len();
    let mut start = 0usize; // char index
    let mut i = 0usize;
    while i < n {
        let c = chars[i].1;
        if c == '\n' {
            emit(p, para.start, &chars, start, i, out);
            start = i + 1;
            i += 1;
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        // extend over repeated terminal punctuation and closing quotes/brackets
        let mut j = i + 1;
        while j < n && (matches!(chars[j].1, '.' | '!' | '?' | '…') || is_closing(chars[j].1)) {
            j += 1;
        }
        // require whitespace after
        if j < n && !chars[j].1.is_whitespace() {
            i = j;
            continue;
        }
        let mut k = j;
        while k < n && chars[k].1.is_whitespace() && chars[k].1 != '\n' {
            k += 1;
        }
        if k >= n {
            break;
        }
        let next = chars[k].1;
        let starts_new = next.is_uppercase() || next.is_ascii_digit() || is_opening(next);
        if !starts_new || (c == '.' && is_abbreviation(p, &chars, i)) {
            i = j;
            continue;
        }
        emit(p, para.start, &chars, start, j, out);
        start = k;
        i = k;
    }
    emit(p, para.start, &chars, start, n, out);
}

/// Whether the word ending right before the period at char index `dot` is an
/// abbreviation or a single initial.
fn is_abbreviation(p: &str, chars: &[(usize, char)], dot: usize) -> bool {
    let mut s = dot;
    while s > 0 && (chars[s - 1].1.is_alphanumeric() || chars[s - 1].1 == '°') {
        s -= 1;
    }
    if s == dot {
        return false;
    }
    let word = &p[chars[s].0..chars[dot].0];
    let letters = word.chars().count();
    if letters == 1 && word.chars().all(|c| c.is_uppercase()) {
        // single initial ("J. Arnoldski", "U.S.")
        return true;
    }
    // dotted acronym like U.S. / U.N.: previous char before the word is '.'
    if s >= 2 && chars[s - 1].1 == '.' && letters == 1 {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn emit(
    p: &str,
    base: usize,
    chars: &[(usize, char)],
    from: usize,
    to: usize,
    out: &mut Vec<Span>,
) {
    let n = chars.len();
    let mut a = from;
    let mut b = to.min(n);
    while a < b && chars[a].1.is_whitespace() {
        a += 1;
    }
    while b > a && chars[b - 1].1.is_whitespace() {
        b -= 1;
    }
    if a >= b {
        return;
    }
    let start = chars[a].0;
    let end = if b < n { chars[b].0 } else { p.len() };
    out.push(Span::new(base + start, base + end));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, &[]).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            split("La trêve tient. Les combats ont cessé! Vraiment? Oui."),
            vec![
                "La trêve tient.",
                "Les combats ont cessé!",
                "Vraiment?",
                "Oui."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            split("M. Lavrov a rencontré Mme Mogherini. Le gén. Kouralenko a parlé."),
            vec![
                "M. Lavrov a rencontré Mme Mogherini.",
                "Le gén. Kouralenko a parlé."
            ]
        );
        assert_eq!(
            split("Lt. Gen. Smith said the U.S. Army would stay. Then he left."),
            vec![
                "Lt. Gen. Smith said the U.S. Army would stay.",
                "Then he left."
            ]
        );
        assert_eq!(
            split("Translated by J. Arnoldski for the site."),
            vec!["Translated by J. Arnoldski for the site."]
        );
    }

    #[test]
    fn quotes_do_not_break_reporting_clauses() {
        assert_eq!(
            split("«Le cessez-le-feu est enterré.» a-t-il dit. «Nous restons», ajoute-t-il."),
            vec![
                "«Le cessez-le-feu est enterré.» a-t-il dit.",
                "«Nous restons», ajoute-t-il."
            ]
        );
        assert_eq!(
            split("\"It is over.\" The army said so."),
            vec!["\"It is over.\"", "The army said so."]
        );
    }

    #[test]
    fn paragraphs_bound_sentences() {
        let text = "Titre sans point\n\nPremier paragraphe. Deuxième phrase";
        assert_eq!(
            split(text),
            vec!["Titre sans point", "Premier paragraphe.", "Deuxième phrase"]
        );
        let paras = [Span::new(0, 16), Span::new(18, text.len())];
        let s: Vec<_> = sentences(text, &paras)
            .iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(
            s,
            vec!["Titre sans point", "Premier paragraphe.", "Deuxième phrase"]
        );
    }

    #[test]
    fn numbers_after_period_start_sentences_but_decimals_do_not() {
        assert_eq!(
            split("Le bilan est lourd. 300 000 morts selon l'ONU, soit 2.5 % de plus."),
            vec![
                "Le bilan est lourd.",
                "300 000 morts selon l'ONU, soit 2.5 % de plus."
            ]
        );
    }
}
