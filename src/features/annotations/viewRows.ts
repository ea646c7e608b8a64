/** The Annotations view's rows as shown, for the tests and the benchmark (their test-only commands). */
import * as vscode from 'vscode';
import type { AnnotationsView, Node } from './view';

/** One row of the view as shown: its label, description and context value, and the rows under it. */
export interface RowState { readonly label: string; readonly description: string; readonly contextValue?: string; readonly children: readonly RowState[] }

/**
 * The rows under `node`, every level; with `expandedOnly`, only below rows shown expanded, as VS
 * Code asks for them when the view first shows (documents are collapsed: their annotations wait).
 * Waits only where the view does (the roots wait for the index): a promise per row of thousands
 * made this command measure itself more than the view (two thirds of its time at 15,000 rows).
 */
export async function rows(view: AnnotationsView, node?: Node, expandedOnly = false): Promise<RowState[]> {
  return rowsOf(view, await view.getChildren(node), expandedOnly);
}

function rowsOf(view: AnnotationsView, children: readonly Node[], expandedOnly: boolean): RowState[] | Promise<RowState[]> {
  const out: { label: string; description: string; contextValue?: string; children: readonly RowState[] }[] = [];
  const waits: Promise<void>[] = [];
  for (const child of children) {
    const item = view.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    const description = typeof item.description === 'string' ? item.description : '';
    const row: (typeof out)[number] = { label, description, ...(item.contextValue ? { contextValue: item.contextValue } : {}), children: [] };
    out.push(row);
    if (expandedOnly && item.collapsibleState !== vscode.TreeItemCollapsibleState.Expanded) continue;
    const below = view.getChildren(child);
    const filled = Array.isArray(below) ? rowsOf(view, below, expandedOnly) : below.then((b) => rowsOf(view, b, expandedOnly));
    if (Array.isArray(filled)) row.children = filled;
    else waits.push(filled.then((c) => { row.children = c; }));
  }
  return waits.length > 0 ? Promise.all(waits).then(() => out) : out;
}
