/**
 * The Code Matrix panel as HTML: the page (strict Content Security Policy, styles and script with a
 * nonce, colours from the theme's --vscode-* variables) and its content, rendered again on every
 * change and sent to the page as a message: the toolbar, the grid (a keyboard grid: arrow keys move
 * between cells, Enter lists the passages behind one) and the list of passages. Pure (no `vscode`):
 * the adapter passes the words in the user's language.
 */
import type { CooccurrenceBy, CooccurrenceGrid, MatrixColumns, MatrixCount, MatrixGrid, PassageDetail } from '../../core/coding/matrixView';
import { MATRIX_COLUMNS, UNKNOWN_COLUMN } from '../../core/coding/matrixView';
import { PAGE_SCRIPT, PAGE_STYLE } from './page';

export type MatrixTab = 'matrix' | 'cooccurrence';

/** What the panel shows now. */
export interface MatrixViewState {
  readonly tab: MatrixTab;
  readonly columns: MatrixColumns;
  readonly count: MatrixCount;
  readonly by: CooccurrenceBy;
  /** Only the passages of these coders (`''`: without a coder); undefined: everyone's. */
  readonly coders?: readonly string[];
}

/** The coders the filter offers: those of the workspace's annotations, and whether some have none. */
export interface MatrixCoderChoices {
  readonly names: readonly string[];
  readonly uncoded: boolean;
  /** Blind coding is on: only one's own passages are counted (said above the grid). */
  readonly blind?: boolean;
}

