import vscode = require('vscode');
import { chooseTarget } from '../exportTarget';
import { type ExportScope } from '../../core/annotations/commandArgs';
import { exportQdc, exportQdpx, type RefiCodeInput, type RefiExportResult } from '../../core/refiQda';
import { normalizeTag, tagAndAncestors } from '../../core/coding/tags';
import type { CodebookService } from '../coding/codebookService';
import type { CorpusService } from '../corpus';
import { baseName } from '../annotations/sidecarFiles';
import { codebookCodes, refiInputs } from './inputs';

export type RefiFormat = 'qdpx' | 'qdc';

/** What the REFI-QDA export reads: the corpus index (documents, annotations, attributes) and the codebook. */
export interface RefiContext {
  readonly corpus: CorpusService;
  readonly codebook: CodebookService;
}

/** The REFI-QDA format asked for in the export's arguments, if it is one. */
export function refiFormatOf(raw: unknown): RefiFormat | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const f = (raw as { format?: unknown }).format;
  return typeof f === 'string' && (f.toLowerCase() === 'qdpx' || f.toLowerCase() === 'qdc') ? f.toLowerCase() as RefiFormat : undefined;
}

/** The quick pick items of the two formats, for the export's format question. */
export function refiFormatItems(): (vscode.QuickPickItem & { format: RefiFormat })[] {
  return [
    { format: 'qdpx', label: vscode.l10n.t('REFI-QDA project (.qdpx)'), detail: vscode.l10n.t('Texts, codes, coded passages, notes, coders and document attributes, for ATLAS.ti, MAXQDA, NVivo or QualCoder') },
    { format: 'qdc', label: vscode.l10n.t('REFI-QDA codebook (.qdc)'), detail: vscode.l10n.t('The codes alone, with their hierarchy, descriptions and colours') },
  ];
}

interface RefiOptions {
  readonly format: RefiFormat;
  readonly scope?: ExportScope;
  readonly target?: unknown;
  readonly overwrite: boolean;
}

function refiOptions(raw: unknown, format: RefiFormat): RefiOptions | { error: string } {
  const f = typeof raw === 'object' && raw !== null ? raw as Record<string, unknown> : {};
  if (f.scope !== undefined && f.scope !== 'document' && f.scope !== 'workspace') {
    return { error: vscode.l10n.t('Unknown export scope "{0}": use document or workspace.', String(f.scope)) };
  }
  return { format, ...(f.scope !== undefined ? { scope: f.scope as ExportScope } : {}), ...(f.target !== undefined ? { target: f.target } : {}), overwrite: f.overwrite === true };
}



async function target(options: RefiOptions, document: vscode.TextDocument | undefined): Promise<vscode.Uri | undefined> {
  return chooseTarget(options, () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const stem = document && document.uri.scheme !== 'untitled' ? baseName(document.uri).replace(/\.[^.]*$/u, '') : folder?.name ?? 'kamerstukken';
    const dir = document && document.uri.scheme !== 'untitled' ? vscode.Uri.joinPath(document.uri, '..') : folder?.uri;
    return vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Annotations'),
      saveLabel: vscode.l10n.t('Export'),
      ...(dir ? { defaultUri: vscode.Uri.joinPath(dir, `${stem}.${options.format}`) } : {}),
      filters: { [options.format === 'qdpx' ? vscode.l10n.t('REFI-QDA project') : vscode.l10n.t('REFI-QDA codebook')]: [options.format] },
    });
  });
}

function origin(): string {
  const version = (vscode.extensions.getExtension('kamerstukken.kamerstukken')?.packageJSON as { version?: string } | undefined)?.version;
  return version ? `Kamerstukken ${version}` : 'Kamerstukken';
}

/**
 * The tags used and their parents, after the codebook's codes (which keep their order), each in
 * the colour the Annotations view gives it.
 */
function withUsedTags(codes: readonly RefiCodeInput[], used: Iterable<string>, colorOf: (tag: string) => string): RefiCodeInput[] {
  const known = new Set(codes.map((c) => c.path));
  const all = new Set<string>();
  for (const tag of used) for (const t of tagAndAncestors(normalizeTag(tag))) all.add(t);
  const added = [...all].filter((t) => !known.has(t)).sort();
  return [...codes, ...added.map((path) => ({ path, color: colorOf(path) }))];
}

