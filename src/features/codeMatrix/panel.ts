import vscode = require('vscode');
import {
  type CooccurrenceGrid, cooccurrenceGrid, gridCell, type MatrixColumns, type MatrixDocument, type MatrixGrid, matrixGrid,
  MATRIX_COLUMNS, matrixCoders, type PassageDetail, passageDetails, withCoders,
} from '../../core/coding/matrixView';
import { type MatrixExportArgs, matrixExportArgs } from '../../core/coding/matrixArgs';
import { type CoderView, isVisible } from '../../core/coding/coders';
import { Debounced } from '../../debounce';
import type { CorpusService } from '../corpus';
import { cellNames, contentHtml, type MatrixViewState, pageHtml, passagesHtml } from './html';
import { attributeLabels, matrixWords } from './words';

/** The documents of the corpus as the matrix takes them, with the URI of each name. */
export interface MatrixSource {
  readonly documents: MatrixDocument[];
  readonly uris: Map<string, vscode.Uri>;
}

/** Today in the user's time zone, as an ISO date. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Who sees which annotations: blind coding shows only one's own, in the matrix as in the editor. */
export interface MatrixVisibility {
  readonly editorView: CoderView;
  readonly onDidChange: vscode.Event<void>;
}

/**
 * The corpus's documents with annotations or a record, named by their workspace-relative paths;
 * with blind coding on (`view`), only one's own annotations.
 */
export async function matrixSource(corpus: CorpusService, view: CoderView = {}): Promise<MatrixSource> {
  await corpus.ready;
  // Co-occurrence by block and the place of a passage read the records' blocks: a record from the cache comes without.
  await corpus.blocks();
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const documents: MatrixDocument[] = [];
  const uris = new Map<string, vscode.Uri>();
  for (const d of corpus.documents()) {
    if (!d.record && d.annotations.length === 0) continue;
    let name = d.uri.scheme === 'untitled' ? d.uri.path : vscode.workspace.asRelativePath(d.uri, multiRoot);
    if (uris.has(name)) name = d.uri.toString();
    uris.set(name, d.uri);
    const annotations = view.blind ? d.annotations.filter((a) => isVisible(a, view)) : d.annotations;
    documents.push({ name, ...(d.record ? { record: d.record } : {}), annotations });
  }
  return { documents, uris };
}

/** The grid of a view state (only the passages of its coders, when it names them). */
export function gridOf(source: MatrixSource, state: MatrixViewState, rows?: readonly string[]): MatrixGrid | CooccurrenceGrid {
  const documents = withCoders(source.documents, state.coders);
  return state.tab === 'cooccurrence'
    ? cooccurrenceGrid(documents, state.by, rows)
    : matrixGrid(documents, { columns: state.columns, count: state.count, today: today(), labels: attributeLabels(), ...(rows ? { rows } : {}) });
}

export const CODE_MATRIX_VIEW_TYPE = 'kamerstukken.codeMatrix';
const PANEL_OPTIONS: vscode.WebviewPanelOptions & vscode.WebviewOptions = { enableScripts: true, localResourceRoots: [], enableFindWidget: true };

/** The view a restored page saved, checked: what is missing or unknown keeps the default. */
export function restoredView(raw: unknown): Partial<MatrixViewState> {
  const f = typeof raw === 'object' && raw !== null ? raw as Record<string, unknown> : {};
  const parsed = matrixExportArgs({ columns: f.columns, count: f.count, cooccurrence: f.by, coders: f.coders });
  const a: Partial<MatrixExportArgs> = 'args' in parsed ? parsed.args : {};
  return {
    ...(f.tab === 'matrix' || f.tab === 'cooccurrence' ? { tab: f.tab } : {}),
    ...(a.columns ? { columns: a.columns } : {}),
    ...(a.count ? { count: a.count } : {}),
    ...(a.cooccurrence ? { by: a.cooccurrence } : {}),
    ...(a.coders && a.coders.length > 0 ? { coders: a.coders } : {}),
  };
}

/** The coder filter's value: a JSON list of names; '' (or anything else): every coder. */
function parseCoders(value: string): string[] | undefined {
  try {
    const v: unknown = value ? JSON.parse(value) : undefined;
    return Array.isArray(v) && v.every((c) => typeof c === 'string') ? v as string[] : undefined;
  } catch {
    return undefined;
  }
}

/** The state with the coder filter given (undefined: every coder). */
export function filtered(state: MatrixViewState, coders: readonly string[] | undefined): MatrixViewState {
  const { tab, columns, count, by } = state;
  return { tab, columns, count, by, ...(coders ? { coders } : {}) };
}

