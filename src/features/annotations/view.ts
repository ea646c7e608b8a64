import vscode = require('vscode');
import { parseSidecar } from '../../core/annotations/sidecar';
import type { TagDefinition } from '../../core/coding/codebook';
import { filtersCoders } from '../../core/coding/coders';
import { buildTagTreeOfDocuments, normalizeTag, tagAndAncestors, type TagNode } from '../../core/coding/tags';
import { oneLineExcerpt } from '../../core/text';
import { Debounced } from '../../debounce';
import type { CodebookService } from '../coding/codebookService';
import type { CoderVisibility } from '../coding/coder';
import type { CorpusAnnotation, CorpusService } from '../corpus';
import { baseName, readSidecar } from './sidecarFiles';
import type { AnnotationStore } from './store';
import { rows, type RowState } from './viewRows';

/** An annotation as the view lists it; made once per list of annotations the index holds (see `itemsOf`). */
interface Item {
  readonly annotation: CorpusAnnotation;
  /** The tags in normal form (`normalizeTag`), made once: every tag row checks every item. */
  readonly paths: readonly string[];
  /** Its row's label and description, made when first shown (under each of its tags it is the same). */
  row?: { readonly label: string; readonly description: string };
}
interface Doc {
  uri: vscode.Uri; sidecar?: vscode.Uri; items: Item[]; broken: boolean;
  /** Its URI as a string, and its file name (the row's label). */
  key: string; name: string;
  /** Every tag path of its items and their ancestors: the tag rows it is listed under. */
  under: ReadonlySet<string>;
  /** Its items by tag path (their own tags, not ancestors), made when first asked for. */
  byTag?: Map<string, Item[]>;
}

/** A row of the view. `tag` rows carry what the tree counts; `path` is the full tag path. */
export type Node =
  | { kind: 'tag'; path: string; tree: TagNode; docs: Doc[]; missing: boolean; definition?: TagDefinition }
  | { kind: 'noTag'; docs: Doc[]; count: number }
  | { kind: 'orphans'; docs: Doc[]; count: number }
  | { kind: 'doc'; doc: Doc; items: Item[]; parent: string }
  | { kind: 'item'; doc: Doc; item: Item; parent: string };

/** Icons of the annotation rows, shared by every row (a view over a corpus has thousands). */
const ICONS = { note: new vscode.ThemeIcon('note'), warning: new vscode.ThemeIcon('warning') };
/** The annotation rows' command title, translated once. */
let SHOW_PASSAGE: string | undefined;
/** Documents by name as `String.prototype.localeCompare` orders them (the same collation, made once). */
const byName = new Intl.Collator().compare;

/** What the view needs besides the corpus. */
export interface ViewContext {
  readonly corpus: CorpusService;
  readonly codebook: CodebookService;
  readonly visibility: CoderVisibility;
  readonly store: AnnotationStore;
}

/**
 * The Annotations view: the workspace's annotations by tag, level by level (`antwoord/ontwijkend`
 * under `antwoord`; a parent counts the passages below it, each once), then by document, with
 * counts. The codebook's codes are listed too (with 0 when unused); a tag used but missing from
 * the codebook says so and offers to add it. Shows only what blind coding and the coder filter let
 * through. It reads the corpus index (open documents as the editor has them, the others as
 * indexed) and never walks or reads the workspace itself.
 */
