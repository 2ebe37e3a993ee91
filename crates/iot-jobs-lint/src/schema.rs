//! JSON Schema (draft 2020-12) export for editors, one schema per operation and edition.
//!
//! Placeholder until the schema export lands (issue 4): the real export derives the schema from
//! the typed models and the shape table.

use crate::{Edition, Operation};

/// The JSON Schema of `operation`'s input (requests) or output (responses) under `edition`.
pub fn json_schema(operation: Operation, edition: Edition) -> serde_json::Value {
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("{} ({} service model)", operation.api_name(), edition.as_str()),
        "type": "object"
    })
}
