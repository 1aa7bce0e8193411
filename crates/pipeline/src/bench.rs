//! End-to-end throughput measurement over a fixed synthetic corpus.
//!
//! [`synthetic_corpus`] assembles a deterministic corpus of French and English
//! articles of 1–4 KB from a bank of sentences written for truce (wire-style
//! coverage of the 2016 Syrian ceasefire, with cookie banners, "Lire aussi"
//! links and newsletter prompts for the cleaner to remove). About a quarter of
//! the documents are HTML pages, the rest plain text; none declares its
//! language, so identification runs on every document.
//!
//! [`run`] times the construction of [`Pipeline::embedded`], the first use of
//! the data that is loaded lazily on the first document (time-expression
//! lexicons, a few regexes), then processes the corpus several times in
//! batches of [`BATCH`] with [`Pipeline::process_batch`]. The figures are
//! medians over the runs, never single timings; nothing here asserts a time.

use crate::Pipeline;
use std::time::Instant;
use truce_model::{RawContent, RawDoc};

/// The sentence bank: see the header of the file for its format.
const BANK: &str = include_str!("bench/sentences.txt");

/// Documents are processed in batches of this many, as the CLI does.
pub const BATCH: usize = 256;

/// Smallest size of a synthetic document's content, in bytes.
pub const MIN_DOC_BYTES: usize = 1024;
/// Largest size of a synthetic document's content, in bytes.
pub const MAX_DOC_BYTES: usize = 4096;

/// Seed of the corpus generator; changing it changes every corpus.
const SEED: u64 = 0x7472_7563_6532_3031; // "truce201"

/// A corpus of raw documents ready to be processed.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub docs: Vec<RawDoc>,
    /// Total bytes of the documents' raw content (text or HTML).
    pub bytes: usize,
    pub name: String,
}

/// The result of a throughput run.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Documents in the corpus.
    pub docs: usize,
    /// Bytes of raw content in the corpus.
    pub bytes: usize,
    /// Events extracted from the corpus (in one run; every run finds the same).
    pub events: usize,
    /// Time to build [`Pipeline::embedded`] (lexicons, gazetteer, cleaner), in ms.
    /// Only the first construction in a process pays it: the lexicons and the
    /// gazetteer are cached for the life of the process.
    pub startup_ms: f64,
    /// Time to process one short French and one short English document right after
    /// construction, in ms: it includes the data loaded on first use (the
    /// time-expression lexicons, the HTML cleaner's regexes).
    pub warmup_ms: f64,
    /// Wall-clock time of each run over the whole corpus, in ms.
    pub runs_ms: Vec<f64>,
    /// Median of `runs_ms`.
    pub median_ms: f64,
    /// Documents per second in the median run.
    pub docs_per_sec: f64,
    /// MiB (2^20 bytes) of raw content per second in the median run.
    pub mb_per_sec: f64,
    /// CPU time (user + system, all threads) per document, median over the runs, in
    /// ms; `None` where `/proc/self/stat` is not available. Unlike wall-clock figures
    /// it barely moves when other programs share the machine: `cores / cpu_ms_per_doc`
    /// bounds the throughput on that many idle cores.
    pub cpu_ms_per_doc: Option<f64>,
    /// Peak resident set size of the process so far (`VmHWM`), in MiB; `None`
    /// where `/proc/self/status` is not available.
    pub peak_rss_mb: Option<f64>,
}

/// A fixed, deterministic corpus of `n` articles of 1–4 KB (see the module docs).
///
/// The same `n` always gives the same bytes, and the corpus of `n` documents is
/// the first `n` documents of any larger one.
pub fn synthetic_corpus(n: usize) -> Corpus {
    let bank = Bank::parse(BANK);
    let docs: Vec<RawDoc> = (0..n).map(|i| synthetic_doc(&bank, i)).collect();
    let bytes = docs.iter().map(content_len).sum();
    Corpus {
        docs,
        bytes,
        name: format!("synthetic-{n}"),
    }
}

