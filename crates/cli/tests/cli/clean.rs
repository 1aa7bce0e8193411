//! `truce clean`: title and main text, boilerplate removed.

use crate::fixtures::{AFP_ALEP, RT_PAGE};
use crate::support::{tmp, truce, write};

/// Site furniture in `RT_PAGE` that must not reach the body.
const RT_BOILERPLATE: &[&str] = &[
    "cookies",
    "poursuivant votre navigation",
    "Accueil",
    "Partager sur Facebook",
    "Lire aussi",
    "l'aide humanitaire toujours bloquée aux portes d'Alep",
    "Suivez RT France sur Telegram",
    "Tous droits réservés",
    "Mentions légales",
];

#[test]
fn clean_html_page_drops_boilerplate() {
    let d = tmp();
    write(d.path(), "rt-treve-alep.html", RT_PAGE);
    let r = truce(
        d.path(),
        ["clean", "--format", "jsonl", "rt-treve-alep.html"],
    );
    r.assert_code(0);
    let docs = r.json_lines();
    assert_eq!(docs.len(), 1, "{}", r.dump());
    let doc = &docs[0];
    for f in ["doc", "title", "body", "lang", "published"] {
        assert!(doc.get(f).is_some(), "missing {f}: {doc}");
    }
    assert_eq!(doc["doc"], "rt-treve-alep");
    assert_eq!(
        doc["title"],
        "Syrie : l'armée accuse les rebelles de violer la trêve à Alep"
    );
    assert_eq!(doc["lang"], "fr");
    assert_eq!(doc["published"], "2016-09-18");
    let body = doc["body"].as_str().unwrap_or_default();
    for keep in [
        "L'armée syrienne a accusé dimanche les groupes rebelles",
        "des obus de mortier sont tombés sur les quartiers ouest d'Alep",
        "Le ministère russe de la Défense a de son côté affirmé",
    ] {
        assert!(body.contains(keep), "{keep:?} missing from {body:?}");
    }
    for drop in RT_BOILERPLATE {
        assert!(!body.contains(drop), "{drop:?} left in {body:?}");
    }
    assert!(!body.contains('<') && !body.contains("&amp;"), "{body}");
}

#[test]
fn clean_text_dispatch_drops_read_also_and_telegram_lines() {
    let d = tmp();
    write(d.path(), "afp.txt", AFP_ALEP);
    let r = truce(d.path(), ["clean", "afp.txt"]);
    r.assert_code(0);
    let doc = &r.json_lines()[0];
    assert_eq!(
        doc["title"],
        "Syrie : l'armée bombarde Alep, Moscou accuse les rebelles de saboter la trêve"
    );
    assert!(
        doc["published"].is_null(),
        "a .txt file carries no metadata"
    );
    let body = doc["body"].as_str().unwrap_or_default();
    assert!(
        body.contains("Moscou a de son côté accusé les rebelles"),
        "{body}"
    );
    assert!(!body.contains("Lire aussi"), "{body}");
    assert!(!body.contains("Telegram"), "{body}");
    assert!(
        !body.contains("Syrie : l'armée bombarde Alep"),
        "the title is not repeated in the body: {body}"
    );
}

#[test]
fn clean_jsonl_carries_record_metadata() {
    let d = tmp();
    let rec = serde_json::json!({
        "id": "rt-20160918",
        "html": RT_PAGE,
        "url": "https://francais.example.org/international/treve-alep",
        "published": "2016-09-18",
        "title": "Syrie : l'armée accuse les rebelles de violer la trêve à Alep",
        "outlet": "RT France",
        "lang": "fr",
    });
    write(d.path(), "rt.jsonl", format!("{rec}\n"));
    let r = truce(d.path(), ["clean", "rt.jsonl"]);
    r.assert_code(0);
    let doc = &r.json_lines()[0];
    assert_eq!(doc["doc"], "rt-20160918");
    assert_eq!(doc["published"], "2016-09-18");
    assert_eq!(doc["lang"], "fr");
    assert_eq!(doc["outlet"], "RT France");
    assert_eq!(
        doc["url"],
        "https://francais.example.org/international/treve-alep"
    );
    let body = doc["body"].as_str().unwrap_or_default();
    for drop in RT_BOILERPLATE {
        assert!(!body.contains(drop), "{drop:?} left in {body:?}");
    }
}

#[test]
fn clean_text_format_prints_a_header_per_document() {
    let d = tmp();
    write(d.path(), "afp.txt", AFP_ALEP);
    write(d.path(), "rt.html", RT_PAGE);
    let r = truce(
        d.path(),
        ["clean", "--format", "text", "afp.txt", "rt.html"],
    );
    r.assert_code(0);
    let headers: Vec<&str> = r.stdout.lines().filter(|l| l.starts_with("==> ")).collect();
    assert_eq!(headers, ["==> afp <==", "==> rt <=="], "{}", r.dump());
    assert!(r.stdout.contains("Moscou a de son côté accusé"));
    assert!(!r.stdout.contains("Telegram"));
    assert!(!r.stdout.contains("cookies"));
}

#[test]
fn annotate_spans_point_into_the_text() {
    let d = tmp();
    write(d.path(), "afp.txt", AFP_ALEP);
    let r = truce(d.path(), ["annotate", "afp.txt"]);
    r.assert_code(0);
    let docs = r.json_lines();
    assert_eq!(docs.len(), 1);
    let text = docs[0]["text"].as_str().unwrap_or_default();
    let anns = docs[0]["annotations"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(!anns.is_empty(), "{}", r.dump());
    let mut kinds = std::collections::BTreeSet::new();
    for a in &anns {
        let start = a["span"]["start"].as_u64().unwrap_or(u64::MAX) as usize;
        let end = a["span"]["end"].as_u64().unwrap_or(u64::MAX) as usize;
        assert!(
            text.get(start..end).is_some_and(|s| !s.is_empty()),
            "span {start}..{end} does not fit the text: {a}"
        );
        kinds.insert(a["kind"].as_str().unwrap_or_default().to_string());
    }
    for k in ["sentence", "actor", "place", "trigger"] {
        assert!(kinds.contains(k), "no {k} annotation: {kinds:?}");
    }
    // "Alep" is annotated as a place, where it is written
    assert!(anns.iter().any(|a| {
        a["kind"] == "place" && {
            let s = a["span"]["start"].as_u64().unwrap_or(0) as usize;
            let e = a["span"]["end"].as_u64().unwrap_or(0) as usize;
            text.get(s..e) == Some("Alep")
        }
    }));
}
