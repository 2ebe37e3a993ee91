//! The API request a resource produces: its `Properties` written as the JSON that
//! CloudFormation's handler sends to CreateJob or CreateJobTemplate (camelCase members, the
//! renamed ones such as `ExponentialRolloutRate` → `exponentialRate`, values coerced the way
//! CloudFormation coerces them), with a map from every byte of that request back to the
//! template, so the request's diagnostics point into the template.
//!
//! A value that is an intrinsic function is unknown at lint time: the request carries a
//! placeholder of the right JSON type, listed in [`Request::unknown`], which the rules treat as
//! a value that already failed (they stay quiet about it and about what derives from it). A
//! `Fn::Sub` without variables is its string; `Fn::ToJsonString` of an object is the object
//! serialised.

use super::node::{Node, NodeKind};
use super::{ResourceKind, resource_schema};
use crate::Edition;
use crate::shapes::{Shape, ShapeKind};
use serde_json::Value;

/// A value of the request and where it came from.
#[derive(Debug)]
pub(crate) struct Origin {
    /// Its byte range in the request.
    pub(crate) synth: (usize, usize),
    /// Its byte range in the template.
    pub(crate) span: (usize, usize),
    /// Where a diagnostic about the container as a whole (a missing member) points in the
    /// template: its `{` in JSON, the key that holds it in YAML.
    pub(crate) anchor: (usize, usize),
    /// For a string copied from the template: the template string's pieces (see
    /// [`Node::pieces`]); empty when its text was changed on the way (`Fn::Sub` escapes).
    pub(crate) pieces: Vec<(usize, usize)>,
    /// Whether the request holds it as a string literal.
    pub(crate) string: bool,
}

/// The request built from one resource.
#[derive(Debug, Default)]
pub(crate) struct Request {
    /// The request as JSON text.
    pub(crate) text: String,
    /// Every value of the request, in the order written (by `synth.0`).
    pub(crate) values: Vec<Origin>,
    /// Every member name of the request: its byte range there and the template key's.
    pub(crate) names: Vec<((usize, usize), (usize, usize))>,
    /// Where the values the template leaves to deploy time (intrinsics) start in the request.
    pub(crate) unknown: Vec<usize>,
    /// The template pointer of the request's root (`/Resources/X/Properties`): a request
    /// pointer becomes a template pointer by renaming its member names (indices and map keys
    /// stay), see [`template_pointer`].
    pub(crate) base: String,
}

/// Builds the request of a resource whose `Properties` is `props` (`None`: absent, an empty
/// request) at template pointer `base` (`…/Properties`).
pub(crate) fn build(
    kind: ResourceKind,
    props: Option<&Node>,
    base: &str,
    anchor: (usize, usize),
    text: &str,
) -> Request {
    let mut b = Builder {
        out: Request {
            base: base.to_owned(),
            ..Request::default()
        },
        kind,
        schema: resource_schema::of(kind),
        text,
    };
    let root_shape = crate::shapes::root_shape(kind.operation());
    match props {
        Some(p) if p.entries().is_some() => {
            let a = super::anchor(b.text, p, Some(anchor));
            b.value(p, root_shape, b.schema, "", base, a);
        }
        _ => {
            b.out.text.push_str("{}");
            b.out.values.push(Origin {
                synth: (0, 2),
                span: anchor,
                anchor,
                pieces: Vec::new(),
                string: false,
            });
        }
    }
    b.out
}

struct Builder<'s> {
    out: Request,
    kind: ResourceKind,
    schema: &'static Value,
    text: &'s str,
}

