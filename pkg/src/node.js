// Entry for Node's `import`: the browser entry, with the WebAssembly module compiled and
// instantiated synchronously when this module loads, so no `init()` call is needed (calling it
// anyway is harmless, so code written for the browser runs unchanged). The template module is
// compiled the same way, at the first CloudFormation template.
import { readFileSync } from 'node:fs';
import { initSync, initTemplatesSync } from './index.js';
import { templateModule } from './templates.js';

initSync({ module: readFileSync(new URL('./iot_jobs_lint_bg.wasm', import.meta.url)) });
templateModule.load = () => initTemplatesSync({ module: readFileSync(new URL('./iot_jobs_lint_full_bg.wasm', import.meta.url)) });

export * from './index.js';
export { default } from './index.js';
