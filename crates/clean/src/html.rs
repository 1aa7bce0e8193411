//! HTML → metadata + candidate paragraphs (v1).
//!
//! The page is parsed with `scraper` (html5ever, the browsers' parsing algorithm, so
//! broken markup still gives a tree). Every walk over the tree uses an explicit stack:
//! a page nested 10,000 levels deep cannot overflow the call stack.
//!
//! 1. One pass over the whole tree collects the metadata (`<meta>`, `<link
//!    rel=canonical>`, `<html lang>`, `<title>`, `<h1>`, `<time datetime>`, JSON-LD) and
//!    scores containers: text in `<p>`, `<pre>` and `<td>` outside boilerplate subtrees
//!    is credited to its parent and (half) to its grandparent, readability-style.
//! 2. The main content node is the largest `itemprop=articleBody`, else the largest
//!    `<article>`/`<main>`/`role=main`, else the best-scored container, else `<body>`.
//! 3. A second pass over that node emits one paragraph per block (`p`, `h2`–`h6`, `li`,
//!    `blockquote`, table row, `div` text, …) and skips boilerplate subtrees: `script`,
//!    `style`, `nav`, `header`, `footer`, `aside`, `form`, `iframe`, `figure`, …, hidden
//!    elements, and elements whose class or id names sharing, related links, comments,
//!    cookies, newsletters, ads and the like.
//!
//! The paragraphs then go through the same filters as plain text (see `filters`).

use crate::dates;
use crate::filters::Para;
use crate::norm::{collapse_ws, is_blank};
use ego_tree::{NodeId, NodeRef};
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use regex::Regex;
use scraper::{Html, HtmlTreeSink, Node, StrTendril};
use serde_json::Value;
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Metadata found in a page's markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Headline: `og:title`, else the first `<h1>`, else `<title>`, without a " | Site" tail.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`: `article:published_time`, JSON-LD `datePublished`,
    /// other date metas, or the first `<time datetime>`.
    pub published: Option<String>,
    /// Site name: `og:site_name`, JSON-LD publisher, `application-name`.
    pub outlet: Option<String>,
    /// Author(s): `<meta name=author>`, JSON-LD `author`.
    pub author: Option<String>,
    /// Canonical URL: `<link rel=canonical>`, else `og:url`.
    pub url: Option<String>,
    /// Primary language subtag of `<html lang>` ("en-GB" → "en").
    pub lang: Option<String>,
}

/// What [`extract`] returns.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub metadata: Metadata,
    /// The candidate paragraphs, at most [`Budget::max_paragraphs`] of them.
    pub paragraphs: Vec<Para>,
    /// How many candidate paragraphs the page has (more than `paragraphs` holds when the
    /// budget cut them).
    pub total_paragraphs: usize,
    /// Why the page was not processed in full, if it was not (for diagnostics).
    pub truncated: Vec<String>,
}

/// HTML pages larger than this are cut (at a tag start) before parsing. The largest of
/// 1,150 real article pages (benchmarks of article extraction) is 1.6 MB.
pub const MAX_HTML_BYTES: usize = 8 << 20;

/// Parsing stops once the tree has this many nodes (elements, comments…): about half a
/// second of parsing and extraction. Real article pages have a few thousand, rarely
/// tens of thousands.
pub const MAX_HTML_NODES: u64 = 300_000;

/// Parsing a page stops (keeping what was parsed so far) once it has done this much work,
/// counted as the depth of the tree at each element created: the HTML tree-building
/// algorithm looks down the stack of open elements for most start tags, so its cost
/// grows with the square of the depth of unclosed nested blocks (250 KB of `<div>` takes
/// 10 s to parse, 1 MB five minutes). 10⁸ is about 0.7 s of parsing on a 2020s core,
/// ten times what a page 10,000 levels deep needs, and far beyond any real page. The
/// count is deterministic: the same page is always cut at the same place.
pub const PARSE_WORK_BUDGET: u64 = 100_000_000;

