import vscode = require('vscode');
import type { TextChange } from '../../core/annotations/model';
import { AnnotationSession, type ReadonlyAnnotation, type Span } from '../../core/annotations/session';
import { SIDECAR_SUFFIX, type SidecarProblem } from '../../core/annotations/sidecar';
import { LANGUAGE_ID } from '../../documentModels';
import { type Emptied, SaveAsFollower } from './saveAsFollower';
import { applyWritePlan, baseName, readSidecar, readText, sidecarUri } from './sidecarFiles';
import { SidecarProblemReporter } from './sidecarProblems';

/** Languages whose documents can be annotated: Kamerstuk, and plain text a user chose to keep plain. */
const ANNOTATABLE_LANGUAGES = [LANGUAGE_ID, 'plaintext'];
export const ANNOTATION_SELECTOR: vscode.DocumentSelector = ANNOTATABLE_LANGUAGES.map((language) => ({ language }));

export function isAnnotatable(document: vscode.TextDocument): boolean {
  return ANNOTATABLE_LANGUAGES.includes(document.languageId);
}

/** One open document's annotations, for reading: what the store gives other modules. */
export interface AnnotatedDocument {
  readonly uri: vscode.Uri;
  /** Its sidecar; undefined when it has no file to sit beside (untitled, read-only file system). */
  readonly sidecar: vscode.Uri | undefined;
  /** Ordered by start; offsets are UTF-16 offsets in the document's current text. */
  readonly annotations: readonly ReadonlyAnnotation[];
  /** Problems of the sidecar on disk; when there are any it is never written. */
  readonly problems: readonly SidecarProblem[];
  readonly broken: boolean;
  /** The document memo (the sidecar's top-level `memo`, or the user's change not yet on disk). */
  readonly memo: string | undefined;
  find(id: string): ReadonlyAnnotation | undefined;
  /** Placed annotations that contain the offset (a cursor at either edge counts). */
  at(offset: number): readonly ReadonlyAnnotation[];
  /** The text of an annotation: in the open document if it is placed, else as last saved. */
  quoteOf(a: ReadonlyAnnotation): string;
}

function documentOf(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** A document's session with what the store keeps beside it: its files and its queue of I/O. */
class DocumentAnnotations implements AnnotatedDocument {
  readonly session = new AnnotationSession();
  /** Serialises loads and writes. */
  queue: Promise<void> = Promise.resolve();
  loaded: Promise<void> = Promise.resolve();
  warnedInMemory = false;

  constructor(readonly uri: vscode.Uri, readonly sidecar: vscode.Uri | undefined) {}

  get annotations(): readonly ReadonlyAnnotation[] { return this.session.annotations; }
  get problems(): readonly SidecarProblem[] { return this.session.problems; }
  get broken(): boolean { return this.session.broken; }
  get memo(): string | undefined { return this.session.memo; }
  find(id: string): ReadonlyAnnotation | undefined { return this.session.find(id); }
  at(offset: number): readonly ReadonlyAnnotation[] { return this.session.at(offset); }

  quoteOf(a: ReadonlyAnnotation): string {
    const doc = a.orphaned ? undefined : documentOf(this.uri);
    return doc ? doc.getText(new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end))) : a.stored?.quote ?? '';
  }
}

function textChanges(changes: readonly vscode.TextDocumentContentChangeEvent[]): TextChange[] {
  return changes.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, length: c.text.length }));
}

/** An ISO timestamp to the second, as the sidecar has it. */
function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/u, 'Z');
}

/**
 * The annotation store: feeds VS Code's events (documents opened, edited, saved, closed; sidecars
 * changed on disk) into one `AnnotationSession` per document, carries out their reads and writes
 * one at a time per document, and fires a change event when a document's annotations change.
 */
export class AnnotationStore implements vscode.Disposable {
  private readonly states = new Map<string, DocumentAnnotations>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  /** Fires when a document's annotations change (undefined: many may have); also after a load. */
  readonly onDidChange = this.emitter.event;
  private readonly problems = new SidecarProblemReporter();
  private readonly follower = new SaveAsFollower({
    accepts: (document) => isAnnotatable(document) && sidecarUri(document.uri) !== undefined,
    adopt: (from, emptied, document) => this.adopt(from, emptied, document),
  });
  private readonly disposables: vscode.Disposable[] = [this.emitter, this.follower];

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.track(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.untrackLater(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)),
      vscode.workspace.onDidSaveTextDocument((d) => this.onSave(d)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const reload = (uri: vscode.Uri): void => {
      const state = [...this.states.values()].find((s) => s.sidecar?.toString() === uri.toString());
      if (state) this.run(state, () => this.reloadSidecar(state));
      else this.emitter.fire(undefined);
    };
    this.disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
    for (const d of vscode.workspace.textDocuments) this.track(d);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.states.clear();
  }

