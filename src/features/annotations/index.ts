import vscode = require('vscode');
import type { DocumentModels } from '../../documentModels';
import { CodebookService } from '../coding/codebookService';
import { CoderVisibility, ensureCoder } from '../coding/coder';
import { registerCodingCommands } from '../coding';
import { registerAnnotationCommands } from './commands';
import { registerDecorations } from './decorations';
import { registerExport } from './export';
import { registerAnnotationHover } from './hover';
import { type CorpusService, registerCorpus, type StorageReader } from '../corpus';
import { AnnotationStore } from './store';
import { AnnotationsView, registerAnnotationsView } from './view';

/**
 * Annotations: tagged passages with notes, kept in a YAML sidecar beside each document, coded
 * against the workspace's codebook. With `testCommands` (the extension runs in test mode), also
 * the commands only the tests use.
 */
export function registerAnnotations(
  models: DocumentModels, context: vscode.ExtensionContext, { testCommands = false, storage }: { testCommands?: boolean; storage?: StorageReader } = {},
): vscode.Disposable & {
  readonly store: AnnotationStore; readonly corpus: CorpusService; readonly visibility: CoderVisibility;
} {
  const store = new AnnotationStore();
  // The corpus index: every document of the workspace with its annotations (the view, the tag list and the export read it).
  const index = registerCorpus(context, store, { testCommands, storage });
  const { corpus } = index;
  const codebook = new CodebookService();
  const visibility = new CoderVisibility();
  const view = new AnnotationsView({ corpus, codebook, visibility, store });
  const coder = (interactive: boolean): Promise<string | undefined> => ensureCoder(context.globalState, interactive);
  return Object.assign(vscode.Disposable.from(
    registerAnnotationCommands({ store, codebook, coder, usedTags: () => view.usedTags(), visible: (a) => visibility.visible(a) }, { testCommands }),
    registerCodingCommands({ store, corpus, codebook, visibility, memento: context.globalState }),
    registerDecorations(store, codebook, visibility, { testCommands }),
    registerAnnotationHover(store, codebook, visibility),
    registerAnnotationsView(view, { corpus, codebook, visibility, store }, { testCommands }),
    registerExport({ store, models, corpus, codebook }),
    view,
    index,
    codebook,
    visibility,
    store,
  ), { store, corpus, visibility });
}
