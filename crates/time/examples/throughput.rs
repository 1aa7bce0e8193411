//! Measure tagging speed on a synthetic 4 KB wire-style article (French and
//! English), or on files given as arguments (`lang path...`).
//!
//! `cargo run --release -p truce-time --example throughput [fr|en FILE...]`

use std::time::Instant;
use truce_time::{tag, year_hint, Anchor, Lang, NaiveDate};

const FR: &str = "Le cessez-le-feu est entré en vigueur le 27 février à minuit, heure de Damas. \
Depuis le 19 septembre, les combats ont repris dans les quartiers est d'Alep, selon l'Observatoire \
syrien des droits de l'homme, qui fait état de 12 morts et de dizaines de blessés. \
Le ministère russe de la Défense a annoncé mercredi soir une pause humanitaire de 48 heures. \
« Les frappes ont cessé pendant une semaine avant de reprendre », a déclaré un habitant. \
La Syrie est le théâtre d'un conflit armé depuis mars 2011, qui a fait plus de 250.000 morts. \
Les négociations inter-syriennes doivent reprendre début juin à Genève, a précisé l'émissaire. \
Il y a près de sept semaines, Washington et Moscou avaient convenu d'un mécanisme commun. ";

const EN: &str =
    "The truce took effect at sunset on Sept. 12, the start of the Eid al-Adha holiday. \
Air strikes hit an aid convoy near Aleppo on Monday, the United Nations said, killing 20 people. \
Late on Monday, October 24, 48 women and children left eastern Aleppo through a corridor. \
Washington suspended bilateral talks with Moscow last week after more than 13 hours of talks. \
The war, which began in March 2011, has killed more than 300,000 people, a monitor said. ";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (lang, text) = match args.split_first() {
        Some((code, files)) if !files.is_empty() => {
            let lang = Lang::from_code(code).unwrap_or(Lang::Fr);
            let mut text = String::new();
            for f in files {
                match std::fs::read_to_string(f) {
                    Ok(t) => text.push_str(&t),
                    Err(e) => eprintln!("{f}: {e}"),
                }
            }
            (lang, text)
        }
        _ => {
            let mut text = String::new();
            while text.len() < 4096 {
                text.push_str(FR);
            }
            (Lang::Fr, text)
        }
    };
    let anchor = Anchor::at(NaiveDate::from_ymd_opt(2016, 9, 28).unwrap_or_default());
    for (lang, text) in [
        (lang, text.clone()),
        (Lang::En, EN.repeat(4096 / EN.len() + 1)),
    ] {
        let n = tag(&text, lang, &anchor).len(); // warm up (compiles the lexicon)
        let iters = 2000;
        let t0 = Instant::now();
        let mut found = 0;
        for _ in 0..iters {
            found += tag(&text, lang, &anchor).len();
        }
        let per = t0.elapsed() / iters;
        let t0 = Instant::now();
        for _ in 0..iters {
            std::hint::black_box(year_hint(&text, lang));
        }
        let hint = t0.elapsed() / iters;
        println!(
            "{}: {} bytes, {} expressions: tag {:?}/doc ({:.0} MB/s), year_hint {:?}/doc",
            lang.code(),
            text.len(),
            n,
            per,
            text.len() as f64 / per.as_secs_f64() / 1e6,
            hint
        );
        std::hint::black_box(found);
    }
}
