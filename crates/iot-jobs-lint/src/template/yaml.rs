//! YAML templates: the events of saphyr's YAML 1.2 parser (each with its span and tag) built
//! into [`Node`]s with byte spans. The parser is a state machine and the build keeps its own
//! stack, so deep input cannot overflow the call stack; nesting past [`crate::MAX_DEPTH`], more
//! than one document, and aliases that would expand past [`MAX_NODES`] are errors.

use super::node::{Entry, Node, NodeKind, ReadError};
use saphyr_parser::{Event, Parser, ScalarStyle, Span, Tag};

/// The most nodes a template may expand to, aliases included (a "billion laughs" input is an
/// error instead of gigabytes).
pub(crate) const MAX_NODES: usize = 1_000_000;

/// Reads a YAML template; every span is a byte range in `text`.
pub(crate) fn read(text: &str) -> Result<Node, ReadError> {
    let mut b = Builder {
        text,
        bytes: Bytes {
            text,
            char: 0,
            byte: 0,
        },
        stack: Vec::new(),
        anchors: Vec::new(),
        nodes: 0,
        root: None,
        documents: 0,
    };
    for event in Parser::new_from_str(text) {
        match event {
            Ok((e, span)) => b.event(e, span)?,
            Err(e) => {
                let at = b.bytes.at(e.marker().index());
                return Err(ReadError {
                    span: (at, next_char(text, at)),
                    message: e.info().to_owned(),
                });
            }
        }
    }
    b.root.ok_or_else(|| ReadError {
        span: (0, 0),
        message: "the template is empty".into(),
    })
}

/// Char index → byte offset, with a cursor (the parser's positions mostly move forward).
struct Bytes<'t> {
    text: &'t str,
    char: usize,
    byte: usize,
}

impl Bytes<'_> {
    fn at(&mut self, char_index: usize) -> usize {
        if char_index < self.char {
            self.char = 0;
            self.byte = 0;
        }
        let rest = self.text.get(self.byte..).unwrap_or("");
        match rest.char_indices().nth(char_index - self.char) {
            Some((b, _)) => {
                self.byte += b;
                self.char = char_index;
            }
            None => {
                self.byte = self.text.len();
                self.char = char_index;
            }
        }
        self.byte
    }
}

fn next_char(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|r| r.chars().next())
        .map_or(at, |c| at + c.len_utf8())
}

/// A mapping key waiting for its value: the key, its span, and its text without quotes.
type Key = (String, (usize, usize), (usize, usize));

enum Frame {
    Seq {
        start: usize,
        tag: Option<String>,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        tag: Option<String>,
        anchor: usize,
        entries: Vec<Entry>,
        key: Option<Key>,
    },
}

struct Builder<'t> {
    text: &'t str,
    bytes: Bytes<'t>,
    stack: Vec<Frame>,
    /// Anchored nodes by anchor id, with their node counts.
    anchors: Vec<(usize, Node, usize)>,
    nodes: usize,
    root: Option<Node>,
    documents: usize,
}

