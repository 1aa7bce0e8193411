//! `truce extract`: events from clear sentences in French and English.
//! Only cases that any reasonable reading codes the same way are asserted.

use crate::fixtures::{record, AFP_ALEP, REUTERS_ALEPPO};
use crate::support::{of_type, tmp, truce, write};
use serde_json::Value;

fn extract_one(name: &str, text: &str) -> Vec<Value> {
    let d = tmp();
    write(d.path(), name, text);
    let r = truce(d.path(), ["extract", name]);
    r.assert_code(0);
    assert_eq!(r.diagnostics(), Vec::<&str>::new(), "{}", r.dump());
    r.json_lines()
}

#[test]
fn french_dispatch_events() {
    let events = extract_one("afp-alep.txt", AFP_ALEP);
    assert!(events.iter().all(|e| e["doc"] == "afp-alep"));

    // "L'armée syrienne a bombardé mardi des quartiers rebelles d'Alep",
    // dateline "BEYROUTH, 20 septembre 2016": an assault on Aleppo that day
    let assaults = of_type(&events, "ASSAULT");
    assert!(
        assaults.iter().any(|e| e["source"] == "SYR/MIL"
            && e["place"]["name"] == "Alep"
            && e["place"]["country"] == "SYR"
            && e["date"]["value"] == "2016-09-20"
            && e["negated"] == false),
        "{events:#?}"
    );

    // "Le secrétaire d'Etat américain John Kerry a appelé la Russie à faire pression"
    assert!(
        of_type(&events, "REQUEST")
            .iter()
            .any(|e| e["source"] == "USA/GOV" && e["target"] == "RUS/GOV"),
        "{events:#?}"
    );

    // "Moscou a de son côté accusé les rebelles d'avoir violé la trêve"
    assert!(
        of_type(&events, "ACCUSE")
            .iter()
            .any(|e| e["source"] == "RUS/GOV" && e["target"] == "SYR/REB"),
        "{events:#?}"
    );

    // boilerplate lines are not evidence
    for e in &events {
        let ev = e["evidence"].as_str().unwrap_or_default();
        assert!(
            !ev.contains("Telegram") && !ev.contains("Lire aussi"),
            "{e}"
        );
    }
}

/// "L'armée syrienne a bombardé …": the subject of an active French verb is
/// the source, even though "bombardé" shares its stem with the noun
/// "bombardement" (whose genitive would be read as the target).
#[test]
fn french_active_verb_subject_is_the_source() {
    let events = extract_one(
        "alep.txt",
        "L'armée syrienne a bombardé mardi des quartiers rebelles d'Alep, selon l'Observatoire syrien des droits de l'homme.",
    );
    assert!(
        of_type(&events, "ASSAULT")
            .iter()
            .any(|e| e["source"] == "SYR/MIL" && e["place"]["country"] == "SYR"),
        "{events:#?}"
    );
}

/// "Russian warplanes struck …, the Syrian Observatory … said": the
/// nationality before the noun gives the source, and the speaker is who
/// said it, not the target.
#[test]
fn english_attributed_strike() {
    let events = extract_one(
        "reuters-strike.txt",
        "Russian warplanes struck rebel positions near Aleppo on Tuesday, the Syrian Observatory for Human Rights said.",
    );
    let assaults = of_type(&events, "ASSAULT");
    assert!(
        assaults.iter().any(|e| e["source"] == "RUS/MIL"
            && e["said_by"] == "SYR/HRI"
            && e["place"]["country"] == "SYR"),
        "{events:#?}"
    );
}

#[test]
#[ignore = "BUG in truce-extract: the speaker of an attributed report is also taken as the target"]
fn english_speaker_is_not_the_target() {
    let events = extract_one(
        "reuters-strike.txt",
        "Russian warplanes struck rebel positions near Aleppo on Tuesday, the Syrian Observatory for Human Rights said.",
    );
    assert!(
        of_type(&events, "ASSAULT")
            .iter()
            .all(|e| e["target"] != "SYR/HRI"),
        "{events:#?}"
    );
}

#[test]
fn english_dispatch_events() {
    let events = extract_one("reuters-aleppo.txt", REUTERS_ALEPPO);

    // "The Syrian army launched an offensive against rebel-held eastern Aleppo"
    assert!(
        of_type(&events, "ASSAULT")
            .iter()
            .any(|e| e["source"] == "SYR/MIL"
                && e["place"]["name"] == "Aleppo"
                && e["place"]["country"] == "SYR"),
        "{events:#?}"
    );

    // "Secretary of State John Kerry accused Russia of failing to restrain …"
    assert!(
        of_type(&events, "ACCUSE")
            .iter()
            .any(|e| e["source"] == "USA/GOV" && e["target"] == "RUS/GOV"),
        "{events:#?}"
    );

    // "Russia and the United States agreed in Geneva …" (symmetric)
    assert!(
        of_type(&events, "AGREE").iter().any(|e| {
            let pair = [e["source"].as_str(), e["target"].as_str()];
            (pair == [Some("RUS/GOV"), Some("USA/GOV")]
                || pair == [Some("USA/GOV"), Some("RUS/GOV")])
                && e["place"]["country"] == "CHE"
        }),
        "{events:#?}"
    );
}

