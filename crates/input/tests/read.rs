//! End-to-end tests of reading files, directories, JSONL and streams.
//! Fixtures are generated in temporary directories.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use encoding_rs::WINDOWS_1252;
use flate2::write::GzEncoder;
use flate2::Compression;
use tempfile::TempDir;
use truce_input::{
    expand, read_all, read_reader, read_source, sniff_format, Format, InputError, Options, Source,
};
use truce_model::{RawContent, RawDoc};

const SENTENCE: &str = "Le cessez-le-feu est entré en vigueur à Alep, déclaré l'armée";

const ARTICLE_FR: &str = "Syrie : la trêve globalement respectée à Alep\n\n\
    Le cessez-le-feu négocié par Moscou et Washington est entré en vigueur lundi à 19h00, \
    heure de Damas. « Aucune frappe n'a été signalée depuis minuit », a déclaré à l'AFP \
    Rami Abdel Rahmane, directeur de l'Observatoire syrien des droits de l'homme.\n";

const ARTICLE_EN: &str = "Syria truce largely holding, monitors say\n\n\
    A nationwide ceasefire brokered by the United States and Russia took effect at sunset \
    on Monday. Rebel groups said they would respect the truce but accused government forces \
    of shelling villages near Hama.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&p, bytes).unwrap();
    p
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn read_path(p: &Path) -> (Vec<RawDoc>, Vec<InputError>) {
    read_source(&Source::File(p.to_path_buf()), &Options::default())
}

fn read_one(p: &Path) -> RawDoc {
    let (docs, errs) = read_path(p);
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 1);
    docs.into_iter().next().unwrap()
}

fn read_err(p: &Path) -> String {
    let (docs, errs) = read_path(p);
    assert!(docs.is_empty(), "{docs:?}");
    assert_eq!(errs.len(), 1, "{errs:?}");
    errs[0].to_string()
}

fn text_of(d: &RawDoc) -> &str {
    match &d.content {
        RawContent::Text(t) | RawContent::Html(t) => t,
    }
}

#[test]
fn utf8_bom_text_file() {
    let dir = TempDir::new().unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(ARTICLE_FR.replace('\n', "\r\n").as_bytes());
    let p = write(dir.path(), "afp-alep.txt", &bytes);
    let d = read_one(&p);
    assert_eq!(d.id, "afp-alep");
    assert_eq!(d.origin, p.display().to_string());
    assert_eq!(d.content, RawContent::Text(ARTICLE_FR.to_string()));
    assert_eq!(d.encoding.as_deref(), Some("UTF-8"));
}

#[test]
fn utf16le_bom_text_file() {
    let dir = TempDir::new().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(ARTICLE_EN.encode_utf16().flat_map(u16::to_le_bytes));
    let p = write(dir.path(), "reuters.txt", &bytes);
    let d = read_one(&p);
    assert_eq!(text_of(&d), ARTICLE_EN);
    assert_eq!(d.encoding.as_deref(), Some("UTF-16LE"));
}

#[test]
fn windows_1252_french_sentence() {
    let dir = TempDir::new().unwrap();
    let (bytes, _, _) = WINDOWS_1252.encode(SENTENCE);
    assert!(std::str::from_utf8(&bytes).is_err());
    let p = write(dir.path(), "latin.txt", &bytes);
    let d = read_one(&p);
    assert_eq!(text_of(&d), SENTENCE);
    assert_eq!(d.encoding.as_deref(), Some("windows-1252"));
}

#[test]
fn windows_1252_article_with_typographic_quotes() {
    let dir = TempDir::new().unwrap();
    let text = ARTICLE_FR.replace("l'AFP", "l’AFP") + "Lire aussi : la trêve… déjà menacée ?\n";
    let (bytes, _, unmappable) = WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    let p = write(dir.path(), "cp1252.txt", &bytes);
    let d = read_one(&p);
    assert_eq!(text_of(&d), text);
    assert_eq!(d.encoding.as_deref(), Some("windows-1252"));
}

