//! The rules: a hand-written scanner over tokens that finds time expressions
//! and says what they mean, before any reference date is applied.
//!
//! At each token that may start an expression the scanner tries every rule
//! and keeps the longest match; it then resumes after it. Rules are small
//! functions over token positions (`usize`), returning the end position
//! (exclusive) of what they read.

use crate::lexicon::{Lexicon, PhraseSet, Unit};
use crate::token::{Kind, Tok, OOV};

/// Which occurrence of a weekday, date or period is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// No marker: the nearest (for weekdays, the most recent).
    Plain,
    /// "dernier", "last".
    Past,
    /// "prochain", "next".
    Future,
    /// "ce", "this": the current week.
    This,
}

/// Part of a month or year: "début", "mi-", "fin"; "early", "mid", "late".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Start,
    Mid,
    End,
}

/// What an expression means, before resolution against an anchor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Sem {
    /// Calendar fields as written (all explicit in the text).
    Cal {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
        weekday: Option<u32>,
        dir: Dir,
        part: Option<Part>,
    },
    /// A weekday alone: "mercredi", "last Tuesday".
    Weekday { weekday: u32, dir: Dir },
    /// Days from the reference: "hier" = -1.
    Days(i64),
    /// Reference plus `n` units: "il y a deux jours" = -2 days.
    Shift { n: i64, unit: Unit },
    /// The week/month/year around the reference, shifted: "le mois dernier".
    Period { unit: Unit, shift: i64 },
    /// A length of time: "48 heures"; `relative` for "three days later".
    Duration { n: i64, unit: Unit, relative: bool },
    /// A clock time alone: "19h00", "à minuit".
    Time,
}

/// One expression found: tokens `[s, e)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Found {
    pub s: usize,
    pub e: usize,
    pub sem: Sem,
    /// Introduced by "depuis"/"since".
    pub since: bool,
    pub approx: bool,
}

impl Found {
    fn new(s: usize, e: usize, sem: Sem) -> Self {
        Found {
            s,
            e,
            sem,
            since: false,
            approx: false,
        }
    }

    /// Whether it names a single day (so it can take "soir", "à 19h00").
    fn day_level(&self) -> bool {
        matches!(
            self.sem,
            Sem::Cal { day: Some(_), .. } | Sem::Weekday { .. } | Sem::Days(_)
        )
    }
}

/// Find every expression in a token sequence, left to right, without overlap.
pub(crate) fn find(t: &[Tok], lx: &Lexicon) -> Vec<Found> {
    let p = P { t, lx };
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        match p.parse_at(i) {
            Some(f) if f.e > i => {
                i = f.e;
                out.push(f);
            }
            _ => i += 1,
        }
    }
    out
}

/// Keep `f` in `best` if it is longer (ties keep the earlier one).
fn keep(best: &mut Option<Found>, f: Option<Found>) {
    if let Some(f) = f {
        if best.is_none_or(|b| f.e > b.e) {
            *best = Some(f);
        }
    }
}

/// Keep the longer of two (end, meaning) readings.
fn keep_sem(best: &mut Option<(usize, Sem)>, c: Option<(usize, Sem)>) {
    if let Some(c) = c {
        if best.is_none_or(|b| c.0 > b.0) {
            *best = Some(c);
        }
    }
}

struct Qty {
    n: i64,
    e: usize,
    approx: bool,
    article: bool,
}

struct P<'a> {
    t: &'a [Tok],
    lx: &'a Lexicon,
}

