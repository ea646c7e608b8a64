/**
 * The agreement report as HTML for a webview: the figures per tag and overall, and every
 * disagreement as a button that opens its place. Pure (no `vscode`): the adapter passes the words
 * in the user's language, a nonce for the Content Security Policy and the webview's CSP source.
 */
import type { AgreementStats, Coefficient, Disagreement, UndefinedReason } from '../../core/coding/agreement';
import type { AgreementScope } from '../../core/coding/agreementArgs';

/** The agreement as the command returns it. */
export interface AgreementResult {
  readonly unit: 'block' | 'character';
  readonly scope: AgreementScope;
  readonly coders: readonly string[];
  /** Documents compared (those with passages of the coders). */
  readonly documents: number;
  readonly overall: AgreementStats;
  readonly tags: readonly (AgreementStats & { readonly tag: string; readonly applied: Readonly<Record<string, number>> })[];
  /** Each with the document's URI (a string), to open it. */
  readonly disagreements: readonly (Disagreement & { readonly uri: string })[];
  /** Annotations left out because they have no coder. */
  readonly withoutCoder: number;
  /** Documents whose text could not be read. */
  readonly unreadable: readonly string[];
}

export interface ReportWords {
  readonly title: string;
  readonly lang: string;
  readonly unitLabel: string;
  readonly units: { readonly block: string; readonly character: string };
  readonly scopeLabel: string;
  readonly scopes: { readonly document: string; readonly workspace: string };
  readonly refresh: string;
  readonly summary: string;
  readonly tooFewCoders: string;
  readonly withoutCoder?: string;
  readonly unreadable?: string;
  readonly figures: string;
  readonly headers: { readonly tag: string; readonly units: string; readonly percent: string; readonly kappa: string; readonly alpha: string; readonly applied: string };
  readonly overall: string;
  readonly reasons: Readonly<Record<UndefinedReason, string>>;
  readonly disagreements: string;
  readonly noDisagreements: string;
  /** "Applied by {0}; not by {1}" with the lists filled in. */
  readonly appliedBy: (applied: string, notApplied: string) => string;
  readonly characters: (start: number, end: number) => string;
  readonly more: (n: number) => string;
  readonly nobody: string;
  /** Formats a share (0..1) as a percentage, a coefficient with three decimals. */
  readonly percent: (v: number) => string;
  readonly decimal: (v: number) => string;
  readonly count: (v: number) => string;
}

/** At most this many disagreements are listed (the data has them all). */
export const MAX_LISTED = 500;