impl Builder<'_> {
    fn err(&mut self, span: Span, message: &str) -> ReadError {
        let s = self.bytes.at(span.start.index());
        ReadError {
            span: (s, next_char(self.text, s)),
            message: message.to_owned(),
        }
    }

    fn count(&mut self, n: usize, span: Span) -> Result<(), ReadError> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > MAX_NODES {
            return Err(self.err(
                span,
                "the template expands to more than 1,000,000 values (aliases included)",
            ));
        }
        Ok(())
    }

    fn event(&mut self, e: Event<'_>, span: Span) -> Result<(), ReadError> {
        let is_seq = matches!(e, Event::SequenceStart(..));
        match e {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(self.err(span, "a CloudFormation template is one YAML document"));
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                self.count(1, span)?;
                let node = self.scalar(&value, style, tag.as_deref(), span);
                if anchor > 0 {
                    self.anchors.push((anchor, node.clone(), 1));
                }
                self.push(node, span)?;
            }
            Event::Alias(id) => {
                let Some((_, node, n)) = self.anchors.iter().rev().find(|a| a.0 == id).cloned()
                else {
                    return Err(self.err(span, "an alias to an unknown anchor"));
                };
                self.count(n, span)?;
                self.push(node, span)?;
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                self.count(1, span)?;
                if self.stack.len() >= crate::MAX_DEPTH {
                    return Err(self.err(span, "the template nests deeper than 128 levels"));
                }
                let start = self.bytes.at(span.start.index());
                let tag = local_tag(tag.as_deref());
                self.stack.push(if is_seq {
                    Frame::Seq {
                        start,
                        tag,
                        anchor,
                        items: Vec::new(),
                    }
                } else {
                    Frame::Map {
                        start,
                        tag,
                        anchor,
                        entries: Vec::new(),
                        key: None,
                    }
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let close = (
                    self.bytes.at(span.start.index()),
                    self.bytes.at(span.end.index()),
                );
                let Some(frame) = self.stack.pop() else {
                    return Ok(());
                };
                let (start, tag, anchor, kind, last_end) = match frame {
                    Frame::Seq {
                        start,
                        tag,
                        anchor,
                        items,
                    } => {
                        let last = items.last().map(|n| n.span.1);
                        (start, tag, anchor, NodeKind::Seq(items), last)
                    }
                    Frame::Map {
                        start,
                        tag,
                        anchor,
                        entries,
                        ..
                    } => {
                        let last = entries.last().map(|e| e.value.span.1);
                        (start, tag, anchor, NodeKind::Map(entries), last)
                    }
                };
                // A flow collection ends at its bracket; a block one at its last value.
                let end = if close.1 > close.0 {
                    close.1
                } else {
                    last_end.unwrap_or(start).max(start)
                };
                let node = Node {
                    kind,
                    span: (start, end),
                    tag,
                    pieces: Vec::new(),
                };
                if anchor > 0 {
                    let n = count_nodes(&node);
                    self.anchors.push((anchor, node.clone(), n));
                }
                self.push(node, span)?;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        Ok(())
    }

    /// Places a finished node: a key or value of the open mapping, an item of the open
    /// sequence, or the root.
    fn push(&mut self, node: Node, span: Span) -> Result<(), ReadError> {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                Some((k, key_span, key_content)) => entries.push(Entry {
                    key: k,
                    key_span,
                    key_content,
                    value: node,
                }),
                None => {
                    let (k, content) = match (&node.kind, node.tag.is_none()) {
                        (NodeKind::String(s) | NodeKind::Number(s), true) => {
                            (s.clone(), key_content(self.text, node.span))
                        }
                        (NodeKind::Bool(b), true) => (b.to_string(), node.span),
                        (NodeKind::Null, true) => (String::new(), node.span),
                        _ => return Err(self.err(span, "a mapping key must be a plain string")),
                    };
                    *key = Some((k, node.span, content));
                }
            },
        }
        Ok(())
    }

    fn scalar(&mut self, value: &str, style: ScalarStyle, tag: Option<&Tag>, span: Span) -> Node {
        let start = self.bytes.at(span.start.index());
        let mut end = self.bytes.at(span.end.index()).max(start);
        // A block scalar's span runs to the next line's indentation: end at its last text.
        let written = self.text.get(start..end).unwrap_or("");
        end = start + written.trim_end().len();
        let local = local_tag(tag);
        let forced_string = tag.is_some_and(|t| t.is_yaml_core_schema() && t.suffix == "str");
        let kind = if style == ScalarStyle::Plain && !forced_string {
            resolve_plain(value)
        } else {
            NodeKind::String(value.to_owned())
        };
        let pieces = match &kind {
            NodeKind::String(s) => pieces(self.text, (start, end), s, local.as_deref(), style),
            _ => Vec::new(),
        };
        Node {
            kind,
            span: (start, end),
            tag: local,
            pieces,
        }
    }
}

/// A local tag's suffix (`!Ref` → `Ref`); core (`!!str`) and other tags are not intrinsics.
fn local_tag(tag: Option<&Tag>) -> Option<String> {
    tag.filter(|t| t.handle == "!" && !t.suffix.is_empty())
        .map(|t| t.suffix.clone())
}

