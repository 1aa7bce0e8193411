//! truce-text (work in progress)
