//! Table-driven tests: sentences in the style of wire coverage of the 2016
//! Syrian ceasefire (written for these tests), with the exact expressions,
//! values and precisions expected.

use truce_model::Precision;
use truce_time::{parse_published, tag, year_hint, Anchor, Lang, Timex, TimexKind};

use Lang::{En, Fr};
use TimexKind::{Approx, Date, Duration, Relative, Since, Time};

/// An expected expression: span text, value ("" = none), kind, approximate.
type Exp = (&'static str, &'static str, TimexKind, bool);

struct Case {
    lang: Lang,
    /// Reference date, "" for none.
    reference: &'static str,
    text: &'static str,
    expect: &'static [Exp],
}

const fn c(
    lang: Lang,
    reference: &'static str,
    text: &'static str,
    expect: &'static [Exp],
) -> Case {
    Case {
        lang,
        reference,
        text,
        expect,
    }
}

/// The precision a value string implies: YYYY, YYYY-MM or YYYY-MM-DD.
fn precision_of(v: &str) -> Precision {
    match v.len() {
        4 => Precision::Year,
        7 => Precision::Month,
        _ => Precision::Day,
    }
}

fn anchor(reference: &str) -> Anchor {
    Anchor {
        reference: parse_published(reference),
        year_hint: None,
    }
}

/// Compare found expressions with expected ones; describe any difference.
fn diff(text: &str, got: &[Timex], expect: &[Exp]) -> Option<String> {
    let show = |t: &Timex| {
        format!(
            "({:?}, {:?}/{:?}, {:?}, {})",
            t.span.slice(text),
            t.value.as_ref().map(|v| v.value.as_str()).unwrap_or(""),
            t.value.as_ref().map(|v| v.precision),
            t.kind,
            t.approximate
        )
    };
    let same = got.len() == expect.len()
        && got
            .iter()
            .zip(expect)
            .all(|(t, &(span, value, kind, approx))| {
                let v_ok = match &t.value {
                    None => value.is_empty(),
                    Some(v) => v.value == value && v.precision == precision_of(value),
                };
                t.span.slice(text) == span && v_ok && t.kind == kind && t.approximate == approx
            });
    if same {
        return None;
    }
    let got: Vec<String> = got.iter().map(show).collect();
    Some(format!("{text}\n   got:    {got:?}\n   wanted: {expect:?}"))
}

