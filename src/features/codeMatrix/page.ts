/**
 * The style and script of the Code Matrix page (inlined with a nonce). The script only moves
 * focus, collapses rows and passes clicks and keys to the extension; everything it shows comes
 * rendered from html.ts.
 */

export const PAGE_STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 16px; }
.toolbar { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 10px 0; position: sticky; top: 0; background: var(--vscode-editor-background); z-index: 2; }
button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); padding: 3px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
button[aria-pressed="true"], button[aria-selected="true"], #export { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
button[aria-pressed="true"]:hover, button[aria-selected="true"]:hover, #export:hover { background: var(--vscode-button-hoverBackground); }
[role="tablist"] button { border-radius: 0; }
.toggle { display: inline-flex; gap: 0; align-items: center; }
.toggle > span { margin-right: 6px; }
select { font: inherit; color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background); border: 1px solid var(--vscode-dropdown-border); padding: 2px 4px; }
:focus-visible, td:focus, th:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.explain { color: var(--vscode-descriptionForeground); margin: 0 0 8px; }
.scroll { overflow: auto; max-height: 65vh; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border)); padding: 3px 8px; }
thead th { position: sticky; top: 0; background: var(--vscode-editor-background); font-weight: 600; max-width: 14em; overflow-wrap: anywhere; vertical-align: bottom; z-index: 1; }
th.tag { text-align: left; font-weight: normal; white-space: nowrap; }
th.tag.parent { cursor: pointer; }
.twisty { display: inline-block; width: 1em; }
th.parent .twisty::before { content: "▾"; }
th.parent[aria-expanded="false"] .twisty::before { content: "▸"; }
th.d2 { padding-left: 1.6em; } th.d3 { padding-left: 2.8em; } th.d4 { padding-left: 4em; } th.d5, th.d6 { padding-left: 5.2em; }
td { text-align: right; font-variant-numeric: tabular-nums; cursor: pointer; min-width: 2.5em; }
td.h0 { color: var(--vscode-disabledForeground, var(--vscode-descriptionForeground)); }
td.h1 { background: color-mix(in srgb, var(--vscode-charts-blue) 15%, transparent); }
td.h2 { background: color-mix(in srgb, var(--vscode-charts-blue) 30%, transparent); }
td.h3 { background: color-mix(in srgb, var(--vscode-charts-blue) 45%, transparent); }
td.h4 { background: color-mix(in srgb, var(--vscode-charts-blue) 60%, transparent); }
td.total, tr.totals th { font-weight: 600; }
td.diag { background: var(--vscode-editorWidget-background); }
td.selected { outline: 2px solid var(--vscode-focusBorder); outline-offset: -2px; }
tr[hidden] { display: none; }
.empty { color: var(--vscode-descriptionForeground); }
#passages h2 { font-size: 1.1em; margin: 16px 0 8px; }
ul.passages { list-style: none; padding: 0; margin: 0; }
ul.passages li { margin: 0 0 6px; }
button.passage { display: block; width: 100%; text-align: left; color: var(--vscode-foreground); background: var(--vscode-editorWidget-background); border: 1px solid var(--vscode-editorWidget-border, transparent); padding: 6px 10px; }
button.passage:hover { background: var(--vscode-list-hoverBackground); }
button.passage q { display: block; }
button.passage .where, button.passage .tags { display: inline-block; margin-top: 4px; margin-right: 12px; color: var(--vscode-descriptionForeground); font-size: 0.9em; }
`;

export const PAGE_SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const app = document.getElementById('app');
  const list = document.getElementById('passages');
  let state = vscode.getState() || { collapsed: {} };
  let last = null;
  const post = (m) => vscode.postMessage(m);
  const save = () => vscode.setState(state);
  const grid = () => document.getElementById('grid');
  const rows = () => Array.from(grid() ? grid().querySelectorAll('tbody tr') : []).filter((tr) => !tr.hidden);
  const at = (tr, c) => tr.querySelector('[data-c="' + c + '"]');
  function applyCollapsed() {
    const g = grid();
    if (!g) return;
    const byTag = new Map();
    for (const tr of g.querySelectorAll('tbody tr[data-tag]')) byTag.set(tr.dataset.tag, tr);
    for (const tr of byTag.values()) {
      let p = tr.dataset.parent, hidden = false;
      while (p !== undefined && !hidden) {
        if (state.collapsed[p]) hidden = true;
        const parent = byTag.get(p);
        p = parent ? parent.dataset.parent : undefined;
      }
      tr.hidden = hidden;
      const th = tr.querySelector('th.parent');
      if (th) th.setAttribute('aria-expanded', state.collapsed[tr.dataset.tag] ? 'false' : 'true');
    }
  }
  function focusCell(el) {
    if (!el) return;
    const g = grid();
    if (g) for (const x of g.querySelectorAll('[tabindex="0"]')) x.tabIndex = -1;
    el.tabIndex = 0;
    el.focus();
  }
  function toggle(th) {
    const tag = th.closest('tr').dataset.tag;
    state.collapsed[tag] = !state.collapsed[tag];
    save();
    applyCollapsed();
  }
  function openCell(td) {
    document.querySelectorAll('td.selected').forEach((x) => x.classList.remove('selected'));
    td.classList.add('selected');
    last = { r: td.dataset.r, c: td.dataset.c };
    post({ type: 'cell', r: Number(td.dataset.r), c: Number(td.dataset.c) });
  }
  function move(cellEl, key, ctrl) {
    const tr = cellEl.closest('tr');
    const visible = rows();
    const i = visible.indexOf(tr);
    const c = Number(cellEl.dataset.c);
    const lastC = tr.querySelectorAll('[data-c]').length - 2;
    if (key === 'ArrowRight') return at(tr, Math.min(c + 1, lastC));
    if (key === 'ArrowLeft') return at(tr, Math.max(c - 1, -1));
    if (key === 'Home') return ctrl ? at(visible[0], -1) : at(tr, -1);
    if (key === 'End') return ctrl ? at(visible[visible.length - 1], lastC) : at(tr, lastC);
    if (key === 'ArrowDown' && i + 1 < visible.length) return at(visible[i + 1], c);
    if (key === 'ArrowUp' && i > 0) return at(visible[i - 1], c);
    return null;
  }
  app.addEventListener('click', (e) => {
    const t = e.target.closest('button, td[data-r], th.parent');
    if (!t) return;
    if (t.dataset.tab) post({ type: 'options', tab: t.dataset.tab });
    else if (t.dataset.count) post({ type: 'options', count: t.dataset.count });
    else if (t.dataset.by) post({ type: 'options', by: t.dataset.by });
    else if (t.id === 'export') post({ type: 'export' });
    else if (t.matches('th.parent')) { focusCell(t); toggle(t); }
    else if (t.matches('td[data-r]')) { focusCell(t); openCell(t); }
  });
  app.addEventListener('change', (e) => {
    if (e.target.id === 'columns') post({ type: 'options', columns: e.target.value });
    else if (e.target.id === 'coders') post({ type: 'options', coders: e.target.value });
  });
  app.addEventListener('keydown', (e) => {
    const tab = e.target.closest('[role="tab"]');
    if (tab && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      const other = document.querySelector('[role="tab"]:not([aria-selected="true"])');
      if (other) { other.focus(); post({ type: 'options', tab: other.dataset.tab }); }
      e.preventDefault();
      return;
    }
    const cellEl = e.target.closest('#grid td[data-r], #grid th[data-r]');
    if (!cellEl) return;
    if (e.key === 'Enter' || e.key === ' ') {
      if (cellEl.matches('th.parent')) toggle(cellEl);
      else if (cellEl.matches('td')) openCell(cellEl);
      e.preventDefault();
      return;
    }
    const next = move(cellEl, e.key, e.ctrlKey || e.metaKey);
    if (next) { focusCell(next); e.preventDefault(); }
  });
  list.addEventListener('click', (e) => {
    const b = e.target.closest('button.passage');
    if (b) post({ type: 'open', i: Number(b.dataset.i) });
  });
  list.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && last && grid()) {
      const back = grid().querySelector('td[data-r="' + last.r + '"][data-c="' + last.c + '"]');
      if (back) focusCell(back);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const all = Array.from(list.querySelectorAll('button.passage'));
      const i = all.indexOf(document.activeElement);
      const next = all[i + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) { next.focus(); e.preventDefault(); }
    }
  });
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (m.type === 'render') {
      if (m.view) { state.view = m.view; save(); }
      const active = document.activeElement;
      const keep = active && active.closest && active.closest('#grid') ? { r: active.dataset.r, c: active.dataset.c } : null;
      const control = active && active.id ? active.id : active && active.dataset && (active.dataset.tab || active.dataset.count || active.dataset.by);
      app.innerHTML = m.html;
      if (m.clearPassages) { list.innerHTML = ''; last = null; }
      applyCollapsed();
      if (last && grid()) {
        const sel = grid().querySelector('td[data-r="' + last.r + '"][data-c="' + last.c + '"]');
        if (sel) sel.classList.add('selected');
      }
      if (keep && grid()) focusCell(grid().querySelector('[data-r="' + keep.r + '"][data-c="' + keep.c + '"]'));
      else if (control) {
        const el = document.getElementById(control) || document.querySelector('[data-tab="' + control + '"], [data-count="' + control + '"], [data-by="' + control + '"]');
        if (el) el.focus();
      }
    } else if (m.type === 'passages') {
      list.innerHTML = m.html;
      const first = list.querySelector('button.passage');
      if (m.focus && first) first.focus();
    }
  });
  post({ type: 'ready' });
})();
`;
