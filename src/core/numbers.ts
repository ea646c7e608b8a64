import type { QuestionNumber } from './model';

/** One question number: digits with an optional sub-item letter ("2l"). */
export const NUM_SOURCE = '\\d{1,3}(?:[a-z](?![\\p{L}\\d]))?';

/** The separators between numbers: ",", ", en", "en", "t/m", "tot en met", "-", "–", "&". */
export const SEP_SOURCE = '(?:\\s*,\\s*(?:en\\s+)?|\\s+en\\s+|\\s*(?:t\\/m|tot\\s+en\\s+met|-|–|&)\\s*)';

/** A list of question numbers as written after "Vraag" / "vragen". */
export const NUMLIST_SOURCE = `${NUM_SOURCE}(?:${SEP_SOURCE}${NUM_SOURCE})*`;

const NUMBER_OR_RANGE = new RegExp(`(${NUM_SOURCE})|(t\\/m|tot\\s+en\\s+met|-|–)`, 'gu');

/**
 * Reads a written number list: "1, 2, 3 en 5" → 1, 2, 3, 5; "1 t/m 3" → 1, 2, 3; "2l" → 2l.
 * Ranges are expanded only between plain numbers, and only when short (≤ 200).
 */
export function parseNumberList(written: string): QuestionNumber[] {
  const out: QuestionNumber[] = [];
  const re = NUMBER_OR_RANGE;
  re.lastIndex = 0;
  let pendingRange = false;
  for (let m = re.exec(written); m; m = re.exec(written)) {
    if (m[2]) {
      pendingRange = out.length > 0;
      continue;
    }
    const n = m[1];
    const prev = out[out.length - 1];
    if (pendingRange && prev !== undefined && /^\d+$/.test(prev) && /^\d+$/.test(n)) {
      const a = +prev;
      const b = +n;
      if (b > a && b - a <= 200) {
        for (let i = a + 1; i <= b; i++) pushUnique(out, String(i));
        pendingRange = false;
        continue;
      }
    }
    pendingRange = false;
    pushUnique(out, n);
  }
  return out;
}

function pushUnique(out: QuestionNumber[], n: QuestionNumber): void {
  if (!out.includes(n)) out.push(n);
}

/** The number without its sub-item letter: "2l" → "2". */
export function baseNumber(n: QuestionNumber): string {
  const last = n.charCodeAt(n.length - 1);
  return last >= 97 && last <= 122 ? n.slice(0, -1) : n;
}
