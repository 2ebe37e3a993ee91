//! The YAML template reader: builds the syntax-free [`Node`] tree from a CloudFormation template
//! written in YAML 1.2, with byte spans into the text.
//!
//! Parsing is saphyr's event parser (`saphyr-parser`), pulled one event at a time. The reader
//! builds the tree itself rather than through saphyr's marked tree: that tree keeps mappings in a
//! hash map (a repeated key is an error or collapses, where [`NodeKind::Map`] keeps every copy),
//! and its loader recurses once per nesting level. Pulling events lets the reader stop at the
//! depth limit before the parser goes further, and bound alias expansion itself.
//!
//! saphyr's markers count characters; every span here is converted to bytes. A node's span covers
//! its tag (`!Ref x` starts at the `!`) but not its anchor; a block scalar's span starts at its
//! `|` / `>` indicator and ends with its last line (trailing blanks excluded); a block
//! collection's span ends with its last member; an empty value is an empty span right after its
//! `:` (or where saphyr places it); an alias copy has the alias's span at its top and the anchored
//! node's spans inside.
//!
//! Pieces ([`Node::pieces`]) map decoded string bytes to template bytes: runs copied verbatim
//! are exact; a folded line break (a space in the decoded text) maps to the line break it
//! replaced, and an escape whose decoded byte differs from its source (`\n`, `\x41`) to its
//! backslash. Every piece list is checked by re-decoding the source and comparing with saphyr's
//! value; a string the check cannot reproduce gets no pieces.
//!
//! Limits: a YAML 1.1 merge key (`<<`) is an ordinary key; a block scalar with an explicit
//! indentation indicator (`|2`) gets no pieces; a mapping key must be an untagged scalar (or an
//! alias of one).

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span, Tag};

use super::node::{Entry, Node, NodeKind, ReadError};

/// The most nested collections a template may have (alias copies included).
pub(crate) const MAX_DEPTH: usize = 128;

/// The most nodes a template may produce, counting every node an alias copies and every node
/// stored for an anchor: a "billion laughs" input stops here instead of exhausting memory.
pub(crate) const MAX_NODES: usize = 250_000;

/// The most text aliases may copy (strings, numbers and keys of the anchored values, summed
/// over every alias): 8 MiB, eight times the largest template CloudFormation takes.
pub(crate) const MAX_ALIAS_BYTES: usize = 8 << 20;

/// The bytes a node holds beyond its fixed size (its strings, numbers, keys and tags, and its
/// strings' position maps, at any depth): what each alias of it copies.
fn text_bytes(node: &Node) -> usize {
    let own = node.tag.as_ref().map_or(0, String::len)
        + node.pieces.len() * std::mem::size_of::<(usize, usize)>();
    own + match &node.kind {
        NodeKind::String(s) | NodeKind::Number(s) => s.len(),
        NodeKind::Seq(items) => items.iter().map(text_bytes).sum(),
        NodeKind::Map(entries) => entries
            .iter()
            .map(|e| e.key.len() + text_bytes(&e.value))
            .sum(),
        NodeKind::Null | NodeKind::Bool(_) => 0,
    }
}

/// Reads a YAML template; every span is a byte range in `text`.
pub(crate) fn read(text: &str) -> Result<Node, ReadError> {
    let mut reader = Reader::new(text);
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| reader.scan_error(&e))?;
        if reader.event(event, span)? {
            break;
        }
    }
    match reader.root {
        Some(root) if !is_empty_document(&root) => Ok(root),
        _ => Err(ReadError {
            span: (0, text.len()),
            message: "the template is empty".to_owned(),
        }),
    }
}

/// Whether a document's root is nothing at all (`---` alone): an empty, untagged scalar.
fn is_empty_document(root: &Node) -> bool {
    root.kind == NodeKind::Null && root.tag.is_none() && root.span.0 == root.span.1
}

/// Character indices (saphyr's markers) to byte offsets.
struct Offsets {
    /// For each character of more than one byte: its character index and the extra bytes of
    /// the characters up to and including it. Empty for ASCII text.
    wide: Vec<(usize, usize)>,
    /// The text's length in bytes.
    len: usize,
}

impl Offsets {
    /// Indexes `text`.
    fn new(text: &str) -> Offsets {
        let mut wide = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0;
            for (index, c) in text.chars().enumerate() {
                let width = c.len_utf8();
                if width > 1 {
                    extra += width - 1;
                    wide.push((index, extra));
                }
            }
        }
        Offsets {
            wide,
            len: text.len(),
        }
    }

    /// The byte offset of the character `index`.
    fn byte(&self, index: usize) -> usize {
        let before = self.wide.partition_point(|&(c, _)| c < index);
        let extra = before
            .checked_sub(1)
            .and_then(|i| self.wide.get(i))
            .map_or(0, |&(_, e)| e);
        index.saturating_add(extra).min(self.len)
    }

    /// A saphyr span in bytes.
    fn span(&self, span: Span) -> (usize, usize) {
        let start = self.byte(span.start.index());
        (start, self.byte(span.end.index()).max(start))
    }
}

/// A collection being read.
struct Frame {
    /// Its members so far.
    members: Members,
    /// Where its span starts (its tag, or its first token).
    start: usize,
    /// Whether it is written in flow style (`[...]`, `{...}`): its span ends at the closing
    /// bracket; a block collection's ends with its last member.
    flow: bool,
    /// The end of its last member.
    last_end: usize,
    /// Its local tag.
    tag: Option<String>,
    /// Its anchor id (0: none).
    anchor: usize,
    /// The node count when it started (for the anchor's size).
    nodes_before: usize,
    /// The deepest nesting among its members (0: only scalars).
    inner_depth: usize,
}

/// The members of a collection being read.
enum Members {
    /// A sequence's items.
    Seq(Vec<Node>),
    /// A mapping's entries, and the key read but still waiting for its value.
    Map(Vec<Entry>, Option<PendingKey>),
}

/// A mapping key waiting for its value.
struct PendingKey {
    /// The key, decoded.
    key: String,
    /// The key as written.
    span: (usize, usize),
    /// The key without quotes.
    content: (usize, usize),
}

/// An anchored node, kept for its aliases.
struct Anchored {
    /// A copy of the node.
    node: Node,
    /// How many nodes it is.
    count: usize,
    /// How many bytes of text (strings, numbers, keys) it holds: what each alias copies.
    bytes: usize,
    /// How many nested collections it is (0 for a scalar).
    depth: usize,
}

/// The tree builder fed by the parser's events.
struct Reader<'t> {
    /// The template.
    text: &'t str,
    /// Character to byte offsets.
    offsets: Offsets,
    /// The collections being read, outermost first.
    stack: Vec<Frame>,
    /// The anchors seen so far, indexed by saphyr's anchor id (ids are handed out 1, 2, 3, ...
    /// as anchors appear, a redefined name getting a new one, so the vector is as long as the
    /// text has anchors; a slot is empty until its node is finished). A vector, not a map: the
    /// WebAssembly build would carry a B-tree instantiated for this one key and value type.
    anchors: Vec<Option<Anchored>>,
    /// Nodes produced so far (copies and anchor copies included).
    nodes: usize,
    /// Bytes of text copied by aliases so far.
    alias_bytes: usize,
    /// The end of the last token read (where the search for a block scalar's indicator starts).
    last_end: usize,
    /// Documents finished.
    documents: usize,
    /// The document's root, once read.
    root: Option<Node>,
}

/// A node just read, with what its parent needs to know about it.
struct Done {
    /// The node.
    node: Node,
    /// Its anchor id (0: none).
    anchor: usize,
    /// The scalar's text as written (quotes included, tag and anchor excluded); `None` for a
    /// collection or a tagged node (which cannot be keys).
    key_span: Option<(usize, usize)>,
    /// The scalar's text without quotes.
    key_content: (usize, usize),
    /// Nested collections in it.
    depth: usize,
    /// Nodes in it.
    count: usize,
}

