// The JS API of the package: input kinds, options, errors, schedule(), schema(), rules(),
// version(), and agreement with the CLI's `--format json`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import init, { createLinter, lint, rules, schedule, schema, schemaPath, version } from 'iot-jobs-lint';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const NOW = '2026-01-01T00:00:00Z';
const THING = 'arn:aws:iot:us-east-1:111122223333:thing/pump-7';
const job = (extra = {}) => ({ jobId: 'job-1', targets: [THING], document: '{"op":"reboot"}', ...extra });
const DIAGNOSTIC_KEYS = ['code', 'severity', 'pointer', 'message', 'help', 'line', 'column', 'endLine', 'endColumn', 'span', 'fixes', 'related'];

/** `YYYY-MM-DDTHH:MM` (the documented form of scheduling times) of a Date, in UTC. */
const minuteText = (date) => date.toISOString().slice(0, 16);

test('version() is the package version (the crate version)', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  assert.equal(version(), pkg.version);
  const workspace = readFileSync(new URL('Cargo.toml', `file://${root}`), 'utf8');
  assert.match(workspace, new RegExp(`\\[workspace\\.package\\]\\s*\\nversion = "${version().replace(/\./g, '\\.')}"`));
});

test('init() is harmless in Node', async () => {
  await init();
  assert.equal(lint(JSON.stringify(job()), { now: NOW }).diagnostics.length, 0);
});

test('a report has exactly the fields of the CLI JSON', () => {
  const report = lint('{"jobId": "a b", "targets": ["pump-7"], "document": "{}"}', { now: NOW });
  assert.deepEqual(Object.keys(report).sort(), ['diagnostics', 'operation', 'operationDetected', 'serviceModel']);
  assert.equal(report.operation, 'create-job');
  assert.equal(report.operationDetected, true);
  assert.equal(report.serviceModel, 'latest');
  assert.ok(report.diagnostics.length >= 2);
  for (const d of report.diagnostics) {
    assert.deepEqual(Object.keys(d).sort(), [...DIAGNOSTIC_KEYS].sort());
    assert.ok(d.help === null || typeof d.help === 'string');
    assert.ok(['error', 'warning', 'info'].includes(d.severity));
    assert.ok(Number.isInteger(d.span.start) && d.span.start <= d.span.end, JSON.stringify(d.span));
    assert.ok(Array.isArray(d.fixes) && Array.isArray(d.related));
  }
  const [first] = report.diagnostics;
  assert.deepEqual(first.span, { start: 10, end: 15 });
  assert.deepEqual([first.code, first.pointer, first.line, first.column], ['model/pattern', '/jobId', 1, 11]);
  const undetected = lint('{"name": "x"}', { now: NOW });
  assert.equal(undetected.operation, null);
  assert.deepEqual(undetected.diagnostics.map((d) => d.code), ['input/operation-unknown']);
});

test('the same JSON as `iot-jobs-lint check --format json` for the examples', (t) => {
  const targetDir = process.env.CARGO_TARGET_DIR ?? `${root}target`;
  const cli = `${targetDir}/debug/iot-jobs-lint`;
  if (!existsSync(cli)) {
    t.skip(`no CLI binary at ${cli} (cargo test or cargo build builds it)`);
    return;
  }
  const files = readdirSync(`${root}examples`).filter((f) => f.endsWith('.json')).map((f) => `examples/${f}`);
  let out;
  try {
    out = execFileSync(cli, ['check', '--format', 'json', '--now', '2026-12-01T00:00:00Z', ...files], { cwd: root });
  } catch (e) {
    out = e.stdout; // exit status 1: some example has errors
  }
  const fromCli = JSON.parse(out.toString()).files;
  assert.equal(fromCli.length, files.length);
  for (const { path, ...report } of fromCli) {
    assert.deepEqual(lint(readFileSync(`${root}${path}`, 'utf8'), { now: '2026-12-01T00:00:00Z' }), report, path);
  }
});

