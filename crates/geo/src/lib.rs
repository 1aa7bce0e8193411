//! truce-geo: an embedded gazetteer with coordinates, country and kind, and a
//! fast lookup by normalised name.
//!
//! Three tables, all under `lexicons/geo/` and compiled into the binary:
//!
//! * `countries.tsv`: every ISO 3166-1 country (plus Kosovo), English and
//!   French names and common alternates (`Etats-Unis`, `Birmanie`, `USA`);
//! * `cities.tsv`: every GeoNames city of 15,000 people or more, with French
//!   and English exonyms (`Alep`, `Mossoul`, `Le Caire`);
//! * `supplement.tsv`: hand-made places news about Syria, Iraq, Libya, Yemen
//!   and Ukraine name but GeoNames' city list lacks: governorates, districts,
//!   neighbourhoods, air bases, sites and regions.
//!
//! Every name, ASCII name and alternate is indexed under [`normalize_key`];
//! ALL-CAPS acronyms of up to four letters (`USA`, `U.S.`, `UK`, `T4`) are
//! indexed case-sensitively only ([`Gazetteer::lookup_exact_case`]), since
//! their lowercase forms are ordinary words.
//!
//! ```
//! use truce_geo::Gazetteer;
//! let g = Gazetteer::embedded();
//! let alep = g.best("Alep", Some("SYR")).expect("Aleppo is known");
//! assert_eq!(alep.country, "SYR");
//! ```
//!
//! Contains data from GeoNames (<https://www.geonames.org/>), licensed under
//! CC BY 4.0.

mod data;
mod normalize;

pub use normalize::{is_acronym, normalize_into, normalize_key};

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;
use truce_model::{GeoPrecision, Place};

/// File names of the three tables, in an override directory or `lexicons/geo/`.
pub const COUNTRIES_FILE: &str = "countries.tsv";
pub const CITIES_FILE: &str = "cities.tsv";
pub const SUPPLEMENT_FILE: &str = "supplement.tsv";

const EMBEDDED_COUNTRIES: &str = include_str!("../../../lexicons/geo/countries.tsv");
const EMBEDDED_CITIES: &str = include_str!("../../../lexicons/geo/cities.tsv");
const EMBEDDED_SUPPLEMENT: &str = include_str!("../../../lexicons/geo/supplement.tsv");

/// Errors while loading gazetteer tables.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}:{line}: {message}")]
    Parse {
        file: String,
        line: usize,
        message: String,
    },
    #[error("duplicate id {0}")]
    DuplicateId(String),
}

/// What sort of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Country,
    Admin1,
    Admin2,
    District,
    City,
    Town,
    Neighbourhood,
    Airbase,
    Region,
    Site,
}

impl Kind {
    /// All kinds, in declaration order.
    pub const ALL: [Kind; 10] = [
        Kind::Country,
        Kind::Admin1,
        Kind::Admin2,
        Kind::District,
        Kind::City,
        Kind::Town,
        Kind::Neighbourhood,
        Kind::Airbase,
        Kind::Region,
        Kind::Site,
    ];

    /// The lowercase name used in the data files (`admin1`, `airbase`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Admin1 => "admin1",
            Kind::Admin2 => "admin2",
            Kind::District => "district",
            Kind::City => "city",
            Kind::Town => "town",
            Kind::Neighbourhood => "neighbourhood",
            Kind::Airbase => "airbase",
            Kind::Region => "region",
            Kind::Site => "site",
        }
    }

    /// How precisely a place of this kind locates an event.
    pub fn precision(self) -> GeoPrecision {
        match self {
            Kind::Country => GeoPrecision::Country,
            Kind::Admin1 | Kind::Admin2 | Kind::District | Kind::Region => GeoPrecision::Region,
            Kind::City | Kind::Town | Kind::Neighbourhood | Kind::Airbase | Kind::Site => {
                GeoPrecision::Point
            }
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for an unknown [`Kind`] name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown place kind {0:?}")]
pub struct UnknownKind(pub String);

impl FromStr for Kind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownKind(s.to_string()))
    }
}

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// `C:<ISO3>` for countries, `G:<geonameid>` for GeoNames cities, the
    /// supplement's own id (`S:…`) otherwise.
    pub id: String,
    /// Preferred (English) name.
    pub name: String,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub kind: Kind,
    /// Population where known (0 otherwise).
    pub population: u64,
    /// First-level administrative division, where known.
    pub admin1: Option<String>,
}