/// Build the embedded pipeline once, then process `corpus` `runs` times (at least
/// once) in batches of [`BATCH`], and report the timings.
pub fn run(corpus: &Corpus, runs: usize) -> Report {
    let t = Instant::now();
    let pipeline = Pipeline::embedded();
    let startup_ms = millis(t);

    // Warm-up: one short document per language loads what is built on first use.
    let bank = Bank::parse(BANK);
    let warm = [
        RawDoc::text("warmup-fr", bank.fr.body.join(" ")),
        RawDoc::text("warmup-en", bank.en.body.join(" ")),
    ];
    let t = Instant::now();
    for d in &warm {
        std::hint::black_box(pipeline.process(d));
    }
    let warmup_ms = millis(t);

    let runs = runs.max(1);
    let mut runs_ms = Vec::with_capacity(runs);
    let mut cpu_ms = Vec::with_capacity(runs);
    let mut events = 0;
    for _ in 0..runs {
        let cpu0 = process_cpu_ms();
        let t = Instant::now();
        let mut found = 0;
        for chunk in corpus.docs.chunks(BATCH) {
            let out = pipeline.process_batch(chunk);
            found += out.iter().map(|p| p.analysis.events.len()).sum::<usize>();
        }
        runs_ms.push(millis(t));
        if let (Some(a), Some(b)) = (cpu0, process_cpu_ms()) {
            cpu_ms.push(b - a);
        }
        events = found;
    }
    let median_ms = median(&runs_ms);
    let secs = median_ms / 1000.0;
    let (docs_per_sec, mb_per_sec) = if secs > 0.0 {
        (
            corpus.docs.len() as f64 / secs,
            corpus.bytes as f64 / MIB / secs,
        )
    } else {
        (0.0, 0.0)
    };
    let cpu_ms_per_doc = (cpu_ms.len() == runs && !corpus.docs.is_empty())
        .then(|| median(&cpu_ms) / corpus.docs.len() as f64);
    Report {
        docs: corpus.docs.len(),
        bytes: corpus.bytes,
        events,
        startup_ms,
        warmup_ms,
        runs_ms,
        median_ms,
        docs_per_sec,
        mb_per_sec,
        cpu_ms_per_doc,
        peak_rss_mb: peak_rss_mb(),
    }
}

impl Report {
    /// A short human-readable summary, one figure a line.
    pub fn to_text(&self) -> String {
        let runs: Vec<String> = self.runs_ms.iter().map(|r| format!("{r:.1}")).collect();
        let per_doc_ms = if self.docs > 0 {
            self.median_ms / self.docs as f64
        } else {
            0.0
        };
        let cpu = match self.cpu_ms_per_doc {
            Some(c) if c > 0.0 => format!(
                "{c:.3} ms per document (median run): at most {:.0} docs/s per idle core",
                1000.0 / c
            ),
            _ => "unknown (no /proc/self/stat)".to_string(),
        };
        let rss = match self.peak_rss_mb {
            Some(m) => format!("{m:.1} MiB (VmHWM)"),
            None => "unknown (no /proc/self/status)".to_string(),
        };
        format!(
            "documents     {docs} ({mib:.2} MiB of raw content)\n\
             events        {events}\n\
             start-up      {startup:.1} ms (Pipeline::embedded: lexicons, gazetteer, cleaner)\n\
             first use     {warm:.1} ms (first French and English documents)\n\
             runs          {n} × batches of {BATCH}: [{runs}] ms\n\
             median run    {median:.1} ms\n\
             throughput    {dps:.0} docs/s, {mbs:.2} MiB/s (median run)\n\
             per document  {per_doc:.3} ms of wall-clock time (median run, all threads)\n\
             CPU time      {cpu}\n\
             peak RSS      {rss}\n",
            docs = self.docs,
            mib = self.bytes as f64 / MIB,
            events = self.events,
            startup = self.startup_ms,
            warm = self.warmup_ms,
            n = self.runs_ms.len(),
            runs = runs.join(", "),
            median = self.median_ms,
            dps = self.docs_per_sec,
            mbs = self.mb_per_sec,
            per_doc = per_doc_ms,
        )
    }
}

