//! Checks of the embedded tables and of name resolution.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Instant;
use truce_geo::{normalize_key, Entry, Gazetteer, GeoError, Kind};

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../lexicons/geo")
}

fn read(file: &str) -> String {
    let path = data_dir().join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn data_lines(text: &str) -> Vec<Vec<&str>> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect()
}

fn g() -> &'static Gazetteer {
    Gazetteer::embedded()
}

fn assert_near(e: &Entry, lat: f64, lon: f64, km: f64) {
    let d = e.distance_km(lat, lon);
    assert!(
        d <= km,
        "{} ({}) is {d:.1} km from ({lat}, {lon}), more than {km} km",
        e.name,
        e.id
    );
}

fn best(name: &str, focus: Option<&str>) -> &'static Entry {
    g().best(name, focus)
        .unwrap_or_else(|| panic!("{name:?} does not resolve"))
}

#[test]
fn embedded_builds_and_reports_load_time() {
    let t = Instant::now();
    let g = Gazetteer::embedded();
    let elapsed = t.elapsed();
    let (keys, acronyms) = g.key_counts();
    eprintln!(
        "gazetteer: {} entries, {} keys, {} acronyms, max {} tokens, built in {:?} \
         (this test binary's profile; release is faster)",
        g.len(),
        keys,
        acronyms,
        g.max_key_tokens(),
        elapsed
    );
    assert!(g.len() > 34_000);
    assert!(g.max_key_tokens() >= 3);
}

#[test]
fn every_row_parses_and_ids_are_unique() {
    // Building from the files on disk parses every row of every table and
    // rejects duplicate ids.
    let from_files = Gazetteer::from_dir(&data_dir()).expect("tables parse");
    assert_eq!(from_files.len(), g().len());
    let ids: HashSet<&str> = g().entries().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), g().len());
}

#[test]
fn coordinates_and_country_codes_are_valid() {
    for e in g().entries() {
        assert!((-90.0..=90.0).contains(&e.lat), "{}: lat {}", e.id, e.lat);
        assert!((-180.0..=180.0).contains(&e.lon), "{}: lon {}", e.id, e.lon);
        assert!(
            e.country.len() == 3 && e.country.bytes().all(|b| b.is_ascii_uppercase()),
            "{}: country {:?}",
            e.id,
            e.country
        );
        assert!(
            g().country(&e.country).is_some(),
            "{}: country {} is not in countries.tsv",
            e.id,
            e.country
        );
        assert!(!e.name.trim().is_empty(), "{}: empty name", e.id);
    }
    for c in g().countries() {
        assert_eq!(c.iso2.len(), 2);
        assert_eq!(g().country_by_iso2(&c.iso2).map(|x| &x.iso3), Some(&c.iso3));
    }
    assert!(g().countries().len() >= 249);
}

#[test]
fn tables_are_sorted() {
    // countries.tsv by ISO3, cities.tsv by numeric geonameid, supplement.tsv by id.
    let countries = read("countries.tsv");
    let keys: Vec<&str> = data_lines(&countries).iter().map(|f| f[0]).collect();
    assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "countries.tsv not sorted by iso3"
    );

    let cities = read("cities.tsv");
    let ids: Vec<u64> = data_lines(&cities)
        .iter()
        .map(|f| f[0].parse().expect("numeric geonameid"))
        .collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "cities.tsv not sorted by geonameid"
    );

    let sup = read("supplement.tsv");
    let ids: Vec<&str> = data_lines(&sup).iter().map(|f| f[0]).collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "supplement.tsv not sorted by id"
    );
}

