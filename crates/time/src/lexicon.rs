//! The words of time expressions, loaded from a TOML lexicon
//! (`lexicons/<lang>/time.toml`) and compiled into token-id phrase tables.

use crate::token::{self, Kind, Prefilter, Tok, Vocab, OOV};
use serde::Deserialize;
use std::collections::BTreeMap;

/// A unit of duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Year,
    Decade,
}

/// Why a time lexicon could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The text is not TOML, or does not have the expected tables and fields.
    #[error("time lexicon is not valid: {0}")]
    Toml(#[from] toml::de::Error),
    /// An entry breaks a rule of the format.
    #[error("time lexicon, {field}: {entry:?}: {message}")]
    Invalid {
        /// Table or list the entry is in.
        field: &'static str,
        /// The offending entry.
        entry: String,
        /// What is wrong with it.
        message: &'static str,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    capitalised_names: bool,
    #[serde(default)]
    month_day_order: bool,
    months: BTreeMap<String, u32>,
    #[serde(default)]
    month_abbreviations: BTreeMap<String, u32>,
    weekdays: BTreeMap<String, u32>,
    numbers: BTreeMap<String, u32>,
    #[serde(default)]
    vague_numbers: BTreeMap<String, u32>,
    units: BTreeMap<String, Unit>,
    #[serde(default)]
    deictic: BTreeMap<String, i64>,
    #[serde(default)]
    anaphoric: BTreeMap<String, i64>,
    markers: RawMarkers,
}

/// Declares the marker lists once: the raw (TOML) struct, the compiled struct
/// and the code that compiles one into the other. `starts` says whether an
/// expression can begin with the list's phrases.
macro_rules! markers {
    ($($name:ident: $starts:expr),* $(,)?) => {
        #[derive(Deserialize, Default)]
        #[serde(deny_unknown_fields, default)]
        struct RawMarkers {
            /// Checked against `[months]`, compiled with them.
            ambiguous_months: Vec<String>,
            $($name: Vec<String>),*
        }

        /// Compiled marker lists (see `lexicons/fr/time.toml` for their meaning).
        pub(crate) struct Markers { $(pub $name: PhraseSet),* }

        impl Markers {
            fn compile(raw: &RawMarkers, b: &mut Builder) -> Result<Self, LexiconError> {
                Ok(Markers {
                    $($name: b.set(&raw.$name, stringify!($name), $starts)?),*
                })
            }
        }
    };
}

markers! {
    article_numbers: false,
    month_cues: false,
    year_cues: false,
    since: true,
    ago_before: true,
    ago_after: false,
    shift_after: false,
    approx: true,
    past_after: false,
    future_after: false,
    past_before: true,
    future_before: true,
    this_before: true,
    this_after: false,
    determiners: true,
    part_start: true,
    part_mid: true,
    part_end: true,
    day_parts: false,
    day_modifiers: true,
    time_words: true,
    time_before: false,
    time_after: false,
    am_pm: false,
    date_after_time: false,
    ordinal_suffixes: false,
    of: false,
    duration_cues: false,
    hour_marks: false,
    first_day: true,
    range_connectors: false,
}

/// Phrases (token-id sequences) with a value, indexed by their first token.
pub(crate) struct PhraseMap<V> {
    /// For each first-token id: (remaining ids, value), longest first.
    by_first: Vec<Vec<(Box<[u32]>, V)>>,
    /// Every phrase, for backward matching.
    all: Vec<Box<[u32]>>,
}

/// A set of phrases.
pub(crate) type PhraseSet = PhraseMap<()>;

impl<V> Default for PhraseMap<V> {
    fn default() -> Self {
        PhraseMap {
            by_first: Vec::new(),
            all: Vec::new(),
        }
    }
}

impl<V> PhraseMap<V> {
    fn insert(&mut self, ids: Vec<u32>, v: V) {
        let Some((&first, rest)) = ids.split_first() else {
            return;
        };
        let f = first as usize;
        if self.by_first.len() <= f {
            self.by_first.resize_with(f + 1, Vec::new);
        }
        let list = &mut self.by_first[f];
        list.push((rest.into(), v));
        list.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
        self.all.push(ids.into());
    }

    /// The longest phrase starting at token `i`: its end (exclusive) and value.
    pub fn longest(&self, t: &[Tok], i: usize) -> Option<(usize, &V)> {
        let id = t.get(i)?.id;
        if id == OOV {
            return None;
        }
        let list = self.by_first.get(id as usize)?;
        'entries: for (rest, v) in list {
            for (n, &r) in rest.iter().enumerate() {
                if t.get(i + 1 + n).map(|x| x.id) != Some(r) {
                    continue 'entries;
                }
            }
            return Some((i + 1 + rest.len(), v));
        }
        None
    }

    /// End of the longest phrase starting at token `i`.
    pub fn at(&self, t: &[Tok], i: usize) -> Option<usize> {
        self.longest(t, i).map(|(e, _)| e)
    }

    /// Whether some phrase ends just before token `i`.
    pub fn ends_at(&self, t: &[Tok], i: usize) -> bool {
        self.all.iter().any(|p| {
            i >= p.len()
                && t[i - p.len()..i]
                    .iter()
                    .zip(p.iter())
                    .all(|(x, &id)| x.id == id)
        })
    }

    /// Whether the phrase map is empty.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }
}

