import vscode = require('vscode');
import { LANGUAGE_ID } from '../documentModels';
import type { CorpusService } from './corpus';

/**
 * Context key, true once this window has had a Kamerstuk open or its workspace holds annotation files
 * (`*.annotations.yaml`). The Annotations view shows only then (its `when` in package.json): a view
 * visible from the start would activate the extension at startup in every window (`onView`), also in
 * workspaces that have nothing to do with parliamentary texts. Once set it stays set for the window,
 * so the view does not disappear when the last Kamerstuk is closed.
 */
const RELEVANT_CONTEXT = 'kamerstukken.inUse';

/** Sets {@link RELEVANT_CONTEXT} when a Kamerstuk is open or opens, or the corpus index finds a sidecar. */
export function registerWorkspaceContext(corpus: CorpusService): vscode.Disposable {
  const listeners: vscode.Disposable[] = [];
  let relevant = false;
  const markRelevant = (): void => {
    if (relevant) return;
    relevant = true;
    for (const l of listeners.splice(0)) l.dispose();
    void vscode.commands.executeCommand('setContext', RELEVANT_CONTEXT, true);
  };
  const check = (doc: vscode.TextDocument): void => {
    if (doc.languageId === LANGUAGE_ID) markRelevant();
  };
  // Sidecars of documents that are not open: the index finds them (a language change, the detection
  // turning a .txt into a Kamerstuk, reopens the document).
  const lookForSidecars = (): void => {
    if (corpus.documents().some((d) => d.sidecar !== undefined)) markRelevant();
  };
  listeners.push(vscode.workspace.onDidOpenTextDocument(check), corpus.onDidChange(lookForSidecars));
  vscode.workspace.textDocuments.forEach(check);
  lookForSidecars();
  return { dispose: () => { for (const l of listeners.splice(0)) l.dispose(); } };
}
