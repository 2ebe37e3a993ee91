// Entry for browsers, bundlers, Deno and workers (the `default` export condition).
// Call `await init()` once before any other function; see README.md.
import { schemaPath } from './iot_jobs_lint.js';
import { SCHEMAS } from './schemas.js';

export * from './iot_jobs_lint.js';
export { default } from './iot_jobs_lint.js';

/**
 * The JSON Schema (draft 2020-12) of an operation's input (requests) or output (responses) under a
 * service-model edition (default `latest`): the package's `schemas/EDITION/OPERATION.schema.json`.
 * Each call returns a fresh object.
 */
export function schema(operation, serviceModel) {
  return JSON.parse(SCHEMAS[schemaPath(operation, serviceModel)]);
}
