import * as vscode from 'vscode';
import type { Document as YamlDocument } from 'yaml';
import { anchorEntries } from '../../core/annotations/anchoring';
import { type Annotation, newId, sameTextAfterSave, shiftAll, TextPositions } from '../../core/annotations/model';
import {
  type LineEnding, migrateEntries, parseSidecar, SIDECAR_SUFFIX, type SidecarProblem, serializeSidecar,
} from '../../core/annotations/sidecar';
import { problemMessage } from './problems';
import { LANGUAGE_ID } from '../../documentModels';

/** Languages whose documents can be annotated: Kamerstuk, and plain text a user chose to keep plain. */
export const ANNOTATABLE_LANGUAGES = [LANGUAGE_ID, 'plaintext'];
export const ANNOTATION_SELECTOR: vscode.DocumentSelector = ANNOTATABLE_LANGUAGES.map((language) => ({ language }));

/** An annotation as the editor sees it: offsets in the document's current text. */
export interface LiveAnnotation {
  readonly id: string;
  tags: string[];
  note?: string;
  readonly created: string;
  /** UTF-16 offsets in the current text (meaningless when orphaned). */
  start: number;
  end: number;
  /** Could not be placed in the text: kept in the sidecar as it was, listed in the view. */
  orphaned: boolean;
  /**
   * The entry as it is on disk (stored positions; an entry of an older format as migrated for the
   * current text), or undefined if never written.
   */
  stored?: Annotation;
}

export function isAnnotatable(document: vscode.TextDocument): boolean {
  return ANNOTATABLE_LANGUAGES.includes(document.languageId);
}

/** The sidecar of a document, or undefined when it has no file to sit beside. */
export function sidecarUri(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme === 'untitled' || vscode.workspace.fs.isWritableFileSystem(uri.scheme) !== true) return undefined;
  return uri.with({ path: uri.path + SIDECAR_SUFFIX });
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function isFileNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}

/** A file's text, or undefined when it does not exist; other errors (no permission, ...) are thrown. */
export async function readText(uri: vscode.Uri, { keepBom = false } = {}): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8', { ignoreBOM: keepBom }).decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (isFileNotFound(error)) return undefined;
    throw error;
  }
}

/** A sidecar's text as on disk, with its byte order mark if it has one (kept when it is rewritten). */
const readSidecar = (uri: vscode.Uri): Promise<string | undefined> => readText(uri, { keepBom: true });

/** Writes beside the target, then renames over it: a crash never leaves half a file. */
async function writeAtomic(uri: vscode.Uri, text: string): Promise<void> {
  const tmp = uri.with({ path: `${uri.path}.${Math.random().toString(16).slice(2, 10)}.tmp` });
  await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
    throw error;
  }
}

/** Everything known about one document's annotations. */
export class DocumentAnnotations {
  annotations: LiveAnnotation[] = [];
  /** Problems of the sidecar on disk; when there are any it is never written. */
  problems: SidecarProblem[] = [];
  /** The sidecar text on disk as last read or written; undefined when there is none. */
  diskText?: string;
  /** The parsed sidecar, the base of a minimal rewrite. */
  yaml?: YamlDocument;
  /** The sidecar's line ending on disk, kept when it is rewritten (git may check it out as CRLF). */
  lineEnding: LineEnding = '\n';
  /** The sidecar on disk starts with a byte order mark: kept when it is rewritten. */
  bom = false;
  /** Annotation changes not yet on disk, by id: for merging with a sidecar changed on disk. */
  readonly changed = new Set<string>();
  readonly removed = new Set<string>();
  /**
   * The user edited the text since the sidecar was last written: when the text is saved, the
   * sidecar is brought in line with it. (Re-anchoring after opening or an outside change is not
   * such a change: it stays in memory until the user changes something.)
   */
  shifted = false;
  /** Serialises loads and writes. */
  queue: Promise<void> = Promise.resolve();
  loaded: Promise<void> = Promise.resolve();
  warnedInMemory = false;
  /** An untitled document's text, as the offsets of its annotations refer to it. */
  untitledText?: string;
  /**
   * An untitled document's annotations and text as they were when its content was last emptied,
   * which is what saving it as a file does (it is then closed, and the file opened).
   */
  emptied?: { readonly text: string; readonly at: number; readonly annotations: readonly LiveAnnotation[] };

