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

    /// The string value, tagged or not (the argument of a short-form intrinsic: `!Ref X`).
    pub(crate) fn as_str_any(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::String(s) => Some(s),
            _ => None,
        }
    }

    /// For each entry of `entries`, whether it is the last copy of its key (the one
    /// CloudFormation uses); `n log n` in the entries however many there are. Entry indices are
    /// sorted by key (ties in source order) rather than put in a hash set: the crate's one sort is
    /// in the WebAssembly build anyway, a hash set would add its own code.
    pub(crate) fn last_copies(entries: &[Entry]) -> Vec<bool> {
        let mut order: Vec<u32> = (0..entries.len() as u32).collect();
        let key = |i: u32| entries.get(i as usize).map(|e| e.key.as_str());
        crate::sort::sort_indices(&mut order, &mut |a, b| key(a).cmp(&key(b)));
        let mut out = vec![true; entries.len()];
        for pair in order.windows(2) {
            if let &[a, b] = pair
                && key(a) == key(b)
                && let Some(last) = out.get_mut(a as usize)
            {
                *last = false;
            }
        }
        out
    }

    /// The entries, when the node is an untagged mapping.
    pub(crate) fn entries(&self) -> Option<&[Entry]> {
        match &self.kind {
            NodeKind::Map(e) if self.tag.is_none() => Some(e),
            _ => None,
        }
    }
}

/// Every intrinsic function CloudFormation knows (long names), and the condition reference.
/// `Fn::ToJsonString`, `Fn::Length` and `Fn::ForEach` need the `AWS::LanguageExtensions`
/// transform.
pub(crate) const INTRINSICS: &[&str] = &[
    "Ref",
    "Condition",
    "Fn::Base64",
    "Fn::Cidr",
    "Fn::FindInMap",
    "Fn::GetAtt",
    "Fn::GetAZs",
    "Fn::If",
    "Fn::ImportValue",
    "Fn::Join",
    "Fn::Select",
    "Fn::Split",
    "Fn::Sub",
    "Fn::Transform",
    "Fn::And",
    "Fn::Equals",
    "Fn::Not",
    "Fn::Or",
    "Fn::GetStackOutput",
    "Fn::ToJsonString",
    "Fn::Length",
    "Fn::ForEach",
];

/// An intrinsic function call found in a template: its long name (`Fn::Sub`, `Ref`, or the
/// unknown name as written), where the name is written, and its argument.
pub(crate) struct Call<'n> {
    /// `Ref`, `Condition` or `Fn::…`; for a short form, `Fn::` + the tag.
    pub(crate) name: String,
    /// The byte range of the name as written (the key, or the tag's start).
    pub(crate) name_span: (usize, usize),
    /// The argument: the value under the key, or the tagged node itself (read its `kind`).
    pub(crate) arg: &'n Node,
}

impl Node {
    /// The intrinsic function call this value is: a short-form tag (`!Sub`), or a one-member
    /// mapping whose key is `Ref`, `Condition` or starts with `Fn::`.
    pub(crate) fn intrinsic(&self) -> Option<Call<'_>> {
        if let Some(tag) = &self.tag {
            let name = if tag == "Ref" || tag == "Condition" {
                tag.clone()
            } else {
                format!("Fn::{tag}")
            };
            return Some(Call {
                name,
                name_span: (self.span.0, self.span.0 + 1 + tag.len()),
                arg: self,
            });
        }
        match &self.kind {
            NodeKind::Map(entries) if entries.len() == 1 => {
                let e = entries.first()?;
                (e.key == "Ref" || e.key == "Condition" || e.key.starts_with("Fn::")).then(|| {
                    Call {
                        name: e.key.clone(),
                        name_span: e.key_span,
                        arg: &e.value,
                    }
                })
            }
            _ => None,
        }
    }

    /// The value as compact JSON, as CloudFormation serialises an object (`Fn::ToJsonString`).
    /// Tags are dropped (an intrinsic inside stays unresolved text).
    pub(crate) fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.kind {
            NodeKind::Null => Value::Null,
            NodeKind::Bool(b) => Value::Bool(*b),
            NodeKind::Number(n) => n
                .parse::<serde_json::Number>()
                .map_or_else(|_| Value::String(n.clone()), Value::Number),
            NodeKind::String(s) => Value::String(s.clone()),
            NodeKind::Seq(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            // Inserted one by one (a later repeated key wins, as with `collect`): collecting
            // into the map would sort the entries with one more copy of the standard sort.
            NodeKind::Map(entries) => {
                let mut map = serde_json::Map::new();
                for e in entries {
                    map.insert(e.key.clone(), e.value.to_json());
                }
                Value::Object(map)
            }
        }
    }
}
