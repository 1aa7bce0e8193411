//! Resolution: from what an expression says ([`Sem`]) to a calendar value,
//! given the reference date or year hint of an [`Anchor`].

use crate::grammar::{Dir, Sem};
use crate::lexicon::Unit;
use crate::Anchor;
use chrono::{Datelike, Months, NaiveDate, TimeDelta};
use truce_model::{DateValue, Precision};

/// The value of an expression, if the anchor allows one.
pub(crate) fn resolve(sem: &Sem, a: &Anchor) -> Option<DateValue> {
    let r = a.reference;
    match *sem {
        Sem::Cal {
            year,
            month,
            day,
            weekday,
            dir,
            ..
        } => calendar(year, month, day, weekday, dir, a),
        Sem::Weekday { weekday, dir } => r
            .and_then(|r| weekday_near(r, weekday, dir))
            .and_then(day_value),
        Sem::Days(n) => r.and_then(|r| add_days(r, n)).and_then(day_value),
        Sem::Shift { n, unit } => r.and_then(|r| shift(r, n, unit)),
        Sem::Period { unit, shift } => r.and_then(|r| period(r, unit, shift)),
        Sem::Duration { .. } | Sem::Time => None,
    }
}

fn day_value(d: NaiveDate) -> Option<DateValue> {
    (0..=9999).contains(&d.year()).then(|| DateValue {
        value: format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        precision: Precision::Day,
    })
}

fn month_value(y: i32, m: u32) -> Option<DateValue> {
    ((0..=9999).contains(&y) && (1..=12).contains(&m)).then(|| DateValue {
        value: format!("{y:04}-{m:02}"),
        precision: Precision::Month,
    })
}

fn year_value(y: i32) -> Option<DateValue> {
    (0..=9999).contains(&y).then(|| DateValue {
        value: format!("{y:04}"),
        precision: Precision::Year,
    })
}

fn add_days(r: NaiveDate, n: i64) -> Option<NaiveDate> {
    r.checked_add_signed(TimeDelta::try_days(n)?)
}

fn add_months(r: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        r.checked_add_months(m)
    } else {
        r.checked_sub_months(m)
    }
}

/// Days between two dates, as a distance.
fn dist(a: NaiveDate, b: NaiveDate) -> i64 {
    (a - b).num_days().abs()
}

/// How much less likely news refers to a future date than to a past one at
/// the same distance: "27 février" in a September article is the past February.
const FUTURE_WEIGHT: i64 = 4;

/// Of candidate dates, the one closest to `r`, future dates counting
/// [`FUTURE_WEIGHT`] times their distance (ties: the earlier one).
fn closest_looking_back(
    r: NaiveDate,
    cands: impl IntoIterator<Item = NaiveDate>,
) -> Option<NaiveDate> {
    cands.into_iter().min_by_key(|&d| {
        let days = (d - r).num_days();
        (
            if days > 0 {
                days * FUTURE_WEIGHT
            } else {
                -days
            },
            d,
        )
    })
}

/// Of candidate dates, the one closest to `r` (ties: the earlier one).
fn closest(r: NaiveDate, cands: impl IntoIterator<Item = NaiveDate>) -> Option<NaiveDate> {
    cands.into_iter().min_by_key(|&d| (dist(d, r), d))
}

/// A weekday relative to `r`: the most recent on or before it (`Plain`),
/// strictly before (`Past`), strictly after (`Future`), or in the same
/// Monday-to-Sunday week (`This`).
fn weekday_near(r: NaiveDate, wd: u32, dir: Dir) -> Option<NaiveDate> {
    let rw = i64::from(r.weekday().number_from_monday());
    let wd = i64::from(wd);
    let back = (rw - wd).rem_euclid(7);
    let n = match dir {
        Dir::Plain => -back,
        Dir::Past => -(if back == 0 { 7 } else { back }),
        Dir::Future => {
            let fwd = (wd - rw).rem_euclid(7);
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Dir::This => wd - rw,
    };
    add_days(r, n)
}

fn calendar(
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    weekday: Option<u32>,
    dir: Dir,
    a: &Anchor,
) -> Option<DateValue> {
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d).and_then(day_value),
        (Some(y), Some(m), None) => month_value(y, m),
        (Some(y), None, _) => year_value(y),
        (None, Some(m), Some(d)) => day_month(m, d, weekday, dir, a).and_then(day_value),
        (None, Some(m), None) => {
            let y = month_year(m, dir, a)?;
            month_value(y, m)
        }
        (None, None, Some(d)) => {
            let r = a.reference?;
            weekday_day(r, d, weekday).and_then(day_value)
        }
        (None, None, None) => None,
    }
}

/// A day and month without a year.
fn day_month(m: u32, d: u32, wd: Option<u32>, dir: Dir, a: &Anchor) -> Option<NaiveDate> {
    if let Some(r) = a.reference {
        let ry = r.year();
        let cands = (ry - 2..=ry + 2).filter_map(|y| NaiveDate::from_ymd_opt(y, m, d));
        return match dir {
            Dir::Past => cands.filter(|&c| c < r).max(),
            Dir::Future => cands.filter(|&c| c > r).min(),
            Dir::Plain | Dir::This => closest_looking_back(
                r,
                cands.filter(|&c| c.year() != ry - 2 && c.year() != ry + 2),
            ),
        };
    }
    let h = a.year_hint?;
    if let Some(wd) = wd {
        // The year nearest the hint where the date falls on that weekday.
        for off in [0, -1, 1, -2, 2, -3, 3] {
            if let Some(c) = NaiveDate::from_ymd_opt(h + off, m, d) {
                if c.weekday().number_from_monday() == wd {
                    return Some(c);
                }
            }
        }
    }
    NaiveDate::from_ymd_opt(h, m, d)
}

