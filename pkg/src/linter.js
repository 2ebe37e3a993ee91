// The package's checking functions, shared by every entry (index.js, index.cjs; build-pkg.sh
// writes linter.cjs from this file): createLinter() and the plain lint() and schedule().
//
// A linter reads its options once (in Rust, with the checks and TypeErrors of lint()) into six
// numbers, which it passes back with every call; a string input is encoded straight into a
// buffer in WebAssembly memory with TextEncoder.encodeInto; the result comes back as one text and
// an array of numbers (the compact layout, read by decode() below). See
// crates/iot-jobs-lint-wasm/src/linter.rs for the Rust side and the measurements behind this
// design. Every call runs through the guard (guard.js).
//
// `glue` is the wasm-bindgen module, `guard` the guard made for it by makeGuard().

const MODE = { lint: 0, schedule: 1, analyze: 2, fix: 3, fixSuggested: 4 };

/** A string for a message: cut to 40 characters, quoted, everything outside printable ASCII escaped. */
function quote(text) {
  const shown = JSON.stringify(text.slice(0, 40)).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > 40 ? `${shown}…` : shown;
}

const NONE = 0xffffffff;
const OPERATIONS = [null, 'create-job', 'create-job-template', 'describe-job', 'describe-job-template'];
const SEVERITIES = ['error', 'warning', 'info'];

// A result in the compact layout of crates/iot-jobs-lint-wasm/src/compact.rs: every string in one
// text (each taken by its UTF-16 length, NONE for null), everything else in `numbers`, in the
// order of the fields of the package's types. These functions read it back into those objects.
class Reader {
  constructor(text, numbers) {
    this.text = text;
    this.numbers = numbers;
    this.at = 0; // in numbers
    this.pos = 0; // in text
  }

  num() {
    return this.numbers[this.at++];
  }

  str() {
    const len = this.numbers[this.at++];
    if (len === NONE) return null;
    const s = this.text.slice(this.pos, this.pos + len);
    this.pos += len;
    return s;
  }

  span() {
    const start = this.num();
    return { start, end: this.num() };
  }

  diagnostics() {
    const list = new Array(this.num());
    for (let i = 0; i < list.length; i++) {
      const code = this.str();
      const severity = SEVERITIES[this.num()];
      const pointer = this.str();
      const message = this.str();
      const help = this.str();
      const line = this.num();
      const column = this.num();
      const endLine = this.num();
      const endColumn = this.num();
      const span = this.span();
      const fixes = new Array(this.num());
      for (let f = 0; f < fixes.length; f++) {
        const fixMessage = this.str();
        const applicability = this.num() === 1 ? 'suggested' : 'safe';
        const edits = new Array(this.num());
        for (let e = 0; e < edits.length; e++) {
          const editSpan = this.span();
          edits[e] = { span: editSpan, replacement: this.str() };
        }
        fixes[f] = { message: fixMessage, applicability, edits };
      }
      const related = new Array(this.num());
      for (let r = 0; r < related.length; r++) {
        const relatedPointer = this.str();
        const relatedMessage = this.str();
        const relatedSpan = this.span();
        const relatedLine = this.num();
        related[r] = { pointer: relatedPointer, message: relatedMessage, span: relatedSpan, line: relatedLine, column: this.num() };
      }
      list[i] = { code, severity, pointer, message, help, line, column, endLine, endColumn, span, fixes, related };
    }
    return list;
  }

  report() {
    const operation = OPERATIONS[this.num()];
    const operationDetected = this.num() === 1;
    const serviceModel = this.num() === 1 ? '2023-03-02' : 'latest';
    const report = { operation, operationDetected, serviceModel, diagnostics: this.diagnostics() };
    const resources = this.num();
    if (resources !== NONE) report.templateResources = resources;
    return report;
  }

  schedule() {
    const operation = OPERATIONS[this.num()];
    const from = this.str();
    const until = this.str();
    const declaredWindows = this.num();
    const previewableWindows = this.num();
    const scheduledJobRollouts = new Array(this.num());
    for (let i = 0; i < scheduledJobRollouts.length; i++) scheduledJobRollouts[i] = { startTime: this.str() };
    const windows = new Array(this.num());
    for (let i = 0; i < windows.length; i++) {
      const start = this.str();
      const end = this.str();
      windows[i] = { start, end, maintenanceWindow: this.num() };
    }
    return { operation, from, until, declaredWindows, previewableWindows, scheduledJobRollouts, windows, diagnostics: this.diagnostics() };
  }
}

/** The result of `mode` from the text __run returned and the numbers beside it. */
function decode(mode, text, numbers) {
  const r = new Reader(text, numbers);
  switch (mode) {
    case MODE.lint:
      return r.report();
    case MODE.schedule:
      return r.schedule();
    case MODE.analyze: {
      const report = r.report();
      return { report, schedule: r.schedule() };
    }
    default: {
      const output = r.str();
      const applied = r.num();
      return { output, applied, report: r.report() };
    }
  }
}

/** Whether a result is the library module's answer to a template: "not checked" and nothing else. */
function notChecked(result) {
  const lists = [result.diagnostics, result.report?.diagnostics, result.schedule?.diagnostics];
  return lists.some((list) => list?.length === 1 && list[0].code === 'input/template-not-checked');
}

