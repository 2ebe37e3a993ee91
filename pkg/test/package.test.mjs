// The published artefact: `npm pack`, install the tarball into a scratch project (with
// typescript 5 and @types/node 20 at the versions of our lockfile), type-check TypeScript
// consumers with `tsc --strict` (module nodenext: ESM and CommonJS; module esnext with
// moduleResolution bundler: the browser entry), run them in Node, and bundle consumers with
// esbuild: for the browser (no Node built-ins; the schemas only when schema() is used) and for
// Node; then run the bundles. The package's bin (dist/cli.mjs) runs from the install.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = fileURLToPath(new URL('../', import.meta.url));
const lock = JSON.parse(readFileSync(join(pkgDir, 'package-lock.json'), 'utf8'));
const locked = (name) => lock.packages[`node_modules/${name}`].version;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
function run(cmd, args, cwd) {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // (the tail only: a failing minified bundle prints its whole line)
    const output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
    throw new Error(`${[cmd, ...args].join(' ')} failed in ${cwd}:\n${output.length > 3000 ? `…${output.slice(-3000)}` : output}`);
  }
}

const ESM_CONSUMER = `
import init, {
  createLinter, lint, schedule, schema, rules, version,
  type Analysis, type FixResult, type Linter, type CreateJobRequest, type DescribeJobResponse, type Diagnostic, type JsonSchema, type LintOptions,
  type LintReport, type RuleInfo, type Schedule, type ScheduleOptions, type Severity,
} from 'iot-jobs-lint';

await init(); // needed in browsers, harmless in Node

const request: CreateJobRequest = {
  jobId: 'firmware-2-5',
  targets: ['arn:aws:iot:us-east-1:111122223333:thing/pump-7'],
  document: '{"operation":"install"}',
  timeoutConfig: { inProgressTimeoutInMinutes: 0 },
};
const options: LintOptions = { now: new Date('2026-01-01T00:00:00Z'), serviceModel: 'latest' };
const report: LintReport = lint(request, options);
const first: Diagnostic | undefined = report.diagnostics[0];
const severity: Severity | undefined = first?.severity;
const help: string | null | undefined = first?.help;
const response: DescribeJobResponse = { job: { jobId: 'j', status: 'IN_PROGRESS' } };
lint(response, { operation: 'describe-job' });

// Misuse that the types catch (never called: at run time each throws a TypeError).
function misuse(): unknown[] {
  // @ts-expect-error: not an operation
  lint('{}', { operation: 'create-jobs' });
  // @ts-expect-error: now is a Date, a string or a number
  lint('{}', { now: true });
  // @ts-expect-error: fix() applies safe or suggested fixes
  createLinter().fix('{}', 'unsafe');
  // @ts-expect-error: not an option of lint()
  lint('{}', { count: 3 });
  // @ts-expect-error: not an input
  lint(42);
  // @ts-expect-error: jobId is a string
  const wrongType: CreateJobRequest = { jobId: 5, targets: [] };
  // @ts-expect-error: unknown member
  const unknownMember: CreateJobRequest = { jobId: 'j', targets: [], documnt: '{}' };
  return [wrongType, unknownMember];
}

const scheduleOptions: ScheduleOptions = { now: '2026-01-01T00:00:00Z', count: 3 };
const s: Schedule = schedule(new TextEncoder().encode(JSON.stringify({
  ...request,
  schedulingConfig: { maintenanceWindows: [{ startTime: 'cron(0 2 ? * SUN *)', durationInMinutes: 60 }] },
})), scheduleOptions);
const linter: Linter = createLinter({ now: Date.parse('2026-01-01T00:00:00Z'), operation: 'create-job', count: 3 });
const analysis: Analysis = linter.analyze(JSON.stringify(request));
const fixed: FixResult = linter.fix('{"jobId": "j", "descripton": "d"}', 'suggested');
const fixedText: string | null = fixed.output;
const json: JsonSchema = schema('describe-job', '2023-03-02');
const list: RuleInfo[] = rules();
console.log(JSON.stringify({
  version: version(), codes: report.diagnostics.map((d) => d.code), severity, help: typeof help,
  windows: s.windows.map((w) => w.start), title: json.title, rules: list.length,
  misuse: typeof misuse, analysis: analysis.report.diagnostics.length === report.diagnostics.length,
  windowsFromAnalysis: analysis.schedule.windows.length, fixed: fixedText,
}));
`;

