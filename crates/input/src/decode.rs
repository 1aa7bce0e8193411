//! Character-set detection and decoding of raw bytes to normalised UTF-8 text.
//!
//! The order of evidence, strongest first:
//!
//! 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//! 2. known binary signatures and the share of control bytes (binary data is
//!    rejected, never decoded into junk);
//! 3. BOM-less UTF-16 (ASCII-heavy text shows a zero byte in every other position);
//! 4. valid UTF-8 — preferred even over an HTML `<meta charset>` that says otherwise,
//!    since legacy-encoded French text is practically never valid UTF-8 by accident;
//! 5. for HTML, the charset declared in the first [`HTML_PRESCAN_BYTES`] bytes;
//! 6. "mostly UTF-8" text with a few stray legacy bytes (a Latin-1 paragraph pasted
//!    into a UTF-8 page): the UTF-8 is kept and each stray byte read as windows-1252;
//! 7. otherwise `chardetng`'s guess, refined to ISO-8859-15 when the bytes carry
//!    its `€`/`œ` code points and none of windows-1252's typographic ones.
//!
//! Note: like every browser, `encoding_rs` treats the label `iso-8859-1` as
//! `windows-1252` (a superset on printable characters), so Latin-1 input is reported
//! with the encoding name `windows-1252`.

use chardetng::EncodingDetector;
use encoding_rs::{Encoding, ISO_8859_15, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// How far into an HTML document the charset declaration is looked for.
pub const HTML_PRESCAN_BYTES: usize = 8 * 1024;

/// Encoding name used for mostly-UTF-8 text whose stray bytes were read as windows-1252.
pub const MIXED_UTF8_WINDOWS_1252: &str = "UTF-8+windows-1252";

/// How much of a large input `chardetng` is fed (it needs far less than this).
const DETECTOR_SAMPLE: usize = 256 * 1024;

/// Why bytes could not be decoded into a document's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// No bytes at all, or nothing but whitespace once decoded.
    #[error("empty file")]
    Empty,
    /// A binary format or a high share of control bytes.
    #[error("binary data, not text ({0})")]
    Binary(String),
    /// Bytes that claim an encoding (by BOM) but are not valid in it.
    #[error("malformed {0} data")]
    Malformed(&'static str),
}

/// Decode `bytes` to UTF-8 text and name the encoding they were in.
///
/// `is_html` enables the `<meta charset>` / `http-equiv` / `<?xml encoding?>`
/// declaration lookup. The result has `\r\n` and lone `\r` turned into `\n`, NUL
/// characters removed and no byte-order mark.
pub fn decode(bytes: &[u8], is_html: bool) -> Result<(String, &'static str), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (text, name) = decode_raw(bytes, is_html)?;
    let text = normalise(text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok((text, name))
}

fn decode_raw(bytes: &[u8], is_html: bool) -> Result<(String, &'static str), DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if enc == UTF_8 {
            // A UTF-8 BOM followed by invalid UTF-8: the BOM lied; detect from the rest.
            return Ok(decode_unmarked(body, None));
        }
        return decode_strict(body, enc).map(|s| (s, enc.name()));
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(DecodeError::Binary(kind.to_string()));
    }
    if let Some(enc) = bomless_utf16(bytes) {
        return decode_strict(bytes, enc).map(|s| (s, enc.name()));
    }
    let share = control_share(bytes);
    if share > 0.05 {
        return Err(DecodeError::Binary(format!(
            "{:.0}% control bytes",
            share * 100.0
        )));
    }
    let declared = if is_html {
        declared_charset(bytes)
    } else {
        None
    };
    Ok(decode_unmarked(bytes, declared))
}

/// Decode with no BOM: valid UTF-8 first, then the declaration, then detection.
fn decode_unmarked(bytes: &[u8], declared: Option<&'static Encoding>) -> (String, &'static str) {
    match std::str::from_utf8(bytes) {
        Ok(s) => {
            // Pure ASCII decodes the same in any ASCII-compatible declared charset;
            // report the declaration then. Non-ASCII valid UTF-8 wins over a declaration.
            let name = match declared {
                Some(enc) if s.is_ascii() && enc.is_ascii_compatible() => enc.name(),
                _ => UTF_8.name(),
            };
            return (s.to_owned(), name);
        }
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // Only an incomplete sequence at the very end, after real multibyte UTF-8:
            // a cut-off file. Mark the lost character instead of re-reading everything.
            if e.error_len().is_none() && valid.iter().any(|&b| b >= 0x80) {
                if let Ok(s) = std::str::from_utf8(valid) {
                    return (format!("{s}\u{FFFD}"), UTF_8.name());
                }
            }
        }
    }
    if let Some(enc) = declared {
        if enc != UTF_8 {
            let (s, _) = enc.decode_without_bom_handling(bytes);
            return (s.into_owned(), enc.name());
        }
    }
    let (multibyte, invalid) = utf8_census(bytes);
    // valid multibyte UTF-8 almost never occurs by chance in legacy-encoded text
    if multibyte > 0 && invalid <= 4 * multibyte {
        return (decode_mixed(bytes), MIXED_UTF8_WINDOWS_1252);
    }
    let enc = detect_legacy(bytes);
    let (s, _) = enc.decode_without_bom_handling(bytes);
    (s.into_owned(), enc.name())
}

