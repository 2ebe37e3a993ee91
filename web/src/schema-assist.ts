// Completion and hover in the editor, read from the JSON Schema of the operation in effect (the
// package's schema(), sent by the worker; src/main.ts sets it with `setSchema`). Nothing here
// checks anything: it only finds the subschema at the cursor and shows what the schema says
// (member names, descriptions, limits, enum values and their meanings, snippets).
//
// The path at the cursor comes from @codemirror/lang-json's syntax tree (which keeps a usable
// shape while a document is half typed); the subschema from that path, through `properties`,
// `patternProperties`, `additionalProperties`, `prefixItems`/`items`, `$ref` to `$defs`, and the
// branches of `allOf`/`anyOf`/`oneOf` and `if`/`then`/`else`.
import { snippetCompletion, startCompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import { forEachDiagnostic } from '@codemirror/lint';
import { StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { hoverTooltip, type EditorView, type Tooltip } from '@codemirror/view';
import type { JsonSchema } from 'iot-jobs-lint';
import { el } from './dom';

type SyntaxNode = ReturnType<typeof syntaxTree>['topNode'];
type Segment = string | number;
type Schema = JsonSchema & Record<string, unknown>;

// ---- the schema in effect ----

const setSchemaEffect = StateEffect.define<JsonSchema | null>();
const schemaField = StateField.define<JsonSchema | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setSchemaEffect)) value = e.value;
    return value;
  },
});

export function setSchema(view: EditorView, schema: JsonSchema | null): void {
  if (view.state.field(schemaField, false) !== schema) view.dispatch({ effects: setSchemaEffect.of(schema) });
}

// ---- schema resolution ----

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function deref(root: Schema, ref: string): Schema | null {
  if (!ref.startsWith('#')) return null;
  let at: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    at = isSchema(at) ? at[key] : undefined;
  }
  return isSchema(at) ? at : null;
}

/** A schema and everything it also applies where it applies: $ref targets and combinator branches. */
function expand(root: Schema, schema: Schema, out: Schema[] = [], depth = 0): Schema[] {
  if (depth > 24 || out.includes(schema)) return out;
  out.push(schema);
  if (typeof schema.$ref === 'string') {
    const target = deref(root, schema.$ref);
    if (target) expand(root, target, out, depth + 1);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) for (const s of list) if (isSchema(s)) expand(root, s, out, depth + 1);
  }
  for (const key of ['then', 'else'] as const) {
    const s = schema[key];
    if (isSchema(s)) expand(root, s, out, depth + 1);
  }
  return out;
}

function child(root: Schema, schemas: Schema[], segment: Segment): Schema[] {
  const found: Schema[] = [];
  for (const s of schemas) {
    if (typeof segment === 'string') {
      const props = s.properties;
      if (isSchema(props) && isSchema(props[segment])) {
        found.push(props[segment] as Schema);
        continue;
      }
      const patterns = s.patternProperties;
      let matched = false;
      if (isSchema(patterns)) {
        for (const [pattern, sub] of Object.entries(patterns)) {
          try {
            if (isSchema(sub) && new RegExp(pattern, 'u').test(segment)) {
              found.push(sub);
              matched = true;
            }
          } catch {
            // a pattern this browser cannot compile: skip it
          }
        }
      }
      if (!matched && isSchema(s.additionalProperties)) found.push(s.additionalProperties);
    } else {
      const prefix = s.prefixItems;
      if (Array.isArray(prefix) && segment < prefix.length && isSchema(prefix[segment])) found.push(prefix[segment] as Schema);
      else if (isSchema(s.items)) found.push(s.items);
    }
  }
  return found.flatMap((s) => expand(root, s));
}

/** Every schema that applies at `path` (empty when the schema says nothing about it). */
export function schemasAt(root: JsonSchema, path: readonly Segment[]): Schema[] {
  let at = expand(root as Schema, root as Schema);
  for (const segment of path) {
    at = child(root as Schema, at, segment);
    if (at.length === 0) break;
  }
  return at;
}