#[test]
fn html_with_meta_charset_iso_8859_1() {
    let dir = TempDir::new().unwrap();
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"fr\"><head>\n<meta charset=\"ISO-8859-1\">\n\
         <title>Trêve à Alep</title></head>\n<body><p>{SENTENCE}.</p></body></html>\n"
    );
    let (bytes, _, _) = WINDOWS_1252.encode(&page);
    let p = write(dir.path(), "page.htm", &bytes);
    let d = read_one(&p);
    assert_eq!(d.id, "page");
    assert_eq!(d.content, RawContent::Html(page));
    assert_eq!(d.encoding.as_deref(), Some("windows-1252"));
}

#[test]
fn html_declaring_the_wrong_charset_prefers_valid_utf8() {
    let dir = TempDir::new().unwrap();
    let page = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\
         </head><body><h1>Trêve</h1><p>{SENTENCE}.</p></body></html>"
    );
    let p = write(dir.path(), "wrong.html", page.as_bytes());
    let d = read_one(&p);
    assert_eq!(d.content, RawContent::Html(page));
    assert_eq!(d.encoding.as_deref(), Some("UTF-8"));
}

#[test]
fn gzip_text_and_stem_id_for_html_gz() {
    let dir = TempDir::new().unwrap();
    let p = write(dir.path(), "depeche.txt.gz", &gzip(ARTICLE_FR.as_bytes()));
    let d = read_one(&p);
    assert_eq!(d.id, "depeche");
    assert_eq!(d.content, RawContent::Text(ARTICLE_FR.to_string()));

    let page = "<html><body><p>Ceasefire in Aleppo.</p></body></html>";
    let p = write(dir.path(), "a.html.gz", &gzip(page.as_bytes()));
    let d = read_one(&p);
    assert_eq!(d.id, "a");
    assert_eq!(d.content, RawContent::Html(page.to_string()));
    assert_eq!(d.origin, p.display().to_string());
}

#[test]
fn gzip_is_recognised_by_content_even_without_gz_name() {
    let dir = TempDir::new().unwrap();
    let p = write(dir.path(), "plain.txt", &gzip(ARTICLE_EN.as_bytes()));
    assert_eq!(text_of(&read_one(&p)), ARTICLE_EN);
}

#[test]
fn truncated_gzip_is_reported_and_skipped() {
    let dir = TempDir::new().unwrap();
    let full = gzip(ARTICLE_FR.repeat(50).as_bytes());
    // Cut in the middle of the deflate data, just before the trailer, and in the header.
    for (i, cut) in [full.len() / 2, full.len() - 8, 6].into_iter().enumerate() {
        let p = write(dir.path(), &format!("cut{i}.txt.gz"), &full[..cut]);
        let msg = read_err(&p);
        assert_eq!(
            msg,
            format!("{}: truncated gzip stream", p.display()),
            "cut at {cut}"
        );
    }
}

#[test]
fn corrupt_gzip_is_reported() {
    let dir = TempDir::new().unwrap();
    let mut bytes = gzip(ARTICLE_FR.as_bytes());
    let n = bytes.len();
    for b in &mut bytes[12..n - 8] {
        *b ^= 0x5A;
    }
    let p = write(dir.path(), "corrupt.txt.gz", &bytes);
    let msg = read_err(&p);
    assert!(msg.contains(": corrupt gzip stream: "), "{msg}");
}

#[test]
fn empty_and_whitespace_files() {
    let dir = TempDir::new().unwrap();
    let p = write(dir.path(), "empty.txt", b"");
    assert_eq!(read_err(&p), format!("{}: empty file", p.display()));
    let p = write(dir.path(), "blank.html", b"\n\n   \r\n");
    assert_eq!(read_err(&p), format!("{}: empty file", p.display()));
    let p = write(dir.path(), "empty.txt.gz", &gzip(b""));
    assert_eq!(read_err(&p), format!("{}: empty file", p.display()));
}

