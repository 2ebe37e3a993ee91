// createLinter(): options read once, the input passed through a reused buffer, results as JSON
// text. Everything it returns must be exactly what lint() and schedule() return (the corpus, each
// input kind, the input limit, non-ASCII and broken UTF-16), and the buffer must stay right across
// big and small inputs and memory growth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createLinter, lint, schedule } from 'iot-jobs-lint';
import { cases } from './corpus.mjs';

const NOW = '2026-01-01T00:00:00Z';
const all = cases();
const job = (extra = {}) => ({
  jobId: 'j1',
  targets: ['arn:aws:iot:us-east-1:111122223333:thing/t'],
  document: '{}',
  ...extra,
});

test('every corpus case: linter.lint, .schedule and .analyze equal lint() and schedule(), for text and bytes', () => {
  let checked = 0;
  for (const c of all) {
    const linter = createLinter(c.options);
    const want = lint(c.bytes, c.options);
    const wantSchedule = schedule(c.bytes, c.options);
    for (const input of c.text === null ? [c.bytes] : [c.text, c.bytes]) {
      assert.deepEqual(linter.lint(input), want, c.name);
      assert.deepEqual(linter.schedule(input), wantSchedule, c.name);
      assert.deepEqual(linter.analyze(input), { report: want, schedule: wantSchedule }, c.name);
    }
    // One linter for many inputs: reused, not rebuilt.
    if (c.text !== null) assert.deepEqual(linter.lint(c.text), lint(c.text, c.options), c.name);
    checked++;
  }
  assert.ok(checked > 500, `${checked} cases`);
});

test('objects, ArrayBuffers and counts go the same way as through lint() and schedule()', () => {
  const input = job({ schedulingConfig: { maintenanceWindows: [{ startTime: 'cron(0 2 ? * SUN *)', durationInMinutes: 60 }] } });
  const linter = createLinter({ now: NOW, count: 3 });
  assert.deepEqual(linter.lint(input), lint(input, { now: NOW }));
  const bytes = new TextEncoder().encode(JSON.stringify(input));
  assert.deepEqual(linter.lint(bytes.buffer), lint(bytes, { now: NOW }));
  assert.equal(linter.schedule(input).windows.length, 3, 'the linter\'s count');
  assert.equal(linter.schedule(input, 5).windows.length, 5, 'the call\'s count');
  assert.equal(linter.analyze(input, 2).schedule.windows.length, 2);
  assert.deepEqual(linter.schedule(input, 5), schedule(input, { now: NOW, count: 5 }));
});

test('non-ASCII text, lone surrogates and a BOM: the same reports and spans as lint()', () => {
  const linter = createLinter({ now: NOW });
  const texts = [
    JSON.stringify(job({ description: 'Pumpen-Firmware für Straße 7 ✓ 🚀' })),
    JSON.stringify(job({ description: 'x'.repeat(2100) + 'é' })),
    `{"jobId": "\ud800", "targets": [], "document": "{}"}`,
    `{"jobId": "a\udc00b", "description": "🚀\ud83d"}`,
    `\ufeff${JSON.stringify(job())}`,
    '',
    '   ',
    '{"jobId": "日本語の仕事"}',
  ];
  for (const text of texts) {
    assert.deepEqual(linter.lint(text), lint(text, { now: NOW }), JSON.stringify(text.slice(0, 40)));
  }
});

test('the input limit: strings around maxInputBytes in 1-, 2-, 3- and 4-byte characters', () => {
  for (const limit of [10, 64, 1000]) {
    const linter = createLinter({ now: NOW, maxInputBytes: limit });
    for (const char of ['a', 'é', '✓', '🚀']) {
      for (const n of [0, 1, Math.floor(limit / char.length / 3), Math.floor(limit / 3), limit / 2, limit - 1, limit, limit + 1, limit * 2]) {
        const text = char.repeat(Math.max(0, Math.floor(n)));
        const want = lint(text, { now: NOW, maxInputBytes: limit });
        assert.deepEqual(linter.lint(text), want, `${limit} ${char} × ${n}`);
        assert.deepEqual(linter.fix(text).report, want, `fix ${limit} ${char} × ${n}`);
      }
    }
  }
});

test('the buffer follows big and small inputs, and memory growth between calls', () => {
  const linter = createLinter({ now: NOW });
  const small = JSON.stringify(job({ jobId: 'a b' }));
  const want = lint(small, { now: NOW });
  const big = JSON.stringify(job({ description: 'd'.repeat(3_000_000) }));
  for (let round = 0; round < 3; round++) {
    assert.deepEqual(linter.lint(small), want);
    assert.deepEqual(linter.lint(big).diagnostics.map((d) => d.code), ['model/length']);
    assert.deepEqual(linter.lint(small), want);
    // Another linter and the plain functions use the same buffer in between.
    const other = createLinter({ now: NOW, operation: 'create-job-template' });
    assert.equal(other.lint('{"jobTemplateId": "t"}').operation, 'create-job-template');
    assert.deepEqual(lint(big.slice(0, 100_000) + '"}', { now: NOW }), lint(big.slice(0, 100_000) + '"}', { now: NOW }));
    assert.deepEqual(linter.lint(small), want);
  }
});

