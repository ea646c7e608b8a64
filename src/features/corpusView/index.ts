import vscode = require('vscode');
import type { OverviewRow } from '../../core/corpus/overviewTable';
import type { CorpusService } from '../corpus';
import { EXPORT_CORPUS_COMMAND, exportCorpus } from './export';
import { CORPUS_VIEW_TYPE, CorpusPanel, type Rendered } from './panel';

const SHOW_CORPUS_COMMAND = 'kamerstukken.showCorpus';
/** Test-only (registered in test mode only): opens the view and resolves once it shows the corpus as it is now. */
const CORPUS_VIEW_STATE_COMMAND = 'kamerstukken.corpusViewState';

/** What the tests and the benchmark read of the Corpus view. */
export interface CorpusViewStateForTests {
  /** The rows of the corpus, as the view has them (unsorted, unfiltered). */
  readonly rows: readonly OverviewRow[];
  /** What the webview shows: the rows that pass its filters, of all. */
  readonly rendered: Rendered;
}

/**
 * The Corpus view (an editor panel with the table of the workspace's documents, restored after a
 * reload) and Export Corpus. With `testCommands`, also the command the tests and the benchmark use.
 */
export function registerCorpusView(context: vscode.ExtensionContext, corpus: CorpusService, { testCommands = false } = {}): vscode.Disposable {
  const panel = new CorpusPanel(context.extensionUri, corpus, EXPORT_CORPUS_COMMAND);
  const disposables: vscode.Disposable[] = [
    panel,
    vscode.commands.registerCommand(SHOW_CORPUS_COMMAND, () => panel.show()),
    vscode.commands.registerCommand(EXPORT_CORPUS_COMMAND, exportCorpus(corpus)),
    vscode.window.registerWebviewPanelSerializer(CORPUS_VIEW_TYPE, {
      deserializeWebviewPanel: async (webviewPanel) => panel.adopt(webviewPanel),
    }),
  ];
  if (testCommands) {
    disposables.push(vscode.commands.registerCommand(CORPUS_VIEW_STATE_COMMAND, async (): Promise<CorpusViewStateForTests> => {
      const rendered = await panel.filled();
      return { rows: panel.lastRows, rendered };
    }));
  }
  return vscode.Disposable.from(...disposables);
}
