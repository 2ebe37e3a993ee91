// The package's fixes, placed in the editor. A fix's edits address the linted text by UTF-8 byte
// offsets; CodeMirror addresses it by UTF-16 offsets: one walk over the text converts every
// offset of a report at once. A fix is tied to the document it was computed for (CodeMirror's
// `Text` values are immutable, so identity says "unchanged"): it is applied only to that document.
import type { Text } from '@codemirror/state';
import type { Applicability, Diagnostic, Fix } from 'iot-jobs-lint';

export interface Change {
  from: number;
  to: number;
  insert: string;
}

export interface PlacedFix {
  message: string;
  applicability: Applicability;
  /** Sorted, non-overlapping (the package promises it for one fix). */
  changes: Change[];
}

/**
 * UTF-8 byte offsets to UTF-16 offsets in `text`. An offset that falls inside a character's
 * encoding, or past the end, has no position (it is left out of the map).
 */
export function byteOffsets(text: string, offsets: Iterable<number>): Map<number, number> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const found = new Map<number, number>();
  let bytes = 0;
  let units = 0;
  let next = 0;
  while (next < wanted.length) {
    while (next < wanted.length && wanted[next] < bytes) next++; // inside a character
    if (next < wanted.length && wanted[next] === bytes) found.set(wanted[next++], units);
    if (units >= text.length) break;
    const cp = text.codePointAt(units) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    units += cp > 0xffff ? 2 : 1;
  }
  return found;
}

/**
 * Every fix of every diagnostic, in UTF-16 positions of `doc` (the text that was linted); a fix
 * with an edit that cannot be placed is dropped. Same order as `diagnostics`.
 */
export function placeFixes(doc: Text, diagnostics: readonly Diagnostic[]): PlacedFix[][] {
  const offsets: number[] = [];
  for (const d of diagnostics)
    for (const fix of d.fixes ?? []) for (const edit of fix.edits) offsets.push(edit.span.start, edit.span.end);
  if (offsets.length === 0) return diagnostics.map(() => []);
  const at = byteOffsets(doc.toString(), offsets);
  const place = (fix: Fix): PlacedFix | null => {
    const changes: Change[] = [];
    for (const edit of fix.edits) {
      const from = at.get(edit.span.start);
      const to = at.get(edit.span.end);
      if (from === undefined || to === undefined || to < from) return null;
      changes.push({ from, to, insert: edit.replacement });
    }
    changes.sort((a, b) => a.from - b.from || a.to - b.to);
    return { message: fix.message, applicability: fix.applicability, changes };
  };
  return diagnostics.map((d) => (d.fixes ?? []).map(place).filter((f): f is PlacedFix => f !== null));
}