test('now: fixed when given (Date, string or milliseconds), the host clock at each call when not', () => {
  const soon = JSON.stringify(job({ schedulingConfig: { startTime: '2026-01-01T00:20' } }));
  const codes = (r) => r.diagnostics.map((d) => d.code);
  for (const now of [NOW, new Date(NOW), Date.parse(NOW)]) {
    assert.deepEqual(codes(createLinter({ now }).lint(soon)), ['schedule/start-too-soon']);
  }
  const clock = createLinter();
  const minute = (t) => new Date(t).toISOString().slice(0, 16);
  const inTenMinutes = JSON.stringify(job({ schedulingConfig: { startTime: minute(Date.now() + 10 * 60_000) } }));
  const inTwoHours = JSON.stringify(job({ schedulingConfig: { startTime: minute(Date.now() + 2 * 3600_000) } }));
  assert.deepEqual(codes(clock.lint(inTenMinutes)), ['schedule/start-too-soon']);
  assert.deepEqual(codes(clock.lint(inTwoHours)), []);
});

test('fix(): safe fixes by default, suggested on request, rounds until nothing changes, as the CLI', () => {
  const linter = createLinter({ now: NOW });
  const text = '{"jobId": "j", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/t"], "document": "{}", "descripton": "x", "schedulingConfig": {"startTime": "2026-03-01T12:00:30"}}';
  const safe = linter.fix(text);
  assert.equal(safe.applied, 0);
  assert.equal(safe.output, text);
  assert.deepEqual(safe.report, lint(text, { now: NOW }));
  const suggested = linter.fix(text, 'suggested');
  assert.equal(suggested.applied, 2);
  assert.equal(
    suggested.output,
    '{"jobId": "j", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/t"], "document": "{}", "description": "x", "schedulingConfig": {"startTime": "2026-03-01T12:00"}}',
  );
  assert.deepEqual(suggested.report, lint(suggested.output, { now: NOW }));
  // A safe fix: a repeated key (json/duplicate-key), removed.
  const repeated = '{"jobId": "j", "jobId": "j", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/t"], "document": "{}"}';
  const fixed = linter.fix(repeated);
  assert.ok(fixed.applied >= 1, JSON.stringify(fixed));
  assert.deepEqual(fixed.report.diagnostics, []);
  // Bytes that are not UTF-8: nothing to write back.
  const broken = linter.fix(new Uint8Array([0xff, 0x7b]));
  assert.equal(broken.output, null);
  assert.equal(broken.report.diagnostics[0].code, 'json/invalid-utf8');
});

