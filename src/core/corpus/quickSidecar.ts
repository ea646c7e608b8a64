/**
 * A quick reader of sidecars as this extension writes them (`serializeSidecar`: block mapping,
 * entries at two spaces, fields at four, scalars plain or double-quoted, tags as a flow list),
 * for the corpus index, which reads thousands at a time: several times faster than the YAML
 * library. It reads a file only when it is sure to read it as `parseSidecar` does; anything else
 * (a comment, another indentation, a value YAML would read as a number, an error of any kind)
 * makes it give up, and the caller parses the file with `parseSidecar`.
 */
import type { Annotation } from '../annotations/model';
import { parseSidecar, type SidecarProblem } from '../annotations/sidecar';

export interface QuickSidecar {
  readonly annotations: Annotation[];
  readonly version: number;
}

/** Plain scalars the YAML core schema reads as something other than text. */
const NOT_TEXT = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/u;
/**
 * A plain scalar this reader accepts: no indicator first (but "-", "?" or ":" followed by a non-blank,
 * as YAML allows: "-uitgaven", "?1 Antwoord"), no ": " or " #", no blank at either end, printable.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it rules out
const PLAIN = /^(?:[^-?:,[\]{}#&*!|>'"%@`\s]|[-?:](?=\S))(?:[^\x00-\x08\x0a-\x1f\x7f-\x9f\ufeff]*[^\s:])?$/u;
/** In a flow list, an item starting with "-", "?" or ":" is left to YAML. */
const FLOW_INDICATOR_FIRST = /^[-?:]/u;
const FIELD = /^ {4}([a-z]+):(?: (.*))?$/u;
const FIRST_FIELD = /^ {2}- ([a-z]+):(?: (.*))?$/u;
const TOP = /^([a-z]+):(?: (.*))?$/u;
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"',
  '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const FIELDS = new Set(['id', 'tags', 'note', 'quote', 'prefix', 'suffix', 'start', 'end', 'created', 'coder']);

type Value = string | string[];

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function plain(raw: string): string | undefined {
  return PLAIN.test(raw) && !raw.includes(': ') && !raw.includes(' #') && !raw.includes('\t#') ? raw : undefined;
}

/**
 * A double-quoted scalar starting at `lines[i][col]` (the quote), folded as YAML folds it: a line
 * break between lines is a space, blank lines are line breaks, blanks around breaks go (unless
 * escaped). Returns the value and the line after it; undefined when unsure.
 */
function doubleQuoted(lines: readonly string[], i: number, col: number, minIndent: number): { value: string; next: number } | undefined {
  let line = lines[i];
  let pos = col + 1;
  let out = '';
  // Output up to here is not trimmed at a line break (it ends with an escape or is from a line before).
  let keep = 0;
  for (;;) {
    if (pos >= line.length) {
      // A line break inside the quotes.
      let end = out.length;
      while (end > keep && isBlank(out[end - 1])) end--;
      out = out.slice(0, end);
      let j = i + 1;
      let empty = 0;
      while (j < lines.length && /^[ \t]*$/u.test(lines[j])) { empty++; j++; }
      if (j >= lines.length) return undefined;
      out += empty > 0 ? '\n'.repeat(empty) : ' ';
      keep = out.length;
      i = j;
      line = lines[i];
      pos = 0;
      while (isBlank(line[pos])) pos++;
      // Continuation lines are indented more than the mapping the value is in (else YAML reads them otherwise).
      if (pos < minIndent) return undefined;
      continue;
    }
    const c = line[pos];
    if (c === '"') {
      if (line.slice(pos + 1).trim() !== '') return undefined;
      return { value: out, next: i + 1 };
    }
    if (c !== '\\') {
      out += c;
      pos++;
      continue;
    }
    const e = line[pos + 1];
    if (e === undefined) return undefined; // an escaped line break: not written by this extension
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      pos += 2;
    } else {
      const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      const hex = line.slice(pos + 2, pos + 2 + digits);
      if (digits === 0 || !/^[0-9a-fA-F]+$/u.test(hex) || hex.length !== digits) return undefined;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return undefined;
      out += String.fromCodePoint(code);
      pos += 2 + digits;
    }
    keep = out.length;
  }
}

/** A flow list on one line ("[a, "b c"]") of text items; undefined when unsure. */
function flowList(raw: string): string[] | undefined {
  if (raw[0] !== '[' || raw[raw.length - 1] !== ']') return undefined;
  const inner = raw.slice(1, -1);
  const items: string[] = [];
  let pos = 0;
  if (inner.trim() === '') return [];
  for (;;) {
    while (inner[pos] === ' ') pos++;
    let item: string | undefined;
    if (inner[pos] === '"') {
      let end = pos + 1;
      let s = '';
      for (; end < inner.length && inner[end] !== '"'; end++) {
        if (inner[end] === '\\') return undefined; // escapes in a tag: leave it to YAML
        s += inner[end];
      }
      if (end >= inner.length) return undefined;
      item = s;
      pos = end + 1;
    } else {
      let end = pos;
      while (end < inner.length && inner[end] !== ',') end++;
      const text = inner.slice(pos, end).replace(/ +$/u, '');
      if (/[[\]{}]/u.test(text) || FLOW_INDICATOR_FIRST.test(text) || plain(text) === undefined || NOT_TEXT.test(text)) return undefined;
      item = text;
      pos = end;
    }
    items.push(item);
    while (inner[pos] === ' ') pos++;
    if (pos >= inner.length) return items;
    if (inner[pos] !== ',') return undefined;
    pos++;
  }
}

