//! Prints how long building the embedded gazetteer and normalising all its
//! names take (run with `cargo run --release -p truce-geo --example load_time`).
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let g = truce_geo::Gazetteer::embedded();
    let build = t.elapsed();
    let t = Instant::now();
    let mut n = 0usize;
    for e in g.entries() {
        n += truce_geo::normalize_key(&e.name).len();
    }
    let norm = t.elapsed();
    let (keys, acr) = g.key_counts();
    println!(
        "entries {} keys {} acronyms {} | build {:?} | normalising {} names {:?} ({n} bytes)",
        g.len(),
        keys,
        acr,
        build,
        g.len(),
        norm
    );
}
