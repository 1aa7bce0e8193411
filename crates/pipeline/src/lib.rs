//! The document pipeline: raw document → cleaned text → language → events.
//!
//! Thin glue over the stage crates, shared by the CLI and (later) the store
//! and HTTP server. Documents are independent, so batches run in parallel
//! (rayon) while keeping their input order.

pub mod bench;
use rayon::prelude::*;
use truce_clean::Cleaner;
use truce_extract::{Analysis, Extractor};
use truce_model::{CleanDoc, Diagnostic, RawDoc};

/// One processed document.
#[derive(Debug, Clone)]
pub struct Processed {
    pub clean: CleanDoc,
    pub analysis: Analysis,
    /// Cleaning and extraction diagnostics.
    pub diagnostics: Vec<Diagnostic>,
}

/// The stages, configured once and shared across threads.
pub struct Pipeline<'a> {
    pub cleaner: Cleaner,
    pub extractor: Extractor<'a>,
}

impl Pipeline<'static> {
    /// The pipeline over the built-in lexicons.
    pub fn embedded() -> Pipeline<'static> {
        Pipeline {
            cleaner: Cleaner::new(),
            extractor: Extractor::embedded(),
        }
    }
}

impl Pipeline<'_> {
    /// Clean, identify the language and extract events from one document.
    ///
    /// A defect in a stage must not take the whole run down: a panic while
    /// processing one document is caught and reported as that document's
    /// diagnostic, with no events.
    pub fn process(&self, raw: &RawDoc) -> Processed {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.process_inner(raw))) {
            Ok(p) => p,
            Err(e) => {
                let what = e
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| e.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Processed {
                    clean: CleanDoc {
                        id: raw.id.clone(),
                        text: String::new(),
                        title: None,
                        body: truce_model::Span::new(0, 0),
                        paragraphs: Vec::new(),
                        lang: raw.lang.clone(),
                        published: raw.published.clone(),
                        url: raw.url.clone(),
                        outlet: raw.outlet.clone(),
                        author: None,
                    },
                    analysis: Analysis::default(),
                    diagnostics: vec![Diagnostic {
                        origin: raw.origin.clone(),
                        message: format!("internal error, document skipped: {what}"),
                    }],
                }
            }
        }
    }

    fn process_inner(&self, raw: &RawDoc) -> Processed {
        let (mut clean, mut diagnostics) = self.cleaner.clean(raw);
        if clean.lang.is_none() {
            clean.lang = truce_text::detect_language(&clean.text);
        }
        let analysis = self.extractor.extract(&clean);
        diagnostics.extend(analysis.diagnostics.iter().cloned());
        Processed {
            clean,
            analysis,
            diagnostics,
        }
    }

    /// Process a batch in parallel; results are in input order.
    pub fn process_batch(&self, docs: &[RawDoc]) -> Vec<Processed> {
        docs.par_iter().map(|d| self.process(d)).collect()
    }
}