#[test]
fn supplement_rows_are_well_formed() {
    let sup = read("supplement.tsv");
    let rows = data_lines(&sup);
    assert!(rows.len() >= 100);
    for f in rows {
        assert_eq!(f.len(), 8, "{:?}", f);
        assert!(
            f[0].starts_with("S:"),
            "supplement id {:?} must start with S:",
            f[0]
        );
        let kind: Kind = f[5].parse().expect("valid kind");
        assert!(!matches!(kind, Kind::Country | Kind::City));
        for alt in f[7].split('|').filter(|a| !a.is_empty()) {
            assert!(alt.len() <= 80, "{}: alternate too long: {alt}", f[0]);
            assert!(
                !normalize_key(alt).is_empty(),
                "{}: alternate {alt:?} normalises to nothing",
                f[0]
            );
        }
    }
}

#[test]
fn city_file_is_compact() {
    let size = std::fs::metadata(data_dir().join("cities.tsv"))
        .expect("cities.tsv")
        .len();
    assert!(size < 8_000_000, "cities.tsv is {size} bytes");
}

#[test]
fn french_exonyms_resolve_to_the_right_city() {
    let alep = best("alep", Some("SYR"));
    assert_eq!(alep.kind, Kind::City);
    assert_near(alep, 36.20, 37.16, 10.0);

    for (name, iso3, lat, lon) in [
        ("Damas", "SYR", 33.51, 36.29),
        ("Lattaquié", "SYR", 35.53, 35.79),
        ("Idleb", "SYR", 35.93, 36.63),
        ("Homs", "SYR", 34.73, 36.72),
        ("Hama", "SYR", 35.13, 36.75),
        ("Deir ez-Zor", "SYR", 35.34, 40.14),
        ("Deir Ezzor", "SYR", 35.34, 40.14),
        ("Deir al-Zour", "SYR", 35.34, 40.14),
        ("Deir ez Zor", "SYR", 35.34, 40.14),
        ("Raqqa", "SYR", 35.95, 39.01),
        ("Rakka", "SYR", 35.95, 39.01),
        ("Mossoul", "IRQ", 36.34, 43.13),
        ("Bagdad", "IRQ", 33.34, 44.40),
        ("Le Caire", "EGY", 30.06, 31.25),
        ("Londres", "GBR", 51.51, -0.13),
        ("Genève", "CHE", 46.20, 6.15),
        ("geneve", "CHE", 46.20, 6.15),
        ("Moscou", "RUS", 55.75, 37.62),
        ("Pékin", "CHN", 39.91, 116.40),
        ("Beyrouth", "LBN", 33.89, 35.50),
        ("Benghazi", "LBY", 32.12, 20.07),
        ("Syrte", "LBY", 31.21, 16.59),
        ("Sanaa", "YEM", 15.35, 44.21),
        ("Aden", "YEM", 12.78, 45.04),
        ("Kiev", "UKR", 50.45, 30.52),
        ("Kyiv", "UKR", 50.45, 30.52),
        ("Donetsk", "UKR", 48.02, 37.80),
        ("Lougansk", "UKR", 48.57, 39.31),
        ("Marioupol", "UKR", 47.10, 37.55),
        ("Ankara", "TUR", 39.92, 32.85),
        ("Téhéran", "IRN", 35.69, 51.42),
        ("Riyad", "SAU", 24.69, 46.72),
        ("Doha", "QAT", 25.29, 51.53),
        ("Amman", "JOR", 31.96, 35.95),
        ("Jérusalem", "ISR", 31.77, 35.22),
        ("Astana", "KAZ", 51.18, 71.45),
        ("Munich", "DEU", 48.14, 11.58),
        ("Lausanne", "CHE", 46.52, 6.63),
        ("Oslo", "NOR", 59.91, 10.75),
        ("New York", "USA", 40.71, -74.01),
        ("Alger", "DZA", 36.74, 3.09),
        ("Tunis", "TUN", 36.82, 10.17),
        ("Rabat", "MAR", 34.01, -6.83),
        ("Fallouja", "IRQ", 33.35, 43.78),
        ("Kirkouk", "IRQ", 35.47, 44.39),
        ("Kobané", "SYR", 36.89, 38.35),
        ("Palmyre", "SYR", 34.56, 38.28),
        ("Douma", "SYR", 33.57, 36.40),
    ] {
        let e = best(name, None);
        assert_eq!(e.country, iso3, "{name} resolved to {} ({})", e.name, e.id);
        assert_near(e, lat, lon, 25.0);
    }
}

