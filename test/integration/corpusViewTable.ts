// Shared by the Corpus view suites (English and Dutch): reading the view's table in its webview.

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
