import vscode = require('vscode');
import { chooseTarget } from '../exportTarget';
import { baseName } from '../annotations/sidecarFiles';
import { citedByCounts } from '../../core/corpus/citations';
import { corpusExportArgs, type CorpusExportArgs, type CorpusExportArgsError, type CorpusExportFormat } from '../../core/corpus/exportArgs';
import type { CorpusDocument } from '../../core/corpus/questionSets';
import { corpusCsv, corpusJsonLines } from '../../core/corpus/tables';
import type { CorpusService } from '../corpus';
import { fileName, todayIso } from './panel';
import { csvWords, extraHeaders } from './words';

export const EXPORT_CORPUS_COMMAND = 'kamerstukken.exportCorpus';

/** What Export Corpus returns: the file written and how many documents it holds. */
export interface CorpusExportResult {
  readonly target: vscode.Uri;
  readonly documents: number;
}

interface Options extends CorpusExportArgs {
  readonly format: CorpusExportFormat;
}



function argsError(error: CorpusExportArgsError): string {
  switch (error.kind) {
    case 'format': return vscode.l10n.t('Unknown export format "{0}": use {1}.', error.value, error.known.join(', '));
    case 'separator': return vscode.l10n.t('Unknown CSV separator: use ";", "," or a tab.');
  }
}


async function pickFormat(): Promise<CorpusExportFormat | undefined> {
  const items: (vscode.QuickPickItem & { format: CorpusExportFormat })[] = [
    { format: 'csv', label: vscode.l10n.t('CSV spreadsheet'), detail: vscode.l10n.t('One row per document, for Excel or LibreOffice: kind, title, askers, dates, answering term and status, annotations per tag') },
    { format: 'jsonl', label: vscode.l10n.t('JSON Lines'), detail: vscode.l10n.t('One object per document with its metadata and its questions and answers, for your own analysis or search') },
  ];
  const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Corpus'), placeHolder: vscode.l10n.t('Choose a format') });
  return choice?.format;
}

/** Where to write: the target given (not replaced unless allowed), else the Save dialog's choice. */
async function exportTarget(options: Options): Promise<vscode.Uri | undefined> {
  return chooseTarget(options, () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const proposed = folder ? vscode.Uri.joinPath(folder.uri, `${folder.name}.corpus.${options.format}`) : undefined;
    return vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Corpus'),
      saveLabel: vscode.l10n.t('Export'),
      ...(proposed ? { defaultUri: proposed } : {}),
      filters: options.format === 'csv' ? { CSV: ['csv'] } : { 'JSON Lines': ['jsonl'] },
    });
  });
}

/** The table's text: every parliamentary text of the corpus, with cited-by counts and annotations per tag. */
function render(corpus: CorpusService, options: Options): { text: string; documents: number } {
  const docs: CorpusDocument[] = [];
  const tagsOf = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const allTags = new Set<string>();
  for (const d of corpus.documents()) {
    if (!d.record) continue;
    const path = fileName(d.uri);
    docs.push({ path, record: d.record });
    const tags = new Map<string, number>();
    for (const a of d.annotations) {
      for (const t of new Set(a.tags)) {
        tags.set(t, (tags.get(t) ?? 0) + 1);
        allTags.add(t);
      }
    }
    tagsOf.set(path, tags);
    totals.set(path, d.annotations.length);
  }
  const cited = citedByCounts(docs);
  const today = todayIso();
  if (options.format === 'csv') {
    const tags = [...allTags].sort((a, b) => a.localeCompare(b));
    const h = extraHeaders();
    const text = corpusCsv(docs, {
      today, separator: options.separator, words: csvWords(),
      extra: {
        headers: [h.citedBy, h.annotations, ...tags.map(h.tag)],
        numeric: true,
        values: (path) => {
          const mine = tagsOf.get(path);
          return [String(cited.get(path) ?? 0), String(totals.get(path) ?? 0), ...tags.map((t) => String(mine?.get(t) ?? 0))];
        },
      },
    });
    return { text, documents: docs.length };
  }
  let text = '';
  for (const line of corpusJsonLines(docs, { today })) {
    const tags = Object.fromEntries([...(tagsOf.get(line.file) ?? new Map<string, number>())].sort((a, b) => a[0].localeCompare(b[0])));
    text += `${JSON.stringify({ ...line, citedBy: cited.get(line.file) ?? 0, annotations: tags })}\n`;
  }
  return { text, documents: docs.length };
}

/** Writes the file and says so, with a button to open it; false (and the error shown) when it cannot be written. */
async function write(target: vscode.Uri, text: string, documents: number): Promise<boolean> {
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', baseName(target), error instanceof Error ? error.message : String(error)));
    return false;
  }
  const open = vscode.l10n.t('Open');
  const done = documents === 1 ? vscode.l10n.t('Exported 1 document to {0}.', baseName(target)) : vscode.l10n.t('Exported {0} documents to {1}.', documents, baseName(target));
  void vscode.window.showInformationMessage(done, open).then(async (choice) => {
    if (choice === open) await vscode.window.showTextDocument(target);
  });
  return true;
}

/**
 * Export Corpus: the corpus table as CSV (one row per parliamentary text) or JSON Lines (one object
 * per text with its questions and answers). Arguments `{ format, target, overwrite, separator }`
 * skip the questions, as those of Export Annotations do. Returns the file written and its number
 * of documents.
 */
export const exportCorpus = (corpus: CorpusService) => async (raw?: unknown): Promise<CorpusExportResult | undefined> => {
  const parsed = corpusExportArgs(raw);
  if ('error' in parsed) {
    void vscode.window.showErrorMessage(argsError(parsed.error));
    return undefined;
  }
  const format = parsed.args.format ?? await pickFormat();
  if (!format) return undefined;
  const options: Options = { ...parsed.args, format };
  // The index brought in line with the files first (a walk and a stat of each; reads only of what changed).
  await corpus.ready;
  await corpus.refresh();
  if (!corpus.documents().some((d) => d.record)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no parliamentary texts in this workspace to export.'));
    return undefined;
  }
  const target = await exportTarget(options);
  if (!target) return undefined;
  // JSON Lines has the questions and answers: records taken from the cache get their blocks first.
  if (format === 'jsonl') await corpus.blocks();
  const { text, documents } = render(corpus, options);
  return await write(target, text, documents) ? { target, documents } : undefined;
};