impl P<'_> {
    // ----- token helpers -------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.t.get(i)
    }

    fn at(&self, set: &PhraseSet, i: usize) -> Option<usize> {
        set.at(self.t, i)
    }

    fn after(&self, set: &PhraseSet, i: usize) -> bool {
        set.ends_at(self.t, i)
    }

    /// Token `i` touches token `i - 1` (no space between).
    fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.t.len() && self.t[i].start == self.t[i - 1].end
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.ch == c)
    }

    fn num(&self, i: usize) -> Option<Tok> {
        self.tok(i).copied().filter(|t| t.kind == Kind::Num)
    }

    /// A number that does not continue what is glued before it
    /// ("000" in "250.000", "02" in "27/02", "00" in "08h00").
    fn lone_num(&self, i: usize) -> Option<Tok> {
        let t = self.num(i)?;
        if self.glued(i) {
            let p = self.t[i - 1];
            if p.kind != Kind::Punct || matches!(p.ch, '.' | ',' | '/' | ':' | '+') {
                return None;
            }
        }
        Some(t)
    }

    /// The number just before `e` is not continued by what is glued after it
    /// ("250.000", "3,5", "27/02", "22%", "08h00" are continued).
    fn num_ends(&self, e: usize) -> bool {
        if !self.glued(e) {
            return true;
        }
        let n = self.t[e];
        match n.kind {
            Kind::Num | Kind::Word => false,
            Kind::Punct => match n.ch {
                '%' | '/' | ':' => false,
                '.' | ',' | '-' => !(self.glued(e + 1) && self.num(e + 1).is_some()),
                _ => true,
            },
        }
    }

    // ----- calendar pieces ---------------------------------------------

    /// A day number with its ordinal suffix, however it is followed.
    fn day_raw(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.lone_num(i)?;
        if t.ndig > 2 || t.num == 0 || t.num > 31 {
            return None;
        }
        let mut e = i + 1;
        if self.glued(e) {
            if let Some(e2) = self.at(&self.lx.m.ordinal_suffixes, e) {
                e = e2;
            }
        }
        Some((t.num, e))
    }

    /// A day of the month: "27", "1er", "12th", "premier".
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((d, e)) = self.day_raw(i) {
            return self.num_ends(e).then_some((d, e));
        }
        if self.num(i).is_some() {
            return None;
        }
        self.at(&self.lx.m.first_day, i).map(|e| (1, e))
    }

    /// The first day of a range: "27" in "27 et 28 février", "12" in "du 12
    /// au 19 septembre", "19" in "19-20 septembre"; takes its month and year
    /// from the second day. Ends after the first day.
    fn range_start(&self, k: usize) -> Option<(usize, Sem)> {
        let (d, e) = self.day_raw(k)?;
        let mut j = self.at(&self.lx.m.range_connectors, e)?;
        if let Some(j2) = self.at(&self.lx.m.determiners, j) {
            j = j2;
        }
        let (
            _,
            Sem::Cal {
                year,
                month: Some(m),
                day: Some(d2),
                ..
            },
        ) = self.day_month(j)?
        else {
            return None;
        };
        (d < d2).then(|| (e, date(year, Some(m), Some(d))))
    }

    /// A four-digit year between 1900 and 2100.
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.lone_num(i)?;
        if t.ndig != 4 || !(1900..=2100).contains(&t.num) || !self.num_ends(i + 1) {
            return None;
        }
        Some((i32::try_from(t.num).ok()?, i + 1))
    }

    /// An optional year at `e` (after a comma too when `comma`).
    fn opt_year(&self, e: usize, comma: bool) -> (Option<i32>, usize) {
        if let Some((y, e2)) = self.year(e) {
            return (Some(y), e2);
        }
        if comma && self.is_punct(e, ',') {
            if let Some((y, e2)) = self.year(e + 1) {
                return (Some(y), e2);
            }
        }
        (None, e)
    }

    /// A month name: (month, end, whether it needs confirming by a cue,
    /// a day or a year).
    fn month(&self, i: usize) -> Option<(u32, usize, bool)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word || (self.lx.caps && !t.upper) {
            return None;
        }
        if let Some((e, &(m, amb))) = self.lx.months.longest(self.t, i) {
            return Some((m, e, amb));
        }
        let (mut e, &m) = self.lx.month_abbr.longest(self.t, i)?;
        if self.is_punct(e, '.') && self.glued(e) {
            e += 1;
        }
        Some((m, e, true))
    }

    /// A weekday name: (1 = Monday … 7, end).
    fn weekday(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word || (self.lx.caps && !t.upper) {
            return None;
        }
        let (e, &w) = self.lx.weekdays.longest(self.t, i)?;
        Some((w, e))
    }

    // ----- calendar rules ----------------------------------------------

    /// "27 février [2016]", "12 September 2016", "the 12th of September".
    fn day_month(&self, k: usize) -> Option<(usize, Sem)> {
        let (d, mut e) = self.day(k)?;
        if let Some(e2) = self.at(&self.lx.m.of, e) {
            e = e2;
        }
        // A day number before it confirms an ambiguous month name.
        let (m, e, _) = self.month(e)?;
        let (year, e) = self.opt_year(e, self.lx.month_day);
        Some((e, date(year, Some(m), Some(d))))
    }

    /// "September 12[, 2016]", "Sept. 12" (languages with month-day order).
    fn month_day(&self, k: usize) -> Option<(usize, Sem)> {
        if !self.lx.month_day {
            return None;
        }
        let (m, e, _) = self.month(k)?;
        if let Some((d, e)) = self.day(e) {
            let (year, e) = self.opt_year(e, true);
            return Some((e, date(year, Some(m), Some(d))));
        }
        // "Sept. 19-20[, 2016]": the first day, with the year after the range
        let (d, e) = self.day_raw(e)?;
        let j = self.at(&self.lx.m.range_connectors, e)?;
        let (d2, e2) = self.day(j)?;
        if d2 <= d {
            return None;
        }
        let (year, _) = self.opt_year(e2, true);
        Some((e, date(year, Some(m), Some(d))))
    }

    /// "février", "mars 2011", "en mars": an ambiguous name needs a cue
    /// before it or a year after it.
    fn month_year(&self, k: usize) -> Option<(usize, Sem)> {
        let (m, e, amb) = self.month(k)?;
        let (year, e) = self.opt_year(e, false);
        if year.is_none()
            && amb
            && !self.after(&self.lx.m.month_cues, k)
            && !self.after(&self.lx.m.since, k)
        {
            return None;
        }
        Some((e, date(year, Some(m), None)))
    }

    /// "fin mai", "mi-octobre", "à la fin de février", "early September", "fin 2015".
    fn part(&self, k: usize) -> Option<(usize, Sem)> {
        let m = &self.lx.m;
        for (set, part) in [
            (&m.part_start, Part::Start),
            (&m.part_mid, Part::Mid),
            (&m.part_end, Part::End),
        ] {
            let Some(e) = self.at(set, k) else { continue };
            let (month, e2) = match self.month(e) {
                Some((mo, e2, _)) => (Some(mo), e2),
                None => (None, e),
            };
            let (year, e3) = self.opt_year(e2, false);
            if month.is_none() && year.is_none() {
                continue;
            }
            let sem = Sem::Cal {
                year,
                month,
                day: None,
                weekday: None,
                dir: Dir::Plain,
                part: Some(part),
            };
            return Some((e3, sem));
        }
        None
    }

    /// "en 2014", "depuis 2011": a bare year needs a cue before it.
    fn year_alone(&self, k: usize) -> Option<(usize, Sem)> {
        let (y, e) = self.year(k)?;
        if !self.after(&self.lx.m.year_cues, k) && !self.after(&self.lx.m.since, k) {
            return None;
        }
        Some((e, date(Some(y), None, None)))
    }

    /// "lundi 27 juin", "Monday, October 24", "samedi 17", "mercredi".
    fn weekday_led(&self, k: usize) -> Option<(usize, Sem)> {
        let (wd, e) = self.weekday(k)?;
        let j = if self.is_punct(e, ',') { e + 1 } else { e };
        let mut full = None;
        keep_sem(&mut full, self.day_month(j));
        keep_sem(&mut full, self.month_day(j));
        if let Some((
            e2,
            Sem::Cal {
                year, month, day, ..
            },
        )) = full
        {
            let sem = Sem::Cal {
                year,
                month,
                day,
                weekday: Some(wd),
                dir: Dir::Plain,
                part: None,
            };
            return Some((e2, sem));
        }
        if let Some((d, e2)) = self.day(e) {
            if self.bare_day_ok(e2) {
                let sem = Sem::Cal {
                    year: None,
                    month: None,
                    day: Some(d),
                    weekday: Some(wd),
                    dir: Dir::Plain,
                    part: None,
                };
                return Some((e2, sem));
            }
        }
        Some((
            e,
            Sem::Weekday {
                weekday: wd,
                dir: Dir::Plain,
            },
        ))
    }

    /// After "samedi 17": the number is a day, not a count ("samedi 17 civils",
    /// "samedi 17 heures").
    fn bare_day_ok(&self, e: usize) -> bool {
        if self.lx.units.longest(self.t, e).is_some() {
            return false;
        }
        match self.tok(e) {
            None => true,
            Some(t) => match t.kind {
                Kind::Num => false,
                Kind::Punct => true,
                Kind::Word => t.upper || t.id != OOV || t.end - t.start <= 3,
            },
        }
    }

    /// "2016-09-19[T10:00:00+03:00]", "27/02/2016", "27.02.2016"
    /// (month first in month-day languages when it can be a month).
    fn numeric(&self, k: usize) -> Option<(usize, Sem)> {
        let a = self.lone_num(k)?;
        let g = |i| self.glued(i);
        if a.ndig == 4 && self.is_punct(k + 1, '-') && self.is_punct(k + 3, '-') {
            if !(g(k + 1) && g(k + 2) && g(k + 3) && g(k + 4)) {
                return None;
            }
            let (b, c) = (self.num(k + 2)?, self.num(k + 4)?);
            if b.ndig != 2 || c.ndig != 2 {
                return None;
            }
            let mut e = k + 5;
            let is_t = |i: usize| {
                self.tok(i)
                    .is_some_and(|t| t.kind == Kind::Word && t.end == t.start + 1 && t.ch == 'T')
            };
            if g(e) && is_t(e) {
                e += 1;
                while g(e)
                    && self.tok(e).is_some_and(|t| {
                        t.kind == Kind::Num || matches!(t.ch, ':' | '.' | '+' | '-' | 'Z')
                    })
                {
                    e += 1;
                }
            } else if !self.num_ends(e) {
                return None;
            }
            let (y, m, d) = valid_date(a.num, b.num, c.num)?;
            return Some((e, date(Some(y), Some(m), Some(d))));
        }
        if a.ndig > 2 {
            return None;
        }
        for sep in ['/', '.'] {
            if !self.is_punct(k + 1, sep) || !g(k + 1) || !g(k + 2) {
                continue;
            }
            if !self.is_punct(k + 3, sep) {
                // "le 17/10": day and month, only after a determiner.
                let b = self.num(k + 2)?;
                if sep != '/' || b.ndig > 2 || !self.num_ends(k + 3) {
                    return None;
                }
                if !self.after(&self.lx.m.determiners, k) {
                    return None;
                }
                let (d, m) = if self.lx.month_day && a.num <= 12 {
                    (b.num, a.num)
                } else {
                    (a.num, b.num)
                };
                // Checked against a leap year so that 29/02 passes.
                valid_date(2016, m, d)?;
                return Some((k + 3, date(None, Some(m), Some(d))));
            }
            if !(g(k + 1) && g(k + 2) && g(k + 3) && g(k + 4)) {
                return None;
            }
            let (b, c) = (self.num(k + 2)?, self.num(k + 4)?);
            if b.ndig > 2 || c.ndig != 4 || !self.num_ends(k + 5) {
                return None;
            }
            let (d, m) = if self.lx.month_day && a.num <= 12 {
                (b.num, a.num)
            } else {
                (a.num, b.num)
            };
            let (y, m, d) = valid_date(c.num, m, d)?;
            return Some((k + 5, date(Some(y), Some(m), Some(d))));
        }
        None
    }

    /// Every calendar reading at `k`, the longest kept; `dir` comes from a
    /// marker before it ("ce", "last"); the span starts at `s`.
    fn calendar(&self, s: usize, k: usize, dir: Dir) -> Option<Found> {
        let mut best = None;
        keep_sem(&mut best, self.weekday_led(k));
        keep_sem(&mut best, self.day_month(k));
        keep_sem(&mut best, self.month_day(k));
        keep_sem(&mut best, self.month_year(k));
        keep_sem(&mut best, self.part(k));
        keep_sem(&mut best, self.year_alone(k));
        keep_sem(&mut best, self.numeric(k));
        if best.is_none() {
            best = self.range_start(k);
        }
        let (mut e, mut sem) = best?;
        // Only what lacks a year can be "dernier"/"prochain"/"this".
        let open = matches!(sem, Sem::Weekday { .. } | Sem::Cal { year: None, .. });
        let mut d = dir;
        if open && d == Dir::Plain {
            if let Some(e2) = self.at(&self.lx.m.past_after, e) {
                d = Dir::Past;
                e = e2;
            } else if let Some(e2) = self.at(&self.lx.m.future_after, e) {
                d = Dir::Future;
                e = e2;
            }
        }
        match &mut sem {
            Sem::Weekday { dir, .. } | Sem::Cal { dir, .. } if open => *dir = d,
            _ if d != Dir::Plain => return None,
            _ => {}
        }
        let approx = matches!(sem, Sem::Cal { part: Some(_), .. });
        Some(self.suffix(Found {
            approx,
            ..Found::new(s, e, sem)
        }))
    }

    /// A day part and a clock time after a day: "soir", "à minuit", "à 08h00".
    fn suffix(&self, mut f: Found) -> Found {
        if !f.day_level() {
            return f;
        }
        if let Some(e) = self.at(&self.lx.m.day_parts, f.e) {
            f.e = e;
        }
        let (j, spoken) = match self.at(&self.lx.m.time_before, f.e) {
            Some(j) => (j, false),
            None => (f.e, true),
        };
        if let Some(e) = self.time(j, spoken) {
            f.e = e;
        }
        f
    }

    // ----- clock times -------------------------------------------------

    /// A clock time: "minuit", "19h", "08h00", "10:30", "10 a.m.", "à 10 heures".
    /// The spoken form "10 heures" counts only when `spoken` (right after a
    /// day) or after a connecting word ("à", "vers").
    fn time(&self, j: usize, spoken: bool) -> Option<usize> {
        let m = &self.lx.m;
        if let Some(e) = self.at(&m.time_words, j) {
            return Some(self.time_tail(e));
        }
        let t = self.lone_num(j)?;
        if t.ndig > 2 || t.num > 24 {
            return None;
        }
        let e = j + 1;
        // 19h, 08h00
        if self.glued(e) && self.at(&m.hour_marks, e) == Some(e + 1) {
            let mut e = e + 1;
            if self.glued(e) {
                let mm = self.num(e)?;
                if mm.ndig != 2 || mm.num > 59 {
                    return None;
                }
                e += 1;
            } else if t.num > 23 {
                return None;
            }
            return self.num_ends(e).then(|| self.time_tail(e));
        }
        // 10:30 [a.m.]
        if self.is_punct(e, ':') && self.glued(e) && self.glued(e + 1) {
            let mm = self.num(e + 1)?;
            if mm.ndig != 2 || mm.num > 59 {
                return None;
            }
            let e = e + 2;
            let e = self.at(&m.am_pm, e).unwrap_or(e);
            return Some(self.time_tail(e));
        }
        // 10 a.m.
        if (1..=12).contains(&t.num) {
            if let Some(e2) = self.at(&m.am_pm, e) {
                return Some(self.time_tail(e2));
            }
        }
        // "à 10 heures [30]", "samedi 17 heures"
        let after_word = j > 0 && self.t[j - 1].kind == Kind::Word;
        if (spoken || (after_word && self.after(&m.time_before, j))) && t.num <= 23 {
            if let Some((e2, Unit::Hour)) = self.lx.units.longest(self.t, e).map(|(x, u)| (x, *u)) {
                if self.at(&m.hour_marks, e).is_none() {
                    let mut e2 = e2;
                    if self
                        .lone_num(e2)
                        .is_some_and(|mm| mm.ndig == 2 && mm.num <= 59)
                    {
                        e2 += 1;
                    }
                    return Some(self.time_tail(e2));
                }
            }
        }
        None
    }

    /// "GMT", "heure locale" after a clock time.
    fn time_tail(&self, e: usize) -> usize {
        self.at(&self.lx.m.time_after, e).unwrap_or(e)
    }

    /// A clock time, possibly followed by the day it is on
    /// ("sunset on September 12", "à minuit, le 27 février").
    fn time_led(&self, k: usize) -> Option<Found> {
        let e = self.time(k, false)?;
        let j = self.at(&self.lx.m.date_after_time, e).unwrap_or(e);
        if let Some(f) = self.dated(j).filter(Found::day_level) {
            return Some(Found { s: k, ..f });
        }
        Some(Found::new(k, e, Sem::Time))
    }

    // ----- relative expressions ----------------------------------------

    /// "hier", "aujourd'hui", "yesterday"; "veille", "the next day" (approximate).
    fn deictic(&self, s: usize, k: usize) -> Option<Found> {
        let mut best = None;
        if let Some((e, &n)) = self.lx.deictic.longest(self.t, k) {
            keep(&mut best, Some(Found::new(s, e, Sem::Days(n))));
        }
        if let Some((e, &n)) = self.lx.anaphoric.longest(self.t, k) {
            let f = Found {
                approx: true,
                ..Found::new(s, e, Sem::Days(n))
            };
            keep(&mut best, Some(f));
        }
        best.map(|f| self.suffix(f))
    }

    /// "la semaine dernière", "le mois prochain", "l'an dernier", "cette
    /// semaine", "last week", "this year".
    fn period(&self, s: usize, k: usize, dir: Dir) -> Option<Found> {
        let m = &self.lx.m;
        let (mut e, &unit) = self.lx.units.longest(self.t, k)?;
        if !matches!(unit, Unit::Week | Unit::Weekend | Unit::Month | Unit::Year) {
            return None;
        }
        if let Some(e2) = self.at(&m.this_after, e) {
            e = e2;
        }
        let shift = match dir {
            Dir::Past => -1,
            Dir::Future => 1,
            Dir::This => 0,
            Dir::Plain => {
                if let Some(e2) = self.at(&m.past_after, e) {
                    e = e2;
                    -1
                } else if let Some(e2) = self.at(&m.future_after, e) {
                    e = e2;
                    1
                } else {
                    return None;
                }
            }
        };
        Some(Found {
            approx: matches!(unit, Unit::Week | Unit::Weekend),
            ..Found::new(s, e, Sem::Period { unit, shift })
        })
    }

    /// A quantity: "sept", "48", "près de sept", "quelques", "vingt-quatre".
    fn quantity(&self, k: usize) -> Option<Qty> {
        let m = &self.lx.m;
        let (j, approx) = match self.at(&m.approx, k) {
            Some(e) => (e, true),
            None => (k, false),
        };
        if let Some((e, &n)) = self.lx.vague.longest(self.t, j) {
            return Some(Qty {
                n: n.into(),
                e,
                approx: true,
                article: false,
            });
        }
        if let Some(t) = self.lone_num(j) {
            let e = j + 1;
            // "250.000", "3,5": not a whole number of units
            let continued = self.glued(e)
                && self.tok(e).is_some_and(|x| {
                    x.kind == Kind::Punct && matches!(x.ch, '.' | ',' | '/' | ':')
                })
                && self.glued(e + 1)
                && self.num(e + 1).is_some();
            if continued || t.ndig > 9 {
                return None;
            }
            return Some(Qty {
                n: t.num.into(),
                e,
                approx,
                article: false,
            });
        }
        let (mut e, &n) = self.lx.numbers.longest(self.t, j)?;
        let mut n = i64::from(n);
        // "vingt-quatre", "forty-eight"
        if (20..100).contains(&n) && n % 10 == 0 && self.is_punct(e, '-') {
            if let Some((e2, &u)) = self.lx.numbers.longest(self.t, e + 1) {
                if (1..10).contains(&u) {
                    n += i64::from(u);
                    e = e2;
                }
            }
        }
        let article = self.at(&m.article_numbers, j) == Some(e);
        Some(Qty {
            n,
            e,
            approx,
            article,
        })
    }

    /// "48 heures", "plus de 5 ans", "14 derniers mois", "two days ago",
    /// "three days later".
    fn quantity_expr(&self, k: usize) -> Option<Found> {
        let m = &self.lx.m;
        let q = self.quantity(k)?;
        let mut e = q.e;
        // "les 14 derniers mois"
        if let Some(e2) = self
            .at(&m.past_after, e)
            .or_else(|| self.at(&m.future_after, e))
        {
            if self.lx.units.longest(self.t, e2).is_some() {
                e = e2;
            }
        }
        let (e2, &unit) = self.lx.units.longest(self.t, e)?;
        if self.at(&m.hour_marks, e) == Some(e2) {
            // "48h": glued to the number; "19h" is a clock time unless a
            // duration cue says otherwise ("en 12h").
            if e != q.e || !self.glued(e) || (self.glued(e2) && self.num(e2).is_some()) {
                return None;
            }
            if q.n <= 23 && !q.approx && !self.after(&m.duration_cues, k) {
                return None;
            }
        }
        if let Some(e3) = self.at(&m.ago_after, e2) {
            let sem = Sem::Shift { n: -q.n, unit };
            return Some(Found {
                approx: q.approx || unit == Unit::Week,
                ..Found::new(k, e3, sem)
            });
        }
        if let Some(e3) = self.at(&m.shift_after, e2) {
            let sem = Sem::Duration {
                n: q.n,
                unit,
                relative: true,
            };
            return Some(Found {
                approx: true,
                ..Found::new(k, e3, sem)
            });
        }
        if q.article && !q.approx && !self.after(&m.duration_cues, k) && !self.after(&m.since, k) {
            return None;
        }
        let sem = Sem::Duration {
            n: q.n,
            unit,
            relative: false,
        };
        Some(Found {
            approx: q.approx,
            ..Found::new(k, e2, sem)
        })
    }

    /// "il y a [près de] sept semaines".
    fn ago(&self, k: usize) -> Option<Found> {
        let j = self.at(&self.lx.m.ago_before, k)?;
        let q = self.quantity(j)?;
        let (e, &unit) = self.lx.units.longest(self.t, q.e)?;
        if self.at(&self.lx.m.hour_marks, q.e).is_some() && !self.glued(q.e) {
            return None;
        }
        Some(Found {
            approx: q.approx || unit == Unit::Week,
            ..Found::new(k, e, Sem::Shift { n: -q.n, unit })
        })
    }

    // ----- assembly ----------------------------------------------------

    /// Dates and days, with an optional determiner and/or "ce/this/last/next".
    fn dated(&self, k: usize) -> Option<Found> {
        let m = &self.lx.m;
        let mut best = None;
        keep(&mut best, self.deictic(k, k));
        keep(&mut best, self.calendar(k, k, Dir::Plain));
        let det = self.at(&m.determiners, k);
        if let Some(k2) = det {
            keep(&mut best, self.deictic(k, k2));
            keep(&mut best, self.calendar(k, k2, Dir::Plain));
            keep(&mut best, self.period(k, k2, Dir::Plain));
        }
        // "ce lundi", "last week", "the coming week"
        for j in [Some(k), det].into_iter().flatten() {
            for (set, dir) in [
                (&m.this_before, Dir::This),
                (&m.past_before, Dir::Past),
                (&m.future_before, Dir::Future),
            ] {
                if let Some(k2) = self.at(set, j) {
                    keep(&mut best, self.calendar(k, k2, dir));
                    keep(&mut best, self.period(k, k2, dir));
                }
            }
        }
        best
    }

    /// Every reading at `k`, the longest kept.
    fn core(&self, k: usize) -> Option<Found> {
        let mut best = self.dated(k);
        keep(&mut best, self.ago(k));
        keep(&mut best, self.quantity_expr(k));
        keep(&mut best, self.time_led(k));
        if let Some(k2) = self.at(&self.lx.m.day_modifiers, k) {
            let f = self
                .dated(k2)
                .filter(Found::day_level)
                .map(|f| Found { s: k, ..f });
            keep(&mut best, f);
        }
        best
    }

    /// The expression starting at token `i`, if any.
    fn parse_at(&self, i: usize) -> Option<Found> {
        if !self.lx.is_starter(self.tok(i)?) {
            return None;
        }
        if let Some(j) = self.at(&self.lx.m.since, i) {
            let mut f = self.core(j)?;
            f.s = i;
            f.since = true;
            // "depuis sept semaines": since seven weeks before the reference
            if let Sem::Duration {
                n,
                unit,
                relative: false,
            } = f.sem
            {
                f.sem = Sem::Shift { n: -n, unit };
                f.approx |= unit == Unit::Week;
            }
            return Some(f);
        }
        self.core(i)
    }
}

/// A calendar meaning with no weekday, direction or part.
fn date(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Sem {
    Sem::Cal {
        year,
        month,
        day,
        weekday: None,
        dir: Dir::Plain,
        part: None,
    }
}

/// (year, month, day) if they make a real date between 1900 and 2100.
fn valid_date(y: u32, m: u32, d: u32) -> Option<(i32, u32, u32)> {
    let y = i32::try_from(y).ok()?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|_| (y, m, d))
}
