//! Print the stems truce matches triggers on: `cargo run -p truce-lexicon --example stem -- fr suspendu suspendre`.
use truce_lexicon::{Lang, Lexicon};

fn main() {
    let mut args = std::env::args().skip(1);
    let lang = match args.next().as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Fr,
    };
    let lx = Lexicon::embedded(lang);
    for w in args {
        let f = truce_text::fold(&w);
        println!("{w}\t{f}\t{}", lx.stem(&f));
    }
}
