//! The positioned view: a strict JSON reader that builds, in one pass over the bytes, a flat tree
//! of every value with its byte span.
//!
//! Why our own reader: the rules need byte spans of every value and member name, exactly RFC 8259
//! (no BOM, only the four JSON whitespace characters, no raw control characters, no lone
//! surrogates, a depth limit), duplicates resolved the way the AWS CLI and SDKs resolve them (the
//! last copy wins), and strings decoded only when a rule needs their value. The crates we measured
//! (docs/benchmarks.md, "Choosing the JSON reader") either keep no spans (serde_json) or are
//! lenient and decode every string into a copy (jsonc-parser, which this replaced: about half of a
//! 2 KB lint). `tests/syntax_differential.rs` checks that this reader accepts exactly what
//! serde_json accepts (past our depth limit aside) and decodes every string as it does.
//!
//! Layout: [`Tree`] holds one [`NodeData`] (16 bytes) and one [`Kind`] (1 byte) per value in
//! document order, and one link (4 bytes: the value's node id) per object member or array
//! element; a container's links are contiguous, so the whole tree costs three growing vectors
//! however many containers the input has. A member's name is not stored: it is the string literal
//! just before its value's `:`, found again by a short backward scan when asked for. Handles
//! ([`Value`], [`Object`], [`Array`], [`Member`]) are `Copy` references into the tree.
//!
//! A [`Keep`] guide (the service model's shapes, from `rules`) lets the parser keep a value it
//! does not need (an unknown member's) as one *opaque* node: validated like any other, but
//! with no children in the tree, so a hostile input cannot make the tree many times its size.
//! [`repeated_members`] finds the repeated names inside such a value from the text.
// The reader indexes its byte slice in its hot loops after checking the bounds itself (a `get` per
// byte would cost a branch the checks already paid for); the json_reader and lint fuzz targets
// drive it with arbitrary bytes.
#![allow(clippy::indexing_slicing)]

mod embedded;
pub(crate) use embedded::is_json_text;

use std::borrow::Cow;

/// How deep arrays and objects may nest. The deepest valid input nests five levels; the limit
/// keeps recursion bounded whatever the input.
pub const MAX_DEPTH: usize = 128;

/// The largest input the reader accepts: offsets are stored as `u32`, and a link keeps its
/// top bit for the shadowed flag (an input of `n` bytes has at most `n / 2 + 1` values).
pub const MAX_INPUT_BYTES: usize = i32::MAX as usize;

/// A JSON syntax error: where, what is wrong, and how to fix it when we know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) message: String,
    pub(crate) help: Option<String>,
    pub(crate) too_deep: bool,
    /// A safe fix that deletes the error's bytes (a byte-order mark, a trailing comma), in words.
    pub(crate) removal: Option<&'static str>,
}

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Object,
    Array,
    /// A string literal; `escaped` when it holds a backslash escape (its value must be decoded).
    String {
        escaped: bool,
    },
    Number,
    True,
    False,
    Null,
}

/// What scanning a string literal found out: whether it holds an escape, and its decoded length
/// in code points and in UTF-8 bytes.
struct Scanned {
    escaped: bool,
    chars: u32,
    bytes: u32,
}

/// One value: its byte span, and for a container the range of its links (for a string, `first`
/// and `len` hold its decoded length in UTF-8 bytes and in code points instead; for an opaque
/// container, `first` is [`OPAQUE`]). Its kind is kept beside it, in [`Tree::kinds`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct NodeData {
    start: u32,
    end: u32,
    first: u32,
    len: u32,
}

/// `first` of a container kept as one node: its children are not in the tree.
const OPAQUE: u32 = u32::MAX;

/// The link bit that marks a shadowed member: a later member of the same object has the same
/// name, so this copy is not what is sent. The other bits are the value's node id.
const SHADOWED: u32 = 1 << 31;

/// What the parser keeps of a value and of what lies under it.
#[derive(Clone, Copy)]
pub(crate) enum Keep {
    /// The value and everything under it.
    All,
    /// The value; under it, what the guide says for each member or element.
    Guided(&'static dyn Guide),
    /// The value as one node (its kind and span); a container keeps no children.
    Skip,
}

/// Tells the parser what it needs of the members and elements of a container.
pub(crate) trait Guide: Sync {
    /// For the value of member `name` (decoded) of an object.
    fn member(&self, name: &str) -> Keep;
    /// For each element of an array.
    fn element(&self) -> Keep;
}

/// The parsed input.
pub(crate) struct Tree<'t> {
    text: &'t str,
    nodes: Vec<NodeData>,
    kinds: Vec<Kind>,
    /// Per container, contiguous: each member's or element's node id (with [`SHADOWED`]).
    links: Vec<u32>,
    /// One bit per node id: the objects with a member name that holds an escape (usually none,
    /// and then empty). Member lookups in the others compare names where they stand, without
    /// finding where each name begins.
    escaped_names: Vec<u64>,
}

impl<'t> Tree<'t> {
    /// Parses strict JSON (RFC 8259): no comments, trailing commas, single quotes or other JSON5
    /// liberties, no raw control characters inside strings, only the four JSON whitespace
    /// characters between tokens, no lone surrogate escapes, at most [`MAX_DEPTH`] levels.
    pub(crate) fn parse(text: &'t str) -> Result<Tree<'t>, SyntaxError> {
        Tree::parse_guided(text, Keep::All)
    }

    /// Parses like [`Tree::parse`] (the same errors), keeping of each value what `keep` says:
    /// a value it does not need is validated, then kept as one opaque node.
    pub(crate) fn parse_guided(text: &'t str, keep: Keep) -> Result<Tree<'t>, SyntaxError> {
        // A JSON value needs at least two bytes per node on average (`1,`); a sixteenth of the
        // length is a first guess for requests, capped for huge inputs.
        let guess = (text.len() / 16).clamp(8, 1 << 16);
        let mut parser = Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
            tree: Tree {
                text,
                nodes: Vec::with_capacity(guess),
                kinds: Vec::with_capacity(guess),
                links: Vec::with_capacity(guess),
                escaped_names: Vec::new(),
            },
            scratch: Vec::new(),
            keep,
            skipping: 0,
        };
        parser.document().map_err(|e| *e)?;
        Ok(parser.tree)
    }

    /// The tree of `{}`: for reports made before any parse succeeded.
    pub(crate) fn empty_object() -> Tree<'static> {
        Tree {
            text: "{}",
            nodes: vec![NodeData {
                start: 0,
                end: 2,
                first: 0,
                len: 0,
            }],
            kinds: vec![Kind::Object],
            links: Vec::new(),
            escaped_names: Vec::new(),
        }
    }

    /// The source text.
    pub(crate) fn text(&self) -> &'t str {
        self.text
    }

    /// The root value.
    pub(crate) fn root(&self) -> Value<'_> {
        Value { tree: self, id: 0 }
    }

    /// The value whose literal starts at byte `start`, if any (values are in document order,
    /// so their starts increase).
    pub(crate) fn value_at(&self, start: usize) -> Option<Value<'_>> {
        let id = self
            .nodes
            .binary_search_by_key(&start, |n| n.start as usize)
            .ok()?;
        Some(Value {
            tree: self,
            id: u32::try_from(id).ok()?,
        })
    }

    /// How many values the tree holds (node ids are `0..len`).
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }
}

/// A value in the tree.
#[derive(Clone, Copy)]
pub(crate) struct Value<'d> {
    tree: &'d Tree<'d>,
    id: u32,
}

impl std::fmt::Debug for Value<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Value({:?} {:?})", self.kind(), self.raw())
    }
}

