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
  `Aanhangsel\\s+(?:van\\s+de\\s+)?Handelingen(?:\\s+(I{1,2})(?![\\p{L}]))?\\s*,?\\s*(?:vergaderjaar\\s*)?${YEARS}\\s*,?\\s*${NR}`,
  'gu',
);

// Kamerstuk 28 828, nr. 70 | Kamerstukken II 2019/20, 29 984, nr. 899 | Kamerstuk 36 200 VII, nr. 5 | Kamerstuk 31865-207
const KAMERSTUK = new RegExp(
  `Kamerstuk(?:ken)?(?:\\s+(I{1,2})(?![\\p{L}]))?(?:\\s+${YEARS})?\\s*,?\\s*(\\d{2}[ \\u00A0]?\\d{3})(?:[ \\u00A0]+([IVXLC]{1,6}[A-Z]?|[A-Z])(?![\\p{L}]))?(?:\\s*,\\s*${NR}|-(\\d{1,5})(?!\\d))`,
  'gu',
);

const DOCUMENT_NUMBER = /(?<![\p{L}\d])((?:19|20)\d{2})D(\d{5})(?!\d)/gu;
const ZAAK_NUMBER = /(?<![\p{L}\d])((?:19|20)\d{2})Z(\d{5})(?!\d)/gu;
const IDENTIFIER = /(?<![\p{L}\d-])(?:ah-(?:tk|ek)-\d{8}-\d{1,5}|h-(?:tk|ek)-\d{8}-\d{1,4}(?:-\d{1,4})*|kst-\d{4,6}(?:-[A-Z0-9]{1,6}){1,3}|blg-\d{3,8}|stcrt-\d{4}-\d{1,6}|stb-\d{4}-\d{1,6})(?![\p{L}\d])/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'«»\]]+/gu;

/** Finds references to other documents. Spans may not overlap: earlier, more specific kinds win. */
export function findDocRefs(text: string): DocRef[] {
  const found: Array<{ kind: DocRefKind; start: number; end: number; fields: DocRefFields; rank: number }> = [];
  let rank = 0;
  const add = (kind: DocRefKind, start: number, end: number, fields: DocRefFields): void => {
    found.push({ kind, start, end, fields, rank: rank++ });
  };

  for (const m of text.matchAll(URL)) {
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
  for (const m of text.matchAll(IDENTIFIER)) {
    add('identifier', m.index, m.index + m[0].length, { value: m[0] });
  }
  for (const m of text.matchAll(DOCUMENT_NUMBER)) {
    add('documentNumber', m.index, m.index + m[0].length, { value: m[0] });
  }
  for (const m of text.matchAll(ZAAK_NUMBER)) {
    add('zaakNumber', m.index, m.index + m[0].length, { value: m[0] });
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
