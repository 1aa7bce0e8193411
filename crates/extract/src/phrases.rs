//! Composition of actor mentions into actor phrases with codes:
//! "l'armée syrienne" → SYR/MIL, "les militaires russes et américains" →
//! RUS/MIL + USA/MIL, "l'administration d'Obama" → USA/GOV, "le régime" →
//! the country in focus's GOV, appositions merged ("le ministre russe des
//! Affaires étrangères, Sergueï Lavrov").

use crate::sentence::{Mention, Phrase, Sent};
use truce_lexicon::{ActorKind, Grammar, Lexicon};

/// Country and sector of a code ("SYR/MIL" → ("SYR", Some("MIL"))).
pub(crate) fn split_code(code: &str) -> (&str, Option<&str>) {
    match code.split_once('/') {
        Some((h, s)) => (h, Some(s)),
        None => (code, None),
    }
}

/// Attach a sector to an actor head: countries and capitals take the
/// sector; organisations keep their own code.
fn with_sector(code: &str, kind: ActorKind, sector: &str) -> String {
    let (head, _) = split_code(code);
    let is_country = head.len() == 3 && !truce_model::ORG_CODES.contains(&head);
    match kind {
        ActorKind::Org if !is_country => head.to_string(),
        _ if is_country => format!("{head}/{sector}"),
        _ => head.to_string(),
    }
}

/// Locative prepositions after which a country or capital is a place, not an actor.
fn locative(lx: &Lexicon, s: &Sent, start: usize) -> bool {
    let prev = start.checked_sub(1).map(|p| s.fold(p)).unwrap_or("");
    match lx.lang {
        truce_text::Lang::Fr => matches!(prev, "en" | "dans" | "vers" | "depuis" | "via"),
        truce_text::Lang::En => matches!(
            prev,
            "in" | "into" | "inside" | "throughout" | "across" | "via" | "from"
        ),
    }
}

