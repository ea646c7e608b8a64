// Shared by the integration suites: the workspace (a fresh copy of seeds/), opening documents as
// Kamerstuk, waiting for the extension host, reading and writing files through workspace.fs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kamerstukken.kamerstukken';
export const SEED_000 = '000_29150c82fa965ab7.txt';
export const SEED_001 = '001_0bf512367aa70077.txt';
export const SEED_003 = '003_87a2a259f4376b92.txt';

export function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

export async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** The open document with this URI now (a language change replaces the document). */
export function documentFor(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Polls `fn` until it returns something other than undefined or false. */
export async function waitFor<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const value = await fn();
    if (value !== undefined && value !== false) return value;
    await sleep(50);
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** Opens a document in an editor and waits until it has language Kamerstuk. */
export async function openKamerstuk(target: string | vscode.Uri): Promise<vscode.TextDocument> {
  const uri = typeof target === 'string' ? vscode.Uri.joinPath(folder(), target) : target;
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return waitFor(`${uri.path} with language kamerstuk (now ${documentFor(uri)?.languageId})`,
    () => { const d = documentFor(uri); return d?.languageId === 'kamerstuk' ? d : undefined; });
}

export const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** Writes a file in the workspace folder (a name) or anywhere (a URI). */
export async function writeText(target: string | vscode.Uri, content: string): Promise<vscode.Uri> {
  const uri = typeof target === 'string' ? vscode.Uri.joinPath(folder(), target) : target;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

/** A file's text, or undefined when it does not exist. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** A file of test/fixtures/, read from the extension's folder. */
export async function fixture(name: string): Promise<string> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  return decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'test', 'fixtures', name)));
}

/**
 * Creates `target` and the folders above it one level at a time, each only after VS Code's file
 * watcher reported the one above. The Linux watcher (parcel, inotify) starts watching a new folder
 * when it sees it appear; folders made at once (`mkdir -p`, as `workspace.fs.writeFile` does) can
 * appear before that, and files written into them later are never reported
 * (parcel-bundler/watcher#97, #243). Tests of our watcher need folders VS Code itself watches.
 */
export async function createWatchedFolder(target: vscode.Uri, timeout = 30_000): Promise<void> {
  const root = folder();
  const rest = target.path.slice(root.path.length).split('/').filter(Boolean);
  // A glob (not a RelativePattern): the workspace's own recursive watcher, the one that can miss.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, true);
  try {
    let at = root;
    for (const name of rest) {
      const next = vscode.Uri.joinPath(at, name);
      if (!(await vscode.workspace.fs.stat(next).then(() => true, () => false))) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const seen = new Promise<void>((resolve, reject) => {
          watcher.onDidCreate((u) => { if (u.toString() === next.toString()) resolve(); });
          timer = setTimeout(() => reject(new Error(`VS Code's watcher did not report the new folder ${next.toString()} within ${timeout} ms`)), timeout);
        });
        await vscode.workspace.fs.createDirectory(next);
        await seen.finally(() => clearTimeout(timer));
      }
      at = next;
    }
  } finally {
    watcher.dispose();
  }
}

/**
 * Waits until the corpus index has been quiet for 2.5 s (no change, no read; a second was once too short), then leaves its
 * counters reset: files and folders written by an earlier step or suite may reach the watcher late
 * on a loaded machine, and would count in (or change the data of) the next step.
 */
export async function corpusQuiet(): Promise<void> {
  type Counts = { changes: unknown[]; io: { readDirectory: number; readFile: number } };
  const reset = async (): Promise<unknown> => vscode.commands.executeCommand('kamerstukken.corpusControl', 'resetCounts');
  const until = Date.now() + 20_000;
  let since = Date.now();
  await reset();
  while (Date.now() - since < 2500 && Date.now() < until) {
    await sleep(100);
    const s = await vscode.commands.executeCommand<Counts>('kamerstukken.corpusState');
    if (s.changes.length > 0 || s.io.readDirectory > 0 || s.io.readFile > 0) {
      await reset();
      since = Date.now();
    }
  }
}
