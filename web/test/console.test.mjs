// Browser tests of the web console (web/dist, served by serve.mjs) in Debian's Chromium, headless.
// Run: npm test (after npm run build), or scripts/test-web.sh from the repository root.
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  example,
  examplesDir,
  fmt,
  lintCount,
  openDocument,
  openPage,
  problems,
  resultsDir,
  setUp,
  stats,
  waitForLint,
  webDir,
} from './helpers.mjs';

const NOW = '2026-12-01T00:00:00Z';
const FRAME_MS = 1000 / 60;

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.close();
});

/** Moves the cursor with CodeMirror's go-to-line dialog (Ctrl-Alt-G); `column` is 0-based. */
async function goToLine(page, line, column) {
  await page.click('.cm-content');
  await page.keyboard.press('Control+Alt+g');
  const field = page.locator('.cm-goto-line input[name=line]');
  await field.fill(`${line}:${column}`);
  await field.press('Enter');
  await page.waitForSelector('.cm-goto-line', { state: 'detached' });
}

/** The 1-based line (and 0-based index in it) of the first occurrence of `needle`. */
function find(text, needle) {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(needle));
  assert.ok(index >= 0, `${needle} not found`);
  return { line: index + 1, index: lines[index].indexOf(needle) };
}

/** Moves the mouse onto `word` in the first editor line containing `lineText` (scrolled into view). */
async function hoverWord(page, lineText, word) {
  const point = await page.evaluate(
    ([lineText, word]) => {
      const line = [...document.querySelectorAll('.cm-line')].find((l) => l.textContent.includes(lineText));
      if (!line) return null;
      line.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const at = line.textContent.indexOf(lineText) + lineText.indexOf(word);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent.length;
        if (at < seen + length) {
          const range = document.createRange();
          const start = at - seen;
          range.setStart(node, start);
          range.setEnd(node, Math.min(length, start + word.length));
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        seen += length;
      }
      return null;
    },
    [lineText, word],
  );
  assert.ok(point, `${word} in a line with ${lineText}`);
  await page.mouse.move(point.x, point.y);
}