test('input kinds: string, Uint8Array (also a view), ArrayBuffer, Buffer, object, array', () => {
  const text = JSON.stringify(job({ jobId: 'bad id' }), null, 2);
  const want = lint(text, { now: NOW });
  assert.deepEqual(want.diagnostics.map((d) => d.pointer), ['/jobId']);
  const bytes = new TextEncoder().encode(text);
  assert.deepEqual(lint(bytes, { now: NOW }), want);
  assert.deepEqual(lint(bytes.buffer, { now: NOW }), want);
  assert.deepEqual(lint(Buffer.from(text), { now: NOW }), want);
  const padded = new Uint8Array(bytes.length + 8);
  padded.set(bytes, 4);
  assert.deepEqual(lint(padded.subarray(4, 4 + bytes.length), { now: NOW }), want);
  const asArray = lint([1, 2], { now: NOW });
  assert.deepEqual(asArray.diagnostics.map((d) => d.code), ['json/root-not-object']);
});

test('object input: positions refer to JSON.stringify(input)', () => {
  const input = job({ timeoutConfig: { inProgressTimeoutInMinutes: 0 } });
  const report = lint(input, { now: NOW });
  assert.equal(report.operation, 'create-job');
  const d = report.diagnostics.find((x) => x.pointer === '/timeoutConfig/inProgressTimeoutInMinutes');
  assert.ok(d, JSON.stringify(report.diagnostics));
  const text = JSON.stringify(input);
  assert.equal(d.line, 1);
  assert.equal(text.slice(d.column - 1, d.endColumn - 1), '0');
  // A class instance is written by JSON.stringify like a plain object; toJSON() is honoured.
  class Request {
    constructor() {
      Object.assign(this, job());
    }
  }
  assert.deepEqual(lint(new Request(), { now: NOW }).diagnostics, []);
  assert.deepEqual(lint({ toJSON: () => job() }, { now: NOW }).diagnostics, []);
});

test('bad input is a diagnostic, never an exception', () => {
  const cases = [
    '',
    '   ',
    '{',
    '{"jobId": }',
    'null',
    '"text"',
    '[]',
    '{} {}',
    '{"a": NaN}',
    '\uFEFF{"jobId": "j", "targets": []}',
    '{"jobId": "\uD800"}', // a lone surrogate (TextEncoder writes U+FFFD)
    '['.repeat(100_000),
    '{"a":'.repeat(10_000),
    JSON.stringify(job({ document: 'x'.repeat(1_000_000) })),
    new Uint8Array([0xff, 0xfe, 0x7b, 0x00]),
    new Uint8Array(0),
    { jobId: 1, targets: 'x', document: null, schedulingConfig: [] },
  ];
  for (const input of cases) {
    for (const operation of [undefined, 'create-job', 'create-job-template', 'describe-job', 'describe-job-template']) {
      const report = lint(input, { now: NOW, operation });
      assert.ok(Array.isArray(report.diagnostics));
      assert.ok(report.diagnostics.length > 0 || typeof input !== 'string' || input.startsWith('\uFEFF'), String(input).slice(0, 40));
      schedule(input, { now: NOW, operation });
    }
  }
});

test('random bytes and strings never throw', () => {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const alphabet = '{}[]:,"\\ 0123456789.eE-+truefalsnul\n\tjobIdtargetsdocumentschedulingConfigcron()?*#LW\u00e9\u{1F600}';
  for (let i = 0; i < 300; i++) {
    const bytes = new Uint8Array(next() % 300).map(() => next() % 256);
    lint(bytes, { now: NOW });
    let text = '';
    for (let j = next() % 200; j > 0; j--) text += alphabet[next() % alphabet.length];
    lint(text, { now: NOW });
    schedule(text, { now: NOW });
  }
});

