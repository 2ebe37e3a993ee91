// Entry for Node's `import`: the browser entry, with the WebAssembly module compiled and
// instantiated synchronously when this module loads, so no `init()` call is needed (calling it
// anyway is harmless, so code written for the browser runs unchanged).
import { readFileSync } from 'node:fs';
import { initSync } from './index.js';

initSync({ module: readFileSync(new URL('./iot_jobs_lint_bg.wasm', import.meta.url)) });

export * from './index.js';
export { default } from './index.js';