/** The value of a field starting on `lines[i]` at `col`; undefined when unsure. */
function value(lines: readonly string[], i: number, raw: string | undefined, col: number, numeric: boolean, minIndent: number): { value: Value; next: number } | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw[0] === '"') return doubleQuoted(lines, i, col, minIndent);
  if (raw[0] === '[') {
    const list = flowList(raw);
    return list ? { value: list, next: i + 1 } : undefined;
  }
  if (numeric) return /^[0-9]{1,15}$/u.test(raw) ? { value: raw, next: i + 1 } : undefined;
  const text = plain(raw);
  return text === undefined || NOT_TEXT.test(text) ? undefined : { value: text, next: i + 1 };
}

function entryOf(fields: Map<string, Value>): Annotation | undefined {
  const text = (k: string): string | undefined => {
    const v = fields.get(k);
    return typeof v === 'string' ? v : undefined;
  };
  const id = text('id');
  const quote = text('quote');
  const start = text('start');
  const end = text('end');
  const tagsValue = fields.get('tags');
  for (const k of ['note', 'prefix', 'suffix', 'created', 'coder']) if (fields.has(k) && text(k) === undefined) return undefined;
  if (!id || quote === undefined || start === undefined || end === undefined) return undefined;
  const s = Number(start);
  const e = Number(end);
  if (e < s) return undefined;
  const tags = tagsValue === undefined ? [] : typeof tagsValue === 'string' ? [tagsValue] : tagsValue;
  const note = text('note');
  const coder = text('coder')?.trim();
  return {
    id,
    tags: tags.map((t) => t.trim()).filter((t) => t.length > 0),
    ...(note ? { note } : {}),
    quote,
    prefix: text('prefix') ?? '',
    suffix: text('suffix') ?? '',
    start: s,
    end: e,
    created: text('created') ?? '',
    ...(coder ? { coder } : {}),
  };
}

/** The annotations of a sidecar as this extension writes it; undefined when it is not sure (use `parseSidecar`). */
export function readSidecarQuickly(withBom: string): QuickSidecar | undefined {
  const text = withBom.charCodeAt(0) === 0xfeff ? withBom.slice(1) : withBom;
  if (text.includes('\r') || text.length > 16 * 1024 * 1024) return undefined;
  const lines = text.split('\n');
  let version: number | undefined;
  const top = new Set<string>();
  const annotations: Annotation[] = [];
  const ids = new Set<string>();
  let i = 0;
  let inList = false;
  while (i < lines.length) {
    const line = lines[i];
    if (line === '') { i++; continue; }
    const t = TOP.exec(line);
    if (t) {
      const [, key, raw] = t;
      if (top.has(key)) return undefined;
      top.add(key);
      inList = false;
      if (key === 'version') {
        if (raw !== '1' && raw !== '2') return undefined;
        version = Number(raw);
      } else if (key === 'document') {
        const v = value(lines, i, raw, line.length - (raw?.length ?? 0), false, 1);
        if (!v || typeof v.value !== 'string') return undefined;
        i = v.next;
        continue;
      } else if (key === 'annotations') {
        if (raw === '[]') { i++; continue; }
        if (raw !== undefined) return undefined;
        inList = true;
      } else {
        return undefined; // a memo, or a field this reader does not know
      }
      i++;
      continue;
    }
    const first = FIRST_FIELD.exec(line);
    if (!first || !inList) return undefined;
    // One entry: its first field on the "- " line, the others indented by four.
    const fields = new Map<string, Value>();
    let m: RegExpExecArray | null = first;
    for (;;) {
      const [, key, raw] = m;
      if (!FIELDS.has(key) || fields.has(key)) return undefined;
      const v = value(lines, i, raw, lines[i].length - (raw?.length ?? 0), key === 'start' || key === 'end', 5);
      if (!v) return undefined;
      if (key !== 'tags' && typeof v.value !== 'string') return undefined;
      fields.set(key, v.value);
      i = v.next;
      m = i < lines.length ? FIELD.exec(lines[i]) : null;
      if (!m) break;
    }
    const entry = entryOf(fields);
    if (!entry || ids.has(entry.id)) return undefined;
    ids.add(entry.id);
    annotations.push(entry);
  }
  if (version === undefined) return undefined;
  return { annotations, version };
}

/** A sidecar read quickly when it can be, else by `parseSidecar`: the entries, their problems and the format version. */
export function readSidecarEntries(text: string): { annotations: Annotation[]; problems: SidecarProblem[]; version: number } {
  const quick = readSidecarQuickly(text);
  if (quick) return { ...quick, problems: [] };
  const parsed = parseSidecar(text);
  return { annotations: parsed.annotations, problems: parsed.problems, version: parsed.version };
}
