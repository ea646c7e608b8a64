// An RFC 4180 reader written from the RFC (a state machine, independent of the writer), shared by
// the unit and integration tests of the CSV export. Throws on anything RFC 4180 does not allow.

export function readCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  const fail = (what: string): never => { throw new Error(`${what} at ${i}`); };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') {
        quoted = false; i++;
        if (i < text.length && text[i] !== sep && text[i] !== '\r') fail('text after a closing quote');
        continue;
      }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === '"') fail('a bare quote in an unquoted field');
    if (c === sep) { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    if (c === '\r' || c === '\n') fail('a bare line break in an unquoted field');
    field += c; i++;
  }
  if (quoted) fail('an unterminated quoted field');
  if (field !== '' || row.length > 0) fail('no CRLF after the last row');
  return rows;
}

/** What the CSV writer did to a text field that Excel would run as a formula. */
export function unformula(v: string): string {
  return /^'[=+\-@\t\r]/u.test(v) ? v.slice(1) : v;
}
