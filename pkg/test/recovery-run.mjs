// Run by recovery.test.mjs in a child process (`node --expose-gc recovery-run.mjs ENTRY COUNT`),
// so that its memory figures are its own: loads one entry of the test build (pkg/dist-test: esm =
// node.js, cjs = index.cjs, web = index.js with init()), forces COUNT internal errors through the
// public lint() and schedule() and a linter's lint() and analyze() (panics, with a trap every tenth call and a JS throw through the
// WebAssembly frames every tenth), checks every failing call's Error and that a valid lint keeps
// giving the same report, and prints the figures as JSON.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';

const [entry, countText] = process.argv.slice(2);
const count = Number(countText);
const dist = new URL('../dist-test/', import.meta.url);
const GOOD = '{"jobId":"j1","targets":["arn:aws:iot:us-east-1:111122223333:thing/t"],"document":"{}"}';
const NOW = '2026-01-01T00:00:00Z';

let api;
let glue;
let beforeInit = null;
if (entry === 'cjs') {
  const require = createRequire(import.meta.url);
  api = require(new URL('index.cjs', dist).pathname);
  glue = require(new URL('iot_jobs_lint.cjs', dist).pathname);
} else if (entry === 'esm') {
  api = await import(new URL('node.js', dist));
  glue = await import(new URL('iot_jobs_lint.js', dist));
} else if (entry === 'web') {
  api = await import(new URL('index.js', dist));
  glue = await import(new URL('iot_jobs_lint.js', dist));
  try {
    api.lint(GOOD);
  } catch (e) {
    beforeInit = { type: e.constructor.name, message: e.message };
  }
  await api.default({ module_or_path: readFileSync(new URL('iot_jobs_lint_bg.wasm', dist)) });
} else {
  throw new Error(`unknown entry ${entry}`);
}

const fail = (message) => {
  throw new Error(`${entry}: ${message}`);
};
const want = api.lint(GOOD, { now: NOW });
if (want.diagnostics.length !== 0) fail(`the valid input has diagnostics: ${JSON.stringify(want)}`);

const CAUSES = {
  panic: (c) => c instanceof Error && /^iot-jobs-lint: internal error \(please report it\): panicked at .*forced by the test-panic build/s.test(c.message),
  trap: (c) => c instanceof WebAssembly.RuntimeError && c.message === 'unreachable',
  throw: (c) => c instanceof TypeError && c.message === 'forced by the test-panic build',
};

// A linter made before the failures: its input buffer lives in the instance that each failure
// replaces, so every call after one must find the new instance's buffer.
const linter = api.createLinter({ now: NOW });
const CALLS = {
  lint: (text) => api.lint(text, { now: NOW }),
  schedule: (text) => api.schedule(text, { now: NOW }),
  'linter.lint': (text) => linter.lint(text),
  'linter.analyze': (text) => linter.analyze(text),
};

function force(kind, name) {
  try {
    CALLS[name](`iot-jobs-lint:test-${kind}`);
  } catch (error) {
    return error;
  }
  return fail(`${name}() of the ${kind} input returned`);
}

function check(error, kind, name, i) {
  const prefix = `iot-jobs-lint: internal error in ${name.replace('linter.', '')}() (please report it): `;
  if (!(error instanceof Error) || error instanceof TypeError || error.constructor !== Error) {
    fail(`call ${i} (${kind}) threw ${error?.constructor?.name}: ${error?.message}`);
  }
  if (!error.message.startsWith(prefix) || !error.message.endsWith('; the WebAssembly instance is replaced by a fresh one, so later calls work')) {
    fail(`call ${i} (${kind}): ${error.message}`);
  }
  // Every panic runs its hook (a fresh instance: in a reused one the second panic would trap).
  if (!CAUSES[kind](error.cause)) fail(`call ${i} (${kind}): cause ${error.cause?.constructor?.name}: ${error.cause?.message}`);
}

// Taken right after a valid lint, so that the instance's memory has grown the same way each time.
const memory = () => {
  if (!isDeepStrictEqual(api.lint(GOOD, { now: NOW }), want)) fail('the valid lint changed');
  globalThis.gc();
  globalThis.gc();
  return { wasmBytes: glue.__testMemoryBytes(), rssBytes: process.memoryUsage().rss };
};

// Warm-up: the first few hundred replacements fill the code caches and the heap's steady state.
for (let i = 0; i < 300; i++) check(force('panic', 'lint'), 'panic', 'lint', -i);
const before = memory();

const counts = { panic: 0, trap: 0, throw: 0 };
let validChecks = 0;
const t0 = performance.now();
for (let i = 0; i < count; i++) {
  const kind = i % 10 === 3 ? 'trap' : i % 10 === 7 ? 'throw' : 'panic';
  const name = ['lint', 'schedule', 'linter.lint', 'linter.analyze'][i % 4];
  check(force(kind, name), kind, name, i);
  counts[kind]++;
  if (i % 250 === 0) {
    if (!isDeepStrictEqual(api.lint(GOOD, { now: NOW }), want)) fail(`the valid lint changed after call ${i}`);
    if (!isDeepStrictEqual(linter.lint(GOOD), want)) fail(`the linter's valid lint changed after call ${i}`);
    validChecks++;
  }
}
const msPerFailure = (performance.now() - t0) / count;
const after = memory();

// Misuse is still a TypeError after all that, and a valid lint the same report.
let misuse = null;
try {
  api.lint(42);
} catch (e) {
  misuse = e.constructor.name;
}
const valid = isDeepStrictEqual(api.lint(GOOD, { now: NOW }), want);

console.log(JSON.stringify({ entry, counts, validChecks, msPerFailure, before, after, misuse, valid, beforeInit }));
