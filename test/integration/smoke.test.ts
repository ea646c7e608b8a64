// Smoke test in a real VS Code: the seed workspace is open, the extension is present and activates,
// and a seed document opens in an editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, SEED_000, SEED_001, SEED_003 } from './helpers';
import { ui, uiBridge } from './ui';

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

describe('the UI bridge reaches into webviews', function () {
  before(function () {
    if (!uiBridge()) this.skip();
  });

  it('reads, clicks, types and presses keys in a webview', async () => {
    const panel = vscode.window.createWebviewPanel('kamerstukken.bridgeProbe', 'Bridge probe', vscode.ViewColumn.Active, { enableScripts: true });
    const clicks: string[] = [];
    const sub = panel.webview.onDidReceiveMessage((m: { clicked: string }) => clicks.push(m.clicked));
    panel.webview.html = `<!DOCTYPE html><html><body>
      <main id="bridge-probe"><input id="q"><button id="b">Klik</button><ul><li tabindex="0" id="r1">een</li><li tabindex="0" id="r2">twee</li></ul></main>
      <script>
        const vscode = acquireVsCodeApi();
        document.getElementById('b').addEventListener('click', () => vscode.postMessage({ clicked: document.getElementById('q').value }));
        document.addEventListener('keydown', (e) => {
          if (e.key === 'ArrowDown') document.getElementById('r2').focus();
          if (e.key === 'Enter') vscode.postMessage({ clicked: 'enter:' + document.activeElement.id });
        });
      </script></body></html>`;
    try {
      const marker = '#bridge-probe';
      assert.deepEqual(await ui<string[]>('webviewEvaluate', { marker, script: "[...document.querySelectorAll('li')].map((li) => li.textContent)" }), ['een', 'twee']);
      await ui('webviewFill', { marker, selector: '#q', text: 'wolf' });
      await ui('webviewClick', { marker, selector: '#b' });
      await ui('webviewPress', { marker, selector: '#r1', keys: ['ArrowDown', 'Enter'] });
      const end = Date.now() + 10_000;
      while (clicks.length < 2 && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(clicks, ['wolf', 'enter:r2']);
    } finally {
      sub.dispose();
      panel.dispose();
    }
  });
});