/// The parser is fed this many bytes at a time, and checks its budget in between.
const PARSE_CHUNK: usize = 16 << 10;

/// Limits on the work spent on one page, so that a hostile or broken page costs at most
/// about a second or two. A page cut by a limit is reported in
/// [`Extracted::truncated`].
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// Bytes of HTML parsed at most.
    pub max_bytes: usize,
    /// Parsing work at most (see [`PARSE_WORK_BUDGET`]; checked every few kilobytes).
    pub parse_work: u64,
    /// Tree nodes built at most (see [`MAX_HTML_NODES`]; checked every few kilobytes).
    pub max_nodes: u64,
    /// Candidate paragraphs built at most (the others are only counted).
    pub max_paragraphs: usize,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            max_bytes: MAX_HTML_BYTES,
            parse_work: PARSE_WORK_BUDGET,
            max_nodes: MAX_HTML_NODES,
            max_paragraphs: usize::MAX,
        }
    }
}

/// scraper's tree sink, counting the parser's work: the depth in the tree of each node
/// inserted (for nested blocks, the depth of the stack of open elements the parser walks).
struct CountingSink {
    inner: HtmlTreeSink,
    depths: RefCell<HashMap<NodeId, u64>>,
    work: Cell<u64>,
    nodes: Cell<u64>,
}

impl CountingSink {
    fn new(inner: HtmlTreeSink) -> CountingSink {
        CountingSink {
            inner,
            depths: RefCell::new(HashMap::new()),
            work: Cell::new(0),
            nodes: Cell::new(0),
        }
    }

    fn depth(&self, node: &NodeId) -> u64 {
        self.depths.borrow().get(node).copied().unwrap_or(0)
    }

    /// Record that `child` (if a node) is inserted at `depth`.
    fn inserted(&self, child: &NodeOrText<NodeId>, depth: u64) {
        if let NodeOrText::AppendNode(id) = child {
            self.depths.borrow_mut().insert(*id, depth);
            self.work.set(self.work.get().saturating_add(depth));
            self.nodes.set(self.nodes.get() + 1);
        }
    }
}

impl TreeSink for CountingSink {
    type Handle = NodeId;
    type Output = Html;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Html {
        self.inner.finish()
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg)
    }
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.inner.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.inserted(&child, self.depth(parent) + 1);
        self.inner.append(parent, child)
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let depth = self.depth(element).max(self.depth(prev_element) + 1);
        self.inserted(&child, depth);
        self.inner
            .append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id)
    }
    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node)
    }
    fn pop(&self, node: &NodeId) {
        self.inner.pop(node)
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inserted(&new_node, self.depth(sibling));
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn associate_with_form(
        &self,
        target: &NodeId,
        form: &NodeId,
        nodes: (&NodeId, Option<&NodeId>),
    ) {
        self.inner.associate_with_form(target, form, nodes)
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent)
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.inner
            .is_mathml_annotation_xml_integration_point(handle)
    }
    fn set_current_line(&self, line_number: u64) {
        self.inner.set_current_line(line_number)
    }
    fn allow_declarative_shadow_roots(&self, intended_parent: &NodeId) -> bool {
        self.inner.allow_declarative_shadow_roots(intended_parent)
    }
    fn attach_declarative_shadow(
        &self,
        location: &NodeId,
        template: &NodeId,
        attrs: &[Attribute],
    ) -> bool {
        self.inner
            .attach_declarative_shadow(location, template, attrs)
    }
    fn maybe_clone_an_option_into_selectedcontent(&self, option: &NodeId) {
        self.inner
            .maybe_clone_an_option_into_selectedcontent(option)
    }
}

