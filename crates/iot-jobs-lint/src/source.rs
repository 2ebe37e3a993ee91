//! Source text: strict JSON parsing with positions, JSON Pointers, and byte offset → line/column.

use jsonc_parser::ast::{Object, ObjectProp, ObjectPropName, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::errors::ParseErrorKind;
use jsonc_parser::{CollectOptions, ParseOptions};

/// A JSON syntax error: where, what is wrong, and how to fix it when we know.
pub(crate) struct SyntaxError {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) message: String,
    pub(crate) help: Option<String>,
    pub(crate) too_deep: bool,
}

/// How deep arrays and objects may nest. The deepest valid request nests six levels; the limit
/// keeps recursion bounded whatever the input.
pub const MAX_DEPTH: usize = 128;

/// Parses strict JSON (RFC 8259): no comments, trailing commas, single quotes, hex numbers or
/// other JSON5 liberties, no raw control characters inside strings, only the four JSON whitespace
/// characters between tokens, and at most [`MAX_DEPTH`] levels of nesting.
pub(crate) fn parse(text: &str) -> Result<Value<'_>, SyntaxError> {
    prescan(text)?;
    let options = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    match jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &options) {
        Ok(result) => result.value.ok_or(SyntaxError {
            start: text.len(),
            end: text.len(),
            message: "the input is empty; expected a JSON object".into(),
            help: None,
            too_deep: false,
        }),
        Err(e) => {
            let r = e.range();
            let too_deep = matches!(e.kind(), ParseErrorKind::NestingDepthExceeded);
            let help = match e.kind() {
                ParseErrorKind::String(jsonc_parser::ParseStringErrorKind::InvalidUnicodeEscapeSequence(_)) => Some(
                    "a \\uD800-\\uDFFF escape must be half of a surrogate pair (\\uD83D\\uDE00); write the character itself instead".into(),
                ),
                _ => Some(
                    "the request must be strict JSON: double-quoted names and strings, no comments, no trailing commas".into(),
                ),
            };
            Err(SyntaxError {
                start: r.start,
                end: r.end,
                message: e.kind().to_string(),
                help,
                too_deep,
            })
        }
    }
}