#[test]
fn tripoli_depends_on_focus() {
    assert_eq!(best("Tripoli", None).country, "LBY"); // largest
    assert_eq!(best("Tripoli", Some("LBN")).country, "LBN");
    assert_eq!(best("Tripoli", Some("LBY")).country, "LBY");
}

#[test]
fn capitals_beat_namesakes() {
    let w = best("washington", None);
    assert_eq!(w.country, "USA");
    assert_near(w, 38.90, -77.04, 10.0);

    let paris = best("paris", None);
    assert_eq!(paris.country, "FRA");
    assert_near(paris, 48.85, 2.35, 10.0);
    // With a focus on the US, Paris (Texas) is the US one.
    assert_eq!(best("paris", Some("USA")).country, "USA");
}

#[test]
fn supplement_places_resolve() {
    let k = best("khmeimim", None);
    assert_eq!(k.kind, Kind::Airbase);
    assert_near(k, 35.41, 35.95, 5.0);
    for v in ["Hmeimim", "base aérienne de Hmeimim", "Hmeymim air base"] {
        assert_eq!(best(v, None).id, k.id, "{v}");
    }

    let gh = best("ghouta orientale", None);
    assert_eq!(gh.kind, Kind::District);
    assert_near(gh, 33.55, 36.40, 5.0);
    for v in ["Ghouta", "East Ghouta", "Eastern Ghouta", "Ghouta-Est"] {
        assert_eq!(best(v, Some("SYR")).id, gh.id, "{v}");
    }

    let rif = best("rif dimachq", None);
    assert_eq!(rif.kind, Kind::Admin1);
    for v in ["Rif Dimashq", "Damascus countryside", "Rif de Damas"] {
        assert_eq!(best(v, None).id, rif.id, "{v}");
    }

    let orum = best("Urum al-Kubra", None);
    assert_near(orum, 36.14, 36.94, 3.0);
    assert_eq!(best("Orum al-Koubra", None).id, orum.id);

    let idlib = best("province d'Idleb", None);
    assert_eq!(idlib.kind, Kind::Admin1);
    assert_eq!(best("Idleb", None).kind, Kind::City);

    assert_eq!(best("Alep-Est", None).admin1.as_deref(), Some("Aleppo"));
    assert_eq!(best("Cheikh Maqsoud", None).kind, Kind::Neighbourhood);
    assert_eq!(best("plateau du Golan", None).kind, Kind::Region);
    assert_eq!(best("vallée de la Bekaa", None).country, "LBN");
    assert_eq!(best("Donbass", None).country, "UKR");
    assert_eq!(best("Kurdistan irakien", None).country, "IRQ");
    assert_eq!(best("Tal Afar", None).country, "IRQ");
}