#[test]
fn binary_junk_is_rejected() {
    let dir = TempDir::new().unwrap();
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let junk: Vec<u8> = (0..50_000)
        .map(|_| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect();
    let p = write(dir.path(), "junk.txt", &junk);
    let msg = read_err(&p);
    assert!(
        msg.starts_with(&format!("{}: binary data, not text (", p.display())),
        "{msg}"
    );

    let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
    png.extend_from_slice(&junk[..200]);
    let p = write(dir.path(), "photo.html", &png);
    assert_eq!(
        read_err(&p),
        format!("{}: binary data, not text (PNG image)", p.display())
    );
}

#[test]
fn fifty_megabyte_file_is_read_and_cap_is_enforced() {
    let dir = TempDir::new().unwrap();
    let para = format!("{ARTICLE_FR}\n{ARTICLE_EN}\n");
    let size = 50 * 1024 * 1024;
    let mut content = para.repeat(size / para.len() + 1);
    let mut cut = size;
    while !content.is_char_boundary(cut) {
        cut -= 1;
    }
    content.truncate(cut);
    let p = write(dir.path(), "big.txt", content.as_bytes());

    let t = Instant::now();
    let d = read_one(&p);
    let elapsed = t.elapsed();
    eprintln!("read 50 MB text file in {elapsed:?}");
    assert_eq!(text_of(&d).len(), content.len());
    assert!(text_of(&d).ends_with(&content[content.len() - 100..]));
    assert_eq!(d.encoding.as_deref(), Some("UTF-8"));

    let small = Options { max_bytes: 1 << 20 };
    let (docs, errs) = read_source(&Source::File(p.clone()), &small);
    assert!(docs.is_empty());
    assert_eq!(
        errs[0].to_string(),
        format!(
            "{}: too large ({} bytes > 1048576)",
            p.display(),
            content.len()
        )
    );
}

#[test]
fn gzip_bomb_stops_at_the_cap() {
    let dir = TempDir::new().unwrap();
    let bomb = gzip(&vec![b'a'; 30 * 1024 * 1024]);
    assert!(bomb.len() < 100_000);
    let p = write(dir.path(), "bomb.txt.gz", &bomb);
    let opts = Options { max_bytes: 1 << 20 };
    let t = Instant::now();
    let (docs, errs) = read_source(&Source::File(p.clone()), &opts);
    assert!(t.elapsed().as_secs() < 5);
    assert!(docs.is_empty());
    assert_eq!(
        errs[0].to_string(),
        format!(
            "{}: too large (more than 1048576 bytes of data > 1048576)",
            p.display()
        )
    );
}

fn jsonl_fixture() -> String {
    let good1 = serde_json::json!({
        "id": "fr-001", "text": ARTICLE_FR, "url": "https://news.example.invalid/1",
        "published": "2016-09-12T19:00:00+03:00", "title": "Trêve à Alep",
        "outlet": "AFP", "lang": "fr"
    });
    let good2 = serde_json::json!({"id": "en-002", "html": format!("<p>{ARTICLE_EN}</p>")});
    let good3 = serde_json::json!({"id": "en-003", "text": ARTICLE_EN, "published": "2016-09-13"});
    format!("{good1}\n\n{good2}\n{{\"id\": \"broken\", \"text\": \"Le cessez-le\n{good3}\n")
}

#[test]
fn jsonl_with_a_broken_line_keeps_the_others() {
    let dir = TempDir::new().unwrap();
    let p = write(dir.path(), "records.jsonl", jsonl_fixture().as_bytes());
    let (docs, errs) = read_path(&p);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["fr-001", "en-002", "en-003"]);
    let origins: Vec<String> = docs.iter().map(|d| d.origin.clone()).collect();
    let base = p.display().to_string();
    assert_eq!(
        origins,
        [
            format!("{base}:1"),
            format!("{base}:3"),
            format!("{base}:5")
        ]
    );
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].origin, format!("{base}:4"));
    assert!(errs[0].reason.starts_with("invalid JSON: "), "{}", errs[0]);

    let d = &docs[0];
    assert_eq!(d.content, RawContent::Text(ARTICLE_FR.to_string()));
    assert_eq!(d.published.as_deref(), Some("2016-09-12T19:00:00+03:00"));
    assert_eq!(d.title.as_deref(), Some("Trêve à Alep"));
    assert_eq!(d.outlet.as_deref(), Some("AFP"));
    assert_eq!(d.lang.as_deref(), Some("fr"));
    assert_eq!(d.url.as_deref(), Some("https://news.example.invalid/1"));
    assert!(matches!(docs[1].content, RawContent::Html(_)));
}

