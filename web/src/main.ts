// The page: wires the editor, the controls, the lint worker and the panels together.
//
// Linting: every edit restarts a short debounce; when it fires, the document goes to the worker
// (at most one request in flight; edits made meanwhile are sent as soon as it answers). An answer
// is shown only if the document is still the one it was computed for. Each answer is recorded as
// a User Timing measure `iot-jobs-lint:lint` (round trip; `detail` holds the time spent in the
// package's analyze() in the worker, and the document's size) and `iot-jobs-lint:render`
// (main-thread time to show it).
//
// Fixes: each answer's fixes are placed in the document it was computed for; a fix (from the
// editor's tooltip or the Problems panel) is applied only while the editor still holds that very
// document, and the result is checked again at once.
import type { Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { Diagnostic, JsonSchema, LintReport, Operation, ServiceModel } from 'iot-jobs-lint';
import examples from 'virtual:examples';
import { byId, visible } from './dom';
import { createEditor, goTo, replaceDocument, showDiagnostics } from './editor';
import { askBeforeExport, cliCommand, copyText, download, fileName, shellScript } from './exporting';
import { placeFixes, type PlacedFix } from './fixes';
import { lineColumnOf } from './positions';
import { countText, renderProblems } from './problems';
import type { FixRequest, FixResponse, LintRequest, LintResponse, SchemaRequest, WorkerResponse } from './protocol';
import { renderSchedule } from './schedule';
import { setSchema } from './schema-assist';
import './style.css';

const DEBOUNCE_MS = 120;
const STORAGE_KEY = 'iot-jobs-lint:document';
const OPERATIONS: Operation[] = ['create-job', 'create-job-template', 'describe-job', 'describe-job-template'];
const EDITIONS: ServiceModel[] = ['latest', '2023-03-02'];

const ui = {
  example: byId<HTMLSelectElement>('example'),
  open: byId<HTMLButtonElement>('open'),
  openFile: byId<HTMLInputElement>('open-file'),
  operation: byId<HTMLSelectElement>('operation'),
  edition: byId<HTMLSelectElement>('edition'),
  now: byId<HTMLInputElement>('now'),
  nowClock: byId<HTMLInputElement>('now-clock'),
  settingsError: byId('settings-error'),
  docInfo: byId('doc-info'),
  editor: byId('editor'),
  cursor: byId('cursor'),
  opStatus: byId('op-status'),
  lintStatus: byId('lint-status'),
  problems: byId<HTMLOListElement>('problems'),
  problemsEmpty: byId('problems-empty'),
  problemCounts: byId('problem-counts'),
  fixAll: byId<HTMLButtonElement>('fix-all'),
  scheduleSummary: byId('schedule-summary'),
  windows: byId<HTMLOListElement>('windows'),
  windowsEmpty: byId('windows-empty'),
  timeline: byId('timeline'),
  legend: byId('legend'),
  scheduleProblems: byId<HTMLOListElement>('schedule-problems'),
  scheduleProblemsEmpty: byId('schedule-problems-empty'),
  command: byId('command'),
  copyCommand: byId<HTMLButtonElement>('copy-command'),
  copyScript: byId<HTMLButtonElement>('copy-script'),
  download: byId<HTMLButtonElement>('download'),
  downloadName: byId('download-name'),
  exportStatus: byId('export-status'),
  exportConfirm: byId('export-confirm'),
  version: byId('version'),
};

// ---- settings: URL query (?now=…&example=…&operation=…&model=…), then defaults ----

const params = new URLSearchParams(location.search);
const settings = {
  operation: (OPERATIONS as string[]).includes(params.get('operation') ?? '') ? (params.get('operation') as Operation) : null,
  serviceModel: (EDITIONS as string[]).includes(params.get('model') ?? '') ? (params.get('model') as ServiceModel) : 'latest',
  /** null: the browser clock at each lint. */
  fixedNow: params.get('now'),
  /** The example the editor holds unchanged, for the shareable URL. */
  example: null as string | null,
};

function clockNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function syncControls(): void {
  ui.operation.value = settings.operation ?? '';
  ui.edition.value = settings.serviceModel;
  ui.nowClock.checked = settings.fixedNow === null;
  ui.now.disabled = settings.fixedNow === null;
  ui.now.value = settings.fixedNow ?? clockNow();
}

function syncUrl(): void {
  const query = new URLSearchParams();
  if (settings.fixedNow !== null) query.set('now', settings.fixedNow);
  if (settings.example) query.set('example', settings.example);
  if (settings.operation) query.set('operation', settings.operation);
  if (settings.serviceModel !== 'latest') query.set('model', settings.serviceModel);
  const search = query.toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}

// ---- the initial document ----

for (const example of examples) {
  const option = document.createElement('option');
  option.value = example.name;
  option.textContent = example.file;
  ui.example.append(option);
}

function initialDocument(): string {
  const wanted = params.get('example');
  const example = examples.find((e) => e.name === wanted);
  if (example) {
    settings.example = example.name;
    return example.text;
  }
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage disabled: start from an example
  }
  if (saved !== null) return saved;
  const first = examples.find((e) => e.name === 'firmware-ota') ?? examples[0];
  settings.example = first.name;
  return first.text;
}

