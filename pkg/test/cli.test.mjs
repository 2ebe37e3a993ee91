// The package's command (dist/cli.mjs, package.json `bin`) against the native CLI: the same stdout
// in JSON, SARIF and GitHub formats, byte for byte, and the same exit status, on examples/ and on
// every case of the spec corpus (tests/corpus/: NAME.json with the options of NAME.expect.json,
// the cases grouped by options, one run per group and format). The native CLI is `cargo run -p
// iot-jobs-lint-cli` unless IOT_JOBS_LINT_BIN names a built binary (scripts/test.sh sets it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputOf } from './corpus.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
const NOW = '2026-01-01T00:00:00Z';

function native(args, input) {
  const [cmd, pre] = process.env.IOT_JOBS_LINT_BIN
    ? [process.env.IOT_JOBS_LINT_BIN, []]
    : ['cargo', ['run', '--quiet', '--locked', '-p', 'iot-jobs-lint-cli', '--']];
  return spawnSync(cmd, [...pre, ...args], { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 1 << 28 });
}

function npm(args, input) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 1 << 28 });
}

const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json')).sort().map((f) => `examples/${f}`);
// Corpus cases grouped by their options (operation, serviceModel, now, maxInputBytes).
const groups = new Map();
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.expect.json')) {
      const spec = JSON.parse(readFileSync(path, 'utf8'));
      const args = ['--now', spec.now ?? NOW];
      if (spec.operation) args.push('--operation', spec.operation);
      if (spec.serviceModel) args.push('--service-model', spec.serviceModel);
      if (spec.maxInputBytes !== undefined) args.push('--max-input-bytes', String(spec.maxInputBytes));
      const key = args.join(' ');
      if (!groups.has(key)) groups.set(key, { args, files: [] });
      groups.get(key).files.push(relative(ROOT, inputOf(path)));
    }
  }
};
walk(join(ROOT, 'tests/corpus'));
const corpus = [...groups.values()].flatMap((g) => g.files);
for (const g of groups.values()) g.files.sort();

function same(args, input) {
  const a = native(args, input);
  assert.equal(a.error, undefined, `native CLI ran: ${a.error}`);
  const b = npm(args, input);
  assert.equal(b.stdout, a.stdout, `stdout of check ${args.join(' ')}`);
  assert.equal(b.status, a.status, `exit status of check ${args.join(' ')} (stderr: ${b.stderr})`);
  return b;
}

test('json: examples/ byte for byte', () => {
  const r = same(['check', '--format', 'json', '--now', NOW, ...examples]);
  assert.equal(r.status, 1, 'broken.job.json has errors');
});

test('json: each example alone, and an operation given', () => {
  for (const file of examples) same(['check', '--format', 'json', '--now', NOW, file]);
  same(['check', '--format=json', '--now', NOW, '--operation', 'create-job', ...examples]);
  same(['check', '--format', 'json', '--now', NOW, '--service-model', '2023-03-02', ...examples]);
});

for (const format of ['json', 'sarif', 'github']) {
  test(`${format}: the spec corpus (${corpus.length} cases, ${groups.size} option sets) byte for byte`, () => {
    assert.ok(corpus.length > 500, `corpus found: ${corpus.length}`);
    for (const { args, files } of groups.values()) same(['check', '--format', format, ...args, ...files]);
  });
}

test('sarif and github: examples/ byte for byte, with an operation and a service model', () => {
  for (const format of ['sarif', 'github']) {
    same(['check', '--format', format, '--now', NOW, ...examples]);
    same(['check', `--format=${format}`, '--now', NOW, '--operation', 'create-job', '--service-model', '2023-03-02', ...examples]);
    same(['check', '--format', format, '--now', NOW, '--max-input-bytes', '100', ...examples]);
  }
});

test('json: standard input, a small input limit', () => {
  const text = readFileSync(join(ROOT, 'examples/firmware-ota.job.json'), 'utf8');
  same(['check', '--format', 'json', '--now', NOW, '-'], text);
  same(['check', '--format', 'json', '--now', NOW, '--max-input-bytes', '100', ...examples]);
  same(['check', '--format', 'json', '--now', NOW, '--max-input-bytes', '100', '-'], text);
});

