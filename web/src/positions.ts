// The package reports 1-based lines and 1-based columns counted in Unicode code points (the end
// column exclusive); CodeMirror addresses a document by UTF-16 offsets. A character outside the
// Basic Multilingual Plane (an emoji, say) is one column but two UTF-16 units.
import type { Text } from '@codemirror/state';

/** The offset of (line, column); past the end of a line it stops at the line's end. */
export function offsetOf(doc: Text, line: number, column: number): number {
  if (line < 1) return 0;
  if (line > doc.lines) return doc.length;
  const { from, text } = doc.line(line);
  let units = 0;
  for (let cp = 1; cp < column && units < text.length; cp++) {
    units += (text.codePointAt(units) ?? 0) > 0xffff ? 2 : 1;
  }
  return from + units;
}

/** The 1-based line and code-point column of an offset (for the status bar). */
export function lineColumnOf(doc: Text, offset: number): { line: number; column: number } {
  const line = doc.lineAt(offset);
  let column = 1;
  for (let units = 0; units < offset - line.from; column++) {
    units += (line.text.codePointAt(units) ?? 0) > 0xffff ? 2 : 1;
  }
  return { line: line.number, column };
}

/** A diagnostic's range as CodeMirror offsets, never empty-backwards. */
export function rangeOf(
  doc: Text,
  d: { line: number; column: number; endLine: number; endColumn: number },
): { from: number; to: number } {
  const from = offsetOf(doc, d.line, d.column);
  const to = offsetOf(doc, d.endLine, d.endColumn);
  return { from, to: Math.max(from, to) };
}
