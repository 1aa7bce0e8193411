//! End-to-end tests of the `truce` binary.
//!
//! Every test runs the real executable (`CARGO_BIN_EXE_truce`) on fixtures
//! written to a fresh temporary directory, and checks what a user sees:
//! standard output, the `truce: ORIGIN: reason` lines on standard error, and
//! the exit status (0 when every input was read, 1 when some input failed,
//! the good ones being processed all the same).
//!
//! The article texts in `cli/fixtures.rs` were written for these tests in the
//! style of 2016 wire coverage of the Syrian ceasefire; none is copied from a
//! real article. Tests that compare with `../shared/gold/score.py` skip with a
//! message when `../shared` or `python3` is absent.

#[path = "cli/support.rs"]
mod support;

#[path = "cli/fixtures.rs"]
mod fixtures;

#[path = "cli/robustness.rs"]
mod robustness;

#[path = "cli/stdin.rs"]
mod stdin;

#[path = "cli/demo.rs"]
mod demo;

#[path = "cli/clean.rs"]
mod clean;

#[path = "cli/extract.rs"]
mod extract;

#[path = "cli/order.rs"]
mod order;

#[path = "cli/eval.rs"]
mod eval;