impl<'d> Value<'d> {
    fn data(&self) -> &'d NodeData {
        &self.tree.nodes[self.id as usize]
    }

    /// The node id (dense, `0..tree.len()`), for per-node side tables.
    pub(crate) fn id(&self) -> usize {
        self.id as usize
    }

    pub(crate) fn kind(&self) -> Kind {
        self.tree.kinds[self.id as usize]
    }

    /// Whether the value is a container kept as one node (see [`Keep::Skip`]): its members or
    /// elements are not in the tree (it reads as empty); [`repeated_members`] reads its text.
    pub(crate) fn is_opaque(&self) -> bool {
        matches!(self.kind(), Kind::Object | Kind::Array) && self.data().first == OPAQUE
    }

    /// Byte range of the value in the text (a string's includes its quotes).
    pub(crate) fn span(&self) -> (usize, usize) {
        let d = self.data();
        (d.start as usize, d.end as usize)
    }

    /// The value's source text.
    pub(crate) fn raw(&self) -> &'d str {
        let (s, e) = self.span();
        &self.tree.text[s..e]
    }

    pub(crate) fn as_object(&self) -> Option<Object<'d>> {
        (self.kind() == Kind::Object).then_some(Object(*self))
    }

    pub(crate) fn as_array(&self) -> Option<Array<'d>> {
        (self.kind() == Kind::Array).then_some(Array(*self))
    }

    /// The decoded value of a string (borrowed from the text when it has no escapes).
    pub(crate) fn as_str(&self) -> Option<Cow<'d, str>> {
        match self.kind() {
            Kind::String { escaped } => {
                let (s, e) = self.span();
                Some(decode(&self.tree.text[s + 1..e - 1], escaped))
            }
            _ => None,
        }
    }

    /// The inside of a string literal as written, escapes and all (without the quotes).
    pub(crate) fn as_str_raw(&self) -> Option<&'d str> {
        match self.kind() {
            Kind::String { .. } => {
                let (s, e) = self.span();
                Some(&self.tree.text[s + 1..e - 1])
            }
            _ => None,
        }
    }

    /// A string's decoded length in code points and in UTF-8 bytes, without decoding it.
    pub(crate) fn str_len(&self) -> Option<(usize, usize)> {
        let d = self.data();
        matches!(self.kind(), Kind::String { .. }).then_some((d.len as usize, d.first as usize))
    }

    /// A number literal exactly as written.
    pub(crate) fn as_number(&self) -> Option<&'d str> {
        (self.kind() == Kind::Number).then(|| self.raw())
    }

    /// The JSON type name of a value, for messages.
    pub(crate) fn type_name(&self) -> &'static str {
        match self.kind() {
            Kind::String { .. } => "a string",
            Kind::Number => "a number",
            Kind::True | Kind::False => "a boolean",
            Kind::Null => "null",
            Kind::Object => "an object",
            Kind::Array => "an array",
        }
    }

    fn links(&self) -> &'d [u32] {
        let d = self.data();
        match self.kind() {
            Kind::Object | Kind::Array if d.first != OPAQUE => self
                .tree
                .links
                .get(d.first as usize..d.first as usize + d.len as usize)
                .unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// An object value.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Object<'d>(Value<'d>);

impl<'d> Object<'d> {
    pub(crate) fn span(&self) -> (usize, usize) {
        self.0.span()
    }

    /// The byte range of the opening brace (where a missing member is reported).
    pub(crate) fn opening(&self) -> (usize, usize) {
        let s = self.0.span().0;
        (s, s + 1)
    }

    /// Every member in source order, shadowed copies of repeated names included.
    pub(crate) fn members(&self) -> impl ExactSizeIterator<Item = Member<'d>> + 'd {
        let tree = self.0.tree;
        self.0
            .links()
            .iter()
            .map(move |&link| Member { tree, link })
    }

    /// Member `i` in source order (shadowed copies count), in constant time.
    pub(crate) fn member_at(&self, i: usize) -> Option<Member<'d>> {
        let tree = self.0.tree;
        self.0.links().get(i).map(|&link| Member { tree, link })
    }

    /// The number of members written (shadowed copies included).
    pub(crate) fn len(&self) -> usize {
        self.0.data().len as usize
    }

    /// Whether a member name of this object holds an escape (then names are compared decoded).
    fn names_escaped(&self) -> bool {
        let id = self.0.id as usize;
        self.0
            .tree
            .escaped_names
            .get(id / 64)
            .is_some_and(|word| word & (1 << (id % 64)) != 0)
    }

    /// The member `name` that is sent: the last copy when the name repeats.
    pub(crate) fn member(&self, name: &str) -> Option<Member<'d>> {
        let tree = self.0.tree;
        let mut members = self
            .0
            .links()
            .iter()
            .rev()
            .map(|&link| Member { tree, link });
        if !self.names_escaped() && !name.bytes().any(|b| b == b'"' || b == b'\\') {
            // No name of this object holds an escape, and `name` has no quote or backslash:
            // the name equals `name` exactly when `"name"` ends where the literal ends.
            let b = tree.text.as_bytes();
            let want = name.as_bytes();
            return members.find(|m| {
                let end = name_end(b, m.value().span().0);
                end >= want.len() + 2
                    && b.get(end - 1 - want.len()..end - 1) == Some(want)
                    && b.get(end - 2 - want.len()) == Some(&b'"')
            });
        }
        members.find(|m| m.name_is(name))
    }

    /// The values of several members at once, as [`Object::get`] finds each (the last copy of a
    /// repeated name), in one pass over the members instead of one pass per name: what a rule
    /// that reads many members of one object wants.
    pub(crate) fn get_many<const N: usize>(&self, names: [&str; N]) -> [Option<Value<'d>>; N] {
        let mut found: [Option<Value<'d>>; N] = [None; N];
        let tree = self.0.tree;
        if self.names_escaped()
            || names
                .iter()
                .any(|n| n.bytes().any(|b| b == b'"' || b == b'\\'))
        {
            for (slot, name) in found.iter_mut().zip(names) {
                *slot = self.get(name);
            }
            return found;
        }
        // No name of this object holds an escape: each name literal is the text between the
        // quote before its closing quote and that closing quote.
        let b = tree.text.as_bytes();
        let mut left = N;
        for &link in self.0.links().iter().rev() {
            let m = Member { tree, link };
            let value = m.value();
            let close = name_end(b, value.span().0).saturating_sub(1);
            let Some(open) = memchr::memrchr(b'"', &b[..close]) else {
                continue;
            };
            let name = &b[open + 1..close];
            for (slot, want) in found.iter_mut().zip(names) {
                if slot.is_none() && want.as_bytes() == name {
                    *slot = Some(value);
                    left -= 1;
                }
            }
            if left == 0 {
                break;
            }
        }
        found
    }

    /// The value of member `name` (the last copy when the name repeats, as the AWS CLI and the
    /// SDKs read it).
    pub(crate) fn get(&self, name: &str) -> Option<Value<'d>> {
        self.member(name).map(|m| m.value())
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.member(name).is_some()
    }
}

/// An array value.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Array<'d>(Value<'d>);

impl<'d> Array<'d> {
    pub(crate) fn span(&self) -> (usize, usize) {
        self.0.span()
    }

    pub(crate) fn len(&self) -> usize {
        self.0.data().len as usize
    }

    /// Element `i`, in constant time.
    pub(crate) fn get(&self, i: usize) -> Option<Value<'d>> {
        let tree = self.0.tree;
        self.0.links().get(i).map(|&l| Value {
            tree,
            id: l & !SHADOWED,
        })
    }

    /// The elements in order.
    pub(crate) fn iter(&self) -> impl ExactSizeIterator<Item = Value<'d>> + 'd {
        let tree = self.0.tree;
        self.0.links().iter().map(move |&l| Value {
            tree,
            id: l & !SHADOWED,
        })
    }
}

/// One member of an object.
#[derive(Clone, Copy)]
pub(crate) struct Member<'d> {
    tree: &'d Tree<'d>,
    /// The value's node id, with [`SHADOWED`].
    link: u32,
}

impl<'d> Member<'d> {
    /// The name literal's byte range (quotes included) and whether it holds an escape.
    fn name_literal(&self) -> (usize, usize, bool) {
        name_before(self.tree.text.as_bytes(), self.value().span().0)
    }

