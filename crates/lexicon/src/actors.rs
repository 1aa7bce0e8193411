//! Actor lexicon (`actors.tsv`): surface forms → actor codes.

use crate::LexiconError;
use std::collections::HashMap;
use truce_model::is_valid_actor_code;
use truce_text::fold_key;

/// Shortest form length (in characters) matched with a typo.
const FUZZY_MIN_CHARS: usize = 7;

/// The key with each one of its characters deleted in turn.
fn deletions(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    (0..chars.len())
        .map(|i| chars[..i].iter().chain(&chars[i + 1..]).collect())
        .collect()
}

/// What a form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A state's name ("Syrie"): acting, it is that state's government.
    Country,
    /// A capital or seat used for its government ("Moscou", "Kremlin").
    Capital,
    /// A nationality adjective or noun ("syrienne", "Russes").
    Demonym,
    /// A named person with the code of their role at the time.
    Person,
    /// An organisation, ministry, agency or armed group.
    Org,
    /// A common noun naming a sector without a country ("armée", "rebelles").
    Sector,
    /// An adjective naming a non-state group ("kurde").
    GroupAdj,
}

impl ActorKind {
    fn parse(s: &str) -> Option<ActorKind> {
        Some(match s {
            "country" => ActorKind::Country,
            "capital" => ActorKind::Capital,
            "demonym" => ActorKind::Demonym,
            "person" => ActorKind::Person,
            "org" => ActorKind::Org,
            "sector" => ActorKind::Sector,
            "group_adj" => ActorKind::GroupAdj,
            _ => return None,
        })
    }
}

/// One reading of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    /// `CCC`, `CCC/SEC`, an organisation code, or `/SEC` for sector nouns.
    pub code: String,
    pub kind: ActorKind,
    /// The form as written in the lexicon.
    pub form: String,
    /// The text must be upper case like the form (acronyms: "EI", "UE", "US").
    pub all_caps: bool,
    /// The text must start with a capital like the form (proper names).
    pub capitalized: bool,
}

/// Actor forms indexed by their folded key.
#[derive(Debug, Default)]
pub struct Actors {
    map: HashMap<String, Vec<ActorEntry>>,
    /// One-letter deletions of long one-word nationality forms,
    /// for typos ("syienne" → "syrienne").
    near: HashMap<String, Vec<String>>,
    max_tokens: usize,
    entries: usize,
}

