import type { DocRef, DocRefFields, DocRefKind } from './model';
import { cleanText } from './text';

/** "2023–2024", "2023-2024", "2023/24", "2023 - 2024" → "20232024". */
export function normaliseVergaderjaar(a: string, b: string): string | undefined {
  const y1 = +a;
  let y2 = +b;
  if (b.length === 2) {
    y2 += y1 - (y1 % 100);
    if (y2 < y1) y2 += 100; // 1999/00
  }
  return y2 === y1 + 1 ? `${y1}${y2}` : undefined;
}

const YEARS = '(\\d{4})\\s*[–—\\-/]\\s*(\\d{4}|\\d{2})(?!\\d)';
const NR = '(?:nr\\.?|nummer|no\\.)\\s*(\\d{1,5})(?!\\d)';

const AANHANGSEL = new RegExp(
  `Aanhangsel\\s+(?:van\\s+de\\s+)?Handelingen(?:\\s+(I{1,2})(?![A-Za-z]))?\\s*,?\\s*(?:vergaderjaar\\s*)?${YEARS}\\s*,?\\s*${NR}`,
  'g',
);

// Kamerstuk 28 828, nr. 70 | Kamerstukken II 2019/20, 29 984, nr. 899 | Kamerstuk 36 200 VII, nr. 5 | Kamerstuk 31865-207
const KAMERSTUK = new RegExp(
  `Kamerstuk(?:ken)?(?:\\s+(I{1,2})(?![A-Za-z]))?(?:\\s+${YEARS})?\\s*,?\\s*(\\d{2}[ \\u00A0]?\\d{3})(?:[ \\u00A0]+([IVXLC]{1,6}[A-Z]?|[A-Z])(?![A-Za-z]))?(?:\\s*,\\s*${NR}|-(\\d{1,5})(?!\\d))`,
  'g',
);

/** Document numbers "2023D03702" and zaak numbers "2023Z00142". */
const TK_NUMBER = /(?:19|20)\d\d([DZ])\d{5}(?!\d)/g;
/** Official identifiers: "ah-tk-20222023-1429", "h-tk-20222023-45-6" (the "a" is checked by hand). */
const HANDELINGEN_ID = /h-[te]k-\d{8}-\d{1,5}(?:-\d{1,4})*(?![0-9A-Za-z\u00C0-\u024F])/g;
/** "kst-28828-70", "blg-123456", "stcrt-2023-123", "stb-2023-45". */
const OTHER_ID = /(?:kst-\d{4,6}(?:-[A-Z0-9]{1,6}){1,3}|blg-\d{3,8}|stcrt-\d{4}-\d{1,6}|stb-\d{4}-\d{1,6})(?![0-9A-Za-z\u00C0-\u024F])/g;
const URL = /(?:https?:\/\/|www\.)[^\s<>"'«»\]]+/g;

/** Finds references to other documents. Spans may not overlap: earlier, more specific kinds win. */
export function findDocRefs(text: string): DocRef[] {
  const found: Array<{ kind: DocRefKind; start: number; end: number; fields: DocRefFields; rank: number }> = [];
  let rank = 0;
  const add = (kind: DocRefKind, start: number, end: number, fields: DocRefFields): void => {
    found.push({ kind, start, end, fields, rank: rank++ });
  };

  for (const m of text.matchAll(URL)) {
    if (m.index > 0 && /[\p{L}\d]/u.test(text[m.index - 1])) continue;
    let url = m[0];
    // Trailing punctuation and the footnote back-link arrow are not part of a URL.
    url = url.replace(/(?:↩|\uFE0E|\uFE0F)+$/u, '').replace(/[.,;:!?)]+$/, '');
    if (url.endsWith('(') || url.length < 8) continue;
    const value = url.startsWith('www.') ? `https://${url}` : url;
    add('url', m.index, m.index + url.length, { value });
  }
  for (const m of text.matchAll(AANHANGSEL)) {
    const vj = normaliseVergaderjaar(m[2], m[3]);
    if (!vj) continue;
    add('aanhangsel', m.index, m.index + m[0].length, {
      chamber: m[1] === 'I' ? 'ek' : 'tk',
      vergaderjaar: vj,
      number: m[4],
    });
  }
  for (const m of text.matchAll(KAMERSTUK)) {
    const fields: { -readonly [K in keyof DocRefFields]: DocRefFields[K] } = {
      chamber: m[1] === 'I' ? 'ek' : 'tk',
      dossier: m[4].replace(/[ \u00A0]/g, ''),
      number: m[6] ?? m[7],
    };
    if (m[2] && m[3]) fields.vergaderjaar = normaliseVergaderjaar(m[2], m[3]);
    if (m[5]) fields.part = m[5];
    add('kamerstuk', m.index, m.index + m[0].length, fields);
  }
  const notAfterWord = (i: number): boolean => i === 0 || !/[\p{L}\d-]/u.test(text[i - 1]);
  for (const m of text.matchAll(HANDELINGEN_ID)) {
    const start = m.index > 0 && text[m.index - 1] === 'a' ? m.index - 1 : m.index;
    if (notAfterWord(start)) add('identifier', start, m.index + m[0].length, { value: text.slice(start, m.index + m[0].length) });
  }
  for (const m of text.matchAll(OTHER_ID)) {
    if (notAfterWord(m.index)) add('identifier', m.index, m.index + m[0].length, { value: m[0] });
  }
  for (const m of text.matchAll(TK_NUMBER)) {
    if (m.index > 0 && /[\p{L}\d]/u.test(text[m.index - 1])) continue;
    add(m[1] === 'D' ? 'documentNumber' : 'zaakNumber', m.index, m.index + m[0].length, { value: m[0] });
  }
  // Keep the earliest of overlapping matches; at the same start, the kind found first above.
  found.sort((a, b) => a.start - b.start || a.rank - b.rank);
  const out: DocRef[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd) continue;
    lastEnd = f.end;
    out.push({ kind: f.kind, span: { start: f.start, end: f.end }, text: cleanText(text.slice(f.start, f.end)), fields: f.fields });
  }
  return out;
}
