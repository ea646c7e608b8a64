/**
 * REFI-QDA export (https://www.qdasoftware.org, standard 1.5): annotated documents as a project
 * exchange file (`.qdpx`: a zip with `project.qde` and the texts in `sources/`) for ATLAS.ti,
 * MAXQDA, NVivo, QualCoder and others, or the codebook alone (`.qdc`). Pure: data in, bytes out.
 *
 * - Tags are codes; a "/" in a tag is its hierarchy ("beleid/toezegging" is code "toezegging"
 *   nested in code "beleid"). Codes keep the description and colour the codebook gives them.
 * - Each annotation is a PlainTextSelection of its document's TextSource, with a Coding per tag
 *   and its note as a Note (in Notes) that the selection points to with a NoteRef. The coder is a
 *   User, the creatingUser of the selection and its codings.
 * - Positions count Unicode code points of the source text, end exclusive, as the standard says.
 *   The text written to `sources/` has LF line breaks (and no byte order mark), which is what the
 *   sidecar's stored positions count: they go into the file unchanged, and a CRLF and an LF
 *   checkout of the same text give the same export. (Tools differ in whether a CRLF counts one or
 *   two; a text without CR leaves no room for that difference.)
 * - Document attributes (party, ministry, dates, ...) are Variables with a VariableValue on the
 *   TextSource by default: a Kamerstuk is one document, and source variables are what MAXQDA
 *   calls document variables, ATLAS.ti document variables and QualCoder file attributes. NVivo
 *   keeps attributes on cases: `attributesOn: 'cases'` (or `'both'`) writes a Case per document
 *   with the values, pointing at its source.
 * - Every GUID is a name-based UUID of what it stands for (document name, annotation id, code
 *   path, coder, attribute name), and zip entries have a fixed time: exporting unchanged data
 *   twice gives the same bytes.
 */
import { zipSync } from 'fflate';
import { anchorEntries } from '../annotations/anchoring';
import { CodePointIndex, TextPositions, toLf } from '../annotations/model';
import {
  CODEBOOK_NAMESPACE, CODEBOOK_SCHEMA_LOCATION, codeSegments, isXsdDate, isXsdDateTime, normalCodePath, normalColor,
  PROJECT_ENTRY, PROJECT_NAMESPACE, PROJECT_SCHEMA_LOCATION, SOURCES_FOLDER,
} from './common';
import { refiGuid, selectionGuid, utf8 } from './guid';
import { escapeAttribute as attr, escapeText as text } from './xml';

/** A document attribute's value; null or undefined: the document has none. */
export type RefiValue = string | number | boolean | null | undefined;

/** A code of the codebook (the `kamerstukken.tags` setting). */
export interface RefiCodeInput {
  /** The tag; "/" separates levels. */
  readonly path: string;
  readonly description?: string;
  /** `#rgb` or `#rrggbb`; anything else is left out. */
  readonly color?: string;
}

/** An annotation as the sidecar has it (plus its coder). */
export interface RefiAnnotationInput {
  readonly id: string;
  readonly tags: readonly string[];
  readonly note?: string;
  readonly quote: string;
  readonly prefix?: string;
  readonly suffix?: string;
  /**
   * Stored positions, as in the sidecar: code points of the text with every line break counted as
   * one LF. When the quote is not there (the text changed since), the annotation is found again
   * by quote and context, as the editor does.
   */
  readonly start: number;
  readonly end: number;
  /** ISO timestamp; left out of the export when it is not an xsd:dateTime. */
  readonly created: string;
  readonly coder?: string;
}

export interface RefiDocumentInput {
  /** Workspace-relative path: the source's name, and what import matches documents by. */
  readonly name: string;
  /** The document's text as it is (any line breaks). */
  readonly text: string;
  readonly annotations: readonly RefiAnnotationInput[];
  /** Attributes of the document: party, ministry, dates (`YYYY-MM-DD`), days to answer, ... */
  readonly attributes?: Readonly<Record<string, RefiValue>>;
}

