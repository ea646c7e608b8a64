import type * as vscode from 'vscode';
import type { ReferenceIndex } from '../core/referenceIndex';
import type { DocumentModels } from '../documentModels';

/**
 * The reference index of a document: `models.references(document)`. Kept only for the status bar,
 * which calls it; once it calls `models.references` itself, this file goes.
 */
export function referenceIndex(models: DocumentModels, document: vscode.TextDocument): ReferenceIndex {
  return models.references(document);
}