/// The year of a month named without one.
fn month_year(m: u32, dir: Dir, a: &Anchor) -> Option<i32> {
    let Some(r) = a.reference else {
        return a.year_hint;
    };
    let ry = r.year();
    let idx = |y: i32| i64::from(y) * 12 + i64::from(m);
    let now = i64::from(ry) * 12 + i64::from(r.month());
    let cands = [ry - 1, ry, ry + 1];
    match dir {
        Dir::Past => cands.into_iter().filter(|&y| idx(y) < now).max(),
        Dir::Future => cands.into_iter().filter(|&y| idx(y) > now).min(),
        Dir::Plain | Dir::This => cands.into_iter().min_by_key(|&y| {
            let months = idx(y) - now;
            (
                if months > 0 {
                    months * FUTURE_WEIGHT
                } else {
                    -months
                },
                y,
            )
        }),
    }
}

/// "lundi 19": the day `d` of a month near `r`, on weekday `wd` if given.
fn weekday_day(r: NaiveDate, d: u32, wd: Option<u32>) -> Option<NaiveDate> {
    let first = r.with_day(1)?;
    let in_month = |off: i64| add_months(first, off).and_then(|f| f.with_day(d));
    let matching = (-3..=1)
        .filter_map(in_month)
        .filter(|c| wd.is_none_or(|w| c.weekday().number_from_monday() == w));
    closest(r, matching).or_else(|| closest(r, (-1..=1).filter_map(in_month)))
}

/// The reference moved by `n` units.
fn shift(r: NaiveDate, n: i64, unit: Unit) -> Option<DateValue> {
    match unit {
        Unit::Second | Unit::Minute => day_value(r),
        Unit::Hour => add_days(r, n.checked_div(24)?).and_then(day_value),
        Unit::Day => add_days(r, n).and_then(day_value),
        Unit::Week | Unit::Weekend => add_days(r, n.checked_mul(7)?).and_then(day_value),
        Unit::Month => {
            let d = add_months(r, n)?;
            month_value(d.year(), d.month())
        }
        Unit::Year => year_value(i32::try_from(i64::from(r.year()).checked_add(n)?).ok()?),
        Unit::Decade => {
            year_value(i32::try_from(i64::from(r.year()).checked_add(n.checked_mul(10)?)?).ok()?)
        }
    }
}

/// The week, weekend, month or year of the reference, moved by `shift`.
fn period(r: NaiveDate, unit: Unit, shift: i64) -> Option<DateValue> {
    match unit {
        Unit::Week => add_days(r, shift.checked_mul(7)?).and_then(day_value),
        Unit::Weekend => {
            // The Saturday of the reference's Monday-to-Sunday week.
            let sat = weekday_near(r, 6, Dir::This)?;
            add_days(sat, shift.checked_mul(7)?).and_then(day_value)
        }
        Unit::Month => {
            let d = add_months(r, shift)?;
            month_value(d.year(), d.month())
        }
        Unit::Year => year_value(i32::try_from(i64::from(r.year()).checked_add(shift)?).ok()?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weekdays_resolve_around_the_reference() {
        // 2016-09-28 is a Wednesday.
        let r = d("2016-09-28");
        assert_eq!(weekday_near(r, 3, Dir::Plain), Some(r));
        assert_eq!(weekday_near(r, 1, Dir::Plain), Some(d("2016-09-26")));
        assert_eq!(weekday_near(r, 4, Dir::Plain), Some(d("2016-09-22")));
        assert_eq!(weekday_near(r, 3, Dir::Past), Some(d("2016-09-21")));
        assert_eq!(weekday_near(r, 7, Dir::Future), Some(d("2016-10-02")));
        assert_eq!(weekday_near(r, 1, Dir::This), Some(d("2016-09-26")));
    }

    #[test]
    fn day_month_takes_the_closest_year_looking_back() {
        let a = Anchor::at(d("2016-01-05"));
        assert_eq!(
            day_month(12, 28, None, Dir::Plain, &a),
            Some(d("2015-12-28"))
        );
        let a = Anchor::at(d("2016-04-14"));
        assert_eq!(
            day_month(2, 27, None, Dir::Plain, &a),
            Some(d("2016-02-27"))
        );
        let a = Anchor::at(d("2016-09-12"));
        assert_eq!(day_month(9, 12, None, Dir::Past, &a), Some(d("2015-09-12")));
        // news looks back: a September article's "27 février" is the past February,
        // but a date a few days ahead is still the coming one
        let a = Anchor::at(d("2016-09-28"));
        assert_eq!(
            day_month(2, 27, None, Dir::Plain, &a),
            Some(d("2016-02-27"))
        );
        let a = Anchor::at(d("2016-09-10"));
        assert_eq!(
            day_month(9, 12, None, Dir::Plain, &a),
            Some(d("2016-09-12"))
        );
        // 29 February only exists in leap years.
        let a = Anchor::at(d("2017-03-01"));
        assert_eq!(
            day_month(2, 29, None, Dir::Plain, &a),
            Some(d("2016-02-29"))
        );
    }

    #[test]
    fn huge_shifts_give_none() {
        let r = d("2016-09-28");
        assert_eq!(shift(r, -4_000_000_000, Unit::Day), None);
        assert_eq!(shift(r, i64::MIN, Unit::Decade), None);
        assert_eq!(shift(r, -4_000_000_000, Unit::Month), None);
    }
}