impl<'t> Reader<'t> {
    /// A reader of `text`.
    fn new(text: &'t str) -> Reader<'t> {
        Reader {
            text,
            offsets: Offsets::new(text),
            stack: Vec::new(),
            anchors: Vec::new(),
            nodes: 0,
            alias_bytes: 0,
            last_end: 0,
            documents: 0,
            root: None,
        }
    }

    /// A parse error at the place saphyr reports.
    fn scan_error(&self, error: &ScanError) -> ReadError {
        let at = self.offsets.byte(error.marker().index());
        let width = self
            .text
            .get(at..)
            .and_then(|s| s.chars().next())
            .map_or(0, char::len_utf8);
        ReadError {
            span: (at, at + width),
            message: error.info().to_owned(),
        }
    }

    /// An error of this reader.
    fn error(span: (usize, usize), message: impl Into<String>) -> ReadError {
        ReadError {
            span,
            message: message.into(),
        }
    }

    /// Counts `n` more nodes against the budget.
    fn spend(&mut self, n: usize, span: (usize, usize)) -> Result<(), ReadError> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > MAX_NODES {
            return Err(Self::error(
                span,
                format!(
                    "the template holds more than {MAX_NODES} values (aliases expanded), more \
                     than iot-jobs-lint reads (a 1 MB template of realistic resources holds \
                     about 60,000)"
                ),
            ));
        }
        Ok(())
    }

    /// Counts `n` more bytes of text copied by aliases against their budget: a few aliases of
    /// a long string would otherwise cost gigabytes while staying under the node budget.
    fn spend_bytes(&mut self, n: usize, span: (usize, usize)) -> Result<(), ReadError> {
        self.alias_bytes = self.alias_bytes.saturating_add(n);
        if self.alias_bytes > MAX_ALIAS_BYTES {
            return Err(Self::error(
                span,
                format!(
                    "aliases copy more than {} MiB of text into the template; is it an alias bomb?",
                    MAX_ALIAS_BYTES >> 20
                ),
            ));
        }
        Ok(())
    }

    /// Handles one event; `true` when the stream has ended.
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<bool, ReadError> {
        let span = self.offsets.span(span);
        match event {
            Event::StreamEnd => return Ok(true),
            Event::StreamStart | Event::Nothing => {}
            Event::DocumentStart(explicit) => {
                if self.documents > 0 {
                    return Err(Self::error(
                        span,
                        "a CloudFormation template is one YAML document; this starts a second",
                    ));
                }
                if explicit {
                    self.last_end = span.1;
                }
            }
            Event::DocumentEnd => self.documents += 1,
            Event::Alias(id) => {
                let Some(anchored) = self.anchors.get(id).and_then(Option::as_ref) else {
                    return Err(Self::error(span, "an alias of an unknown anchor"));
                };
                let (count, depth, bytes) = (anchored.count, anchored.depth, anchored.bytes);
                if self.stack.len() + depth > MAX_DEPTH {
                    return Err(Self::depth_error(span));
                }
                self.spend(count, span)?;
                self.spend_bytes(bytes, span)?;
                let Some(anchored) = self.anchors.get(id).and_then(Option::as_ref) else {
                    return Err(Self::error(span, "an alias of an unknown anchor"));
                };
                let mut node = anchored.node.clone();
                node.span = span;
                let key_content = match &node.kind {
                    NodeKind::Seq(_) | NodeKind::Map(_) => None,
                    _ if node.tag.is_some() => None,
                    _ => Some(span),
                };
                self.last_end = span.1;
                self.attach(Done {
                    node,
                    anchor: 0,
                    key_span: key_content,
                    key_content: span,
                    depth,
                    count,
                })?;
            }
            Event::Scalar(value, style, anchor, tag) => {
                self.spend(1, span)?;
                let done = self.scalar(&value, style, anchor, tag.as_deref(), span);
                self.last_end = span.1.max(self.last_end);
                self.attach(done)?;
            }
            Event::SequenceStart(anchor, tag) => {
                self.start_collection(Members::Seq(Vec::new()), anchor, tag.as_deref(), span)?;
            }
            Event::MappingStart(anchor, tag) => {
                let members = Members::Map(Vec::new(), None);
                self.start_collection(members, anchor, tag.as_deref(), span)?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.end_collection(span)?;
                self.last_end = span.1.max(self.last_end);
            }
        }
        Ok(false)
    }

    /// The depth error.
    fn depth_error(span: (usize, usize)) -> ReadError {
        Self::error(
            span,
            format!("the template nests more than {MAX_DEPTH} collections"),
        )
    }

