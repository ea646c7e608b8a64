/**
 * One document's annotations and its sidecar, as a state machine over plain data: what is on
 * disk (loaded, or changed there), what the user changed (added, updated, removed; edits of the
 * text that move passages), the merge of the two by id, re-anchoring after the text was reloaded,
 * and what to write. No I/O: the editor side reads and writes the files and feeds in their text.
 *
 * Offsets of a `LiveAnnotation` are UTF-16 offsets in the document's current text; the sidecar
 * stores positions (see `TextPositions`).
 */
import type { Document as YamlDocument } from 'yaml';
import { anchorEntries } from './anchoring';
import { type Annotation, newId, shiftAll, type TextChange, TextPositions } from './model';
import { type LineEnding, migrateEntries, parseSidecar, type SidecarProblem, serializeSidecar } from './sidecar';

/** An annotation as the editor sees it: offsets in the document's current text. */
export interface LiveAnnotation {
  readonly id: string;
  tags: string[];
  note?: string;
  readonly created: string;
  /** Who coded it (`Annotation.coder`); undefined for entries without one. */
  readonly coder?: string;
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

/** A live annotation for reading only (what the store gives other modules). */
export type ReadonlyAnnotation = Readonly<Omit<LiveAnnotation, 'tags'>> & { readonly tags: readonly string[] };

/**
 * What a write puts on disk. `none`: there are no annotations and no file; `delete`: the last
 * annotation went, the file goes too; `keep`: the file already says `text`; `write`: `text` replaces
 * the file (or creates it).
 */
export type WritePlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'delete' }
  | { readonly kind: 'keep'; readonly text: string }
  | { readonly kind: 'write'; readonly text: string };

/** A passage to annotate: UTF-16 offsets in the current text. */
export interface Span { readonly start: number; readonly end: number }

/** Places sidecar entries (stored positions, current format) in a text. */
function placeStored(entries: readonly Annotation[], positions: TextPositions): LiveAnnotation[] {
  const found = anchorEntries(positions, entries);
  return entries.map((entry, i) => {
    const f = found[i];
    const start = positions.toUtf16(entry.start);
    return {
      id: entry.id, tags: [...entry.tags], ...(entry.note !== undefined ? { note: entry.note } : {}), created: entry.created,
      ...(entry.coder ? { coder: entry.coder } : {}),
      start: f?.start ?? start, end: f?.end ?? start, orphaned: !f, stored: entry,
    };
  });
}

/** A sidecar of a document that is not open, read for a list: its entries placed in the text. */
export interface SidecarSnapshot {
  readonly annotations: readonly { id: string; tags: readonly string[]; note?: string; quote: string; orphaned: boolean }[];
  readonly problems: readonly SidecarProblem[];
}

/** The annotations of a sidecar's text placed in a document's text (empty when it cannot be read). */
export function snapshotOf(sidecarText: string, documentText: string): SidecarSnapshot {
  const parsed = parseSidecar(sidecarText);
  const positions = new TextPositions(documentText);
  const placed = placeStored(migrateEntries(parsed.annotations, parsed.version, positions), positions);
  return {
    problems: parsed.problems,
    annotations: placed.map((a) => ({
      id: a.id, tags: a.tags, ...(a.note !== undefined ? { note: a.note } : {}), quote: a.stored?.quote ?? '', orphaned: a.orphaned,
    })),
  };
}

/** The sidecar entry that describes a live annotation in `positions`' text, for writing. */
function entryOf(a: LiveAnnotation, positions: TextPositions): Annotation | undefined {
  if (a.orphaned) {
    // Written as it was, with the tags and note the user has now.
    return a.stored ? { ...a.stored, tags: a.tags, ...(a.note !== undefined ? { note: a.note } : { note: undefined }) } : undefined;
  }
  return {
    id: a.id, tags: a.tags, ...(a.note ? { note: a.note } : {}), ...positions.selector(a.start, a.end), created: a.created,
    ...(a.coder ? { coder: a.coder } : {}),
  };
}

/** Everything known about one document's annotations and its sidecar. */
export class AnnotationSession {
  private list: LiveAnnotation[] = [];
  private problemList: SidecarProblem[] = [];
  /** The sidecar text on disk as last read or written; undefined when there is none. */
  private disk?: string;
  /** The parsed sidecar, the base of a minimal rewrite. */
  private yaml?: YamlDocument;
  /** The sidecar's line ending on disk, kept when it is rewritten (git may check it out as CRLF). */
  private lineEnding: LineEnding = '\n';
  /** The sidecar on disk starts with a byte order mark: kept when it is rewritten. */
  private bom = false;
  /** Annotation changes not yet on disk, by id: for merging with a sidecar changed on disk. */
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  /**
   * The user edited the text since the sidecar was last written: when the text is saved, the
   * sidecar is brought in line with it. (Re-anchoring after opening or an outside change is not
   * such a change: it stays in memory until the user changes something.)
   */
  private edited = false;
  /** The document memo (the sidecar's top-level `memo`) as on disk, and the user's change of it not yet on disk. */
  private diskMemo?: string;
  private memoChange?: string;

