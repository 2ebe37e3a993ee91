//! The walker: the schemars output of the typed models beside the shape table of one edition.

use super::{documented, text};
use crate::Edition;
use crate::shapes::{Bound, Member, Shape, ShapeKind};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// Rewrites the schemars output, keeping the `$defs` it reaches.
pub(super) struct Builder {
    edition: Edition,
    /// The `$defs` schemars generated, by name (input).
    source: Map<String, Value>,
    /// The rewritten `$defs` (output).
    defs: BTreeMap<String, Value>,
    /// Which model shape each output def stands for: one def is one shape, whatever the path.
    def_shapes: BTreeMap<String, &'static str>,
    /// The meaning of each value of the enum shapes met so far (Markdown), by shape name.
    meanings: BTreeMap<&'static str, Vec<(&'static str, String)>>,
}

impl Builder {
    pub(super) fn new(edition: Edition, source: Map<String, Value>) -> Builder {
        Builder {
            edition,
            source,
            defs: BTreeMap::new(),
            def_shapes: BTreeMap::new(),
            meanings: BTreeMap::new(),
        }
    }

    /// The rewritten `$defs`.
    pub(super) fn into_defs(self) -> Map<String, Value> {
        self.defs.into_iter().collect()
    }

    /// Rewrites the schema of a structure (the root, or a def) after `shape`'s members.
    pub(super) fn structure(&mut self, schema: &mut Map<String, Value>, shape: &'static Shape) {
        let ShapeKind::Structure(all) = shape.kind else {
            panic!("{} is not a structure", shape.name)
        };
        let mut properties = match schema.remove("properties") {
            Some(Value::Object(p)) => p,
            _ => Map::new(),
        };
        // The typed models are the union of both editions, like the table's member lists.
        let typed: BTreeSet<&str> = properties.keys().map(String::as_str).collect();
        let table: BTreeSet<&str> = all.iter().map(|m| m.name).collect();
        assert_eq!(
            typed, table,
            "the typed model and the shape table disagree on the members of {}",
            shape.name
        );
        let mut out = Map::new();
        let mut required = Vec::new();
        for member in shape.members(self.edition) {
            let member_schema = properties
                .remove(member.name)
                .expect("checked against the table above");
            out.insert(
                member.name.to_string(),
                self.member(shape, member, member_schema),
            );
            if member.required {
                required.push(json!(member.name));
            }
        }
        // A member only another edition has: not allowed, with a message that says why (an
        // editor otherwise says only "not allowed"), and not offered in completion.
        for member in all {
            if !out.contains_key(member.name) {
                out.insert(
                    member.name.to_string(),
                    documented::other_edition(shape, member, self.edition),
                );
            }
        }
        schema.remove("required");
        schema.insert("type".into(), json!("object"));
        schema.insert("properties".into(), Value::Object(out));
        if !required.is_empty() {
            schema.insert("required".into(), Value::Array(required));
        }
        schema.insert("additionalProperties".into(), json!(false));
        documented::structure(shape, schema);
    }

    /// The schema of one member: its value's constraints, the documented rules on it, the texts.
    fn member(&mut self, parent: &'static Shape, member: &'static Member, schema: Value) -> Value {
        let mut schema = object(schema);
        strip_null(&mut schema);
        let doc = text::take_string(&mut schema, "description");
        self.value(&mut schema, member.target);
        let notes = documented::member(parent, member, &mut schema);
        let facts = text::Facts {
            shape: member.target,
            edition: self.edition,
            required: member.required,
            notes,
            meanings: self.meanings.get(member.target.name).map(Vec::as_slice),
        };
        text::describe(&mut schema, doc.as_deref(), &facts);
        Value::Object(schema)
    }

