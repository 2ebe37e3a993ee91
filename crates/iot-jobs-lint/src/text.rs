//! Text that echoes the user's input in messages: one escaping function for values, member
//! names, cron tokens and pointers, and the quoting helpers built on it.

/// Longest echo of a user value in a message, in code points.
const MAX_ECHO: usize = 60;

/// Whether `c` must not reach a terminal or a one-line message raw: control characters (C0, DEL,
/// C1), format characters including the bidirectional overrides and isolates, line and paragraph
/// separators, private-use, surrogate and unassigned code points.
pub fn is_unsafe(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    matches!(c, '\u{2028}' | '\u{2029}') || crate::unicode::is_other(c)
}

/// Writes `s` with every unsafe character (see [`is_unsafe`]) escaped as `\u{…}` and `"`, `'`
/// and `\` escaped as in Rust, cut after `max` code points with `…`.
fn escape_into(out: &mut String, s: &str, max: usize) {
    // The usual value: short, printable ASCII, no quote or backslash. Copied as it is.
    let plain = printable_ascii_prefix(s);
    if plain == s.len() && s.len() <= max && !s.bytes().any(|b| matches!(b, b'"' | b'\'' | b'\\')) {
        out.push_str(s);
        return;
    }
    for (n, c) in s.chars().enumerate() {
        if n == max {
            out.push('…');
            break;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '"' => out.push_str("\\\""),
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            c if is_unsafe(c) => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
}

/// A string made safe for a one-line message: unsafe characters and quotes escaped, cut after
/// 60 code points with `…`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(4 * MAX_ECHO));
    escape_into(&mut out, s, MAX_ECHO);
    out
}

/// Like [`escape`] without the length limit (pointers, file names).
pub fn escape_all(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s, usize::MAX);
    out
}

/// Text for a terminal or a one-line report, with only the unsafe characters (see [`is_unsafe`])
/// escaped as `\u{…}`: quotes and backslashes stay as they are, so an already-composed message
/// reads the same. Borrowed when nothing needs escaping (the usual case).
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    // Printable ASCII (most of any message) is safe byte by byte; only the rest is decoded and
    // looked up.
    let ascii = printable_ascii_prefix(s);
    if !s.get(ascii..).unwrap_or_default().chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The length of the longest prefix of `s` in printable ASCII (0x20 to 0x7E), tested 16 bytes at
/// a time (a loop without early exit, which the compiler vectorises), then byte by byte.
fn printable_ascii_prefix(s: &str) -> usize {
    let b = s.as_bytes();
    let mut at = 0;
    for chunk in b.chunks_exact(16) {
        if !chunk
            .iter()
            .fold(true, |ok, &c| ok & (0x20..0x7f).contains(&c))
        {
            break;
        }
        at += 16;
    }
    at + b
        .get(at..)
        .unwrap_or_default()
        .iter()
        .position(|c| !(0x20..0x7f).contains(c))
        .unwrap_or(b.len() - at)
}

/// A member name for a message, in backticks.
pub(crate) fn name(s: &str) -> String {
    format!("`{}`", escape(s))
}

/// A string value for a message, in double quotes.
pub(crate) fn quote(s: &str) -> String {
    format!("\"{}\"", escape(s))
}