impl Builder<'_> {
    /// Writes `node` (read against the API shape `shape` and the CloudFormation schema `cfn`).
    fn value(
        &mut self,
        node: &Node,
        shape: &'static Shape,
        cfn: &Value,
        api: &str,
        tpl: &str,
        anchor: (usize, usize),
    ) {
        let start = self.out.text.len();
        let index = self.out.values.len();
        self.out.values.push(Origin {
            synth: (start, start),
            span: node.span,
            anchor,
            pieces: Vec::new(),
            string: false,
        });
        if let Some(call) = node.intrinsic() {
            match self.resolved(&call, shape) {
                Some((s, pieces)) => {
                    self.string(&s);
                    if let Some(o) = self.out.values.get_mut(index) {
                        o.pieces = pieces;
                        o.string = true;
                    }
                }
                None => {
                    self.out.unknown.push(start);
                    self.out.text.push_str(placeholder(shape));
                }
            }
        } else {
            self.plain(node, shape, cfn, api, tpl, index);
        }
        let end = self.out.text.len();
        if let Some(o) = self.out.values.get_mut(index) {
            o.synth = (start, end);
        }
    }

    /// The string an intrinsic stands for when it is known at lint time.
    fn resolved(
        &self,
        call: &super::node::Call<'_>,
        shape: &'static Shape,
    ) -> Option<(String, Vec<(usize, usize)>)> {
        if !matches!(shape.kind, ShapeKind::String) {
            return None;
        }
        match call.name.as_str() {
            "Fn::Sub" => {
                let NodeKind::String(s) = &call.arg.kind else {
                    return None;
                };
                let (plain, changed) = sub_without_variables(s)?;
                Some((
                    plain,
                    if changed {
                        Vec::new()
                    } else {
                        call.arg.pieces.clone()
                    },
                ))
            }
            "Fn::ToJsonString" => match &call.arg.kind {
                NodeKind::Map(_) | NodeKind::Seq(_) if !has_intrinsic(call.arg) => {
                    Some((call.arg.to_json().to_string(), Vec::new()))
                }
                _ => None,
            },
            _ => None,
        }
    }

    fn plain(
        &mut self,
        node: &Node,
        shape: &'static Shape,
        cfn: &Value,
        api: &str,
        tpl: &str,
        index: usize,
    ) {
        match (&shape.kind, &node.kind) {
            (ShapeKind::Structure(_), NodeKind::Map(entries)) => {
                self.out.text.push('{');
                let mut first = true;
                let last = Node::last_copies(entries);
                for (i, e) in entries.iter().enumerate() {
                    // A repeated key: the last copy is sent.
                    if !last.get(i).copied().unwrap_or(true) {
                        continue;
                    }
                    // Only what CloudFormation's schema declares reaches the API (it rejects the
                    // rest, and `cfn/unknown-property` says so); read-only properties are not sent.
                    let Some(cfn_child) =
                        resource_schema::properties(cfn).and_then(|p| p.get(&e.key))
                    else {
                        continue;
                    };
                    if api.is_empty() && resource_schema::is_read_only(self.schema, &e.key) {
                        continue;
                    }
                    let Some(member) = api_member(self.kind, shape, &e.key) else {
                        continue;
                    };
                    if !first {
                        self.out.text.push(',');
                    }
                    first = false;
                    let name_start = self.out.text.len();
                    self.out
                        .text
                        .push_str(&crate::text::json_string(member.name));
                    self.out
                        .names
                        .push(((name_start, self.out.text.len()), e.key_span));
                    self.out.text.push(':');
                    let child_api = pointer(api, member.name);
                    let child_tpl = pointer(tpl, &e.key);
                    let cfn_child = resource_schema::resolve(self.schema, cfn_child);
                    let a = super::anchor(self.text, &e.value, Some(e.key_span));
                    self.value(
                        &e.value,
                        member.target,
                        cfn_child,
                        &child_api,
                        &child_tpl,
                        a,
                    );
                }
                self.out.text.push('}');
            }
            (ShapeKind::Map { value, .. }, NodeKind::Map(entries)) => {
                self.out.text.push('{');
                let cfn_child =
                    resource_schema::property(self.schema, cfn, "").unwrap_or(&Value::Null);
                let mut first = true;
                let last = Node::last_copies(entries);
                for (i, e) in entries.iter().enumerate() {
                    if !last.get(i).copied().unwrap_or(true) {
                        continue;
                    }
                    if !first {
                        self.out.text.push(',');
                    }
                    first = false;
                    let name_start = self.out.text.len();
                    self.out.text.push_str(&crate::text::json_string(&e.key));
                    self.out
                        .names
                        .push(((name_start, self.out.text.len()), e.key_span));
                    self.out.text.push(':');
                    let a = super::anchor(self.text, &e.value, Some(e.key_span));
                    self.value(
                        &e.value,
                        value,
                        cfn_child,
                        &pointer(api, &e.key),
                        &pointer(tpl, &e.key),
                        a,
                    );
                }
                self.out.text.push('}');
            }
            (ShapeKind::List(item), NodeKind::Seq(items)) => {
                self.out.text.push('[');
                let cfn_item = cfn
                    .get("items")
                    .map_or(&Value::Null, |i| resource_schema::resolve(self.schema, i));
                for (i, n) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.text.push(',');
                    }
                    let a = super::anchor(self.text, n, None);
                    let idx = i.to_string();
                    self.value(
                        n,
                        item,
                        cfn_item,
                        &pointer(api, &idx),
                        &pointer(tpl, &idx),
                        a,
                    );
                }
                self.out.text.push(']');
            }
            // CloudFormation turns scalars into the type the property wants.
            (ShapeKind::String, NodeKind::Number(n)) => self.string(n),
            (ShapeKind::String, NodeKind::Bool(b)) => {
                self.string(if *b { "true" } else { "false" })
            }
            (ShapeKind::String, NodeKind::String(s)) => {
                self.string(s);
                if let Some(o) = self.out.values.get_mut(index) {
                    o.pieces = node.pieces.clone();
                    o.string = true;
                }
            }
            (ShapeKind::Integer | ShapeKind::Long | ShapeKind::Double, NodeKind::String(s))
                if crate::syntax::is_json_number(s.trim()) =>
            {
                self.out.text.push_str(s.trim());
            }
            (ShapeKind::Boolean, NodeKind::String(s)) if s == "true" || s == "false" => {
                self.out.text.push_str(s)
            }
            // The job document: an object written where CloudFormation wants a string (it says
            // so, `cfn/type`) is still checked as the document it would be once serialised.
            (ShapeKind::String, NodeKind::Map(_) | NodeKind::Seq(_))
                if api == "/document" && !has_intrinsic(node) =>
            {
                self.string(&node.to_json().to_string());
                if let Some(o) = self.out.values.get_mut(index) {
                    o.string = true;
                }
            }
            _ => self.scalar_as_is(node),
        }
    }

    /// Writes a value whose type does not fit the shape as it is (the model rules report it).
    fn scalar_as_is(&mut self, node: &Node) {
        match &node.kind {
            NodeKind::Null => self.out.text.push_str("null"),
            NodeKind::Bool(b) => self.out.text.push_str(if *b { "true" } else { "false" }),
            NodeKind::Number(n) if crate::syntax::is_json_number(n) => self.out.text.push_str(n),
            NodeKind::Number(n) => self.string(n),
            NodeKind::String(s) => self.string(s),
            NodeKind::Seq(_) | NodeKind::Map(_) => {
                self.out.text.push_str(&node.to_json().to_string())
            }
        }
    }

    fn string(&mut self, s: &str) {
        self.out.text.push_str(&crate::text::json_string(s));
    }
}