const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';

let loading = false;
let debounce: ReturnType<typeof setTimeout> | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

const view: EditorView = createEditor(ui.editor, initialDocument(), nonce, {
  onChange() {
    if (!loading && settings.example) {
      settings.example = null;
      ui.example.value = '';
      syncUrl();
    }
    clearTimeout(debounce);
    debounce = setTimeout(requestLint, DEBOUNCE_MS);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      try {
        localStorage.setItem(STORAGE_KEY, view.state.doc.toString());
      } catch {
        // storage full or disabled: nothing to keep
      }
    }, 500);
  },
  onCursor() {
    const { line, column } = lineColumnOf(view.state.doc, view.state.selection.main.head);
    ui.cursor.textContent = `Ln ${line}, Col ${column}`;
  },
});
ui.example.value = settings.example ?? '';
syncControls();
syncUrl();

function load(text: string, example: string | null): void {
  loading = true;
  try {
    replaceDocument(view, text);
  } finally {
    loading = false;
  }
  settings.example = example;
  ui.example.value = example ?? '';
  syncUrl();
  requestLint();
}

// ---- the worker ----

const worker = new Worker(new URL('./lint.worker.ts', import.meta.url), { type: 'module', name: 'iot-jobs-lint' });
let nextId = 1;
let inFlight: { id: number; doc: Text; sentAt: number } | null = null;
let pending = false;
let operation: Operation | null = null;

function requestLint(): void {
  clearTimeout(debounce);
  if (inFlight) {
    pending = true;
    return;
  }
  const doc = view.state.doc;
  const request: LintRequest = {
    kind: 'lint',
    id: nextId++,
    text: doc.toString(),
    operation: settings.operation,
    serviceModel: settings.serviceModel,
    now: settings.fixedNow ?? clockNow(),
  };
  inFlight = { id: request.id, doc, sentAt: performance.now() };
  worker.postMessage(request);
}

worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
  if (event.data.kind === 'schema') {
    schemaArrived(event.data.operation, event.data.serviceModel, event.data.schema);
    return;
  }
  if (event.data.kind === 'fix') {
    fixedAll(event.data);
    return;
  }
  const answer = event.data;
  const request = inFlight;
  inFlight = null;
  if (!request || request.id !== answer.id) return;
  const receivedAt = performance.now();
  if (answer.ok) {
    if (pending || view.state.doc !== request.doc) {
      // The document or a setting changed meanwhile: the positions would be stale. A pending
      // request goes out below; a changed document has its debounce timer running.
      if (pending) {
        pending = false;
        requestLint();
      }
      return;
    }
    ui.settingsError.hidden = true;
    ui.now.removeAttribute('aria-invalid');
    show(answer.report, answer);
    const shownAt = performance.now();
    const bytes = new TextEncoder().encode(view.state.doc.toString()).length;
    performance.measure('iot-jobs-lint:lint', {
      start: request.sentAt,
      end: receivedAt,
      detail: { lintMs: answer.lintMs, bytes, diagnostics: answer.report.diagnostics.length },
    });
    performance.measure('iot-jobs-lint:render', { start: receivedAt, end: shownAt });
    if (performance.getEntriesByName('iot-jobs-lint:lint').length > 1000) {
      performance.clearMeasures('iot-jobs-lint:lint');
      performance.clearMeasures('iot-jobs-lint:render');
    }
    const checked = `Checked in ${answer.lintMs.toFixed(1)} ms`;
    ui.lintStatus.textContent = fixNote && performance.now() < fixNote.until ? `${fixNote.text} · ${checked}` : checked;
  } else {
    // The package names its own API in misuse messages (`createLinter(): options.now …`); the
    // page speaks of its controls instead.
    ui.settingsError.textContent = answer.internal
      ? answer.error
      : answer.error.replace(/^\w+\(\): options\.now (must be|is)/, 'Now (UTC, RFC 3339) $1').replace(/^\w+\(\): options\./, 'Setting ');
    ui.settingsError.hidden = false;
    if (!answer.internal && settings.fixedNow !== null && /\bnow\b/.test(answer.error)) ui.now.setAttribute('aria-invalid', 'true');
    ui.lintStatus.textContent = answer.internal
      ? 'Not checked: an internal error (see the message above); the next change is checked again'
      : 'Not checked: see the message above';
  }
  if (pending) {
    pending = false;
    requestLint();
  }
});

