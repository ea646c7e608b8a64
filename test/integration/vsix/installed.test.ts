// The packaged extension, installed from the .vsix (`node test/integration/run.mjs --vsix`): code-server
// runs without the repository as development extension (a generated empty runner extension carries the
// tests), so what runs here is exactly what the package holds. Measures activation and writes the figures
// to KAMERSTUKKEN_MEASURE_FILE for the runner to print. The workspace (a copy of seeds/) holds
// parliamentary texts but no annotation files, and nothing is open at startup: the extension must not
// activate until a text is opened, and its Annotations view must not be shown (nor activate it) before.
// run.mjs turns MCP off for this run: VS Code 1.100's MCP discovery opens the user settings.json as a
// plain-text model at startup, which fires onLanguage:plaintext in every window (see run.mjs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, SEED_000, documentFor, folder, readText, waitFor } from '../helpers';
import { type ViewPane, ui, uiBridge } from '../ui';
import { activationFigures } from '../activationMarks';

interface RowState { label: string; description: string; children: RowState[] }
/** Commands only the tests use: the installed package runs in production mode and must not have them. */
const TEST_COMMANDS = ['kamerstukken.annotationsViewState', 'kamerstukken.statusBarState', 'kamerstukken.decorationsState', 'kamerstukken.tagChoicesState'];

const measures: Record<string, number | string | boolean> = {};

/** The entries the Command Palette lists for "Kamerstukken: " (read from the workbench; none is an empty list). */
async function paletteLabels(): Promise<string[]> {
  await vscode.commands.executeCommand('workbench.action.quickOpen', '>Kamerstukken: ');
  try {
    return await ui<string[]>('quickPickLabels', { allowEmpty: true });
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  }
}

