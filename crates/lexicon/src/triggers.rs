//! Event triggers (`triggers.tsv`). See the header of `lexicons/fr/triggers.tsv`
//! for the file format.

use crate::LexiconError;
use std::collections::HashMap;
use truce_model::{modes_of, EventType};
use truce_text::{fold, tokenize, TokKind};

/// How one word of a pattern matches a token.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Matcher {
    /// The token's stem equals this stem.
    Stem(String),
    /// The token's folded form equals this.
    Exact(String),
}

impl Matcher {
    /// Whether a token with folded form `fold` and stem `stem` matches.
    pub fn matches(&self, fold: &str, stem: &str) -> bool {
        match self {
            Matcher::Stem(s) => s == stem,
            Matcher::Exact(e) => e == fold,
        }
    }
}

/// One position of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// One token matching any of the alternatives.
    Word(Vec<Matcher>),
    /// Up to four arbitrary tokens.
    Gap,
}

/// How a trigger's arguments attach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Verb: subject = source, object = target.
    Verb,
    /// Noun: genitive/adjective/agent = source, "contre X" = target.
    Noun,
    /// Noun whose genitive is the target.
    NounTarget,
    /// Symmetric: "X et Y", "entre X et Y", "avec Y".
    Symmetric,
    /// Obligation ("cette opposition doit s'éloigner"): the subject is the
    /// target, the speaker the source.
    Obligation,
    /// No actors expected.
    None,
}

/// Constraints and flags of a trigger.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TriggerOptions {
    pub after: Vec<Matcher>,
    pub before: Vec<Matcher>,
    pub near: Vec<Matcher>,
    /// Words that may not come right before the trigger.
    pub not_before: Vec<Matcher>,
    /// Folded phrases that may not follow within four tokens.
    pub not: Vec<Vec<String>>,
    pub hyp: bool,
    pub consume: bool,
    pub actor: bool,
    /// (word, mode): the mode to use when the word follows within six tokens.
    pub mode_if: Vec<(Matcher, String)>,
}

/// One trigger entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    pub pattern: Vec<Slot>,
    pub kind: EventType,
    pub mode: Option<String>,
    pub frame: Frame,
    pub options: TriggerOptions,
    /// Line in the file, for diagnostics.
    pub line: usize,
}

/// All triggers of a language with an index on the first word.
#[derive(Debug, Default)]
pub struct Triggers {
    list: Vec<Trigger>,
    by_stem: HashMap<String, Vec<usize>>,
    by_exact: HashMap<String, Vec<usize>>,
}

fn matcher(word: &str, stem: &dyn Fn(&str) -> String) -> Matcher {
    match word.strip_prefix('=') {
        Some(w) => Matcher::Exact(fold(w)),
        None => Matcher::Stem(stem(&fold(word))),
    }
}

fn matchers(list: &str, stem: &dyn Fn(&str) -> String) -> Vec<Matcher> {
    list.split('|')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(|w| matcher(w, stem))
        .collect()
}