#[test]
fn countries_resolve_in_french_and_english() {
    for (name, iso3) in [
        ("Syrie", "SYR"),
        ("Syria", "SYR"),
        ("États-Unis", "USA"),
        ("Etats-Unis", "USA"),
        ("Etats Unis", "USA"),
        ("United States", "USA"),
        ("Russie", "RUS"),
        ("Arabie saoudite", "SAU"),
        ("Royaume-Uni", "GBR"),
        ("Grande-Bretagne", "GBR"),
        ("Birmanie", "MMR"),
        ("Myanmar", "MMR"),
        ("Turquie", "TUR"),
        ("Irak", "IRQ"),
        ("Liban", "LBN"),
        ("Côte d'Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
    ] {
        let e = best(name, None);
        assert_eq!(e.kind, Kind::Country, "{name} -> {}", e.id);
        assert_eq!(e.country, iso3, "{name}");
    }
    let syr = g().country("SYR").expect("Syria");
    assert_eq!(syr.name_fr, "Syrie");
    assert_eq!(syr.capital.as_deref(), Some("Damascus"));
    assert_eq!(
        g().country_by_iso2("SY").map(|c| c.iso3.as_str()),
        Some("SYR")
    );
    assert!(g().country("XXX").is_none());
}

#[test]
fn acronyms_are_case_sensitive_only() {
    // "us" is an English pronoun: it must not resolve in the lowercase index.
    assert!(g()
        .lookup("us")
        .iter()
        .all(|&i| g().entry(i).country != "USA"));
    for s in ["USA", "US", "U.S.", "U.S.A."] {
        let c = g().lookup_exact_case(s);
        assert!(
            c.iter().any(|&i| g().entry(i).id == "C:USA"),
            "{s} should find the United States"
        );
    }
    assert!(g().lookup_exact_case("Us").is_empty());
    assert_eq!(best("UK", None).country, "GBR");
    assert_eq!(best("RDC", None).country, "COD");
}

#[test]
fn lookup_returns_best_candidates_first() {
    let key = normalize_key("Tripoli");
    let c = g().lookup(&key);
    assert!(c.len() >= 2);
    let pops: Vec<u64> = c.iter().map(|&i| g().entry(i).population).collect();
    assert!(pops.windows(2).all(|w| w[0] >= w[1]), "{pops:?}");
    assert!(g().lookup("no such place anywhere").is_empty());
}

#[test]
fn entries_convert_to_places() {
    let gh = best("Ghouta orientale", None).to_place();
    assert_eq!(gh.country, "SYR");
    assert_eq!(gh.precision, Some(truce_model::GeoPrecision::Region));
    let damas = best("Damas", None).to_place();
    assert_eq!(damas.precision, Some(truce_model::GeoPrecision::Point));
    let syr = best("Syrie", None).to_place();
    assert_eq!(syr.precision, Some(truce_model::GeoPrecision::Country));
}

#[test]
fn override_dir_replaces_only_the_files_it_has() {
    let dir = std::env::temp_dir().join(format!("truce-geo-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("supplement.tsv"),
        "#id\tname\tcountry\tlat\tlon\tkind\tadmin1\talternates\n\
         S:test-camp\tTest Camp\tSYR\t35.0\t38.0\tsite\t\tCamp d'essai|Camp-Test\n",
    )
    .expect("write");
    let g2 = Gazetteer::from_dir(&dir).expect("loads");
    let _ = std::fs::remove_dir_all(&dir);
    // Cities and countries still come from the embedded tables.
    assert_eq!(
        g2.best("Alep", None).map(|e| e.country.as_str()),
        Some("SYR")
    );
    assert_eq!(
        g2.best("camp d’essai", None).map(|e| e.id.as_str()),
        Some("S:test-camp")
    );
    assert_eq!(g2.best("Camp Test", None), None);
    // The embedded supplement is replaced, not merged.
    assert!(g2.best("Khmeimim", None).is_none());
}

#[test]
fn bad_override_is_an_error_not_a_panic() {
    let dir = std::env::temp_dir().join(format!("truce-geo-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("cities.tsv"), "1\tX\tX\tSYR\tnorth\t36\t0\t\t\n").expect("write");
    let r = Gazetteer::from_dir(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    match r {
        Err(GeoError::Parse { line, .. }) => assert_eq!(line, 1),
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn duplicate_ids_are_rejected() {
    let sup = "S:a\tA\tSYR\t1\t1\ttown\t\t\nS:a\tB\tSYR\t1\t1\ttown\t\t\n";
    let countries = "SYR\tSY\tSyria\tSyrie\tDamascus\t33.5\t36.3\t0\t\n";
    match Gazetteer::from_tables(countries, "", sup) {
        Err(GeoError::DuplicateId(id)) => assert_eq!(id, "S:a"),
        other => panic!("expected a duplicate id error, got {other:?}"),
    }
}