export interface MatrixWords {
  readonly title: string;
  readonly lang: string;
  readonly tabs: Readonly<Record<MatrixTab, string>>;
  readonly columnsLabel: string;
  readonly columns: Readonly<Record<MatrixColumns, string>>;
  readonly countLabel: string;
  readonly counts: Readonly<Record<MatrixCount, string>>;
  readonly byLabel: string;
  readonly by: Readonly<Record<CooccurrenceBy, string>>;
  readonly export: string;
  readonly coderLabel: string;
  readonly allCoders: string;
  readonly noCoder: string;
  /** Said above the grid when blind coding is on. */
  readonly blind: string;
  /** "Only the passages of {coders}." */
  readonly onlyCoders: (coders: readonly string[]) => string;
  readonly tag: string;
  readonly total: string;
  readonly unknown: string;
  readonly empty: string;
  /** Empty under the coder filter. */
  readonly emptyFiltered: string;
  /** What a cell of the grid counts, said once above it. */
  readonly explain: string;
  readonly collapse: string;
  /** "{n} passages: {row} × {column}" */
  readonly passagesOf: (n: number, row: string, column: string) => string;
  readonly noPassages: string;
  readonly open: string;
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The page: the content arrives by message (`render`), so focus and collapsed rows survive updates. */
export function pageHtml(words: MatrixWords, options: { nonce: string; cspSource: string }): string {
  const { nonce } = options;
  return `<!DOCTYPE html><html lang="${esc(words.lang)}"><head><meta charset="utf-8">`
    + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">`
    + `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(words.title)}</title>`
    + `<style nonce="${nonce}">${PAGE_STYLE}</style></head>`
    + `<body><main id="code-matrix"><div id="app"></div><section id="passages" aria-live="polite"></section></main>`
    + `<script nonce="${nonce}">${PAGE_SCRIPT}</script></body></html>`;
}

function pressed(on: boolean): string {
  return `aria-pressed="${on ? 'true' : 'false'}"`;
}

/**
 * The coder filter: every coder, each coder alone, the annotations without a coder; a set of several
 * (given to Show Code Matrix) as an option of its own. Values are JSON lists of names ('' for every coder).
 */
function coderSelect(state: MatrixViewState, choices: MatrixCoderChoices, words: MatrixWords): string {
  const name = (c: string): string => (c === '' ? words.noCoder : c);
  const options: [value: string, label: string][] = [['', words.allCoders], ...choices.names.map((c): [string, string] => [JSON.stringify([c]), c])];
  if (choices.uncoded) options.push([JSON.stringify(['']), words.noCoder]);
  const current = state.coders ? JSON.stringify(state.coders) : '';
  if (!options.some(([v]) => v === current)) options.push([current, state.coders?.map(name).join(', ') ?? '']);
  return `<label>${esc(words.coderLabel)} <select id="coders">${options.map(([v, label]) => `<option value="${esc(v)}"${v === current ? ' selected' : ''}>${esc(label)}</option>`).join('')}</select></label>`;
}

function toolbar(state: MatrixViewState, choices: MatrixCoderChoices, words: MatrixWords): string {
  const tabs = (['matrix', 'cooccurrence'] as const).map((t) => `<button role="tab" id="tab-${t}" data-tab="${t}" aria-selected="${t === state.tab}" aria-controls="panel" tabindex="${t === state.tab ? 0 : -1}">${esc(words.tabs[t])}</button>`).join('');
  const controls = state.tab === 'matrix'
    ? `<label>${esc(words.columnsLabel)} <select id="columns">${MATRIX_COLUMNS.map((c) => `<option value="${c}"${c === state.columns ? ' selected' : ''}>${esc(words.columns[c])}</option>`).join('')}</select></label>`
      + `<div role="group" class="toggle" aria-label="${esc(words.countLabel)}"><span aria-hidden="true">${esc(words.countLabel)}</span>${(['passages', 'documents'] as const).map((c) => `<button data-count="${c}" ${pressed(c === state.count)}>${esc(words.counts[c])}</button>`).join('')}</div>`
    : `<div role="group" class="toggle" aria-label="${esc(words.byLabel)}"><span aria-hidden="true">${esc(words.byLabel)}</span>${(['overlap', 'block'] as const).map((b) => `<button data-by="${b}" ${pressed(b === state.by)}>${esc(words.by[b])}</button>`).join('')}</div>`;
  return `<div class="toolbar"><div role="tablist" aria-label="${esc(words.title)}">${tabs}</div>${controls}${coderSelect(state, choices, words)}<button id="export">${esc(words.export)}</button></div>`;
}

/** Heat class of a count against the largest count: h0 for none, h1 to h4 by quarter. */
function heat(n: number, max: number): string {
  return n <= 0 || max <= 0 ? 'h0' : `h${Math.min(4, Math.ceil((4 * n) / max))}`;
}

function cell(r: number, c: number, n: number, cls: string, first: boolean): string {
  return `<td role="gridcell" class="${cls}" data-r="${r}" data-c="${c}" tabindex="${first ? 0 : -1}">${n}</td>`;
}

function columnLabel(key: string, words: MatrixWords): string {
  return key === UNKNOWN_COLUMN ? words.unknown : key;
}

function matrixTable(grid: MatrixGrid, words: MatrixWords): string {
  const max = Math.max(0, ...grid.rows.flatMap((r) => r.counts));
  const head = `<tr><th scope="col" class="corner">${esc(words.tag)}</th>${grid.columnKeys.map((k, c) => `<th scope="col" data-c="${c}" title="${esc(columnLabel(k, words))}">${esc(columnLabel(k, words))}</th>`).join('')}<th scope="col" class="total">${esc(words.total)}</th></tr>`;
  const body = grid.rows.map((row, r) => {
    const toggle = row.hasChildren ? ` aria-expanded="true" title="${esc(words.collapse)}"` : '';
    const cells = row.counts.map((n, c) => cell(r, c, n, heat(n, max), r === 0 && c === 0)).join('');
    return `<tr data-tag="${esc(row.tag)}"${row.parent !== undefined ? ` data-parent="${esc(row.parent)}"` : ''} aria-level="${row.depth}">`
      + `<th scope="row" role="rowheader" class="tag d${Math.min(row.depth, 6)}${row.hasChildren ? ' parent' : ''}" data-r="${r}" data-c="-1" tabindex="-1"${toggle} title="${esc(row.tag)}">`
      + `<span class="twisty" aria-hidden="true"></span>${esc(row.name)}</th>${cells}${cell(r, grid.columnKeys.length, row.total, 'total', false)}</tr>`;
  });
  const n = grid.rows.length;
  body.push(`<tr class="totals"><th scope="row" role="rowheader" class="tag" data-r="${n}" data-c="-1" tabindex="-1">${esc(words.total)}</th>`
    + `${grid.totals.map((t, c) => cell(n, c, t, 'total', false)).join('')}${cell(n, grid.columnKeys.length, grid.total, 'total', false)}</tr>`);
  return `<table role="grid" id="grid" aria-label="${esc(words.tabs.matrix)}" aria-describedby="explain"><thead>${head}</thead><tbody>${body.join('')}</tbody></table>`;
}

function cooccurrenceTable(grid: CooccurrenceGrid, words: MatrixWords): string {
  const max = Math.max(0, ...grid.counts.flatMap((row, i) => row.filter((_, j) => j !== i)));
  const head = `<tr><th scope="col" class="corner">${esc(words.tag)}</th>${grid.tags.map((t, c) => `<th scope="col" data-c="${c}" title="${esc(t)}">${esc(t)}</th>`).join('')}</tr>`;
  const body = grid.tags.map((t, r) => {
    const depth = t.split('/').length;
    const cells = grid.counts[r].map((n, c) => cell(r, c, n, r === c ? 'diag' : heat(n, max), r === 0 && c === 0)).join('');
    return `<tr data-tag="${esc(t)}" aria-level="${depth}"><th scope="row" role="rowheader" class="tag" data-r="${r}" data-c="-1" tabindex="-1" title="${esc(t)}">${esc(t)}</th>${cells}</tr>`;
  });
  return `<table role="grid" id="grid" aria-label="${esc(words.tabs.cooccurrence)}" aria-describedby="explain"><thead>${head}</thead><tbody>${body.join('')}</tbody></table>`;
}

/** The content of the page for the current grid. */
export function contentHtml(state: MatrixViewState, grid: MatrixGrid | CooccurrenceGrid, words: MatrixWords, choices: MatrixCoderChoices = { names: [], uncoded: false }): string {
  const empty = 'by' in grid ? grid.tags.length === 0 : grid.rows.length === 0;
  const table = empty ? `<p class="empty">${esc(state.coders ? words.emptyFiltered : words.empty)}</p>` : 'by' in grid ? cooccurrenceTable(grid, words) : matrixTable(grid, words);
  const explain = [
    words.explain,
    ...(state.coders ? [words.onlyCoders(state.coders.map((c) => (c === '' ? words.noCoder : c)))] : []),
    ...(choices.blind ? [words.blind] : []),
  ].join(' ');
  return `${toolbar(state, choices, words)}<div role="tabpanel" id="panel" aria-labelledby="tab-${state.tab}">`
    + `<p id="explain" class="explain">${esc(explain)}</p><div class="scroll">${table}</div></div>`;
}

/** The row and column names of a cell, for the heading of its passages. */
export function cellNames(grid: MatrixGrid | CooccurrenceGrid, r: number, c: number, words: MatrixWords): { row: string; column: string } {
  if ('by' in grid) return { row: grid.tags[r] ?? '', column: grid.tags[c] ?? '' };
  return {
    row: r === grid.rows.length ? words.total : grid.rows[r]?.tag ?? '',
    column: c === grid.columnKeys.length ? words.total : columnLabel(grid.columnKeys[c] ?? '', words),
  };
}

/** The passages behind a cell: each a button that opens its place. */
export function passagesHtml(passages: readonly PassageDetail[], heading: string, words: MatrixWords): string {
  const items = passages.map((p, i) => {
    const quote = p.quote.replace(/\s+/gu, ' ').trim();
    const where = [p.document, p.place].filter(Boolean).join(' · ');
    return `<li><button class="passage" data-i="${i}" title="${esc(words.open)}"><q>${esc(quote.length > 300 ? `${quote.slice(0, 299)}…` : quote)}</q>`
      + `<span class="where">${esc(where)}</span><span class="tags">${esc(p.tags.join(', '))}</span></button></li>`;
  });
  return `<h2 id="passages-title" tabindex="-1">${esc(heading)}</h2>`
    + (items.length > 0 ? `<ul class="passages">${items.join('')}</ul>` : `<p class="empty">${esc(words.noPassages)}</p>`);
}
