//! truce-time: time expressions in French and English news text.
//!
//! [`tag`] finds time expressions ("lundi 27 juin", "depuis le 19 septembre",
//! "il y a près de sept semaines", "late on Monday, October 24") with their
//! byte spans and normalises them to a [`DateValue`] against an [`Anchor`]:
//! the publication date of the article, or failing that a year guessed from
//! the document ([`year_hint`]).
//!
//! ```
//! use truce_time::{tag, Anchor, Lang, NaiveDate, TimexKind};
//!
//! let text = "Depuis le 19 septembre, la trêve conclue il y a près de sept semaines a volé en éclats.";
//! let anchor = Anchor::at(NaiveDate::from_ymd_opt(2016, 9, 28).unwrap());
//! let found = tag(text, Lang::Fr, &anchor);
//! assert_eq!(found[0].span.slice(text), "Depuis le 19 septembre");
//! assert_eq!(found[0].kind, TimexKind::Since);
//! assert_eq!(found[0].value.as_ref().unwrap().value, "2016-09-19");
//! assert_eq!(found[1].span.slice(text), "il y a près de sept semaines");
//! assert_eq!(found[1].value.as_ref().unwrap().value, "2016-08-10");
//! assert!(found[1].approximate);
//! ```
//!
//! # How it works
//!
//! Words are data, rules are code. The words (month and weekday names,
//! number words, units, "hier", "dernier", "il y a", …) come from
//! `lexicons/{fr,en}/time.toml`, embedded in the binary; [`Tagger::from_toml`]
//! loads an edited copy. The text is cut into tokens whose normal form
//! (lower case, accents folded) is looked up once in the lexicon's
//! vocabulary; a hand-written scanner then tries, at each token that can
//! start an expression, every rule of the grammar and keeps the longest
//! match. Resolution against the anchor is a separate step.
//!
//! # Span conventions
//!
//! - Determiners belong to the expression ("le 27 février", "la veille",
//!   "l'an dernier"), and so do "depuis"/"since" (kind [`TimexKind::Since`]),
//!   "il y a", "ago", approximations ("près de", "about") and fixed phrases
//!   such as "à la fin de".
//! - A leading plain preposition does not ("en février" → "février",
//!   "on Monday" → "Monday", "at sunset on September 12" → "sunset on
//!   September 12").
//! - A clock time or day part after a day is part of it ("le 27 février à
//!   minuit", "mercredi soir") and does not change the date.
//!
//! # Normalisation
//!
//! - Day and month without a year: the year that puts the date closest to
//!   the reference; "dernier"/"prochain" force past/future. Without a
//!   reference, the year hint (with a weekday, the year within ±3 of the hint
//!   where the date falls on that weekday). With neither, `None`.
//! - A bare weekday: the most recent such day on or before the reference
//!   (the reference itself if it is that day); "dernier"/"last" strictly
//!   before, "prochain"/"next" strictly after, "ce"/"this" in the same
//!   Monday–Sunday week.
//! - Weeks have no precision of their own: "la semaine dernière", "il y a
//!   sept semaines" give a day, flagged approximate.
//! - "la veille", "le lendemain" are relative to the story's time, which is
//!   approximated by the reference (flagged approximate).
//! - Durations and clock times alone have no value.

mod grammar;
mod lexicon;
mod published;
mod resolve;
mod token;

use grammar::{Found, Sem};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use truce_model::{DateValue, Span};

pub use chrono::NaiveDate;
pub use lexicon::LexiconError;
pub use published::parse_published;

/// The built-in French lexicon (`lexicons/fr/time.toml`).
pub const FR_LEXICON: &str = include_str!("../../../lexicons/fr/time.toml");
/// The built-in English lexicon (`lexicons/en/time.toml`).
pub const EN_LEXICON: &str = include_str!("../../../lexicons/en/time.toml");

/// Language of the text to tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    /// From an ISO 639-1 code or a tag starting with one ("fr", "en-GB").
    pub fn from_code(code: &str) -> Option<Lang> {
        let head = code.trim().get(..2)?.to_ascii_lowercase();
        let rest = code.trim().get(2..).unwrap_or("");
        if !(rest.is_empty() || rest.starts_with(['-', '_'])) {
            return None;
        }
        match head.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The ISO 639-1 code.
    pub fn code(&self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// What sort of time expression it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimexKind {
    /// A calendar date, month or year: "le 27 février 2016", "en mars 2011".
    Date,
    /// Relative to the reference: "hier", "mercredi", "last Tuesday",
    /// "il y a deux jours", "la semaine dernière".
    Relative,
    /// A length of time: "48 heures", "plus de 5 ans", "three days later".
    Duration,
    /// A clock time alone: "à minuit", "19h00".
    Time,
    /// A starting point: "depuis le 19 septembre", "since 2011".
    Since,
    /// Part of a month or year: "fin mai", "mi-octobre", "early September".
    Approx,
}

/// A time expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte range of the whole expression in the input text.
    pub span: Span,
    /// Normalised date; `None` when it cannot be resolved (no reference and
    /// no year, a duration, a clock time alone).
    pub value: Option<DateValue>,
    pub kind: TimexKind,
    /// "fin mai", "près de", "early September", weeks, "la veille".
    pub approximate: bool,
}