test('options: operation (CLI or API name), serviceModel, now as Date, string or milliseconds', () => {
  const template = JSON.stringify({ jobTemplateId: 't', description: 'd', document: '{}' });
  assert.equal(lint(template, { now: NOW }).operation, 'create-job-template');
  const given = lint(template, { now: NOW, operation: 'CreateJobTemplate' });
  assert.equal(given.operation, 'create-job-template');
  assert.equal(given.operationDetected, false);
  assert.equal(lint(template, { now: NOW, operation: 'create-job-template' }).operationDetected, false);
  assert.equal(lint(template, { now: NOW, serviceModel: '2023-03-02' }).serviceModel, '2023-03-02');
  // undefined and null members take the defaults; so do undefined and null options.
  assert.deepEqual(lint(template, { now: NOW, operation: undefined, serviceModel: null }), lint(template, { now: NOW }));
  assert.equal(lint(template).serviceModel, 'latest');
  assert.equal(lint(template, null).serviceModel, 'latest');
  // A Date and its RFC 3339 spelling (in any offset) give the same verdict.
  const soon = JSON.stringify(job({ schedulingConfig: { startTime: '2026-01-01T00:20' } }));
  const withString = lint(soon, { now: NOW });
  assert.deepEqual(withString.diagnostics.map((d) => d.code), ['schedule/start-too-soon']);
  assert.deepEqual(lint(soon, { now: new Date(NOW) }), withString);
  assert.deepEqual(lint(soon, { now: '2026-01-01T01:00:00+01:00' }), withString);
  assert.deepEqual(lint(soon, { now: Date.parse(NOW) }), withString);
  assert.deepEqual(lint(soon, { now: '2025-12-01T00:00:00Z' }).diagnostics, []);
});

test('now defaults to the host clock', () => {
  const inTenMinutes = minuteText(new Date(Date.now() + 10 * 60_000));
  const inTwoHours = minuteText(new Date(Date.now() + 2 * 3600_000));
  const soon = job({ schedulingConfig: { startTime: inTenMinutes } });
  const later = job({ schedulingConfig: { startTime: inTwoHours } });
  assert.deepEqual(lint(soon).diagnostics.map((d) => d.code), ['schedule/start-too-soon']);
  assert.deepEqual(lint(later).diagnostics, []);
  assert.equal(schedule(later).from, inTwoHours);
});

test('misuse throws a TypeError that names the argument', () => {
  const cases = [
    [() => lint(), /lint\(\): input must be a JSON string, a Uint8Array or ArrayBuffer of UTF-8 JSON, or a plain object; got undefined/],
    [() => lint(null), /got null/],
    [() => lint(42), /got the number 42/],
    [() => lint(true), /got the boolean true/],
    [() => lint(() => 1), /got a function/],
    [() => lint(new Map()), /got an object of type Map/],
    [() => lint(new Date()), /got an object of type Date/],
    [() => lint(new Uint16Array(2)), /got an object of type Uint16Array/],
    [() => lint(Symbol('x')), /got a value of type symbol/],
    [() => lint(10n), /got a value of type bigint/],
    [() => lint({ a: 1n }), /cannot be written as JSON: Do not know how to serialize a BigInt/],
    [() => { const o = {}; o.self = o; lint(o); }, /cannot be written as JSON: .*circular/is],
    [() => lint({ toJSON: () => undefined }), /gave no JSON text/],
    [() => lint('{}', 'create-job'), /lint\(\): options must be an object .* got "create-job"/],
    [() => lint('{}', []), /options must be an object .* got an object of type Array/],
    [() => lint('{}', { operation: 'createJob' }), /options\.operation must be one of "create-job", .*; got "createJob"/],
    [() => lint('{}', { operation: 1 }), /options\.operation must be a string .* got the number 1/],
    [() => lint('{}', { serviceModel: '2024-01-01' }), /options\.serviceModel must be "2023-03-02" or "latest"; got "2024-01-01"/],
    [() => lint('{}', { now: 'tomorrow' }), /options\.now must be a Date or an RFC 3339 date-time .* got "tomorrow"/],
    [() => lint('{}', { now: '2026-01-01' }), /options\.now must be a Date or an RFC 3339/],
    [() => lint('{}', { now: true }), /options\.now must be a Date, an RFC 3339 string .* or milliseconds since the epoch; got the boolean true/],
    [() => lint('{}', { now: NaN }), /options\.now must be a finite number of milliseconds since the epoch; got the number NaN/],
    [() => createLinter({ now: 1e300 }), /createLinter\(\): options\.now is out of range/],
    [() => createLinter({ cuont: 3 }), /createLinter\(\): unknown option "cuont"/],
    [() => createLinter('x'), /createLinter\(\): options must be an object/],
    [() => createLinter().lint(42), /lint\(\): input must be a JSON string, a Uint8Array or ArrayBuffer of UTF-8 JSON, or a plain object; got the number 42/],
    [() => createLinter().schedule('{}', 0), /schedule\(\): count must be an integer from 1 to 1000; got 0/],
    [() => createLinter().analyze('{}', '3'), /analyze\(\): count must be an integer from 1 to 1000; got a value of type string/],
    [() => createLinter().fix('{}', 'unsafe'), /fix\(\): applicability must be "safe" or "suggested"; got "unsafe"/],
    [() => lint('{}', { now: new Date('nonsense') }), /options\.now is an invalid Date/],
    [() => lint('{}', { now: new Date(8.64e15) }), /options\.now is out of the supported range/],
    [() => lint('{}', { servicemodel: 'latest' }), /lint\(\): unknown option "servicemodel"; the options are operation, now, serviceModel/],
    [() => lint('{}', { count: 3 }), /lint\(\): unknown option "count"/],
    [() => schedule(), /schedule\(\): input must be/],
    [() => schedule('{}', { count: 0 }), /schedule\(\): options\.count must be an integer from 1 to 1000; got 0/],
    [() => schedule('{}', { count: 2.5 }), /options\.count must be an integer from 1 to 1000; got 2\.5/],
    [() => schedule('{}', { count: 1001 }), /got 1001/],
    [() => schedule('{}', { count: '3' }), /options\.count must be an integer from 1 to 1000; got "3"/],
    [() => schedule('{}', { cuont: 3 }), /unknown option "cuont"; the options are operation, now, serviceModel, maxInputBytes, count/],
    [() => schema('createJob'), /schema\(\): operation must be one of/],
    [() => schema(), /schema\(\): operation must be a string .* got undefined/],
    [() => schema('create-job', 'next'), /schema\(\): serviceModel must be "2023-03-02" or "latest"; got "next"/],
    [() => schema('create-job', 1), /serviceModel must be .* got the number 1/],
  ];
  for (const [call, message] of cases) {
    assert.throws(call, (e) => e instanceof TypeError && message.test(e.message), String(message));
  }
});