/** The first value of a keyword among the schemas (the member's own schema comes first). */
function first<T>(schemas: Schema[], key: string, is: (v: unknown) => v is T): T | undefined {
  for (const s of schemas) if (is(s[key])) return s[key] as T;
  return undefined;
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

interface MemberDoc {
  type: string | null;
  markdown: string | null;
  limits: string[];
  enumValues: { value: unknown; markdown: string | null }[];
  required: boolean;
}

function typeOf(schemas: Schema[]): string | null {
  if (first(schemas, 'enum', isArray)) return 'enum';
  const t = first(schemas, 'type', (v): v is string | string[] => isString(v) || isArray(v));
  if (t !== undefined) return Array.isArray(t) ? t.join(' | ') : t;
  if (first(schemas, 'enum', isArray)) return 'enum';
  return null;
}

/** The limits the schema states, in words: ranges, lengths, item counts, the pattern's message. */
export function limitsOf(schemas: Schema[]): string[] {
  const out: string[] = [];
  const num = (k: string) => first(schemas, k, isNumber);
  const range = (lo: number | undefined, hi: number | undefined, unit: string) => {
    const u = (n: number) => (unit && n === 1 ? unit.replace(/s$/, '') : unit);
    if (lo !== undefined && hi !== undefined) out.push(lo === hi ? `exactly ${lo}${u(lo)}` : `${lo} to ${hi}${u(hi)}`);
    else if (lo !== undefined) out.push(`at least ${lo}${u(lo)}`);
    else if (hi !== undefined) out.push(`at most ${hi}${u(hi)}`);
  };
  range(num('minimum'), num('maximum'), '');
  const exMin = num('exclusiveMinimum');
  const exMax = num('exclusiveMaximum');
  if (exMin !== undefined) out.push(`more than ${exMin}`);
  if (exMax !== undefined) out.push(`less than ${exMax}`);
  const lengths = [num('minLength'), num('maxLength')] as const;
  if (lengths[0] !== undefined || lengths[1] !== undefined) range(lengths[0], lengths[1], ' characters');
  const items = [num('minItems'), num('maxItems')] as const;
  if (items[0] !== undefined || items[1] !== undefined) range(items[0], items[1], ' items');
  const props = [num('minProperties'), num('maxProperties')] as const;
  if (props[0] !== undefined || props[1] !== undefined) range(props[0], props[1], ' members');
  const patternMessage = first(schemas, 'patternErrorMessage', isString);
  if (patternMessage) out.push(patternMessage);
  return out;
}

function memberDoc(schemas: Schema[], required: boolean): MemberDoc {
  const values = first(schemas, 'enum', isArray) ?? [];
  const owner = schemas.find((s) => Array.isArray(s.enum));
  const meanings = (owner?.markdownEnumDescriptions ?? owner?.enumDescriptions) as unknown;
  return {
    type: typeOf(schemas),
    markdown: first(schemas, 'markdownDescription', isString) ?? first(schemas, 'description', isString) ?? null,
    limits: limitsOf(schemas),
    enumValues: values.map((value, i) => ({
      value,
      markdown: Array.isArray(meanings) && isString(meanings[i]) ? meanings[i] : null,
    })),
    required,
  };
}

/** Members an object may have, with their schemas, and which are required. */
function membersOf(root: JsonSchema, schemas: Schema[]): { name: string; schemas: Schema[]; required: boolean }[] {
  const names = new Map<string, Schema[]>();
  const required = new Set<string>();
  for (const s of schemas) {
    if (isSchema(s.properties)) for (const name of Object.keys(s.properties)) if (!names.has(name)) names.set(name, []);
    if (Array.isArray(s.required)) for (const name of s.required) if (isString(name)) required.add(name);
  }
  return [...names.keys()].map((name) => ({
    name,
    schemas: child(root as Schema, schemas, name),
    required: required.has(name),
  }));
}

// ---- rendering the schema's text (a small Markdown subset, built with textContent) ----

function inline(text: string): (Node | string)[] {
  const out: (Node | string)[] = [];
  for (const [i, part] of text.split(/(`[^`]*`|\*\*[^*]+\*\*)/).entries()) {
    if (!part) continue;
    if (i % 2 === 1 && part.startsWith('`')) out.push(el('code', undefined, part.slice(1, -1)));
    else if (i % 2 === 1) out.push(el('strong', undefined, part.slice(2, -2)));
    else out.push(part);
  }
  return out;
}

function markdown(text: string): HTMLElement {
  const box = el('div', 'schema-doc');
  for (const block of text.split(/\n{2,}/)) {
    const lines = block.split('\n');
    if (lines.every((l) => l.startsWith('- '))) {
      box.append(el('ul', undefined, ...lines.map((l) => el('li', undefined, ...inline(l.slice(2))))));
    } else {
      box.append(el('p', undefined, ...inline(block)));
    }
  }
  return box;
}

function docBox(title: string, doc: MemberDoc, value?: unknown): HTMLElement {
  const head = el(
    'div',
    'schema-head',
    el('code', 'schema-name', title),
    doc.type ? el('span', 'schema-type', doc.type) : null,
    doc.required ? el('span', 'schema-required', 'required') : null,
  );
  const box = el('div', 'schema-tip', head);
  // Each limit a sentence of its own (the pattern's message is one already).
  if (doc.limits.length) {
    const sentences = doc.limits.map((l) => (/[.!?]$/.test(l) ? l : `${l}.`));
    box.append(el('p', 'schema-limits', `Limits: ${sentences.join(' ')}`));
  }
  if (value !== undefined) {
    const meaning = doc.enumValues.find((e) => e.value === value);
    if (meaning?.markdown) {
      const p = el('p', 'schema-value', el('code', undefined, JSON.stringify(value)), ': ', ...inline(meaning.markdown));
      box.append(p);
    }
  }
  if (doc.markdown) box.append(markdown(doc.markdown));
  return box;
}

/** A one-line summary for the completion menu: type and limits. */
function detailOf(doc: MemberDoc): string {
  const parts = [doc.type ?? ''];
  const short = doc.limits.filter((l) => l.length <= 32);
  if (short.length) parts.push(short.join(', '));
  if (doc.required) parts.push('required');
  return parts.filter(Boolean).join(' · ');
}

// ---- where the cursor is ----

const VALUE_NODES = new Set(['String', 'Number', 'True', 'False', 'Null', 'Object', 'Array']);

function nameOf(node: SyntaxNode, state: EditorState): string {
  const text = state.sliceDoc(node.from, node.to);
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'string') return parsed;
  } catch {
    // a half-typed name
  }
  return text.replace(/^"/, '').replace(/"$/, '');
}