#[test]
fn jsonl_records_missing_fields_are_reported() {
    let dir = TempDir::new().unwrap();
    let input = "{\"text\": \"Sans identifiant\"}\n{\"id\": \"no-body\", \"title\": \"Trêve\"}\n\
        {\"id\": \"ok\", \"text\": \"Truce holds.\"}\n";
    let p = write(dir.path(), "partial.jsonl", input.as_bytes());
    let (docs, errs) = read_path(&p);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "ok");
    let base = p.display();
    assert_eq!(
        errs[0].to_string(),
        format!("{base}:1: record has no \"id\"")
    );
    assert_eq!(
        errs[1].to_string(),
        format!(
            "{base}:2: record \"no-body\" has neither \"text\" nor \"html\" (or both are empty)"
        )
    );
}

#[test]
fn jsonl_gz_and_truncated_jsonl_gz() {
    let dir = TempDir::new().unwrap();
    let fixture = jsonl_fixture();
    let p = write(dir.path(), "x.jsonl.gz", &gzip(fixture.as_bytes()));
    let (docs, errs) = read_path(&p);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0].origin, format!("{}:1", p.display()));
    assert_eq!(errs.len(), 1);

    // Many records, cut in the middle: the complete records before the cut are kept.
    let many: String = (0..2000)
        .map(|i| {
            format!(
                "{}\n",
                serde_json::json!({"id": format!("r{i}"), "text": ARTICLE_EN})
            )
        })
        .collect();
    let full = gzip(many.as_bytes());
    let p = write(dir.path(), "cut.jsonl.gz", &full[..full.len() / 2]);
    let (docs, errs) = read_path(&p);
    assert!(docs.len() > 10 && docs.len() < 2000, "{}", docs.len());
    for (i, d) in docs.iter().enumerate() {
        assert_eq!(d.id, format!("r{i}"));
    }
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].reason, "truncated gzip stream");
    assert_eq!(
        errs[0].origin,
        format!("{}:{}", p.display(), docs.len() + 1)
    );
}

#[test]
fn directory_walk_is_sorted_recursive_and_filtered() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    for name in [
        "b/2.txt",
        "b/10.html",
        "a.html.gz",
        "A.txt",
        "c.jsonl",
        "notes.md",
        "image.png",
        ".hidden.txt",
        ".git/objects.txt",
        "b/sub/deep.htm",
        "b/sub/archive.tar.gz",
        "z.TXT",
    ] {
        write(root, name, b"x");
    }
    let explicit = write(root, "README", b"readme");
    let (sources, errs) = expand(&[
        root.to_path_buf(),
        explicit.clone(),
        PathBuf::from("-"),
        root.join("missing.txt"),
    ]);
    let rel: Vec<String> = sources
        .iter()
        .map(|s| match s {
            Source::File(p) => p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/"),
            Source::Stdin => "-".into(),
        })
        .collect();
    assert_eq!(
        rel,
        [
            "A.txt",
            "a.html.gz",
            "b/10.html",
            "b/2.txt",
            "b/sub/deep.htm",
            "c.jsonl",
            "z.TXT",
            "README",
            "-"
        ]
    );
    assert_eq!(errs.len(), 1);
    assert_eq!(
        errs[0].to_string(),
        format!(
            "{}: No such file or directory",
            root.join("missing.txt").display()
        )
    );
    // Deterministic: a second expansion gives the same list.
    assert_eq!(
        expand(&[root.to_path_buf()]).0,
        expand(&[root.to_path_buf()]).0
    );
}

#[cfg(unix)]
#[test]
fn symlink_cycles_do_not_loop() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "d/a.txt", b"Truce.");
    std::os::unix::fs::symlink(dir.path().join("d"), dir.path().join("d/loop")).unwrap();
    let (sources, errs) = expand(&[dir.path().to_path_buf()]);
    assert_eq!(sources, [Source::File(dir.path().join("d/a.txt"))]);
    assert!(errs.is_empty());
}

