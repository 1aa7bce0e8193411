//! Golden tests: each input under `tests/fixtures/` (`.txt` plain text, `.html` a page) is
//! cleaned and rendered; the rendering must equal `<input>.expected` exactly.
//! Run with `UPDATE_EXPECT=1` to (re)write the expected files after a deliberate change.

use std::path::{Path, PathBuf};
use truce_clean::Cleaner;
use truce_model::{CleanDoc, Diagnostic, RawContent, RawDoc};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A readable rendering of a cleaning result.
fn render(doc: &CleanDoc, diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    let field =
        |name: &str, v: &Option<String>| format!("{name}: {}\n", v.as_deref().unwrap_or("-"));
    out.push_str(&format!("title: {}\n", doc.title_str().unwrap_or("-")));
    out.push_str(&field("published", &doc.published));
    out.push_str(&field("url", &doc.url));
    out.push_str(&field("outlet", &doc.outlet));
    out.push_str(&field("author", &doc.author));
    out.push_str(&field("lang", &doc.lang));
    for d in diags {
        out.push_str(&format!("diagnostic: {}\n", d.message));
    }
    out.push_str("--- body\n");
    for p in &doc.paragraphs {
        out.push_str(p.slice(&doc.text));
        out.push_str("\n\n");
    }
    out
}

fn check(cleaner: &Cleaner, input: &Path) -> Result<(), String> {
    let raw_text = std::fs::read_to_string(input).map_err(|e| e.to_string())?;
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut raw = RawDoc::text(stem, raw_text.clone());
    if input.extension().is_some_and(|e| e == "html") {
        raw.content = RawContent::Html(raw_text);
    }
    let (doc, diags) = cleaner.clean(&raw);

    // Structural invariants hold for every fixture.
    let body = doc.body_str();
    let joined: Vec<&str> = doc.paragraphs.iter().map(|p| p.slice(&doc.text)).collect();
    assert_eq!(
        joined.join("\n\n"),
        body,
        "{}: paragraphs tile the body",
        input.display()
    );
    if let Some(t) = doc.title_str() {
        assert_eq!(doc.text, format!("{t}\n\n{body}"));
    }

    let actual = render(&doc, &diags);
    let expected_path = PathBuf::from(format!("{}.expected", input.display()));
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&expected_path, &actual).map_err(|e| e.to_string())?;
        return Ok(());
    }
    let expected = std::fs::read_to_string(&expected_path).map_err(|e| {
        format!(
            "{}: {e} (run with UPDATE_EXPECT=1 to create it)",
            expected_path.display()
        )
    })?;
    if expected != actual {
        return Err(format!(
            "{} differs from {}\n--- expected\n{expected}\n--- actual\n{actual}",
            input.display(),
            expected_path.display()
        ));
    }
    Ok(())
}

#[test]
fn fixtures_match_expected_output() {
    let cleaner = Cleaner::new();
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 6, "expected at least six fixtures");
    let failures: Vec<String> = inputs
        .iter()
        .filter_map(|p| check(&cleaner, p).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
