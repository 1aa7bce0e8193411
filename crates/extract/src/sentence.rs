//! One sentence's tokens and the mentions found in them: actor phrases,
//! places and event triggers. Token indices are local to the sentence; spans
//! are byte ranges into the document text.

use truce_geo::Gazetteer;
use truce_lexicon::{ActorEntry, ActorKind, Frame, Lexicon, Matcher, Slot, Trigger};
use truce_model::Span;
use truce_text::{tokenize, TokKind, Token};

/// A sentence with its tokens and their stems.
pub(crate) struct Sent {
    pub span: Span,
    pub toks: Vec<Token>,
    pub stems: Vec<String>,
    pub mentions: Vec<Mention>,
    pub places: Vec<PlaceMention>,
}

/// A raw lexicon hit for an actor form.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    pub entry: ActorEntry,
}

/// A gazetteer hit.
#[derive(Debug, Clone)]
pub(crate) struct PlaceMention {
    pub start: usize,
    pub end: usize,
    /// Candidate gazetteer entries; resolved with the document's focus.
    pub cands: Vec<u32>,
}

/// An actor phrase: one or more mentions composed into codes.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub start: usize,
    pub end: usize,
    /// Resolved codes (coordination gives several).
    pub codes: Vec<String>,
    /// The head mention's kind.
    pub kind: ActorKind,
}

/// A matched trigger.
#[derive(Debug, Clone)]
pub(crate) struct TriggerHit<'l> {
    pub trigger: &'l Trigger,
    /// Token indices matched by the pattern's words.
    pub tokens: Vec<usize>,
    /// Tokens matched by a consuming `after=` condition.
    pub consumed: Option<usize>,
}

impl TriggerHit<'_> {
    pub fn first(&self) -> usize {
        self.tokens[0]
    }
    pub fn last(&self) -> usize {
        *self.tokens.last().unwrap_or(&self.tokens[0])
    }
}