/// What relative expressions are resolved against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Anchor {
    /// The reference date, normally the publication date.
    pub reference: Option<NaiveDate>,
    /// A year to use for dates without one when there is no reference.
    pub year_hint: Option<i32>,
}

impl Anchor {
    /// An anchor with a reference date.
    pub fn at(reference: NaiveDate) -> Self {
        Anchor {
            reference: Some(reference),
            year_hint: None,
        }
    }

    /// An anchor with only a year hint.
    pub fn hint(year: i32) -> Self {
        Anchor {
            reference: None,
            year_hint: Some(year),
        }
    }
}

/// A time tagger for one language, with its compiled lexicon.
pub struct Tagger {
    lex: lexicon::Lexicon,
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("vocabulary", &self.lex.vocab.len())
            .finish()
    }
}

static FR: OnceLock<Result<Tagger, LexiconError>> = OnceLock::new();
static EN: OnceLock<Result<Tagger, LexiconError>> = OnceLock::new();

impl Tagger {
    /// A tagger from a lexicon in the format of `lexicons/fr/time.toml`.
    pub fn from_toml(toml: &str) -> Result<Self, LexiconError> {
        Ok(Tagger {
            lex: lexicon::Lexicon::from_toml(toml)?,
        })
    }

    /// The tagger with the built-in lexicon of `lang` (compiled once).
    pub fn builtin(lang: Lang) -> Result<&'static Tagger, &'static LexiconError> {
        let (cell, text) = match lang {
            Lang::Fr => (&FR, FR_LEXICON),
            Lang::En => (&EN, EN_LEXICON),
        };
        cell.get_or_init(|| Tagger::from_toml(text)).as_ref()
    }

    /// Find and normalise the time expressions of `text`, in text order.
    pub fn tag(&self, text: &str, anchor: &Anchor) -> Vec<Timex> {
        let toks = self.lex.tokenize(text);
        grammar::find(&toks, &self.lex)
            .into_iter()
            .filter_map(|f| {
                let span = Span::new(toks.get(f.s)?.start, toks.get(f.e.checked_sub(1)?)?.end);
                Some(Timex {
                    span,
                    value: resolve::resolve(&f.sem, anchor),
                    kind: kind_of(&f),
                    approximate: f.approx,
                })
            })
            .collect()
    }

    /// Guess the year a document is about from its explicit years; see [`year_hint`].
    pub fn year_hint(&self, text: &str) -> Option<i32> {
        let toks = self.lex.tokenize(text);
        let mut scores: Vec<(i32, u32)> = Vec::new();
        for f in grammar::find(&toks, &self.lex) {
            let Sem::Cal {
                year: Some(y),
                month,
                day,
                ..
            } = f.sem
            else {
                continue;
            };
            // "depuis mars 2011" only says the text is later than that.
            if f.since {
                continue;
            }
            // Full dates say most about the news of the day.
            let w = match (month, day) {
                (Some(_), Some(_)) => 4,
                (Some(_), None) => 2,
                _ => 1,
            };
            match scores.iter_mut().find(|(yy, _)| *yy == y) {
                Some((_, s)) => *s += w,
                None => scores.push((y, w)),
            }
        }
        scores
            .into_iter()
            .max_by_key(|&(y, s)| (s, y))
            .map(|(y, _)| y)
    }
}

fn kind_of(f: &Found) -> TimexKind {
    if f.since {
        return TimexKind::Since;
    }
    match f.sem {
        Sem::Cal { part: Some(_), .. } => TimexKind::Approx,
        Sem::Cal { .. } => TimexKind::Date,
        Sem::Weekday { .. } | Sem::Days(_) | Sem::Shift { .. } | Sem::Period { .. } => {
            TimexKind::Relative
        }
        Sem::Duration { .. } => TimexKind::Duration,
        Sem::Time => TimexKind::Time,
    }
}

/// Find and normalise time expressions in `text` (a sentence or a whole
/// document), in text order, without overlaps.
///
/// Uses the built-in lexicon of `lang`. Never panics; if the built-in
/// lexicon could not be compiled (a build defect caught by this crate's
/// tests) it returns nothing.
pub fn tag(text: &str, lang: Lang, anchor: &Anchor) -> Vec<Timex> {
    match Tagger::builtin(lang) {
        Ok(t) => t.tag(text, anchor),
        Err(_) => Vec::new(),
    }
}

/// Guess a year hint from a whole document that has no publication date.
///
/// Scores every explicit year in date expressions — full dates ("27 février
/// 2016", "Dec. 16, 2016", "2016-09-19") weigh most, then month-year
/// ("September 2016"), then bare years ("en 2016"); years introduced by
/// "depuis"/"since" are left out, as they only bound the date from below —
/// and returns the best-scoring year, the most recent on ties. `None` when
/// the text has no such year.
pub fn year_hint(text: &str, lang: Lang) -> Option<i32> {
    Tagger::builtin(lang).ok()?.year_hint(text)
}
