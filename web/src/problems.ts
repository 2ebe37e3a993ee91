// The problems panel (and the schedule's diagnostics beside the calendar): one button per
// diagnostic with its severity, code, position, JSON Pointer, message and help; choosing one
// moves the editor's cursor to the offending value. Below it, one "Apply fix" button per fix the
// package offers, labelled with the fix's message.
import type { Diagnostic, Severity } from 'iot-jobs-lint';
import { el } from './dom';
import type { PlacedFix } from './fixes';

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

export function renderProblems(
  list: HTMLOListElement,
  empty: HTMLElement,
  diagnostics: Diagnostic[],
  onPick: (d: Diagnostic) => void,
  withFixes?: { fixes: PlacedFix[][]; apply: (index: number, fixIndex: number) => void },
): void {
  const items = diagnostics.map((d, index) => {
    const button = el(
      'button',
      `problem sev-${d.severity}`,
      el(
        'span',
        'problem-head',
        el('span', `badge sev-${d.severity}`, SEVERITY_LABEL[d.severity]),
        el('code', 'problem-code', d.code),
        el('span', 'problem-pos', `Ln ${d.line}, Col ${d.column}`),
      ),
      el('code', 'problem-pointer', d.pointer === '' ? '(whole document)' : d.pointer),
      el('span', 'problem-message', d.message),
      d.help ? el('span', 'problem-help', `Help: ${d.help}`) : null,
    );
    button.type = 'button';
    button.dataset.code = d.code;
    button.dataset.line = String(d.line);
    button.dataset.column = String(d.column);
    button.addEventListener('click', () => onPick(d));
    const fixes = withFixes?.fixes[index] ?? [];
    const fixButtons = fixes.map((fix, fixIndex) => {
      const apply = el(
        'button',
        `fix fix-${fix.applicability}`,
        el('span', 'fix-label', fix.applicability === 'safe' ? 'Apply fix' : 'Apply suggested fix'),
        ': ',
        el('span', 'fix-message', fix.message),
      );
      apply.type = 'button';
      apply.dataset.applicability = fix.applicability;
      apply.title =
        fix.applicability === 'safe'
          ? 'A safe fix: what it changes is certain'
          : 'A suggested fix: check that it is what you meant';
      apply.addEventListener('click', () => withFixes?.apply(index, fixIndex));
      return apply;
    });
    return el('li', undefined, button, fixButtons.length ? el('div', 'problem-fixes', ...fixButtons) : null);
  });
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
  empty.hidden = items.length !== 0;
}

/**
 * Errors and warnings, always; notes (`info`) only when there are some: the package emits a note
 * only in one rare case (a rule with more than 100 findings), so a fixed "0 info" would say
 * nothing.
 */
export function countText(diagnostics: Diagnostic[]): string {
  const n = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) n[d.severity]++;
  const part = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return [part(n.error, 'error'), part(n.warning, 'warning'), n.info ? `${n.info} info` : null].filter(Boolean).join(' · ');
}
