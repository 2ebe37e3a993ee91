// The shared fixture corpus (tests/corpus/ at the repository root), read as the Rust corpus test
// (crates/iot-jobs-lint/tests/corpus.rs) reads it: NAME.json is the input, NAME.expect.json the
// verdict, optionally with operation, serviceModel and now (default 2026-01-01T00:00:00Z).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS = fileURLToPath(new URL('../../tests/corpus/', import.meta.url));
export const DEFAULT_NOW = '2026-01-01T00:00:00Z';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Every case, sorted by name: { name, bytes, text (null when not UTF-8), expect, options }. */
export function cases() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.expect.json')) {
        const input = path.slice(0, -'.expect.json'.length) + '.json';
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
