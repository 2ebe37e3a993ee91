// The template module's state, shared by the ESM entries (index.js; node.js sets `load`): the
// full module (iot_jobs_lint_full_bg.wasm: the library plus CloudFormation templates) is loaded
// only for the first template, by initTemplates() in browsers and on demand in Node.
import * as fullGlue from './iot_jobs_lint_full.js';
import { makeGuard } from './guard.js';
import { makeLinters } from './linter.js';

const fullGuard = makeGuard(fullGlue, false);
let full = null;

export const templateModule = {
  /** Set by the Node entry: loads the module synchronously (from the file beside it). */
  load: null,

  /** Marks the module as instantiated and makes its linters. */
  ready() {
    fullGuard.ready();
    full ??= makeLinters(fullGlue, fullGuard, null);
  },

  /** The full module's linters: loaded now if a loader is set and it was not yet, else null. */
  linters() {
    if (full === null && templateModule.load !== null) {
      try {
        templateModule.load();
      } catch {
        // Not there (a test build) or not loadable: templates stay "not checked".
        templateModule.load = null;
      }
    }
    return full;
  },

  glue: fullGlue,
};
