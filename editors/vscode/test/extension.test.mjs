// extension.js against a stub `vscode` module and a recording LanguageClient (Module._load is
// hooked, so no VS Code is needed): activation starts `<server> lsp` with the settings as
// initializationOptions, a settings change restarts it, and a missing server is an error message.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Module, { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const extPath = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');

let settings;
let clients;
let errors;
let executed;
let configListeners;
let commands;
let errorChoice;

class FakeLanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions, started: false, stopped: false });
    clients.push(this);
  }
  async start() {
    this.started = true;
  }
  async stop() {
    this.stopped = true;
  }
}

const vscodeStub = {
  workspace: {
    getConfiguration(section) {
      assert.equal(section, 'iotJobsLint');
      return { get: (key) => settings[key] };
    },
    onDidChangeConfiguration(listener) {
      configListeners.push(listener);
      return { dispose() {} };
    },
  },
  window: {
    createOutputChannel: (name) => ({ name, lines: [], appendLine(l) { this.lines.push(l); }, dispose() {} }),
    showErrorMessage: async (message, ...items) => {
      errors.push({ message, items });
      return errorChoice;
    },
  },
  commands: {
    registerCommand(id, fn) {
      commands[id] = fn;
      return { dispose() {} };
    },
    executeCommand: async (...args) => {
      executed.push(args);
    },
  },
};

const realLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscodeStub;
  if (request === 'vscode-languageclient/node') return { LanguageClient: FakeLanguageClient };
  return realLoad.call(this, request, parent, isMain);
};
const extension = require('../extension.js');

// A fake server on a PATH of its own, and an extension folder without bin/.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iot-jobs-lint-vscode-ext-'));
const fakeServer = path.join(dir, 'bin', 'iot-jobs-lint');
fs.mkdirSync(path.dirname(fakeServer));
fs.writeFileSync(fakeServer, '#!/bin/sh\n');
fs.chmodSync(fakeServer, 0o755);
const context = () => ({ extensionPath: path.join(dir, 'ext'), subscriptions: [] });

const defaults = () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(extPath, 'package.json'), 'utf8'));
  const props = manifest.contributes.configuration.properties;
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k.replace(/^iotJobsLint\./, ''), v.default]));
};

beforeEach(() => {
  settings = defaults();
  clients = [];
  errors = [];
  executed = [];
  configListeners = [];
  commands = {};
  errorChoice = undefined;
});

test('activation with the default settings starts `iot-jobs-lint lsp` for JSON files', async () => {
  settings['server.path'] = fakeServer;
  const ctx = context();
  await extension.activate(ctx);
  assert.equal(clients.length, 1);
  const [c] = clients;
  assert.ok(c.started);
  assert.deepEqual(c.serverOptions, { command: fakeServer, args: ['lsp'] });
  assert.deepEqual(c.clientOptions.documentSelector, [
    { scheme: 'file', language: 'json' },
    { scheme: 'file', language: 'yaml' },
  ]);
  assert.deepEqual(c.clientOptions.initializationOptions, {
    serviceModel: 'latest',
    jobFiles: [
      { glob: '**/*.job.json', operation: 'create-job' },
      { glob: '**/*.job-template.json', operation: 'create-job-template' },
      { glob: '**/*describe-job.output.json', operation: 'describe-job' },
      { glob: '**/*describe-job-template.output.json', operation: 'describe-job-template' },
    ],
  });
  assert.ok(!('now' in c.clientOptions.initializationOptions), 'empty now: the server uses its clock');
  assert.equal(errors.length, 0);
  assert.ok(ctx.subscriptions.length >= 3);
  await extension.deactivate();
  assert.ok(c.stopped);
});

test('the settings reach initializationOptions; a settings change restarts the client', async () => {
  settings['server.path'] = fakeServer;
  settings.now = ' 2026-12-05T12:00:00Z ';
  settings.serviceModel = '2023-03-02';
  settings.jobFiles = [
    { glob: 'jobs/**/*.json', operation: 'create-job' },
    { glob: '**/*.any.json' }, // no operation: detected from the content
    { glob: '**/*.odd.json', operation: 'no-such-operation' },
    { glob: '' }, // dropped
  ];
  await extension.activate(context());
  assert.deepEqual(clients[0].clientOptions.initializationOptions, {
    now: '2026-12-05T12:00:00Z',
    serviceModel: '2023-03-02',
    jobFiles: [
      { glob: 'jobs/**/*.json', operation: 'create-job' },
      { glob: '**/*.any.json', operation: null },
      { glob: '**/*.odd.json', operation: 'no-such-operation' },
    ],
  });

  // A change elsewhere leaves the client alone.
  assert.equal(configListeners.length, 1);
  await configListeners[0]({ affectsConfiguration: (s) => s === 'editor' });
  assert.equal(clients.length, 1);

  settings.serviceModel = 'latest';
  settings.now = '';
  await configListeners[0]({ affectsConfiguration: (s) => s === 'iotJobsLint' });
  assert.equal(clients.length, 2);
  assert.ok(clients[0].stopped, 'the old client is stopped');
  assert.ok(clients[1].started);
  assert.equal(clients[1].clientOptions.initializationOptions.serviceModel, 'latest');
  assert.ok(!('now' in clients[1].clientOptions.initializationOptions));

  // The restart command does the same.
  await commands['iotJobsLint.restartServer']();
  assert.equal(clients.length, 3);
  assert.ok(clients[1].stopped && clients[2].started);

  // Changes in quick succession restart one after another: one client is left running.
  const change = { affectsConfiguration: (s) => s === 'iotJobsLint' };
  await Promise.all([configListeners[0](change), configListeners[0](change), commands['iotJobsLint.restartServer']()]);
  assert.equal(clients.length, 6);
  assert.deepEqual(clients.map((c) => c.stopped), [true, true, true, true, true, false]);
  await extension.deactivate();
  assert.ok(clients[5].stopped);
});

test('the server on PATH is used when the setting is empty and nothing is bundled', async (t) => {
  const saved = process.env.PATH;
  process.env.PATH = path.dirname(fakeServer);
  t.after(() => {
    process.env.PATH = saved;
  });
  await extension.activate(context());
  assert.deepEqual(clients[0].serverOptions, { command: fakeServer, args: ['lsp'] });
  await extension.deactivate();
});

test('no server: an error message with Open Settings, and no client', async (t) => {
  const saved = process.env.PATH;
  process.env.PATH = path.join(dir, 'empty');
  t.after(() => {
    process.env.PATH = saved;
  });
  errorChoice = 'Open Settings';
  await extension.activate(context());
  assert.equal(clients.length, 0);
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /cargo install --path crates\/iot-jobs-lint-cli/);
  assert.deepEqual(errors[0].items, ['Open Settings']);
  assert.deepEqual(executed, [['workbench.action.openSettings', 'iotJobsLint.server.path']]);

  // A wrong setting names the setting.
  errorChoice = undefined;
  settings['server.path'] = path.join(dir, 'missing');
  await configListeners[0]({ affectsConfiguration: (s) => s === 'iotJobsLint' });
  assert.equal(clients.length, 0);
  assert.match(errors[1].message, /iotJobsLint\.server\.path/);
  await extension.deactivate();
});