test('exit status 2: unreadable file (json entry with an error), undetected operation, usage', () => {
  const r = same(['check', '--format', 'json', '--now', NOW, 'no-such-file.json', 'examples/broken.job.json']);
  assert.equal(r.status, 2);
  const entry = JSON.parse(r.stdout).files[0];
  assert.deepEqual(entry, { path: 'no-such-file.json', error: 'cannot read no-such-file.json: No such file or directory (os error 2)' });
  assert.equal(r.stderr, 'error: cannot read no-such-file.json: No such file or directory (os error 2)\n');
  // A control character and a bidi override in the name: escaped in the message as the CLI does.
  const odd = same(['check', '--format', 'json', '--now', NOW, 'no\u001b-\u202efile.json']);
  assert.match(JSON.parse(odd.stdout).files[0].error, /^cannot read no\\u\{1b\}-\\u\{202e\}file\.json: /);
  for (const format of ['sarif', 'github']) same(['check', '--format', format, '--now', NOW, 'no-such-file.json', 'examples/broken.job.json']);
  same(['check', '--format', 'json', '--now', NOW, '-'], '[1, 2]');
  assert.equal(npm(['check']).status, 2);
  assert.equal(npm(['check', '--format', 'xml', 'examples/broken.job.json']).status, 2);
  assert.equal(npm(['check', '--now', 'yesterday', 'examples/broken.job.json']).status, 2);
  assert.equal(npm(['lint', 'x']).status, 2);
});

test('human: one line per diagnostic, and the status', () => {
  const r = npm(['check', '--now', NOW, 'examples/broken.job.json', 'examples/firmware-ota.job.json']);
  assert.equal(r.status, 1);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^examples\/broken\.job\.json:\d+:\d+: (error|warning|info)\[[a-z-]+\/[a-z0-9-]+\] /);
  assert.ok(lines.some((l) => /^examples\/broken\.job\.json: create-job \(detected\), service model latest: \d+ error\(s\)/.test(l)), r.stdout);
  assert.equal(npm(['check', '--now', NOW, 'examples/firmware-ota.job.json']).status, 0);
});

test('sarif and github: written by the core (a SARIF 2.1.0 log, workflow commands)', () => {
  const s = npm(['check', '--format', 'sarif', '--now', NOW, ...examples]);
  assert.equal(s.status, 1);
  const log = JSON.parse(s.stdout);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const json = JSON.parse(npm(['check', '--format', 'json', '--now', NOW, ...examples]).stdout);
  const count = json.files.reduce((n, f) => n + f.diagnostics.length, 0);
  assert.equal(log.runs[0].results.length, count);
  const g = npm(['check', '--format', 'github', '--now', NOW, 'examples/broken.job.json']);
  assert.equal(g.status, 1);
  const lines = g.stdout.trimEnd().split('\n');
  assert.equal(lines.length, json.files.find((f) => f.path === 'examples/broken.job.json').diagnostics.length);
  for (const line of lines) assert.match(line, /^::(error|warning|notice) file=examples\/broken\.job\.json,line=\d+/);
});