/// Parse a page, within the byte and time limits of `budget`; notes what was cut.
fn parse(html: &str, budget: &Budget, truncated: &mut Vec<String>) -> Html {
    let mut input = html;
    if html.len() > budget.max_bytes {
        // Cut at the last tag start before the limit (or the limit, on a char boundary).
        let mut end = budget.max_bytes;
        while !html.is_char_boundary(end) {
            end -= 1;
        }
        end = html[..end].rfind('<').filter(|&i| i > 0).unwrap_or(end);
        input = &html[..end];
        truncated.push(format!(
            "HTML page of {} bytes: only the first {end} bytes are parsed",
            html.len()
        ));
    }
    let mut parser = html5ever::parse_document(
        CountingSink::new(HtmlTreeSink::new(Html::new_document())),
        Default::default(),
    );
    let mut done = 0;
    while done < input.len() {
        let mut end = (done + PARSE_CHUNK).min(input.len());
        while !input.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(&input[done..end]));
        done = end;
        if done == input.len() {
            break;
        }
        let sink = &parser.tokenizer.sink.sink;
        let why = if sink.work.get() > budget.parse_work {
            "markup nested too deep"
        } else if sink.nodes.get() > budget.max_nodes {
            "too many elements"
        } else {
            continue;
        };
        truncated.push(format!(
            "HTML parsing stopped after {done} of {} bytes: over the per-page time budget ({why})",
            input.len(),
        ));
        break;
    }
    parser.finish()
}

const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "noscript",
    "figure",
    "figcaption",
    "button",
    "svg",
    "template",
    "select",
    "textarea",
    "input",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "map",
    "head",
    "title",
    "meta",
    "link",
    "dialog",
    "menu",
    "label",
];

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "tr",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "pre",
    "dd",
    "dt",
    "dl",
    "address",
    "hr",
    "center",
    "details",
    "summary",
    "body",
    "html",
    "fieldset",
    "caption",
    "br",
];

/// Class/id words that mark boilerplate wherever they appear.
fn strong_junk_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        #[allow(clippy::expect_used)]
        let r = Regex::new(
            r"(?i)(?:^|[\s_-])(?:share|sharing|social|related|comments?|cookies?|consent|gdpr|newsletter|advert|adverts|ads?|ad-slot|dfp|sponsored?|breadcrumbs?|byline|captions?|credits?|outbrain|taboola|recommend(?:ed|ations)?|most-?popular|most-?read|rich-link|read-more|readmore)(?:$|[\s_-])",
        )
        .expect("junk attribute pattern");
        r
    })
}

/// Class/id words that mark boilerplate unless the same attribute also names content
/// (`class="article-content paywall"` is the article, `class="paywall"` is not).
fn weak_junk_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        #[allow(clippy::expect_used)]
        let r = Regex::new(
            r"(?i)(?:^|[\s_-])(?:promo|sidebar|navbar|nav|menu|footer|masthead|subscribe|subscription|signup|popup|modal|banner|paywall|toolbar|tags|skip|hidden|print-only|submeta|meta__extras)(?:$|[\s_-])",
        )
        .expect("junk attribute pattern");
        r
    })
}

fn is_junk_element(el: &scraper::node::Element) -> bool {
    let name = el.name();
    if SKIP_TAGS.contains(&name) {
        return true;
    }
    if matches!(name, "html" | "body" | "main") {
        return false;
    }
    if el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
        || el
            .attr("style")
            .is_some_and(|s| s.replace(' ', "").contains("display:none"))
    {
        return true;
    }
    if let Some(role) = el.attr("role") {
        if matches!(
            role,
            "navigation" | "banner" | "contentinfo" | "complementary" | "dialog" | "search"
        ) {
            return true;
        }
    }
    let contentish = |v: &str| {
        let l = v.to_ascii_lowercase();
        [
            "article", "content", "story", "body", "main", "post", "entry", "text",
        ]
        .iter()
        .any(|w| l.contains(w))
    };
    for a in ["class", "id", "data-component"] {
        if let Some(v) = el.attr(a) {
            let l = v.to_ascii_lowercase();
            if l.contains("articlebody") || l.contains("article-body") || l.contains("story-body") {
                continue;
            }
            if strong_junk_re().is_match(v) || (weak_junk_re().is_match(v) && !contentish(v)) {
                return true;
            }
        }
    }
    false
}

