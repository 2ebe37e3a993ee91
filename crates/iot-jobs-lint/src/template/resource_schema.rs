//! The CloudFormation registry schemas of the two resource types, vendored in `cfn-schemas/`
//! (see its README for where they come from), parsed once on first use.

use super::ResourceKind;
use serde_json::{Map, Value};
use std::sync::LazyLock;

static JOB: LazyLock<Value> =
    LazyLock::new(|| parse(include_str!("../../cfn-schemas/aws-iot-job.json")));
static JOB_TEMPLATE: LazyLock<Value> =
    LazyLock::new(|| parse(include_str!("../../cfn-schemas/aws-iot-jobtemplate.json")));

/// A vendored schema; a test reads both, so the fallback (an empty schema) is never taken.
fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// The registry schema of `kind`.
pub(crate) fn of(kind: ResourceKind) -> &'static Value {
    match kind {
        ResourceKind::Job => &JOB,
        ResourceKind::JobTemplate => &JOB_TEMPLATE,
    }
}

/// `schema` with a local `$ref` (`#/definitions/X`) followed, once per level.
pub(crate) fn resolve<'s>(root: &'s Value, schema: &'s Value) -> &'s Value {
    let mut s = schema;
    for _ in 0..8 {
        match s.get("$ref").and_then(Value::as_str) {
            Some(r) => match r
                .strip_prefix("#/definitions/")
                .and_then(|name| root.get("definitions")?.get(name))
            {
                Some(target) => s = target,
                None => break,
            },
            None => break,
        }
    }
    s
}

/// The declared properties of an object schema.
pub(crate) fn properties(schema: &Value) -> Option<&Map<String, Value>> {
    schema.get("properties")?.as_object()
}

/// The schema of property `name` of the object schema `schema`: a declared property, or the
/// first `patternProperties` entry (their keys are checked by the CloudFormation rules).
pub(crate) fn property<'s>(root: &'s Value, schema: &'s Value, name: &str) -> Option<&'s Value> {
    let declared = properties(schema).and_then(|p| p.get(name));
    let patterned = || {
        schema
            .get("patternProperties")?
            .as_object()?
            .values()
            .next()
    };
    declared.or_else(patterned).map(|s| resolve(root, s))
}

/// Whether `name` is one of the schema's `readOnlyProperties` (top level only).
pub(crate) fn is_read_only(root: &Value, name: &str) -> bool {
    root.get("readOnlyProperties")
        .and_then(Value::as_array)
        .is_some_and(|a| {
            a.iter()
                .any(|p| p.as_str().and_then(|p| p.strip_prefix("/properties/")) == Some(name))
        })
}
