import vscode = require('vscode');
import { chooseTarget } from '../exportTarget';
import {
  exportArgs, type ExportArgs, type ExportArgsError, exportFileName, type ExportScope,
} from '../../core/annotations/commandArgs';
import {
  CSV_WORDS, EXPORT_EXTENSIONS, type ExportDocumentInput, type ExportFormat, MARKDOWN_WORDS, type Passage,
  preparePassages, toCsv, toMarkdown, toWebAnnotations,
} from '../../core/annotations/export';
import type { ParsedDocument } from '../../core/model';
import { parseDocument } from '../../core/parser';
import type { DocumentModels } from '../../documentModels';
import type { CodebookService } from '../coding/codebookService';
import type { CorpusService } from '../corpus';
import { exportRefi, refiFormatItems, refiFormatOf, type RefiFormat } from '../refiQda/export';
import { exportInputs, type ExportInputs } from './exportInputs';
import { baseName } from './sidecarFiles';
import { type AnnotationStore, isAnnotatable } from './store';

/** What the export command works with. */
export interface ExportContext {
  readonly store: AnnotationStore;
  readonly models: DocumentModels;
  /** The corpus index: the workspace's annotations (the scope "workspace"). */
  readonly corpus: CorpusService;
  /** The codebook: the order of the Markdown export's tags, the REFI-QDA export's codes. */
  readonly codebook: CodebookService;
}

/** The export's options, complete: given as arguments or chosen. */
interface ExportOptions extends ExportArgs {
  readonly format: ExportFormat;
  readonly scope: ExportScope;
}


function argsError(error: ExportArgsError): string {
  switch (error.kind) {
    case 'format': return vscode.l10n.t('Unknown export format "{0}": use {1}.', error.value, error.known.join(', '));
    case 'scope': return vscode.l10n.t('Unknown export scope "{0}": use document or workspace.', error.value);
    case 'separator': return vscode.l10n.t('Unknown CSV separator: use ";", "," or a tab.');
    case 'coders': return vscode.l10n.t('"coders" must be a list of coder names.');
  }
}

/** Nothing exported because the only annotation files could not be read or have errors. */
function unreadable(files: readonly string[]): string {
  return vscode.l10n.t('Nothing exported: {0} could not be read or has errors. Fix the file and export again.', files.join(', '));
}

function markdownWords(): typeof MARKDOWN_WORDS {
  return {
    title: vscode.l10n.t('Annotations'),
    summary: (n, d) => (n === 1 && d === 1 ? vscode.l10n.t('1 annotation in 1 document')
      : d === 1 ? vscode.l10n.t('{0} annotations in 1 document', n) : vscode.l10n.t('{0} annotations in {1} documents', n, d)),
    noTag: vscode.l10n.t('(no tag)'),
    line: (l) => vscode.l10n.t('line {0}', l),
    lines: (a, b) => vscode.l10n.t('lines {0}–{1}', a, b),
    note: vscode.l10n.t('Note'),
    orphaned: vscode.l10n.t('not found in the current text; quoted as last saved'),
  };
}

function csvWords(): typeof CSV_WORDS {
  return {
    headers: {
      document: vscode.l10n.t('document'), place: vscode.l10n.t('place'), question: vscode.l10n.t('question'),
      questionText: vscode.l10n.t('question text'), tags: vscode.l10n.t('tags'), note: vscode.l10n.t('note'),
      quote: vscode.l10n.t('quote'), line: vscode.l10n.t('line'), start: vscode.l10n.t('start'), end: vscode.l10n.t('end'),
      status: vscode.l10n.t('status'), created: vscode.l10n.t('created'), id: 'id',
    },
    placed: vscode.l10n.t('placed'),
    orphaned: vscode.l10n.t('orphaned'),
  };
}

