//! Publication dates as sources give them.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Parse a publication date string into the calendar date it names.
///
/// Accepts ISO 8601 / RFC 3339 dates and datetimes (with or without offset:
/// `2016-09-18`, `2016-09-18T10:00:00+03:00`, `2016-09-18 10:00:00`),
/// RFC 2822 (`Sun, 18 Sep 2016 10:00:00 +0300`), and `DD/MM/YYYY`.
/// A datetime with an offset gives the date *in that offset*, i.e. the date
/// printed on the page. Returns `None` for anything else.
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
            return Some(dt.date_naive());
        }
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(dt.date());
        }
    }
    for fmt in ["%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d.%m.%Y", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    // A date followed by something we do not know ("2016-09-18T10:00:00 MSK").
    let head = s.get(..10)?;
    let sep = s.as_bytes().get(10).copied();
    if matches!(sep, Some(b'T' | b' ' | b't')) {
        return NaiveDate::parse_from_str(head, "%Y-%m-%d").ok();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn parses_common_forms() {
        assert_eq!(parse_published("2016-09-18"), d(2016, 9, 18));
        assert_eq!(
            parse_published(" 2016-09-18T10:00:00+03:00 "),
            d(2016, 9, 18)
        );
        assert_eq!(parse_published("2016-09-18T23:30:00-05:00"), d(2016, 9, 18));
        assert_eq!(parse_published("2016-09-18T10:00:00Z"), d(2016, 9, 18));
        assert_eq!(
            parse_published("2016-09-18T10:00:00.123+0300"),
            d(2016, 9, 18)
        );
        assert_eq!(parse_published("2016-09-18T10:00:00"), d(2016, 9, 18));
        assert_eq!(parse_published("2016-09-18 10:00"), d(2016, 9, 18));
        assert_eq!(
            parse_published("Sun, 18 Sep 2016 10:00:00 +0300"),
            d(2016, 9, 18)
        );
        assert_eq!(parse_published("18/09/2016"), d(2016, 9, 18));
        assert_eq!(parse_published("2016-09-18T10:00:00 MSK"), d(2016, 9, 18));
    }

    #[test]
    fn rejects_garbage() {
        for s in [
            "",
            "hier",
            "2016-13-01",
            "2016-02-30",
            "18 septembre 2016",
            "é2016-09-18é",
        ] {
            assert_eq!(parse_published(s), None, "{s}");
        }
    }
}
