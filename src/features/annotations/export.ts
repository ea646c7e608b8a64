import * as vscode from 'vscode';
import {
  CSV_WORDS, EXPORT_EXTENSIONS, EXPORT_FORMATS, type ExportDocumentInput, type ExportFormat, MARKDOWN_WORDS,
  placeEntries, preparePassages, toCsv, toMarkdown, toWebAnnotations,
} from '../../core/annotations/export';
import { parseSidecar } from '../../core/annotations/sidecar';
import type { ParsedDocument } from '../../core/model';
import { parseDocument } from '../../core/parser';
import type { DocumentModels } from '../../documentModels';
import { documentOfSidecar, findSidecars } from './scan';
import { baseName, readText } from './sidecarFiles';
import { type AnnotatedDocument, type AnnotationStore, isAnnotatable } from './store';
import { configuredTags } from './tags';

type Scope = 'document' | 'workspace';

interface ExportArgs {
  format?: unknown;
  scope?: unknown;
  /** Where to write (Uri or URI string): skips the Save dialog. */
  target?: unknown;
  /** Replace `target` if it exists (the Save dialog asks for itself). */
  overwrite?: unknown;
  /** CSV field separator: ";" (default), "," or "\t". */
  separator?: unknown;
}

const FORMAT_ALIASES: Record<string, ExportFormat> = { csv: 'csv', markdown: 'markdown', md: 'markdown', jsonld: 'jsonld', 'json-ld': 'jsonld', w3c: 'jsonld' };

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function nameOf(uri: vscode.Uri): string {
  return uri.scheme === 'untitled' ? baseName(uri) : vscode.workspace.asRelativePath(uri, false);
}

/** An open document's annotations as the editor has them now (unsaved edits included). */
function liveInput(state: AnnotatedDocument, text: string): ExportDocumentInput {
  return {
    uri: state.uri.toString(),
    ...(state.sidecar ? { annotationsUri: state.sidecar.toString() } : {}),
    name: nameOf(state.uri),
    text,
    annotations: state.annotations.map((a) => ({
      id: a.id, tags: a.tags, ...(a.note ? { note: a.note } : {}), created: a.created,
      start: a.start, end: a.end, orphaned: a.orphaned,
      ...(a.stored ? { stored: { quote: a.stored.quote, prefix: a.stored.prefix, suffix: a.stored.suffix } } : {}),
    })),
  };
}

/** A file's text, or undefined when it does not exist or cannot be read. */
async function readIfPossible(uri: vscode.Uri): Promise<string | undefined> {
  return readText(uri).catch(() => undefined);
}

async function documentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : readIfPossible(uri);
}

/** Nothing exported because the only annotation files could not be read or have errors. */
function unreadable(files: readonly string[]): string {
  return vscode.l10n.t('Nothing exported: {0} could not be read or has errors. Fix the file and export again.', files.join(', '));
}

interface WorkspaceInputs {
  readonly inputs: ExportDocumentInput[];
  /** Annotation files that could not be read or have errors: what they hold is missing or only partly exported. */
  readonly incomplete: string[];
}