    /// The inside of the name literal as written and whether it holds an escape.
    fn name_raw(&self) -> (&'d str, bool) {
        let (s, e, escaped) = self.name_literal();
        (self.tree.text.get(s + 1..e - 1).unwrap_or(""), escaped)
    }

    /// The decoded member name.
    pub(crate) fn name(&self) -> Cow<'d, str> {
        let (raw, escaped) = self.name_raw();
        decode(raw, escaped)
    }

    /// Whether the decoded name equals `name` (without decoding when it has no escape).
    #[inline]
    pub(crate) fn name_is(&self, name: &str) -> bool {
        let (raw, escaped) = self.name_raw();
        if escaped {
            return decode(raw, true) == name;
        }
        raw == name
    }

    /// The decoded name's length in bytes (decoding only a name that holds an escape).
    #[inline]
    pub(crate) fn name_len(&self) -> usize {
        let (raw, escaped) = self.name_raw();
        if escaped {
            decoded_len(raw, true).1
        } else {
            raw.len()
        }
    }

    /// Byte range of the name literal, quotes included.
    pub(crate) fn name_span(&self) -> (usize, usize) {
        let (s, e, _) = self.name_literal();
        (s, e)
    }

    pub(crate) fn value(&self) -> Value<'d> {
        Value {
            tree: self.tree,
            id: self.link & !SHADOWED,
        }
    }

    /// Whether a later member of the same object has the same name (this copy is not sent).
    pub(crate) fn is_shadowed(&self) -> bool {
        self.link & SHADOWED != 0
    }
}

/// The member name literal before the value that starts at `value_start` in valid JSON: its byte
/// range (quotes included) and whether it holds an escape. Backwards from the value: whitespace,
/// `:`, whitespace, the closing quote; the opening quote is the nearest `"` before it that an
/// even number of backslashes precedes (inside a name every `"` is escaped).
fn name_before(b: &[u8], value_start: usize) -> (usize, usize, bool) {
    let end = name_end(b, value_start);
    let mut search = end.saturating_sub(1);
    let start = loop {
        match memchr::memrchr(b'"', &b[..search]) {
            None => break search,
            Some(q) => {
                let slashes = b[..q].iter().rev().take_while(|&&c| c == b'\\').count();
                if slashes.is_multiple_of(2) {
                    break q;
                }
                search = q;
            }
        }
    };
    let escaped = b
        .get(start + 1..end.saturating_sub(1).max(start + 1))
        .is_some_and(|inner| memchr::memchr(b'\\', inner).is_some());
    (start, end, escaped)
}

/// Where the member name literal before the value at `value_start` ends (just past its closing
/// quote), in valid JSON: backwards over whitespace, `:` and whitespace.
fn name_end(b: &[u8], value_start: usize) -> usize {
    let is_ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r');
    let mut i = value_start.min(b.len());
    while i > 0 && is_ws(b[i - 1]) {
        i -= 1;
    }
    // The colon.
    i = i.saturating_sub(1);
    while i > 0 && is_ws(b[i - 1]) {
        i -= 1;
    }
    i
}

/// Decodes the inside of a string literal that the parser validated.
fn decode(raw: &str, escaped: bool) -> Cow<'_, str> {
    if !escaped {
        return Cow::Borrowed(raw);
    }
    let b = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    // `run` starts the unescaped bytes not yet copied; a backslash is ASCII, so every cut falls
    // on a character boundary. A byte loop beats a `memchr` per escape in escape-dense text (an
    // embedded job document is mostly `\"`).
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        // Inside a validated literal the only special byte left is the backslash.
        i = skip_plain(b, i);
        if i >= b.len() {
            break;
        }
        out.push_str(&raw[run..i]);
        match simple_escape(b.get(i + 1).copied()) {
            Some(c) => {
                out.push(c as char);
                i += 2;
            }
            None => {
                let (c, used) = escape_at(b, i);
                out.push(c);
                i += used;
            }
        }
        run = i;
    }
    out.push_str(&raw[run.min(raw.len())..]);
    Cow::Owned(out)
}

/// The byte a one-letter escape (`\"`, `\n`, ...) stands for; `None` for `\u` and anything else.
#[inline]
fn simple_escape(letter: Option<u8>) -> Option<u8> {
    Some(match letter? {
        b'"' => b'"',
        b'\\' => b'\\',
        b'/' => b'/',
        b'n' => b'\n',
        b't' => b'\t',
        b'r' => b'\r',
        b'b' => 0x08,
        b'f' => 0x0c,
        _ => return None,
    })
}

/// The character a validated escape at `i` (a backslash) stands for, and its length in bytes.
fn escape_at(b: &[u8], i: usize) -> (char, usize) {
    if let Some(c) = simple_escape(b.get(i + 1).copied()) {
        return (c as char, 2);
    }
    match b.get(i + 1) {
        Some(b'u') => {
            let unit = hex4(b.get(i + 2..).unwrap_or(&[])).unwrap_or(0xFFFD);
            if (0xD800..0xDC00).contains(&unit) {
                let low = hex4(b.get(i + 8..).unwrap_or(&[])).unwrap_or(0xDC00);
                let c = 0x10000 + ((unit - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF);
                (char::from_u32(c).unwrap_or('\u{FFFD}'), 12)
            } else {
                (char::from_u32(unit).unwrap_or('\u{FFFD}'), 6)
            }
        }
        Some(&other) => (other as char, 2),
        None => ('\\', 1),
    }
}

/// The decoded length of a string literal's inside, in code points and in UTF-8 bytes, without
/// decoding it: every byte that starts a code point counts one, an escape counts for the
/// character it stands for.
fn decoded_len(raw: &str, escaped: bool) -> (usize, usize) {
    let b = raw.as_bytes();
    if !escaped {
        // A code point starts at every byte that is not a UTF-8 continuation byte (10xxxxxx).
        return (b.iter().filter(|&&c| c & 0xC0 != 0x80).count(), b.len());
    }
    let (mut chars, mut bytes, mut i) = (0, b.len(), 0);
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            chars += usize::from(c & 0xC0 != 0x80);
            i += 1;
        } else if b.get(i + 1) != Some(&b'u') {
            // A one-letter escape: two bytes for one ASCII character.
            chars += 1;
            bytes -= 1;
            i += 2;
        } else {
            let (c, used) = escape_at(b, i);
            chars += 1;
            bytes -= used - c.len_utf8();
            i += used;
        }
    }
    (chars, bytes)
}

/// Four hex digits as a number.
fn hex4(b: &[u8]) -> Option<u32> {
    let digits = b.get(..4)?;
    let mut v = 0u32;
    for &d in digits {
        v = v * 16 + (d as char).to_digit(16)?;
    }
    Some(v)
}

/// Maps a byte offset inside the decoded value of a string literal to the byte offset in the
/// source text, walking the literal's escapes (`\"`, `\n`, `\u00e9`, ...). `literal_start` is the
/// offset of the opening quote.
pub(crate) fn offset_in_literal(text: &str, literal_start: usize, decoded_offset: usize) -> usize {
    let Some(raw) = text.get(literal_start + 1..) else {
        return literal_start;
    };
    let b = raw.as_bytes();
    let (mut i, mut decoded) = (0usize, 0usize);
    while i < b.len() {
        if decoded >= decoded_offset || b[i] == b'"' {
            return literal_start + 1 + i;
        }
        if b[i] == b'\\' {
            match b.get(i + 1) {
                Some(b'u') => {
                    let unit = hex4(&b[(i + 2).min(b.len())..]).unwrap_or(0xFFFD);
                    // A surrogate pair spans two escapes and decodes to 4 bytes; count 2 each.
                    decoded += match unit {
                        0xD800..=0xDFFF => 2,
                        u => char::from_u32(u).map_or(3, char::len_utf8),
                    };
                    i += 6;
                }
                Some(_) => {
                    decoded += 1;
                    i += 2;
                }
                None => break,
            }
        } else {
            decoded += 1;
            i += 1;
            // Continuation bytes of a multi-byte character count with their lead byte.
            while i < b.len() && (b[i] & 0xC0) == 0x80 {
                decoded += 1;
                i += 1;
            }
        }
    }
    literal_start + 1 + i.min(b.len())
}

