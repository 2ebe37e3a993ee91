// Every control, format (bidirectional), private-use character and U+2028/U+2029 of the Basic
// Multilingual Plane, echoed by the rules in a value, a member name, a cron token and an enum
// value, reaches the npm result's message, help and fix messages escaped (\u{…}), never raw.
// (Pointers stay exact by design.) The CLI's human and JSON output get the same check in
// crates/iot-jobs-lint-cli/tests/escaping.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from 'iot-jobs-lint';

const UNSAFE = /[\p{Cc}\p{Cf}\p{Co}\u2028\u2029]/u;

function hostile(s) {
  return {
    jobId: `id${s}`,
    targets: ['arn:aws:iot:us-east-1:111122223333:thing/x'],
    document: '{}',
    [`timeoutConfg${s}`]: {},
    targetSelection: `SNAP${s}`,
    schedulingConfig: {
      maintenanceWindows: [{ startTime: `cron(0 2${s} ? * SUN *)`, durationInMinutes: 60 }],
    },
  };
}

test('no unsafe character reaches a message, help or fix message raw', () => {
  const chars = [];
  for (let cp = 1; cp < 0x10000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    if (UNSAFE.test(c)) chars.push(c);
  }
  assert.ok(chars.length > 6000, `${chars.length}`);
  let checked = 0;
  for (let i = 0; i < chars.length; i += 24) {
    const s = chars.slice(i, i + 24).join('');
    const { diagnostics } = lint(hostile(s), { now: '2026-01-01T00:00:00Z' });
    assert.ok(diagnostics.length >= 4);
    for (const d of diagnostics) {
      const prose = [d.message, d.help, ...d.fixes.map((f) => f.message), ...d.related.map((r) => r.message)];
      for (const p of prose) {
        if (p == null) continue;
        assert.ok(!UNSAFE.test(p), `raw unsafe character in ${JSON.stringify(p)}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 1000);
});
