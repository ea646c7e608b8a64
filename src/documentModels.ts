import vscode = require('vscode');
import type { ParsedDocument } from './core/model';
import { parseDocument } from './core/parser';
import { buildReferenceIndex, type ReferenceIndex } from './core/referenceIndex';

interface Entry {
  readonly version: number;
  readonly model: ParsedDocument;
  /** Built on first need, once per parsed version. */
  references?: ReferenceIndex;
}

/**
 * The shared document model service: each open document is parsed once per version, however
 * many features ask for it; its reference index is built once per parse.
 */
export class DocumentModels implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly reported = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidCloseTextDocument((doc) => this.cache.delete(doc.uri.toString()));
  }

  get(document: vscode.TextDocument): ParsedDocument {
    return this.entry(document).model;
  }

  /** The reference index of the document's current version. */
  references(document: vscode.TextDocument): ReferenceIndex {
    const entry = this.entry(document);
    entry.references ??= buildReferenceIndex(entry.model);
    return entry.references;
  }

  private entry(document: vscode.TextDocument): Entry {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit;
    const entry: Entry = { version: document.version, model: parseDocument(document.getText()) };
    this.cache.set(key, entry);
    const error = entry.model.error;
    if (error && !this.reported.has(key)) {
      this.reported.add(key);
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Kamerstukken could not read the structure of {0}: {1}. The text is unchanged; please report this document.', document.uri.path.split('/').pop() ?? '', error));
    }
    return entry;
  }

  dispose(): void {
    this.subscription.dispose();
    this.cache.clear();
  }
}

/** The language id of parliamentary texts. */
export const LANGUAGE_ID = 'kamerstuk';
export const SELECTOR: vscode.DocumentSelector = { language: LANGUAGE_ID };
