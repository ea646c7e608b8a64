import vscode = require('vscode');
import { annotateArgs, annotationChange, targetArgs } from '../../core/annotations/commandArgs';
import { stepFrom, touching } from '../../core/annotations/navigation';
import type { ReadonlyAnnotation } from '../../core/annotations/session';
import { tagChoices, type TagChoice } from '../../core/annotations/tagChoices';
import { baseName } from './sidecarFiles';
import { type AnnotatedDocument, type AnnotationStore, isAnnotatable } from './store';
import type { CodebookService } from '../coding/codebookService';
import { askNote, pickTags } from './tagPicker';

/** What the annotation commands work with. */
export interface CommandContext {
  readonly store: AnnotationStore;
  /** The codebook (then the `kamerstukken.tags` setting): the tags offered first, with descriptions. */
  readonly codebook: CodebookService;
  /** Every tag used in the workspace's sidecars (documents that are not open too). */
  usedTags(): Promise<readonly string[]>;
  /** The coder to record with new annotations (asked once when `interactive` and not set). */
  coder(interactive: boolean): Promise<string | undefined>;
  /** Whether the editor shows an annotation (blind coding hides other coders'): the cursor commands see only those. */
  visible(a: ReadonlyAnnotation): boolean;
}

export type Cmd = (...args: unknown[]) => unknown;

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

/** The annotations a command is about: the one named by id, else those under the cursors that the editor shows. */
async function targets(ctx: CommandContext, uri: unknown, id: string | undefined): Promise<{ document: vscode.TextDocument; items: ReadonlyAnnotation[] } | undefined> {
  const target = await targetDocument(uri);
  if (!target) return undefined;
  const { document, editor } = target;
  const state = await ctx.store.ready(document);
  if (id !== undefined) {
    const a = state.find(id);
    return { document, items: a ? [a] : [] };
  }
  const ranges = (editor?.selections ?? []).map((s) => ({ start: document.offsetAt(s.start), end: document.offsetAt(s.end) }));
  return { document, items: touching(state.annotations.filter((a) => ctx.visible(a)), ranges) };
}

/** True (and the sidecar's error shown) when the document's sidecar cannot be read. */
async function refuseIfBroken(ctx: CommandContext, document: vscode.TextDocument): Promise<boolean> {
  const state = await ctx.store.ready(document);
  if (!state.broken) return false;
  void ctx.store.offerToOpen(state);
  return true;
}

/** Tags offered: the codebook's and the setting's first, then those used anywhere in the workspace, then `selected`. */
export async function choices(ctx: CommandContext, scope: vscode.TextDocument, selected: readonly string[] = []): Promise<TagChoice[]> {
  const used = new Set<string>();
  for (const s of ctx.store.allStates()) for (const a of s.annotations) for (const t of a.tags) used.add(t);
  for (const t of await ctx.usedTags()) used.add(t);
  await ctx.codebook.ready;
  const defined = ctx.codebook.definitions(scope.uri).map((d) => ({ name: d.name, ...(d.description ? { description: d.description } : {}) }));
  return tagChoices(defined, used, selected);
}

