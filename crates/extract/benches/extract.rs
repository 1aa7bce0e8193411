//! Extraction benchmarks: `cargo bench -p truce-extract`.
//!
//! `extract/fr` and `extract/en` run the extractor on a prepared `CleanDoc` (an
//! article of about 2 KB written for this benchmark); `parts/*` time the steps of
//! the text and time crates that extraction calls on the whole document, to see
//! where the time goes. The figures to quote are criterion's medians.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::time::Duration;
use truce_extract::Extractor;
use truce_model::{CleanDoc, Span};

const FR_ARTICLE: &str = "\
Syrie : les bombardements reprennent à Alep malgré la trêve

ALEP (AFP) - Des avions du régime syrien ont bombardé mardi plusieurs quartiers rebelles \
d'Alep, tuant au moins onze civils dont trois enfants, selon l'Observatoire syrien des droits \
de l'homme. Les frappes ont visé un marché et une boulangerie du quartier de Boustane al-Qasr.

L'opposition a accusé Damas de violer l'accord de cessation des hostilités entré en vigueur le \
27 février, et menacé de quitter les pourparlers de Genève. « Le régime ne respecte aucun \
engagement », a déclaré à l'AFP un porte-parole du Haut comité des négociations.

Le ministère russe de la Défense a affirmé pour sa part que les rebelles avaient tiré des obus \
sur des quartiers gouvernementaux, blessant quatre personnes. Moscou a appelé Washington à faire \
pression sur ses alliés pour qu'ils respectent le cessez-le-feu.

À Genève, l'émissaire de l'ONU Staffan de Mistura a rencontré les délégations du gouvernement \
et de l'opposition, sans parvenir à les réunir dans la même salle. Les discussions doivent \
reprendre lundi.

Un convoi de l'ONU et du Croissant-Rouge arabe syrien transportant de la nourriture et des \
médicaments est par ailleurs entré mercredi dans la ville assiégée de Douma, dans la Ghouta \
orientale, près de Damas. L'ONU réclame un accès sans entrave à toutes les zones assiégées.";

const EN_ARTICLE: &str = "\
Syria truce strained as air strikes hit Aleppo

BEIRUT (Reuters) - Syrian government warplanes bombed several rebel-held districts of Aleppo on \
Tuesday, killing at least 11 civilians including three children, the Syrian Observatory for \
Human Rights said. The strikes hit a market and a bakery in the Bustan al-Qasr neighbourhood.

The opposition accused Damascus of violating the cessation of hostilities that took effect on \
Feb. 27 and threatened to quit the Geneva talks. \"The regime respects no commitment,\" a \
spokesman for the High Negotiations Committee told Reuters.

Russia's Defence Ministry said rebels had shelled government-held districts, wounding four \
people. Moscow urged Washington to press its allies to respect the ceasefire.

In Geneva, U.N. envoy Staffan de Mistura met the government and opposition delegations but \
failed to bring them into the same room. Talks are due to resume on Monday.

A convoy of the United Nations and the Syrian Arab Red Crescent carrying food and medicine \
entered the besieged town of Douma, in the Eastern Ghouta near Damascus, on Wednesday. The \
U.N. has demanded unimpeded access to all besieged areas.";

/// A cleaned document as truce-clean would build it: the headline as title, then
/// the paragraphs, separated by blank lines.
fn clean_doc(id: &str, text: &str, lang: &str) -> CleanDoc {
    let mut spans = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        spans.push(Span::new(start, start + part.len()));
        start += part.len() + 2;
    }
    let title = spans.first().copied();
    let paragraphs: Vec<Span> = spans.into_iter().skip(1).collect();
    let body = match (paragraphs.first(), paragraphs.last()) {
        (Some(f), Some(l)) => Span::new(f.start, l.end),
        _ => Span::new(0, text.len()),
    };
    CleanDoc {
        id: id.to_string(),
        text: text.to_string(),
        title,
        body,
        paragraphs,
        lang: Some(lang.to_string()),
        published: Some("2016-03-08".to_string()),
        url: None,
        outlet: None,
        author: None,
    }
}

fn extract(c: &mut Criterion) {
    let ex = Extractor::embedded();
    let docs = [
        ("fr", clean_doc("bench-fr", FR_ARTICLE, "fr")),
        ("en", clean_doc("bench-en", EN_ARTICLE, "en")),
    ];
    for (_, d) in &docs {
        assert!(
            !ex.extract(d).events.is_empty(),
            "{}: the benchmark article should yield events",
            d.id
        );
    }
    let mut g = c.benchmark_group("extract");
    g.sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for (lang, d) in &docs {
        g.throughput(Throughput::Bytes(d.text.len() as u64));
        g.bench_function(*lang, |b| b.iter(|| ex.extract(black_box(d))));
    }
    g.finish();
}

/// Whole-document steps that `Extractor::extract` runs besides its per-sentence work.
fn parts(c: &mut Criterion) {
    let fr = clean_doc("bench-fr", FR_ARTICLE, "fr");
    let mut paras: Vec<Span> = fr.title.into_iter().collect();
    paras.extend(fr.paragraphs.iter().copied());
    let anchor = truce_time::Anchor {
        reference: truce_time::parse_published("2016-03-08"),
        year_hint: Some(2016),
    };
    let mut g = c.benchmark_group("parts");
    g.sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    g.bench_function("detect_language", |b| {
        b.iter(|| truce_text::detect_language(black_box(FR_ARTICLE)))
    });
    g.bench_function("sentences", |b| {
        b.iter(|| truce_text::sentences(black_box(FR_ARTICLE), &paras))
    });
    g.bench_function("time_tag_fr", |b| {
        b.iter(|| truce_time::tag(black_box(FR_ARTICLE), truce_time::Lang::Fr, &anchor))
    });
    g.bench_function("time_year_hint_fr", |b| {
        b.iter(|| truce_time::year_hint(black_box(FR_ARTICLE), truce_time::Lang::Fr))
    });
    g.finish();
}

criterion_group!(benches, extract, parts);
criterion_main!(benches);
