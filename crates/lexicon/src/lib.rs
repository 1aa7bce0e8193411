//! Language data for truce, loaded from the plain files under `lexicons/<lang>/`.
//!
//! The files are embedded in the binary as the default and can be overridden
//! from a directory with the same layout ([`Lexicon::from_dir`]). Loading
//! validates every line and reports the file and line of the first error.
//!
//! - `actors.tsv`: surface forms → actor codes, with a kind (country, capital,
//!   demonym, person, org, sector, group_adj).
//! - `triggers.tsv`: event triggers with type, mode, argument frame and options.
//! - `grammar.toml`: function words and cues (negation, hypothesis, reporting
//!   verbs, prepositions).

mod actors;
mod grammar;
mod triggers;

pub use actors::{ActorEntry, ActorKind, Actors};
pub use grammar::Grammar;
pub use triggers::{Frame, Matcher, Slot, Trigger, TriggerOptions, Triggers};

use rust_stemmers::{Algorithm, Stemmer};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
pub use truce_text::Lang;

/// A problem in a lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}:{line}: {message}")]
    Line {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// All language data for one language.
pub struct Lexicon {
    pub lang: Lang,
    pub actors: Actors,
    pub triggers: Triggers,
    pub grammar: Grammar,
    stemmer: Stemmer,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("lang", &self.lang)
            .field("actors", &self.actors.len())
            .field("triggers", &self.triggers.len())
            .finish()
    }
}

/// The embedded files of one language.
struct Sources {
    actors: &'static str,
    triggers: &'static str,
    grammar: &'static str,
}

fn embedded_sources(lang: Lang) -> Sources {
    match lang {
        Lang::Fr => Sources {
            actors: include_str!("../../../lexicons/fr/actors.tsv"),
            triggers: include_str!("../../../lexicons/fr/triggers.tsv"),
            grammar: include_str!("../../../lexicons/fr/grammar.toml"),
        },
        Lang::En => Sources {
            actors: include_str!("../../../lexicons/en/actors.tsv"),
            triggers: include_str!("../../../lexicons/en/triggers.tsv"),
            grammar: include_str!("../../../lexicons/en/grammar.toml"),
        },
    }
}

fn stemmer_for(lang: Lang) -> Stemmer {
    Stemmer::create(match lang {
        Lang::Fr => Algorithm::French,
        Lang::En => Algorithm::English,
    })
}

impl Lexicon {
    /// The built-in lexicon for `lang`, parsed once per process.
    pub fn embedded(lang: Lang) -> &'static Lexicon {
        static FR: OnceLock<Lexicon> = OnceLock::new();
        static EN: OnceLock<Lexicon> = OnceLock::new();
        let cell = match lang {
            Lang::Fr => &FR,
            Lang::En => &EN,
        };
        cell.get_or_init(|| {
            let s = embedded_sources(lang);
            // The embedded files are checked by this crate's tests; failing here is a build defect.
            Lexicon::parse(lang, s.actors, s.triggers, s.grammar)
                .unwrap_or_else(|e| panic!("embedded {} lexicon is invalid: {e}", lang.code()))
        })
    }

    /// Load a lexicon from `dir/<lang>/`; files missing there fall back to the embedded ones.
    pub fn from_dir(dir: &Path, lang: Lang) -> Result<Lexicon, LexiconError> {
        let base = dir.join(lang.code());
        let s = embedded_sources(lang);
        let read = |name: &str, default: &'static str| -> Result<String, LexiconError> {
            let p = base.join(name);
            match std::fs::read_to_string(&p) {
                Ok(t) => Ok(t),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(default.to_string()),
                Err(source) => Err(LexiconError::Io { path: p, source }),
            }
        };
        let actors = read("actors.tsv", s.actors)?;
        let triggers = read("triggers.tsv", s.triggers)?;
        let grammar = read("grammar.toml", s.grammar)?;
        Lexicon::parse(lang, &actors, &triggers, &grammar)
    }

    /// Parse the three files' contents.
    pub fn parse(
        lang: Lang,
        actors: &str,
        triggers: &str,
        grammar: &str,
    ) -> Result<Lexicon, LexiconError> {
        let stemmer = stemmer_for(lang);
        let file = |n: &str| format!("lexicons/{}/{n}", lang.code());
        let grammar = Grammar::parse(grammar, &file("grammar.toml"))?;
        let actors = Actors::parse(actors, &file("actors.tsv"))?;
        let triggers = Triggers::parse(triggers, &file("triggers.tsv"), &|w| {
            stemmer.stem(w).into_owned()
        })?;
        Ok(Lexicon {
            lang,
            actors,
            triggers,
            grammar,
            stemmer,
        })
    }

    /// The stem of a folded word.
    pub fn stem(&self, folded: &str) -> String {
        self.stemmer.stem(folded).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicons_load() {
        for lang in [Lang::Fr, Lang::En] {
            let lx = Lexicon::embedded(lang);
            assert!(lx.triggers.len() > 50, "{lang:?} triggers");
            assert!(!lx.grammar.negation.is_empty());
        }
    }

    #[test]
    fn french_stems_unify_inflections() {
        let lx = Lexicon::embedded(Lang::Fr);
        assert_eq!(lx.stem("bombardements"), lx.stem("bombarder"));
        assert_eq!(lx.stem("frappes"), lx.stem("frappe"));
    }
}