describe('web console', () => {
  test('loads with no console error, no failed request and no request to another origin', async () => {
    const p = await openPage(env, `?now=${NOW}&example=firmware-ota`);
    try {
      const { page } = p;
      assert.match(await page.textContent('#version'), /^iot-jobs-lint \d+\.\d+\.\d+/);
      // The examples menu holds every examples/*.json of the repository, copied in by the build.
      const files = readdirSync(examplesDir).filter((f) => f.endsWith('.json')).sort();
      const menu = await page.$$eval('#example option', (options) => options.slice(1).map((o) => o.textContent));
      assert.deepEqual(menu, files);
      assert.equal(await page.inputValue('#example'), 'firmware-ota');
      // CodeMirror's styles went in as <style> elements carrying the CSP nonce.
      const styles = await page.$$eval('style', (nodes) => nodes.map((n) => n.nonce !== ''));
      assert.ok(styles.length > 0 && styles.every(Boolean), 'every <style> carries the nonce');
      const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(policy, /default-src 'none'/);
      assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/);
      assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('a valid example has no error; durationInMinutes 1431 shows model/range at its line; fixing it clears it', async () => {
    const p = await openPage(env, `?now=${NOW}&example=firmware-ota`);
    try {
      const { page } = p;
      // No "0 info": the package notes (info) only in one rare case, so the counter shows only when there are some.
      assert.match(await page.textContent('#problem-counts'), /^0 errors · 0 warnings$/);
      assert.equal(await page.isVisible('#problems-empty'), true);
      assert.equal(await page.locator('.cm-lintRange').count(), 0);

      const text = example('firmware-ota.job.json');
      const at = find(text, '"durationInMinutes": 360');
      const valueColumn = at.index + '"durationInMinutes": '.length; // 0-based, UTF-16 = code points here (ASCII line)
      await goToLine(page, at.line, valueColumn + 3);
      await page.evaluate(() => {
        window.__lastKey = 0;
        window.__shownAt = 0;
        document.addEventListener('keydown', () => (window.__lastKey = performance.now()), true);
      });
      const watch = (present) =>
        page.evaluate((present) => {
          window.__shownAt = 0;
          const list = document.getElementById('problems');
          const check = () =>
            Boolean(list.querySelector('.problem[data-code="model/range"]')) === present &&
            (window.__shownAt = performance.now());
          new MutationObserver((_, observer) => check() && observer.disconnect()).observe(list, { childList: true, subtree: true });
        }, present);

      await watch(true);
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.keyboard.type('1431');
      await page.waitForSelector('#problems .problem[data-code="model/range"]');
      const shown = await page.evaluate(() => window.__shownAt - window.__lastKey);
      const range = (await problems(page)).filter((d) => d.code === 'model/range');
      assert.equal(range.length, 1);
      assert.equal(range[0].line, at.line, 'reported on the line of durationInMinutes');
      assert.equal(range[0].column, valueColumn + 1);
      assert.match(range[0].text, /`durationInMinutes` must be between 1 and 1430 minutes; found 1431/);
      assert.match(await page.textContent('#problems .problem[data-code="model/range"] .problem-pointer'), /^\/schedulingConfig\/maintenanceWindows\/0\/durationInMinutes$/);
      // The squiggle covers exactly the value.
      assert.deepEqual(await page.$$eval('.cm-lintRange-error', (nodes) => nodes.map((n) => n.textContent)), ['1431']);
      console.log(`model/range shown ${fmt(shown)} after the last keystroke (debounce 120 ms included)`);
      assert.ok(shown < 2000, `shown within 2 s (took ${fmt(shown)})`);

      await watch(false);
      for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
      await page.keyboard.type('360');
      await page.waitForSelector('#problems-empty', { state: 'visible' });
      const cleared = await page.evaluate(() => window.__shownAt - window.__lastKey);
      console.log(`model/range cleared ${fmt(cleared)} after the last keystroke`);
      assert.equal(await page.locator('.cm-lintRange').count(), 0);
      assert.match(await page.textContent('#problem-counts'), /^0 errors/);
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('choosing a problem (click or Enter) moves the cursor to the offending value', async () => {
    const p = await openPage(env, `?now=${NOW}&example=broken`);
    try {
      const { page } = p;
      const text = example('broken.job.json');
      const at = find(text, '7200');
      const button = page.locator('#problems .problem', { hasText: '/presignedUrlConfig/expiresInSec' });
      await button.click();
      assert.equal(await page.textContent('#cursor'), `Ln ${at.line}, Col ${at.index + 1}`);
      assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('cm-content')), 'the editor has the focus');
      await page.keyboard.type('X');
      assert.match(await page.textContent('.cm-activeLine'), /"expiresInSec": X7200/);
      await page.keyboard.press('Control+z');

      // The keyboard way: focus a problem and press Enter.
      const tags = find(text, '"aws:team"');
      await page.locator('#problems .problem', { hasText: 'tags/reserved-prefix' }).focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.textContent('#cursor'), `Ln ${tags.line}, Col ${tags.index + 1}`);

      // Columns count code points; CodeMirror counts UTF-16 units. Emoji before the error:
      const emoji =
        '{\n  "description": "🚀 pumps 🛠️ line A 😀", "jobId": "pump fw 2.4.1", "targets": ["arn:aws:iot:eu-central-1:111122223333:thinggroup/pumps"],\n  "document": "{}"\n}\n';
      await openDocument(page, emoji);
      const jobId = (await problems(page)).find((d) => d.code === 'model/pattern');
      assert.ok(jobId, 'jobId reported');
      const line2 = emoji.split('\n')[1];
      assert.equal(jobId.line, 2);
      assert.equal(jobId.column, [...line2.slice(0, line2.indexOf('"pump fw'))].length + 1, 'column in code points');
      assert.deepEqual(await page.$$eval('.cm-lintRange-error', (nodes) => nodes.map((n) => n.textContent)), ['"pump fw 2.4.1"']);
      await page.locator('#problems .problem', { hasText: 'model/pattern' }).click();
      await page.keyboard.type('X');
      assert.match(await page.textContent('.cm-activeLine'), /😀", "jobId": X"pump fw 2\.4\.1"/);
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('with now fixed by the URL, cron(0 22 ? * SAT *) lists the expected seven windows', async () => {
    // The independent expectation: every Saturday 22:00 UTC at or after max(now, startTime) and
    // before endTime, each 360 minutes long.
    const job = JSON.parse(example('firmware-ota.job.json'));
    const expected = (now, count = 7) => {
      const from = Math.max(Date.parse(now), Date.parse(`${job.schedulingConfig.startTime}Z`));
      const until = Date.parse(`${job.schedulingConfig.endTime}Z`);
      const out = [];
      const day = new Date(from);
      day.setUTCHours(0, 0, 0, 0);
      for (let t = day.getTime(); out.length < count && t < until; t += 86_400_000) {
        const start = t + 22 * 3_600_000;
        if (new Date(t).getUTCDay() === 6 && start >= from && start < until) out.push(start);
      }
      const iso = (ms) => new Date(ms).toISOString().slice(0, 16);
      return out.map((s) => ({ start: iso(s), end: iso(s + 360 * 60_000) }));
    };
    assert.equal(job.schedulingConfig.maintenanceWindows[0].startTime, 'cron(0 22 ? * SAT *)');

    const p = await openPage(env, `?now=${NOW}&example=firmware-ota`, { timezoneId: 'America/New_York' });
    try {
      const { page } = p;
      const shown = await page.$$eval('#windows li', (items) => items.map((i) => ({ start: i.dataset.start, end: i.dataset.end })));
      assert.deepEqual(shown, expected(NOW));
      assert.equal(shown.length, 7);
      // UTC and local (the context's time zone, New York) in the list; one bar per window.
      const first = await page.textContent('#windows li:first-child');
      assert.match(first, /Sat, Dec 5, 2026, 22:00 – Sun, Dec 6, 04:00 UTC/);
      assert.match(first, /Sat, Dec 5, 17:00 – 23:00 EST/);
      assert.equal(await page.locator('#timeline svg .bar').count(), 7);
      assert.equal(await page.isVisible('#schedule-problems-empty'), true);
      assert.match(await page.textContent('#schedule-summary'), /From Sat, Dec 5, 2026, 22:00 UTC until Sun, Jan 31, 2027, 06:00 UTC/);
      await p.clean();
    } finally {
      await p.close();
    }

    // Later: only six Saturdays are left before endTime (2027-01-31T06:00).
    const later = '2026-12-24T09:30:00Z';
    const q = await openPage(env, `?now=${later}&example=firmware-ota`);
    try {
      const shown = await q.page.$$eval('#windows li', (items) => items.map((i) => ({ start: i.dataset.start, end: i.dataset.end })));
      assert.deepEqual(shown, expected(later));
      assert.equal(shown.length, 6);
      assert.equal(await q.page.inputValue('#now'), later);
      assert.equal(await q.page.isChecked('#now-clock'), false);
      await q.clean();
    } finally {
      await q.close();
    }
  });

  test('schedule diagnostics show beside the calendar', async () => {
    const p = await openPage(env, `?now=${NOW}&example=firmware-ota`);
    try {
      const { page } = p;
      const job = JSON.parse(example('firmware-ota.job.json'));
      job.schedulingConfig.maintenanceWindows = [
        { startTime: 'cron(0 22 ? * SAT *)', durationInMinutes: 360 },
        { startTime: 'cron(0 23 ? * SAT *)', durationInMinutes: 60 },
        { startTime: 'cron(0 2 30 2 ? *)', durationInMinutes: 60 },
      ];
      await openDocument(page, JSON.stringify(job, null, 2));
      const codes = (await problems(page, '#schedule-problems')).map((d) => d.code);
      assert.ok(codes.length >= 2, `schedule diagnostics: ${codes.join(', ')}`);
      assert.ok(codes.some((c) => /overlap/.test(c)), `an overlap: ${codes.join(', ')}`);
      assert.ok(codes.some((c) => /never/.test(c)), `a window that never fires: ${codes.join(', ')}`);
      console.log(`schedule diagnostics shown: ${codes.join(', ')}`);
      job.schedulingConfig.maintenanceWindows = [{ startTime: 'cron(0 22 ? * SAT 2030)', durationInMinutes: 60 }];
      await openDocument(page, JSON.stringify(job, null, 2));
      const late = (await problems(page, '#schedule-problems')).map((d) => d.code);
      assert.ok(late.some((c) => /none-before-end|end/.test(c)), `no window before endTime: ${late.join(', ')}`);
      assert.equal(await page.locator('#windows li').count(), 0);
      assert.equal(await page.textContent('#windows-empty'), 'No window to show: see the schedule diagnostics.');
      console.log(`schedule diagnostics shown: ${late.join(', ')}`);

      // One window of two never fires: the other is listed, and the summary says one is left out.
      job.schedulingConfig.maintenanceWindows = [
        { startTime: 'cron(0 22 ? * SAT *)', durationInMinutes: 60 },
        { startTime: 'cron(0 2 30 2 ? *)', durationInMinutes: 60 },
      ];
      await openDocument(page, JSON.stringify(job, null, 2));
      assert.equal(await page.locator('#windows li').count(), 7);
      assert.match(await page.textContent('#schedule-summary'), /1 of 2 windows left out: see the schedule diagnostics/);

      // No windows at all, but a JSON-level warning (a repeated member) among the schedule's
      // diagnostics: the rollout is not limited to windows, which is what the page must say.
      delete job.schedulingConfig.maintenanceWindows;
      await openDocument(page, JSON.stringify(job, null, 2).replace('{\n', '{\n  "jobId": "first-copy",\n'));
      assert.deepEqual((await problems(page, '#schedule-problems')).map((d) => d.code), ['json/duplicate-key']);
      assert.equal(await page.locator('#windows li').count(), 0);
      assert.equal(await page.textContent('#windows-empty'), 'No maintenance windows: the rollout is not limited to windows.');
      assert.doesNotMatch(await page.textContent('#schedule-summary'), /left out/);
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('a pasted CloudFormation template: both verdicts at template lines, no create-job command', async () => {
    const p = await openPage(env, `?now=${NOW}&example=firmware-ota`);
    try {
      const { page } = p;
      const template = [
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Resources:',
        '  OtaTemplate:',
        '    Type: AWS::IoT::JobTemplate',
        '    Properties:',
        '      JobTemplateId: ota pumps',
        '      Description: Pump controller firmware',
        '      Document: \'{"operation":"firmware-update"}\'',
        '      PresignedUrlConfig:',
        '        roleArn: !GetAtt DownloadRole.Arn',
        '      MaintenanceWindows:',
        '        - StartTime: 0 2 * * 6',
        '          DurationInMinutes: 2000',
        '',
      ].join('\n');
      await openDocument(page, template, 'ota-stack.yaml');
      const shown = (await problems(page)).map((d) => `${d.code}@${d.line}:${d.column}`);
      assert.deepEqual(shown, [
        'model/pattern@6:22',
        'cfn/unknown-property@10:9',
        'cron/unix-five-fields@12:22',
        'cfn/range@13:30',
      ]);
      assert.match(await page.textContent('#op-status'), /^CloudFormation template · 1 IoT job resource/);
      assert.match(await page.textContent('#command'), /aws cloudformation deploy/);
      assert.match(await page.textContent('#windows-empty'), /^A CloudFormation template: the calendar previews the windows of a request/);
      assert.deepEqual(await page.$$eval('.cm-lintRange-error', (nodes) => nodes.map((n) => n.textContent)), [
        'ota pumps',
        'roleArn',
        '0 2 * * 6',
        '2000',
      ]);
      await page.screenshot({ path: `${resultsDir}template.png` });
      console.log(`screenshot: ${resultsDir}template.png`);
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('jobId and description holding <img onerror> and <script> are shown as text and run nothing', async () => {
    const p = await openPage(env, `?now=${NOW}&example=firmware-ota`);
    try {
      const { page } = p;
      const job = JSON.parse(example('firmware-ota.job.json'));
      job.jobId = '<img src=x onerror="window.__pwned=1">';
      job.description = '<script>window.__pwned=2</script><img src=x onerror=window.__pwned=3>';
      job['<script>window.__pwned=4</script>'] = '<img src=x onerror=window.__pwned=5>';
      await openDocument(page, JSON.stringify(job, null, 2));
      assert.equal(await page.textContent('#doc-info'), `jobId ${job.jobId} — ${job.description}`);
      const panel = await page.textContent('#problems');
      assert.ok(panel.includes('"<img src=x onerror=\\"window.__pwned=1\\">"'), 'the jobId value is quoted as text in the message');
      // (in a JSON Pointer, '/' is written '~1')
      assert.ok(panel.includes('/<script>window.__pwned=4<~1script>'), 'the member name is shown as text in the pointer');
      // The hover tooltip too.
      await page.hover('.cm-lintRange-error >> nth=0');
      await page.waitForSelector('.cm-tooltip-lint');
      assert.match(await page.textContent('.cm-tooltip-lint'), /model\/pattern.*<img src=x onerror/);
      assert.equal(await page.locator('img').count(), 0, 'no <img> element was created');
      assert.equal(await page.evaluate(() => [...document.scripts].filter((s) => s.textContent.includes('__pwned')).length), 0);
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no handler ran');
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('controls: operation override, service-model edition and now, kept in the URL', async () => {
    const p = await openPage(env, '?example=firmware-ota');
    try {
      const { page } = p;
      // Without ?now the browser clock is used.
      assert.equal(await page.isChecked('#now-clock'), true);
      assert.equal(await page.isDisabled('#now'), true);
      const clock = Date.parse(await page.inputValue('#now'));
      assert.ok(Math.abs(clock - Date.now()) < 120_000, 'now shows the browser clock');
      assert.match(await page.textContent('#operation option:first-child'), /Auto-detect \(create-job\)/);
      assert.match(await page.textContent('#op-status'), /create-job \(detected\) · model latest/);

      let n = await lintCount(page);
      await page.selectOption('#operation', 'create-job-template');
      await waitForLint(page, ++n);
      assert.match(await page.textContent('#op-status'), /^create-job-template · model latest$/);
      assert.ok((await problems(page)).length > 0, 'a job checked as a template has problems');
      assert.match(page.url(), /operation=create-job-template/);
      assert.equal(await page.textContent('#command'), 'aws iot create-job-template --cli-input-json file://job-template.json');

      await page.selectOption('#edition', '2023-03-02');
      await waitForLint(page, ++n);
      assert.match(await page.textContent('#op-status'), /model 2023-03-02/);
      assert.match(page.url(), /model=2023-03-02/);

      await page.selectOption('#operation', '');
      await waitForLint(page, ++n);
      await page.uncheck('#now-clock');
      await waitForLint(page, ++n);
      await page.fill('#now', 'next tuesday');
      await page.press('#now', 'Enter');
      await page.waitForSelector('#settings-error', { state: 'visible' });
      assert.match(await page.textContent('#settings-error'), /^Now \(UTC, RFC 3339\) must be/);
      assert.equal(await page.getAttribute('#now', 'aria-invalid'), 'true');
      await page.fill('#now', '2027-01-20T12:00:00Z');
      await page.press('#now', 'Enter');
      await page.waitForSelector('#settings-error', { state: 'hidden' });
      assert.match(page.url(), /now=2027-01-20T12%3A00%3A00Z/);
      // startTime is now in the past: the time-dependent rules follow the chosen now.
      assert.ok((await problems(page)).some((d) => d.code.startsWith('schedule/')), 'a schedule diagnostic for a past startTime');
      assert.equal(await page.locator('#windows li').count(), 2);

      // The URL reproduces the state.
      const reload = await openPage(env, new URL(page.url()).search);
      assert.equal(await reload.page.inputValue('#now'), '2027-01-20T12:00:00Z');
      assert.equal(await reload.page.inputValue('#edition'), '2023-03-02');
      assert.equal(await reload.page.locator('#windows li').count(), 2);
      await reload.clean();
      await reload.close();
      // The settings error went to the console as nothing: it is shown, not logged.
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('the examples menu loads an example into the URL; an edited document survives a reload', async () => {
    const p = await openPage(env, `?now=${NOW}&example=firmware-ota`);
    try {
      const { page } = p;
      let n = await lintCount(page);
      await page.selectOption('#example', 'nightly-maintenance');
      await waitForLint(page, ++n);
      assert.match(page.url(), /example=nightly-maintenance/);
      assert.equal(await page.textContent('#command'), 'aws iot create-job-template --cli-input-json file://job-template.json');
      assert.equal(await page.locator('#windows li').count(), 7);
      // An edit makes it the user's document: the URL no longer names the example, and the
      // document is kept in this browser.
      await goToLine(page, 2, 2);
      await page.keyboard.type('"x": 1, ');
      await waitForLint(page, n + 1);
      assert.doesNotMatch(page.url(), /example=/);
      assert.equal(await page.inputValue('#example'), '');
      assert.ok((await problems(page)).some((d) => d.code === 'model/unknown-member'));
      await page.waitForTimeout(700); // the save is debounced (500 ms)
      await page.reload();
      await waitForLint(page, 1);
      assert.match(await page.textContent('.cm-content'), /"x": 1, "jobTemplateId"/);
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('completion: Ctrl-Space in an empty value slot offers the values', async () => {
    const p = await openPage(env, `?now=${NOW}&example=firmware-ota`);
    try {
      const { page } = p;
      await openDocument(page, '{\n  "jobId": "pump-fw",\n  "targetSelection": \n}\n');
      await goToLine(page, 3, 22);
      await page.keyboard.press('Control+Space');
      await page.waitForSelector('.cm-tooltip-autocomplete li');
      const values = await page.$$eval('.cm-tooltip-autocomplete li', (items) => items.map((li) => li.textContent));
      assert.ok(values.some((v) => v.startsWith('CONTINUOUS')) && values.some((v) => v.startsWith('SNAPSHOT')), values.join(' | '));
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('completion: member names with type, limits and required, enum values with their meanings', async () => {
    const p = await openPage(env, `?now=${NOW}&example=firmware-ota`, { viewport: { width: 1440, height: 1000 } });
    try {
      const { page } = p;
      await openDocument(page, '{\n  "jobId": "pump-fw",\n  \n}\n');
      await goToLine(page, 3, 2);
      await page.keyboard.type('"ta');
      await page.waitForSelector('.cm-tooltip-autocomplete li');
      const menu = () => page.$$eval('.cm-tooltip-autocomplete li', (items) => items.map((li) => li.textContent));
      const members = await menu();
      console.log(`completion for "ta: ${members.join(' | ')}`);
      assert.ok(members.some((m) => /^targets\s*array · at least 1 item · required$/.test(m)), 'targets, required, with its limit');
      assert.ok(members.some((m) => /^tags\s*array · at most 50 items$/.test(m)), 'tags with the tag quota');
      assert.ok(!members.some((m) => m.startsWith('jobId')), 'a member already there is not offered');
      await page.keyboard.type('rgetSel');
      await page.waitForFunction(() => document.querySelector('.cm-tooltip-autocomplete li[aria-selected]')?.textContent.startsWith('targetSelection'));
      // The documentation of the selected member shows beside the menu.
      await page.waitForSelector('.cm-completionInfo .schema-tip');
      assert.match(await page.textContent('.cm-completionInfo'), /SNAPSHOT runs the job once/);
      await page.screenshot({ path: `${resultsDir}completion.png` });
      console.log(`screenshot: ${resultsDir}completion.png`);
      await page.keyboard.press('Enter');
      // The member comes with the quotes of its value, and the values are offered at once.
      assert.match(await page.textContent('.cm-activeLine'), /^\s*"targetSelection": ""$/);
      await page.waitForFunction(() => [...document.querySelectorAll('.cm-tooltip-autocomplete li')].some((li) => li.textContent.startsWith('"CONTINUOUS"')));
      const values = await menu();
      assert.equal(values.length, 2);
      assert.ok(values.some((v) => /^"SNAPSHOT"The job runs once on the things that are targeted/.test(v)), values.join(' | '));
      assert.ok(values.some((v) => /^"CONTINUOUS"The job keeps running/.test(v)), values.join(' | '));
      await page.keyboard.type('SN');
      await page.waitForFunction(() => document.querySelector('.cm-tooltip-autocomplete li[aria-selected]')?.textContent.startsWith('"SNAPSHOT"'));
      await page.keyboard.press('Enter');
      assert.match(await page.textContent('.cm-activeLine'), /^\s*"targetSelection": "SNAPSHOT"$/);
      // The value chosen is valid: the check of the text with it has no model/enum.
      await page.waitForFunction(() => !document.querySelector('#problems .problem[data-code="model/enum"]') && !document.querySelector('#problems .problem[data-code="json/syntax"]'));
      // The schema follows the operation selector: a template has jobTemplateId, not jobId.
      await page.selectOption('#operation', 'create-job-template');
      await goToLine(page, 2, 2);
      await page.keyboard.type('"jobTemplate');
      await page.keyboard.press('Control+Space');
      await page.waitForSelector('.cm-tooltip-autocomplete li');
      assert.ok((await menu()).some((m) => m.startsWith('jobTemplateId')), 'jobTemplateId offered for create-job-template');
      await page.keyboard.press('Escape');
      // Deeper: the members of an item of schedulingConfig.maintenanceWindows, through items and $ref.
      await page.selectOption('#operation', '');
      await openDocument(page, '{"jobId": "x", "schedulingConfig": {"maintenanceWindows": [{}]}}\n');
      await page.click('.cm-content');
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('End');
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Control+Space');
      await page.waitForSelector('.cm-tooltip-autocomplete li');
      assert.deepEqual(await menu(), ['durationInMinutesinteger · 1 to 1430 · required', 'startTimestring · 1 to 256 characters · required']);
      await page.keyboard.press('Escape');
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('hover: a member name or value shows its documentation and limits from the schema', async () => {
    const p = await openPage(env, `?now=${NOW}&example=firmware-ota`, { viewport: { width: 1440, height: 1000 } });
    try {
      const { page } = p;
      await hoverWord(page, '"durationInMinutes": 360', 'durationInMinutes');
      await page.waitForSelector('.cm-tooltip-hover .schema-tip');
      const tip = await page.textContent('.cm-tooltip-hover .schema-tip');
      assert.match(tip, /^durationInMinutesintegerrequired/);
      assert.match(tip, /Limits: 1 to 1430/);
      assert.match(tip, /window length in minutes/);
      await page.screenshot({ path: `${resultsDir}hover.png` });
      console.log(`screenshot: ${resultsDir}hover.png`);
      // The 2023-03-02 edition's schema has its own range.
      await page.mouse.move(1300, 20);
      await page.waitForSelector('.cm-tooltip-hover', { state: 'detached' });
      const n = await lintCount(page);
      await page.selectOption('#edition', '2023-03-02');
      await waitForLint(page, n + 1);
      await hoverWord(page, '"durationInMinutes": 360', 'durationInMinutes');
      await page.waitForSelector('.cm-tooltip-hover .schema-tip');
      assert.match(await page.textContent('.cm-tooltip-hover .schema-tip'), /Limits: 30 to 1430/);
      await page.mouse.move(1300, 20);
      // A value: the meaning of the enum value it holds.
      await hoverWord(page, '"targetSelection": "SNAPSHOT"', 'SNAPSHOT');
      await page.waitForSelector('.cm-tooltip-hover .schema-value');
      assert.match(await page.textContent('.cm-tooltip-hover .schema-value'), /^"SNAPSHOT": The job runs once/);
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('quick fixes: from the hover tooltip and from the Problems panel, placed right after emoji', async () => {
    const p = await openPage(env, `?now=${NOW}&example=broken`, { viewport: { width: 1440, height: 1000 } });
    try {
      const { page } = p;
      // The tooltip: the fix is a button labelled with its message.
      await page.locator('.cm-lintRange-error', { hasText: 'snapshot' }).hover();
      const action = page.locator('.cm-tooltip-lint .cm-diagnosticAction', { hasText: 'replace with `SNAPSHOT`' });
      await action.waitFor();
      assert.equal(await action.textContent(), 'Fix: replace with `SNAPSHOT`');
      await page.screenshot({ path: `${resultsDir}quickfix.png` });
      console.log(`screenshot: ${resultsDir}quickfix.png`);
      let n = await lintCount(page);
      await action.click();
      await waitForLint(page, ++n);
      assert.match(await page.textContent('.cm-content'), /"targetSelection": "SNAPSHOT",/);
      assert.ok(!(await problems(page)).some((d) => d.code === 'model/enum'), 'model/enum is gone');

      // The panel: a suggested fix, labelled with its message.
      const fix = page.locator('#problems li', { hasText: 'abort/threshold-precision' }).locator('button.fix');
      assert.equal(await fix.textContent(), 'Apply suggested fix: round to 10.13');
      await fix.click();
      await waitForLint(page, ++n);
      assert.match(await page.textContent('.cm-content'), /"thresholdPercentage": 10\.13,/);
      assert.ok(!(await problems(page)).some((d) => d.code === 'abort/threshold-precision'), 'abort/threshold-precision is gone');

      // Byte offsets become UTF-16 positions: emoji (4 UTF-8 bytes, 2 UTF-16 units) and é (2 bytes, 1 unit) first.
      const thing = 'arn:aws:iot:eu-central-1:111122223333:thing/pump-0042';
      const emoji = `{\n  "description": "🚀 pumps café 😀",\n  "jobId": "pump-fw",\n  "targets": ["${thing}", "${thing}"],\n  "document": "{}"\n}\n`;
      await openDocument(page, emoji);
      n = await lintCount(page);
      await page.locator('#problems li', { hasText: 'targets/duplicate' }).locator('button.fix').click();
      await waitForLint(page, ++n);
      assert.equal(await page.evaluate(() => [...document.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n')), emoji.replace(`, "${thing}"]`, ']'));
      assert.ok(!(await problems(page)).some((d) => d.code === 'targets/duplicate'));
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('"Fix all safe" applies every safe fix (the package\'s rounds) in one undoable change; the rest stay', async () => {
    const p = await openPage(env, `?now=${NOW}&example=broken`);
    try {
      const { page } = p;
      const before = await problems(page);
      const label = await page.textContent('#fix-all');
      console.log(`broken example: ${before.length} problems; button "${label}"`);
      assert.match(label, /^Fix all safe \(\d+\)$/);
      const safe = Number(/\((\d+)\)/.exec(label)[1]);
      assert.ok(safe >= 2, 'at least the duplicate target and the enum case');
      const n = await lintCount(page);
      await page.click('#fix-all');
      await waitForLint(page, n + 1);
      await page.waitForSelector('#lint-status:has-text("Checked")');
      const after = await problems(page);
      for (const code of ['targets/duplicate', 'model/enum']) assert.ok(!after.some((d) => d.code === code), `${code} fixed`);
      assert.ok(after.some((d) => d.code === 'abort/threshold-precision'), 'a suggested fix is not applied');
      assert.equal(after.length, before.length - safe);
      assert.equal(await page.isHidden('#fix-all'), true, 'no safe fix left');
      assert.match(await page.textContent('.cm-content'), /"targetSelection": "SNAPSHOT",/);
      // One undo step brings it all back.
      await page.keyboard.press('Control+z');
      await waitForLint(page, n + 2);
      assert.equal((await problems(page)).length, before.length);

      // Around emoji: the package's output goes in exactly (no split surrogate pair).
      const thing = 'arn:aws:iot:eu-central-1:111122223333:thing/pump-0042';
      const emoji = `{\n  "description": "🚀 pumps 😀",\n  "jobId": "pump-fw",\n  "targets": ["${thing}", "${thing}"],\n  "targetSelection": "snapshot😀",\n  "document": "{}"\n}\n`;
      await openDocument(page, emoji.replace('snapshot😀', 'snapshot'));
      const m = await lintCount(page);
      await page.click('#fix-all');
      await waitForLint(page, m + 1);
      const text = await page.evaluate(() => [...document.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n'));
      assert.equal(text, emoji.replace(`, "${thing}"]`, ']').replace('"snapshot😀"', '"SNAPSHOT"'));
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('the Problems panel grows to show every problem (no inner scroll box), wide and narrow', async () => {
    for (const viewport of [{ width: 1440, height: 900 }, { width: 700, height: 900 }]) {
      const p = await openPage(env, `?now=${NOW}&example=broken`, { viewport });
      try {
        const { page } = p;
        const box = await page.$eval('#problems', (list) => ({ scroll: list.scrollHeight, client: list.clientHeight, items: list.children.length }));
        assert.ok(box.items >= 20, `${box.items} problems`);
        assert.ok(box.scroll <= box.client + 1, `the list is not scrolled inside (${box.scroll} > ${box.client})`);
        // The column beside the editor is used down to the editor's bottom.
        const fill = await page.evaluate(() => {
          const editor = document.querySelector('.editor-pane').getBoundingClientRect();
          const side = document.querySelector('.side').getBoundingClientRect();
          return { editor: editor.height, side: side.height };
        });
        if (viewport.width > 900) assert.ok(fill.side >= fill.editor - 1, `side column ${fill.side} >= editor ${fill.editor}`);
        await page.screenshot({ path: `${resultsDir}problems-${viewport.width}.png`, fullPage: true });
        console.log(`screenshot: ${resultsDir}problems-${viewport.width}.png`);
        await p.clean();
      } finally {
        await p.close();
      }
    }
  });

  test('export of a file with errors asks first in the page: Cancel copies nothing, confirming copies', async () => {
    const p = await openPage(env, `?now=${NOW}&example=broken`);
    try {
      const { page, context } = p;
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
      await page.evaluate(() => navigator.clipboard.writeText('left alone'));
      const errors = (await problems(page)).filter((d) => d.text.startsWith('Error')).length;
      let dialogs = 0;
      page.on('dialog', (dialog) => {
        dialogs++;
        dialog.dismiss();
      });
      await page.click('#copy-command');
      await page.waitForSelector('#export-confirm', { state: 'visible' });
      assert.equal(await page.textContent('#export-confirm .confirm-message'), `This file has ${errors} errors; AWS will reject it. Copy anyway?`);
      assert.ok(await page.evaluate(() => document.activeElement?.textContent === 'Cancel'), 'Cancel has the focus');
      await page.screenshot({ path: `${resultsDir}export-confirm.png` });
      console.log(`screenshot: ${resultsDir}export-confirm.png`);
      await page.click('#export-confirm button:has-text("Cancel")');
      await page.waitForSelector('#export-confirm', { state: 'hidden' });
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'left alone');
      assert.match(await page.textContent('#export-status'), /^Not copied/);
      // Escape cancels too; Tab stays on the two buttons; the focus goes back to the button.
      await page.focus('#copy-script');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#export-confirm', { state: 'visible' });
      const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'Copy anyway');
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'Cancel');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await focused(), 'Copy anyway');
      await page.keyboard.press('Escape');
      await page.waitForSelector('#export-confirm', { state: 'hidden' });
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'copy-script');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'left alone');

      await page.click('#copy-command');
      await page.click('#export-confirm button:has-text("Copy anyway")');
      await page.waitForSelector('#export-status:has-text("Copied")');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'aws iot create-job --cli-input-json file://job.json');
      await page.click('#copy-script');
      await page.click('#export-confirm button:has-text("Copy anyway")');
      await page.waitForSelector('#export-status:has-text("shell script")');
      assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^cat > job\.json <<'JOB_JSON'\n/);
      await page.click('#download');
      assert.match(await page.textContent('#export-confirm .confirm-message'), /Download anyway\?$/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-confirm button:has-text("Download anyway")')]);
      assert.equal(download.suggestedFilename(), 'job.json');
      assert.equal(dialogs, 0, 'no window.confirm');
      // A document not checked yet (an export right after an edit, before the check) is asked
      // about too, even when the last one checked had no error.
      await openDocument(page, example('firmware-ota.job.json'));
      assert.match(await page.textContent('#problem-counts'), /^0 errors/);
      await page.click('.cm-content');
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText('{"jobId": "bad id", "targets": []}');
      await page.click('#download'); // within the debounce before the check
      assert.match(await page.textContent('#export-confirm .confirm-message'), /^This file has not been checked yet/);
      await page.keyboard.press('Escape');
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('bidirectional controls in the document are spelt out in the page; the legend lists at most 12 windows', async () => {
    const job = JSON.parse(example('firmware-ota.job.json'));
    job.description = 'Pumps \u202egnp.exe';
    job.schedulingConfig.maintenanceWindows = Array.from({ length: 30 }, (_, i) => ({ startTime: `cron(${i} 2 ? * SUN *)`, durationInMinutes: 1 }));
    job.schedulingConfig.maintenanceWindows[29].startTime = 'cron(0 3 ? * \u202eNUS *)';
    const p = await openPage(env, `?now=${NOW}&example=firmware-ota`, { viewport: { width: 1440, height: 1000 } });
    try {
      const { page } = p;
      await openDocument(page, JSON.stringify(job, null, 2) + '\n');
      const info = await page.textContent('#doc-info');
      assert.ok(info.includes('Pumps \\u{202e}gnp.exe'), info);
      assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(await page.textContent('body')), 'no raw bidi control anywhere in the page');
      const items = await page.$$eval('#legend li', (lis) => lis.map((li) => li.textContent));
      assert.ok(items.length <= 13, `${items.length} legend items`);
      assert.match(items[items.length - 1], /^and 18 more maintenance windows, not in the calendar$/);
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('calendar: legend per window, hour and day axis zoomed to the windows, local time only off UTC', async () => {
    const job = JSON.parse(example('firmware-ota.job.json'));
    job.schedulingConfig.maintenanceWindows = [
      { startTime: 'cron(0 22 ? * SAT *)', durationInMinutes: 360 },
      { startTime: 'cron(30 1 ? * TUE,THU *)', durationInMinutes: 150 },
    ];
    const text = JSON.stringify(job, null, 2) + '\n';
    const p = await openPage(env, `?now=${NOW}&example=firmware-ota`, { viewport: { width: 1440, height: 1000 } });
    try {
      const { page } = p;
      // In a UTC browser the list gives UTC once.
      assert.equal(await page.locator('#windows .window-local').count(), 0);
      await openDocument(page, text);
      const legend = await page.$$eval('#legend li', (items) => items.map((i) => i.textContent));
      assert.deepEqual(legend, ['maintenanceWindows[0]cron(0 22 ? * SAT *)6 h', 'maintenanceWindows[1]cron(30 1 ? * TUE,THU *)2 h 30 min']);
      assert.deepEqual(
        await page.$$eval('#legend .swatch', (s) => s.map((x) => getComputedStyle(x).backgroundColor)),
        await page.$$eval('#timeline .bar.win-0, #timeline .bar.win-1', (bars) => {
          const seen = new Map();
          for (const b of bars) seen.set(b.classList[1], getComputedStyle(b).fill);
          return [seen.get('win-0'), seen.get('win-1')];
        }),
      );
      const axis = await page.$$eval('#timeline .axis', (t) => t.map((x) => x.textContent));
      console.log(`axis: ${axis.join(' ')}`);
      assert.ok(!axis.some((t) => /\+1d|^24$/.test(t)), 'no "+1d" or "24" labels');
      assert.ok(axis.includes('day of start') && axis.includes('next day'), 'the two days are named');
      assert.ok(axis.every((t) => /^(UTC|day of start|next day|\d\d:00)$/.test(t)), axis.join(' '));
      // Zoomed: the windows end at 04:00 of the next day at the latest, so the axis stops soon
      // after (it used to run to the end of the next day).
      const hours = axis.filter((t) => /^\d\d:00$/.test(t));
      assert.equal(hours.at(-1), '06:00', 'the unused end of the next day is left out');
      await page.locator('.schedule-pane').screenshot({ path: `${resultsDir}calendar.png` });
      console.log(`screenshot: ${resultsDir}calendar.png`);
      await p.clean();
    } finally {
      await p.close();
    }
    // A short daily window: the axis spans a few hours, not two days.
    const daily = JSON.parse(example('firmware-ota.job.json'));
    daily.schedulingConfig.maintenanceWindows = [{ startTime: 'cron(0 2 * * ? *)', durationInMinutes: 60 }];
    const q = await openPage(env, `?now=${NOW}&example=firmware-ota`, { timezoneId: 'Asia/Tokyo' });
    try {
      const { page } = q;
      await openDocument(page, JSON.stringify(daily, null, 2) + '\n');
      const hours = (await page.$$eval('#timeline .axis', (t) => t.map((x) => x.textContent))).filter((t) => /^\d\d:00$/.test(t));
      console.log(`daily 02:00 for 1 h: axis ${hours.join(' ')}`);
      assert.ok(hours.length >= 4 && hours.length <= 10, hours.join(' '));
      assert.ok(!(await page.$$eval('#timeline .axis', (t) => t.map((x) => x.textContent))).includes('next day'));
      // Tokyo is not UTC: local time is given.
      assert.match(await page.textContent('#windows li:first-child .window-local'), /11:00 – 12:00 GMT\+9/);
      await q.clean();
    } finally {
      await q.close();
    }
  });

  test('export: copy the aws CLI command or a shell script, download the JSON', async () => {
    const p = await openPage(env, `?now=${NOW}&example=firmware-ota`);
    try {
      const { page, context } = p;
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
      const text = example('firmware-ota.job.json');
      assert.equal(await page.textContent('#command'), 'aws iot create-job --cli-input-json file://job.json');
      await page.click('#copy-command');
      await page.waitForSelector('#export-status:has-text("Copied")');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'aws iot create-job --cli-input-json file://job.json');
      await page.click('#copy-script');
      await page.waitForSelector('#export-status:has-text("shell script")');
      assert.equal(
        await page.evaluate(() => navigator.clipboard.readText()),
        `cat > job.json <<'JOB_JSON'\n${text}JOB_JSON\naws iot create-job --cli-input-json file://job.json\n`,
      );
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      assert.equal(download.suggestedFilename(), 'job.json');
      assert.equal(readFileSync(await download.path(), 'utf8'), text);

      await page.selectOption('#example', 'describe-job');
      await page.waitForFunction(() => document.getElementById('copy-command').disabled);
      assert.equal(await page.isDisabled('#copy-script'), true);
      assert.equal(await page.textContent('#download-name'), 'describe-job.json');
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('keyboard: every control is labelled and reachable with Tab', async () => {
    const p = await openPage(env, `?now=${NOW}&example=broken`);
    try {
      const { page } = p;
      for (const label of ['Example', 'Operation', 'Service model', 'Now (UTC, RFC 3339)', 'browser clock']) {
        assert.equal(await page.getByLabel(label, { exact: true }).count(), 1, `a control labelled ${label}`);
      }
      assert.equal(await page.getByRole('textbox', { name: 'Job JSON' }).count(), 1);
      for (const name of ['Open JSON…', 'Copy command', 'Copy as shell script', 'Download job.json']) {
        assert.equal(await page.getByRole('button', { name }).count(), 1, `a button named ${name}`);
      }
      const seen = new Set();
      for (let i = 0; i < 16; i++) {
        await page.keyboard.press('Tab');
        seen.add(
          await page.evaluate(() => {
            const a = document.activeElement;
            return a.id || (a.classList.contains('cm-content') ? 'editor' : a.classList.contains('problem') ? 'problem' : a.tagName);
          }),
        );
      }
      for (const id of ['example', 'open', 'operation', 'edition', 'now', 'now-clock', 'editor', 'problem']) {
        assert.ok(seen.has(id), `Tab reaches ${id} (reached: ${[...seen].join(', ')})`);
      }
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('a 32 KB job document lints in under one animation frame on average (measured, not asserted)', async () => {
    const p = await openPage(env, `?now=${NOW}&example=firmware-ota`);
    try {
      const { page } = p;
      const job = JSON.parse(example('firmware-ota.job.json'));
      const steps = [];
      const body = () => JSON.stringify(job, null, 2) + '\n';
      job.document = '';
      for (let i = 0; Buffer.byteLength(body()) < 32 * 1024 - 200; i++) {
        steps.push({ step: i, action: 'copy', source: `\${aws:iot:s3-presigned-url:https://s3.amazonaws.com/example-firmware/part-${i}.bin}`, sha256: 'ab'.repeat(32) });
        job.document = JSON.stringify({ operation: 'firmware-update', steps });
      }
      const text = body();
      const bytes = Buffer.byteLength(text);
      await openDocument(page, text, 'big.job.json');
      const diagnostics = (await problems(page)).length;
      const at = find(text, '"description": "');
      await goToLine(page, at.line, at.index + '"description": "'.length + 4);
      const runs = 30;
      const first = await lintCount(page);
      const typingFrom = await page.evaluate(() => performance.now());
      for (let i = 0; i < runs; i++) {
        const before = await lintCount(page);
        await page.keyboard.type('abcdefghij'[i % 10]);
        await waitForLint(page, before + 1);
      }
      const entries = await page.evaluate((first) => {
        const lint = performance.getEntriesByName('iot-jobs-lint:lint').slice(first);
        const render = performance.getEntriesByName('iot-jobs-lint:render').slice(first);
        return { lint: lint.map((e) => ({ ...e.detail, roundTrip: e.duration })), render: render.map((e) => e.duration) };
      }, first);
      const tasks = await page.evaluate(() => window.__longTasks);
      const longTasks = tasks.filter((t) => t.start >= typingFrom).map((t) => t.duration);
      const loading = tasks.filter((t) => t.start < typingFrom).map((t) => t.duration);
      assert.equal(entries.lint.length, runs);
      assert.ok(entries.lint.every((e) => e.bytes >= bytes - 64 && e.bytes <= bytes + 64), 'the measured document is the 32 KB one');
      const lint = stats(entries.lint.map((e) => e.lintMs));
      const round = stats(entries.lint.map((e) => e.roundTrip));
      const render = stats(entries.render);
      const line = (name, s) => `${name.padEnd(34)} mean ${fmt(s.mean)}  median ${fmt(s.median)}  p95 ${fmt(s.p95)}  max ${fmt(s.max)}`;
      console.log(`32 KB document: ${bytes} bytes, ${diagnostics} diagnostics, ${runs} edits, one lint each`);
      console.log(line('analyze() in the worker', lint));
      console.log(line('round trip (post -> answer)', round));
      console.log(line('main thread: show the answer', render));
      console.log(`one animation frame = ${fmt(FRAME_MS)}: analyze() (report and schedule in one pass) mean is ${lint.mean < FRAME_MS ? 'UNDER' : 'OVER'} one frame`);
      console.log(`long tasks (> 50 ms) on the main thread while typing into it: ${longTasks.length}${longTasks.length ? ` (max ${fmt(Math.max(...longTasks))})` : ''}; before, while loading the page and the document: ${loading.length}${loading.length ? ` (${loading.map(fmt).join(', ')})` : ''}`);
      assert.ok(Number.isFinite(lint.mean) && lint.mean > 0);
      await p.clean();
    } finally {
      await p.close();
    }
  });

  test('screenshots of the page with diagnostics (wide with a hover and its quick fix, and narrow)', async () => {
    // A job with three mistakes and two maintenance windows: problems, calendar and a hover.
    const job = JSON.parse(example('firmware-ota.job.json'));
    job.targetSelection = 'snapshot';
    job.abortConfig.criteriaList[0].thresholdPercentage = 12.125;
    job.schedulingConfig.maintenanceWindows = [
      { startTime: 'cron(0 22 ? * SAT *)', durationInMinutes: 1440 },
      { startTime: 'cron(30 1 ? * TUE,THU *)', durationInMinutes: 150 },
    ];
    const p = await openPage(env, `?now=${NOW}`, { viewport: { width: 1440, height: 1000 }, timezoneId: 'Europe/Berlin' });
    try {
      const { page } = p;
      await openDocument(page, JSON.stringify(job, null, 2) + '\n');
      assert.ok((await problems(page)).length >= 3);
      assert.ok((await page.locator('#windows li').count()) > 0);
      await page.locator('.cm-lintRange-error', { hasText: 'snapshot' }).hover();
      await page.waitForSelector('.cm-tooltip-lint');
      const tip = await page.textContent('.cm-tooltip-lint');
      assert.match(tip, /model\/enum/);
      assert.match(tip, /`targetSelection` must be one of CONTINUOUS, SNAPSHOT; found "snapshot"/);
      assert.match(tip, /Help: did you mean `SNAPSHOT`\?/);
      // The quick fix, in action: its button in the tooltip.
      assert.match(tip, /Fix: replace with `SNAPSHOT`/);
      const wide = `${resultsDir}console.png`;
      await page.screenshot({ path: wide });
      console.log(`screenshot: ${wide}`);
      if (process.env.UPDATE_SCREENSHOT) {
        copyFileSync(wide, `${webDir}screenshot.png`);
        console.log(`copied to ${webDir}screenshot.png`);
      }
      await p.clean();
    } finally {
      await p.close();
    }
    const n = await openPage(env, `?now=${NOW}&example=broken`, { viewport: { width: 420, height: 900 }, isMobile: false });
    try {
      const { page } = n;
      // Nothing sticks out sideways on a narrow window.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scrolling');
      const narrow = `${resultsDir}console-narrow.png`;
      await page.screenshot({ path: narrow, fullPage: true });
      console.log(`screenshot: ${narrow}`);
      await n.clean();
    } finally {
      await n.close();
    }
  });
});
