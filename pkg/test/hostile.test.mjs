// Misuse that makes a JS call inside the wrapper throw (spoofed or revoked objects, throwing
// proxies, detached buffers) must end as a TypeError every time and leave the module working:
// an uncaught throw inside a wasm-bindgen import skips the wasm stack clean-up, and a few
// thousand of them once corrupted the module ("memory access out of bounds").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from 'iot-jobs-lint';

const good = '{"jobId":"j1","targets":["arn:aws:iot:us-east-1:111122223333:thing/t"],"document":"{}"}';
const now = '2026-01-01T00:00:00Z';

const triggers = {
  'a spoofed Date as now': () => lint(good, { now: { [Symbol.toStringTag]: 'Date' } }),
  'an input proxy whose get throws': () => lint(new Proxy({ a: 1 }, { get() { throw new Error('get'); } })),
  'a revoked proxy as input': () => { const r = Proxy.revocable({}, {}); r.revoke(); return lint(r.proxy); },
  'options whose tag getter throws': () => lint(good, { get [Symbol.toStringTag]() { throw new Error('tag'); } }),
  'options whose ownKeys throws': () => lint(good, new Proxy({}, { ownKeys() { throw new Error('keys'); } })),
  'a detached ArrayBuffer': () => { const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); return lint(b); },
  'a view of a detached buffer': () => { const b = new ArrayBuffer(8); const v = new Uint8Array(b); structuredClone(b, { transfer: [b] }); return lint(v); },
};

for (const [name, call] of Object.entries(triggers)) {
  test(`${name}: a TypeError every time, and the module keeps working`, () => {
    for (let i = 0; i < 4000; i++) {
      assert.throws(call, TypeError);
    }
    assert.deepEqual(lint(good, { now }).diagnostics, []);
  });
}
