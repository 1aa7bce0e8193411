//! From triggers to event records: arguments, speaker, negation, hypothesis,
//! place and date.

use crate::phrases::split_code;
use crate::sentence::{Phrase, Sent, TriggerHit};
use truce_geo::{Gazetteer, Kind};
use truce_lexicon::{ActorKind, Frame, Grammar, Lexicon};
use truce_model::{CleanDoc, Event, EventType, Evidence, GeoPrecision, Place, Span};
use truce_text::{Lang, TokKind};
use truce_time::Timex;

/// What carries over from sentence to sentence in a document.
#[derive(Debug, Default)]
pub(crate) struct DocState {
    /// The last speaker identified (for "a-t-il ajouté", "he added").
    pub last_speaker: Option<String>,
    /// The source of the last event with one (for "il", "elle", "they").
    pub last_subject: Option<String>,
}

/// Everything needed to build the events of one sentence.
pub(crate) struct Ctx<'a> {
    pub doc: &'a CleanDoc,
    pub text: &'a str,
    pub s: &'a Sent,
    pub lx: &'a Lexicon,
    pub geo: &'a Gazetteer,
    pub phrases: &'a [Phrase],
    pub focus: Option<&'a str>,
    pub timexes: &'a [Timex],
    /// The speaker of a later sentence of the same quotation, if any.
    pub fallback_speaker: Option<String>,
    /// Tokens that are event nouns ("des frappes russes soutiennent …"), filled
    /// by `events`.
    pub event_nouns: std::cell::RefCell<Vec<bool>>,
}

/// Source/target candidates for one trigger.
#[derive(Debug, Default)]
struct Args {
    /// "X et Y s'accusent mutuellement": every pair, both ways.
    reciprocal: bool,
    sources: Vec<String>,
    targets: Vec<String>,
    /// Phrases used as arguments (their places are not the event's place).
    used: Vec<usize>,
}

impl<'a> Ctx<'a> {
    fn g(&self) -> &Grammar {
        &self.lx.grammar
    }

    fn fr(&self) -> bool {
        self.lx.lang == Lang::Fr
    }

    /// Build the events of the sentence, with each trigger's span.
    pub fn events(&self, state: &mut DocState) -> Vec<(Event, Span)> {
        let hits = self.s.find_triggers(self.lx);
        {
            let mut nouns = self.event_nouns.borrow_mut();
            *nouns = vec![false; self.s.len()];
            for h in &hits {
                if matches!(h.trigger.frame, Frame::Noun | Frame::NounTarget) {
                    for &t in &h.tokens {
                        nouns[t] = true;
                    }
                }
            }
        }
        let speaker = self
            .speaker(state)
            .or_else(|| self.fallback_speaker.clone());
        let mut out = Vec::new();
        for h in &hits {
            if self.is_reporting_only(h)
                || self.nested_in(h, &hits)
                || self.back_reference(h)
                || self.inside_actor(h)
            {
                continue;
            }
            let complement = self.infinitive_complement(h);
            if complement
                && hits
                    .iter()
                    .any(|o| o.first() < h.first() && Self::governs_content(o.trigger.kind))
            {
                continue;
            }
            let args = self.arguments(h, speaker.as_deref(), state.last_subject.as_deref());
            let trig = h.trigger;
            let no_actor = args.sources.is_empty() && args.targets.is_empty();
            if trig.options.actor && no_actor {
                continue;
            }
            let negated = self.negated(h);
            // a threat or a request is about the future by nature; only its own
            // modality makes it hypothetical
            let content_type = matches!(trig.kind, EventType::THREATEN | EventType::REQUEST);
            let hypothetical =
                trig.options.hyp || (complement && !content_type) || self.hypothetical(h);
            let mode = self.mode(h);
            let place = self.place(h, &args);
            let date = self.date(h);
            // "la trêve entrée en vigueur" with neither who nor when is a
            // background mention of a ceasefire, not a report of one
            if trig.kind == EventType::RETREAT && no_actor && date.is_none() {
                continue;
            }
            let said_by = speaker
                .clone()
                .filter(|sp| !(self.is_reporting_token(h.first()) && args.sources.contains(sp)));
            let tspan = Span::new(
                self.s.toks[h.first()].span.start,
                self.s.toks[h.last()].span.end,
            );
            let evidence = self.s.span.slice(self.text).to_string();
            let pairs: Vec<(Option<String>, Option<String>)> = if args.reciprocal {
                let mut v = Vec::new();
                for x in &args.sources {
                    for y in &args.sources {
                        if x != y {
                            v.push((Some(x.clone()), Some(y.clone())));
                        }
                    }
                }
                v
            } else {
                let sources: Vec<Option<String>> = if args.sources.is_empty() {
                    // a speech act with no named subject is the speaker's (not a
                    // meeting or an agreement: the speaker need not take part)
                    let statement = matches!(
                        trig.kind,
                        EventType::ACCUSE
                            | EventType::REQUEST
                            | EventType::THREATEN
                            | EventType::REJECT
                            | EventType::SUPPORT
                            | EventType::PROTEST
                    );
                    vec![said_by
                        .clone()
                        .filter(|_| statement && trig.frame != Frame::None)]
                } else {
                    args.sources.iter().cloned().map(Some).collect()
                };
                let targets: Vec<Option<String>> = if args.targets.is_empty() {
                    vec![None]
                } else {
                    args.targets.iter().cloned().map(Some).collect()
                };
                let mut v = Vec::new();
                for x in &sources {
                    for y in &targets {
                        v.push((x.clone(), y.clone()));
                    }
                }
                v
            };
            if let Some(Some(first)) = pairs.first().map(|p| p.0.clone()) {
                state.last_subject = Some(first);
            }
            for (src, tgt) in &pairs {
                if src.is_some() && src == tgt {
                    continue;
                }
                out.push((
                    Event {
                        doc: self.doc.id.clone(),
                        kind: trig.kind,
                        mode: mode.clone(),
                        source: src.clone(),
                        target: tgt.clone(),
                        place: place.clone(),
                        date: date.clone(),
                        said_by: said_by.clone(),
                        negated,
                        hypothetical,
                        evidence: evidence.clone(),
                        span: Some(Evidence {
                            sentence: evidence.clone(),
                            sentence_span: self.s.span,
                            trigger: tspan.slice(self.text).to_string(),
                            trigger_span: tspan,
                        }),
                    },
                    tspan,
                ));
            }
        }
        out
    }