/// The key's text without its quotes.
fn key_content(text: &str, span: (usize, usize)) -> (usize, usize) {
    match text.as_bytes().get(span.0) {
        Some(b'"' | b'\'') if span.1 >= span.0 + 2 => (span.0 + 1, span.1 - 1),
        _ => span,
    }
}

/// YAML 1.2 core schema for a plain scalar; a number only when JSON writes it the same way.
fn resolve_plain(v: &str) -> NodeKind {
    match v {
        "" | "~" | "null" | "Null" | "NULL" => NodeKind::Null,
        "true" | "True" | "TRUE" => NodeKind::Bool(true),
        "false" | "False" | "FALSE" => NodeKind::Bool(false),
        _ if crate::syntax::is_json_number(v) => NodeKind::Number(v.to_owned()),
        _ => NodeKind::String(v.to_owned()),
    }
}

/// Where each line of a string's decoded text is written in the template, when each is there
/// verbatim in order (plain, single-line quoted without escapes, literal block lines); empty
/// otherwise (escapes, folding), and a place inside the string then maps to the whole value.
fn pieces(
    text: &str,
    span: (usize, usize),
    value: &str,
    tag: Option<&str>,
    style: ScalarStyle,
) -> Vec<(usize, usize)> {
    let Some(written) = text.get(span.0..span.1) else {
        return Vec::new();
    };
    let mut cursor = span.0 + tag.map_or(0, |t| 1 + t.len());
    if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
        match written.find('\n') {
            Some(i) => cursor = span.0 + i + 1,
            None => return Vec::new(),
        }
    }
    if matches!(style, ScalarStyle::Folded) && value.trim_end().contains(' ') {
        // Folded lines are joined with spaces: only a one-line value is verbatim.
        if value.trim_end().lines().count() > 1 || written.lines().count() > 2 {
            return Vec::new();
        }
    }
    let mut out = Vec::new();
    let mut decoded = 0;
    for line in value.split('\n') {
        if !line.is_empty() {
            let Some(found) = text.get(cursor..span.1).and_then(|r| r.find(line)) else {
                return Vec::new();
            };
            out.push((decoded, cursor + found));
            cursor += found + line.len();
        }
        decoded += line.len() + 1;
    }
    out
}