/// Build actor phrases for one sentence. `focus` is the document's country of focus.
/// `recent` lists the countries named so far, most recent last.
pub(crate) fn compose(
    s: &Sent,
    lx: &Lexicon,
    focus: Option<&str>,
    recent: &[String],
) -> Vec<Phrase> {
    let ms: &[Mention] = &s.mentions;
    let mut used = vec![false; ms.len()];
    let mut out: Vec<Phrase> = Vec::new();
    let g = &lx.grammar;
    // "les deux pays", "both sides": the last two countries named
    for i in 0..s.len().saturating_sub(1) {
        if Grammar::has(&g.anaphoric, s.fold(i))
            && matches!(s.fold(i), "deux" | "two" | "both")
            && Grammar::has(&g.dual_nouns, s.fold(i + 1))
            && recent.len() >= 2
        {
            let codes = recent[recent.len() - 2..]
                .iter()
                .map(|c| format!("{c}/GOV"))
                .collect();
            out.push(Phrase {
                start: i,
                end: i + 2,
                codes,
                kind: ActorKind::Country,
            });
        }
    }
    let anaphor = |start: usize| start > 0 && Grammar::has(&g.anaphoric, s.fold(start - 1));
    // sector nouns first, so that they can take the nationality, country or
    // name around them ("US Secretary of State", "l'armée de Bachar al-Assad")
    let order: Vec<usize> = (0..ms.len())
        .filter(|&i| ms[i].entry.kind == ActorKind::Sector)
        .chain((0..ms.len()).filter(|&i| ms[i].entry.kind != ActorKind::Sector))
        .collect();
    for mi in order {
        if used[mi] {
            continue;
        }
        let m = &ms[mi];
        match m.entry.kind {
            ActorKind::Sector => {
                if anaphor(m.start) {
                    continue;
                }
                let sector = m.entry.code.trim_start_matches('/');
                let mut codes = Vec::new();
                let mut end = m.end;
                let mut start = m.start;
                // nationality before ("Syrian army", "Russian Defense Ministry")
                if mi > 0 && !used[mi - 1] {
                    let p = &ms[mi - 1];
                    // English also puts countries before nouns: "US officials", "Russia's army"
                    let english_country =
                        lx.lang == truce_text::Lang::En && p.entry.kind == ActorKind::Country;
                    let adjacent = p.end == m.start
                        || english_country && p.end + 1 == m.start && s.fold(p.end) == "'s";
                    if adjacent
                        && (matches!(p.entry.kind, ActorKind::Demonym | ActorKind::GroupAdj)
                            || english_country)
                    {
                        codes.push(with_sector(&p.entry.code, ActorKind::Country, sector));
                        start = p.start;
                        used[mi - 1] = true;
                        // coordinated before: "Russian and Syrian warplanes"
                        let mut k = mi - 1;
                        while k > 0 {
                            let q = &ms[k - 1];
                            let gap: Vec<&str> = (q.end..ms[k].start).map(|t| s.fold(t)).collect();
                            if q.entry.kind == ActorKind::Demonym
                                && !gap.is_empty()
                                && gap.iter().all(|w| Sent::is_coord(lx, w))
                            {
                                codes.push(with_sector(&q.entry.code, ActorKind::Country, sector));
                                start = q.start;
                                used[k - 1] = true;
                                k -= 1;
                            } else {
                                break;
                            }
                        }
                    }
                }
                // nationality after, possibly coordinated ("russes et américains")
                if codes.is_empty() {
                    let mut k = mi + 1;
                    let mut last_end = m.end;
                    while k < ms.len() {
                        let q = &ms[k];
                        if !matches!(q.entry.kind, ActorKind::Demonym | ActorKind::GroupAdj) {
                            break;
                        }
                        let gap: Vec<&str> = (last_end..q.start).map(|t| s.fold(t)).collect();
                        let ok = if codes.is_empty() {
                            // adjacent, or after a genitive complement
                            // ("ministre des Affaires étrangères russe"), no punctuation
                            gap.is_empty()
                                || gap.len() <= 4
                                    && g.genitive.iter().any(|w| w == gap[0])
                                    && (last_end..q.start).all(|t| s.is_word(t))
                        } else {
                            !gap.is_empty() && gap.iter().all(|w| Sent::is_coord(lx, w))
                        };
                        if !ok {
                            break;
                        }
                        codes.push(with_sector(&q.entry.code, ActorKind::Country, sector));
                        used[k] = true;
                        last_end = q.end;
                        end = q.end;
                        k += 1;
                    }
                }
                // genitive: "l'armée de Bachar al-Assad", "forces de la coalition",
                // through other sector nouns: "l'administration du président des États-Unis"
                if codes.is_empty() {
                    let mut cur_end = m.end;
                    let mut k = mi + 1;
                    while k < ms.len() {
                        let q = &ms[k];
                        let gap: Vec<&str> = (cur_end..q.start).map(|t| s.fold(t)).collect();
                        let named = matches!(q.entry.kind, ActorKind::Person | ActorKind::Org);
                        let genitive_gap = (gap.is_empty() && named)
                            || !gap.is_empty()
                                && gap.len() <= 3
                                && g.genitive.iter().any(|w| w == gap[0])
                                && gap[1..].iter().all(|w| g.articles.iter().any(|a| a == w));
                        if !genitive_gap {
                            break;
                        }
                        match q.entry.kind {
                            ActorKind::Country
                            | ActorKind::Capital
                            | ActorKind::Person
                            | ActorKind::Org => {
                                codes.push(with_sector(&q.entry.code, q.entry.kind, sector));
                                for u in &mut used[mi + 1..=k] {
                                    *u = true;
                                }
                                end = q.end;
                                break;
                            }
                            ActorKind::Sector => {
                                cur_end = q.end;
                                k += 1;
                            }
                            _ => break,
                        }
                    }
                }
                if codes.is_empty() {
                    // a bare French sector noun needs a determiner ("les rebelles"), else it is
                    // an adjective ("des opérations militaires")
                    // the word before, skipping quotation marks ("des «groupes armés»")
                    let mut b = m.start;
                    while b > 0 && s.toks[b - 1].kind == truce_text::TokKind::Quote {
                        b -= 1;
                    }
                    let determined = b == 0
                        || g.articles.iter().any(|a| a == s.fold(b - 1))
                        || g.target_nouns.iter().any(|a| a == s.fold(b - 1))
                        || g.possessives.iter().any(|a| a == s.fold(b - 1))
                        || s.toks[b - 1].kind == truce_text::TokKind::Number;
                    // English bare plurals are nouns ("rebels said"); a bare
                    // singular is an adjective ("rebel violations")
                    let bare_ok =
                        lx.lang == truce_text::Lang::En && s.fold(m.end - 1).ends_with('s');
                    if !determined && !bare_ok {
                        continue;
                    }
                    match focus {
                        Some(f) => codes.push(format!("{f}/{sector}")),
                        None => continue,
                    }
                }
                out.push(Phrase {
                    start,
                    end,
                    codes,
                    kind: ActorKind::Sector,
                });
            }
            ActorKind::Demonym | ActorKind::GroupAdj => {
                // a nationality noun: "les Russes", "Russians"
                let t = &s.toks[m.start];
                let noun = match lx.lang {
                    truce_text::Lang::Fr => t.capitalized,
                    truce_text::Lang::En => t.fold.ends_with('s') && !t.fold.ends_with("ss"),
                };
                if noun {
                    let code = if m.entry.kind == ActorKind::GroupAdj {
                        m.entry.code.clone()
                    } else {
                        with_sector(&m.entry.code, ActorKind::Country, "GOV")
                    };
                    out.push(Phrase {
                        start: m.start,
                        end: m.end,
                        codes: vec![code],
                        kind: m.entry.kind,
                    });
                }
            }
            ActorKind::Country | ActorKind::Capital => {
                if locative(lx, s, m.start) {
                    continue;
                }
                let code = if m.entry.kind == ActorKind::Country {
                    with_sector(&m.entry.code, ActorKind::Country, "GOV")
                } else {
                    m.entry.code.clone()
                };
                out.push(Phrase {
                    start: m.start,
                    end: m.end,
                    codes: vec![code],
                    kind: m.entry.kind,
                });
            }
            ActorKind::Person | ActorKind::Org => out.push(Phrase {
                start: m.start,
                end: m.end,
                codes: vec![m.entry.code.clone()],
                kind: m.entry.kind,
            }),
        }
        used[mi] = true;
    }
    out.sort_by_key(|p| p.start);
    merge_appositions(s, lx, out)
}