  /** The annotations, ordered by start; placed ones have offsets in the current text. */
  get annotations(): readonly LiveAnnotation[] {
    return this.list;
  }

  /** Problems of the sidecar on disk; when there are any it is never written. */
  get problems(): readonly SidecarProblem[] {
    return this.problemList;
  }

  get broken(): boolean {
    return this.problemList.length > 0;
  }

  /** The sidecar text as last read from or written to disk; undefined when there is none. */
  get diskText(): string | undefined {
    return this.disk;
  }

  /** Ids of annotations added or changed since the sidecar was last written. */
  get changedIds(): ReadonlySet<string> {
    return this.changed;
  }

  /** Ids of annotations removed since the sidecar was last written (and still on disk). */
  get removedIds(): ReadonlySet<string> {
    return this.removed;
  }

  /** Something (annotations, the memo, or the text they are in) changed since the sidecar was last written. */
  get pending(): boolean {
    return this.changed.size > 0 || this.removed.size > 0 || this.edited || this.memoChange !== undefined;
  }

  /** The document memo: the user's change not yet on disk, else the sidecar's top-level `memo`. */
  get memo(): string | undefined {
    return this.memoChange !== undefined ? this.memoChange || undefined : this.diskMemo;
  }

  /** Sets the document memo (an empty memo removes it); false when the sidecar is broken. */
  setMemo(memo: string): boolean {
    if (this.broken) return false;
    this.memoChange = memo.trim();
    return true;
  }

  find(id: string): LiveAnnotation | undefined {
    return this.list.find((a) => a.id === id);
  }

  /** Placed annotations that contain the offset (a cursor at either edge counts). */
  at(offset: number): LiveAnnotation[] {
    return this.list.filter((a) => !a.orphaned && a.start <= offset && offset <= a.end);
  }

  // --- What is on disk ----------------------------------------------------------------------------

  /**
   * Takes the sidecar's text as read from disk (undefined: there is none), for the document text
   * `documentText`, merging the changes not yet on disk by id: an annotation the user changed keeps
   * the user's version (also when it is gone from disk); one the user removed stays removed; one
   * the user added survives. Entries that did not change locally are placed in the text again, in
   * memory only: the file gets their new offsets with the next change the user makes.
   */
  applyDisk(text: string | undefined, documentText: string): void {
    this.disk = text;
    if (text === undefined) {
      this.problemList = [];
      this.yaml = undefined;
      this.lineEnding = '\n';
      this.bom = false;
      this.diskMemo = undefined;
      const local = this.list.filter((a) => this.changed.has(a.id));
      for (const a of local) a.stored = undefined;
      this.list = local;
      this.removed.clear();
      return;
    }
    const parsed = parseSidecar(text);
    const positions = new TextPositions(documentText);
    const entries = migrateEntries(parsed.annotations, parsed.version, positions);
    this.problemList = parsed.problems;
    this.yaml = parsed.yaml;
    this.lineEnding = parsed.lineEnding;
    this.bom = parsed.bom;
    this.diskMemo = parsed.memo;
    const next: LiveAnnotation[] = [];
    const onDisk = new Set<string>();
    const toPlace: Annotation[] = [];
    for (const entry of entries) {
      onDisk.add(entry.id);
      if (this.removed.has(entry.id)) continue;
      const local = this.find(entry.id);
      if (local && this.changed.has(entry.id)) {
        local.stored = entry;
        next.push(local);
      } else {
        toPlace.push(entry);
      }
    }
    next.push(...placeStored(toPlace, positions));
    // Local additions not yet on disk survive; local removals of entries gone from disk are done.
    for (const a of this.list) if (this.changed.has(a.id) && !onDisk.has(a.id)) next.push(a);
    for (const id of [...this.removed]) if (!onDisk.has(id)) this.removed.delete(id);
    this.list = next;
    this.sort();
  }

  /**
   * After the document's text was reloaded from disk (a checkout, another editor): places the
   * entries on disk in `documentText` again, in memory, with the tags and note the user has now
   * (annotations never written keep their place, moved through the change). True when changes of
   * the user's are still waiting for disk (then it is time to write them).
   */
  reanchor(documentText: string): boolean {
    const written = this.list.filter((a) => a.stored);
    const placed = placeStored(written.map((a) => a.stored as Annotation), new TextPositions(documentText));
    const byId = new Map(placed.map((live, i) => {
      const a = written[i];
      const next: LiveAnnotation = { ...live, tags: a.tags };
      if (a.note !== undefined) next.note = a.note; else delete next.note;
      return [a.id, next];
    }));
    this.list = this.list.map((a) => byId.get(a.id) ?? a);
    this.sort();
    return this.changed.size > 0 || this.removed.size > 0;
  }

  // --- What the user changes ----------------------------------------------------------------------

