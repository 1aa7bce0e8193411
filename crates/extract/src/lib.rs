//! Rule-based extraction of PLOVER events from a cleaned document.
//!
//! For each sentence: actor forms and place names are looked up in the
//! lexicons (n-grams of folded tokens), composed into actor phrases, event
//! triggers are matched on stems, and each trigger's arguments are found from
//! the clause around it (subject, object, "contre/sur X", "par X",
//! genitives, nationality adjectives, coordination). Claims are tied to their
//! speaker, negation and hypotheticals are flagged, and each event gets the
//! nearest place and date of its sentence.
//!
//! This crate knows nothing of files, storage or HTTP: it maps a `CleanDoc`
//! to events and stand-off annotations.

mod events;
mod phrases;
mod sentence;

use sentence::Sent;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use truce_geo::Gazetteer;
use truce_lexicon::Lexicon;
use truce_model::{CleanDoc, DateValue, Diagnostic, Event, GeoPrecision, Place, Span};
use truce_text::Lang;

/// What a stand-off annotation marks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Annotation {
    Sentence {
        span: Span,
    },
    Actor {
        span: Span,
        codes: Vec<String>,
    },
    Place {
        span: Span,
        name: String,
        country: String,
        lat: f64,
        lon: f64,
    },
    Time {
        span: Span,
        value: Option<DateValue>,
    },
    Trigger {
        span: Span,
        #[serde(rename = "type")]
        kind: String,
        mode: Option<String>,
    },
}

/// The result of analysing one document.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// The language the document was analysed in (`fr`, `en`), or the
    /// language identified when it is one truce does not code.
    pub lang: Option<String>,
    pub events: Vec<Event>,
    pub annotations: Vec<Annotation>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The event extractor: lexicons for both languages plus the gazetteer.
pub struct Extractor<'a> {
    fr: &'a Lexicon,
    en: &'a Lexicon,
    geo: &'a Gazetteer,
}

impl Extractor<'static> {
    /// An extractor over the built-in lexicons and gazetteer.
    pub fn embedded() -> Extractor<'static> {
        Extractor {
            fr: Lexicon::embedded(Lang::Fr),
            en: Lexicon::embedded(Lang::En),
            geo: Gazetteer::embedded(),
        }
    }
}

impl<'a> Extractor<'a> {
    pub fn new(fr: &'a Lexicon, en: &'a Lexicon, geo: &'a Gazetteer) -> Self {
        Extractor { fr, en, geo }
    }

    /// Analyse one document.
    pub fn extract(&self, doc: &CleanDoc) -> Analysis {
        let mut out = Analysis::default();
        let text = doc.text.as_str();
        let code = doc
            .lang
            .clone()
            .or_else(|| truce_text::detect_language(text));
        let lang = code.as_deref().and_then(Lang::from_code);
        let Some(lang) = lang else {
            out.lang = code.clone();
            out.diagnostics.push(Diagnostic {
                origin: doc.id.clone(),
                message: match code {
                    Some(c) => format!("language {c:?} is not coded (truce codes fr and en)"),
                    None => "language could not be identified; not coded".to_string(),
                },
            });
            return out;
        };
        out.lang = Some(lang.code().to_string());
        let lx = match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        };

        // sentences: the title is a paragraph of its own
        let mut paras: Vec<Span> = doc.title.into_iter().collect();
        paras.extend(doc.paragraphs.iter().copied());
        if paras.is_empty() && !text.is_empty() {
            paras.push(doc.body);
        }
        let spans = truce_text::sentences(text, &paras);
        let sents: Vec<Sent> = spans
            .iter()
            .map(|&sp| {
                let mut s = Sent::new(text, sp, lx);
                s.find_mentions(text, lx, self.geo);
                s
            })
            .collect();

        let focus = self.focus_country(&sents, doc, lx);

        // time expressions over the whole text, anchored on the publication date
        let tlang = match lang {
            Lang::Fr => truce_time::Lang::Fr,
            Lang::En => truce_time::Lang::En,
        };
        let anchor = truce_time::Anchor {
            reference: doc
                .published
                .as_deref()
                .and_then(truce_time::parse_published),
            year_hint: truce_time::year_hint(text, tlang),
        };
        let timexes = truce_time::tag(text, tlang, &anchor);

