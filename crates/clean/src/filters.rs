//! The paragraph filters shared by plain text and HTML.
//!
//! Input is a list of candidate paragraphs in reading order; each filter marks the ones
//! to drop (with a reason, kept for tests and debugging) and the survivors form the body.
//! The order matters and is:
//!
//! 1. per paragraph: no letters, embedded-tweet signatures and `t.co` links, `drop`
//!    patterns, captions/credits, cookie/consent cue density, link-dense HTML blocks,
//!    paragraphs in another script than the document;
//! 2. title and header: the title is the source's, or found among the short lines before
//!    the first prose paragraph; the other lines of that header (bylines, kickers,
//!    stamps, outlet names) go;
//! 3. lines that repeat the title, possibly followed by a photo credit;
//! 4. caption pairs: the same short line twice in a row (image alt text + caption);
//! 5. trailing lists opened by a `tail` marker ("Autres vidéos", "Explore", …);
//! 6. trailing junk: short lines that do not end like a statement after the last one that
//!    does ("Raconter l'actualité", "SPUTNIK/MNA", headline lists);
//! 7. duplicates: exact or near-exact repeats, and a paragraph whose sentences mostly
//!    (≥ 80 %) already appeared (a body repeated as one run-on paragraph).

use crate::dates;
use crate::norm::{
    char_len, collapse_ws, ends_statement, has_letter, is_blank, is_prose, key, main_script,
    sentences, word_count, ScriptCounts,
};
use crate::patterns::{Compiled, Mapped};
use std::borrow::Cow;
use std::collections::HashSet;

/// Why a paragraph was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    NoLetters,
    Tweet,
    Link,
    Pattern,
    Credit,
    Consent,
    LinkDense,
    Script,
    Header,
    TitleRepeat,
    Caption,
    Tail,
    Trailing,
    Duplicate,
    RunOn,
    Dateline,
}

/// A candidate paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub text: String,
    /// Whether a blank line (or a block boundary) came before it in the source.
    pub blank_before: bool,
    /// Share of the text inside links (HTML only; 0 for plain text).
    pub link_density: f32,
    pub drop: Option<Why>,
}

impl Para {
    pub fn new(text: impl Into<String>, blank_before: bool) -> Para {
        Para {
            text: text.into(),
            blank_before,
            link_density: 0.0,
            drop: None,
        }
    }
    fn kept(&self) -> bool {
        self.drop.is_none()
    }
}

/// What the filters produce.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    pub title: Option<String>,
    pub paragraphs: Vec<String>,
    /// A publication date found in a dateline or an embedded-tweet signature.
    pub published_hint: Option<String>,
}

/// Options of one run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// A title given by the source: it wins over detection.
    pub given_title: Option<&'a str>,
    /// Whether to look for a title among the first lines when none is given.
    pub detect_title: bool,
}

/// Split plain text into candidate paragraphs: one per non-blank line (in the texts truce
/// reads, a line is a paragraph), remembering which ones follow a blank line.
pub fn split_plain(text: &str) -> Vec<Para> {
    split_plain_limited(text, usize::MAX).0
}

/// [`split_plain`] building at most `max` paragraphs; the others are only counted.
/// Returns the paragraphs and the count.
pub fn split_plain_limited(text: &str, max: usize) -> (Vec<Para>, usize) {
    let mut out = Vec::new();
    let mut count = 0;
    let mut blank = true;
    for line in text.split(['\n', '\r', '\u{2028}', '\u{2029}']) {
        if is_blank(line) {
            blank = true;
            continue;
        }
        if out.len() < max {
            out.push(Para::new(line, blank));
        }
        count += 1;
        blank = false;
    }
    (out, count)
}

fn tweet_signature(s: &str) -> Option<Vec<String>> {
    let t = s.trim_start();
    let rest = t.strip_prefix(['—', '–', '-'])?;
    let open = rest.find("(@")?;
    let close = rest[open..].find(')')? + open;
    if open == 0 || open > 100 || close - open > 40 || rest.len() - close > 60 {
        return None;
    }
    let handle = &rest[open + 2..close];
    if handle.is_empty() || !handle.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let ds = dates::find_dates(&rest[close..]);
    (!ds.is_empty()).then_some(ds)
}

