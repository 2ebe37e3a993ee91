// Entry for browsers, bundlers, Deno and workers (the `default` export condition).
// Call `await init()` once before any other function; see README.md.
//
// Every function runs through the guard (guard.js): after an internal error the failing call
// throws an Error that says so, and the WebAssembly instance is replaced so that later calls work.
import * as glue from './iot_jobs_lint.js';
import { makeGuard } from './guard.js';
import { makeLinters } from './linter.js';
import { SCHEMAS } from './schemas.js';
import { templateModule } from './templates.js';

const guard = makeGuard(glue, false);
const linters = makeLinters(glue, guard, templateModule.linters);

/**
 * Loads the WebAssembly module (`iot_jobs_lint_bg.wasm` beside this file, or the module, bytes,
 * URL or Response given as `{ module_or_path }`) once; later calls return at once.
 */
export default async function init(module_or_path) {
  const exports = await glue.default(module_or_path);
  guard.ready();
  return exports;
}

/** Instantiates the WebAssembly module from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(module) {
  const exports = glue.initSync(module);
  guard.ready();
  return exports;
}

/**
 * Loads the template module (`iot_jobs_lint_full_bg.wasm` beside this file, or the module, bytes,
 * URL or Response given as `{ module_or_path }`) once: CloudFormation templates are then checked.
 * Until then a template gets `input/template-not-checked`. In Node it loads on its own.
 */
export async function initTemplates(module_or_path) {
  await templateModule.glue.default(module_or_path);
  templateModule.ready();
}

/** Instantiates the template module from its bytes or a compiled `WebAssembly.Module`. */
export function initTemplatesSync(module) {
  templateModule.glue.initSync(module);
  templateModule.ready();
}

/** A linter with its options read once; see README.md ("A reusable linter"). */
export function createLinter(options) {
  return linters.createLinter(options);
}

export function lint(input, options) {
  return linters.lint(input, options);
}

export function schedule(input, options) {
  return linters.schedule(input, options);
}

export function schemaPath(operation, serviceModel) {
  return guard.call('schemaPath', glue.schemaPath, operation, serviceModel);
}

export function rules() {
  return guard.call('rules', glue.rules);
}

export function version() {
  return guard.call('version', glue.version);
}

/**
 * The JSON Schema (draft 2020-12) of an operation's input (requests) or output (responses) under a
 * service-model edition (default `latest`): the package's `schemas/EDITION/OPERATION.schema.json`.
 * Each call returns a fresh object.
 */
export function schema(operation, serviceModel) {
  return JSON.parse(SCHEMAS[schemaPath(operation, serviceModel)]);
}
