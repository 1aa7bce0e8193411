use std::time::Instant;
fn main() {
    let para = "Les raids aériens ont repris sur les quartiers rebelles d'Alep (1234), a indiqué l'Observatoire syrien des droits de l'homme, qui fait état de dizaines de victimes civiles.";
    let c = truce_clean::Cleaner::new();
    let p = c.patterns();
    let t = Instant::now();
    for _ in 0..2000 { std::hint::black_box(p.drop.is_match(para)); }
    println!("drop set {:.1} us", t.elapsed().as_secs_f64() * 1e6 / 2000.0);
    let t = Instant::now();
    for _ in 0..2000 { std::hint::black_box(p.tail.is_match(para)); }
    println!("tail set {:.1} us", t.elapsed().as_secs_f64() * 1e6 / 2000.0);
    let t = Instant::now();
    for _ in 0..2000 { std::hint::black_box(p.is_credit(para)); }
    println!("credit {:.1} us", t.elapsed().as_secs_f64() * 1e6 / 2000.0);
    let t = Instant::now();
    for _ in 0..2000 { std::hint::black_box(p.cue_score(para)); }
    println!("cue {:.1} us", t.elapsed().as_secs_f64() * 1e6 / 2000.0);
    let t = Instant::now();
    for _ in 0..2000 { std::hint::black_box(p.strip(para)); }
    println!("strip {:.1} us", t.elapsed().as_secs_f64() * 1e6 / 2000.0);
    let t = Instant::now();
    for _ in 0..2000 { std::hint::black_box(truce_clean::dates::find_dates(para)); }
    println!("dates {:.1} us", t.elapsed().as_secs_f64() * 1e6 / 2000.0);
}
