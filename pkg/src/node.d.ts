// Types of the Node ESM entry: the same API as the browser entry (./index.d.ts).
export * from './index.js';
export { default } from './index.js';