/// A JSON string literal holding `s` (for fix replacements).
pub(crate) fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The candidate closest to `word` by Jaro-Winkler similarity, if one is close enough (0.8) to
/// offer as "did you mean": for rule codes, families and configuration keys.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// `v` as `format!("{v}")` writes it (`1430`, `1.1`, `0.00000015`, `1e21` as
/// `1000000000000000000000`, `-0`, `NaN`, `inf`), without linking core's float formatting
/// (`core::num::flt2dec`, some 17 KB of the npm package's WebAssembly): the shortest digits that
/// read back as `v` come from `zmij` (already linked by serde_json), and are laid out here as a
/// plain decimal, never with an exponent, as Rust's `Display` for `f64` does. Equal to
/// `format!("{v}")` for integers and decimals of up to 15 significant digits (the model's bounds,
/// the numbers users write); for a value exactly halfway between two shortest 16- or 17-digit
/// decimals the last digit may be the even one where `Display` takes the upper one (both read
/// back as `v`). Proptests in this module's tests.
pub fn float(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v < 0.0 { "-inf" } else { "inf" }.into();
    }
    let mut buffer = zmij::Buffer::new();
    // zmij writes `[-]d[.ddd][e±x]`: `1.5e-7`, `1e+21`, `123.0`, `0.001`.
    let shortest = buffer.format_finite(v);
    let (negative, unsigned) = match shortest.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, shortest),
    };
    let (mantissa, exponent) = match unsigned.split_once('e') {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().unwrap_or(0)),
        None => (unsigned, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The value is 0.DIGITS × 10^point, DIGITS without leading or trailing zeros.
    let all = format!("{int}{frac}");
    let leading = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_matches('0');
    let mut out = String::with_capacity(digits.len() + 8);
    if negative {
        out.push('-');
    }
    if digits.is_empty() {
        out.push('0');
        return out;
    }
    let point = int.len() as i32 - leading as i32 + exponent;
    let len = digits.len() as i32;
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        out.push_str(digits);
    } else if point >= len {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', (point - len) as usize));
    } else {
        let (i, f) = digits.split_at(point as usize);
        out.push_str(i);
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_a_terminal_would_act_on() {
        assert_eq!(escape("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(escape("\u{85}\u{2028}"), "\\u{85}\\u{2028}");
        assert_eq!(escape("é ü 😀"), "é ü 😀");
        assert_eq!(escape(&"a".repeat(70)).chars().count(), 61);
    }

    #[test]
    fn printable_escapes_only_what_is_unsafe() {
        assert_eq!(printable("`a` \"b\" c\\d"), "`a` \"b\" c\\d");
        assert_eq!(
            printable("f\u{1b}]0;x\u{7}.json"),
            "f\\u{1b}]0;x\\u{7}.json"
        );
        assert_eq!(
            printable("\u{9b}\u{202e}\u{2029}"),
            "\\u{9b}\\u{202e}\\u{2029}"
        );
        assert!(matches!(
            printable("plain é"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    /// The fast paths (printable ASCII copied as it is) write what the character-by-character
    /// escaping writes, for any text, lengths around the 16-byte chunks and the echo limit.
    mod fast_paths_agree {
        use super::super::*;
        use proptest::prelude::*;

        fn slow_escape(s: &str, max: usize) -> String {
            let mut out = String::new();
            for (n, c) in s.chars().enumerate() {
                if n == max {
                    out.push('…');
                    break;
                }
                match c {
                    '\n' => out.push_str("\\n"),
                    '\t' => out.push_str("\\t"),
                    '\r' => out.push_str("\\r"),
                    '"' => out.push_str("\\\""),
                    '\'' => out.push_str("\\'"),
                    '\\' => out.push_str("\\\\"),
                    c if is_unsafe(c) => out.extend(c.escape_unicode()),
                    c => out.push(c),
                }
            }
            out
        }

        fn slow_printable(s: &str) -> String {
            s.chars()
                .flat_map(|c| {
                    if is_unsafe(c) {
                        c.escape_unicode().collect::<Vec<_>>()
                    } else {
                        vec![c]
                    }
                })
                .collect()
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(5_000))]
            #[test]
            fn any_text(s in "[ -~]{0,70}[\\x00-\\x{7f}é\u{202e}\"'\\\\…]{0,3}[ -~]{0,40}") {
                prop_assert_eq!(escape(&s), slow_escape(&s, MAX_ECHO));
                prop_assert_eq!(escape_all(&s), slow_escape(&s, usize::MAX));
                prop_assert_eq!(printable(&s).into_owned(), slow_printable(&s));
                let n = printable_ascii_prefix(&s);
                prop_assert!(s.as_bytes()[..n].iter().all(|b| (0x20..0x7f).contains(b)));
                prop_assert!(s.as_bytes().get(n).is_none_or(|b| !(0x20..0x7f).contains(b)));
            }
        }
    }

    /// `float` writes what `format!("{}")` writes: every bit pattern (NaN payloads, subnormals,
    /// both zeros, the extremes) and the values the messages show (integers, short decimals).
    mod float_equals_display {
        use super::super::float;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(20_000))]
            /// Any bit pattern: the same text, except where the value lies exactly halfway
            /// between the two shortest decimals that read back as it (a 16- or 17-digit value
            /// such as 663629437640808.25): Rust then takes the upper, zmij the even one. Both
            /// read back as `v` and differ only in the last digit.
            #[test]
            fn any_bits(bits in any::<u64>()) {
                let v = f64::from_bits(bits);
                let (ours, std) = (float(v), format!("{v}"));
                if ours != std {
                    prop_assert_eq!(ours.len(), std.len());
                    prop_assert_eq!(&ours[..ours.len() - 1], &std[..std.len() - 1]);
                    prop_assert_eq!(ours.parse::<f64>().ok(), Some(v));
                    prop_assert_eq!(std.parse::<f64>().ok(), Some(v));
                }
            }

            #[test]
            fn short_decimals(mantissa in -100_000_000i64..100_000_000, scale in 0u32..12) {
                let v = mantissa as f64 / 10f64.powi(scale as i32);
                prop_assert_eq!(float(v), format!("{v}"));
            }

            #[test]
            fn integers(n in -(1i64 << 53)..=(1i64 << 53)) {
                let v = n as f64;
                prop_assert_eq!(float(v), format!("{v}"));
            }
        }

        #[test]
        fn fixed() {
            for v in [
                0.0,
                -0.0,
                1.0,
                -1.0,
                1.1,
                0.1,
                1430.0,
                1e15,
                1e16,
                1e21,
                1e22,
                1.5e-7,
                1e-5,
                1e-6,
                5e-324,
                f64::MIN_POSITIVE,
                f64::MAX,
                f64::MIN,
                f64::EPSILON,
                f64::NAN,
                -f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
                123456789.0,
                9007199254740993.0,
            ] {
                assert_eq!(float(v), format!("{v}"), "{v:e}");
            }
        }
    }
}