test('schedule(): the next windows and the schedule diagnostics', () => {
  const input = job({
    schedulingConfig: {
      startTime: '2026-01-05T00:00',
      endTime: '2026-02-01T00:00',
      maintenanceWindows: [
        { startTime: 'cron(0 2 ? * SUN *)', durationInMinutes: 60 },
        { startTime: 'cron(30 22 ? * WED *)', durationInMinutes: 90 },
      ],
    },
  });
  const s = schedule(input, { now: NOW });
  assert.deepEqual(Object.keys(s).sort(), ['diagnostics', 'from', 'operation', 'scheduledJobRollouts', 'until', 'windows', 'declaredWindows', 'previewableWindows'].sort());
  assert.equal(s.declaredWindows, 2);
  assert.equal(s.previewableWindows, 2);
  assert.equal(s.operation, 'create-job');
  assert.equal(s.from, '2026-01-05T00:00');
  assert.equal(s.until, '2026-02-01T00:00');
  assert.equal(s.windows.length, 7);
  assert.deepEqual(s.windows[0], { start: '2026-01-07T22:30', end: '2026-01-08T00:00', maintenanceWindow: 1 });
  assert.deepEqual(s.windows[1], { start: '2026-01-11T02:00', end: '2026-01-11T03:00', maintenanceWindow: 0 });
  assert.deepEqual(s.scheduledJobRollouts, s.windows.map((w) => ({ startTime: w.start })));
  assert.deepEqual(s.diagnostics, []);
  assert.equal(schedule(input, { now: NOW, count: 2 }).windows.length, 2);
  // 4 Wednesdays and 3 Sundays before endTime: a larger count lists no more.
  assert.equal(schedule(input, { now: NOW, count: 1000 }).windows.length, 7);
  const none = schedule(job(), { now: NOW });
  assert.deepEqual([none.windows, none.until, none.from, none.declaredWindows], [[], null, '2026-01-01T00:00', 0]);
  const broken = schedule(
    job({ schedulingConfig: { maintenanceWindows: [{ startTime: 'cron(0 2 * * SUN *)', durationInMinutes: 10 }] } }),
    { now: NOW },
  );
  assert.deepEqual(broken.windows, []);
  assert.equal(broken.declaredWindows, 1);
  assert.equal(broken.previewableWindows, 0);
  assert.ok(broken.diagnostics.length >= 1);
  assert.ok(broken.diagnostics.every((d) => d.pointer.startsWith('/schedulingConfig')), JSON.stringify(broken.diagnostics));
  const unreadable = schedule('{', { now: NOW });
  assert.equal(unreadable.operation, null);
  assert.deepEqual(unreadable.diagnostics.map((d) => d.code), ['json/syntax']);
});