/// Interns phrase tokens and records which tokens can start an expression.
#[derive(Default)]
struct Builder {
    vocab: Vocab,
    starter: Vec<bool>,
    max_len: usize,
}

impl Builder {
    /// Token ids of a phrase, interning new tokens.
    fn phrase(
        &mut self,
        s: &str,
        field: &'static str,
        starts: bool,
    ) -> Result<Vec<u32>, LexiconError> {
        let invalid = |message| LexiconError::Invalid {
            field,
            entry: s.to_string(),
            message,
        };
        let mut raws = Vec::new();
        token::scan(s, |r| raws.push(r));
        if raws.is_empty() {
            return Err(invalid("empty phrase"));
        }
        let mut ids = Vec::with_capacity(raws.len());
        let mut buf = String::new();
        for r in raws {
            if r.kind == Kind::Num {
                return Err(invalid("phrases must not contain digits"));
            }
            token::normalise(&s[r.start..r.end], r.kind, &mut buf);
            self.max_len = self.max_len.max(buf.len());
            let next = u32::try_from(self.vocab.len()).map_err(|_| invalid("too many words"))?;
            let id = *self.vocab.entry(buf.clone()).or_insert(next);
            if id as usize >= self.starter.len() {
                self.starter.resize(id as usize + 1, false);
            }
            ids.push(id);
        }
        if starts {
            if let Some(&f) = ids.first() {
                self.starter[f as usize] = true;
            }
        }
        Ok(ids)
    }

    fn set(
        &mut self,
        list: &[String],
        field: &'static str,
        starts: bool,
    ) -> Result<PhraseSet, LexiconError> {
        let mut set = PhraseSet::default();
        for s in list {
            let ids = self.phrase(s, field, starts)?;
            set.insert(ids, ());
        }
        Ok(set)
    }

    fn map<V: Copy, W>(
        &mut self,
        m: &BTreeMap<String, V>,
        field: &'static str,
        starts: bool,
        check: impl Fn(V) -> Option<W>,
    ) -> Result<PhraseMap<W>, LexiconError> {
        let mut out = PhraseMap::default();
        for (k, &v) in m {
            let w = check(v).ok_or_else(|| LexiconError::Invalid {
                field,
                entry: k.clone(),
                message: "value out of range",
            })?;
            let ids = self.phrase(k, field, starts)?;
            out.insert(ids, w);
        }
        Ok(out)
    }
}

/// A compiled time lexicon for one language.
pub(crate) struct Lexicon {
    pub vocab: Vocab,
    pub prefilter: Prefilter,
    /// Per vocabulary id: whether an expression may start with this token.
    pub starter: Vec<bool>,
    /// Longest normal form in the vocabulary, in bytes.
    pub max_len: usize,
    /// Month and weekday names only count when capitalised.
    pub caps: bool,
    /// Month-day order is allowed ("September 12").
    pub month_day: bool,
    /// Month names: (number, ambiguous).
    pub months: PhraseMap<(u32, bool)>,
    pub month_abbr: PhraseMap<u32>,
    /// 1 = Monday … 7 = Sunday.
    pub weekdays: PhraseMap<u32>,
    pub numbers: PhraseMap<u32>,
    pub vague: PhraseMap<u32>,
    pub units: PhraseMap<Unit>,
    pub deictic: PhraseMap<i64>,
    pub anaphoric: PhraseMap<i64>,
    pub m: Markers,
}

