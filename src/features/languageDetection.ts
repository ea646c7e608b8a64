import * as vscode from 'vscode';
import { isParliamentaryText } from '../core/classify';
import { LANGUAGE_ID } from '../documentModels';

/** Documents larger than this are not inspected (VS Code itself limits extension access to ~50 MB). */
const MAX_LENGTH = 20 * 1024 * 1024;
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

function associatedElsewhere(document: vscode.TextDocument): boolean {
  const associations = vscode.workspace.getConfiguration('files', document).get<Record<string, string>>('associations') ?? {};
  for (const [pattern, language] of Object.entries(associations)) {
    if (language === LANGUAGE_ID) continue;
    // As in VS Code: a pattern without a slash matches the file name anywhere.
    const glob = pattern.includes('/') ? pattern : `**/${pattern}`;
    if (vscode.languages.match({ pattern: glob }, document) > 0) return true;
  }
  return false;
}

/**
 * Recognises parliamentary texts among plain-text `.txt` documents by their content and switches
 * them to the Kamerstuk language. Respects `kamerstukken.detectLanguage`, `files.associations`,
 * and a user who switches a document back to plain text.
 */
export function registerLanguageDetection(): vscode.Disposable {
  const switched = new Set<string>();

  const inspect = async (document: vscode.TextDocument): Promise<void> => {
    if (document.languageId !== 'plaintext' || !SCHEMES.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    if (switched.has(key)) return; // switched before, and the user chose plain text again
    if (document.uri.scheme !== 'untitled' && !/\.txt$/iu.test(document.uri.path)) return;
    if (!vscode.workspace.getConfiguration('kamerstukken', document).get<boolean>('detectLanguage', true)) return;
    if (associatedElsewhere(document)) return;
    const text = document.getText();
    if (text.length > MAX_LENGTH || !isParliamentaryText(text)) return;
    switched.add(key);
    await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  };
  const run = (document: vscode.TextDocument): void => {
    inspect(document).catch((error: unknown) => console.error('[kamerstukken] language detection failed', error));
  };

  vscode.workspace.textDocuments.forEach(run);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(run),
    vscode.workspace.onDidCloseTextDocument((closed) => {
      // A language change closes and reopens a document at once; a document that stays closed is
      // forgotten, so that opening it again detects it again.
      const key = closed.uri.toString();
      setTimeout(() => {
        if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) switched.delete(key);
      }, 2000);
    }),
  );
}