test('directories: *.json at any depth, dot entries and node_modules skipped, byte order of names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iot-jobs-lint-cli-'));
  try {
    const ok = readFileSync(join(ROOT, 'examples/firmware-ota.job.json'));
    const files = ['b.json', 'B.json', 'a.json', '\u00e9.json', 'z.json', 'sub/x.json', 'sub/deeper/y.json', 'A-sub/w.json',
      '.hidden.json', '.dot/h.json', 'node_modules/m.json', 'sub/node_modules/n.json', 'notes.txt', 'sub/.git/c.json'];
    for (const f of files) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), ok);
    }
    const r = npm(['check', '--format', 'json', '--now', NOW, dir, join(dir, 'notes.txt')]);
    assert.equal(r.status, 0, r.stderr);
    const paths = JSON.parse(r.stdout).files.map((f) => f.path.slice(dir.length + 1));
    assert.deepEqual(paths, ['A-sub/w.json', 'B.json', 'a.json', 'b.json', 'sub/deeper/y.json', 'sub/x.json', 'z.json', '\u00e9.json', 'notes.txt']);
    // A trailing slash is not doubled.
    const slash = JSON.parse(npm(['check', '--format', 'json', '--now', NOW, `${dir}/sub/`]).stdout).files.map((f) => f.path);
    assert.deepEqual(slash, [`${dir}/sub/deeper/y.json`, `${dir}/sub/x.json`]);
    // `.` and `./sub`: shown without the leading `./`, as the native CLI shows them.
    const here = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', '--now', NOW, '.', './sub'], { cwd: dir, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(here.stdout).files.map((f) => f.path).slice(-3), ['\u00e9.json', 'sub/deeper/y.json', 'sub/x.json']);
    // A directory without any *.json file: an error, status 2.
    mkdirSync(join(dir, 'empty'));
    const empty = npm(['check', '--format', 'json', '--now', NOW, join(dir, 'empty')]);
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /^error: no \*\.json file or YAML template in directory /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('directories: YAML CloudFormation templates and, in a CDK cdk.out, only *.template.json (as the native CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iot-jobs-lint-cli-'));
  try {
    const template = [
      'Resources:',
      '  OtaTemplate:',
      '    Type: AWS::IoT::JobTemplate',
      '    Properties:',
      '      JobTemplateId: ota-pumps',
      '      Description: Pump firmware',
      "      Document: '{\"operation\":\"update\"}'",
      '      MaintenanceWindows:',
      '        - StartTime: cron(0 2 ? * SAT *)',
      '          DurationInMinutes: 2000',
      '',
    ].join('\n');
    const files = {
      'stack.yaml': template,
      'compose.yaml': 'services:\n  web:\n    image: nginx\n',
      'cdk.out/cdk.out': '{"version":"48.0.0"}',
      'cdk.out/manifest.json': '{"version":"48.0.0","artifacts":{}}',
      'cdk.out/tree.json': '{"version":"tree-0.1","tree":{}}',
      'cdk.out/Stack.template.json': JSON.stringify({ Resources: { OtaTemplate: { Type: 'AWS::IoT::JobTemplate', Properties: { JobTemplateId: 'ota pumps', Description: 'd', Document: '{}' } } } }, null, 1),
    };
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), text);
    }
    const args = ['check', '--format', 'json', '--now', NOW, '.'];
    const js = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
    const report = JSON.parse(js.stdout);
    assert.deepEqual(report.files.map((f) => f.path), ['cdk.out/Stack.template.json', 'stack.yaml']);
    assert.deepEqual(report.files.map((f) => f.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)), [
      ['model/pattern@6:22'],
      ['cfn/range@10:30'],
    ]);
    assert.equal(report.files[1].templateResources, 1);
    // The same bytes as the native binary.
    const native = process.env.IOT_JOBS_LINT_BIN;
    if (native) assert.equal(js.stdout, spawnSync(native, args, { cwd: dir, encoding: 'utf8' }).stdout);
    const human = spawnSync(process.execPath, [BIN, 'check', '--now', NOW, 'stack.yaml'], { cwd: dir, encoding: 'utf8' });
    assert.match(human.stdout, /stack\.yaml: CloudFormation template, 1 IoT job resource, service model latest: 1 error/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a reader that closes the pipe early (| head) ends the command quietly, without a stack trace', () => {
  // The shell's `| head -c 100`: only the first bytes are read, then the pipe closes.
  const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${BIN}" check --format sarif --now ${NOW} examples | head -c 100 >/dev/null; echo "status $?"`], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.doesNotMatch(r.stderr, /EPIPE|Unhandled|at .*\.mjs/, r.stderr);
  assert.match(r.stdout, /status 0/);
});
