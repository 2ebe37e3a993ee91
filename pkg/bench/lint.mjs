// JS benchmark of the npm package, one run for all its figures: the size of the .wasm (raw,
// gzip -9, brotli 11), the first lint after import (instantiation included, in fresh processes),
// and one pass over the fixture corpus (tests/corpus/) with a reused linter, with lint() and with
// object input, beside ajv 8 (draft 2020-12, allErrors) compiled from the exported JSON Schemas
// (schemas/), on the same inputs in the same run.
//
// usage: node bench/lint.mjs [--rounds N] [--write-readme]
//   (after scripts/build-pkg.sh and npm ci in pkg/; `npm run bench` in pkg/)
// Prints the machine and its load, then the Markdown tables. --write-readme also puts them into
// the repository README between <!-- BEGIN npm bench --> and <!-- END npm bench -->.
import { cpus, loadavg, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Ajv2020 from 'ajv/dist/2020.js';
import { createLinter, lint, version } from 'iot-jobs-lint';
import { cases } from '../test/corpus.mjs';

const argv = process.argv.slice(2);
const rounds = Number(argv[argv.indexOf('--rounds') + 1] || 0) || 40;
const root = new URL('../../', import.meta.url);
const dist = new URL('../dist/', import.meta.url);
const loadBefore = loadavg()[0];

// ---- size ----
const wasm = readFileSync(new URL('iot_jobs_lint_bg.wasm', dist));
// GNU gzip -9, as scripts/build-pkg.sh and its budget count (zlib's level 9 gives a few KB more);
// zlib where there is no gzip command.
const gzipSize = (path, bytes) => {
  try {
    return execFileSync('gzip', ['-9', '-c', fileURLToPath(path)], { maxBuffer: 1 << 26 }).length;
  } catch {
    return gzipSync(bytes, { level: 9 }).length;
  }
};
const gzip = gzipSize(new URL('iot_jobs_lint_bg.wasm', dist), wasm);
const brotli = brotliCompressSync(wasm, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: wasm.length },
}).length;
const glue = readFileSync(new URL('iot_jobs_lint.js', dist));

// ---- first lint after import, each in a fresh process (median of 7) ----
const FIRST = {
  // The Node entry compiles and instantiates the module synchronously on import.
  node: `const t0 = performance.now();
    const { lint } = await import(${JSON.stringify(new URL('node.js', dist).href)});
    const t1 = performance.now();
    lint('{"jobId": "a b", "targets": [], "document": "{}"}', { now: 0 });
    const t2 = performance.now();
    console.log(JSON.stringify([t1 - t0, t2 - t1]));`,
  // The browser entry, as a page runs it: init() from the bytes (a fetch in a browser), then lint.
  web: `import { readFileSync } from 'node:fs';
    const bytes = readFileSync(${JSON.stringify(fileURLToPath(new URL('iot_jobs_lint_bg.wasm', dist)))});
    const t0 = performance.now();
    const m = await import(${JSON.stringify(new URL('index.js', dist).href)});
    await m.default({ module_or_path: bytes });
    const t1 = performance.now();
    m.lint('{"jobId": "a b", "targets": [], "document": "{}"}', { now: 0 });
    const t2 = performance.now();
    console.log(JSON.stringify([t1 - t0, t2 - t1]));`,
};
const first = {};
for (const [entry, script] of Object.entries(FIRST)) {
  const runs = [];
  for (let i = 0; i < 7; i++) {
    runs.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })));
  }
  runs.sort((a, b) => a[0] + a[1] - (b[0] + b[1]));
  first[entry] = runs[3];
}

// ---- throughput ----
// The inputs: every corpus case that is UTF-8 JSON text of a request or response whose operation
// is known (given or detected), so that every contestant sees exactly the same inputs.
// CloudFormation templates are left out: ajv would check them against the CreateJob schema.
const inputs = [];
for (const c of cases()) {
  if (c.text === null) continue;
  let object;
  try {
    object = JSON.parse(c.text);
  } catch {
    continue;
  }
  const report = lint(c.text, c.options);
  if (report.operation === null || report.templateResources != null) continue;
  if (typeof object !== 'object' || object === null || Array.isArray(object)) continue;
  const options = { ...c.options, operation: report.operation };
  inputs.push({ text: c.text, object, options, linter: createLinter(options), edition: c.options.serviceModel ?? 'latest' });
}
const bytes = inputs.reduce((n, i) => n + Buffer.byteLength(i.text), 0);