  constructor(readonly uri: vscode.Uri, readonly sidecar: vscode.Uri | undefined) {}

  get broken(): boolean {
    return this.problems.length > 0;
  }

  get pending(): boolean {
    return this.changed.size > 0 || this.removed.size > 0 || this.shifted;
  }

  find(id: string): LiveAnnotation | undefined {
    return this.annotations.find((a) => a.id === id);
  }

  /** Placed annotations that contain the offset (a cursor at either edge counts). */
  at(offset: number): LiveAnnotation[] {
    return this.annotations.filter((a) => !a.orphaned && a.start <= offset && offset <= a.end);
  }

  /** The text of a placed annotation in the open document. */
  quoteOf(a: LiveAnnotation): string {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
    return doc ? doc.getText(new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end))) : a.stored?.quote ?? '';
  }

  sort(): void {
    this.annotations.sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

/** How close together an untitled document's emptying and the open of the file it was saved as are. */
const SAVED_AS_WINDOW_MS = 5000;

/** A snapshot of another document's sidecar, for the view and the tag list. */
export interface WorkspaceEntry {
  readonly uri: vscode.Uri;
  readonly sidecar: vscode.Uri;
  readonly annotations: readonly { id: string; tags: readonly string[]; note?: string; quote: string; orphaned: boolean; line?: number }[];
  readonly problems: readonly SidecarProblem[];
}

/**
 * The annotation store: loads sidecars of open documents, keeps offsets in step with edits,
 * re-anchors after outside changes, writes atomically, and merges sidecar changes by id.
 */
export class AnnotationStore implements vscode.Disposable {
  private readonly states = new Map<string, DocumentAnnotations>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  /** Fires when a document's annotations change (undefined: many may have); also after a load. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private readonly reported = new Map<string, string>();
  /** When each document (other than untitled ones) was last opened, by URI. */
  private readonly openedAt = new Map<string, number>();

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.scheme !== 'untitled') this.openedAt.set(d.uri.toString(), Date.now());
        this.track(d);
      }),
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

  /** Open documents with annotations state. */
  allStates(): DocumentAnnotations[] {
    return [...this.states.values()];
  }

  stateOf(uri: vscode.Uri): DocumentAnnotations | undefined {
    return this.states.get(uri.toString());
  }

  /** The state of a document, loaded. */
  async ready(document: vscode.TextDocument): Promise<DocumentAnnotations> {
    const state = this.track(document) ?? this.createState(document);
    await state.loaded;
    await state.queue;
    return state;
  }

  private documentOf(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  private createState(document: vscode.TextDocument): DocumentAnnotations {
    const key = document.uri.toString();
    let state = this.states.get(key);
    if (state) return state;
    state = new DocumentAnnotations(document.uri, sidecarUri(document.uri));
    this.states.set(key, state);
    const s = state;
    s.loaded = this.enqueue(s, () => this.load(s));
    return s;
  }

  private track(document: vscode.TextDocument): DocumentAnnotations | undefined {
    if (!isAnnotatable(document)) return this.states.get(document.uri.toString());
    return this.createState(document);
  }

  private untrackLater(document: vscode.TextDocument): void {
    // A language change closes and reopens the document at once: keep the state across it.
    const key = document.uri.toString();
    this.openedAt.delete(key);
    setTimeout(() => {
      if (this.documentOf(document.uri)) return;
      const state = this.states.get(key);
      // Annotations in memory only are kept (unless followSaveAs hands them to a file).
      if (state && !(state.sidecar === undefined && state.annotations.length > 0)) {
        this.states.delete(key);
        this.emitter.fire(document.uri);
      }
    }, 2000);
  }

  /**
   * After an untitled document was emptied: once it is closed, looks for the file it was saved as
   * for a few seconds, and hands its annotations over. (The file may not stay open long: saved
   * through the API, VS Code shows it in no editor and closes it again.)
   */
  private followSaveAs(state: DocumentAnnotations): void {
    const emptied = state.emptied;
    const tick = (): void => {
      if (state.emptied !== emptied || !emptied || this.states.get(state.uri.toString()) !== state) return;
      const saved = this.documentOf(state.uri) ? undefined : this.savedAs(state);
      if (saved) void this.adopt(state, saved);
      else if (Date.now() - emptied.at < SAVED_AS_WINDOW_MS) setTimeout(tick, 50);
    };
    setTimeout(tick, 0);
  }

  /**
   * The file an untitled document was saved as, if any. VS Code has no event for it: saving an
   * untitled document empties it, closes it and opens the file. So: an open file, opened within a
   * few seconds of the emptying, with the text the untitled document had (as saved: line endings
   * and trailing whitespace may differ).
   */
  private savedAs(state: DocumentAnnotations): vscode.TextDocument | undefined {
    const closed = state.emptied;
    if (state.uri.scheme !== 'untitled' || !closed) return undefined;
    let best: { document: vscode.TextDocument; distance: number } | undefined;
    for (const document of vscode.workspace.textDocuments) {
      const opened = this.openedAt.get(document.uri.toString());
      if (opened === undefined || !isAnnotatable(document) || !sidecarUri(document.uri)) continue;
      const distance = Math.abs(opened - closed.at);
      if (distance > SAVED_AS_WINDOW_MS || !sameTextAfterSave(closed.text, document.getText())) continue;
      if (!best || distance < best.distance) best = { document, distance };
    }
    return best?.document;
  }

  /**
   * Moves an untitled document's annotations to the file it was saved as and writes its sidecar.
   * If that file already has annotations they are kept (ids that clash get new ones); if its
   * sidecar cannot be read, nothing moves: the annotations stay in memory with the untitled state.
   */
  private async adopt(from: DocumentAnnotations, document: vscode.TextDocument): Promise<void> {
    const closed = from.emptied;
    if (!closed) return;
    const target = await this.ready(document);
    if (target.broken || !this.states.has(from.uri.toString())) return;
    const before = new TextPositions(closed.text);
    const taken = new Set([...target.annotations.map((a) => a.id), ...target.removed]);
    const entries = closed.annotations.map((a): Annotation => {
      const id = taken.has(a.id) ? newId(taken) : a.id;
      taken.add(id);
      return { id, tags: [...a.tags], ...(a.note ? { note: a.note } : {}), ...before.selector(a.start, a.end), created: a.created };
    });
    for (const live of placeAll(entries, new TextPositions(document.getText()))) {
      // Not on disk yet; an entry that could not be placed is written as it was (an orphan).
      if (!live.orphaned) delete live.stored;
      target.annotations.push(live);
      target.changed.add(live.id);
    }
    target.sort();
    this.states.delete(from.uri.toString());
    this.emitter.fire(from.uri);
    await this.persist(target, document);
  }

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

  // --- Loading and re-anchoring ---------------------------------------------------------------

  /**
   * Reads the sidecar and places its entries in the text. Never writes: re-anchored offsets stay
   * in memory until the user changes annotations or saves edits to the text, so that opening a
   * document (another checkout, a text someone else updated) leaves the file in git untouched.
   */
  private async load(state: DocumentAnnotations): Promise<void> {
    if (!state.sidecar) return;
    const text = await readSidecar(state.sidecar);
    this.applyDisk(state, text, false);
    this.emitter.fire(state.uri);
  }

  /** Takes a sidecar's text as read from disk, merging local unsaved changes by id. */
  private applyDisk(state: DocumentAnnotations, text: string | undefined, report: boolean): void {
    const document = this.documentOf(state.uri);
    const docText = document?.getText() ?? '';
    state.diskText = text;
    if (text === undefined) {
      state.problems = [];
      state.yaml = undefined;
      state.lineEnding = '\n';
      state.bom = false;
      const local = state.annotations.filter((a) => state.changed.has(a.id));
      for (const a of local) a.stored = undefined;
      state.annotations = local;
      state.removed.clear();
      return;
    }
    const parsed = parseSidecar(text);
    const positions = new TextPositions(docText);
    const entries = migrateEntries(parsed.annotations, parsed.version, positions);
    state.problems = parsed.problems;
    state.yaml = parsed.yaml;
    state.lineEnding = parsed.lineEnding;
    state.bom = parsed.bom;
    if (parsed.problems.length > 0) this.reportProblems(state, report);
    else this.reported.delete(state.uri.toString());
    const next: LiveAnnotation[] = [];
    const onDisk = new Set<string>();
    const toPlace: Annotation[] = [];
    for (const entry of entries) {
      onDisk.add(entry.id);
      if (state.removed.has(entry.id)) continue;
      const local = state.find(entry.id);
      if (local && state.changed.has(entry.id)) {
        local.stored = entry;
        next.push(local);
      } else {
        toPlace.push(entry);
      }
    }
    // Entries that moved are placed in memory only; the file gets their new offsets with the
    // next change the user makes.
    next.push(...placeAll(toPlace, positions));
    // Local additions not yet on disk survive; local removals of entries gone from disk are done.
    for (const a of state.annotations) if (state.changed.has(a.id) && !onDisk.has(a.id)) next.push(a);
    for (const id of [...state.removed]) if (!onDisk.has(id)) state.removed.delete(id);
    state.annotations = next;
    state.sort();
  }

  private reportProblems(state: DocumentAnnotations, force: boolean): void {
    const p = state.problems[0];
    const key = state.uri.toString();
    const message = p.line !== undefined
      ? vscode.l10n.t('The annotations file {0} has an error on line {1}: {2}. It will not be changed, and annotating {3} is off until it is fixed.', baseName(state.sidecar ?? state.uri), p.line, problemMessage(p), baseName(state.uri))
      : vscode.l10n.t('The annotations file {0} has an error: {1}. It will not be changed, and annotating {2} is off until it is fixed.', baseName(state.sidecar ?? state.uri), problemMessage(p), baseName(state.uri));
    if (!force && this.reported.get(key) === message) return;
    this.reported.set(key, message);
    void this.offerToOpen(state, message);
  }

  /** Shows the sidecar's error with a button to open it at the line. */
  async offerToOpen(state: DocumentAnnotations, message?: string): Promise<void> {
    const open = vscode.l10n.t('Open Annotations File');
    const text = message ?? this.reported.get(state.uri.toString()) ?? '';
    const choice = await vscode.window.showErrorMessage(text, open);
    if (choice === open && state.sidecar) {
      const line = Math.max(0, (state.problems[0]?.line ?? 1) - 1);
      await vscode.window.showTextDocument(state.sidecar, { selection: new vscode.Range(line, 0, line, 0) });
    }
  }

  /** Re-reads a sidecar that changed on disk; merges by id; writes back local changes not yet on disk. */
  private async reloadSidecar(state: DocumentAnnotations): Promise<void> {
    if (!state.sidecar) return;
    const text = await readSidecar(state.sidecar);
    if (text === state.diskText) return;
    this.applyDisk(state, text, true);
    const document = this.documentOf(state.uri);
    if (document && !document.isDirty && state.pending) await this.write(state, document);
    this.emitter.fire(state.uri);
  }

  // --- Edits ----------------------------------------------------------------------------------

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const state = this.states.get(e.document.uri.toString());
    if (!state || state.annotations.length === 0) return;
    if (e.document.uri.scheme === 'untitled') {
      // Saving empties the untitled document before closing it (as deleting everything would).
      const text = e.document.getText();
      if (state.untitledText && text === '') {
        state.emptied = { text: state.untitledText, at: Date.now(), annotations: state.annotations.map((a) => ({ ...a, tags: [...a.tags] })) };
        this.followSaveAs(state);
      }
      shiftAnnotations(state.annotations, e.contentChanges);
      state.untitledText = text;
      state.shifted = true;
      this.emitter.fire(state.uri);
      return;
    }
    shiftAnnotations(state.annotations, e.contentChanges);
    if (e.document.isDirty || e.reason !== undefined || !state.sidecar) {
      state.shifted = true;
    } else {
      // A change to a document without unsaved edits: either the editor reloaded the file after
      // it changed on disk (a git checkout or pull, another editor), or the user's first edit after
      // a save, whose event can come before the document counts as dirty. The file tells.
      const document = e.document;
      const version = document.version;
      this.run(state, async () => {
        const disk = await readText(document.uri).catch(() => undefined);
        if (document.version === version && !document.isDirty && disk === document.getText()) this.reanchor(state, document);
        else state.shifted = true;
      });
    }
    this.emitter.fire(state.uri);
  }

  /**
   * After the editor reloaded the text from disk: places the sidecar's entries in it again, in
   * memory (annotations never written keep their place, moved through the change).
   */
  private reanchor(state: DocumentAnnotations, document: vscode.TextDocument): void {
    const written = state.annotations.filter((a) => a.stored);
    const placed = placeAll(written.map((a) => a.stored as Annotation), new TextPositions(document.getText()));
    const byId = new Map(placed.map((live, i) => {
      // Tags and note as the user has them (a change may still be waiting for disk).
      const a = written[i];
      const next: LiveAnnotation = { ...live, tags: a.tags };
      if (a.note !== undefined) next.note = a.note; else delete next.note;
      return [a.id, next];
    }));
    state.annotations = state.annotations.map((a) => byId.get(a.id) ?? a);
    state.sort();
    // Not a change of the user's: written only with annotation changes still waiting for disk.
    if (state.changed.size > 0 || state.removed.size > 0) this.run(state, () => this.write(state, document));
    this.emitter.fire(state.uri);
  }

  /** A save of the text by the user: the sidecar follows it if the user edited the text or annotations. */
  private onSave(document: vscode.TextDocument): void {
    const state = this.states.get(document.uri.toString());
    if (state?.pending) this.run(state, () => this.write(state, document));
  }

  /** Writes the sidecar now if the document has no unsaved edits; otherwise when it is saved. */
  private async write(state: DocumentAnnotations, document: vscode.TextDocument): Promise<void> {
    if (!state.sidecar || state.broken || document.isDirty) return;
    // Changed on disk since we last looked (a git pull, another editor): merge first.
    const current = await readSidecar(state.sidecar);
    if (current !== state.diskText) {
      this.applyDisk(state, current, true);
      if (state.broken) return;
    }
    // Everything written describes the text as saved: entries re-anchored since the sidecar was
    // written get their new offsets now, the others keep their lines byte for byte.
    const positions = new TextPositions(document.getText());
    const entries: Annotation[] = [];
    for (const a of state.annotations) {
      if (a.orphaned) {
        if (a.stored) entries.push({ ...a.stored, tags: a.tags, ...(a.note !== undefined ? { note: a.note } : { note: undefined }) });
        continue;
      }
      entries.push({ id: a.id, tags: a.tags, ...(a.note ? { note: a.note } : {}), ...positions.selector(a.start, a.end), created: a.created });
    }
    if (entries.length === 0) {
      if (state.diskText !== undefined) {
        await vscode.workspace.fs.delete(state.sidecar).then(undefined, (error: unknown) => {
          if (!isFileNotFound(error)) throw error;
        });
      }
      state.diskText = undefined;
      state.yaml = undefined;
    } else {
      const out = serializeSidecar(baseName(document.uri), entries, state.yaml, { lineEnding: state.lineEnding, bom: state.bom });
      if (out !== state.diskText) await writeAtomic(state.sidecar, out);
      const parsed = parseSidecar(out);
      state.diskText = out;
      state.yaml = parsed.yaml;
      const byId = new Map(parsed.annotations.map((e) => [e.id, e]));
      for (const a of state.annotations) a.stored = byId.get(a.id);
    }
    state.changed.clear();
    state.removed.clear();
    state.shifted = false;
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

  /** Adds one annotation per span (UTF-16 offsets); returns their ids. */
  async add(document: vscode.TextDocument, spans: readonly { start: number; end: number }[], tags: readonly string[], note?: string): Promise<string[]> {
    const state = await this.ready(document);
    if (state.broken) throw new Error('broken sidecar');
    const taken = new Set([...state.annotations.map((a) => a.id), ...state.removed]);
    const created = new Date().toISOString().replace(/\.\d{3}Z$/u, 'Z');
    const ids: string[] = [];
    for (const s of spans) {
      const id = newId(taken);
      taken.add(id);
      ids.push(id);
      state.annotations.push({ id, tags: [...tags], ...(note ? { note } : {}), created, start: s.start, end: s.end, orphaned: false });
      state.changed.add(id);
    }
    state.sort();
    if (document.uri.scheme === 'untitled') state.untitledText = document.getText();
    await this.persist(state, document);
    return ids;
  }

  async update(document: vscode.TextDocument, id: string, change: { tags?: readonly string[]; note?: string }): Promise<boolean> {
    const state = await this.ready(document);
    const a = state.find(id);
    if (!a || state.broken) return false;
    if (change.tags) a.tags = [...change.tags];
    if (change.note !== undefined) {
      if (change.note) a.note = change.note; else delete a.note;
    }
    state.changed.add(id);
    await this.persist(state, document);
    return true;
  }

  async remove(document: vscode.TextDocument, ids: readonly string[]): Promise<number> {
    const state = await this.ready(document);
    if (state.broken) return 0;
    const drop = new Set(ids);
    const before = state.annotations.length;
    state.annotations = state.annotations.filter((a) => !drop.has(a.id));
    for (const id of drop) { state.removed.add(id); state.changed.delete(id); }
    await this.persist(state, document);
    return before - state.annotations.length;
  }

  /** Reads the sidecar of a document that is not open, for the view. */
  static async snapshot(textUri: vscode.Uri, sidecar: vscode.Uri): Promise<WorkspaceEntry | undefined> {
    const text = await readSidecar(sidecar);
    if (text === undefined) return undefined;
    const parsed = parseSidecar(text);
    const docText = (await readText(textUri).catch(() => undefined)) ?? '';
    const positions = new TextPositions(docText);
    const placed = placeAll(migrateEntries(parsed.annotations, parsed.version, positions), positions);
    return {
      uri: textUri,
      sidecar,
      problems: parsed.problems,
      annotations: placed.map((a) => ({
        id: a.id, tags: a.tags, ...(a.note !== undefined ? { note: a.note } : {}), quote: a.stored?.quote ?? '', orphaned: a.orphaned,
      })),
    };
  }
}

/** Places sidecar entries (stored positions, current format) in a text. */
function placeAll(entries: readonly Annotation[], positions: TextPositions): LiveAnnotation[] {
  const found = anchorEntries(positions, entries);
  return entries.map((entry, i) => {
    const f = found[i];
    const start = positions.toUtf16(entry.start);
    return {
      id: entry.id, tags: [...entry.tags], ...(entry.note !== undefined ? { note: entry.note } : {}), created: entry.created,
      start: f?.start ?? start, end: f?.end ?? start, orphaned: !f, stored: entry,
    };
  });
}

/** Moves annotations through the changes of one edit. */
export function shiftAnnotations(annotations: LiveAnnotation[], changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
  shiftAll(annotations, changes.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, length: c.text.length })));
}