export interface RefiExportInput {
  readonly documents: readonly RefiDocumentInput[];
  /** Codes with description and colour, in the order to show them; tags in use but not here are added. */
  readonly codebook?: readonly RefiCodeInput[];
}

export interface RefiExportOptions {
  /** The project's name (default "Kamerstukken"). */
  readonly name?: string;
  /** Who wrote the file (default "Kamerstukken"); put the extension's version in it. */
  readonly origin?: string;
  /** Where document attributes go: on the sources (default), on a case per document, or both. */
  readonly attributesOn?: 'sources' | 'cases' | 'both';
}

export type SkipReason = 'notFound' | 'empty';

/** An annotation left out of the export. */
export interface SkippedAnnotation {
  readonly document: string;
  readonly id: string;
  /** `notFound`: its quote is no longer in the text; `empty`: it covers no text. */
  readonly reason: SkipReason;
}

export interface RefiExportCounts {
  readonly sources: number;
  readonly selections: number;
  readonly codes: number;
  readonly notes: number;
  readonly users: number;
  readonly variables: number;
}

export type RefiExportResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly skipped: readonly SkippedAnnotation[]; readonly counts: RefiExportCounts }
  /** A codebook must have at least one code (Codebook.xsd). */
  | { readonly ok: false; readonly problem: 'noCodes' };

/** The time of every zip entry: fixed, so that unchanged data gives the same bytes. A local time, as zip stores it. */
const ZIP_TIME = new Date(2000, 0, 1, 0, 0, 0);
const DEFAULT_NAME = 'Kamerstukken';

interface CodeNode {
  readonly name: string;
  readonly path: string;
  readonly guid: string;
  description?: string;
  color?: string;
  codable: boolean;
  readonly children: CodeNode[];
}

/** A placed annotation: positions in the written source. */
interface Selection {
  readonly guid: string;
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly tags: readonly string[];
  readonly note?: string;
  readonly created?: string;
  readonly coder?: string;
}

interface PreparedDocument {
  readonly name: string;
  /** The name made unique (documents with the same name get numbered): what GUIDs derive from. */
  readonly key: string;
  readonly guid: string;
  readonly caseGuid: string;
  readonly source: string;
  readonly selections: Selection[];
  readonly attributes: Readonly<Record<string, RefiValue>>;
}

type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