        let mut state = events::DocState::default();
        // countries named so far, most recent last ("les deux pays")
        let mut recent: Vec<String> = Vec::new();
        let para_of = |sp: Span| paras.iter().position(|p| p.contains(sp));
        for (i, s) in sents.iter().enumerate() {
            let phrases = phrases::compose(s, lx, focus.as_deref(), &recent);
            let ctx = events::Ctx {
                doc,
                text,
                s,
                lx,
                geo: self.geo,
                phrases: &phrases,
                focus: focus.as_deref(),
                timexes: &timexes,
                fallback_speaker: None,
                event_nouns: Default::default(),
            };
            // a quotation attributed at the end of its paragraph
            // ("« … » (next sentence) « … », a déclaré X")
            let fallback_speaker = if ctx.quoted() {
                sents[i + 1..]
                    .iter()
                    .take(3)
                    .take_while(|n| para_of(n.span) == para_of(s.span))
                    .find_map(|n| {
                        let ph = phrases::compose(n, lx, focus.as_deref(), &recent);
                        let mut scratch = events::DocState::default();
                        events::Ctx {
                            s: n,
                            phrases: &ph,
                            fallback_speaker: None,
                            event_nouns: Default::default(),
                            ..ctx
                        }
                        .speaker_of(&mut scratch)
                    })
            } else {
                None
            };
            let ctx = events::Ctx {
                fallback_speaker,
                ..ctx
            };
            let evs = ctx.events(&mut state);
            // countries that took part in events, for "les deux pays"
            for (ev, _) in &evs {
                for c in [&ev.source, &ev.target].into_iter().flatten() {
                    let head = c.split('/').next().unwrap_or(c);
                    if head.len() == 3 && !truce_model::ORG_CODES.contains(&head) {
                        recent.retain(|r| r != head);
                        recent.push(head.to_string());
                    }
                }
            }
            out.annotations.push(Annotation::Sentence { span: s.span });
            for p in &phrases {
                out.annotations.push(Annotation::Actor {
                    span: Span::new(s.toks[p.start].span.start, s.toks[p.end - 1].span.end),
                    codes: p.codes.clone(),
                });
            }
            for p in &s.places {
                let Some(e) = self.geo.best_of(&p.cands, focus.as_deref()) else {
                    continue;
                };
                out.annotations.push(Annotation::Place {
                    span: Span::new(s.toks[p.start].span.start, s.toks[p.end - 1].span.end),
                    name: e.name.clone(),
                    country: e.country.clone(),
                    lat: e.lat,
                    lon: e.lon,
                });
            }
            // the triggers of one sentence complete each other first ("des raids
            // … ont visé les quartiers rebelles"), then join the document's reports
            let mut local: Vec<Event> = Vec::new();
            for (ev, span) in evs {
                out.annotations.push(Annotation::Trigger {
                    span,
                    kind: ev.kind.as_str().to_string(),
                    mode: ev.mode.clone(),
                });
                merge_into(&mut local, ev);
            }
            for ev in local {
                merge_into(&mut out.events, ev);
            }
        }
        for t in &timexes {
            out.annotations.push(Annotation::Time {
                span: t.span,
                value: t.value.clone(),
            });
        }
        out
    }

    /// The country the document is about: the most frequent country of its
    /// place names (title counted twice).
    fn focus_country(&self, sents: &[Sent], doc: &CleanDoc, lx: &Lexicon) -> Option<String> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for s in sents {
            let w = if doc.title.is_some_and(|t| t.contains(s.span)) {
                2
            } else {
                1
            };
            for p in &s.places {
                // a country or capital that is also an actor ("Moscou a demandé")
                // counts only after a locative preposition ("en Syrie")
                let actor = s
                    .mentions
                    .iter()
                    .any(|m| m.start < p.end && p.start < m.end);
                let locative = p.start > 0
                    && lx
                        .grammar
                        .locative_preps
                        .iter()
                        .any(|w| w == s.fold(p.start - 1));
                if actor && !locative {
                    continue;
                }
                // a diplomatic venue ("les négociations de Genève") says nothing of
                // the country the conflict is about
                let key: Vec<&str> = (p.start..p.end).map(|k| s.fold(k)).collect();
                if lx.grammar.neutral_venues.contains(&key.join(" ")) {
                    continue;
                }
                if let Some(e) = self.geo.best_of(&p.cands, None) {
                    *counts.entry(e.country.as_str()).or_default() += w;
                }
            }
        }
        counts
            .into_iter()
            .max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c)))
            .map(|(c, _)| c.to_string())
    }
}

