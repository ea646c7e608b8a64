// Shared by the Corpus view suites (English, Dutch, the long corpus): reading the view's table in its webview.
import * as assert from 'node:assert/strict';
import { waitFor } from './helpers';
import { ui } from './ui';

/** The webview's root element: the marker the UI bridge finds the Corpus view's webview by. */
export const APP = '#kamerstukken-corpus';

/** What the table of the Corpus view shows (read in its webview through the UI bridge). */
export const READ_TABLE = `(() => {
  const app = document.querySelector('#kamerstukken-corpus');
  const col = (el) => [...el.classList].find((c) => c.startsWith('col-'))?.slice(4) ?? '';
  const message = app.querySelector('.message');
  return {
    headers: [...app.querySelectorAll('thead th')].map((th) => ({ column: col(th), text: th.innerText.trim(), sort: th.getAttribute('aria-sort') })),
    rows: [...app.querySelectorAll('tbody tr')].map((tr) => ({ id: tr.dataset.id, cells: Object.fromEntries([...tr.cells].map((td) => [col(td), td.innerText.trim()])) })),
    focused: document.activeElement?.closest?.('tr')?.dataset.id ?? null,
    count: app.querySelector('.count')?.textContent ?? '',
    message: message && !message.hidden ? message.textContent : '',
    options: Object.fromEntries([...app.querySelectorAll('select')].map((s) => [s.dataset.filter, [...s.options].map((o) => o.value)])),
  };
})()`;

/** What READ_TABLE returns. */
export interface Table {
  headers: { column: string; text: string; sort: string }[];
  rows: { id: string; cells: Record<string, string> }[];
  focused: string | null;
  count: string;
  message: string;
  options: Record<string, string[]>;
}

/** The table as the webview shows it now. */
export const table = async (): Promise<Table> => ui<Table>('webviewEvaluate', { marker: APP, script: READ_TABLE });

/** Polls the webview's table until `ok` holds; a failure says what the table last showed. */
export async function tableUntil(what: string, ok: (t: Table) => boolean, timeout = 15_000): Promise<Table> {
  let last: Table | undefined;
  try {
    return await waitFor(what, async () => {
      last = await table();
      return ok(last) ? last : undefined;
    }, timeout);
  } catch (error) {
    assert.fail(`${error instanceof Error ? error.message : String(error)}; focused ${last?.focused}, ${last?.rows.length} rows drawn: ${JSON.stringify(last?.rows.map((r) => r.cells.title))}`);
  }
}