const MIB: f64 = (1u64 << 20) as f64;

fn millis(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

/// The median of `xs` (mean of the two middle values for an even count); 0 when empty.
fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// CPU time (user + system) used by the whole process so far, from `/proc/self/stat`, in ms.
fn process_cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    parse_stat_cpu_ticks(&stat).map(|ticks| ticks as f64 * 1000.0 / USER_HZ)
}

/// `/proc` reports times in clock ticks of `USER_HZ`, which Linux fixes at 100.
const USER_HZ: f64 = 100.0;

/// utime + stime (fields 14 and 15) of a `/proc/<pid>/stat` line, in clock ticks.
fn parse_stat_cpu_ticks(stat: &str) -> Option<u64> {
    // the command name (field 2) is in parentheses and may hold spaces: count from the
    // last ')', after which field 3 (the state) comes first
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(11);
    let utime: u64 = fields.next()?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some(utime + stime)
}

/// Peak resident set size from `/proc/self/status`, in MiB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_vm_hwm_kib(&status).map(|kib| kib as f64 / 1024.0)
}

/// The `VmHWM:` value of a `/proc/<pid>/status` text, in KiB.
fn parse_vm_hwm_kib(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line["VmHWM:".len()..]
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn content_len(d: &RawDoc) -> usize {
    match &d.content {
        RawContent::Text(t) | RawContent::Html(t) => t.len(),
    }
}

// ---------------------------------------------------------------------------
// Sentence bank

/// The items of one language.
#[derive(Debug, Default)]
struct LangBank {
    title: Vec<&'static str>,
    dateline: Vec<&'static str>,
    body: Vec<&'static str>,
    top: Vec<&'static str>,
    inline: Vec<&'static str>,
    tail: Vec<&'static str>,
    place: Vec<&'static str>,
    day: Vec<&'static str>,
}

impl LangBank {
    fn section(&mut self, name: &str) -> Option<&mut Vec<&'static str>> {
        Some(match name {
            "title" => &mut self.title,
            "dateline" => &mut self.dateline,
            "body" => &mut self.body,
            "top" => &mut self.top,
            "inline" => &mut self.inline,
            "tail" => &mut self.tail,
            "place" => &mut self.place,
            "day" => &mut self.day,
            _ => return None,
        })
    }
}

#[derive(Debug, Default)]
struct Bank {
    fr: LangBank,
    en: LangBank,
}

impl Bank {
    /// Parse the bank. Items under an unknown header are ignored (the tests check
    /// that every section of both languages is filled).
    fn parse(src: &'static str) -> Bank {
        let mut bank = Bank::default();
        let mut current: Option<(bool, &str)> = None; // (is French, section)
        for line in src.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(head) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                let mut parts = head.split_whitespace();
                current = match (parts.next(), parts.next()) {
                    (Some("fr"), Some(s)) => Some((true, s)),
                    (Some("en"), Some(s)) => Some((false, s)),
                    _ => None,
                };
                continue;
            }
            if let Some((fr, section)) = current {
                let lb = if fr { &mut bank.fr } else { &mut bank.en };
                if let Some(items) = lb.section(section) {
                    items.push(line);
                }
            }
        }
        bank
    }
}

// ---------------------------------------------------------------------------
// Generator

/// xorshift64: tiny, fast, and good enough to shuffle sentences.
struct XorShift64(u64);

impl XorShift64 {
    /// A generator for stream `i`, its state scrambled with splitmix64 (never 0).
    fn for_stream(i: u64) -> Self {
        let mut z = SEED ^ i.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        XorShift64(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `num / den`.
    fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }

    /// Shuffle `xs` in place (Fisher–Yates).
    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            xs.swap(i, self.below(i + 1));
        }
    }

    /// One item of `items`, or "" when there is none.
    fn pick(&mut self, items: &[&'static str]) -> &'static str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }
}

/// Where a block of text goes on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A consent banner, before the article.
    Top,
    /// A paragraph of the article.
    Body,
    /// A link between paragraphs.
    Inline,
    /// A prompt after the article.
    Tail,
}

