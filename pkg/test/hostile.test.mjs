// Misuse that makes a JS call inside the wrapper throw (spoofed or revoked objects, throwing
// proxies, detached buffers) must end as a TypeError every time and leave the module working:
// an uncaught throw inside a wasm-bindgen import skips the wasm stack clean-up, and a few
// thousand of them once corrupted the module ("memory access out of bounds").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, schedule } from 'iot-jobs-lint';

const good = '{"jobId":"j1","targets":["arn:aws:iot:us-east-1:111122223333:thing/t"],"document":"{}"}';
const now = '2026-01-01T00:00:00Z';
const NOW = now;

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

// A getter or proxy trap that throws while the options or the input are looked at is misuse as
// well: a TypeError that names what was being read, with what was thrown as its `cause` (it used to
// rethrow the getter's own Error for an option).
test('a throwing getter or trap: a TypeError naming the option or the input, the original as cause', () => {
  const boom = new Error('boom');
  const thrower = (name) => ({ get [name]() { throw boom; } });
  const cases = [
    [() => lint(good, thrower('operation')), /^lint\(\): options\.operation cannot be read: boom$/, boom],
    [() => lint(good, thrower('now')), /^lint\(\): options\.now cannot be read: boom$/, boom],
    [() => lint(good, thrower('serviceModel')), /^lint\(\): options\.serviceModel cannot be read: boom$/, boom],
    [() => lint(good, thrower('maxInputBytes')), /^lint\(\): options\.maxInputBytes cannot be read: boom$/, boom],
    [() => schedule(good, thrower('count')), /^schedule\(\): options\.count cannot be read: boom$/, boom],
    [() => lint(good, new Proxy({ now: NOW }, { get: (t, k) => (k === 'now' ? thrower('now').now : Reflect.get(t, k)) })), /^lint\(\): options\.now cannot be read: boom$/, boom],
    [() => lint(good, new Proxy({}, { get() { throw boom; } })), /^lint\(\): options cannot be inspected: boom$/, boom],
    [() => lint(good, new Proxy({}, { ownKeys() { throw boom; } })), /^lint\(\): options cannot be read: boom$/, boom],
    [() => lint(good, thrower(Symbol.toStringTag)), /^lint\(\): options cannot be inspected: boom$/, boom],
    [() => lint(thrower(Symbol.toStringTag)), /^lint\(\): input cannot be inspected: boom$/, boom],
    [() => lint(thrower('jobId')), /^lint\(\): the input object cannot be written as JSON: boom$/, boom],
    [() => lint({ toJSON() { throw boom; } }), /^lint\(\): the input object cannot be written as JSON: boom$/, boom],
    // Whatever is thrown: a string, a number, an error whose message getter throws too.
    [() => lint(good, { get now() { throw 'no clock'; } }), /^lint\(\): options\.now cannot be read: no clock$/, 'no clock'],
    [() => lint(good, { get now() { throw 42; } }), /^lint\(\): options\.now cannot be read: threw the number 42$/, 42],
  ];
  for (const [call, message, cause] of cases) {
    for (let i = 0; i < 50; i++) {
      assert.throws(call, (e) => e instanceof TypeError && message.test(e.message) && e.cause === cause, String(message));
    }
  }
  const sneaky = Object.create(Error.prototype, { message: { get() { throw boom; } } });
  assert.throws(
    () => lint(good, { get now() { throw sneaky; } }),
    (e) => e instanceof TypeError && /^lint\(\): options\.now cannot be read: threw an object of type Object$/.test(e.message) && e.cause === sneaky,
  );
  // A spoofed Date, a detached buffer: the engine's TypeError is the cause.
  assert.throws(
    () => lint(good, { now: { [Symbol.toStringTag]: 'Date' } }),
    (e) => e instanceof TypeError && /^lint\(\): options\.now is not a usable Date: /.test(e.message) && e.cause instanceof TypeError,
  );
  const detached = new ArrayBuffer(8);
  structuredClone(detached, { transfer: [detached] });
  assert.throws(() => lint(detached), (e) => e instanceof TypeError && /^lint\(\): input cannot be read: /.test(e.message) && e.cause instanceof TypeError);
  // A spoofed Uint8Array or ArrayBuffer (a plain object with the tag) is not measured by its own
  // byteLength, which could lie: the built-in getter refuses it.
  for (const tag of ['Uint8Array', 'ArrayBuffer']) {
    const spoof = { [Symbol.toStringTag]: tag, byteLength: 1, length: 1, 0: 123 };
    assert.throws(() => lint(spoof), (e) => e instanceof TypeError && /^lint\(\): input cannot be read: /.test(e.message) && e.cause instanceof TypeError);
  }
  // A genuine view whose own byteLength lies is measured by what it is.
  const liar = new Uint8Array(20).fill(32);
  Object.defineProperty(liar, 'byteLength', { value: 1 });
  assert.deepEqual(lint(liar, { maxInputBytes: 10 }).diagnostics.map((d) => d.message), ['the input is 20 bytes, over the limit of 10 bytes; it is not checked']);
  assert.deepEqual(lint(good, { now }).diagnostics, []);
});
