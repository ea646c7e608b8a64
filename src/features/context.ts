import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../documentModels';
import { findSidecars } from './annotations/scan';

/**
 * Context key, true once this window has had a Kamerstuk open or its workspace holds annotation files
 * (`*.annotations.yaml`). The Annotations view shows only then (its `when` in package.json): a view
 * visible from the start would activate the extension at startup in every window (`onView`), also in
 * workspaces that have nothing to do with parliamentary texts. Once set it stays set for the window,
 * so the view does not disappear when the last Kamerstuk is closed.
 */
export const RELEVANT_CONTEXT = 'kamerstukken.inUse';

/** Sets {@link RELEVANT_CONTEXT} when a Kamerstuk is open or opens, or a sidecar is found in the workspace. */
export function registerWorkspaceContext(): vscode.Disposable {
  const search = new vscode.CancellationTokenSource();
  const listeners: vscode.Disposable[] = [];
  let relevant = false;
  const markRelevant = (): void => {
    if (relevant) return;
    relevant = true;
    search.cancel();
    for (const l of listeners.splice(0)) l.dispose();
    void vscode.commands.executeCommand('setContext', RELEVANT_CONTEXT, true);
  };
  const check = (doc: vscode.TextDocument): void => {
    if (doc.languageId === LANGUAGE_ID) markRelevant();
  };
  // Sidecars of documents that are not open: one is enough, and the walk stops once a Kamerstuk opens.
  const lookForSidecars = (): void => {
    if (relevant) return;
    findSidecars({ limit: 1, token: search.token }).then(
      (found) => { if (found.length > 0) markRelevant(); },
      () => { /* an unreadable folder: the view waits for a Kamerstuk to open */ },
    );
  };
  // A language change (the detection turning a .txt into a Kamerstuk) reopens the document.
  listeners.push(
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeWorkspaceFolders((e) => { if (e.added.length > 0) lookForSidecars(); }),
  );
  vscode.workspace.textDocuments.forEach(check);
  lookForSidecars();
  return {
    dispose: () => {
      search.cancel();
      search.dispose();
      for (const l of listeners.splice(0)) l.dispose();
    },
  };
}