impl Entry {
    /// The entry as a [`Place`] for event records.
    pub fn to_place(&self) -> Place {
        Place {
            name: self.name.clone(),
            country: self.country.clone(),
            lat: Some(self.lat),
            lon: Some(self.lon),
            precision: Some(self.kind.precision()),
            admin1: self.admin1.clone(),
        }
    }

    /// Great-circle distance in kilometres to a point.
    pub fn distance_km(&self, lat: f64, lon: f64) -> f64 {
        haversine_km(self.lat, self.lon, lat, lon)
    }
}

/// Great-circle distance in kilometres between two points (degrees).
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const R: f64 = 6371.0088;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * R * a.sqrt().clamp(0.0, 1.0).asin()
}

/// A country: ISO codes, English and French names, capital and a representative point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    pub iso3: String,
    pub iso2: String,
    pub name_en: String,
    pub name_fr: String,
    pub capital: Option<String>,
    /// Representative point (the capital, or a centroid where there is none).
    pub lat: f64,
    pub lon: f64,
}

/// Where an entry came from; countries and the supplement win exact ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Origin {
    Country,
    Supplement,
    GeoNames,
}

impl Origin {
    fn curated(self) -> bool {
        matches!(self, Origin::Country | Origin::Supplement)
    }
}

/// Candidate list for one key: one index inline, more on the heap.
#[derive(Debug, Clone)]
enum Postings {
    One(u32),
    Many(Vec<u32>),
}

impl Postings {
    fn as_slice(&self) -> &[u32] {
        match self {
            Postings::One(i) => std::slice::from_ref(i),
            Postings::Many(v) => v,
        }
    }

    fn push(&mut self, idx: u32) {
        match self {
            Postings::One(i) if *i == idx => {}
            Postings::One(i) => *self = Postings::Many(vec![*i, idx]),
            // An entry's names are indexed one after another, so a repeat
            // of the same entry under this key can only be the last one.
            Postings::Many(v) => {
                if v.last() != Some(&idx) {
                    v.push(idx);
                }
            }
        }
    }
}

/// The gazetteer: entries, countries and the name index.
#[derive(Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    origins: Vec<Origin>,
    countries: Vec<Country>,
    by_iso3: FxHashMap<String, u32>,
    by_iso2: FxHashMap<String, u32>,
    index: FxHashMap<Box<str>, Postings>,
    exact: FxHashMap<Box<str>, Postings>,
    max_key_tokens: usize,
}

