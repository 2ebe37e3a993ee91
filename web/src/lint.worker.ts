// The linter runs here, off the main thread: the WebAssembly module is fetched and compiled once,
// then each request is checked (src/analysis.ts: one pass for the report and the schedule). Typing never waits for it. The page also asks
// here for the JSON Schemas its completion and hover read.
import { analyze, fixSafe, ready, schemaOf, version } from './analysis';
import type { DocumentInfo, WorkerRequest, WorkerResponse } from './protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
};

/** The id and description to show as the document's title (display only, no checking). */
function documentInfo(text: string): DocumentInfo {
  const info: DocumentInfo = { idName: null, id: null, description: null, windows: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return info;
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value)) return info;
  const top = isObject(value.job) ? value.job : value;
  for (const name of ['jobId', 'jobTemplateId'] as const) {
    if (typeof top[name] === 'string') {
      info.idName = name;
      info.id = top[name];
      break;
    }
  }
  if (typeof top.description === 'string') info.description = top.description;
  const scheduling = isObject(top.schedulingConfig) ? top.schedulingConfig : top;
  const windows = scheduling.maintenanceWindows;
  if (Array.isArray(windows)) {
    info.windows = windows.map((w: unknown) => ({
      startTime: isObject(w) && typeof w.startTime === 'string' ? w.startTime : null,
      durationInMinutes: isObject(w) && typeof w.durationInMinutes === 'number' ? w.durationInMinutes : null,
    }));
  }
  return info;
}

scope.onmessage = async (event) => {
  const request = event.data;
  if (request.kind === 'schema') {
    const { operation, serviceModel } = request;
    let found = null;
    try {
      await ready;
      found = schemaOf(operation, serviceModel);
    } catch {
      // no schema: completion and hover stay quiet
    }
    scope.postMessage({ kind: 'schema', operation, serviceModel, schema: found });
    return;
  }
  const { id, text, operation, serviceModel, now } = request;
  const options = { serviceModel, now, ...(operation ? { operation } : {}) };
  if (request.kind === 'fix') {
    try {
      await ready;
      scope.postMessage({ kind: 'fix', id, ok: true, ...(await fixSafe(text, options)) });
    } catch (error) {
      scope.postMessage({ kind: 'fix', id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  try {
    await ready;
    const { report, schedule, ms } = await analyze(text, options);
    scope.postMessage({
      kind: 'lint',
      id,
      ok: true,
      report,
      schedule,
      lintMs: ms,
      version: version(),
      info: documentInfo(text),
    });
  } catch (error) {
    // A TypeError is misuse (a setting); anything else is an internal error of the package, which
    // has already replaced its WebAssembly instance: the next request is checked as usual.
    scope.postMessage({
      kind: 'lint',
      id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      internal: !(error instanceof TypeError),
    });
  }
};
