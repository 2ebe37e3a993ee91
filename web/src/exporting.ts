// Export helpers: the AWS CLI command that sends the document, the same as a self-contained shell
// script (here-document + command), and the file download.
import type { Operation } from 'iot-jobs-lint';
import { el } from './dom';

/** The file name the command refers to and the download is saved as. */
export function fileName(operation: Operation | null): string {
  switch (operation) {
    case 'create-job-template':
      return 'job-template.json';
    case 'describe-job':
      return 'describe-job.json';
    case 'describe-job-template':
      return 'describe-job-template.json';
    default:
      return 'job.json';
  }
}

/** `aws iot create-job --cli-input-json file://job.json`, or null for a Describe* response. */
export function cliCommand(operation: Operation | null): string | null {
  if (operation === 'describe-job' || operation === 'describe-job-template') return null;
  const command = operation === 'create-job-template' ? 'create-job-template' : 'create-job';
  return `aws iot ${command} --cli-input-json file://${fileName(operation)}`;
}

/** The document written by a quoted here-document (no expansion), then the command. */
export function shellScript(operation: Operation | null, text: string): string | null {
  const command = cliCommand(operation);
  if (!command) return null;
  const lines = new Set(text.split('\n'));
  let marker = 'JOB_JSON';
  while (lines.has(marker)) marker += '_';
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `cat > ${fileName(operation)} <<'${marker}'\n${body}${marker}\n${command}\n`;
}

export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Clipboard API where the page may use it, else the old selection-copy fallback. */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('the browser refused to copy');
}

let pendingAnswer: ((yes: boolean) => void) | null = null;

/**
 * The page's own confirm step (not `window.confirm`): `message` with Cancel and `confirmLabel`,
 * shown in `box`; resolves with the choice. Escape cancels; a second request replaces the first
 * (which resolves as cancelled).
 */
export function askBeforeExport(box: HTMLElement, message: string, confirmLabel: string): Promise<boolean> {
  pendingAnswer?.(false);
  return new Promise((resolve) => {
    const text = el('p', 'confirm-message', message);
    text.id = 'export-confirm-message';
    const cancel = el('button', 'confirm-cancel', 'Cancel');
    const go = el('button', 'confirm-go', confirmLabel);
    cancel.type = 'button';
    go.type = 'button';
    const row = el('div', 'buttons', cancel, go);
    box.replaceChildren(text, row);
    box.setAttribute('aria-describedby', text.id);
    box.hidden = false;
    // Back to where the user was (the export button) when the question is answered.
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // While it is open: Escape cancels wherever the focus is, and Tab stays on its two buttons.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        done(false);
      } else if (event.key === 'Tab') {
        event.preventDefault();
        (document.activeElement === cancel ? go : cancel).focus();
      }
    };
    const done = (yes: boolean) => {
      if (pendingAnswer !== done) return;
      pendingAnswer = null;
      document.removeEventListener('keydown', onKey, true);
      box.hidden = true;
      box.replaceChildren();
      returnTo?.focus();
      resolve(yes);
    };
    pendingAnswer = done;
    cancel.addEventListener('click', () => done(false));
    go.addEventListener('click', () => done(true));
    document.addEventListener('keydown', onKey, true);
    cancel.focus();
  });
}
