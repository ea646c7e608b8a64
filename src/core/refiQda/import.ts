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
 *
 * The steps have modules of their own: `importFile` (zip or XML, within limits), `importProject`
 * (the XML as data), `importPlacing` (sources matched to documents, selections placed, ids),
 * `importIssues` (what went wrong, as data and in English).
 */
import { compareStrings } from '../util/compare';
import { childNamed, type XmlElement } from './xml';
import { MAX_REFI_ENTRY_BYTES, MAX_REFI_FILE_BYTES, MAX_REFI_TOTAL_BYTES, openRefi, type ZipReader } from './importFile';
import { refiProblem, type RefiImportIssue, type RefiImportProblem } from './importIssues';
import { addPlaced, type ImportedDocument, placeSelections, type RefiWorkspaceDocument, WorkspaceIndex } from './importPlacing';
import { type ImportedCode, noteReader, readCodes, readSelections, readUsers, sourceText } from './importProject';

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

/** Reads `.qdpx`, `project.qde` or `.qdc` bytes into a codebook and annotations for the workspace's documents. Never throws. */
export function importRefi(bytes: Uint8Array, workspace: readonly RefiWorkspaceDocument[], options: RefiImportOptions = {}): RefiImportResult {
  const empty = { codes: [], documents: [], alreadyPresent: 0 };
  try {
    return importUnsafe(bytes, workspace, options);
  } catch (error) {
    // Not expected; a last guard so that a damaged file never takes the command down.
    return { ...empty, problems: [refiProblem({ kind: 'internal', detail: error instanceof Error ? error.message : String(error) })] };
  }
}

function importUnsafe(bytes: Uint8Array, workspace: readonly RefiWorkspaceDocument[], options: RefiImportOptions): RefiImportResult {
  const fail = (issue: RefiImportIssue, format?: RefiImportResult['format']): RefiImportResult =>
    ({ ...(format ? { format } : {}), codes: [], documents: [], alreadyPresent: 0, problems: [refiProblem(issue)] });
  const opened = openRefi(bytes, {
    maxFile: options.maxFileBytes ?? MAX_REFI_FILE_BYTES,
    maxEntry: options.maxEntryBytes ?? MAX_REFI_ENTRY_BYTES,
    maxTotal: options.maxTotalBytes ?? MAX_REFI_TOTAL_BYTES,
  });
  if ('issue' in opened) return fail(opened.issue, opened.format);
  const { root, zip } = opened;
  const origin = root.attributes.get('origin');
  const name = root.attributes.get('name');
  const head = { ...(origin ? { origin } : {}), ...(name ? { name } : {}) };
  if (root.local === 'CodeBook') {
    return { format: 'qdc', ...head, codes: readCodes(childNamed(root, 'Codes')).list, documents: [], alreadyPresent: 0, problems: [] };
  }
  if (root.local !== 'Project') return fail({ kind: 'unexpectedRoot', found: root.name }, zip ? 'qdpx' : undefined);
  return { format: zip ? 'qdpx' : 'qde', ...head, ...importProject(root, zip, workspace, options.now ?? '') };
}

/** A project's codebook, and the annotations its text sources give the workspace's documents. */
function importProject(
  root: XmlElement, zip: ZipReader | undefined, workspace: readonly RefiWorkspaceDocument[], now: string,
): Pick<RefiImportResult, 'codes' | 'documents' | 'alreadyPresent' | 'problems'> {
  const problems: RefiImportProblem[] = [];
  const codebook = readCodes(childNamed(childNamed(root, 'CodeBook') ?? root, 'Codes'));
  const users = readUsers(root);
  const noteText = noteReader(root, zip);
  const unknownCodes = new Map<string, number>();
  const sourcesElement = childNamed(root, 'Sources');
  const sources = sourcesElement ? sourcesElement.children : [];
  const notText = sources.filter((s) => s.local !== 'TextSource').length;
  if (notText > 0) problems.push(refiProblem({ kind: 'notText', sources: notText }));

  const index = new WorkspaceIndex(workspace);
  const documents = new Map<string, ImportedDocument>();
  let alreadyPresent = 0;
  for (const source of sources) {
    if (source.local !== 'TextSource') continue;
    const sourceName = source.attributes.get('name') ?? source.attributes.get('guid') ?? '';
    const selections = readSelections(source, codebook.byGuid, users, noteText, unknownCodes, now);
    if (selections.length === 0) continue;
    const found = sourceDocument(source, sourceName, selections.length, zip, index, problems);
    if (!found) continue;
    const placed = placeSelections(found.raw.replace(/^\uFEFF/u, ''), sourceName, selections, found.document, problems);
    const target = documents.get(found.document.name) ?? { name: found.document.name, source: sourceName, annotations: [] };
    alreadyPresent += addPlaced(placed, target, index, found.document);
    if (target.annotations.length > 0) documents.set(found.document.name, target);
  }
  for (const [guid, codings] of unknownCodes) problems.push(refiProblem({ kind: 'unknownCode', guid, codings }));
  for (const d of documents.values()) d.annotations.sort((a, b) => a.start - b.start || a.end - b.end || compareStrings(a.id, b.id));
  return { codes: codebook.list, documents: [...documents.values()], alreadyPresent, problems };
}

/** The workspace document a text source is, and the source's text; undefined (with a problem) when it has no text or no document matches. */
function sourceDocument(
  source: XmlElement, sourceName: string, selections: number, zip: ZipReader | undefined,
  index: WorkspaceIndex, problems: RefiImportProblem[],
): { readonly document: RefiWorkspaceDocument; readonly raw: string } | undefined {
  const raw = sourceText(source, zip);
  if (typeof raw !== 'string') {
    const issue: RefiImportIssue = raw === undefined ? { kind: 'sourceTextMissing', source: sourceName, selections }
      : raw.kind === 'tooLarge' ? { ...raw, entry: `source "${sourceName}"` } : raw;
    problems.push(refiProblem(issue));
    return undefined;
  }
  const match = index.match(sourceName, raw);
  if (match.kind === 'none') {
    problems.push(refiProblem({ kind: 'sourceNotFound', source: sourceName, selections }));
    return undefined;
  }
  if (match.kind === 'differs') {
    problems.push(refiProblem({ kind: 'textDiffers', source: sourceName, document: match.document.name, selections }));
    return undefined;
  }
  return { document: match.document, raw };
}