    /// Starts a sequence or mapping.
    fn start_collection(
        &mut self,
        members: Members,
        anchor: usize,
        tag: Option<&Tag>,
        span: (usize, usize),
    ) -> Result<(), ReadError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(Self::depth_error(span));
        }
        self.spend(1, span)?;
        let (tag_start, content) = properties(self.text, span.0, self.text.len(), false);
        let bytes = self.text.as_bytes();
        let flow = matches!(bytes.get(content), Some(b'[' | b'{'));
        let mut content = content;
        if matches!(members, Members::Seq(_)) && !flow && bytes.get(content) != Some(&b'-') {
            // saphyr starts an indentless sequence (`key:\n- a`) after its first `- `.
            let mut p = content;
            while p > 0 && matches!(bytes.get(p - 1), Some(b' ' | b'\t')) {
                p -= 1;
            }
            if p > 0 && bytes.get(p - 1) == Some(&b'-') {
                content = p - 1;
            }
        }
        let start = tag_start.unwrap_or(content);
        self.last_end = span.1.max(self.last_end);
        self.stack.push(Frame {
            members,
            start,
            flow,
            last_end: span.1.max(start),
            tag: local_tag(tag),
            anchor,
            nodes_before: self.nodes - 1,
            inner_depth: 0,
        });
        Ok(())
    }

    /// Ends the innermost collection.
    fn end_collection(&mut self, span: (usize, usize)) -> Result<(), ReadError> {
        let Some(frame) = self.stack.pop() else {
            return Err(Self::error(
                span,
                "the end of a collection that did not start",
            ));
        };
        let end = if frame.flow {
            span.1.max(frame.last_end)
        } else {
            frame.last_end
        };
        let kind = match frame.members {
            Members::Seq(items) => NodeKind::Seq(items),
            Members::Map(entries, None) => NodeKind::Map(entries),
            Members::Map(_, Some(key)) => {
                return Err(Self::error(key.span, "a mapping key without a value"));
            }
        };
        let count = self.nodes - frame.nodes_before;
        self.attach(Done {
            node: Node {
                kind,
                span: (frame.start, end.max(frame.start)),
                tag: frame.tag,
                pieces: Vec::new(),
            },
            anchor: frame.anchor,
            key_span: None,
            key_content: (0, 0),
            depth: frame.inner_depth + 1,
            count,
        })
    }

    /// Reads a scalar event.
    fn scalar(
        &self,
        value: &str,
        style: ScalarStyle,
        anchor: usize,
        tag: Option<&Tag>,
        span: (usize, usize),
    ) -> Done {
        let text = self.text;
        let block = matches!(style, ScalarStyle::Literal | ScalarStyle::Folded);
        let (tag_start, content) = if block {
            properties(text, self.last_end.min(span.0), span.1, true)
        } else {
            properties(text, span.0, span.1, false)
        };
        let content = content.min(span.1);
        let mut end = span.1;
        if block {
            // saphyr's block scalar ends where the next token starts: drop the blank lines and
            // the indentation before it.
            let kept = text
                .get(content..end)
                .map_or(0, |s| s.trim_end_matches([' ', '\t', '\r', '\n']).len());
            end = content + kept;
        }
        let mut start = tag_start.unwrap_or(content);
        let empty = value.is_empty() && style == ScalarStyle::Plain;
        if empty && tag_start.is_none() {
            // An empty value: saphyr points at the `:` that precedes it (or at what follows).
            start = if text.as_bytes().get(span.0) == Some(&b':') {
                span.0 + 1
            } else {
                span.0
            };
            end = start;
        }
        let local = local_tag(tag);
        let core = tag.filter(|t| t.is_yaml_core_schema());
        let non_specific = tag.is_some_and(|t| {
            (t.handle == "!" && t.suffix.is_empty()) || (t.handle.is_empty() && t.suffix == "!")
        });
        let kind = if style != ScalarStyle::Plain
            || non_specific
            || core.is_some_and(|t| t.suffix == "str")
        {
            NodeKind::String(value.to_owned())
        } else {
            resolve_plain(value)
        };
        let pieces = match kind {
            NodeKind::String(ref decoded) if !empty => {
                string_pieces(text, style, content, span.1, decoded).unwrap_or_default()
            }
            _ => Vec::new(),
        };
        let key_content = match style {
            ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => {
                (content + 1, end.saturating_sub(1).max(content + 1))
            }
            _ => (content, end.max(content)),
        };
        let key_allowed = local.is_none();
        Done {
            node: Node {
                kind,
                span: (start, end.max(start)),
                tag: local,
                pieces,
            },
            anchor,
            key_span: key_allowed.then_some((content, end.max(content))),
            key_content,
            depth: 0,
            count: 1,
        }
    }

    /// Adds a finished node to its parent (or makes it the root), and keeps a copy for its
    /// anchor.
    fn attach(&mut self, done: Done) -> Result<(), ReadError> {
        if done.anchor > 0 {
            self.spend(done.count, done.node.span)?;
            if self.anchors.len() <= done.anchor {
                self.anchors.resize_with(done.anchor + 1, || None);
            }
            if let Some(slot) = self.anchors.get_mut(done.anchor) {
                *slot = Some(Anchored {
                    bytes: text_bytes(&done.node),
                    node: done.node.clone(),
                    count: done.count,
                    depth: done.depth,
                });
            }
        }
        let Some(frame) = self.stack.last_mut() else {
            self.root = Some(done.node);
            return Ok(());
        };
        frame.inner_depth = frame.inner_depth.max(done.depth);
        frame.last_end = frame.last_end.max(done.node.span.1);
        match &mut frame.members {
            Members::Seq(items) => items.push(done.node),
            Members::Map(entries, pending) => match pending.take() {
                Some(key) => entries.push(Entry {
                    key: key.key,
                    key_span: key.span,
                    key_content: key.content,
                    value: done.node,
                }),
                None => {
                    let Some(span) = done.key_span else {
                        return Err(Self::error(
                            done.node.span,
                            "a CloudFormation mapping key is a plain or quoted string, \
                             without a tag",
                        ));
                    };
                    let key = match done.node.kind {
                        NodeKind::String(s) | NodeKind::Number(s) => s,
                        NodeKind::Null | NodeKind::Bool(_) => self
                            .text
                            .get(done.key_content.0..done.key_content.1)
                            .unwrap_or_default()
                            .to_owned(),
                        NodeKind::Seq(_) | NodeKind::Map(_) => {
                            return Err(Self::error(
                                done.node.span,
                                "a CloudFormation mapping key is a plain or quoted string, \
                                 not a collection",
                            ));
                        }
                    };
                    *pending = Some(PendingKey {
                        key,
                        span,
                        content: done.key_content,
                    });
                }
            },
        }
        Ok(())
    }
}

/// A local short tag (`!Ref`) without its `!`; `None` for no tag, `!!` tags, the non-specific
/// `!` and other handles.
fn local_tag(tag: Option<&Tag>) -> Option<String> {
    tag.filter(|t| t.handle == "!" && !t.suffix.is_empty())
        .map(|t| t.suffix.clone())
}

/// Walks from `from` over node properties (`!tag`, `&anchor`), blanks, line breaks and
/// comments, and in `block` mode also over the indicators `:`, `-`, `?` before a block scalar's
/// `|` / `>`; stops at `limit`. Returns where the tag starts and where the content starts.
fn properties(text: &str, from: usize, limit: usize, block: bool) -> (Option<usize>, usize) {
    let bytes = text.as_bytes();
    let limit = limit.min(bytes.len());
    let mut tag = None;
    let mut i = from;
    let mut after_blank = true;
    while i < limit {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i += 1;
                after_blank = true;
                continue;
            }
            b'#' if after_blank => {
                while i < limit && !matches!(bytes.get(i), Some(b'\r' | b'\n')) {
                    i += 1;
                }
            }
            b'!' | b'&' => {
                if b == b'!' && tag.is_none() {
                    tag = Some(i);
                }
                while i < limit && !matches!(bytes.get(i), Some(b' ' | b'\t' | b'\r' | b'\n')) {
                    i += 1;
                }
            }
            b':' | b'-' | b'?' if block => i += 1,
            _ => break,
        }
        after_blank = false;
    }
    (tag, i.min(limit))
}

/// The YAML 1.2 core schema for a plain scalar; a hexadecimal or octal integer, `.inf` and
/// `.nan` stay strings (a JSON template has no such numbers).
fn resolve_plain(value: &str) -> NodeKind {
    match value {
        "" | "~" | "null" | "Null" | "NULL" => NodeKind::Null,
        "true" | "True" | "TRUE" => NodeKind::Bool(true),
        "false" | "False" | "FALSE" => NodeKind::Bool(false),
        _ if is_decimal(value) => NodeKind::Number(value.to_owned()),
        _ => NodeKind::String(value.to_owned()),
    }
}

/// Whether `s` is a core-schema decimal integer or float:
/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
fn is_decimal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let from = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - from
    };
    if matches!(b.first(), Some(b'-' | b'+')) {
        i += 1;
    }
    let whole = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 && whole == 0 {
            return false;
        }
    } else if whole == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Builds a piece list while decoding again, checking the decoding against saphyr's as it goes.
struct Pieces<'e> {
    /// saphyr's decoded text.
    expected: &'e str,
    /// How much of it has been decoded again.
    len: usize,
    /// Whether the decoding so far matches.
    matches: bool,
    /// The pairs so far.
    pairs: Vec<(usize, usize)>,
    /// Where the last run ends in the template, when the next byte may continue it.
    run_end: Option<usize>,
}