async function scopeOf(options: RefiOptions, document: vscode.TextDocument | undefined): Promise<ExportScope | undefined> {
  if (options.format === 'qdc') return 'workspace';
  if (options.scope) return options.scope;
  if (!document) return 'workspace';
  const items: (vscode.QuickPickItem & { scope: ExportScope })[] = [
    { scope: 'document', label: vscode.l10n.t('This document'), description: baseName(document.uri) },
    { scope: 'workspace', label: vscode.l10n.t('All documents in the workspace') },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Annotations'), placeHolder: vscode.l10n.t('Which annotations?') }))?.scope;
}

/** Builds the file; undefined (the user told why) when there is nothing to write. */
async function build(options: RefiOptions, scope: ExportScope, { corpus, codebook: service }: RefiContext, document: vscode.TextDocument | undefined): Promise<{ result: RefiExportResult; incomplete: string[]; documents: number } | undefined> {
  const codebook = await codebookCodes(service);
  if (codebook.problems.length > 0) void vscode.window.showWarningMessage(vscode.l10n.t('The codebook has errors; only its valid codes were exported: {0}', codebook.problems.join('; ')));
  if (options.format === 'qdc') {
    await corpus.ready;
    return { result: exportQdc({ documents: [], codebook: withUsedTags(codebook.codes, corpus.tags().keys(), codebook.colorOf) }, { origin: origin() }), incomplete: [], documents: 0 };
  }
  if (scope === 'document' && !document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a parliamentary text to export its annotations, or export those of the whole workspace.'));
    return undefined;
  }
  const inputs = await refiInputs(corpus, scope === 'document' ? document : undefined);
  if (inputs.documents.length === 0) {
    void vscode.window.showInformationMessage(scope === 'document' && document
      ? vscode.l10n.t('{0} has no annotations to export.', baseName(document.uri))
      : vscode.l10n.t('There are no annotations in this workspace to export.'));
    return undefined;
  }
  const used = inputs.documents.flatMap((d) => d.annotations.flatMap((a) => a.tags));
  const result = exportQdpx({ documents: inputs.documents, codebook: withUsedTags(codebook.codes, used, codebook.colorOf) }, { name: vscode.workspace.name ?? 'Kamerstukken', origin: origin() });
  return { result, incomplete: [...inputs.incomplete, ...inputs.unreadable], documents: inputs.documents.length };
}

function written(options: RefiOptions, result: Extract<RefiExportResult, { ok: true }>, uri: vscode.Uri, documents: number, incomplete: readonly string[]): void {
  const name = baseName(uri);
  const done = options.format === 'qdc'
    ? vscode.l10n.t('Exported {0} codes to {1}.', result.counts.codes, name)
    : vscode.l10n.t('Exported {0} coded passages of {1} documents to {2}.', result.counts.selections, documents, name);
  const extra: string[] = [];
  if (result.skipped.length > 0) extra.push(vscode.l10n.t('{0} annotations whose passage is no longer in the text were left out.', result.skipped.length));
  if (incomplete.length > 0) extra.push(vscode.l10n.t('The export may be incomplete: {0} could not be read or has errors; only valid annotations were exported. Fix the file and export again.', incomplete.join(', ')));
  if (extra.length > 0) void vscode.window.showWarningMessage([done, ...extra].join(' '));
  else void vscode.window.showInformationMessage(done);
}

/**
 * Export as REFI-QDA: a `.qdpx` project (texts, codes, codings, notes, coders, the corpus's
 * document attributes as Variables) or a `.qdc` codebook. Written as bytes through the workspace
 * file system; the same data gives the same bytes. Returns the file written.
 */
export async function exportRefi(
  ctx: RefiContext, raw: unknown, format: RefiFormat, document: vscode.TextDocument | undefined,
  ready?: (document: vscode.TextDocument) => Promise<unknown>,
): Promise<vscode.Uri | undefined> {
  const options = refiOptions(raw, format);
  if ('error' in options) {
    void vscode.window.showErrorMessage(options.error);
    return undefined;
  }
  const scope = await scopeOf(options, document);
  if (!scope) return undefined;
  // An open document's annotations once the editor has loaded them.
  if (scope === 'document' && document && ready) await ready(document);
  const built = await build(options, scope, ctx, document);
  if (!built) return undefined;
  if (!built.result.ok) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no codes to export: the codebook and the annotations have no tags.'));
    return undefined;
  }
  const uri = await target(options, scope === 'document' ? document : undefined);
  if (!uri) return undefined;
  try {
    await vscode.workspace.fs.writeFile(uri, built.result.bytes);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', baseName(uri), error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  written(options, built.result, uri, built.documents, built.incomplete);
  return uri;
}
