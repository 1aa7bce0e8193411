//! Errors of the evaluation crate.

use std::path::PathBuf;

/// What can go wrong while reading gold files or predictions.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The gold directory holds no `*.json` file (or does not exist).
    #[error("no gold files in {}", dir.display())]
    NoGold { dir: PathBuf },
    /// A file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file is not valid UTF-8.
    #[error("{}: not UTF-8 (byte {offset})", path.display())]
    Utf8 { path: PathBuf, offset: usize },
    /// A JSON Lines line is not JSON (`line` counts from 1, blank lines included).
    #[error("{}:{line}: not JSON: {source}", path.display())]
    JsonLine {
        path: PathBuf,
        line: usize,
        #[source]
        source: serde_json::Error,
    },
    /// A JSON Lines line is JSON but not an object.
    #[error("{}:{line}: not a JSON object", path.display())]
    NotObject { path: PathBuf, line: usize },
    /// A gold file is not JSON.
    #[error("{}: not JSON: {source}", path.display())]
    GoldJson {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    /// A gold file is JSON but lacks something the scorer needs.
    #[error("{}: bad gold file: {reason}", path.display())]
    BadGold { path: PathBuf, reason: String },
}
