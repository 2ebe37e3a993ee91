// Types of the browser/bundler entry: the generated bindings (./iot_jobs_lint.d.ts, whose types
// come from the Rust crate via tsify and from the JSON Schemas via json-schema-to-typescript)
// and schema().
import type { InitInput, JsonSchema, Linter, Operation, ScheduleOptions, ServiceModel, SyncInitInput } from './iot_jobs_lint.js';

export * from './iot_jobs_lint.js';
export { default } from './iot_jobs_lint.js';

/**
 * The JSON Schema (draft 2020-12) of an operation's input (requests) or output (responses) under a
 * service-model edition (default `latest`): the package's `schemas/EDITION/OPERATION.schema.json`.
 * Each call returns a fresh object. Throws a `TypeError` for an unknown operation or edition.
 */
export declare function schema(operation: Operation, serviceModel?: ServiceModel | null): JsonSchema;

/**
 * A linter whose options (those of `schedule()`: `operation`, `serviceModel`, `now`,
 * `maxInputBytes`, `count`) are read once and reused by every call: the fast way to check many
 * inputs, or one document at every edit. Throws a `TypeError` for a bad option, as `lint()` does.
 */
export declare function createLinter(options?: ScheduleOptions | null): Linter;

/**
 * Loads the template module (`iot_jobs_lint_full_bg.wasm` beside this file, or the module, bytes,
 * URL or Response given as `{ module_or_path }`): CloudFormation templates are then checked; until
 * then a template gets `input/template-not-checked`. Node's entry loads it on its own at the first
 * template.
 */
export declare function initTemplates(module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<void>;

/** Instantiates the template module synchronously from its bytes or a compiled `WebAssembly.Module`. */
export declare function initTemplatesSync(module: { module: SyncInitInput } | SyncInitInput): void;