worker.addEventListener('error', (event) => {
  inFlight = null;
  ui.settingsError.textContent = `The linter could not start: ${event.message || 'worker error'}`;
  ui.settingsError.hidden = false;
});

// ---- the schema for completion and hover ----

// The operation in effect: the selector's, else the one detected last (a report of half-typed
// JSON may detect none), else CreateJob (what an empty or unrecognised document most likely
// becomes). None for a CloudFormation template.
let lastDetected: Operation = 'create-job';
const schemas = new Map<string, JsonSchema | null>();
let wantedSchema = '';

function schemaKey(op: Operation, model: ServiceModel): string {
  return `${op} ${model}`;
}

function wantSchema(op: Operation | null): void {
  if (op === null) {
    wantedSchema = '';
    setSchema(view, null);
    return;
  }
  const key = schemaKey(op, settings.serviceModel);
  wantedSchema = key;
  if (schemas.has(key)) {
    setSchema(view, schemas.get(key) ?? null);
    return;
  }
  const request: SchemaRequest = { kind: 'schema', operation: op, serviceModel: settings.serviceModel };
  worker.postMessage(request);
}

function schemaArrived(op: Operation, model: ServiceModel, schema: JsonSchema | null): void {
  const key = schemaKey(op, model);
  schemas.set(key, schema);
  if (key === wantedSchema) setSchema(view, schema);
}

wantSchema(settings.operation ?? 'create-job');

// ---- fixes ----

/** The fixes of the answer shown, placed in the document it was computed for. */
let fixesFor: { doc: Text; fixes: PlacedFix[][] } | null = null;

/** What the last fix did, kept in the status beside "Checked in …" for a few seconds. */
let fixNote: { text: string; until: number } | null = null;

function note(text: string): void {
  fixNote = { text, until: performance.now() + 5000 };
  ui.lintStatus.textContent = text;
}

function applyChanges(changes: PlacedFix['changes'], what: string): void {
  if (!fixesFor || view.state.doc !== fixesFor.doc) {
    note('The document changed since it was checked: try the fix again after this check');
    requestLint();
    return;
  }
  view.dispatch({ changes, userEvent: 'input.fix', scrollIntoView: true });
  note(what);
  requestLint();
}

function applyFix(fix: PlacedFix): void {
  applyChanges(fix.changes, `Applied: ${fix.message}`);
}

function applyFixOf(index: number, fixIndex: number): void {
  const fix = fixesFor?.fixes[index]?.[fixIndex];
  if (fix) applyFix(fix);
}

// "Fix all safe": the package's linter applies the safe fixes itself, round after round as the
// CLI's --fix does, in the worker. Its output replaces the document in one transaction (one undo
// step; only the span between the first and the last difference is replaced, so the rest keeps
// its folds and marks) if the document is still the text sent. The next check shows what is left.
let fixing: { id: number; doc: Text } | null = null;

function fixAllSafe(): void {
  if (fixing) return;
  const request: FixRequest = {
    kind: 'fix',
    id: nextId++,
    text: view.state.doc.toString(),
    operation: settings.operation,
    serviceModel: settings.serviceModel,
    now: settings.fixedNow ?? clockNow(),
  };
  fixing = { id: request.id, doc: view.state.doc };
  ui.fixAll.disabled = true;
  worker.postMessage(request);
}

