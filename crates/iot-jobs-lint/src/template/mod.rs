//! CloudFormation, CDK and SAM templates: the `AWS::IoT::Job` and `AWS::IoT::JobTemplate`
//! resources they declare, read from JSON or YAML into one syntax-free view ([`node`]), then
//! judged twice by [`crate::rules::cfn`]: against CloudFormation's resource schema, and as the
//! API request each resource produces ([`request`]).

pub(crate) mod json;
pub(crate) mod node;
pub(crate) mod request;
pub(crate) mod resource_schema;
pub(crate) mod yaml;

use crate::Operation;
use crate::syntax::{Object, Value};
use node::{Node, NodeKind};

/// The IoT resource types this crate checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ResourceKind {
    /// `AWS::IoT::Job`: CloudFormation calls CreateJob.
    Job,
    /// `AWS::IoT::JobTemplate`: CloudFormation calls CreateJobTemplate.
    JobTemplate,
}

impl ResourceKind {
    fn from_type(t: &str) -> Option<ResourceKind> {
        match t {
            "AWS::IoT::Job" => Some(ResourceKind::Job),
            "AWS::IoT::JobTemplate" => Some(ResourceKind::JobTemplate),
            _ => None,
        }
    }

    /// The resource type name.
    pub(crate) fn type_name(self) -> &'static str {
        match self {
            ResourceKind::Job => "AWS::IoT::Job",
            ResourceKind::JobTemplate => "AWS::IoT::JobTemplate",
        }
    }

    /// The API call CloudFormation makes to create the resource.
    pub(crate) fn operation(self) -> Operation {
        match self {
            ResourceKind::Job => Operation::CreateJob,
            ResourceKind::JobTemplate => Operation::CreateJobTemplate,
        }
    }
}

/// One IoT resource of a template.
#[derive(Debug)]
pub(crate) struct Resource {
    /// Its type.
    pub(crate) kind: ResourceKind,
    /// JSON Pointer of the resource (`/Resources/OtaTemplate`; empty for a bare resource).
    pub(crate) pointer: String,
    /// Where an absent `Properties` is reported: the logical id's key, or the `Type` value.
    pub(crate) anchor: (usize, usize),
    /// Its `Properties`, when present.
    pub(crate) properties: Option<Node>,
    /// The byte range of the `Properties` key, when present.
    pub(crate) properties_key: Option<(usize, usize)>,
}

/// Where a diagnostic about a value as a whole (a member missing from it) points: the opening
/// bracket of a flow collection or JSON container, else the key that holds the value, else the
/// first line of the value.
pub(crate) fn anchor(text: &str, node: &Node, key: Option<(usize, usize)>) -> (usize, usize) {
    match (text.as_bytes().get(node.span.0), key) {
        (Some(b'{' | b'['), _) => (node.span.0, node.span.0 + 1),
        (_, Some(k)) => k,
        _ => {
            let value = text.get(node.span.0..node.span.1).unwrap_or("");
            (
                node.span.0,
                node.span.0 + value.find('\n').unwrap_or(value.len()),
            )
        }
    }
}

/// What a template holds for this crate.
#[derive(Debug, Default)]
pub(crate) struct Template {
    /// The IoT resources, in source order.
    pub(crate) resources: Vec<Resource>,
    /// Whether the template declares `Transform: AWS::LanguageExtensions` (which adds
    /// `Fn::ToJsonString`, `Fn::Length` and `Fn::ForEach`).
    pub(crate) language_extensions: bool,
    /// IoT resources whose logical id is written again further down (only the last copy is
    /// the resource): the pointer and the byte range of the earlier copy's id.
    pub(crate) repeated_ids: Vec<(String, (usize, usize))>,
    /// Whether the IoT resources hold more values than the reader takes
    /// ([`yaml::MAX_NODES`]): the template is then not checked further.
    pub(crate) too_many_values: bool,
}

