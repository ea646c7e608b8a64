import vscode = require('vscode');
import { chooseTarget } from '../exportTarget';
import { baseName } from '../annotations/sidecarFiles';
import { type MatrixExportError, matrixExportArgs } from '../../core/coding/matrixArgs';
import { gridToCsv } from '../../core/coding/matrixView';
import type { CorpusService } from '../corpus';
import type { MatrixViewState } from './html';
import { registerRestore } from '../webviewRestore';
import { CODE_MATRIX_VIEW_TYPE, CodeMatrixPanel, filtered, gridOf, matrixSource, type MatrixVisibility, restoredView } from './panel';
import { csvWords } from './words';

/** What Export Code Matrix returns: the file written and its text. */
export interface MatrixExportResult {
  readonly uri: vscode.Uri;
  readonly csv: string;
}

function argsError(e: MatrixExportError): string {
  switch (e.kind) {
    case 'columns': return vscode.l10n.t('Unknown columns "{0}": use document, party, ministry, year, kind or late.', e.value);
    case 'count': return vscode.l10n.t('Unknown count "{0}": use passages or documents.', e.value);
    case 'cooccurrence': return vscode.l10n.t('Unknown co-occurrence "{0}": use overlap or block.', e.value);
    case 'rows': return vscode.l10n.t('The rows must be a list of tags.');
    case 'coders': return vscode.l10n.t('"coders" must be a list of coder names.');
  }
}

/** Where to write: the target given (not replaced unless allowed), else the Save dialog's choice. */
async function exportTarget(target: unknown, overwrite: boolean, state: MatrixViewState): Promise<vscode.Uri | undefined> {
  return chooseTarget({ target, overwrite }, () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const base = state.tab === 'cooccurrence' ? `co-occurrence-${state.by}` : `code-matrix-${state.columns}`;
    return vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Code Matrix'),
      saveLabel: vscode.l10n.t('Export'),
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder.uri, `${base}.csv`) } : {}),
      filters: { CSV: ['csv'] },
    });
  });
}

/**
 * Export Code Matrix: the matrix (or co-occurrence) as CSV; with blind coding on, of one's own passages only. Arguments `{ rows?, columns, count,
 * cooccurrence?, coders?, target, overwrite? }` ask nothing; without them, what the panel shows (its
 * coder filter too), to a file chosen in the Save dialog. Returns the file and its text.
 */
const exportCodeMatrix = (corpus: CorpusService, panel: CodeMatrixPanel) => async (raw?: unknown): Promise<MatrixExportResult | undefined> => {
  const parsed = matrixExportArgs(raw);
  if ('error' in parsed) {
    void vscode.window.showErrorMessage(argsError(parsed.error));
    return undefined;
  }
  const { args } = parsed;
  const shown = args.coders ? filtered(panel.state, args.coders) : panel.state;
  const state: MatrixViewState = args.cooccurrence
    ? { ...shown, tab: 'cooccurrence', by: args.cooccurrence }
    : args.columns || args.count ? { ...shown, tab: 'matrix', ...(args.columns ? { columns: args.columns } : {}), ...(args.count ? { count: args.count } : {}) }
      : shown;
  const target = await exportTarget(args.target, args.overwrite, state);
  if (!target) return undefined;
  const csv = gridToCsv(gridOf(await matrixSource(corpus, panel.view), state, args.rows), csvWords());
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(csv));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', baseName(target), error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  if (args.target === undefined) {
    const open = vscode.l10n.t('Open');
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported the code matrix to {0}.', baseName(target)), open).then(async (choice) => {
      if (choice === open) await vscode.window.showTextDocument(target);
    });
  }
  return { uri: target, csv };
};

/** Show Code Matrix argument: the tab, columns, count, co-occurrence and coders to show (`coders: []` or null: every coder). */
function viewArgs(raw: unknown): Partial<MatrixViewState> {
  const f = typeof raw === 'object' && raw !== null ? raw as Record<string, unknown> : {};
  const view = restoredView({ ...f, by: f.cooccurrence });
  return 'coders' in f ? { ...view, coders: view.coders } : view;
}

/** Test-only command (registered in test mode only, not in the manifest): restores a Code Matrix panel from a saved state. */
const RESTORE_FOR_TESTS = 'kamerstukken.restoreCodeMatrixForTests';

/**
 * The Code Matrix: `kamerstukken.showCodeMatrix` and `kamerstukken.exportCodeMatrix`; the panel is
 * restored after a reload. With `visibility`, blind coding hides other coders' passages here too. With `testCommands`, also the command that restores one for the tests.
 */
export function registerCodeMatrix(corpus: CorpusService, { testCommands = false, visibility }: { testCommands?: boolean; visibility?: MatrixVisibility } = {}): vscode.Disposable {
  const panel = new CodeMatrixPanel(corpus, visibility);
  return vscode.Disposable.from(
    panel,
    registerRestore(CODE_MATRIX_VIEW_TYPE, { deserializeWebviewPanel: async (p, state) => panel.restore(p, state) }, testCommands ? RESTORE_FOR_TESTS : undefined),
    vscode.commands.registerCommand('kamerstukken.showCodeMatrix', (raw?: unknown) => panel.show(viewArgs(raw))),
    vscode.commands.registerCommand('kamerstukken.exportCodeMatrix', exportCodeMatrix(corpus, panel)),
  );
}