impl<'e> Pieces<'e> {
    /// An empty list for a string decoded as `expected`.
    fn new(expected: &'e str) -> Pieces<'e> {
        Pieces {
            expected,
            len: 0,
            matches: true,
            pairs: Vec::new(),
            run_end: None,
        }
    }

    /// Appends `s` to the decoding.
    fn push(&mut self, s: &str) {
        let end = self.len + s.len();
        self.matches = self.matches && self.expected.get(self.len..end) == Some(s);
        self.len = end;
    }

    /// Appends `s`, which is the template's text at `source`.
    fn copy(&mut self, s: &str, source: usize) {
        if self.run_end != Some(source) {
            self.pairs.push((self.len, source));
        }
        self.push(s);
        self.run_end = Some(source + s.len());
    }

    /// Appends `s`, which stands for the template's text at `source` without being a copy of
    /// it (a folded line break, an escape).
    fn stand_in(&mut self, s: &str, source: usize) {
        self.pairs.push((self.len, source));
        self.push(s);
        self.run_end = None;
    }

    /// Appends a line feed for the line break at `at` (`\n`, `\r\n` or a lone `\r`).
    fn line_feed(&mut self, text: &str, at: usize) {
        match text.get(at..at + 2) {
            Some("\r\n") => self.copy("\n", at + 1),
            _ if text.get(at..=at) == Some("\n") => self.copy("\n", at),
            _ => self.stand_in("\n", at),
        }
    }

    /// The pairs, when the decoding matches saphyr's.
    fn finish(self) -> Option<Vec<(usize, usize)>> {
        (self.matches && self.len == self.expected.len()).then_some(self.pairs)
    }
}

/// The pieces of a string scalar whose content starts at `content` and whose token ends at
/// `end`; `None` when they cannot be worked out.
fn string_pieces(
    text: &str,
    style: ScalarStyle,
    content: usize,
    end: usize,
    decoded: &str,
) -> Option<Vec<(usize, usize)>> {
    match style {
        ScalarStyle::Plain => flow_pieces(text, content, end, None, decoded),
        ScalarStyle::SingleQuoted => {
            flow_pieces(text, content + 1, end.checked_sub(1)?, Some(b'\''), decoded)
        }
        ScalarStyle::DoubleQuoted => {
            flow_pieces(text, content + 1, end.checked_sub(1)?, Some(b'"'), decoded)
        }
        ScalarStyle::Literal => block_pieces(text, content, end, true, decoded),
        ScalarStyle::Folded => block_pieces(text, content, end, false, decoded),
    }
}

/// The length of the line break at `at`, if there is one.
fn line_break(bytes: &[u8], at: usize) -> Option<usize> {
    match (bytes.get(at), bytes.get(at + 1)) {
        (Some(b'\r'), Some(b'\n')) => Some(2),
        (Some(b'\r' | b'\n'), _) => Some(1),
        _ => None,
    }
}

/// The pieces of a plain or quoted scalar written in `text[from..to]` (`quote`: the quote
/// character), decoding it again: lines folded, `''` and backslash escapes.
fn flow_pieces(
    text: &str,
    from: usize,
    to: usize,
    quote: Option<u8>,
    expected: &str,
) -> Option<Vec<(usize, usize)>> {
    let bytes = text.as_bytes();
    text.get(from..to)?;
    let mut out = Pieces::new(expected);
    let mut i = from;
    // Blanks not yet known to be content (they are not when a line break follows).
    let mut blanks: Option<usize> = None;
    while i < to {
        if let Some(width) = line_break(bytes, i) {
            blanks = None;
            let folded_at = i;
            i += width;
            let empty_lines = skip_empty_lines(bytes, &mut i, to);
            if empty_lines.is_empty() {
                out.stand_in(" ", folded_at);
            }
            for at in empty_lines {
                out.line_feed(text, at);
            }
            continue;
        }
        let c = text.get(i..)?.chars().next()?;
        if c == ' ' || c == '\t' {
            blanks.get_or_insert(i);
            i += 1;
            continue;
        }
        if let Some(start) = blanks.take() {
            out.copy(text.get(start..i)?, start);
        }
        match (quote, c) {
            (Some(b'\''), '\'') => {
                out.copy("'", i);
                i += 2;
            }
            (Some(b'"'), '\\') => {
                let next = text.get(i + 1..)?.chars().next()?;
                if line_break(bytes, i + 1).is_some() {
                    i += 1 + line_break(bytes, i + 1)?;
                    let empty_lines = skip_empty_lines(bytes, &mut i, to);
                    for at in empty_lines {
                        out.line_feed(text, at);
                    }
                    continue;
                }
                let (decoded, width) = match next {
                    '"' | '\\' | '/' | ' ' | '\t' => {
                        out.copy(text.get(i + 1..i + 2)?, i + 1);
                        i += 2;
                        continue;
                    }
                    '0' => ('\0', 0),
                    'a' => ('\x07', 0),
                    'b' => ('\x08', 0),
                    't' => ('\t', 0),
                    'n' => ('\n', 0),
                    'v' => ('\x0b', 0),
                    'f' => ('\x0c', 0),
                    'r' => ('\r', 0),
                    'e' => ('\x1b', 0),
                    'N' => ('\u{85}', 0),
                    '_' => ('\u{a0}', 0),
                    'L' => ('\u{2028}', 0),
                    'P' => ('\u{2029}', 0),
                    'x' | 'u' | 'U' => {
                        let width = match next {
                            'x' => 2,
                            'u' => 4,
                            _ => 8,
                        };
                        let hex = text.get(i + 2..i + 2 + width)?;
                        let code = u32::from_str_radix(hex, 16).ok()?;
                        (char::from_u32(code)?, width)
                    }
                    _ => return None,
                };
                let mut buf = [0; 4];
                out.stand_in(decoded.encode_utf8(&mut buf), i);
                i += 2 + width;
            }
            _ => {
                out.copy(text.get(i..i + c.len_utf8())?, i);
                i += c.len_utf8();
            }
        }
    }
    if let Some(start) = blanks {
        out.copy(text.get(start..to)?, start);
    }
    out.finish()
}

/// Skips the blanks that start a line, then each following line that is only blanks, up to
/// `to`; returns where the line breaks of those empty lines are.
fn skip_empty_lines(bytes: &[u8], i: &mut usize, to: usize) -> Vec<usize> {
    let mut breaks = Vec::new();
    loop {
        while *i < to && matches!(bytes.get(*i), Some(b' ' | b'\t')) {
            *i += 1;
        }
        match line_break(bytes, *i) {
            Some(width) if *i < to => {
                breaks.push(*i);
                *i += width;
            }
            _ => return breaks,
        }
    }
}

/// The pieces of a block scalar whose indicator is at `indicator` and whose token ends at
/// `end`, decoding it again (literal, or folded).
fn block_pieces(
    text: &str,
    indicator: usize,
    end: usize,
    literal: bool,
    expected: &str,
) -> Option<Vec<(usize, usize)>> {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    // The header: chomping, and no explicit indentation (which depends on the parent's).
    let mut i = indicator + 1;
    let mut keep = false;
    let mut strip = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => keep = true,
            b'-' => strip = true,
            b'1'..=b'9' => return None,
            _ => break,
        }
        i += 1;
    }
    while i < end && line_break(bytes, i).is_none() {
        i += 1;
    }
    // The lines: (start, end of text, where its line break is).
    let mut lines = Vec::new();
    i += line_break(bytes, i).unwrap_or(0);
    while i < end {
        let start = i;
        while i < end && line_break(bytes, i).is_none() {
            i += 1;
        }
        let brk = line_break(bytes, i).map(|w| (i, w));
        lines.push((start, i, brk.map(|(at, _)| at)));
        i += brk.map_or(0, |(_, w)| w);
    }
    let spaces = |(start, stop, _): (usize, usize, Option<usize>)| {
        text.get(start..stop)
            .map_or(0, |l| l.len() - l.trim_start_matches(' ').len())
    };
    let is_blank = |(start, stop, _): (usize, usize, Option<usize>)| {
        text.get(start..stop)
            .is_some_and(|l| l.bytes().all(|b| b == b' '))
    };
    let indent = lines
        .iter()
        .find(|&&l| !is_blank(l))
        .map_or(0, |&l| spaces(l))
        .max(1);
    let mut out = Pieces::new(expected);
    let mut leading_break: Option<usize> = None;
    let mut trailing: Vec<usize> = Vec::new();
    let mut leading_blank = false;
    let mut eof_without_break = false;
    for &line in &lines {
        let (start, stop, brk) = line;
        if stop - start <= indent && is_blank(line) {
            match brk {
                Some(at) => trailing.push(at),
                // The indentation before the next token.
                None => break,
            }
            continue;
        }
        if spaces(line) < indent {
            return None;
        }
        let body = start + indent;
        let first = *bytes.get(body)?;
        let trailing_blank = first == b' ' || first == b'\t';
        if !literal && leading_break.is_some() && !leading_blank && !trailing_blank {
            for &at in &trailing {
                out.line_feed(text, at);
            }
            if trailing.is_empty() {
                out.stand_in(" ", leading_break?);
            }
        } else {
            if let Some(at) = leading_break {
                out.line_feed(text, at);
            }
            for &at in &trailing {
                out.line_feed(text, at);
            }
        }
        trailing.clear();
        leading_blank = trailing_blank;
        out.copy(text.get(body..stop)?, body);
        leading_break = brk;
        if brk.is_none() {
            eof_without_break = true;
        }
    }
    if !strip {
        if let Some(at) = leading_break {
            out.line_feed(text, at);
        } else if eof_without_break {
            out.stand_in("\n", end);
        }
    }
    if keep {
        for &at in &trailing {
            out.line_feed(text, at);
        }
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `text`, failing the test on an error.
    fn ok(text: &str) -> Node {
        match read(text) {
            Ok(node) => node,
            Err(e) => panic!("{e:?} reading {text:?}"),
        }
    }

    /// Reads `text`, which must fail.
    fn err(text: &str) -> ReadError {
        match read(text) {
            Ok(node) => panic!("read {text:?} as {node:?}"),
            Err(e) => e,
        }
    }

    /// The template text at `span`.
    fn at(text: &str, span: (usize, usize)) -> &str {
        &text[span.0..span.1]
    }

    /// The decoded string of a node.
    fn string(node: &Node) -> &str {
        match &node.kind {
            NodeKind::String(s) => s,
            other => panic!("not a string: {other:?}"),
        }
    }

    /// Checks the pieces of every string in the tree: each run of the decoded text equals the
    /// template bytes it points at, except a byte that stands for a line break or an escape
    /// (a folded space, a line feed, an escape's value), which must point at a line break or
    /// a backslash. Returns how many strings had pieces.
    fn check_pieces(text: &str, node: &Node) -> usize {
        let mut with_pieces = 0;
        if let NodeKind::String(decoded) = &node.kind {
            if !node.pieces.is_empty() {
                with_pieces += 1;
            }
            for (i, &(dec, src)) in node.pieces.iter().enumerate() {
                let next = node.pieces.get(i + 1).map_or(decoded.len(), |p| p.0);
                let run = &decoded.as_bytes()[dec..next];
                let source = &text.as_bytes()[src..(src + run.len()).min(text.len())];
                let escape = source.first() == Some(&b'\\');
                for (k, &b) in run.iter().enumerate() {
                    let s = source.get(k).copied();
                    let stands_in =
                        escape || matches!(s, Some(b'\n' | b'\r' | b'\\')) || s.is_none();
                    assert!(
                        Some(b) == s || stands_in,
                        "piece {i} of {decoded:?}: decoded {:?} vs template {:?}",
                        String::from_utf8_lossy(run),
                        String::from_utf8_lossy(source)
                    );
                }
            }
        }
        match &node.kind {
            NodeKind::Seq(items) => {
                items.iter().map(|n| check_pieces(text, n)).sum::<usize>() + with_pieces
            }
            NodeKind::Map(entries) => {
                entries
                    .iter()
                    .map(|e| check_pieces(text, &e.value))
                    .sum::<usize>()
                    + with_pieces
            }
            _ => with_pieces,
        }
    }

    /// Checks that every piece run is an exact copy (no stand-ins).
    fn exact_pieces(text: &str, node: &Node) {
        let decoded = string(node);
        assert!(
            !node.pieces.is_empty() || decoded.is_empty(),
            "no pieces for {decoded:?}"
        );
        for (i, &(dec, src)) in node.pieces.iter().enumerate() {
            let next = node.pieces.get(i + 1).map_or(decoded.len(), |p| p.0);
            assert_eq!(
                &decoded[dec..next],
                &text[src..src + next - dec],
                "piece {i} of {decoded:?}"
            );
        }
    }

    /// A realistic template: an IoT job template with a maintenance window list, a `!Sub`
    /// literal document, intrinsic functions, quoted keys and comments.
    const TEMPLATE: &str = r#"# Pump firmware rollout
AWSTemplateFormatVersion: "2010-09-09"
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Firmware:   # the job template
    Type: AWS::IoT::JobTemplate
    Properties:
      JobTemplateId: !Sub "${Env}-firmware"
      Description: Pump firmware
      "JobExecutionsRetryConfig":
        RetryCriteriaList:
          - FailureType: TIMED_OUT
            NumberOfRetries: 3
      MaintenanceWindows:
        - StartTime: cron(0 2 ? * SUN *)
          DurationInMinutes: 60
        - {StartTime: 'cron(0 3 ? * SAT *)', DurationInMinutes: 90}
      Document: !Sub |
        {
          "operation": "install",
          "url": "${Bucket}/fw.bin"
        }
      DocumentSource: !If [IsProd, !GetAtt Role.Arn, !Ref "AWS::NoValue"]
      Tags:
        - Key: team
          Value: pumps
"#;

    #[test]
    fn realistic_template() {
        let text = TEMPLATE;
        let root = ok(text);
        assert_eq!(root.span, (24, text.len() - 1));
        let version = root.entry("AWSTemplateFormatVersion").unwrap();
        assert_eq!(at(text, version.key_span), "AWSTemplateFormatVersion");
        assert_eq!(at(text, version.value.span), "\"2010-09-09\"");
        assert_eq!(version.value.as_str(), Some("2010-09-09"));
        let is_prod = root.get("Conditions").unwrap().get("IsProd").unwrap();
        assert_eq!(is_prod.tag.as_deref(), Some("Equals"));
        assert_eq!(at(text, is_prod.span), "!Equals [!Ref Env, prod]");
        let NodeKind::Seq(args) = &is_prod.kind else {
            panic!()
        };
        assert_eq!(args[0].tag.as_deref(), Some("Ref"));
        assert_eq!(at(text, args[0].span), "!Ref Env");
        assert_eq!(args[0].kind, NodeKind::String("Env".into()));

        let firmware = root.get("Resources").unwrap().get("Firmware").unwrap();
        assert!(at(text, firmware.span).starts_with("Type: AWS::IoT::JobTemplate"));
        assert!(at(text, firmware.span).ends_with("Value: pumps"));
        let props = firmware.get("Properties").unwrap();
        let id = props.get("JobTemplateId").unwrap();
        assert_eq!(id.tag.as_deref(), Some("Sub"));
        assert_eq!(at(text, id.span), "!Sub \"${Env}-firmware\"");
        exact_pieces(text, id);
        assert_eq!(
            at(text, (id.pieces[0].1, id.pieces[0].1 + 16)),
            "${Env}-firmware\""
        );

        let retry = props.entry("JobExecutionsRetryConfig").unwrap();
        assert_eq!(at(text, retry.key_span), "\"JobExecutionsRetryConfig\"");
        assert_eq!(at(text, retry.key_content), "JobExecutionsRetryConfig");
        assert!(at(text, retry.value.span).starts_with("RetryCriteriaList:"));
        assert!(at(text, retry.value.span).ends_with("NumberOfRetries: 3"));

        let windows = props.get("MaintenanceWindows").unwrap();
        let NodeKind::Seq(windows) = &windows.kind else {
            panic!()
        };
        assert_eq!(windows.len(), 2);
        assert_eq!(
            at(text, windows[0].span),
            "StartTime: cron(0 2 ? * SUN *)\n          DurationInMinutes: 60"
        );
        let start = windows[0].get("StartTime").unwrap();
        assert_eq!(start.as_str(), Some("cron(0 2 ? * SUN *)"));
        exact_pieces(text, start);
        assert_eq!(
            windows[0].get("DurationInMinutes").unwrap().kind,
            NodeKind::Number("60".into())
        );
        assert_eq!(
            at(text, windows[1].span),
            "{StartTime: 'cron(0 3 ? * SAT *)', DurationInMinutes: 90}"
        );
        let start = windows[1].get("StartTime").unwrap();
        assert_eq!(at(text, start.span), "'cron(0 3 ? * SAT *)'");
        exact_pieces(text, start);

        let document = props.get("Document").unwrap();
        assert_eq!(document.tag.as_deref(), Some("Sub"));
        assert!(at(text, document.span).starts_with("!Sub |\n        {\n"));
        assert!(at(text, document.span).ends_with("\"${Bucket}/fw.bin\"\n        }"));
        assert_eq!(
            string(document),
            "{\n  \"operation\": \"install\",\n  \"url\": \"${Bucket}/fw.bin\"\n}\n"
        );
        exact_pieces(text, document);
        assert_eq!(document.pieces.len(), 4);
        // The decoded `${Bucket}` maps to the template's.
        let decoded_at = string(document).find("${Bucket}").unwrap();
        let (dec, src) = document
            .pieces
            .iter()
            .rev()
            .find(|p| p.0 <= decoded_at)
            .copied()
            .unwrap();
        assert_eq!(
            at(text, (src + decoded_at - dec, src + decoded_at - dec + 9)),
            "${Bucket}"
        );

        let source = props.get("DocumentSource").unwrap();
        assert_eq!(source.tag.as_deref(), Some("If"));
        assert_eq!(
            at(text, source.span),
            "!If [IsProd, !GetAtt Role.Arn, !Ref \"AWS::NoValue\"]"
        );
        let NodeKind::Seq(args) = &source.kind else {
            panic!()
        };
        assert_eq!(args[1].tag.as_deref(), Some("GetAtt"));
        assert_eq!(args[1].kind, NodeKind::String("Role.Arn".into()));
        assert_eq!(at(text, args[1].span), "!GetAtt Role.Arn");
        assert_eq!(at(text, args[2].span), "!Ref \"AWS::NoValue\"");
        assert_eq!(args[2].as_str(), None);
        assert!(check_pieces(text, &root) > 10);
    }

    #[test]
    fn scalar_resolution() {
        let cases: &[(&str, NodeKind)] = &[
            ("null", NodeKind::Null),
            ("Null", NodeKind::Null),
            ("NULL", NodeKind::Null),
            ("~", NodeKind::Null),
            ("", NodeKind::Null),
            ("true", NodeKind::Bool(true)),
            ("True", NodeKind::Bool(true)),
            ("TRUE", NodeKind::Bool(true)),
            ("false", NodeKind::Bool(false)),
            ("False", NodeKind::Bool(false)),
            ("FALSE", NodeKind::Bool(false)),
            ("60", NodeKind::Number("60".into())),
            ("-3", NodeKind::Number("-3".into())),
            ("+7", NodeKind::Number("+7".into())),
            ("1.5", NodeKind::Number("1.5".into())),
            ("1e3", NodeKind::Number("1e3".into())),
            ("-2.5E-3", NodeKind::Number("-2.5E-3".into())),
            ("0x1F", NodeKind::String("0x1F".into())),
            ("0o17", NodeKind::String("0o17".into())),
            (".inf", NodeKind::String(".inf".into())),
            (".nan", NodeKind::String(".nan".into())),
            ("yes", NodeKind::String("yes".into())),
            ("on", NodeKind::String("on".into())),
            ("nULL", NodeKind::String("nULL".into())),
            ("1e", NodeKind::String("1e".into())),
            (".", NodeKind::String(".".into())),
            ("1.2.3", NodeKind::String("1.2.3".into())),
            ("'60'", NodeKind::String("60".into())),
            ("\"true\"", NodeKind::String("true".into())),
            ("'null'", NodeKind::String("null".into())),
            ("!!str 60", NodeKind::String("60".into())),
            ("!!str", NodeKind::String(String::new())),
            ("!!int 60", NodeKind::Number("60".into())),
            ("! 60", NodeKind::String("60".into())),
        ];
        for (value, kind) in cases {
            let text = format!("k: {value}\n");
            let node = ok(&text);
            let v = node.get("k").unwrap();
            assert_eq!(&v.kind, kind, "{value:?}");
            assert_eq!(v.tag, None, "{value:?}");
            if !value.is_empty() {
                assert_eq!(at(&text, v.span), *value, "{value:?}");
            } else {
                assert_eq!(v.span, (2, 2));
            }
        }
    }

    #[test]
    fn local_tags_keep_their_node_kind() {
        for name in [
            "Ref",
            "Sub",
            "GetAtt",
            "If",
            "Join",
            "Select",
            "FindInMap",
            "ImportValue",
            "Base64",
            "Cidr",
            "GetAZs",
            "Split",
            "Equals",
            "And",
            "Or",
            "Not",
            "Condition",
            "Transform",
            "ToJsonString",
            "Length",
        ] {
            let text = format!(
                "a: !{name} x\nb: !{name} [1, 2]\nc: !{name} {{k: v}}\nd: !{name}\ne: !{name} ''\n"
            );
            let root = ok(&text);
            let a = root.get("a").unwrap();
            assert_eq!(
                (a.tag.as_deref(), &a.kind),
                (Some(name), &NodeKind::String("x".into()))
            );
            assert_eq!(at(&text, a.span), format!("!{name} x"));
            let b = root.get("b").unwrap();
            assert_eq!(b.tag.as_deref(), Some(name));
            assert!(matches!(&b.kind, NodeKind::Seq(v) if v.len() == 2));
            assert_eq!(at(&text, b.span), format!("!{name} [1, 2]"));
            let c = root.get("c").unwrap();
            assert_eq!(c.tag.as_deref(), Some(name));
            assert!(matches!(&c.kind, NodeKind::Map(v) if v.len() == 1));
            assert_eq!(at(&text, c.span), format!("!{name} {{k: v}}"));
            let d = root.get("d").unwrap();
            assert_eq!((d.tag.as_deref(), &d.kind), (Some(name), &NodeKind::Null));
            assert_eq!(at(&text, d.span), format!("!{name}"));
            let e = root.get("e").unwrap();
            assert_eq!(
                (e.tag.as_deref(), &e.kind),
                (Some(name), &NodeKind::String(String::new()))
            );
        }
        // Block collections under a tag, and an anchor between tag and value.
        let text = "a: !If\n  - c\n  - x\nb: !Join\n  - ','\n  - [p, q]\nc: !Ref &r v\n";
        let root = ok(text);
        assert_eq!(at(text, root.get("a").unwrap().span), "!If\n  - c\n  - x");
        assert_eq!(
            at(text, root.get("b").unwrap().span),
            "!Join\n  - ','\n  - [p, q]"
        );
        let c = root.get("c").unwrap();
        assert_eq!(
            (at(text, c.span), c.tag.as_deref()),
            ("!Ref &r v", Some("Ref"))
        );
        assert_eq!(at(text, (c.pieces[0].1, c.pieces[0].1 + 1)), "v");
    }

    #[test]
    fn flow_and_block_collections() {
        let text = "l: [a, 'b', {c: d, \"e\": [1, 2.5, null]}, []]\nm:\n- x\n-   y\n- - z\nn: {}\n";
        let root = ok(text);
        let l = root.get("l").unwrap();
        assert_eq!(
            at(text, l.span),
            "[a, 'b', {c: d, \"e\": [1, 2.5, null]}, []]"
        );
        let NodeKind::Seq(items) = &l.kind else {
            panic!()
        };
        assert_eq!(items.len(), 4);
        assert_eq!(at(text, items[1].span), "'b'");
        assert_eq!(at(text, items[2].span), "{c: d, \"e\": [1, 2.5, null]}");
        let e = items[2].entry("e").unwrap();
        assert_eq!(
            (at(text, e.key_span), at(text, e.key_content)),
            ("\"e\"", "e")
        );
        assert_eq!(
            e.value.kind,
            NodeKind::Seq(vec![
                Node {
                    kind: NodeKind::Number("1".into()),
                    span: (25, 26),
                    tag: None,
                    pieces: vec![]
                },
                Node {
                    kind: NodeKind::Number("2.5".into()),
                    span: (28, 31),
                    tag: None,
                    pieces: vec![]
                },
                Node {
                    kind: NodeKind::Null,
                    span: (33, 37),
                    tag: None,
                    pieces: vec![]
                },
            ])
        );
        assert_eq!(at(text, items[3].span), "[]");
        let m = root.get("m").unwrap();
        assert_eq!(at(text, m.span), "- x\n-   y\n- - z");
        let NodeKind::Seq(items) = &m.kind else {
            panic!()
        };
        assert_eq!(at(text, items[1].span), "y");
        assert_eq!(at(text, items[2].span), "- z");
        assert_eq!(root.get("n").unwrap().kind, NodeKind::Map(vec![]));
        assert_eq!(at(text, root.get("n").unwrap().span), "{}");
    }

    #[test]
    fn repeated_keys_keep_every_copy() {
        let text = "a: 1\nb: 2\na: 3\n";
        let root = ok(text);
        let NodeKind::Map(entries) = &root.kind else {
            panic!()
        };
        let keys: Vec<_> = entries
            .iter()
            .map(|e| (e.key.as_str(), e.key_span))
            .collect();
        assert_eq!(keys, [("a", (0, 1)), ("b", (5, 6)), ("a", (10, 11))]);
        assert_eq!(root.get("a").unwrap().kind, NodeKind::Number("3".into()));
        // Keys that are not strings are kept as written.
        let root = ok("1: a\ntrue: b\n~: c\n'x y': d\n!!str 60: e\n");
        let NodeKind::Map(entries) = &root.kind else {
            panic!()
        };
        let keys: Vec<_> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["1", "true", "~", "x y", "60"]);
        assert!(err("? [a]\n: b\n").message.contains("key"));
        assert!(err("!Ref a: b\n").message.contains("key"));
    }

    #[test]
    fn block_scalar_pieces() {
        // Literal, folded, chomping, empty lines with and without spaces, more-indented lines.
        let cases = [
            ("k: |\n  one\n  two\n", "one\ntwo\n"),
            ("k: |-\n  one\n\n  two\n\n", "one\n\ntwo"),
            ("k: |+\n  one\n  two\n\n\nn: 1\n", "one\ntwo\n\n\n"),
            (
                "k: |\n  one\n   \n    deeper\n  back\n",
                "one\n \n  deeper\nback\n",
            ),
            ("k: >\n  one\n  two\n\n  three\n", "one two\nthree\n"),
            ("k: >-\n  one\n    more\n  two\n", "one\n  more\ntwo"),
            ("k: > # comment\n\n  one\n  two\n", "\none two\n"),
            ("k: |\n  no newline at the end", "no newline at the end\n"),
            ("- |\n  in a list\n- >\n  folded\n  here\n", ""),
            ("k: !Sub |\r\n  one\r\n  two\r\nn: 1\r\n", "one\ntwo\n"),
            ("k: &a |\n  anchored\n", "anchored\n"),
            ("k:\n  # before\n  |\n   late\n", "late\n"),
        ];
        for (text, expected) in cases {
            let root = ok(text);
            let nodes: Vec<&Node> = match &root.kind {
                NodeKind::Seq(items) => items.iter().collect(),
                _ => vec![root.get("k").unwrap()],
            };
            for node in nodes {
                if !expected.is_empty() {
                    assert_eq!(string(node), expected, "{text:?}");
                }
                assert!(!node.pieces.is_empty(), "{text:?}");
                assert_eq!(check_pieces(text, node), 1, "{text:?}");
                let shown = at(text, node.span);
                assert!(
                    shown.starts_with(['|', '>', '!', '&']),
                    "{text:?}: {shown:?}"
                );
                assert!(!shown.ends_with(['\n', ' ']), "{text:?}: {shown:?}");
                if text.contains("|\n  one\n  two") || text.contains("\r\n") {
                    exact_pieces(text, node);
                }
            }
        }
        let text = "k: |\n  one\n  two\n";
        let k = ok(text).get("k").cloned().unwrap();
        assert_eq!(k.pieces, vec![(0, 7), (4, 13)]);
        assert_eq!(k.span, (3, 16));
        // CRLF: each line feed maps to the `\n` of its `\r\n`.
        let text = "k: |\r\n  one\r\n  two\r\n";
        let k = ok(text).get("k").cloned().unwrap();
        assert_eq!(k.pieces, vec![(0, 8), (3, 12), (4, 15), (7, 19)]);
        assert_eq!(at(text, k.span), "|\r\n  one\r\n  two");
    }

    #[test]
    fn flow_scalar_pieces() {
        let cases = [
            ("k: plain words here\n", "plain words here"),
            (
                "k: a plain\n  scalar over\n\n  lines\n",
                "a plain scalar over\nlines",
            ),
            ("k: 'it''s'\n", "it's"),
            ("k: 'folded\n   single'\n", "folded single"),
            (
                "k: \"tab\\there \\\"q\\\" \\\\ \\x41\\u00e9 end\"\n",
                "tab\there \"q\" \\ Aé end",
            ),
            ("k: \"esc\\\n    aped break\"\n", "escaped break"),
            ("k: \"two  \n\n   lines\"\n", "two\nlines"),
            ("k: [multi\n  line, 'x']\n", ""),
        ];
        for (text, expected) in cases {
            let k = ok(text).get("k").cloned().unwrap();
            let nodes = match &k.kind {
                NodeKind::Seq(items) => items.clone(),
                _ => vec![k],
            };
            for node in &nodes {
                if !expected.is_empty() {
                    assert_eq!(string(node), expected, "{text:?}");
                }
                assert_eq!(check_pieces(text, node), 1, "{text:?}: {node:?}");
            }
        }
        let text = "k: 'it''s'\n";
        let k = ok(text).get("k").cloned().unwrap();
        exact_pieces(text, &k);
        assert_eq!(k.pieces, vec![(0, 4), (3, 8)]);
        let text = "k: \"a\\\"b\"\n";
        let k = ok(text).get("k").cloned().unwrap();
        exact_pieces(text, &k);
        assert_eq!(k.pieces, vec![(0, 4), (1, 6)]);
    }

    #[test]
    fn multi_byte_characters() {
        let text = "é: 日本\nx: [é, '日本', \"ü\\n\"]\ny: |\n  ①\n  ②\n";
        let root = ok(text);
        let e = root.entry("é").unwrap();
        assert_eq!((e.key_span, at(text, e.value.span)), ((0, 2), "日本"));
        exact_pieces(text, &e.value);
        let NodeKind::Seq(items) = &root.get("x").unwrap().kind else {
            panic!()
        };
        assert_eq!(at(text, items[0].span), "é");
        assert_eq!(at(text, items[1].span), "'日本'");
        assert_eq!(at(text, items[2].span), "\"ü\\n\"");
        exact_pieces(text, &items[1]);
        check_pieces(text, &items[2]);
        let y = root.get("y").unwrap();
        assert_eq!(at(text, y.span), "|\n  ①\n  ②");
        exact_pieces(text, y);
        // A leading byte order mark.
        let text = "\u{feff}a: é\nb: !Ref x\n";
        let root = ok(text);
        assert_eq!(at(text, root.entry("a").unwrap().key_span), "a");
        assert_eq!(at(text, root.get("b").unwrap().span), "!Ref x");
    }

    #[test]
    fn crlf_line_endings() {
        let text = "a: 1\r\nb:\r\n  - !Ref x\r\n  - 'q'\r\nc: plain\r\n  more\r\n";
        let root = ok(text);
        assert_eq!(at(text, root.get("a").unwrap().span), "1");
        let b = root.get("b").unwrap();
        assert_eq!(at(text, b.span), "- !Ref x\r\n  - 'q'");
        let c = root.get("c").unwrap();
        assert_eq!(string(c), "plain more");
        assert_eq!(at(text, c.span), "plain\r\n  more");
        check_pieces(text, &root);
    }

    #[test]
    fn aliases_copy_the_anchored_node() {
        let text = "base: &b {Type: 'AWS::IoT::Thing', Tags: [x]}\ncopy: *b\ns: &s text\nt: *s\n*s : key\n";
        let root = ok(text);
        let copy = root.get("copy").unwrap();
        assert_eq!(at(text, copy.span), "*b");
        assert_eq!(copy.kind, root.get("base").unwrap().kind);
        assert_eq!(
            at(text, root.get("base").unwrap().span),
            "{Type: 'AWS::IoT::Thing', Tags: [x]}"
        );
        let t = root.get("t").unwrap();
        assert_eq!((t.as_str(), at(text, t.span)), (Some("text"), "*s"));
        assert_eq!(at(text, root.entry("text").unwrap().key_span), "*s");
        assert!(err("a: *nothing\n").message.contains("anchor"));
    }

    #[test]
    fn billion_laughs_is_an_error() {
        let mut text = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..10 {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let e = err(&text);
        assert!(e.message.contains("more than 250000"), "{e:?}");
        assert!(at(&text, e.span).starts_with("*a"), "{e:?}");
        // Alias copies count towards the depth limit too.
        let mut text = format!("a: &a {}x{}\n", "[".repeat(100), "]".repeat(100));
        text.push_str(&format!("b: {}*a{}\n", "[".repeat(40), "]".repeat(40)));
        assert!(err(&text).message.contains("nests more than 128"));
    }

    #[test]
    fn deep_nesting_is_an_error() {
        let ok_depth = format!("{}1{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        ok(&ok_depth);
        let e = err(&format!(
            "{}1{}",
            "[".repeat(MAX_DEPTH + 1),
            "]".repeat(MAX_DEPTH + 1)
        ));
        assert_eq!(
            (e.span, e.message.contains("128")),
            ((MAX_DEPTH, MAX_DEPTH + 1), true)
        );
        // Hostile depths stop at the limit without overflowing the stack.
        // (saphyr's scanner, reading ahead, may stop first at its own limit.)
        let limited = |e: ReadError| {
            let found = e.message.contains("128") || e.message.contains("recursion");
            assert!(found, "{e:?}");
            found
        };
        assert!(limited(err(&"[".repeat(1_000_000))));
        assert!(limited(err(&"{a: ".repeat(200_000))));
        assert!(limited(err(&"- ".repeat(200_000))));
        assert!(err(&"a: ".repeat(200_000)).message.contains("not allowed"));
        assert!(limited(err(&"[{a: ".repeat(100_000))));
        let mut lines = String::new();
        for depth in 0..200_000 {
            lines.push_str(&" ".repeat(depth % 400));
            lines.push_str("- \n");
        }
        let _ = read(&lines);
        let mut nested = String::new();
        for depth in 0..200_000usize {
            nested.push_str(&"  ".repeat(depth.min(300)));
            nested.push_str("- \n");
        }
        let _ = read(&nested);
        let keys: String = (0..2000)
            .map(|d| format!("{}k:\n", " ".repeat(d)))
            .collect();
        assert!(limited(err(&keys)));
    }

    #[test]
    fn one_document_only() {
        let e = err("a: 1\n---\nb: 2\n");
        assert_eq!(
            (e.span, e.message.contains("one YAML document")),
            ((5, 8), true)
        );
        assert!(
            err("---\na: 1\n---\n")
                .message
                .contains("one YAML document")
        );
        assert!(
            err("a: 1\n...\nb: 2\n")
                .message
                .contains("one YAML document")
        );
        ok("---\na: 1\n...\n");
        ok("%YAML 1.2\n---\na: 1\n");
        for empty in [
            "",
            "  \n",
            "# only a comment\n",
            "---\n",
            "...\n",
            "\u{feff}",
        ] {
            assert!(err(empty).message.contains("empty"), "{empty:?}");
        }
    }

    #[test]
    fn invalid_yaml_is_an_error_with_a_place() {
        let text = "a: [1, 2\nb: 3\n";
        let e = err(text);
        assert!(!e.message.is_empty());
        assert!(e.span.0 <= text.len());
        let text = "é: 日本\n  bad: indent\n";
        let e = err(text);
        assert!(
            text.is_char_boundary(e.span.0) && text.is_char_boundary(e.span.1),
            "{e:?}"
        );
        let text = "é: '日本\n";
        let e = err(text);
        assert!(text.is_char_boundary(e.span.0), "{e:?}");
        assert!(err("a: b: c\n").span.0 >= 4);
        assert!(err("a:\n\t- b\n").message.len() > 3);
        assert!(err("k: \"\\q\"\n").message.contains("escape"));
    }

    #[test]
    fn large_template_reads_quickly() {
        let mut text = String::from("Resources:\n");
        let mut i = 0;
        while text.len() < 4_000_000 {
            text.push_str(&format!(
                "  Job{i}:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: !Sub \"${{Env}}-job-{i}\"\n      Description: Firmware rollout number {i}\n      MaintenanceWindows:\n        - StartTime: cron(0 2 ? * SUN *)\n          DurationInMinutes: 60\n      Document: !Sub |\n        {{\"operation\": \"install\", \"n\": {i}}}\n      Role: !GetAtt Role.Arn\n"
            ));
            i += 1;
        }
        let started = std::time::Instant::now();
        let root = ok(&text);
        let took = started.elapsed();
        eprintln!("{} bytes, {i} resources: {took:?}", text.len());
        assert_eq!(root.get("Resources").unwrap().entries().unwrap().len(), i);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000)
        ))]

        /// Random YAML-ish text never panics, and every span of what it reads is a byte range
        /// on character boundaries.
        #[test]
        fn never_panics(text in "([-:?,\\[\\]{}#&*!|>'\"%@` \t\r\na-z0-9.~\\\\é日]|\n  |: |- |!Ref |&a |\\*a|---){0,60}") {
            check_spans(&text);
        }

        /// The same from arbitrary bytes.
        #[test]
        fn never_panics_on_bytes(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..80)) {
            check_spans(&String::from_utf8_lossy(&bytes));
        }
    }

    /// Reads `text` and checks that every span is inside it on character boundaries.
    fn check_spans(text: &str) {
        fn walk(text: &str, node: &Node) {
            let (a, b) = node.span;
            assert!(a <= b && b <= text.len(), "{node:?}");
            assert!(
                text.is_char_boundary(a) && text.is_char_boundary(b),
                "{node:?}"
            );
            check_pieces(text, node);
            match &node.kind {
                NodeKind::Seq(items) => items.iter().for_each(|n| walk(text, n)),
                NodeKind::Map(entries) => entries.iter().for_each(|e| {
                    assert!(
                        text.is_char_boundary(e.key_span.0) && text.is_char_boundary(e.key_span.1)
                    );
                    assert!(e.key_content.0 <= e.key_content.1 && e.key_content.1 <= text.len());
                    walk(text, &e.value)
                }),
                _ => {}
            }
        }
        match read(text) {
            Ok(node) => walk(text, &node),
            Err(e) => {
                assert!(e.span.0 <= e.span.1 && e.span.1 <= text.len(), "{e:?}");
                assert!(text.is_char_boundary(e.span.0) && text.is_char_boundary(e.span.1));
            }
        }
    }
}
