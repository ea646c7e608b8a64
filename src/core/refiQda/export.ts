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
// fflate's browser build everywhere: its Node build loads worker_threads when the extension loads
// (~12 ms of every activation) for asynchronous (de)compression this code never asks for.
import { zipSync } from 'fflate/browser';
import { compareStrings } from '../util/compare';
import {
  CODEBOOK_NAMESPACE, CODEBOOK_SCHEMA_LOCATION, PROJECT_ENTRY, PROJECT_NAMESPACE, PROJECT_SCHEMA_LOCATION, SOURCES_FOLDER,
} from './common';
import { buildCodes, type CodeNode, countCodes, type RefiCodeInput, writeCodes } from './exportCodes';
import { type PreparedDocument, prepareDocument, type Selection, type RefiDocumentInput, type SkippedAnnotation, uniqueKey } from './exportDocuments';
import { buildVariables, writeCases, writeVariables, writeVariableValues, type Variable } from './exportVariables';
import { refiGuid, utf8 } from './guid';
import { escapeAttribute as attr, escapeText as text } from './xml';

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

/** The first `max` code points of a one-line rendering of `s`, with "…" when cut. */
function label(s: string, max = 60): string {
  const points = Array.from(s.replace(/\s+/gu, ' ').trim());
  return points.length <= max ? points.join('') : `${points.slice(0, max - 1).join('').trimEnd()}…`;
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

/** A note of a selection, as `<Notes>` lists it. */
interface NoteEntry {
  readonly guid: string;
  readonly name: string;
  readonly text: string;
  readonly coder?: string;
  readonly created?: string;
}

/** What writing the sources needs besides the documents. */
interface SourceWriting {
  readonly codes: ReadonlyMap<string, CodeNode>;
  readonly userGuid: ReadonlyMap<string, string>;
  readonly variableByName: ReadonlyMap<string, Variable>;
  /** Attribute values go on the sources. */
  readonly valuesOnSources: boolean;
  /** Where the selections' notes are collected, for `<Notes>`. */
  readonly notes: NoteEntry[];
}

/** The `project.qde` text of an export. */
export function projectXml(input: RefiExportInput, options: RefiExportOptions = {}): { xml: string; documents: readonly { name: string; guid: string; source: string }[]; skipped: SkippedAnnotation[]; counts: RefiExportCounts } {
  const { documents, skipped, codes } = prepare(input);
  const attributesOn = options.attributesOn ?? 'sources';
  const coders = [...new Set(documents.flatMap((d) => d.selections.map((s) => s.coder).filter((c): c is string => c !== undefined)))].sort(compareStrings);
  const userGuid = new Map(coders.map((c) => [c, refiGuid('user', c)]));
  const variables = buildVariables(documents);
  const variableByName = new Map(variables.map((v) => [v.name, v]));

  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>', projectStart(documents, options)];
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
  writeVariables(out, variables);
  if (attributesOn !== 'sources') writeCases(out, documents, variableByName);
  const notes: NoteEntry[] = [];
  writeSources(out, documents, { codes: codes.byPath, userGuid, variableByName, valuesOnSources: attributesOn !== 'cases', notes });
  writeNotes(out, notes, userGuid);
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

/** The `<Project>` start tag: namespaces, name, origin, and the first and last moment of the selections, if any has one. */
function projectStart(documents: readonly PreparedDocument[], options: RefiExportOptions): string {
  const dates = documents.flatMap((d) => d.selections.map((s) => s.created).filter((c): c is string => c !== undefined));
  const moments = dates.map((c) => ({ c, t: Date.parse(c) })).filter((x) => Number.isFinite(x.t)).sort((a, b) => a.t - b.t);
  const created = moments.length > 0 ? ` creationDateTime="${moments[0].c}" modifiedDateTime="${moments[moments.length - 1].c}"` : '';
  return `<Project xmlns="${PROJECT_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${PROJECT_SCHEMA_LOCATION}" name="${attr(options.name ?? DEFAULT_NAME)}" origin="${attr(options.origin ?? DEFAULT_NAME)}"${created}>`;
}

/** `<Sources>`: a TextSource per document with its selections (and attribute values, when they go there). */
function writeSources(out: string[], documents: readonly PreparedDocument[], w: SourceWriting): void {
  if (documents.length === 0) return;
  out.push('  <Sources>');
  for (const d of documents) {
    const open = `    <TextSource guid="${d.guid}" name="${attr(d.name)}" plainTextPath="internal://${d.guid}.txt"`;
    const inner: string[] = [];
    for (const s of d.selections) writeSelection(inner, d, s, w);
    if (w.valuesOnSources) writeVariableValues(inner, d, w.variableByName, '      ');
    if (inner.length === 0) out.push(`${open}/>`);
    else out.push(`${open}>`, ...inner, '    </TextSource>');
  }
  out.push('  </Sources>');
}

/** A PlainTextSelection with a Coding per tag and a NoteRef to its note (which goes into `w.notes`). */
function writeSelection(inner: string[], d: PreparedDocument, s: Selection, w: SourceWriting): void {
  const who = s.coder ? ` creatingUser="${w.userGuid.get(s.coder)}"` : '';
  const when = s.created ? ` creationDateTime="${s.created}"` : '';
  const selectionAttributes = `guid="${s.guid}" name="${attr(label(s.quote))}" startPosition="${s.start}" endPosition="${s.end}"${who}${when}`;
  const noteGuid = s.note ? refiGuid('note', d.key, s.id) : undefined;
  if (s.tags.length === 0 && !noteGuid) {
    inner.push(`      <PlainTextSelection ${selectionAttributes}/>`);
    return;
  }
  inner.push(`      <PlainTextSelection ${selectionAttributes}>`);
  for (const t of s.tags) {
    const code = w.codes.get(t);
    if (!code) continue;
    inner.push(`        <Coding guid="${refiGuid('coding', d.key, s.id, t)}"${who}${when}>`);
    inner.push(`          <CodeRef targetGUID="${code.guid}"/>`);
    inner.push('        </Coding>');
  }
  if (noteGuid && s.note) {
    inner.push(`        <NoteRef targetGUID="${noteGuid}"/>`);
    w.notes.push({ guid: noteGuid, name: label(s.note.split('\n')[0]), text: s.note, ...(s.coder ? { coder: s.coder } : {}), ...(s.created ? { created: s.created } : {}) });
  }
  inner.push('      </PlainTextSelection>');
}

/** `<Notes>`, if there are any. */
function writeNotes(out: string[], notes: readonly NoteEntry[], userGuid: ReadonlyMap<string, string>): void {
  if (notes.length === 0) return;
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

/** A `.qdpx` file: `project.qde` and each document's text as `sources/<source guid>.txt` (UTF-8, LF). */
export function exportQdpx(input: RefiExportInput, options: RefiExportOptions = {}): RefiExportResult {
  const { xml, documents, skipped, counts } = projectXml(input, options);
  const files: Record<string, [Uint8Array, { mtime: Date }]> = { [PROJECT_ENTRY]: [utf8(xml), { mtime: ZIP_TIME }] };
  for (const d of documents) files[`${SOURCES_FOLDER}/${d.guid}.txt`] = [utf8(d.source), { mtime: ZIP_TIME }];
  return { ok: true, bytes: zipSync(files, { level: 1, mtime: ZIP_TIME }), skipped, counts };
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
