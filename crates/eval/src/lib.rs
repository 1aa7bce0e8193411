//! truce-eval (work in progress)