interface Variable {
  readonly name: string;
  readonly guid: string;
  type: VariableType;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first `max` code points of a one-line rendering of `s`, with "…" when cut. */
function label(s: string, max = 60): string {
  const points = Array.from(s.replace(/\s+/gu, ' ').trim());
  return points.length <= max ? points.join('') : `${points.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Makes `key` unique among `seen` by numbering repeats (for GUIDs of things with the same name). */
function uniqueKey(seen: Map<string, number>, key: string): string {
  const n = seen.get(key) ?? 0;
  seen.set(key, n + 1);
  return n === 0 ? key : `${key}\u0000${n}`;
}

/** Places a document's annotations in the text written for it. */
function prepareDocument(d: RefiDocumentInput, guidKey: string, skipped: SkippedAnnotation[]): PreparedDocument {
  const positions = new TextPositions(d.text);
  const lf = positions.lf;
  const bom = lf.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = bom ? lf.slice(1) : lf;
  const lfPoints = new CodePointIndex(lf);
  const annotations = [...d.annotations].sort((a, b) => a.start - b.start || a.end - b.end || compareStrings(a.id, b.id));
  // Stored positions of each annotation in `lf`, where its quote is; others are anchored below.
  const stored: ({ start: number; end: number } | undefined)[] = annotations.map((a) => {
    if (!(a.end > a.start) || a.quote.length === 0) return undefined;
    const s = lfPoints.toUtf16(a.start);
    const e = lfPoints.toUtf16(a.end);
    return lf.slice(s, e) === toLf(a.quote) && lfPoints.toCodePoint(s) === a.start && lfPoints.toCodePoint(e) === a.end
      ? { start: a.start, end: a.end } : undefined;
  });
  const lost = annotations.map((a, i) => (stored[i] === undefined && a.quote.length > 0 ? i : -1)).filter((i) => i >= 0);
  if (lost.length > 0) {
    const found = anchorEntries(positions, lost.map((i) => {
      const a = annotations[i];
      return { quote: a.quote, prefix: a.prefix ?? '', suffix: a.suffix ?? '', start: a.start, end: a.end };
    }));
    lost.forEach((i, k) => {
      const f = found[k];
      if (f) stored[i] = { start: positions.toStored(f.start), end: positions.toStored(f.end) };
    });
  }
  const ids = new Map<string, number>();
  const selections: Selection[] = [];
  annotations.forEach((a, i) => {
    const at = stored[i];
    if (!at) {
      skipped.push({ document: d.name, id: a.id, reason: a.quote.length === 0 || !(a.end > a.start) ? 'empty' : 'notFound' });
      return;
    }
    const start = Math.max(0, at.start - bom);
    const end = Math.max(0, at.end - bom);
    if (end <= start) {
      skipped.push({ document: d.name, id: a.id, reason: 'empty' });
      return;
    }
    const key = uniqueKey(ids, a.id);
    const tags = [...new Set(a.tags.map(normalCodePath).filter((t) => t.length > 0))];
    const coder = a.coder?.trim();
    selections.push({
      guid: key === a.id ? selectionGuid(guidKey, a.id) : refiGuid('selection', guidKey, key),
      id: key,
      start, end,
      quote: lf.slice(lfPoints.toUtf16(at.start), lfPoints.toUtf16(at.end)),
      tags,
      ...(a.note && a.note.trim() ? { note: a.note } : {}),
      ...(isXsdDateTime(a.created) ? { created: a.created } : {}),
      ...(coder ? { coder } : {}),
    });
  });
  selections.sort((a, b) => a.start - b.start || a.end - b.end || compareStrings(a.id, b.id));
  return {
    name: d.name, key: guidKey, guid: refiGuid('source', guidKey), caseGuid: refiGuid('case', guidKey), source, selections,
    attributes: d.attributes ?? {},
  };
}

/** The code tree: codebook codes in their order, then tags in use that it lacks (sorted). */
function buildCodes(codebook: readonly RefiCodeInput[], used: readonly string[]): { roots: CodeNode[]; byPath: Map<string, CodeNode> } {
  const roots: CodeNode[] = [];
  const byPath = new Map<string, CodeNode>();
  const ensure = (path: string, codable: boolean): CodeNode | undefined => {
    const segments = codeSegments(path);
    let node: CodeNode | undefined;
    let siblings = roots;
    for (let i = 0; i < segments.length; i++) {
      const p = segments.slice(0, i + 1).join('/');
      node = byPath.get(p);
      if (!node) {
        node = { name: segments[i], path: p, guid: refiGuid('code', p), codable: false, children: [] };
        byPath.set(p, node);
        siblings.push(node);
      }
      siblings = node.children;
    }
    if (node && codable) node.codable = true;
    return node;
  };
  for (const c of codebook) {
    const node = ensure(c.path, true);
    if (!node) continue;
    if (c.description !== undefined && c.description.trim() !== '' && node.description === undefined) node.description = c.description;
    const color = normalColor(c.color);
    if (color && node.color === undefined) node.color = color;
  }
  for (const t of [...new Set(used)].sort(compareStrings)) ensure(t, true);
  return { roots, byPath };
}

function writeCodes(out: string[], nodes: readonly CodeNode[], indent: string): void {
  for (const c of nodes) {
    const attributes = `guid="${c.guid}" name="${attr(c.name)}" isCodable="${c.codable}"${c.color ? ` color="${c.color}"` : ''}`;
    if (!c.description && c.children.length === 0) {
      out.push(`${indent}<Code ${attributes}/>`);
      continue;
    }
    out.push(`${indent}<Code ${attributes}>`);
    if (c.description) out.push(`${indent}  <Description>${text(c.description)}</Description>`);
    writeCodes(out, c.children, `${indent}  `);
    out.push(`${indent}</Code>`);
  }
}

function countCodes(nodes: readonly CodeNode[]): number {
  return nodes.reduce((n, c) => n + 1 + countCodes(c.children), 0);
}

/** A number as an xsd:decimal / xsd:integer literal (no exponent). */
function decimal(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  const s = String(n);
  if (!/e/iu.test(s)) return s;
  // 1.5e-7 → 0.00000015
  const [mantissa, exponent] = s.toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [int, frac = ''] = mantissa.replace('-', '').split('.');
  const e = Number(exponent);
  const digits = int + frac;
  const point = int.length + e;
  const body = point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + body;
}

function typeOf(v: RefiValue): VariableType | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return Number.isFinite(v) ? (Number.isInteger(v) ? 'Integer' : 'Float') : undefined;
  if (isXsdDate(v)) return 'Date';
  if (isXsdDateTime(v)) return 'DateTime';
  return 'Text';
}

/** The variables of the documents' attributes, each with one type for all its values. */
function buildVariables(documents: readonly PreparedDocument[]): Variable[] {
  const vars = new Map<string, Variable>();
  for (const d of documents) {
    for (const [key, value] of Object.entries(d.attributes)) {
      const name = key.trim();
      const t = typeOf(value);
      if (!name || !t) continue;
      const v = vars.get(name);
      if (!v) vars.set(name, { name, guid: refiGuid('variable', name), type: t });
      else if (v.type !== t) v.type = (v.type === 'Integer' && t === 'Float') || (v.type === 'Float' && t === 'Integer') ? 'Float' : 'Text';
    }
  }
  return [...vars.values()];
}

function valueElement(type: VariableType, v: Exclude<RefiValue, null | undefined>): string {
  switch (type) {
    case 'Boolean': return `<BooleanValue>${v}</BooleanValue>`;
    case 'Integer': return `<IntegerValue>${decimal(v as number)}</IntegerValue>`;
    case 'Float': return `<FloatValue>${decimal(v as number)}</FloatValue>`;
    case 'Date': return `<DateValue>${v}</DateValue>`;
    case 'DateTime': return `<DateTimeValue>${v}</DateTimeValue>`;
    case 'Text': return `<TextValue>${text(typeof v === 'number' ? decimal(v) : String(v))}</TextValue>`;
  }
}

function writeVariableValues(out: string[], d: PreparedDocument, variables: ReadonlyMap<string, Variable>, indent: string): void {
  for (const [key, value] of Object.entries(d.attributes)) {
    const v = variables.get(key.trim());
    if (!v || typeOf(value) === undefined) continue;
    out.push(`${indent}<VariableValue>`);
    out.push(`${indent}  <VariableRef targetGUID="${v.guid}"/>`);
    out.push(`${indent}  ${valueElement(v.type, value as Exclude<RefiValue, null | undefined>)}`);
    out.push(`${indent}</VariableValue>`);
  }
}

/** Everything both exports need from the input. */
function prepare(input: RefiExportInput): { documents: PreparedDocument[]; skipped: SkippedAnnotation[]; codes: ReturnType<typeof buildCodes> } {
  const skipped: SkippedAnnotation[] = [];
  const names = new Map<string, number>();
  const documents = [...input.documents]
    .sort((a, b) => compareStrings(a.name, b.name))
    .map((d) => prepareDocument(d, uniqueKey(names, d.name), skipped));
  const used = documents.flatMap((d) => d.selections.flatMap((s) => s.tags));
  return { documents, skipped, codes: buildCodes(input.codebook ?? [], used) };
}

/** The `project.qde` text of an export. */
export function projectXml(input: RefiExportInput, options: RefiExportOptions = {}): { xml: string; documents: readonly { name: string; guid: string; source: string }[]; skipped: SkippedAnnotation[]; counts: RefiExportCounts } {
  const { documents, skipped, codes } = prepare(input);
  const attributesOn = options.attributesOn ?? 'sources';
  const coders = [...new Set(documents.flatMap((d) => d.selections.map((s) => s.coder).filter((c): c is string => c !== undefined)))].sort(compareStrings);
  const userGuid = new Map(coders.map((c) => [c, refiGuid('user', c)]));
  const variables = buildVariables(documents);
  const variableByName = new Map(variables.map((v) => [v.name, v]));
  const dates = documents.flatMap((d) => d.selections.map((s) => s.created).filter((c): c is string => c !== undefined));
  const moments = dates.map((c) => ({ c, t: Date.parse(c) })).filter((x) => Number.isFinite(x.t)).sort((a, b) => a.t - b.t);

  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  const created = moments.length > 0 ? ` creationDateTime="${moments[0].c}" modifiedDateTime="${moments[moments.length - 1].c}"` : '';
  out.push(`<Project xmlns="${PROJECT_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${PROJECT_SCHEMA_LOCATION}" name="${attr(options.name ?? DEFAULT_NAME)}" origin="${attr(options.origin ?? DEFAULT_NAME)}"${created}>`);
  if (coders.length > 0) {
    out.push('  <Users>');
    for (const c of coders) out.push(`    <User guid="${userGuid.get(c)}" name="${attr(c)}"/>`);
    out.push('  </Users>');
  }
  if (codes.roots.length > 0) {
    out.push('  <CodeBook>', '    <Codes>');
    writeCodes(out, codes.roots, '      ');
    out.push('    </Codes>', '  </CodeBook>');
  }
  if (variables.length > 0) {
    out.push('  <Variables>');
    for (const v of variables) out.push(`    <Variable guid="${v.guid}" name="${attr(v.name)}" typeOfVariable="${v.type}"/>`);
    out.push('  </Variables>');
  }
  const cased = attributesOn !== 'sources' && variables.length > 0 ? documents.filter((d) => Object.keys(d.attributes).some((k) => variableByName.has(k.trim()) && typeOf(d.attributes[k]) !== undefined)) : [];
  if (cased.length > 0) {
    out.push('  <Cases>');
    for (const d of cased) {
      out.push(`    <Case guid="${d.caseGuid}" name="${attr(d.name)}">`);
      writeVariableValues(out, d, variableByName, '      ');
      out.push(`      <SourceRef targetGUID="${d.guid}"/>`);
      out.push('    </Case>');
    }
    out.push('  </Cases>');
  }
  const notes: { guid: string; name: string; text: string; coder?: string; created?: string }[] = [];
  if (documents.length > 0) {
    out.push('  <Sources>');
    for (const d of documents) {
      const open = `    <TextSource guid="${d.guid}" name="${attr(d.name)}" plainTextPath="internal://${d.guid}.txt"`;
      const inner: string[] = [];
      for (const s of d.selections) {
        const who = s.coder ? ` creatingUser="${userGuid.get(s.coder)}"` : '';
        const when = s.created ? ` creationDateTime="${s.created}"` : '';
        const selectionAttributes = `guid="${s.guid}" name="${attr(label(s.quote))}" startPosition="${s.start}" endPosition="${s.end}"${who}${when}`;
        const noteGuid = s.note ? refiGuid('note', d.key, s.id) : undefined;
        if (s.tags.length === 0 && !noteGuid) {
          inner.push(`      <PlainTextSelection ${selectionAttributes}/>`);
          continue;
        }
        inner.push(`      <PlainTextSelection ${selectionAttributes}>`);
        for (const t of s.tags) {
          const code = codes.byPath.get(t);
          if (!code) continue;
          inner.push(`        <Coding guid="${refiGuid('coding', d.key, s.id, t)}"${who}${when}>`);
          inner.push(`          <CodeRef targetGUID="${code.guid}"/>`);
          inner.push('        </Coding>');
        }
        if (noteGuid && s.note) {
          inner.push(`        <NoteRef targetGUID="${noteGuid}"/>`);
          notes.push({ guid: noteGuid, name: label(s.note.split('\n')[0]), text: s.note, ...(s.coder ? { coder: s.coder } : {}), ...(s.created ? { created: s.created } : {}) });
        }
        inner.push('      </PlainTextSelection>');
      }
      if (attributesOn !== 'cases') writeVariableValues(inner, d, variableByName, '      ');
      if (inner.length === 0) out.push(`${open}/>`);
      else out.push(`${open}>`, ...inner, '    </TextSource>');
    }
    out.push('  </Sources>');
  }
  if (notes.length > 0) {
    out.push('  <Notes>');
    for (const n of notes) {
      const who = n.coder ? ` creatingUser="${userGuid.get(n.coder)}"` : '';
      const when = n.created ? ` creationDateTime="${n.created}"` : '';
      out.push(`    <Note guid="${n.guid}" name="${attr(n.name)}"${who}${when}>`);
      out.push(`      <PlainTextContent>${text(n.text)}</PlainTextContent>`);
      out.push('    </Note>');
    }
    out.push('  </Notes>');
  }
  out.push('</Project>', '');
  return {
    xml: out.join('\n'),
    documents: documents.map((d) => ({ name: d.name, guid: d.guid, source: d.source })),
    skipped,
    counts: {
      sources: documents.length, selections: documents.reduce((n, d) => n + d.selections.length, 0),
      codes: countCodes(codes.roots), notes: notes.length, users: coders.length, variables: variables.length,
    },
  };
}

/** A `.qdpx` file: `project.qde` and each document's text as `sources/<source guid>.txt` (UTF-8, LF). */
export function exportQdpx(input: RefiExportInput, options: RefiExportOptions = {}): RefiExportResult {
  const { xml, documents, skipped, counts } = projectXml(input, options);
  const files: Record<string, [Uint8Array, { mtime: Date }]> = { [PROJECT_ENTRY]: [utf8(xml), { mtime: ZIP_TIME }] };
  for (const d of documents) files[`${SOURCES_FOLDER}/${d.guid}.txt`] = [utf8(d.source), { mtime: ZIP_TIME }];
  return { ok: true, bytes: zipSync(files, { level: 6, mtime: ZIP_TIME }), skipped, counts };
}

/** The `.qdc` text of the codebook (its codes and the tags in use in the documents, if any are given), if it has any code. */
export function codebookXml(input: RefiExportInput, options: Pick<RefiExportOptions, 'origin'> = {}): { xml?: string; skipped: SkippedAnnotation[]; codes: number } {
  const { codes, skipped } = prepare(input);
  const count = countCodes(codes.roots);
  if (count === 0) return { skipped, codes: 0 };
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  out.push(`<CodeBook xmlns="${CODEBOOK_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${CODEBOOK_SCHEMA_LOCATION}" origin="${attr(options.origin ?? DEFAULT_NAME)}">`);
  out.push('  <Codes>');
  writeCodes(out, codes.roots, '    ');
  out.push('  </Codes>', '</CodeBook>', '');
  return { xml: out.join('\n'), skipped, codes: count };
}

/** A `.qdc` file (UTF-8). */
export function exportQdc(input: RefiExportInput, options: Pick<RefiExportOptions, 'origin'> = {}): RefiExportResult {
  const { xml, skipped, codes } = codebookXml(input, options);
  if (xml === undefined) return { ok: false, problem: 'noCodes' };
  return { ok: true, bytes: utf8(xml), skipped, counts: { sources: 0, selections: 0, codes, notes: 0, users: 0, variables: 0 } };
}
