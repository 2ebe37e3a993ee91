// The one place where the worker calls the package to check a document: the report and the
// schedule preview for one text under one set of options, from one pass of the package's linter
// (`createLinter(options).analyze(text)`), and its repeated safe fixes (`fix(text)`, as the CLI's
// --fix). A linter reads its options once; the worker keeps the one for the latest options.
import init, { createLinter, initTemplates, schema, version } from 'iot-jobs-lint';
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

// The package's template module (CloudFormation templates), fetched at the first template: most
// documents are requests, which the library's module checks alone.
let templates: Promise<void> | null = null;

/** The template module, loading once; a failed load is tried again at the next template. */
function loadTemplates(): Promise<void> {
  templates ??= initTemplates().catch((error: unknown) => {
    templates = null;
    throw error;
  });
  return templates;
}

function notChecked(report: LintReport): boolean {
  return report.diagnostics.length === 1 && report.diagnostics[0].code === 'input/template-not-checked';
}

export async function analyze(text: string, options: ScheduleOptions): Promise<Analysis> {
  const linter = linterFor(options);
  let t0 = performance.now();
  let { report, schedule } = linter.analyze(text, WINDOWS);
  if (notChecked(report)) {
    await loadTemplates();
    t0 = performance.now();
    ({ report, schedule } = linter.analyze(text, WINDOWS));
  }
  return { report, schedule, ms: performance.now() - t0 };
}

/** Every safe fix, round after round until none applies: the text after them, and how many. */
export async function fixSafe(text: string, options: ScheduleOptions): Promise<{ output: string | null; applied: number }> {
  let result = linterFor(options).fix(text, 'safe');
  if (notChecked(result.report)) {
    await loadTemplates();
    result = linterFor(options).fix(text, 'safe');
  }
  return { output: result.output ?? null, applied: result.applied };
}

export function schemaOf(operation: Operation, serviceModel: ServiceModel): JsonSchema {
  return schema(operation, serviceModel);
}

export { version };
