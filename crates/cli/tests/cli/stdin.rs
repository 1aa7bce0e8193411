//! `-` reads standard input; its format is recognised from the content.

use crate::fixtures::{record, AFP_ALEP, FR_SENTENCES, FR_STRIKE};
use crate::support::{doc_order, gzip_stored, of_type, tmp, truce_stdin, write};

#[test]
fn stdin_jsonl_records_keep_their_ids_and_order() {
    let d = tmp();
    let input = [
        record("zeta", FR_SENTENCES[2], Some("2016-09-10")),
        record("alpha", FR_STRIKE, Some("2016-09-21")),
        "{\"id\": \"broken\", ".to_string(),
        record("mu", FR_SENTENCES[3], None),
    ]
    .join("\n");
    let r = truce_stdin(d.path(), ["extract", "-"], input.as_bytes());
    r.assert_code(1).assert_reported("-:3", "JSON");
    let events = r.json_lines();
    assert_eq!(doc_order(&events), ["zeta", "alpha", "mu"], "{}", r.dump());
    // "vendredi" in a record published on Saturday 10 September 2016
    let agree = of_type(&events, "AGREE");
    assert!(
        agree.iter().any(|e| e["doc"] == "zeta"
            && e["date"]["value"] == "2016-09-09"
            && e["place"]["country"] == "CHE"),
        "{events:#?}"
    );
    // "mardi" in a record published on Wednesday 21 September 2016
    assert!(
        of_type(&events, "ASSAULT")
            .iter()
            .any(|e| e["doc"] == "alpha" && e["date"]["value"] == "2016-09-20"),
        "{events:#?}"
    );
}

#[test]
fn stdin_plain_text_is_one_document_named_stdin() {
    let d = tmp();
    let r = truce_stdin(d.path(), ["clean", "-"], AFP_ALEP.as_bytes());
    r.assert_code(0);
    let docs = r.json_lines();
    assert_eq!(docs.len(), 1, "{}", r.dump());
    assert_eq!(docs[0]["doc"], "stdin");
    assert_eq!(
        docs[0]["title"],
        "Syrie : l'armée bombarde Alep, Moscou accuse les rebelles de saboter la trêve"
    );
    assert_eq!(docs[0]["lang"], "fr");

    let r = truce_stdin(d.path(), ["extract", "-"], AFP_ALEP.as_bytes());
    r.assert_code(0);
    let events = r.json_lines();
    assert!(!events.is_empty(), "{}", r.dump());
    assert!(events.iter().all(|e| e["doc"] == "stdin"));
}

#[test]
fn stdin_html_and_gzip_are_recognised() {
    let d = tmp();
    let html =
        format!("<!DOCTYPE html><html><body><article><p>{FR_STRIKE}</p></article></body></html>");
    let r = truce_stdin(d.path(), ["clean", "-"], html.as_bytes());
    r.assert_code(0);
    let body = r.json_lines()[0]["body"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert_eq!(body, FR_STRIKE, "markup must be gone");

    let r = truce_stdin(d.path(), ["clean", "-"], &gzip_stored(FR_STRIKE.as_bytes()));
    r.assert_code(0);
    assert_eq!(r.json_lines()[0]["body"], FR_STRIKE);
}

#[test]
fn stdin_mixed_with_files_in_argument_order() {
    let d = tmp();
    write(d.path(), "before.txt", FR_SENTENCES[0]);
    write(d.path(), "after.txt", FR_SENTENCES[1]);
    let r = truce_stdin(
        d.path(),
        ["clean", "before.txt", "-", "after.txt"],
        FR_SENTENCES[2].as_bytes(),
    );
    r.assert_code(0);
    assert_eq!(doc_order(&r.json_lines()), ["before", "stdin", "after"]);
}

#[test]
fn empty_stdin_is_reported() {
    let d = tmp();
    write(d.path(), "good.txt", FR_STRIKE);
    let r = truce_stdin(d.path(), ["clean", "-", "good.txt"], b"");
    r.assert_code(1).assert_reported("-", "empty");
    assert_eq!(doc_order(&r.json_lines()), ["good"]);
}