    /// Writes `shape`'s constraints into the schema of a value of that shape.
    fn value(&mut self, schema: &mut Map<String, Value>, shape: &'static Shape) {
        match shape.kind {
            ShapeKind::Structure(_) => {
                let name = ref_name(schema, shape);
                if self.claim(&name, shape) {
                    let mut def = object(self.source.get(&name).cloned().unwrap_or_default());
                    let doc = text::take_string(&mut def, "description");
                    def.remove("title");
                    self.structure(&mut def, shape);
                    text::describe_def(&mut def, shape, doc.as_deref());
                    self.defs.insert(name, Value::Object(def));
                }
            }
            ShapeKind::List(item) => {
                schema.insert("type".into(), json!("array"));
                let mut items = object(schema.remove("items").unwrap_or_default());
                self.value(&mut items, item);
                let notes = documented::items(shape, &mut items);
                self.describe_item(&mut items, item, notes);
                schema.insert("items".into(), Value::Object(items));
                self.bounds(schema, shape, "minItems", "maxItems");
            }
            ShapeKind::Map { key, value } => {
                schema.insert("type".into(), json!("object"));
                let mut names = Map::new();
                self.string(&mut names, key);
                schema.insert("propertyNames".into(), Value::Object(names));
                let mut values = object(schema.remove("additionalProperties").unwrap_or_default());
                self.value(&mut values, value);
                self.describe_item(&mut values, value, Vec::new());
                schema.insert("additionalProperties".into(), Value::Object(values));
                self.bounds(schema, shape, "minProperties", "maxProperties");
            }
            ShapeKind::String if !shape.enum_values.is_empty() => {
                let name = ref_name(schema, shape);
                if self.claim(&name, shape) {
                    let def = self.enum_def(&name, shape);
                    self.defs.insert(name, Value::Object(def));
                }
            }
            ShapeKind::String => self.string(schema, shape),
            ShapeKind::Integer | ShapeKind::Long => {
                schema.remove("format");
                schema.insert("type".into(), json!("integer"));
                // The 32- and 64-bit range of the model type applies where the model sets no
                // tighter bound: `model/type` reports a value outside it.
                let (lo, hi) = match shape.kind {
                    ShapeKind::Integer => (json!(i32::MIN), json!(i32::MAX)),
                    _ => (json!(i64::MIN), json!(i64::MAX)),
                };
                let min = shape.min.get(self.edition).map(number).unwrap_or(lo);
                let max = shape.max.get(self.edition).map(number).unwrap_or(hi);
                schema.insert("minimum".into(), min);
                schema.insert("maximum".into(), max);
            }
            ShapeKind::Double => {
                schema.remove("format");
                schema.insert("type".into(), json!("number"));
                self.bounds(schema, shape, "minimum", "maximum");
            }
            ShapeKind::Boolean => {
                schema.insert("type".into(), json!("boolean"));
            }
            ShapeKind::Timestamp => {
                let name = ref_name(schema, shape);
                if !self.defs.contains_key(&name) {
                    let mut def = object(self.source.get(&name).cloned().unwrap_or_default());
                    def.insert("title".into(), json!(shape.name));
                    let doc = text::take_string(&mut def, "description");
                    text::describe(
                        &mut def,
                        doc.as_deref(),
                        &text::Facts::plain(shape, self.edition),
                    );
                    self.defs.insert(name, Value::Object(def));
                }
            }
        }
    }

    /// Records that def `name` stands for `shape`; `true` the first time (the def is still to be
    /// written).
    fn claim(&mut self, name: &str, shape: &'static Shape) -> bool {
        match self.def_shapes.get(name) {
            Some(seen) => {
                assert_eq!(
                    *seen, shape.name,
                    "$defs/{name} is reached as two different model shapes"
                );
                false
            }
            None => {
                self.def_shapes.insert(name.to_string(), shape.name);
                true
            }
        }
    }

    /// Length and pattern of a string shape (a value, or the keys of a map).
    fn string(&self, schema: &mut Map<String, Value>, shape: &'static Shape) {
        schema.insert("type".into(), json!("string"));
        if let Some(min) = shape.min.get(self.edition).filter(|m| *m > 0.0) {
            schema.insert("minLength".into(), number(min));
        }
        if let Some(max) = shape.max.get(self.edition) {
            schema.insert("maxLength".into(), number(max));
        }
        if let Some(p) = shape.pattern {
            schema.insert("pattern".into(), json!(p.anchored));
            schema.insert(
                "patternErrorMessage".into(),
                json!(format!("Must contain {}.", p.allows)),
            );
        }
    }