function indexIn(array: SyntaxNode, pos: number): number {
  let index = 0;
  for (let c = array.firstChild; c && c.from < pos; c = c.nextSibling) if (c.name === ',' && c.to <= pos) index++;
  return index;
}

/** The JSON path of a value node (an Object or Array, say) from the document's root. */
function pathOf(node: SyntaxNode, state: EditorState): Segment[] {
  const path: Segment[] = [];
  for (let n: SyntaxNode | null = node; n && n.parent; n = n.parent) {
    const parent: SyntaxNode = n.parent;
    if (parent.name === 'Property' && n.name !== 'PropertyName') {
      const name = parent.getChild('PropertyName');
      if (name) path.unshift(nameOf(name, state));
    } else if (parent.name === 'Array') {
      path.unshift(indexIn(parent, n.from));
    }
  }
  return path;
}

export interface Place {
  /** `key`: a member name goes here; `value`: a value. */
  kind: 'key' | 'value';
  /** The path of the object (key) or of the value (value). */
  path: Segment[];
  /** Names already in the object (key places). */
  present: string[];
  /** The node the cursor is in (a name or value token), if any. */
  token: SyntaxNode | null;
}

/** What goes at `pos`: a member name of some object, or a value at some path. */
export function placeAt(state: EditorState, pos: number): Place | null {
  const tree = syntaxTree(state);
  let node: SyntaxNode | null = tree.resolveInner(pos, -1);
  const token = node && node.from < pos && node.to >= pos && node.name !== '{' && node.name !== '[' && node.name !== ',' && node.name !== ':' && node.name !== 'Object' && node.name !== 'Array' && node.name !== 'Property' ? node : null;
  // The innermost container (object or array) that holds pos.
  while (node && node.name !== 'Object' && node.name !== 'Array') node = node.parent;
  if (!node) {
    // The top level: an empty document, or a value being typed there.
    return { kind: 'value', path: [], present: [], token };
  }
  const container = node;
  if (container.from === pos) return null; // before the opening brace
  if (container.name === 'Array') {
    return { kind: 'value', path: [...pathOf(container, state), indexIn(container, pos)], present: [], token };
  }
  const present: string[] = [];
  let inProperty: SyntaxNode | null = null;
  for (let c = container.firstChild; c; c = c.nextSibling) {
    if (c.name === 'Property') {
      const name = c.getChild('PropertyName');
      if (name) present.push(nameOf(name, state));
      if (c.from < pos && pos <= c.to) inProperty = c;
      else if (c.from < pos && c.to === pos) inProperty = c;
    }
  }
  if (inProperty) {
    const colon = inProperty.getChild(':');
    const name = inProperty.getChild('PropertyName');
    if (colon && pos >= colon.to && name) {
      return { kind: 'value', path: [...pathOf(container, state), nameOf(name, state)], present: [], token };
    }
    if (name && pos <= name.to) {
      const own = nameOf(name, state);
      return { kind: 'key', path: pathOf(container, state), present: present.filter((p) => p !== own), token: name };
    }
  }
  return { kind: 'key', path: pathOf(container, state), present, token };
}