  // --- Reading ------------------------------------------------------------------------------------

  /** Open documents with annotations state. */
  allStates(): AnnotatedDocument[] {
    return [...this.states.values()];
  }

  stateOf(uri: vscode.Uri): AnnotatedDocument | undefined {
    return this.states.get(uri.toString());
  }

  /** `stateOf` by the URI as a string (`uri.toString()`), where the caller has it: the corpus index asks for each of its documents. */
  stateOfKey(key: string): AnnotatedDocument | undefined {
    return this.states.get(key);
  }

  /** The annotations of a document, loaded. */
  async ready(document: vscode.TextDocument): Promise<AnnotatedDocument> {
    return this.loadedState(document);
  }

  /** Shows the error of a document's sidecar with a button to open it at the line. */
  offerToOpen(doc: AnnotatedDocument): Promise<void> {
    return this.problems.offerToOpen(doc);
  }

  // --- Changes of the user's ----------------------------------------------------------------------

  /** Adds one annotation per span (UTF-16 offsets), by `coder` if given; returns their ids. */
  async add(document: vscode.TextDocument, spans: readonly Span[], tags: readonly string[], note?: string, coder?: string): Promise<string[]> {
    const state = await this.loadedState(document);
    const ids = state.session.add(spans, tags, note, now(), undefined, coder);
    this.follower.annotated(document);
    await this.persist(state, document);
    return ids;
  }

  async update(document: vscode.TextDocument, id: string, change: { tags?: readonly string[]; note?: string }): Promise<boolean> {
    const state = await this.loadedState(document);
    if (!state.session.update(id, change)) return false;
    await this.persist(state, document);
    return true;
  }

  /** Sets the document memo (empty: removes it); false when its sidecar cannot be read. */
  async setMemo(document: vscode.TextDocument, memo: string): Promise<boolean> {
    const state = await this.loadedState(document);
    if (!state.session.setMemo(memo)) return false;
    await this.persist(state, document);
    return true;
  }

  async remove(document: vscode.TextDocument, ids: readonly string[]): Promise<number> {
    const state = await this.loadedState(document);
    if (state.broken) return 0;
    const removed = state.session.remove(ids);
    await this.persist(state, document);
    return removed;
  }

  // --- Documents ----------------------------------------------------------------------------------

  private async loadedState(document: vscode.TextDocument): Promise<DocumentAnnotations> {
    const state = this.track(document) ?? this.createState(document);
    await state.loaded;
    await state.queue;
    return state;
  }

  private createState(document: vscode.TextDocument): DocumentAnnotations {
    const key = document.uri.toString();
    const existing = this.states.get(key);
    if (existing) return existing;
    const state = new DocumentAnnotations(document.uri, sidecarUri(document.uri));
    this.states.set(key, state);
    state.loaded = this.enqueue(state, () => this.load(state));
    return state;
  }

  private track(document: vscode.TextDocument): DocumentAnnotations | undefined {
    if (!isAnnotatable(document)) return this.states.get(document.uri.toString());
    return this.createState(document);
  }

  private untrackLater(document: vscode.TextDocument): void {
    // A language change closes and reopens the document at once: keep the state across it.
    const key = document.uri.toString();
    setTimeout(() => {
      if (documentOf(document.uri)) return;
      const state = this.states.get(key);
      // Annotations in memory only are kept (unless the Save As follower hands them to a file).
      if (state && !(state.sidecar === undefined && state.annotations.length > 0)) this.drop(state);
    }, 2000);
  }

  private drop(state: DocumentAnnotations): void {
    this.states.delete(state.uri.toString());
    this.follower.forget(state.uri);
    this.emitter.fire(state.uri);
  }

  /**
   * Moves an untitled document's annotations to the file it was saved as and writes its sidecar.
   * If that file already has annotations they are kept (ids that clash get new ones); if its
   * sidecar cannot be read, nothing moves: the annotations stay in memory with the untitled state.
   */
  private async adopt(from: vscode.Uri, emptied: Emptied, document: vscode.TextDocument): Promise<void> {
    const target = await this.loadedState(document);
    const source = this.states.get(from.toString());
    if (target.broken || !source) return;
    target.session.receive(emptied.annotations, emptied.text, document.getText());
    this.drop(source);
    await this.persist(target, document);
  }

  // --- I/O, one at a time per document ------------------------------------------------------------

