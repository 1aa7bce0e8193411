//! truce-extract (work in progress)
