#!/usr/bin/env node
// The package's command, `npx iot-jobs-lint check [OPTIONS] FILE...` (package.json `bin`): the
// native CLI's `check` without Rust. The JSON, SARIF and GitHub outputs and the exit status are
// written by the Rust side (the WebAssembly export `__cliReport`, which calls the core's writers as
// the native CLI does); `human` is a one-line-per-diagnostic form of the same report. This file
// only parses arguments and reads files. Exit status: 0 no errors, 1 errors found, 2 usage or I/O
// failure, or an input whose operation could not be told.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
// The full module: the library's, plus CloudFormation templates, the report writers and the walk's
// template test (the crate's `cli` feature), which the library's .wasm leaves out.
import * as glue from './iot_jobs_lint_full.js';

glue.initSync({ module: readFileSync(new URL('./iot_jobs_lint_full_bg.wasm', import.meta.url)) });

// A reader that stops early (`| head`) closes the pipe: stop quietly, as the native CLI does,
// instead of Node's unhandled 'error' event and stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { version } = glue;

const USAGE = `Usage: iot-jobs-lint check [OPTIONS] <FILE>...

Lint request or response files (exit 0: no errors, 1: errors found, 2: usage or I/O failure).
FILE \`-\` reads standard input; a directory: its *.json files and YAML CloudFormation templates
at any depth (in a CDK cdk.out only *.template.json; names starting with \`.\` and node_modules
skipped), in file-name order.

Options:
  --format <human|json|sarif|github>  Output format [default: human]
  --operation <create-job|create-job-template|describe-job|describe-job-template>
  --now <RFC3339>                     The current time for the scheduling rules
  --service-model <2023-03-02|latest> [default: latest]
  --max-input-bytes <BYTES>           The largest file checked [default: 4194304]
  -h, --help                          Print help
  -V, --version                       Print version
`;

const DEFAULT_MAX_INPUT_BYTES = 4194304;