// ajv: one validator per operation and edition, from the same files the package's schema() returns.
const t0 = performance.now();
const validators = {};
for (const edition of ['2023-03-02', 'latest']) {
  for (const operation of ['create-job', 'create-job-template', 'describe-job', 'describe-job-template']) {
    const schema = JSON.parse(readFileSync(new URL(`schemas/${edition}/${operation}.schema.json`, root), 'utf8'));
    // allErrors: report every problem, as the linter does; formats are not checked (no ajv-formats).
    // strict off: the schemas carry editor keywords (markdownDescription, defaultSnippets,
    // errorMessage, ...) that ajv does not know, and put `pattern` without `type: "string"` in a
    // dependentSchemas branch; ajv ignores the former, as every validator does.
    const ajv = new Ajv2020({ allErrors: true, validateFormats: false, strict: false });
    validators[`${edition}/${operation}`] = ajv.compile(schema);
  }
}
const compileMs = performance.now() - t0;
for (const i of inputs) i.validate = validators[`${i.edition}/${i.options.operation}`];

// The contestants take turns, one pass each per round, so that load from other processes and
// garbage collection spread over all of them; each gets the median of its passes.
function measureAll(contestants) {
  for (let r = 0; r < 3; r++) for (const [, pass] of contestants) pass(); // warm-up
  const times = contestants.map(() => []);
  for (let r = 0; r < rounds; r++) {
    contestants.forEach(([, pass], k) => {
      const start = performance.now();
      pass();
      times[k].push(performance.now() - start);
    });
  }
  return contestants.map(([what], k) => {
    const sorted = times[k].sort((a, b) => a - b);
    return [what, sorted[Math.floor(sorted.length / 2)]];
  });
}

let sink = 0;
const AJV_PARSE = 'ajv `validate(JSON.parse(text))`';
const results = measureAll([
  ['iot-jobs-lint `linter.lint(text)` (reused linter)', () => { for (const i of inputs) sink += i.linter.lint(i.text).diagnostics.length; }],
  ['iot-jobs-lint `lint(text, options)`', () => { for (const i of inputs) sink += lint(i.text, i.options).diagnostics.length; }],
  ['iot-jobs-lint `lint(object, options)`', () => { for (const i of inputs) sink += lint(i.object, i.options).diagnostics.length; }],
  ['ajv `validate(object)`', () => { for (const i of inputs) sink += i.validate(i.object) ? 0 : i.validate.errors.length; }],
  [AJV_PARSE, () => { for (const i of inputs) { const o = JSON.parse(i.text); sink += i.validate(o) ? 0 : i.validate.errors.length; } }],
]);
const loadAfter = loadavg()[0];

// ---- report ----
const cpu = cpus();
const n = (x) => x.toLocaleString('en-US');
const lines = [];
lines.push(
  `Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after; Node ${process.version}; iot-jobs-lint ${version()}; ajv ${JSON.parse(readFileSync(new URL('../node_modules/ajv/package.json', import.meta.url), 'utf8')).version}.`,
  '',
  '| file | raw | gzip -9 | brotli 11 |',
  '|---|---:|---:|---:|',
  `| \`iot_jobs_lint_bg.wasm\` | ${n(wasm.length)} | ${n(gzip)} | ${n(brotli)} |`,
  `| \`iot_jobs_lint.js\` (glue) | ${n(glue.length)} | ${n(gzipSize(new URL('iot_jobs_lint.js', dist), glue))} | ${n(brotliCompressSync(glue).length)} |`,
  '',
  '| first lint after import (fresh process, median of 7) | load + instantiate | first `lint()` | total |',
  '|---|---:|---:|---:|',
  ...Object.entries(first).map(([entry, [load, call]]) =>
    `| ${entry === 'node' ? 'Node entry (`import`, synchronous compile)' : 'browser entry (`init()` from bytes)'} | ${load.toFixed(1)} ms | ${call.toFixed(2)} ms | ${(load + call).toFixed(1)} ms |`),
  '',
  `One pass over ${inputs.length} corpus inputs (${(bytes / 1024).toFixed(0)} KiB; requests and responses, templates left out); median of ${rounds} interleaved passes; ajv compile of 8 schemas: ${compileMs.toFixed(0)} ms.`,
  '',
  '| what | one pass | per input | vs ajv `validate(JSON.parse(text))` |',
  '|---|---:|---:|---:|',
);
const ajvParse = results.find(([what]) => what === AJV_PARSE)[1];
for (const [what, ms] of results) {
  lines.push(`| ${what} | ${ms.toFixed(1)} ms | ${((ms * 1000) / inputs.length).toFixed(1)} µs | ${(ms / ajvParse).toFixed(2)}× |`);
}
const text = lines.join('\n');
console.log(text);
if (sink < 0) console.log(sink);

if (argv.includes('--write-readme')) {
  const readme = new URL('README.md', root);
  const old = readFileSync(readme, 'utf8');
  const begin = '<!-- BEGIN npm bench (node pkg/bench/lint.mjs --write-readme) -->\n';
  const end = '<!-- END npm bench -->';
  const a = old.indexOf(begin);
  const b = old.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no ${begin.trim()} … ${end} block`);
  writeFileSync(readme, old.slice(0, a + begin.length) + text + '\n' + old.slice(b));
  console.error('README.md updated');
}