test('fix() writes what the native CLI\'s --fix writes, for every corpus case with a fix', { skip: !process.env.IOT_JOBS_LINT_BIN && 'IOT_JOBS_LINT_BIN is not set' }, () => {
  const withFix = all.filter((c) => c.text !== null && c.expect.diagnostics.some((d) => d.fixes?.length));
  assert.ok(withFix.length > 20, `${withFix.length} cases with fixes`);
  const args = (c) => [
    '--now', c.options.now ?? NOW,
    ...(c.options.operation ? ['--operation', c.options.operation] : []),
    ...(c.options.serviceModel ? ['--service-model', c.options.serviceModel] : []),
  ];
  let changed = 0;
  for (const c of withFix) {
    const linter = createLinter({ ...c.options, now: c.options.now ?? NOW });
    for (const applicability of ['safe', 'suggested']) {
      const flags = applicability === 'safe' ? ['--fix'] : ['--fix', '--unsafe-fixes'];
      let out;
      try {
        // With standard input, --fix writes the fixed text to standard output.
        out = execFileSync(process.env.IOT_JOBS_LINT_BIN, ['check', ...flags, ...args(c), '-'], { input: c.text, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
      } catch (e) {
        out = e.stdout;
      }
      const result = linter.fix(c.text, applicability);
      assert.equal(result.output, out, `${c.name} ${applicability}`);
      if (result.output !== c.text) changed++;
    }
  }
  assert.ok(changed > 20, `${changed} fixed texts`);
});

// Found by a hostile review of the linter.
test('a replaced Date.now that calls the package does not touch a call\'s input', () => {
  const linter = createLinter(); // now: the host's clock, read at each call
  const a = JSON.stringify(job({ jobId: 'job-a' }));
  const b = '{"jobId": "' + 'b'.repeat(5000) + '"';
  const original = Date.now;
  let inner = 0;
  Date.now = () => {
    inner++;
    lint(b);
    createLinter().fix(b);
    return original();
  };
  try {
    const want = lint(a, { now: new Date(original()) });
    assert.deepEqual(linter.lint(a).diagnostics, want.diagnostics);
    assert.equal(linter.fix(a).output, a);
    assert.deepEqual(linter.analyze(a).report.diagnostics, want.diagnostics);
  } finally {
    Date.now = original;
  }
  // The package reads the clock it found at load time, never a replacement.
  assert.equal(inner, 0);
});

test('now with microseconds is kept: a string and its bytes give the same verdict', () => {
  const options = { now: '2026-03-01T12:00:00.0001Z' };
  const text = JSON.stringify(job({ schedulingConfig: { startTime: '2026-03-01T12:30', endTime: '2026-03-02T12:00', maintenanceWindows: [{ startTime: 'cron(0 12 * * ? *)', durationInMinutes: 60 }] } }));
  const bytes = new TextEncoder().encode(text);
  assert.deepEqual(createLinter(options).lint(text), lint(bytes, options));
  assert.deepEqual(lint(text, options), lint(bytes, options));
  assert.deepEqual(createLinter(options).schedule(text), schedule(bytes, options));
});

test('a count of NaN is refused as schedule() refuses it; methods work when taken off the linter', () => {
  const linter = createLinter({ now: NOW });
  assert.throws(() => linter.schedule('{}', NaN), (e) => e instanceof TypeError && /schedule\(\): count must be an integer from 1 to 1000; got NaN/.test(e.message));
  assert.throws(() => linter.analyze('{}', Infinity), (e) => e instanceof TypeError && /got Infinity/.test(e.message));
  const texts = [JSON.stringify(job()), '{'];
  assert.deepEqual(texts.map(linter.lint), texts.map((t) => lint(t, { now: NOW })));
  const { fix, analyze } = linter;
  assert.equal(fix(texts[0]).applied, 0);
  assert.equal(analyze(texts[0]).report.diagnostics.length, 0);
});

test('thrown messages and tags echoed in TypeErrors are escaped', () => {
  const linter = createLinter({ now: NOW });
  const hostile = '\u001b[2J\u202eevil\u2028';
  const object = { toJSON() { throw new Error(hostile); } };
  assert.throws(() => linter.lint(object), (e) => e instanceof TypeError && e.message.includes('\\u{1b}[2J\\u{202e}evil\\u{2028}') && !/[\u001b\u202e\u2028]/.test(e.message) && e.cause.message === hostile);
  const tagged = { [Symbol.toStringTag]: hostile };
  assert.throws(() => linter.lint(tagged), (e) => e instanceof TypeError && !/[\u001b\u202e\u2028]/.test(e.message));
});

// The library's module leaves CloudFormation templates out; the full module has them.
const TEMPLATE = `Resources:
  Job:
    Type: AWS::IoT::Job
    Properties:
      JobId: nightly reboot
      Targets: [arn:aws:iot:us-east-1:111122223333:thing/t]
      Document: '{}'
`;

test('templates: the library module says "not checked"; the Node entries load the full module at the first template', () => {
  const require = createRequire(import.meta.url);
  const lean = require('../dist/iot_jobs_lint.cjs');
  const codes = (r) => r.diagnostics.map((d) => d.code);
  assert.deepEqual(codes(lean.lint(TEMPLATE, { now: NOW })), ['input/template-not-checked']);
  const viaEntry = lint(TEMPLATE, { now: NOW });
  assert.equal(viaEntry.templateResources, 1);
  assert.ok(codes(viaEntry).includes('cfn/pattern'), codes(viaEntry).join(', '));
  const linter = createLinter({ now: NOW });
  assert.deepEqual(linter.lint(TEMPLATE), viaEntry);
  assert.deepEqual(linter.analyze(TEMPLATE).report, viaEntry);
  assert.deepEqual(require('iot-jobs-lint').lint(TEMPLATE, { now: NOW }), viaEntry);
  // Requests never need the full module: the same report from both.
  const full = require('../dist/iot_jobs_lint_full.cjs');
  const request = JSON.stringify(job({ jobId: 'a b' }));
  assert.deepEqual(lean.lint(request, { now: NOW }), full.lint(request, { now: NOW }));
});

test('templates in the browser entry: "not checked" until initTemplates(), then checked, by linters made before too', () => {
  const dist = new URL('../dist/', import.meta.url);
  const script = `
    import { readFileSync } from 'node:fs';
    const m = await import(${JSON.stringify(new URL('index.js', dist).href)});
    await m.default({ module_or_path: readFileSync(new URL('iot_jobs_lint_bg.wasm', ${JSON.stringify(dist.href)})) });
    const linter = m.createLinter({ now: '${NOW}' });
    const before = linter.lint(${JSON.stringify(TEMPLATE)}).diagnostics.map((d) => d.code);
    await m.initTemplates({ module_or_path: readFileSync(new URL('iot_jobs_lint_full_bg.wasm', ${JSON.stringify(dist.href)})) });
    const after = linter.lint(${JSON.stringify(TEMPLATE)});
    const plain = m.lint(${JSON.stringify(TEMPLATE)}, { now: '${NOW}' });
    console.log(JSON.stringify({ before, after: after.diagnostics.map((d) => d.code), resources: after.templateResources, same: JSON.stringify(after) === JSON.stringify(plain) }));
  `;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  assert.deepEqual(out.before, ['input/template-not-checked']);
  assert.equal(out.resources, 1);
  assert.ok(out.after.includes('cfn/pattern'), out.after.join(', '));
  assert.equal(out.same, true);
  assert.deepEqual(out.after, lint(TEMPLATE, { now: NOW }).diagnostics.map((d) => d.code));
});