fn text_of(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            out.push_str(t);
        }
    }
    collapse_ws(&out)
}

fn non_empty(s: Option<&str>) -> Option<String> {
    let t = collapse_ws(s?);
    (!t.is_empty()).then_some(t)
}

/// Strip a " | Site" / " - Site" tail off a `<title>`-like string.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let t = title.trim();
    for sep in [" | ", " – ", " — ", " - ", " :: ", " · "] {
        if let Some(pos) = t.rfind(sep) {
            let (head, tail) = (&t[..pos], &t[pos + sep.len()..]);
            let tail_is_site = site.is_some_and(|s| {
                let (a, b) = (tail.to_lowercase(), s.to_lowercase());
                a.contains(&b) || b.contains(&a)
            });
            if tail_is_site || (sep == " | " && tail.chars().count() <= 40) {
                return head.trim().to_string();
            }
        }
    }
    t.to_string()
}

#[derive(Default)]
struct MetaScan {
    og_title: Option<String>,
    title_tag: Option<String>,
    h1: Option<String>,
    h2: Option<String>,
    published: Vec<(u8, String)>,
    site: Option<String>,
    app_name: Option<String>,
    author: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    lang: Option<String>,
    ld_headline: Option<String>,
    ld_author: Option<String>,
    ld_publisher: Option<String>,
}

impl MetaScan {
    fn element(&mut self, node: NodeRef<'_, Node>, el: &scraper::node::Element) {
        match el.name() {
            "meta" => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let content = el.attr("content");
                match key.as_str() {
                    "og:title" | "twitter:title" if self.og_title.is_none() => {
                        self.og_title = non_empty(content)
                    }
                    "og:site_name" if self.site.is_none() => self.site = non_empty(content),
                    "application-name" if self.app_name.is_none() => {
                        self.app_name = non_empty(content)
                    }
                    "author" | "article:author" | "dc.creator" | "byl" if self.author.is_none() => {
                        self.author = non_empty(content).filter(|a| !a.starts_with("http"))
                    }
                    "og:url" if self.og_url.is_none() => self.og_url = non_empty(content),
                    "article:published_time" | "datepublished" => {
                        self.push_date(0, content);
                    }
                    "date" | "pubdate" | "publishdate" | "publish-date" | "dc.date.issued"
                    | "dc.date" | "sailthru.date" | "parsely-pub-date" | "og:published_time" => {
                        self.push_date(2, content);
                    }
                    _ => {}
                }
            }
            "link" => {
                let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && self.canonical.is_none() {
                    self.canonical = non_empty(el.attr("href"));
                }
            }
            "html" if self.lang.is_none() => {
                self.lang = el
                    .attr("lang")
                    .or_else(|| el.attr("xml:lang"))
                    .and_then(|l| l.split(['-', '_']).next())
                    .map(|l| l.trim().to_ascii_lowercase())
                    .filter(|l| {
                        (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic())
                    });
            }
            "title" if self.title_tag.is_none() => {
                self.title_tag = Some(text_of(node)).filter(|t| !t.is_empty())
            }
            "h1" if self.h1.is_none() => self.h1 = Some(text_of(node)).filter(|t| !t.is_empty()),
            "h2" if self.h2.is_none() => self.h2 = Some(text_of(node)).filter(|t| !t.is_empty()),
            "time" => self.push_date(3, el.attr("datetime")),
            "script"
                if el
                    .attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                let raw: String = node
                    .children()
                    .filter_map(|c| match c.value() {
                        Node::Text(t) => Some(&**t),
                        _ => None,
                    })
                    .collect();
                if let Ok(v) = serde_json::from_str::<Value>(raw.trim()) {
                    self.json_ld(&v);
                }
            }
            _ => {}
        }
    }

    fn push_date(&mut self, rank: u8, s: Option<&str>) {
        if let Some(d) = s.and_then(dates::normalise_meta_date) {
            self.published.push((rank, d));
        }
    }

    /// Walk a JSON-LD value (explicit stack) for article fields.
    fn json_ld(&mut self, v: &Value) {
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(a) => stack.extend(a.iter()),
                Value::Object(o) => {
                    let ty = o.get("@type").map(|t| t.to_string()).unwrap_or_default();
                    let articleish = ty.contains("Article")
                        || ty.contains("BlogPosting")
                        || ty.contains("Report");
                    if articleish || o.contains_key("datePublished") {
                        if let Some(d) = o.get("datePublished").and_then(Value::as_str) {
                            self.push_date(1, Some(d));
                        }
                        if self.ld_headline.is_none() {
                            self.ld_headline = non_empty(o.get("headline").and_then(Value::as_str));
                        }
                        if self.ld_author.is_none() {
                            self.ld_author = o.get("author").and_then(names_of);
                        }
                        if self.ld_publisher.is_none() {
                            self.ld_publisher = o.get("publisher").and_then(names_of);
                        }
                    }
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                }
                _ => {}
            }
        }
    }

    fn finish(self) -> Metadata {
        let site = self
            .site
            .clone()
            .or(self.ld_publisher.clone())
            .or(self.app_name.clone());
        let title = self
            .og_title
            .as_deref()
            .or(self.ld_headline.as_deref())
            .map(|t| strip_site_suffix(t, site.as_deref()))
            .or(self.h1.clone())
            .or_else(|| {
                self.title_tag
                    .as_deref()
                    .map(|t| strip_site_suffix(t, site.as_deref()))
            })
            .or(self.h2.clone())
            .filter(|t| !t.is_empty());
        let mut published = self.published;
        published.sort_by_key(|(r, _)| *r);
        Metadata {
            title,
            published: published.into_iter().next().map(|(_, d)| d),
            outlet: site,
            author: self.author.or(self.ld_author),
            url: self.canonical.or(self.og_url),
            lang: self.lang,
        }
    }
}

