/** The Annotations view's rows as shown, for the tests and the benchmark (their test-only commands). */
import vscode = require('vscode');

/** A tree data provider as the rows read it: children at hand where it has them, a promise where it waits. */
export interface RowSource<T> {
  getChildren(node?: T): T[] | Promise<T[]>;
  getTreeItem(node: T): vscode.TreeItem;
}

/** One row of the view as shown: its label, description and context value, and the rows under it. */
export interface RowState { readonly label: string; readonly description: string; readonly contextValue?: string; readonly children: readonly RowState[] }

/** The rows under a row without any (shared: the rows are read, never changed). */
const NONE: readonly RowState[] = [];

/**
 * The rows under `node`, every level; with `expandedOnly`, only below rows shown expanded, as VS
 * Code asks for them when the view first shows (documents are collapsed: their annotations wait).
 * Waits only where the view does (the roots wait for the index): a promise per row of thousands
 * made this command measure itself more than the view (two thirds of its time at 15,000 rows).
 */
export async function rows<T>(view: RowSource<T>, node?: T, expandedOnly = false): Promise<RowState[]> {
  return rowsOf(view, await view.getChildren(node), expandedOnly);
}

function rowsOf<T>(view: RowSource<T>, children: readonly T[], expandedOnly: boolean): RowState[] | Promise<RowState[]> {
  const out: { label: string; description: string; contextValue?: string; children: readonly RowState[] }[] = [];
  let waits: Promise<void>[] | undefined;
  for (const child of children) {
    const item = view.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    const description = typeof item.description === 'string' ? item.description : '';
    // Without a spread: an object literal with one costs more than the rest of the row (V8's object cloning).
    const row: (typeof out)[number] = item.contextValue ? { label, description, contextValue: item.contextValue, children: NONE } : { label, description, children: NONE };
    out.push(row);
    if (expandedOnly && item.collapsibleState !== vscode.TreeItemCollapsibleState.Expanded) continue;
    const below = view.getChildren(child);
    if (Array.isArray(below) && below.length === 0) continue;
    const filled = Array.isArray(below) ? rowsOf(view, below, expandedOnly) : below.then((b) => rowsOf(view, b, expandedOnly));
    if (Array.isArray(filled)) row.children = filled;
    else (waits ??= []).push(filled.then((c) => { row.children = c; }));
  }
  return waits ? Promise.all(waits).then(() => out) : out;
}