fn run(cases: &[Case]) {
    let mut failures = Vec::new();
    for case in cases {
        let a = anchor(case.reference);
        assert!(
            case.reference.is_empty() || a.reference.is_some(),
            "bad reference in test table: {}",
            case.reference
        );
        let got = tag(case.text, case.lang, &a);
        if let Some(d) = diff(case.text, &got, case.expect) {
            failures.push(format!("[{:?} ref {}] {d}", case.lang, case.reference));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

const FRENCH: &[Case] = &[
    c(Fr, "2016-06-30", "Les Etats-Unis auraient transmis le texte à la Russie lundi 27 juin, après des semaines de négociations.",
      &[("lundi 27 juin", "2016-06-27", Date, false)]),
    c(Fr, "2016-04-14", "La Russie et les Etats-Unis ont convenu d'un cessez-le-feu à compter du 27 février à minuit.",
      &[("27 février à minuit", "2016-02-27", Date, false)]),
    c(Fr, "2016-04-14", "Le cessez-le-feu est entré en vigueur le 27 février à minuit, heure de Damas.",
      &[("le 27 février à minuit", "2016-02-27", Date, false)]),
    c(Fr, "2016-09-28", "La trêve, conclue le 27 février 2016, ne couvre ni Daech ni le Front al-Nosra.",
      &[("le 27 février 2016", "2016-02-27", Date, false)]),
    c(Fr, "2016-09-28", "Le document, daté du 27/02/2016, a été transmis au Conseil de sécurité.",
      &[("27/02/2016", "2016-02-27", Date, false)]),
    c(Fr, "2016-09-28", "Depuis le 19 septembre, les combats ont repris dans les quartiers est d'Alep.",
      &[("Depuis le 19 septembre", "2016-09-19", Since, false)]),
    c(Fr, "2016-06-15", "Les combats ont repris fin mai dans la province d'Alep, selon l'OSDH.",
      &[("fin mai", "2016-05", Approx, true)]),
    c(Fr, "2016-05-20", "Les négociations inter-syriennes doivent reprendre début juin à Genève.",
      &[("début juin", "2016-06", Approx, true)]),
    c(Fr, "2016-11-02", "L'offensive sur les quartiers rebelles avait été lancée mi-octobre.",
      &[("mi-octobre", "2016-10", Approx, true)]),
    c(Fr, "2016-04-14", "Le niveau de violence a diminué depuis que le cessez-le-feu a été lancé à la fin de février.",
      &[("à la fin de février", "2016-02", Approx, true)]),
    c(Fr, "2016-04-14", "Les bombardements se sont nettement raréfiés en février, selon Moscou.",
      &[("février", "2016-02", Date, false)]),
    c(Fr, "2016-04-14", "La Syrie est le théâtre d'un conflit armé depuis mars 2011.",
      &[("depuis mars 2011", "2011-03", Since, false)]),
    c(Fr, "2016-04-14", "Le régime a lancé une offensive en mars 2011 contre les manifestants.",
      &[("mars 2011", "2011-03", Date, false)]),
    c(Fr, "2016-04-14", "Les négociations de paix ont repris mercredi à Genève.",
      &[("mercredi", "2016-04-13", Relative, false)]),
    c(Fr, "2016-06-16", "Le ministère russe de la Défense a annoncé mercredi soir une pause de 48 heures.",
      &[("mercredi soir", "2016-06-15", Relative, false), ("48 heures", "", Duration, false)]),
    c(Fr, "2016-09-20", "Ce lundi, l'armée syrienne a proclamé la fin du régime de silence.",
      &[("Ce lundi", "2016-09-19", Relative, false)]),
    c(Fr, "2016-09-20", "L'armée syrienne a déclaré lundi 19 la fin de la trêve.",
      &[("lundi 19", "2016-09-19", Date, false)]),
    c(Fr, "2016-10-03", "L'armée syrienne a déclaré lundi 19 la fin de la trêve.",
      &[("lundi 19", "2016-09-19", Date, false)]),
    c(Fr, "2016-09-20", "Un raid de la coalition a visé samedi 17 des positions de l'armée à Deir Ezzor.",
      &[("samedi 17", "2016-09-17", Date, false)]),
    c(Fr, "2016-09-20", "Un convoi humanitaire a été frappé hier près d'Alep.",
      &[("hier", "2016-09-19", Relative, false)]),
    c(Fr, "2016-05-05", "Avant-hier, des tirs de roquettes ont visé un hôpital d'Alep.",
      &[("Avant-hier", "2016-05-03", Relative, false)]),
    c(Fr, "2016-03-01", "Aujourd'hui, la situation se stabilise en Syrie, affirme l'état-major russe.",
      &[("Aujourd'hui", "2016-03-01", Relative, false)]),
    c(Fr, "2016-10-14", "Les chefs de la diplomatie se retrouveront demain à Lausanne.",
      &[("demain", "2016-10-15", Relative, false)]),
    c(Fr, "2016-09-29", "La veille, Washington avait menacé de suspendre sa coopération avec Moscou.",
      &[("La veille", "2016-09-28", Relative, true)]),
    c(Fr, "2016-09-20", "Le lendemain, les frappes aériennes ont repris sur les quartiers rebelles.",
      &[("Le lendemain", "2016-09-21", Relative, true)]),
    c(Fr, "2016-04-14", "Une telle offensive menace la trêve entrée en vigueur il y a près de sept semaines.",
      &[("il y a près de sept semaines", "2016-02-25", Relative, true)]),
    c(Fr, "2016-09-16", "Un accord a été conclu il y a une semaine à Genève.",
      &[("il y a une semaine", "2016-09-09", Relative, true)]),
    c(Fr, "2016-09-21", "L'aviation a bombardé la ville il y a deux jours, selon des secouristes.",
      &[("il y a deux jours", "2016-09-19", Relative, false)]),
    c(Fr, "2016-09-28", "La semaine dernière, Moscou a accusé Washington de protéger al-Nosra.",
      &[("La semaine dernière", "2016-09-21", Relative, true)]),
    c(Fr, "2016-09-28", "Le mois dernier, l'ONU avait dénoncé le siège d'Alep.",
      &[("Le mois dernier", "2016-08", Relative, false)]),
    c(Fr, "2016-03-01", "L'an dernier, plus de 50.000 personnes ont été tuées en Syrie.",
      &[("L'an dernier", "2015", Relative, false)]),
    c(Fr, "2016-09-28", "Les rebelles refusent le cessez-le-feu mis en place le 12 septembre dernier.",
      &[("le 12 septembre dernier", "2016-09-12", Date, false)]),
    c(Fr, "2016-10-21", "Une nouvelle pause humanitaire est entrée en vigueur jeudi 20 octobre à 08h00.",
      &[("jeudi 20 octobre à 08h00", "2016-10-20", Date, false)]),
    c(Fr, "2016-06-15", "Le régime de silence est entré en vigueur le 16 juin à 00h01 à Alep.",
      &[("le 16 juin à 00h01", "2016-06-16", Date, false)]),
    c(Fr, "2016-09-20", "Les ministres doivent se réunir cette semaine à New York.",
      &[("cette semaine", "2016-09-20", Relative, true)]),
    c(Fr, "2016-10-14", "Deux réunions sont prévues ce week-end à Lausanne et à Londres.",
      &[("ce week-end", "2016-10-15", Relative, true)]),
    c(Fr, "2016-10-14", "Les pourparlers reprendront dimanche prochain, selon l'émissaire de l'ONU.",
      &[("dimanche prochain", "2016-10-16", Relative, false)]),
    c(Fr, "2016-06-15", "Moscou a proposé une trêve de 48 heures dans la ville d'Alep.",
      &[("48 heures", "", Duration, false)]),
    c(Fr, "2016-04-14", "Les pourparlers visent à mettre un terme à plus de 5 ans de conflit.",
      &[("plus de 5 ans", "", Duration, true)]),
    c(Fr, "2016-04-14", "En 2014, le groupe Daech a intensifié son activité au Proche-Orient.",
      &[("2014", "2014", Date, false)]),
    c(Fr, "2016-09-23", "Les frappes ont repris depuis mercredi, selon l'Observatoire.",
      &[("depuis mercredi", "2016-09-21", Since, false)]),
    c(Fr, "2016-04-14", "Le centre a enregistré 12 incidents depuis le 27 février 2016.",
      &[("depuis le 27 février 2016", "2016-02-27", Since, false)]),
    c(Fr, "2016-04-14", "La cessation des hostilités tient depuis près de sept semaines.",
      &[("depuis près de sept semaines", "2016-02-25", Since, true)]),
    c(Fr, "2016-09-28", "L'offensive de l'armée a été lancée en mars dernier.",
      &[("mars dernier", "2016-03", Date, false)]),
    c(Fr, "2016-01-05", "Le 28 décembre, l'armée a repris le contrôle de la localité.",
      &[("Le 28 décembre", "2015-12-28", Date, false)]),
    c(Fr, "2016-09-20", "Les raids ont cessé pendant une semaine avant de reprendre.",
      &[("une semaine", "", Duration, false)]),
    c(Fr, "2016-04-14", "Daech a perdu près de 22% de ses territoires au cours des 14 derniers mois.",
      &[("14 derniers mois", "", Duration, false)]),
    c(Fr, "2016-10-21", "Dans la nuit de mercredi à jeudi, des tirs ont été entendus à Alep.",
      &[("Dans la nuit de mercredi", "2016-10-19", Relative, false), ("jeudi", "2016-10-20", Relative, false)]),
    c(Fr, "2016-09-20", "L'armée a annoncé samedi 17 septembre 2016 à 19h00 la fin des frappes.",
      &[("samedi 17 septembre 2016 à 19h00", "2016-09-17", Date, false)]),
    c(Fr, "2016-03-01", "Fin 2015, la Russie avait intensifié ses frappes en Syrie.",
      &[("Fin 2015", "2015", Approx, true)]),
    c(Fr, "2016-02-27", "La trêve est entrée en vigueur à minuit, heure de Damas.",
      &[("minuit", "", Time, false)]),
    c(Fr, "2016-02-27", "La trêve est entrée en vigueur à minuit ce 27 février.",
      &[("minuit ce 27 février", "2016-02-27", Date, false)]),
    c(Fr, "2016-10-17", "Dernière mise à jour à 08h02 le 17/10.",
      &[("08h02 le 17/10", "2016-10-17", Date, false)]),
    c(Fr, "2016-09-12", "Le gel des combats débutera à 19h00 (16h00 GMT).",
      &[("19h00", "", Time, false), ("16h00 GMT", "", Time, false)]),
    c(Fr, "2016-09-18", "Le cessez-le-feu tient depuis une semaine malgré des violations.",
      &[("depuis une semaine", "2016-09-11", Since, true)]),
    c(Fr, "2016-09-19", "Depuis quelques jours, le président syrien accuse Washington.",
      &[("Depuis quelques jours", "2016-09-16", Since, true)]),
    c(Fr, "2016-09-28", "L'accord a été signé par les deux pays à Genève le 9 septembre.",
      &[("le 9 septembre", "2016-09-09", Date, false)]),
    c(Fr, "2016-02-23", "Washington et Moscou ont annoncé, lundi 22 février, l'entrée en vigueur d'une trêve.",
      &[("lundi 22 février", "2016-02-22", Date, false)]),
    c(Fr, "2016-09-28", "Le 1er septembre, les négociateurs se sont retrouvés à Genève.",
      &[("Le 1er septembre", "2016-09-01", Date, false)]),
    c(Fr, "2016-12-30", "Les rebelles ont signé jeudi 29 à minuit un accord de cessez-le-feu.",
      &[("jeudi 29 à minuit", "2016-12-29", Date, false)]),
    c(Fr, "2016-12-30", "Des pourparlers sont prévus le 20 janvier à Astana.",
      &[("le 20 janvier", "2017-01-20", Date, false)]),
];

const ENGLISH: &[Case] = &[
    c(
        En,
        "2016-09-22",
        "Syrian government forces launched a new offensive last Tuesday, a monitor said.",
        &[("last Tuesday", "2016-09-20", Relative, false)],
    ),
    c(
        En,
        "2016-09-14",
        "The truce took effect at sunset on Sept. 12, the start of the Eid al-Adha holiday.",
        &[("sunset on Sept. 12", "2016-09-12", Date, false)],
    ),
    c(
        En,
        "2016-09-14",
        "The ceasefire announced in Geneva took effect on Sept. 12.",
        &[("Sept. 12", "2016-09-12", Date, false)],
    ),
    c(
        En,
        "2016-09-14",
        "Kerry and Lavrov met for more than 13 hours in Geneva on September 9.",
        &[
            ("more than 13 hours", "", Duration, true),
            ("September 9", "2016-09-09", Date, false),
        ],
    ),
    c(
        En,
        "2016-10-25",
        "The accord was announced on 12 September 2016 in Geneva.",
        &[("12 September 2016", "2016-09-12", Date, false)],
    ),
    c(
        En,
        "2016-09-14",
        "Under the deal reached Sept 9, aid was to reach Aleppo.",
        &[("Sept 9", "2016-09-09", Date, false)],
    ),
    c(
        En,
        "2016-09-20",
        "Air strikes hit an aid convoy near Aleppo on Monday, the United Nations said.",
        &[("Monday", "2016-09-19", Relative, false)],
    ),
    c(
        En,
        "2016-09-20",
        "Heavy shelling was reported Monday night in eastern Aleppo.",
        &[("Monday night", "2016-09-19", Relative, false)],
    ),
    c(
        En,
        "2016-10-25",
        "Late on Monday, October 24, 48 women and children left eastern Aleppo.",
        &[("Late on Monday, October 24", "2016-10-24", Date, false)],
    ),
    c(
        En,
        "2016-09-17",
        "The Syrian army said earlier Saturday that it would observe the pause.",
        &[("earlier Saturday", "2016-09-17", Relative, false)],
    ),
    c(
        En,
        "2016-09-20",
        "Russia's defence ministry said yesterday that rebels had violated the truce.",
        &[("yesterday", "2016-09-19", Relative, false)],
    ),
    c(
        En,
        "2016-09-21",
        "The Security Council will meet today to discuss the attack on the convoy.",
        &[("today", "2016-09-21", Relative, false)],
    ),
    c(
        En,
        "2016-09-21",
        "Talks on a new truce resume tomorrow in Geneva.",
        &[("tomorrow", "2016-09-22", Relative, false)],
    ),
    c(
        En,
        "2016-10-05",
        "Washington suspended bilateral talks with Moscow last week.",
        &[("last week", "2016-09-28", Relative, true)],
    ),
    c(
        En,
        "2016-10-25",
        "The ceasefire took effect three days later.",
        &[("three days later", "", Duration, true)],
    ),
    c(
        En,
        "2016-09-10",
        "The previous record was set in July in Moscow.",
        &[("July", "2016-07", Date, false)],
    ),
    c(
        En,
        "2016-10-03",
        "Fighting in Aleppo intensified in early September.",
        &[("early September", "2016-09", Approx, true)],
    ),
    c(
        En,
        "2016-09-28",
        "A new round of talks is expected in mid-October.",
        &[("mid-October", "2016-10", Approx, true)],
    ),
    c(
        En,
        "2016-09-28",
        "The statement, dated 2016-09-19, blamed the rebels.",
        &[("2016-09-19", "2016-09-19", Date, false)],
    ),
    c(
        En,
        "2016-12-20",
        "Evacuations from eastern Aleppo were halted on Dec. 16, 2016.",
        &[("Dec. 16, 2016", "2016-12-16", Date, false)],
    ),
    c(
        En,
        "2016-12-20",
        "On December 16, 2016, the evacuation of eastern Aleppo was suspended.",
        &[("December 16, 2016", "2016-12-16", Date, false)],
    ),
    c(
        En,
        "2016-04-20",
        "The talks will resume in May, the UN envoy said.",
        &[("May", "2016-05", Date, false)],
    ),
    c(
        En,
        "2016-05-10",
        "The agreement on Aleppo was extended on May 5.",
        &[("May 5", "2016-05-05", Date, false)],
    ),
    c(
        En,
        "2016-09-28",
        "May 2016 was one of the deadliest months of the war.",
        &[("May 2016", "2016-05", Date, false)],
    ),
    c(
        En,
        "2016-04-14",
        "The cessation of hostilities has largely held since February 27.",
        &[("since February 27", "2016-02-27", Since, false)],
    ),
    c(
        En,
        "2016-09-21",
        "The truce collapsed two days ago, rebels said.",
        &[("two days ago", "2016-09-19", Relative, false)],
    ),
    c(
        En,
        "2016-09-14",
        "Some areas have been under siege for more than two months.",
        &[("more than two months", "", Duration, true)],
    ),
    c(
        En,
        "2016-10-17",
        "A humanitarian pause will begin next Thursday, Moscow said.",
        &[("next Thursday", "2016-10-20", Relative, false)],
    ),
    c(
        En,
        "2016-09-28",
        "This week, the Kremlin said it would continue its operations.",
        &[("This week", "2016-09-28", Relative, true)],
    ),
    c(
        En,
        "2016-03-01",
        "Last year, Russia began its air campaign in Syria.",
        &[("Last year", "2015", Relative, false)],
    ),
    c(
        En,
        "2016-09-20",
        "The convoy was hit at 19:30 local time on Monday.",
        &[("19:30 local time on Monday", "2016-09-19", Relative, false)],
    ),
    c(
        En,
        "2016-10-03",
        "The truce agreed in September 2016 collapsed within a week.",
        &[
            ("September 2016", "2016-09", Date, false),
            ("a week", "", Duration, false),
        ],
    ),
    c(
        En,
        "2016-10-03",
        "The war has killed more than 300,000 people since 2011.",
        &[("since 2011", "2011", Since, false)],
    ),
    c(
        En,
        "2016-04-14",
        "The truce took effect nearly seven weeks ago.",
        &[("nearly seven weeks ago", "2016-02-25", Relative, true)],
    ),
    c(
        En,
        "2016-09-20",
        "The Syrian military declared the truce over on Monday at 7 p.m.",
        &[("Monday at 7 p.m.", "2016-09-19", Relative, false)],
    ),
    c(
        En,
        "2016-02-14",
        "World powers agreed Thursday to a cessation of hostilities within a week.",
        &[
            ("Thursday", "2016-02-11", Relative, false),
            ("a week", "", Duration, false),
        ],
    ),
    c(
        En,
        "2016-10-25",
        "The humanitarian pause was extended into Friday afternoon.",
        &[("Friday afternoon", "2016-10-21", Relative, false)],
    ),
    c(
        En,
        "2016-09-20",
        "The ceasefire began at sundown on September 12 and lasted a week.",
        &[("sundown on September 12", "2016-09-12", Date, false)],
    ),
    c(
        En,
        "2016-09-20",
        "Rebels said the regime had violated the deal on the 13th of September.",
        &[("the 13th of September", "2016-09-13", Date, false)],
    ),
];

#[test]
fn french_cases() {
    run(FRENCH);
}

#[test]
fn english_cases() {
    run(ENGLISH);
}

#[test]
fn table_is_large_enough() {
    assert!(FRENCH.len() + ENGLISH.len() >= 60);
}

#[test]
fn not_dates() {
    let a = anchor("2016-09-28");
    for (lang, text) in [
        (
            En,
            "Russia may resume strikes if the rebels do not withdraw.",
        ),
        (En, "May God protect the people of Aleppo, the bishop said."),
        (
            En,
            "Opposition supporters march in Idlib against the regime.",
        ),
        (En, "The March on Damascus was a slogan of the rebels."),
        (Fr, "La NASA prépare une mission habitée vers Mars."),
        (
            Fr,
            "La planète Mars n'a rien à voir avec la guerre en Syrie.",
        ),
        (Fr, "Le bombardement a fait 12 morts et 40 blessés."),
        (
            Fr,
            "Un convoi de 18 camions a été touché près d'Urum al-Koubra.",
        ),
        (Fr, "Les sept pays du groupe de soutien se sont réunis."),
        (Fr, "Un jour, il faudra rendre des comptes, a-t-il dit."),
        (Fr, "La guerre a fait plus de 250.000 morts selon l'ONU."),
        (Fr, "Le cessez-le-feu doit mettre fin aux bombardements."),
        (En, "An aid convoy of 31 trucks was hit; 20 people died."),
        (En, "A day of mourning was declared in the region."),
        (Fr, "Le score était de 3/4 des voix au Conseil."),
    ] {
        let got = tag(text, lang, &a);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn durations_are_not_dates() {
    let a = anchor("2016-09-28");
    let got = tag(
        "Une trêve de 48 heures a été décrétée pour 48h à Alep.",
        Fr,
        &a,
    );
    assert_eq!(got.len(), 2, "{got:?}");
    for t in &got {
        assert_eq!(t.kind, Duration);
        assert_eq!(t.value, None);
    }
}

#[test]
fn mars_and_may_as_months_with_cues() {
    let a = anchor("2016-09-28");
    let fr = "Le conflit a commencé en mars, puis depuis mars les combats et fin mars la trêve.";
    let got: Vec<&str> = tag(fr, Fr, &a).iter().map(|t| t.span.slice(fr)).collect();
    assert_eq!(got, ["mars", "depuis mars", "fin mars"]);
    let fr = "Le 15 mars, la manifestation de mars 2011 a été commémorée.";
    let got: Vec<&str> = tag(fr, Fr, &a).iter().map(|t| t.span.slice(fr)).collect();
    assert_eq!(got, ["Le 15 mars", "mars 2011"]);
    let en = "Talks may resume in May or by March 3, not in march.";
    let got: Vec<&str> = tag(en, En, &a).iter().map(|t| t.span.slice(en)).collect();
    assert_eq!(got, ["May", "March 3"]);
}

#[test]
fn two_expressions_in_one_sentence() {
    let text =
        "Depuis le 19 septembre, la trêve entrée en vigueur le 12 septembre a volé en éclats.";
    let got = tag(text, Fr, &anchor("2016-09-28"));
    assert_eq!(
        diff(
            text,
            &got,
            &[
                ("Depuis le 19 septembre", "2016-09-19", Since, false),
                ("le 12 septembre", "2016-09-12", Date, false),
            ]
        ),
        None
    );
    assert_eq!(got[0].span.start, 0);
    assert_eq!(got[1].span.start, text.find("le 12").unwrap_or(usize::MAX));
    assert_eq!(got[1].span.end, got[1].span.start + "le 12 septembre".len());
}

#[test]
fn year_hint_without_reference() {
    let hint = Anchor::hint(2016);
    let cases: &[(Lang, &str, &[Exp])] = &[
        (
            Fr,
            "Les Etats-Unis auraient transmis le texte lundi 27 juin.",
            &[("lundi 27 juin", "2016-06-27", Date, false)],
        ),
        (
            Fr,
            "La trêve est entrée en vigueur le 27 février.",
            &[("le 27 février", "2016-02-27", Date, false)],
        ),
        (
            Fr,
            "Les combats ont repris fin mai.",
            &[("fin mai", "2016-05", Approx, true)],
        ),
        (
            Fr,
            "Les raids ont repris hier et mercredi.",
            &[
                ("hier", "", Relative, false),
                ("mercredi", "", Relative, false),
            ],
        ),
        (
            En,
            "The truce took effect on September 12.",
            &[("September 12", "2016-09-12", Date, false)],
        ),
        (
            En,
            "Rebels said the truce collapsed in October.",
            &[("October", "2016-10", Date, false)],
        ),
    ];
    for (lang, text, expect) in cases {
        let got = tag(text, *lang, &hint);
        assert_eq!(diff(text, &got, expect), None);
    }
    // With a weekday, the year near the hint where the date falls on it:
    // 27 June was a Monday in 2016, not in 2017 or 2015.
    let text = "Le texte a été transmis lundi 27 juin à Moscou.";
    for y in [2014, 2015, 2017, 2018] {
        let got = tag(text, Fr, &Anchor::hint(y));
        assert_eq!(
            got[0].value.as_ref().map(|v| v.value.as_str()),
            Some("2016-06-27"),
            "hint {y}"
        );
    }
}

#[test]
fn no_anchor_resolves_only_explicit_years() {
    let none = Anchor::default();
    let text = "La trêve du 27 février 2016 a tenu jusqu'au 19 septembre, puis en 2014 et hier.";
    let got = tag(text, Fr, &none);
    assert_eq!(
        diff(
            text,
            &got,
            &[
                ("27 février 2016", "2016-02-27", Date, false),
                ("19 septembre", "", Date, false),
                ("2014", "2014", Date, false),
                ("hier", "", Relative, false),
            ]
        ),
        None
    );
}

#[test]
fn year_hint_from_documents() {
    let fr = "— RT France (@RTenfrancais) 28 septembre 2016\n\
              La Syrie est en guerre depuis mars 2011. En 2014, Daech a progressé. \
              La trêve du 12 septembre 2016 a volé en éclats.";
    assert_eq!(year_hint(fr, Fr), Some(2016));
    // Background years alone: the most frequent wins, then the most recent.
    assert_eq!(
        year_hint("Depuis mars 2011, puis en 2014 et en 2014.", Fr),
        Some(2014)
    );
    assert_eq!(year_hint("En 2014 puis en 2015.", Fr), Some(2015));
    let en = "Posted December 16, 2016. The war began in 2011 and Russia joined in 2015.";
    assert_eq!(year_hint(en, En), Some(2016));
    assert_eq!(year_hint("Les combats ont repris mercredi.", Fr), None);
    assert_eq!(year_hint("", En), None);
}

#[test]
fn spans_fall_on_char_boundaries() {
    let text = "« La trêve a été violée à Alep dès le 19 septembre », a déclaré mercredi \
                le porte-parole, évoquant « près de sept semaines » de calme et l’accord \
                d’avant-hier. Aujourd’hui, à 19h00, « fin février » reste la référence.";
    let got = tag(text, Fr, &anchor("2016-09-28"));
    let spans: Vec<&str> = got.iter().map(|t| t.span.slice(text)).collect();
    assert_eq!(
        spans,
        [
            "le 19 septembre",
            "mercredi",
            "près de sept semaines",
            "avant-hier",
            "Aujourd’hui, à 19h00",
            "fin février"
        ]
    );
    for t in &got {
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
    }
}

#[test]
fn never_panics_on_cut_text() {
    // Every prefix and suffix of a text full of accents, quotes and numbers.
    let text = "«Jeudi 20 octobre à 08h00», il y a près de sept semaines, l’an dernier, \
                le 27/02/2016, 2016-09-19T10:00:00+03:00, mi-octobre, Sept. 12, 1er mars — 48h.";
    for (i, _) in text.char_indices() {
        for part in [&text[..i], &text[i..]] {
            for lang in [Fr, En] {
                for t in tag(part, lang, &anchor("2016-09-28")) {
                    assert!(t.span.start < t.span.end && t.span.end <= part.len());
                    assert!(part.is_char_boundary(t.span.start));
                    assert!(part.is_char_boundary(t.span.end));
                }
            }
        }
    }
}

#[test]
fn expressions_do_not_overlap_and_are_ordered() {
    let text = "Le 27 février à minuit, la trêve est entrée en vigueur; depuis le 19 septembre \
                elle est rompue, mercredi soir et hier, il y a deux jours, la semaine dernière.";
    let got = tag(text, Fr, &anchor("2016-09-28"));
    assert_eq!(got.len(), 6, "{got:?}");
    for w in got.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
}

#[test]
fn ranges_day_parts_and_spoken_hours() {
    let a = anchor("2016-09-28");
    let text = "Les 27 et 28 février, puis du 12 au 19 septembre, samedi 17 heures et le 19 septembre au soir.";
    let got = tag(text, Fr, &a);
    assert_eq!(
        diff(
            text,
            &got,
            &[
                ("Les 27", "2016-02-27", Date, false),
                ("28 février", "2016-02-28", Date, false),
                ("12", "2016-09-12", Date, false),
                ("19 septembre", "2016-09-19", Date, false),
                ("samedi 17 heures", "2016-09-24", Relative, false),
                ("le 19 septembre au soir", "2016-09-19", Date, false),
            ]
        ),
        None
    );
    let text = "Talks were held on Sept. 19-20, 2016 in New York.";
    let got = tag(text, En, &a);
    assert_eq!(
        diff(text, &got, &[("Sept. 19", "2016-09-19", Date, false)]),
        None
    );
}
