// The JSON editor: CodeMirror 6 with its JSON language, the lint extension's squiggles, gutter
// markers and hover tooltips (with the package's fixes as buttons), and completion and hover
// documentation from the operation's JSON Schema (src/schema-assist.ts). The diagnostics come from
// the worker (src/main.ts); this module only places them.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  foldKeymap,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorSelection, EditorState, type Extension } from '@codemirror/state';
import {
  crosshairCursor,
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
} from '@codemirror/view';
import type { Diagnostic } from 'iot-jobs-lint';
import type { PlacedFix } from './fixes';
import { visible } from './dom';
import { rangeOf } from './positions';
import { completeFromSchema, schemaAssist } from './schema-assist';

export interface EditorHooks {
  /** Called after every change of the document (the caller debounces). */
  onChange(): void;
  /** Called when the cursor moves or the document changes. */
  onCursor(): void;
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13.5px', backgroundColor: 'var(--editor-bg)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
  '.cm-gutters': { backgroundColor: 'var(--editor-gutter)', borderRight: '1px solid var(--line)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-tooltip-lint': { maxWidth: '34rem' },
  '.cm-tooltip.cm-tooltip-hover': { maxWidth: '34rem' },
  '.cm-tooltip.cm-completionInfo': { maxWidth: '26rem' },
  '.cm-completionDetail': { marginLeft: '1.2em', fontStyle: 'normal', opacity: '0.75', fontSize: '12px' },
  '.cm-diagnosticAction.fix-safe': { backgroundColor: '#2f6f3e' },
  '.cm-diagnosticAction.fix-suggested': { backgroundColor: '#5a47a0' },
  '.cm-diagnostic': { padding: '6px 10px' },
});

export function createEditor(parent: HTMLElement, doc: string, nonce: string, hooks: EditorHooks): EditorView {
  const extensions: Extension[] = [
    EditorView.cspNonce.of(nonce),
    EditorView.contentAttributes.of({ 'aria-label': 'Job JSON', 'aria-describedby': 'editor-help' }),
    lineNumbers(),
    highlightActiveLineGutter(),
    foldGutter(),
    lintGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    bracketMatching(),
    closeBrackets(),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    EditorState.tabSize.of(2),
    // Tab is left to the browser so that the keyboard can leave the editor; Mod-] / Mod-[ indent.
    autocompletion({ override: [completeFromSchema], icons: false, maxRenderedOptions: 60 }),
    schemaAssist(),
    keymap.of([
      ...closeBracketsKeymap,
      ...completionKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...foldKeymap,
      ...lintKeymap,
    ]),
    json(),
    theme,
    EditorView.lineWrapping,
    EditorView.updateListener.of((update) => {
      if (update.docChanged) hooks.onChange();
      if (update.docChanged || update.selectionSet) hooks.onCursor();
    }),
  ];
  return new EditorView({ parent, state: EditorState.create({ doc, extensions }) });
}

/** Replaces the whole document (an example, an opened file): one undoable change. */
export function replaceDocument(view: EditorView, text: string): void {
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    selection: EditorSelection.cursor(0),
    scrollIntoView: true,
  });
}

function renderMessage(d: Diagnostic): HTMLElement {
  const box = document.createElement('div');
  box.className = 'tip';
  const head = document.createElement('div');
  head.className = 'tip-head';
  const code = document.createElement('code');
  code.className = `code sev-${d.severity}`;
  code.textContent = d.code;
  const pointer = document.createElement('span');
  pointer.className = 'tip-pointer';
  pointer.textContent = visible(d.pointer || '(document)');
  head.append(code, ' ', pointer);
  const message = document.createElement('p');
  message.className = 'tip-message';
  message.textContent = d.message;
  box.append(head, message);
  if (d.help) {
    const help = document.createElement('p');
    help.className = 'tip-help';
    help.textContent = `Help: ${d.help}`;
    box.append(help);
  }
  return box;
}

/**
 * Shows the package's diagnostics in the editor (squiggles, gutter, hover). `fixes[i]` are the
 * fixes of `diagnostics[i]`, placed in the current document; `apply` applies one (it checks that
 * the document is still the one they were computed for).
 */
export function showDiagnostics(
  view: EditorView,
  diagnostics: Diagnostic[],
  fixes: PlacedFix[][] = [],
  apply: (fix: PlacedFix) => void = () => {},
): void {
  const doc = view.state.doc;
  const placed: CmDiagnostic[] = diagnostics.map((d, i) => ({
    ...rangeOf(doc, d),
    severity: d.severity,
    message: `${d.code}: ${d.message}${d.help ? ` Help: ${d.help}` : ''}`,
    renderMessage: () => renderMessage(d),
    actions: (fixes[i] ?? []).map((fix) => ({
      name: fix.applicability === 'safe' ? `Fix: ${fix.message}` : `Fix (check it): ${fix.message}`,
      markClass: `fix-action fix-${fix.applicability}`,
      apply: () => apply(fix),
    })),
  }));
  view.dispatch(setDiagnostics(view.state, placed));
}

/** Puts the cursor at the start of a diagnostic's value, scrolls to it and focuses the editor. */
export function goTo(view: EditorView, d: Diagnostic): void {
  const { from } = rangeOf(view.state.doc, d);
  view.dispatch({
    selection: EditorSelection.cursor(from),
    effects: EditorView.scrollIntoView(from, { y: 'center' }),
  });
  view.focus();
}
