//! `truce eval`: its report must equal `../shared/gold/score.py`'s on the
//! same predictions, and it follows the exit-status contract.

use crate::fixtures::{AFP_ALEP, FR_STRIKE};
use crate::support::{shared, tmp, truce, write, Run};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// Whether `python3` can be run.
fn python3() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `../shared` when both it and python3 are there; `None` (with a message) otherwise.
fn shared_and_python() -> Option<std::path::PathBuf> {
    let Some(s) = shared() else {
        eprintln!("skipping: ../shared not found");
        return None;
    };
    if !python3() {
        eprintln!("skipping: python3 not found");
        return None;
    }
    Some(s)
}

fn score_py(shared: &Path, gold: &Path, events: &Path, clean: &Path, json: bool) -> String {
    let mut cmd = Command::new("python3");
    cmd.arg(shared.join("gold/score.py"))
        .arg("--gold")
        .arg(gold)
        .arg("--events")
        .arg(events)
        .arg("--clean")
        .arg(clean);
    if json {
        cmd.arg("--json");
    }
    let out = cmd.output().expect("running score.py");
    assert!(
        out.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("score.py output is UTF-8")
}

/// The scored lines of a text report: the `events:` line, the indented
/// field lines and the `clean:` line.
fn report_lines(report: &str) -> Vec<&str> {
    report
        .lines()
        .filter(|l| l.starts_with("events:") || l.starts_with("  ") || l.starts_with("clean:"))
        .collect()
}

/// Run `truce eval` and score.py on `inputs` against `gold` (paths relative
/// to `../shared`) and compare their reports, text and JSON.
fn agree(shared: &Path, gold: &str, inputs: &str) {
    let gold = shared.join(gold);
    let inputs = shared.join(inputs);
    if !gold.is_dir() || !inputs.exists() {
        eprintln!(
            "skipping: {} or {} not found",
            gold.display(),
            inputs.display()
        );
        return;
    }
    let d = tmp();
    let events = d.path().join("events.jsonl");
    let clean = d.path().join("clean.jsonl");

    let ours = truce(
        d.path(),
        [
            "eval".as_ref(),
            "--gold".as_ref(),
            gold.as_os_str(),
            "--events-out".as_ref(),
            events.as_os_str(),
            inputs.as_os_str(),
        ],
    );
    ours.assert_code(0);
    let cleaned = truce(
        d.path(),
        [
            "clean".as_ref(),
            "--format".as_ref(),
            "jsonl".as_ref(),
            inputs.as_os_str(),
        ],
    );
    cleaned.assert_code(0);
    std::fs::write(&clean, &cleaned.stdout).expect("writing clean.jsonl");

    let theirs = score_py(shared, &gold, &events, &clean, false);
    let (a, b) = (report_lines(&ours.stdout), report_lines(&theirs));
    assert!(
        a.first().is_some_and(|l| l.starts_with("events: P ")),
        "{}",
        ours.dump()
    );
    assert!(
        a.iter().any(|l| l.starts_with("  actor_full: ")),
        "{}",
        ours.dump()
    );
    assert!(
        a.iter().any(|l| l.starts_with("clean: ")),
        "{}",
        ours.dump()
    );
    assert_eq!(
        a,
        b,
        "truce eval and score.py disagree on {}",
        gold.display()
    );

    // the JSON reports are the same values too
    let ours_json = truce(
        d.path(),
        [
            "eval".as_ref(),
            "--json".as_ref(),
            "--gold".as_ref(),
            gold.as_os_str(),
            inputs.as_os_str(),
        ],
    );
    ours_json.assert_code(0);
    let a: Value = serde_json::from_str(&ours_json.stdout).expect("eval --json is JSON");
    let b: Value = serde_json::from_str(&score_py(shared, &gold, &events, &clean, true))
        .expect("score.py --json");
    assert_eq!(a, b, "JSON reports differ on {}", gold.display());
}

#[test]
fn eval_agrees_with_score_py_on_seeds() {
    if let Some(s) = shared_and_python() {
        agree(&s, "gold/seeds", "seeds");
    }
}

#[test]
fn eval_agrees_with_score_py_on_dev() {
    if let Some(s) = shared_and_python() {
        agree(&s, "gold/dev", "dev/articles.jsonl");
    }
}

#[test]
fn eval_agrees_with_score_py_on_dev_html() {
    if let Some(s) = shared_and_python() {
        agree(&s, "gold/dev-html", "data/html");
    }
}

/// A gold file for `AFP_ALEP` saved as `afp.txt`: one event the text states
/// plainly, and cleaning expectations.
fn write_gold(dir: &Path) {
    let gold = serde_json::json!({
        "doc": "afp",
        "lang": "fr",
        "clean": {
            "title": "Syrie : l'armée bombarde Alep, Moscou accuse les rebelles de saboter la trêve",
            "must_keep": ["Moscou a de son côté accusé les rebelles"],
            "must_drop": ["Suivez l'AFP sur Telegram", "Lire aussi"],
            "body_chars": 620
        },
        "events": [
            {"type": "REQUEST", "source": "USA/GOV", "target": "RUS/GOV", "place": null,
             "date": null, "said_by": null, "negated": false, "hypothetical": false}
        ]
    });
    write(dir, "gold/afp.json", gold.to_string());
    write(dir, "afp.txt", AFP_ALEP);
}

fn eval_json(r: &Run) -> Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.dump()))
}

