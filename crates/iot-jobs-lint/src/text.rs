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
    if !s.chars().any(is_unsafe) {
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
}
