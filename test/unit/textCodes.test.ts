import * as assert from 'node:assert/strict';
import { hasOddWhitespace, isDigitCode, isLetterOrDigitCode, isRegexSpace, oneLineExcerpt, toIsoDate } from '../../src/core/text';
import { shareBaseNumber } from '../../src/core/numbers';

describe('character-code tests (text.ts)', () => {
  it('isDigitCode is \\d and isLetterOrDigitCode is [\\p{L}\\d], for every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(isDigitCode(c), /\d/u.test(ch), `isDigitCode(${c})`);
      assert.equal(isLetterOrDigitCode(c), /[\p{L}\d]/u.test(ch), `isLetterOrDigitCode(${c})`);
    }
  });
});

describe('hasOddWhitespace', () => {
  /** What it stands for: some whitespace that is not a space, or a space followed by whitespace. */
  const reference = (s: string): boolean => {
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c === 32 ? k + 1 < s.length && isRegexSpace(s.charCodeAt(k + 1)) : isRegexSpace(c)) return true;
    }
    return false;
  };

  it('is the reference for every UTF-16 code unit alone, after a space and between words', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      // Short (a label's) and long (a header's): read by a loop and by a regex.
      const long = 'Vragen van het lid X (VVD) aan de Minister over';
      for (const s of [ch, ` ${ch}`, `${ch} `, `a${ch}b`, `a ${ch}b`, `${long} ${ch}`, `${long}${ch}`, `${ch}${long}`]) {
        assert.equal(hasOddWhitespace(s), reference(s), `${JSON.stringify(s)}`);
      }
    }
    assert.equal(hasOddWhitespace(''), false);
    assert.equal(hasOddWhitespace('Vragen van het lid X (VVD)'), false);
    assert.equal(hasOddWhitespace('Vragen van het\nlid X'), true);
  });

  it('is the reference on strings cut from a longer text', () => {
    const text = `Vraag 1\r\nBent u  bekend\u00a0met het bericht?${' woord'.repeat(20)}\n\nAntwoord 1 `;
    for (let i = 0; i < text.length; i += 3) for (let j = i; j <= text.length; j += 7) assert.equal(hasOddWhitespace(text.slice(i, j)), reference(text.slice(i, j)));
  });
});

describe('toIsoDate', () => {
  it('reads the same date again as before, also cut from a text, and what is no date as nothing', () => {
    const text = 'Vragen van het lid X (ingezonden 8 oktober 2024). Antwoord (ontvangen 18-11-2023) en 2023-2-1';
    for (let round = 0; round < 2; round++) {
      assert.equal(toIsoDate(text.slice(text.indexOf('8 okt'), text.indexOf(').'))), '2024-10-08');
      assert.equal(toIsoDate(text.slice(text.indexOf('18-11'), text.indexOf('18-11') + 10)), '2023-11-18');
      assert.equal(toIsoDate(text.slice(text.length - 8)), '2023-02-01');
      assert.equal(toIsoDate(' 22  November\n2023 '), '2023-11-22');
      assert.equal(toIsoDate('32 oktober 2024'), undefined);
      assert.equal(toIsoDate('ingezonden'), undefined);
    }
  });

  it('reads as the regexes it stands for do, plain dates (by hand) and others', () => {
    const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
    const exact = new RegExp(`^(\\d{1,2})\\s+(${months.join('|')})\\s+(\\d{4})$`);
    const iso = (y: number, m: number, d: number): string | undefined =>
      m < 1 || m > 12 || d < 1 || d > 31 ? undefined : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const reference = (text: string): string | undefined => {
      const t = text.replace(/\s+/gu, ' ').trim().toLowerCase();
      let m = exact.exec(t);
      if (m) return iso(+m[3], months.indexOf(m[2]) + 1, +m[1]);
      m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(t);
      if (m) return iso(+m[1], +m[2], +m[3]);
      m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/u.exec(t);
      return m ? iso(+m[3], +m[2], +m[1]) : undefined;
    };
    const days = ['0', '1', '01', '8', '09', '10', '29', '31', '32', '99', '001', '', 'x'];
    const monthForms = ['oktober', 'Oktober', 'OKTOBER', 'mei', 'MEi', 'o\u212Atober', 'okt', 'oktobers', 'juni', 'december', 'maand'];
    const years = ['2024', '0024', '1999', '202', '20245', '2O24'];
    const gaps = [' ', '  ', '\u00A0', '\n', ''];
    let dates = 0;
    for (const d of days) {
      for (const m of monthForms) {
        for (const y of years) {
          for (const g of gaps) {
            for (const text of [`${d}${g}${m} ${y}`, `${d} ${m}${g}${y}`, ` ${d} ${m} ${y}`, `${d} ${m} ${y}${g}`, `(${d} ${m} ${y})`]) {
              assert.equal(toIsoDate(text), reference(text), JSON.stringify(text));
              if (reference(text) !== undefined) dates++;
            }
          }
        }
      }
    }
    assert.ok(dates > 500);
    for (const text of ['2023-2-1', '2023-02-01', '18-11-2023', '1-1-2024', '2023-13-01', ' 2023-02-01\n', '18 - 11 - 2023']) {
      assert.equal(toIsoDate(text), reference(text), text);
    }
    // Cut from a longer text, as the parser passes them.
    const long = 'Vragen (ingezonden 8 oktober 2024) en (ontvangen 31 December 1999).';
    const cut = (from: string, to: string): string => long.slice(long.indexOf(from), long.indexOf(to, long.indexOf(from)));
    assert.equal(toIsoDate(cut('8 okt', ')')), '2024-10-08');
    assert.equal(toIsoDate(cut('31 Dec', ')')), '1999-12-31');
  });

  it('reads dates right after reading many others', () => {
    for (let i = 0; i < 10_000; i++) toIsoDate(`${i}-1-1`);
    assert.equal(toIsoDate('1 januari 2024'), '2024-01-01');
    assert.equal(toIsoDate('9999-1-1'), '9999-01-01');
  });
});

