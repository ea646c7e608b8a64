import vscode = require('vscode');
import { DocumentModels } from './documentModels';
import { registerFolding } from './features/folding';
import { registerLanguageDetection } from './features/languageDetection';
import { registerOutline } from './features/outline';
import { registerAnnotations } from './features/annotations';
import { registerHover } from './features/hover';
import { registerDefinition } from './features/definition';
import { registerReferences } from './features/references';
import { registerDocumentLinks } from './features/documentLinks';
import { registerDiagnostics } from './features/diagnostics';
import { registerStatusBar } from './features/statusBar';
import { registerWorkspaceContext } from './features/context';
import { registerAgreement } from './features/agreement';
import { registerRefiImport } from './features/refiQda';
import { CorpusLinks } from './features/corpus/links';
import type { StorageReader } from './features/corpus';
import { registerWorkspaceSymbols } from './features/workspaceSymbols';
import { registerCorpusView } from './features/corpusView';
import { registerCodeMatrix } from './features/codeMatrix';

/** What the extension host offers beyond the VS Code API: the Node host more than the web worker's. */
export interface HostCapabilities {
  /** Reads of the extension's own storage without `workspace.fs` (see extensionNode.ts). */
  readonly storage?: StorageReader;
}

/** The web extension's entry (`browser` in package.json); the Node host's is extensionNode.ts. */
export function activate(context: vscode.ExtensionContext): void {
  activateWith(context, {});
}

export function activateWith(context: vscode.ExtensionContext, host: HostCapabilities): void {
  // Commands only the tests use are registered when the extension runs in a test (not when installed).
  const testCommands = context.extensionMode === vscode.ExtensionMode.Test;
  const models = new DocumentModels();
  const annotations = registerAnnotations(models, context, { testCommands, storage: host.storage });
  // Links between the documents of the workspace, from the corpus index.
  const links = new CorpusLinks(annotations.corpus);
  context.subscriptions.push(
    models,
    registerWorkspaceContext(annotations.corpus),
    registerLanguageDetection(),
    registerOutline(models),
    registerFolding(models),
    annotations,
    links,
    registerHover(models, links),
    registerDefinition(models, links),
    registerReferences(models, links),
    registerDocumentLinks(models, links),
    registerWorkspaceSymbols(links),
    registerDiagnostics(models),
    registerStatusBar(models, annotations.store, { testCommands, visibility: annotations.visibility }),
    registerCorpusView(context, annotations.corpus, { testCommands }),
    registerAgreement({ corpus: annotations.corpus, models, ready: (d) => annotations.store.ready(d) }, { testCommands }),
    registerRefiImport(annotations.corpus),
    registerCodeMatrix(annotations.corpus, { testCommands, visibility: annotations.visibility }),
  );
}

export function deactivate(): void {
  // Everything is disposed through the context's subscriptions.
}