/// `"X"`, `{"name": "X"}` or a list of those → "X, Y".
fn names_of(v: &Value) -> Option<String> {
    let mut names = Vec::new();
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    for it in items {
        match it {
            Value::String(s) => names.push(s.clone()),
            Value::Object(o) => {
                if let Some(n) = o.get("name").and_then(Value::as_str) {
                    names.push(n.to_string());
                }
            }
            _ => {}
        }
    }
    let joined = collapse_ws(&names.join(", "));
    (!joined.is_empty()).then_some(joined)
}

struct Open {
    id: NodeId,
    junk: bool,
    scoring: bool,
    p_text: usize,
    own_text: usize,
    commas: usize,
}

/// Parse `html` and extract its metadata and candidate paragraphs, within the default
/// [`Budget`].
pub fn extract(html: &str) -> Extracted {
    extract_with(html, &Budget::default())
}

/// [`extract`] within a given [`Budget`].
pub fn extract_with(html: &str, budget: &Budget) -> Extracted {
    let mut truncated = Vec::new();
    let doc = parse(html, budget, &mut truncated);
    let root = doc.tree.root();
    let mut meta = MetaScan::default();

    // Pass 1: metadata and container scores.
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut best_body: Option<(usize, NodeId)> = None;
    let mut best_article: Option<(usize, NodeId)> = None;
    let mut body_id: Option<NodeId> = None;
    let mut open: Vec<Open> = Vec::new();
    let mut stack: Vec<(NodeRef<'_, Node>, bool)> = vec![(root, false)];
    while let Some((node, exiting)) = stack.pop() {
        if exiting {
            let Some(o) = open.pop() else { continue };
            if o.scoring && o.own_text >= 25 {
                let s = 1.0 + o.commas as f64 + (o.own_text as f64 / 100.0).min(3.0);
                let n = open.len();
                if n >= 1 {
                    *scores.entry(open[n - 1].id).or_default() += s;
                }
                if n >= 2 {
                    *scores.entry(open[n - 2].id).or_default() += s / 2.0;
                }
            }
            let p_text = o.p_text + if o.scoring { o.own_text } else { 0 };
            if let Some(parent) = open.last_mut() {
                parent.p_text += p_text;
            }
            if let Node::Element(el) = node.value() {
                let is_body = el.attr("itemprop").is_some_and(|v| {
                    v.split_whitespace()
                        .any(|x| x.eq_ignore_ascii_case("articleBody"))
                });
                let is_article =
                    matches!(el.name(), "article" | "main") || el.attr("role") == Some("main");
                if is_body && best_body.is_none_or(|(n, _)| p_text > n) {
                    best_body = Some((p_text, o.id));
                }
                if is_article && best_article.is_none_or(|(n, _)| p_text > n) {
                    best_article = Some((p_text, o.id));
                }
            }
            continue;
        }
        match node.value() {
            Node::Element(el) => {
                meta.element(node, el);
                if el.name() == "body" && body_id.is_none() {
                    body_id = Some(node.id());
                }
                let parent_junk = open.last().is_some_and(|o| o.junk);
                let junk = parent_junk || is_junk_element(el);
                let scoring = !junk && matches!(el.name(), "p" | "pre" | "td");
                open.push(Open {
                    id: node.id(),
                    junk,
                    scoring,
                    p_text: 0,
                    own_text: 0,
                    commas: 0,
                });
                stack.push((node, true));
                let kids: Vec<_> = node.children().collect();
                stack.extend(kids.into_iter().rev().map(|k| (k, false)));
            }
            Node::Text(t) => {
                // Credit the text to the innermost scoring block, if any is open.
                if let Some(o) = open.iter_mut().rev().take(8).find(|o| o.scoring) {
                    o.own_text += t.chars().filter(|c| !c.is_whitespace()).count();
                    o.commas += t.matches([',', '，']).count();
                }
            }
            Node::Document | Node::Fragment => {
                stack.extend(
                    node.children()
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .map(|k| (k, false)),
                );
            }
            _ => {}
        }
    }

    const MIN_TEXT: usize = 140;
    let main_id = best_body
        .filter(|(n, _)| *n >= MIN_TEXT)
        .or(best_article.filter(|(n, _)| *n >= MIN_TEXT))
        .map(|(_, id)| id)
        .or_else(|| {
            scores
                .iter()
                .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(id, _)| *id)
        })
        .or(body_id);
    let main = main_id.and_then(|id| doc.tree.get(id)).unwrap_or(root);

    let (paragraphs, total_paragraphs) = emit(main, budget.max_paragraphs);
    Extracted {
        metadata: meta.finish(),
        paragraphs,
        total_paragraphs,
        truncated,
    }
}

