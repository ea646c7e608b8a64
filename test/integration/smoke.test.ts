// Smoke test in a real VS Code: the seed workspace is open, the extension is present and activates,
// and a seed document opens in an editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, SEED_000, SEED_001, SEED_003 } from './helpers';

const SEEDS = [SEED_000, SEED_001, SEED_003];

function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder;
}

describe('smoke', () => {
  it('opens the workspace folder with the three seeds', async () => {
    const entries = await vscode.workspace.fs.readDirectory(workspaceFolder().uri);
    const names = entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
    for (const seed of SEEDS) assert.ok(names.includes(seed), `${seed} is in the workspace (found: ${names.join(', ')})`);
  });

  it('has the extension installed and activates it', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('opens a seed document in an editor', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, SEEDS[0]);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.ok(doc.lineCount > 1, 'the document has content');
    const editor = await vscode.window.showTextDocument(doc);
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });
});
