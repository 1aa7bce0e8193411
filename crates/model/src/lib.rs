//! Plain data types shared by every stage of truce.
//!
//! This crate sits at the bottom of the dependency graph: it knows nothing of
//! files, HTML, SQL or HTTP. Every span is a byte range into one immutable
//! cleaned text (`CleanDoc::text`).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A half-open byte range `[start, end)` into a document's cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers, or "" if it does not fit `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// The raw content of an input document, before cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawContent {
    /// Plain text (already decoded to UTF-8).
    Text(String),
    /// An HTML page (already decoded to UTF-8).
    Html(String),
}

/// One input document as read from a source, decoded but not cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDoc {
    /// Identifier: the JSONL `id`, or the file stem for `.txt`/`.html` files.
    pub id: String,
    /// Where it came from: a path, `path:line` for JSONL, `-` for stdin, or a URL.
    pub origin: String,
    pub content: RawContent,
    pub url: Option<String>,
    /// Publication date or datetime as given by the source (ISO 8601).
    pub published: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// Language declared by the source (ISO 639-1), if any.
    pub lang: Option<String>,
    /// Name of the character encoding the bytes were decoded from.
    pub encoding: Option<String>,
}

impl RawDoc {
    pub fn text(id: impl Into<String>, text: impl Into<String>) -> Self {
        let id = id.into();
        RawDoc {
            origin: id.clone(),
            id,
            content: RawContent::Text(text.into()),
            url: None,
            published: None,
            title: None,
            outlet: None,
            lang: None,
            encoding: None,
        }
    }
}

/// A cleaned document: the immutable text every annotation points into.
///
/// `text` is the title (if any) followed by a blank line and the body; `body`
/// is the byte range of the body inside `text`, `title` that of the title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CleanDoc {
    pub id: String,
    pub text: String,
    pub title: Option<Span>,
    pub body: Span,
    /// Paragraph spans in `text` (title excluded).
    pub paragraphs: Vec<Span>,
    pub lang: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
}

impl CleanDoc {
    pub fn title_str(&self) -> Option<&str> {
        self.title.map(|s| s.slice(&self.text))
    }
    pub fn body_str(&self) -> &str {
        self.body.slice(&self.text)
    }
}

/// Precision of a normalised date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A normalised date: `value` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` per precision.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateValue {
    pub value: String,
    pub precision: Precision,
}

/// How precisely a place is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GeoPrecision {
    /// A city, town, village, base or site.
    Point,
    /// A district, governorate, province or named region.
    Region,
    /// Only the country is known.
    Country,
}

/// A place with coordinates, as written in event records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<GeoPrecision>,
    /// Admin-1 region name, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
}

macro_rules! event_types {
    ($($v:ident),* $(,)?) => {
        /// The 16 PLOVER event types.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "UPPERCASE")]
        pub enum EventType { $($v),* }

        impl EventType {
            pub const ALL: &'static [EventType] = &[$(EventType::$v),*];
            pub fn as_str(&self) -> &'static str {
                match self { $(EventType::$v => stringify!($v)),* }
            }
        }
    };
}

event_types!(
    AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN,
    PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT
);

impl EventType {
    /// Types whose source and target may be swapped without changing meaning.
    pub fn is_symmetric(&self) -> bool {
        matches!(
            self,
            EventType::AGREE | EventType::CONSULT | EventType::COOPERATE
        )
    }
    /// Material conflict: the types a ceasefire is about.
    pub fn is_material_conflict(&self) -> bool {
        matches!(self, EventType::ASSAULT | EventType::COERCE)
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for a string that names no PLOVER type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEventType(pub String);

impl fmt::Display for UnknownEventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown PLOVER event type {:?}", self.0)
    }
}
impl std::error::Error for UnknownEventType {}

impl FromStr for EventType {
    type Err = UnknownEventType;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let up = s.trim().to_ascii_uppercase();
        EventType::ALL
            .iter()
            .copied()
            .find(|t| t.as_str() == up)
            .ok_or_else(|| UnknownEventType(s.to_string()))
    }
}

/// The PLOVER modes allowed for each type (draft 2.0, as used by truce).
pub fn modes_of(t: EventType) -> &'static [&'static str] {
    use EventType::*;
    match t {
        AGREE => &["settle", "mediate", "ceasefire"],
        CONSULT => &["visit", "third-party", "multilateral", "phone"],
        SUPPORT => &["praise", "endorse", "host", "apologize"],
        CONCEDE => &[
            "disarm",
            "return",
            "ceasefire",
            "policy",
            "leadership",
            "rights",
            "protest",
            "state",
        ],
        COOPERATE => &["economic", "military", "intelligence", "judicial"],
        AID => &["economic", "military", "humanitarian", "asylum"],
        RETREAT => &[
            "withdraw",
            "release",
            "return",
            "disarm",
            "ceasefire",
            "access",
        ],
        REQUEST => &[
            "assist",
            "change",
            "yield",
            "meet",
            "settle",
            "mediate",
            "ceasefire",
        ],
        ACCUSE => &[
            "disapprove",
            "investigate",
            "allege",
            "war-crimes",
            "corruption",
            "human-rights",
        ],
        REJECT => &["assist", "change", "yield", "meet", "settle", "mediate"],
        THREATEN => &[
            "restrict",
            "ban",
            "arrest",
            "relations",
            "expel",
            "sanction",
            "demonstrate",
            "ceasefire",
            "violence",
            "aid",
        ],
        PROTEST => &["demonstrate", "riot", "strike", "boycott", "obstruct"],
        SANCTION => &[
            "convict",
            "expel",
            "relations",
            "withdraw",
            "discontinue",
            "blockade",
        ],
        MOBILIZE => &["troops", "weapons", "police", "militia"],
        COERCE => &[
            "seize", "restrict", "ban", "censor", "arrest", "deport", "attack",
        ],
        ASSAULT => &[
            "abduct",
            "physically-assault",
            "sexually-assault",
            "torture",
            "kill",
            "firearms",
            "explosives",
            "aerial",
            "drone",
            "primitive",
            "coup",
            "mass-killing",
            "wmd",
        ],
    }
}