    // ----- speaker -------------------------------------------------------

    fn is_reporting_token(&self, i: usize) -> bool {
        // verbs are not capitalised inside a sentence ("the United States")
        let proper = i > 0 && self.s.toks[i].capitalized;
        self.s.is_word(i) && !proper && {
            let st = &self.s.stems[i];
            self.g().reporting_stems.iter().any(|r| r == st)
        }
    }

    /// A trigger that is only a reporting verb ("a déclaré") is not an event.
    fn is_reporting_only(&self, h: &TriggerHit) -> bool {
        h.tokens.len() == 1
            && self.is_reporting_token(h.first())
            && h.trigger.kind != EventType::ACCUSE
    }

    /// Who the sentence's claims come from: "selon X", a reporting verb's
    /// subject or inverted subject, or (for "a-t-il ajouté") the last speaker.
    fn speaker(&self, state: &mut DocState) -> Option<String> {
        let s = self.s;
        let n = s.len();
        // "selon X", "according to X" (each marker split into words once)
        let markers: Vec<Vec<String>> = self
            .g()
            .source_markers
            .iter()
            .map(|m| m.split(' ').map(str::to_string).collect())
            .collect();
        for i in 0..n {
            for words in &markers {
                if s.phrase_at(i, words) {
                    let after = i + words.len();
                    if let Some(p) = self
                        .phrases
                        .iter()
                        .find(|p| p.start >= after && p.start <= after + 3)
                    {
                        let sp = p.codes[0].clone();
                        state.last_speaker = Some(sp.clone());
                        return Some(sp);
                    }
                }
            }
        }
        for i in 0..n {
            if !self.is_reporting_token(i) {
                continue;
            }
            // inverted clitic: "a-t-il ajouté", "ajoute-t-il"
            let clitic = (i.saturating_sub(2)..(i + 2).min(n))
                .any(|k| Grammar::has(&self.g().pronouns, s.fold(k)) && s.fold(k).starts_with('-'));
            if clitic {
                return state.last_speaker.clone();
            }
            // an attribution after a quotation or a comma ("», a déclaré le
            // ministère", "…, said Kirby") names its speaker after the verb;
            // otherwise the speaker is the verb's subject
            let mut b = i;
            while b > 0
                && (Grammar::has(&self.g().passive_aux, s.fold(b - 1))
                    || matches!(s.fold(b - 1), "a" | "ont" | "avait" | "has" | "had"))
            {
                b -= 1;
            }
            let attribution = b > 0 && matches!(s.fold(b - 1), "," | "»" | "\"" | "”" | "—" | "(");
            let inverted = self
                .phrases
                .iter()
                .find(|p| p.start > i && p.start <= i + 5 && !self.crosses_break(i, p.start))
                .filter(|p| {
                    // "a ajouté ce responsable": a reference back to the last speaker
                    let demonstrative = p.start > 0
                        && Grammar::has(&self.g().demonstratives, s.fold(p.start - 1))
                        && p.kind == ActorKind::Sector;
                    !self.preceded_by_oblique(p.start) && !demonstrative
                })
                .map(|p| p.codes[0].clone());
            let subject = || {
                self.subject_phrase(i)
                    .map(|pi| self.phrases[pi].codes[0].clone())
            };
            let found = if attribution {
                // "», a ajouté ce responsable": the speaker named before
                inverted.or_else(|| state.last_speaker.clone())
            } else {
                subject().or(inverted)
            };
            if let Some(sp) = found {
                state.last_speaker = Some(sp.clone());
                return Some(sp);
            }
            // a pronoun or a reference back ("il a déclaré", "a ajouté ce responsable")
            return state.last_speaker.clone();
        }
        None
    }

    /// The speaker a sentence names, if any (for a quotation's earlier sentences).
    pub fn speaker_of(&self, state: &mut DocState) -> Option<String> {
        self.speaker(state)
    }

    /// Whether the sentence quotes someone: quotation marks or a first-person subject.
    pub fn quoted(&self) -> bool {
        (0..self.s.len()).any(|k| {
            matches!(
                self.s.fold(k),
                "«" | "»" | "\"" | "“" | "”" | "nous" | "we" | "je" | "i"
            )
        })
    }

    // ----- clause structure ---------------------------------------------

    fn is_break(&self, i: usize) -> bool {
        let f = self.s.fold(i);
        matches!(f, "." | ";" | ":" | "?" | "!" | "—" | "–")
    }

    fn crosses_break(&self, a: usize, b: usize) -> bool {
        (a.min(b)..a.max(b)).any(|k| self.is_break(k))
    }

    /// The word before token `i`, skipping articles.
    fn prev_content(&self, i: usize) -> Option<usize> {
        let mut k = i;
        while k > 0 {
            k -= 1;
            if !Grammar::has(&self.g().articles, self.s.fold(k)) {
                return Some(k);
            }
        }
        None
    }

    fn preceded_by_oblique(&self, start: usize) -> bool {
        self.preceded_by(start, &self.g().oblique_preps)
            || self.preceded_by(start, &self.g().agent_preps)
    }

