import vscode = require('vscode');
import type { ParsedDocument } from '../core/model';
import { describePlace, placeAt, type PlaceDescription } from '../core/position';
import { type DocumentModels, LANGUAGE_ID } from '../documentModels';
import type { AnnotatedDocument, AnnotationStore } from './annotations/store';
import { VIEW_ID } from './annotations/view';
import { listAnd } from '../core/util/words';
import { Debounced } from '../debounce';

/** How long after the last edit the position is looked up again (the text is re-parsed once then). */
const EDIT_DELAY_MS = 250;

/** Test-only command (registered in test mode only, not in the manifest): the items as shown. */
const STATE_COMMAND = 'kamerstukken.statusBarState';

export interface ItemState {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
  readonly accessibilityLabel: string;
  readonly command: string;
}

/** What an item shows when it is shown. */
type Shown = Omit<ItemState, 'visible' | 'command'>;

/** The tooltip and screen reader text of the position item. */
function explain(d: PlaceDescription, kind: 'question' | 'answer' | 'other'): string {
  switch (kind) {
    case 'question':
      return d.answers.length > 0
        ? vscode.l10n.t('Cursor in {0}, answered in {1}.', d.current, listAnd(d.answers, vscode.l10n.t))
        : vscode.l10n.t('Cursor in {0}; this document has no answer to it.', d.current);
    case 'answer':
      return d.questions.length > 0
        ? vscode.l10n.t('Cursor in {0}, the answer to {1}.', d.current, listAnd(d.questions, vscode.l10n.t))
        : vscode.l10n.t('Cursor in {0}; the question it answers is not in this document.', d.current);
    default:
      return vscode.l10n.t('Cursor in {0}.', d.current);
  }
}

function commandOf(item: vscode.StatusBarItem): string {
  return typeof item.command === 'string' ? item.command : item.command?.command ?? '';
}

/** A status bar item that skips updates that change nothing (each one is a message to the window). */
class ShownItem implements vscode.Disposable {
  private shown?: Shown;

  constructor(readonly item: vscode.StatusBarItem) {}

  dispose(): void {
    this.item.dispose();
  }

  /** Shows `next`, or hides the item when undefined. */
  show(next: Shown | undefined): void {
    const now = this.shown;
    if (now === next || (now && next && now.text === next.text && now.tooltip === next.tooltip)) return;
    this.shown = next;
    if (!next) {
      this.item.hide();
      return;
    }
    this.item.text = next.text;
    this.item.tooltip = next.tooltip;
    this.item.accessibilityInformation = { label: next.accessibilityLabel, role: 'button' };
    this.item.show();
  }

  /** What the item shows, read from the item itself. */
  state(): ItemState {
    const { item } = this;
    const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value ?? '';
    return { visible: this.shown !== undefined, text: item.text, tooltip, accessibilityLabel: item.accessibilityInformation?.label ?? '', command: commandOf(item) };
  }
}

/** The Kamerstuk editor the items are about, if the active editor is one. */
function kamerstukEditor(): vscode.TextEditor | undefined {
  const e = vscode.window.activeTextEditor;
  return e && e.document.languageId === LANGUAGE_ID && !e.document.isClosed ? e : undefined;
}

/** Where the cursor is, as the text labels it: "Vraag 3 · Antwoord 3", a beslisnota heading. */
class PositionItem extends ShownItem {
  /** The text of the version the parse is of, kept so that a cursor move costs no copy of the text. */
  private textOf?: { uri: string; version: number; model: ParsedDocument; text: string };

  constructor(private readonly models: DocumentModels) {
    super(vscode.window.createStatusBarItem('position', vscode.StatusBarAlignment.Right, 101));
    this.item.name = vscode.l10n.t('Kamerstukken: Position in the Document');
    this.item.command = { command: 'workbench.action.gotoSymbol', title: vscode.l10n.t('Go to a Question, Answer or Heading') };
  }

  /** Whether the parse the item shows is of this version of the document. */
  isCurrent(document: vscode.TextDocument): boolean {
    return document.version === this.textOf?.version;
  }

  update(e: vscode.TextEditor | undefined): void {
    this.show(e ? this.describe(e) : undefined);
  }

  private describe(e: vscode.TextEditor): Shown | undefined {
    const document = e.document;
    const uri = document.uri.toString();
    if (this.textOf?.uri !== uri || this.textOf.version !== document.version) {
      // The shared parse of this version (parsed now only if no other feature asked for it yet).
      this.textOf = { uri, version: document.version, model: this.models.get(document), text: document.getText() };
    }
    const index = this.models.references(document);
    const place = placeAt(index, this.textOf.text, document.offsetAt(e.selection.active));
    const d = describePlace(index.doc, place, { footnote: (marker) => vscode.l10n.t('Footnote {0}', marker) });
    if (!d.text) return undefined;
    const where = explain(d, place.kind === 'qa' ? index.doc.blocks[place.block].kind : 'other');
    return { text: d.text, tooltip: `${where}\n${vscode.l10n.t('Click to go to another question, answer or heading.')}`, accessibilityLabel: where };
  }
}

