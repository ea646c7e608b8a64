import * as vscode from 'vscode';
import type { DocumentModels } from '../../documentModels';
import { registerAnnotationCommands } from './commands';
import { registerDecorations } from './decorations';
import { registerExport } from './export';
import { registerAnnotationHover } from './hover';
import { AnnotationStore } from './store';
import { AnnotationsView, registerAnnotationsView } from './view';

/** Annotations: tagged passages with notes, kept in a YAML sidecar beside each document. */
export function registerAnnotations(models: DocumentModels): vscode.Disposable & { readonly store: AnnotationStore } {
  const store = new AnnotationStore();
  const view = new AnnotationsView(store);
  return Object.assign(vscode.Disposable.from(
    registerAnnotationCommands(store, view),
    registerDecorations(store),
    registerAnnotationHover(store),
    registerAnnotationsView(view),
    registerExport(store, models),
    view,
    store,
  ), { store });
}