describe('installed from the .vsix', () => {
  after(async () => {
    const file = process.env.KAMERSTUKKEN_MEASURE_FILE;
    if (file) await vscode.workspace.fs.writeFile(vscode.Uri.file(file), new TextEncoder().encode(JSON.stringify(measures)));
  });

  it('is the installed copy, not the repository', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    const extensionsDir = process.env.KAMERSTUKKEN_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'the runner names the extensions folder');
    assert.ok(ext.extensionUri.fsPath.startsWith(`${extensionsDir}/kamerstukken.kamerstukken-`), ext.extensionUri.fsPath);
    assert.equal(ext.extensionKind, vscode.ExtensionKind.Workspace);
    assert.equal(ext.packageJSON.version, '0.1.0');
  });

  it('is not active once the workbench has started, with no text open and no annotation files', async function () {
    this.timeout(60_000);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const names = (await vscode.workspace.fs.readDirectory(folder())).map(([name]) => name);
    assert.ok(names.includes(SEED_000) && !names.some((n) => n.endsWith('.annotations.yaml')), names.join(', '));
    assert.deepEqual(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => d.uri.path), []);
    // Startup is over when the extensions that wait for it (onStartupFinished: VS Code activates them
    // after the workbench has restored its views and the `*` extensions) are active.
    const afterStartup = vscode.extensions.all.filter((e) => e.id !== EXTENSION_ID && ((e.packageJSON as { activationEvents?: string[] }).activationEvents ?? []).includes('onStartupFinished'));
    assert.ok(afterStartup.length > 0, 'a built-in extension activates onStartupFinished');
    await waitFor('startup to finish', () => afterStartup.some((e) => e.isActive), 45_000);
    if (uiBridge()) {
      // The Explorer is on screen with its views; the Annotations view is not among them.
      await waitFor('the Outline view in the Explorer', async () => (await ui<ViewPane>('viewPane', { title: 'Outline' })).visible);
      assert.equal((await ui<ViewPane>('viewPane', { title: 'Annotations' })).exists, false, 'no Annotations view');
      // Nor its commands in the Command Palette (listing them does not activate the extension).
      const labels = await paletteLabels();
      assert.ok(!labels.some((l) => l.includes('Export Annotations') || l.includes('Refresh Annotations')), labels.join(' | '));
    }
    measures.activeBeforeOpening = ext.isActive;
    assert.equal(ext.isActive, false, 'activated without a parliamentary text or annotation file');
  });

  it('activates when a parliamentary text opens, and gives its outline', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const activeBefore = ext.isActive;
    const uri = vscode.Uri.joinPath(folder(), SEED_000);
    const t0 = performance.now();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the extension to activate', () => ext.isActive, 15_000);
    const active = performance.now();
    const doc = await waitFor('language kamerstuk', () => { const d = documentFor(uri); return d?.languageId === 'kamerstuk' ? d : undefined; });
    const kamerstuk = performance.now();
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length > 0 ? s : undefined;
    });
    const outline = performance.now();
    const names = symbols.flatMap(function walk(s: vscode.DocumentSymbol): string[] { return [s.name, ...s.children.flatMap(walk)]; });
    assert.ok(names.includes('Vraag 8') && names.includes('Antwoord 8'), names.join(', '));
    assert.ok(['Vraag 1 en 2', 'Antwoord 1 en 2', 'Vraag 6 en 7', 'Antwoord 9'].every((n) => names.includes(n)), names.join(', '));

    if (uiBridge()) {
      const labels = await paletteLabels();
      assert.ok(labels.includes('Kamerstukken: Export Annotations...') && labels.includes('Kamerstukken: Refresh Annotations'), labels.join(' | '));
    }

    if (!activeBefore) measures.openToActiveMs = +(active - t0).toFixed(1);
    activationFigures(EXTENSION_ID, measures);
    measures.openToKamerstukMs = +(kamerstuk - t0).toFixed(1);
    measures.openToOutlineMs = +(outline - t0).toFixed(1);
  });

  it('tags a passage and writes the sidecar beside the text', async () => {
    const uri = vscode.Uri.joinPath(folder(), SEED_000);
    const editor = await vscode.window.showTextDocument(documentFor(uri) ?? await vscode.workspace.openTextDocument(uri));
    const quote = 'Is het waar dat tijdens deze bijeenkomsten';
    const start = editor.document.getText().indexOf(quote);
    assert.ok(start >= 0);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + quote.length));
    const ids = await vscode.commands.executeCommand<string[]>('kamerstukken.annotate', { tags: ['toezegging'], note: 'uit de vsix' });
    assert.equal(ids.length, 1);
    const sidecar = uri.with({ path: `${uri.path}.annotations.yaml` });
    const yaml = await waitFor('the sidecar', () => readText(sidecar));
    assert.ok(yaml.startsWith(`version: 2\ndocument: ${SEED_000}\nannotations:\n`), yaml);
    assert.ok(yaml.includes(`id: ${ids[0]}`) && yaml.includes('tags: [toezegging]') && yaml.includes('note: uit de vsix'), yaml);
    assert.ok(yaml.includes(`quote: ${quote}`), yaml);
  });

  it('shows the Annotations view once a text is open, and its annotations when opened', async () => {
    // The view appears in the Explorer collapsed (VS Code's default for extension views there); the
    // status bar count or its header opens it.
    if (uiBridge()) {
      let pane: ViewPane | undefined;
      await waitFor('the Annotations view in the Explorer', async () => (pane = await ui<ViewPane>('viewPane', { title: 'Annotations' })).visible)
        .catch((e: unknown) => assert.fail(`${String(e)}: ${JSON.stringify(pane)}`));
    }
    await vscode.commands.executeCommand('kamerstukken.annotations.focus');
    // The rows as the workbench shows them (the test-only state command is not in the package).
    assert.ok(uiBridge(), 'run.mjs --vsix answers UI requests');
    let last: unknown;
    const rows = await waitFor('the view to show the annotation', async () => {
      const r = await ui<RowState[]>('treeRows', { title: 'Annotations' }).catch((e: unknown) => String(e));
      last = r;
      return Array.isArray(r) && r.length > 0 && r[0].children[0]?.children.length > 0 ? r : undefined;
    }, 20_000).catch((e: unknown) => assert.fail(`${String(e)}; last rows: ${JSON.stringify(last)}`));
    assert.deepEqual(rows, [{
      label: 'toezegging', description: '1', children: [{
        label: SEED_000, description: '1', children: [{ label: 'Is het waar dat tijdens deze bijeenkomsten', description: 'uit de vsix', children: [] }],
      }],
    }]);
  });

  it('registers no test-only commands when installed (production mode)', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext?.isActive);
    const all = new Set(await vscode.commands.getCommands(true));
    assert.ok(all.has('kamerstukken.annotate'), 'the extension\'s commands are registered');
    assert.deepEqual(TEST_COMMANDS.filter((c) => all.has(c)), []);
  });
});
