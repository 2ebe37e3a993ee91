// Entry for Node's `require()`: the wasm-bindgen `nodejs` build, which loads the WebAssembly
// module synchronously, and schema(), whose data is loaded on first use.
//
// Every function runs through the guard (guard.cjs, written from guard.js): after an internal
// error the failing call throws an Error that says so, and the WebAssembly instance is replaced so
// that later calls work.
'use strict';
const glue = require('./iot_jobs_lint.cjs');
const { makeGuard } = require('./guard.cjs');
const { makeLinters } = require('./linter.cjs');

const guard = makeGuard(glue, true);
// The template module (the library plus CloudFormation templates), required at the first
// template: its `nodejs` glue compiles iot_jobs_lint_full_bg.wasm synchronously.
let full = null;
function templates() {
  if (full === null) {
    try {
      const fullGlue = require('./iot_jobs_lint_full.cjs');
      full = makeLinters(fullGlue, makeGuard(fullGlue, true), null);
    } catch {
      // Not there (a test build): templates stay "not checked".
      full = false;
    }
  }
  return full || null;
}
const linters = makeLinters(glue, guard, templates);

/** A linter with its options read once; see README.md ("A reusable linter"). */
function createLinter(options) {
  return linters.createLinter(options);
}

function lint(input, options) {
  return linters.lint(input, options);
}

function schedule(input, options) {
  return linters.schedule(input, options);
}

function schemaPath(operation, serviceModel) {
  return guard.call('schemaPath', glue.schemaPath, operation, serviceModel);
}

function rules() {
  return guard.call('rules', glue.rules);
}

function version() {
  return guard.call('version', glue.version);
}

let schemas;
/**
 * The JSON Schema (draft 2020-12) of an operation's input (requests) or output (responses) under a
 * service-model edition (default `latest`): the package's `schemas/EDITION/OPERATION.schema.json`.
 * Each call returns a fresh object.
 */
function schema(operation, serviceModel) {
  const path = schemaPath(operation, serviceModel);
  schemas ??= require('./schemas.cjs').SCHEMAS;
  return JSON.parse(schemas[path]);
}

module.exports = { createLinter, lint, schedule, schemaPath, rules, version, schema };