impl Sent {
    pub fn new(text: &str, span: Span, lx: &Lexicon) -> Sent {
        let mut toks = tokenize(span.slice(text));
        for t in &mut toks {
            t.span = Span::new(t.span.start + span.start, t.span.end + span.start);
        }
        let stems = toks
            .iter()
            .map(|t| {
                if t.kind != TokKind::Word {
                    return t.fold.clone();
                }
                // Snowball French leaves the present plural "-ent" and the first
                // and second persons "-ons", "-ez" alone ("accusent", "appelons"):
                // stem them like the singular
                if lx.lang == truce_text::Lang::Fr && t.fold.chars().count() >= 6 {
                    if let Some(sg) = t.fold.strip_suffix("nt") {
                        if sg.ends_with('e') && !sg.ends_with("me") {
                            return lx.stem(sg);
                        }
                    }
                    // (not the nouns in "-ions": "négociations")
                    if !t.fold.ends_with("ions") {
                        if let Some(root) = t
                            .fold
                            .strip_suffix("ons")
                            .or_else(|| t.fold.strip_suffix("ez"))
                        {
                            return lx.stem(root);
                        }
                    }
                }
                lx.stem(&t.fold)
            })
            .collect();
        Sent {
            span,
            toks,
            stems,
            mentions: Vec::new(),
            places: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn fold(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.fold.as_str()).unwrap_or("")
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    /// Whether the folded words `phrase` occur starting at token `i`.
    pub fn phrase_at(&self, i: usize, phrase: &[String]) -> bool {
        !phrase.is_empty()
            && phrase
                .iter()
                .enumerate()
                .all(|(k, w)| self.toks.get(i + k).is_some_and(|t| &t.fold == w))
    }

    /// Find actor forms (longest match first) and place names.
    pub fn find_mentions(&mut self, text: &str, lx: &Lexicon, geo: &Gazetteer) {
        let n = self.toks.len();
        let max_a = lx.actors.max_tokens().max(1);
        let max_g = geo.max_key_tokens().clamp(1, 8);
        let mut i = 0;
        while i < n {
            if !matches!(self.toks[i].kind, TokKind::Word | TokKind::Number) {
                i += 1;
                continue;
            }
            // the keys of the n-grams starting here, built once: "front",
            // "front al-nosra", … (stopping at punctuation)
            let longest = max_a.max(max_g).min(n - i);
            let mut keys: Vec<String> = Vec::with_capacity(longest);
            for t in &self.toks[i..i + longest] {
                if !matches!(t.kind, TokKind::Word | TokKind::Number) {
                    break;
                }
                let mut k = keys.last().cloned().unwrap_or_default();
                if !k.is_empty() {
                    k.push(' ');
                }
                k.push_str(&t.fold);
                keys.push(k);
            }
            let mut matched = 0;
            for len in (1..=max_a.min(keys.len())).rev() {
                let best = pick_reading(
                    lx.actors
                        .lookup(&keys[len - 1])
                        .iter()
                        .filter(|e| self.case_ok(text, i, len, e)),
                );
                if let Some(best) = best {
                    self.mentions.push(Mention {
                        start: i,
                        end: i + len,
                        entry: best.clone(),
                    });
                    matched = len;
                    break;
                }
            }
            // a typo in a nationality ("l'armée syienne")
            if matched == 0 && self.toks[i].kind == TokKind::Word && !self.toks[i].capitalized {
                if let Some(e) = lx.actors.lookup_near(&self.toks[i].fold).first() {
                    self.mentions.push(Mention {
                        start: i,
                        end: i + 1,
                        entry: e.clone(),
                    });
                    matched = 1;
                }
            }
            // places: independent of actors (a capital is both); proper names
            // only: the first token must be capitalised, a lone common word
            // ("Sur le terrain") or an all-capitals acronym ("MINA") is no place
            let first = &self.toks[i];
            let name_like = first.capitalized
                && !first.fold.ends_with('\'')
                && !(first.all_caps && first.span.len() > 4);
            if name_like || first.all_caps {
                for len in (1..=max_g.min(keys.len())).rev() {
                    let mut ids: Vec<u32> = Vec::new();
                    if len == 1 && first.all_caps && first.span.len() <= 4 {
                        ids.extend_from_slice(geo.lookup_exact_case(first.span.slice(text)));
                    }
                    let stop = len == 1 && lx.grammar.place_stopwords.contains(&first.fold);
                    let acronym = first.all_caps && len == 1;
                    if name_like && !stop && !acronym {
                        ids.extend_from_slice(geo.lookup(&keys[len - 1]));
                    }
                    if !ids.is_empty() {
                        self.places.push(PlaceMention {
                            start: i,
                            end: i + len,
                            cands: ids,
                        });
                        matched = matched.max(len);
                        break;
                    }
                }
            }
            i += matched.max(1);
        }
        // a person's or organisation's name is not a place ("Obama", "Kerry")
        let names: Vec<(usize, usize)> = self
            .mentions
            .iter()
            .filter(|m| matches!(m.entry.kind, ActorKind::Person | ActorKind::Org))
            .map(|m| (m.start, m.end))
            .collect();
        self.places
            .retain(|p| !names.iter().any(|&(a, b)| p.start < b && a < p.end));
    }

    fn case_ok(&self, text: &str, i: usize, len: usize, e: &ActorEntry) -> bool {
        let first = &self.toks[i];
        if e.all_caps {
            let surface: String = self.toks[i..i + len]
                .iter()
                .map(|t| t.span.slice(text))
                .collect();
            return surface
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase());
        }
        if e.capitalized
            && matches!(
                e.kind,
                ActorKind::Person | ActorKind::Capital | ActorKind::Country
            )
        {
            return first.capitalized;
        }
        true
    }

    /// Match triggers; overlapping matches keep the longest, then the earliest.
    pub fn find_triggers<'l>(&self, lx: &'l Lexicon) -> Vec<TriggerHit<'l>> {
        let mut hits: Vec<TriggerHit<'l>> = Vec::new();
        for i in 0..self.toks.len() {
            if self.toks[i].kind != TokKind::Word {
                continue;
            }
            for trig in lx
                .triggers
                .starting_with(&self.toks[i].fold, &self.stems[i])
            {
                if let Some(tokens) = self.match_pattern(i, &trig.pattern) {
                    if let Some(consumed) = self.check_options(trig, &tokens) {
                        hits.push(TriggerHit {
                            trigger: trig,
                            tokens,
                            consumed,
                        });
                    }
                }
            }
        }
        // resolve overlaps: longer patterns first; between a noun and a verb
        // reading of one stem ("frappe" / "frapperait"), the one that fits
        // the word's use: after a determiner it is a noun
        let g = &lx.grammar;
        let nounish = |i: usize| {
            (i.saturating_sub(2)..i).any(|k| {
                let f = self.fold(k);
                g.articles.iter().any(|a| a == f)
                    || g.possessives.iter().any(|a| a == f)
                    || g.genitive.iter().any(|a| a == f)
            })
        };
        let misfit = |h: &TriggerHit| {
            let noun_frame = matches!(h.trigger.frame, Frame::Noun | Frame::NounTarget);
            let verb_frame = matches!(h.trigger.frame, Frame::Verb | Frame::Obligation);
            let noun = nounish(h.first());
            u8::from(noun && verb_frame || !noun && noun_frame)
        };
        hits.sort_by_key(|h| {
            (
                std::cmp::Reverse(h.tokens.len()),
                h.first(),
                misfit(h),
                h.trigger.line,
            )
        });
        let mut taken = vec![false; self.toks.len()];
        let mut kept: Vec<TriggerHit<'l>> = Vec::new();
        for h in hits {
            if h.tokens.iter().any(|&t| taken[t]) {
                continue;
            }
            for &t in &h.tokens {
                taken[t] = true;
            }
            if let Some(c) = h.consumed {
                taken[c] = true;
            }
            kept.push(h);
        }
        // a consumed token blocks later hits on it
        let consumed: Vec<usize> = kept.iter().filter_map(|h| h.consumed).collect();
        kept.retain(|h| !h.tokens.iter().any(|t| consumed.contains(t)));
        kept.sort_by_key(|h| h.first());
        kept
    }

    fn slot_matches(&self, i: usize, alts: &[Matcher]) -> bool {
        i < self.toks.len()
            && alts
                .iter()
                .any(|m| m.matches(&self.toks[i].fold, &self.stems[i]))
    }

    fn match_pattern(&self, start: usize, pattern: &[Slot]) -> Option<Vec<usize>> {
        fn go(s: &Sent, pos: usize, pattern: &[Slot], out: &mut Vec<usize>) -> bool {
            match pattern.first() {
                None => true,
                Some(Slot::Word(alts)) => {
                    if s.slot_matches(pos, alts) {
                        out.push(pos);
                        if go(s, pos + 1, &pattern[1..], out) {
                            return true;
                        }
                        out.pop();
                    }
                    false
                }
                Some(Slot::Gap) => {
                    for skip in 0..=4 {
                        let p = pos + skip;
                        if p >= s.toks.len() {
                            break;
                        }
                        if skip > 0 && matches!(s.fold(p - 1), "." | ";" | ":") {
                            break;
                        }
                        if go(s, p, &pattern[1..], out) {
                            return true;
                        }
                    }
                    false
                }
            }
        }
        let mut out = Vec::new();
        go(self, start, pattern, &mut out).then_some(out)
    }

    /// Check a trigger's context conditions; Some(consumed token) when they hold.
    fn check_options(&self, trig: &Trigger, tokens: &[usize]) -> Option<Option<usize>> {
        let o = &trig.options;
        let first = tokens[0];
        let last = *tokens.last()?;
        let n = self.toks.len();
        let mut consumed = None;
        if !o.after.is_empty() {
            let hit = (last + 1..(last + 7).min(n)).find(|&k| self.slot_matches(k, &o.after))?;
            if o.consume {
                consumed = Some(hit);
            }
        }
        if !o.not_before.is_empty() && first > 0 && self.slot_matches(first - 1, &o.not_before) {
            return None;
        }
        if !o.before.is_empty() {
            (first.saturating_sub(8)..first).find(|&k| self.slot_matches(k, &o.before))?;
        }
        if !o.near.is_empty() {
            (0..n).find(|&k| !tokens.contains(&k) && self.slot_matches(k, &o.near))?;
        }
        for phrase in &o.not {
            if (last + 1..(last + 5).min(n)).any(|k| self.phrase_at(k, phrase)) {
                return None;
            }
        }
        Some(consumed)
    }
}

/// Choose one reading among entries of the same form.
fn pick_reading<'e>(entries: impl Iterator<Item = &'e ActorEntry>) -> Option<&'e ActorEntry> {
    let rank = |k: ActorKind| match k {
        ActorKind::Person => 0,
        ActorKind::Org => 1,
        ActorKind::Capital => 2,
        ActorKind::Country => 3,
        ActorKind::Sector => 4,
        ActorKind::Demonym => 5,
        ActorKind::GroupAdj => 6,
    };
    entries.min_by_key(|e| rank(e.kind))
}