struct Block {
    role: Role,
    text: String,
}

/// Document `i` of every synthetic corpus.
fn synthetic_doc(bank: &Bank, i: usize) -> RawDoc {
    let mut rng = XorShift64::for_stream(i as u64);
    let fr = rng.chance(6, 10);
    let html = rng.chance(1, 4);
    let lb = if fr { &bank.fr } else { &bank.en };
    // Leave room below MAX_DOC_BYTES for the last sentence, the tail and the markup.
    let target = 1200 + rng.below(2400);
    let title = rng.pick(&lb.title);
    let month = 2 + rng.below(9);
    let day = 1 + rng.below(28);
    let published = format!("2016-{month:02}-{day:02}");
    let outlet = if fr {
        "Le Courrier du Levant"
    } else {
        "Levant Wire"
    };

    let mut blocks = Vec::new();
    if rng.chance(1, 3) {
        blocks.push(Block {
            role: Role::Top,
            text: rng.pick(&lb.top).to_string(),
        });
    }
    // Body sentences are dealt from a shuffled deck: no sentence repeats in a document
    // until the deck runs out.
    let mut deck: Vec<usize> = (0..lb.body.len()).collect();
    rng.shuffle(&mut deck);
    let mut dealt = 0;
    let mut size = title.len();
    let mut paragraphs = 0;
    let mut inline_done = false;
    while size < target {
        let mut para = String::new();
        if paragraphs == 0 {
            para.push_str(rng.pick(&lb.dateline));
            para.push(' ');
        }
        for k in 0..2 + rng.below(3) {
            if k > 0 {
                para.push(' ');
            }
            let place = rng.pick(&lb.place);
            let day = rng.pick(&lb.day);
            let sentence = deck
                .get(dealt % deck.len().max(1))
                .and_then(|&j| lb.body.get(j))
                .copied()
                .unwrap_or("");
            dealt += 1;
            para.push_str(&sentence.replace("{P}", place).replace("{D}", day));
        }
        size += para.len() + 2;
        blocks.push(Block {
            role: Role::Body,
            text: para,
        });
        paragraphs += 1;
        if paragraphs >= 2 && !inline_done && rng.chance(1, 4) {
            let text = rng.pick(&lb.inline).to_string();
            size += text.len() + 2;
            blocks.push(Block {
                role: Role::Inline,
                text,
            });
            inline_done = true;
        }
    }
    if rng.chance(1, 2) {
        blocks.push(Block {
            role: Role::Tail,
            text: rng.pick(&lb.tail).to_string(),
        });
    }

    let render = |blocks: &[Block]| {
        if html {
            render_html(fr, title, &published, outlet, blocks)
        } else {
            render_text(title, blocks)
        }
    };
    let mut content = render(&blocks);
    // Trim whole blocks from the end until the page fits (a body paragraph stays).
    while content.len() > MAX_DOC_BYTES && blocks.len() > 1 {
        blocks.pop();
        content = render(&blocks);
    }

    RawDoc {
        id: format!("synth-{i:06}"),
        origin: format!("synthetic:{i}"),
        content: if html {
            RawContent::Html(content)
        } else {
            RawContent::Text(content)
        },
        url: Some(format!(
            "https://news.example/{}/2016/{month:02}/{day:02}/article-{i}",
            if fr { "fr" } else { "en" }
        )),
        published: Some(published),
        title: None,
        outlet: Some(outlet.to_string()),
        lang: None,
        encoding: Some("utf-8".to_string()),
    }
}

/// A plain-text article: headline, blank line, then blocks separated by blank lines.
fn render_text(title: &str, blocks: &[Block]) -> String {
    let mut out = String::with_capacity(MAX_DOC_BYTES);
    out.push_str(title);
    for b in blocks {
        out.push_str("\n\n");
        out.push_str(&b.text);
    }
    out.push('\n');
    out
}

