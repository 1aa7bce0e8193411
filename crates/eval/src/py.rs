//! Small re-implementations of the Python semantics the scoring rules rely on.
//!
//! The gold scorer is defined by a Python program, so "the same figures" means
//! the same string conversions (`str()`, `repr()`), the same notion of
//! whitespace, truthiness, rounding and float formatting. Each helper here
//! documents the Python behaviour it mirrors.

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// Python's truthiness of a JSON value: `None`, `False`, `0`, `0.0`, `""`,
/// `[]` and `{}` are false, everything else is true.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Truthiness of an optional field (`d.get(key)`: a missing key is `None`).
pub fn truthy_opt(v: Option<&Value>) -> bool {
    v.is_some_and(truthy)
}

/// Python's `str.isspace()` for one character.
///
/// This is Unicode `White_Space` (what Rust's `char::is_whitespace` tests)
/// plus the four information separators U+001C..U+001F, which Python counts
/// as whitespace because of their bidirectional class.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()` with no argument.
pub fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Python's `str(x)` for a value loaded by `json.loads`.
pub fn str_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => repr(other),
    }
}

/// Python's `repr(x)` for a value loaded by `json.loads`.
///
/// Objects are rendered in the order serde_json keeps their keys, which is
/// not necessarily the file's order (Python keeps the file's order).
pub fn repr(v: &Value) -> String {
    match v {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.to_string()
            } else if let Some(u) = n.as_u64() {
                u.to_string()
            } else {
                float_repr(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(s) => str_repr(s),
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(repr).collect();
            format!("[{}]", inner.join(", "))
        }
        Value::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", str_repr(k), repr(v)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
    }
}

/// Python's `repr()` of a string: single quotes unless the text holds a
/// single quote and no double quote; backslash escapes for the quote, the
/// backslash and non-printable characters.
///
/// Python's notion of "printable" needs the full Unicode category table; this
/// covers the control, format, separator and private-use characters met in
/// practice and treats every other character as printable.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let code = u32::from(c);
                if code < 0x100 {
                    out.push_str(&format!("\\x{code:02x}"));
                } else if code < 0x10000 {
                    out.push_str(&format!("\\u{code:04x}"));
                } else {
                    out.push_str(&format!("\\U{code:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// Approximation of Python's `str.isprintable()` for one character.
fn is_printable(c: char) -> bool {
    let code = u32::from(c);
    if c == ' ' {
        return true;
    }
    if c.is_control() || is_space(c) {
        return false;
    }
    !matches!(code,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F
        | 0xD800..=0xDFFF | 0xE000..=0xF8FF | 0xFEFF | 0xFFF9..=0xFFFB
        | 0xFFFE | 0xFFFF | 0xE0001 | 0xE0020..=0xE007F | 0xF0000..)
}

/// Python's `repr(float)`: the shortest digits that read back to the same
/// value, in fixed notation when the decimal exponent is in `-4..16`,
/// otherwise in exponent notation (`1e-05`, `1.5e+16`); `inf`, `-inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    // Rust's `{:e}` gives the shortest round-trip digits: "-1.2345e-7".
    let sci = format!("{x:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    if (-4..16).contains(&exp) {
        // Position of the decimal point relative to the start of `digits`.
        let point = exp + 1;
        let body = if point <= 0 {
            let zeros = usize::try_from(-point).unwrap_or(0);
            format!("0.{}{}", "0".repeat(zeros), digits)
        } else {
            let point = usize::try_from(point).unwrap_or(0);
            if digits.len() <= point {
                format!("{}{}.0", digits, "0".repeat(point - digits.len()))
            } else {
                format!("{}.{}", &digits[..point], &digits[point..])
            }
        };
        format!("{sign}{body}")
    } else {
        let mant = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{mant}e{esign}{:02}", exp.unsigned_abs())
    }
}

/// Python's `f"{x:.{prec}f}"`: the exact binary value correctly rounded to
/// `prec` decimals (ties, which only occur for exactly representable values,
/// go to the even digit). Rust's `{:.prec$}` does the same except for the
/// spelling of infinities and NaN.
pub fn format_fixed(x: f64, prec: usize) -> String {
    if x.is_nan() {
        "nan".to_owned()
    } else if x.is_infinite() {
        if x > 0.0 { "inf" } else { "-inf" }.to_owned()
    } else {
        format!("{x:.prec$}")
    }
}

/// Python's `round(x, ndigits)` for a float: the value correctly rounded to
/// `ndigits` decimals (half-even on the exact binary value), read back as the
/// nearest double. Going through the exact decimal string avoids the double
/// rounding of `(x * 10^n).round() / 10^n`.
pub fn round(x: f64, ndigits: usize) -> f64 {
    if !x.is_finite() {
        return x;
    }
    format!("{x:.ndigits$}").parse().unwrap_or(x)
}

/// Python's `float(x)` for a JSON value, or `None` where Python would raise.
///
/// Numbers convert (integers to the nearest double), booleans are 0 and 1,
/// strings are parsed after stripping whitespace (`"36.2"`, `"inf"`, `"nan"`,
/// digit-separating underscores as in `"1_000.5"`).
pub fn float_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::String(s) => parse_float(strip(s)),
        _ => None,
    }
}

