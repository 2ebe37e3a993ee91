// The problems panel (and the schedule's diagnostics beside the calendar): one button per
// diagnostic with its severity, code, position, JSON Pointer, message and help; choosing one
// moves the editor's cursor to the offending value.
import type { Diagnostic, Severity } from 'iot-jobs-lint';
import { el } from './dom';

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

export function renderProblems(
  list: HTMLOListElement,
  empty: HTMLElement,
  diagnostics: Diagnostic[],
  onPick: (d: Diagnostic) => void,
): void {
  const items = diagnostics.map((d) => {
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
    return el('li', undefined, button);
  });
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
  empty.hidden = items.length !== 0;
}

export function countText(diagnostics: Diagnostic[]): string {
  const n = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) n[d.severity]++;
  const part = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return [part(n.error, 'error'), part(n.warning, 'warning'), `${n.info} info`].join(' · ');
}