#[test]
fn explicit_unknown_extension_is_read_as_text_if_it_decodes() {
    let dir = TempDir::new().unwrap();
    let p = write(dir.path(), "depeche.md", ARTICLE_FR.as_bytes());
    let d = read_one(&p);
    assert_eq!(d.id, "depeche");
    assert_eq!(d.content, RawContent::Text(ARTICLE_FR.to_string()));
    let p = write(
        dir.path(),
        "blob.bin",
        b"\x00\x01\x02\x03\x04\x05\x06\x07abc",
    );
    assert!(read_err(&p).contains("binary data, not text"));
}

#[test]
fn directory_as_file_source_is_an_error() {
    let dir = TempDir::new().unwrap();
    let msg = read_err(dir.path());
    assert_eq!(msg, format!("{}: is a directory", dir.path().display()));
}

#[test]
fn read_all_goes_on_after_errors_in_order() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    write(root, "in/1.txt", ARTICLE_FR.as_bytes());
    write(root, "in/2.txt", b"");
    write(root, "in/3.jsonl", jsonl_fixture().as_bytes());
    write(root, "in/4.html", b"<p>Truce</p>");
    let out: Vec<String> = read_all(
        &[root.join("nope"), root.join("in"), root.join("nope.txt")],
        &Options::default(),
    )
    .map(|r| match r {
        Ok(d) => format!("doc {}", d.id),
        Err(e) => format!(
            "err {}",
            e.to_string().replace(&root.display().to_string(), "")
        ),
    })
    .collect();
    assert_eq!(
        out,
        [
            "err /nope: No such file or directory",
            "doc 1",
            "err /in/2.txt: empty file",
            "doc fr-001",
            "doc en-002",
            &out[5], // the broken JSONL line, checked below
            "doc en-003",
            "doc 4",
            "err /nope.txt: No such file or directory",
        ]
    );
    assert!(out[5].starts_with("err /in/3.jsonl:4: invalid JSON: "));
}

#[test]
fn stream_sniffing() {
    let opts = Options::default();
    let read = |bytes: &[u8]| -> Vec<Result<RawDoc, InputError>> {
        read_reader(bytes, "-", "stdin", None, &opts).collect()
    };

    // JSONL after blank lines: line numbers count from the start of the stream.
    let input = format!("\n  \n{}", jsonl_fixture());
    let items = read(input.as_bytes());
    assert_eq!(items.len(), 4);
    let first = items[0].as_ref().unwrap();
    assert_eq!(
        (first.id.as_str(), first.origin.as_str()),
        ("fr-001", "-:3")
    );
    assert_eq!(items[3].as_ref().unwrap().origin, "-:7");
    assert_eq!(items[2].as_ref().unwrap_err().origin, "-:6");

    // HTML: starts with '<', or contains <html after some junk.
    let items = read(b"  <!doctype html><p>Cessez-le-feu</p>");
    let d = items[0].as_ref().unwrap();
    assert_eq!(
        d.content,
        RawContent::Html("  <!doctype html><p>Cessez-le-feu</p>".into())
    );
    assert_eq!((d.id.as_str(), d.origin.as_str()), ("stdin", "-"));
    let items = read(b"saved page\n<HTML><body>x</body></HTML>");
    assert!(matches!(
        items[0].as_ref().unwrap().content,
        RawContent::Html(_)
    ));

    // Plain text, including text whose first line is JSON but not an object.
    let items = read(ARTICLE_EN.as_bytes());
    assert_eq!(
        items[0].as_ref().unwrap().content,
        RawContent::Text(ARTICLE_EN.into())
    );
    let items = read(b"[1, 2]\nA list, then text.");
    assert!(matches!(
        items[0].as_ref().unwrap().content,
        RawContent::Text(_)
    ));

    // Gzipped JSONL on a stream.
    let items = read(&gzip(jsonl_fixture().as_bytes()));
    assert_eq!(items.iter().filter(|r| r.is_ok()).count(), 3);

    // Latin-1 HTML on a stream uses its meta charset.
    let (page, _, _) = WINDOWS_1252
        .encode("<html><head><meta charset=iso-8859-1></head><body>Trêve</body></html>");
    let items = read(&page);
    let d = items[0].as_ref().unwrap();
    assert!(text_of(d).contains("Trêve"));
    assert_eq!(d.encoding.as_deref(), Some("windows-1252"));

    // UTF-16 JSONL with a BOM.
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        "{\"id\":\"u16\",\"text\":\"Trêve\"}\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let items = read(&bytes);
    let d = items[0].as_ref().unwrap();
    assert_eq!(d.id, "u16");
    assert_eq!(d.origin, "-:1");
    assert_eq!(d.encoding.as_deref(), Some("UTF-16LE"));

    // Empty stream.
    let items = read(b"");
    assert_eq!(items[0].as_ref().unwrap_err().to_string(), "-: empty file");
}