/// Add an event to a document's list, or merge it into an earlier report
/// of the same happening: same type, flags and mode family, actors compatible
/// (equal or unknown, sharing at least one, or one report with no actors),
/// places and dates compatible. The kept record takes the fields it lacked.
fn merge_into(events: &mut Vec<Event>, ev: Event) {
    // reports of the same sentence first: they complete each other
    let sentence = |e: &Event| e.span.as_ref().map(|x| x.sentence_span);
    let order: Vec<usize> = (0..events.len())
        .filter(|&i| sentence(&events[i]) == sentence(&ev))
        .chain((0..events.len()).filter(|&i| sentence(&events[i]) != sentence(&ev)))
        .collect();
    for i in order {
        let k = &mut events[i];
        if k.kind != ev.kind || k.negated != ev.negated || k.hypothetical != ev.hypothetical {
            continue;
        }
        // two triggers of one sentence ("une attaque … a visé un hôpital")
        // complete each other
        let same_sentence =
            k.span.as_ref().map(|e| e.sentence_span) == ev.span.as_ref().map(|e| e.sentence_span);
        let straight = actors_compatible(
            (&k.source, &k.target),
            (&ev.source, &ev.target),
            same_sentence,
        );
        let swapped = ev.kind.is_symmetric()
            && actors_compatible(
                (&k.source, &k.target),
                (&ev.target, &ev.source),
                same_sentence,
            );
        if !(straight || swapped) || !places_compatible(k, &ev) || !dates_compatible(k, &ev) {
            continue;
        }
        let (src, tgt) = if straight {
            (ev.source, ev.target)
        } else {
            (ev.target, ev.source)
        };
        // a report naming actors is better evidence than one naming none
        let k_bare = k.source.is_none() && k.target.is_none();
        if k_bare && (src.is_some() || tgt.is_some()) {
            k.evidence = ev.evidence.clone();
            k.span = ev.span.clone();
        }
        if k.source.is_none() {
            k.source = src;
        }
        if k.target.is_none() {
            k.target = tgt;
        }
        let weak = |p: &Option<Place>| {
            p.as_ref()
                .is_none_or(|p| p.precision == Some(GeoPrecision::Country))
        };
        if weak(&k.place) && !weak(&ev.place) {
            k.place = ev.place;
        }
        if k.date.is_none() {
            k.date = ev.date;
        }
        if k.said_by.is_none() {
            k.said_by = ev.said_by;
        }
        if k.mode.is_none() {
            k.mode = ev.mode;
        }
        return;
    }
    events.push(ev);
}

fn actors_compatible(
    a: (&Option<String>, &Option<String>),
    b: (&Option<String>, &Option<String>),
    same_sentence: bool,
) -> bool {
    let ok = |x: &Option<String>, y: &Option<String>| x.is_none() || y.is_none() || x == y;
    let shared = |x: &Option<String>, y: &Option<String>| x.is_some() && x == y;
    let empty = |p: (&Option<String>, &Option<String>)| p.0.is_none() && p.1.is_none();
    ok(a.0, b.0)
        && ok(a.1, b.1)
        && (same_sentence || shared(a.0, b.0) || shared(a.1, b.1) || empty(a) || empty(b))
}

fn places_compatible(a: &Event, b: &Event) -> bool {
    match (&a.place, &b.place) {
        (Some(p), Some(q)) => {
            if p.country != q.country {
                return false;
            }
            if p.precision == Some(GeoPrecision::Country)
                || q.precision == Some(GeoPrecision::Country)
            {
                return true;
            }
            match (p.lat, p.lon, q.lat, q.lon) {
                (Some(a1), Some(o1), Some(a2), Some(o2)) => {
                    truce_geo::haversine_km(a1, o1, a2, o2) <= 50.0
                }
                _ => true,
            }
        }
        _ => true,
    }
}

fn dates_compatible(a: &Event, b: &Event) -> bool {
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => {
            let n = x.value.len().min(y.value.len());
            x.value[..n] == y.value[..n]
        }
        _ => true,
    }
}
