// JS benchmark: lint() from Node over the fixture corpus (tests/corpus/), with string input and
// with object input, beside ajv 8 (draft 2020-12, allErrors) compiled from the exported JSON
// Schemas (schemas/), on the same inputs in the same run.
//
// usage: node bench/lint.mjs [--rounds N]      (after scripts/build-pkg.sh and npm ci in pkg/)
// Prints the machine, then a Markdown table (median time of one pass over the inputs).
import { cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Ajv2020 from 'ajv/dist/2020.js';
import { lint, version } from 'iot-jobs-lint';
import { cases } from '../test/corpus.mjs';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 0) || 30;
const root = new URL('../../', import.meta.url);

// The inputs: every corpus case that is UTF-8 JSON text whose operation is known (given or
// detected), so that all three contestants see exactly the same inputs.
const inputs = [];
for (const c of cases()) {
  if (c.text === null) continue;
  let object;
  try {
    object = JSON.parse(c.text);
  } catch {
    continue;
  }
  const operation = lint(c.text, c.options).operation;
  if (operation === null || typeof object !== 'object' || object === null || Array.isArray(object)) continue;
  inputs.push({ text: c.text, object, options: { ...c.options, operation }, edition: c.options.serviceModel ?? 'latest' });
}
const bytes = inputs.reduce((n, i) => n + Buffer.byteLength(i.text), 0);

// ajv: one validator per operation and edition, from the same files the package's schema() returns.
const vocabulary = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'patternErrorMessage', 'defaultSnippets', 'errorMessage', 'deprecationMessage', 'doNotSuggest'];
const t0 = performance.now();
const validators = {};
for (const edition of ['2023-03-02', 'latest']) {
  for (const operation of ['create-job', 'create-job-template', 'describe-job', 'describe-job-template']) {
    const schema = JSON.parse(readFileSync(new URL(`schemas/${edition}/${operation}.schema.json`, root), 'utf8'));
    // allErrors: report every problem, as the linter does; formats are not checked (no ajv-formats).
    // strictTypes off: the schemas put `pattern` without `type: "string"` in a dependentSchemas branch.
    const ajv = new Ajv2020({ allErrors: true, validateFormats: false, strictTypes: false });
    ajv.addVocabulary(vocabulary);
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
const results = measureAll([
  ['iot-jobs-lint `lint(text)`', () => { for (const i of inputs) sink += lint(i.text, i.options).diagnostics.length; }],
  ['iot-jobs-lint `lint(object)`', () => { for (const i of inputs) sink += lint(i.object, i.options).diagnostics.length; }],
  ['ajv `validate(object)`', () => { for (const i of inputs) sink += i.validate(i.object) ? 0 : i.validate.errors.length; }],
  ['ajv `validate(JSON.parse(text))`', () => { for (const i of inputs) { const o = JSON.parse(i.text); sink += i.validate(o) ? 0 : i.validate.errors.length; } }],
]);

const cpu = cpus();
console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; iot-jobs-lint ${version()}; ajv ${JSON.parse(readFileSync(new URL('../node_modules/ajv/package.json', import.meta.url), 'utf8')).version}`);
console.log(`inputs: ${inputs.length} corpus files (${(bytes / 1024).toFixed(0)} KiB); median of ${rounds} passes; ajv compile of 8 schemas: ${compileMs.toFixed(0)} ms`);
console.log('');
console.log('| what | one pass | per input | vs ajv `validate(object)` |');
console.log('|---|---:|---:|---:|');
const ajvObject = results[2][1];
for (const [what, ms] of results) {
  console.log(`| ${what} | ${ms.toFixed(1)} ms | ${((ms * 1000) / inputs.length).toFixed(1)} µs | ${(ms / ajvObject).toFixed(1)}× |`);
}
if (sink < 0) console.log(sink);
