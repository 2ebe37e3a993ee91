//! JSON templates (what `cdk synth` writes to `cdk.out/*.template.json`): the positioned JSON
//! tree of [`crate::syntax`] read into [`Node`]s, one resource at a time, so a large template
//! costs nodes only for its IoT resources.

use super::node::{Entry, Node, NodeKind};
use crate::syntax::{Kind, Value};

/// The node of a JSON value (and everything under it), or `None` once `budget` values have
/// been read (the budget is shared by a template's resources). The reader's depth limit bounds
/// the recursion.
pub(crate) fn node(v: Value<'_>, budget: &mut usize) -> Option<Node> {
    *budget = budget.checked_sub(1)?;
    let span = v.span();
    let kind = match v.kind() {
        Kind::Null => NodeKind::Null,
        Kind::True => NodeKind::Bool(true),
        Kind::False => NodeKind::Bool(false),
        Kind::Number => NodeKind::Number(v.raw().to_owned()),
        Kind::String { .. } => NodeKind::String(v.as_str().unwrap_or_default().into_owned()),
        Kind::Array => NodeKind::Seq(match v.as_array() {
            Some(a) => a
                .iter()
                .map(|x| node(x, budget))
                .collect::<Option<Vec<_>>>()?,
            None => Vec::new(),
        }),
        Kind::Object => NodeKind::Map(match v.as_object() {
            Some(o) => o
                .members()
                .map(|m| {
                    let (s, e) = m.name_span();
                    Some(Entry {
                        key: m.name().into_owned(),
                        key_span: (s, e),
                        key_content: (s + 1, e.saturating_sub(1).max(s + 1)),
                        value: node(m.value(), budget)?,
                    })
                })
                .collect::<Option<Vec<_>>>()?,
            None => Vec::new(),
        }),
    };
    // A string is its text between the quotes, byte for byte, in runs between escapes.
    let pieces = match v.kind() {
        Kind::String { escaped: false } => vec![(0, span.0 + 1)],
        Kind::String { escaped: true } => v
            .as_str_raw()
            .map_or_else(Vec::new, |raw| escaped_pieces(raw, span.0 + 1)),
        _ => Vec::new(),
    };
    Some(Node {
        kind,
        span,
        tag: None,
        pieces,
    })
}

/// The runs of a string literal with escapes (`raw`, the text between the quotes, starting at
/// byte `start`): a new run after each escape, so a decoded offset outside an escape maps to
/// its exact byte.
fn escaped_pieces(raw: &str, start: usize) -> Vec<(usize, usize)> {
    let b = raw.as_bytes();
    let mut out = vec![(0, start)];
    let (mut i, mut decoded) = (0, 0);
    while let Some(&c) = b.get(i) {
        if c != b'\\' {
            i += 1;
            decoded += 1;
            continue;
        }
        let hex = |at: usize| {
            raw.get(at..at + 4)
                .and_then(|h| u32::from_str_radix(h, 16).ok())
        };
        let (raw_len, decoded_len) = match (b.get(i + 1), hex(i + 2)) {
            (Some(b'u'), Some(high @ 0xD800..=0xDBFF))
                if b.get(i + 6) == Some(&b'\\') && b.get(i + 7) == Some(&b'u') =>
            {
                let _ = high;
                (12, 4)
            }
            (Some(b'u'), Some(u)) => (6, char::from_u32(u).map_or(3, char::len_utf8)),
            _ => (2, 1),
        };
        i += raw_len;
        decoded += decoded_len;
        out.push((decoded, start + i));
    }
    out
}
