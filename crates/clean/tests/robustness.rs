//! Hostile inputs: nothing may panic, and a useless input yields a diagnostic.

use std::fmt::Write;
use std::sync::OnceLock;
use truce_clean::Cleaner;
use truce_model::{RawContent, RawDoc};

fn cleaner() -> &'static Cleaner {
    static C: OnceLock<Cleaner> = OnceLock::new();
    C.get_or_init(Cleaner::new)
}

fn html_doc(id: &str, html: String) -> RawDoc {
    let mut d = RawDoc::text(id, "");
    d.content = RawContent::Html(html);
    d
}

fn check_spans(doc: &truce_model::CleanDoc) {
    assert!(doc.text.get(doc.body.start..doc.body.end).is_some());
    for p in &doc.paragraphs {
        assert!(doc.body.contains(*p));
        assert!(doc.text.get(p.start..p.end).is_some());
    }
}

#[test]
fn empty_inputs() {
    for raw in [
        RawDoc::text("t", ""),
        RawDoc::text("t", "   \n\n\t \u{a0}\n"),
        html_doc("h", String::new()),
        html_doc("h", "<html><body></body></html>".into()),
    ] {
        let (doc, diags) = cleaner().clean(&raw);
        assert!(doc.paragraphs.is_empty());
        assert!(
            diags.iter().any(|d| d.message.contains("no article text")),
            "{diags:?}"
        );
    }
}

#[test]
fn html_nested_ten_thousand_levels() {
    let depth = 10_000;
    let mut h = String::from("<html><body>");
    for _ in 0..depth {
        h.push_str("<div>");
    }
    h.push_str("<p>Le cessez-le-feu est entré en vigueur à minuit, selon le ministère russe de la Défense, qui fait état de quelques incidents isolés.</p>");
    for _ in 0..depth {
        h.push_str("</div>");
    }
    h.push_str("</body></html>");
    let (doc, _) = cleaner().clean(&html_doc("deep", h));
    check_spans(&doc);
    assert!(doc.body_str().contains("cessez-le-feu"));

    // Unclosed, mixed inline and block nesting too.
    let mut h = String::new();
    for i in 0..depth {
        h.push_str(if i % 2 == 0 { "<span><b>" } else { "<div><i>" });
    }
    h.push_str("fin");
    let (doc, _) = cleaner().clean(&html_doc("deep2", h));
    check_spans(&doc);
}

#[test]
fn html_of_fifty_megabytes() {
    let para = "<p>Les raids aériens ont repris sur les quartiers rebelles d'Alep, a indiqué l'Observatoire syrien des droits de l'homme, qui fait état de dizaines de victimes civiles.</p>\n";
    let mut h = String::with_capacity(51 << 20);
    h.push_str("<html><head><title>Grande page</title></head><body><article>");
    let mut i = 0u64;
    while h.len() < 50 << 20 {
        // Vary the text so that duplicate removal does not make it trivial.
        let _ = write!(
            h,
            "<div class=\"block\"><h2>Section {i}</h2>{}</div>",
            para.replace("Alep", &format!("Alep ({i})"))
        );
        i += 1;
    }
    h.push_str("</article></body></html>");
    let (doc, diags) = cleaner().clean(&html_doc("big", h));
    check_spans(&doc);
    assert!(doc.paragraphs.len() > 1000);
    assert!(diags
        .iter()
        .any(|d| d.message.contains("candidate paragraphs")));
}

#[test]
fn binary_junk() {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes: Vec<u8> = (0..200_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (doc, diags) = cleaner().clean(&RawDoc::text("bin", text.clone()));
    check_spans(&doc);
    assert!(
        diags.iter().any(|d| d.message.contains("binary")),
        "{diags:?}"
    );
    let (doc, diags) = cleaner().clean(&html_doc("binh", text));
    check_spans(&doc);
    assert!(!diags.is_empty());
}

#[test]
fn broken_markup() {
    for h in [
        "<p>unclosed <b>bold <i>italic",
        "</p></div></body><p>stray closers",
        "<<<>>><p =>x</p><!-- never closed",
        "<script>document.write('<p>not text</p>')",
        "<table><tr><td>a<td>b<tr><td>c</table>",
        "<?php echo 1; ?><p>après</p>",
    ] {
        let (doc, _) = cleaner().clean(&html_doc("broken", h.into()));
        check_spans(&doc);
        assert!(!doc.text.contains("not text"));
    }
}

#[test]
fn html_deeply_nested_unclosed_blocks_stay_within_the_time_budget() {
    // The HTML tree builder is quadratic in the depth of unclosed blocks: without the
    // per-page budget this page takes minutes.
    let mut h = String::from("<html><body><p>Le cessez-le-feu est entré en vigueur à minuit, selon le ministère russe de la Défense, qui fait état de quelques incidents isolés.</p>");
    h.push_str(&"<div>".repeat(400_000));
    h.push_str("fin</body></html>");
    let t0 = std::time::Instant::now();
    let (doc, diags) = cleaner().clean(&html_doc("nested", h));
    let took = t0.elapsed();
    check_spans(&doc);
    assert!(
        diags.iter().any(|d| d.message.contains("time budget")),
        "{diags:?}"
    );
    assert!(doc.body_str().contains("cessez-le-feu"));
    // About a second in release; the parser's generic code is not optimised in debug.
    if !cfg!(debug_assertions) {
        assert!(took.as_secs_f64() < 5.0, "took {took:?}");
    }
}

#[test]
fn text_of_many_paragraphs_is_cut_and_stays_fast() {
    // 25,000 distinct lines: the first 20,000 are cleaned, in well under a second in
    // release (the duplicate and title filters are linear).
    let mut t = String::from("Un très long fil de dépêches sur la trêve en Syrie\n\n");
    for i in 0..25_000 {
        let _ = writeln!(
            t,
            "Dépêche {i} : les combats ont repris près d'Alep, selon l'OSDH, qui recense des victimes.\n"
        );
    }
    let t0 = std::time::Instant::now();
    let (doc, diags) = cleaner().clean(&RawDoc::text("long", t));
    let took = t0.elapsed();
    check_spans(&doc);
    assert!(
        diags
            .iter()
            .any(|d| d.message.starts_with("25001 candidate paragraphs")),
        "{diags:?}"
    );
    assert!(doc.paragraphs.len() <= truce_clean::MAX_PARAGRAPHS);
    assert!(doc.paragraphs.len() > 19_000);
    if !cfg!(debug_assertions) {
        assert!(took.as_secs_f64() < 2.0, "took {took:?}");
    }
}

#[test]
fn text_of_five_thousand_paragraphs_with_repeats() {
    // A long text where a tenth of the paragraphs repeat earlier ones.
    let mut t = String::new();
    for i in 0..5_000 {
        let _ = writeln!(
            t,
            "Le paragraphe {} rapporte que les combats ont repris près d'Alep, selon l'OSDH. Les habitants fuient vers l'ouest.\n",
            i % 4_500
        );
    }
    let (doc, diags) = cleaner().clean(&RawDoc::text("repeats", t));
    check_spans(&doc);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(doc.paragraphs.len(), 4_500);
}
