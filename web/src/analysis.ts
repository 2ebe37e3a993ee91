// The one place where the worker calls the package to check a document: the report and the
// schedule preview for one text under one set of options, from one pass of the package's linter
// (`createLinter(options).analyze(text)`), and its repeated safe fixes (`fix(text)`, as the CLI's
// --fix). A linter reads its options once; the worker keeps the one for the latest options.
import init, { createLinter, schema, version } from 'iot-jobs-lint';
import type { JsonSchema, Linter, LintReport, Operation, Schedule, ScheduleOptions, ServiceModel } from 'iot-jobs-lint';

export const ready: Promise<unknown> = init();

export interface Analysis {
  report: LintReport;
  schedule: Schedule;
  /** Time spent in the package (one call for both). */
  ms: number;
}

/** How many upcoming windows the calendar shows. */
export const WINDOWS = 7;

let cached: { key: string; linter: Linter } | null = null;

function linterFor(options: ScheduleOptions): Linter {
  const key = JSON.stringify(options);
  if (cached?.key !== key) cached = { key, linter: createLinter({ ...options, count: WINDOWS }) };
  return cached.linter;
}

export function analyze(text: string, options: ScheduleOptions): Analysis {
  const linter = linterFor(options);
  const t0 = performance.now();
  const { report, schedule } = linter.analyze(text, WINDOWS);
  return { report, schedule, ms: performance.now() - t0 };
}

/** Every safe fix, round after round until none applies: the text after them, and how many. */
export function fixSafe(text: string, options: ScheduleOptions): { output: string | null; applied: number } {
  const { output, applied } = linterFor(options).fix(text, 'safe');
  return { output: output ?? null, applied };
}

export function schemaOf(operation: Operation, serviceModel: ServiceModel): JsonSchema {
  return schema(operation, serviceModel);
}

export { version };