impl Triggers {
    pub(crate) fn parse(
        text: &str,
        file: &str,
        stem: &dyn Fn(&str) -> String,
    ) -> Result<Triggers, LexiconError> {
        let mut t = Triggers::default();
        for (i, raw) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = raw.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let err = |message: String| LexiconError::Line {
                file: file.to_string(),
                line: line_no,
                message,
            };
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cols.len() != 5 {
                return Err(err(format!(
                    "expected 5 tab-separated columns, got {}",
                    cols.len()
                )));
            }
            let kind: EventType = cols[1].parse().map_err(|e| err(format!("{e}")))?;
            let mode = match cols[2] {
                "-" | "" => None,
                m => {
                    if !modes_of(kind).contains(&m) {
                        return Err(err(format!("mode {m:?} is not a mode of {kind}")));
                    }
                    Some(m.to_string())
                }
            };
            let frame = match cols[3] {
                "sv" => Frame::Verb,
                "n" => Frame::Noun,
                "nt" => Frame::NounTarget,
                "sym" => Frame::Symmetric,
                "ts" => Frame::Obligation,
                "x" => Frame::None,
                f => return Err(err(format!("unknown frame {f:?}"))),
            };
            let mut pattern = Vec::new();
            for word in cols[0].split_whitespace() {
                if word == "~" {
                    pattern.push(Slot::Gap);
                    continue;
                }
                let alts: Vec<&str> = word.split('|').collect();
                if alts.len() == 1 {
                    // A single word may tokenise into several tokens (elision): one slot each.
                    let exact = word.starts_with('=');
                    let bare = word.trim_start_matches('=');
                    let toks: Vec<_> = tokenize(bare)
                        .into_iter()
                        .filter(|t| matches!(t.kind, TokKind::Word | TokKind::Number))
                        .collect();
                    if toks.is_empty() {
                        return Err(err(format!("empty pattern word {word:?}")));
                    }
                    for tk in toks {
                        let w = tk.span.slice(bare);
                        pattern.push(Slot::Word(vec![if exact || tk.fold.ends_with('\'') {
                            Matcher::Exact(fold(w))
                        } else {
                            Matcher::Stem(stem(&fold(w)))
                        }]));
                    }
                } else {
                    for a in &alts {
                        let n = tokenize(a.trim_start_matches('='))
                            .iter()
                            .filter(|t| t.kind == TokKind::Word)
                            .count();
                        if n != 1 {
                            return Err(err(format!("alternative {a:?} must be a single token")));
                        }
                    }
                    pattern.push(Slot::Word(matchers(word, stem)));
                }
            }
            if !matches!(pattern.first(), Some(Slot::Word(_)))
                || !matches!(pattern.last(), Some(Slot::Word(_)))
            {
                return Err(err("a pattern must start and end with a word".into()));
            }
            let mut options = TriggerOptions::default();
            if cols[4] != "-" {
                for opt in cols[4].split(',') {
                    let opt = opt.trim();
                    match opt.split_once('=') {
                        Some(("after", v)) => options.after = matchers(v, stem),
                        Some(("before", v)) => options.before = matchers(v, stem),
                        Some(("near", v)) => options.near = matchers(v, stem),
                        Some(("nbefore", v)) => options.not_before = matchers(v, stem),
                        Some(("not", v)) => {
                            options.not = v
                                .split('|')
                                .map(|p| {
                                    tokenize(p)
                                        .into_iter()
                                        .filter(|t| t.kind != TokKind::Punct)
                                        .map(|t| t.fold)
                                        .collect()
                                })
                                .collect()
                        }
                        Some(("mode", v)) => {
                            for pair in v.split('|') {
                                let (w, m) = pair
                                    .split_once(':')
                                    .ok_or_else(|| err(format!("bad mode option {pair:?}")))?;
                                if !modes_of(kind).contains(&m) {
                                    return Err(err(format!("mode {m:?} is not a mode of {kind}")));
                                }
                                options.mode_if.push((matcher(w, stem), m.to_string()));
                            }
                        }
                        None if opt == "hyp" => options.hyp = true,
                        None if opt == "consume" => options.consume = true,
                        None if opt == "actor" => options.actor = true,
                        _ => return Err(err(format!("unknown option {opt:?}"))),
                    }
                }
            }
            let idx = t.list.len();
            if let Some(Slot::Word(first)) = pattern.first() {
                for m in first {
                    match m {
                        Matcher::Stem(s) => t.by_stem.entry(s.clone()).or_default().push(idx),
                        Matcher::Exact(e) => t.by_exact.entry(e.clone()).or_default().push(idx),
                    }
                }
            }
            t.list.push(Trigger {
                pattern,
                kind,
                mode,
                frame,
                options,
                line: line_no,
            });
        }
        Ok(t)
    }

    /// Triggers whose first word matches a token with this folded form and stem.
    pub fn starting_with<'a>(
        &'a self,
        fold: &str,
        stem: &str,
    ) -> impl Iterator<Item = &'a Trigger> + 'a {
        let a = self.by_exact.get(fold).map(Vec::as_slice).unwrap_or(&[]);
        let b = self.by_stem.get(stem).map(Vec::as_slice).unwrap_or(&[]);
        let mut ids: Vec<usize> = a.iter().chain(b).copied().collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().map(move |i| &self.list[i])
    }

    pub fn iter(&self) -> impl Iterator<Item = &Trigger> {
        self.list.iter()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(w: &str) -> String {
        rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::French)
            .stem(w)
            .into_owned()
    }

    #[test]
    fn parses_patterns_and_options() {
        let t = Triggers::parse(
            "# h\nexprimer ~ preoccupation|=inquietudes\tACCUSE\tdisapprove\tsv\tactor,after=a|au\nsuspendre\tRETREAT\tceasefire\tsv\tafter=frappes,consume\ns'engager\tAGREE\t-\tsv\tnot=de ne pas\n",
            "t",
            &stem,
        )
        .unwrap();
        assert_eq!(t.len(), 3);
        let first: Vec<_> = t.starting_with("exprime", &stem("exprime")).collect();
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].pattern.len(), 3);
        assert!(first[0].options.actor);
        let s: Vec<_> = t.starting_with("s'", "s'").collect();
        assert_eq!(s[0].pattern.len(), 2, "elided word becomes two slots");
        assert_eq!(s[0].options.not, vec![vec!["de", "ne", "pas"]]);
    }

    #[test]
    fn rejects_bad_entries() {
        for bad in [
            "frappe\tBOMB\t-\tn\t-",
            "frappe\tASSAULT\tnuclear\tn\t-",
            "frappe\tASSAULT\t-\tzz\t-",
            "frappe\tASSAULT\t-\tn\tweird",
            "~ frappe\tASSAULT\t-\tn\t-",
            "frappe\tASSAULT\t-\tn",
        ] {
            assert!(Triggers::parse(bad, "t", &stem).is_err(), "{bad}");
        }
    }
}