/// The three tables' text, each with a label for error messages.
struct Sources<'a> {
    countries: (String, std::borrow::Cow<'a, str>),
    cities: (String, std::borrow::Cow<'a, str>),
    supplement: (String, std::borrow::Cow<'a, str>),
}

impl Gazetteer {
    /// The gazetteer compiled into the binary, built once on first use.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            // The embedded tables are checked by this crate's tests.
            Gazetteer::build_embedded().expect("embedded gazetteer tables are valid")
        })
    }

    /// Builds a fresh, uncached gazetteer from the embedded tables (what
    /// [`Gazetteer::embedded`] does once); mostly for benchmarks.
    pub fn build_embedded() -> Result<Gazetteer, GeoError> {
        Gazetteer::from_sources(Sources {
            countries: ("embedded countries.tsv".into(), EMBEDDED_COUNTRIES.into()),
            cities: ("embedded cities.tsv".into(), EMBEDDED_CITIES.into()),
            supplement: ("embedded supplement.tsv".into(), EMBEDDED_SUPPLEMENT.into()),
        })
    }

    /// Loads `countries.tsv`, `cities.tsv` and `supplement.tsv` from `dir`;
    /// a table missing there falls back to the embedded one.
    pub fn from_dir(dir: &Path) -> Result<Gazetteer, GeoError> {
        let read = |file: &str, embedded: &'static str| -> Result<_, GeoError> {
            let path = dir.join(file);
            match std::fs::read_to_string(&path) {
                Ok(text) => Ok((path.display().to_string(), text.into())),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    Ok((format!("embedded {file}"), embedded.into()))
                }
                Err(source) => Err(GeoError::Io { path, source }),
            }
        };
        Gazetteer::from_sources(Sources {
            countries: read(COUNTRIES_FILE, EMBEDDED_COUNTRIES)?,
            cities: read(CITIES_FILE, EMBEDDED_CITIES)?,
            supplement: read(SUPPLEMENT_FILE, EMBEDDED_SUPPLEMENT)?,
        })
    }

    /// Builds a gazetteer from the text of the three tables (same formats as
    /// the files). Useful for tests and for callers with their own storage.
    pub fn from_tables(
        countries: &str,
        cities: &str,
        supplement: &str,
    ) -> Result<Gazetteer, GeoError> {
        Gazetteer::from_sources(Sources {
            countries: (COUNTRIES_FILE.into(), countries.into()),
            cities: (CITIES_FILE.into(), cities.into()),
            supplement: (SUPPLEMENT_FILE.into(), supplement.into()),
        })
    }

    fn from_sources(src: Sources<'_>) -> Result<Gazetteer, GeoError> {
        let countries = data::parse_countries(&src.countries.0, &src.countries.1)?;
        let cities = data::parse_cities(&src.cities.0, &src.cities.1)?;
        let supplement = data::parse_supplement(&src.supplement.0, &src.supplement.1)?;

        let n = countries.len() + cities.len() + supplement.len();
        let mut b = Builder {
            g: Gazetteer {
                entries: Vec::with_capacity(n),
                origins: Vec::with_capacity(n),
                countries: Vec::with_capacity(countries.len()),
                by_iso3: FxHashMap::default(),
                by_iso2: FxHashMap::default(),
                index: FxHashMap::with_capacity_and_hasher(n * 4, Default::default()),
                exact: FxHashMap::default(),
                max_key_tokens: 0,
            },
            ids: FxHashSet::default(),
            geoname_ids: FxHashSet::with_capacity_and_hasher(n, Default::default()),
            scratch: String::new(),
            key: String::new(),
        };

        for row in countries {
            let c = row.country;
            let ci = b.g.countries.len() as u32;
            if b.g.by_iso3.insert(c.iso3.clone(), ci).is_some() {
                return Err(GeoError::DuplicateId(format!("C:{}", c.iso3)));
            }
            b.g.by_iso2.insert(c.iso2.clone(), ci);
            let entry = Entry {
                id: format!("C:{}", c.iso3),
                name: c.name_en.clone(),
                country: c.iso3.clone(),
                lat: c.lat,
                lon: c.lon,
                kind: Kind::Country,
                population: row.population,
                admin1: None,
            };
            let names = [c.name_en.as_str(), c.name_fr.as_str()];
            let idx = b.add(entry, Origin::Country)?;
            b.index_names(idx, names.into_iter().chain(row.alternates.iter().copied()));
            b.g.countries.push(c);
        }
        for row in supplement {
            let entry = Entry {
                id: row.id,
                name: row.name,
                country: row.country,
                lat: row.lat,
                lon: row.lon,
                kind: row.kind,
                population: 0,
                admin1: row.admin1,
            };
            let idx = b.add(entry, Origin::Supplement)?;
            b.index_entry_names(idx, None, &row.alternates);
        }
        for row in cities {
            let entry = Entry {
                id: format!("G:{}", row.geonameid),
                name: row.name,
                country: row.country,
                lat: row.lat,
                lon: row.lon,
                kind: Kind::City,
                population: row.population,
                admin1: row.admin1,
            };
            let idx = b.add(entry, Origin::GeoNames)?;
            b.index_entry_names(idx, Some(row.ascii), &row.alternates);
        }
        Ok(b.finish())
    }

    /// Candidate entry indices for a key already passed through
    /// [`normalize_key`], best candidates first (countries and supplement,
    /// then by decreasing population). Empty when the key is unknown.
    pub fn lookup(&self, key: &str) -> &[u32] {
        self.index.get(key).map_or(&[], Postings::as_slice)
    }

    /// Candidates for an ALL-CAPS acronym of up to four letters, matched
    /// exactly as written (`USA`, `U.S.`, `UK`, `RDC`); these are not in the
    /// lowercase index.
    pub fn lookup_exact_case(&self, surface: &str) -> &[u32] {
        self.exact
            .get(surface.trim())
            .map_or(&[], Postings::as_slice)
    }

    /// The entry at `idx` (an index returned by a lookup).
    ///
    /// # Panics
    /// If `idx` did not come from this gazetteer.
    pub fn entry(&self, idx: u32) -> &Entry {
        &self.entries[idx as usize]
    }

    /// The entry at `idx`, or `None` when out of range.
    pub fn get(&self, idx: u32) -> Option<&Entry> {
        self.entries.get(idx as usize)
    }

    /// All entries, in index order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Resolves a name (any spelling: it is normalised here; an acronym such
    /// as `USA` is looked up case-sensitively) to its most plausible entry.
    ///
    /// Order: countries and supplement entries first (they are curated), then
    /// entries in `focus_country` (ISO3), then the largest population.
    pub fn best(&self, key: &str, focus_country: Option<&str>) -> Option<&Entry> {
        let normalized = normalize_key(key);
        let mut cands = self.lookup(&normalized);
        if cands.is_empty() && is_acronym(key) {
            cands = self.lookup_exact_case(key);
        }
        self.best_of(cands, focus_country)
    }

    /// The most plausible of `candidates` (indices from a lookup), by the
    /// same order as [`Gazetteer::best`].
    pub fn best_of(&self, candidates: &[u32], focus_country: Option<&str>) -> Option<&Entry> {
        candidates
            .iter()
            .filter_map(|&i| Some((i, self.entries.get(i as usize)?)))
            .min_by_key(|&(i, e)| {
                let curated = self.origins[i as usize].curated();
                let in_focus = focus_country.is_some_and(|f| f == e.country);
                (!curated, !in_focus, std::cmp::Reverse(e.population), i)
            })
            .map(|(_, e)| e)
    }

    /// The country with this ISO 3166-1 alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.by_iso3.get(iso3).map(|&i| &self.countries[i as usize])
    }

    /// The country with this ISO 3166-1 alpha-2 code.
    pub fn country_by_iso2(&self, iso2: &str) -> Option<&Country> {
        self.by_iso2.get(iso2).map(|&i| &self.countries[i as usize])
    }

    /// All countries, sorted by ISO3 code.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// Length in tokens of the longest indexed key: the widest n-gram a
    /// scanner needs to try.
    pub fn max_key_tokens(&self) -> usize {
        self.max_key_tokens
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of distinct lowercase keys and of exact-case acronyms indexed.
    pub fn key_counts(&self) -> (usize, usize) {
        (self.index.len(), self.exact.len())
    }
}

