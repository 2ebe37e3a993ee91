// Shared set-up of the browser tests: the static server (serve.mjs) on a free port, Debian's
// Chromium driven headless by playwright-core, and a page that records everything that must not
// happen (console errors, page errors, failed requests, requests to other origins, CSP
// violations).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';

export const webDir = fileURLToPath(new URL('../', import.meta.url));
export const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
export const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url));
export const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// Headless Chromium without a sandbox, a GPU or QUIC; without the background-networking,
// component-update and sync flags it tries to reach Google's hosts, which a closed network
// (CI's, this project's machines) refuses.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function example(name) {
  return readFileSync(`${examplesDir}${name}`, 'utf8');
}

export async function setUp() {
  assert.ok(existsSync(`${distDir}index.html`), 'web/dist is missing: run `npm run build` in web/ first');
  mkdirSync(resultsDir, { recursive: true });
  const { server, url } = await startServer({ root: distDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/**
 * A fresh context (own storage) and page at `base` + `query`, with recorders. `clean()` asserts
 * that nothing went wrong.
 */
export async function openPage(env, query = '', options = {}) {
  const context = await env.browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
    ...options,
  });
  const origin = new URL(env.url).origin;
  const consoleErrors = [];
  const failed = [];
  const foreign = [];
  context.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(`${message.type()}: ${message.text()}`);
  });
  context.on('weberror', (error) => consoleErrors.push(`page error: ${error.error().message}`));
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) foreign.push(url);
  });
  context.on('requestfailed', (request) => {
    // A download navigation is reported as aborted once the file is taken; that is no failure.
    if (!request.url().startsWith('blob:')) failed.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()}: HTTP ${response.status()}`);
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
    window.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // no Long Tasks API: nothing recorded
    }
  });
  const page = await context.newPage();
  await page.goto(env.url + query);
  await waitForLint(page, 1);
  return {
    page,
    context,
    async clean() {
      const csp = await page.evaluate(() => window.__cspViolations);
      assert.deepEqual(consoleErrors, [], 'console errors or warnings');
      assert.deepEqual(failed, [], 'failed requests');
      assert.deepEqual(foreign, [], 'requests to another origin');
      assert.deepEqual(csp, [], 'Content-Security-Policy violations');
    },
    async close() {
      await context.close();
    },
  };
}

/** Number of lint answers shown so far (User Timing measures the page records). */
export function lintCount(page) {
  return page.evaluate(() => performance.getEntriesByName('iot-jobs-lint:lint').length);
}

/** Waits until at least `count` lint answers have been shown. */
export async function waitForLint(page, count) {
  await page.waitForFunction((n) => performance.getEntriesByName('iot-jobs-lint:lint').length >= n, count, {
    timeout: 15_000,
  });
}

/** Replaces the document the way a person would: the Open button's file chooser. */
export async function openDocument(page, text, name = 'job.json') {
  const before = await lintCount(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#open')]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await waitForLint(page, before + 1);
}

/** The diagnostics the problems panel shows, as {code, line, column, text}. */
export function problems(page, list = '#problems') {
  return page.$$eval(`${list} .problem`, (buttons) =>
    buttons.map((b) => ({
      code: b.dataset.code,
      line: Number(b.dataset.line),
      column: Number(b.dataset.column),
      text: b.textContent,
    })),
  );
}

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { n: values.length, mean, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

export const fmt = (ms) => `${ms.toFixed(2)} ms`;