  /** Adds one annotation per span (by `coder`, if given); returns their ids. Throws when the sidecar is broken. */
  add(spans: readonly Span[], tags: readonly string[], note: string | undefined, created: string, random?: () => number, coder?: string): string[] {
    if (this.broken) throw new Error('broken sidecar');
    const taken = this.takenIds();
    const ids: string[] = [];
    for (const s of spans) {
      const id = newId(taken, random);
      taken.add(id);
      ids.push(id);
      this.list.push({
        id, tags: [...tags], ...(note ? { note } : {}), created, ...(coder?.trim() ? { coder: coder.trim() } : {}), start: s.start, end: s.end, orphaned: false,
      });
      this.changed.add(id);
    }
    this.sort();
    return ids;
  }

  /** Changes the tags and/or note (an empty note removes it); false when there is no such annotation or the sidecar is broken. */
  update(id: string, change: { tags?: readonly string[]; note?: string }): boolean {
    const a = this.find(id);
    if (!a || this.broken) return false;
    if (change.tags) a.tags = [...change.tags];
    if (change.note !== undefined) {
      if (change.note) a.note = change.note; else delete a.note;
    }
    this.changed.add(id);
    return true;
  }

  /** Removes annotations; returns how many there were. Nothing when the sidecar is broken. */
  remove(ids: readonly string[]): number {
    if (this.broken) return 0;
    const drop = new Set(ids);
    const before = this.list.length;
    this.list = this.list.filter((a) => !drop.has(a.id));
    for (const id of drop) { this.removed.add(id); this.changed.delete(id); }
    return before - this.list.length;
  }

  /** Moves the annotations through the changes of one edit of the text (in the order an editor reports them). */
  shift(changes: readonly TextChange[]): void {
    shiftAll(this.list, changes);
  }

  /** The user edited the text: when it is saved, the sidecar follows (see `pending`). */
  markEdited(): void {
    this.edited = true;
  }

  /**
   * Takes over annotations of another document whose text was `fromText` (an untitled document
   * saved as this one), placed in `documentText`; ids that clash with this document's get new ones.
   * They count as changes not yet on disk. False (nothing taken) when the sidecar is broken.
   */
  receive(annotations: readonly ReadonlyAnnotation[], fromText: string, documentText: string, random?: () => number): boolean {
    if (this.broken) return false;
    const before = new TextPositions(fromText);
    const taken = this.takenIds();
    const entries = annotations.map((a): Annotation => {
      const id = taken.has(a.id) ? newId(taken, random) : a.id;
      taken.add(id);
      return { id, tags: [...a.tags], ...(a.note ? { note: a.note } : {}), ...before.selector(a.start, a.end), created: a.created, ...(a.coder ? { coder: a.coder } : {}) };
    });
    for (const live of placeStored(entries, new TextPositions(documentText))) {
      // Not on disk yet; an entry that could not be placed is written as it was (an orphan).
      if (!live.orphaned) delete live.stored;
      this.list.push(live);
      this.changed.add(live.id);
    }
    this.sort();
    return true;
  }

  // --- Writing ------------------------------------------------------------------------------------

  /**
   * What to write for the document `documentName` with the text `documentText` (as saved): every
   * entry describes that text; entries that did not change keep their lines byte for byte, and the
   * file keeps its line ending and byte order mark. Undefined when the sidecar on disk is broken:
   * it is never written. Call `written` once the plan is carried out.
   */
  planWrite(documentText: string, documentName: string): WritePlan | undefined {
    if (this.broken) return undefined;
    const positions = new TextPositions(documentText);
    const entries: Annotation[] = [];
    for (const a of this.list) {
      const entry = entryOf(a, positions);
      if (entry) entries.push(entry);
    }
    // A document with a memo keeps its file when its last annotation goes.
    if (entries.length === 0 && !this.memo) return this.disk !== undefined ? { kind: 'delete' } : { kind: 'none' };
    const text = serializeSidecar(documentName, entries, this.yaml, {
      lineEnding: this.lineEnding, bom: this.bom, ...(this.memoChange !== undefined ? { memo: this.memoChange } : {}),
    });
    return text === this.disk ? { kind: 'keep', text } : { kind: 'write', text };
  }

  /** The plan is on disk: nothing waits for it any more. */
  written(plan: WritePlan): void {
    if (plan.kind === 'none' || plan.kind === 'delete') {
      this.disk = undefined;
      this.yaml = undefined;
    } else {
      const parsed = parseSidecar(plan.text);
      this.disk = plan.text;
      this.yaml = parsed.yaml;
      this.diskMemo = parsed.memo;
      const byId = new Map(parsed.annotations.map((e) => [e.id, e]));
      for (const a of this.list) a.stored = byId.get(a.id);
    }
    this.changed.clear();
    this.removed.clear();
    this.edited = false;
    this.memoChange = undefined;
  }

  private takenIds(): Set<string> {
    return new Set([...this.list.map((a) => a.id), ...this.removed]);
  }

  private sort(): void {
    this.list.sort((a, b) => a.start - b.start || a.end - b.end);
  }
}
