// The shared spec corpus (tests/corpus/ at the repository root), read as the Rust corpus test
// (crates/iot-jobs-lint/tests/corpus.rs) reads it: NAME.json (or a YAML template NAME.yaml) is the input, NAME.expect.json the
// full expected output (every diagnostic, in order, with all its fields), optionally with
// operation, serviceModel, now (default 2026-01-01T00:00:00Z) and maxInputBytes. The Rust test writes the
// expectations (IOT_JOBS_LINT_BLESS=1 cargo test -p iot-jobs-lint --test corpus); this side only
// compares.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

export const CORPUS = fileURLToPath(new URL('../../tests/corpus/', import.meta.url));
export const DEFAULT_NOW = '2026-01-01T00:00:00Z';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The input of an expectation: NAME.json, or the YAML template NAME.yaml. */
export function inputOf(expectPath) {
  const stem = expectPath.slice(0, -'.expect.json'.length);
  return existsSync(stem + '.yaml') ? stem + '.yaml' : stem + '.json';
}

/** Every case, sorted by name: { name, bytes, text (null when not UTF-8), expect, options }. */
export function cases() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.expect.json')) {
        const input = inputOf(path);
        const expect = JSON.parse(readFileSync(path, 'utf8'));
        const bytes = readFileSync(input);
        let text = null;
        try {
          text = utf8.decode(bytes);
        } catch {
          // invalid UTF-8: only the bytes can carry it
        }
        const options = { now: expect.now ?? DEFAULT_NOW };
        if (expect.operation !== undefined) options.operation = expect.operation;
        if (expect.serviceModel !== undefined) options.serviceModel = expect.serviceModel;
        if (expect.maxInputBytes !== undefined) options.maxInputBytes = expect.maxInputBytes;
        out.push({ name: relative(CORPUS, input), bytes, text, expect, options });
      }
    }
  };
  walk(CORPUS);
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The verdict as a sorted list of "severity code pointer" (a multiset, as the Rust test compares). */
export function verdict(diagnostics) {
  return diagnostics.map((d) => `${d.severity} ${d.code} ${d.pointer}`).sort();
}

/**
 * Fields the expectations hold that the npm result does not carry yet (the core's byte span and
 * fixes). Each is compared as soon as a result has it; any other field an expectation holds must
 * be in the result, and any field a result has must be in the expectation: nothing is skipped
 * silently.
 */
export const NOT_YET_EXPOSED = new Set(['span', 'fixes']);

const show = (v) => (v === undefined ? '(absent)' : JSON.stringify(v));
const summary = (d) => `${d.severity} ${d.code} ${JSON.stringify(d.pointer)} at ${d.line}:${d.column}: ${d.message}`;

/**
 * How the diagnostics of a result differ from the expected ones, compared in order, field by
 * field: one string per difference (empty when they agree).
 */
export function diagnosticsDiff(want, got) {
  const out = [];
  if (want.length !== got.length) out.push(`expected ${want.length} diagnostic(s), got ${got.length}`);
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    const w = want[i];
    const g = got[i];
    if (g === undefined) {
      out.push(`diagnostic [${i}] is missing: ${summary(w)}`);
      continue;
    }
    if (w === undefined) {
      out.push(`diagnostic [${i}] is new: ${summary(g)}`);
      continue;
    }
    const fields = [...Object.keys(g), ...Object.keys(w).filter((k) => !(k in g))];
    for (const field of fields) {
      if (!(field in w)) {
        out.push(`diagnostic [${i}] ${field}: the result has it (${show(g[field])}), the expectation does not`);
      } else if (!(field in g)) {
        if (!NOT_YET_EXPOSED.has(field)) out.push(`diagnostic [${i}] ${field}: expected ${show(w[field])}, the result has no such field`);
      } else if (!isDeepStrictEqual(w[field], g[field])) {
        out.push(`diagnostic [${i}] (${w.code} ${JSON.stringify(w.pointer)}) ${field}:\n      expected: ${show(w[field])}\n      got:      ${show(g[field])}`);
      }
    }
  }
  return out;
}