/// A line that is only a date, perhaps with a weekday, a time and a place or agency
/// name: "September 14, 2016", "Mon Oct 3, 2016 6:13PM", "Xinhua, 18 septembre 2016".
fn is_dateline(s: &str) -> bool {
    word_count(s) <= 10
        && dates::non_date_words(s) <= 3
        && !ends_statement(s)
        && !dates::find_dates(s).is_empty()
}

fn has_tweet_link(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.contains("://t.co/") || l.contains("pic.twitter.com/") || l.contains("t.co/")
}

#[cfg(test)]
fn is_consent(pats: &Compiled, s: &str) -> bool {
    is_consent_mapped(pats, &pats.map(s), s)
}

/// Whether `s` (mapped as `mapped`) is a cookie or consent banner: many cues, or cues
/// covering much of a short text.
fn is_consent_mapped(pats: &Compiled, mapped: &Mapped<'_>, s: &str) -> bool {
    let (score, covered) = pats.cue_score_mapped(mapped);
    if score == 0 {
        return false;
    }
    let w = word_count(s);
    let density = covered as f64 / s.len().max(1) as f64;
    score >= 6
        || (score >= 3 && w <= 80)
        || (score >= 2 && (w <= 25 || density >= 0.15))
        || (w <= 12 && density >= 0.05)
}

/// Words that, capitalised, still mark a headline rather than a list of names.
const FUNCTION_WORDS: &[&str] = &[
    "the", "for", "of", "in", "on", "to", "at", "with", "as", "by", "from", "is", "are", "a", "an",
    "le", "la", "les", "un", "une", "des", "du", "en", "au", "aux", "sur", "pour", "dans", "avec",
    "est", "sont",
];
const NAME_LINKS: &[&str] = &[
    "and", "et", "&", "de", "von", "van", "al", "el", "bin", "ibn", "da", "di",
];

