//! Output formats: JSON Lines of events and cleaned documents, and a table for people.

use anyhow::Result;
use serde_json::{json, Value};
use std::io::Write;
use truce_model::Event;
use truce_pipeline::Processed;

/// One event a line, in the format of gold/SPEC.md plus `doc` and evidence.
pub fn write_events(out: &mut impl Write, p: &Processed) -> Result<()> {
    for e in &p.analysis.events {
        serde_json::to_writer(&mut *out, e)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// `{"doc", "title", "body", "lang", "published", "outlet", "author", "url"}`.
pub fn clean_value(p: &Processed) -> Value {
    let c = &p.clean;
    json!({
        "doc": c.id,
        "title": c.title_str(),
        "body": c.body_str(),
        "lang": c.lang,
        "published": c.published,
        "outlet": c.outlet,
        "author": c.author,
        "url": c.url,
    })
}

pub fn write_clean(out: &mut impl Write, p: &Processed) -> Result<()> {
    serde_json::to_writer(&mut *out, &clean_value(p))?;
    out.write_all(b"\n")?;
    Ok(())
}

/// `{"doc", "lang", "text", "annotations": [...]}` with byte spans into `text`.
pub fn write_annotations(out: &mut impl Write, p: &Processed) -> Result<()> {
    let v = json!({
        "doc": p.clean.id,
        "lang": p.analysis.lang,
        "text": p.clean.text,
        "annotations": p.analysis.annotations,
    });
    serde_json::to_writer(&mut *out, &v)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Plain text: a header line per document, then its title and body.
pub fn write_clean_text(out: &mut impl Write, p: &Processed) -> Result<()> {
    writeln!(out, "==> {} <==", p.clean.id)?;
    writeln!(out, "{}\n", p.clean.text)?;
    Ok(())
}

/// Rows of events, aligned when written.
#[derive(Default)]
pub struct Table {
    rows: Vec<[String; 9]>,
    docs: usize,
}

fn cell(s: Option<&str>) -> String {
    s.unwrap_or("–").to_string()
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

impl Table {
    pub fn add(&mut self, p: &Processed) {
        self.docs += 1;
        for e in &p.analysis.events {
            self.rows.push(row(e));
        }
    }

    pub fn write(&self, out: &mut impl Write) -> Result<()> {
        let header = [
            "doc",
            "type",
            "mode",
            "source",
            "target",
            "place",
            "date",
            "said_by",
            "flags / trigger",
        ]
        .map(String::from);
        let mut widths = header.clone().map(|h| h.chars().count());
        for r in &self.rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.chars().count());
            }
        }
        let line = |out: &mut dyn Write, r: &[String; 9]| -> std::io::Result<()> {
            let mut s = String::new();
            for (i, c) in r.iter().enumerate() {
                if i + 1 == r.len() {
                    s.push_str(c);
                } else {
                    let pad = widths[i] - c.chars().count();
                    s.push_str(c);
                    s.push_str(&" ".repeat(pad + 2));
                }
            }
            writeln!(out, "{}", s.trim_end())
        };
        line(out, &header)?;
        for r in &self.rows {
            line(out, r)?;
        }
        writeln!(
            out,
            "\n{} events in {} documents",
            self.rows.len(),
            self.docs
        )?;
        Ok(())
    }
}

fn row(e: &Event) -> [String; 9] {
    let mut flags = Vec::new();
    if e.negated {
        flags.push("NEG");
    }
    if e.hypothetical {
        flags.push("HYP");
    }
    let trigger = e.span.as_ref().map(|s| s.trigger.as_str()).unwrap_or("");
    let flags = if flags.is_empty() {
        format!("«{}»", clip(trigger, 30))
    } else {
        format!("{} «{}»", flags.join(","), clip(trigger, 30))
    };
    [
        clip(&e.doc, 24),
        e.kind.as_str().to_string(),
        cell(e.mode.as_deref()),
        cell(e.source.as_deref()),
        cell(e.target.as_deref()),
        clip(
            &e.place
                .as_ref()
                .map(|p| p.name.clone())
                .unwrap_or_else(|| "–".into()),
            20,
        ),
        cell(e.date.as_ref().map(|d| d.value.as_str())),
        cell(e.said_by.as_deref()),
        flags,
    ]
}
