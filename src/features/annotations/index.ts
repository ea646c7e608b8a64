import * as vscode from 'vscode';
import type { DocumentModels } from '../../documentModels';
import { registerAnnotationCommands } from './commands';
import { registerDecorations } from './decorations';
import { registerExport } from './export';
import { registerAnnotationHover } from './hover';
import { AnnotationStore } from './store';
import { AnnotationsView, registerAnnotationsView } from './view';

/**
 * Annotations: tagged passages with notes, kept in a YAML sidecar beside each document. With
 * `testCommands` (the extension runs in test mode), also the commands only the tests use.
 */
export function registerAnnotations(models: DocumentModels, { testCommands = false } = {}): vscode.Disposable & { readonly store: AnnotationStore } {
  const store = new AnnotationStore();
  const view = new AnnotationsView(store);
  return Object.assign(vscode.Disposable.from(
    registerAnnotationCommands({ store, usedTags: () => view.usedTags() }),
    registerDecorations(store),
    registerAnnotationHover(store),
    registerAnnotationsView(view, { testCommands }),
    registerExport({ store, models }),
    view,
    store,
  ), { store });
}
