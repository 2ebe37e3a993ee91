// The whole spec corpus through the npm package: the same diagnostics as the Rust corpus test
// requires (in order, every field the npm result has: code, severity, pointer, message, help,
// positions; span and fixes once it has them) and operations, through each entry point.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as esm from 'iot-jobs-lint';
import { cases, diagnosticsDiff, verdict } from './corpus.mjs';

const cjs = createRequire(import.meta.url)('iot-jobs-lint');
const all = cases();
const codes = new Set(esm.rules().map((r) => r.code));

test('the corpus is there', () => {
  assert.ok(all.length > 50, `expected the corpus under tests/corpus/, found ${all.length} cases`);
});

// Checks one report; returns the problems (all cases run, then all failures are reported).
function check(report, c, how) {
  const problems = [];
  const diff = diagnosticsDiff(c.expect.diagnostics, report.diagnostics);
  if (diff.length > 0) {
    problems.push(`${c.name} (${how}): ${c.expect.description}\n${diff.map((line) => `  ${line}`).join('\n')}`);
  }
  if (c.expect.operation !== undefined && report.operation !== c.expect.operation) {
    problems.push(`${c.name}: operation ${report.operation}, expected ${c.expect.operation}`);
  }
  if (report.serviceModel !== (c.expect.serviceModel ?? 'latest')) {
    problems.push(`${c.name}: serviceModel ${report.serviceModel}`);
  }
  for (const d of report.diagnostics) {
    if (!(d.line >= 1 && d.column >= 1 && d.endLine >= d.line)) problems.push(`${c.name}: positions are 1-based`);
    if (!codes.has(d.code)) problems.push(`${c.name}: ${d.code} is not among rules()`);
  }
  return problems;
}

function assertNone(problems) {
  assert.ok(
    problems.length === 0,
    `${problems.length} corpus failure(s):\n${problems.join('\n')}\n` +
      'The expectations are written by the Rust corpus test: if the change is intended, run\n' +
      '    IOT_JOBS_LINT_BLESS=1 cargo test -p iot-jobs-lint --test corpus\n' +
      'then rebuild the package (scripts/build-pkg.sh) and review the diff of tests/corpus/.',
  );
}

test('every case: text input (ESM entry), bytes when not UTF-8', () => {
  let asText = 0;
  let asBytes = 0;
  const problems = [];
  for (const c of all) {
    if (c.text !== null) {
      problems.push(...check(esm.lint(c.text, c.options), c, 'string'));
      asText++;
    } else {
      problems.push(...check(esm.lint(new Uint8Array(c.bytes), c.options), c, 'Uint8Array'));
      asBytes++;
    }
  }
  assertNone(problems);
  assert.ok(asBytes >= 1, 'the corpus has invalid UTF-8 cases');
  assert.equal(asText + asBytes, all.length);
});

test('every case: bytes input (CommonJS entry, Node Buffer)', () => {
  assertNone(all.flatMap((c) => check(cjs.lint(c.bytes, c.options), c, 'Buffer via require()')));
});

test('every case: the same report from string and bytes, ESM and CommonJS', () => {
  for (const c of all) {
    const fromBytes = esm.lint(c.bytes, c.options);
    if (c.text !== null) assert.deepEqual(esm.lint(c.text, c.options), fromBytes, c.name);
    assert.deepEqual(cjs.lint(c.bytes, c.options), fromBytes, c.name);
  }
});

test('every case: schedule() gives the schedule diagnostics of lint() and never throws', () => {
  for (const c of all) {
    const input = c.text ?? c.bytes;
    const s = esm.schedule(input, c.options);
    const linted = verdict(esm.lint(input, c.options).diagnostics);
    for (const d of verdict(s.diagnostics)) assert.ok(linted.includes(d), `${c.name}: ${d} not in lint()`);
    assert.equal(s.scheduledJobRollouts.length, s.windows.length, c.name);
    assert.ok(s.windows.length <= 7, c.name);
  }
});

// Object input: JSON.parse then lint(object) checks JSON.stringify(object), which drops duplicate
// keys and rewrites numbers (1.50 -> 1.5, 1.0 -> 1), so verdicts can differ in those cases only.
// The valid requests and responses must stay valid.
test('valid cases stay valid as objects', () => {
  let n = 0;
  for (const c of all) {
    if (!c.name.startsWith('valid/') || c.text === null) continue;
    const report = esm.lint(JSON.parse(c.text), c.options);
    assert.deepEqual(verdict(report.diagnostics), verdict(c.expect.diagnostics), c.name);
    n++;
  }
  assert.ok(n >= 5, `valid cases: ${n}`);
});