/// The offset of the first byte at or after `i` that ends a run of ordinary string content: a
/// quote, a backslash, or a control byte below 0x20 (or `b.len()`). Eight bytes at a time: a
/// word has such a byte when one of its bytes equals `"` or `\\` or is below 0x20, tested
/// with the carry-free "has zero byte" trick; the byte itself is then found with the table.
/// `tests` holds it to the plain byte loop.
#[inline]
fn skip_plain(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    // The next few bytes one at a time first: in an embedded job document an escape comes every
    // few bytes, and a word test would fail there anyway.
    let near = (i + 8).min(b.len());
    while i < near {
        if STRING_SPECIAL[b[i] as usize] {
            return i;
        }
        i += 1;
    }
    while let Some(chunk) = b.get(i..i + 8) {
        let w = u64::from_le_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]);
        // `w - 0x20 * ONES` sets a byte's high bit when the byte is below 0x20 (or >= 0xA0 with
        // borrows: the `!w` mask keeps only bytes whose own high bit is clear).
        let control = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
        let quote = has_zero(w ^ (ONES * u64::from(b'"')));
        let backslash = has_zero(w ^ (ONES * u64::from(b'\\')));
        if control | quote | backslash != 0 {
            break;
        }
        i += 8;
    }
    while i < b.len() && !STRING_SPECIAL[b[i] as usize] {
        i += 1;
    }
    i
}

/// Bytes that end the fast scan inside a string: the quote, the backslash, control characters.
static STRING_SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    depth: usize,
    tree: Tree<'t>,
    /// Links of the containers being parsed; a container's links move to the tree, contiguous,
    /// when it closes.
    scratch: Vec<u32>,
    /// What to keep of the value being parsed.
    keep: Keep,
    /// How many opaque containers enclose the current position: inside one, nothing is kept.
    skipping: u32,
}

const STRICT_HELP: &str = "the request must be strict JSON: double-quoted names and strings, no comments, no trailing commas";

impl<'t> Parser<'t> {
    fn document(&mut self) -> Result<(), Box<SyntaxError>> {
        if self.text.len() > MAX_INPUT_BYTES {
            return Err(self.error_at(
                0,
                0,
                format!(
                    "the input is {} bytes; the reader handles at most {MAX_INPUT_BYTES}",
                    self.text.len()
                ),
                None,
            ));
        }
        if self.text.starts_with('\u{FEFF}') {
            let mut e = self.error_at(
                0,
                3,
                "the file starts with a byte-order mark (U+FEFF)".into(),
                Some("save the file as UTF-8 without a byte-order mark; JSON readers such as the AWS CLI's reject it"),
            );
            e.removal = Some("remove the byte-order mark");
            return Err(e);
        }
        let b = self.bytes;
        // Two characters of UTF-16 text: a NUL in the same half of both code units (the high
        // byte of ASCII), a non-NUL in the other. A lone NUL is just a NUL.
        let utf16 = match b.get(..4) {
            Some(&[a, 0, c, 0]) => a != 0 && c != 0,
            Some(&[0, a, 0, c]) => a != 0 && c != 0,
            _ => false,
        };
        if utf16 {
            return Err(self.error_at(
                0,
                1,
                "the text looks like UTF-16 (NUL bytes between characters)".into(),
                Some("save the file as UTF-8"),
            ));
        }
        self.skip_ws();
        if self.pos == b.len() {
            return Err(self.error_at(
                b.len(),
                b.len(),
                "the input is empty; expected a JSON object".into(),
                None,
            ));
        }
        self.value()?;
        self.skip_ws();
        if self.pos < b.len() {
            return Err(
                self.unexpected("after the top-level value; the input must hold one JSON value")
            );
        }
        Ok(())
    }

    fn error_at(
        &self,
        start: usize,
        len: usize,
        message: String,
        help: Option<&str>,
    ) -> Box<SyntaxError> {
        let start = start.min(self.text.len());
        let end = (start + len).min(self.text.len());
        // Boxed, so every `Result` the recursive descent returns stays two words wide.
        Box::new(SyntaxError {
            start,
            end,
            message,
            help: help.map(str::to_string),
            too_deep: false,
            removal: None,
        })
    }

    /// The character at the current position (the input is valid UTF-8).
    fn current_char(&self) -> Option<char> {
        self.text.get(self.pos..).and_then(|s| s.chars().next())
    }

    /// An "unexpected character" error at the current position, `context` saying what was
    /// expected.
    fn unexpected(&self, context: &str) -> Box<SyntaxError> {
        let Some(c) = self.current_char() else {
            return self.error_at(
                self.pos,
                0,
                format!("unexpected end of input {context}"),
                Some("the text is cut off: close every string, array and object"),
            );
        };
        let len = c.len_utf8();
        let rest = &self.text[self.pos..];
        let (message, help) = if rest.starts_with("//") || rest.starts_with("/*") {
            (
                "comments are not allowed in JSON".to_string(),
                "remove the comment",
            )
        } else if c == '\'' {
            (
                "single quotes are not allowed in JSON".to_string(),
                "write names and strings in double quotes",
            )
        } else if (c.is_whitespace() || c.is_control()) && !matches!(c, ' ' | '\t' | '\n' | '\r') {
            (
                format!("U+{:04X} is not JSON whitespace", c as u32),
                "between tokens JSON allows only space, tab, line feed and carriage return",
            )
        } else {
            (
                format!("unexpected {} {context}", describe_char(c)),
                STRICT_HELP,
            )
        };
        self.error_at(self.pos, len, message, Some(help))
    }