fn decode_strict(body: &[u8], enc: &'static Encoding) -> Result<String, DecodeError> {
    enc.decode_without_bom_handling_and_without_replacement(body)
        .map(|s| s.into_owned())
        .ok_or(DecodeError::Malformed(enc.name()))
}

/// `chardetng`'s guess (UTF-8 excluded: the bytes are known not to be valid UTF-8),
/// with windows-1252 refined to ISO-8859-15 where the bytes say so.
fn detect_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut det = EncodingDetector::new();
    let sample = &bytes[..bytes.len().min(DETECTOR_SAMPLE)];
    det.feed(sample, true);
    let enc = det.guess(None, false);
    if enc == WINDOWS_1252 && looks_like_iso_8859_15(bytes) {
        ISO_8859_15
    } else {
        enc
    }
}

/// ISO-8859-15 differs from windows-1252 where it matters to French in `€` (0xA4,
/// `¤` in windows-1252) and `Œ`/`œ` (0xBC/0xBD, `¼`/`½`). Windows-1252 text that uses
/// its own 0x80–0x9F typographic range (’ “ ” … € œ –) is windows-1252; otherwise an
/// 0xA4, or an 0xBC/0xBD inside a word (`c\xBDur`, `\xBDuvre`), points to ISO-8859-15.
fn looks_like_iso_8859_15(bytes: &[u8]) -> bool {
    let evidence = memchr::memchr3_iter(0xA4, 0xBC, 0xBD, bytes).any(|i| {
        if bytes[i] == 0xA4 {
            return true;
        }
        let next_is_letter = bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
        let prev_ok = i == 0
            || bytes
                .get(i - 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b' ' | b'\'' | b'\n'));
        next_is_letter && prev_ok
    });
    evidence && !bytes.iter().any(|b| (0x80..=0x9F).contains(b))
}

/// Count valid multibyte UTF-8 characters and invalid bytes, stopping once
/// [`CENSUS_INVALID_LIMIT`] invalid bytes were seen (the proportion is clear by then).
fn utf8_census(bytes: &[u8]) -> (usize, usize) {
    let (mut multibyte, mut invalid) = (0, 0);
    for_each_utf8_piece(bytes, |piece| {
        match piece {
            // Lead bytes of multibyte characters.
            Piece::Valid(s) => multibyte += s.bytes().filter(|&b| b >= 0xC0).count(),
            Piece::Invalid(b) => invalid += b.len(),
        }
        invalid < CENSUS_INVALID_LIMIT
    });
    (multibyte, invalid)
}

/// See [`utf8_census`].
const CENSUS_INVALID_LIMIT: usize = 4096;

/// UTF-8 where valid; each invalid byte read as windows-1252.
fn decode_mixed(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 16);
    for_each_utf8_piece(bytes, |piece| {
        match piece {
            Piece::Valid(s) => out.push_str(s),
            Piece::Invalid(b) => out.push_str(&WINDOWS_1252.decode_without_bom_handling(b).0),
        }
        true
    });
    out
}

enum Piece<'a> {
    Valid(&'a str),
    Invalid(&'a [u8]),
}

/// Split bytes into valid UTF-8 runs and invalid byte runs, in order, while `f`
/// returns `true`.
fn for_each_utf8_piece<'a>(mut rest: &'a [u8], mut f: impl FnMut(Piece<'a>) -> bool) {
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                f(Piece::Valid(s));
                return;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                if let Ok(s) = std::str::from_utf8(valid) {
                    if !s.is_empty() && !f(Piece::Valid(s)) {
                        return;
                    }
                }
                let bad = e.error_len().unwrap_or(after.len()).min(after.len());
                let (invalid, next) = after.split_at(bad);
                if !f(Piece::Invalid(invalid)) {
                    return;
                }
                rest = next;
            }
        }
    }
}

