//! Text analysis for truce: folding, tokenisation, sentence segmentation and
//! language identification.
//!
//! Every function works on one immutable text and returns byte spans into it
//! (`truce_model::Span`); nothing here copies or rewrites the text itself
//! except [`fold`], which builds lookup keys.

mod lang;
mod segment;
mod token;

pub use lang::{detect_language, Lang};
pub use segment::sentences;
pub use token::{fold, fold_key, tokenize, TokKind, Token};