/// What the parser we use tolerates but JSON does not, found in one linear pass: a byte-order
/// mark, UTF-16 text, raw control characters in strings, non-JSON whitespace between tokens, and
/// nesting deeper than [`MAX_DEPTH`].
fn prescan(text: &str) -> Result<(), SyntaxError> {
    let err = |start: usize, len: usize, message: String, help: &str| SyntaxError {
        start,
        end: start + len,
        message,
        help: Some(help.to_string()),
        too_deep: false,
    };
    if text.starts_with('\u{FEFF}') {
        return Err(err(
            0,
            3,
            "the file starts with a byte-order mark (U+FEFF)".into(),
            "save the file as UTF-8 without a byte-order mark; JSON readers such as the AWS CLI's reject it",
        ));
    }
    let bytes = text.as_bytes();
    if bytes.len() >= 2 && (bytes[0] == 0 || bytes[1] == 0) {
        return Err(err(
            0,
            1,
            "the text looks like UTF-16 (NUL bytes between characters)".into(),
            "save the file as UTF-8",
        ));
    }
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            } else if (c as u32) < 0x20 {
                return Err(err(
                    i,
                    1,
                    format!("raw control character U+{:04X} inside a string", c as u32),
                    "JSON strings cannot hold raw control characters: write \\n for a newline, \\t for a tab, \\u00XX for others",
                ));
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(SyntaxError {
                        start: i,
                        end: i + 1,
                        message: format!(
                            "arrays and objects nest more than {MAX_DEPTH} levels deep here"
                        ),
                        help: None,
                        too_deep: true,
                    });
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            ' ' | '\t' | '\n' | '\r' => {}
            c if c.is_whitespace() || (c as u32) < 0x20 || c == '\u{7F}' => {
                return Err(err(
                    i,
                    c.len_utf8(),
                    format!("U+{:04X} is not JSON whitespace", c as u32),
                    "between tokens JSON allows only space, tab, line feed and carriage return",
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Maps byte offsets to 1-based line and code-point column.
pub(crate) struct LineIndex<'a> {
    pub(crate) text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, line_starts }
    }

    /// 1-based (line, column) of a byte offset; the column counts code points.
    pub(crate) fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = self.text[start..end].chars().count() + 1;
        (clamp(line + 1), clamp(column))
    }
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` (RFC 6901 §3).
pub(crate) fn push_pointer(parent: &str, token: &str) -> String {
    let mut p = String::with_capacity(parent.len() + token.len() + 1);
    p.push_str(parent);
    p.push('/');
    for c in token.chars() {
        match c {
            '~' => p.push_str("~0"),
            '/' => p.push_str("~1"),
            c => p.push(c),
        }
    }
    p
}

/// The name of an object property.
pub(crate) fn prop_name<'b>(prop: &'b ObjectProp<'_>) -> &'b str {
    match &prop.name {
        ObjectPropName::String(s) => &s.value,
        ObjectPropName::Word(w) => w.value,
    }
}

/// The value of member `name` (the last one if the key is repeated, as most JSON readers do).
pub(crate) fn get<'b, 'a>(obj: &'b Object<'a>, name: &str) -> Option<&'b Value<'a>> {
    obj.properties
        .iter()
        .rev()
        .find(|p| prop_name(p) == name)
        .map(|p| &p.value)
}

/// The byte range of a value.
pub(crate) fn range(v: &Value<'_>) -> (usize, usize) {
    let r = v.range();
    (r.start, r.end)
}

/// A short JSON-ish rendering of a value for messages (strings quoted, long values cut).
pub(crate) fn describe(v: &Value<'_>) -> String {
    match v {
        Value::StringLit(s) => quote(&s.value),
        Value::NumberLit(n) => n.value.to_string(),
        Value::BooleanLit(b) => b.value.to_string(),
        Value::NullKeyword(_) => "null".into(),
        Value::Object(_) => "an object".into(),
        Value::Array(_) => "an array".into(),
    }
}

/// The JSON type name of a value.
pub(crate) fn type_name(v: &Value<'_>) -> &'static str {
    match v {
        Value::StringLit(_) => "a string",
        Value::NumberLit(_) => "a number",
        Value::BooleanLit(_) => "a boolean",
        Value::NullKeyword(_) => "null",
        Value::Object(_) => "an object",
        Value::Array(_) => "an array",
    }
}

/// A member name for a message, in backticks: control characters escaped, cut after 60 code
/// points (names come from the input and may be hostile).
pub(crate) fn name(s: &str) -> String {
    format!("`{}`", escape(s))
}

/// Quotes a string for a message: control characters escaped, cut after 60 code points.
pub(crate) fn quote(s: &str) -> String {
    format!("\"{}\"", escape(s))
}

/// A string made safe for a one-line message: control characters and quotes escaped, cut after
/// 60 code points with `…`.
pub(crate) fn escape(s: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::new();
    for (n, c) in s.chars().enumerate() {
        if n == MAX {
            out.push('…');
            break;
        }
        out.extend(c.escape_debug());
    }
    out
}

/// The byte range of an object property's name (including its quotes).
pub(crate) fn name_range(prop: &ObjectProp<'_>) -> (usize, usize) {
    let r = prop.name.range();
    (r.start, r.end)
}

/// Maps a byte offset inside the decoded value of a string literal to the byte offset in the
/// source text, walking the literal's escapes (`\"`, `\n`, `\u00e9`, ...). `literal_start` is the
/// offset of the opening quote.
pub(crate) fn offset_in_literal(text: &str, literal_start: usize, decoded_offset: usize) -> usize {
    let Some(raw) = text.get(literal_start + 1..) else {
        return literal_start;
    };
    let mut decoded = 0usize;
    let mut chars = raw.char_indices();
    while let Some((i, c)) = chars.next() {
        if decoded >= decoded_offset || c == '"' {
            return literal_start + 1 + i;
        }
        if c == '\\' {
            match chars.next() {
                Some((_, 'u')) => {
                    let hex: String = chars.by_ref().take(4).map(|(_, h)| h).collect();
                    let unit = u32::from_str_radix(&hex, 16).unwrap_or(0xFFFD);
                    // A surrogate pair spans two escapes and decodes to 4 bytes; count 2 each.
                    decoded += match unit {
                        0xD800..=0xDFFF => 2,
                        u => char::from_u32(u).map_or(3, char::len_utf8),
                    };
                }
                Some(_) => decoded += 1,
                None => break,
            }
        } else {
            decoded += c.len_utf8();
        }
    }
    literal_start + 1 + raw.len().min(raw.find('"').unwrap_or(raw.len()))
}