function usage(message) {
  process.stderr.write(`error: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parse(argv) {
  if (argv[0] === '-h' || argv[0] === '--help') {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (argv[0] === '-V' || argv[0] === '--version') {
    process.stdout.write(`iot-jobs-lint ${version()}\n`);
    process.exit(0);
  }
  if (argv[0] !== 'check') usage(argv.length ? `unknown command '${argv[0]}'` : 'a command is required');
  const args = { format: 'human', options: {}, files: [] };
  const valued = ['--format', '--operation', '--now', '--service-model', '--max-input-bytes'];
  let onlyFiles = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      args.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!valued.includes(name)) usage(`unexpected argument '${arg}'`);
    let value;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    else usage(`a value is required for '${name}'`);
    switch (name) {
      case '--format':
        if (!['human', 'json', 'sarif', 'github'].includes(value)) usage(`invalid value '${value}' for '--format'`);
        args.format = value;
        break;
      case '--operation':
        args.options.operation = value;
        break;
      case '--now':
        args.options.now = value;
        break;
      case '--service-model':
        args.options.serviceModel = value;
        break;
      case '--max-input-bytes':
        if (!/^\d+$/.test(value)) usage(`invalid value '${value}' for '--max-input-bytes'`);
        args.options.maxInputBytes = Number(value);
        break;
    }
  }
  if (args.files.length === 0) usage('at least one FILE is required');
  return args;
}

// The text of an OS error as Rust's std::io::Error shows it (`strerror (os error N)`), so that an
// unreadable file's JSON entry reads as the native CLI's. Node gives libuv's lower-case text.
const STRERROR = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EIO: 'Input/output error',
};

function why(e) {
  if (typeof e?.code === 'string' && typeof e.errno === 'number') {
    const text = STRERROR[e.code] ?? (e.message.split(',')[0].replace(/^[A-Z]+: /, '') || e.code);
    return `${text} (os error ${Math.abs(e.errno)})`;
  }
  return e instanceof Error ? e.message : String(e);
}

function special(stat) {
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return undefined;
}

/** What `__cliReport` takes for one file: its bytes, its size when over the limit, or an error. */
function read(path, limit) {
  try {
    if (path === '-') {
      // Over the limit: as the native CLI, which reads standard input up to one byte past it.
      const input = readFileSync(0);
      return input.length > limit ? { path, tooLarge: null } : { path, input };
    }
    const stat = statSync(path);
    const what = special(stat);
    if (what) {
      throw new Error(`it is ${what}, not a regular file; to check what it holds, give it on standard input: iot-jobs-lint check - < FILE`);
    }
    if (stat.isFile() && stat.size > limit) return { path, tooLarge: stat.size };
    return { path, input: readFileSync(path) };
  } catch (e) {
    return { path, error: why(e) };
  }
}

// Byte order of the names' UTF-8, as Rust sorts them (not UTF-16 order, not the locale's).
const byName = (a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name));

/** Whether `dir` is a CDK cloud assembly: named `cdk.out`, or holding the `cdk.out` marker file. */
const cloudAssembly = (dir) => {
  if (dir.split('/').includes('cdk.out')) return true;
  try {
    return statSync(`${dir}/cdk.out`).isFile();
  } catch {
    return false;
  }
};

/**
 * Whether a directory walk checks a file, as the native CLI decides: `*.json` (in a CDK
 * `cdk.out`, only `*.template.json`), and `*.yaml`, `*.yml`, `*.template` files whose first
 * 64 KiB the core reads as a CloudFormation template.
 */
function walked(path, name) {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
  if (name.endsWith('.json')) return !cloudAssembly(dir) || name.endsWith('.template.json');
  if (!/\.(ya?ml|template)$/.test(name)) return false;
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(64 * 1024);
      const n = readSync(fd, head, 0, head.length, 0);
      return glue.__isTemplate(head.subarray(0, n).toString('utf8'));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * The files to check: each FILE as given; a directory's `*.json` files and YAML templates at any depth, entries whose
 * name starts with `.` and `node_modules` left out, each level in file-name order (the native CLI
 * walks directories the same way), shown without a leading `./`. Symbolic links inside a
 * directory are not followed. A directory without any `*.json` file is an error (status 2).
 */
function expand(paths) {
  const out = [];
  const errors = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      // Reported when it is read.
      out.push(dir);
      return;
    }
    for (const entry of entries.sort(byName)) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = dir === '.' || dir === './' ? entry.name : dir.endsWith('/') ? `${dir}${entry.name}` : `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && walked(path, entry.name)) out.push(path);
    }
  };
  for (const path of paths) {
    let dir = false;
    try {
      dir = path !== '-' && statSync(path).isDirectory();
    } catch {
      // Reported when it is read.
    }
    if (dir) {
      const before = out.length;
      walk(path.startsWith('./') && path !== './' ? path.slice(2) : path);
      if (out.length === before) errors.push(`no *.json file or YAML template in directory ${path}`);
    } else out.push(path);
  }
  return { paths: out, errors };
}

/** `path:line:col: severity[code] message`, one line per diagnostic, and a summary per file. */
function human(json) {
  let out = '';
  for (const file of JSON.parse(json).files) {
    if (file.error !== undefined) continue;
    for (const d of file.diagnostics) {
      out += `${file.path}:${d.line}:${d.column}: ${d.severity}[${d.code}] ${d.message}\n`;
    }
    const n = (s) => file.diagnostics.filter((d) => d.severity === s).length;
    const operation =
      file.templateResources != null
        ? `CloudFormation template, ${file.templateResources} IoT job resource${file.templateResources === 1 ? '' : 's'}`
        : file.operation ?? 'unknown operation';
    out += `${file.path}: ${operation}${file.operationDetected && file.templateResources == null ? ' (detected)' : ''}, service model ${file.serviceModel}: ${n('error')} error(s), ${n('warning')} warning(s)\n`;
  }
  return out;
}

function main() {
  const args = parse(process.argv.slice(2));
  const limit = args.options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const { paths, errors } = expand(args.files);
  for (const error of errors) process.stderr.write(`error: ${error}\n`);
  const files = paths.map((path) => read(path, limit));
  let written;
  try {
    written = glue.__cliReport(files, args.format === 'human' ? 'json' : args.format, args.options);
  } catch (e) {
    usage(e instanceof Error ? e.message : String(e));
  }
  process.stderr.write(written.stderr);
  process.stdout.write(args.format === 'human' ? human(written.text) : written.text);
  process.exitCode = errors.length ? 2 : written.status;
}

main();
