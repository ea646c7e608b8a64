// The packaged extension, installed from the .vsix (`node test/integration/run.mjs --vsix`): code-server
// runs without the repository as development extension (a generated empty runner extension carries the
// tests), so what runs here is exactly what the package holds. Measures activation and writes the figures
// to KAMERSTUKKEN_MEASURE_FILE for the runner to print.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, SEED_000, documentFor, folder, readText, waitFor } from '../helpers';

const measures: Record<string, number | string | boolean> = {};

/**
 * When the extension host marked `code/extHost/<name>/<extension id>`, in ms: VS Code's performance
 * marks (kept in MonacoPerformanceMarks in the Node extension host, as native marks in a web worker).
 */
function mark(name: string): number | undefined {
  const full = `code/extHost/${name}/${EXTENSION_ID}`;
  const shared = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks;
  return shared?.getMarks().find((m) => m.name === full)?.startTime ?? performance.getEntriesByName(full)[0]?.startTime;
}

/** Loading the extension's code and running its activate(), from VS Code's marks. */
function activationFigures(into: Record<string, number | string | boolean>): void {
  const span = (from: string, to: string) => {
    const a = mark(from);
    const b = mark(to);
    return a !== undefined && b !== undefined ? +(b - a).toFixed(1) : undefined;
  };
  const load = span('willLoadExtensionCode', 'didLoadExtensionCode');
  const activate = span('willActivateExtension', 'didActivateExtension');
  if (load !== undefined) into.loadCodeMs = load;
  if (activate !== undefined) into.activateMs = activate;
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

  it('activates when a parliamentary text opens, and gives its outline', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    // The Annotations view in the Explorer (onView) usually activates it at startup already.
    const activeBefore = ext.isActive;
    measures.activeBeforeOpening = activeBefore;
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

    if (!activeBefore) measures.openToActiveMs = +(active - t0).toFixed(1);
    activationFigures(measures);
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
});
