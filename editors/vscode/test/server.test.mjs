// server.js: which iot-jobs-lint the extension starts, with PATH and files stubbed in a temp dir.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { resolveServer } = require('../server.js');

function tmp() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'iot-jobs-lint-vscode-'));
}
function exe(file, mode = 0o755) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\n');
  fs.chmodSync(file, mode);
  return file;
}
const linux = { platform: 'linux', arch: 'x64' };

test('the setting wins over bundled and PATH', () => {
  const d = tmp();
  const mine = exe(path.join(d, 'mine', 'iot-jobs-lint'));
  exe(path.join(d, 'ext', 'bin', 'linux-x64', 'iot-jobs-lint'));
  exe(path.join(d, 'onpath', 'iot-jobs-lint'));
  const r = resolveServer({ ...linux, settingPath: mine, extensionPath: path.join(d, 'ext'), env: { PATH: path.join(d, 'onpath') } });
  assert.deepEqual(r, { command: mine, source: 'setting' });
});

test('a setting that is missing or not executable is an error naming the setting, with no fallback', () => {
  const d = tmp();
  exe(path.join(d, 'onpath', 'iot-jobs-lint'));
  const env = { PATH: path.join(d, 'onpath') };
  for (const settingPath of [path.join(d, 'nope'), exe(path.join(d, 'plain'), 0o644), d]) {
    const r = resolveServer({ ...linux, settingPath, extensionPath: d, env });
    assert.ok(r.error, `${settingPath}: ${JSON.stringify(r)}`);
    assert.match(r.error, /iotJobsLint\.server\.path/);
    assert.ok(r.error.includes(settingPath));
  }
});

test('an empty or blank setting means unset', () => {
  const d = tmp();
  const onpath = exe(path.join(d, 'onpath', 'iot-jobs-lint'));
  for (const settingPath of ['', '   ', undefined]) {
    const r = resolveServer({ ...linux, settingPath, extensionPath: d, env: { PATH: path.join(d, 'onpath') } });
    assert.deepEqual(r, { command: onpath, source: 'path' });
  }
});

test('the bundled binary for this platform and arch comes before PATH', () => {
  const d = tmp();
  const ext = path.join(d, 'ext');
  const bundled = exe(path.join(ext, 'bin', 'linux-x64', 'iot-jobs-lint'));
  exe(path.join(ext, 'bin', 'darwin-arm64', 'iot-jobs-lint'));
  exe(path.join(d, 'onpath', 'iot-jobs-lint'));
  const env = { PATH: path.join(d, 'onpath') };
  assert.deepEqual(resolveServer({ ...linux, extensionPath: ext, env }), { command: bundled, source: 'bundled' });
  // Another platform's binary is not taken: PATH is.
  const r = resolveServer({ platform: 'linux', arch: 'arm64', extensionPath: ext, env });
  assert.deepEqual(r, { command: path.join(d, 'onpath', 'iot-jobs-lint'), source: 'path' });
});

test('Windows: the bundled binary is iot-jobs-lint.exe', () => {
  const d = tmp();
  const bundled = exe(path.join(d, 'bin', 'win32-x64', 'iot-jobs-lint.exe'));
  const r = resolveServer({ platform: 'win32', arch: 'x64', extensionPath: d, env: { PATH: '' } });
  assert.deepEqual(r, { command: bundled, source: 'bundled' });
});

test('PATH is searched in order, skipping empty entries, directories and non-executables', () => {
  const d = tmp();
  fs.mkdirSync(path.join(d, 'a', 'iot-jobs-lint'), { recursive: true }); // a directory of that name
  exe(path.join(d, 'b', 'iot-jobs-lint'), 0o644); // not executable
  const c = exe(path.join(d, 'c', 'iot-jobs-lint'));
  exe(path.join(d, 'e', 'iot-jobs-lint'));
  const PATH = ['', path.join(d, 'a'), path.join(d, 'b'), path.join(d, 'nonexistent'), path.join(d, 'c'), path.join(d, 'e')].join(':');
  assert.deepEqual(resolveServer({ ...linux, extensionPath: d, env: { PATH } }), { command: c, source: 'path' });
});

test('nothing found: a message that tells how to install and how to set the path', () => {
  const d = tmp();
  const r = resolveServer({ ...linux, extensionPath: d, env: { PATH: path.join(d, 'empty') } });
  assert.ok(r.error);
  assert.ok(!('command' in r));
  assert.match(r.error, /cargo install --path crates\/iot-jobs-lint-cli/);
  assert.match(r.error, /iotJobsLint\.server\.path/);
  assert.match(r.error, /linux-x64/);
  const noPath = resolveServer({ ...linux, extensionPath: d, env: {} });
  assert.match(noPath.error, /cargo install/);
});