impl Actors {
    pub(crate) fn parse(text: &str, file: &str) -> Result<Actors, LexiconError> {
        let mut a = Actors::default();
        let err = |line: usize, message: String| LexiconError::Line {
            file: file.to_string(),
            line,
            message,
        };
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                return Err(err(
                    i + 1,
                    format!("expected 3 tab-separated columns, got {}", cols.len()),
                ));
            }
            let (form, code, kind) = (cols[0].trim(), cols[1].trim(), cols[2].trim());
            let kind = ActorKind::parse(kind)
                .ok_or_else(|| err(i + 1, format!("unknown kind {kind:?}")))?;
            let code_ok = if kind == ActorKind::Sector {
                code.strip_prefix('/')
                    .is_some_and(|s| truce_model::SECTORS.contains(&s))
            } else {
                is_valid_actor_code(code)
            };
            if !code_ok {
                return Err(err(i + 1, format!("invalid code {code:?} for {form:?}")));
            }
            let key = fold_key(form);
            if key.is_empty() {
                return Err(err(i + 1, format!("empty form {form:?}")));
            }
            let letters: Vec<char> = form.chars().filter(|c| c.is_alphabetic()).collect();
            let all_caps = letters.len() >= 2
                && letters.len() <= 5
                && letters.iter().all(|c| c.is_uppercase());
            let capitalized = form.chars().next().is_some_and(|c| c.is_uppercase());
            a.max_tokens = a.max_tokens.max(key.split(' ').count());
            if kind == ActorKind::Demonym
                && !key.contains(' ')
                && key.chars().count() >= FUZZY_MIN_CHARS
            {
                for v in deletions(&key) {
                    let list = a.near.entry(v).or_default();
                    if !list.contains(&key) {
                        list.push(key.clone());
                    }
                }
            }
            a.entries += 1;
            a.map.entry(key).or_default().push(ActorEntry {
                code: code.to_string(),
                kind,
                form: form.to_string(),
                all_caps,
                capitalized,
            });
        }
        Ok(a)
    }

    /// Readings of a folded key ("armee", "front al-nosra").
    pub fn lookup(&self, key: &str) -> &[ActorEntry] {
        self.map.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Readings of a one-word key that is one typo away (a letter missing,
    /// added or changed) from exactly one long nationality form.
    pub fn lookup_near(&self, key: &str) -> &[ActorEntry] {
        if key.chars().count() + 1 < FUZZY_MIN_CHARS || key.contains(' ') {
            return &[];
        }
        let mut found: Vec<String> = Vec::new();
        let mut add = |k: &String| {
            if !found.contains(k) {
                found.push(k.clone());
            }
        };
        // a letter missing from the text
        for k in self.near.get(key).into_iter().flatten() {
            add(k);
        }
        for v in deletions(key) {
            // a letter added
            if self.map.contains_key(&v) && v.chars().count() >= FUZZY_MIN_CHARS {
                add(&v);
            }
            // a letter changed
            for k in self.near.get(&v).into_iter().flatten() {
                add(k);
            }
        }
        // a typo keeps the word's start and end ("syienne" for "syrienne"),
        // which a different word rarely does ("aériens" is not "azériens")
        let ends = |k: &str| {
            let (a, b): (Vec<char>, Vec<char>) = (k.chars().collect(), key.chars().collect());
            a.len() >= 3 && b.len() >= 3 && a[..2] == b[..2] && a[a.len() - 3..] == b[b.len() - 3..]
        };
        found.retain(|k| k != key && ends(k));
        match found.as_slice() {
            [one] => self.lookup(one),
            _ => &[],
        }
    }

    /// The longest form, in tokens.
    pub fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_indexes_forms() {
        let a = Actors::parse(
            "# c\nÉtats-Unis\tUSA\tcountry\narmée\t/MIL\tsector\nEI\tISIS\torg\nFront al-Nosra\tNUSRA\torg\n",
            "t",
        )
        .unwrap();
        assert_eq!(a.lookup("etats-unis")[0].code, "USA");
        assert_eq!(a.lookup("armee")[0].kind, ActorKind::Sector);
        assert!(a.lookup("ei")[0].all_caps);
        assert_eq!(a.lookup("front al-nosra")[0].code, "NUSRA");
        assert_eq!(a.max_tokens(), 2);
    }

    #[test]
    fn typos_of_long_forms_are_found() {
        let a = Actors::parse("syrienne\tSYR\tdemonym\nrusse\tRUS\tdemonym\n", "t").unwrap();
        assert_eq!(a.lookup_near("syienne")[0].code, "SYR"); // missing letter
        assert_eq!(a.lookup_near("sirianne").len(), 0); // two edits
        assert_eq!(a.lookup_near("syrienne").len(), 0); // exact: not a typo
        assert!(a.lookup_near("syrienen").is_empty()); // the ending changed
        assert_eq!(a.lookup_near("syrlenne")[0].code, "SYR"); // changed letter
        assert_eq!(a.lookup_near("syriennne")[0].code, "SYR"); // added letter
        assert!(a.lookup_near("rusie").is_empty()); // short forms are exact only
    }

    #[test]
    fn rejects_bad_lines() {
        assert!(Actors::parse("Syrie\tSYRIA\tcountry\n", "t").is_err());
        assert!(Actors::parse("armée\tMIL\tsector\n", "t").is_err());
        assert!(Actors::parse("Syrie\tSYR\tplanet\n", "t").is_err());
        let e = Actors::parse("ok\tSYR\tcountry\nbad line\n", "f.tsv").unwrap_err();
        assert_eq!(
            e.to_string(),
            "f.tsv:2: expected 3 tab-separated columns, got 1"
        );
    }
}
