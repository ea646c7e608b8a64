import * as vscode from 'vscode';
import type { ParsedDocument } from '../core/model';
import { describePlace, placeAt, type PlaceDescription } from '../core/position';
import { type DocumentModels, LANGUAGE_ID } from '../documentModels';
import type { AnnotationStore } from './annotations/store';
import { VIEW_ID } from './annotations/view';
import { referenceIndex } from './referenceIndex';

/** How long after the last edit the position is looked up again (the text is re-parsed once then). */
export const EDIT_DELAY_MS = 250;

/** Internal command (not in the manifest, so not in the Command Palette): the items as shown, for tests. */
export const STATE_COMMAND = 'kamerstukken.statusBarState';

export interface ItemState {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
  readonly accessibilityLabel: string;
  readonly command: string;
}

function list(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join('');
  return vscode.l10n.t('{0} and {1}', labels.slice(0, -1).join(', '), labels[labels.length - 1]);
}

/** The tooltip and screen reader text of the position item. */
function explain(d: PlaceDescription, kind: 'question' | 'answer' | 'other'): string {
  switch (kind) {
    case 'question':
      return d.answers.length > 0
        ? vscode.l10n.t('Cursor in {0}, answered in {1}.', d.current, list(d.answers))
        : vscode.l10n.t('Cursor in {0}; this document has no answer to it.', d.current);
    case 'answer':
      return d.questions.length > 0
        ? vscode.l10n.t('Cursor in {0}, the answer to {1}.', d.current, list(d.questions))
        : vscode.l10n.t('Cursor in {0}; the question it answers is not in this document.', d.current);
    default:
      return vscode.l10n.t('Cursor in {0}.', d.current);
  }
}

/**
 * Two status bar items for Kamerstuk editors: where the cursor is ("Vraag 3 · Antwoord 3", a
 * beslisnota heading) and how many annotations the document has. Two items rather than one: each
 * has its own click (Go to Symbol to move elsewhere; the Annotations view for the annotations),
 * its own hover, and can be hidden on its own from the status bar's context menu.
 */