struct Builder {
    g: Gazetteer,
    /// Ids of countries and supplement entries.
    ids: FxHashSet<String>,
    /// GeoNames ids of cities (their entry ids are `G:<id>`).
    geoname_ids: FxHashSet<u64>,
    scratch: String,
    key: String,
}

impl Builder {
    fn add(&mut self, entry: Entry, origin: Origin) -> Result<u32, GeoError> {
        let fresh = match origin {
            Origin::GeoNames => entry
                .id
                .strip_prefix("G:")
                .and_then(|n| n.parse().ok())
                .is_none_or(|n| self.geoname_ids.insert(n)),
            Origin::Country | Origin::Supplement => self.ids.insert(entry.id.clone()),
        };
        if !fresh {
            return Err(GeoError::DuplicateId(entry.id));
        }
        let idx = self.g.entries.len() as u32;
        self.g.entries.push(entry);
        self.g.origins.push(origin);
        Ok(idx)
    }

    /// Indexes entry `idx`'s own name, then `extra` (an ASCII name) and
    /// `alternates`.
    fn index_entry_names(&mut self, idx: u32, extra: Option<&str>, alternates: &[&str]) {
        let name = std::mem::take(&mut self.g.entries[idx as usize].name);
        self.index_names(idx, std::iter::once(name.as_str()));
        self.g.entries[idx as usize].name = name;
        self.index_names(idx, extra.into_iter().chain(alternates.iter().copied()));
    }

    fn index_names<'n>(&mut self, idx: u32, names: impl Iterator<Item = &'n str>) {
        for name in names {
            if is_acronym(name) {
                insert(&mut self.g.exact, name.trim(), idx);
                continue;
            }
            normalize_into(name, &mut self.scratch, &mut self.key);
            if self.key.is_empty() {
                continue;
            }
            let tokens = self.key.bytes().filter(|&b| b == b' ').count() + 1;
            self.g.max_key_tokens = self.g.max_key_tokens.max(tokens);
            insert(&mut self.g.index, &self.key, idx);
        }
    }

    /// Orders every candidate list: curated entries first, then by
    /// decreasing population, then by index.
    fn finish(mut self) -> Gazetteer {
        let entries = &self.g.entries;
        let origins = &self.g.origins;
        let order = |&i: &u32| {
            let i = i as usize;
            (
                !origins[i].curated(),
                std::cmp::Reverse(entries[i].population),
                i,
            )
        };
        for p in self.g.index.values_mut().chain(self.g.exact.values_mut()) {
            if let Postings::Many(v) = p {
                v.sort_by_key(order);
                v.shrink_to_fit();
            }
        }
        self.g
    }
}

fn insert(map: &mut FxHashMap<Box<str>, Postings>, key: &str, idx: u32) {
    match map.get_mut(key) {
        Some(p) => p.push(idx),
        None => {
            map.insert(key.into(), Postings::One(idx));
        }
    }
}