/// Remove a leading BOM and NUL characters and normalise `\r\n` / `\r` to `\n`, in one
/// pass and copying only if needed.
fn normalise(mut text: String) -> String {
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    let bytes = text.as_bytes();
    if memchr::memchr2(b'\r', 0, bytes).is_none() {
        return text;
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut last = 0;
    for i in memchr::memchr2_iter(b'\r', 0, bytes) {
        if i < last {
            continue;
        }
        out.extend_from_slice(&bytes[last..i]);
        last = i + 1;
        if bytes[i] == b'\r' {
            out.push(b'\n');
            if bytes.get(i + 1) == Some(&b'\n') {
                last = i + 2;
            }
        }
    }
    out.extend_from_slice(&bytes[last..]);
    // Removing ASCII bytes from valid UTF-8 leaves valid UTF-8; the fallback is unreachable.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Strip NULs and normalise line endings of already-decoded text (JSONL fields).
pub(crate) fn normalise_text(text: String) -> String {
    normalise(text)
}

/// Known signatures of binary formats that must not be read as text.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"PK\x05\x06", "ZIP archive"),
        (b"\x1F\x8B", "gzip data"),
        (b"BZh", "bzip2 data"),
        (b"\xFD7zXZ\x00", "xz data"),
        (b"\x28\xB5\x2F\xFD", "zstd data"),
        (b"7z\xBC\xAF\x27\x1C", "7-zip archive"),
        (b"Rar!\x1A\x07", "RAR archive"),
        (b"\x7FELF", "ELF executable"),
        (b"SQLite format 3\x00", "SQLite database"),
        (b"OggS", "Ogg media"),
        (b"\x00asm", "WebAssembly module"),
        (b"\xCA\xFE\xBA\xBE", "Mach-O/Java class file"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "OLE2 (legacy Office) document",
        ),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" {
        return Some("RIFF media (WAV/AVI/WebP)");
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("MP4/QuickTime media");
    }
    None
}

/// Bytes that never occur in text: C0 controls except TAB, LF, VT, FF, CR and the
/// DOS end-of-file mark (0x1A), plus DEL.
fn is_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0x1A)) || b == 0x7F
}

/// Windows over a large input that the binary checks look at: the head, three
/// windows in the middle and the tail, so the check stays O(1) on huge files.
fn sample_windows(bytes: &[u8]) -> Vec<&[u8]> {
    const WHOLE: usize = 256 * 1024;
    const HEAD: usize = 64 * 1024;
    const WIN: usize = 16 * 1024;
    if bytes.len() <= WHOLE {
        return vec![bytes];
    }
    let n = bytes.len();
    let mut v = vec![&bytes[..HEAD]];
    for q in 1..=3 {
        let start = n / 4 * q;
        v.push(&bytes[start..start + WIN]);
    }
    v.push(&bytes[n - WIN..]);
    v
}

/// Share of control bytes in the sampled windows.
fn control_share(bytes: &[u8]) -> f64 {
    let (mut ctl, mut total) = (0usize, 0usize);
    for w in sample_windows(bytes) {
        ctl += w.iter().filter(|&&b| is_control(b)).count();
        total += w.len();
    }
    if total == 0 {
        0.0
    } else {
        ctl as f64 / total as f64
    }
}

