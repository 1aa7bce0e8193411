//! truce-clean (work in progress)
