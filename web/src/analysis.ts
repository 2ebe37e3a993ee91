// The one place where the worker calls the package to check a document: the report and the
// schedule preview for one text under one set of options.
//
// Today that is two calls, lint() then schedule(), each parsing the text again. The package is
// gaining `createLinter(options).analyze(text)`, which computes both in one pass: when it is
// there, only `analyze` below changes (and `scheduleMs` becomes null).
import init, { lint, schedule, schema, version } from 'iot-jobs-lint';
import type { JsonSchema, LintOptions, LintReport, Operation, Schedule, ServiceModel } from 'iot-jobs-lint';

export const ready: Promise<unknown> = init();

export interface Analysis {
  report: LintReport;
  schedule: Schedule;
  lintMs: number;
  scheduleMs: number | null;
}

/** How many upcoming windows the calendar shows. */
export const WINDOWS = 7;

export function analyze(text: string, options: LintOptions): Analysis {
  const t0 = performance.now();
  const report = lint(text, options);
  const t1 = performance.now();
  const preview = schedule(text, { ...options, count: WINDOWS });
  const t2 = performance.now();
  return { report, schedule: preview, lintMs: t1 - t0, scheduleMs: t2 - t1 };
}

export function schemaOf(operation: Operation, serviceModel: ServiceModel): JsonSchema {
  return schema(operation, serviceModel);
}

export { version };
