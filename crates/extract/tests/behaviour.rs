//! Focused behaviour tests: one short text each, on readings that are not
//! debatable. Tests marked `#[ignore = "known gap: …"]` describe behaviour
//! the extractor should have but does not yet; run them with
//! `cargo test -p truce-extract --test behaviour -- --ignored`.

mod common;

use truce_extract::{Analysis, Extractor};
use truce_model::{Event, EventType, Precision};

/// Analyse `text` (every line a paragraph, no title) published on `published`.
fn analyse(lang: &str, published: &str, text: &str) -> Analysis {
    let doc = common::clean_doc("t", text, Some(lang), Some(published));
    Extractor::embedded().extract(&doc)
}

fn events(lang: &str, published: &str, text: &str) -> Vec<Event> {
    analyse(lang, published, text).events
}

/// All events, one line each, for assertion messages.
fn show(evs: &[Event]) -> String {
    if evs.is_empty() {
        return "(no events)".into();
    }
    evs.iter()
        .map(common::render)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The events of type `t`, failing with the whole list when there is none.
fn of_type(evs: &[Event], t: EventType) -> Vec<&Event> {
    let found: Vec<&Event> = evs.iter().filter(|e| e.kind == t).collect();
    assert!(!found.is_empty(), "no {t} event in:\n{}", show(evs));
    found
}

fn is(code: &Option<String>, want: &str) -> bool {
    code.as_deref() == Some(want)
}

#[test]
fn syrian_army_bombing_aleppo_is_an_assault_in_syria() {
    let evs = events("fr", "2016-09-20", "L'armée syrienne a bombardé Alep.");
    let a = of_type(&evs, EventType::ASSAULT);
    assert!(
        a.iter().any(|e| is(&e.source, "SYR/MIL")
            && e.place.as_ref().is_some_and(|p| p.country == "SYR")
            && !e.negated
            && !e.hypothetical),
        "{}",
        show(&evs)
    );
}

#[test]
fn moscow_accuses_washington() {
    let evs = events(
        "fr",
        "2016-10-03",
        "Moscou accuse Washington de soutenir les terroristes.",
    );
    let a = of_type(&evs, EventType::ACCUSE);
    assert!(
        a.iter()
            .any(|e| is(&e.source, "RUS/GOV") && is(&e.target, "USA/GOV")),
        "{}",
        show(&evs)
    );
}

#[test]
fn no_bombing_recorded_is_a_negated_assault() {
    let evs = events(
        "fr",
        "2016-02-28",
        "Aucun bombardement n'a été enregistré dans la Ghouta orientale.",
    );
    let a = of_type(&evs, EventType::ASSAULT);
    assert!(a.iter().all(|e| e.negated), "{}", show(&evs));
    assert!(
        a.iter()
            .any(|e| e.place.as_ref().is_some_and(|p| p.country == "SYR")),
        "{}",
        show(&evs)
    );
}

#[test]
fn could_suspend_cooperation_is_hypothetical() {
    let evs = events(
        "fr",
        "2016-09-29",
        "Les États-Unis pourraient suspendre leur coopération avec la Russie.",
    );
    assert!(
        evs.iter().any(|e| is(&e.source, "USA/GOV")),
        "{}",
        show(&evs)
    );
    assert!(evs.iter().all(|e| e.hypothetical), "{}", show(&evs));
}

#[test]
fn a_threat_is_itself_a_fact() {
    let evs = events(
        "fr",
        "2016-09-29",
        "Washington menace de suspendre sa coopération avec Moscou.",
    );
    let t = of_type(&evs, EventType::THREATEN);
    assert!(
        t.iter().any(|e| is(&e.source, "USA/GOV")
            && is(&e.target, "RUS/GOV")
            && !e.hypothetical
            && !e.negated),
        "{}",
        show(&evs)
    );
}

#[test]
fn russia_and_the_us_agree_on_a_ceasefire() {
    let evs = events(
        "fr",
        "2016-09-10",
        "La Russie et les États-Unis ont convenu d'un cessez-le-feu.",
    );
    let a = of_type(&evs, EventType::AGREE);
    let pair = |e: &&Event| {
        let mut p = [e.source.as_deref(), e.target.as_deref()];
        p.sort();
        p == [Some("RUS/GOV"), Some("USA/GOV")]
    };
    assert!(a.iter().any(pair), "{}", show(&evs));
}

#[test]
fn un_calls_on_russia_to_stop() {
    let evs = events(
        "fr",
        "2016-09-29",
        "L'ONU appelle la Russie à cesser ses frappes.",
    );
    let r = of_type(&evs, EventType::REQUEST);
    assert!(
        r.iter()
            .any(|e| is(&e.source, "UN") && is(&e.target, "RUS/GOV")),
        "{}",
        show(&evs)
    );
}

#[test]
#[ignore = "known gap: no REQUEST from « Nous appelons … » inside a quote; the speaker (John Kirby) \
            becomes the target of the RETREAT instead"]
fn quoted_call_is_a_request_from_the_speaker() {
    let evs = events(
        "fr",
        "2016-09-29",
        "« Nous appelons la Russie à cesser ses frappes », a déclaré John Kirby.",
    );
    let r = of_type(&evs, EventType::REQUEST);
    assert!(
        r.iter()
            .any(|e| is(&e.source, "USA/GOV") && is(&e.target, "RUS/GOV")),
        "{}",
        show(&evs)
    );
    assert!(
        !evs.iter().any(|e| is(&e.target, "USA/GOV")),
        "the speaker is no target:\n{}",
        show(&evs)
    );
}

#[test]
fn russian_warplanes_struck_aleppo_says_the_observatory() {
    let evs = events(
        "en",
        "2016-10-11",
        "Russian warplanes struck rebel-held districts of Aleppo on Monday, the Syrian Observatory for Human Rights said.",
    );
    let a = of_type(&evs, EventType::ASSAULT);
    let e = a
        .iter()
        .find(|e| is(&e.source, "RUS/MIL"))
        .unwrap_or_else(|| panic!("no RUS/MIL assault:\n{}", show(&evs)));
    assert!(is(&e.said_by, "SYR/HRI"), "{}", show(&evs));
    assert!(
        e.place
            .as_ref()
            .is_some_and(|p| p.country == "SYR" && p.name == "Aleppo"),
        "{}",
        show(&evs)
    );
    let d = e.date.as_ref().expect("dated");
    assert_eq!(
        (d.value.as_str(), d.precision),
        ("2016-10-10", Precision::Day)
    );
}

#[test]
#[ignore = "known gap: the object of the strike (\"rebel-held districts\") is missed and the \
            reporting clause's subject (the Observatory) becomes the target"]
fn russian_warplanes_struck_rebel_held_districts() {
    let evs = events(
        "en",
        "2016-10-11",
        "Russian warplanes struck rebel-held districts of Aleppo on Monday, the Syrian Observatory for Human Rights said.",
    );
    let a = of_type(&evs, EventType::ASSAULT);
    assert!(
        a.iter().all(|e| !is(&e.target, "SYR/HRI")),
        "{}",
        show(&evs)
    );
    assert!(a.iter().any(|e| is(&e.target, "SYR/REB")), "{}", show(&evs));
}

#[test]
fn weekdays_and_dates_are_normalised_against_publication() {
    // "lundi" in a story published on Tuesday 20 September 2016
    let evs = events(
        "fr",
        "2016-09-20",
        "Des frappes aériennes ont visé lundi plusieurs quartiers d'Alep.",
    );
    let a = of_type(&evs, EventType::ASSAULT);
    assert!(
        a.iter()
            .any(|e| e.date.as_ref().is_some_and(|d| d.value == "2016-09-19")),
        "{}",
        show(&evs)
    );
    // an explicit day and month take the publication year
    let evs = events(
        "fr",
        "2016-09-25",
        "L'armée syrienne a bombardé Alep le 19 septembre.",
    );
    let a = of_type(&evs, EventType::ASSAULT);
    assert!(
        a.iter()
            .any(|e| e.date.as_ref().is_some_and(|d| d.value == "2016-09-19")),
        "{}",
        show(&evs)
    );
    // "hier"
    let evs = events(
        "fr",
        "2016-09-25",
        "L'aviation russe a bombardé Idleb hier.",
    );
    let a = of_type(&evs, EventType::ASSAULT);
    assert!(
        a.iter()
            .any(|e| e.date.as_ref().is_some_and(|d| d.value == "2016-09-24")),
        "{}",
        show(&evs)
    );
}

#[test]
#[ignore = "known gap: a weekday in a future-tense clause is resolved to the past \
            (\"will take effect on Monday\" published Sat 2016-09-10 gives 2016-09-05)"]
fn future_weekday_points_forward() {
    let evs = events(
        "en",
        "2016-09-10",
        "The truce will take effect on Monday at sundown.",
    );
    let r = of_type(&evs, EventType::RETREAT);
    assert!(r.iter().all(|e| e.hypothetical), "{}", show(&evs));
    assert!(
        r.iter()
            .any(|e| e.date.as_ref().is_some_and(|d| d.value == "2016-09-12")),
        "{}",
        show(&evs)
    );
}

#[test]
fn selon_osdh_sets_said_by() {
    let evs = events(
        "fr",
        "2016-09-20",
        "Des raids aériens ont frappé la ville d'Idleb, selon l'OSDH.",
    );
    let a = of_type(&evs, EventType::ASSAULT);
    assert!(
        a.iter().all(|e| is(&e.said_by, "SYR/HRI")),
        "{}",
        show(&evs)
    );
}

#[test]
fn no_clashes_reported_is_negated_in_english() {
    let evs = events(
        "en",
        "2017-01-23",
        "No clashes were reported in Idlib province overnight.",
    );
    let a = of_type(&evs, EventType::ASSAULT);
    assert!(a.iter().all(|e| e.negated), "{}", show(&evs));
}

#[test]
#[ignore = "known gap: \"had not carried out any strikes\" is not negated (English \
            \"not … any\" after a reporting verb)"]
