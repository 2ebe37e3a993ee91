// The linter runs here, off the main thread: the WebAssembly module is fetched and compiled once,
// then each request is linted and its schedule previewed. Typing never waits for it.
import init, { lint, schedule, version } from 'iot-jobs-lint';
import type { DocumentInfo, LintRequest, LintResponse } from './protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LintRequest>) => void) | null;
  postMessage(message: LintResponse): void;
};

const ready = init();

/** The id and description to show as the document's title (display only, no checking). */
function documentInfo(text: string): DocumentInfo {
  const info: DocumentInfo = { idName: null, id: null, description: null };
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
  return info;
}

scope.onmessage = async (event) => {
  const { id, text, operation, serviceModel, now } = event.data;
  const options = { serviceModel, now, ...(operation ? { operation } : {}) };
  try {
    await ready;
    const t0 = performance.now();
    const report = lint(text, options);
    const t1 = performance.now();
    const preview = schedule(text, { ...options, count: 7 });
    const t2 = performance.now();
    scope.postMessage({
      id,
      ok: true,
      report,
      schedule: preview,
      lintMs: t1 - t0,
      scheduleMs: t2 - t1,
      version: version(),
      info: documentInfo(text),
    });
  } catch (error) {
    // A TypeError is misuse (a setting); anything else is an internal error of the package, which
    // has already replaced its WebAssembly instance: the next request is checked as usual.
    scope.postMessage({
      id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      internal: !(error instanceof TypeError),
    });
  }
};
