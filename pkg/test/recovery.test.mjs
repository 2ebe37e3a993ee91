// Recovery from an internal error. A call that does not return from WebAssembly (a panic, a trap, a
// JS exception thrown through its frames) skips Rust's clean-up; before the guard (src/guard.js),
// the first panic was an `Error: internal error`, every later one a `RuntimeError: unreachable`,
// and after a few thousand every call failed, valid input included (`memory access out of
// bounds`). Now the failing call throws an Error that says it was an internal error, and the
// WebAssembly instance is replaced, so later calls work.
//
// Forcing such an error needs the test build, pkg/dist-test (`scripts/build-pkg.sh --test-panic`:
// the crate's cargo feature `test-panic`, in which lint() and schedule() of the texts
// `iot-jobs-lint:test-panic`, `-trap` and `-throw` fail that way). The published build (pkg/dist)
// has no such texts and no test export: checked below too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as published from 'iot-jobs-lint';

const dist = new URL('../dist/', import.meta.url);
const testDist = new URL('../dist-test/', import.meta.url);
const GOOD = '{"jobId":"j1","targets":["arn:aws:iot:us-east-1:111122223333:thing/t"],"document":"{}"}';
const NOW = '2026-01-01T00:00:00Z';
const FORCED = 6000; // forced internal errors per entry
const MiB = 1024 * 1024;

assert.ok(
  existsSync(new URL('node.js', testDist)) && existsSync(new URL('iot_jobs_lint_bg.wasm', testDist)),
  'pkg/dist-test is missing: build the test build with scripts/build-pkg.sh --test-panic',
);

const wasmExports = (dir) =>
  WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(new URL('iot_jobs_lint_bg.wasm', dir)))).map((e) => e.name);

test('the published build has no forced failures and no test export; the entries export only the API', async () => {
  const names = wasmExports(dist);
  assert.ok(names.includes('__callsInProgress'), names.join(', '));
  assert.deepEqual(names.filter((n) => /test/i.test(n)), []);
  assert.ok(wasmExports(testDist).includes('__testMemoryBytes'));
  // The npm command's writers live in the full module (the crate's `cli` feature), not the library's.
  assert.deepEqual(names.filter((n) => /cliReport|isTemplate/.test(n)), []);
  const cli = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(new URL('iot_jobs_lint_full_bg.wasm', dist)))).map((e) => e.name);
  assert.ok(cli.includes('__cliReport') && cli.includes('__isTemplate'), cli.join(', '));
  for (const kind of ['panic', 'trap', 'throw']) {
    assert.deepEqual(published.lint(`iot-jobs-lint:test-${kind}`, { now: NOW }).diagnostics.map((d) => d.code), ['json/syntax']);
  }
  const api = ['createLinter', 'default', 'initSync', 'initTemplates', 'initTemplatesSync', 'lint', 'rules', 'schedule', 'schema', 'schemaPath', 'version'];
  assert.deepEqual(Object.keys(published).sort(), api);
  assert.deepEqual(Object.keys(await import('iot-jobs-lint/web')).sort(), api);
  // No declaration of the internals either (`InitOutput`, the raw exports of the instance that
  // init() returns, lists __callsInProgress, which it has).
  for (const file of ['iot_jobs_lint.d.ts', 'iot_jobs_lint.d.cts']) {
    assert.doesNotMatch(readFileSync(new URL(file, dist), 'utf8'), /export function __|__wbg_reset_state|__test/, file);
  }
});