export class AnnotationsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly refresh = new Debounced(() => this.emitter.fire(undefined), 200);
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly corpus: CorpusService;

  constructor(private readonly ctx: ViewContext) {
    this.corpus = ctx.corpus;
    // The corpus passes on the store's changes of open documents, and the watcher's of the others.
    this.subscriptions.push(
      ctx.corpus.onDidChange(() => this.refreshSoon()),
      ctx.codebook.onDidChange(() => this.refreshSoon()),
      ctx.visibility.onDidChange(() => this.refreshSoon()),
      // An open document's annotations as the editor has them (the index passes on most such changes).
      ctx.store.onDidChange(() => { this.shown = undefined; }),
    );
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
    this.shown = undefined;
    this.refresh.schedule();
  }

  /**
   * The roots as last made, until the index, the codebook, the coder filter or an open document's
   * annotations change: VS Code asks for them when the view shows and again when told it changed.
   */
  private shown?: Promise<Node[]>;

  private shownRoots(): Promise<Node[]> {
    if (this.shown) return this.shown;
    const made = this.roots();
    made.catch(() => { if (this.shown === made) this.shown = undefined; });
    this.shown = made;
    return made;
  }

  /**
   * Items of a document's annotations, by its list of them: the index keeps a document's list (the
   * same array) until its sidecar or text changes. One entry per document, not per annotation
   * (a weak map of 10,000 entries costs every garbage collection).
   */
  private items = new WeakMap<readonly CorpusAnnotation[], { readonly items: Item[]; readonly under: ReadonlySet<string> }>();
  /** Tag lists in normal form, and with their ancestors, by the shared tag list (see sharedTags). */
  private normal = new WeakMap<readonly string[], readonly string[]>();
  private ancestors = new WeakMap<readonly string[], readonly string[]>();

  /** The items of a list of annotations, and every tag path they are listed under (their tags and those tags' ancestors). */
  private itemsOf(list: readonly CorpusAnnotation[]): { readonly items: Item[]; readonly under: ReadonlySet<string> } {
    let known = this.items.get(list);
    if (!known) {
      const items: Item[] = [];
      const under = new Set<string>();
      let lastPaths: readonly string[] | undefined;
      for (const a of list) {
        let paths = this.normal.get(a.tags);
        if (!paths) this.normal.set(a.tags, paths = a.tags.map(normalizeTag));
        items.push({ annotation: a, paths });
        if (paths !== lastPaths) for (const t of this.ancestorsOf(lastPaths = paths)) under.add(t);
      }
      this.items.set(list, known = { items, under });
    }
    return known;
  }

  private ancestorsOf(paths: readonly string[]): readonly string[] {
    let all = this.ancestors.get(paths);
    if (!all) this.ancestors.set(paths, all = [...new Set(paths.flatMap((t) => (t ? tagAndAncestors(t) : [])))]);
    return all;
  }

  private async docs(): Promise<Doc[]> {
    // The cache's index is shown while the first pass checks it; the pass fires what differs.
    await this.corpus.available;
    const docs: Doc[] = [];
    const visibility = this.ctx.visibility;
    // Without blind coding or a coder filter every annotation is listed.
    const all = !filtersCoders(visibility.listView);
    for (const d of this.corpus.documents()) {
      if (d.annotations.length === 0) continue;
      const known = this.itemsOf(d.annotations);
      let { items, under } = known;
      if (!all) {
        items = items.filter((i) => visibility.listed(i.annotation));
        if (items.length === 0) continue;
        const shown = new Set<string>();
        for (const i of items) for (const t of this.ancestorsOf(i.paths)) shown.add(t);
        under = shown;
      }
      docs.push({ uri: d.uri, ...(d.sidecar ? { sidecar: d.sidecar } : {}), broken: d.broken, items, key: d.uri.toString(), name: baseName(d.uri), under });
    }
    return docs.sort((a, b) => byName(a.name, b.name));
  }

  /** Every tag used in the workspace's sidecars. */
  async usedTags(): Promise<string[]> {
    await this.corpus.ready;
    return [...this.corpus.tags().keys()];
  }

  /** The rows under `node`: the roots wait for the index; the rest is at hand (no promise per row of thousands). */
  getChildren(node?: Node): Node[] | Promise<Node[]> {
    if (!node) return this.shownRoots();
    switch (node.kind) {
      case 'tag':
        return [
          ...node.tree.children.map((c) => this.tagRow(c, node.docs)),
          ...node.docs.flatMap((doc): Node[] => {
            const items = itemsTagged(doc, node.path);
            return items ? [{ kind: 'doc', doc, parent: node.path, items }] : [];
          }),
        ];
      case 'noTag':
        return node.docs.map((doc) => ({ kind: 'doc', doc, parent: 'noTag', items: doc.items.filter((i) => i.annotation.tags.length === 0) }));
      case 'orphans':
        return node.docs.map((doc) => ({ kind: 'doc', doc, parent: 'orphans', items: doc.items.filter((i) => i.annotation.orphaned) }));
      case 'doc':
        return node.items.map((item) => ({ kind: 'item', doc: node.doc, item, parent: node.parent }));
      case 'item':
        return [];
    }
  }

  private definitions = new Map<string, TagDefinition>();
  private missing = new Set<string>();

  private async roots(): Promise<Node[]> {
    const docs = await this.docs();
    const codebook = this.ctx.codebook;
    await codebook.ready;
    const defs = codebook.definitions();
    this.definitions = new Map(defs.map((d) => [d.name, d]));
    // With a codebook, a tag is missing when the codebook lacks it; without one, when neither it nor the setting defines it.
    const known = new Set((codebook.exists() ? defs.filter((d) => d.source === 'codebook') : defs).map((d) => d.name));
    const tree = buildTagTreeOfDocuments(docs.map((d) => d.items.map((i) => i.annotation.tags)), codebook.codes().map((c) => c.name));
    this.missing = new Set();
    const walk = (list: readonly TagNode[]): void => {
      for (const n of list) {
        if (n.own > 0 && !known.has(n.path)) this.missing.add(n.path);
        walk(n.children);
      }
    };
    walk(tree);
    const roots: Node[] = tree.map((t) => this.tagRow(t, docs));
    const untagged = docs.filter((d) => d.items.some((i) => i.annotation.tags.length === 0));
    if (untagged.length > 0) {
      roots.push({ kind: 'noTag', docs: untagged, count: untagged.reduce((n, d) => n + d.items.filter((i) => i.annotation.tags.length === 0).length, 0) });
    }
    const orphanDocs = docs.filter((d) => d.items.some((i) => i.annotation.orphaned));
    if (orphanDocs.length > 0) {
      roots.push({ kind: 'orphans', docs: orphanDocs, count: orphanDocs.reduce((n, d) => n + d.items.filter((i) => i.annotation.orphaned).length, 0) });
    }
    return roots;
  }

  private tagRow(tree: TagNode, docs: readonly Doc[]): Node {
    const path = tree.path;
    const below = docs.filter((d) => d.under.has(path));
    const definition = this.definitions.get(tree.path);
    return { kind: 'tag', path: tree.path, tree, docs: below, missing: this.missing.has(tree.path), ...(definition ? { definition } : {}) };
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'tag': return this.tagItem(node);
      case 'noTag': {
        const item = new vscode.TreeItem(vscode.l10n.t('(no tag)'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'noTag';
        item.description = String(node.count);
        item.iconPath = new vscode.ThemeIcon('tag');
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
        const item = new vscode.TreeItem(node.doc.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${node.parent}:${node.doc.key}`;
        item.resourceUri = node.doc.uri;
        item.description = node.doc.broken ? vscode.l10n.t('{0} · annotations file has errors', node.items.length) : String(node.items.length);
        item.iconPath = vscode.ThemeIcon.File;
        item.contextValue = 'document';
        return item;
      }
      case 'item': {
        const { doc } = node;
        const a = node.item.annotation;
        const row = (node.item.row ??= {
          label: oneLineExcerpt(a.quote, 80) || a.id,
          description: a.orphaned || a.note || a.coder
            ? [a.orphaned ? vscode.l10n.t('orphaned') : '', a.note ? oneLineExcerpt(a.note, 60) : '', a.coder ?? ''].filter(Boolean).join(' · ')
            : '',
        });
        const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.parent}:${doc.key}#${a.id}`;
        item.description = row.description;
        item.iconPath = a.orphaned ? ICONS.warning : ICONS.note;
        item.command = { command: 'kamerstukken.revealAnnotation', title: (SHOW_PASSAGE ??= vscode.l10n.t('Show Passage')), arguments: [doc.key, a.id] };
        item.contextValue = 'annotation';
        return item;
      }
    }
  }

  private tagItem(node: Extract<Node, { kind: 'tag' }>): vscode.TreeItem {
    const { tree, definition } = node;
    const expandable = tree.children.length > 0 || tree.own > 0;
    const item = new vscode.TreeItem(tree.name, expandable ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = `tag:${node.path}`;
    item.description = node.missing ? vscode.l10n.t('{0} · not in codebook', tree.total) : String(tree.total);
    item.iconPath = new vscode.ThemeIcon(node.missing ? 'question' : 'tag', new vscode.ThemeColor(node.missing ? 'problemsWarningIcon.foreground' : 'foreground'));
    item.contextValue = node.missing ? 'tag.missing' : 'tag';
    const color = this.ctx.codebook.colors().colorOf(node.path);
    const tip = new vscode.MarkdownString(undefined, true);
    tip.supportHtml = true;
    tip.appendMarkdown(`<span style="color:${color};">$(circle-large-filled)</span> `).appendText(node.path);
    if (definition?.description) tip.appendMarkdown('\n\n').appendText(definition.description);
    if (definition?.memo) tip.appendMarkdown(`\n\n**${vscode.l10n.t('Memo')}:** `).appendText(definition.memo);
    tip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Passages: {0} · documents: {1}', tree.total, tree.documents));
    if (node.missing) tip.appendMarkdown('\n\n').appendText(vscode.l10n.t('This tag is used but missing from the codebook.'));
    item.tooltip = tip;
    return item;
  }

  /**
   * Tooltips made when VS Code shows them (a workspace has thousands of rows): an annotation's
   * tags, quote, note and coder; a document's path and memo (read when the row is hovered).
   */
  async resolveTreeItem(item: vscode.TreeItem, node: Node): Promise<vscode.TreeItem> {
    if (node.kind === 'item' && item.tooltip === undefined) {
      const a = node.item.annotation;
      const tip = new vscode.MarkdownString().appendText(`${a.tags.join(', ')}\n\n${oneLineExcerpt(a.quote, 400)}${a.note ? `\n\n${a.note}` : ''}`);
      if (a.coder) tip.appendText(`\n\n${vscode.l10n.t('Coder: {0}', a.coder)}`);
      item.tooltip = tip;
    }
    if (node.kind !== 'doc') return item;
    const memo = await this.memoOf(node.doc);
    const tip = new vscode.MarkdownString().appendText(vscode.workspace.asRelativePath(node.doc.uri));
    if (memo) tip.appendMarkdown(`\n\n**${vscode.l10n.t('Memo')}:** `).appendText(memo);
    item.tooltip = tip;
    return item;
  }

  private async memoOf(doc: Doc): Promise<string | undefined> {
    const live = this.ctx.store.stateOf(doc.uri);
    if (live) return live.memo;
    if (!doc.sidecar) return undefined;
    const text = await readSidecar(doc.sidecar).catch(() => undefined);
    return text === undefined ? undefined : parseSidecar(text).memo;
  }
}

/** The items of `doc` tagged `path` itself (not below it), in the document's order; undefined when none. */
function itemsTagged(doc: Doc, path: string): Item[] | undefined {
  if (!doc.byTag) {
    const byTag = (doc.byTag = new Map());
    for (const i of doc.items) {
      for (let k = 0; k < i.paths.length; k++) {
        const t = i.paths[k];
        // An item with a tag twice (in two spellings) is listed once.
        if (i.paths.indexOf(t) !== k) continue;
        const list = byTag.get(t);
        if (list) list.push(i); else byTag.set(t, [i]);
      }
    }
  }
  return doc.byTag.get(path);
}

export const VIEW_ID = 'kamerstukken.annotations';

/** Test-only command (registered in test mode only, not in the manifest): the view as shown. */
const VIEW_STATE_COMMAND = 'kamerstukken.annotationsViewState';
/** Test-only command: the rows VS Code itself asks for when the view shows (below expanded rows only). */
const VIEW_SHOWN_COMMAND = 'kamerstukken.annotationsViewShownRows';

/** The Annotations view in the Explorer; with `testCommands`, also the command that tells the tests what it shows. */
export function registerAnnotationsView(view: AnnotationsView, ctx: ViewContext, { testCommands = false } = {}): vscode.Disposable {
  const { corpus, visibility } = ctx;
  const tree = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: view, showCollapseAll: true });
  // While the workspace is indexed, the view shows VS Code's progress bar.
  const showProgress = (): void => {
    void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => new Promise<void>((resolve) => {
      const sub = corpus.onDidChangeState((state) => { if (state !== 'indexing') { sub.dispose(); resolve(); } });
      if (corpus.state !== 'indexing') { sub.dispose(); resolve(); }
    }));
  };
  // The view's title says what it hides.
  const describe = (): void => {
    const parts: string[] = [];
    if (visibility.blind) parts.push(vscode.l10n.t('blind coding'));
    const f = visibility.coderFilter;
    if (f) parts.push(vscode.l10n.t('coders: {0}', f.map((c) => c || vscode.l10n.t('(no coder)')).join(', ')));
    tree.description = parts.length > 0 ? parts.join(' · ') : undefined;
  };
  describe();
  return vscode.Disposable.from(
    tree,
    visibility.onDidChange(describe),
    corpus.onDidChangeState((state) => { if (state === 'indexing') showProgress(); }),
    vscode.commands.registerCommand('kamerstukken.refreshAnnotations', () => view.rescan()),
    ...(testCommands ? [vscode.commands.registerCommand(VIEW_STATE_COMMAND, async (): Promise<{ visible: boolean; description?: string; rows: RowState[] }> => (
      { visible: tree.visible, ...(tree.description ? { description: tree.description } : {}), rows: await rows(view) })),
    // The rows VS Code asks for when the view shows (expanded rows' children only): for the benchmark.
    vscode.commands.registerCommand(VIEW_SHOWN_COMMAND, async (): Promise<{ rows: RowState[] }> => ({ rows: await rows(view, undefined, true) }))] : []),
  );
}