    /// A def for an enum shape: the table's values, each with the meaning the model documents.
    fn enum_def(&mut self, name: &str, shape: &'static Shape) -> Map<String, Value> {
        let mut source = object(self.source.get(name).cloned().unwrap_or_default());
        let doc = text::take_string(&mut source, "description");
        let documented: BTreeMap<String, String> = match source.get("oneOf") {
            Some(Value::Array(variants)) => variants
                .iter()
                .filter_map(|v| {
                    Some((
                        v.get("const")?.as_str()?.to_string(),
                        v.get("description")?.as_str()?.to_string(),
                    ))
                })
                .collect(),
            _ => BTreeMap::new(),
        };
        let typed: BTreeSet<&str> = documented.keys().map(String::as_str).collect();
        let table: BTreeSet<&str> = shape.enum_values.iter().copied().collect();
        assert_eq!(
            typed, table,
            "the typed enum and the shape table disagree on the values of {} (or a value has no doc comment)",
            shape.name
        );
        let meanings: Vec<(&'static str, String)> = shape
            .enum_values
            .iter()
            .map(|v| (*v, text::meaning(v, &documented[*v])))
            .collect();
        self.meanings.insert(shape.name, meanings.clone());
        let mut def = Map::new();
        def.insert("type".into(), json!("string"));
        def.insert("enum".into(), json!(shape.enum_values));
        def.insert(
            "markdownEnumDescriptions".into(),
            json!(meanings.iter().map(|(_, m)| m).collect::<Vec<_>>()),
        );
        def.insert(
            "enumDescriptions".into(),
            json!(
                meanings
                    .iter()
                    .map(|(_, m)| text::plain(m))
                    .collect::<Vec<_>>()
            ),
        );
        let facts = text::Facts {
            meanings: Some(&meanings),
            ..text::Facts::plain(shape, self.edition)
        };
        text::describe(&mut def, doc.as_deref(), &facts);
        def.insert("title".into(), json!(shape.name));
        def
    }

    /// A description for the items of a list or the values of a map that are plain values (the
    /// limits only; structures and enums are described by their defs).
    fn describe_item(
        &self,
        schema: &mut Map<String, Value>,
        shape: &'static Shape,
        notes: Vec<String>,
    ) {
        if matches!(shape.kind, ShapeKind::Structure(_)) || !shape.enum_values.is_empty() {
            return;
        }
        let facts = text::Facts {
            notes,
            ..text::Facts::plain(shape, self.edition)
        };
        text::describe(schema, None, &facts);
    }

    /// `min`/`max` of the shape under the edition, as the two given keywords.
    fn bounds(&self, schema: &mut Map<String, Value>, shape: &Shape, min: &str, max: &str) {
        let bound = |b: &Bound| b.get(self.edition).map(number);
        if let Some(v) = bound(&shape.min) {
            schema.insert(min.into(), v);
        }
        if let Some(v) = bound(&shape.max) {
            schema.insert(max.into(), v);
        }
    }
}

/// A bound as JSON: an integer when it is whole (`30`, not `30.0`).
pub(super) fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        Value::Null => Map::new(),
        other => panic!("expected a schema object from schemars, found {other}"),
    }
}

/// The def a `$ref` points at (`#/$defs/Name` → `Name`).
fn ref_name(schema: &Map<String, Value>, shape: &Shape) -> String {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
        .unwrap_or_else(|| panic!("expected a $ref to a def for shape {}", shape.name))
        .to_string()
}

/// Removes what schemars adds for `Option`: `null` in `type`, or an `anyOf` with `{"type":
/// "null"}`. An absent member is how the API says "not set"; an explicit `null` is a type error.
fn strip_null(schema: &mut Map<String, Value>) {
    if let Some(Value::Array(types)) = schema.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            schema.insert("type".into(), only);
        }
    }
    if let Some(Value::Array(branches)) = schema.get("anyOf") {
        let kept: Vec<Value> = branches
            .iter()
            .filter(|b| b.get("type").and_then(Value::as_str) != Some("null"))
            .cloned()
            .collect();
        if kept.len() == 1 && kept.len() < branches.len() {
            schema.remove("anyOf");
            if let Value::Object(inner) = kept.into_iter().next().unwrap_or_default() {
                for (k, v) in inner {
                    schema.entry(k).or_insert(v);
                }
            }
        }
    }
}