/// Whether `text` is a CloudFormation template (or a single resource) rather than an API
/// request: a JSON object or YAML mapping with `AWSTemplateFormatVersion`, a `Resources`
/// mapping of typed resources, or a `Type: AWS::…` resource. Reads JSON fully; for YAML, only
/// looks for those keys at the start of a line (no YAML is parsed).
pub fn is_template(text: &str) -> bool {
    // Guided as the lint reads a request (template keys kept as opaque values), so telling a
    // large request from a template costs no more memory than linting it.
    match crate::rules::parse_request(text) {
        Ok(tree) => tree.root().as_object().is_some_and(|root| {
            root.has("AWSTemplateFormatVersion")
                || root
                    .get("Resources")
                    .is_some_and(|r| r.as_object().is_some())
                || is_bare_resource(root)
        }),
        // JSON with an error, or the head of a longer file: the template keys, quoted.
        Err(_)
            if text
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with('{') =>
        {
            text.contains("\"AWSTemplateFormatVersion\"") || text.contains("\"Resources\"")
        }
        Err(_) => looks_like_yaml_template(text),
    }
}

/// Whether a JSON root object is a template or a resource.
pub(crate) fn is_json_template(root: Object<'_>) -> bool {
    root.has("AWSTemplateFormatVersion")
        || root
            .get("Resources")
            .and_then(|r| r.as_object())
            .is_some_and(|r| {
                r.members()
                    .any(|m| m.value().as_object().is_some_and(|o| o.has("Type")))
            })
        || is_bare_resource(root)
}

/// A single resource (`{"Type": "AWS::…", "Properties": {…}}`): a `Type` naming an AWS type,
/// with `Properties` or nothing else (a request that happens to carry a `Type` member stays a
/// request).
fn is_bare_resource(root: Object<'_>) -> bool {
    root.get("Type")
        .and_then(|t| t.as_str())
        .is_some_and(|t| t.starts_with("AWS::"))
        && (root.has("Properties") || root.len() == 1)
}

/// Whether text that is not JSON reads as a YAML template: a top-level
/// `AWSTemplateFormatVersion:` or `Resources:` key, or a `Type: AWS::` resource.
pub(crate) fn looks_like_yaml_template(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}');
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return false;
    }
    // Lines end at LF, CR LF or a lone CR; a key may be quoted.
    text.split(['\n', '\r']).any(|line| {
        let line = line.trim_end();
        let key = line.trim_start_matches(['"', '\'']);
        let unquoted = |name: &str| {
            key.strip_prefix(name).is_some_and(|rest| {
                let rest = rest.trim_start_matches(['"', '\'']);
                rest.starts_with(':')
            })
        };
        let at_top = !line.starts_with([' ', '\t']);
        at_top
            && (unquoted("AWSTemplateFormatVersion")
                || (unquoted("Resources")
                    && key
                        .split_once(':')
                        .is_some_and(|(_, v)| v.trim().is_empty() || v.trim().starts_with('{')))
                || (unquoted("Type")
                    && key.split_once(':').is_some_and(|(_, v)| {
                        v.trim()
                            .trim_start_matches(['"', '\''])
                            .starts_with("AWS::")
                    })))
    })
}

/// The IoT resources of a JSON template (only those are read into nodes).
pub(crate) fn from_json(root: Object<'_>) -> Template {
    // The values read into nodes, shared by every resource (as the YAML reader's budget).
    let mut budget = yaml::MAX_NODES;
    let mut out = Template {
        language_extensions: root.get("Transform").is_some_and(|t| json_transform(t)),
        ..Template::default()
    };
    if let Some(t) = root.get("Type").and_then(|t| t.as_str()) {
        if let Some(kind) = ResourceKind::from_type(&t) {
            out.resources.push(Resource {
                kind,
                pointer: String::new(),
                anchor: root.get("Type").map_or(root.opening(), |v| v.span()),
                properties: match root.get("Properties") {
                    Some(p) => {
                        let n = json::node(p, &mut budget);
                        out.too_many_values |= n.is_none();
                        n
                    }
                    None => None,
                },
                properties_key: root.member("Properties").map(|m| m.name_span()),
            });
        }
        return out;
    }
    let Some(resources) = root.get("Resources").and_then(|r| r.as_object()) else {
        return out;
    };
    for m in resources.members() {
        let Some(resource) = m.value().as_object() else {
            continue;
        };
        let Some(kind) = resource
            .get("Type")
            .and_then(|t| t.as_str())
            .and_then(|t| ResourceKind::from_type(&t))
        else {
            continue;
        };
        if m.is_shadowed() {
            out.repeated_ids
                .push((resource_pointer(&m.name()), m.name_span()));
            continue;
        }
        out.resources.push(Resource {
            kind,
            pointer: resource_pointer(&m.name()),
            anchor: m.name_span(),
            properties: match resource.get("Properties") {
                Some(p) => {
                    let n = json::node(p, &mut budget);
                    out.too_many_values |= n.is_none();
                    n
                }
                None => None,
            },
            properties_key: resource.member("Properties").map(|m| m.name_span()),
        });
    }
    out
}

