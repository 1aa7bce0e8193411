//! truce-geo (work in progress)