    /// Whether a word or phrase of `list` comes before token `start`,
    /// skipping articles and generic descriptors ("contre le groupe
    /// terroriste Front al-Nosra", "de la part de Washington").
    fn preceded_by(&self, start: usize, list: &[String]) -> bool {
        let g = self.g();
        let mut k = start;
        while k > 0 {
            let f = self.s.fold(k - 1);
            if Grammar::has(&g.articles, f)
                || Grammar::has(&g.descriptors, f)
                || Grammar::has(&g.target_nouns, f)
            {
                k -= 1;
            } else {
                break;
            }
        }
        // check right before the skipped words, and right before the name
        // itself for phrases that contain articles ("de la part de")
        let ends_at = |end: usize, entry: &str| {
            let words: Vec<&str> = entry.split(' ').collect();
            end >= words.len()
                && words
                    .iter()
                    .enumerate()
                    .all(|(i, w)| self.s.fold(end - words.len() + i) == *w)
        };
        list.iter().any(|e| ends_at(k, e) || ends_at(start, e))
    }

    /// The phrase ending at token `end` (exclusive), if any.
    fn phrase_ending_at(&self, end: usize) -> Option<usize> {
        self.phrases.iter().position(|p| p.end == end)
    }

    /// The grammatical subject of the verb at token `v`: the nearest actor
    /// phrase to its left in the same clause that is not in a prepositional
    /// phrase; across "qui", the relative's antecedent.
    fn subject_phrase(&self, v: usize) -> Option<usize> {
        let s = self.s;
        let mut k = v;
        let mut fallback = None;
        while k > 0 {
            k -= 1;
            if self.is_break(k) || Grammar::has(&self.g().subordinators, s.fold(k)) {
                return fallback;
            }
            let f = s.fold(k);
            // a subject pronoun is the subject ("called for it to be extended"),
            // and so is an event noun ("des frappes russes soutiennent")
            let event_noun = self.event_nouns.borrow().get(k).copied().unwrap_or(false);
            if (Grammar::has(&self.g().pronouns, f) && !f.starts_with('-')) || event_noun {
                return fallback;
            }
            if matches!(f, "qui" | "who" | "which") {
                // antecedent: phrase ending right before (allowing a comma)
                let mut e = k;
                if e > 0 && s.fold(e - 1) == "," {
                    e -= 1;
                }
                return self.phrase_ending_at(e);
            }
            if matches!(f, "que" | "qu'" | "that") && k + 1 < v {
                // complement clause boundary: only what follows counts
                return fallback;
            }
            if let Some(pi) = self.phrase_ending_at(k + 1) {
                let p = &self.phrases[pi];
                if self.preceded_by_oblique(p.start) {
                    k = p.start;
                    continue;
                }
                if self.preceded_by(p.start, &self.g().genitive) {
                    // a complement ("les chefs des groupes d'opposition"): the
                    // subject only if no better one stands further left
                    fallback = fallback.or(Some(pi));
                    k = p.start;
                    continue;
                }
                return Some(pi);
            }
        }
        fallback
    }

    /// The subject phrase and those coordinated before it ("X et Y ont convenu").
    fn subject_group(&self, v: usize) -> Vec<usize> {
        let Some(first) = self.subject_phrase(v) else {
            return Vec::new();
        };
        let mut group = vec![first];
        let mut cur = first;
        loop {
            let start = self.phrases[cur].start;
            let prev = self
                .phrases
                .iter()
                .enumerate()
                .filter(|(_, p)| p.end <= start)
                .max_by_key(|(_, p)| p.end);
            let Some((pi, p)) = prev else { break };
            let gap: Vec<&str> = (p.end..start).map(|t| self.s.fold(t)).collect();
            let coord = !gap.is_empty()
                && gap.iter().any(|w| Sent::is_coord(self.lx, w))
                && gap.iter().all(|w| {
                    Sent::is_coord(self.lx, w)
                        || Grammar::has(&self.g().articles, w)
                        || Grammar::has(&self.g().possessives, w)
                });
            if !coord || self.preceded_by_oblique(p.start) {
                break;
            }
            group.insert(0, pi);
            cur = pi;
        }
        group
    }

