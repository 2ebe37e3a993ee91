//! JSON templates (what `cdk synth` writes to `cdk.out/*.template.json`): the positioned JSON
//! tree of [`crate::syntax`] read into [`Node`]s, one resource at a time, so a large template
//! costs nodes only for its IoT resources.

use super::node::{Entry, Node, NodeKind};
use crate::syntax::{Kind, Value};

/// The node of a JSON value (and everything under it). The reader's depth limit bounds the
/// recursion.
pub(crate) fn node(v: Value<'_>) -> Node {
    let span = v.span();
    let kind = match v.kind() {
        Kind::Null => NodeKind::Null,
        Kind::True => NodeKind::Bool(true),
        Kind::False => NodeKind::Bool(false),
        Kind::Number => NodeKind::Number(v.raw().to_owned()),
        Kind::String { .. } => NodeKind::String(v.as_str().unwrap_or_default().into_owned()),
        Kind::Array => NodeKind::Seq(
            v.as_array()
                .map_or_else(Vec::new, |a| a.iter().map(node).collect()),
        ),
        Kind::Object => NodeKind::Map(v.as_object().map_or_else(Vec::new, |o| {
            o.members()
                .map(|m| {
                    let (s, e) = m.name_span();
                    Entry {
                        key: m.name().into_owned(),
                        key_span: (s, e),
                        key_content: (s + 1, e.saturating_sub(1).max(s + 1)),
                        value: node(m.value()),
                    }
                })
                .collect()
        })),
    };
    // A string without escapes is its text between the quotes, byte for byte.
    let pieces = match v.kind() {
        Kind::String { escaped: false } => vec![(0, span.0 + 1)],
        _ => Vec::new(),
    };
    Node {
        kind,
        span,
        tag: None,
        pieces,
    }
}
