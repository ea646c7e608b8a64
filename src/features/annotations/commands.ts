import * as vscode from 'vscode';
import type { ReadonlyAnnotation } from '../../core/annotations/session';
import { baseName } from './sidecarFiles';
import { type AnnotationStore, isAnnotatable } from './store';
import { configuredTags } from './tags';
import type { AnnotationsView } from './view';

interface AnnotateArgs { tags?: unknown; note?: unknown }
interface TargetArgs { id?: unknown; uri?: unknown; tags?: unknown; note?: unknown }

function asStrings(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((t) => typeof t === 'string')) return (v as string[]).map((t) => t.trim()).filter(Boolean);
  return undefined;
}

/** The editor a command applies to: the document named in its arguments, else the active one. */
async function targetDocument(uri: unknown): Promise<{ document: vscode.TextDocument; editor?: vscode.TextEditor } | undefined> {
  if (typeof uri === 'string' || uri instanceof vscode.Uri) {
    const u = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === u.toString());
    return { document: editor?.document ?? await vscode.workspace.openTextDocument(u), ...(editor ? { editor } : {}) };
  }
  const editor = vscode.window.activeTextEditor;
  return editor ? { document: editor.document, editor } : undefined;
}

/** Tag Passage and friends. */
export function registerAnnotationCommands(store: AnnotationStore, view?: AnnotationsView): vscode.Disposable {
  const refuseIfBroken = async (document: vscode.TextDocument): Promise<boolean> => {
    const state = await store.ready(document);
    if (!state.broken) return false;
    void store.offerToOpen(state);
    return true;
  };

  /** Tags offered: configured first, then those used anywhere in the workspace. */
  const knownTags = async (scope: vscode.TextDocument): Promise<{ name: string; description?: string }[]> => {
    const configured = configuredTags(scope);
    const used = new Set<string>();
    for (const s of store.allStates()) for (const a of s.annotations) for (const t of a.tags) used.add(t);
    for (const t of (await view?.usedTags()) ?? []) used.add(t);
    const out: { name: string; description?: string }[] = configured.map((t) => ({ name: t.name, ...(t.description ? { description: t.description } : {}) }));
    for (const t of [...used].sort()) if (!configured.some((c) => c.name === t)) out.push({ name: t });
    return out;
  };

  const pickTags = async (document: vscode.TextDocument, selected: readonly string[] = []): Promise<string[] | undefined> => {
    const known = await knownTags(document);
    for (const t of selected) if (!known.some((k) => k.name === t)) known.push({ name: t });
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
    qp.title = vscode.l10n.t('Tag Passage');
    qp.placeholder = vscode.l10n.t('Choose tags, or type a new one');
    qp.canSelectMany = true;
    const base = known.map((k): vscode.QuickPickItem => ({ label: k.name, ...(k.description ? { description: k.description } : {}) }));
    qp.items = base;
    qp.selectedItems = base.filter((i) => selected.includes(i.label));
    const newLabel = vscode.l10n.t('new tag');
    qp.onDidChangeValue((value) => {
      const v = value.trim();
      const keep = qp.selectedItems;
      const extra = v && !base.some((i) => i.label === v) ? [{ label: v, description: newLabel, alwaysShow: true }] : [];
      const added = keep.filter((i) => i.description === newLabel && i.label !== v);
      qp.items = [...extra, ...added, ...base];
      qp.selectedItems = qp.items.filter((i) => keep.some((k) => k.label === i.label));
    });
    return new Promise<string[] | undefined>((resolve) => {
      let done = false;
      qp.onDidAccept(() => {
        done = true;
        const chosen = qp.selectedItems.map((i) => i.label);
        const typed = qp.value.trim();
        if (chosen.length === 0 && typed) chosen.push(typed);
        resolve(chosen);
        qp.hide();
      });
      qp.onDidHide(() => {
        if (!done) resolve(undefined);
        qp.dispose();
      });
      qp.show();
    });
  };

  const askNote = (value?: string): Thenable<string | undefined> => vscode.window.showInputBox({
    title: vscode.l10n.t('Note'),
    prompt: vscode.l10n.t('An optional note (Enter to skip)'),
    ...(value ? { value } : {}),
  });

  const annotate = async (args?: AnnotateArgs): Promise<string[]> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isAnnotatable(editor.document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a parliamentary text to tag passages.'));
      return [];
    }
    const { document } = editor;
    const spans = editor.selections.filter((s) => !s.isEmpty)
      .map((s) => ({ start: document.offsetAt(s.start), end: document.offsetAt(s.end) }));
    if (spans.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select the passage to tag first.'));
      return [];
    }
    if (await refuseIfBroken(document)) return [];
    let tags = asStrings(args?.tags);
    let note = typeof args?.note === 'string' ? args.note : undefined;
    if (!tags) {
      tags = await pickTags(document);
      if (!tags || tags.length === 0) return [];
      note = await askNote();
      if (note === undefined) return [];
    }
    return store.add(document, spans, tags, note?.trim() || undefined);
  };

  /** The annotations a command is about: the one named by id, else those under the cursors. */
  const targets = async (args?: TargetArgs): Promise<{ document: vscode.TextDocument; items: ReadonlyAnnotation[] } | undefined> => {
    const target = await targetDocument(args?.uri);
    if (!target) return undefined;
    const state = await store.ready(target.document);
    if (typeof args?.id === 'string') {
      const a = state.find(args.id);
      return { document: target.document, items: a ? [a] : [] };
    }
    const editor = target.editor;
    if (!editor) return { document: target.document, items: [] };
    const seen = new Set<string>();
    const items: ReadonlyAnnotation[] = [];
    for (const sel of editor.selections) {
      const from = target.document.offsetAt(sel.start);
      const to = target.document.offsetAt(sel.end);
      for (const a of state.annotations) {
        if (!a.orphaned && a.start <= to && from <= a.end && !seen.has(a.id)) { seen.add(a.id); items.push(a); }
      }
    }
    return { document: target.document, items };
  };

  const remove = async (args?: TargetArgs): Promise<number> => {
    const t = await targets(args);
    if (!t || t.items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no annotation here.'));
      return 0;
    }
    if (await refuseIfBroken(t.document)) return 0;
    return store.remove(t.document, t.items.map((a) => a.id));
  };

  const edit = async (args?: TargetArgs): Promise<boolean> => {
    const t = await targets(args);
    if (!t || t.items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no annotation here.'));
      return false;
    }
    if (await refuseIfBroken(t.document)) return false;
    const a = t.items[0];
    let tags = asStrings(args?.tags);
    let note = typeof args?.note === 'string' ? args.note : undefined;
    if (!tags && note === undefined) {
      tags = await pickTags(t.document, a.tags);
      if (!tags) return false;
      note = await askNote(a.note);
      if (note === undefined) return false;
    }
    return store.update(t.document, a.id, { ...(tags ? { tags } : {}), ...(note !== undefined ? { note: note.trim() } : {}) });
  };

  const step = async (direction: 1 | -1): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const state = await store.ready(editor.document);
    const placed = state.annotations.filter((a) => !a.orphaned);
    if (placed.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no annotations.', baseName(editor.document.uri)));
      return;
    }
    const here = editor.document.offsetAt(editor.selection.start);
    const next = direction > 0
      ? placed.find((a) => a.start > here) ?? placed[0]
      : [...placed].reverse().find((a) => a.start < here) ?? placed[placed.length - 1];
    const range = new vscode.Range(editor.document.positionAt(next.start), editor.document.positionAt(next.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  const reveal = async (uri: unknown, id: unknown): Promise<void> => {
    if (typeof id !== 'string') return;
    const target = await targetDocument(uri);
    if (!target) return;
    const editor = await vscode.window.showTextDocument(target.document, { preview: true });
    const state = await store.ready(editor.document);
    const a = state.find(id);
    if (!a) return;
    if (a.orphaned) {
      const open = vscode.l10n.t('Open Annotations File');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('This annotation could not be placed in the current text: "{0}". It is kept in the annotations file.', (a.stored?.quote ?? '').slice(0, 120)), open);
      if (choice === open && state.sidecar) await vscode.window.showTextDocument(state.sidecar);
      return;
    }
    const range = new vscode.Range(editor.document.positionAt(a.start), editor.document.positionAt(a.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('kamerstukken.annotate', annotate),
    vscode.commands.registerCommand('kamerstukken.removeAnnotation', remove),
    vscode.commands.registerCommand('kamerstukken.editAnnotation', edit),
    vscode.commands.registerCommand('kamerstukken.nextAnnotation', () => step(1)),
    vscode.commands.registerCommand('kamerstukken.previousAnnotation', () => step(-1)),
    vscode.commands.registerCommand('kamerstukken.revealAnnotation', reveal),
  );
}