#[test]
fn eval_scores_a_small_gold_set() {
    let d = tmp();
    write_gold(d.path());
    let r = truce(
        d.path(),
        [
            "eval",
            "--json",
            "--gold",
            "gold",
            "--events-out",
            "ev.jsonl",
            "afp.txt",
        ],
    );
    r.assert_code(0);
    let rep = eval_json(&r);
    assert_eq!(rep["documents"], 1);
    assert_eq!(rep["events"]["tp"], 1, "{rep:#}");
    assert_eq!(rep["events"]["fn"], 0, "{rep:#}");
    assert_eq!(rep["events"]["recall"], 1.0, "{rep:#}");
    assert_eq!(rep["clean"]["kept"], 1.0, "{rep:#}");
    assert_eq!(rep["clean"]["dropped"], 1.0, "{rep:#}");
    assert_eq!(rep["clean"]["title"], 1.0, "{rep:#}");
    assert_eq!(rep["clean"]["missing_docs"], 0, "{rep:#}");
    // --events-out holds what `extract` prints
    let written = std::fs::read_to_string(d.path().join("ev.jsonl")).expect("events written");
    let extracted = truce(d.path(), ["extract", "afp.txt"]);
    let strip = |s: &str| -> Vec<Value> {
        s.lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .map(|mut v| {
                // `span` is extra detail; compare the SPEC fields
                if let Some(o) = v.as_object_mut() {
                    o.remove("span");
                }
                v
            })
            .collect()
    };
    assert_eq!(strip(&written), strip(&extracted.stdout));
    assert!(!written.is_empty());
}

#[test]
fn eval_with_a_bad_input_still_reports_and_exits_1() {
    let d = tmp();
    write_gold(d.path());
    write(d.path(), "empty.txt", "");
    let r = truce(d.path(), ["eval", "--gold", "gold", "afp.txt", "empty.txt"]);
    r.assert_code(1).assert_reported("empty.txt", "empty");
    assert!(r.stdout.starts_with("events: P "), "{}", r.dump());
}

#[test]
fn eval_without_gold_files_fails() {
    let d = tmp();
    write(d.path(), "good.txt", FR_STRIKE);
    std::fs::create_dir(d.path().join("nogold")).expect("mkdir");
    let r = truce(d.path(), ["eval", "--gold", "nogold", "good.txt"]);
    assert_eq!(r.code, Some(2), "{}", r.dump());
    assert!(r.stderr.contains("nogold"), "{}", r.dump());
}

#[test]
fn eval_min_f1_floor_fails_the_run() {
    let d = tmp();
    write_gold(d.path());
    // met: F1 is above zero on this document
    let ok = truce(
        d.path(),
        ["eval", "--gold", "gold", "--min-f1", "0.01", "afp.txt"],
    );
    ok.assert_code(0);
    // missed: no system reaches F1 above 1
    let low = truce(
        d.path(),
        ["eval", "--gold", "gold", "--min-f1", "1.01", "afp.txt"],
    );
    assert!(matches!(low.code, Some(c) if c != 0), "{}", low.dump());
    assert!(low.stderr.contains("below"), "{}", low.dump());
    assert!(
        low.stdout.starts_with("events: P "),
        "the report is still printed"
    );
}

/// `--min-f1` documents "Exit with status 3 when event F1 is below this
/// floor", so that CI can tell a quality regression from a crash or a bad
/// input; the binary exits 2 (every `run` error maps to 2 in `main`).
#[test]
#[ignore = "BUG in crates/cli/src/main.rs: --min-f1 exits 2, its help says 3"]
fn eval_min_f1_floor_exits_3() {
    let d = tmp();
    write_gold(d.path());
    let low = truce(
        d.path(),
        ["eval", "--gold", "gold", "--min-f1", "1.01", "afp.txt"],
    );
    assert_eq!(low.code, Some(3), "{}", low.dump());
}
