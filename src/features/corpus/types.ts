import type * as vscode from 'vscode';
import type { SidecarProblem } from '../../core/annotations/sidecar';
import type { CorpusAnnotation, FileProblemKind, PackedContexts } from '../../core/corpus/cache';
import type { CorpusRecord } from '../../core/corpus/record';

/** One document of the corpus, as features read it. */
export interface CorpusDocument {
  readonly uri: vscode.Uri;
  /** The record of a parliamentary text (`.kamerstuk`, or a `.txt` that reads as one) as on disk; undefined otherwise. */
  readonly record: CorpusRecord | undefined;
  /** Whether its text file exists and is a parliamentary text (a `.kamerstuk` always is). */
  readonly parliamentary: boolean;
  /** Its sidecar on disk, if it has one. */
  readonly sidecar: vscode.Uri | undefined;
  /**
   * Its annotations, ordered as the sidecar has them: of an open document as the editor has them
   * now (unsaved changes included), else as placed in the text on disk when it was indexed.
   */
  readonly annotations: readonly CorpusAnnotation[];
  /** When they were made and their passages' saved contexts, in their order: for exports (`contextsOf`). */
  readonly contexts: PackedContexts;
  /** Problems of its sidecar; when there are any, only its valid entries are listed. */
  readonly problems: readonly SidecarProblem[];
  /** The sidecar cannot be read or has errors. */
  readonly broken: boolean;
  /** The annotations come from an open editor (the store), not from the index. */
  readonly live: boolean;
  /** Why its text could not be indexed, if it could not. */
  readonly problem?: { readonly kind: FileProblemKind; readonly detail: string };
}

/** What changed: documents whose text, record or annotations changed, and documents gone. */
export interface CorpusChange {
  readonly changed: readonly vscode.Uri[];
  readonly removed: readonly vscode.Uri[];
}

export type CorpusState = 'starting' | 'indexing' | 'ready' | 'cancelled';

/** A file the index could not (fully) read: reported once. */
export interface IndexProblem {
  readonly uri: vscode.Uri;
  readonly kind: FileProblemKind | 'unreadableFolder';
  readonly detail: string;
}

/** Figures of the last full pass, for the progress, the tests and the benchmark. */
export interface PassFigures {
  readonly files: number;
  readonly documents: number;
  readonly readFromDisk: number;
  readonly reusedFromCache: number;
  readonly walkMs: number;
  readonly totalMs: number;
  readonly limit?: { readonly kind: 'maxFiles'; readonly limit: number; readonly found: number };
  readonly cancelled: boolean;
}

/** Hooks the service reports to: progress, problems, the cache (see index.ts). */
export interface CorpusHooks {
  progress?(done: number, total: number): void;
  problems?(problems: readonly IndexProblem[], pass: PassFigures): void;
  persist?(changed: readonly string[]): void;
}