/// Merge "le secrétaire d'État américain John Kerry" (sector phrase + person)
/// and "John Kerry, le secrétaire d'État" into one phrase.
fn merge_appositions(s: &Sent, lx: &Lexicon, phrases: Vec<Phrase>) -> Vec<Phrase> {
    let mut out: Vec<Phrase> = Vec::with_capacity(phrases.len());
    for p in phrases {
        if let Some(prev) = out.last_mut() {
            let gap: Vec<&str> = (prev.end..p.start).map(|t| s.fold(t)).collect();
            let gap_ok = gap.len() <= 2
                && gap
                    .iter()
                    .all(|w| *w == "," || *w == "(" || lx.grammar.articles.iter().any(|a| a == w));
            let specific = |k: ActorKind| matches!(k, ActorKind::Person | ActorKind::Org);
            if gap_ok
                && prev.codes.len() == 1
                && p.codes.len() == 1
                && (specific(prev.kind) != specific(p.kind))
            {
                let (ph, _) = split_code(&prev.codes[0]);
                let (qh, _) = split_code(&p.codes[0]);
                if ph == qh {
                    let code = if specific(p.kind) {
                        p.codes[0].clone()
                    } else {
                        prev.codes[0].clone()
                    };
                    prev.end = p.end;
                    prev.codes = vec![code];
                    prev.kind = ActorKind::Person;
                    continue;
                }
            }
        }
        out.push(p);
    }
    out
}

impl Sent {
    pub(crate) fn is_coord(lx: &Lexicon, w: &str) -> bool {
        w == "," || lx.grammar.conjunctions.iter().any(|c| c == w)
    }
}
