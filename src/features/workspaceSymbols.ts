import vscode = require('vscode');
import { matchSymbols, symbolName } from '../core/corpus/symbols';
import type { CorpusLinks } from './corpus/links';

/**
 * At most this many symbols per query. The Ctrl+T box asks for the first word only ("vraag" of
 * "vraag 3 wolf") and filters the answer by the rest itself, so a word that matches every question
 * must return them all (4,000 at 1,000 documents).
 */
const LIMIT = 5000;

/**
 * Go to Symbol in Workspace (Ctrl+T): every question and answer of the corpus, found by its label,
 * the words of its question, its document's title and askers, and its dates ("Vraag 3 wolf",
 * "ontvangen 2024"). Matches the entries the corpus index keeps: nothing is read or parsed per query.
 */
export function registerWorkspaceSymbols(links: CorpusLinks): vscode.Disposable {
  return vscode.languages.registerWorkspaceSymbolProvider({
    async provideWorkspaceSymbols(query, token) {
      if (query.trim().length === 0) return [];
      const entries = await links.symbols(token);
      return matchSymbols(query, entries, LIMIT).map(({ entry }) => {
        const at = new vscode.Position(entry.line, entry.character);
        return new vscode.SymbolInformation(
          symbolName(entry, query),
          entry.kind === 'question' ? vscode.SymbolKind.Key : vscode.SymbolKind.String,
          entry.container ?? '',
          new vscode.Location(links.uriOf(entry.path), new vscode.Range(at, at)),
        );
      });
    },
  });
}
