/**
 * The Corpus view's webview script: a table of the workspace's documents, sorted and filtered here
 * with the same code the extension's unit tests cover (overviewTable.ts). Rows arrive from the
 * extension (`init`, then `update` with only what changed); clicking a row or Enter opens its
 * document. Of a long list only the rows on screen are in the DOM (corpusWindow.ts). Sort, filters and the focused row survive the webview being hidden (getState).
 */
import {
  COLUMNS, type Column, facetsOf, FILTER_KEYS, type FilterKey, filterRows, type OverviewRow, type RowFilter, type SortOrder, sortRows,
} from '../core/corpus/overviewTable';
import { unpackRows } from '../core/corpus/overviewWire';
import { cell, el, fill } from './corpusCells';
import { RowWindow } from './corpusWindow';
import type { FromView, ToView, ViewWords } from './corpusViewProtocol';

interface VsCodeApi {
  postMessage(message: FromView): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface Saved {
  sort: SortOrder;
  filter: RowFilter;
  active?: string;
}

const vscode = acquireVsCodeApi();
const saved = (vscode.getState() ?? {}) as Partial<Saved>;
let sort: SortOrder = saved.sort ?? { column: 'submitted', direction: 'desc' };
let filter: RowFilter = saved.filter ?? {};
let active: string | undefined = saved.active;
let words: ViewWords | undefined;
let version = 0;
let indexing = false;
const rows = new Map<string, OverviewRow>();
const texts = new Map<string, string>();
/** The id of each file's row (related files are posted without theirs). */
const idOfFile = new Map<string, string>();
let shown: OverviewRow[] = [];

const app = document.getElementById('kamerstukken-corpus') as HTMLElement;
const toolbar = el('div', 'toolbar');
const search = el('input', 'search');
const selects = new Map<FilterKey, HTMLSelectElement>();
const clear = el('button', 'secondary');
const exportButton = el('button', 'secondary');
const count = el('span', 'count');
const message = el('div', 'message');
const table = el('table');
const thead = el('thead');
const tbody = el('tbody');
const scroller = el('div', 'scroll');
/** The spacers above and below the table: as tall as the rows not drawn. */
const before = el('div', 'spacer');
const after = el('div', 'spacer');
const rowWindow = new RowWindow<OverviewRow>(scroller, thead, tbody, before, after, drawRow, drawn);

function save(): void {
  vscode.setState({ sort, filter, ...(active ? { active } : {}) } satisfies Saved);
}

function build(w: ViewWords): void {
  search.type = 'search';
  search.placeholder = w.search;
  search.setAttribute('aria-label', w.search);
  search.value = filter.text ?? '';
  toolbar.append(search);
  for (const key of FILTER_KEYS) {
    const s = el('select');
    s.dataset.filter = key;
    s.setAttribute('aria-label', w.labels[key]);
    s.title = w.labels[key];
    selects.set(key, s);
    toolbar.append(s);
  }
  clear.textContent = w.clear;
  exportButton.textContent = w.export;
  toolbar.append(clear, count, exportButton);
  table.setAttribute('aria-label', w.title);
  table.setAttribute('aria-description', w.table);
  const tr = el('tr');
  for (const c of COLUMNS) {
    const th = el('th', `col-${c}`);
    th.scope = 'col';
    const b = el('button', 'sort', w.columns[c]);
    b.dataset.column = c;
    const hint = w.columnHints[c];
    if (hint) b.title = hint;
    th.append(b);
    tr.append(th);
  }
  thead.append(tr);
  table.append(thead, tbody);
  tr.setAttribute('aria-rowindex', '1');
  scroller.tabIndex = -1;
  scroller.append(before, table, after);
  app.replaceChildren(toolbar, message, scroller);
}

function fillSelects(w: ViewWords): void {
  const facets = facetsOf([...rows.values()]);
  for (const key of FILTER_KEYS) {
    const s = selects.get(key);
    if (!s) continue;
    const current = filter[key] ?? '';
    const options = [el('option', '', w.all[key])];
    options[0].value = '';
    const values = facets[key];
    for (const f of values) {
      const label = key === 'kind' ? w.kinds[f.value as keyof ViewWords['kinds']] : key === 'status' ? w.statuses[f.value as keyof ViewWords['statuses']] : f.value;
      const o = el('option', '', `${label ?? f.value} (${f.count})`);
      o.value = f.value;
      options.push(o);
    }
    // A chosen value no row has any more stays chosen, with 0.
    if (current && !values.some((f) => f.value === current)) {
      const o = el('option', '', `${current} (0)`);
      o.value = current;
      options.push(o);
    }
    s.replaceChildren(...options);
    s.value = current;
  }
}

function headerState(w: ViewWords): void {
  for (const th of thead.querySelectorAll('th')) {
    const c = (th.querySelector('button') as HTMLButtonElement).dataset.column as Column;
    const on = c === sort.column;
    th.setAttribute('aria-sort', on ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none');
    th.classList.toggle('sorted', on);
    th.classList.toggle('desc', on && sort.direction === 'desc');
    (th.querySelector('button') as HTMLButtonElement).setAttribute('aria-label', on ? `${w.columns[c]}, ${sort.direction === 'asc' ? w.sortAsc : w.sortDesc}` : w.columns[c]);
  }
}

/** One row of the table: `index` in the rows shown. */
function drawRow(row: OverviewRow, index: number): HTMLTableRowElement {
  const w = words as ViewWords;
  const tr = el('tr');
  tr.dataset.id = row.id;
  tr.tabIndex = row.id === active ? 0 : -1;
  tr.setAttribute('aria-rowindex', String(index + 2));
  for (const c of COLUMNS) tr.append(cell(row, c, w));
  return tr;
}

/** After the window of rows was redrawn: the focus back on its row (else on the scroller, so keys still work), one row a Tab stop. */
function drawn(hadFocus: boolean): void {
  const tr = rowElement(active);
  if (!tr) (tbody.rows[0] as HTMLTableRowElement | undefined)?.setAttribute('tabindex', '0');
  if (!hadFocus && document.activeElement !== scroller) return;
  if (tr) tr.focus({ preventScroll: true });
  else scroller.focus({ preventScroll: true });
}

/** Sorts, filters and draws the rows; keeps the focused row if it is still shown. */
function render(): void {
  const w = words;
  if (!w) return;
  const all = [...rows.values()];
  shown = sortRows(filterRows(all, filter, texts), sort, filter.tag || undefined);
  const hadFocus = tbody.contains(document.activeElement) || document.activeElement === scroller;
  if (!shown.some((r) => r.id === active)) active = shown[0]?.id;
  table.setAttribute('aria-rowcount', String(shown.length + 1));
  rowWindow.set(shown);
  headerState(w);
  count.textContent = fill(w.count, shown.length, all.length);
  message.textContent = indexing ? w.indexing : all.length === 0 ? w.none : shown.length === 0 ? w.empty : '';
  message.hidden = message.textContent === '';
  clear.disabled = !filter.text && FILTER_KEYS.every((k) => !filter[k]);
  if (hadFocus) focusRow(active);
  save();
  vscode.postMessage({ type: 'rendered', version, shown: shown.length, total: all.length });
}

function rowElement(id: string | undefined): HTMLTableRowElement | undefined {
  if (id === undefined) return undefined;
  return [...tbody.rows].find((r) => r.dataset.id === id);
}

/** Makes `tr` the table's one Tab stop. */
function tabStop(tr: HTMLElement): void {
  for (const r of tbody.querySelectorAll('tr[tabindex="0"]')) (r as HTMLElement).tabIndex = -1;
  tr.tabIndex = 0;
}

/** Scrolls to the row of `id`, draws and focuses it. */
function focusRow(id: string | undefined): void {
  const index = id === undefined ? -1 : shown.findIndex((r) => r.id === id);
  if (index < 0) return;
  active = id;
  const tr = rowWindow.reveal(index);
  if (!tr) return;
  tabStop(tr);
  tr.focus({ preventScroll: true });
  save();
}

function open(id: string, beside: boolean): void {
  vscode.postMessage({ type: 'open', id, beside });
}

/** Arrows, Home/End and PageUp/PageDown from the row of `id`. */
function moveFocus(id: string, key: string): void {
  const i = shown.findIndex((r) => r.id === id);
  const page = rowWindow.pageRows();
  const target = key === 'ArrowDown' ? i + 1 : key === 'ArrowUp' ? i - 1 : key === 'Home' ? 0 : key === 'End' ? shown.length - 1
    : key === 'PageDown' ? i + page : i - page;
  const next = shown[Math.max(0, Math.min(shown.length - 1, target))];
  if (next) focusRow(next.id);
}

function wire(): void {
  thead.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest('button');
    const c = b?.dataset.column as Column | undefined;
    if (!c) return;
    sort = { column: c, direction: sort.column === c && sort.direction === 'asc' ? 'desc' : 'asc' };
    render();
  });
  tbody.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    const link = target.closest('a');
    const tr = target.closest('tr');
    e.preventDefault();
    const beside = e.ctrlKey || e.metaKey;
    if (link?.dataset.open) open(link.dataset.open, beside);
    else if (tr?.dataset.id) {
      focusRow(tr.dataset.id);
      open(tr.dataset.id, beside);
    }
  });
  tbody.addEventListener('focusin', (e) => {
    const tr = (e.target as HTMLElement).closest('tr');
    const id = tr?.dataset.id;
    if (!tr || id === undefined || id === active) return;
    tabStop(tr);
    active = id;
    save();
  });
  // On the scroller: keys from a row, or from the scroller itself when the focused row was scrolled out of the window.
  scroller.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    const id = tbody.contains(target) ? target.closest('tr')?.dataset.id : target === scroller ? active : undefined;
    if (!id) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(id, e.ctrlKey || e.metaKey);
    } else if (['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'].includes(e.key)) {
      e.preventDefault();
      moveFocus(id, e.key);
    }
  });
  search.addEventListener('input', () => {
    filter = { ...filter, text: search.value };
    render();
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusRow(active ?? shown[0]?.id);
    }
  });
  for (const [key, s] of selects) {
    s.addEventListener('change', () => {
      filter = { ...filter, [key]: s.value };
      render();
    });
  }
  clear.addEventListener('click', () => {
    filter = {};
    search.value = '';
    for (const s of selects.values()) s.value = '';
    render();
  });
  exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
}