function esc(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function coefficient(c: Coefficient, format: (v: number) => string, words: ReportWords): string {
  if (c.value !== null) return `<td class="num">${esc(format(c.value))}</td>`;
  return `<td class="num undefined"><span aria-hidden="true">—</span> <span class="reason">${esc(words.reasons[c.reason])}</span></td>`;
}

function row(label: string, s: AgreementStats, applied: string, words: ReportWords, cls = ''): string {
  return `<tr${cls ? ` class="${cls}"` : ''}><th scope="row">${esc(label)}</th><td class="num">${esc(words.count(s.units))}</td>`
    + coefficient(s.percentAgreement, words.percent, words) + coefficient(s.kappa, words.decimal, words)
    + coefficient(s.alpha, words.decimal, words) + `<td>${esc(applied)}</td></tr>`;
}

function figuresTable(r: AgreementResult, words: ReportWords): string {
  const h = words.headers;
  const rows = r.tags.map((t) => row(t.tag, t, r.coders.map((c) => `${c}: ${words.count(t.applied[c] ?? 0)}`).join(', '), words));
  rows.push(row(words.overall, r.overall, '', words, 'overall'));
  return `<table id="figures"><caption>${esc(words.figures)}</caption><thead><tr><th scope="col">${esc(h.tag)}</th>`
    + `<th scope="col" class="num">${esc(h.units)}</th><th scope="col" class="num">${esc(h.percent)}</th>`
    + `<th scope="col" class="num">${esc(h.kappa)}</th><th scope="col" class="num">${esc(h.alpha)}</th>`
    + `<th scope="col">${esc(h.applied)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function disagreementList(r: AgreementResult, words: ReportWords): string {
  if (r.disagreements.length === 0) return `<p id="no-disagreements">${esc(words.noDisagreements)}</p>`;
  const parts: string[] = [];
  let current: string | undefined;
  r.disagreements.slice(0, MAX_LISTED).forEach((d, i) => {
    if (d.document !== current) {
      if (current !== undefined) parts.push('</ul>');
      current = d.document;
      parts.push(`<h3>${esc(d.document)}</h3><ul>`);
    }
    const place = d.block ? d.block.label : words.characters(d.start, d.end);
    const who = words.appliedBy(d.applied.join(', ') || words.nobody, d.notApplied.join(', ') || words.nobody);
    parts.push(`<li><button type="button" class="disagreement" data-open="${i}"><span class="place">${esc(place)}</span>`
      + ` <span class="tag">${esc(d.tag)}</span> <span class="who">${esc(who)}</span></button></li>`);
  });
  parts.push('</ul>');
  if (r.disagreements.length > MAX_LISTED) parts.push(`<p class="more">${esc(words.more(r.disagreements.length - MAX_LISTED))}</p>`);
  return parts.join('');
}

function options<T extends string>(values: Readonly<Record<T, string>>, selected: T): string {
  return (Object.keys(values) as T[]).map((v) => `<option value="${v}"${v === selected ? ' selected' : ''}>${esc(values[v])}</option>`).join('');
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.5em 2em; line-height: 1.4; }
h1 { font-size: 1.5em; font-weight: 600; }
h2 { font-size: 1.2em; font-weight: 600; margin-top: 1.5em; }
h3 { font-size: 1em; font-weight: 600; margin: 1em 0 0.3em; }
form { display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: center; margin: 0.5em 0 1em; }
select, button { font: inherit; color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background); border: 1px solid var(--vscode-dropdown-border, transparent); padding: 2px 6px; }
button.run { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; cursor: pointer; }
button.run:hover { background: var(--vscode-button-hoverBackground); }
:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
table { border-collapse: collapse; margin: 0.5em 0; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.3em; }
th, td { text-align: left; padding: 3px 10px; border-bottom: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border)); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.overall th, tr.overall td { font-weight: 600; border-top: 2px solid var(--vscode-editorWidget-border, var(--vscode-panel-border)); }
.reason, .who, .note { color: var(--vscode-descriptionForeground); }
ul { list-style: none; padding: 0; margin: 0; }
button.disagreement { display: block; width: 100%; text-align: left; background: none; border: none; color: var(--vscode-textLink-foreground); padding: 2px 4px; cursor: pointer; }
button.disagreement:hover { background: var(--vscode-list-hoverBackground); }
.tag { font-weight: 600; color: var(--vscode-foreground); }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
// What to compute again when VS Code restores the report after a reload.
const saved = document.body.getAttribute('data-state');
if (saved) vscode.setState(JSON.parse(saved));
document.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target.closest('[data-open]') : null;
  if (target) vscode.postMessage({ type: 'open', index: Number(target.getAttribute('data-open')) });
});
document.getElementById('controls').addEventListener('submit', (e) => {
  e.preventDefault();
  vscode.postMessage({ type: 'run', unit: document.getElementById('unit').value, scope: document.getElementById('scope').value });
});
`;

/** The whole page; `page.state`, if given, is what the page saves for its restoration after a reload. */
export function agreementHtml(r: AgreementResult, words: ReportWords, page: { nonce: string; cspSource: string; state?: unknown }): string {
  const csp = `default-src 'none'; img-src ${page.cspSource}; style-src 'nonce-${page.nonce}'; script-src 'nonce-${page.nonce}';`;
  const notes = [
    r.coders.length < 2 ? `<p class="note" id="too-few">${esc(words.tooFewCoders)}</p>` : '',
    words.withoutCoder ? `<p class="note">${esc(words.withoutCoder)}</p>` : '',
    words.unreadable ? `<p class="note">${esc(words.unreadable)}</p>` : '',
  ].join('');
  return `<!DOCTYPE html><html lang="${esc(words.lang)}"><head><meta charset="utf-8">`
    + `<meta http-equiv="Content-Security-Policy" content="${csp}">`
    + `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(words.title)}</title>`
    + `<style nonce="${page.nonce}">${STYLE}</style></head>`
    + `<body data-kamerstukken-view="agreement"${page.state !== undefined ? ` data-state="${esc(JSON.stringify(page.state))}"` : ''}><main><h1>${esc(words.title)}</h1>`
    + `<form id="controls"><label>${esc(words.unitLabel)} <select id="unit">${options(words.units, r.unit)}</select></label>`
    + `<label>${esc(words.scopeLabel)} <select id="scope">${options(words.scopes, r.scope)}</select></label>`
    + `<button type="submit" class="run">${esc(words.refresh)}</button></form>`
    + `<p id="summary">${esc(words.summary)}</p>${notes}`
    + figuresTable(r, words)
    + `<h2 id="disagreements-title">${esc(words.disagreements)} (${esc(words.count(r.disagreements.length))})</h2>`
    + `<section aria-labelledby="disagreements-title">${disagreementList(r, words)}</section>`
    + `</main><script nonce="${page.nonce}">${SCRIPT}</script></body></html>`;
}