// `templates` (optional): returns the linters of the full module (with CloudFormation template
// support), loading it if it can, or null. A result of this module that says a template was not
// checked is then computed there instead, through that module's own guard.
export function makeLinters(glue, guard, templates) {
  // Taken once: a replaced TextEncoder.prototype.encodeInto or Date.now must not run between
  // writing the input into the shared buffer and reading it (it could call the package, which
  // would overwrite the buffer).
  const encodeInto = TextEncoder.prototype.encodeInto.bind(new TextEncoder());
  const clock = Date.now;
  // The view over the input buffer (glue.__inputView) and the instance it belongs to: a view
  // from a replaced instance, or one detached by the growth of WebAssembly memory (its length is
  // then 0), is asked for again.
  let view = null;
  let viewGeneration = -1;

  /** A view over the input buffer of at least `capacity` bytes (asked for again when stale). */
  function viewOf(capacity) {
    if (view === null || view.length < capacity || viewGeneration !== guard.generation() ||
        (view.length >= 1 << 20 && capacity < view.length / 4)) {
      view = glue.__inputView(capacity);
      viewGeneration = guard.generation();
    }
    return view;
  }

  /** Runs `mode` on `input` with `config` (the six numbers of __linterConfig). */
  function run(mode, input, config, count) {
    const [operation, edition, configSeconds, configNanos, max, defaultCount] = config;
    let seconds = configSeconds;
    let nanos = configNanos;
    // A string of at most `max` UTF-16 units may fit the limit.
    if (typeof input === 'string' && input.length <= max) {
      if (Number.isNaN(seconds)) {
        // The host's clock, read before the input is written (see `clock`).
        const ms = clock();
        seconds = Math.floor(ms / 1000);
        nanos = (ms - seconds * 1000) * 1e6;
      }
      // Sized for mostly-ASCII text first (a few bytes over the length); text that does not fit
      // is encoded again into 3 bytes a unit (UTF-8's most), capped just past the limit, which
      // always tells. So a big ASCII input does not grow WebAssembly memory to 3 times its size.
      let capacity = Math.min(input.length + (input.length >> 3) + 16, max + 4);
      let { read, written } = encodeInto(input, viewOf(capacity));
      if (read < input.length && capacity < max + 4) {
        capacity = Math.min(input.length * 3, max + 4);
        ({ read, written } = encodeInto(input, viewOf(capacity)));
      }
      if (read === input.length && written <= max) {
        const text = glue.__run(mode, written, operation, edition, seconds, nanos, max, defaultCount, count);
        return decode(mode, text, glue.__resultNumbers());
      }
      // Over the limit: measured and answered without a copy by the general path.
    }
    const text = glue.__runValue(mode, input, operation, edition, seconds, nanos, max, defaultCount, count);
    return decode(mode, text, glue.__resultNumbers());
  }

  /** `count` of a call: undefined/null is the linter's own (NaN for Rust); Rust checks a number. */
  function countOf(func, count) {
    if (count === undefined || count === null) return NaN;
    if (typeof count === 'number' && !Number.isNaN(count)) return count;
    const got = typeof count === 'number' ? 'NaN' : `a value of type ${typeof count}`;
    throw new TypeError(`${func}(): count must be an integer from 1 to 1000; got ${got}`);
  }

  function configOf(options, func, withCount) {
    return guard.call(func, glue.__linterConfig, options, func, withCount);
  }

  /** `run` through the guard, and through the full module when this one leaves a template out. */
  function call(name, mode, input, config, count) {
    const result = guard.call(name, run, mode, input, config, count);
    if (templates && notChecked(result)) {
      const full = templates();
      if (full) return full.call(name, mode, input, config, count);
    }
    return result;
  }

  /**
   * A linter with its options read once: `lint`, `schedule`, `analyze` (both from one pass) and
   * `fix` (fixes applied round after round, as the CLI's `--fix`). Its methods are closures, so
   * they work when taken off it (`texts.map(linter.lint)`).
   */
  function makeLinter(options) {
    const config = configOf(options ?? undefined, 'createLinter', true);
    return Object.freeze({
      lint: (input) => call('lint', MODE.lint, input, config, NaN),
      schedule: (input, count) => call('schedule', MODE.schedule, input, config, countOf('schedule', count)),
      analyze: (input, count) => call('analyze', MODE.analyze, input, config, countOf('analyze', count)),
      fix(input, applicability) {
        let mode;
        if (applicability === undefined || applicability === null || applicability === 'safe') mode = MODE.fix;
        else if (applicability === 'suggested') mode = MODE.fixSuggested;
        else {
          throw new TypeError(
            `fix(): applicability must be "safe" or "suggested"; got ${typeof applicability === 'string' ? quote(applicability) : `a value of type ${typeof applicability}`}`,
          );
        }
        return call('fix', mode, input, config, NaN);
      },
    });
  }

  /** The plain function `name` of the glue for input that is not a string (bytes, objects). */
  function plain(name, input, options) {
    const result = guard.call(name, glue[name], input, options);
    if (templates && notChecked(result)) {
      const full = templates();
      if (full) return full[name](input, options);
    }
    return result;
  }

  return {
    call,

    createLinter(options) {
      return makeLinter(options);
    },

    // The plain functions: the options are read at each call. A string takes the linter's path;
    // anything else the type checks of lint() first (as before), then the options.
    lint(input, options) {
      if (typeof input !== 'string') return plain('lint', input, options);
      return call('lint', MODE.lint, input, configOf(options ?? undefined, 'lint', false), NaN);
    },

    schedule(input, options) {
      if (typeof input !== 'string') return plain('schedule', input, options);
      return call('schedule', MODE.schedule, input, configOf(options ?? undefined, 'schedule', true), NaN);
    },
  };
}