fn json_transform(t: Value<'_>) -> bool {
    match t.as_array() {
        Some(a) => a
            .iter()
            .any(|v| v.as_str().is_some_and(|s| s == LANGUAGE_EXTENSIONS)),
        None => t.as_str().is_some_and(|s| s == LANGUAGE_EXTENSIONS),
    }
}

const LANGUAGE_EXTENSIONS: &str = "AWS::LanguageExtensions";

/// The IoT resources of a template read as nodes (YAML).
pub(crate) fn from_node(mut root: Node) -> Template {
    let transform = root.get("Transform").is_some_and(|t| match &t.kind {
        NodeKind::String(s) => s == LANGUAGE_EXTENSIONS,
        NodeKind::Seq(items) => items
            .iter()
            .any(|i| i.as_str() == Some(LANGUAGE_EXTENSIONS)),
        _ => false,
    });
    let mut out = Template {
        language_extensions: transform,
        ..Template::default()
    };
    if let Some(t) = root.get("Type").and_then(Node::as_str) {
        if let Some(kind) = ResourceKind::from_type(t) {
            out.resources.push(Resource {
                kind,
                pointer: String::new(),
                anchor: root.get("Type").map_or(root.span, |v| v.span),
                properties_key: root.entry("Properties").map(|e| e.key_span),
                properties: take_member(&mut root, "Properties"),
            });
        }
        return out;
    }
    let Some(resources) = take_member(&mut root, "Resources") else {
        return out;
    };
    let NodeKind::Map(entries) = resources.kind else {
        return out;
    };
    if resources.tag.is_some() {
        return out;
    }
    let last = Node::last_copies(&entries);
    for (i, mut e) in entries.into_iter().enumerate() {
        let Some(kind) = e
            .value
            .get("Type")
            .and_then(Node::as_str)
            .and_then(ResourceKind::from_type)
        else {
            continue;
        };
        // A repeated logical id: the last copy is the resource.
        if !last.get(i).copied().unwrap_or(true) {
            out.repeated_ids
                .push((resource_pointer(&e.key), e.key_span));
            continue;
        }
        out.resources.push(Resource {
            kind,
            pointer: resource_pointer(&e.key),
            anchor: e.key_span,
            properties_key: e.value.entry("Properties").map(|p| p.key_span),
            properties: take_member(&mut e.value, "Properties"),
        });
    }
    out
}

/// Moves the value of member `key` (its last copy) out of a mapping, leaving `null` behind:
/// the template's resources are taken, not copied.
fn take_member(node: &mut Node, key: &str) -> Option<Node> {
    if node.tag.is_some() {
        return None;
    }
    let NodeKind::Map(entries) = &mut node.kind else {
        return None;
    };
    let entry = entries.iter_mut().rev().find(|e| e.key == key)?;
    let span = entry.value.span;
    Some(std::mem::replace(
        &mut entry.value,
        Node {
            kind: NodeKind::Null,
            span,
            tag: None,
            pieces: Vec::new(),
        },
    ))
}

/// `/Resources/<logical id>` as a JSON Pointer.
fn resource_pointer(id: &str) -> String {
    let mut p = String::from("/Resources");
    crate::rules::model::push_token(&mut p, id);
    p
}
