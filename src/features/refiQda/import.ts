import vscode = require('vscode');
import { targetUri } from '../exportTarget';
import { TextPositions } from '../../core/annotations/model';
import { migrateEntries, parseSidecar, serializeSidecar, SIDECAR_VERSION } from '../../core/annotations/sidecar';
import { type Code, parseCodebook, serializeCodebook } from '../../core/coding/codebook';
import { normalizeTag } from '../../core/coding/tags';
import { type ImportedCode, type ImportedDocument, importRefi, type RefiWorkspaceDocument } from '../../core/refiQda';
import type { CorpusService } from '../corpus';
import { baseName, readSidecar, sidecarUri, writeAtomic } from '../annotations/sidecarFiles';
import { codebookUris, documentName } from './inputs';
import { describeImportIssue } from './issues';

/** What the import did, as the command returns it. */
export interface ImportSummary {
  /** Codes added to the codebook (tag paths). */
  readonly codesAdded: string[];
  /** Annotations added, per document (workspace-relative name). */
  readonly annotationsAdded: Record<string, number>;
  /** Coded passages that were already annotations and were not added again. */
  readonly alreadyPresent: number;
  /** What could not be read or placed, in the user's language. */
  readonly problems: string[];
}


async function sourceOf(raw: unknown): Promise<vscode.Uri | undefined> {
  const given = typeof raw === 'object' && raw !== null && !(raw instanceof vscode.Uri) ? (raw as { source?: unknown }).source : raw;
  const uri = targetUri(given);
  if (uri) return uri;
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Import REFI-QDA'), openLabel: vscode.l10n.t('Import'), canSelectMany: false,
    filters: { [vscode.l10n.t('REFI-QDA project or codebook')]: ['qdpx', 'qdc', 'qde'] },
  });
  return picked?.[0];
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** The workspace's documents as the import matches sources against: their text on disk and their annotations. */
async function workspaceDocuments(corpus: CorpusService): Promise<{ list: RefiWorkspaceDocument[]; uris: Map<string, vscode.Uri> }> {
  await corpus.ready;
  const uris = new Map<string, vscode.Uri>();
  const reads = corpus.documents().filter((d) => d.uri.scheme !== 'untitled').map(async (d): Promise<RefiWorkspaceDocument | undefined> => {
    let text: string;
    try {
      text = new TextDecoder().decode(await corpus.fs.readFile(d.uri));
    } catch {
      return undefined;
    }
    const name = documentName(d.uri);
    uris.set(name, d.uri);
    const positions = new TextPositions(text);
    const annotations = d.annotations.map((a) => ({
      id: a.id, tags: a.tags, start: a.orphaned ? 0 : positions.toStored(a.start), end: a.orphaned ? 0 : positions.toStored(a.end),
    }));
    return { name, text, annotations };
  });
  const list = (await Promise.all(reads)).filter((x): x is RefiWorkspaceDocument => x !== undefined);
  list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { list, uris };
}

/** Adds the codes the codebook lacks (nothing existing changes); returns those added, or a problem. */
async function addCodes(codes: readonly ImportedCode[]): Promise<{ added: string[]; problem?: string }> {
  const uri = codebookUris()[0];
  if (!uri || codes.length === 0) return { added: [] };
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    text = undefined;
  }
  const parsed = text !== undefined ? parseCodebook(text) : undefined;
  if (parsed && (parsed.problems.length > 0 || !parsed.yaml)) {
    return { added: [], problem: vscode.l10n.t('{0} has errors and was not changed; its codes were not added: {1}', documentName(uri), parsed.problems.map((p) => p.message).join('; ')) };
  }
  const existing: Code[] = parsed?.codes.map(({ line: _line, ...c }) => c) ?? [];
  const known = new Set(existing.map((c) => normalizeTag(c.name)));
  const added: Code[] = [];
  for (const c of codes) {
    const name = normalizeTag(c.path);
    if (!name || known.has(name)) continue;
    known.add(name);
    added.push({ name, ...(c.description ? { description: c.description } : {}), ...(c.color ? { color: c.color } : {}) });
  }
  if (added.length === 0) return { added: [] };
  const out = serializeCodebook([...existing, ...added], parsed?.yaml, { lineEnding: parsed?.lineEnding ?? '\n', bom: parsed?.bom ?? false });
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await writeAtomic(uri, out);
  return { added: added.map((c) => c.name) };
}