    /// Skips JSON whitespace.
    #[inline]
    fn skip_ws(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b' ' | b'\t' | b'\n' | b'\r' => self.pos += 1,
                _ => break,
            }
        }
    }

    fn push_node(&mut self, kind: Kind, start: usize) -> u32 {
        self.push_leaf(kind, start, start, 0, 0)
    }

    /// Adds a node (none inside an opaque container: the id returned then names nothing).
    fn push_leaf(&mut self, kind: Kind, start: usize, end: usize, first: u32, len: u32) -> u32 {
        let id = self.tree.nodes.len() as u32;
        if self.skipping == 0 {
            self.tree.nodes.push(NodeData {
                start: start as u32,
                end: end as u32,
                first,
                len,
            });
            self.tree.kinds.push(kind);
        }
        id
    }

    /// What to keep of the value of member `name` (the literal at `name_start..name_end`) of an
    /// object parsed with `keep`.
    fn keep_member(&self, keep: Keep, name_start: usize, name_end: usize, escaped: bool) -> Keep {
        match keep {
            _ if self.skipping > 0 => Keep::Skip,
            Keep::Guided(guide) => {
                let raw = self.text.get(name_start + 1..name_end - 1).unwrap_or("");
                guide.member(&decode(raw, escaped))
            }
            other => other,
        }
    }

    /// Starts a container: opaque when its value is to be skipped (it keeps no children).
    fn open_container(&mut self, kind: Kind, start: usize) -> (u32, bool) {
        let opaque = self.skipping == 0 && matches!(self.keep, Keep::Skip);
        let id = self.push_node(kind, start);
        if opaque || self.skipping > 0 {
            self.skipping += 1;
        }
        (id, opaque)
    }

    /// Ends a container opened inside or as an opaque value; `true` when it was one.
    fn close_skipped(&mut self, id: u32, opaque: bool) -> bool {
        if self.skipping == 0 {
            return false;
        }
        self.skipping -= 1;
        if opaque && let Some(node) = self.tree.nodes.get_mut(id as usize) {
            node.end = self.pos as u32;
            node.first = OPAQUE;
        }
        true
    }

    fn value(&mut self) -> Result<u32, Box<SyntaxError>> {
        let start = self.pos;
        match self.bytes.get(self.pos) {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => {
                let scanned = self.string()?;
                // A string has no links: its link fields keep its decoded length.
                Ok(self.push_leaf(
                    Kind::String {
                        escaped: scanned.escaped,
                    },
                    start,
                    self.pos,
                    scanned.bytes,
                    scanned.chars,
                ))
            }
            Some(b'-' | b'0'..=b'9') => {
                self.number()?;
                Ok(self.push_leaf(Kind::Number, start, self.pos, 0, 0))
            }
            Some(b't') => self.literal("true", Kind::True),
            Some(b'f') => self.literal("false", Kind::False),
            Some(b'n') => self.literal("null", Kind::Null),
            _ => {
                let rest = &self.text[self.pos..];
                if ["NaN", "Infinity", "-Infinity"]
                    .iter()
                    .any(|w| rest.starts_with(w))
                {
                    let len = rest
                        .bytes()
                        .take_while(|b| b.is_ascii_alphabetic() || *b == b'-')
                        .count();
                    return Err(self.error_at(
                        self.pos,
                        len,
                        "NaN and Infinity are not JSON numbers".into(),
                        Some("write a finite number"),
                    ));
                }
                Err(self.unexpected("where a value was expected"))
            }
        }
    }

    fn literal(&mut self, word: &'static str, kind: Kind) -> Result<u32, Box<SyntaxError>> {
        let start = self.pos;
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(self.push_leaf(kind, start, self.pos, 0, 0))
        } else {
            let len = self.bytes[self.pos..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count()
                .max(1);
            let found = &self.text[self.pos..self.pos + len];
            let help = match found.to_ascii_lowercase().as_str() {
                "true" | "false" | "null" => {
                    Some("JSON literals are lower-case: true, false, null")
                }
                _ => Some("strings need double quotes"),
            };
            Err(self.error_at(
                self.pos,
                len,
                format!(
                    "unexpected `{}` where a value was expected",
                    crate::text::escape(found)
                ),
                help,
            ))
        }
    }

    fn enter(&mut self) -> Result<(), Box<SyntaxError>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let mut e = self.error_at(
                self.pos,
                1,
                format!("arrays and objects nest more than {MAX_DEPTH} levels deep here"),
                None,
            );
            e.too_deep = true;
            return Err(e);
        }
        Ok(())
    }

    /// Moves the links pushed since `mark` into the tree and records them on container `id`.
    fn close(&mut self, id: u32, mark: usize) {
        let first = self.tree.links.len() as u32;
        self.tree.links.extend_from_slice(&self.scratch[mark..]);
        let len = (self.scratch.len() - mark) as u32;
        self.scratch.truncate(mark);
        if let Some(node) = self.tree.nodes.get_mut(id as usize) {
            node.first = first;
            node.len = len;
            node.end = self.pos as u32;
        }
    }

    fn object(&mut self) -> Result<u32, Box<SyntaxError>> {
        let start = self.pos;
        self.enter()?;
        let keep = self.keep;
        let (id, opaque) = self.open_container(Kind::Object, start);
        self.pos += 1;
        let mark = self.scratch.len();
        // Whether a kept member's name holds an escape.
        let mut escaped_names = false;
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
        } else {
            loop {
                if self.bytes.get(self.pos) != Some(&b'"') {
                    return Err(
                        self.unexpected("where a member name in double quotes was expected")
                    );
                }
                let name_start = self.pos;
                let name_escaped = self.string()?.escaped;
                let name_end = self.pos;
                self.skip_ws();
                if self.bytes.get(self.pos) != Some(&b':') {
                    return Err(self.unexpected("after a member name; expected `:`"));
                }
                self.pos += 1;
                self.skip_ws();
                self.keep = self.keep_member(keep, name_start, name_end, name_escaped);
                let value = self.value()?;
                self.keep = keep;
                if self.skipping == 0 {
                    self.scratch.push(value);
                    escaped_names |= name_escaped;
                }
                self.skip_ws();
                match self.bytes.get(self.pos) {
                    Some(b',') => {
                        let comma = self.pos;
                        self.pos += 1;
                        self.skip_ws();
                        if self.bytes.get(self.pos) == Some(&b'}') {
                            let mut e = self.error_at(
                                comma,
                                1,
                                "trailing comma before `}`".into(),
                                Some("remove the comma after the last member"),
                            );
                            e.removal = Some("remove the trailing comma");
                            return Err(e);
                        }
                    }
                    Some(b'}') => {
                        self.pos += 1;
                        break;
                    }
                    Some(b'"') => {
                        return Err(self.unexpected("after a member; a `,` is missing before it"));
                    }
                    _ => return Err(self.unexpected("after a member; expected `,` or `}`")),
                }
            }
        }
        if !self.close_skipped(id, opaque) {
            if escaped_names {
                let word = id as usize / 64;
                if self.tree.escaped_names.len() <= word {
                    self.tree.escaped_names.resize(word + 1, 0);
                }
                self.tree.escaped_names[word] |= 1 << (id % 64);
            }
            let starts = |link: u32| {
                self.tree
                    .nodes
                    .get((link & !SHADOWED) as usize)
                    .map_or(0, |n| n.start as usize)
            };
            mark_shadowed(self.text, starts, escaped_names, &mut self.scratch[mark..]);
            self.close(id, mark);
        }
        self.depth -= 1;
        Ok(id)
    }

    fn array(&mut self) -> Result<u32, Box<SyntaxError>> {
        let start = self.pos;
        self.enter()?;
        let keep = self.keep;
        let element = match keep {
            _ if self.skipping > 0 => Keep::Skip,
            Keep::Guided(guide) => guide.element(),
            other => other,
        };
        let (id, opaque) = self.open_container(Kind::Array, start);
        self.pos += 1;
        let mark = self.scratch.len();
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b']') {
            self.pos += 1;
        } else {
            loop {
                self.keep = element;
                let value = self.value()?;
                self.keep = keep;
                if self.skipping == 0 {
                    self.scratch.push(value);
                }
                self.skip_ws();
                match self.bytes.get(self.pos) {
                    Some(b',') => {
                        let comma = self.pos;
                        self.pos += 1;
                        self.skip_ws();
                        if self.bytes.get(self.pos) == Some(&b']') {
                            let mut e = self.error_at(
                                comma,
                                1,
                                "trailing comma before `]`".into(),
                                Some("remove the comma after the last element"),
                            );
                            e.removal = Some("remove the trailing comma");
                            return Err(e);
                        }
                    }
                    Some(b']') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.unexpected("after an array element; expected `,` or `]`")),
                }
            }
        }
        if !self.close_skipped(id, opaque) {
            self.close(id, mark);
        }
        self.depth -= 1;
        Ok(id)
    }

    /// Scans a string literal starting at its opening quote; returns whether it has escapes.
    fn string(&mut self) -> Result<Scanned, Box<SyntaxError>> {
        let open = self.pos;
        let b = self.bytes;
        let mut i = self.pos + 1;
        let mut escaped = false;
        // What the escapes save against their raw bytes, in code points and in UTF-8 bytes.
        let (mut chars_saved, mut bytes_saved) = (0usize, 0usize);
        loop {
            // Fast path: skip ordinary bytes (UTF-8 continuation bytes included).
            i = skip_plain(b, i);
            let Some(&c) = b.get(i) else {
                return Err(self.error_at(
                    open,
                    1,
                    "unterminated string: the closing `\"` is missing".into(),
                    Some("close the string with `\"`"),
                ));
            };
            match c {
                b'"' => {
                    self.pos = i + 1;
                    let raw = &b[open + 1..i];
                    // UTF-8 continuation bytes (10xxxxxx) start no code point; most strings are
                    // ASCII, which one word-at-a-time test settles.
                    let continuation = if raw.is_ascii() {
                        0
                    } else {
                        raw.iter().filter(|&&c| (c as i8) < -64).count()
                    };
                    return Ok(Scanned {
                        escaped,
                        chars: (raw.len() - continuation - chars_saved) as u32,
                        bytes: (raw.len() - bytes_saved) as u32,
                    });
                }
                b'\\' => {
                    escaped = true;
                    if simple_escape(b.get(i + 1).copied()).is_some() {
                        chars_saved += 1;
                        bytes_saved += 1;
                        i += 2;
                    } else {
                        let next = self.escape(i)?;
                        if next - i == 12 {
                            // A surrogate pair: one astral character, four bytes.
                            chars_saved += 11;
                            bytes_saved += 8;
                        } else {
                            let unit = hex4(&b[i + 2..]).unwrap_or(0);
                            let len = char::from_u32(unit).map_or(3, char::len_utf8);
                            chars_saved += 5;
                            bytes_saved += 6 - len;
                        }
                        i = next;
                    }
                }
                _ => {
                    return Err(self.error_at(
                        i,
                        1,
                        format!("raw control character U+{:04X} inside a string", c),
                        Some("JSON strings cannot hold raw control characters: write \\n for a newline, \\t for a tab, \\u00XX for others"),
                    ));
                }
            }
        }
    }

    /// Validates the escape at `i` (a backslash); returns the offset after it.
    fn escape(&self, i: usize) -> Result<usize, Box<SyntaxError>> {
        let b = self.bytes;
        match b.get(i + 1) {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => Ok(i + 2),
            Some(b'u') => {
                let bad_hex = || {
                    self.error_at(
                        i,
                        2,
                        "invalid \\u escape: expected four hexadecimal digits".into(),
                        Some("write \\u followed by exactly four hex digits, e.g. \\u00e9"),
                    )
                };
                let unit = hex4(b.get(i + 2..).unwrap_or(&[])).ok_or_else(bad_hex)?;
                let lone = || {
                    self.error_at(
                        i,
                        6,
                        format!("invalid \\u escape: \\u{:04X} is half of a surrogate pair with no other half", unit),
                        Some("a \\uD800-\\uDFFF escape must be half of a surrogate pair (\\uD83D\\uDE00); write the character itself instead"),
                    )
                };
                match unit {
                    0xD800..=0xDBFF => {
                        let low = (b.get(i + 6) == Some(&b'\\') && b.get(i + 7) == Some(&b'u'))
                            .then(|| hex4(b.get(i + 8..).unwrap_or(&[])))
                            .flatten();
                        match low {
                            Some(0xDC00..=0xDFFF) => Ok(i + 12),
                            _ => Err(lone()),
                        }
                    }
                    0xDC00..=0xDFFF => Err(lone()),
                    _ => Ok(i + 6),
                }
            }
            _ => {
                let c = self.text.get(i + 1..).and_then(|s| s.chars().next());
                let len = 1 + c.map_or(0, char::len_utf8);
                Err(self.error_at(
                    i,
                    len,
                    match c {
                        Some(c) => format!("invalid escape `\\{}` in a string", crate::text::escape(&c.to_string())),
                        None => "unterminated string: it ends in a backslash".into(),
                    },
                    Some("JSON escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\"),
                ))
            }
        }
    }

    fn number(&mut self) -> Result<(), Box<SyntaxError>> {
        let b = self.bytes;
        let start = self.pos;
        match scan_number(b, start) {
            Ok(end) => {
                self.pos = end;
                Ok(())
            }
            Err(why) => {
                // The error covers the whole token a reader would see as the number.
                let end = (start
                    + b[start..]
                        .iter()
                        .take_while(|c| {
                            c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'+')
                        })
                        .count())
                .max(start + 1);
                Err(self.error_at(
                    start,
                    end - start,
                    format!(
                        "invalid number `{}`: {}",
                        crate::text::escape(&self.text[start..end]),
                        why.text()
                    ),
                    Some("JSON numbers are written like 12, -3, 0.5 or 1e3"),
                ))
            }
        }
    }
}