function fixedAll(answer: FixResponse): void {
  const request = fixing;
  if (!request || request.id !== answer.id) return;
  fixing = null;
  ui.fixAll.disabled = false;
  if (!answer.ok) {
    note(`Could not fix: ${answer.error}`);
    return;
  }
  if (view.state.doc !== request.doc) {
    note('The document changed while it was being fixed: nothing applied; try again');
    return;
  }
  if (answer.output === null || answer.applied === 0) {
    note('No safe fix applies');
    return;
  }
  const before = request.doc.toString();
  const after = answer.output;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  // Never split a surrogate pair.
  if (start > 0 && /[\uD800-\uDBFF]/.test(before[start - 1])) start--;
  if (end > 0 && /[\uDC00-\uDFFF]/.test(before[before.length - end])) end--;
  view.dispatch({
    changes: { from: start, to: before.length - end, insert: after.slice(start, after.length - end) },
    userEvent: 'input.fix',
  });
  note(`Applied ${answer.applied} safe fix${answer.applied === 1 ? '' : 'es'}`);
  requestLint();
  view.focus();
}

ui.fixAll.addEventListener('click', fixAllSafe);

// ---- showing an answer ----

function pick(d: Diagnostic): void {
  goTo(view, d);
}

/** Errors in the answer shown (the export asks before sending a file AWS will reject). */
let errorCount = 0;
/** The document that answer is about: the export asks too when the one in the editor is not it. */
let checkedDoc: unknown = null;

// What the panels show now: an answer equal to it leaves them alone (no flicker, and a focused
// problem keeps the focus when the clock tick re-lints).
let shownProblems = '';
let shownSchedule = '';

function show(report: LintReport, answer: Extract<LintResponse, { ok: true }>): void {
  const fixes = placeFixes(view.state.doc, report.diagnostics);
  fixesFor = { doc: view.state.doc, fixes };
  showDiagnostics(view, report.diagnostics, fixes, applyFix);
  errorCount = report.diagnostics.filter((d) => d.severity === 'error').length;
  checkedDoc = view.state.doc;
  const problemsKey = JSON.stringify(report.diagnostics);
  if (problemsKey !== shownProblems) {
    shownProblems = problemsKey;
    renderProblems(ui.problems, ui.problemsEmpty, report.diagnostics, pick, { fixes, apply: applyFixOf });
    ui.problemCounts.textContent = countText(report.diagnostics);
  }
  // How many problems have a safe fix (fixing one may make others go, or appear: the package
  // re-checks between rounds).
  const safe = fixes.filter((list) => list.some((f) => f.applicability === 'safe')).length;
  ui.fixAll.hidden = safe === 0;
  ui.fixAll.textContent = `Fix all safe (${safe})`;
  const scheduleKey = JSON.stringify([answer.schedule, answer.info.windows]) + String(report.templateResources ?? '');
  if (scheduleKey !== shownSchedule) {
    shownSchedule = scheduleKey;
    renderSchedule(
      { summary: ui.scheduleSummary, legend: ui.legend, list: ui.windows, empty: ui.windowsEmpty, timeline: ui.timeline },
      answer.schedule,
      answer.info.windows,
    );
    renderProblems(ui.scheduleProblems, ui.scheduleProblemsEmpty, answer.schedule.diagnostics, pick);
  }

  // A CloudFormation template is deployed with CloudFormation, not sent to the API directly.
  const template = report.templateResources ?? null;
  if (template !== null && ui.windows.childElementCount === 0) {
    ui.windowsEmpty.textContent = 'A CloudFormation template: the calendar previews the windows of a request (paste a resource\'s request to see them).';
  }
  operation = template === null ? report.operation : null;
  // Half-typed JSON often cannot be told apart: keep the operation detected last meanwhile.
  if (report.operation) lastDetected = report.operation;
  wantSchema(template !== null ? null : (settings.operation ?? report.operation ?? lastDetected));
  const autoOption = ui.operation.options[0];
  autoOption.textContent = report.operationDetected && report.operation ? `Auto-detect (${report.operation})` : 'Auto-detect';
  ui.opStatus.textContent =
    template !== null
      ? `CloudFormation template · ${template} IoT job resource${template === 1 ? '' : 's'} · model ${report.serviceModel}`
      : report.operation
        ? `${report.operation}${report.operationDetected ? ' (detected)' : ''} · model ${report.serviceModel}`
        : 'operation unknown';

  const { info } = answer;
  const title: (string | Node)[] = [];
  if (info.id !== null) {
    const id = document.createElement('code');
    id.textContent = visible(info.id);
    title.push(`${info.idName} `, id);
  }
  if (info.description !== null) title.push(title.length ? ' — ' : '', visible(info.description));
  ui.docInfo.replaceChildren(...title);

  const command = template === null ? cliCommand(operation) : null;
  ui.command.textContent =
    template !== null
      ? 'A CloudFormation template: deploy it with `aws cloudformation deploy --template-file TEMPLATE --stack-name STACK`.'
      : (command ?? `A ${operation} response is an output of AWS: there is nothing to send.`);
  ui.copyCommand.disabled = command === null;
  ui.copyScript.disabled = command === null;
  ui.downloadName.textContent = fileName(operation);
  ui.version.textContent = `iot-jobs-lint ${answer.version}`;
}