function select(editor: vscode.TextEditor, a: ReadonlyAnnotation): void {
  const range = new vscode.Range(editor.document.positionAt(a.start), editor.document.positionAt(a.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function nothingHere(): void {
  void vscode.window.showInformationMessage(vscode.l10n.t('There is no annotation here.'));
}

/** Tag Passage: one annotation per selection, with the tags and note given, else chosen. Returns the new ids. */
export const annotate = (ctx: CommandContext) => async (raw?: unknown): Promise<string[]> => {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isAnnotatable(editor.document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a parliamentary text to tag passages.'));
    return [];
  }
  const { document } = editor;
  const spans = editor.selections.filter((s) => !s.isEmpty).map((s) => ({ start: document.offsetAt(s.start), end: document.offsetAt(s.end) }));
  if (spans.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the passage to tag first.'));
    return [];
  }
  if (await refuseIfBroken(ctx, document)) return [];
  let { tags, note } = annotateArgs(raw);
  const interactive = !tags;
  if (!tags) {
    tags = await pickTags(await choices(ctx, document));
    if (!tags || tags.length === 0) return [];
    note = await askNote();
    if (note === undefined) return [];
  }
  const coder = await ctx.coder(interactive);
  return ctx.store.add(document, spans, tags, note?.trim() || undefined, coder);
};

/** Remove Annotation: the one named, else those under the cursors. Returns how many went. */
export const removeAnnotation = (ctx: CommandContext) => async (raw?: unknown): Promise<number> => {
  const args = targetArgs(raw);
  const t = await targets(ctx, args.uri, args.id);
  if (!t || t.items.length === 0) {
    nothingHere();
    return 0;
  }
  if (await refuseIfBroken(ctx, t.document)) return 0;
  return ctx.store.remove(t.document, t.items.map((a) => a.id));
};

/** Edit Annotation: the tags and/or note given, else chosen, of the one named or the first under the cursors. */
export const editAnnotation = (ctx: CommandContext) => async (raw?: unknown): Promise<boolean> => {
  const args = targetArgs(raw);
  const t = await targets(ctx, args.uri, args.id);
  if (!t || t.items.length === 0) {
    nothingHere();
    return false;
  }
  if (await refuseIfBroken(ctx, t.document)) return false;
  const a = t.items[0];
  let { tags, note } = args;
  if (!tags && note === undefined) {
    tags = await pickTags(await choices(ctx, t.document, a.tags), a.tags);
    if (!tags) return false;
    note = await askNote(a.note);
    if (note === undefined) return false;
  }
  return ctx.store.update(t.document, a.id, annotationChange(tags, note));
};

/** Next / Previous Annotation: selects the next one after (before) the cursor that the editor shows, wrapping around. */
const step = (direction: 1 | -1) => (ctx: CommandContext) => async (): Promise<void> => {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const state = await ctx.store.ready(editor.document);
  const next = stepFrom(state.annotations.filter((a) => ctx.visible(a)), editor.document.offsetAt(editor.selection.start), direction);
  if (next) select(editor, next);
  else void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no annotations.', baseName(editor.document.uri)));
};
const nextAnnotation = step(1);
const previousAnnotation = step(-1);

/** Shows an annotation that could not be placed: where it is kept, with a button to open the file. */
async function explainOrphan(state: AnnotatedDocument, a: ReadonlyAnnotation): Promise<void> {
  const open = vscode.l10n.t('Open Annotations File');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('This annotation could not be placed in the current text: "{0}". It is kept in the annotations file.', (a.stored?.quote ?? '').slice(0, 120)), open);
  if (choice === open && state.sidecar) await vscode.window.showTextDocument(state.sidecar);
}

/** Show Passage (the Annotations view's rows): opens the document at the annotation (uri, id). */
export const revealAnnotation = (ctx: CommandContext) => async (uri?: unknown, id?: unknown): Promise<void> => {
  if (typeof id !== 'string') return;
  const target = await targetDocument(uri);
  if (!target) return;
  const editor = await vscode.window.showTextDocument(target.document, { preview: true });
  const state = await ctx.store.ready(editor.document);
  const a = state.find(id);
  if (!a) return;
  if (a.orphaned) await explainOrphan(state, a);
  else select(editor, a);
};

const COMMANDS: Record<string, (ctx: CommandContext) => Cmd> = {
  'kamerstukken.annotate': annotate,
  'kamerstukken.removeAnnotation': removeAnnotation,
  'kamerstukken.editAnnotation': editAnnotation,
  'kamerstukken.nextAnnotation': nextAnnotation,
  'kamerstukken.previousAnnotation': previousAnnotation,
  'kamerstukken.revealAnnotation': revealAnnotation,
};

/** Test-only command (registered in test mode only, not in the manifest): the tags Tag Passage offers for the active editor. */
const TAG_CHOICES_COMMAND = 'kamerstukken.tagChoicesState';

/** Tag Passage and friends: one factory per command, given the context. */
export function registerAnnotationCommands(ctx: CommandContext, { testCommands = false } = {}): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(COMMANDS).map(([id, factory]) => vscode.commands.registerCommand(id, factory(ctx))),
    ...(testCommands ? [vscode.commands.registerCommand(TAG_CHOICES_COMMAND, async (): Promise<TagChoice[]> => {
      const editor = vscode.window.activeTextEditor;
      return editor ? choices(ctx, editor.document) : [];
    })] : []),
  );
}