/// Why a number literal is malformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumberError {
    NoDigit,
    LeadingZero,
    NoFraction,
    NoExponent,
    Trailing,
}

impl NumberError {
    fn text(self) -> &'static str {
        match self {
            NumberError::NoDigit => "a digit must follow the minus sign",
            NumberError::LeadingZero => "leading zeros are not allowed",
            NumberError::NoFraction => "a digit must follow the decimal point",
            NumberError::NoExponent => "the exponent has no digits",
            NumberError::Trailing => "unexpected characters in the number",
        }
    }
}

/// Scans one JSON number literal (RFC 8259 §6) starting at `start`; returns the offset after it.
/// A letter, digit or `.` right after the literal makes it malformed (`1x`, `01`, `1.2.3`).
fn scan_number(b: &[u8], start: usize) -> Result<usize, NumberError> {
    let digits = |i: usize| {
        b[i.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = start + usize::from(b.get(start) == Some(&b'-'));
    let int = digits(i);
    if int == 0 {
        return Err(NumberError::NoDigit);
    }
    if int > 1 && b[i] == b'0' {
        return Err(NumberError::LeadingZero);
    }
    i += int;
    if b.get(i) == Some(&b'.') {
        let frac = digits(i + 1);
        if frac == 0 {
            return Err(NumberError::NoFraction);
        }
        i += 1 + frac;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp = digits(i);
        if exp == 0 {
            return Err(NumberError::NoExponent);
        }
        i += exp;
    }
    if matches!(b.get(i), Some(c) if c.is_ascii_alphanumeric() || *c == b'.') {
        return Err(NumberError::Trailing);
    }
    Ok(i)
}

/// Whether `s` is exactly one JSON number literal (RFC 8259 §6).
pub(crate) fn is_json_number(s: &str) -> bool {
    scan_number(s.as_bytes(), 0) == Ok(s.len())
}

/// Marks every member whose name repeats later in the same object. `links` are the members'
/// value ids in source order, `start` gives where a value begins (its name literal is found
/// again just before it, so the parser keeps no copy of the names: 12 bytes per member was a
/// whole copy of an input of many small members), and `escaped` says whether any name holds an
/// escape.
fn mark_shadowed(text: &str, start: impl Fn(u32) -> usize, escaped: bool, links: &mut [u32]) {
    let n = links.len();
    if n < 2 {
        return;
    }
    let bytes = text.as_bytes();
    // The name of the member whose link is `link`, as written, and whether it holds an escape.
    let name = |link: u32| {
        let (s, e, escaped) = name_before(bytes, start(link));
        (text.get(s + 1..e.saturating_sub(1)).unwrap_or(""), escaped)
    };
    // An object as a request has them: the names found once, compared pairwise.
    const SMALL: usize = 32;
    if n <= SMALL && !escaped {
        let mut names = [""; SMALL];
        for (slot, &link) in names.iter_mut().zip(links.iter()) {
            *slot = name(link).0;
        }
        let names = &names[..n];
        for (i, link) in links.iter_mut().enumerate().take(n - 1) {
            if names[i + 1..].contains(&names[i]) {
                *link |= SHADOWED;
            }
        }
        return;
    }
    // Larger objects (or escaped names): sort member indices by decoded name, then mark every
    // member of a run of equal names but the last in source order. Names are found and compared
    // where they stand (decoded only when escaped), so the sort needs four bytes per member.
    let decoded = |link: u32| {
        let (raw, escaped) = name(link);
        decode(raw, escaped)
    };
    let mut order: Vec<u32> = (0..n as u32).collect();
    let all = &*links;
    let link = |i: u32| all.get(i as usize).copied().unwrap_or(0);
    crate::sort::sort_indices(&mut order, &mut |x, y| {
        let ((ra, ea), (rb, eb)) = (name(link(x)), name(link(y)));
        if ea || eb {
            decoded(link(x)).cmp(&decoded(link(y)))
        } else {
            ra.cmp(rb)
        }
    });
    // Marking sets only the SHADOWED bit, which `start` ignores: links are read as they change.
    for k in 1..order.len() {
        let (Some(&x), Some(&y)) = (order.get(k - 1), order.get(k)) else {
            break;
        };
        let (Some(&lx), Some(&ly)) = (links.get(x as usize), links.get(y as usize)) else {
            continue;
        };
        if decoded(lx) == decoded(ly)
            && let Some(l) = links.get_mut(x as usize)
        {
            *l |= SHADOWED;
        }
    }
}

/// One step from an opaque value down to a repeated member: a member (its name literal's range,
/// whether the name holds an escape) or an element index.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Step {
    Member(usize, usize, bool),
    Element(usize),
}

impl Step {
    /// The decoded token of the step (a member name, or an index), for a JSON Pointer.
    pub(crate) fn token<'t>(&self, text: &'t str) -> Cow<'t, str> {
        match *self {
            Step::Member(s, e, escaped) => {
                decode(text.get(s + 1..e.saturating_sub(1)).unwrap_or(""), escaped)
            }
            Step::Element(i) => Cow::Owned(i.to_string()),
        }
    }
}

