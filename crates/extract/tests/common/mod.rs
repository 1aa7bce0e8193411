//! Helpers shared by the integration tests: building a `CleanDoc` from plain
//! text the way the cleaning stage lays it out, and rendering events as one
//! readable line each.

#![allow(dead_code)] // each test binary uses a different subset

use truce_model::{CleanDoc, Event, Span};

/// Trim a byte span of `text` to its non-whitespace content.
fn trimmed(text: &str, start: usize, end: usize) -> Span {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    Span::new(start + lead, end - trail)
}

/// Build a `CleanDoc` from a text file's content.
///
/// Every non-empty line is a paragraph. The first line is the title when a
/// blank line follows it; it is then not a paragraph. The body runs from the
/// first paragraph to the end of the last one.
pub fn clean_doc(id: &str, text: &str, lang: Option<&str>, published: Option<&str>) -> CleanDoc {
    let mut lines: Vec<(Span, bool)> = Vec::new(); // (trimmed span, blank)
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            let sp = trimmed(text, start, i);
            lines.push((sp, sp.is_empty()));
            start = i + 1;
        }
    }
    if start < text.len() {
        let sp = trimmed(text, start, text.len());
        lines.push((sp, sp.is_empty()));
    }
    let title = match lines.as_slice() {
        [(first, false), (_, true), ..] => Some(*first),
        _ => None,
    };
    let paragraphs: Vec<Span> = lines
        .iter()
        .filter(|(sp, blank)| !blank && Some(*sp) != title)
        .map(|(sp, _)| *sp)
        .collect();
    let body = match (paragraphs.first(), paragraphs.last()) {
        (Some(a), Some(b)) => Span::new(a.start, b.end),
        _ => Span::new(text.len(), text.len()),
    };
    CleanDoc {
        id: id.to_string(),
        text: text.to_string(),
        title,
        body,
        paragraphs,
        lang: lang.map(str::to_string),
        published: published.map(str::to_string),
        url: None,
        outlet: None,
        author: None,
    }
}

/// One event as a line:
/// `TYPE[/mode] SRC -> TGT [@Place(CCC)] [date] [said_by=X] [neg] [hyp] «trigger»`,
/// with `-` for an actor the text does not give.
pub fn render(e: &Event) -> String {
    let mut s = e.kind.as_str().to_string();
    if let Some(m) = &e.mode {
        s.push('/');
        s.push_str(m);
    }
    s.push(' ');
    s.push_str(e.source.as_deref().unwrap_or("-"));
    s.push_str(" -> ");
    s.push_str(e.target.as_deref().unwrap_or("-"));
    if let Some(p) = &e.place {
        s.push_str(&format!(" @{}({})", p.name, p.country));
    }
    if let Some(d) = &e.date {
        s.push(' ');
        s.push_str(&d.value);
    }
    if let Some(b) = &e.said_by {
        s.push_str(" said_by=");
        s.push_str(b);
    }
    if e.negated {
        s.push_str(" [neg]");
    }
    if e.hypothetical {
        s.push_str(" [hyp]");
    }
    let trigger = e.span.as_ref().map_or("?", |ev| ev.trigger.as_str());
    s.push_str(&format!(" «{trigger}»"));
    s
}