/// BOM-less UTF-16: in ASCII-heavy text every other byte is zero, on one side only.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let pairs = head.len() / 2;
    if pairs < 4 || bytes.len() & 1 == 1 {
        return None;
    }
    let even_zero = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let (p, e, o) = (pairs as f64, even_zero as f64, odd_zero as f64);
    if o > 0.4 * p && e < 0.02 * p {
        Some(UTF_16LE)
    } else if e > 0.4 * p && o < 0.02 * p {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The charset an HTML document declares in its first bytes: `<meta charset=…>`,
/// `<meta http-equiv="Content-Type" content="…; charset=…">` or `<?xml … encoding="…"?>`.
///
/// Declarations of UTF-16 are read as UTF-8, as the HTML standard prescribes (a real
/// UTF-16 document has a BOM or zero bytes, which are handled before).
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(HTML_PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut labels = Vec::new();
    let trimmed_start = lower
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(lower.len());
    if lower[trimmed_start..].starts_with(b"<?xml") {
        let decl = &lower[trimmed_start..];
        let end = memchr::memmem::find(decl, b"?>").unwrap_or(decl.len());
        if let Some(l) = attribute_value(&decl[..end], b"encoding") {
            labels.push(l);
        }
    }
    for start in memchr::memmem::find_iter(&lower, b"<meta") {
        let tag = &lower[start..];
        let end = memchr::memchr(b'>', tag).unwrap_or(tag.len());
        if let Some(l) = attribute_value(&tag[..end], b"charset") {
            labels.push(l);
        }
    }
    labels.into_iter().find_map(|label| {
        Encoding::for_label(label).map(|enc| {
            if enc == UTF_16LE || enc == UTF_16BE {
                UTF_8
            } else {
                enc
            }
        })
    })
}

/// The value after `name` `=` in a tag (quotes optional), e.g. `charset="utf-8"`.
fn attribute_value<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    for at in memchr::memmem::find_iter(tag, name) {
        let mut i = at + name.len();
        while tag.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if tag.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while tag
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            i += 1;
        }
        let start = i;
        while tag
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        {
            i += 1;
        }
        if i > start {
            return Some(&tag[start..i]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: &str = "Le cessez-le-feu est entré en vigueur à Alep, a déclaré l'armée syrienne. \
        Les rebelles ont dénoncé des frappes aériennes près de Homs, où les négociations \
        devaient reprendre à Genève après la trêve.";

    fn enc(text: &str, e: &'static Encoding) -> Vec<u8> {
        let (b, _, unmappable) = e.encode(text);
        assert!(!unmappable);
        b.into_owned()
    }

    #[test]
    fn utf8_plain_and_bom() {
        assert_eq!(
            decode(FR.as_bytes(), false).unwrap(),
            (FR.to_string(), "UTF-8")
        );
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice(FR.as_bytes());
        assert_eq!(decode(&b, false).unwrap(), (FR.to_string(), "UTF-8"));
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(FR.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le, false).unwrap(), (FR.to_string(), "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        be.extend(FR.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be, false).unwrap(), (FR.to_string(), "UTF-16BE"));
    }

    #[test]
    fn utf16_without_bom_is_recognised_not_binary() {
        let le: Vec<u8> = FR.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le, false).unwrap(), (FR.to_string(), "UTF-16LE"));
    }

    #[test]
    fn malformed_utf16_after_bom_is_an_error() {
        // A lone high surrogate.
        let b = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0];
        assert_eq!(decode(&b, false), Err(DecodeError::Malformed("UTF-16LE")));
    }

    #[test]
    fn windows_1252_french_is_detected() {
        let text = "Le cessez-le-feu est entré en vigueur à Alep, a déclaré l’armée. \
            « Nous respecterons la trêve », a précisé le porte-parole… Œuvre de paix ?";
        let bytes = enc(text, WINDOWS_1252);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(
            decode(&bytes, false).unwrap(),
            (text.to_string(), "windows-1252")
        );
    }

    #[test]
    fn latin1_french_without_typographic_quotes() {
        // Only characters shared by ISO-8859-1 and windows-1252.
        let bytes = enc(FR, WINDOWS_1252);
        assert_eq!(
            decode(&bytes, false).unwrap(),
            (FR.to_string(), "windows-1252")
        );
    }

    #[test]
    fn iso_8859_15_euro_and_oe_are_recognised() {
        let text = "Les sœurs ont reçu une aide de 300 € à Alep ; le cœur de la ville \
            a été détruit, selon l'ONG. Une œuvre humanitaire énorme a été menée.";
        let bytes = enc(text, ISO_8859_15);
        assert_eq!(
            decode(&bytes, false).unwrap(),
            (text.to_string(), "ISO-8859-15")
        );
    }

    #[test]
    fn one_stray_latin1_byte_in_utf8_keeps_the_utf8() {
        let mut bytes = "Réunion à Genève : la trêve tient. ".as_bytes().to_vec();
        bytes.extend_from_slice(b"L'arm\xE9e a d\xE9menti.");
        let (s, name) = decode(&bytes, false).unwrap();
        assert_eq!(s, "Réunion à Genève : la trêve tient. L'armée a démenti.");
        assert_eq!(name, MIXED_UTF8_WINDOWS_1252);
    }

    #[test]
    fn cut_off_utf8_char_at_the_end_is_marked() {
        let mut bytes = "La trêve à Alep".as_bytes().to_vec();
        bytes.extend_from_slice(&"é".as_bytes()[..1]);
        assert_eq!(
            decode(&bytes, false).unwrap(),
            ("La trêve à Alep\u{FFFD}".to_string(), "UTF-8")
        );
        // But a Latin-1 file ending in é is Latin-1, not cut-off UTF-8.
        let bytes = b"Le cessez-le-feu a \xE9t\xE9 sign\xE9";
        let (s, name) = decode(bytes, false).unwrap();
        assert_eq!(s, "Le cessez-le-feu a été signé");
        assert_ne!(name, "UTF-8");
    }

    #[test]
    fn html_meta_charset_is_honoured_for_legacy_bytes() {
        let page = "<html><head><meta charset=\"iso-8859-1\"><title>Trêve</title></head>\
            <body><p>Le cessez-le-feu est entré en vigueur.</p></body></html>";
        let bytes = enc(page, WINDOWS_1252);
        assert_eq!(
            decode(&bytes, true).unwrap(),
            (page.to_string(), "windows-1252")
        );
    }

    #[test]
    fn html_http_equiv_charset_is_found() {
        let page = "<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" \
            CONTENT=\"text/html; charset=ISO-8859-15\"></HEAD><BODY>Ça coûte 5 €</BODY></HTML>";
        let bytes = enc(page, ISO_8859_15);
        assert_eq!(
            decode(&bytes, true).unwrap(),
            (page.to_string(), "ISO-8859-15")
        );
        assert_eq!(declared_charset(&bytes), Some(ISO_8859_15));
    }

    #[test]
    fn xml_declaration_is_found() {
        let page = b"<?xml version='1.0' encoding='windows-1252'?><html/>";
        assert_eq!(declared_charset(page), Some(WINDOWS_1252));
    }

    #[test]
    fn wrong_declaration_loses_to_valid_utf8() {
        let page = "<html><head><meta charset=latin1></head><body>Déclaration à Alep</body></html>";
        assert_eq!(
            decode(page.as_bytes(), true).unwrap(),
            (page.to_string(), "UTF-8")
        );
    }

    #[test]
    fn declared_utf8_that_is_not_falls_back_to_detection() {
        let page = "<html><head><meta charset=\"utf-8\"></head><body>Le cessez-le-feu est \
            entré en vigueur à Alep, a déclaré l'armée, après la trêve signée à Genève.</body></html>";
        let bytes = enc(page, WINDOWS_1252);
        assert_eq!(
            decode(&bytes, true).unwrap(),
            (page.to_string(), "windows-1252")
        );
    }

    #[test]
    fn ascii_html_reports_its_declared_charset() {
        let page = b"<html><head><meta charset=windows-1252></head><body>Truce</body></html>";
        assert_eq!(decode(page, true).unwrap().1, "windows-1252");
        assert_eq!(decode(page, false).unwrap().1, "UTF-8");
    }

    #[test]
    fn line_endings_and_nuls_are_normalised() {
        let (s, _) = decode(b"ligne 1\r\nligne 2\rligne\x003\n", false).unwrap();
        assert_eq!(s, "ligne 1\nligne 2\nligne3\n");
        let tail = "fin de la dépêche, assez longue pour que deux NUL ne pèsent rien";
        let (s, _) = decode(format!("\r\r\n\0\r\0\n{tail}\r").as_bytes(), false).unwrap();
        assert_eq!(s, format!("\n\n\n\n{tail}\n"));
        let (s, _) = decode("\u{FEFF}\u{FEFF}d\u{e9}but".as_bytes(), false).unwrap();
        assert_eq!(s, "d\u{e9}but", "a doubled BOM is removed too");
    }

    #[test]
    fn empty_and_blank_inputs_are_errors() {
        assert_eq!(decode(b"", false), Err(DecodeError::Empty));
        assert_eq!(decode(b" \r\n\t\n", false), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF", false), Err(DecodeError::Empty));
    }

    #[test]
    fn binary_signatures_and_control_bytes_are_rejected() {
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01";
        let err = decode(png, false).unwrap_err();
        assert_eq!(err.to_string(), "binary data, not text (PNG image)");
        // Deterministic pseudo-random bytes (xorshift).
        let mut x: u32 = 0x9E37_79B9;
        let junk: Vec<u8> = (0..10_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 24) as u8
            })
            .collect();
        let err = decode(&junk, false).unwrap_err();
        assert!(matches!(err, DecodeError::Binary(_)), "{err}");
        assert!(err.to_string().starts_with("binary data, not text ("));
    }

    #[test]
    fn few_stray_nuls_do_not_make_text_binary() {
        let mut b = FR.as_bytes().to_vec();
        b.insert(10, 0);
        b.push(0);
        assert_eq!(decode(&b, false).unwrap().0, FR);
    }

    #[test]
    fn attribute_value_parsing() {
        assert_eq!(
            attribute_value(b"<meta charset = 'utf-8'", b"charset"),
            Some(&b"utf-8"[..])
        );
        assert_eq!(attribute_value(b"<meta charset", b"charset"), None);
        assert_eq!(
            attribute_value(b"<meta content=\"text/html;charset=koi8-r\"", b"charset"),
            Some(&b"koi8-r"[..])
        );
    }
}
