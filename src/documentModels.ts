import * as vscode from 'vscode';
import type { ParsedDocument } from './core/model';
import { parseDocument } from './core/parser';

/**
 * The shared document model service: each open document is parsed once per version, however
 * many features ask for it.
 */
export class DocumentModels implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; model: ParsedDocument }>();
  private readonly reported = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidCloseTextDocument((doc) => this.cache.delete(doc.uri.toString()));
  }

  get(document: vscode.TextDocument): ParsedDocument {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit.model;
    const model = parseDocument(document.getText());
    this.cache.set(key, { version: document.version, model });
    if (model.error && !this.reported.has(key)) {
      this.reported.add(key);
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Kamerstukken could not read the structure of {0}: {1}. The text is unchanged; please report this document.', document.uri.path.split('/').pop() ?? '', model.error));
    }
    return model;
  }

  dispose(): void {
    this.subscription.dispose();
    this.cache.clear();
  }
}

/** The language id of parliamentary texts. */
export const LANGUAGE_ID = 'kamerstuk';
export const SELECTOR: vscode.DocumentSelector = { language: LANGUAGE_ID };
