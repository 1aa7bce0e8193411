//! Running the binary and reading what it prints.

use serde_json::Value;
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The `truce` executable built by Cargo for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_truce");

/// What one run of the binary printed, and how it exited.
pub struct Run {
    /// The command line, for failure messages.
    pub cmd: String,
    /// Exit status; `None` when killed by a signal (a crash).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Run `truce ARGS` in `dir` (so that relative paths, and therefore the
/// origins in diagnostics, are short and predictable), with no standard input.
pub fn truce<I, S>(dir: &Path, args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    run(dir, args, None)
}

/// Run `truce ARGS` in `dir` with `input` on standard input.
pub fn truce_stdin<I, S>(dir: &Path, args: I, input: &[u8]) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    run(dir, args, Some(input))
}

fn run<I, S>(dir: &Path, args: I, input: Option<&[u8]>) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let args: Vec<_> = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
    let cmd = format!(
        "truce {}",
        args.iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    );
    let mut child = Command::new(BIN)
        .args(&args)
        .current_dir(dir)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {BIN}: {e}"));
    // Feed standard input from a thread so that a large input cannot
    // deadlock against a full stdout pipe.
    let feeder = match (input, child.stdin.take()) {
        (Some(bytes), Some(mut pipe)) => {
            let bytes = bytes.to_vec();
            Some(std::thread::spawn(move || {
                // The binary may stop reading early (e.g. on binary data): a
                // broken pipe here is not a test failure.
                let _ = pipe.write_all(&bytes);
            }))
        }
        _ => None,
    };
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("waiting for `{cmd}`: {e}"));
    if let Some(f) = feeder {
        f.join().expect("stdin feeder thread panicked");
    }
    let stdout = String::from_utf8(out.stdout)
        .unwrap_or_else(|e| panic!("`{cmd}` wrote invalid UTF-8 on stdout: {e}"));
    let stderr = String::from_utf8(out.stderr)
        .unwrap_or_else(|e| panic!("`{cmd}` wrote invalid UTF-8 on stderr: {e}"));
    Run {
        cmd,
        code: out.status.code(),
        stdout,
        stderr,
    }
}

impl Run {
    /// Everything about the run, for assertion messages.
    pub fn dump(&self) -> String {
        format!(
            "`{}` exited with {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.cmd,
            self.code,
            clip(&self.stdout, 4000),
            clip(&self.stderr, 4000)
        )
    }

    /// Assert the exit status (and that the process was not killed).
    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(self.code, Some(code), "{}", self.dump());
        assert!(
            !self.stderr.contains("panicked"),
            "the binary panicked:\n{}",
            self.dump()
        );
        self
    }

    /// Standard output as JSON values, one a line; panics on a line that is
    /// not JSON.
    #[track_caller]
    pub fn json_lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                serde_json::from_str(l).unwrap_or_else(|e| {
                    panic!("stdout line is not JSON ({e}): {l}\n{}", self.dump())
                })
            })
            .collect()
    }

    /// The diagnostic lines on standard error (`truce: …`).
    pub fn diagnostics(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.starts_with("truce: "))
            .collect()
    }

    /// Assert that some diagnostic line starts with `truce: {origin}: ` and
    /// contains `reason`.
    #[track_caller]
    pub fn assert_reported(&self, origin: &str, reason: &str) -> &Self {
        let prefix = format!("truce: {origin}: ");
        assert!(
            self.diagnostics()
                .iter()
                .any(|l| l.starts_with(&prefix) && l[prefix.len()..].contains(reason)),
            "expected a diagnostic `{prefix}…{reason}…`\n{}",
            self.dump()
        );
        self
    }

    /// Assert that no diagnostic names `origin`.
    #[track_caller]
    pub fn assert_not_reported(&self, origin: &str) -> &Self {
        let prefix = format!("truce: {origin}");
        assert!(
            !self.diagnostics().iter().any(|l| l.starts_with(&prefix)),
            "unexpected diagnostic about {origin}\n{}",
            self.dump()
        );
        self
    }
}

fn clip(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut end = n;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Write `bytes` to `dir/name` (creating parent directories) and return the path.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("creating fixture directory");
    }
    std::fs::write(&path, bytes).expect("writing fixture");
    path
}

/// A fresh temporary directory.
pub fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("creating a temporary directory")
}

/// `bytes` as a gzip member with stored (uncompressed) deflate blocks: a
/// valid `.gz` file for the reader, made without a compression crate or a
/// `gzip` executable.
pub fn gzip_stored(bytes: &[u8]) -> Vec<u8> {
    // RFC 1952 header: magic, CM=8 (deflate), no flags, mtime 0, XFL 0, OS 255.
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    // RFC 1951 stored blocks of at most 65,535 bytes.
    let mut chunks = bytes.chunks(65_535).peekable();
    if chunks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    while let Some(chunk) = chunks.next() {
        let last = chunks.peek().is_none();
        out.push(u8::from(last));
        let len = chunk.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    out.extend_from_slice(&crc32(bytes).to_le_bytes());
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out
}

/// CRC-32 (IEEE), bitwise: fixtures are small.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Encode `text` in Windows-1252, as an old French CMS would have saved it.
/// Panics on a character that Windows-1252 cannot represent (a fixture bug).
pub fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '€' => 0x80,
            '‚' => 0x82,
            '„' => 0x84,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '–' => 0x96,
            '—' => 0x97,
            'œ' => 0x9C,
            'Œ' => 0x8C,
            c if (c as u32) < 0x80 || (0xA0..0x100).contains(&(c as u32)) => c as u32 as u8,
            c => panic!("{c:?} is not in Windows-1252"),
        })
        .collect()
}

/// Events printed by `extract --format jsonl` whose type is `kind`.
pub fn of_type<'a>(events: &'a [Value], kind: &str) -> Vec<&'a Value> {
    events.iter().filter(|e| e["type"] == kind).collect()
}

/// The `doc` of every line, in output order.
pub fn docs(lines: &[Value]) -> Vec<String> {
    lines
        .iter()
        .map(|v| v["doc"].as_str().unwrap_or("<no doc>").to_string())
        .collect()
}

/// `docs` with consecutive repeats collapsed: the order documents appear in.
pub fn doc_order(lines: &[Value]) -> Vec<String> {
    let mut out = docs(lines);
    out.dedup();
    out
}

/// Where `../shared` is, if it exists (it is absent in a fresh clone).
pub fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    p.is_dir().then_some(p)
}