test('schema(): the schemas/ files, a fresh object per call', () => {
  let n = 0;
  for (const edition of ['2023-03-02', 'latest']) {
    for (const operation of ['create-job', 'create-job-template', 'describe-job', 'describe-job-template']) {
      const path = schemaPath(operation, edition);
      assert.equal(path, `${edition}/${operation}.schema.json`);
      const file = JSON.parse(readFileSync(`${root}schemas/${path}`, 'utf8'));
      assert.deepEqual(schema(operation, edition), file);
      assert.deepEqual(require('iot-jobs-lint').schema(operation, edition), file);
      assert.deepEqual(require(`iot-jobs-lint/schemas/${path}`), file);
      n++;
    }
  }
  assert.equal(n, 8);
  assert.deepEqual(schema('CreateJob'), schema('create-job', 'latest'));
  const a = schema('create-job');
  a.title = 'changed';
  assert.notEqual(schema('create-job').title, 'changed');
});

test('rules(): the registry', () => {
  const list = rules();
  assert.ok(list.length > 40);
  const codes = list.map((r) => r.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const r of list) {
    const optional = ['fix'].filter((k) => k in r);
    assert.deepEqual(Object.keys(r).sort(), ['code', 'jsonSchema', 'severity', 'source', 'summary', ...optional].sort());
    assert.match(r.code, /^[a-z0-9-]+\/[a-z0-9-]+$/);
    assert.equal(typeof r.jsonSchema, 'boolean');
    if (r.fix !== undefined) assert.match(r.fix, /^(safe|suggested)/);
  }
  assert.ok(codes.includes('model/range'));
  assert.match(list.find((r) => r.code === 'json/duplicate-key').fix, /^safe/);
});

test('the CommonJS entry has the same API', () => {
  const cjs = require('iot-jobs-lint');
  assert.deepEqual(Object.keys(cjs).sort(), ['createLinter', 'lint', 'rules', 'schedule', 'schema', 'schemaPath', 'version']);
  assert.deepEqual(cjs.createLinter({ now: NOW }).analyze('{"jobId": "a b"}'), createLinter({ now: NOW }).analyze('{"jobId": "a b"}'));
  assert.equal(cjs.version(), version());
  assert.deepEqual(cjs.rules(), rules());
  assert.throws(() => cjs.lint(1), TypeError);
});

test('the browser entry needs init(); with it, the same results', () => {
  const script = `
    import { readFileSync } from 'node:fs';
    import init, { lint, schema } from 'iot-jobs-lint/web';
    let before;
    try { lint('{}'); before = 'no error'; } catch (e) { before = e.constructor.name; }
    const exports = await init({ module_or_path: readFileSync(new URL('./dist/iot_jobs_lint_bg.wasm', 'file://${fileURLToPath(new URL('../', import.meta.url))}')) });
    const report = lint('{"jobId": "a b", "targets": []}', { now: '${NOW}' });
    console.log(JSON.stringify({ before, memory: exports.memory instanceof WebAssembly.Memory, codes: report.diagnostics.map((d) => d.code), title: schema('create-job').title }));
  `;
  const out = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('../', import.meta.url)) }).toString(),
  );
  assert.equal(out.before, 'TypeError');
  assert.equal(out.memory, true);
  assert.deepEqual(out.codes, lint('{"jobId": "a b", "targets": []}', { now: NOW }).diagnostics.map((d) => d.code));
  assert.equal(out.title, schema('create-job').title);
});