// ---- controls ----

ui.example.addEventListener('change', () => {
  const example = examples.find((e) => e.name === ui.example.value);
  if (example) load(example.text, example.name);
});

ui.open.addEventListener('click', () => ui.openFile.click());
ui.openFile.addEventListener('change', async () => {
  const file = ui.openFile.files?.[0];
  if (!file) return;
  load(await file.text(), null);
  ui.openFile.value = '';
  view.focus();
});

ui.operation.addEventListener('change', () => {
  settings.operation = (ui.operation.value || null) as Operation | null;
  if (settings.operation) wantSchema(settings.operation);
  syncUrl();
  requestLint();
});

ui.edition.addEventListener('change', () => {
  settings.serviceModel = ui.edition.value as ServiceModel;
  wantSchema(settings.operation ?? lastDetected);
  syncUrl();
  requestLint();
});

ui.nowClock.addEventListener('change', () => {
  settings.fixedNow = ui.nowClock.checked ? null : ui.now.value.trim() || clockNow();
  syncControls();
  syncUrl();
  requestLint();
  if (!ui.nowClock.checked) ui.now.focus();
});

ui.now.addEventListener('change', () => {
  settings.fixedNow = ui.now.value.trim() || clockNow();
  syncUrl();
  requestLint();
});

// On the browser clock, the time-dependent rules (start times in the past, the schedule) move on.
setInterval(() => {
  if (settings.fixedNow === null) {
    ui.now.value = clockNow();
    requestLint();
  }
}, 60_000);

// ---- export ----

function flash(message: string): void {
  ui.exportStatus.textContent = message;
}

/** Runs `action` at once when the file has no error, else after the page's own confirm step. */
function whenConfirmed(verb: string, action: () => void | Promise<void>): void {
  const checked = checkedDoc === view.state.doc;
  if (checked && errorCount === 0) {
    void action();
    return;
  }
  const n = errorCount;
  const question = checked
    ? `This file has ${n} error${n === 1 ? '' : 's'}; AWS will reject it. ${verb} anyway?`
    : `This file has not been checked yet (or its check failed: see above), so it may have errors. ${verb} anyway?`;
  askBeforeExport(ui.exportConfirm, question, `${verb} anyway`).then((yes) => {
    if (yes) void action();
    else flash(`Not ${verb === 'Download' ? 'downloaded' : 'copied'}: fix the errors first (see Problems).`);
  });
}

ui.copyCommand.addEventListener('click', () => {
  const command = cliCommand(operation);
  if (!command) return;
  whenConfirmed('Copy', async () => {
    try {
      await copyText(command);
      flash(`Copied: ${command}. Save the document as ${fileName(operation)} next to it.`);
    } catch (error) {
      flash(`Could not copy: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
});

ui.copyScript.addEventListener('click', () => {
  const script = shellScript(operation, view.state.doc.toString());
  if (!script) return;
  whenConfirmed('Copy', async () => {
    try {
      await copyText(script);
      flash(`Copied a shell script that writes ${fileName(operation)} and runs the command.`);
    } catch (error) {
      flash(`Could not copy: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
});

ui.download.addEventListener('click', () => {
  const text = view.state.doc.toString();
  whenConfirmed('Download', () => {
    download(fileName(operation), text.endsWith('\n') ? text : `${text}\n`);
    flash(`Downloaded ${fileName(operation)}.`);
  });
});

requestLint();