fn english_not_any_strikes_is_negated() {
    let evs = events(
        "en",
        "2016-09-29",
        "Russia's Defence Ministry said its aircraft had not carried out any strikes on the city's hospitals.",
    );
    let a = of_type(&evs, EventType::ASSAULT);
    assert!(a.iter().all(|e| e.negated), "{}", show(&evs));
    assert!(
        a.iter().all(|e| is(&e.said_by, "RUS/MIL")),
        "{}",
        show(&evs)
    );
}

#[test]
#[ignore = "known gap: French third-person plural present (-ent: bombardent, accusent, menacent, \
            rejettent) does not match stem triggers"]
fn french_present_plural_verbs_trigger() {
    let evs = events("fr", "2016-09-20", "Les avions russes bombardent Alep.");
    let a = of_type(&evs, EventType::ASSAULT);
    assert!(a.iter().any(|e| is(&e.source, "RUS/MIL")), "{}", show(&evs));
    let evs = events(
        "fr",
        "2016-09-20",
        "Les rebelles accusent le régime de violer la trêve.",
    );
    let a = of_type(&evs, EventType::ACCUSE);
    assert!(
        a.iter()
            .any(|e| is(&e.source, "SYR/REB") && is(&e.target, "SYR/GOV")),
        "{}",
        show(&evs)
    );
}

