import vscode = require('vscode');
import { Debounced } from '../../debounce';
import { toRange } from '../../convert';
import type { CodebookService } from '../coding/codebookService';
import type { CoderVisibility } from '../coding/coder';
import type { AnnotationStore } from './store';

function gutterIcon(color: string): vscode.Uri {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect x="5" y="0" width="4" height="16" fill="${color}"/></svg>`;
  return vscode.Uri.parse(`data:image/svg+xml,${encodeURIComponent(svg)}`);
}

/** Test-only command (registered in test mode only, not in the manifest): the highlights of the visible editors. */
const DECORATIONS_STATE_COMMAND = 'kamerstukken.decorationsState';

/** What the tests read: per visible document, the colours drawn and the offsets of their ranges. */
export type DecorationsState = Record<string, Record<string, [number, number][]>>;

/**
 * Highlights tagged passages in the colours of the codebook (then the `kamerstukken.tags`
 * setting; see `CodebookService.colors`): one decoration type per colour (background, overview
 * ruler, gutter), reused across editors and updates. Only annotations blind coding lets through.
 * Updates are debounced; typing itself only shifts offsets in the store (the editor moves
 * decorations along with the text meanwhile).
 */
export function registerDecorations(store: AnnotationStore, codebook: CodebookService, visibility: CoderVisibility, { testCommands = false } = {}): vscode.Disposable {
  const drawn = new Map<string, Record<string, [number, number][]>>();
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
    const colors = codebook.colors(editor.document.uri);
    const byColor = new Map<string, vscode.Range[]>();
    for (const color of types.keys()) byColor.set(color, []);
    const record: Record<string, [number, number][]> = {};
    for (const a of state?.annotations ?? []) {
      if (a.orphaned || !visibility.visible(a)) continue;
      const range = toRange(editor.document, a);
      for (const tag of a.tags.length > 0 ? a.tags : ['']) {
        const color = colors.colorOf(tag);
        typeFor(color);
        let list = byColor.get(color);
        if (!list) byColor.set(color, (list = []));
        list.push(range);
        (record[color] ??= []).push([a.start, a.end]);
      }
    }
    for (const [color, ranges] of byColor) editor.setDecorations(typeFor(color), ranges);
    if (testCommands) drawn.set(editor.document.uri.toString(), record);
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
    // The codebook service also fires for changes of the `kamerstukken.tags` setting.
    codebook.onDidChange(() => schedule(undefined, 0)),
    visibility.onDidChange(() => schedule(undefined, 0)),
    redraw,
    ...(testCommands ? [vscode.commands.registerCommand(DECORATIONS_STATE_COMMAND, (): DecorationsState => {
      const out: DecorationsState = {};
      for (const e of vscode.window.visibleTextEditors) {
        const key = e.document.uri.toString();
        const d = drawn.get(key);
        if (d) out[key] = d;
      }
      return out;
    })] : []),
    { dispose: () => { for (const t of types.values()) t.dispose(); types.clear(); } },
  );
}
