import type * as vscode from 'vscode';
import type { ParsedDocument } from '../core/model';
import { buildReferenceIndex, type ReferenceIndex } from '../core/referenceIndex';
import { targetAt, type Target } from '../core/targets';
import type { DocumentModels } from '../documentModels';

const cache = new WeakMap<ParsedDocument, ReferenceIndex>();

/** The reference index of a document, built once per parsed model (the models are cached per version). */
export function referenceIndex(models: DocumentModels, document: vscode.TextDocument): ReferenceIndex {
  const model = models.get(document);
  let index = cache.get(model);
  if (!index) {
    index = buildReferenceIndex(model);
    cache.set(model, index);
  }
  return index;
}

/** The reference, footnote or label under the cursor. */
export function targetAtPosition(index: ReferenceIndex, document: vscode.TextDocument, position: vscode.Position): Target | undefined {
  return targetAt(index, document.offsetAt(position));
}
