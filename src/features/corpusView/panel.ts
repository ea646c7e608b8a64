import vscode = require('vscode');
import { overviewRows, type OverviewInput } from '../../core/corpus/overview';
import { diffRows, type OverviewRow } from '../../core/corpus/overviewTable';
import { packRows } from '../../core/corpus/overviewWire';
import type { FromView, ToView } from '../../webview/corpusViewProtocol';
import { Debounced } from '../../debounce';
import type { CorpusService } from '../corpus';
import { viewWords } from './words';

export const CORPUS_VIEW_TYPE = 'kamerstukken.corpus';

/** Today's date where the user is, ISO: the status of open questions depends on it. */
export function todayIso(now = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A document's name in the workspace (with its folder's name in a multi-root workspace). */
export function fileName(uri: vscode.Uri): string {
  if (uri.scheme === 'untitled') return uri.path;
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

/** The rows of the corpus now: every document the index lists, and annotated untitled documents. */
function corpusRows(corpus: CorpusService): OverviewRow[] {
  const inputs: OverviewInput[] = [];
  for (const d of corpus.documents()) {
    inputs.push({ id: d.uri.toString(), file: fileName(d.uri), ...(d.record ? { record: d.record } : {}), annotations: d.annotations });
  }
  return overviewRows(inputs, { today: todayIso() });
}

function idsOfFiles(rows: readonly OverviewRow[]): Map<string, string> {
  return new Map(rows.map((r) => [r.file, r.id]));
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the webview showed last: for the tests and the benchmark. */
export interface Rendered {
  readonly version: number;
  readonly shown: number;
  readonly total: number;
}

/**
 * The Corpus view: one editor panel with the table. It sends the webview all rows when it
 * (re)loads, then on each change of the corpus only the rows that changed; while the panel is
 * hidden it sends nothing and catches up when shown.
 */
export class CorpusPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private panelDisposables: vscode.Disposable[] = [];
  /** Rows the webview has, by id (JSON of each): what the next update is measured against. */
  private sent = new Map<string, string>();
  private version = 0;
  private loaded = false;
  private readonly renderedEmitter = new vscode.EventEmitter<Rendered>();
  lastRendered?: Rendered;
  /** The rows the webview was last sent (all of them, unsorted). */
  lastRows: readonly OverviewRow[] = [];
  private readonly update = new Debounced(() => this.sendChanges(), 150);
  /**
   * Whether the corpus changed since the rows were last made, or the day (`madeOn`: the statuses
   * depend on it): an update without a change (the panel shown or moved) makes no rows (all of
   * them, ~75 ms at 1,000 documents, while the webview loads).
   */
  private stale = true;
  private madeOn = '';
  private readonly disposables: vscode.Disposable[] = [this.renderedEmitter, this.update];

  constructor(private readonly extensionUri: vscode.Uri, private readonly corpus: CorpusService, private readonly exportCommand: string) {
    this.disposables.push(
      corpus.onDidChange(() => {
        this.stale = true;
        this.update.schedule();
      }),
      corpus.onDidChangeState((state) => this.post({ type: 'indexing', indexing: state === 'indexing' || state === 'starting' })),
    );
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Opens the view (or brings it to the front). */
  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(CORPUS_VIEW_TYPE, vscode.l10n.t('Corpus'), vscode.ViewColumn.Active, this.options());
    this.adopt(panel);
  }

  /** Takes over a panel: a new one, or one VS Code restores after a reload. */
  adopt(panel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    this.loaded = false;
    this.sent = new Map();
    panel.webview.options = this.options();
    panel.webview.html = this.html(panel.webview);
    // The rows posted at once: VS Code holds them until the webview has loaded, so they travel
    // while it loads; it says 'ready' if they did not come.
    setTimeout(() => {
      if (this.panel === panel && !this.loaded) void this.sendAll();
    }, 0);
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((m: FromView) => this.receive(m)),
      panel.onDidChangeViewState(() => {
        // Hidden, the webview is unloaded: it asks for everything again ('ready') when shown.
        if (!panel.visible) this.loaded = false;
        else if (this.loaded) this.update.schedule();
      }),
      panel.onDidDispose(() => {
        for (const d of this.panelDisposables) d.dispose();
        this.panelDisposables = [];
        if (this.panel === panel) this.panel = undefined;
      }),
    ];
  }

  /** Resolves when the webview shows the rows of the corpus as it is now. */
  async filled(): Promise<Rendered> {
    await this.corpus.ready;
    this.show();
    const wanted = await this.sendChangesNow();
    if (this.lastRendered && this.lastRendered.version >= wanted) return this.lastRendered;
    return new Promise((resolve) => {
      const sub = this.renderedEmitter.event((r) => {
        if (r.version < wanted) return;
        sub.dispose();
        resolve(r);
      });
    });
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  private html(webview: vscode.Webview): string {
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'corpusView.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'corpusView.css'));
    const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${n}'; img-src ${webview.cspSource} data:; font-src ${webview.cspSource}`;
    return `<!DOCTYPE html>
<html lang="${vscode.env.language.startsWith('nl') ? 'nl' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${vscode.l10n.t('Corpus')}</title>
</head>
<body>
<main id="kamerstukken-corpus"></main>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  private post(message: ToView): void {
    if (this.panel && this.loaded) void this.panel.webview.postMessage(message);
  }

  private receive(m: FromView): void {
    switch (m.type) {
      case 'ready':
        // Without the rows posted when it was made (or with older ones): everything again.
        if (!this.loaded || m.version !== this.version) void this.sendAll();
        break;
      case 'open':
        void this.open(m.id, m.beside);
        break;
      case 'export':
        void vscode.commands.executeCommand(this.exportCommand);
        break;
      case 'rendered':
        this.lastRendered = { version: m.version, shown: m.shown, total: m.total };
        this.renderedEmitter.fire(this.lastRendered);
        break;
    }
  }

  private async open(id: string, beside: boolean): Promise<void> {
    const uri = vscode.Uri.parse(id);
    try {
      await vscode.window.showTextDocument(uri, { viewColumn: beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preview: true });
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not open {0}: {1}', fileName(uri), error instanceof Error ? error.message : String(error)));
    }
  }

  /** The rows of the corpus as it is today, kept as the last made. */
  private makeRows(): OverviewRow[] {
    this.stale = false;
    this.madeOn = todayIso();
    return (this.lastRows = corpusRows(this.corpus));
  }

  /** Everything, to a webview that (re)loaded. */
  private async sendAll(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const rows = this.makeRows();
    this.sent = diffRows(new Map(), rows).keys;
    this.loaded = true;
    const state = this.corpus.state;
    await panel.webview.postMessage({
      type: 'init', words: viewWords(), rows: packRows(rows, idsOfFiles(rows)), indexing: state === 'indexing' || state === 'starting', version: ++this.version,
    } satisfies ToView);
  }

  private sendChanges(): void {
    void this.sendChangesNow();
  }

  /** The rows that changed since the webview was last told, if it is loaded and visible; the version it will show. */
  private async sendChangesNow(): Promise<number> {
    const panel = this.panel;
    if (!panel || !this.loaded || !panel.visible) return this.loaded ? this.version : this.version + 1;
    if (!this.stale && this.madeOn === todayIso()) return this.version;
    const rows = this.makeRows();
    const { changed, removed, keys } = diffRows(this.sent, rows);
    if (changed.length === 0 && removed.length === 0) return this.version;
    this.sent = keys;
    await panel.webview.postMessage({ type: 'update', changed: packRows(changed, idsOfFiles(rows)), removed, version: ++this.version } satisfies ToView);
    return this.version;
  }
}
