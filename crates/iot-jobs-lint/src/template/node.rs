//! The syntax-free view of a CloudFormation template: one [`Node`] per value, with the byte span
//! of the value (and of each mapping key) in the template text, whichever syntax it was written
//! in. The JSON reader ([`super::json`]) and the YAML reader ([`super::yaml`]) both build it; the
//! CloudFormation checks and the mapping to API requests read only this.

/// One value of the template.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    /// What the value is.
    pub(crate) kind: NodeKind,
    /// The byte range of the value in the template text. For a tagged YAML node (`!Ref x`) it
    /// covers the tag too; for a block scalar (`|`, `>`), from the indicator to its last line.
    pub(crate) span: (usize, usize),
    /// A YAML short-form tag without its `!` (`Ref`, `Sub`, `GetAtt`): CloudFormation's short
    /// form of an intrinsic function. `None` for untagged nodes and for every JSON node.
    pub(crate) tag: Option<String>,
    /// For a string: where its decoded text sits in the template, as runs copied verbatim.
    /// Each `(decoded, source)` pair says that the decoded byte `decoded` is the template byte
    /// `source`, and so are the following bytes up to the next pair's `decoded` (or the end
    /// of the string). Empty when the text cannot be mapped byte for byte (escapes, folding):
    /// a place inside the string then maps to the whole value.
    pub(crate) pieces: Vec<(usize, usize)>,
}

/// The kinds of value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum NodeKind {
    /// `null`, `~`, or an empty YAML value.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number, as written (`60`, `1.5`, `1e3`; a YAML `0x1F` or `.inf` is a string instead).
    Number(String),
    /// A string, decoded.
    String(String),
    /// A sequence / array.
    Seq(Vec<Node>),
    /// A mapping / object, in source order (a repeated key keeps every copy; the last wins).
    Map(Vec<Entry>),
}

/// One member of a mapping.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    /// The key, decoded.
    pub(crate) key: String,
    /// The byte range of the key as written (quotes included).
    pub(crate) key_span: (usize, usize),
    /// The byte range of the key's text without its quotes (where a rename edits).
    pub(crate) key_content: (usize, usize),
    /// The value.
    pub(crate) value: Node,
}

/// A template the reader could not read, with the place and the reason.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReadError {
    /// The byte range of the problem.
    pub(crate) span: (usize, usize),
    /// What is wrong, in the reader's words.
    pub(crate) message: String,
}

impl Node {
    /// The member `key` of a mapping (the last copy when it repeats).
    pub(crate) fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    /// The entry `key` of a mapping (the last copy when it repeats).
    pub(crate) fn entry(&self, key: &str) -> Option<&Entry> {
        match &self.kind {
            NodeKind::Map(entries) => entries.iter().rev().find(|e| e.key == key),
            _ => None,
        }
    }

    /// The string value, when the node is an untagged string.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::String(s) if self.tag.is_none() => Some(s),
            _ => None,
        }
    }

    /// The entries, when the node is an untagged mapping.
    pub(crate) fn entries(&self) -> Option<&[Entry]> {
        match &self.kind {
            NodeKind::Map(e) if self.tag.is_none() => Some(e),
            _ => None,
        }
    }
}