/** Every document of the workspace with annotations: open ones from the store, the others from their sidecars. */
async function workspaceInputs(store: AnnotationStore): Promise<WorkspaceInputs> {
  const inputs: ExportDocumentInput[] = [];
  const incomplete: string[] = [];
  const seen = new Set<string>();
  for (const state of store.allStates()) {
    const text = await documentText(state.uri);
    if (text === undefined) continue;
    seen.add(state.uri.toString());
    if (state.broken && state.sidecar) incomplete.push(nameOf(state.sidecar));
    if (state.annotations.length > 0) inputs.push(liveInput(state, text));
  }
  for (const sidecar of await findSidecars()) {
    const uri = documentOfSidecar(sidecar);
    if (seen.has(uri.toString())) continue;
    const yaml = await readIfPossible(sidecar);
    if (yaml === undefined) {
      incomplete.push(nameOf(sidecar));
      continue;
    }
    const parsed = parseSidecar(yaml);
    if (parsed.problems.length > 0) incomplete.push(nameOf(sidecar));
    if (parsed.annotations.length === 0) continue;
    // A document that cannot be read keeps its annotations as orphans, quoted as last saved.
    const text = (await readIfPossible(uri)) ?? '';
    inputs.push({ uri: uri.toString(), annotationsUri: sidecar.toString(), name: nameOf(uri), text, annotations: placeEntries(text, parsed.annotations, parsed.version) });
  }
  return { inputs, incomplete };
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

async function pickFormat(): Promise<ExportFormat | undefined> {
  const items: (vscode.QuickPickItem & { format: ExportFormat })[] = [
    { format: 'csv', label: vscode.l10n.t('CSV spreadsheet'), detail: vscode.l10n.t('One row per annotation, for Excel or LibreOffice: document, question, tags, note, quote, place') },
    { format: 'markdown', label: vscode.l10n.t('Markdown report'), detail: vscode.l10n.t('The passages by tag, each quoted with its question, document and note') },
    { format: 'jsonld', label: vscode.l10n.t('W3C Web Annotations (JSON-LD)'), detail: vscode.l10n.t('The open standard for annotations, for other annotation tools') },
  ];
  const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Annotations'), placeHolder: vscode.l10n.t('Choose a format') });
  return choice?.format;
}

async function pickScope(document: vscode.TextDocument | undefined): Promise<Scope | undefined> {
  if (!document) return 'workspace';
  const items: (vscode.QuickPickItem & { scope: Scope })[] = [
    { scope: 'document', label: vscode.l10n.t('This document'), description: baseName(document.uri) },
    { scope: 'workspace', label: vscode.l10n.t('All documents in the workspace') },
  ];
  const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Annotations'), placeHolder: vscode.l10n.t('Which annotations?') });
  return choice?.scope;
}

/** The file name the Save dialog proposes: beside the document, or in the workspace's first folder. */
function proposedTarget(format: ExportFormat, document: vscode.TextDocument | undefined): vscode.Uri | undefined {
  const ext = EXPORT_EXTENSIONS[format];
  if (document && document.uri.scheme !== 'untitled') {
    const name = baseName(document.uri);
    const stem = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
    return vscode.Uri.joinPath(document.uri, '..', `${stem}.annotations.${ext}`);
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, `${folder.name}.annotations.${ext}`) : undefined;
}

function asUri(v: unknown): vscode.Uri | undefined {
  if (v instanceof vscode.Uri) return v;
  if (typeof v === 'string' && v) return /^[a-z][a-z0-9+.-]*:/iu.test(v) && !/^[a-z]:[\\/]/iu.test(v) ? vscode.Uri.parse(v) : vscode.Uri.file(v);
  return undefined;
}

/** Export Annotations: CSV, Markdown or W3C Web Annotations, of one document or the workspace. */
export function registerExport(store: AnnotationStore, models: DocumentModels): vscode.Disposable {
  // An open document's model comes from the editor's cache (the outline and hovers parsed it already).
  const modelOf = (d: ExportDocumentInput): ParsedDocument => {
    const open = vscode.workspace.textDocuments.find((x) => x.uri.toString() === d.uri);
    return open && open.getText() === d.text ? models.get(open) : parseDocument(d.text);
  };
  const run = async (args?: ExportArgs): Promise<vscode.Uri | undefined> => {
    const editor = vscode.window.activeTextEditor;
    const document = editor && isAnnotatable(editor.document) ? editor.document : undefined;

    let format: ExportFormat | undefined;
    if (args?.format !== undefined) {
      format = typeof args.format === 'string' ? FORMAT_ALIASES[args.format.toLowerCase()] : undefined;
      if (!format) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Unknown export format "{0}": use {1}.', String(args.format), EXPORT_FORMATS.join(', ')));
        return undefined;
      }
    } else {
      format = await pickFormat();
      if (!format) return undefined;
    }

    let scope: Scope | undefined;
    if (args?.scope !== undefined) {
      scope = args.scope === 'document' || args.scope === 'workspace' ? args.scope : undefined;
      if (!scope) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Unknown export scope "{0}": use document or workspace.', String(args.scope)));
        return undefined;
      }
    } else {
      scope = await pickScope(document);
      if (!scope) return undefined;
    }

    const separator = args?.separator === undefined ? ';' : args.separator;
    if (typeof separator !== 'string' || ![';', ',', '\t'].includes(separator)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Unknown CSV separator: use ";", "," or a tab.'));
      return undefined;
    }

    // What to export.
    let inputs: ExportDocumentInput[];
    let incomplete: string[] = [];
    if (scope === 'document') {
      if (!document) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a parliamentary text to export its annotations, or export those of the whole workspace.'));
        return undefined;
      }
      const state = await store.ready(document);
      if (state.broken && state.sidecar) incomplete = [nameOf(state.sidecar)];
      inputs = state.annotations.length > 0 ? [liveInput(state, document.getText())] : [];
      if (inputs.length === 0) {
        if (incomplete.length > 0) void vscode.window.showWarningMessage(unreadable(incomplete));
        else void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no annotations to export.', baseName(document.uri)));
        return undefined;
      }
    } else {
      ({ inputs, incomplete } = await workspaceInputs(store));
      if (inputs.length === 0) {
        if (incomplete.length > 0) void vscode.window.showWarningMessage(unreadable(incomplete));
        else void vscode.window.showInformationMessage(vscode.l10n.t('There are no annotations in this workspace to export.'));
        return undefined;
      }
    }

    // Where to write it.
    let target = asUri(args?.target);
    if (target) {
      if (args?.overwrite !== true && await exists(target)) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists and was not overwritten.', baseName(target)));
        return undefined;
      }
    } else {
      const ext = EXPORT_EXTENSIONS[format];
      const proposed = proposedTarget(format, scope === 'document' ? document : undefined);
      target = await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export Annotations'),
        saveLabel: vscode.l10n.t('Export'),
        ...(proposed ? { defaultUri: proposed } : {}),
        filters: { [format === 'csv' ? 'CSV' : format === 'markdown' ? 'Markdown' : 'JSON-LD']: [ext] },
      });
      if (!target) return undefined;
    }

    const passages = preparePassages(inputs, modelOf);
    const subtitle = scope === 'document' && document ? baseName(document.uri) : vscode.workspace.name ?? '';
    let text: string;
    switch (format) {
      case 'csv':
        text = toCsv(passages, { separator, words: csvWords() });
        break;
      case 'markdown':
        text = toMarkdown(passages, { words: markdownWords(), subtitle, tagOrder: configuredTags(document).map((t) => t.name) });
        break;
      case 'jsonld':
        text = toWebAnnotations(passages, {
          id: target.toString(), label: `${vscode.l10n.t('Annotations')}${subtitle ? `: ${subtitle}` : ''}`,
          generated: new Date().toISOString().replace(/\.\d{3}Z$/u, 'Z'),
        });
        break;
    }
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', baseName(target), error instanceof Error ? error.message : String(error)));
      return undefined;
    }
    const written = target;
    const open = vscode.l10n.t('Open');
    const done = passages.length === 1 ? vscode.l10n.t('Exported 1 annotation to {0}.', baseName(written)) : vscode.l10n.t('Exported {0} annotations to {1}.', passages.length, baseName(written));
    // One message: with files that could not be read or have errors, a warning that says which.
    const shown = incomplete.length > 0
      ? vscode.window.showWarningMessage(`${done} ${vscode.l10n.t('The export may be incomplete: {0} could not be read or has errors; only valid annotations were exported. Fix the file and export again.', incomplete.join(', '))}`, open)
      : vscode.window.showInformationMessage(done, open);
    void shown.then(async (choice) => {
      if (choice === open) await vscode.window.showTextDocument(written);
    });
    return written;
  };
  return vscode.commands.registerCommand('kamerstukken.exportAnnotations', run);
}
