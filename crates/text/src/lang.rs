//! Document-level language identification.
//!
//! French and English are decided by function-word counts, which are robust
//! even on short news excerpts full of proper names; anything else is named by
//! `whatlang` so that it can be reported (truce codes only fr and en).

use crate::token::{tokenize, TokKind};

/// The languages truce codes events for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn code(&self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" | "fra" | "fre" | "french" | "français" => Some(Lang::Fr),
            "en" | "eng" | "english" => Some(Lang::En),
            c if c.starts_with("fr-") || c.starts_with("fr_") => Some(Lang::Fr),
            c if c.starts_with("en-") || c.starts_with("en_") => Some(Lang::En),
            _ => None,
        }
    }
}

/// Words frequent in French news and rare in the other Latin-script languages
/// ("de", "la", "que", "se" are Spanish and Italian too).
const FR: &[&str] = &[
    "le", "les", "des", "du", "et", "est", "une", "dans", "qui", "pour", "sur", "pas", "au", "aux",
    "avec", "ont", "ete", "cette", "ses", "son", "par", "ne", "il", "elle", "ils", "l'", "d'",
    "qu'", "selon", "depuis", "mais", "ou", "leur", "à", "n'", "s'", "etre",
];
/// Markers of Spanish, Italian and Portuguese, counted against French.
const ROMANCE: &[&str] = &[
    "el", "los", "del", "y", "segun", "una", "por", "con", "della", "degli", "che", "gli", "nao",
    "dos", "das", "em", "uma", "para",
];
const EN: &[&str] = &[
    "the", "and", "of", "to", "in", "is", "was", "that", "for", "on", "with", "has", "have", "by",
    "from", "are", "were", "this", "it", "said", "its", "at", "be", "as", "an", "which", "had",
    "their", "not", "will", "would", "after", "but", "they", "he", "she",
];

/// Identify the language of a document: ISO 639-1 code (`"fr"`, `"en"`, or
/// another language's code when confident), or `None` when undecidable.
pub fn detect_language(text: &str) -> Option<String> {
    // Look at a bounded prefix: enough for any news article.
    let mut end = text.len().min(20_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let (mut fr, mut en, mut romance, mut words) = (0usize, 0usize, 0usize, 0usize);
    for t in tokenize(sample) {
        if t.kind != TokKind::Word {
            continue;
        }
        words += 1;
        if FR.contains(&t.fold.as_str()) {
            fr += 1;
        }
        if ROMANCE.contains(&t.fold.as_str()) {
            romance += 1;
        }
        if EN.contains(&t.fold.as_str()) {
            en += 1;
        }
    }
    if words == 0 {
        return None;
    }
    let best = fr.max(en);
    let share = best as f64 / words as f64;
    let french_not_romance = fr <= en || fr >= 3 * romance;
    if share >= 0.12 && best >= 2 && best >= 2 * fr.min(en).max(1) && french_not_romance {
        return Some(if fr > en { "fr" } else { "en" }.to_string());
    }
    let info = whatlang::detect(sample)?;
    let code = match info.lang() {
        whatlang::Lang::Fra => "fr",
        whatlang::Lang::Eng => "en",
        other => return Some(iso639_1(other).to_string()),
    };
    info.is_reliable().then(|| code.to_string())
}

fn iso639_1(l: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match l {
        Deu => "de",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Ara => "ar",
        Tur => "tr",
        Pes => "fa",
        Heb => "he",
        Pol => "pl",
        Swe => "sv",
        Dan => "da",
        Nob => "no",
        Fin => "fi",
        Ces => "cs",
        Ron => "ro",
        Hun => "hu",
        Ell => "el",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Hin => "hi",
        Urd => "ur",
        Vie => "vi",
        Ind => "id",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_documents() {
        assert_eq!(
            detect_language("L'armée syrienne a annoncé la fin de la trêve dans la ville d'Alep.")
                .as_deref(),
            Some("fr")
        );
        assert_eq!(
            detect_language(
                "The Syrian army said the truce was over and resumed its strikes on Aleppo."
            )
            .as_deref(),
            Some("en")
        );
    }

    #[test]
    fn other_languages_are_named() {
        let de = "Die syrische Armee hat das Ende der Waffenruhe erklärt und die Angriffe auf die Stadt wieder aufgenommen.";
        assert_eq!(detect_language(de).as_deref(), Some("de"));
    }

    #[test]
    fn spanish_is_not_french() {
        let es = "El ejército sirio anunció el fin de la tregua y los bombardeos se reanudaron en la ciudad de Alepo, según el Observatorio.";
        assert_eq!(detect_language(es).as_deref(), Some("es"));
    }

    #[test]
    fn empty_is_none() {
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("12 345 — ..."), None);
    }

    #[test]
    fn lang_codes() {
        assert_eq!(Lang::from_code("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
    }
}
