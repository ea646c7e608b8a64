import * as vscode from 'vscode';
import { Debounced } from '../../debounce';
import { toRange } from '../../convert';
import type { AnnotationStore } from './store';
import { colorOf, configuredTags } from './tags';

function gutterIcon(color: string): vscode.Uri {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect x="5" y="0" width="4" height="16" fill="${color}"/></svg>`;
  return vscode.Uri.parse(`data:image/svg+xml,${encodeURIComponent(svg)}`);
}

/**
 * Highlights tagged passages: one decoration type per colour (background, overview ruler,
 * gutter), reused across editors and updates. Updates are debounced; typing itself only
 * shifts offsets in the store (the editor moves decorations along with the text meanwhile).
 */
export function registerDecorations(store: AnnotationStore): vscode.Disposable {
  const types = new Map<string, vscode.TextEditorDecorationType>();
  const typeFor = (color: string): vscode.TextEditorDecorationType => {
    let t = types.get(color);
    if (!t) {
      t = vscode.window.createTextEditorDecorationType({
        backgroundColor: `${color}33`,
        overviewRulerColor: `${color}cc`,
        overviewRulerLane: vscode.OverviewRulerLane.Center,
        gutterIconPath: gutterIcon(color),
        gutterIconSize: 'contain',
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
      types.set(color, t);
    }
    return t;
  };

  const update = (editor: vscode.TextEditor): void => {
    const state = store.stateOf(editor.document.uri);
    const tags = configuredTags(editor.document);
    const byColor = new Map<string, vscode.Range[]>();
    for (const color of types.keys()) byColor.set(color, []);
    for (const a of state?.annotations ?? []) {
      if (a.orphaned) continue;
      const range = toRange(editor.document, a);
      for (const tag of a.tags.length > 0 ? a.tags : ['']) {
        const color = colorOf(tag, tags);
        typeFor(color);
        let list = byColor.get(color);
        if (!list) byColor.set(color, (list = []));
        list.push(range);
      }
    }
    for (const [color, ranges] of byColor) editor.setDecorations(typeFor(color), ranges);
  };

  const dirty = new Set<string>();
  const redraw = new Debounced(() => {
    const all = dirty.has('*');
    for (const e of vscode.window.visibleTextEditors) if (all || dirty.has(e.document.uri.toString())) update(e);
    dirty.clear();
  }, 0);
  const schedule = (uri: vscode.Uri | undefined, delay: number): void => {
    dirty.add(uri?.toString() ?? '*');
    redraw.schedule(delay);
  };

  return vscode.Disposable.from(
    store.onDidChange((uri) => schedule(uri, 50)),
    vscode.window.onDidChangeVisibleTextEditors(() => schedule(undefined, 0)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('kamerstukken.tags')) schedule(undefined, 0);
    }),
    redraw,
    { dispose: () => { for (const t of types.values()) t.dispose(); types.clear(); } },
  );
}