export function registerStatusBar(models: DocumentModels, store: AnnotationStore): vscode.Disposable {
  const position = vscode.window.createStatusBarItem('position', vscode.StatusBarAlignment.Right, 101);
  position.name = vscode.l10n.t('Kamerstukken: Position in the Document');
  position.command = { command: 'workbench.action.gotoSymbol', title: vscode.l10n.t('Go to a Question, Answer or Heading') };

  const count = vscode.window.createStatusBarItem('annotationCount', vscode.StatusBarAlignment.Right, 100.9);
  count.name = vscode.l10n.t('Kamerstukken: Annotations');
  count.command = { command: `${VIEW_ID}.focus`, title: vscode.l10n.t('Open the Annotations View') };

  // What the items show, to skip updates that change nothing (each one is a message to the window).
  const shown = new Map<vscode.StatusBarItem, ItemState>();
  const show = (item: vscode.StatusBarItem, next: ItemState): void => {
    const now = shown.get(item);
    if (now && now.visible === next.visible && now.text === next.text && now.tooltip === next.tooltip) return;
    shown.set(item, next);
    if (!next.visible) {
      item.hide();
      return;
    }
    item.text = next.text;
    item.tooltip = next.tooltip;
    item.accessibilityInformation = { label: next.accessibilityLabel, role: 'button' };
    item.show();
  };
  const hidden = (item: vscode.StatusBarItem): ItemState => ({ visible: false, text: '', tooltip: '', accessibilityLabel: '', command: commandOf(item) });

  // The text of the version the parse is of, kept so that a cursor move costs no copy of the text.
  let textOf: { uri: string; version: number; model: ParsedDocument; text: string } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const editor = (): vscode.TextEditor | undefined => {
    const e = vscode.window.activeTextEditor;
    return e && e.document.languageId === LANGUAGE_ID && !e.document.isClosed ? e : undefined;
  };

  const updatePosition = (): void => {
    const e = editor();
    if (!e) return show(position, hidden(position));
    const document = e.document;
    const uri = document.uri.toString();
    if (textOf?.uri !== uri || textOf.version !== document.version) {
      // The shared parse of this version (parsed now only if no other feature asked for it yet).
      textOf = { uri, version: document.version, model: models.get(document), text: document.getText() };
    }
    const index = referenceIndex(models, document);
    const place = placeAt(index, textOf.text, document.offsetAt(e.selection.active));
    const d = describePlace(index.doc, place, { footnote: (marker) => vscode.l10n.t('Footnote {0}', marker) });
    if (!d.text) return show(position, hidden(position));
    const kind = place.kind === 'qa' ? index.doc.blocks[place.block].kind : 'other';
    const where = explain(d, kind);
    show(position, {
      visible: true,
      text: d.text,
      tooltip: `${where}\n${vscode.l10n.t('Click to go to another question, answer or heading.')}`,
      accessibilityLabel: where,
      command: commandOf(position),
    });
  };

  const updateCount = (): void => {
    const e = editor();
    if (!e) return show(count, hidden(count));
    const state = store.stateOf(e.document.uri);
    const all = state?.annotations.length ?? 0;
    const orphaned = state?.annotations.filter((a) => a.orphaned).length ?? 0;
    const broken = state?.broken ?? false;
    const summary = all === 0
      ? vscode.l10n.t('No annotations in this document.')
      : all === 1 ? vscode.l10n.t('1 annotation in this document.') : vscode.l10n.t('{0} annotations in this document.', all);
    const notes = [summary];
    if (orphaned > 0) {
      notes.push(orphaned === 1
        ? vscode.l10n.t('1 of them could not be found in the current text.')
        : vscode.l10n.t('{0} of them could not be found in the current text.', orphaned));
    }
    if (broken) notes.push(vscode.l10n.t('The annotations file has errors; it is left unchanged until they are fixed.'));
    const click = vscode.l10n.t('Click to open the Annotations view.');
    show(count, {
      visible: true,
      text: `$(${broken ? 'warning' : 'tag'}) ${all}`,
      tooltip: [...notes, click].join('\n'),
      accessibilityLabel: [...notes, click].join(' '),
      command: commandOf(count),
    });
  };

  const update = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    updatePosition();
    updateCount();
  };
  const later = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(update, EDIT_DELAY_MS);
  };
  const isActive = (document: vscode.TextDocument): boolean => vscode.window.activeTextEditor?.document.uri.toString() === document.uri.toString();

  update();
  return vscode.Disposable.from(
    position,
    count,
    { dispose: () => { if (timer) clearTimeout(timer); } },
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor !== vscode.window.activeTextEditor) return;
      // While the text is being edited, wait until typing pauses: then it is parsed once.
      if (timer || e.textEditor.document.version !== textOf?.version) later(); else updatePosition();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => { if (isActive(e.document) && e.contentChanges.length > 0) later(); }),
    // A change of language (Kamerstuk ↔ plain text) reopens the document under the same editor.
    vscode.workspace.onDidOpenTextDocument((d) => { if (isActive(d)) update(); }),
    store.onDidChange((uri) => {
      const e = vscode.window.activeTextEditor;
      if (e && (uri === undefined || uri.toString() === e.document.uri.toString())) updateCount();
    }),
    vscode.commands.registerCommand(STATE_COMMAND, (): { position: ItemState; annotationCount: ItemState } => ({
      position: stateOf(position, shown.get(position)?.visible ?? false),
      annotationCount: stateOf(count, shown.get(count)?.visible ?? false),
    })),
  );
}

/** What an item shows, read from the item itself. */
function stateOf(item: vscode.StatusBarItem, visible: boolean): ItemState {
  const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value ?? '';
  return { visible, text: item.text, tooltip, accessibilityLabel: item.accessibilityInformation?.label ?? '', command: commandOf(item) };
}

function commandOf(item: vscode.StatusBarItem): string {
  return typeof item.command === 'string' ? item.command : item.command?.command ?? '';
}