#[test]
fn explicit_format_overrides_sniffing() {
    let items: Vec<_> = read_reader(
        &b"<p>not html for this reader</p>"[..],
        "note",
        "note",
        Some(Format::Text),
        &Options::default(),
    )
    .collect();
    assert!(matches!(
        items[0].as_ref().unwrap().content,
        RawContent::Text(_)
    ));
}

#[test]
fn sniff_format_rules() {
    assert_eq!(sniff_format("\n{\"id\":1}\n"), Format::Jsonl);
    assert_eq!(sniff_format("{not json"), Format::Text);
    assert_eq!(sniff_format("<div>x</div>"), Format::Html);
    assert_eq!(sniff_format("Title\n<html>"), Format::Html);
    assert_eq!(sniff_format("Le cessez-le-feu < 24 h"), Format::Text);
}

#[test]
fn default_cap_is_64_mib() {
    assert_eq!(Options::default().max_bytes, 64 * 1024 * 1024);
}

/// Real inputs from the shared data set, when present.
#[test]
fn shared_data_reads_without_errors() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if !shared.is_dir() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let paths = [
        shared.join("seeds"),
        shared.join("dev/articles.jsonl"),
        shared.join("data/html"),
    ];
    let mut docs = 0;
    for r in read_all(&paths, &Options::default()) {
        let d = r.unwrap_or_else(|e| panic!("{e}"));
        assert!(!text_of(&d).trim().is_empty());
        assert!(!text_of(&d).contains('\r'));
        assert!(!d.id.is_empty());
        docs += 1;
    }
    assert!(docs >= 5 + 24 + 6, "{docs}");
    // The benchmark pages: every one decodes to non-empty HTML.
    let bench = shared.join("bench/zyte");
    if bench.is_dir() {
        let (sources, errs) = expand(&[bench]);
        assert!(errs.is_empty());
        let mut n = 0;
        for s in &sources {
            let (docs, errs) = read_source(s, &Options::default());
            assert!(errs.is_empty(), "{errs:?}");
            n += docs.len();
        }
        assert!(n >= 100, "{n}");
    }
}

#[test]
fn unbounded_cap_does_not_overflow() {
    let opts = Options {
        max_bytes: u64::MAX,
    };
    let items: Vec<_> = read_reader(ARTICLE_EN.as_bytes(), "-", "stdin", None, &opts).collect();
    assert_eq!(text_of(items[0].as_ref().unwrap()), ARTICLE_EN);
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        "{\"id\":\"a\",\"text\":\"b\"}"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let items: Vec<_> = read_reader(&bytes[..], "x", "x", Some(Format::Jsonl), &opts).collect();
    assert_eq!(items[0].as_ref().unwrap().id, "a");
}

#[test]
fn jsonl_file_with_bom_crlf_and_an_overlong_line() {
    let dir = TempDir::new().unwrap();
    let long = serde_json::json!({"id": "long", "text": "trêve ".repeat(400)}).to_string();
    let input = format!(
        "\u{FEFF}{{\"id\":\"first\",\"text\":\"Trêve.\"}}\r\n{long}\r\n{{\"id\":\"last\",\"text\":\"Fin.\"}}\r\n"
    );
    let p = write(dir.path(), "crlf.jsonl", input.as_bytes());
    let opts = Options { max_bytes: 1000 };
    let (docs, errs) = read_source(&Source::File(p.clone()), &opts);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["first", "last"]);
    assert_eq!(docs[0].content, RawContent::Text("Trêve.".into()));
    assert_eq!(
        errs[0].to_string(),
        format!(
            "{}:2: too large ({} bytes > 1000)",
            p.display(),
            long.len() + 1
        )
    );
}
