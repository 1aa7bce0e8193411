//! Function words and cues (`grammar.toml`).

use crate::LexiconError;
use serde::Deserialize;
use std::collections::HashSet;

/// Word lists the extractor uses, all folded (lower case, no accents).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grammar {
    pub reporting_stems: Vec<String>,
    pub source_markers: Vec<String>,
    pub negation: Vec<String>,
    pub negation_strong: Vec<String>,
    pub hypothetical: Vec<String>,
    pub hypothetical_endings: Vec<String>,
    pub target_preps: Vec<String>,
    pub agent_preps: Vec<String>,
    pub genitive: Vec<String>,
    pub oblique_preps: Vec<String>,
    pub place_preps: Vec<String>,
    pub conjunctions: Vec<String>,
    pub clause_breaks: Vec<String>,
    pub articles: Vec<String>,
    pub possessives: Vec<String>,
    pub passive_aux: Vec<String>,
    pub pronouns: Vec<String>,
    pub reciprocal: Vec<String>,
    pub support_verbs: Vec<String>,
    pub target_nouns: Vec<String>,
    pub locative_preps: Vec<String>,
    pub vicinity: Vec<String>,
    pub ambiguous_preps: Vec<String>,
    pub anaphoric: Vec<String>,
    pub infinitive_preps: Vec<String>,
    pub infinitive_fillers: Vec<String>,
    pub infinitive_endings: Vec<String>,
    pub descriptors: Vec<String>,
    pub dual_nouns: Vec<String>,
    pub demonstratives: Vec<String>,
    pub place_stopwords: Vec<String>,
    pub neutral_venues: Vec<String>,
    pub subordinators: Vec<String>,
    pub content_nouns: Vec<String>,
}

impl Grammar {
    pub(crate) fn parse(text: &str, file: &str) -> Result<Grammar, LexiconError> {
        let mut g: Grammar = toml::from_str(text).map_err(|e| LexiconError::File {
            file: file.to_string(),
            message: e.to_string(),
        })?;
        for list in [
            &mut g.reporting_stems,
            &mut g.source_markers,
            &mut g.negation,
            &mut g.negation_strong,
            &mut g.hypothetical,
            &mut g.hypothetical_endings,
            &mut g.target_preps,
            &mut g.agent_preps,
            &mut g.genitive,
            &mut g.oblique_preps,
            &mut g.place_preps,
            &mut g.conjunctions,
            &mut g.clause_breaks,
            &mut g.articles,
            &mut g.possessives,
            &mut g.passive_aux,
            &mut g.pronouns,
            &mut g.reciprocal,
            &mut g.support_verbs,
            &mut g.target_nouns,
            &mut g.locative_preps,
            &mut g.vicinity,
            &mut g.ambiguous_preps,
            &mut g.anaphoric,
            &mut g.infinitive_preps,
            &mut g.infinitive_fillers,
            &mut g.infinitive_endings,
            &mut g.descriptors,
            &mut g.dual_nouns,
            &mut g.demonstratives,
            &mut g.place_stopwords,
            &mut g.neutral_venues,
            &mut g.subordinators,
            &mut g.content_nouns,
        ] {
            for w in list.iter_mut() {
                *w = truce_text::fold(w.trim());
            }
            let mut seen = HashSet::new();
            list.retain(|w| !w.is_empty() && seen.insert(w.clone()));
        }
        Ok(g)
    }

    /// Whether the folded word `w` is in `list`.
    pub fn has(list: &[String], w: &str) -> bool {
        list.iter().any(|x| x == w)
    }
}
