//! Scoring a truce run against gold annotations.
//!
//! This is a faithful port of the reference scorer `shared/gold/score.py`
//! (whose rules `shared/gold/SPEC.md` describes): for the same gold
//! directory, predicted events and cleaned documents, [`Report::to_text`]
//! and [`Report::to_json_string`] print exactly what
//! `score.py --gold DIR --events EVENTS.jsonl --clean CLEAN.jsonl [--json]`
//! prints.
//!
//! - **Events** ([`score_events`]): per document, predictions are made unique
//!   on (type, source, target, place, date), then each gold event takes at
//!   most one prediction, required events first. A prediction matches when
//!   the type is the same and actor heads (`CCC` of `CCC/SEC`) agree, swapped
//!   too for AGREE, CONSULT and COOPERATE; among matches the best fit on full
//!   codes, place and date wins. Optional, negated and hypothetical gold
//!   events neither reward nor penalise. Precision, recall and F1 are
//!   micro-averaged; matched pairs are scored on actor codes, mode, place
//!   (≤ 50 km), date (at gold's precision) and `said_by`.
//! - **Cleaning** ([`score_clean`]): share of `must_keep` passages found and
//!   `must_drop` passages absent (case and whitespace folded), titles
//!   matched, body lengths within ±15 %.
//!
//! Predictions and cleaned documents are loose JSON ([`serde_json::Value`]),
//! read with the reference scorer's conversions (`str()`, upper-casing,
//! truthiness); see the `py` module. Where the reference scorer would raise
//! an exception on odd input, this port does not panic: gold files are
//! checked when loaded ([`EvalError::BadGold`]), and odd prediction fields
//! count as mismatches.

mod clean;
mod error;
mod events;
mod gold;
mod jsonl;
pub mod py;
mod report;

use std::path::Path;

pub use clean::{score_clean, CleanReport, LENGTH_TOLERANCE};
pub use error::EvalError;
pub use events::{
    is_type, km, score_events, EventReport, FieldScore, FieldScores, EARTH_RADIUS_KM,
    PLACE_TOLERANCE_KM, SYMMETRIC,
};
pub use gold::{load_gold, DocKey, Gold, GoldDoc};
pub use jsonl::{parse_jsonl, read_jsonl};
pub use report::Report;

/// Loads the gold directory and scores the given files, as
/// `score.py --gold GOLD_DIR [--events EVENTS] [--clean CLEAN]` does.
pub fn evaluate(
    gold_dir: &Path,
    events: Option<&Path>,
    clean: Option<&Path>,
) -> Result<Report, EvalError> {
    let gold = load_gold(gold_dir)?;
    let events = match events {
        Some(path) => Some(score_events(&gold, &read_jsonl(path)?)),
        None => None,
    };
    let clean = match clean {
        Some(path) => Some(score_clean(&gold, &read_jsonl(path)?)),
        None => None,
    };
    Ok(Report {
        documents: gold.len(),
        events,
        clean,
    })
}
