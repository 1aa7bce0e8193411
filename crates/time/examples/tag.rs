//! Tag a text from standard input and print the expressions found.
//!
//! `cargo run -p truce-time --example tag -- fr 2016-09-28 < article.txt`
//! (the reference date is optional).

use std::io::{Read, Write};
use truce_time::{parse_published, tag, year_hint, Anchor, Lang};

fn main() {
    let mut args = std::env::args().skip(1);
    let lang = args
        .next()
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or(Lang::Fr);
    let reference = args.next().and_then(|s| parse_published(&s));
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("cannot read standard input: {e}");
        std::process::exit(1);
    }
    let anchor = Anchor {
        reference,
        year_hint: if reference.is_none() {
            year_hint(&text, lang)
        } else {
            None
        },
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "anchor: {anchor:?}");
    for t in tag(&text, lang, &anchor) {
        let v = t.value.as_ref().map_or("-", |v| v.value.as_str());
        let approx = if t.approximate { " ~" } else { "" };
        // Stop quietly on a closed pipe (`| head`).
        let line = writeln!(
            out,
            "{:>6}..{:<6} {:<9} {:<10}{} {:?}",
            t.span.start,
            t.span.end,
            format!("{:?}", t.kind),
            v,
            approx,
            t.span.slice(&text)
        );
        if line.is_err() {
            break;
        }
    }
}
