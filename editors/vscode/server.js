'use strict';
// Finds the iot-jobs-lint executable the extension starts as its language server. Kept free of
// any `vscode` import so the tests can run it in plain Node.
//
// Order: the `iotJobsLint.server.path` setting (must be an executable file) > the binary bundled
// in the extension for this platform (bin/<platform>-<arch>/iot-jobs-lint[.exe]) > `iot-jobs-lint`
// on PATH > an error that says how to get one.

const fs = require('fs');
const path = require('path');

const SETTING = 'iotJobsLint.server.path';
const INSTALL_HINT =
  'Install it from the iot-jobs-lint repository with `cargo install --path crates/iot-jobs-lint-cli` ' +
  `(it lands in ~/.cargo/bin, which should be on PATH), or set \`${SETTING}\` to the binary.`;

function exeName(platform) {
  return platform === 'win32' ? 'iot-jobs-lint.exe' : 'iot-jobs-lint';
}

function isExecutableFile(file, platform) {
  try {
    if (!fs.statSync(file).isFile()) return false;
    // Windows has no execute bit; a file is enough there.
    if (platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {object} opts
 * @param {string} [opts.settingPath] the `iotJobsLint.server.path` setting ('' or undefined: unset)
 * @param {string} opts.extensionPath the extension's folder (where bin/ is)
 * @param {string} [opts.platform] process.platform
 * @param {string} [opts.arch] process.arch
 * @param {object} [opts.env] process.env (PATH, and PATHEXT on Windows)
 * @returns {{command: string, source: 'setting'|'bundled'|'path'} | {error: string}}
 */
function resolveServer(opts) {
  const platform = opts.platform || process.platform;
  const arch = opts.arch || process.arch;
  const env = opts.env || process.env;
  const exe = exeName(platform);

  const setting = (opts.settingPath || '').trim();
  if (setting) {
    const file = setting.startsWith('~/') && env.HOME ? path.join(env.HOME, setting.slice(2)) : setting;
    if (isExecutableFile(file, platform)) return { command: file, source: 'setting' };
    return {
      error:
        `iot-jobs-lint: the setting \`${SETTING}\` is "${setting}", which is not an executable file. ` +
        `Fix the setting, or clear it to use the bundled server or \`${exe}\` on PATH.`,
    };
  }

  const bundled = path.join(opts.extensionPath, 'bin', `${platform}-${arch}`, exe);
  if (isExecutableFile(bundled, platform)) return { command: bundled, source: 'bundled' };

  const pathVar = env.PATH || env.Path || '';
  const sep = platform === 'win32' ? ';' : ':';
  const names =
    platform === 'win32'
      ? [exe, ...(env.PATHEXT || '.EXE').split(';').filter(Boolean).map((e) => 'iot-jobs-lint' + e.toLowerCase())]
      : [exe];
  for (const dir of pathVar.split(sep)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutableFile(candidate, platform)) return { command: candidate, source: 'path' };
    }
  }

  return {
    error:
      `iot-jobs-lint: no language server found (no binary bundled for ${platform}-${arch}, ` +
      `no \`${exe}\` on PATH). ${INSTALL_HINT}`,
  };
}

module.exports = { resolveServer, exeName, SETTING };
