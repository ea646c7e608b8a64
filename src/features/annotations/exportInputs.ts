import vscode = require('vscode');
import { type ExportAnnotationInput, type ExportDocumentInput } from '../../core/annotations/export';
import { isVisible } from '../../core/coding/coders';
import { type AnnotationContext, contextsOf, type CorpusAnnotation } from '../../core/corpus/cache';
import type { CorpusService } from '../corpus';
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

/** A corpus annotation, with its context, as the export takes it (an orphan when its text could not be read). */
function indexedAnnotation(a: CorpusAnnotation, c: AnnotationContext, orphaned: boolean): ExportAnnotationInput {
  return {
    id: a.id, tags: a.tags, ...(a.note ? { note: a.note } : {}), created: c.created,
    start: a.start, end: a.end, orphaned, stored: { quote: a.quote, prefix: c.prefix, suffix: c.suffix },
  };
}

/**
 * Every document of the workspace with annotations, from the corpus index (brought in line with
 * the files first: a walk and a stat of each, reads only of what changed): open ones as the editor
 * has them, the others as indexed, with their texts read (many at once) for the passages' context.
 */
async function workspaceInputs(store: AnnotationStore, corpus: CorpusService): Promise<ExportInputs> {
  await corpus.ready;
  await corpus.refresh();
  const incomplete: string[] = [];
  const reads: Promise<ExportDocumentInput | undefined>[] = [];
  for (const d of corpus.documents()) {
    const state = d.live ? store.stateOf(d.uri) : undefined;
    if (state) {
      const open = vscode.workspace.textDocuments.find((x) => x.uri.toString() === state.uri.toString());
      const text = open?.getText();
      if (state.broken && state.sidecar) incomplete.push(nameOf(state.sidecar));
      if (text !== undefined && state.annotations.length > 0) reads.push(Promise.resolve(liveInput(state, text)));
      else if (text === undefined && state.annotations.length > 0) reads.push(readIfPossible(state.uri).then((t) => (t === undefined ? undefined : liveInput(state, t))));
      continue;
    }
    if (d.broken && d.sidecar) incomplete.push(nameOf(d.sidecar));
    if (d.annotations.length === 0) continue;
    const sidecar = d.sidecar;
    // A document that cannot be read keeps its annotations as orphans, quoted as last saved.
    reads.push(corpus.fs.readFile(d.uri).then((bytes) => new TextDecoder().decode(bytes), () => undefined).then((text) => {
      const contexts = contextsOf(d);
      return {
        uri: d.uri.toString(), ...(sidecar ? { annotationsUri: sidecar.toString() } : {}), name: nameOf(d.uri), text: text ?? '',
        annotations: d.annotations.map((a, i) => indexedAnnotation(a, contexts[i], text === undefined || a.orphaned)),
      };
    }));
  }
  const inputs = (await Promise.all(reads)).filter((i): i is ExportDocumentInput => i !== undefined);
  return { inputs, incomplete };
}

/**
 * The annotations of the document, or without one of the whole workspace; with `coders`, only
 * those of these coders (`''`: annotations without a coder).
 */
export async function exportInputs(store: AnnotationStore, corpus: CorpusService, document?: vscode.TextDocument, coders?: readonly string[]): Promise<ExportInputs> {
  const found = await (document ? documentInputs(store, document) : workspaceInputs(store, corpus));
  if (!coders) return found;
  // The coder of each annotation, by document and id: the editor's for open documents, else the index's.
  const coderOf = (uri: string, id: string): string | undefined => {
    const u = vscode.Uri.parse(uri);
    return (store.stateOf(u)?.find(id) ?? corpus.annotationsOf(u).find((a) => a.id === id))?.coder;
  };
  const inputs = found.inputs
    .map((d) => ({ ...d, annotations: d.annotations.filter((a) => isVisible({ coder: coderOf(d.uri, a.id) }, { coders })) }))
    .filter((d) => d.annotations.length > 0);
  return { ...found, inputs };
}
