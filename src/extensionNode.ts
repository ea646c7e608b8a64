/**
 * The extension's entry in a Node extension host (desktop, remote, code-server: `main` in
 * package.json). The same extension as the web one (extension.ts), given what only Node offers.
 */
import { readFile } from 'node:fs/promises';
import type * as vscode from 'vscode';
import { activateWith } from './extension';

/**
 * The extension's own storage read with Node's file system where it is a local file. It is read
 * only at a start (the corpus cache), when `workspace.fs` is slowest: every call first waits for a
 * round trip to the workbench, which answers late while it starts. Workspace files still go
 * through `workspace.fs`.
 */
function readStorage(uri: vscode.Uri): Promise<Uint8Array> | undefined {
  return uri.scheme === 'file' ? readFile(uri.fsPath) : undefined;
}

export function activate(context: vscode.ExtensionContext): void {
  activateWith(context, { storage: readStorage });
}

export { deactivate } from './extension';
