// Recovery from an internal error, shared by every entry of the package (index.js for browsers,
// bundlers and Node's `import`, index.cjs for Node's `require`; build-pkg.sh writes guard.cjs from
// this file).
//
// A WebAssembly call that does not return — a trap, a Rust panic (whose hook throws an Error), a
// JS exception thrown through the WebAssembly frames — skips Rust's clean-up: the shadow stack
// pointer, the allocator's state and the panic count are left as they were at the throw. The
// instance is then unsound (the next panic traps with `unreachable`; after a few hundred such
// throws every call fails with `memory access out of bounds`, valid input included).
//
// So each public function runs through `call()`, which tells a call that returned from one that
// did not: the Rust side counts its exported calls in and out (`__callsInProgress`, a drop guard),
// so after a throw the count is the number of calls still under way (nested calls: a `toJSON` that
// calls `lint()`) only if the throwing call returned. A `TypeError` from a call that returned is
// misuse and is thrown as it is; anything else marks the instance broken, and the failing call
// throws an `Error` that says it was an internal error (the original as its `cause`). Once no call
// is under way any more, the instance is replaced: wasm-bindgen's `__wbg_reset_state()` (emitted by
// `--experimental-reset-state-function`) instantiates the already compiled module afresh,
// synchronously, with new memory and state; the old instance and its memory become garbage.
//
// `glue` is the wasm-bindgen module (its namespace or exports object); `ready` says whether it is
// instantiated already (Node) or waits for init() (browsers, bundlers).

const INTERNAL = /^iot-jobs-lint: internal error(?: \(please report it\))?[:,] */;

/** What a thrown value says, for a message (never throws). */
function describe(error) {
  try {
    let text;
    if (error instanceof Error) {
      text = String(error.message).replace(INTERNAL, '');
      if (error.name !== 'Error') text = `${error.name}: ${text}`;
    } else {
      text = String(error);
    }
    // A panic's message spans lines ("panicked at src/lib.rs:1:2:\nwhat"): one line here.
    return text.replace(/\s*\n\s*/g, ' ');
  } catch {
    return 'an unprintable exception';
  }
}

export function makeGuard(glue, ready) {
  let depth = 0; // calls of the public functions under way (nested ones included)
  let broken = false;
  let generation = 0; // how many times the instance was replaced

  /** Whether the call that just threw returned from WebAssembly (as misuse does). */
  function returned() {
    try {
      return glue.__callsInProgress() === depth - 1;
    } catch {
      return false;
    }
  }

  return {
    /** Marks the glue as instantiated (after init() or initSync()). */
    ready() {
      ready = true;
    },

    /** How many times the instance was replaced: views into its memory from before are stale. */
    generation() {
      return generation;
    },

    /** Runs `fn(...args)` (a function of the glue, or one that calls the glue) as the public function `name`. */
    call(name, fn, ...args) {
      if (!ready) {
        throw new TypeError(
          `iot-jobs-lint: ${name}() was called before the WebAssembly module was loaded: await init() first (browsers and bundlers; in Node the module is ready on import)`,
        );
      }
      if (broken && depth === 0) {
        // The replacement after the last failure did not succeed (out of memory?): try again.
        try {
          glue.__wbg_reset_state();
          generation++;
          broken = false;
        } catch (error) {
          throw new Error(
            `iot-jobs-lint: ${name}() cannot run: the WebAssembly instance could not be replaced after an internal error (${describe(error)})`,
            { cause: error },
          );
        }
      }
      depth++;
      try {
        return fn(...args);
      } catch (error) {
        if (!broken && error instanceof TypeError && returned()) throw error;
        broken = true;
        throw new Error(
          `iot-jobs-lint: internal error in ${name}() (please report it): ${describe(error)}; the WebAssembly instance is replaced by a fresh one, so later calls work`,
          { cause: error },
        );
      } finally {
        depth--;
        if (broken && depth === 0) {
          try {
            glue.__wbg_reset_state();
            generation++;
            broken = false;
          } catch {
            // Still broken: the next call tries again, and says why it cannot run if that fails.
          }
        }
      }
    },
  };
}
