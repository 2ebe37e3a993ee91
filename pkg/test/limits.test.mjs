// The input limit (`maxInputBytes`, default 4 MiB, the core's DEFAULT_MAX_INPUT_BYTES): a larger
// input gets only the core's `input/too-large` report, and is refused BEFORE it is copied into
// WebAssembly memory. Before, a 2^31-byte ArrayBuffer or a ~240 MB string ended in a
// "capacity overflow" panic while being copied in.
//
// "Not copied in" is checked by the size of the instance's memory, which `initSync()` (of an
// instantiated module: the exports of the instance in use) shows: it does not grow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { initSync, lint, schedule } from 'iot-jobs-lint';

const require = createRequire(import.meta.url);
const LIMIT = 4 * 1024 * 1024;
const NOW = '2026-01-01T00:00:00Z';
const memory = () => initSync().memory.buffer.byteLength;
// The instance's first calls grow its memory a little (their own allocations): warm it up before
// taking a size to compare with.
for (const input of ['{}', 'x'.repeat(11), new Uint8Array(11)]) {
  lint(input, { now: NOW, maxInputBytes: 10 });
  schedule(input, { now: NOW, maxInputBytes: 10 });
}
const message = (len, limit = LIMIT) => `the input is ${len} bytes, over the limit of ${limit} bytes; it is not checked`;

/** The whole report of an input of `len` bytes over `limit`: one diagnostic at 1:1, nothing else. */
function assertTooLarge(report, len, limit = LIMIT) {
  assert.deepEqual(
    { ...report, diagnostics: report.diagnostics.map(({ help, ...d }) => ({ ...d, help: typeof help })) },
    {
      operation: null,
      operationDetected: false,
      serviceModel: 'latest',
      diagnostics: [
        {
          code: 'input/too-large',
          severity: 'error',
          pointer: '',
          message: message(len, limit),
          help: 'string',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          span: { start: 0, end: 0 },
          fixes: [],
          related: [],
        },
      ],
    },
  );
}

test('an ArrayBuffer of 2^31 bytes and more, its views and a Buffer of it: input/too-large at once, nothing copied in', (t) => {
  const before = memory();
  const t0 = performance.now();
  const buffer = new ArrayBuffer(2 ** 31); // zero pages: the OS maps them lazily
  for (const [input, len] of [
    [buffer, 2 ** 31],
    [new Uint8Array(buffer), 2 ** 31],
    [new Uint8Array(buffer, 1), 2 ** 31 - 1],
    [Buffer.from(buffer, 5, 2 ** 30), 2 ** 30],
  ]) {
    assertTooLarge(lint(input, { now: NOW }), len);
    assertTooLarge(lint(input, { now: NOW, maxInputBytes: 2 ** 30 - 1 }), len, 2 ** 30 - 1);
    const s = schedule(input, { now: NOW });
    assert.deepEqual(s.diagnostics.map((d) => d.message), [message(len)]);
    assert.deepEqual([s.from, s.declaredWindows, s.windows], ['2026-01-01T00:00', 0, []]);
  }
  // The largest limit (2^31 - 1) still refuses 2^31 bytes.
  assertTooLarge(lint(buffer, { now: NOW, maxInputBytes: 2 ** 31 - 1 }), 2 ** 31, 2 ** 31 - 1);
  assertTooLarge(require('iot-jobs-lint').lint(buffer, { now: NOW }), 2 ** 31);
  const ms = performance.now() - t0;
  assert.equal(memory(), before, 'the WebAssembly memory did not grow');
  assert.ok(ms < 2000, `${ms} ms`);
  t.diagnostic(`2 GiB buffer and views, 14 calls: ${ms.toFixed(1)} ms; WebAssembly memory ${before} -> ${memory()} bytes`);
});

test('a ~240 MB JSON string: input/too-large with its exact UTF-8 length, nothing copied in', (t) => {
  const text = `{"jobId":"j","document":"${'x'.repeat(240_000_000)}","description":"é😀"}`;
  const bytes = Buffer.byteLength(text);
  const before = memory();
  const t0 = performance.now();
  assertTooLarge(lint(text, { now: NOW }), bytes);
  const ms = performance.now() - t0;
  assert.deepEqual(schedule(text, { now: NOW }).diagnostics.map((d) => d.message), [message(bytes)]);
  assertTooLarge(require('iot-jobs-lint').lint(text, { now: NOW }), bytes);
  assert.equal(memory(), before, 'the WebAssembly memory did not grow');
  t.diagnostic(`${text.length} UTF-16 units, ${bytes} bytes: refused in ${ms.toFixed(0)} ms (measured in JS memory)`);
});

