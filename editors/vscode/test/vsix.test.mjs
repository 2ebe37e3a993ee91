// The packaged extension (dist/iot-jobs-lint-<version>.vsix, built by scripts/build-vsix.sh
// before these tests run; VSIX=path picks another): a .vsix is a zip, read here with a small
// central-directory reader (no unzip needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const extDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(extDir, '..', '..');
const source = JSON.parse(fs.readFileSync(path.join(extDir, 'package.json'), 'utf8'));
const vsixPath = process.env.VSIX || path.join(extDir, 'dist', `iot-jobs-lint-${source.version}.vsix`);

/** name -> () => Buffer, for every entry of the zip; modes: name -> Unix mode. */
const modes = new Map();
function readZip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'no end of central directory: not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    modes.set(name, buf.readUInt32LE(p + 38) >>> 16);
    entries.set(name, () => {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      if (method === 0) return data;
      assert.equal(method, 8, `${name}: compression method ${method}`);
      return zlib.inflateRawSync(data);
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const zip = readZip(fs.readFileSync(vsixPath));
const text = (name) => {
  assert.ok(zip.has(name), `${name} is in the .vsix`);
  return zip.get(name)().toString('utf8');
};
const manifest = JSON.parse(text('extension/package.json'));

const GLOBS = {
  '**/*.job.json': 'create-job',
  '**/*.job-template.json': 'create-job-template',
  '**/*describe-job.output.json': 'describe-job',
  '**/*describe-job-template.output.json': 'describe-job-template',
};

test('the manifest: entry point, activation, engine, license, no repository', () => {
  assert.equal(manifest.name, 'iot-jobs-lint');
  assert.equal(manifest.publisher, 'iot-jobs-lint');
  assert.equal(manifest.version, source.version);
  assert.equal(manifest.main, './extension.js');
  assert.deepEqual(manifest.activationEvents, ['onLanguage:json', 'onLanguage:yaml']);
  assert.match(manifest.engines.vscode, /^\^1\.\d+\.\d+$/);
  assert.equal(manifest.license, 'Apache-2.0');
  assert.ok(!('repository' in manifest));
  // A workspace must not pick the executable the extension runs unless it is trusted.
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['iotJobsLint.server.path']);
  assert.deepEqual(Object.keys(manifest.dependencies), ['vscode-languageclient']);
  assert.match(manifest.dependencies['vscode-languageclient'], /^\^9\./);
  // The engine is at least what vscode-languageclient asks for.
  const lc = JSON.parse(text('extension/node_modules/vscode-languageclient/package.json'));
  const minor = (range) => Number(range.match(/1\.(\d+)/)[1]);
  assert.ok(minor(manifest.engines.vscode) >= minor(lc.engines.vscode), `${manifest.engines.vscode} vs ${lc.engines.vscode}`);
});

test('the settings', () => {
  const props = manifest.contributes.configuration.properties;
  assert.deepEqual(Object.keys(props).sort(), ['iotJobsLint.jobFiles', 'iotJobsLint.now', 'iotJobsLint.server.path', 'iotJobsLint.serviceModel']);
  assert.equal(props['iotJobsLint.server.path'].default, '');
  assert.deepEqual(props['iotJobsLint.serviceModel'].enum, ['latest', '2023-03-02']);
  assert.equal(props['iotJobsLint.serviceModel'].default, 'latest');
  assert.equal(props['iotJobsLint.now'].default, '');
  assert.deepEqual(
    props['iotJobsLint.jobFiles'].default,
    Object.entries(GLOBS).map(([glob, operation]) => ({ glob, operation })),
  );
  assert.deepEqual(props['iotJobsLint.jobFiles'].items.properties.operation.enum, [...new Set(Object.values(GLOBS)), null]);
});

test('jsonValidation maps the same globs to the latest schemas, which are inside and equal to schemas/latest', () => {
  const jv = manifest.contributes.jsonValidation;
  assert.deepEqual(
    jv,
    Object.entries(GLOBS).map(([fileMatch, op]) => ({ fileMatch, url: `./schemas/latest/${op}.schema.json` })),
  );
  for (const { url } of jv) {
    const inside = text(`extension/${url.slice(2)}`);
    assert.equal(inside, fs.readFileSync(path.join(repoRoot, url.slice(2)), 'utf8'), `${url} is the repository's`);
    assert.equal(JSON.parse(inside).$schema, 'https://json-schema.org/draft/2020-12/schema');
  }
});

test('the code, the language client and the license are inside; the tests are not', () => {
  const names = [...zip.keys()];
  for (const f of ['extension/extension.js', 'extension/server.js', 'extension/node_modules/vscode-languageclient/node.js', 'extension.vsixmanifest']) {
    assert.ok(zip.has(f), f);
  }
  assert.ok(names.some((n) => n.startsWith('extension/node_modules/vscode-languageclient/lib/node/')));
  // The README and the screenshot it shows (a relative link, read from the installed extension).
  assert.match(text('extension/readme.md'), /\]\(images\/screenshot\.png\)/);
  assert.ok(zip.has('extension/images/screenshot.png'));
  assert.ok(names.some((n) => /^extension\/LICENSE(\.txt|\.md)?$/.test(n)), 'LICENSE');
  assert.ok(text(names.find((n) => /^extension\/LICENSE/.test(n))).includes('Apache License'));
  assert.ok(!names.some((n) => n.startsWith('extension/test/') || n.startsWith('extension/dist/')), 'no tests or dist');
  assert.ok(!names.some((n) => n.startsWith('extension/node_modules/@vscode/vsce')), 'no dev dependencies');
  // A bundled binary (BUNDLE_BIN), when there is one, sits where server.js looks, executable
  // (VS Code keeps the zip's Unix mode when it installs the extension).
  for (const n of names.filter((n) => n.startsWith('extension/bin/'))) {
    assert.match(n, /^extension\/bin\/[a-z0-9]+-[a-z0-9]+\/iot-jobs-lint(\.exe)?$/);
    if (!n.endsWith('.exe')) assert.equal(modes.get(n) & 0o111, 0o111, `${n} mode ${modes.get(n).toString(8)}`);
  }
});

test('the .vsixmanifest names the extension and the engine', () => {
  const xml = text('extension.vsixmanifest');
  assert.match(xml, /Id="iot-jobs-lint"/);
  assert.match(xml, /Publisher="iot-jobs-lint"/);
  assert.ok(xml.includes(`Version="${source.version}"`));
  assert.ok(xml.includes(`Microsoft.VisualStudio.Code.Engine" Value="${manifest.engines.vscode}"`));
});