impl Lexicon {
    /// Parse and compile a lexicon from TOML text.
    pub fn from_toml(text: &str) -> Result<Self, LexiconError> {
        let raw: Raw = toml::from_str(text)?;
        let mut b = Builder::default();
        let month = |v: u32| (1..=12).contains(&v).then_some(v);
        let mut ambiguous = Vec::new();
        for s in &raw.markers.ambiguous_months {
            let known = raw.months.keys().any(|k| k == s);
            if !known {
                return Err(LexiconError::Invalid {
                    field: "ambiguous_months",
                    entry: s.clone(),
                    message: "not a key of [months]",
                });
            }
            ambiguous.push(b.phrase(s, "ambiguous_months", true)?);
        }
        let mut months = PhraseMap::default();
        for (k, &v) in &raw.months {
            if month(v).is_none() {
                return Err(LexiconError::Invalid {
                    field: "months",
                    entry: k.clone(),
                    message: "value out of range",
                });
            }
            let ids = b.phrase(k, "months", true)?;
            let amb = ambiguous.contains(&ids);
            months.insert(ids, (v, amb));
        }
        let month_abbr = b.map(&raw.month_abbreviations, "month_abbreviations", true, month)?;
        let weekdays = b.map(&raw.weekdays, "weekdays", true, |v: u32| {
            (1..=7).contains(&v).then_some(v)
        })?;
        let numbers = b.map(&raw.numbers, "numbers", true, Some)?;
        let vague = b.map(&raw.vague_numbers, "vague_numbers", true, Some)?;
        let units = b.map(&raw.units, "units", false, Some)?;
        let deictic = b.map(&raw.deictic, "deictic", true, |v: i64| {
            (-400..=400).contains(&v).then_some(v)
        })?;
        let anaphoric = b.map(&raw.anaphoric, "anaphoric", true, |v: i64| {
            (-400..=400).contains(&v).then_some(v)
        })?;
        let m = Markers::compile(&raw.markers, &mut b)?;
        let mut prefilter = Prefilter::default();
        for k in b.vocab.keys() {
            prefilter.add(k);
        }
        Ok(Lexicon {
            prefilter,
            vocab: b.vocab,
            starter: b.starter,
            max_len: b.max_len,
            caps: raw.capitalised_names,
            month_day: raw.month_day_order,
            months,
            month_abbr,
            weekdays,
            numbers,
            vague,
            units,
            deictic,
            anaphoric,
            m,
        })
    }

    /// Whether an expression may start at this token.
    pub fn is_starter(&self, t: &Tok) -> bool {
        match t.kind {
            Kind::Num => true,
            _ => t.id != OOV && self.starter.get(t.id as usize).copied().unwrap_or(false),
        }
    }

    /// Tokenize a text against this lexicon's vocabulary.
    pub fn tokenize(&self, text: &str) -> Vec<Tok> {
        token::tokenize(text, &self.vocab, &self.prefilter, self.max_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_load() {
        for (name, text) in [("fr", crate::FR_LEXICON), ("en", crate::EN_LEXICON)] {
            let lx = Lexicon::from_toml(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!lx.m.since.is_empty(), "{name}");
            assert!(!lx.m.determiners.is_empty(), "{name}");
        }
    }

    #[test]
    fn every_month_and_weekday_is_named() {
        for text in [crate::FR_LEXICON, crate::EN_LEXICON] {
            let raw: Raw = toml::from_str(text).unwrap();
            for m in 1..=12 {
                assert!(raw.months.values().any(|&v| v == m), "month {m}");
            }
            for d in 1..=7 {
                assert!(raw.weekdays.values().any(|&v| v == d), "weekday {d}");
            }
        }
    }

    #[test]
    fn bad_lexicons_are_errors() {
        let base = crate::FR_LEXICON;
        assert!(matches!(
            Lexicon::from_toml("months = 3"),
            Err(LexiconError::Toml(_))
        ));
        let bad_month = base.replace("juin = 6", "juin = 13");
        assert!(matches!(
            Lexicon::from_toml(&bad_month),
            Err(LexiconError::Invalid {
                field: "months",
                ..
            })
        ));
        let digits = base.replace("quelques = 3", "\"3 jours\" = 3");
        assert!(matches!(
            Lexicon::from_toml(&digits),
            Err(LexiconError::Invalid { .. })
        ));
        let unknown = base.replace(
            "ambiguous_months = [\"mars\"]",
            "ambiguous_months = [\"planète\"]",
        );
        assert!(matches!(
            Lexicon::from_toml(&unknown),
            Err(LexiconError::Invalid {
                field: "ambiguous_months",
                ..
            })
        ));
    }

    #[test]
    fn phrases_match_longest_first() {
        let lx = Lexicon::from_toml(crate::FR_LEXICON).unwrap();
        let t = lx.tokenize("à la fin de février");
        assert_eq!(lx.m.part_end.at(&t, 0), Some(4));
        let t = lx.tokenize("fin mai");
        assert_eq!(lx.m.part_end.at(&t, 0), Some(1));
        let t = lx.tokenize("en mars");
        assert!(lx.m.month_cues.ends_at(&t, 1));
        assert!(!lx.m.month_cues.ends_at(&t, 0));
    }
}