fn count_nodes(node: &Node) -> usize {
    1 + match &node.kind {
        NodeKind::Seq(items) => items.iter().map(count_nodes).sum(),
        NodeKind::Map(entries) => entries.iter().map(|e| count_nodes(&e.value)).sum(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "Resources:\n  Ota:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: !Ref Id\n      Document: !Sub |\n        {\"a\": \"${X}\"}\n        {\"b\": 1}\n      RoleArn: !GetAtt Role.Arn\n      D: !If [c, 60, \"x\"]\n      'Q': 'it''s'\n      é: 日本\n      L:\n        - StartTime: cron(0 2 ? * SAT *)\n          DurationInMinutes: 60\n";

    fn props(root: &Node) -> &Node {
        root.get("Resources")
            .and_then(|r| r.get("Ota"))
            .and_then(|o| o.get("Properties"))
            .expect("properties")
    }

    fn at(text: &str, span: (usize, usize)) -> &str {
        &text[span.0..span.1]
    }

    #[test]
    fn spans_tags_and_pieces() {
        let root = read(TEMPLATE).expect("reads");
        let p = props(&root);
        let id = p.get("JobTemplateId").unwrap();
        assert_eq!(id.tag.as_deref(), Some("Ref"));
        assert_eq!(at(TEMPLATE, id.span), "!Ref Id");
        let doc = p.get("Document").unwrap();
        assert_eq!(doc.tag.as_deref(), Some("Sub"));
        assert!(at(TEMPLATE, doc.span).starts_with("!Sub |"));
        assert!(at(TEMPLATE, doc.span).ends_with("{\"b\": 1}"));
        let NodeKind::String(s) = &doc.kind else {
            panic!()
        };
        for (i, (d, src)) in doc.pieces.iter().enumerate() {
            let next = doc.pieces.get(i + 1).map_or(s.len(), |n| n.0);
            let line = s[*d..next].trim_end_matches('\n');
            assert_eq!(&TEMPLATE[*src..*src + line.len()], line);
        }
        assert_eq!(doc.pieces.len(), 2);
        let d = p.get("D").unwrap();
        assert_eq!(d.tag.as_deref(), Some("If"));
        assert_eq!(at(TEMPLATE, d.span), "!If [c, 60, \"x\"]");
        let q = p.entry("Q").unwrap();
        assert_eq!(at(TEMPLATE, q.key_span), "'Q'");
        assert_eq!(at(TEMPLATE, q.key_content), "Q");
        assert_eq!(q.value.as_str(), Some("it's"));
        assert!(
            q.value.pieces.is_empty()
                || at(TEMPLATE, (q.value.pieces[0].1, q.value.pieces[0].1 + 2)) == "it"
        );
        let e = p.entry("é").unwrap();
        assert_eq!(at(TEMPLATE, e.key_span), "é");
        assert_eq!(at(TEMPLATE, e.value.span), "日本");
        let w = &p.get("L").unwrap();
        let NodeKind::Seq(items) = &w.kind else {
            panic!()
        };
        let dur = items[0].get("DurationInMinutes").unwrap();
        assert_eq!(dur.kind, NodeKind::Number("60".into()));
        assert_eq!(at(TEMPLATE, dur.span), "60");
        let cron = items[0].get("StartTime").unwrap();
        assert_eq!(
            at(TEMPLATE, (cron.pieces[0].1, cron.pieces[0].1 + 4)),
            "cron"
        );
    }

    #[test]
    fn scalars_resolve_like_yaml_1_2() {
        let root =
            read("a: ~\nb: True\nc: 1.5\nd: 0x1F\ne: yes\nf: '60'\ng: !!str 60\nh: -3\n").unwrap();
        assert_eq!(root.get("a").unwrap().kind, NodeKind::Null);
        assert_eq!(root.get("b").unwrap().kind, NodeKind::Bool(true));
        assert_eq!(root.get("c").unwrap().kind, NodeKind::Number("1.5".into()));
        assert_eq!(root.get("d").unwrap().kind, NodeKind::String("0x1F".into()));
        assert_eq!(root.get("e").unwrap().kind, NodeKind::String("yes".into()));
        assert_eq!(root.get("f").unwrap().kind, NodeKind::String("60".into()));
        assert_eq!(root.get("g").unwrap().kind, NodeKind::String("60".into()));
        assert_eq!(root.get("h").unwrap().kind, NodeKind::Number("-3".into()));
    }

    #[test]
    fn crlf_and_multibyte_spans_are_bytes() {
        let text = "é: x\r\nRésumé:\r\n  Key: 日本語\r\n";
        let root = read(text).unwrap();
        let v = root.get("Résumé").unwrap().get("Key").unwrap();
        assert_eq!(at(text, v.span), "日本語");
    }

    #[test]
    fn hostile_inputs_are_errors() {
        let mut laughs = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..9 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("l{}", i - 1)
            };
            laughs.push_str(&format!("l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        assert!(read(&laughs).unwrap_err().message.contains("1,000,000"));
        let deep = "[".repeat(100_000);
        assert!(read(&deep).is_err());
        let deep_block: String = (0..300)
            .map(|i| format!("{}- \n", "  ".repeat(i)))
            .collect();
        assert!(read(&deep_block).is_err());
        assert!(
            read("a: 1\n---\nb: 2\n")
                .unwrap_err()
                .message
                .contains("one YAML document")
        );
        assert!(read("").is_err());
        let bad = read("a: [1, 2\n").unwrap_err();
        assert!(bad.span.0 <= 9);
        let alias = read("a: &x {k: v}\nb: *x\n").unwrap();
        assert_eq!(
            alias.get("b").unwrap().get("k").unwrap().as_str(),
            Some("v")
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn never_panics(s in "[a-z:\\-\\[\\]{}!&*'\"|>#,?\\n é]{0,80}") {
            let _ = read(&s);
        }
    }
}
