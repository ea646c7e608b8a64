import vscode = require('vscode');
import { isParliamentaryText } from '../core/classify';
import { DebouncedByKey } from '../debounce';
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
  // A language change reaches extensions as a close and an open of the same document in one
  // go. A document that turns plain text that way was switched by the user (or another
  // extension): it stays plain text for this session.
  const changing = new Set<string>();
  const userChosen = new Map<string, number>();
  // Changing files.associations makes VS Code re-evaluate every document's language, which looks
  // like the same close and open: those are not the user's choice.
  const REEVALUATION_WINDOW = 1000;
  let reevaluatedAt = -Infinity;

  const inspect = async (document: vscode.TextDocument): Promise<void> => {
    const key = document.uri.toString();
    if (document.languageId !== 'plaintext' || !SCHEMES.has(document.uri.scheme)) return;
    if (changing.has(key) && Date.now() - reevaluatedAt > REEVALUATION_WINDOW) userChosen.set(key, Date.now());
    if (userChosen.has(key)) return;
    if (document.uri.scheme !== 'untitled' && !/\.txt$/iu.test(document.uri.path)) return;
    if (!vscode.workspace.getConfiguration('kamerstukken', document).get<boolean>('detectLanguage', true)) return;
    if (associatedElsewhere(document)) return;
    const text = document.getText();
    if (text.length > MAX_LENGTH || !isParliamentaryText(text)) return;
    await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  };
  const run = (document: vscode.TextDocument): void => {
    inspect(document).catch((error: unknown) => {
      // A document closed while it was inspected (saved through the API, VS Code opens the file in
      // no editor and closes it again at once) cannot change language: nothing went wrong.
      if (!document.isClosed) console.error('[kamerstukken] language detection failed', error);
    });
  };

  // A new untitled editor opens empty and gets its text later (the user pastes a document in):
  // while it stays plain text it is inspected again each time its text settles. Not so a file that
  // opens empty: the file an untitled document is saved as opens empty and is then filled by VS
  // Code, and switching its language in the middle of that makes VS Code drop its editor.
  const SETTLE_MS = 300;
  const watched = new Set<string>();
  const settle = new DebouncedByKey<string>(SETTLE_MS);
  const open = (document: vscode.TextDocument): void => {
    run(document);
    if (document.uri.scheme === 'untitled' && document.getText().length === 0 && document.languageId === 'plaintext') {
      watched.add(document.uri.toString());
    }
  };
  const unwatch = (key: string): void => {
    settle.cancel(key);
    watched.delete(key);
  };

  vscode.workspace.textDocuments.forEach(open);
  return vscode.Disposable.from(
    { dispose: () => { settle.dispose(); watched.clear(); } },
    vscode.workspace.onDidChangeTextDocument((e) => {
      const key = e.document.uri.toString();
      if (!watched.has(key) || e.contentChanges.length === 0) return;
      settle.schedule(key, () => {
        if (e.document.isClosed || e.document.languageId !== 'plaintext') unwatch(key);
        else run(e.document);
      });
    }),
    vscode.workspace.onDidCloseTextDocument((closed) => {
      unwatch(closed.uri.toString());
      if (closed.languageId !== LANGUAGE_ID) return;
      const key = closed.uri.toString();
      changing.add(key);
      setTimeout(() => changing.delete(key), 0);
    }),
    vscode.workspace.onDidOpenTextDocument(open),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('files.associations') && !e.affectsConfiguration('kamerstukken.detectLanguage')) return;
      reevaluatedAt = Date.now();
      for (const [key, at] of userChosen) if (reevaluatedAt - at < REEVALUATION_WINDOW) userChosen.delete(key);
      // Settings changed: decide again for every open document (turning detection on applies at once).
      vscode.workspace.textDocuments.forEach(run);
    }),
  );
}