// ---- completion ----

function quoted(name: string): string {
  return JSON.stringify(name);
}

function snippetText(body: unknown): string {
  // VS Code snippet syntax (`${1:x}`, `$1`) is CodeMirror's, but for bare `$1`.
  const text = typeof body === 'string' ? JSON.stringify(body) : JSON.stringify(body, null, 2);
  return text.replace(/\$(\d+)/g, '$${$1}');
}

/** `label` is what the typed text is matched against: the name, quoted when the typing starts with a quote. */
function memberCompletion(name: string, doc: MemberDoc, indent: string, label: string): Completion {
  const valueTemplate =
    doc.type === 'object' ? '{\n' + indent + '  ${}\n' + indent + '}' : doc.type === 'array' ? '[${}]' : doc.type === 'string' || doc.enumValues.some((e) => typeof e.value === 'string') ? '"${}"' : '${}';
  const template = `${quoted(name).replace(/[$#{}\\]/g, '\\$&')}: ${valueTemplate}`;
  const completion = snippetCompletion(template, {
    label,
    displayLabel: name,
    detail: detailOf(doc),
    type: 'property',
    boost: doc.required ? 2 : 0,
    info: () => docBox(name, doc),
  });
  // A member with a closed set of values (an enum, a boolean): offer them at once, inside the
  // quotes the template put there.
  const choices = doc.enumValues.length > 0 || doc.type === 'boolean';
  const insert = completion.apply;
  if (choices && typeof insert === 'function') {
    completion.apply = (view, picked, from, to) => {
      insert(view, picked, from, to);
      setTimeout(() => startCompletion(view), 0);
    };
  }
  return completion;
}

