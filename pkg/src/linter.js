// The package's checking functions, shared by every entry (index.js, index.cjs; build-pkg.sh
// writes linter.cjs from this file): createLinter() and the plain lint() and schedule().
//
// A linter reads its options once (in Rust, with the checks and TypeErrors of lint()) into five
// numbers, which it passes back with every call; a string input is encoded straight into a
// buffer in WebAssembly memory with TextEncoder.encodeInto. See
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

export function makeLinters(glue, guard) {
  const encoder = new TextEncoder();
  // The view over the input buffer (glue.__inputView) and the instance it belongs to: a view
  // from a replaced instance, or one detached by the growth of WebAssembly memory (its length is
  // then 0), is asked for again.
  let view = null;
  let viewGeneration = -1;

  /** Runs `mode` on `input` with `config` (the five numbers of __linterConfig). */
  function run(mode, input, config, count) {
    const [operation, edition, now, max, defaultCount] = config;
    // A string of at most `max` UTF-16 units may fit the limit; its UTF-8 takes at most 3 bytes a
    // unit, so a buffer of 3 × length (capped just past the limit) always tells.
    if (typeof input === 'string' && input.length <= max) {
      const capacity = Math.min(input.length * 3, max + 4);
      if (view === null || view.length < capacity || viewGeneration !== guard.generation() ||
          (view.length >= 1 << 20 && capacity < view.length / 4)) {
        view = glue.__inputView(capacity);
        viewGeneration = guard.generation();
      }
      const { read, written } = encoder.encodeInto(input, view);
      if (read === input.length && written <= max) {
        return glue.__run(mode, written, operation, edition, now, max, defaultCount, count);
      }
      // Over the limit: measured and answered without a copy by the general path.
    }
    return glue.__runValue(mode, input, operation, edition, now, max, defaultCount, count);
  }

  /** `count` of a call: undefined/null is the linter's own (NaN for Rust); Rust checks a number. */
  function countOf(func, count) {
    if (count === undefined || count === null) return NaN;
    if (typeof count === 'number') return count;
    throw new TypeError(`${func}(): count must be an integer from 1 to 1000; got a value of type ${typeof count}`);
  }

  function configOf(options, func, withCount) {
    return guard.call(func, glue.__linterConfig, options, func, withCount);
  }

  /**
   * A linter with its options read once: `lint`, `schedule`, `analyze` (both from one pass) and
   * `fix` (fixes applied round after round, as the CLI's `--fix`).
   */
  class Linter {
    #config;

    constructor(options) {
      this.#config = configOf(options ?? undefined, 'createLinter', true);
    }

    lint(input) {
      return guard.call('lint', run, MODE.lint, input, this.#config, NaN);
    }

    schedule(input, count) {
      return guard.call('schedule', run, MODE.schedule, input, this.#config, countOf('schedule', count));
    }

    analyze(input, count) {
      return guard.call('analyze', run, MODE.analyze, input, this.#config, countOf('analyze', count));
    }

    fix(input, applicability) {
      let mode;
      if (applicability === undefined || applicability === null || applicability === 'safe') mode = MODE.fix;
      else if (applicability === 'suggested') mode = MODE.fixSuggested;
      else {
        throw new TypeError(
          `fix(): applicability must be "safe" or "suggested"; got ${typeof applicability === 'string' ? quote(applicability) : `a value of type ${typeof applicability}`}`,
        );
      }
      return guard.call('fix', run, mode, input, this.#config, NaN);
    }
  }

  return {
    createLinter(options) {
      return new Linter(options);
    },

    // The plain functions: the options are read at each call. A string takes the linter's path;
    // anything else the type checks of lint() first (as before), then the options.
    lint(input, options) {
      if (typeof input !== 'string') return guard.call('lint', glue.lint, input, options);
      return guard.call('lint', run, MODE.lint, input, configOf(options ?? undefined, 'lint', false), NaN);
    },

    schedule(input, options) {
      if (typeof input !== 'string') return guard.call('schedule', glue.schedule, input, options);
      return guard.call('schedule', run, MODE.schedule, input, configOf(options ?? undefined, 'schedule', true), NaN);
    },
  };
}
