//! Prints how long building the embedded gazetteer takes, and its size:
//! `cargo run --release -p truce-geo --example load_time`.
use std::time::{Duration, Instant};

fn main() {
    let t = Instant::now();
    let g = truce_geo::Gazetteer::embedded();
    let first = t.elapsed();
    let mut fastest = Duration::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        match truce_geo::Gazetteer::build_embedded() {
            Ok(g2) => std::hint::black_box(g2),
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        };
        fastest = fastest.min(t.elapsed());
    }
    let (keys, acronyms) = g.key_counts();
    println!(
        "{} entries, {keys} keys, {acronyms} acronyms, longest key {} tokens; \
         first build {first:?}, fastest of 5 rebuilds {fastest:?}",
        g.len(),
        g.max_key_tokens()
    );
}