function valueCompletions(schemas: Schema[], doc: MemberDoc, title: string): Completion[] {
  const out: Completion[] = doc.enumValues.map((e) => ({
    label: JSON.stringify(e.value),
    detail: e.markdown ? e.markdown.replace(/`/g, '').slice(0, 80) + (e.markdown.length > 80 ? '…' : '') : undefined,
    type: 'enum',
    info: e.markdown ? () => markdown(e.markdown as string) : undefined,
  }));
  const constant = schemas.find((s) => 'const' in s);
  if (constant) out.push({ label: JSON.stringify(constant.const), type: 'constant' });
  if (!doc.enumValues.length && doc.type?.split(' | ').includes('boolean')) {
    out.push({ label: 'true', type: 'keyword' }, { label: 'false', type: 'keyword' });
  }
  for (const s of schemas) {
    if (!Array.isArray(s.defaultSnippets)) continue;
    for (const snip of s.defaultSnippets) {
      if (!isSchema(snip) || !('body' in snip)) continue;
      const label = isString(snip.label) ? snip.label : JSON.stringify(snip.body);
      out.push(
        snippetCompletion(snippetText(snip.body), {
          label,
          detail: isString(snip.description) ? snip.description : 'snippet',
          type: 'text',
          boost: -1,
          info: () => docBox(title, doc),
        }),
      );
    }
  }
  return out;
}

function completeFromSchema(context: CompletionContext): CompletionResult | null {
  const schema = context.state.field(schemaField, false);
  if (!schema) return null;
  const place = placeAt(context.state, context.pos);
  if (!place) return null;
  const token = place.token;
  // The text being replaced: the whole name or value token the cursor is in (with its quotes),
  // else the word before the cursor.
  let from = context.pos;
  let to = context.pos;
  if (token && token.name !== '⚠') {
    from = token.from;
    to = token.to;
  } else if (token && context.state.sliceDoc(token.from, token.from + 1) === '"' && !context.state.sliceDoc(token.from, context.pos).includes('\n')) {
    // An unterminated string the parser could not place: from its quote.
    from = token.from;
    if (context.state.sliceDoc(to, to + 1) === '"') to++;
  } else {
    const before = context.matchBefore(/[\w.-]+$/);
    if (before) from = before.from;
  }
  const typed = context.state.sliceDoc(from, context.pos);
  // CodeMirror's matcher finds nothing for a lone quote: show every option then, unfiltered.
  const filter = typed !== '"';
  if (!context.explicit && typed === '' && place.kind === 'value') return null;
  if (place.kind === 'key') {
    const objects = schemasAt(schema, place.path);
    const line = context.state.doc.lineAt(context.pos);
    const indent = /^\s*/.exec(line.text)?.[0] ?? '';
    // A name followed by its colon already: complete the name only.
    const rest = context.state.sliceDoc(to, Math.min(context.state.doc.length, to + 40));
    const hasColon = /^\s*:/.test(rest);
    const label = (name: string) => (typed.startsWith('"') ? quoted(name) : name);
    const options = membersOf(schema, objects)
      .filter((m) => !place.present.includes(m.name))
      .map((m) => {
        const doc = memberDoc(m.schemas, m.required);
        return hasColon
          ? { label: label(m.name), displayLabel: m.name, apply: quoted(m.name), detail: detailOf(doc), type: 'property', boost: m.required ? 2 : 0, info: () => docBox(m.name, doc) }
          : memberCompletion(m.name, doc, indent, label(m.name));
      });
    if (!options.length) return null;
    return { from, to, options, filter, validFor: filter ? /^"?[\w$-]*"?$/ : undefined };
  }
  const schemas = schemasAt(schema, place.path);
  if (!schemas.length) return null;
  const doc = memberDoc(schemas, false);
  const title = String(place.path[place.path.length - 1] ?? 'document');
  const options = valueCompletions(schemas, doc, title).map((o) =>
    typed.startsWith('"') || !o.label.startsWith('"') ? o : { ...o, label: o.label.slice(1, -1), apply: o.apply ?? o.label },
  );
  if (!options.length) return null;
  return { from, to, options, filter };
}

// ---- hover ----

function hoverAt(view: EditorView, pos: number, side: -1 | 1): Tooltip | null {
  const schema = view.state.field(schemaField, false);
  if (!schema) return null;
  const node: SyntaxNode | null = syntaxTree(view.state).resolveInner(pos, side);
  if (!node) return null;
  let path: Segment[] | null = null;
  let value: unknown;
  let title = '';
  if (node.name === 'PropertyName' && node.parent) {
    const container = node.parent.parent;
    if (!container) return null;
    title = nameOf(node, view.state);
    path = [...pathOf(container, view.state), title];
  } else if (VALUE_NODES.has(node.name) && node.name !== 'Object' && node.name !== 'Array') {
    path = pathOf(node, view.state);
    const last = path[path.length - 1];
    title = typeof last === 'number' ? `${String(path[path.length - 2] ?? '')}[${last}]` : String(last ?? 'document');
    try {
      value = JSON.parse(view.state.sliceDoc(node.from, node.to));
    } catch {
      value = undefined;
    }
  }
  if (!path) return null;
  // Over a problem, the problem's tooltip (with its fixes) says what matters: no second tooltip.
  let flagged = false;
  forEachDiagnostic(view.state, (_, from, to) => {
    if (from <= pos && pos <= to) flagged = true;
  });
  if (flagged) return null;
  const schemas = schemasAt(schema, path);
  if (!schemas.length) return null;
  const parentSchemas = path.length ? schemasAt(schema, path.slice(0, -1)) : [];
  const last = path[path.length - 1];
  const required = typeof last === 'string' && parentSchemas.some((s) => Array.isArray(s.required) && s.required.includes(last));
  const doc = memberDoc(schemas, required);
  if (!doc.markdown && !doc.limits.length && !doc.enumValues.length) return null;
  return {
    pos: node.from,
    end: node.to,
    above: true,
    create: () => ({ dom: docBox(title, doc, value) }),
  };
}

/**
 * The editor extension: the schema's state and hover documentation (the completion source,
 * `completeFromSchema`, goes into the editor's autocompletion).
 */
export function schemaAssist(): Extension {
  return [
    schemaField,
    hoverTooltip(hoverAt, { hoverTime: 350 }),
  ];
}

export { completeFromSchema };
