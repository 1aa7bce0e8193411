//! Bad, odd and huge inputs: each bad file is reported on stderr as
//! `truce: PATH: reason` and skipped, the good files beside it are still
//! processed, and the exit status is 1 when any input failed.

use crate::fixtures::{record, AFP_ALEP, FR_STRIKE, LATIN1_FR};
use crate::support::{doc_order, gzip_stored, of_type, tmp, truce, windows_1252, write};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::Path;

/// Deterministic pseudo-random bytes (xorshift64*).
fn random_bytes(n: usize, mut seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        out.extend_from_slice(&seed.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(n);
    out
}

/// The first bytes of a PNG file: signature and the start of an IHDR chunk.
const PNG_HEAD: &[u8] =
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00\x00\x00\x00\xc8\x08\x06\x00\x00\x00";

/// Assert that `good` (written from `FR_STRIKE`) produced its air-strike event.
#[track_caller]
fn assert_good_strike(events: &[Value], doc: &str) {
    let hits: Vec<_> = of_type(events, "ASSAULT")
        .into_iter()
        .filter(|e| e["doc"] == doc)
        .collect();
    assert!(
        hits.iter()
            .any(|e| e["source"] == "RUS/MIL" && e["place"]["country"] == "SYR"),
        "no RUS/MIL ASSAULT in Syria for {doc}: {events:#?}"
    );
}

fn good(dir: &Path) {
    write(dir, "good.txt", FR_STRIKE);
}

#[test]
fn empty_file_is_reported_and_skipped() {
    let d = tmp();
    write(d.path(), "empty.txt", "");
    write(d.path(), "blank.txt", "  \n\n\t\n");
    good(d.path());
    let r = truce(d.path(), ["extract", "empty.txt", "good.txt", "blank.txt"]);
    r.assert_code(1)
        .assert_reported("empty.txt", "empty")
        .assert_reported("blank.txt", "empty");
    assert_good_strike(&r.json_lines(), "good");
}

#[test]
fn random_bytes_are_reported_as_binary() {
    let d = tmp();
    write(d.path(), "junk.txt", random_bytes(4096, 0x5EED));
    good(d.path());
    let r = truce(d.path(), ["extract", "junk.txt", "good.txt"]);
    r.assert_code(1).assert_reported("junk.txt", "binary");
    assert_good_strike(&r.json_lines(), "good");
}

#[test]
fn png_is_reported_as_binary_whatever_its_extension() {
    let d = tmp();
    let mut png = PNG_HEAD.to_vec();
    png.extend(random_bytes(2048, 7));
    write(d.path(), "photo.png", &png);
    write(d.path(), "page.html", &png);
    write(d.path(), "dispatch.txt", &png);
    good(d.path());
    let r = truce(
        d.path(),
        [
            "clean",
            "photo.png",
            "page.html",
            "good.txt",
            "dispatch.txt",
        ],
    );
    r.assert_code(1);
    for f in ["photo.png", "page.html", "dispatch.txt"] {
        r.assert_reported(f, "PNG");
    }
    assert_eq!(doc_order(&r.json_lines()), ["good"], "{}", r.dump());
}

/// UTF-8 text with `stray` inserted in the middle of a sentence.
fn with_stray_bytes(before: &str, stray: &[u8], after: &str) -> Vec<u8> {
    let mut bytes = before.as_bytes().to_vec();
    bytes.extend_from_slice(stray);
    bytes.extend_from_slice(after.as_bytes());
    bytes
}

#[track_caller]
fn assert_stray_bytes_tolerated(bytes: &[u8], keep: &[&str]) {
    let d = tmp();
    write(d.path(), "stray.txt", bytes);
    let r = truce(d.path(), ["clean", "stray.txt"]);
    r.assert_code(0);
    assert_eq!(r.diagnostics(), Vec::<&str>::new(), "{}", r.dump());
    let docs = r.json_lines();
    let body = docs[0]["body"].as_str().unwrap_or_default();
    for k in keep {
        assert!(body.contains(k), "{k:?} not in {body:?}");
    }
    assert!(!body.contains('Ã'), "UTF-8 decoded as Latin-1: {body}");

    let r = truce(d.path(), ["extract", "stray.txt"]);
    r.assert_code(0);
    assert!(
        !of_type(&r.json_lines(), "ASSAULT").is_empty(),
        "{}",
        r.dump()
    );
}

#[test]
fn invalid_utf8_bytes_do_not_lose_the_text() {
    // A UTF-8 dispatch with two stray bytes (a bad copy-paste): the file is
    // read, and the accented words around them stay intact.
    let bytes = with_stray_bytes(
        "L'aviation russe a bombardé mardi la ville d'Alep, ",
        b"\xff\xfe ",
        "a annoncé l'Observatoire syrien des droits de l'homme, qui fait état de six morts \
         et de plusieurs blessés évacués vers l'hôpital.\n",
    );
    assert_stray_bytes_tolerated(
        &bytes,
        &["bombardé mardi", "blessés évacués vers l'hôpital"],
    );
}

/// The same with as many stray bytes as accented letters: the reader then
/// decodes the whole file as windows-1252 ("bombardÃ©"), and the cleaner
/// drops the garbled text ("no article text found").
#[test]
#[ignore = "BUG in truce-input: a tie between valid multibyte UTF-8 and invalid bytes gives mojibake"]
fn invalid_utf8_bytes_as_many_as_accents() {
    let bytes = with_stray_bytes(
        "L'aviation russe a bombardé mardi la ville d'Alep ",
        b"\xff\xfe ",
        "selon l'Observatoire syrien des droits de l'homme, qui fait état de six morts.\n",
    );
    assert_stray_bytes_tolerated(&bytes, &["bombardé mardi", "fait état de six morts"]);
}

#[test]
fn windows_1252_french_is_decoded() {
    let d = tmp();
    write(d.path(), "cp1252.txt", windows_1252(LATIN1_FR));
    let r = truce(d.path(), ["clean", "cp1252.txt"]);
    r.assert_code(0).assert_not_reported("cp1252.txt");
    let doc = &r.json_lines()[0];
    assert_eq!(doc["title"], "Syrie : reprise des bombardements à Alep");
    let body = doc["body"].as_str().unwrap_or_default();
    for word in [
        "L’armée syrienne a bombardé",
        "Au cœur de la ville",
        "frontière turque",
    ] {
        assert!(body.contains(word), "{word:?} not in {body:?}");
    }
    assert!(!body.contains('\u{FFFD}'), "{body}");

    let r = truce(d.path(), ["extract", "cp1252.txt"]);
    r.assert_code(0);
    let events = r.json_lines();
    let assaults = of_type(&events, "ASSAULT");
    assert!(
        assaults.iter().any(|e| {
            let ev = e["evidence"].as_str().unwrap_or_default();
            (ev.contains("bombardé") || ev.contains("bombardements")) && ev.contains("Alep")
        }),
        "accented evidence expected: {events:#?}"
    );
}

#[test]
fn windows_1252_html_with_meta_charset_is_decoded() {
    let d = tmp();
    let page = format!(
        "<html><head><meta charset=\"windows-1252\"><title>Trêve à Alep</title></head>\
         <body><article><p>{}</p></article></body></html>",
        "Des frappes aériennes russes ont visé mardi la ville d’Alep, selon l’Observatoire syrien des droits de l’homme, qui fait état de six morts parmi les civils."
    );
    write(d.path(), "page.htm", windows_1252(&page));
    let r = truce(d.path(), ["clean", "page.htm"]);
    r.assert_code(0);
    let body = r.json_lines()[0]["body"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(body.contains("frappes aériennes russes ont visé"), "{body}");
    assert!(body.contains("d’Alep"), "{body}");
}

#[test]
fn truncated_gzip_is_reported_and_skipped() {
    let d = tmp();
    let gz = gzip_stored(AFP_ALEP.as_bytes());
    write(d.path(), "whole.txt.gz", &gz);
    write(d.path(), "cut.txt.gz", &gz[..gz.len() / 2]);
    write(d.path(), "header-only.txt.gz", &gz[..10]);
    let r = truce(
        d.path(),
        ["clean", "cut.txt.gz", "whole.txt.gz", "header-only.txt.gz"],
    );
    r.assert_code(1)
        .assert_reported("cut.txt.gz", "truncated")
        .assert_reported("header-only.txt.gz", "truncated")
        .assert_not_reported("whole.txt.gz");
    let docs = r.json_lines();
    // the document id is the file stem without `.txt.gz`
    assert_eq!(doc_order(&docs), ["whole"], "{}", r.dump());
    assert!(docs[0]["body"]
        .as_str()
        .unwrap_or_default()
        .contains("L'armée syrienne a bombardé mardi"));
}

#[test]
fn gz_suffix_on_plain_text_is_read_by_content() {
    // Formats are recognised from the bytes: a `.gz` name on plain text
    // does not make it unreadable.
    let d = tmp();
    write(d.path(), "plain.txt.gz", AFP_ALEP);
    let r = truce(d.path(), ["clean", "plain.txt.gz"]);
    r.assert_code(0);
    let docs = r.json_lines();
    assert_eq!(doc_order(&docs), ["plain"]);
    assert!(docs[0]["body"]
        .as_str()
        .unwrap_or_default()
        .contains("Moscou a de son côté accusé"));
}

/// French paragraphs, varied so that they are not removed as repeats.
fn big_text(bytes: usize) -> String {
    const CITIES: &[&str] = &[
        "Alep",
        "Homs",
        "Idleb",
        "Deraa",
        "Hama",
        "Lattaquié",
        "Damas",
    ];
    const VERBS: &[&str] = &[
        "L'aviation russe a mené des frappes sur",
        "Des obus de mortier sont tombés sur",
        "Les rebelles ont attaqué des positions gouvernementales près de",
        "Le régime a bombardé",
    ];
    let mut s = String::with_capacity(bytes + 512);
    s.push_str("Syrie : chronique de la trêve, jour après jour\n\n");
    let mut n = 0usize;
    while s.len() < bytes {
        n += 1;
        // writing to a String cannot fail
        let _ = write!(
            s,
            "{} {} le {} septembre, a rapporté l'Observatoire syrien des droits de l'homme, \
             qui fait état de {} morts dans ce bilan numéro {}.\n\n",
            VERBS[n % VERBS.len()],
            CITIES[n % CITIES.len()],
            n % 28 + 1,
            n % 17 + 2,
            n
        );
    }
    s
}

fn huge_file_completes(mb: usize) {
    let d = tmp();
    write(d.path(), "big.txt", big_text(mb * 1_000_000));
    good(d.path());
    let r = truce(d.path(), ["extract", "big.txt", "good.txt"]);
    r.assert_code(0);
    let events = r.json_lines();
    assert!(
        events.iter().any(|e| e["doc"] == "big"),
        "no event from the big file: {}",
        r.dump()
    );
    assert_good_strike(&events, "good");
    // diagnostics (e.g. "only the first N paragraphs are cleaned") may name
    // the big file, nothing else
    for l in r.diagnostics() {
        assert!(
            l.starts_with("truce: big:") || l.starts_with("truce: big.txt:"),
            "{l}"
        );
    }
}

#[test]
fn five_megabyte_text_file_completes() {
    huge_file_completes(5);
}

/// About 35 s in a debug build (the unoptimised cleaner handles some 200 KB/s;
/// the 5 MB file takes about 20 s): run with `cargo test -p truce --test cli -- --ignored`.
#[test]
#[ignore = "slow in debug builds (> 20 s); the 5 MB variant runs by default"]
fn fifty_megabyte_text_file_completes() {
    huge_file_completes(50);
}

#[test]
fn file_over_max_bytes_is_reported() {
    let d = tmp();
    write(d.path(), "long.txt", AFP_ALEP);
    good(d.path());
    let r = truce(
        d.path(),
        ["extract", "--max-bytes", "400", "long.txt", "good.txt"],
    );
    r.assert_code(1).assert_reported("long.txt", "too large");
    assert_good_strike(&r.json_lines(), "good");
}

#[test]
fn html_nested_ten_thousand_levels_deep() {
    let d = tmp();
    let depth = 10_000;
    let para = format!("<p>{FR_STRIKE}</p>");
    let closed = format!(
        "<html><body>{}{para}{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    // never closed, and mixing inline and block elements
    let unclosed = format!(
        "<html><body>{}{para}</body></html>",
        "<div><span><b>".repeat(depth / 3 + 1)
    );
    write(d.path(), "closed.html", closed);
    write(d.path(), "unclosed.html", unclosed);
    let r = truce(d.path(), ["extract", "closed.html", "unclosed.html"]);
    r.assert_code(0);
    let events = r.json_lines();
    assert_good_strike(&events, "closed");
    assert_good_strike(&events, "unclosed");
}

#[test]
fn jsonl_with_broken_lines_keeps_the_good_records() {
    let d = tmp();
    let lines = [
        record("r1", FR_STRIKE, Some("2016-09-21")),
        r#"{"id": "r2", "text": "Le cessez-le-feu est entré en vig"#.to_string(),
        record("r3", crate::fixtures::FR_SENTENCES[1], None),
        r#"{"text": "Un document sans identifiant sur les frappes à Alep."}"#.to_string(),
        String::new(),
        r#"{"id": "r6", "title": "Sans texte"}"#.to_string(),
        record("r7", crate::fixtures::FR_SENTENCES[2], None),
    ];
    write(d.path(), "batch.jsonl", lines.join("\n") + "\n");
    let r = truce(d.path(), ["clean", "batch.jsonl"]);
    r.assert_code(1)
        .assert_reported("batch.jsonl:2", "JSON")
        .assert_reported("batch.jsonl:4", "id")
        .assert_reported("batch.jsonl:6", "text")
        .assert_not_reported("batch.jsonl:5");
    assert_eq!(r.diagnostics().len(), 3, "{}", r.dump());
    assert_eq!(doc_order(&r.json_lines()), ["r1", "r3", "r7"]);

    let r = truce(d.path(), ["extract", "batch.jsonl"]);
    r.assert_code(1);
    let events = r.json_lines();
    assert_good_strike(&events, "r1");
    assert!(events
        .iter()
        .any(|e| e["doc"] == "r3" && e["type"] == "REQUEST"));
    assert!(events
        .iter()
        .any(|e| e["doc"] == "r7" && e["type"] == "AGREE"));
}

#[test]
fn nonexistent_path_is_reported() {
    let d = tmp();
    good(d.path());
    let r = truce(d.path(), ["extract", "missing.txt", "good.txt", "nowhere/"]);
    r.assert_code(1)
        .assert_reported("missing.txt", "No such file")
        .assert_reported("nowhere/", "No such file");
    assert_good_strike(&r.json_lines(), "good");
}

#[test]
fn all_inputs_bad_gives_status_1_and_no_output() {
    let d = tmp();
    write(d.path(), "empty.txt", "");
    let r = truce(d.path(), ["extract", "empty.txt", "missing.txt"]);
    r.assert_code(1);
    assert_eq!(r.stdout, "", "{}", r.dump());
    assert_eq!(r.diagnostics().len(), 2, "{}", r.dump());
}

#[test]
fn directory_mixing_good_and_bad_files() {
    let d = tmp();
    let root = d.path();
    write(root, "news/b_second.txt", crate::fixtures::FR_SENTENCES[1]);
    write(root, "news/a_first.txt", FR_STRIKE);
    write(root, "news/c_empty.txt", "");
    write(root, "news/d_junk.txt", random_bytes(3000, 42));
    write(
        root,
        "news/sub/e_page.html",
        format!("<html><body><p>{FR_STRIKE}</p></body></html>"),
    );
    write(
        root,
        "news/sub/f_zipped.txt.gz",
        gzip_stored(crate::fixtures::FR_SENTENCES[2].as_bytes()),
    );
    write(
        root,
        "news/sub/g_cut.txt.gz",
        &gzip_stored(AFP_ALEP.as_bytes())[..200],
    );
    write(
        root,
        "news/h_batch.jsonl",
        [
            record("h1", crate::fixtures::FR_SENTENCES[3], None),
            "{broken".to_string(),
            record("h3", FR_STRIKE, None),
        ]
        .join("\n"),
    );
    // files that are not articles are left alone, without a diagnostic
    write(root, "news/photo.png", PNG_HEAD);
    write(root, "news/README", "notes de la rédaction");

    let r = truce(root, ["clean", "news"]);
    r.assert_code(1);
    // inputs in path order (directories walked recursively, entries sorted),
    // documents in input order
    assert_eq!(
        doc_order(&r.json_lines()),
        ["a_first", "b_second", "h1", "h3", "e_page", "f_zipped"],
        "{}",
        r.dump()
    );
    let diags: Vec<String> = r
        .diagnostics()
        .iter()
        .map(|l| l.split(": ").take(2).collect::<Vec<_>>().join(": "))
        .collect();
    assert_eq!(
        diags,
        [
            "truce: news/c_empty.txt",
            "truce: news/d_junk.txt",
            "truce: news/h_batch.jsonl:2",
            "truce: news/sub/g_cut.txt.gz",
        ],
        "{}",
        r.dump()
    );
    r.assert_not_reported("news/photo.png")
        .assert_not_reported("news/README");

    // the same, twice: byte-identical, both streams
    let again = truce(root, ["clean", "news"]);
    assert_eq!(r.stdout, again.stdout);
    assert_eq!(r.diagnostics(), again.diagnostics());

    // and the events of the good files are printed
    let r = truce(root, ["extract", "news"]);
    r.assert_code(1);
    let events = r.json_lines();
    for doc in ["a_first", "h3", "e_page"] {
        assert_good_strike(&events, doc);
    }
}
