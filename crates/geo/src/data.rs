//! Parsers for the three gazetteer tables (`countries.tsv`, `cities.tsv`,
//! `supplement.tsv`). Every table is UTF-8, tab-separated, with `#` comment
//! lines (the first one names the columns) and `|`-separated alternate names
//! in its last column.

use crate::{Country, GeoError, Kind};

/// One row of `countries.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CountryRow<'a> {
    pub country: Country,
    pub population: u64,
    pub alternates: Vec<&'a str>,
}

/// One row of `cities.tsv` (GeoNames cities of 15,000 people or more).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CityRow<'a> {
    pub geonameid: u64,
    pub name: String,
    pub ascii: &'a str,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub admin1: Option<String>,
    pub alternates: Vec<&'a str>,
}

/// One row of `supplement.tsv` (hand-made places with a kind).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SupplementRow<'a> {
    pub id: String,
    pub name: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub kind: Kind,
    pub admin1: Option<String>,
    pub alternates: Vec<&'a str>,
}

/// Iterates over the data lines of a table: `(1-based line number, fields)`.
fn rows<'a>(text: &'a str) -> impl Iterator<Item = (usize, Vec<&'a str>)> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r').split('\t').collect()))
}

struct Ctx<'a> {
    file: &'a str,
    line: usize,
}

impl Ctx<'_> {
    fn err(&self, msg: impl Into<String>) -> GeoError {
        GeoError::Parse {
            file: self.file.to_string(),
            line: self.line,
            message: msg.into(),
        }
    }

    fn columns(&self, fields: &[&str], n: usize) -> Result<(), GeoError> {
        if fields.len() == n {
            Ok(())
        } else {
            Err(self.err(format!(
                "expected {n} tab-separated columns, found {}",
                fields.len()
            )))
        }
    }

    fn non_empty(&self, what: &str, v: &str) -> Result<String, GeoError> {
        let v = v.trim();
        if v.is_empty() {
            Err(self.err(format!("empty {what}")))
        } else {
            Ok(v.to_string())
        }
    }

    fn coord(&self, what: &str, v: &str, limit: f64) -> Result<f64, GeoError> {
        let x: f64 = v
            .trim()
            .parse()
            .map_err(|_| self.err(format!("{what} {v:?} is not a number")))?;
        if x.is_finite() && (-limit..=limit).contains(&x) {
            Ok(x)
        } else {
            Err(self.err(format!("{what} {x} outside [-{limit}, {limit}]")))
        }
    }

    fn uint(&self, what: &str, v: &str) -> Result<u64, GeoError> {
        let v = v.trim();
        if v.is_empty() {
            return Ok(0);
        }
        v.parse()
            .map_err(|_| self.err(format!("{what} {v:?} is not a non-negative integer")))
    }

    fn iso(&self, v: &str, len: usize) -> Result<String, GeoError> {
        let v = v.trim();
        if v.len() == len && v.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(v.to_string())
        } else {
            Err(self.err(format!("{v:?} is not an ISO code of {len} capital letters")))
        }
    }
}

fn optional(v: &str) -> Option<String> {
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

fn alternates(v: &str) -> Vec<&str> {
    v.split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect()
}

pub(crate) fn parse_countries<'a>(
    file: &str,
    text: &'a str,
) -> Result<Vec<CountryRow<'a>>, GeoError> {
    let mut out = Vec::new();
    for (line, f) in rows(text) {
        let cx = Ctx { file, line };
        cx.columns(&f, 9)?;
        out.push(CountryRow {
            country: Country {
                iso3: cx.iso(f[0], 3)?,
                iso2: cx.iso(f[1], 2)?,
                name_en: cx.non_empty("English name", f[2])?,
                name_fr: cx.non_empty("French name", f[3])?,
                capital: optional(f[4]),
                lat: cx.coord("latitude", f[5], 90.0)?,
                lon: cx.coord("longitude", f[6], 180.0)?,
            },
            population: cx.uint("population", f[7])?,
            alternates: alternates(f[8]),
        });
    }
    Ok(out)
}