#[test]
fn negated_report_is_flagged() {
    let events = extract_one(
        "calme.txt",
        "Trêve en Syrie : une nuit calme à Alep\n\n\
         Aucun bombardement n'a été signalé dans la nuit de samedi à dimanche à Alep, \
         a indiqué l'Observatoire syrien des droits de l'homme.",
    );
    let assaults = of_type(&events, "ASSAULT");
    assert!(!assaults.is_empty(), "{events:#?}");
    assert!(
        assaults
            .iter()
            .filter(|e| e["evidence"]
                .as_str()
                .is_some_and(|s| s.contains("Aucun bombardement")))
            .all(|e| e["negated"] == true),
        "{events:#?}"
    );
}

#[test]
fn table_format_lists_the_same_events() {
    let d = tmp();
    write(d.path(), "afp.txt", AFP_ALEP);
    write(d.path(), "reuters.txt", REUTERS_ALEPPO);
    let jsonl = truce(d.path(), ["extract", "afp.txt", "reuters.txt"]);
    let table = truce(
        d.path(),
        ["extract", "--format", "table", "afp.txt", "reuters.txt"],
    );
    table.assert_code(0);
    let events = jsonl.json_lines();
    let rows: Vec<&str> = table
        .stdout
        .lines()
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(rows.len(), events.len(), "{}", table.dump());
    for (row, e) in rows.iter().zip(&events) {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cols[0], e["doc"].as_str().unwrap_or_default(), "{row}");
        assert_eq!(cols[1], e["type"].as_str().unwrap_or_default(), "{row}");
    }
    assert_eq!(
        table.stdout.lines().last(),
        Some(format!("{} events in 2 documents", events.len()).as_str())
    );
}

#[test]
fn jsonl_published_date_anchors_weekdays() {
    // Published on Wednesday 21 September 2016: "mardi" is the 20th.
    let d = tmp();
    let rec = record(
        "afp-20160921",
        "L'aviation russe a mené mardi des frappes sur les quartiers rebelles d'Alep, selon l'Observatoire syrien des droits de l'homme.",
        Some("2016-09-21"),
    );
    write(d.path(), "one.jsonl", rec + "\n");
    let r = truce(d.path(), ["extract", "one.jsonl"]);
    r.assert_code(0);
    let events = r.json_lines();
    assert!(
        of_type(&events, "ASSAULT")
            .iter()
            .any(|e| e["doc"] == "afp-20160921"
                && e["source"] == "RUS/MIL"
                && e["date"]["value"] == "2016-09-20"
                && e["date"]["precision"] == "day"),
        "{events:#?}"
    );
}

const DE_ARTICLE: &str = "\
Syrien: Armee bombardiert Aleppo trotz Waffenruhe

Die syrische Luftwaffe hat am Dienstag die von Rebellen gehaltenen Viertel von Aleppo bombardiert, wie die Syrische Beobachtungsstelle für Menschenrechte mitteilte. Nach ihren Angaben wurden mindestens zwölf Zivilisten getötet.
";

const ES_ARTICLE: &str = "\
Siria: el ejército bombardea Alepo pese a la tregua

La aviación siria bombardeó el martes los barrios rebeldes de Alepo, según el Observatorio Sirio de Derechos Humanos, que informó de al menos doce civiles muertos en los ataques.
";

/// Extract `article` (language `code`) beside `AFP_ALEP`: a warning naming
/// the language, no event from it, the French events all the same.
fn assert_not_coded(name: &str, article: &str, code: &str) {
    let d = tmp();
    write(d.path(), &format!("{name}.txt"), article);
    write(d.path(), "afp.txt", AFP_ALEP);
    let r = truce(d.path(), ["extract", &format!("{name}.txt"), "afp.txt"]);
    // a warning, not a read failure
    r.assert_code(0);
    let quoted = format!("\"{code}\"");
    assert!(
        r.diagnostics()
            .iter()
            .any(|l| l.contains(name) && l.contains(&quoted) && l.contains("not coded")),
        "{}",
        r.dump()
    );
    let events = r.json_lines();
    assert!(events.iter().all(|e| e["doc"] == "afp"), "{events:#?}");
    assert!(!events.is_empty());
}

#[test]
fn other_language_is_reported_and_not_coded() {
    assert_not_coded("dpa-aleppo", DE_ARTICLE, "de");
}

/// Spanish shares French function words ("de", "la", "que", "a", "se"), and
/// the function-word count in truce-text takes this article for French: its
/// events are coded with the French lexicon.
#[test]
#[ignore = "BUG in truce-text: a Spanish article is identified as French"]
fn spanish_is_not_taken_for_french() {
    assert_not_coded("efe-alepo", ES_ARTICLE, "es");
}

/// Warnings about a document name its id (`truce: efe-alepo: …`), read
/// failures its path (`truce: efe-alepo.txt: …`); the module docs promise
/// `truce: ORIGIN: reason` for both, and with many files in a directory only
/// the path finds the file.
#[test]
#[ignore = "BUG in crates/cli/src/main.rs: document diagnostics name the id, not the path"]
fn document_warnings_name_the_path() {
    let d = tmp();
    write(d.path(), "news/dpa-aleppo.txt", DE_ARTICLE);
    let r = truce(d.path(), ["extract", "news"]);
    r.assert_reported("news/dpa-aleppo.txt", "not coded");
}