describe('oneLineExcerpt', () => {
  /** What it stands for: the whole text collapsed, then cut. */
  const reference = (s: string, max: number): string => {
    const one = s.replace(/\s+/gu, ' ').trim();
    return one.length > max ? `${one.slice(0, max - 1)}…` : one;
  };

  it('collapses whitespace, trims, and cuts with "…" only when longer than max', () => {
    assert.equal(oneLineExcerpt('  Vraag 1\r\n\n  Bent u   bekend\tmet ', 80), 'Vraag 1 Bent u bekend met');
    assert.equal(oneLineExcerpt('abcdef', 6), 'abcdef');
    assert.equal(oneLineExcerpt('abcdefg', 6), 'abcde…');
    assert.equal(oneLineExcerpt('ab cd\u00a0\u2028ef', 6), 'ab cd…');
    assert.equal(oneLineExcerpt(' \n\t ', 10), '');
    assert.equal(oneLineExcerpt('', 10), '');
    // Long: decided by the head, or (a head of mostly whitespace) by the whole.
    assert.equal(oneLineExcerpt(`${'woord '.repeat(40)}`, 10), 'woord woo…');
    assert.equal(oneLineExcerpt(`a${' '.repeat(100)}b`, 10), 'a b');
    assert.equal(oneLineExcerpt(`a${' \n'.repeat(30)}bcdefghijklmnop`, 10), 'a bcdefgh…');
  });

  it('is the reference on generated texts of every kind of \\s, at every length around max', () => {
    const pieces = ['a', 'b', 'Vraag', 'é', '😀', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b', '-'];
    let seed = 7;
    const next = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let i = 0; i < 3000; i++) {
      let s = '';
      const parts = next(90);
      for (let p = 0; p < parts; p++) s += pieces[next(pieces.length)];
      const max = 1 + next(30);
      assert.equal(oneLineExcerpt(s, max), reference(s, max), JSON.stringify({ s, max }));
    }
  });
});

describe('shareBaseNumber', () => {
  it('two number lists share a question when a number or its base number is the same', () => {
    assert.equal(shareBaseNumber(['1', '2'], ['2']), true);
    assert.equal(shareBaseNumber(['2l'], ['2']), true);
    assert.equal(shareBaseNumber(['2a'], ['3', '2b']), true);
    assert.equal(shareBaseNumber(['2'], ['12']), false);
    assert.equal(shareBaseNumber(['08'], ['8']), false); // digits as written, as baseNumber
    assert.equal(shareBaseNumber([], ['1']), false);
  });
});
