import * as vscode from 'vscode';
import { Debounced } from '../../debounce';
import type { CorpusService } from '../corpus';
import { baseName } from './sidecarFiles';
import { colorOf, configuredTags } from './tags';

interface Item { id: string; tags: readonly string[]; note?: string; quote: string; orphaned: boolean }
interface Doc { uri: vscode.Uri; sidecar?: vscode.Uri; items: Item[]; broken: boolean }

type Node =
  | { kind: 'tag'; tag: string; docs: Doc[]; count: number }
  | { kind: 'orphans'; docs: Doc[]; count: number }
  | { kind: 'doc'; doc: Doc; items: Item[]; parent: string }
  | { kind: 'item'; doc: Doc; item: Item; parent: string };

const NO_TAG = '\u0000';

function excerpt(s: string, max = 80): string {
  const one = s.replace(/\s+/gu, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/**
 * The Annotations view: the workspace's annotations by tag, then by document, with counts. It
 * reads the corpus index (open documents as the editor has them, the others as indexed) and
 * never walks or reads the workspace itself.
 */
export class AnnotationsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly refresh = new Debounced(() => this.emitter.fire(undefined), 200);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly corpus: CorpusService) {
    // The corpus passes on the store's changes of open documents, and the watcher's of the others.
    this.subscriptions.push(corpus.onDidChange(() => this.refreshSoon()));
  }

  dispose(): void {
    this.refresh.dispose();
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }

  /** Brings the index in line with the files (the Refresh button), then shows it. */
  rescan(): void {
    this.corpus.refresh().then(() => this.refreshSoon(), (error: unknown) => console.error('[kamerstukken] refresh failed', error));
  }

  private refreshSoon(): void {
    this.refresh.schedule();
  }

  private async docs(): Promise<Doc[]> {
    // The cache's index is shown while the first pass checks it; the pass fires what differs.
    await this.corpus.available;
    const docs: Doc[] = [];
    for (const d of this.corpus.documents()) {
      if (d.annotations.length === 0) continue;
      docs.push({
        uri: d.uri, ...(d.sidecar ? { sidecar: d.sidecar } : {}), broken: d.broken,
        items: d.annotations.map((a) => ({ id: a.id, tags: a.tags, ...(a.note ? { note: a.note } : {}), quote: a.quote, orphaned: a.orphaned })),
      });
    }
    return docs.sort((a, b) => baseName(a.uri).localeCompare(baseName(b.uri)));
  }

  /** Every tag used in the workspace's sidecars. */
  async usedTags(): Promise<string[]> {
    await this.corpus.ready;
    return [...this.corpus.tags().keys()];
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const docs = await this.docs();
      const tags = new Map<string, Doc[]>();
      for (const d of docs) {
        const names = new Set(d.items.flatMap((i) => (i.tags.length > 0 ? i.tags : [NO_TAG])));
        for (const t of names) {
          // Pushed, not copied: a copy per document made the view quadratic in the corpus.
          const list = tags.get(t);
          if (list) list.push(d); else tags.set(t, [d]);
        }
      }
      const configured = configuredTags().map((t) => t.name);
      const order = (t: string): number => (t === NO_TAG ? Infinity : configured.indexOf(t) >= 0 ? configured.indexOf(t) : configured.length);
      const roots: Node[] = [...tags.keys()]
        .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
        .map((tag) => {
          const ds = tags.get(tag) ?? [];
          const count = ds.reduce((n, d) => n + d.items.filter((i) => (tag === NO_TAG ? i.tags.length === 0 : i.tags.includes(tag))).length, 0);
          return { kind: 'tag', tag, docs: ds, count };
        });
      const orphanDocs = docs.filter((d) => d.items.some((i) => i.orphaned));
      if (orphanDocs.length > 0) {
        roots.push({ kind: 'orphans', docs: orphanDocs, count: orphanDocs.reduce((n, d) => n + d.items.filter((i) => i.orphaned).length, 0) });
      }
      return roots;
    }
    if (node.kind === 'tag') {
      return node.docs.map((doc) => ({
        kind: 'doc', doc, parent: node.tag,
        items: doc.items.filter((i) => (node.tag === NO_TAG ? i.tags.length === 0 : i.tags.includes(node.tag))),
      }));
    }
    if (node.kind === 'orphans') {
      return node.docs.map((doc) => ({ kind: 'doc', doc, parent: 'orphans', items: doc.items.filter((i) => i.orphaned) }));
    }
    if (node.kind === 'doc') return node.items.map((item) => ({ kind: 'item', doc: node.doc, item, parent: node.parent }));
    return [];
  }

  /** The tooltip of an annotation's row, made when VS Code shows it (a workspace has thousands of rows). */
  resolveTreeItem(item: vscode.TreeItem, node: Node): vscode.TreeItem {
    if (node.kind === 'item' && item.tooltip === undefined) {
      const a = node.item;
      item.tooltip = new vscode.MarkdownString().appendText(`${a.tags.join(', ')}\n\n${excerpt(a.quote, 400)}${a.note ? `\n\n${a.note}` : ''}`);
    }
    return item;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'tag': {
        const item = new vscode.TreeItem(node.tag === NO_TAG ? vscode.l10n.t('(no tag)') : node.tag, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `tag:${node.tag}`;
        item.description = String(node.count);
        item.iconPath = new vscode.ThemeIcon('tag');
        const config = configuredTags().find((t) => t.name === node.tag);
        item.tooltip = `${node.tag} · ${colorOf(node.tag, configuredTags())}${config?.description ? `\n${config.description}` : ''}`;
        return item;
      }
      case 'orphans': {
        const item = new vscode.TreeItem(vscode.l10n.t('Orphaned'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'orphans';
        item.description = String(node.count);
        item.iconPath = new vscode.ThemeIcon('warning');
        item.tooltip = vscode.l10n.t('Annotations whose passage could not be found in the current text. They stay in the annotations file.');
        return item;
      }
      case 'doc': {
        const item = new vscode.TreeItem(baseName(node.doc.uri), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${node.parent}:${node.doc.uri.toString()}`;
        item.resourceUri = node.doc.uri;
        item.description = node.doc.broken ? vscode.l10n.t('{0} · annotations file has errors', node.items.length) : String(node.items.length);
        item.iconPath = vscode.ThemeIcon.File;
        return item;
      }
      case 'item': {
        const { item: a, doc } = node;
        const item = new vscode.TreeItem(excerpt(a.quote) || a.id, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.parent}:${doc.uri.toString()}#${a.id}`;
        item.description = [a.orphaned ? vscode.l10n.t('orphaned') : '', a.note ? excerpt(a.note, 60) : ''].filter(Boolean).join(' · ');
        item.iconPath = a.orphaned ? new vscode.ThemeIcon('warning') : new vscode.ThemeIcon('note');
        item.command = { command: 'kamerstukken.revealAnnotation', title: vscode.l10n.t('Show Passage'), arguments: [doc.uri.toString(), a.id] };
        item.contextValue = 'annotation';
        return item;
      }
    }
  }
}

export const VIEW_ID = 'kamerstukken.annotations';

/** Test-only command (registered in test mode only, not in the manifest): the view as shown. */
export const VIEW_STATE_COMMAND = 'kamerstukken.annotationsViewState';

/** One row of the view as shown: its label and description, and the rows under it. */
export interface RowState { readonly label: string; readonly description: string; readonly children: readonly RowState[] }

async function rows(view: AnnotationsView, node?: Node): Promise<RowState[]> {
  return Promise.all((await view.getChildren(node)).map(async (child) => {
    const item = view.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    const description = typeof item.description === 'string' ? item.description : '';
    return { label, description, children: await rows(view, child) };
  }));
}

/** The Annotations view in the Explorer; with `testCommands`, also the command that tells the tests what it shows. */
export function registerAnnotationsView(view: AnnotationsView, corpus: CorpusService, { testCommands = false } = {}): vscode.Disposable {
  const tree = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: view, showCollapseAll: true });
  // While the workspace is indexed, the view shows VS Code's progress bar.
  const showProgress = (): void => {
    void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => new Promise<void>((resolve) => {
      const sub = corpus.onDidChangeState((state) => { if (state !== 'indexing') { sub.dispose(); resolve(); } });
      if (corpus.state !== 'indexing') { sub.dispose(); resolve(); }
    }));
  };
  return vscode.Disposable.from(
    tree,
    corpus.onDidChangeState((state) => { if (state === 'indexing') showProgress(); }),
    vscode.commands.registerCommand('kamerstukken.refreshAnnotations', () => view.rescan()),
    ...(testCommands ? [vscode.commands.registerCommand(VIEW_STATE_COMMAND, async (): Promise<{ visible: boolean; rows: RowState[] }> => (
      { visible: tree.visible, rows: await rows(view) }))] : []),
  );
}
