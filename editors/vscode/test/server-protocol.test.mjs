// The real language server with what the extension sends: `<IOT_JOBS_LINT_BIN> lsp` gets the
// initializationOptions extension.js builds from the default settings, answers `initialize`, and
// publishes diagnostics for a job file (examples/broken.job.json) and none for a JSON file that is
// not one. Skipped without IOT_JOBS_LINT_BIN (scripts/test.sh sets it to the debug build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Module, { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const extDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(extDir, '..', '..');
const bin = process.env.IOT_JOBS_LINT_BIN;

function initializationOptionsFromDefaults() {
  const realLoad = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'vscode' || request === 'vscode-languageclient/node') return {};
    return realLoad.call(this, request, ...rest);
  };
  try {
    const { initializationOptions } = require('../extension.js');
    const props = JSON.parse(fs.readFileSync(path.join(extDir, 'package.json'), 'utf8')).contributes.configuration.properties;
    const settings = { ...Object.fromEntries(Object.entries(props).map(([k, v]) => [k.replace('iotJobsLint.', ''), v.default])), now: '2026-12-05T12:00:00Z' };
    return initializationOptions({ get: (k) => settings[k] });
  } finally {
    Module._load = realLoad;
  }
}

class Server {
  constructor() {
    this.child = spawn(bin, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.buf = Buffer.alloc(0);
    this.messages = [];
    this.waiters = [];
    this.nextId = 1;
    this.child.stdout.on('data', (d) => {
      this.buf = Buffer.concat([this.buf, d]);
      for (;;) {
        const end = this.buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const len = Number(/Content-Length: (\d+)/i.exec(this.buf.toString('ascii', 0, end))[1]);
        if (this.buf.length < end + 4 + len) return;
        const msg = JSON.parse(this.buf.toString('utf8', end + 4, end + 4 + len));
        this.buf = this.buf.subarray(end + 4 + len);
        this.messages.push(msg);
        this.waiters = this.waiters.filter((w) => !(w.pred(msg) && (w.resolve(msg), true)));
      }
    });
  }
  send(msg) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }));
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }
  wait(pred, what, ms = 10000) {
    const seen = this.messages.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      this.waiters.push({ pred, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }
  request(method, params) {
    const id = this.nextId++;
    this.send({ id, method, params });
    return this.wait((m) => m.id === id && !m.method, method);
  }
}

test('the server takes the extension initializationOptions and lints job files only', { skip: !bin && 'IOT_JOBS_LINT_BIN not set' }, async () => {
  const options = initializationOptionsFromDefaults();
  assert.equal(options.now, '2026-12-05T12:00:00Z');
  const s = new Server();
  const exited = new Promise((resolve) => s.child.on('exit', resolve));
  const init = await s.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(repoRoot).href,
    capabilities: {},
    initializationOptions: options,
  });
  assert.ok(!init.error, JSON.stringify(init.error));
  assert.ok(init.result.capabilities.textDocumentSync !== undefined);
  s.send({ method: 'initialized', params: {} });

  const job = path.join(repoRoot, 'examples', 'broken.job.json');
  const jobUri = pathToFileURL(job).href;
  s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: jobUri, languageId: 'json', version: 1, text: fs.readFileSync(job, 'utf8') } } });
  const diags = await s.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === jobUri, 'diagnostics of broken.job.json');
  assert.ok(diags.params.diagnostics.length > 0);
  assert.ok(diags.params.diagnostics.every((d) => d.source === 'iot-jobs-lint'), JSON.stringify(diags.params.diagnostics[0]));

  // A JSON file that is not a job file (the extension's own manifest) gets nothing.
  const other = pathToFileURL(path.join(extDir, 'package.json')).href;
  s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: other, languageId: 'json', version: 1, text: fs.readFileSync(path.join(extDir, 'package.json'), 'utf8') } } });
  const hover = await s.request('textDocument/hover', { textDocument: { uri: other }, position: { line: 1, character: 4 } });
  assert.ok(!hover.error);
  const forOther = s.messages.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === other);
  assert.ok(forOther.every((m) => m.params.diagnostics.length === 0), JSON.stringify(forOther));

  await s.request('shutdown', null);
  s.send({ method: 'exit' });
  assert.equal(await exited, 0);
});
