import vscode = require('vscode');
import { targetAt } from '../core/targets';
import { toRange } from '../convert';
import { type DocumentModels, SELECTOR } from '../documentModels';
import type { CorpusLinks } from './corpus/links';
import { linkedDocuments } from './documentLinks';
import { titleOf } from './documentTitle';

/**
 * Go to Definition, Ctrl+click and Peek: from a cross-reference to the answer (or the question it
 * names), from a footnote marker to the footnote, from a reference to another document to that
 * document when it is in the workspace (the corpus index) or open.
 */
export function registerDefinition(models: DocumentModels, links?: CorpusLinks): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(SELECTOR, {
    provideDefinition(document, position, token) {
      const index = models.references(document);
      const target = targetAt(index, document.offsetAt(position));
      if (!target) return undefined;
      const origin = toRange(document, target.span);
      switch (target.kind) {
        case 'crossRef':
          return target.resolution.definitions.map((b): vscode.LocationLink => {
            const block = index.doc.blocks[b];
            const range = toRange(document, block.span);
            const selection = toRange(document, block.label.span);
            return { originSelectionRange: origin, targetUri: document.uri, targetRange: range, targetSelectionRange: range.contains(selection) ? selection : range };
          });
        case 'footnoteRef': {
          const range = toRange(document, target.footnote.span);
          return [{ originSelectionRange: origin, targetUri: document.uri, targetRange: range, targetSelectionRange: range }];
        }
        case 'docRef':
          return Promise.all(linkedDocuments(links, models, target.ref, document).map(async (d): Promise<vscode.LocationLink> => {
            const title = await titleOf(d.uri, models, token);
            const top = new vscode.Range(0, 0, 0, 0);
            return { originSelectionRange: origin, targetUri: d.uri, targetRange: title?.range ?? top, targetSelectionRange: title?.selection ?? top };
          }));
        default:
          return undefined;
      }
    },
  });
}