/// A member whose name repeats later in the same object, found by [`repeated_members`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Repeated {
    /// The name literal of this (ignored) copy.
    pub(crate) name: Step,
    /// The name literal's byte range of the copy that is sent (the last one).
    pub(crate) winner: (usize, usize),
    /// The byte range to delete to remove this copy with its separating comma.
    pub(crate) removal: (usize, usize),
}

/// Every member whose name repeats later in its object, anywhere inside the opaque value at
/// `span` of `text` (valid JSON: the parser checked it), with the steps from the value down to
/// its object. Memory is the members of the objects open at one time, not the value's size.
pub(crate) fn repeated_members(
    text: &str,
    span: (usize, usize),
    visit: &mut dyn FnMut(&[Step], Repeated),
) {
    let mut scan = Scan {
        text,
        b: text.as_bytes(),
        pos: span.0,
        end: span.1.min(text.len()),
        steps: Vec::new(),
        visit,
    };
    scan.value();
}

/// The walk of [`repeated_members`] over valid JSON.
struct Scan<'t, 'v> {
    text: &'t str,
    b: &'t [u8],
    pos: usize,
    end: usize,
    steps: Vec<Step>,
    visit: &'v mut dyn FnMut(&[Step], Repeated),
}

impl Scan<'_, '_> {
    fn ws(&mut self) {
        while self.pos < self.end && matches!(self.b[self.pos], b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
    }

    fn value(&mut self) {
        self.ws();
        match self.b.get(self.pos) {
            Some(b'{') if self.pos < self.end => self.object(),
            Some(b'[') if self.pos < self.end => self.array(),
            Some(b'"') if self.pos < self.end => {
                self.string();
            }
            _ => {
                while self.pos < self.end
                    && !matches!(
                        self.b[self.pos],
                        b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r'
                    )
                {
                    self.pos += 1;
                }
            }
        }
    }

    /// Skips a string literal; whether it holds an escape.
    fn string(&mut self) -> bool {
        let mut escaped = false;
        let mut i = self.pos + 1;
        loop {
            i = skip_plain(self.b, i);
            match self.b.get(i) {
                Some(b'\\') => {
                    escaped = true;
                    i += 2;
                }
                Some(_) => {
                    self.pos = (i + 1).min(self.end);
                    return escaped;
                }
                None => {
                    self.pos = self.end;
                    return escaped;
                }
            }
        }
    }

    fn object(&mut self) {
        let open = self.pos;
        self.pos += 1;
        // Each member: its name step and the end of its value.
        let mut members: Vec<(Step, usize)> = Vec::new();
        loop {
            self.ws();
            if self.pos >= self.end || self.b[self.pos] == b'}' {
                break;
            }
            if self.b[self.pos] == b',' {
                self.pos += 1;
                continue;
            }
            let name_start = self.pos;
            let escaped = self.string();
            let name = Step::Member(name_start, self.pos, escaped);
            self.ws();
            self.pos += 1; // the colon
            self.steps.push(name);
            self.value();
            self.steps.pop();
            members.push((name, self.pos));
        }
        self.pos = (self.pos + 1).min(self.end);
        let close = self.pos;
        if members.len() < 2 {
            return;
        }
        let text = self.text;
        let key = |m: &(Step, usize)| match m.0 {
            Step::Member(s, e, escaped) => {
                decode(text.get(s + 1..e.saturating_sub(1)).unwrap_or(""), escaped)
            }
            Step::Element(_) => Cow::Borrowed(""),
        };
        let keys: Vec<Cow<'_, str>> = members.iter().map(key).collect();
        let mut order: Vec<u32> = (0..members.len() as u32).collect();
        crate::sort::sort_indices(&mut order, &mut |x, y| {
            keys[x as usize].cmp(&keys[y as usize])
        });
        let mut repeats: Vec<(usize, usize)> = Vec::new();
        let mut run_end = order.len();
        for k in (0..order.len()).rev() {
            let i = order[k] as usize;
            if k + 1 < order.len() && keys[order[k + 1] as usize] == keys[i] {
                repeats.push((i, order[run_end - 1] as usize));
            } else {
                run_end = k + 1;
            }
        }
        drop(keys);
        crate::sort::sort(&mut repeats);
        let span_of = |i: usize| {
            members.get(i).map(|(step, value_end)| match step {
                Step::Member(s, _, _) => (*s, *value_end),
                Step::Element(_) => (0, 0),
            })
        };
        for (i, winner) in repeats {
            let (name, winner_span) = match (members[i].0, members[winner].0) {
                (name, Step::Member(s, e, _)) => (name, (s, e)),
                _ => continue,
            };
            let removal = remove_span(span_of, i, (open, close), text);
            (self.visit)(
                &self.steps,
                Repeated {
                    name,
                    winner: winner_span,
                    removal,
                },
            );
        }
    }

    fn array(&mut self) {
        self.pos += 1;
        let mut index = 0;
        loop {
            self.ws();
            if self.pos >= self.end || self.b[self.pos] == b']' {
                break;
            }
            if self.b[self.pos] == b',' {
                self.pos += 1;
                continue;
            }
            self.steps.push(Step::Element(index));
            self.value();
            self.steps.pop();
            index += 1;
        }
        self.pos = (self.pos + 1).min(self.end);
    }
}

/// The byte range to delete to remove item `index` of a container spanning `container`, whose
/// item `i` spans `item(i)`, with the comma that separates it from a neighbour (the same rule
/// as `rules::remove_member`).
fn remove_span(
    item: impl Fn(usize) -> Option<(usize, usize)>,
    index: usize,
    container: (usize, usize),
    text: &str,
) -> (usize, usize) {
    let Some((start, end)) = item(index) else {
        return (container.0, container.0);
    };
    if let Some(next) = item(index + 1) {
        (start, next.0)
    } else if let Some(previous) = index.checked_sub(1).and_then(&item) {
        (previous.1, end)
    } else {
        let inner = text.get(container.0 + 1..container.1 - 1).unwrap_or("");
        let lead = inner.len() - inner.trim_start().len();
        let trail = inner.len() - inner.trim_end().len();
        (container.0 + 1 + lead, container.1 - 1 - trail)
    }
}

fn describe_char(c: char) -> String {
    if c.is_ascii_graphic() {
        format!("`{c}`")
    } else {
        format!("U+{:04X}", c as u32)
    }
}

#[cfg(test)]
mod get_many_tests {
    use super::*;

