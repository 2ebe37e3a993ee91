'use strict';
// The VS Code side of iot-jobs-lint: starts `iot-jobs-lint lsp` as the language server for JSON
// files (the server stays quiet on JSON it cannot identify) and restarts it when the
// `iotJobsLint.*` settings change. The JSON Schemas are contributed in package.json.

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { resolveServer, SETTING } = require('./server');

const SECTION = 'iotJobsLint';

/** @type {import('vscode-languageclient/node').LanguageClient | undefined} */
let client;
let outputChannel;

/** The server's `initializationOptions`, from the `iotJobsLint.*` settings. */
function initializationOptions(config) {
  const options = {};
  const now = (config.get('now') || '').trim();
  if (now) options.now = now;
  options.serviceModel = config.get('serviceModel') || 'latest';
  const jobFiles = config.get('jobFiles');
  options.jobFiles = (Array.isArray(jobFiles) ? jobFiles : [])
    .filter((f) => f && typeof f.glob === 'string' && f.glob !== '')
    // An operation the server does not know is passed on, so that its log names the mistake.
    .map((f) => ({
      glob: f.glob,
      operation: typeof f.operation === 'string' && f.operation !== '' ? f.operation : null,
    }));
  return options;
}

async function start(context) {
  const config = vscode.workspace.getConfiguration(SECTION);
  const server = resolveServer({
    settingPath: config.get('server.path'),
    extensionPath: context.extensionPath,
  });
  if (server.error) {
    outputChannel.appendLine(server.error);
    const choice = await vscode.window.showErrorMessage(server.error, 'Open Settings');
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', SETTING);
    }
    return undefined;
  }
  outputChannel.appendLine(`Starting ${server.command} lsp (${server.source})`);
  const serverOptions = { command: server.command, args: ['lsp'] };
  const clientOptions = {
    // JSON request files, and CloudFormation templates in JSON or YAML.
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'yaml' },
    ],
    initializationOptions: initializationOptions(config),
    outputChannel,
  };
  const c = new LanguageClient('iotJobsLint', 'iot-jobs-lint', serverOptions, clientOptions);
  try {
    await c.start();
  } catch (e) {
    const message = `iot-jobs-lint: the language server (${server.command}) did not start: ${e && e.message ? e.message : e}`;
    outputChannel.appendLine(message);
    vscode.window.showErrorMessage(message);
  }
  return c;
}

async function stop() {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop();
    } catch {
      // A server that never started or already exited has nothing to stop.
    }
  }
}

// Restarts run one after another: settings changed twice in a row must not leave two servers.
let queue = Promise.resolve();
function restart(context) {
  queue = queue.then(async () => {
    await stop();
    client = await start(context);
  });
  return queue;
}

async function activate(context) {
  outputChannel = vscode.window.createOutputChannel('iot-jobs-lint');
  context.subscriptions.push(outputChannel);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) return restart(context);
      return undefined;
    }),
    vscode.commands.registerCommand('iotJobsLint.restartServer', () => restart(context)),
  );
  client = await start(context);
}

function deactivate() {
  // After any restart under way, so that no server outlives the extension.
  queue = queue.then(stop);
  return queue;
}

module.exports = { activate, deactivate, initializationOptions };
