/**
 * The messages between the Corpus view (the extension, src/features/corpusView) and its webview
 * script (corpusView.ts). Types only: both sides import them.
 */
import type { Column, FilterKey, RowKind, RowStatus } from '../core/corpus/overviewTable';
import type { WireRows } from '../core/corpus/overviewWire';

/** Every word the webview shows, translated by the extension. `{0}` marks where a value goes. */
export interface ViewWords {
  readonly title: string;
  readonly columns: Readonly<Record<Column, string>>;
  readonly columnHints: Readonly<Partial<Record<Column, string>>>;
  readonly kinds: Readonly<Record<RowKind, string>>;
  readonly statuses: Readonly<Record<RowStatus, string>>;
  /** A filter's "everything" choice ("All parties"). */
  readonly all: Readonly<Record<FilterKey, string>>;
  /** A filter's accessible name ("Party"). */
  readonly labels: Readonly<Record<FilterKey, string>>;
  readonly search: string;
  readonly clear: string;
  readonly export: string;
  /** "{0} of {1} documents". */
  readonly count: string;
  readonly empty: string;
  readonly none: string;
  readonly indexing: string;
  readonly due: string;
  readonly extended: string;
  readonly overdue: string;
  /** The table's accessible description. */
  readonly table: string;
  readonly sortAsc: string;
  readonly sortDesc: string;
}

export type ToView =
  /** Everything: after the webview (re)loaded. Rows packed (overviewWire.ts). */
  | { readonly type: 'init'; readonly words: ViewWords; readonly rows: WireRows; readonly indexing: boolean; readonly version: number }
  /** Rows changed or added, rows gone. */
  | { readonly type: 'update'; readonly changed: WireRows; readonly removed: readonly string[]; readonly version: number }
  | { readonly type: 'indexing'; readonly indexing: boolean };

export type FromView =
  /** Loaded; `version`: of the rows it has (0: none, they did not come with its loading). */
  | { readonly type: 'ready'; readonly version: number }
  /** Open a document (the row's id); `beside`: to the side. */
  | { readonly type: 'open'; readonly id: string; readonly beside: boolean }
  | { readonly type: 'export' }
  /** The table shows the rows of `version`: `shown` of `total` pass the filters. */
  | { readonly type: 'rendered'; readonly version: number; readonly shown: number; readonly total: number };
