import * as vscode from 'vscode';
import { type ExportDocumentInput, placeEntries } from '../../core/annotations/export';
import { parseSidecar } from '../../core/annotations/sidecar';
import { documentOfSidecar, findSidecars } from './scan';
import { baseName, readText } from './sidecarFiles';
import type { AnnotatedDocument, AnnotationStore } from './store';

/** The name of a document in an export and in messages: workspace-relative (an untitled one: its name). */
function nameOf(uri: vscode.Uri): string {
  return uri.scheme === 'untitled' ? baseName(uri) : vscode.workspace.asRelativePath(uri, false);
}

/** An open document's annotations as the editor has them now (unsaved edits included). */
function liveInput(state: AnnotatedDocument, text: string): ExportDocumentInput {
  return {
    uri: state.uri.toString(),
    ...(state.sidecar ? { annotationsUri: state.sidecar.toString() } : {}),
    name: nameOf(state.uri),
    text,
    annotations: state.annotations.map((a) => ({
      id: a.id, tags: a.tags, ...(a.note ? { note: a.note } : {}), created: a.created,
      start: a.start, end: a.end, orphaned: a.orphaned,
      ...(a.stored ? { stored: { quote: a.stored.quote, prefix: a.stored.prefix, suffix: a.stored.suffix } } : {}),
    })),
  };
}

/** A file's text, or undefined when it does not exist or cannot be read. */
async function readIfPossible(uri: vscode.Uri): Promise<string | undefined> {
  return readText(uri).catch(() => undefined);
}

async function documentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : readIfPossible(uri);
}

/** What to export. */
export interface ExportInputs {
  readonly inputs: ExportDocumentInput[];
  /** Annotation files that could not be read or have errors: what they hold is missing or only partly exported. */
  readonly incomplete: string[];
}

/** The open document's annotations. */
async function documentInputs(store: AnnotationStore, document: vscode.TextDocument): Promise<ExportInputs> {
  const state = await store.ready(document);
  return {
    inputs: state.annotations.length > 0 ? [liveInput(state, document.getText())] : [],
    incomplete: state.broken && state.sidecar ? [nameOf(state.sidecar)] : [],
  };
}

/** Every document of the workspace with annotations: open ones from the store, the others from their sidecars. */
async function workspaceInputs(store: AnnotationStore): Promise<ExportInputs> {
  const inputs: ExportDocumentInput[] = [];
  const incomplete: string[] = [];
  const seen = new Set<string>();
  for (const state of store.allStates()) {
    const text = await documentText(state.uri);
    if (text === undefined) continue;
    seen.add(state.uri.toString());
    if (state.broken && state.sidecar) incomplete.push(nameOf(state.sidecar));
    if (state.annotations.length > 0) inputs.push(liveInput(state, text));
  }
  for (const sidecar of await findSidecars()) {
    const uri = documentOfSidecar(sidecar);
    if (seen.has(uri.toString())) continue;
    const yaml = await readIfPossible(sidecar);
    if (yaml === undefined) {
      incomplete.push(nameOf(sidecar));
      continue;
    }
    const parsed = parseSidecar(yaml);
    if (parsed.problems.length > 0) incomplete.push(nameOf(sidecar));
    if (parsed.annotations.length === 0) continue;
    // A document that cannot be read keeps its annotations as orphans, quoted as last saved.
    const text = (await readIfPossible(uri)) ?? '';
    inputs.push({ uri: uri.toString(), annotationsUri: sidecar.toString(), name: nameOf(uri), text, annotations: placeEntries(text, parsed.annotations, parsed.version) });
  }
  return { inputs, incomplete };
}

/** The annotations of the document, or without one of the whole workspace. */
export function exportInputs(store: AnnotationStore, document?: vscode.TextDocument): Promise<ExportInputs> {
  return document ? documentInputs(store, document) : workspaceInputs(store);
}
