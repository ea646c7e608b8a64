// The Corpus view over a corpus longer than a screen (300 question sets): the table draws only the
// rows on screen (src/webview/corpusWindow.ts), yet Home/End and PageDown reach every row, Enter
// opens the last one, sorting orders all of them, and aria-rowcount/aria-rowindex tell where a
// row is.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { questionsText } from '../unit/corpus/texts';
import { folder, waitFor, writeText } from './helpers';
import { APP, tableUntil } from './corpusViewTable';
import { ui, uiBridge } from './ui';

const ROOT = 'corpus-view-long';
const COUNT = 300;
const at = (...parts: string[]): vscode.Uri => vscode.Uri.joinPath(folder(), ROOT, ...parts);
const name = (i: number): string => `zeearend-${String(i).padStart(3, '0')}.txt`;
const control = async (action: string): Promise<unknown> => vscode.commands.executeCommand('kamerstukken.corpusControl', action);

interface Where { rowCount: string | null; focusedIndex: string | null }

const where = async (): Promise<Where> => ui<Where>('webviewEvaluate', {
  marker: APP,
  script: `({ rowCount: document.querySelector('table').getAttribute('aria-rowcount'),
    focusedIndex: document.activeElement?.closest?.('tr')?.getAttribute('aria-rowindex') ?? null })`,
});
const press = async (...keys: string[]): Promise<unknown> => ui('webviewPress', { marker: APP, selector: 'tbody tr[tabindex="0"]', keys });
// The title column's header is narrow when the window is (the other columns have fixed widths): its sort button is pressed, not clicked.
const sortByTitle = async (): Promise<unknown> => ui('webviewPress', { marker: APP, selector: 'th.col-title button', keys: ['Enter'] });


describe('corpus view of a corpus longer than the screen (only the rows on screen drawn)', function () {
  this.timeout(180_000);
  const id = (i: number): string => at(name(i)).toString();

  before(async () => {
    await control('ready');
    for (let i = 0; i < COUNT; i++) {
      await writeText(at(name(i)), questionsText({ subject: `de zeearend ${String(i).padStart(3, '0')}`, submitted: '1 mei 2024' }));
    }
    await control('refresh');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(at(), { recursive: true });
    await control('refresh');
  });

  it('Home, End and PageDown reach every row, Enter opens the last; sorting orders all rows', async function () {
    if (!uiBridge()) this.skip();
    await vscode.commands.executeCommand('kamerstukken.showCorpus');
    await vscode.commands.executeCommand('kamerstukken.corpusViewState');
    await ui('webviewFill', { marker: APP, selector: 'input.search', text: 'zeearend' });
    let t = await tableUntil('the 300 rows', (x) => x.count.startsWith(`${COUNT} `));
    assert.ok(t.rows.length > 0 && t.rows.length < COUNT, `only the rows on screen drawn: ${t.rows.length}`);
    assert.equal((await where()).rowCount, String(COUNT + 1), 'aria-rowcount: the header row and every row');

    // Sorted by title ascending: zeearend 000 … 299.
    await sortByTitle();
    t = await tableUntil('sorted by title', (x) => x.rows[0]?.id === id(0));
    const drawn = t.rows.map((r) => r.id);
    assert.deepEqual(drawn, drawn.map((_, i) => id(i)), 'the drawn rows in order');

    await ui('webviewPress', { marker: APP, selector: 'input.search', keys: ['ArrowDown'] });
    await tableUntil('the first row focused', (x) => x.focused === id(0));
    await press('End');
    await tableUntil('the last row focused', (x) => x.focused === id(COUNT - 1));
    assert.equal((await where()).focusedIndex, String(COUNT + 1), 'aria-rowindex of the last row');
    await press('Home');
    await tableUntil('the first row focused again', (x) => x.focused === id(0));

    // PageDown, page by page, to the last row.
    let at0 = 0;
    for (let n = 0; n < COUNT && at0 < COUNT - 1; n++) {
      await press('PageDown');
      const next = await tableUntil('a page further', (x) => x.focused !== id(at0));
      const now = next.focused ? Number(/zeearend-(\d+)/u.exec(next.focused)?.[1]) : NaN;
      assert.ok(now > at0, `PageDown from ${at0} went to ${now}`);
      at0 = now;
    }
    assert.equal(at0, COUNT - 1);

    // Descending: Home is the last document, End the first; Enter opens the last row.
    await sortByTitle();
    await tableUntil('sorted descending', (x) => x.headers.find((h) => h.column === 'title')?.sort === 'descending');
    await press('Home');
    await tableUntil('Home: the last document', (x) => x.focused === id(COUNT - 1));
    await press('End');
    t = await tableUntil('End: the first document', (x) => x.focused === id(0));
    const ids = t.rows.map((r) => r.id);
    assert.deepEqual(ids, ids.map((_, i) => id(ids.length - 1 - i)), 'the drawn rows at the end, descending');
    await press('Enter');
    await waitFor('the last row\'s document opened', () => vscode.window.activeTextEditor?.document.uri.toString() === id(0));
  });
});