pub(crate) fn parse_cities<'a>(file: &str, text: &'a str) -> Result<Vec<CityRow<'a>>, GeoError> {
    let mut out = Vec::new();
    for (line, f) in rows(text) {
        let cx = Ctx { file, line };
        cx.columns(&f, 9)?;
        let geonameid = f[0]
            .trim()
            .parse()
            .map_err(|_| cx.err(format!("geonameid {:?} is not a number", f[0])))?;
        let name = cx.non_empty("name", f[1])?;
        let ascii = f[2].trim();
        out.push(CityRow {
            geonameid,
            ascii,
            name,
            country: cx.iso(f[3], 3)?,
            lat: cx.coord("latitude", f[4], 90.0)?,
            lon: cx.coord("longitude", f[5], 180.0)?,
            population: cx.uint("population", f[6])?,
            admin1: optional(f[7]),
            alternates: alternates(f[8]),
        });
    }
    Ok(out)
}

pub(crate) fn parse_supplement<'a>(
    file: &str,
    text: &'a str,
) -> Result<Vec<SupplementRow<'a>>, GeoError> {
    let mut out = Vec::new();
    for (line, f) in rows(text) {
        let cx = Ctx { file, line };
        cx.columns(&f, 8)?;
        let kind: Kind = f[5]
            .trim()
            .parse()
            .map_err(|_| cx.err(format!("unknown kind {:?}", f[5])))?;
        if matches!(kind, Kind::Country | Kind::City) {
            return Err(cx.err(format!(
                "kind {kind} is reserved for countries.tsv and cities.tsv"
            )));
        }
        out.push(SupplementRow {
            id: cx.non_empty("id", f[0])?,
            name: cx.non_empty("name", f[1])?,
            country: cx.iso(f[2], 3)?,
            lat: cx.coord("latitude", f[3], 90.0)?,
            lon: cx.coord("longitude", f[4], 180.0)?,
            kind,
            admin1: optional(f[6]),
            alternates: alternates(f[7]),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_supplement_row() {
        let text = "#id\tname\tcountry\tlat\tlon\tkind\tadmin1\talternates\n\
                    S:x\tPlace X\tSYR\t33.5\t36.4\tdistrict\tRif Dimashq\tA|B||C\n";
        let rows = parse_supplement("s.tsv", text).expect("valid row");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].kind, Kind::District);
        assert_eq!(rows[0].alternates, vec!["A", "B", "C"]);
        assert_eq!(rows[0].admin1.as_deref(), Some("Rif Dimashq"));
    }

    #[test]
    fn reports_bad_rows_with_line_numbers() {
        let bad_lat = "# header\nS:x\tX\tSYR\t95\t36\ttown\t\t\n";
        match parse_supplement("s.tsv", bad_lat) {
            Err(GeoError::Parse { line, message, .. }) => {
                assert_eq!(line, 2);
                assert!(message.contains("latitude"), "{message}");
            }
            other => panic!("expected a parse error, got {other:?}"),
        }
        let bad_kind = "S:x\tX\tSYR\t35\t36\tcastle\t\t\n";
        assert!(parse_supplement("s.tsv", bad_kind).is_err());
        let bad_iso = "1\tX\tX\tsy\t35\t36\t10\t\t\n";
        assert!(parse_cities("c.tsv", bad_iso).is_err());
        let short = "1\tX\tX\n";
        assert!(parse_cities("c.tsv", short).is_err());
    }

    #[test]
    fn empty_population_is_zero() {
        let text = "AAA\tAA\tA\tA\t\t1\t2\t\t\n";
        let rows = parse_countries("c.tsv", text).expect("valid row");
        assert_eq!(rows[0].population, 0);
        assert_eq!(rows[0].country.capital, None);
    }
}