const CJS_CONSUMER = `
import { lint, schema, type LintReport } from 'iot-jobs-lint';
const report: LintReport = lint('{"jobId": "a b", "targets": []}', { now: '2026-01-01T00:00:00Z' });
console.log(JSON.stringify({ codes: report.diagnostics.map((d) => d.code), title: schema('create-job').title }));
`;

const BROWSER_CONSUMER = `
import init, { lint, type InitInput, type LintReport } from 'iot-jobs-lint';
export async function check(wasm: InitInput, text: string): Promise<LintReport> {
  await init({ module_or_path: wasm });
  return lint(text);
}
`;

const bundleSource = (withSchema) => `
import init, { lint${withSchema ? ', schema' : ''} } from 'iot-jobs-lint';
import wasm from 'iot-jobs-lint/iot_jobs_lint_bg.wasm';
await init({ module_or_path: wasm });
const report = lint('{"jobId": "a b", "targets": []}', { now: '2026-01-01T00:00:00Z' });
console.log(JSON.stringify({ codes: report.diagnostics.map((d) => d.code)${withSchema ? ", title: schema('create-job').title" : ''} }));
`;

test('npm pack: a TypeScript project installs the tarball, type-checks and runs it; esbuild bundles it', { timeout: 300_000 }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'iot-jobs-lint-consumer-'));
  try {
    const [packed] = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', scratch], pkgDir));
    const files = packed.files.map((f) => f.path).sort();
    for (const f of ['dist/index.js', 'dist/index.cjs', 'dist/node.js', 'dist/cli.mjs', 'dist/iot_jobs_lint_bg.wasm', 'dist/iot_jobs_lint_full.js', 'dist/iot_jobs_lint_full.cjs', 'dist/iot_jobs_lint_full_bg.wasm', 'dist/templates.js', 'dist/shapes.d.ts', 'package.json', 'README.md', 'LICENSE']) {
      assert.ok(files.includes(f), `${f} is packed: ${files.join(', ')}`);
    }
    assert.ok(!files.some((f) => f.startsWith('test/') || f.startsWith('src/') || f.includes('node_modules')), files.join(', '));
    // The test build (scripts/build-pkg.sh --test-panic, with forced failures) is never packed.
    assert.ok(!files.some((f) => f.startsWith('dist-test/')), files.join(', '));
    for (const f of ['dist/guard.js', 'dist/guard.cjs', 'dist/linter.js', 'dist/linter.cjs']) assert.ok(files.includes(f), `${f} is packed`);
    const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;

    writeFileSync(join(scratch, 'package.json'), JSON.stringify({
      name: 'consumer', private: true, type: 'module',
      dependencies: { 'iot-jobs-lint': `file:./${packed.filename}` },
      devDependencies: { typescript: locked('typescript'), '@types/node': locked('@types/node'), esbuild: locked('esbuild') },
    }, null, 2));
    run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], scratch);
    // The bin (npx iot-jobs-lint): installed as node_modules/.bin/iot-jobs-lint, runs from the tarball.
    const bin = join(scratch, 'node_modules/.bin/iot-jobs-lint');
    assert.equal(run(bin, ['--version'], scratch), `iot-jobs-lint ${version}\n`);
    const checked = JSON.parse(run(bin, ['check', '--format', 'json', '--now', '2026-01-01T00:00:00Z', join(pkgDir, '../examples/firmware-ota.job.json')], scratch));
    assert.deepEqual(checked.files[0].diagnostics, []);

    mkdirSync(join(scratch, 'src'));
    writeFileSync(join(scratch, 'src/esm.mts'), ESM_CONSUMER);
    writeFileSync(join(scratch, 'src/cjs.cts'), CJS_CONSUMER);
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', outDir: 'out', types: ['node'] },
      include: ['src'],
    }));
    const tsc = join(scratch, 'node_modules/typescript/bin/tsc');
    run(process.execPath, [tsc, '-p', '.'], scratch);

    const esm = JSON.parse(run(process.execPath, ['out/esm.mjs'], scratch));
    assert.equal(esm.version, version);
    assert.deepEqual(esm.codes, ['timeout/in-progress-range']);
    assert.equal(esm.severity, 'error');
    assert.deepEqual(esm.windows, ['2026-01-04T02:00', '2026-01-11T02:00', '2026-01-18T02:00']);
    assert.match(esm.title, /^DescribeJob response \(2023-03-02 service model\)$/);
    assert.ok(esm.rules > 40);
    assert.equal(esm.analysis, true);
    assert.equal(esm.windowsFromAnalysis, 0);
    assert.equal(esm.fixed, '{"jobId": "j", "description": "d"}');
    const cjs = JSON.parse(run(process.execPath, ['out/cjs.cjs'], scratch));
    assert.ok(cjs.codes.includes('model/pattern'), JSON.stringify(cjs));
    assert.match(cjs.title, /^CreateJob request/);

    // The browser entry's types, as a bundler project sees them.
    mkdirSync(join(scratch, 'web'));
    writeFileSync(join(scratch, 'web/check.ts'), BROWSER_CONSUMER);
    writeFileSync(join(scratch, 'tsconfig.web.json'), JSON.stringify({
      compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'], noEmit: true, types: [] },
      include: ['web'],
    }));
    run(process.execPath, [tsc, '-p', 'tsconfig.web.json'], scratch);

    // esbuild, for the browser: the web entry and the .wasm as bytes. (--target es2022: esbuild
    // 0.28 otherwise decodes the bytes with Uint8Array.fromBase64, which Node 20 lacks.)
    // node_modules/.bin/esbuild is a JS shim or, once esbuild's install script has run, the
    // native binary itself: run it as a program.
    const esbuild = join(scratch, 'node_modules/.bin/esbuild');
    const sizes = {};
    for (const withSchema of [true, false]) {
      const name = withSchema ? 'bundle-schema' : 'bundle';
      writeFileSync(join(scratch, `${name}.src.js`), bundleSource(withSchema));
      run(esbuild, [`${name}.src.js`, '--bundle', '--platform=browser', '--format=esm',
        '--loader:.wasm=binary', '--target=es2022', '--minify', `--outfile=out/${name}.mjs`, '--log-level=error'], scratch);
      const text = readFileSync(join(scratch, `out/${name}.mjs`), 'utf8');
      assert.ok(!/node:|require\(/.test(text), `${name}: no Node built-ins in a browser bundle`);
      assert.equal(text.includes('urn:iot-jobs-lint:schema'), withSchema, `${name}: the schemas are bundled only when schema() is used`);
      sizes[name] = text.length;
      const out = JSON.parse(run(process.execPath, [`out/${name}.mjs`], scratch));
      assert.ok(out.codes.includes('model/pattern'), JSON.stringify(out));
      if (withSchema) assert.match(out.title, /^CreateJob request/);
    }
    assert.ok(sizes.bundle < sizes['bundle-schema']);

    // esbuild for Node (the `node` condition): the entry's synchronous initialisation must survive
    // tree shaking (package.json `sideEffects`); the .wasm is read from beside the bundle.
    writeFileSync(join(scratch, 'node-bundle.src.js'), bundleSource(false).replace(/^import wasm.*\n^await init.*\n/m, ''));
    run(esbuild, ['node-bundle.src.js', '--bundle', '--platform=node', '--format=esm', '--outfile=out/node-bundle.mjs', '--log-level=error'], scratch);
    copyFileSync(join(scratch, 'node_modules/iot-jobs-lint/dist/iot_jobs_lint_bg.wasm'), join(scratch, 'out/iot_jobs_lint_bg.wasm'));
    const fromNodeBundle = JSON.parse(run(process.execPath, ['out/node-bundle.mjs'], scratch));
    assert.ok(fromNodeBundle.codes.includes('model/pattern'), JSON.stringify(fromNodeBundle));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
