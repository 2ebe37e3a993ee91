//! JSON Schema (draft 2020-12) export for editors, one schema per operation and edition.
//!
//! A schema is made in three steps, so that it cannot drift from the linter:
//!
//! 1. **Structure from the typed models.** schemars derives the member names, JSON types and
//!    nesting from [`crate::model`] (feature `schemars` of `iot-jobs-lint-model`); the models' doc
//!    comments become the descriptions, their `#[schemars(example = …)]` attributes the examples.
//! 2. **Constraints from the shape table.** `build` walks that schema beside the
//!    [`crate::shapes`] table of the chosen edition, the same table the `model/*` rules run on, and
//!    writes every trait into it: `required`, `minLength`/`maxLength` (code points, as the linter
//!    counts), `minimum`/`maximum` (including the 32- and 64-bit range of integer shapes),
//!    `minItems`/`maxItems`, `enum` with the meaning of each value, anchored `pattern`s, and
//!    `additionalProperties: false` on every structure. Members of a later edition are left out.
//!    The walker panics when the typed model and the table disagree on a structure's members.
//! 3. **Documented rules.** `documented` adds the rules beyond the model that JSON Schema can
//!    express: exactly the registry entries with [`RuleInfo::json_schema`](crate::RuleInfo) set,
//!    all of them errors. Warnings never go into a schema: an editor shows every schema violation
//!    as a problem with the file, so a warning there would be a false alarm.
//!
//! Every object's keys are sorted, so the output is the same whatever `serde_json` features the
//! build unifies. The files under `schemas/` in the repository are this output
//! ([`file_text`] at [`relative_path`]); a test keeps them equal.

mod build;
mod documented;
mod patterns;
mod text;

pub use documented::CARRIED;

use crate::{Edition, Operation};
use serde_json::{Map, Value, json};

/// The JSON Schema dialect of the exported schemas.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The JSON Schema of `operation`'s input (requests) or output (responses) under `edition`.
pub fn json_schema(operation: Operation, edition: Edition) -> serde_json::Value {
    let mut settings = schemars::generate::SchemaSettings::draft2020_12();
    settings.meta_schema = None;
    let generator = settings.into_generator();
    let raw = match operation {
        Operation::CreateJob => generator.into_root_schema_for::<crate::model::CreateJobRequest>(),
        Operation::CreateJobTemplate => {
            generator.into_root_schema_for::<crate::model::CreateJobTemplateRequest>()
        }
        Operation::DescribeJob => {
            generator.into_root_schema_for::<crate::model::DescribeJobResponse>()
        }
        Operation::DescribeJobTemplate => {
            generator.into_root_schema_for::<crate::model::DescribeJobTemplateResponse>()
        }
    };
    let Value::Object(mut root) = raw.to_value() else {
        unreachable!("a structure's schema is an object")
    };
    let source_defs = match root.remove("$defs") {
        Some(Value::Object(defs)) => defs,
        _ => Map::new(),
    };
    root.remove("title");
    let model_description = text::take_string(&mut root, "description");
    let mut builder = build::Builder::new(edition, source_defs);
    let shape = crate::shapes::root_shape(operation);
    builder.structure(&mut root, shape);
    documented::root(operation, &mut root);
    text::describe_root(&mut root, operation, edition, model_description.as_deref());
    root.insert("$schema".into(), json!(DIALECT));
    root.insert("$id".into(), json!(id(operation, edition)));
    root.insert(
        "title".into(),
        json!(format!(
            "{} {} ({} service model)",
            operation.api_name(),
            if operation.is_request() {
                "request"
            } else {
                "response"
            },
            edition
        )),
    );
    let defs = builder.into_defs();
    if !defs.is_empty() {
        root.insert("$defs".into(), Value::Object(defs));
    }
    sorted(Value::Object(root))
}

/// The `$id` of a schema: a URN, since the schemas are files that users map locally rather than
/// fetch (`urn:iot-jobs-lint:schema:latest:create-job`).
pub fn id(operation: Operation, edition: Edition) -> String {
    format!("urn:iot-jobs-lint:schema:{edition}:{operation}")
}

/// Where the schema lives under the repository's `schemas/` directory:
/// `EDITION/OPERATION.schema.json` (`latest/create-job.schema.json`).
pub fn relative_path(operation: Operation, edition: Edition) -> String {
    format!("{edition}/{operation}.schema.json")
}

/// The text of a schema file: [`json_schema`] pretty-printed, with a trailing newline.
pub fn file_text(operation: Operation, edition: Edition) -> String {
    let mut text = serde_json::to_string_pretty(&json_schema(operation, edition))
        .expect("a JSON value serializes");
    text.push('\n');
    text
}

/// Rebuilds every object with its keys in sorted order (a no-op for `serde_json`'s default
/// `BTreeMap`, a real sort when `preserve_order` is unified into the build).
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests;
