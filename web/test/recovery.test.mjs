// The package's recovery from an internal error in a real browser: the browser entry of the test
// build (pkg/dist-test: scripts/build-pkg.sh --test-panic, where lint() of a few exact texts
// panics, traps or throws) under the web console's Content-Security-Policy, on the main thread and
// in a module worker (where the console runs the linter). After each forced failure the call
// throws an Error that says it was an internal error, the package instantiates the module afresh
// (synchronously, from the compiled module: no second fetch, no eval), and a valid lint still gives
// the same report.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './helpers.mjs';

const testDist = fileURLToPath(new URL('../../pkg/dist-test/', import.meta.url));
const FORCED = 2000; // per context (main thread, worker)
const NONCE = 'recovery-test-nonce';
const POLICY = `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self' 'nonce-${NONCE}'; img-src data:; base-uri 'none'; form-action 'none'`;

// Runs in the page and in the worker: forces FORCED failures through lint() and schedule(), checks
// each, and reports the figures.
const SCENARIO = `
import init, { lint, schedule } from './index.js';
import { __testMemoryBytes } from './iot_jobs_lint.js';

const GOOD = '{"jobId":"j1","targets":["arn:aws:iot:us-east-1:111122223333:thing/t"],"document":"{}"}';
const NOW = '2026-01-01T00:00:00Z';
const CAUSES = {
  panic: (c) => c instanceof Error && /forced by the test-panic build/.test(c.message),
  trap: (c) => c instanceof WebAssembly.RuntimeError,
  throw: (c) => c instanceof TypeError && c.message === 'forced by the test-panic build',
};

export async function run(count) {
  let beforeInit;
  try { lint(GOOD); } catch (e) { beforeInit = e.constructor.name + ': ' + e.message; }
  await init();
  const want = JSON.stringify(lint(GOOD, { now: NOW }));
  const memoryBefore = __testMemoryBytes();
  const counts = { panic: 0, trap: 0, throw: 0 };
  const problems = [];
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const kind = i % 10 === 3 ? 'trap' : i % 10 === 7 ? 'throw' : 'panic';
    const name = i % 2 ? 'schedule' : 'lint';
    try {
      (name === 'lint' ? lint : schedule)('iot-jobs-lint:test-' + kind, { now: NOW });
      problems.push(i + ': returned');
    } catch (e) {
      const ok = e.constructor === Error &&
        e.message.startsWith('iot-jobs-lint: internal error in ' + name + '() (please report it): ') &&
        CAUSES[kind](e.cause);
      if (!ok && problems.length < 5) problems.push(i + ': ' + e.constructor.name + ': ' + e.message);
      counts[kind]++;
    }
    if (i % 200 === 0 && JSON.stringify(lint(GOOD, { now: NOW })) !== want) problems.push(i + ': the valid lint changed');
  }
  const msPerFailure = (performance.now() - t0) / count;
  const valid = JSON.stringify(lint(GOOD, { now: NOW })) === want;
  let misuse;
  try { lint(42); } catch (e) { misuse = e.constructor.name; }
  return { beforeInit, counts, problems, msPerFailure, valid, misuse, memoryBefore, memoryAfter: __testMemoryBytes() };
}
`;

const PAGE = `
import { run } from './scenario.js';
const count = Number(new URLSearchParams(location.search).get('count'));
const main = await run(count);
const worker = new Worker('./worker.js', { type: 'module' });
const inWorker = await new Promise((resolve, reject) => {
  worker.onmessage = (event) => resolve(event.data);
  worker.onerror = (event) => reject(new Error(event.message));
  worker.postMessage(count);
});
window.__result = { main, worker: inWorker };
`;

const WORKER = `
import { run } from './scenario.js';
self.onmessage = async (event) => self.postMessage(await run(event.data));
`;

let dir;
let server;
let url;
let browser;
before(async () => {
  assert.ok(existsSync(join(testDist, 'index.js')), 'pkg/dist-test is missing: run scripts/build-pkg.sh --test-panic');
  dir = mkdtempSync(join(tmpdir(), 'iot-jobs-lint-recovery-'));
  cpSync(testDist, dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta property="csp-nonce" nonce="${NONCE}">
<title>recovery</title><script type="module" src="./page.js"></script></head><body></body></html>`,
  );
  writeFileSync(join(dir, 'scenario.js'), SCENARIO);
  writeFileSync(join(dir, 'page.js'), PAGE);
  writeFileSync(join(dir, 'worker.js'), WORKER);
  ({ server, url } = await startServer({ root: dir }));
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  if (server) await new Promise((done) => server.close(done));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test(`the package recovers from ${FORCED} forced internal errors on the main thread and ${FORCED} in a worker, under the console's CSP`, { timeout: 180_000 }, async (t) => {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}?count=${FORCED}`);
  await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 150_000 });
  const result = await page.evaluate(() => window.__result);
  await page.close();
  assert.deepEqual(errors, [], 'console errors, warnings or page errors (a CSP violation among them)');
  for (const [where, r] of Object.entries(result)) {
    assert.deepEqual(r.problems, [], where);
    assert.deepEqual(r.counts, { panic: FORCED * 0.8, trap: FORCED * 0.1, throw: FORCED * 0.1 }, where);
    assert.ok(r.valid, `${where}: a valid lint after the failures gives the same report`);
    assert.equal(r.misuse, 'TypeError', where);
    assert.equal(r.memoryAfter, r.memoryBefore, `${where}: the instance in use is a fresh one`);
    assert.match(r.beforeInit, /^TypeError: iot-jobs-lint: lint\(\) was called before the WebAssembly module was loaded/, where);
    t.diagnostic(`${where}: ${FORCED} forced, ${r.msPerFailure.toFixed(2)} ms each; wasm memory ${r.memoryBefore} -> ${r.memoryAfter} bytes`);
  }
});