fn parse_float(s: &str) -> Option<f64> {
    if s.contains('_') {
        // PEP 515: an underscore must sit between two digits.
        let chars: Vec<char> = s.chars().collect();
        let ok = chars.iter().enumerate().all(|(i, c)| {
            *c != '_'
                || (i > 0
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        });
        if !ok {
            return None;
        }
        return s.replace('_', "").parse().ok();
    }
    s.parse().ok()
}

/// Python's `float(x)` for a number-like value used in arithmetic
/// (`math.radians(x)`): numbers and booleans only, as Python raises
/// `TypeError` on strings there.
pub fn number_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        _ => None,
    }
}

/// The scorer's `fold()`: Unicode NFC, typographic apostrophe (U+2019) to
/// `'`, no-break space to space, runs of whitespace to one space, stripped,
/// lower-cased (full Unicode lower-casing with the final-sigma rule, like
/// Python's `str.lower()`).
pub fn fold(s: &str) -> String {
    let nfc: String = s
        .nfc()
        .map(|c| match c {
            '\u{2019}' => '\'',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    let mut collapsed = String::with_capacity(nfc.len());
    let mut in_space = false;
    for c in nfc.chars() {
        if is_space(c) {
            if !in_space {
                collapsed.push(' ');
            }
            in_space = true;
        } else {
            collapsed.push(c);
            in_space = false;
        }
    }
    strip(&collapsed).to_lowercase()
}

/// `fold(x)` where `x` is a loose JSON value: a string is folded, any falsy
/// value is `""` (Python's `s or ""`). Python raises on a truthy non-string;
/// it is taken as `""` here.
pub fn fold_value(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => fold(s),
        _ => String::new(),
    }
}

/// The scorer's `stem()`: `os.path.splitext(os.path.basename(doc))[0]`.
///
/// The base name is what follows the last `/`. The extension starts at the
/// last `.` unless every character before that dot is a dot too
/// (`.bashrc` and `..a` have no extension).
pub fn stem(doc: &str) -> &str {
    let base = match doc.rfind('/') {
        Some(i) => &doc[i + 1..],
        None => doc,
    };
    match base.rfind('.') {
        Some(dot) if base[..dot].chars().any(|c| c != '.') => &base[..dot],
        _ => base,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn truthiness_follows_python() {
        for v in [
            json!(null),
            json!(false),
            json!(0),
            json!(0.0),
            json!(""),
            json!([]),
            json!({}),
        ] {
            assert!(!truthy(&v), "{v} should be falsy");
        }
        for v in [
            json!(true),
            json!(1),
            json!(-0.5),
            json!(" "),
            json!([0]),
            json!({"a": null}),
        ] {
            assert!(truthy(&v), "{v} should be truthy");
        }
        assert!(!truthy_opt(None));
    }

    #[test]
    fn whitespace_includes_information_separators() {
        assert!(is_space('\u{1f}'));
        assert!(is_space('\u{3000}'));
        assert!(is_space('\u{85}'));
        assert!(!is_space('\u{200b}'));
        assert_eq!(strip("\u{1c} usa/gov\u{a0}\t"), "usa/gov");
    }

    #[test]
    fn str_matches_python() {
        assert_eq!(str_of(&json!(null)), "None");
        assert_eq!(str_of(&json!(true)), "True");
        assert_eq!(str_of(&json!(12)), "12");
        assert_eq!(str_of(&json!(-3)), "-3");
        assert_eq!(str_of(&json!(1.0)), "1.0");
        assert_eq!(str_of(&json!("RUS/MIL")), "RUS/MIL");
        assert_eq!(str_of(&json!(["a", 1, null])), "['a', 1, None]");
        assert_eq!(str_of(&json!({"k": "it's"})), "{'k': \"it's\"}");
        assert_eq!(str_repr("a\\b\n\u{0}\u{a0}é"), "'a\\\\b\\n\\x00\\xa0é'");
        assert_eq!(str_repr("both ' and \""), "'both \\' and \"'");
    }

    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (1.0, "1.0"),
            (0.8, "0.8"),
            (0.6667, "0.6667"),
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (123.0, "123.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1.5e-7, "1.5e-07"),
            (1.2345678901234568e17, "1.2345678901234568e+17"),
            (5e-324, "5e-324"),
            (f64::INFINITY, "inf"),
            (f64::NAN, "nan"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want, "repr({x:e})");
        }
    }

    #[test]
    fn fixed_formatting_rounds_the_binary_value() {
        // 0.25 and 36.25 are exact ties: half-even. -0.05 is slightly
        // below -0.05 in binary, so it rounds away from zero.
        assert_eq!(format_fixed(0.25, 1), "0.2");
        assert_eq!(format_fixed(0.75, 1), "0.8");
        assert_eq!(format_fixed(36.25, 1), "36.2");
        assert_eq!(format_fixed(-0.05, 1), "-0.1");
        assert_eq!(format_fixed(-0.04, 1), "-0.0");
        assert_eq!(format_fixed(1.05, 1), "1.1");
        assert_eq!(format_fixed(0.35, 1), "0.3");
        assert_eq!(format_fixed(0.7885, 3), "0.788");
        assert_eq!(format_fixed(f64::NEG_INFINITY, 1), "-inf");
        assert_eq!(format_fixed(f64::NAN, 1), "nan");
    }

    #[test]
    fn round_matches_python_round() {
        // Values checked against CPython 3.11's round(x, 4).
        assert_eq!(round(0.03125, 4), 0.0312);
        assert_eq!(round(0.78845, 4), 0.7884);
        assert_eq!(round(0.00005, 4), 0.0001);
        assert_eq!(round(1.00005, 4), 1.0001);
        assert_eq!(round(2.0 / 3.0, 4), 0.6667);
        assert_eq!(round(13.0 / 16.0, 4), 0.8125);
        assert_eq!(round(1.0, 4), 1.0);
        assert!(round(-0.0, 4).is_sign_negative());
    }

    #[test]
    fn float_of_accepts_what_python_float_accepts() {
        assert_eq!(float_of(&json!(36)), Some(36.0));
        assert_eq!(float_of(&json!(true)), Some(1.0));
        assert_eq!(float_of(&json!(" 36.25\n")), Some(36.25));
        assert_eq!(float_of(&json!("1_000.5")), Some(1000.5));
        assert_eq!(float_of(&json!("1__0")), None);
        assert_eq!(float_of(&json!("-Infinity")), Some(f64::NEG_INFINITY));
        assert_eq!(float_of(&json!("north")), None);
        assert_eq!(float_of(&json!(null)), None);
        assert_eq!(number_of(&json!("36.2")), None);
    }

    #[test]
    fn fold_normalises_like_the_scorer() {
        assert_eq!(
            fold("  L\u{2019}ARMÉE\u{a0}\u{a0}syrienne\n\t a "),
            "l'armée syrienne a"
        );
        // Decomposed e + combining acute composes to é before comparing.
        assert_eq!(fold("Alep Cafe\u{301}"), "alep café");
        // Final sigma, as Python's str.lower().
        assert_eq!(fold("ΟΔΟΣ ΣΑ"), "οδος σα");
        assert_eq!(fold("\u{1f}x\u{3000}y\u{1c}"), "x y");
        assert_eq!(fold(""), "");
        assert_eq!(fold_value(Some(&json!(null))), "");
        assert_eq!(fold_value(Some(&json!(" Titre "))), "titre");
        assert_eq!(fold_value(None), "");
    }

    #[test]
    fn stem_is_basename_without_last_extension() {
        assert_eq!(stem("000_50352e31ebac0b69.txt"), "000_50352e31ebac0b69");
        assert_eq!(stem("data/in/a.tar.gz"), "a.tar");
        assert_eq!(stem("plain"), "plain");
        assert_eq!(stem(".bashrc"), ".bashrc");
        assert_eq!(stem("..a"), "..a");
        assert_eq!(stem("a."), "a");
        assert_eq!(stem("...x.y"), "...x");
        assert_eq!(stem("dir/"), "");
        assert_eq!(stem(""), "");
    }
}