async function pickFormat(): Promise<ExportFormat | RefiFormat | undefined> {
  const items: (vscode.QuickPickItem & { format: ExportFormat | RefiFormat })[] = [
    { format: 'csv', label: vscode.l10n.t('CSV spreadsheet'), detail: vscode.l10n.t('One row per annotation, for Excel or LibreOffice: document, question, tags, note, quote, place') },
    { format: 'markdown', label: vscode.l10n.t('Markdown report'), detail: vscode.l10n.t('The passages by tag, each quoted with its question, document and note') },
    { format: 'jsonld', label: vscode.l10n.t('W3C Web Annotations (JSON-LD)'), detail: vscode.l10n.t('The open standard for annotations, for other annotation tools') },
    ...refiFormatItems(),
  ];
  const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Annotations'), placeHolder: vscode.l10n.t('Choose a format') });
  return choice?.format;
}

async function pickScope(document: vscode.TextDocument | undefined): Promise<ExportScope | undefined> {
  if (!document) return 'workspace';
  const items: (vscode.QuickPickItem & { scope: ExportScope })[] = [
    { scope: 'document', label: vscode.l10n.t('This document'), description: baseName(document.uri) },
    { scope: 'workspace', label: vscode.l10n.t('All documents in the workspace') },
  ];
  const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Annotations'), placeHolder: vscode.l10n.t('Which annotations?') });
  return choice?.scope;
}

/** The file name the Save dialog proposes: beside the document, or in the workspace's first folder. */
function proposedTarget(format: ExportFormat, document: vscode.TextDocument | undefined): vscode.Uri | undefined {
  const ext = EXPORT_EXTENSIONS[format];
  if (document && document.uri.scheme !== 'untitled') return vscode.Uri.joinPath(document.uri, '..', exportFileName(baseName(document.uri), ext));
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, `${folder.name}.annotations.${ext}`) : undefined;
}


/** Step 1: the arguments checked (an error message for a wrong one), what they leave open asked. */
async function exportOptions(raw: unknown, document: vscode.TextDocument | undefined): Promise<ExportOptions | RefiFormat | undefined> {
  const parsed = exportArgs(raw);
  if ('error' in parsed) {
    void vscode.window.showErrorMessage(argsError(parsed.error));
    return undefined;
  }
  const format = parsed.args.format ?? await pickFormat();
  if (!format) return undefined;
  if (format === 'qdpx' || format === 'qdc') return format;
  const scope = parsed.args.scope ?? await pickScope(document);
  if (!scope) return undefined;
  return { ...parsed.args, format, scope };
}

/** Step 2: what to export; undefined (and the user told why) when there is nothing. */
async function whatToExport(ctx: ExportContext, scope: ExportScope, document: vscode.TextDocument | undefined, coders?: readonly string[]): Promise<ExportInputs | undefined> {
  if (scope === 'document' && !document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a parliamentary text to export its annotations, or export those of the whole workspace.'));
    return undefined;
  }
  const found = await exportInputs(ctx.store, ctx.corpus, scope === 'document' ? document : undefined, coders);
  if (found.inputs.length > 0) return found;
  if (found.incomplete.length > 0) void vscode.window.showWarningMessage(unreadable(found.incomplete));
  else if (scope === 'document' && document) void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no annotations to export.', baseName(document.uri)));
  else void vscode.window.showInformationMessage(vscode.l10n.t('There are no annotations in this workspace to export.'));
  return undefined;
}

/** Step 3: where to write: the target given (not replaced unless allowed), else the Save dialog's choice. */
async function exportTarget(options: ExportOptions, document: vscode.TextDocument | undefined): Promise<vscode.Uri | undefined> {
  return chooseTarget(options, () => {
    const { format } = options;
    const proposed = proposedTarget(format, options.scope === 'document' ? document : undefined);
    return vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Annotations'),
      saveLabel: vscode.l10n.t('Export'),
      ...(proposed ? { defaultUri: proposed } : {}),
      filters: { [format === 'csv' ? 'CSV' : format === 'markdown' ? 'Markdown' : 'JSON-LD']: [EXPORT_EXTENSIONS[format]] },
    });
  });
}

