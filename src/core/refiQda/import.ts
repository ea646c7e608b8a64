/**
 * REFI-QDA import: a `.qdpx` project (from ATLAS.ti, MAXQDA, NVivo, QualCoder, or this
 * extension) or a `.qdc` codebook, read into what the extension keeps. Pure: bytes in, data out;
 * nothing is written and nothing existing is changed.
 *
 * - The codebook: every code as a tag path ("parent/child"), with description and colour.
 * - For each text source whose text is that of a workspace document (same name, or same base
 *   name, or the same text under another name; line breaks and a byte order mark do not count),
 *   its coded selections become annotations of that document: placed by position (Unicode code
 *   points of the source text, end exclusive) and checked by quote through the editor's
 *   re-anchoring, so a text that differs only in trailing whitespace places them too. Codings
 *   become tags, NoteRefs (and a selection's Description) the note, the coding's creatingUser
 *   (a User of the project) the coder; codings of one selection by different coders become one
 *   annotation per coder.
 * - New ids never clash with the document's existing annotations; a selection that is already an
 *   annotation with the same span and tags is not added again. A selection exported by this
 *   extension gets its own id back (see `selectionGuid`).
 * - What cannot be placed is reported: source not found, its text missing or different,
 *   selection out of range or not found, unknown code, sources that are not text.
 * - Robust: not a zip, no project.qde, broken XML, an entity bomb, a zip bomb or a huge file give
 *   a problem, never an exception. Zip entries are only inflated after their declared size was
 *   checked (and never beyond it).
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { anchorEntries, type Selector } from '../annotations/anchoring';
import { type Annotation, CodePointIndex, createAnnotation, newId, sameTextAfterSave, TextPositions, toLf } from '../annotations/model';
import { CODE_SEPARATOR, normalColor, PROJECT_ENTRY, SOURCES_FOLDER } from './common';
import { idFromSelectionGuid, sha1, utf8 } from './guid';
import { childNamed, childrenNamed, parseXml, type XmlElement } from './xml';

/** A document of the workspace, and the annotations it has (to keep their ids and not add them twice). */
export interface RefiWorkspaceDocument {
  /** Workspace-relative path. */
  readonly name: string;
  readonly text: string;
  /** Its current sidecar entries (stored positions). */
  readonly annotations?: readonly Pick<Annotation, 'id' | 'start' | 'end' | 'tags'>[];
}

export interface RefiImportOptions {
  /** ISO time for annotations whose selection has no creationDateTime (default: none, ""). */
  readonly now?: string;
  /** Files larger than this are refused (default 256 MB). */
  readonly maxFileBytes?: number;
  /** Zip entries (project.qde, a source) larger than this once inflated are refused (default 64 MB). */
  readonly maxEntryBytes?: number;
  /** At most this much is inflated from one zip in all (default 512 MB): entries beyond it are refused. */
  readonly maxTotalBytes?: number;
}

/** A code of the imported codebook. */
export interface ImportedCode {
  /** Its tag: the names from the top of the tree down, joined by "/" ("/" in a name becomes "∕"). */
  readonly path: string;
  readonly description?: string;
  /** `#rrggbb`, lower case. */
  readonly color?: string;
  /** False for a code the other tool keeps as a category only (isCodable="false"). */
  readonly codable: boolean;
}

/** An annotation to add: a sidecar entry (stored positions), with its coder. */
export type ImportedAnnotation = Annotation & { readonly coder?: string };

export interface ImportedDocument {
  /** The workspace document's name. */
  readonly name: string;
  /** The source it comes from (its name in the file). */
  readonly source: string;
  /** Annotations to add, ordered by position. */
  readonly annotations: ImportedAnnotation[];
}

