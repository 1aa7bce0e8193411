//! Full calendar dates written out in French or English ("28 septembre 2016",
//! "September 18, 2016", "Oct 3, 2016", "2016-09-28"), for publication-date hints.
//!
//! Only complete dates (day, month and year) are recognised: a hint must be precise or
//! nothing. Years outside 1990–2100 are ignored.

use regex::Regex;
use std::sync::OnceLock;

const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("sept", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

fn month(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == n).map(|(_, v)| *v)
}

fn re() -> &'static [Regex; 3] {
    static RE: OnceLock<[Regex; 3]> = OnceLock::new();
    RE.get_or_init(|| {
        let m = r"(janvier|janv\.?|février|fevrier|févr\.?|mars|avril|avr\.?|mai|juin|juillet|juil\.?|août|aout|septembre|sept\.?|octobre|oct\.?|novembre|nov\.?|décembre|decembre|déc\.?|january|jan\.?|february|feb\.?|march|mar\.?|april|apr\.?|may|june|jun\.?|july|jul\.?|august|aug\.?|september|sep\.?|october|november|december|dec\.?)";
        // The patterns are constants; failing to compile them is a bug caught by tests.
        #[allow(clippy::expect_used)]
        let build = |p: String| {
            regex::RegexBuilder::new(&crate::patterns::ascii_boundaries(&p))
                .case_insensitive(true)
                .build()
                .expect("date pattern")
        };
        [
            // 28 septembre 2016, 1er mars 2016, 14 February 2016
            build(format!(r"\b(\d{{1,2}})(?:er|st|nd|rd|th)?\s+{m}\s+(\d{{4}})\b")),
            // September 18, 2016 / Oct 3, 2016 / SEPT. 10 ,2016 / September13, 2016
            build(format!(r"\b{m}\s*(\d{{1,2}})(?:st|nd|rd|th)?\s*,\s*(\d{{4}})\b")),
            // 2016-09-28
            build(r"\b(\d{4})-(\d{2})-(\d{2})\b".to_string()),
        ]
    })
}

fn days_in(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

fn valid(y: i32, m: u32, d: u32) -> Option<String> {
    if !(1990..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in(y, m) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

const WEEKDAYS: &[&str] = &[
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "le",
    "on",
    "à",
    "at",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "edt",
    "est",
    "pm",
    "am",
    "h",
];

/// Number of words of `s` that are not part of a date or time (digits, month and weekday
/// names, "GMT", "le", "on", …).
pub fn non_date_words(s: &str) -> usize {
    s.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !w.chars().any(|c| c.is_ascii_digit())
                && month(w).is_none()
                && !WEEKDAYS.contains(&w.to_lowercase().as_str())
        })
        .count()
}

/// Every complete date in `s`, as ISO `YYYY-MM-DD`, in order of appearance.
pub fn find_dates(s: &str) -> Vec<String> {
    let [dmy, mdy, iso] = re();
    let mut found: Vec<(usize, String)> = Vec::new();
    for c in dmy.captures_iter(s) {
        let d = c[1].parse().ok();
        let m = month(&c[2]);
        let y = c[3].parse().ok();
        if let (Some(d), Some(m), Some(y)) = (d, m, y) {
            if let Some(v) = valid(y, m, d) {
                found.push((c.get(0).map_or(0, |x| x.start()), v));
            }
        }
    }
    for c in mdy.captures_iter(s) {
        let m = month(&c[1]);
        let d = c[2].parse().ok();
        let y = c[3].parse().ok();
        if let (Some(d), Some(m), Some(y)) = (d, m, y) {
            if let Some(v) = valid(y, m, d) {
                found.push((c.get(0).map_or(0, |x| x.start()), v));
            }
        }
    }
    for c in iso.captures_iter(s) {
        let y = c[1].parse().ok();
        let m = c[2].parse().ok();
        let d = c[3].parse().ok();
        if let (Some(y), Some(m), Some(d)) = (y, m, d) {
            if let Some(v) = valid(y, m, d) {
                found.push((c.get(0).map_or(0, |x| x.start()), v));
            }
        }
    }
    found.sort();
    found.into_iter().map(|(_, v)| v).collect()
}

/// Normalise a date or datetime given by a page's metadata ("2016-12-31T10:16:13Z",
/// "2016-12-31", "December 31, 2016") to `YYYY-MM-DD`.
pub fn normalise_meta_date(s: &str) -> Option<String> {
    let t = s.trim();
    if t.len() >= 10 && t.is_char_boundary(10) {
        let head = &t[..10];
        if let Some(d) = find_dates(head).into_iter().next() {
            return Some(d);
        }
    }
    find_dates(t).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_french_and_english_dates() {
        assert_eq!(
            find_dates("— RT France (@RTenfrancais) 28 septembre 2016"),
            vec!["2016-09-28"]
        );
        assert_eq!(find_dates("le 1er mars 2016 à minuit"), vec!["2016-03-01"]);
        assert_eq!(
            find_dates("Xinhua, September 18, 2016 Adjust font size:"),
            vec!["2016-09-18"]
        );
        assert_eq!(find_dates("Mon Oct 3, 2016 6:13PM"), vec!["2016-10-03"]);
        assert_eq!(find_dates("SEPT. 10 ,2016"), vec!["2016-09-10"]);
        assert_eq!(find_dates("on 2016-12-31."), vec!["2016-12-31"]);
    }

    #[test]
    fn rejects_incomplete_or_impossible_dates() {
        assert!(find_dates("le 27 février à minuit").is_empty());
        assert!(find_dates("31 février 2016").is_empty());
        assert!(find_dates("mars 2011").is_empty());
        assert!(find_dates("12 may 1066").is_empty());
    }

    #[test]
    fn counts_non_date_words() {
        assert_eq!(non_date_words("Mon Oct 3, 2016 6:13PM"), 0);
        assert_eq!(
            non_date_words("Xinhua, le mardi 18 septembre 2016 à 10h"),
            1
        );
        assert_eq!(non_date_words("Syrie : la trêve du 12 septembre 2016"), 4);
    }

    #[test]
    fn normalises_metadata_dates() {
        assert_eq!(
            normalise_meta_date("2016-12-31T10:16:13.000Z").as_deref(),
            Some("2016-12-31")
        );
        assert_eq!(normalise_meta_date("nonsense"), None);
    }
}
