// Messages between the page (src/main.ts) and the lint worker (src/lint.worker.ts).
import type { JsonSchema, LintReport, Operation, Schedule, ServiceModel } from 'iot-jobs-lint';

export interface LintRequest {
  kind: 'lint';
  /** Increasing id: the page drops any answer but the one to its latest request. */
  id: number;
  text: string;
  operation: Operation | null;
  serviceModel: ServiceModel;
  /** RFC 3339, UTC. */
  now: string;
}

/** "Fix all safe": the package applies every safe fix, round after round (the CLI's --fix). */
export interface FixRequest {
  kind: 'fix';
  id: number;
  text: string;
  operation: Operation | null;
  serviceModel: ServiceModel;
  now: string;
}

export type FixResponse =
  | { kind: 'fix'; id: number; ok: true; output: string | null; applied: number }
  | { kind: 'fix'; id: number; ok: false; error: string };

/** The JSON Schema the editor's completion and hover read (the package's schema()). */
export interface SchemaRequest {
  kind: 'schema';
  operation: Operation;
  serviceModel: ServiceModel;
}

export type WorkerRequest = LintRequest | SchemaRequest | FixRequest;

export interface SchemaResponse {
  kind: 'schema';
  operation: Operation;
  serviceModel: ServiceModel;
  /** null when the package has no schema for it (it should not happen). */
  schema: JsonSchema | null;
}

export type LintResponse =
  | {
      kind: 'lint';
      id: number;
      ok: true;
      report: LintReport;
      schedule: Schedule;
      /** Time spent in the package's analyze() (report and schedule in one pass), in the worker. */
      lintMs: number;
      version: string;
      info: DocumentInfo;
    }
  | {
      kind: 'lint';
      id: number;
      ok: false;
      /**
       * The package's message: a TypeError for misuse (e.g. a `now` that is not RFC 3339), or an
       * Error for an internal error, after which the package has replaced its WebAssembly
       * instance, so the next request is checked as usual.
       */
      error: string;
      /** Whether it was an internal error (not misuse of the settings). */
      internal: boolean;
    };

export type WorkerResponse = LintResponse | SchemaResponse | FixResponse;

/** What the page shows above the editor: the document's id and description, when it parses. */
export interface DocumentInfo {
  idName: 'jobId' | 'jobTemplateId' | null;
  id: string | null;
  description: string | null;
  /** `maintenanceWindows` as written (display only: the calendar's legend). */
  windows: DeclaredWindow[];
}

/** One member of `maintenanceWindows`, as the document writes it (not checked here). */
export interface DeclaredWindow {
  startTime: string | null;
  durationInMinutes: number | null;
}