#[test]
#[ignore = "known gap: the noun \"propos\" (remarks) matches the trigger `proposer` (AGREE)"]
fn remarks_are_not_a_proposal() {
    let evs = events(
        "fr",
        "2016-09-29",
        "Le Kremlin a jugé ces propos « inacceptables ».",
    );
    assert!(
        !evs.iter().any(|e| e.kind == EventType::AGREE),
        "{}",
        show(&evs)
    );
}

#[test]
fn passive_subject_is_the_target() {
    let evs = events(
        "fr",
        "2016-09-20",
        "Un convoi humanitaire de l'ONU a été frappé près d'Alep.",
    );
    let a = of_type(&evs, EventType::ASSAULT);
    assert!(a.iter().any(|e| is(&e.target, "UN")), "{}", show(&evs));
}

#[test]
#[ignore = "known gap: \"a rencontré X\" is flagged hypothetical and loses its object"]
fn past_meeting_is_a_fact_with_both_sides() {
    let evs = events(
        "fr",
        "2016-02-01",
        "L'émissaire de l'ONU a rencontré l'opposition syrienne.",
    );
    let c = of_type(&evs, EventType::CONSULT);
    assert!(c.iter().all(|e| !e.hypothetical), "{}", show(&evs));
    assert!(
        c.iter().any(|e| {
            let mut p = [e.source.as_deref(), e.target.as_deref()];
            p.sort();
            p == [Some("SYR/OPP"), Some("UN")]
        }),
        "{}",
        show(&evs)
    );
}

#[test]
#[ignore = "known gap: bare sector nouns (\"l'opposition\", \"le régime\") take the country of the \
            most frequent place (Genève → CHE) instead of the conflict's"]
fn host_city_does_not_give_actors_their_country() {
    let evs = events(
        "fr",
        "2016-02-01",
        "L'opposition syrienne a rencontré l'émissaire de l'ONU à Genève.\n\
         L'opposition exige à Genève la levée des sièges imposés par le régime.",
    );
    for e in &evs {
        for c in [&e.source, &e.target, &e.said_by].into_iter().flatten() {
            assert!(!c.starts_with("CHE"), "{}", show(&evs));
        }
    }
    let r = of_type(&evs, EventType::REQUEST);
    assert!(r.iter().any(|e| is(&e.source, "SYR/OPP")), "{}", show(&evs));
}

#[test]
#[ignore = "known gap: \"…, U.S. Secretary of State John Kerry said\" gives said_by=RUS/GOV"]
fn english_reporting_clause_gives_the_speaker() {
    let evs = events(
        "en",
        "2016-09-10",
        "The United States and Russia agreed on a plan to restore the ceasefire, U.S. Secretary of State John Kerry said.",
    );
    let a = of_type(&evs, EventType::AGREE);
    assert!(
        a.iter().all(|e| is(&e.said_by, "USA/GOV")),
        "{}",
        show(&evs)
    );
}

#[test]
fn uncoded_language_gives_a_diagnostic_and_no_event() {
    let a = analyse(
        "de",
        "2016-09-20",
        "Russische Kampfflugzeuge haben am Montag Aleppo bombardiert.",
    );
    assert!(a.events.is_empty(), "{}", show(&a.events));
    assert_eq!(a.lang.as_deref(), Some("de"));
    assert!(!a.diagnostics.is_empty());
}

#[test]
fn empty_document_gives_nothing() {
    for lang in ["fr", "en"] {
        let a = analyse(lang, "2016-09-20", "");
        assert!(a.events.is_empty());
    }
}
