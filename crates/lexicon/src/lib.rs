//! truce-lexicon (work in progress)