/** Step 4: the file's text. */
function render(options: ExportOptions, passages: readonly Passage[], target: vscode.Uri, document: vscode.TextDocument | undefined, codebook: CodebookService): string {
  const subtitle = options.scope === 'document' && document ? baseName(document.uri) : vscode.workspace.name ?? '';
  switch (options.format) {
    case 'csv':
      return toCsv(passages, { separator: options.separator, words: csvWords() });
    case 'markdown':
      return toMarkdown(passages, { words: markdownWords(), subtitle, tagOrder: codebook.definitions(document?.uri).map((d) => d.name) });
    case 'jsonld':
      return toWebAnnotations(passages, {
        id: target.toString(), label: `${vscode.l10n.t('Annotations')}${subtitle ? `: ${subtitle}` : ''}`,
        generated: new Date().toISOString().replace(/\.\d{3}Z$/u, 'Z'),
      });
  }
}

/** Step 5: writes the file and says so, with a button to open it; false (and the error shown) when it cannot be written. */
async function writeExport(target: vscode.Uri, text: string, count: number, incomplete: readonly string[]): Promise<boolean> {
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', baseName(target), error instanceof Error ? error.message : String(error)));
    return false;
  }
  const open = vscode.l10n.t('Open');
  const done = count === 1 ? vscode.l10n.t('Exported 1 annotation to {0}.', baseName(target)) : vscode.l10n.t('Exported {0} annotations to {1}.', count, baseName(target));
  // One message: with files that could not be read or have errors, a warning that says which.
  const shown = incomplete.length > 0
    ? vscode.window.showWarningMessage(`${done} ${vscode.l10n.t('The export may be incomplete: {0} could not be read or has errors; only valid annotations were exported. Fix the file and export again.', incomplete.join(', '))}`, open)
    : vscode.window.showInformationMessage(done, open);
  void shown.then(async (choice) => {
    if (choice === open) await vscode.window.showTextDocument(target);
  });
  return true;
}

/**
 * Export Annotations: CSV, Markdown, W3C Web Annotations or REFI-QDA, of one document or the workspace.
 * Arguments `{ format, scope, target, overwrite, separator }` (see `exportArgs`) skip the questions.
 * Returns the file written.
 */
export const exportAnnotations = (ctx: ExportContext) => async (raw?: unknown): Promise<vscode.Uri | undefined> => {
  const editor = vscode.window.activeTextEditor;
  const document = editor && isAnnotatable(editor.document) ? editor.document : undefined;
  // REFI-QDA (.qdpx, .qdc): its own export (src/features/refiQda).
  const refi = refiFormatOf(raw);
  if (refi) return exportRefi(ctx, raw, refi, document, (d) => ctx.store.ready(d));
  const options = await exportOptions(raw, document);
  if (!options) return undefined;
  if (typeof options === 'string') return exportRefi(ctx, raw, options, document, (d) => ctx.store.ready(d));
  const found = await whatToExport(ctx, options.scope, document, options.coders);
  if (!found) return undefined;
  const target = await exportTarget(options, document);
  if (!target) return undefined;
  // An open document's model comes from the editor's cache (the outline and hovers parsed it already).
  const modelOf = (d: ExportDocumentInput): ParsedDocument => {
    const open = vscode.workspace.textDocuments.find((x) => x.uri.toString() === d.uri);
    return open && open.getText() === d.text ? ctx.models.get(open) : parseDocument(d.text);
  };
  const passages = preparePassages(found.inputs, modelOf);
  const written = await writeExport(target, render(options, passages, target, document, ctx.codebook), passages.length, found.incomplete);
  return written ? target : undefined;
};

export function registerExport(ctx: ExportContext): vscode.Disposable {
  return vscode.commands.registerCommand('kamerstukken.exportAnnotations', exportAnnotations(ctx));
}