/** What could not be read or placed, as data (the adapter words it); `message` is English. */
export type RefiImportIssue =
  /** `entry` is larger than `megabytes` (or the file is, without `entry`); with `total`, the entries read before it and it are. */
  | { readonly kind: 'tooLarge'; readonly megabytes: number; readonly entry?: string; readonly total?: true }
  | { readonly kind: 'notRefi' }
  | { readonly kind: 'zip'; readonly detail: string }
  | { readonly kind: 'noProject' }
  | { readonly kind: 'xml'; readonly detail: string; readonly entry: string; readonly line: number; readonly column: number }
  | { readonly kind: 'unexpectedRoot'; readonly found: string }
  | { readonly kind: 'sourceNotFound'; readonly source: string; readonly selections: number }
  | { readonly kind: 'sourceTextMissing'; readonly source: string; readonly selections: number }
  | { readonly kind: 'textDiffers'; readonly source: string; readonly document: string; readonly selections: number }
  | { readonly kind: 'selectionOutOfRange'; readonly source: string; readonly start: string; readonly end: string }
  | { readonly kind: 'selectionNotPlaced'; readonly source: string; readonly quote: string }
  | { readonly kind: 'unknownCode'; readonly guid: string; readonly codings: number }
  | { readonly kind: 'notText'; readonly sources: number }
  | { readonly kind: 'internal'; readonly detail: string };

export interface RefiImportProblem {
  readonly issue: RefiImportIssue;
  readonly message: string;
}

export interface RefiImportResult {
  /** What the bytes were: a project (zipped `.qdpx` or a bare `project.qde`) or a codebook; undefined when unreadable. */
  readonly format?: 'qdpx' | 'qde' | 'qdc';
  /** The `origin` attribute: the tool that wrote it. */
  readonly origin?: string;
  /** The project's name. */
  readonly name?: string;
  readonly codes: ImportedCode[];
  /** Documents that get annotations. */
  readonly documents: ImportedDocument[];
  /** Selections that were already annotations (same span and tags) and are not added again. */
  readonly alreadyPresent: number;
  readonly problems: RefiImportProblem[];
}

export const MAX_REFI_FILE_BYTES = 256 * 1024 * 1024;
export const MAX_REFI_ENTRY_BYTES = 64 * 1024 * 1024;
export const MAX_REFI_TOTAL_BYTES = 512 * 1024 * 1024;
const MB = 1024 * 1024;

function megabytes(bytes: number): number {
  return Number((bytes / MB).toFixed(1));
}

/** The English wording of an issue. */
export function describeRefiIssue(issue: RefiImportIssue): string {
  switch (issue.kind) {
    case 'tooLarge':
      if (issue.total) return `${issue.entry ?? 'an entry'} was not read: the file holds more than ${issue.megabytes} MB of text in all`;
      return issue.entry ? `${issue.entry} is larger than ${issue.megabytes} MB` : `the file is larger than ${issue.megabytes} MB`;
    case 'notRefi': return 'not a REFI-QDA file: neither a .qdpx (zip) nor a .qdc or project.qde (XML)';
    case 'zip': return `the zip file is damaged: ${issue.detail}`;
    case 'noProject': return 'the .qdpx has no project.qde';
    case 'xml': return `${issue.entry}, line ${issue.line}, column ${issue.column}: ${issue.detail}`;
    case 'unexpectedRoot': return `expected a REFI-QDA <Project> or <CodeBook>, found <${issue.found}>`;
    case 'sourceNotFound': return `source "${issue.source}" (${issue.selections} coded passages) matches no document of the workspace`;
    case 'sourceTextMissing': return `source "${issue.source}" (${issue.selections} coded passages) has no plain text in the file`;
    case 'textDiffers': return `source "${issue.source}" (${issue.selections} coded passages) has another text than ${issue.document}`;
    case 'selectionOutOfRange': return `source "${issue.source}": a selection from ${issue.start} to ${issue.end} lies outside its text`;
    case 'selectionNotPlaced': return `source "${issue.source}": "${issue.quote}" was not found in the document`;
    case 'unknownCode': return `${issue.codings} codings refer to code ${issue.guid}, which the codebook lacks`;
    case 'notText': return `${issue.sources} sources are not text (PDF, picture, audio, video) and were skipped`;
    case 'internal': return `the file could not be read: ${issue.detail}`;
  }
}

function problem(issue: RefiImportIssue): RefiImportProblem {
  return { issue, message: describeRefiIssue(issue) };
}

/** Text of some bytes: UTF-8, or UTF-16 with a byte order mark; a UTF-8 byte order mark is dropped. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return new TextDecoder('utf-8').decode(bytes.subarray(start));
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** Whether the bytes start like XML text (after a byte order mark and whitespace). */
function looksLikeXml(bytes: Uint8Array): boolean {
  const head = decodeText(bytes.subarray(0, 512));
  return /^\s*</u.test(head.replace(/^\uFEFF/u, ''));
}

