import * as vscode from 'vscode';
import { titlePlace, type LinePlace } from '../core/corpus/titlePlace';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../core/corpus/workspaceFiles';
import type { ParsedDocument } from '../core/model';
import { parseDocument } from '../core/parser';
import { targetAt } from '../core/targets';
import { toRange } from '../convert';
import { type DocumentModels, SELECTOR } from '../documentModels';
import type { CorpusLinks } from './corpus/links';
import { linkedDocuments } from './documentLinks';

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

function toVsRange(place: LinePlace): vscode.Range {
  return new vscode.Range(place.start[0], place.start[1], place.end[0], place.end[1]);
}

/**
 * Where a document opens from a reference to it: its title, as the editor has the document when it
 * is open, else as the file reads (a copied web page has lines of navigation above its title).
 * Undefined (the document opens at its top) when it has no title, or cannot or need not be read.
 */
async function titleOf(uri: vscode.Uri, models: DocumentModels, token: vscode.CancellationToken): Promise<{ range: vscode.Range; selection: vscode.Range } | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  let text: string;
  let doc: ParsedDocument;
  if (open) {
    text = open.getText();
    doc = models.get(open);
  } else {
    try {
      if ((await vscode.workspace.fs.stat(uri)).size > DEFAULT_MAX_FILE_SIZE_MB * 1024 * 1024) return undefined;
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
    if (token.isCancellationRequested) return undefined;
    doc = parseDocument(text);
  }
  const place = titlePlace(doc, text);
  return place && { range: toVsRange(place.range), selection: toVsRange(place.selection) };
}