/** Opens a passage: its document beside the matrix, the passage selected and revealed. */
async function openPassage(uri: vscode.Uri, p: PassageDetail): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const range = new vscode.Range(document.positionAt(p.start), document.positionAt(p.end));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The Code Matrix panel: one, shown again on each run; updated when the corpus changes. */
export class CodeMatrixPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  state: MatrixViewState = { tab: 'matrix', columns: 'document', count: 'passages', by: 'overlap' };
  private source: MatrixSource | undefined;
  private grid: MatrixGrid | CooccurrenceGrid | undefined;
  private passages: PassageDetail[] = [];
  private readonly update = new Debounced(() => void this.render(false), 300);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly corpus: CorpusService, private readonly visibility?: MatrixVisibility) {
    this.subscriptions.push(corpus.onDidChange(() => { if (this.panel) this.update.schedule(); }));
    if (visibility) this.subscriptions.push(visibility.onDidChange(() => { if (this.panel) this.update.schedule(); }));
  }

  /** What blind coding lets through now. */
  get view(): CoderView {
    return this.visibility?.editorView ?? {};
  }

  /** Shows the panel with the state given (merged into the current one). */
  show(state: Partial<MatrixViewState> = {}): void {
    this.state = { ...this.state, ...state };
    if (this.panel) {
      this.panel.reveal();
      void this.render(true);
      return;
    }
    const words = matrixWords(this.state.tab, this.state.count, this.state.by);
    this.adopt(vscode.window.createWebviewPanel(CODE_MATRIX_VIEW_TYPE, words.title, vscode.ViewColumn.Active, PANEL_OPTIONS));
  }

  /** Takes over a panel VS Code restores after a reload, with the view its page saved (`{ view }`). */
  restore(panel: vscode.WebviewPanel, saved: unknown): void {
    const view = typeof saved === 'object' && saved !== null ? (saved as { view?: unknown }).view : undefined;
    this.state = { ...this.state, ...restoredView(view) };
    this.panel?.dispose();
    panel.title = matrixWords(this.state.tab, this.state.count, this.state.by).title;
    this.adopt(panel);
  }

  /** Takes over a panel: a new one, or one restored. The page asks for its content when it has loaded ('ready'), also when shown again after being hidden. */
  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = PANEL_OPTIONS;
    panel.onDidDispose(() => { if (this.panel === panel) this.panel = undefined; }, null, this.subscriptions);
    panel.webview.onDidReceiveMessage((m: unknown) => { if (this.panel === panel) void this.onMessage(m); }, null, this.subscriptions);
    const words = matrixWords(this.state.tab, this.state.count, this.state.by);
    const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    panel.webview.html = pageHtml(words, { nonce, cspSource: panel.webview.cspSource });
  }

  private async render(clearPassages: boolean): Promise<void> {
    if (!this.panel) return;
    this.source = await matrixSource(this.corpus, this.view);
    this.grid = gridOf(this.source, this.state);
    const words = matrixWords(this.state.tab, this.state.count, this.state.by);
    if (clearPassages) this.passages = [];
    const html = contentHtml(this.state, this.grid, words, { ...matrixCoders(this.source.documents), blind: this.view.blind === true });
    // The page keeps the view in its state (vscode.setState): VS Code hands it back after a reload.
    await this.panel?.webview.postMessage({ type: 'render', html, clearPassages, view: this.state });
  }

  private async onMessage(raw: unknown): Promise<void> {
    if (typeof raw !== 'object' || raw === null) return;
    const m = raw as Record<string, unknown>;
    switch (m.type) {
      case 'ready': return this.render(true);
      case 'options': {
        const next = { ...this.state };
        if (m.tab === 'matrix' || m.tab === 'cooccurrence') next.tab = m.tab;
        if (typeof m.columns === 'string' && (MATRIX_COLUMNS as readonly string[]).includes(m.columns)) next.columns = m.columns as MatrixColumns;
        if (m.count === 'passages' || m.count === 'documents') next.count = m.count;
        if (m.by === 'overlap' || m.by === 'block') next.by = m.by;
        this.state = typeof m.coders === 'string' ? filtered(next, parseCoders(m.coders)) : next;
        return this.render(true);
      }
      case 'cell': return this.showCell(Number(m.r), Number(m.c));
      case 'open': {
        const p = this.passages[Number(m.i)];
        const uri = p ? this.source?.uris.get(p.document) : undefined;
        if (p && uri) await openPassage(uri, p);
        return;
      }
      case 'export':
        await vscode.commands.executeCommand('kamerstukken.exportCodeMatrix');
        return;
    }
  }

  private async showCell(r: number, c: number): Promise<void> {
    if (!this.grid || !this.source || !this.panel) return;
    const cell = gridCell(this.grid, r, c);
    if (!cell) return;
    const words = matrixWords(this.state.tab, this.state.count, this.state.by);
    this.passages = passageDetails(cell, this.source.documents);
    const names = cellNames(this.grid, r, c, words);
    const heading = words.passagesOf(this.passages.length, names.row, names.column);
    await this.panel.webview.postMessage({ type: 'passages', html: passagesHtml(this.passages, heading, words), focus: true });
  }

  dispose(): void {
    this.update.dispose();
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