    /// `get_many` finds what `get` finds, name by name: repeated names (the last copy), escapes
    /// in names (the slow path), whitespace around the colon, non-ASCII names, absent names.
    #[test]
    fn same_as_get() {
        let names = ["a", "b", "é", "c d", "missing", "", "a\"q"];
        for text in [
            r#"{"a": 1, "b": [2], "é": {"x": 3}, "c d" : 4, "": 5}"#,
            r#"{"a":1,"a":2,"b":3,"b" :4}"#,
            r#"{ "b" :
                 {"a": 1},
              "a"	:	"x" }"#,
            r#"{"a\u0022q": 1, "a": 2}"#,
            r#"{"a\"q": 1, "b": 2}"#,
            r#"{}"#,
            r#"{"x": {"a": 1}, "a": [{"b": 2}]}"#,
        ] {
            let tree = Tree::parse(text).unwrap();
            let root = tree.root().as_object().unwrap();
            let many = root.get_many(names);
            for (name, got) in names.iter().zip(many) {
                let want = root.get(name);
                assert_eq!(
                    got.map(|v| v.span()),
                    want.map(|v| v.span()),
                    "{text}: {name}"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `s` as a JSON string literal with every character written as `\uXXXX` (pairs for astral
    /// characters), so the `\u` paths of the decoder see every kind of character.
    fn all_u_escapes(s: &str) -> String {
        let mut out = String::from("\"");
        for unit in s.encode_utf16() {
            out.push_str(&format!("\\u{unit:04x}"));
        }
        out.push('"');
        out
    }

    proptest! {
        /// The hand-written fast paths (word-at-a-time scan, decoder, length without decoding)
        /// against serde_json: a string serde_json writes, or one written entirely in `\u`
        /// escapes, reads back as the same value, length and code point count.
        #[test]
        fn strings_match_serde_json(s in any::<String>(), mixed in "[a-z\"\\\\\n\t\u{1}\u{7f}\u{e9}\u{1F600} ]{0,40}") {
            for value in [s.as_str(), mixed.as_str()] {
                for literal in [serde_json::to_string(value).unwrap(), all_u_escapes(value)] {
                    let tree = Tree::parse(&literal).unwrap();
                    let root = tree.root();
                    let decoded = root.as_str().unwrap();
                    prop_assert_eq!(decoded.as_ref(), value);
                    prop_assert_eq!(root.str_len(), Some((value.chars().count(), value.len())));
                    prop_assert_eq!(serde_json::from_str::<String>(&literal).unwrap(), value);
                }
            }
        }

        /// Member lookup (the fast path for objects without escaped names, the decoding path
        /// for the others) against serde_json's map, which keeps the last copy of a repeated
        /// name: same presence and value for every name, written plainly or in escapes.
        #[test]
        fn member_lookup_matches_serde_json(
            names in proptest::collection::vec("[a-c\"\\\\]{0,3}", 0..6),
            escape in proptest::collection::vec(proptest::bool::weighted(0.1), 6),
            pad in "[ \n]{0,2}",
        ) {
            let members: Vec<String> = names
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let literal = if escape[i] {
                        all_u_escapes(n)
                    } else {
                        serde_json::to_string(n).unwrap()
                    };
                    format!("{literal}{pad}:{pad}{i}")
                })
                .collect();
            let text = format!("{{{}}}", members.join(","));
            let tree = Tree::parse(&text).unwrap();
            let object = tree.root().as_object().unwrap();
            let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
            // Every name, every suffix of one (a fast path that ignored where the name begins
            // would take `"ab"` for `b`), and a few others.
            let suffixes = names.iter().flat_map(|n| n.char_indices().map(|(i, _)| &n[i..]));
            for probe in names.iter().map(String::as_str).chain(suffixes).chain(["", "a", "b\\", "\""]) {
                let ours = object.get(probe).map(|v| v.span());
                let theirs = map.get(probe).map(|v| v.to_string());
                prop_assert_eq!(
                    ours.map(|(s, e)| text[s..e].to_string()),
                    theirs,
                    "name {:?} in {}", probe, text
                );
            }
        }

        /// `skip_plain` stops where the plain byte loop stops, from any offset.
        #[test]
        fn skip_plain_matches_byte_loop(
            bytes in proptest::collection::vec(
                prop_oneof![
                    any::<u8>(),
                    // The edges of the three tests, and bytes that borrow or carry in them.
                    proptest::sample::select(vec![0x00, 0x1F, 0x20, 0x21, b'"', 0x23, 0x5B, b'\\', 0x5D, 0x7F, 0x80, 0x9F, 0xA0, 0xFF, b'a']),
                    Just(b'a'),
                ],
                0..64,
            ),
            from in 0usize..64,
        ) {
            let from = from.min(bytes.len());
            let mut plain = from;
            while plain < bytes.len() && !STRING_SPECIAL[bytes[plain] as usize] {
                plain += 1;
            }
            prop_assert_eq!(skip_plain(&bytes, from), plain);
        }

        /// The number scanner accepts exactly the literals serde_json reads as one number.
        #[test]
        fn numbers_match_serde_json(s in "-?[0-9]{0,3}(\\.[0-9]{0,2})?([eE][+-]?[0-9]{0,2})?[.a-z]?") {
            let ours = is_json_number(&s);
            let theirs = serde_json::from_str::<serde_json::Number>(&s).is_ok();
            prop_assert_eq!(ours, theirs, "{:?}", s);
        }
    }

    #[test]
    fn spans_and_decoding() {
        let text = r#"{"a": [1, "x\ny", true], "b": {"c": null}, "\u0061": -1.5e3}"#;
        let tree = Tree::parse(text).unwrap();
        let root = tree.root().as_object().unwrap();
        assert_eq!(root.len(), 3);
        let a = root.members().next().unwrap();
        assert!(a.is_shadowed(), "the escaped \\u0061 is the same name");
        assert_eq!(root.get("a").unwrap().as_number(), Some("-1.5e3"));
        let arr = a.value().as_array().unwrap();
        let items: Vec<_> = arr.iter().map(|v| v.raw()).collect();
        assert_eq!(items, ["1", r#""x\ny""#, "true"]);
        assert_eq!(arr.iter().nth(1).unwrap().as_str().unwrap(), "x\ny");
        let b = root.get("b").unwrap();
        assert_eq!(b.raw(), r#"{"c": null}"#);
        assert_eq!(b.as_object().unwrap().get("c").unwrap().kind(), Kind::Null);
    }

    #[test]
    fn strictness() {
        for bad in [
            "",
            " ",
            "{",
            "{,}",
            "[1,]",
            "{\"a\":1,}",
            "{'a':1}",
            "// c\n{}",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "NaN",
            "[Infinity]",
            "True",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00x\"",
            "\"a\u{1}\"",
            "{}\u{a0}",
            "\u{feff}{}",
            "{} {}",
            "\"abc",
            "[1 2]",
            "{\"a\" 1}",
            "{\"a\":1 \"b\":2}",
            "\"\\u12\"",
            "[-]",
            "1.0e+",
            "\u{0}",
        ] {
            assert!(Tree::parse(bad).is_err(), "{bad:?} must be rejected");
        }
        for good in [
            "{}",
            "[]",
            "0",
            "-0",
            "1.5e-3",
            "\"\\ud83d\\ude00\"",
            " {\"a\" : [ ] } ",
            "null",
            "\"\\/\\b\\f\\n\\r\\t\\\\\\\"\"",
            "123E+4",
        ] {
            assert!(Tree::parse(good).is_ok(), "{good:?} must be accepted");
        }
    }

    #[test]
    fn depth_limit() {
        let deep = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(Tree::parse(&deep).is_ok());
        let too = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(Tree::parse(&too).err().is_some_and(|e| e.too_deep));
    }

    #[test]
    fn offsets_inside_literals() {
        let text = r#""a\"\u00e9b""#;
        assert_eq!(offset_in_literal(text, 0, 0), 1);
        assert_eq!(offset_in_literal(text, 0, 1), 2);
        assert_eq!(offset_in_literal(text, 0, 2), 4);
        assert_eq!(offset_in_literal(text, 0, 4), 10);
    }
}