window.addEventListener('message', (event: MessageEvent<ToView>) => {
  const m = event.data;
  switch (m.type) {
    case 'init':
      if (!words) {
        words = m.words;
        build(m.words);
        wire();
      }
      rows.clear();
      texts.clear();
      idOfFile.clear();
      for (const r of unpackRows(m.rows, (f) => idOfFile.get(f))) {
        rows.set(r.id, r);
        idOfFile.set(r.file, r.id);
      }
      indexing = m.indexing;
      version = m.version;
      break;
    case 'update':
      for (const id of m.removed) {
        const file = rows.get(id)?.file;
        if (file !== undefined && idOfFile.get(file) === id) idOfFile.delete(file);
        rows.delete(id);
        texts.delete(id);
      }
      for (const r of unpackRows(m.changed, (f) => idOfFile.get(f))) {
        rows.set(r.id, r);
        idOfFile.set(r.file, r.id);
        texts.delete(r.id);
      }
      version = m.version;
      break;
    case 'indexing':
      indexing = m.indexing;
      break;
  }
  if (words) {
    fillSelects(words);
    render();
  }
});

// The extension posts the rows as it makes the webview; VS Code hands them over once the page has
// loaded. Only if none came by then (or the page was reloaded): 'ready', to ask for them.
function ready(): void {
  setTimeout(() => {
    if (version === 0) vscode.postMessage({ type: 'ready', version });
  }, 0);
}
if (document.readyState === 'complete') ready();
else window.addEventListener('load', ready, { once: true });
