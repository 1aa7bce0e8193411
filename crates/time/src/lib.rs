//! truce-time (work in progress)