/// A news page: navigation, consent banner, the article, prompts and a footer.
fn render_html(fr: bool, title: &str, published: &str, outlet: &str, blocks: &[Block]) -> String {
    let mut out = String::with_capacity(MAX_DOC_BYTES);
    let lang = if fr { "fr" } else { "en" };
    let t = escape(title);
    let o = escape(outlet);
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{t} | {o}</title>\n\
         <meta property=\"og:title\" content=\"{t}\">\n\
         <meta property=\"article:published_time\" content=\"{published}T09:30:00Z\">\n\
         </head>\n<body>\n"
    ));
    let (home, world) = if fr {
        ("Accueil", "International")
    } else {
        ("Home", "World")
    };
    out.push_str(&format!(
        "<nav><a href=\"/\">{home}</a> <a href=\"/world\">{world}</a></nav>\n"
    ));
    for b in blocks.iter().filter(|b| b.role == Role::Top) {
        out.push_str(&format!(
            "<div class=\"consent\"><p>{}</p></div>\n",
            escape(&b.text)
        ));
    }
    out.push_str(&format!("<article>\n<h1>{t}</h1>\n"));
    for b in blocks
        .iter()
        .filter(|b| matches!(b.role, Role::Body | Role::Inline))
    {
        out.push_str(&format!("<p>{}</p>\n", escape(&b.text)));
    }
    out.push_str("</article>\n");
    for b in blocks.iter().filter(|b| b.role == Role::Tail) {
        out.push_str(&format!("<aside><p>{}</p></aside>\n", escape(&b.text)));
    }
    out.push_str(&format!(
        "<footer><p>© 2016 {o}</p></footer>\n</body>\n</html>\n"
    ));
    out
}

