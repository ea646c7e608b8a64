/** The Corpus view's cells: one function per column, DOM nodes from a row (text only, never HTML). */
import type { Column, OverviewRow } from '../core/corpus/overviewTable';
import type { ViewWords } from './corpusViewProtocol';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/gu, (m, i: string) => (values[+i] !== undefined ? String(values[+i]) : m));
}

/** "Van der Lee (GroenLinks-PvdA)"; several askers each with their party when the counts agree. */
function askers(row: OverviewRow): string {
  if (row.askedBy.length === 0) return row.parties.join(', ');
  if (row.parties.length === row.askedBy.length) return row.askedBy.map((a, i) => `${a} (${row.parties[i]})`).join(', ');
  return row.parties.length > 0 ? `${row.askedBy.join(', ')} (${row.parties.join(', ')})` : row.askedBy.join(', ');
}

function statusCell(td: HTMLElement, row: OverviewRow, w: ViewWords): void {
  if (!row.status) return;
  const details: string[] = [];
  if (row.due) details.push(fill(w.due, row.due));
  if (row.extensions) details.push(fill(w.extended, row.extensions));
  if (row.daysOverdue) details.push(fill(w.overdue, row.daysOverdue));
  td.append(el('span', `dot status-${row.status}`), el('span', '', w.statuses[row.status]));
  td.title = details.length > 0 ? `${w.statuses[row.status]}: ${details.join(' · ')}` : w.statuses[row.status];
}

function annotationsCell(td: HTMLElement, row: OverviewRow): void {
  if (row.annotations === 0) return;
  td.append(el('span', 'total', String(row.annotations)));
  const tags = Object.entries(row.tags).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [tag, n] of tags) td.append(el('span', 'chip', `${tag} ${n}`));
  td.title = tags.map(([tag, n]) => `${tag}: ${n}`).join('\n');
}

function relatedCell(td: HTMLElement, row: OverviewRow, w: ViewWords): void {
  for (const r of row.related) {
    const a = el('a', 'related', w.kinds[r.kind]);
    a.href = '#';
    a.tabIndex = -1;
    a.dataset.open = r.id;
    a.title = r.file;
    td.append(a);
  }
  // Cells do not wrap: every related file on hover of the cell.
  if (row.related.length > 0) td.title = row.related.map((r) => `${w.kinds[r.kind]}: ${r.file}`).join('\n');
}

/** The cell of `column` for `row`. */
export function cell(row: OverviewRow, column: Column, w: ViewWords): HTMLTableCellElement {
  const td = el('td', `col-${column}`);
  switch (column) {
    case 'kind':
      td.append(el('span', `kind kind-${row.kind}`, w.kinds[row.kind]));
      td.title = w.kinds[row.kind]; // cells do not wrap: the whole word on hover
      break;
    case 'title': {
      // The subject says what a set of questions is about; "Vragen van het lid …" is in the Asked by column.
      const title = row.subject ?? (row.title || row.file);
      td.append(el('span', 'title', title), el('span', 'file', row.file));
      td.title = row.title ? `${row.title}\n${row.file}` : row.file;
      break;
    }
    case 'askedBy':
      td.textContent = askers(row);
      td.title = td.textContent;
      break;
    case 'addressedTo':
      td.textContent = row.addressedTo ?? '';
      td.title = td.textContent;
      break;
    case 'submitted': td.textContent = row.submitted ?? ''; break;
    case 'received': td.textContent = row.received ?? ''; break;
    case 'daysToAnswer': td.textContent = row.daysToAnswer !== undefined ? String(row.daysToAnswer) : ''; break;
    case 'status': statusCell(td, row, w); break;
    case 'questions': td.textContent = row.questions > 0 ? String(row.questions) : ''; break;
    case 'annotations': annotationsCell(td, row); break;
    case 'citedBy': td.textContent = row.citedBy > 0 ? String(row.citedBy) : ''; break;
    case 'related': relatedCell(td, row, w); break;
  }
  return td;
}