/// Known sector suffixes of actor codes (see gold/SPEC.md).
pub const SECTORS: &[&str] = &["GOV", "MIL", "REB", "OPP", "CVL", "MED", "HRI"];

/// Organisation codes that stand without a country.
pub const ORG_CODES: &[&str] = &[
    "UN", "EU", "NATO", "ISSG", "ICRC", "COAL", "ISIS", "NUSRA", "HEZ", "YPG", "AU", "AL", "OSCE",
    "OIC", "GCC", "OPCW", "IAEA", "MSF", "AQ", "AQAP", "HTS", "AHRAR", "JAISH", "HAMAS", "HOUTHI",
    "LNA", "GNA", "PKK", "TALIBAN",
];

/// Whether `code` is a well-formed actor code: `CCC`, `CCC/SEC` or an organisation code
/// (optionally with a sector).
pub fn is_valid_actor_code(code: &str) -> bool {
    let mut parts = code.split('/');
    let head = parts.next().unwrap_or("");
    let sec = parts.next();
    if parts.next().is_some() {
        return false;
    }
    let head_ok = ORG_CODES.contains(&head)
        || (head.len() == 3 && head.bytes().all(|b| b.is_ascii_uppercase()));
    head_ok && sec.is_none_or(|s| SECTORS.contains(&s))
}

/// Where an event was found: the sentence and the trigger's byte span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The sentence's text.
    pub sentence: String,
    /// Byte span of the sentence in the cleaned text.
    pub sentence_span: Span,
    /// The trigger's text.
    pub trigger: String,
    /// Byte span of the trigger in the cleaned text.
    pub trigger_span: Span,
}

/// An event record in the format of gold/SPEC.md, plus document and evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub doc: String,
    #[serde(rename = "type")]
    pub kind: EventType,
    pub mode: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    pub place: Option<Place>,
    pub date: Option<DateValue>,
    pub said_by: Option<String>,
    pub negated: bool,
    pub hypothetical: bool,
    /// The sentence, for people (as in gold files).
    pub evidence: String,
    /// Where the trigger and sentence are in the cleaned text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Evidence>,
}

/// A problem found while processing one input, reported and skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The input it concerns: a path, `path:line`, `-` or a document id.
    pub origin: String,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_type_round_trips() {
        for t in EventType::ALL {
            assert_eq!(t.as_str().parse::<EventType>().unwrap(), *t);
            let js = serde_json::to_string(t).unwrap();
            assert_eq!(js, format!("\"{}\"", t.as_str()));
        }
        assert_eq!(EventType::ALL.len(), 16);
        assert!("BOMB".parse::<EventType>().is_err());
    }

    #[test]
    fn actor_codes_validate() {
        for ok in ["USA/GOV", "SYR", "ISIS", "UN", "SYR/REB", "NUSRA"] {
            assert!(is_valid_actor_code(ok), "{ok}");
        }
        for bad in ["usa", "US/GOV", "SYR/XYZ", "SYR/GOV/MIL", ""] {
            assert!(!is_valid_actor_code(bad), "{bad}");
        }
    }

    #[test]
    fn span_slices_safely() {
        let s = Span::new(0, 3);
        assert_eq!(s.slice("abcdef"), "abc");
        assert_eq!(Span::new(4, 10).slice("abc"), "");
        assert!(Span::new(0, 5).contains(Span::new(1, 2)));
        assert!(Span::new(0, 5).overlaps(Span::new(4, 9)));
        assert!(!Span::new(0, 5).overlaps(Span::new(5, 9)));
    }

    #[test]
    fn event_serialises_like_spec() {
        let e = Event {
            doc: "d".into(),
            kind: EventType::ASSAULT,
            mode: Some("aerial".into()),
            source: Some("RUS/MIL".into()),
            target: None,
            place: None,
            date: Some(DateValue {
                value: "2016-09-19".into(),
                precision: Precision::Day,
            }),
            said_by: None,
            negated: false,
            hypothetical: false,
            evidence: "x".into(),
            span: None,
        };
        let v: serde_json::Value = serde_json::to_value(&e).unwrap();
        assert_eq!(v["type"], "ASSAULT");
        assert_eq!(v["date"]["precision"], "day");
        assert!(v.get("span").is_none());
    }
}