/** How many annotations the document has (a tag icon and the count; a warning icon when its file has errors). */
class AnnotationCountItem extends ShownItem {
  constructor(private readonly store: AnnotationStore, private readonly visible: (a: { readonly coder?: string }) => boolean) {
    super(vscode.window.createStatusBarItem('annotationCount', vscode.StatusBarAlignment.Right, 100.9));
    this.item.name = vscode.l10n.t('Kamerstukken: Annotations');
    this.item.command = { command: `${VIEW_ID}.focus`, title: vscode.l10n.t('Open the Annotations View') };
  }

  update(e: vscode.TextEditor | undefined): void {
    this.show(e ? describeCount(this.store.stateOf(e.document.uri), this.visible) : undefined);
  }
}

function describeCount(state: AnnotatedDocument | undefined, visible: (a: { readonly coder?: string }) => boolean): Shown {
  const shown = state?.annotations.filter(visible) ?? [];
  const all = shown.length;
  const orphaned = shown.filter((a) => a.orphaned).length;
  const broken = state?.broken ?? false;
  const notes = [all === 0
    ? vscode.l10n.t('No annotations in this document.')
    : all === 1 ? vscode.l10n.t('1 annotation in this document.') : vscode.l10n.t('{0} annotations in this document.', all)];
  if (orphaned > 0) {
    notes.push(orphaned === 1
      ? vscode.l10n.t('1 of them could not be found in the current text.')
      : vscode.l10n.t('{0} of them could not be found in the current text.', orphaned));
  }
  if (broken) notes.push(vscode.l10n.t('The annotations file has errors; it is left unchanged until they are fixed.'));
  notes.push(vscode.l10n.t('Click to open the Annotations view.'));
  return { text: `$(${broken ? 'warning' : 'tag'}) ${all}`, tooltip: notes.join('\n'), accessibilityLabel: notes.join(' ') };
}

/**
 * Two status bar items for Kamerstuk editors: where the cursor is ("Vraag 3 · Antwoord 3", a
 * beslisnota heading) and how many annotations the document has. Two items rather than one: each
 * has its own click (Go to Symbol to move elsewhere; the Annotations view for the annotations),
 * its own hover, and can be hidden on its own from the status bar's context menu. With
 * `testCommands`, also the command that tells the tests what they show.
 */
export function registerStatusBar(
  models: DocumentModels, store: AnnotationStore,
  { testCommands = false, visibility }: { testCommands?: boolean; visibility?: { visible(a: { readonly coder?: string }): boolean; readonly onDidChange: vscode.Event<void> } } = {},
): vscode.Disposable {
  const position = new PositionItem(models);
  // Blind coding counts only one's own annotations.
  const count = new AnnotationCountItem(store, (a) => visibility?.visible(a) ?? true);
  const update = (): void => {
    afterEdit.cancel();
    position.update(kamerstukEditor());
    count.update(kamerstukEditor());
  };
  const afterEdit = new Debounced(update, EDIT_DELAY_MS);
  const isActive = (document: vscode.TextDocument): boolean => vscode.window.activeTextEditor?.document.uri.toString() === document.uri.toString();

  update();
  return vscode.Disposable.from(
    position,
    count,
    afterEdit,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor !== vscode.window.activeTextEditor) return;
      // While the text is being edited, wait until typing pauses: then it is parsed once.
      if (afterEdit.pending || !position.isCurrent(e.textEditor.document)) afterEdit.schedule(); else position.update(kamerstukEditor());
    }),
    vscode.workspace.onDidChangeTextDocument((e) => { if (isActive(e.document) && e.contentChanges.length > 0) afterEdit.schedule(); }),
    // A change of language (Kamerstuk ↔ plain text) reopens the document under the same editor.
    vscode.workspace.onDidOpenTextDocument((d) => { if (isActive(d)) update(); }),
    ...(visibility ? [visibility.onDidChange(() => count.update(kamerstukEditor()))] : []),
    store.onDidChange((uri) => {
      const e = vscode.window.activeTextEditor;
      if (e && (uri === undefined || uri.toString() === e.document.uri.toString())) count.update(kamerstukEditor());
    }),
    ...(testCommands ? [vscode.commands.registerCommand(STATE_COMMAND, (): { position: ItemState; annotationCount: ItemState } => (
      { position: position.state(), annotationCount: count.state() }))] : []),
  );
}
