// Messages between the page (src/main.ts) and the lint worker (src/lint.worker.ts).
import type { LintReport, Operation, Schedule, ServiceModel } from 'iot-jobs-lint';

export interface LintRequest {
  /** Increasing id: the page drops any answer but the one to its latest request. */
  id: number;
  text: string;
  operation: Operation | null;
  serviceModel: ServiceModel;
  /** RFC 3339, UTC. */
  now: string;
}

export type LintResponse =
  | {
      id: number;
      ok: true;
      report: LintReport;
      schedule: Schedule;
      /** Time spent in the package's lint() / schedule(), measured in the worker. */
      lintMs: number;
      scheduleMs: number;
      version: string;
      info: DocumentInfo;
    }
  | {
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

/** What the page shows above the editor: the document's id and description, when it parses. */
export interface DocumentInfo {
  idName: 'jobId' | 'jobTemplateId' | null;
  id: string | null;
  description: string | null;
}