/// Escape text for an HTML element or a double-quoted attribute.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(d: &RawDoc) -> &str {
        match &d.content {
            RawContent::Text(t) | RawContent::Html(t) => t,
        }
    }

    #[test]
    fn bank_has_every_section_in_both_languages() {
        let bank = Bank::parse(BANK);
        for (lang, lb) in [("fr", &bank.fr), ("en", &bank.en)] {
            for (name, items) in [
                ("title", &lb.title),
                ("dateline", &lb.dateline),
                ("body", &lb.body),
                ("top", &lb.top),
                ("inline", &lb.inline),
                ("tail", &lb.tail),
                ("place", &lb.place),
                ("day", &lb.day),
            ] {
                assert!(!items.is_empty(), "{lang} {name} is empty");
            }
        }
        assert!(bank.fr.body.len() >= 60, "{}", bank.fr.body.len());
        assert!(bank.en.body.len() >= 40, "{}", bank.en.body.len());
        // no sentence is repeated within a language
        for lb in [&bank.fr, &bank.en] {
            let mut seen = std::collections::HashSet::new();
            for s in &lb.body {
                assert!(seen.insert(*s), "repeated: {s}");
            }
        }
    }

    #[test]
    fn corpus_is_deterministic() {
        let a = synthetic_corpus(300);
        let b = synthetic_corpus(300);
        assert_eq!(a.docs, b.docs);
        assert_eq!(a.bytes, b.bytes);
        assert_eq!(a.name, "synthetic-300");
        // a smaller corpus is a prefix of a larger one
        let c = synthetic_corpus(120);
        assert_eq!(&a.docs[..120], &c.docs[..]);
        // documents differ from one another
        let distinct: std::collections::HashSet<&str> = a.docs.iter().map(content).collect();
        assert_eq!(distinct.len(), a.docs.len());
    }

    #[test]
    fn documents_are_1_to_4_kb() {
        let c = synthetic_corpus(3000);
        for d in &c.docs {
            let n = content(d).len();
            assert!(
                (MIN_DOC_BYTES..=MAX_DOC_BYTES).contains(&n),
                "{}: {n} bytes",
                d.id
            );
        }
        assert_eq!(
            c.bytes,
            c.docs.iter().map(|d| content(d).len()).sum::<usize>()
        );
        // sizes are spread over the range, not bunched at one end
        let small = c.docs.iter().filter(|d| content(d).len() < 2000).count();
        let large = c.docs.iter().filter(|d| content(d).len() > 3000).count();
        assert!(small > 300 && large > 300, "small {small}, large {large}");
    }

    #[test]
    fn corpus_mixes_languages_formats_and_boilerplate() {
        let c = synthetic_corpus(1000);
        let html = c
            .docs
            .iter()
            .filter(|d| matches!(d.content, RawContent::Html(_)))
            .count();
        assert!((150..350).contains(&html), "{html} HTML pages");
        let fr = c
            .docs
            .iter()
            .filter(|d| d.outlet.as_deref() == Some("Le Courrier du Levant"))
            .count();
        assert!((500..700).contains(&fr), "{fr} French documents");
        assert!(c.docs.iter().all(|d| d.lang.is_none()));
        let has = |needle: &str| c.docs.iter().any(|d| content(d).contains(needle));
        assert!(has("Lire aussi"));
        assert!(has("cookies"));
        assert!(has("<article>"));
        // placeholders are all filled
        assert!(!has("{P}") && !has("{D}"));
    }

    #[test]
    fn sentences_do_not_repeat_within_a_document() {
        let bank = Bank::parse(BANK);
        let c = synthetic_corpus(200);
        for d in &c.docs {
            let text = content(d);
            for lb in [&bank.fr, &bank.en] {
                for s in lb.body.iter().filter(|s| !s.contains('{')) {
                    assert!(text.matches(*s).count() <= 1, "{}: repeats {s}", d.id);
                }
            }
        }
        let mut r = XorShift64::for_stream(3);
        let mut xs: Vec<usize> = (0..50).collect();
        r.shuffle(&mut xs);
        assert_ne!(xs, (0..50).collect::<Vec<_>>());
        xs.sort_unstable();
        assert_eq!(xs, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn html_pages_are_escaped() {
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
        let blocks = [Block {
            role: Role::Body,
            text: "Tom & Jerry".into(),
        }];
        let page = render_html(false, "T", "2016-02-27", "Levant Wire", &blocks);
        assert!(page.contains("<p>Tom &amp; Jerry</p>"));
        assert!(page.contains("content=\"2016-02-27T09:30:00Z\""));
    }

    #[test]
    fn prng_is_stable_and_bounded() {
        let mut a = XorShift64::for_stream(7);
        let mut b = XorShift64::for_stream(7);
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs[0], XorShift64::for_stream(8).next_u64());
        let mut r = XorShift64::for_stream(1);
        assert!((0..1000).all(|_| r.below(7) < 7));
        assert_eq!(r.below(0), 0);
        assert_eq!(r.pick(&[]), "");
    }

    #[test]
    fn median_and_vm_hwm() {
        assert_eq!(median(&[]), 0.0);
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        let status = "Name:\ttruce\nVmPeak:\t  20000 kB\nVmHWM:\t   12288 kB\nVmRSS:\t 1000 kB\n";
        assert_eq!(parse_vm_hwm_kib(status), Some(12288));
        assert_eq!(parse_vm_hwm_kib("Name: x\n"), None);
        let stat = "4242 (tr uce) R 1 4242 4242 0 -1 4194304 500 0 0 0 731 29 0 0 20 0 3 0";
        assert_eq!(parse_stat_cpu_ticks(stat), Some(760));
        assert_eq!(parse_stat_cpu_ticks("garbage"), None);
    }

    #[test]
    fn run_processes_the_corpus_and_reports() {
        let c = synthetic_corpus(40);
        let r = run(&c, 2);
        assert_eq!(r.docs, 40);
        assert_eq!(r.bytes, c.bytes);
        assert_eq!(r.runs_ms.len(), 2);
        assert!(r.events > 0, "no event extracted from the synthetic corpus");
        assert!(r.docs_per_sec > 0.0 && r.mb_per_sec > 0.0);
        if cfg!(target_os = "linux") {
            assert!(r.peak_rss_mb.is_some_and(|m| m > 0.0));
            assert!(r.cpu_ms_per_doc.is_some());
        }
        let text = r.to_text();
        assert!(text.contains("documents     40"), "{text}");
        assert!(text.contains("docs/s"), "{text}");
        assert!(text.contains("peak RSS"), "{text}");
    }
}