/// The API member a CloudFormation property becomes.
fn api_member(
    kind: ResourceKind,
    shape: &'static Shape,
    property: &str,
) -> Option<&'static crate::shapes::Member> {
    let renamed = match (kind, property) {
        (ResourceKind::JobTemplate, "ExponentialRolloutRate") => "exponentialRate",
        (ResourceKind::JobTemplate, "RetryCriteriaList") => "criteriaList",
        _ => "",
    };
    if !renamed.is_empty() {
        return shape.member(renamed, Edition::Latest);
    }
    shape
        .member(property, Edition::Latest)
        .or_else(|| shape.member(&lower_first(property), Edition::Latest))
}

/// The CloudFormation property name of an API member (`roleArn` → `RoleArn`), inside the
/// parent whose request pointer is `parent` (for the two renamed JobTemplate properties).
pub(crate) fn cfn_name(kind: ResourceKind, parent: &str, member: &str) -> String {
    match (kind, member) {
        (ResourceKind::JobTemplate, "exponentialRate") => "ExponentialRolloutRate".into(),
        (ResourceKind::JobTemplate, "criteriaList")
            if parent.ends_with("/jobExecutionsRetryConfig") =>
        {
            "RetryCriteriaList".into()
        }
        _ => upper_first(member),
    }
}

/// `s` with its first character in ASCII lower case (`RoleArn` → `roleArn`). Model member names
/// are ASCII; a property that starts with any other character is left as written (and matches no
/// member).
fn lower_first(s: &str) -> String {
    let mut out = s.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    out
}

/// `s` with its first character in ASCII upper case (`roleArn` → `RoleArn`); see [`lower_first`].
fn upper_first(s: &str) -> String {
    let mut out = s.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

fn pointer(base: &str, token: &str) -> String {
    let mut p = base.to_owned();
    crate::rules::model::push_token(&mut p, token);
    p
}

/// A stand-in for a value known only at deploy time: `null` for a scalar (every rule reads a
/// value through typed accessors, to which a wrong type is an absent value, while the member
/// still counts as present), an empty container of the shape's kind otherwise.
fn placeholder(shape: &Shape) -> &'static str {
    match shape.kind {
        ShapeKind::Structure(_) | ShapeKind::Map { .. } => "{}",
        ShapeKind::List(_) => "[]",
        _ => "null",
    }
}

/// Whether a value holds an intrinsic function anywhere.
pub(crate) fn has_intrinsic(node: &Node) -> bool {
    node.intrinsic().is_some()
        || match &node.kind {
            NodeKind::Seq(items) => items.iter().any(has_intrinsic),
            NodeKind::Map(entries) => entries.iter().any(|e| has_intrinsic(&e.value)),
            _ => false,
        }
}