test('strings between the bounds (.length <= limit < 3 * .length) are measured exactly: multi-byte, surrogate pairs, lone surrogates', () => {
  const fits = (text, limit) => lint(text, { now: NOW, maxInputBytes: limit }).diagnostics.every((d) => d.code !== 'input/too-large');
  for (const [unit, bytes] of [['é', 2], ['€', 3], ['😀', 4], ['\uD800', 3], ['\uDC00', 3], ['x', 1]]) {
    const n = Math.floor(100 / bytes);
    assert.ok(fits(unit.repeat(n), 100), `${n} × ${JSON.stringify(unit)}`);
    assert.equal(Buffer.byteLength(unit.repeat(n + 1)), (n + 1) * bytes);
    assertTooLarge(lint(unit.repeat(n + 1), { now: NOW, maxInputBytes: 100 }), (n + 1) * bytes, 100);
  }
  // A lone high surrogate right before a pair, and a pair split across what a naive slicing would
  // cut: each counted as the encoder writes it.
  const tricky = '\uD800😀\uDBFF\uDFFFx\uDFFF';
  assert.ok(fits(tricky, Buffer.byteLength(tricky)));
  assertTooLarge(lint(tricky, { now: NOW, maxInputBytes: Buffer.byteLength(tricky) - 1 }), Buffer.byteLength(tricky), Buffer.byteLength(tricky) - 1);

  // Strings longer than the 1 MiB buffer the measurement encodes into, of every kind of code point,
  // at their exact length and one byte under it.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const alphabet = ['a', '{', 'é', 'ß', '€', '中', '😀', '\u{10FFFF}', '\uD800', '\uDFFF'];
  for (let round = 0; round < 4; round++) {
    const parts = [];
    for (let i = 0; i < 700_000; i++) parts.push(alphabet[next() % alphabet.length]);
    const text = parts.join('');
    const bytes = Buffer.byteLength(text);
    assert.ok(text.length <= bytes && bytes < 3 * text.length);
    assertTooLarge(lint(text, { now: NOW, maxInputBytes: bytes - 1 }), bytes, bytes - 1);
    assert.ok(fits(text, bytes));
  }
});

test('objects are measured after JSON.stringify; the three input kinds of one length give one report', () => {
  const input = { jobId: 'j', document: 'x'.repeat(LIMIT) };
  const len = Buffer.byteLength(JSON.stringify(input));
  assertTooLarge(lint(input, { now: NOW }), len);
  assert.deepEqual(schedule(input, { now: NOW }).diagnostics.map((d) => d.message), [message(len)]);
  const text = JSON.stringify(input);
  const bytes = new TextEncoder().encode(text);
  const want = lint(text, { now: NOW });
  assert.deepEqual(lint(bytes, { now: NOW }), want);
  assert.deepEqual(lint(bytes.buffer, { now: NOW }), want);
  // The operation given in the options is the report's, as the core has it.
  assert.equal(lint(bytes, { now: NOW, operation: 'create-job' }).operation, 'create-job');
});

test('maxInputBytes: exactly the limit is checked, one byte more is refused; a raised limit checks a larger input', () => {
  const at = (n) => `"${'x'.repeat(n - 2)}"`;
  for (const limit of [2, 10, 4096]) {
    assert.deepEqual(lint(at(limit), { now: NOW, maxInputBytes: limit }).diagnostics.map((d) => d.code), ['json/root-not-object']);
    assertTooLarge(lint(at(limit + 1), { now: NOW, maxInputBytes: limit }), limit + 1, limit);
  }
  const big = JSON.stringify({ jobId: 'j', targets: [], document: '{}', description: 'd'.repeat(5_000_000) });
  assertTooLarge(lint(big, { now: NOW }), big.length);
  const checked = lint(big, { now: NOW, maxInputBytes: 8 * 1024 * 1024 });
  assert.ok(checked.diagnostics.some((d) => d.pointer === '/description'), JSON.stringify(checked.diagnostics.map((d) => d.code)));
  assert.ok(!checked.diagnostics.some((d) => d.code === 'input/too-large'));
});

test('the options are read before the input is copied: a bad option with a huge input is a TypeError', () => {
  const huge = new ArrayBuffer(2 ** 31);
  assert.throws(() => lint(huge, { maxInputBytes: 0 }), /lint\(\): options\.maxInputBytes must be a whole number of bytes from 1 to 2147483647; got 0/);
  assert.throws(() => lint(huge, { operation: 'nope' }), TypeError);
  // A wrong input type is still named before the options are looked at.
  assert.throws(() => lint(42, { operation: 'nope' }), /lint\(\): input must be/);
});
