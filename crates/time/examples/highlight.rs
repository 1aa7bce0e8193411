//! Print a text from standard input with its time expressions in brackets.
//!
//! `cargo run -p truce-time --example highlight -- en 2016-10-25 < article.txt`

use std::io::{Read, Write};
use truce_time::{parse_published, tag, Anchor, Lang};

fn main() {
    let mut args = std::env::args().skip(1);
    let lang = args
        .next()
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or(Lang::Fr);
    let anchor = Anchor {
        reference: args.next().and_then(|s| parse_published(&s)),
        year_hint: None,
    };
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("cannot read standard input: {e}");
        std::process::exit(1);
    }
    let mut out = String::with_capacity(text.len() * 2);
    let mut last = 0;
    for t in tag(&text, lang, &anchor) {
        out.push_str(&text[last..t.span.start]);
        let v = t.value.as_ref().map_or("-", |v| v.value.as_str());
        out.push_str(&format!("[{}|{v}]", t.span.slice(&text)));
        last = t.span.end;
    }
    out.push_str(&text[last..]);
    // Ignore a closed pipe (`| head`).
    let _ = writeln!(std::io::stdout().lock(), "{out}");
}
