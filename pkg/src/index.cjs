// Entry for Node's `require()`: the wasm-bindgen `nodejs` build, which loads the WebAssembly
// module synchronously, and schema(), whose data is loaded on first use.
'use strict';
const bindings = require('./iot_jobs_lint.cjs');

let schemas;
/**
 * The JSON Schema (draft 2020-12) of an operation's input (requests) or output (responses) under a
 * service-model edition (default `latest`): the package's `schemas/EDITION/OPERATION.schema.json`.
 * Each call returns a fresh object.
 */
function schema(operation, serviceModel) {
  const path = bindings.schemaPath(operation, serviceModel);
  schemas ??= require('./schemas.cjs').SCHEMAS;
  return JSON.parse(schemas[path]);
}

module.exports = { ...bindings, schema };