/// The text of a `Fn::Sub` string without variables, and whether it differs from the string
/// (`${!Literal}` stands for `${Literal}`); `None` when it has a `${…}` variable.
pub(crate) fn sub_without_variables(s: &str) -> Option<(String, bool)> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut changed = false;
    while let Some(i) = rest.find("${") {
        let (before, after) = rest.split_at(i);
        out.push_str(before);
        let after = after.get(2..).unwrap_or("");
        if let Some(literal) = after.strip_prefix('!') {
            out.push_str("${");
            rest = literal;
            changed = true;
        } else {
            return None;
        }
    }
    out.push_str(rest);
    Some((out, changed))
}

/// The byte offset into a decoded string of the raw (escaped) JSON literal offset `raw_offset`
/// of the literal `raw` (without its quotes), as [`crate::text::json_string`] writes them.
pub(crate) fn decoded_offset(raw: &str, raw_offset: usize) -> usize {
    let b = raw.as_bytes();
    let (mut i, mut d) = (0, 0);
    while i < raw_offset.min(b.len()) {
        match b.get(i) {
            Some(b'\\') => {
                let width = if b.get(i + 1) == Some(&b'u') {
                    let hex = raw
                        .get(i + 2..i + 6)
                        .and_then(|h| u32::from_str_radix(h, 16).ok());
                    let c = hex.and_then(char::from_u32).map_or(1, char::len_utf8);
                    d += c;
                    6
                } else {
                    d += 1;
                    2
                };
                i += width;
            }
            Some(_) => {
                i += 1;
                d += 1;
            }
            None => break,
        }
    }
    d
}

/// The template pointer of a request pointer of a `kind` resource whose `Properties` is at
/// `base`: each member name as CloudFormation names it; list indices and the keys of a map
/// (`documentParameters`) as they are.
pub(crate) fn template_pointer(kind: ResourceKind, base: &str, pointer: &str) -> String {
    let mut out = base.to_owned();
    let mut parent = String::new();
    let mut in_map = false;
    for token in pointer.split('/').skip(1) {
        out.push('/');
        if in_map || token.parse::<usize>().is_ok() {
            out.push_str(token);
        } else {
            out.push_str(&cfn_name(kind, &parent, token));
        }
        in_map = !in_map && token == "documentParameters";
        parent.push('/');
        parent.push_str(token);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{lower_first, upper_first};

    /// Every member name of the model maps as with Unicode case mapping; a name that starts with a
    /// non-ASCII character is left as written.
    #[test]
    fn ascii_first_letter() {
        let unicode_lower = |s: &str| {
            let mut c = s.chars();
            c.next().map_or_else(String::new, |f| {
                f.to_lowercase().chain(c).collect::<String>()
            })
        };
        let unicode_upper = |s: &str| {
            let mut c = s.chars();
            c.next().map_or_else(String::new, |f| {
                f.to_uppercase().chain(c).collect::<String>()
            })
        };
        use crate::shapes::{Shape, ShapeKind, root_shape};
        fn walk(shape: &'static Shape, out: &mut Vec<&'static str>) {
            match shape.kind {
                ShapeKind::Structure(members) => {
                    for m in members {
                        if !out.contains(&m.name) {
                            out.push(m.name);
                            walk(m.target, out);
                        }
                    }
                }
                ShapeKind::List(item) => walk(item, out),
                ShapeKind::Map { key, value } => {
                    walk(key, out);
                    walk(value, out);
                }
                _ => {}
            }
        }
        let mut names = Vec::new();
        for op in [
            crate::Operation::CreateJob,
            crate::Operation::CreateJobTemplate,
            crate::Operation::DescribeJob,
            crate::Operation::DescribeJobTemplate,
        ] {
            walk(root_shape(op), &mut names);
        }
        assert!(names.len() > 50, "{}", names.len());
        for name in names {
            let cfn = unicode_upper(name);
            assert_eq!(upper_first(name), cfn);
            assert_eq!(lower_first(&cfn), unicode_lower(&cfn));
            assert_eq!(lower_first(name), unicode_lower(name));
        }
        for s in ["", "a", "Z", "RoleArn", "9x", "_x"] {
            assert_eq!(lower_first(s), unicode_lower(s));
            assert_eq!(upper_first(s), unicode_upper(s));
        }
        for s in ["Ärger", "ärger", "ßx", "İd", "\u{212A}ey", "ǅx"] {
            assert_eq!(lower_first(s), s);
            assert_eq!(upper_first(s), s);
        }
    }
}
