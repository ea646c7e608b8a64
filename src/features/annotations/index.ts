import * as vscode from 'vscode';
import type { DocumentModels } from '../../documentModels';
import { registerAnnotationCommands } from './commands';
import { registerDecorations } from './decorations';
import { registerExport } from './export';
import { registerAnnotationHover } from './hover';
import { type CorpusService, registerCorpus } from '../corpus';
import { AnnotationStore } from './store';
import { AnnotationsView, registerAnnotationsView } from './view';

/**
 * Annotations: tagged passages with notes, kept in a YAML sidecar beside each document. With
 * `testCommands` (the extension runs in test mode), also the commands only the tests use.
 */
export function registerAnnotations(models: DocumentModels, context: vscode.ExtensionContext, { testCommands = false } = {}): vscode.Disposable & { readonly store: AnnotationStore; readonly corpus: CorpusService } {
  const store = new AnnotationStore();
  // The corpus index: every document of the workspace with its annotations (the view, the tag list and the export read it).
  const index = registerCorpus(context, store, { testCommands });
  const { corpus } = index;
  const view = new AnnotationsView(corpus);
  return Object.assign(vscode.Disposable.from(
    registerAnnotationCommands({ store, usedTags: () => view.usedTags() }),
    registerDecorations(store),
    registerAnnotationHover(store),
    registerAnnotationsView(view, corpus, { testCommands }),
    registerExport({ store, models, corpus }),
    view,
    index,
    store,
  ), { store, corpus });
}
