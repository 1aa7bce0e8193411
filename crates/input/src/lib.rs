//! truce-input (work in progress)