/// "John Kerry and Sergey Lavrov": capitalised words joined by "and"/"et" only.
fn names_only(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() > 6 {
        return false;
    }
    let mut links = 0;
    for w in &words {
        let lw = w.to_lowercase();
        if NAME_LINKS.contains(&lw.as_str()) {
            links += 1;
            continue;
        }
        if FUNCTION_WORDS.contains(&lw.as_str()) {
            return false;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    links > 0
}

/// Whether a line can be a headline: a few words, not too long, not ending with a full
/// stop, not a list of names, not a dateline.
fn title_candidate(s: &str) -> bool {
    let w = word_count(s);
    let n = char_len(s);
    let t = s.trim_end();
    w >= 4
        && n <= 200
        && !t.ends_with('.')
        && !t.ends_with(':')
        && !names_only(s)
        && (w > 10 || dates::find_dates(s).is_empty())
}

/// A first line ending with a full stop may still be a headline when it is short, one
/// sentence, shaped "Topic : ..." and set apart by a blank line before a longer paragraph.
fn dotted_title(s: &str, next: &Para) -> bool {
    let n = char_len(s);
    let kicker = s
        .char_indices()
        .take_while(|(i, _)| *i < 40)
        .any(|(i, c)| c == ':' && s[..i].chars().any(char::is_alphabetic));
    kicker
        && n <= 120
        && word_count(s) >= 4
        && sentences(s).len() == 1
        && next.blank_before
        && char_len(&next.text) > n
}

/// Run every filter; see the module documentation for the order.
pub fn run(pats: &Compiled, mut paras: Vec<Para>, opts: Options<'_>) -> Outcome {
    // 0. Normalise and forget empty paragraphs.
    for p in &mut paras {
        let collapsed = collapse_ws(&p.text);
        // `collapse_ws` is idempotent: collapse again only what `strip` changed.
        p.text = match pats.strip_cow(&collapsed) {
            Cow::Borrowed(_) => collapsed,
            Cow::Owned(stripped) => collapse_ws(&stripped),
        };
    }
    paras.retain(|p| !p.text.is_empty());

    // 1. Per-paragraph marks.
    let mut tweet_dates: Vec<String> = Vec::new();
    for p in &mut paras {
        let s = p.text.as_str();
        let mapped = pats.map(s);
        p.drop = if !has_letter(s) {
            Some(Why::NoLetters)
        } else if let Some(ds) = tweet_signature(s) {
            tweet_dates.extend(ds);
            Some(Why::Tweet)
        } else if is_dateline(s) {
            Some(Why::Dateline)
        } else if has_tweet_link(s) {
            Some(Why::Link)
        } else if pats.drop.is_match_mapped(&mapped) {
            Some(Why::Pattern)
        } else if char_len(s) <= 400 && pats.is_credit_mapped(&mapped) {
            Some(Why::Credit)
        } else if is_consent_mapped(pats, &mapped, s) {
            Some(Why::Consent)
        } else if p.link_density >= 0.6 && word_count(s) < 60 {
            Some(Why::LinkDense)
        } else {
            None
        };
    }
    drop_other_scripts(&mut paras);

    // 2. Title and header.
    let kept: Vec<usize> = (0..paras.len()).filter(|&i| paras[i].kept()).collect();
    let first_prose = kept.iter().take(12).position(|&i| is_prose(&paras[i].text));
    let header: &[usize] = match first_prose {
        Some(k) => &kept[..k],
        None => &[],
    };
    // Dates in the header region (dropped stamps included) hint at publication.
    let header_end = first_prose.map_or(0, |k| kept[k]);
    let header_date = paras[..header_end]
        .iter()
        .filter(|p| word_count(&p.text) <= 14)
        .chain(
            paras
                .iter()
                .take(12)
                .filter(|p| p.drop == Some(Why::Dateline)),
        )
        .find_map(|p| dates::find_dates(&p.text).into_iter().next());
    let published_hint = header_date.or_else(|| tweet_dates.iter().max().cloned());

    let mut title: Option<String> = opts.given_title.map(collapse_ws).filter(|t| !t.is_empty());
    let mut title_idx: Option<usize> = None;
    if title.is_none() && opts.detect_title {
        if let Some(&i) = header
            .iter()
            .rev()
            .find(|&&i| title_candidate(&paras[i].text))
        {
            title_idx = Some(i);
        } else if header.is_empty() && kept.len() >= 2 {
            let (a, b) = (&paras[kept[0]], &paras[kept[1]]);
            if kept[0] == 0 && dotted_title(&a.text, b) {
                title_idx = Some(kept[0]);
            }
        }
        title = title_idx.map(|i| paras[i].text.clone());
    }
    for &i in header {
        paras[i].drop = Some(Why::Header);
    }
    if let Some(i) = title_idx {
        paras[i].drop = Some(Why::Header);
    }

    // 3. Lines repeating the title.
    let keys: Vec<String> = paras.iter().map(|p| key(&p.text)).collect();
    if let Some(t) = &title {
        let tk = key(t);
        if !tk.is_empty() {
            for (p, full) in paras.iter_mut().zip(&keys) {
                if p.drop.is_some() || !full.starts_with(tk.as_str()) {
                    continue;
                }
                let rest = full[tk.len()..].trim();
                if rest.is_empty()
                    || key(pats.cut_credit(&p.text)) == tk
                    || (rest.len() <= 60 && !is_prose(&p.text))
                {
                    p.drop = Some(Why::TitleRepeat);
                }
            }
        }
    }

    // 4. Caption pairs.
    let kept: Vec<usize> = (0..paras.len()).filter(|&i| paras[i].kept()).collect();
    for w in kept.windows(2) {
        let (a, b) = (w[0], w[1]);
        if keys[a] == keys[b] && char_len(&paras[a].text) <= 300 && !ends_statement(&paras[a].text)
        {
            paras[a].drop = Some(Why::Caption);
            paras[b].drop = Some(Why::Caption);
        }
    }

    // 5. Trailing lists opened by a marker.
    let mut i = 0;
    while i < paras.len() {
        if paras[i].kept() && pats.tail.is_match(&paras[i].text) {
            paras[i].drop = Some(Why::Tail);
            let mut j = i + 1;
            while j < paras.len() {
                let p = &paras[j];
                if p.kept() && (ends_statement(&p.text) || char_len(&p.text) > 200) {
                    break;
                }
                if p.kept() {
                    paras[j].drop = Some(Why::Tail);
                }
                j += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }

    // 6. Trailing junk after the last statement (never the whole body).
    let kept: Vec<usize> = (0..paras.len()).filter(|&i| paras[i].kept()).collect();
    for &i in kept.iter().skip(1).rev() {
        let s = &paras[i].text;
        if char_len(s) < 120 && !ends_statement(s) {
            paras[i].drop = Some(Why::Trailing);
        } else {
            break;
        }
    }

    // 7. Duplicates and run-on repeats.
    dedup(&mut paras, &keys);

    let paragraphs = paras
        .into_iter()
        .filter(|p| p.kept())
        .map(|p| p.text)
        .collect();
    Outcome {
        title,
        paragraphs,
        published_hint,
    }
}

/// Drop paragraphs written mostly in another script than the document (a Hebrew
/// "send to a friend" widget in an English page).
fn drop_other_scripts(paras: &mut [Para]) {
    let mut all = ScriptCounts::default();
    for p in paras.iter().filter(|p| p.kept()) {
        all.add(&p.text);
    }
    let Some((doc_script, share)) = all.main() else {
        return;
    };
    if share < 0.8 {
        return;
    }
    for p in paras.iter_mut().filter(|p| p.drop.is_none()) {
        if let Some((s, sh)) = main_script(&p.text) {
            if s != doc_script && sh >= 0.5 {
                p.drop = Some(Why::Script);
            }
        }
    }
}

/// Exact and near-exact repeats (same [`key`]), and paragraphs whose sentences are mostly
/// (≥ 80 % of their characters) sentences already seen.
fn dedup(paras: &mut [Para], keys: &[String]) {
    let mut seen: HashSet<String> = HashSet::new();
    let mut seen_sent: HashSet<String> = HashSet::new();
    for (p, k) in paras.iter_mut().zip(keys) {
        if p.drop.is_some() {
            continue;
        }
        if seen.contains(k) {
            p.drop = Some(Why::Duplicate);
            continue;
        }
        let sents: Vec<String> = sentences(&p.text)
            .into_iter()
            .map(key)
            .filter(|s| !s.is_empty())
            .collect();
        if sents.len() >= 2 {
            let total: usize = sents.iter().map(String::len).sum();
            let covered: usize = sents
                .iter()
                .filter(|s| seen_sent.contains(*s))
                .map(String::len)
                .sum();
            if total > 0 && covered * 10 >= total * 8 {
                p.drop = Some(Why::RunOn);
                continue;
            }
        }
        seen.insert(k.clone());
        seen_sent.extend(sents);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Cleaner;

    fn pats() -> Compiled {
        static C: std::sync::OnceLock<Cleaner> = std::sync::OnceLock::new();
        C.get_or_init(Cleaner::new).patterns().clone()
    }

    fn run_plain(text: &str) -> Outcome {
        run(
            &pats(),
            split_plain(text),
            Options {
                given_title: None,
                detect_title: true,
            },
        )
    }

    const P1: &str = "Les militaires russes et américains ont trouvé un mécanisme effectif pour maintenir la trêve en Syrie.";
    const P2: &str = "Le niveau de violence a sensiblement diminué depuis le mois de février, a indiqué le représentant russe.";

    #[test]
    fn splits_lines_and_blank_lines() {
        let p = split_plain("a\nb\n\n \u{a0}\nc\r\n");
        assert_eq!(p.len(), 3);
        assert!(p[0].blank_before && !p[1].blank_before && p[2].blank_before);
    }

    #[test]
    fn detects_tweet_signatures() {
        assert_eq!(
            tweet_signature("— RT France (@RTenfrancais) 28 septembre 2016"),
            Some(vec!["2016-09-28".to_string()])
        );
        assert!(tweet_signature("— Jean (@jd) hier").is_none());
        assert!(tweet_signature("Le 28 septembre 2016, (@x) a dit").is_none());
    }

    #[test]
    fn drops_tweets_and_dates_the_article() {
        let t = format!("Un titre de test pour la trêve\n{P1}\nLa trêve tient https://t.co/abc pic.twitter.com/x\n— RT France (@RTenfrancais) 28 septembre 2016\n{P2}");
        let o = run_plain(&t);
        assert_eq!(o.paragraphs, vec![P1, P2]);
        assert_eq!(o.published_hint.as_deref(), Some("2016-09-28"));
    }

    #[test]
    fn consent_density() {
        let c = pats();
        assert!(is_consent(&c, "Ce site utilise des cookies."));
        assert!(is_consent(
            &c,
            "We use cookies and similar tracking technologies to personalise content. Accept all or manage your preferences."
        ));
        assert!(!is_consent(
            &c,
            "Le régulateur européen a infligé une amende à un groupe de presse pour avoir déposé des cookies sans recueillir le consentement de ses lecteurs, une première dans le secteur des médias en ligne, selon un communiqué publié mardi par l'autorité qui réclame depuis des années une application plus stricte des règles européennes sur la vie privée et la publicité."
        ));
    }

    #[test]
    fn finds_title_after_header_junk() {
        let t = format!("Iran Press TV\nUS suspends talks with Russia over Syria\nMon Oct 3, 2016 6:13PM\n{P1}\n{P2}");
        let o = run_plain(&t);
        assert_eq!(
            o.title.as_deref(),
            Some("US suspends talks with Russia over Syria")
        );
        assert_eq!(o.paragraphs, vec![P1, P2]);
        assert_eq!(o.published_hint.as_deref(), Some("2016-10-03"));
    }

    #[test]
    fn no_title_for_names_or_prose_start() {
        let o = run_plain(&format!("John Kerry and Sergey Lavrov\n{P1}\n{P2}"));
        assert_eq!(o.title, None);
        assert_eq!(o.paragraphs, vec![P1, P2]);
        let o = run_plain(&format!("{P1}\n{P2}"));
        assert_eq!(o.title, None);
        assert_eq!(o.paragraphs.len(), 2);
    }

    #[test]
    fn dotted_headline_with_kicker() {
        let o = run_plain(&format!(
            "Syrie : la diplomatie se réunit à Genève ce week-end.\n\n{P1} {P2}\n\n{P2}"
        ));
        assert_eq!(
            o.title.as_deref(),
            Some("Syrie : la diplomatie se réunit à Genève ce week-end.")
        );
    }

    #[test]
    fn drops_title_repeat_with_credit_and_follow_prompt() {
        let t = format!("Obama propose un partenariat à la Russie\n\nObama propose un partenariat à la Russie© Kevin Lamarque Source: Reuters\nSuivez RT en français surTelegram\n\n{P1}\n\n{P2}");
        let o = run_plain(&t);
        assert_eq!(
            o.title.as_deref(),
            Some("Obama propose un partenariat à la Russie")
        );
        assert_eq!(o.paragraphs, vec![P1, P2]);
    }

    #[test]
    fn drops_caption_pairs_and_trailing_junk() {
        let t = format!("{P1}\nThe town after the strike\nThe town after the strike\n{P2}\nRaconter l'actualité\nSPUTNIK/MNA");
        let o = run_plain(&t);
        assert_eq!(o.paragraphs, vec![P1, P2]);
    }

    #[test]
    fn drops_tail_lists_but_keeps_following_prose() {
        let t = format!("{P1}\nRecommended\n{P2}\nExplore\nDecoding the mystery of drones: false flag?\nBy Murat Sofuoglu\nEgypt reports progress in talks");
        let o = run_plain(&t);
        assert_eq!(o.paragraphs, vec![P1, P2]);
    }

    #[test]
    fn drops_duplicates_and_run_on_repeat() {
        let t = format!("{P1}\n\n{P2}\n\n«{P1}»\n\n{P1} {P2}");
        let o = run_plain(&t);
        assert_eq!(o.paragraphs, vec![P1, P2]);
    }

    #[test]
    fn drops_other_scripts_and_empty_lines() {
        let t = format!("{P1}\nשליחה לחבר\n-\n0\n{P2}");
        let o = run_plain(&t);
        assert_eq!(o.paragraphs, vec![P1, P2]);
    }

    #[test]
    fn datelines() {
        assert!(is_dateline("September 14, 2016"));
        assert!(is_dateline("Mon Oct 3, 2016 6:13PM"));
        assert!(!is_dateline(
            "Le 9 septembre 2016, Moscou et Washington ont signé un accord."
        ));
        let o = run_plain(&format!("{P1}\nSeptember 14, 2016\n{P2}"));
        assert_eq!(o.paragraphs, vec![P1, P2]);
        assert_eq!(o.published_hint.as_deref(), Some("2016-09-14"));
    }

    #[test]
    fn repeated_statement_is_a_duplicate_not_a_caption() {
        let q = "« Les groupes armés respectent leurs engagements », a indiqué le centre.";
        let o = run_plain(&format!("{P1}\n{q}\n{q}\n{P2}"));
        assert_eq!(o.paragraphs, vec![P1, q, P2]);
    }

    #[test]
    fn names_only_shapes() {
        assert!(names_only("John Kerry and Sergey Lavrov"));
        assert!(!names_only(
            "World Powers Call For Cessation Of Hostilities"
        ));
        assert!(!names_only("Moscou et Washington divisés sur Alep"));
    }
}