/** Adds the imported annotations to a document's sidecar (existing entries kept as they are); the number added, or a problem. */
async function addAnnotations(doc: ImportedDocument, uri: vscode.Uri): Promise<{ added: number } | { problem: string }> {
  const open = openDocument(uri);
  if (open?.isDirty) return { problem: vscode.l10n.t('{0} has unsaved changes: save it and import again to add its {1} annotations.', doc.name, doc.annotations.length) };
  const sidecar = sidecarUri(uri);
  if (!sidecar) return { problem: vscode.l10n.t('{0} cannot have an annotations file here.', doc.name) };
  const current = await readSidecar(sidecar);
  let existing: ReturnType<typeof parseSidecar> | undefined;
  if (current !== undefined) {
    existing = parseSidecar(current);
    if (existing.problems.length > 0 || !existing.yaml) {
      return { problem: vscode.l10n.t('{0} could not be read or has errors and was not changed: fix it and import again.', baseName(sidecar)) };
    }
  }
  let entries = existing?.annotations ?? [];
  if (existing && existing.version < SIDECAR_VERSION) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    entries = migrateEntries(entries, existing.version, new TextPositions(text));
  }
  const text = serializeSidecar(baseName(uri), [...entries, ...doc.annotations], existing?.yaml, {
    lineEnding: existing?.lineEnding ?? '\n', bom: existing?.bom ?? false,
  });
  await writeAtomic(sidecar, text);
  return { added: doc.annotations.length };
}

let output: vscode.OutputChannel | undefined;

function report(summary: ImportSummary, file: string): void {
  const added = Object.values(summary.annotationsAdded).reduce((a, b) => a + b, 0);
  const documents = Object.keys(summary.annotationsAdded).length;
  const done = vscode.l10n.t('Imported from {0}: {1} annotations in {2} documents, {3} new codes.', file, added, documents, summary.codesAdded.length);
  if (summary.problems.length === 0) {
    void vscode.window.showInformationMessage(done);
    return;
  }
  output ??= vscode.window.createOutputChannel(vscode.l10n.t('Kamerstukken: REFI-QDA import'));
  output.appendLine(done);
  for (const p of summary.problems) output.appendLine(`- ${p}`);
  const show = vscode.l10n.t('Show Details');
  void vscode.window.showWarningMessage(`${done} ${vscode.l10n.t('{0} things could not be imported.', summary.problems.length)}`, show)
    .then((choice) => { if (choice === show) output?.show(); });
}

/**
 * Import REFI-QDA (`kamerstukken.importQdpx`, `{ source }`: a .qdpx, .qdc or project.qde; without
 * one a file picker): the codes the codebook lacks are added to `.kamerstukken/codebook.yaml`, and
 * the coded passages of sources whose text is a workspace document's become annotations in its
 * sidecar, placed by position and checked by quote. Nothing existing is changed; what cannot be
 * placed is reported (a message, the output channel, and the summary returned).
 */
export async function importQdpx(corpus: CorpusService, raw: unknown): Promise<ImportSummary | undefined> {
  const source = await sourceOf(raw);
  if (!source) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(source);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not read {0}: {1}', baseName(source), error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  const workspace = await workspaceDocuments(corpus);
  const result = importRefi(bytes, workspace.list, { now: new Date().toISOString().replace(/\.\d{3}Z$/u, 'Z') });
  const problems = result.problems.map((p) => describeImportIssue(p.issue));
  const codes = await addCodes(result.codes).catch((error: unknown) => ({ added: [], problem: String(error) }));
  if ('problem' in codes && codes.problem) problems.push(codes.problem);
  const annotationsAdded: Record<string, number> = {};
  for (const doc of result.documents) {
    const uri = workspace.uris.get(doc.name);
    if (!uri || doc.annotations.length === 0) continue;
    const outcome = await addAnnotations(doc, uri).catch((error: unknown) => ({ problem: vscode.l10n.t('Could not write {0}: {1}', doc.name, error instanceof Error ? error.message : String(error)) }));
    if ('problem' in outcome) problems.push(outcome.problem);
    else annotationsAdded[doc.name] = outcome.added;
  }
  const summary: ImportSummary = { codesAdded: codes.added, annotationsAdded, alreadyPresent: result.alreadyPresent, problems };
  report(summary, baseName(source));
  return summary;
}