    /// Phrases after token `t` within the clause (up to `max` tokens away).
    fn phrases_after(&self, t: usize, max: usize) -> impl Iterator<Item = usize> + '_ {
        self.phrases
            .iter()
            .enumerate()
            .filter(move |(_, p)| {
                p.start > t && p.start <= t + max && !self.crosses_break(t, p.start)
            })
            .map(|(i, _)| i)
    }

    /// A relative or complement clause starts between `a` and `b`.
    fn new_clause_between(&self, a: usize, b: usize) -> bool {
        (a + 1..b).any(|k| {
            let f = self.s.fold(k);
            Grammar::has(&self.g().clause_breaks, f)
        })
    }

    // ----- arguments ----------------------------------------------------

    fn codes(&self, pi: usize) -> Vec<String> {
        self.phrases[pi].codes.clone()
    }

    /// Nationality adjective or noun-modifier attached to an event noun:
    /// "frappes russes", "Russian airstrikes", "US airstrike".
    fn adjective_source(&self, h: &TriggerHit) -> Option<String> {
        let sector = if matches!(
            h.trigger.kind,
            EventType::ASSAULT | EventType::COERCE | EventType::MOBILIZE
        ) {
            "MIL"
        } else {
            "GOV"
        };
        let mk = |code: &str, kind: ActorKind| -> String {
            let (head, _) = split_code(code);
            if kind == ActorKind::GroupAdj || truce_model::ORG_CODES.contains(&head) {
                head.to_string()
            } else {
                format!("{head}/{sector}")
            }
        };
        for m in &self.s.mentions {
            let after = m.start > h.last() && m.start <= h.last() + 2;
            let before =
                m.end == h.first() || (m.end + 1 == h.first() && self.s.fold(m.end) == "-");
            let adj_kind = matches!(m.entry.kind, ActorKind::Demonym | ActorKind::GroupAdj);
            if after && adj_kind && (h.last() + 1..m.start).all(|k| self.s.is_word(k)) {
                return Some(mk(&m.entry.code, m.entry.kind));
            }
            if before
                && !self.fr()
                && (adj_kind || matches!(m.entry.kind, ActorKind::Country | ActorKind::Org))
            {
                return Some(mk(&m.entry.code, m.entry.kind));
            }
        }
        // "coalition airstrikes", "the Syrian government's offensive"
        if !self.fr() {
            if let Some(pi) = self.phrase_ending_at(h.first()).or_else(|| {
                (self.s.fold(h.first().saturating_sub(1)) == "'s")
                    .then(|| self.phrase_ending_at(h.first() - 1))
                    .flatten()
            }) {
                return Some(self.phrases[pi].codes[0].clone());
            }
        }
        None
    }

    /// "de X" right after a noun trigger. Returns the phrase and whether the
    /// complement's head noun is a victim noun ("convoi de l'ONU").
    fn genitive(&self, h: &TriggerHit) -> Option<(usize, bool)> {
        let s = self.s;
        let mut k = h.last() + 1;
        // skip adjectives glued to the noun ("frappes aériennes de …")
        let mut skipped = 0;
        while k < s.len()
            && skipped < 2
            && s.is_word(k)
            && !Grammar::has(&self.g().genitive, s.fold(k))
        {
            if self.phrases.iter().any(|p| p.start == k) {
                break;
            }
            k += 1;
            skipped += 1;
        }
        if !Grammar::has(&self.g().genitive, s.fold(k)) {
            return None;
        }
        k += 1;
        while k < s.len() && Grammar::has(&self.g().articles, s.fold(k)) {
            k += 1;
        }
        let victim = Grammar::has(&self.g().target_nouns, s.fold(k));
        let limit = if victim { k + 6 } else { k };
        let pi = self
            .phrases
            .iter()
            .position(|p| p.start >= k && p.start <= limit && !self.crosses_break(k, p.start))?;
        // a phrase that is itself the victim noun ("des troupes syriennes", "civils")
        let victim = victim || self.is_victim_phrase(pi);
        Some((pi, victim))
    }

    fn is_victim_phrase(&self, pi: usize) -> bool {
        let p = &self.phrases[pi];
        p.codes.iter().all(|c| c.ends_with("/CVL"))
            || Grammar::has(&self.g().target_nouns, self.s.fold(p.start))
    }

    /// "contre X", "sur X", "against X" after the trigger.
    fn prep_target(&self, h: &TriggerHit, preps: &[String]) -> Option<usize> {
        self.phrases_after(h.last(), 10).find(|&pi| {
            let p = &self.phrases[pi];
            self.preceded_by(p.start, preps) && !self.new_clause_between(h.last(), p.start)
        })
    }

    /// "par X", "by X" after the trigger.
    fn agent(&self, h: &TriggerHit) -> Option<usize> {
        self.phrases_after(h.last(), 10).find(|&pi| {
            self.preceded_by(self.phrases[pi].start, &self.g().agent_preps)
                && !self.new_clause_between(h.last(), self.phrases[pi].start)
        })
    }

    /// The first phrase after a verb that is its object or prepositional complement.
    /// A phrase that names who is speaking ("…, the Syrian Observatory said",
    /// "…, a déclaré le ministère"), which is no argument of the reported event.
    fn is_speaker_phrase(&self, pi: usize) -> bool {
        let p = &self.phrases[pi];
        let after = (p.end..(p.end + 3).min(self.s.len())).any(|k| self.is_reporting_token(k));
        let before = (p.start.saturating_sub(3)..p.start).any(|k| self.is_reporting_token(k));
        (after || before) && (p.start.saturating_sub(4)..p.start).any(|k| self.s.fold(k) == ",")
    }

    fn object(&self, h: &TriggerHit) -> Option<usize> {
        self.phrases_after(h.first(), 12 + h.last() - h.first())
            .find(|&pi| {
                let p = &self.phrases[pi];
                !h.tokens.iter().any(|&t| p.start <= t && t < p.end)
                    && !self.is_speaker_phrase(pi)
                    && !self.preceded_by(p.start, &self.g().agent_preps)
                    && !self.preceded_by(p.start, &["selon".to_string(), "according".to_string()])
                    && !self.new_clause_between(h.last(), p.start)
            })
    }

    /// Whether a passive auxiliary precedes the verb ("a été visé", "was hit").
    fn passive(&self, h: &TriggerHit) -> bool {
        let first = h.first();
        // a past participle, not "was calling" or "étant"
        let f = self.s.fold(first);
        if f.ends_with("ing") || f.ends_with("ant") {
            return false;
        }
        // English participles: "-ed", "-en", or an irregular form ("was on the
        // verge of" is not passive)
        let participle = f.ends_with("ed")
            || f.ends_with("en")
            || f.ends_with("wn")
            || matches!(
                f,
                "hit"
                    | "struck"
                    | "shot"
                    | "held"
                    | "hurt"
                    | "led"
                    | "met"
                    | "brought"
                    | "caught"
                    | "fought"
                    | "sent"
                    | "kept"
                    | "left"
                    | "lost"
                    | "made"
                    | "told"
                    | "seen"
                    | "signed"
                    | "backed"
                    | "brokered"
            );
        if !self.fr() && !participle {
            return false;
        }
        let aux = (first.saturating_sub(2)..first)
            .find(|&k| Grammar::has(&self.g().passive_aux, self.s.fold(k)));
        // "se sont engagés", "s'est entretenu": pronominal, not passive
        aux.is_some_and(|k| k == 0 || !matches!(self.s.fold(k - 1), "se" | "s'"))
    }

    /// The speaker standing for "nous"/"we" subjects.
    fn pronoun_subject(&self, v: usize, speaker: Option<&str>) -> Option<String> {
        let sp = speaker?;
        let k = v.checked_sub(1)?;
        let window = k.saturating_sub(2)..=k;
        window
            .into_iter()
            .any(|i| matches!(self.s.fold(i), "nous" | "we" | "je" | "i"))
            .then(|| sp.to_string())
    }

    fn arguments(&self, h: &TriggerHit, speaker: Option<&str>, last_subject: Option<&str>) -> Args {
        let mut a = Args::default();
        let src = |a: &mut Args, pi: usize| {
            if !a.used.contains(&pi) {
                a.sources.extend(self.codes(pi));
                a.used.push(pi);
            }
        };
        match h.trigger.frame {
            Frame::None => {}
            Frame::Obligation => {
                if let Some(pi) = self.subject_phrase(h.first()) {
                    a.targets.extend(self.codes(pi));
                    a.used.push(pi);
                }
                if let Some(sp) = speaker {
                    a.sources.push(sp.to_string());
                }
            }
            Frame::Verb => {
                if self.passive(h) {
                    if let Some(pi) = self.agent(h) {
                        src(&mut a, pi);
                        for qi in self.coordinated_after(pi) {
                            src(&mut a, qi);
                        }
                    }
                    if let Some(pi) = self.subject_phrase(h.first()) {
                        a.targets.extend(self.codes(pi));
                        a.used.push(pi);
                    }
                } else {
                    for pi in self.subject_group(h.first()) {
                        src(&mut a, pi);
                    }
                    let named_subject = !a.sources.is_empty();
                    if a.sources.is_empty() {
                        if let Some(code) = self
                            .pronoun_subject(h.first(), speaker)
                            .or_else(|| self.anaphoric_subject(h.first(), last_subject))
                        {
                            a.sources.push(code);
                        }
                    }
                    // "les Américains nous demandent": the object is the speaker
                    let first = h.first();
                    let object_pronoun = first > 0
                        && named_subject
                        && matches!(self.s.fold(first - 1), "nous" | "me" | "m'");
                    if let (true, Some(sp)) = (object_pronoun, speaker) {
                        a.targets.push(sp.to_string());
                    } else if a.sources.len() >= 2 && self.reciprocal(h) {
                        a.reciprocal = true;
                    } else if let Some(pi) = self.object(h) {
                        if !a.used.contains(&pi) {
                            a.targets.push(self.phrases[pi].codes[0].clone());
                            a.used.push(pi);
                        }
                    }
                }
            }
            Frame::Noun | Frame::NounTarget => {
                let agent = self.agent(h);
                let gen = self.genitive(h);
                let against = self.prep_target(h, &self.g().target_preps);
                // "le bombardement des troupes par la coalition": a victim
                // genitive is the target and "par X" the source; otherwise the
                // genitive is the agent ("les frappes de la coalition menée par …")
                let gen_is_target =
                    h.trigger.frame == Frame::NounTarget || gen.is_some_and(|(_, victim)| victim);
                match gen {
                    Some((pi, _)) if gen_is_target => {
                        a.targets.extend(self.codes(pi));
                        a.used.push(pi);
                        if let Some(ai) = agent {
                            src(&mut a, ai);
                            for qi in self.coordinated_after(ai) {
                                src(&mut a, qi);
                            }
                        }
                    }
                    Some((pi, _)) => {
                        src(&mut a, pi);
                        // "les frappes de l'armée russe et du régime syrien"
                        for qi in self.coordinated_after(pi) {
                            src(&mut a, qi);
                        }
                    }
                    None => {
                        if let Some(ai) = agent {
                            src(&mut a, ai);
                            for qi in self.coordinated_after(ai) {
                                src(&mut a, qi);
                            }
                        }
                    }
                }
                if a.sources.is_empty() {
                    if let Some(code) = self.adjective_source(h) {
                        a.sources.push(code);
                    }
                }
                if a.targets.is_empty() {
                    if let Some(pi) = against.filter(|pi| !a.used.contains(pi)) {
                        a.targets.push(self.phrases[pi].codes[0].clone());
                        a.used.push(pi);
                        // "contre Daech, le Front al-Nosra et d'autres groupes"
                        for qi in self.coordinated_after(pi) {
                            a.targets.extend(self.codes(qi));
                            a.used.push(qi);
                        }
                    }
                }
                // "ses frappes", "mène des opérations", "a annoncé l'entrée en
                // vigueur": the clause subject is the agent
                if a.sources.is_empty() {
                    let first = h.first();
                    let poss =
                        first > 0 && Grammar::has(&self.g().possessives, self.s.fold(first - 1));
                    let support = (first.saturating_sub(3)..first).find(|&k| {
                        // "a déclaré que l'acheminement …": not across a complementizer
                        !self.new_clause_between(k, first)
                            && self.s.is_word(k)
                            && self
                                .g()
                                .support_verbs
                                .iter()
                                .any(|v| self.s.stems[k].starts_with(v.as_str()))
                    });
                    let verb = if poss { Some(first - 1) } else { support };
                    if let Some(v) = verb {
                        for pi in self.subject_group(v) {
                            src(&mut a, pi);
                        }
                    }
                }
                // "le cessez-le-feu entre les forces du régime et les rebelles"
                if a.sources.is_empty() && a.targets.is_empty() {
                    if let Some((x, y)) = self.between(h) {
                        self.pair_args(&mut a, x, y);
                    }
                }
            }
            Frame::Symmetric => {
                if let Some((x, y)) = self.between(h) {
                    self.pair_args(&mut a, x, y);
                    return a;
                }
                // "signé par les deux pays", "négocié par la Russie et les États-Unis"
                if let Some(ai) = self.agent(h) {
                    let mut group = vec![ai];
                    group.extend(self.coordinated_after(ai));
                    let last = *group.last().unwrap_or(&ai);
                    self.pair_args(&mut a, ai, last);
                    if group.len() > 2 {
                        for &gi in &group[1..group.len() - 1] {
                            a.targets.extend(self.codes(gi));
                            a.used.push(gi);
                        }
                    }
                    return a;
                }
                let noun = self.noun_usage(h);
                if noun {
                    // "sous les auspices des États-Unis et de la Russie"
                    if let Some((pi, _)) = self.genitive(h) {
                        src(&mut a, pi);
                        for qi in self.coordinated_after(pi) {
                            a.targets.extend(self.codes(qi));
                            a.used.push(qi);
                        }
                    }
                }
                if a.sources.is_empty() {
                    for pi in self.subject_group(h.first()) {
                        src(&mut a, pi);
                    }
                }
                if a.sources.is_empty() {
                    if let Some(code) = self.pronoun_subject(h.first(), speaker) {
                        a.sources.push(code);
                    }
                }
                if a.sources.is_empty() && noun {
                    // "Au terme d'une journée marathon à Genève, Kerry et Lavrov ont …":
                    // the participants are the next subject in the sentence
                    if let Some(pi) = self
                        .phrases_after(h.last(), 16)
                        .find(|&pi| !self.is_speaker_phrase(pi))
                    {
                        src(&mut a, pi);
                        for qi in self.coordinated_after(pi) {
                            a.targets.extend(self.codes(qi));
                            a.used.push(qi);
                        }
                    }
                }
                if a.targets.is_empty() && a.sources.len() == 1 {
                    // "avec Y", or the object of a verb ("a rencontré Y")
                    let with = self.prep_target(h, &["avec".to_string(), "with".to_string()]);
                    let obj = if noun { None } else { self.object(h) };
                    if let Some(pi) = with.or(obj).filter(|pi| !a.used.contains(pi)) {
                        a.targets.extend(self.codes(pi));
                        a.used.push(pi);
                    }
                }
                // one phrase naming several actors: the first is the source, the others targets
                if a.targets.is_empty() && a.sources.len() > 1 {
                    let rest = a.sources.split_off(1);
                    a.targets = rest;
                }
            }
        }
        a.sources.dedup();
        a.targets.dedup();
        a
    }

    /// An event noun after a demonstrative ("ces raids", "cette offensive",
    /// "such attacks") refers back to an event reported before.
    fn back_reference(&self, h: &TriggerHit) -> bool {
        let first = h.first();
        let noun = matches!(
            h.trigger.frame,
            Frame::Noun | Frame::NounTarget | Frame::Symmetric
        );
        noun && (first.saturating_sub(2)..first)
            .any(|k| Grammar::has(&self.g().demonstratives, self.s.fold(k)))
    }

    /// A trigger word inside an actor's name ("convoi d'aide humanitaire").
    fn inside_actor(&self, h: &TriggerHit) -> bool {
        self.phrases
            .iter()
            .any(|p| h.tokens.iter().all(|&t| p.start <= t && t < p.end))
    }

    /// "s'accusent mutuellement", "se sont accusés", "accused each other".
    fn reciprocal(&self, h: &TriggerHit) -> bool {
        let g = self.g();
        let first = h.first();
        let reflexive =
            (first.saturating_sub(4)..first).any(|k| matches!(self.s.fold(k), "se" | "s'"));
        reflexive
            || (h.last() + 1..(h.last() + 4).min(self.s.len()))
                .any(|k| Grammar::has(&g.reciprocal, self.s.fold(k)))
    }

    /// A subject pronoun ("il", "elle", "they") right before the verb: the
    /// last subject named.
    fn anaphoric_subject(&self, v: usize, last: Option<&str>) -> Option<String> {
        let g = self.g();
        // the nearest subject pronoun to the left in the clause ("elle se réserve
        // le droit de riposter", "il n'a pas"), not one after a preposition
        let mut k = v;
        while k > 0 && v - k < 8 {
            k -= 1;
            if self.is_break(k) || Grammar::has(&g.clause_breaks, self.s.fold(k)) {
                return None;
            }
            let f = self.s.fold(k);
            if Grammar::has(&g.pronouns, f) && !f.starts_with('-') {
                let after_prep = k > 0 && Grammar::has(&g.oblique_preps, self.s.fold(k - 1));
                return (!after_prep).then(|| last.map(str::to_string)).flatten();
            }
        }
        None
    }

    /// "entre X et Y", "between X and Y" after the trigger in its sentence.
    fn between(&self, h: &TriggerHit) -> Option<(usize, usize)> {
        // after the trigger, else before it in the same clause
        // ("le cessez-le-feu entre les forces du régime et les rebelles est entré en vigueur")
        let is_between = |k: &usize| matches!(self.s.fold(*k), "entre" | "between");
        let ceasefire = h.trigger.kind == EventType::RETREAT;
        let k = (h.last() + 1..self.s.len()).find(is_between).or_else(|| {
            (0..if ceasefire { h.first() } else { 0 })
                .rev()
                .take_while(|&k| !self.is_break(k))
                .find(is_between)
        })?;
        let mut ps = self.phrases_after(k, 12);
        let x = ps.next()?;
        // "entre les deux pays": one phrase naming both
        if self.phrases[x].codes.len() >= 2 {
            return Some((x, x));
        }
        Some((x, ps.next()?))
    }

    /// Source and targets from a pair of phrases (possibly one naming several actors).
    fn pair_args(&self, a: &mut Args, x: usize, y: usize) {
        let mut codes = self.codes(x);
        if x != y {
            codes.extend(self.codes(y));
        }
        if let Some((first, rest)) = codes.split_first() {
            a.sources.push(first.clone());
            a.targets
                .extend(rest.iter().filter(|c| *c != first).cloned());
        }
        a.used.push(x);
        a.used.push(y);
    }

    /// Whether a trigger word is used as a noun: a determiner, possessive or
    /// preposition comes right before it (allowing one adjective).
    fn noun_usage(&self, h: &TriggerHit) -> bool {
        let g = self.g();
        let first = h.first();
        (first.saturating_sub(2)..first).any(|k| {
            let f = self.s.fold(k);
            Grammar::has(&g.articles, f)
                || Grammar::has(&g.possessives, f)
                || Grammar::has(&g.genitive, f)
                || Grammar::has(&g.oblique_preps, f)
        })
    }

    /// Phrases coordinated after phrase `pi` ("X et de Y", "X, Y and Z").
    fn coordinated_after(&self, pi: usize) -> Vec<usize> {
        let g = self.g();
        let mut out = Vec::new();
        let mut cur = pi;
        loop {
            let end = self.phrases[cur].end;
            let Some(next) = self.phrases.iter().position(|p| p.start >= end) else {
                break;
            };
            let gap: Vec<&str> = (end..self.phrases[next].start)
                .map(|t| self.s.fold(t))
                .collect();
            let ok = !gap.is_empty()
                && gap.iter().any(|w| Sent::is_coord(self.lx, w))
                && gap.iter().all(|w| {
                    Sent::is_coord(self.lx, w)
                        || Grammar::has(&g.articles, w)
                        || Grammar::has(&g.possessives, w)
                        || Grammar::has(&g.genitive, w)
                });
            if !ok {
                break;
            }
            out.push(next);
            cur = next;
        }
        out
    }

    /// An infinitive governed by a preposition ("de ne pas frapper", "to stop").
    fn infinitive_complement(&self, h: &TriggerHit) -> bool {
        let g = self.g();
        let first = h.first();
        if self.fr() {
            let f = self.s.fold(first);
            if !g.infinitive_endings.iter().any(|e| f.ends_with(e.as_str())) {
                return false;
            }
        }
        let mut k = first;
        while k > 0 && Grammar::has(&g.infinitive_fillers, self.s.fold(k - 1)) {
            k -= 1;
        }
        k > 0 && Grammar::has(&g.infinitive_preps, self.s.fold(k - 1))
    }

    /// A noun trigger that is the complement of another trigger ("un accord de
    /// coopération"): the other trigger carries the event.
    fn nested_in(&self, h: &TriggerHit, hits: &[TriggerHit]) -> bool {
        let g = self.g();
        if !matches!(
            h.trigger.frame,
            Frame::Noun | Frame::NounTarget | Frame::Symmetric
        ) {
            return false;
        }
        // skip determiners back to the governing word: "un accord de | coopération",
        // "suspended | negotiations", "a proposé un nouvel | accord"
        let mut k = h.first();
        while k > 0
            && (Grammar::has(&g.articles, self.s.fold(k - 1))
                || Grammar::has(&g.possessives, self.s.fold(k - 1))
                || Grammar::has(&g.genitive, self.s.fold(k - 1)))
        {
            k -= 1;
        }
        let Some(head) = k.checked_sub(1) else {
            return false;
        };
        let genitive = (k..h.first()).any(|j| Grammar::has(&g.genitive, self.s.fold(j)));
        (genitive && Grammar::has(&g.content_nouns, self.s.fold(head)))
            || hits
                .iter()
                .any(|o| !std::ptr::eq(o, h) && o.first() < h.first() && o.tokens.contains(&head))
    }

    /// Statements whose infinitive complement is their content, not an event
    /// of its own ("demande à X de cesser", "menace de geler").
    fn governs_content(t: EventType) -> bool {
        matches!(
            t,
            EventType::REQUEST
                | EventType::THREATEN
                | EventType::AGREE
                | EventType::SANCTION
                | EventType::REJECT
                | EventType::SUPPORT
                | EventType::COOPERATE
        )
    }

    // ----- flags --------------------------------------------------------

    fn negated(&self, h: &TriggerHit) -> bool {
        let s = self.s;
        let g = self.g();
        let first = h.first();
        let last = h.last();
        let before = first.saturating_sub(3)..first;
        if self.fr() {
            // "ne … pas" around the verb: "n'avait pas été enregistré",
            // "de ne pas l'avoir respecté", "il ne frappe plus"
            let ne = (first.saturating_sub(5)..first)
                .rev()
                .take_while(|&k| {
                    !self.is_break(k)
                        && s.fold(k) != ","
                        && !Grammar::has(&g.clause_breaks, s.fold(k))
                })
                .find(|&k| matches!(s.fold(k), "ne" | "n'"));
            if let Some(ne) = ne {
                let pas = (ne + 1..(last + 3).min(s.len())).any(|k| {
                    Grammar::has(&g.negation, s.fold(k))
                        && !matches!(s.fold(k), "ne" | "n'" | "sans" | "ni")
                });
                if pas {
                    return true;
                }
            }
        } else if before
            .clone()
            .any(|k| matches!(s.fold(k), "not" | "n't" | "never"))
        {
            return true;
        }
        (first.saturating_sub(2)..first).any(|k| Grammar::has(&g.negation_strong, s.fold(k)))
    }

    fn hypothetical(&self, h: &TriggerHit) -> bool {
        let s = self.s;
        let g = self.g();
        let first = h.first();
        // cue words earlier in the clause
        let mut k = first;
        let mut steps = 0;
        while k > 0 && steps < 6 {
            k -= 1;
            steps += 1;
            if self.is_break(k) || s.fold(k) == "," && steps > 2 {
                break;
            }
            if Grammar::has(&g.hypothetical, s.fold(k)) {
                return true;
            }
        }
        if self.conditional_after(h) {
            return true;
        }
        // conditional or future verb form
        if h.trigger.frame == Frame::Verb || h.trigger.frame == Frame::Symmetric {
            let f = s.fold(first);
            if s.toks[first].kind == TokKind::Word
                && g.hypothetical_endings
                    .iter()
                    .any(|e| f.ends_with(e.as_str()))
                && f.len() > 5
            {
                return true;
            }
            if !self.fr() && first > 0 && s.fold(first - 1) == "to" {
                return true;
            }
        }
        false
    }

    /// A noun trigger that is the subject of a conditional or future verb
    /// ("l'acheminement de l'aide commencerait").
    fn conditional_after(&self, h: &TriggerHit) -> bool {
        let g = self.g();
        if !matches!(
            h.trigger.frame,
            Frame::Noun | Frame::NounTarget | Frame::None
        ) {
            return false;
        }
        let mut k = h.last() + 1;
        while k < self.s.len() && k <= h.last() + 8 {
            if self.is_break(k) || self.s.fold(k) == "," {
                return false;
            }
            let f = self.s.fold(k);
            if Grammar::has(&g.hypothetical, f) {
                return true;
            }
            if self.s.is_word(k)
                && f.len() > 6
                && g.hypothetical_endings
                    .iter()
                    .any(|e| f.ends_with(e.as_str()))
            {
                return true;
            }
            k += 1;
        }
        false
    }

    fn mode(&self, h: &TriggerHit) -> Option<String> {
        let s = self.s;
        let o = &h.trigger.options;
        let last = h.last();
        for k in last + 1..(last + 7).min(s.len()) {
            for (m, mode) in &o.mode_if {
                if m.matches(s.fold(k), &s.stems[k]) {
                    return Some(mode.clone());
                }
            }
        }
        h.trigger.mode.clone()
    }

    // ----- place and date -----------------------------------------------

    fn place(&self, h: &TriggerHit, args: &Args) -> Option<Place> {
        let s = self.s;
        let trig = h.first();
        let mut best: Option<(usize, (u8, usize))> = None;
        for (i, pm) in s.places.iter().enumerate() {
            // a place that is an actor argument ("Damas" as the regime) is not the event's place
            let in_arg = args
                .used
                .iter()
                .any(|&pi| self.phrases[pi].start <= pm.start && pm.end <= self.phrases[pi].end);
            if in_arg {
                continue;
            }
            let Some(e) = self.geo.best_of(&pm.cands, self.focus) else {
                continue;
            };
            if !self.locative_ok(pm, e) {
                continue;
            }
            let rank = if e.kind == Kind::Country { 1 } else { 0 };
            let dist = if pm.start > trig {
                pm.start - trig
            } else {
                (trig - pm.start) + 1
            };
            let key = (rank, dist);
            if best.is_none_or(|(_, b)| key < b) {
                best = Some((i, key));
            }
        }
        if let Some((i, _)) = best {
            let pm = &s.places[i];
            let e = self.geo.best_of(&pm.cands, self.focus)?;
            let name = Span::new(s.toks[pm.start].span.start, s.toks[pm.end - 1].span.end)
                .slice(self.text)
                .to_string();
            return Some(Place {
                name,
                country: e.country.clone(),
                lat: Some(e.lat),
                lon: Some(e.lon),
                precision: Some(match e.kind {
                    Kind::Country => GeoPrecision::Country,
                    Kind::Admin1 | Kind::Admin2 | Kind::District | Kind::Region => {
                        GeoPrecision::Region
                    }
                    _ => GeoPrecision::Point,
                }),
                admin1: e.admin1.clone(),
            });
        }
        // last resort for material events: the country in focus
        let material = matches!(
            h.trigger.kind,
            EventType::ASSAULT
                | EventType::COERCE
                | EventType::AID
                | EventType::RETREAT
                | EventType::MOBILIZE
                | EventType::PROTEST
        );
        let c = self.geo.country(self.focus?)?;
        material.then(|| Place {
            name: if self.fr() {
                c.name_fr.clone()
            } else {
                c.name_en.clone()
            },
            country: c.iso3.clone(),
            lat: Some(c.lat),
            lon: Some(c.lon),
            precision: Some(GeoPrecision::Country),
            admin1: None,
        })
    }

    /// Whether a place mention is used as a place. A country or capital that
    /// is also an actor mention ("Moscou a demandé", "à la Russie") is a place
    /// only after a locative preposition ("en Syrie", "près de Damas"), or
    /// after "à" when it lies in the country in focus ("à Damas").
    fn locative_ok(&self, pm: &crate::sentence::PlaceMention, e: &truce_geo::Entry) -> bool {
        let g = self.g();
        let actor = self.s.mentions.iter().any(|m| {
            m.start < pm.end
                && pm.start < m.end
                && matches!(m.entry.kind, ActorKind::Capital | ActorKind::Country)
        });
        if !actor {
            return true;
        }
        let Some(p) = self.prev_content(pm.start) else {
            return false;
        };
        let prev = self.s.fold(p);
        if Grammar::has(&g.locative_preps, prev) {
            return true;
        }
        if Grammar::has(&g.genitive, prev) {
            return self
                .prev_content(p)
                .is_some_and(|q| Grammar::has(&g.vicinity, self.s.fold(q)));
        }
        Grammar::has(&g.ambiguous_preps, prev) && self.focus == Some(e.country.as_str())
    }

    fn date(&self, h: &TriggerHit) -> Option<truce_model::DateValue> {
        let tpos = self.s.toks[h.first()].span.start;
        let tend = self.s.toks[h.last()].span.end;
        let sent = self.s.span;
        self.timexes
            .iter()
            .filter(|t| {
                sent.contains(t.span)
                    && t.kind != truce_time::TimexKind::Duration
                    // "depuis mars 2011" says for how long, not when
                    && t.value.as_ref().is_some_and(|v| {
                        t.kind != truce_time::TimexKind::Since
                            || v.precision == truce_model::Precision::Day
                    })
            })
            .min_by_key(|t| {
                if t.span.start >= tend {
                    (t.span.start - tend) * 2
                } else {
                    tpos.saturating_sub(t.span.end) * 2 + 1
                }
            })
            .and_then(|t| t.value.clone())
    }
}