for (const entry of ['esm', 'cjs', 'web']) {
  test(`${entry} entry: ${FORCED} forced internal errors, each an Error that says so; later calls work; memory stays flat`, { timeout: 120_000 }, (t) => {
    const out = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(new URL('recovery-run.mjs', import.meta.url)), entry, String(FORCED)], {
      encoding: 'utf8',
    });
    const r = JSON.parse(out);
    assert.deepEqual(r.counts, { panic: FORCED * 0.8, trap: FORCED * 0.1, throw: FORCED * 0.1 });
    assert.ok(r.valid, 'a valid lint after the forced errors gives the same report');
    assert.equal(r.misuse, 'TypeError');
    // The instance in use is as large as the one before: every failure got a fresh instance.
    assert.equal(r.after.wasmBytes, r.before.wasmBytes);
    // The replaced instances' memories are collected: the process does not grow with the count
    // (each instance has 1.2 MiB of memory: 6000 kept would be 7 GiB).
    const growth = r.after.rssBytes - r.before.rssBytes;
    assert.ok(growth < 32 * MiB, `RSS grew by ${(growth / MiB).toFixed(1)} MiB`);
    if (entry === 'web') {
      assert.equal(r.beforeInit.type, 'TypeError');
      assert.match(r.beforeInit.message, /^iot-jobs-lint: lint\(\) was called before the WebAssembly module was loaded: await init\(\) first/);
    }
    t.diagnostic(
      `${entry}: ${FORCED} forced (${r.counts.panic} panics, ${r.counts.trap} traps, ${r.counts.throw} throws), ` +
        `${r.msPerFailure.toFixed(2)} ms each; wasm memory ${r.before.wasmBytes} -> ${r.after.wasmBytes} bytes; ` +
        `RSS ${(r.before.rssBytes / MiB).toFixed(1)} -> ${(r.after.rssBytes / MiB).toFixed(1)} MiB`,
    );
  });
}

test('misuse keeps the instance; an internal error replaces it, also inside a nested call', async () => {
  const api = await import(new URL('node.js', testDist));
  const glue = await import(new URL('iot_jobs_lint.js', testDist));
  // initSync() of an instantiated module returns the exports of the instance in use.
  const instance = () => api.initSync();
  const first = instance();
  assert.throws(() => api.lint(42), TypeError);
  assert.throws(() => api.lint(GOOD, { now: 'soon' }), TypeError);
  assert.throws(() => api.schema('nope'), TypeError);
  assert.equal(instance(), first, 'a TypeError for misuse does not replace the instance');
  assert.equal(glue.__callsInProgress(), 0);

  assert.throws(() => api.lint('iot-jobs-lint:test-panic'), (e) => e.constructor === Error && /internal error in lint\(\)/.test(e.message));
  const second = instance();
  assert.notEqual(second, first, 'the internal error replaced the instance');
  assert.equal(glue.__callsInProgress(), 0);

  // A toJSON that calls lint() while lint() is writing the object: an internal error in the inner
  // call fails the outer one too, and the instance is replaced only when both are done.
  const nested = { toJSON: () => api.lint('iot-jobs-lint:test-trap') };
  assert.throws(() => api.lint(nested), (e) => e.constructor === Error && /internal error in lint\(\)/.test(e.message));
  assert.notEqual(instance(), second);
  assert.deepEqual(api.lint(GOOD, { now: NOW }).diagnostics, []);
  // Misuse inside a nested call stays misuse.
  const third = instance();
  const misuse = { toJSON: () => api.lint(42) };
  assert.throws(() => api.lint(misuse), (e) => e instanceof TypeError && /cannot be written as JSON: lint\(\): input must be/.test(e.message));
  assert.equal(instance(), third);
  // A nested call that succeeds: its report is the object written.
  const report = api.lint({ toJSON: () => api.lint(GOOD, { now: NOW }) }, { now: NOW });
  assert.deepEqual(report.diagnostics.map((d) => d.code), ['input/operation-unknown']);
  assert.equal(glue.__callsInProgress(), 0);
});

test('every public function runs through the guard: schema(), schemaPath(), rules() and version() work after an internal error', async () => {
  const api = await import(new URL('node.js', testDist));
  const want = { rules: api.rules(), version: api.version(), schema: api.schema('create-job') };
  assert.throws(() => api.schedule('iot-jobs-lint:test-panic'), /internal error in schedule\(\)/);
  assert.deepEqual(api.rules(), want.rules);
  assert.throws(() => api.lint('iot-jobs-lint:test-throw'), (e) => e.constructor === Error && e.cause instanceof TypeError);
  assert.equal(api.version(), want.version);
  assert.throws(() => api.lint('iot-jobs-lint:test-trap'), /RuntimeError: unreachable; the WebAssembly instance is replaced/);
  assert.deepEqual(api.schema('create-job'), want.schema);
  assert.equal(api.schemaPath('CreateJob'), 'latest/create-job.schema.json');
});