/// Pass 2: one paragraph per block under `main`, boilerplate subtrees skipped. At most
/// `max` paragraphs are built; the others are only counted. Returns the paragraphs and
/// the count.
fn emit(main: NodeRef<'_, Node>, max: usize) -> (Vec<Para>, usize) {
    let mut out = Vec::new();
    let mut count = 0usize;
    let mut buf = String::new();
    let mut link_chars = 0usize;
    let mut in_link = 0usize;
    let mut flush = |buf: &mut String, link_chars: &mut usize, out: &mut Vec<Para>| {
        if out.len() >= max {
            // Over the budget: count the paragraph, build nothing.
            count += usize::from(!is_blank(buf));
        } else {
            let text = collapse_ws(buf);
            if !text.is_empty() {
                let total = text.chars().filter(|c| !c.is_whitespace()).count().max(1);
                let mut p = Para::new(text, true);
                p.link_density = (*link_chars as f32 / total as f32).min(1.0);
                out.push(p);
                count += 1;
            }
        }
        buf.clear();
        *link_chars = 0;
    };
    let mut stack: Vec<(NodeRef<'_, Node>, bool)> = vec![(main, false)];
    while let Some((node, exiting)) = stack.pop() {
        match node.value() {
            Node::Element(el) => {
                let name = el.name();
                let block = BLOCK_TAGS.contains(&name);
                if exiting {
                    if name == "a" {
                        in_link = in_link.saturating_sub(1);
                    }
                    if block {
                        flush(&mut buf, &mut link_chars, &mut out);
                    } else if matches!(name, "td" | "th") {
                        buf.push(' ');
                    }
                    continue;
                }
                if node.id() != main.id() && is_junk_element(el) {
                    continue;
                }
                if block {
                    flush(&mut buf, &mut link_chars, &mut out);
                }
                if name == "a" {
                    in_link += 1;
                }
                stack.push((node, true));
                let kids: Vec<_> = node.children().collect();
                stack.extend(kids.into_iter().rev().map(|k| (k, false)));
            }
            Node::Text(t) if !exiting => {
                if in_link > 0 {
                    link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                }
                buf.push_str(t);
            }
            Node::Document | Node::Fragment if !exiting => {
                let kids: Vec<_> = node.children().collect();
                stack.extend(kids.into_iter().rev().map(|k| (k, false)));
            }
            _ => {}
        }
    }
    flush(&mut buf, &mut link_chars, &mut out);
    (out, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_metadata() {
        let h = r#"<html lang="en-GB"><head><title>Truce holds | The Paper</title>
<meta property="og:site_name" content="The Paper">
<meta property="article:published_time" content="2016-09-13T10:00:00Z">
<meta name="author" content="Jane Roe">
<link rel="canonical" href="https://paper.example/truce">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2016-09-12","author":[{"name":"A"},{"name":"B"}]}</script>
</head><body><h1>Truce holds</h1><p>Text.</p></body></html>"#;
        let m = extract(h).metadata;
        assert_eq!(m.title.as_deref(), Some("Truce holds"));
        assert_eq!(m.published.as_deref(), Some("2016-09-13"));
        assert_eq!(m.outlet.as_deref(), Some("The Paper"));
        assert_eq!(m.author.as_deref(), Some("Jane Roe"));
        assert_eq!(m.url.as_deref(), Some("https://paper.example/truce"));
        assert_eq!(m.lang.as_deref(), Some("en"));
    }

    #[test]
    fn json_ld_fills_gaps() {
        let h = r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Cessez-le-feu à Alep","datePublished":"2016-10-20T08:00:00+03:00","author":{"name":"AFP"},"publisher":{"name":"Le Journal"}}]}</script><p>x</p>"#;
        let m = extract(h).metadata;
        assert_eq!(m.title.as_deref(), Some("Cessez-le-feu à Alep"));
        assert_eq!(m.published.as_deref(), Some("2016-10-20"));
        assert_eq!(m.author.as_deref(), Some("AFP"));
        assert_eq!(m.outlet.as_deref(), Some("Le Journal"));
    }

    #[test]
    fn strips_site_suffix() {
        assert_eq!(strip_site_suffix("Truce holds | Site", None), "Truce holds");
        assert_eq!(
            strip_site_suffix("Truce holds - The Paper", Some("the paper")),
            "Truce holds"
        );
        assert_eq!(
            strip_site_suffix("Syrie - la trêve tient", None),
            "Syrie - la trêve tient"
        );
    }

    #[test]
    fn picks_article_and_skips_boilerplate() {
        let body = "The ceasefire brokered by Russia and the United States held overnight, monitors said, with only isolated incidents reported.";
        let h = format!(
            r#"<body><nav><ul><li><a href="/">Home</a></li></ul></nav>
<div class="sidebar"><p>{body} sidebar copy, with commas, many, many.</p></div>
<article><h1>Title</h1><div class="share-tools">Share on Facebook</div>
<p>{body}</p><figure><img alt="x"><figcaption>A caption. Photograph: AFP</figcaption></figure>
<h2>Aid convoys</h2><ul><li>First item</li></ul><p>Second <a href="/x">paragraph</a> here.</p>
<div class="comments"><p>Great article!</p></div></article>
<footer>© The Paper</footer></body>"#
        );
        let ps: Vec<String> = extract(&h).paragraphs.into_iter().map(|p| p.text).collect();
        assert_eq!(
            ps,
            vec![
                "Title",
                body,
                "Aid convoys",
                "First item",
                "Second paragraph here."
            ]
        );
    }

    #[test]
    fn scores_containers_without_article() {
        let p = "Les combats ont repris à Alep, selon l'OSDH, malgré la trêve, et des raids ont frappé l'est de la ville.";
        let h = format!(
            r#"<body><div id="menu"><a href="/">Accueil</a> <a href="/a">Monde</a></div>
<div class="single"><h2>Titre</h2><p>{p}</p><p>{p} Encore.</p></div>
<div id="links"><a href="/1">Un lien</a></div></body>"#
        );
        let e = extract(&h);
        let ps: Vec<&str> = e.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(ps[0], "Titre");
        assert_eq!(ps.len(), 3);
        assert_eq!(e.metadata.title.as_deref(), Some("Titre"));
    }

    #[test]
    fn measures_link_density() {
        let e = extract(
            r#"<body><p><a href="/a">All of this is a link</a></p><p>None of this is</p></body>"#,
        );
        assert!(e.paragraphs[0].link_density > 0.9);
        assert!(e.paragraphs[1].link_density < 0.01);
    }

    #[test]
    fn budget_cuts_bytes_and_paragraphs() {
        let p = "<p>Les combats ont repris près d'Alep, selon l'OSDH.</p>";
        let h = format!("<html><body>{}</body></html>", p.repeat(50));
        let e = extract(&h);
        assert_eq!((e.paragraphs.len(), e.total_paragraphs), (50, 50));
        assert!(e.truncated.is_empty());

        // Paragraphs beyond the budget are counted, not built.
        let few = Budget {
            max_paragraphs: 3,
            ..Budget::default()
        };
        let e = extract_with(&h, &few);
        assert_eq!((e.paragraphs.len(), e.total_paragraphs), (3, 50));
        assert!(e.truncated.is_empty());

        // Bytes beyond the budget are not parsed; the cut falls on a tag start.
        let small = Budget {
            max_bytes: 12 + 10 * p.len() + 20,
            ..Budget::default()
        };
        let e = extract_with(&h, &small);
        assert_eq!(e.paragraphs.len(), 10);
        assert!(e.paragraphs.iter().all(|x| x.text.ends_with("l'OSDH.")));
        assert!(
            e.truncated[0].contains("only the first"),
            "{:?}",
            e.truncated
        );

        // No work allowed: parsing stops after the first chunk.
        let none = Budget {
            parse_work: 0,
            ..Budget::default()
        };
        let big = format!("<html><body>{}</body></html>", p.repeat(2_000));
        let e = extract_with(&big, &none);
        assert!(e.truncated[0].contains("time budget"), "{:?}", e.truncated);
        assert!(e.total_paragraphs > 0 && e.total_paragraphs < 2_000);
    }

    #[test]
    fn chunked_parsing_matches_one_shot_parsing() {
        // Chunk boundaries fall inside tags, entities, CRLF pairs and multi-byte chars.
        let unit = "<p class=\"a\">Trêve à Alep &amp; Homs\r\n« citation »</p><!-- c --><script>var x = '<p>';</script>";
        let h = unit.repeat(3 * PARSE_CHUNK / unit.len() + 7);
        let one = Html::parse_document(&h);
        let mut notes = Vec::new();
        let chunked = parse(&h, &Budget::default(), &mut notes);
        assert!(notes.is_empty());
        assert_eq!(one.html(), chunked.html());
    }
}