/** A GUID as a map key: no braces, lower case. */
function guidKey(guid: string | undefined): string {
  return (guid ?? '').trim().replace(/^\{|\}$/gu, '').toLowerCase();
}

/** A deterministic random source for `newId`, from a seed (so that an import gives the same ids twice). */
function seeded(seed: string): () => number {
  const h = sha1(utf8(seed));
  let s = ((h[0] << 24) | (h[1] << 16) | (h[2] << 8) | h[3]) >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The codes of a <Codes> element, depth first, and a map from GUID to path. */
function readCodes(codes: XmlElement | undefined): { list: ImportedCode[]; byGuid: Map<string, string> } {
  const list: ImportedCode[] = [];
  const byGuid = new Map<string, string>();
  const seen = new Set<string>();
  // Iterative, as the parser is: a deep tree cannot overflow the stack.
  const todo: { e: XmlElement; parent: string }[] = (codes ? childrenNamed(codes, 'Code') : []).map((e) => ({ e, parent: '' })).reverse();
  while (todo.length > 0) {
    const { e, parent } = todo.pop() as { e: XmlElement; parent: string };
    const name = (e.attributes.get('name') ?? '').trim().replace(/\//gu, '\u2215');
    const path = name ? (parent ? `${parent}${CODE_SEPARATOR}${name}` : name) : parent;
    if (name) {
      const guid = guidKey(e.attributes.get('guid'));
      if (guid) byGuid.set(guid, path);
      if (!seen.has(path)) {
        seen.add(path);
        const description = childNamed(e, 'Description')?.text.trim();
        const color = normalColor(e.attributes.get('color'));
        list.push({
          path, codable: e.attributes.get('isCodable')?.trim() !== 'false',
          ...(description ? { description } : {}), ...(color ? { color } : {}),
        });
      }
    }
    const children = childrenNamed(e, 'Code');
    for (let k = children.length - 1; k >= 0; k--) todo.push({ e: children[k], parent: path });
  }
  return { list, byGuid };
}

/** The zip's entries by lower-case name, and a way to inflate one (checked against the limits first). */
class ZipReader {
  private readonly infos = new Map<string, UnzipFileInfo>();
  /** What may still be inflated. */
  private budget: number;

  constructor(private readonly bytes: Uint8Array, private readonly maxEntry: number, private readonly maxTotal: number) {
    this.budget = maxTotal;
    // A filter that keeps nothing lists the entries without inflating any.
    unzipSync(bytes, { filter: (f) => { this.infos.set(f.name.toLowerCase(), f); return false; } });
  }

  /** The entry named `name` (any case), or else the one with that file name in any folder. */
  find(name: string): UnzipFileInfo | undefined {
    const lower = name.toLowerCase().replace(/^\/+/u, '');
    const exact = this.infos.get(lower);
    if (exact) return exact;
    const base = lower.slice(lower.lastIndexOf('/') + 1);
    for (const [key, info] of this.infos) if (key.slice(key.lastIndexOf('/') + 1) === base) return info;
    return undefined;
  }

  /**
   * The bytes of an entry, or what is wrong: its declared size exceeds a limit (it is not
   * inflated; nor beyond its declared size, so a size that lies cannot exceed it), or it is damaged.
   */
  read(info: UnzipFileInfo): { readonly bytes: Uint8Array } | { readonly issue: RefiImportIssue } {
    if (info.originalSize > this.maxEntry) return { issue: { kind: 'tooLarge', megabytes: megabytes(this.maxEntry), entry: info.name } };
    if (info.originalSize > this.budget) return { issue: { kind: 'tooLarge', megabytes: megabytes(this.maxTotal), entry: info.name, total: true } };
    this.budget -= info.originalSize;
    try {
      const out = unzipSync(this.bytes, { filter: (f) => f.name === info.name });
      return { bytes: out[info.name] ?? new Uint8Array(0) };
    } catch (error) {
      return { issue: { kind: 'zip', detail: `${info.name}: ${error instanceof Error ? error.message : String(error)}` } };
    }
  }
}

interface SourceSelection {
  readonly guid: string;
  readonly start: number;
  readonly end: number;
  readonly groups: { coder?: string; tags: string[]; created: string }[];
  readonly note?: string;
}

/** Reads `.qdpx`, `project.qde` or `.qdc` bytes into a codebook and annotations for the workspace's documents. Never throws. */
export function importRefi(bytes: Uint8Array, workspace: readonly RefiWorkspaceDocument[], options: RefiImportOptions = {}): RefiImportResult {
  const empty = { codes: [], documents: [], alreadyPresent: 0 };
  try {
    return importUnsafe(bytes, workspace, options);
  } catch (error) {
    // Not expected; a last guard so that a damaged file never takes the command down.
    return { ...empty, problems: [problem({ kind: 'internal', detail: error instanceof Error ? error.message : String(error) })] };
  }
}

function importUnsafe(bytes: Uint8Array, workspace: readonly RefiWorkspaceDocument[], options: RefiImportOptions): RefiImportResult {
  const maxFile = options.maxFileBytes ?? MAX_REFI_FILE_BYTES;
  const maxEntry = options.maxEntryBytes ?? MAX_REFI_ENTRY_BYTES;
  const fail = (issue: RefiImportIssue, format?: RefiImportResult['format']): RefiImportResult =>
    ({ ...(format ? { format } : {}), codes: [], documents: [], alreadyPresent: 0, problems: [problem(issue)] });
  if (bytes.length > maxFile) return fail({ kind: 'tooLarge', megabytes: megabytes(maxFile) });

  let zip: ZipReader | undefined;
  let xmlBytes: Uint8Array;
  let entry = 'the file';
  if (isZip(bytes)) {
    try {
      zip = new ZipReader(bytes, maxEntry, options.maxTotalBytes ?? MAX_REFI_TOTAL_BYTES);
    } catch (error) {
      return fail({ kind: 'zip', detail: error instanceof Error ? error.message : String(error) });
    }
    const info = zip.find(PROJECT_ENTRY);
    // Only a project.qde at the top or in one folder (some tools zip a folder): not any file of that name.
    if (!info || info.name.split('/').length > 2) return fail({ kind: 'noProject' }, 'qdpx');
    const read = zip.read(info);
    if ('issue' in read) return fail(read.issue, 'qdpx');
    xmlBytes = read.bytes;
    entry = PROJECT_ENTRY;
  } else if (looksLikeXml(bytes)) {
    if (bytes.length > maxEntry) return fail({ kind: 'tooLarge', megabytes: megabytes(maxEntry) });
    xmlBytes = bytes;
  } else {
    return fail({ kind: 'notRefi' });
  }

  const parsed = parseXml(decodeText(xmlBytes));
  if (!parsed.ok) {
    const { message, line, column } = parsed.error;
    return fail({ kind: 'xml', detail: message, entry, line, column }, zip ? 'qdpx' : undefined);
  }
  const root = parsed.root;
  const origin = root.attributes.get('origin');
  const name = root.attributes.get('name');
  const head = { ...(origin ? { origin } : {}), ...(name ? { name } : {}) };
  if (root.local === 'CodeBook') {
    return { format: 'qdc', ...head, codes: readCodes(childNamed(root, 'Codes')).list, documents: [], alreadyPresent: 0, problems: [] };
  }
  if (root.local !== 'Project') return fail({ kind: 'unexpectedRoot', found: root.name }, zip ? 'qdpx' : undefined);
  const format = zip ? 'qdpx' : 'qde';
  const problems: RefiImportProblem[] = [];

  const codebook = readCodes(childNamed(childNamed(root, 'CodeBook') ?? root, 'Codes'));
  const users = new Map<string, string>();
  for (const u of childrenNamed(childNamed(root, 'Users') ?? root, 'User')) {
    const label = u.attributes.get('name')?.trim() || u.attributes.get('id')?.trim();
    if (label) users.set(guidKey(u.attributes.get('guid')), label);
  }
  const notesElement = childNamed(root, 'Notes');
  const notes = new Map<string, XmlElement>();
  for (const n of notesElement ? childrenNamed(notesElement, 'Note') : []) notes.set(guidKey(n.attributes.get('guid')), n);
  const noteText = (guid: string): string | undefined => {
    const n = notes.get(guidKey(guid));
    if (!n) return undefined;
    const inline = childNamed(n, 'PlainTextContent')?.text;
    if (inline !== undefined) return inline;
    const path = n.attributes.get('plainTextPath');
    const info = path && zip ? zip.find(internalPath(path)) : undefined;
    const read = info && zip ? zip.read(info) : undefined;
    return read && 'bytes' in read ? decodeText(read.bytes) : childNamed(n, 'Description')?.text;
  };

  const unknownCodes = new Map<string, number>();
  const sourcesElement = childNamed(root, 'Sources');
  const sources = sourcesElement ? sourcesElement.children : [];
  const notText = sources.filter((s) => s.local !== 'TextSource').length;
  if (notText > 0) problems.push(problem({ kind: 'notText', sources: notText }));

  const index = new WorkspaceIndex(workspace);
  const documents = new Map<string, ImportedDocument>();
  let alreadyPresent = 0;
  for (const source of sources) {
    if (source.local !== 'TextSource') continue;
    const sourceName = source.attributes.get('name') ?? source.attributes.get('guid') ?? '';
    const selections = readSelections(source, codebook.byGuid, users, noteText, unknownCodes, options.now ?? '');
    if (selections.length === 0) continue;
    const raw = sourceText(source, zip);
    if (typeof raw !== 'string') {
      const issue: RefiImportIssue = raw === undefined ? { kind: 'sourceTextMissing', source: sourceName, selections: selections.length }
        : raw.kind === 'tooLarge' ? { ...raw, entry: `source "${sourceName}"` } : raw;
      problems.push(problem(issue));
      continue;
    }
    const match = index.match(sourceName, raw);
    if (match.kind === 'none') {
      problems.push(problem({ kind: 'sourceNotFound', source: sourceName, selections: selections.length }));
      continue;
    }
    if (match.kind === 'differs') {
      problems.push(problem({ kind: 'textDiffers', source: sourceName, document: match.document.name, selections: selections.length }));
      continue;
    }
    const placed = placeSelections(raw.replace(/^\uFEFF/u, ''), sourceName, selections, match.document, problems);
    const target = documents.get(match.document.name) ?? { name: match.document.name, source: sourceName, annotations: [] };
    const taken = index.takenIds(match.document);
    const existing = index.spans(match.document);
    for (const p of placed) {
      p.groups.forEach((g, k) => {
        const key = spanKey(p.stored.start, p.stored.end, g.tags);
        if (existing.has(key)) { alreadyPresent++; return; }
        existing.add(key);
        const wanted = k === 0 ? idFromSelectionGuid(p.guid) : undefined;
        const id = wanted && !taken.has(wanted) ? wanted : newId(taken, seeded(`${p.guid}/${k}`));
        taken.add(id);
        const note = k === 0 ? p.note : undefined;
        const annotation = createAnnotation(p.positions, p.start, p.end, { id, tags: g.tags, ...(note ? { note } : {}), created: g.created });
        target.annotations.push(g.coder ? { ...annotation, coder: g.coder } : annotation);
      });
    }
    if (target.annotations.length > 0) documents.set(match.document.name, target);
  }
  for (const [guid, codings] of unknownCodes) problems.push(problem({ kind: 'unknownCode', guid, codings }));
  for (const d of documents.values()) d.annotations.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { format, ...head, codes: codebook.list, documents: [...documents.values()], alreadyPresent, problems };
}

function spanKey(start: number, end: number, tags: readonly string[]): string {
  return JSON.stringify([start, end, [...tags].sort()]);
}

/** The zip entry a path like `internal://abc.txt` means (in the sources folder). */
function internalPath(path: string): string {
  const p = path.trim().replace(/^internal:\/\//iu, '').replace(/\\/gu, '/').replace(/^\/+/u, '');
  return `${SOURCES_FOLDER}/${p}`;
}

/** A source's plain text: inline, or the file its plainTextPath names in the zip; undefined when it has none. */
function sourceText(source: XmlElement, zip: ZipReader | undefined): string | RefiImportIssue | undefined {
  const inline = childNamed(source, 'PlainTextContent');
  if (inline) return inline.text;
  const path = source.attributes.get('plainTextPath');
  if (!path || !zip || !/^internal:\/\//iu.test(path.trim())) return undefined;
  const info = zip.find(internalPath(path));
  if (!info) return undefined;
  const read = zip.read(info);
  return 'issue' in read ? read.issue : decodeText(read.bytes);
}

/** The coded (or annotated) selections of a text source. */
function readSelections(
  source: XmlElement, codes: ReadonlyMap<string, string>, users: ReadonlyMap<string, string>,
  noteText: (guid: string) => string | undefined, unknownCodes: Map<string, number>, now: string,
): (SourceSelection & { readonly startText: string; readonly endText: string })[] {
  const out: (SourceSelection & { startText: string; endText: string })[] = [];
  for (const sel of childrenNamed(source, 'PlainTextSelection')) {
    const startText = sel.attributes.get('startPosition')?.trim() ?? '';
    const endText = sel.attributes.get('endPosition')?.trim() ?? '';
    const start = /^[+-]?\d{1,15}$/u.test(startText) ? Number(startText) : NaN;
    const end = /^[+-]?\d{1,15}$/u.test(endText) ? Number(endText) : NaN;
    const selectionCoder = users.get(guidKey(sel.attributes.get('creatingUser')));
    const selectionCreated = sel.attributes.get('creationDateTime')?.trim() || now;
    const groups = new Map<string, { coder?: string; tags: string[]; created: string }>();
    const noteParts: string[] = [];
    const description = childNamed(sel, 'Description')?.text.trim();
    if (description) noteParts.push(description);
    const addNotes = (e: XmlElement): void => {
      for (const ref of childrenNamed(e, 'NoteRef')) {
        const t = noteText(ref.attributes.get('targetGUID') ?? '')?.trim();
        if (t && !noteParts.includes(t)) noteParts.push(t);
      }
    };
    for (const coding of childrenNamed(sel, 'Coding')) {
      const target = guidKey(childNamed(coding, 'CodeRef')?.attributes.get('targetGUID'));
      const path = codes.get(target);
      if (!path) {
        unknownCodes.set(target, (unknownCodes.get(target) ?? 0) + 1);
        continue;
      }
      const coder = users.get(guidKey(coding.attributes.get('creatingUser'))) ?? selectionCoder;
      const group = groups.get(coder ?? '') ?? { ...(coder ? { coder } : {}), tags: [], created: coding.attributes.get('creationDateTime')?.trim() || selectionCreated };
      if (!group.tags.includes(path)) group.tags.push(path);
      groups.set(coder ?? '', group);
      addNotes(coding);
    }
    addNotes(sel);
    const note = noteParts.join('\n\n');
    // A selection without codes is a marked passage (an ATLAS.ti quotation, say): kept, without
    // tags. One whose codes are all unknown is not (it is reported as such).
    if (groups.size === 0 && !note && childrenNamed(sel, 'Coding').length > 0) continue;
    // The note goes with the selection's own coder's codings, else with the first.
    const ordered = [...groups.values()];
    const own = ordered.findIndex((g) => g.coder === selectionCoder);
    if (own > 0) ordered.unshift(...ordered.splice(own, 1));
    if (ordered.length === 0) ordered.push({ ...(selectionCoder ? { coder: selectionCoder } : {}), tags: [], created: selectionCreated });
    out.push({ guid: sel.attributes.get('guid') ?? '', start, end, startText, endText, groups: ordered, ...(note ? { note } : {}) });
  }
  return out;
}

/** A selection placed in a document. */
interface PlacedSelection {
  readonly guid: string;
  readonly groups: SourceSelection['groups'];
  readonly note?: string;
  readonly positions: TextPositions;
  /** UTF-16 offsets in the document text. */
  readonly start: number;
  readonly end: number;
  /** Stored positions in the document. */
  readonly stored: { readonly start: number; readonly end: number };
}

/** Places selections (code points of `raw`, the source text) in the matched document, by position and quote. */
function placeSelections(
  raw: string, sourceName: string, selections: readonly (SourceSelection & { startText: string; endText: string })[],
  document: RefiWorkspaceDocument, problems: RefiImportProblem[],
): PlacedSelection[] {
  const rawPoints = new CodePointIndex(raw);
  const rawLength = rawPoints.toCodePoint(raw.length);
  const rawPositions = new TextPositions(raw);
  const positions = new TextPositions(document.text);
  // A byte order mark at the start of the document text is one code point the source lacks.
  const bom = positions.lf.charCodeAt(0) === 0xfeff ? 1 : 0;
  const inRange: (SourceSelection & Selector)[] = [];
  for (const s of selections) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end <= s.start || s.end > rawLength) {
      problems.push(problem({ kind: 'selectionOutOfRange', source: sourceName, start: s.startText, end: s.endText }));
      continue;
    }
    const selector = rawPositions.selector(rawPoints.toUtf16(s.start), rawPoints.toUtf16(s.end));
    inRange.push({ ...s, ...selector, start: selector.start + bom, end: selector.end + bom });
  }
  const found = anchorEntries(positions, inRange);
  const out: PlacedSelection[] = [];
  inRange.forEach((s, i) => {
    const f = found[i];
    if (!f) {
      problems.push(problem({ kind: 'selectionNotPlaced', source: sourceName, quote: s.quote.length > 80 ? `${s.quote.slice(0, 79)}…` : s.quote }));
      return;
    }
    out.push({
      guid: s.guid, groups: s.groups, ...(s.note ? { note: s.note } : {}), positions, start: f.start, end: f.end,
      stored: { start: positions.toStored(f.start), end: positions.toStored(f.end) },
    });
  });
  return out;
}

/** How a source's text compares with the workspace's documents. */
type SourceMatch =
  | { readonly kind: 'same'; readonly document: RefiWorkspaceDocument }
  | { readonly kind: 'differs'; readonly document: RefiWorkspaceDocument }
  | { readonly kind: 'none' };

/** A text for comparing: LF line breaks, no byte order mark. */
function comparable(text: string): string {
  return toLf(text).replace(/^\uFEFF/u, '');
}

function baseName(name: string): string {
  const file = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = file.lastIndexOf('.');
  return (dot > 0 ? file.slice(0, dot) : file).trim().toLowerCase();
}

class WorkspaceIndex {
  private readonly byText = new Map<string, RefiWorkspaceDocument>();
  private readonly ids = new Map<RefiWorkspaceDocument, Set<string>>();
  private readonly spanKeys = new Map<RefiWorkspaceDocument, Set<string>>();
  private readonly texts = new Map<RefiWorkspaceDocument, string>();

  constructor(private readonly documents: readonly RefiWorkspaceDocument[]) {
    for (const d of documents) {
      const t = comparable(d.text);
      this.texts.set(d, t);
      if (!this.byText.has(t)) this.byText.set(t, d);
    }
  }

  /** The document a source is: by name (exact, then base name) with the same text, else any with the same text. */
  match(sourceName: string, raw: string): SourceMatch {
    const text = comparable(raw);
    const named = [
      ...this.documents.filter((d) => d.name === sourceName),
      ...this.documents.filter((d) => d.name !== sourceName && baseName(d.name) === baseName(sourceName)),
    ];
    for (const d of named) if (this.texts.get(d) === text) return { kind: 'same', document: d };
    const sameText = this.byText.get(text);
    if (sameText) return { kind: 'same', document: sameText };
    // Only trailing whitespace and final line breaks differ: positions may shift, quotes place them.
    for (const d of named) if (sameTextAfterSave(this.texts.get(d) ?? '', text)) return { kind: 'same', document: d };
    return named.length > 0 ? { kind: 'differs', document: named[0] } : { kind: 'none' };
  }

  /** The spans and tags of a document's annotations (existing and added), as `spanKey`s. */
  spans(d: RefiWorkspaceDocument): Set<string> {
    let spans = this.spanKeys.get(d);
    if (!spans) {
      spans = new Set((d.annotations ?? []).map((a) => spanKey(a.start, a.end, a.tags)));
      this.spanKeys.set(d, spans);
    }
    return spans;
  }

  /** The ids in use in a document (its existing annotations and those this import adds). */
  takenIds(d: RefiWorkspaceDocument): Set<string> {
    let ids = this.ids.get(d);
    if (!ids) {
      ids = new Set((d.annotations ?? []).map((a) => a.id));
      this.ids.set(d, ids);
    }
    return ids;
  }
}
