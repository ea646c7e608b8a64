// The status bar in a real VS Code: where the cursor is, the annotation count, updates on cursor
// moves, edits and new annotations, hidden outside Kamerstuk editors, and a click on the count that
// opens the Annotations view. The items are read through the extension's internal state command
// (what it set on its StatusBarItems) and, under run.mjs, from the workbench itself (uiBridge.mjs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, SEED_000, decode, folder, openKamerstuk, waitFor, writeText } from './helpers';
import { type ViewPane, clickOpensView, statusBarItemId, ui, uiBridge } from './ui';

interface ItemState { visible: boolean; text: string; tooltip: string; accessibilityLabel: string; command: string }
interface State { position: ItemState; annotationCount: ItemState }
interface DomItem { visible: boolean; text?: string; icons?: string[]; ariaLabel?: string }

/** Whether the item is visible with this text (a hidden item keeps the text it had). */
const shows = (item: ItemState, text: string): boolean => item.visible && item.text === text;
const state = (): Thenable<State> => vscode.commands.executeCommand<State>('kamerstukken.statusBarState');

/** Waits until the status bar state satisfies `check` (it updates after events, some debounced). */
async function until(what: string, check: (s: State) => boolean): Promise<State> {
  let last: State | undefined;
  try {
    return await waitFor(what, async () => {
      last = await state();
      return check(last) ? last : undefined;
    });
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}; last state: ${JSON.stringify(last)}`, { cause: e });
  }
}

/** Puts the cursor just after `needle` (after `from`). */
function cursorAfter(editor: vscode.TextEditor, needle: string, from = 0): void {
  const text = editor.document.getText();
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `"${needle}" is in the document`);
  const p = editor.document.positionAt(i + needle.length);
  editor.selection = new vscode.Selection(p, p);
}

async function openCopy(name: string): Promise<vscode.TextEditor> {
  const text = decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), SEED_000)));
  const doc = await openKamerstuk(await writeText(name, text));
  return vscode.window.showTextDocument(doc);
}

describe('status bar', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    editor = await openCopy('status-a.txt');
  });

  it('shows the question and answer the cursor is in, as the text labels them', async () => {
    cursorAfter(editor, 'Antwoord 3\n');
    let s = await until('Antwoord 3', (x) => shows(x.position, 'Vraag 3 · Antwoord 3'));
    assert.match(s.position.tooltip, /^Cursor in Antwoord 3, the answer to Vraag 3\.\n/u);
    assert.equal(s.position.accessibilityLabel, 'Cursor in Antwoord 3, the answer to Vraag 3.');
    assert.equal(s.position.command, 'workbench.action.gotoSymbol');

    cursorAfter(editor, 'Vraag 6 en 7');
    s = await until('Vraag 6 en 7', (x) => shows(x.position, 'Vraag 6 en 7 · Antwoord 6 en 7'));
    assert.match(s.position.tooltip, /^Cursor in Vraag 6 en 7, answered in Antwoord 6 en 7\./u);

    // The header sentences: nothing to say, the item hides; the count stays.
    cursorAfter(editor, 'Vragen van het lid Eerdmans');
    s = await until('hidden in the header', (x) => !x.position.visible);
    assert.equal(s.annotationCount.visible, true);
  });

  it('follows edits once typing pauses', async () => {
    cursorAfter(editor, 'Antwoord 3\n');
    await until('Antwoord 3', (x) => shows(x.position, 'Vraag 3 · Antwoord 3'));
    const text = editor.document.getText();
    const label = text.indexOf('Antwoord 3\n');
    const range = new vscode.Range(editor.document.positionAt(label), editor.document.positionAt(label + 'Antwoord 3'.length));
    assert.ok(await editor.edit((b) => b.replace(range, 'Antwoord op vraag 3 en 4')));
    const s = await until('the joint answer', (x) => shows(x.position, 'Vraag 3 + Vraag 4 · Antwoord op vraag 3 en 4'));
    assert.match(s.position.tooltip, /the answer to Vraag 3 and Vraag 4\./u);
  });

  it('counts the annotations of the document, singular and plural', async () => {
    let s = await until('no annotations', (x) => shows(x.annotationCount, '$(tag) 0'));
    assert.match(s.annotationCount.tooltip, /^No annotations in this document\.\nClick to open the Annotations view\.$/u);
    cursorAfter(editor, 'Is het waar');
    editor.selection = new vscode.Selection(editor.selection.active.translate(0, -'Is het waar'.length), editor.selection.active);
    await vscode.commands.executeCommand('kamerstukken.annotate', { tags: ['toezegging'] });
    s = await until('one annotation', (x) => shows(x.annotationCount, '$(tag) 1'));
    assert.equal(s.annotationCount.tooltip, '1 annotation in this document.\nClick to open the Annotations view.');
    assert.equal(s.annotationCount.accessibilityLabel, '1 annotation in this document. Click to open the Annotations view.');
    cursorAfter(editor, 'Er zijn geen formele');
    editor.selection = new vscode.Selection(editor.selection.active.translate(0, -5), editor.selection.active);
    await vscode.commands.executeCommand('kamerstukken.annotate', { tags: ['verwijzing'] });
    s = await until('two annotations', (x) => shows(x.annotationCount, '$(tag) 2'));
    assert.match(s.annotationCount.tooltip, /^2 annotations in this document\./u);
  });

  it('is hidden outside Kamerstuk editors and back when one is active again', async () => {
    const other = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Vraag 1\n' });
    await vscode.window.showTextDocument(other);
    await until('both hidden', (x) => !x.position.visible && !x.annotationCount.visible);
    editor = await vscode.window.showTextDocument(editor.document);
    cursorAfter(editor, 'Antwoord 8\n');
    await until('both back', (x) => shows(x.position, 'Vraag 8 · Antwoord 8') && shows(x.annotationCount, '$(tag) 2'));
  });

  it('the workbench shows the items; a click on the count opens the Annotations view', async function () {
    if (!uiBridge()) this.skip();
    this.timeout(90_000); // several workbench round trips, each bounded by its own wait
    editor = await vscode.window.showTextDocument(editor.document);
    cursorAfter(editor, 'Antwoord 8\n');
    const s = await until('both visible', (x) => shows(x.position, 'Vraag 8 · Antwoord 8') && x.annotationCount.visible);
    assert.equal(s.annotationCount.command, 'kamerstukken.annotations.focus');
    const n = s.annotationCount.text.replace('$(tag) ', '');
    const count = await ui<DomItem>('statusBarItem', { id: statusBarItemId('annotationCount') });
    assert.deepEqual({ visible: count.visible, text: count.text, icons: count.icons }, { visible: true, text: n, icons: ['codicon-tag'] });
    assert.equal(count.ariaLabel, s.annotationCount.accessibilityLabel);
    const position = await ui<DomItem>('statusBarItem', { id: statusBarItemId('position') });
    assert.equal(position.text, 'Vraag 8 · Antwoord 8');
    assert.equal(position.ariaLabel, 'Cursor in Antwoord 8, the answer to Vraag 8.');
    const hover = await ui<string>('hover', { selector: `[id="${statusBarItemId('annotationCount')}"]` });
    assert.equal(hover.replace(/\s+/gu, ' '), s.annotationCount.tooltip.replace(/\s+/gu, ' '));

    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    assert.equal((await ui<ViewPane>('viewPane', { title: 'Annotations' })).visible, false, 'hidden before the click');
    await clickOpensView(`[id="${statusBarItemId('annotationCount')}"]`, 'Annotations');
  });
});
