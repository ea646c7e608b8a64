// The Dutch UI: run.mjs runs this suite in a VS Code started with `--locale nl` (and the minimal Dutch
// language pack VS Code needs to accept that language; see uiBridge.mjs). It checks what the
// extension and the workbench actually show, not translations looked up by the test.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, SEED_000, decode, folder, openKamerstuk, waitFor, writeText } from './helpers';
import { type ViewPane, clickOpensView, statusBarItemId, ui, uiBridge } from './ui';

interface ItemState { visible: boolean; text: string; tooltip: string; accessibilityLabel: string; command: string }
interface State { position: ItemState; annotationCount: ItemState }

const state = (): Thenable<State> => vscode.commands.executeCommand<State>('kamerstukken.statusBarState');

describe('Dutch UI (--locale nl)', () => {
  let editor: vscode.TextEditor | undefined;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  it('VS Code runs in Dutch', () => {
    assert.equal(vscode.env.language, 'nl');
  });

  it('the extension speaks Dutch: the status bar', async () => {
    const text = decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), SEED_000)));
    editor = await vscode.window.showTextDocument(await openKamerstuk(await writeText('nl-status.txt', text)));
    const at = editor.document.positionAt(text.indexOf('Antwoord 3\n') + 12);
    editor.selection = new vscode.Selection(at, at);
    const s = await waitFor('the status bar', async () => {
      const x = await state();
      return x.position.visible && x.position.text === 'Vraag 3 · Antwoord 3' && x.annotationCount.visible ? x : undefined;
    });
    assert.equal(s.position.tooltip, 'De cursor staat in Antwoord 3, het antwoord op Vraag 3.\nKlik om naar een andere vraag, een ander antwoord of een ander kopje te gaan.');
    assert.equal(s.annotationCount.text, '$(tag) 0');
    assert.equal(s.annotationCount.tooltip, 'Geen annotaties in dit document.\nKlik om de weergave Annotaties te openen.');
  });

  it('the extension speaks Dutch: a problem in the Problems panel', async () => {
    const uri = await writeText('nl-problem.txt', 'Vragen van het lid Jansen (D66) aan de minister van Financiën over banken (ingezonden 3 maart 2024).\n\nVraag 1\nKlopt het?\n\nAntwoord 1\nJa.\n\nVraag 2\nWaarom?\n');
    await openKamerstuk(uri);
    const messages = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(uri).map((x) => x.message);
      return d.length > 0 ? d : undefined;
    });
    assert.deepEqual(messages, ['Vraag 2 heeft in dit document geen antwoord.']);
  });

  it('the manifest is Dutch: command titles as the workbench resolved them', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { commands: { command: string; title: string | { value: string; original: string } }[] };
    };
    const annotate = manifest.contributes.commands.find((c) => c.command === 'kamerstukken.annotate');
    // Localised manifests carry { value, original } for titles; the English one a plain string.
    assert.deepEqual(annotate?.title, { value: 'Passage labelen', original: 'Tag Passage' });
  });

  it('the workbench shows it: the Command Palette, the status bar hover, the Annotations view', async function () {
    if (!uiBridge()) this.skip();
    // Several workbench round trips, each bounded by its own wait with a message naming the step;
    // on a loaded CI machine their sum can pass mocha's default 20 s.
    this.timeout(90_000);
    editor ??= await vscode.window.showTextDocument(await openKamerstuk(await writeText('nl-status.txt', decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), SEED_000))))));
    await vscode.window.showTextDocument(editor.document);
    // The palette shows as many rows as fit: one query per command looked for.
    const palette = async (query: string): Promise<string[]> => {
      await vscode.commands.executeCommand('workbench.action.quickOpen', `>Kamerstukken: ${query}`);
      const labels = await ui<string[]>('quickPickLabels');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return labels;
    };
    const labels = await palette('Passage');
    assert.ok(labels.includes('Kamerstukken: Passage labelen'), labels.join(' | '));
    assert.ok(!labels.some((l) => l.includes('Tag Passage')), labels.join(' | '));
    const next = await palette('Naar volgende');
    assert.ok(next.includes('Kamerstukken: Naar volgende annotatie'), next.join(' | '));

    const count = `[id="${statusBarItemId('annotationCount')}"]`;
    assert.match(await ui<string>('hover', { selector: count }), /Geen annotaties in dit document\.\s+Klik om de weergave Annotaties te openen\./u);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    assert.equal((await ui<ViewPane>('viewPane', { title: 'Annotaties' })).visible, false, 'hidden before the click');
    // The view's name as the workbench shows it: the manifest's Dutch "view.annotations".
    await clickOpensView(count, 'Annotaties');
  });
});