  /** Runs `fn` after everything queued for the state; errors are reported, not thrown. */
  private enqueue(state: DocumentAnnotations, fn: () => Promise<void>): Promise<void> {
    const next = state.queue.then(fn).catch((error: unknown) => {
      console.error('[kamerstukken] annotations', error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Annotations of {0}: {1}', baseName(state.uri), error instanceof Error ? error.message : String(error)));
    });
    state.queue = next;
    return next;
  }

  private run(state: DocumentAnnotations, fn: () => Promise<void>): void {
    void this.enqueue(state, fn);
  }

  /**
   * Reads the sidecar and places its entries in the text. Never writes: re-anchored offsets stay
   * in memory until the user changes annotations or saves edits to the text, so that opening a
   * document (another checkout, a text someone else updated) leaves the file in git untouched.
   */
  private async load(state: DocumentAnnotations): Promise<void> {
    if (!state.sidecar) return;
    this.applyDisk(state, await readSidecar(state.sidecar), false);
    this.emitter.fire(state.uri);
  }

  /** Takes a sidecar's text as read from disk, merging local unsaved changes by id; reports its problems. */
  private applyDisk(state: DocumentAnnotations, text: string | undefined, report: boolean): void {
    state.session.applyDisk(text, documentOf(state.uri)?.getText() ?? '');
    if (state.broken) this.problems.report(state, report);
    else this.problems.fixed(state.uri);
  }

  /** Re-reads a sidecar that changed on disk; merges by id; writes back local changes not yet on disk. */
  private async reloadSidecar(state: DocumentAnnotations): Promise<void> {
    if (!state.sidecar) return;
    const text = await readSidecar(state.sidecar);
    if (text === state.session.diskText) return;
    this.applyDisk(state, text, true);
    const document = documentOf(state.uri);
    if (document && !document.isDirty && state.session.pending) await this.write(state, document);
    this.emitter.fire(state.uri);
  }

  /** Writes the sidecar now if the document has no unsaved edits; otherwise when it is saved. */
  private async write(state: DocumentAnnotations, document: vscode.TextDocument): Promise<void> {
    if (!state.sidecar || state.broken || document.isDirty) return;
    // Changed on disk since we last looked (a git pull, another editor): merge first.
    const current = await readSidecar(state.sidecar);
    if (current !== state.session.diskText) this.applyDisk(state, current, true);
    // Everything written describes the text as saved.
    const plan = state.session.planWrite(document.getText(), baseName(document.uri));
    if (!plan) return;
    await applyWritePlan(state.sidecar, plan);
    state.session.written(plan);
  }

  /** Saves now or, while the document has unsaved edits, when it is saved. */
  private persist(state: DocumentAnnotations, document: vscode.TextDocument): Promise<void> {
    this.emitter.fire(state.uri);
    if (!state.sidecar) {
      if (!state.warnedInMemory) {
        state.warnedInMemory = true;
        void vscode.window.showInformationMessage(vscode.l10n.t('Annotations of {0} are kept in memory only: they cannot be saved until the document is saved as a file.', baseName(document.uri)));
      }
      return Promise.resolve();
    }
    return this.enqueue(state, () => this.write(state, document));
  }

  // --- Edits of the text --------------------------------------------------------------------------

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const state = this.states.get(e.document.uri.toString());
    if (!state || state.annotations.length === 0) return;
    const { session } = state;
    if (e.document.uri.scheme === 'untitled') {
      // Saving empties the untitled document before closing it (as deleting everything would).
      this.follower.changed(e.document.uri, e.document.getText(), session.annotations);
      session.shift(textChanges(e.contentChanges));
      session.markEdited();
      this.emitter.fire(state.uri);
      return;
    }
    session.shift(textChanges(e.contentChanges));
    if (e.document.isDirty || e.reason !== undefined || !state.sidecar) {
      session.markEdited();
    } else {
      // A change to a document without unsaved edits: either the editor reloaded the file after
      // it changed on disk (a git checkout or pull, another editor), or the user's first edit after
      // a save, whose event can come before the document counts as dirty. The file tells.
      const document = e.document;
      const version = document.version;
      this.run(state, async () => {
        const disk = await readText(document.uri).catch(() => undefined);
        if (document.version === version && !document.isDirty && disk === document.getText()) this.reanchor(state, document);
        else session.markEdited();
      });
    }
    this.emitter.fire(state.uri);
  }

  /** After the editor reloaded the text from disk: places the sidecar's entries in it again, in memory. */
  private reanchor(state: DocumentAnnotations, document: vscode.TextDocument): void {
    // Not a change of the user's: written only with annotation changes still waiting for disk.
    if (state.session.reanchor(document.getText())) this.run(state, () => this.write(state, document));
    this.emitter.fire(state.uri);
  }

  /** A save of the text by the user: the sidecar follows it if the user edited the text or annotations. */
  private onSave(document: vscode.TextDocument): void {
    const state = this.states.get(document.uri.toString());
    if (state?.session.pending) this.run(state, () => this.write(state, document));
  }
}
