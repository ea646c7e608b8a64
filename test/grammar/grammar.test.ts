import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { IGrammar } from 'vscode-textmate';
import { grammarJson } from '../../scripts/grammar/buildGrammar';
import { SECTION_HEADINGS } from '../../src/core/vocabulary';
import {
  assertAll,
  assertNone,
  assertSome,
  isAnswerHeading,
  isAnyHeading,
  isQuestionHeading,
  isSectionHeading,
  startsWith,
} from './scopes';
import {
  floorGrammars, KAMERSTUK_SCOPE, kamerstukGrammarPath, loadGrammarObject, loadKamerstukGrammar, repoRoot, tokenizeText, type TokenizedLine,
} from '../../scripts/grammar/textmate';

const seedsDir = join(repoRoot, 'seeds');
const seed = (prefix: string): string => {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(prefix));
  assert.ok(file, `seed ${prefix} missing`);
  return readFileSync(join(seedsDir, file), 'utf8');
};

const isReference = (s: string): boolean => s.startsWith('markup.underline.link') && s.includes('question-reference');
const isDocRef = startsWith('constant.other.reference.document');
const isDate = startsWith('constant.numeric.date');
const isParty = startsWith('entity.name.type.party');
const isFootnoteRef = startsWith('support.constant.footnote-reference');
const isFootnoteMarker = startsWith('constant.numeric.footnote');
const isUrl = startsWith('markup.underline.link.url');
const isQuestionNumber = startsWith('constant.numeric.question-number');

describe('kamerstuk grammar', () => {
  let grammar: IGrammar;
  const tok = (text: string): TokenizedLine[] => tokenizeText(grammar, text);
  const line = (text: string): TokenizedLine => {
    const lines = tok(text);
    assert.equal(lines.length, 1);
    return lines[0];
  };

  before(async () => {
    grammar = await loadKamerstukGrammar();
  });

  describe('packaging', () => {
    it('is the file package.json contributes, with the declared scope name', () => {
      const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
        contributes: { grammars: { language: string; scopeName: string; path: string }[] };
      };
      const g = pkg.contributes.grammars.find((x) => x.language === 'kamerstuk');
      assert.ok(g);
      assert.equal(g.scopeName, KAMERSTUK_SCOPE);
      assert.equal(join(repoRoot, g.path), kamerstukGrammarPath);
      const raw = JSON.parse(readFileSync(kamerstukGrammarPath, 'utf8')) as { scopeName: string };
      assert.equal(raw.scopeName, KAMERSTUK_SCOPE);
    });

    it('is up to date with scripts/grammar/buildGrammar.ts (run `npm run build:grammar`)', () => {
      assert.equal(readFileSync(kamerstukGrammarPath, 'utf8'), grammarJson());
    });
  });

  describe('question and answer labels on their own line', () => {
    const questions = [
      'Vraag 1',
      'Vraag 1 en 2',
      'Vraag 1, 2, 3 en 5',
      'Vragen 3, 4 en 5',
      'Vraag 1 t/m 3',
      'Vraag 12',
      'VRAAG 4',
      'Vraag 3a',
    ];
    for (const q of questions) {
      it(`"${q}" is a question heading`, () => {
        assertAll(line(q), q, isQuestionHeading, 'question heading');
        assertNone(line(q), q, isAnswerHeading, 'answer heading');
      });
    }
    const answers = [
      'Antwoord 1',
      'Antwoord 1 en 2',
      'Antwoord op vraag 1:',
      'Antwoord op vragen 7, 8, en 9',
      'Antwoorden op vraag 3, 4, 5, 9 en 10',
      'Antwoord 6',
      'Antwoord vraag 7',
      'Antwoord 2l',
      'Antwoord op de vragen 2 en 5',
      'ANTWOORD 3',
    ];
    for (const a of answers) {
      it(`"${a}" is an answer heading`, () => {
        assertAll(line(a), a, isAnswerHeading, 'answer heading');
        assertNone(line(a), a, isQuestionHeading, 'question heading');
      });
    }

    it('scopes each number of a label', () => {
      const l = line('Antwoorden op vraag 3, 4, 5, 9 en 10');
      for (const n of ['3', '4', '5', '9', '10']) assertAll(l, ` ${n}`.slice(1), isQuestionNumber, 'question number', 0);
      assertAll(l, '10', isQuestionNumber, 'question number');
      assertAll(l, '10', isAnswerHeading, 'answer heading');
    });

    it('"Vraag van de heer X (VVD):" is a question heading', () => {
      const l = line('Vraag van de heer Van Dijk (VVD):');
      assertAll(l, 'Vraag van de heer Van Dijk (VVD):', isQuestionHeading, 'question heading');
    });

    it('bare "Vraag" / "Antwoord:" lines are headings', () => {
      assertAll(line('Vraag'), 'Vraag', isQuestionHeading, 'question heading');
      assertAll(line('Antwoord:'), 'Antwoord:', isAnswerHeading, 'answer heading');
    });

    for (const [text, label] of [
      [' Vraag 3', 'Vraag 3'],
      ['\tVraag 4', 'Vraag 4'],
      ['   Antwoord 4', 'Antwoord 4'],
      ['## Vraag 5', 'Vraag 5'],
      ['# Antwoord 5', 'Antwoord 5'],
      ['**Vraag 6**', '**Vraag 6**'],
      ['**Antwoord 7:**', '**Antwoord 7:**'],
      ['_Antwoord 6_', '_Antwoord 6_'],
      ['__Vraag 8__', '__Vraag 8__'],
      ['Vraag\u00a01', 'Vraag\u00a01'],
    ] as const) {
      it(`${JSON.stringify(text)}: label with leading blanks or markup`, () => {
        const pred = label.includes('Vraag') ? isQuestionHeading : isAnswerHeading;
        assertAll(line(text), label, pred, 'label heading');
      });
    }

    it('a label followed by text on the same line: only the label is a heading', () => {
      const l = line('Vraag 1: Wat vindt u ervan?');
      assertAll(l, 'Vraag 1:', isQuestionHeading, 'question heading');
      assertNone(l, 'Wat vindt u ervan?', isAnyHeading, 'heading');
    });
  });

  describe('every kind of heading ends where its label ends', () => {
    // The grammar decides the kind of a heading in a look-ahead and consumes it with one pattern for
    // all kinds (scripts/grammar/buildGrammar.ts, kindOf): if the two ever disagreed, a heading would
    // stop short of its label or run into the text after it.
    const kinds: [string, (s: string) => boolean][] = [
      ['Vraag', isQuestionHeading], ['Vragen', isQuestionHeading], ['VRAAG', isQuestionHeading], ['Vraag nr.', isQuestionHeading],
      ['Antwoord', isAnswerHeading], ['Antwoorden op vraag', isAnswerHeading], ['Antwoord op de vragen', isAnswerHeading],
      ['Antwoord vraag', isAnswerHeading], ['ANTWOORD', isAnswerHeading],
    ];
    const numbers = [' 1', ' 1 en 2', ' 1, 2, 3 en 5', ' 3a', ' 1 t/m 3', ' 2l', ' 1, 2, 3, 4, 5, 6, 7, 8, 9 en 10'];
    const marks = ['', '**', '__', '_'];
    const seps = ['', ':', '.', ' :'];
    it('numbered labels, with markup and colons, at a line start and after a sentence', () => {
      for (const [word, pred] of kinds) {
        for (const n of numbers) {
          for (const m of marks) {
            for (const sep of seps) {
              const label = `${m}${word}${n}${sep}${m}`;
              for (const text of [label, `  ${label} Wat vindt u daarvan?`, `Dat klopt. ${label} Wat vindt u daarvan?`]) {
                const l = line(text);
                assertAll(l, label, pred, 'heading');
                const first = /[0-9]+[a-z]?/.exec(n)?.[0] ?? '';
                assertAll(l, ` ${first}`.slice(1), isQuestionNumber, 'question number', 0);
                if (text !== label) assertNone(l, 'Wat vindt u daarvan?', isAnyHeading, 'heading');
              }
            }
          }
        }
      }
    });
    it('bare labels and beslisnota headings, alone on their line', () => {
      for (const [text, pred] of [
        ['Vraag', isQuestionHeading], ['**Antwoord:**', isAnswerHeading], ['_Vraag_', isQuestionHeading],
        ...SECTION_HEADINGS.flatMap((h): [string, (s: string) => boolean][] => [[h, isSectionHeading], [`**${h}:**`, isSectionHeading], [`2. ${h}`, isSectionHeading]]),
      ] as const) {
        const l = line(`# ${text}   `);
        assertAll(l, text, pred, 'heading');
        assertNone(l, '#', isAnyHeading, 'heading');
        const plain = line(`${text} en verder`);
        assertNone(plain, 'en verder', isAnyHeading, 'heading');
      }
    });
  });

  describe('labels in the middle of a line', () => {
    it('glued to a page footer: "...Aanhangsel 1Antwoord 3"', () => {
      const l = line('Tweede Kamer, vergaderjaar 2023-2024, Aanhangsel 1Antwoord 3');
      assertAll(l, 'Antwoord 3', isAnswerHeading, 'answer heading');
      assertNone(l, 'Tweede Kamer, vergaderjaar', isAnyHeading, 'heading');
    });

    it('a whole document on one line: labels after a sentence end', () => {
      const text =
        'Vraag 1 Wat vindt u ervan? Kunt u uw antwoord toelichten?1 Antwoord 1 Een goed functionerende dienst is van belang. ' +
        'Zie het antwoord op vraag 2. Vraag 2 Welke voorbeelden? Antwoord 2 In de brief. Vragen 3 en 4 Kunt u dat? Antwoord op vragen 3 en 4: Ja. **Vraag 5** Nog iets? _Antwoord 5_ Nee.';
      const l = line(text);
      assertAll(l, 'Vraag 1', isQuestionHeading, 'question heading');
      assertAll(l, 'Antwoord 1', isAnswerHeading, 'answer heading');
      assertAll(l, 'Vraag 2', isQuestionHeading, 'question heading');
      assertAll(l, 'Antwoord 2', isAnswerHeading, 'answer heading');
      assertAll(l, 'Vragen 3 en 4', isQuestionHeading, 'question heading');
      assertAll(l, 'Antwoord op vragen 3 en 4:', isAnswerHeading, 'answer heading');
      assertAll(l, '**Vraag 5**', isQuestionHeading, 'question heading');
      assertAll(l, '_Antwoord 5_', isAnswerHeading, 'answer heading');
      // the glued footnote marker before the label
      assertAll(l, '1', isFootnoteRef, 'footnote reference', 1);
      // the cross-reference in between is not a heading (only "vraag 2" is scoped as the reference)
      assertAll(l, 'vraag 2', isReference, 'cross-reference');
      assertNone(l, 'antwoord op vraag 2', isAnyHeading, 'heading');
      // running text is not a heading
      assertNone(l, 'Een goed functionerende dienst', isAnyHeading, 'heading');
      assertNone(l, 'Welke voorbeelden?', isAnyHeading, 'heading');
    });

    it('the seed web page joined into one line keeps every label', () => {
      const text = seed('003').replace(/\s+/g, ' ');
      const l = line(text);
      for (let n = 1; n <= 5; n++) {
        assertAll(l, `Vraag ${n}`, isQuestionHeading, `question heading ${n}`);
        assertAll(l, `Antwoord ${n}`, isAnswerHeading, `answer heading ${n}`);
      }
      assertAll(l, 'Antwoord van', startsWith('keyword.other.header'), 'header keyword');
    });
  });

  describe('traps', () => {
    it('"zie het antwoord op vraag 2" is a cross-reference, not a heading', () => {
      const l = line('Hiervoor zie het antwoord op vraag 2 en de vraag of dat klopt.');
      assertAll(l, 'vraag 2', isReference, 'cross-reference');
      assertNone(l, 'antwoord op vraag 2', isAnyHeading, 'heading');
      assertNone(l, 'vraag of', isAnyHeading, 'heading');
      assertNone(l, 'vraag of', isReference, 'cross-reference');
    });

    it('a lowercase label-like line start (hard wrap) is not a heading', () => {
      const l = tok('Hierbij verwijs ik u ook naar het\nantwoord op vraag 8.')[1];
      assertNone(l, 'antwoord op vraag 8', isAnyHeading, 'heading');
      assertAll(l, 'vraag 8', isReference, 'cross-reference');
    });

    it('"Vraag" without a number inside a sentence is nothing', () => {
      const l = line('Deze Vraag is lastig, en de Vraag of het kan blijft open.');
      assertNone(l, 'Vraag is', isAnyHeading, 'heading');
      assertNone(l, 'Vraag is', isReference, 'cross-reference');
    });

    it('"6 november 2023)." at a line start is a date, not a footnote', () => {
      const l = line('6 november 2023).');
      assertAll(l, '6 november 2023', isDate, 'date');
      assertNone(l, '6', isFootnoteMarker, 'footnote marker');
      assertNone(l, '6', isFootnoteRef, 'footnote reference');
    });

    it('ordinals, decimals, "nr.70" and numbers in text are no footnote markers', () => {
      const l = line('Zij staan op de 11e plaats met 20 zetels, 1.5 procent en nr.70 van 2023.');
      for (const t of ['11e', '20', '1.5', 'nr.70', '2023']) assertNone(l, t, isFootnoteRef, 'footnote reference');
    });

    it('a ministry in parentheses is not a party', () => {
      const l = line('Antwoord van Minister Van Weyenberg (Financiën) (ontvangen 16 februari 2024).');
      assertNone(l, 'Financiën', isParty, 'party');
    });
  });

  describe('beslisnota section headings', () => {
    for (const h of SECTION_HEADINGS) {
      it(`"${h}" alone on a line is a section heading`, () => {
        assertAll(line(h), h, isSectionHeading, 'section heading');
      });
    }
    for (const [text, label] of [
      [' Aanleiding ', 'Aanleiding'],
      ['Kernpunten:', 'Kernpunten:'],
      ['## Toelichting', 'Toelichting'],
      ['**Geadviseerd besluit**', '**Geadviseerd besluit**'],
      ['1. Aanleiding', '1. Aanleiding'],
    ] as const) {
      it(`${JSON.stringify(text)} is a section heading`, () => {
        assertAll(line(text), label, isSectionHeading, 'section heading');
      });
    }
    it('the same words inside a sentence are not', () => {
      const l = line('Aanleiding voor deze nota is de Toelichting van de minister.');
      assertNone(l, 'Aanleiding', isSectionHeading, 'section heading');
      assertNone(l, 'Toelichting', isSectionHeading, 'section heading');
    });
  });

  describe('headers', () => {
    it('"Vragen van het lid ... (ingezonden ...)" over several lines', () => {
      const lines = tok(
        'Vragen van het lid Eerdmans (JA21) aan de Minister-President over\nbijeenkomsten van 22 november 2023 (ingezonden 29 januari 2024).',
      );
      assertAll(lines[0], 'Vragen van het lid', startsWith('keyword.other.header.questions'), 'questions header keyword');
      assertAll(lines[0], 'JA21', isParty, 'party');
      assertAll(lines[1], '(ingezonden 29 januari 2024)', startsWith('meta.submitted'), 'submitted clause');
      assertAll(lines[1], 'ingezonden', startsWith('keyword.other.submitted'), 'submitted keyword');
      assertAll(lines[1], '29 januari 2024', isDate, 'date');
      assertAll(lines[1], '22 november 2023', isDate, 'date');
    });

    it('"Vragen van de leden ..."', () => {
      assertAll(line('Vragen van de leden Kops (PVV) en Bosma (PVV) aan de Minister'), 'Vragen van de leden', startsWith('keyword.other.header.questions'), 'header keyword');
    });

    it('"Antwoord van ... (ontvangen ...)", also wrapped inside the date', () => {
      const lines = tok('Antwoord van Minister Van Weyenberg (Financiën) (ontvangen 16 februari\n2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047.');
      assertAll(lines[0], 'Antwoord van', startsWith('keyword.other.header.answer'), 'answer header keyword');
      assertNone(lines[0], 'Antwoord van', isAnyHeading, 'label heading');
      assertAll(lines[0], '(ontvangen 16 februari', startsWith('meta.submitted'), 'submitted clause');
      assertAll(lines[0], 'ontvangen', startsWith('keyword.other.submitted'), 'submitted keyword');
      assertAll(lines[0], '16 februari', isDate, 'date');
      assertAll(lines[1], 'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047', isDocRef, 'document reference');
    });

    it('a non-breaking space inside the date (as in seed 003)', () => {
      const l = line('(ingezonden 11\u00a0januari 2023).');
      assertAll(l, '11\u00a0januari 2023', isDate, 'date');
    });
  });

  describe('cross-references', () => {
    // Only "vraag/vragen N" is scoped as the reference, not a preceding "antwoord op" (docs/grammar.md, "Narrowed on purpose").
    for (const [text, phrase, ref] of [
      ['Hierbij verwijs ik u naar het antwoord op vraag 8.', 'antwoord op vraag 8', 'vraag 8'],
      ['verwijs ik u ook naar het antwoord op vragen 2, 5 en 8.', 'antwoord op vragen 2, 5 en 8', 'vragen 2, 5 en 8'],
      ['Zie voorts het antwoord op de vragen 2 en 5.', 'antwoord op de vragen 2 en 5', 'vragen 2 en 5'],
      ['Zoals bij vraag 4 gezegd.', 'vraag 4', 'vraag 4'],
      ['Zie de vragen 2 en 5.', 'vragen 2 en 5', 'vragen 2 en 5'],
      ['op de antwoorden op vragen 5 en 8. Deze', 'antwoorden op vragen 5 en 8', 'vragen 5 en 8'],
    ] as const) {
      it(`"${phrase}"`, () => {
        const l = line(text);
        assertAll(l, ref, isReference, 'cross-reference');
        assertNone(l, phrase, isAnyHeading, 'heading');
      });
    }
  });

  describe('document references and identifiers', () => {
    for (const ref of [
      'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047',
      'Aanhangsel van de Handelingen, vergaderjaar 2023-2024, nr. 12',
      'Aanhangsel Handelingen, vergaderjaar 2023/24, nr. 3',
      'Aanhangsel van de Handelingen',
      'Kamerstuk 28 828, nr. 70',
      'Kamerstukken II 2019/20, 29 984, nr. 899',
      'Kamerstuk 36 200 VII, nr. 5',
      'Handelingen II 2022/23, nr. 45, item 12',
    ]) {
      it(`"${ref}"`, () => {
        assertAll(line(`Zie ook ${ref}. En verder.`), ref, isDocRef, 'document reference');
      });
    }
    it('"Kamerstuk" without a number is not a reference', () => {
      assertNone(line('Dit Kamerstuk is lang.'), 'Kamerstuk', isDocRef, 'document reference');
    });
    it('document, zaak and publication identifiers', () => {
      // Publication identifiers are scoped in parentheses only (docs/grammar.md, "Narrowed on purpose").
      const l = line('Nummer: 2023D03702, datum: 2023-02-01, zaak 2023Z00142, versie (ah-tk-20222023-1429) en (kst-28828-70).');
      assertAll(l, '2023D03702', startsWith('constant.other.identifier.document'), 'document number');
      assertAll(l, '2023Z00142', startsWith('constant.other.identifier.zaak'), 'zaak number');
      assertAll(l, 'ah-tk-20222023-1429', startsWith('constant.other.identifier.publication'), 'publication id');
      assertAll(l, 'kst-28828-70', startsWith('constant.other.identifier.publication'), 'publication id');
      assertAll(l, 'Nummer', startsWith('variable.other.metadata-key'), 'metadata key');
      assertAll(l, 'datum', startsWith('variable.other.metadata-key'), 'metadata key');
    });
  });

  describe('dates, parties, footnotes, links, layout', () => {
    it('dates', () => {
      const l = line('Op 22 november 2023, 7 februari 2024, 2023-02-01 en van 18-11-2023 tot 27-11-2023; 3 mrt. 2021.');
      for (const d of ['22 november 2023', '7 februari 2024', '2023-02-01', '18-11-2023', '27-11-2023', '3 mrt. 2021']) assertAll(l, d, isDate, 'date');
    });

    it('party abbreviations in parentheses', () => {
      const parties = ['JA21', 'SP', 'VVD', 'GroenLinks-PvdA', 'CDA', 'D66', 'PVV', 'NSC', 'BBB', 'ChristenUnie', 'SGP', 'DENK', 'PvdD', 'FvD', 'Volt', '50PLUS', 'BIJ1'];
      const l = line(parties.map((p) => `Lid (${p})`).join(', '));
      for (const p of parties) assertAll(l, `(${p})`.slice(1, -1), isParty, `party ${p}`, 0);
      assertAll(l, '(', startsWith('punctuation.definition.party.begin'), 'party punctuation');
    });

    it('footnote markers glued after punctuation', () => {
      const l = line('Kunt u uw antwoord toelichten?1 Het zal goed komen.2 Zo gezegd”3 en klaar.');
      assertAll(l, '1', isFootnoteRef, 'footnote reference');
      assertAll(l, '2', isFootnoteRef, 'footnote reference');
      assertAll(l, '3', isFootnoteRef, 'footnote reference');
    });

    it('footnote lines', () => {
      const l1 = line('  1. https://www.nrc.nl/nieuws/2023/01/10/hoge-ambtenaren-a4153855.↩︎');
      assertAll(l1, '1', isFootnoteMarker, 'footnote marker');
      assertAll(l1, 'https://www.nrc.nl/nieuws/2023/01/10/hoge-ambtenaren-a4153855', isUrl, 'url');
      assertNone(l1, '.↩︎', isUrl, 'url');
      assertAll(l1, '↩︎', startsWith('punctuation.definition.footnote.backlink'), 'back-link');
      const l2 = line('1 https://example.org/x');
      assertAll(l2, '1', isFootnoteMarker, 'footnote marker');
      const l3 = line('2 Kamerstuk 28 828, nr. 70');
      assertAll(l3, '2', isFootnoteMarker, 'footnote marker');
      assertAll(l3, 'Kamerstuk 28 828, nr. 70', isDocRef, 'document reference');
    });

    it('a footnote inside a one-line document', () => {
      const l = line('Ik ben voornemens deze gesprekken te voeren.   1. https://www.nrc.nl/x.↩︎');
      assertAll(l, '1', isFootnoteMarker, 'footnote marker', 0);
      assertAll(l, 'https://www.nrc.nl/x', isUrl, 'url');
    });

    it('URLs', () => {
      const l = line('Zie www.tweedekamer.nl/x?y=1, en (https://a.b/c).');
      assertAll(l, 'www.tweedekamer.nl/x?y=1', isUrl, 'url');
      assertAll(l, 'https://a.b/c', isUrl, 'url');
      assertNone(l, ').', isUrl, 'url');
    });

    it('bullets, page breaks, page headers', () => {
      assertAll(line('• Kern van de beantwoording'), '•', startsWith('keyword.operator.bullet'), 'bullet');
      assertAll(line('- een punt'), '-', startsWith('keyword.operator.bullet'), 'bullet');
      assertAll(line('-----'), '-----', startsWith('comment.line.page-break'), 'page break');
      const h = line('Tweede Kamer der Staten-Generaal 2');
      assertAll(h, 'Tweede Kamer der Staten-Generaal 2', startsWith('comment.line.page-header'), 'page header');
      assertAll(h, '2', startsWith('constant.numeric.page'), 'page number');
      assertAll(line('Vergaderjaar 2022-2023 Aanhangsel van de Handelingen'), 'Vergaderjaar', startsWith('comment.line.page-header'), 'page header');
    });
  });

  describe('the seeds', () => {
    const labelLine = /^\s*(?:Vraag|Vragen|Antwoord)\s+\d/;

    for (const prefix of ['000', '003']) {
      it(`every label line of seed ${prefix} is a heading of the right kind`, () => {
        const lines = tok(seed(prefix));
        const labels = lines.filter((l) => labelLine.test(l.line));
        assert.ok(labels.length >= 10, `expected at least 10 labels in seed ${prefix}, found ${labels.length}`);
        for (const l of labels) {
          const text = l.line.trim();
          assertAll(l, text, text.startsWith('Vraag') ? isQuestionHeading : isAnswerHeading, 'label heading');
        }
        // and no other line has a question/answer heading
        for (const l of lines.filter((x) => !labelLine.test(x.line) && x.line.trim() !== '')) {
          assertNone(l, l.line, (s) => isQuestionHeading(s) || isAnswerHeading(s), 'question/answer heading');
        }
      });
    }

    it('seed 001: every beslisnota heading has the section scope, nothing else does', () => {
      const lines = tok(seed('001'));
      // Not "Datum": a letterhead field the PDF repeats in the margin, inside "Toelichting" (src/core/vocabulary.ts).
      const expected = ['Aanleiding', 'Geadviseerd besluit', 'Kernpunten', 'Toelichting', 'Informatie die niet openbaar gemaakt kan worden'];
      for (const h of expected) {
        const l = lines.find((x) => x.line.trim() === h);
        assert.ok(l, `heading ${h} not in seed 001`);
        assertAll(l, h, isSectionHeading, 'section heading');
      }
      for (const l of lines.filter((x) => !expected.includes(x.line.trim()) && x.line.trim() !== '')) {
        assertNone(l, l.line, isAnyHeading, 'heading');
      }
      const bullets = lines.filter((x) => x.line.startsWith('•'));
      assert.ok(bullets.length >= 4);
      for (const b of bullets) assertAll(b, '•', startsWith('keyword.operator.bullet'), 'bullet');
      assertAll(lines.find((x) => x.line.includes('7 februari 2024'))!, '7 februari 2024', isDate, 'date');
      assertAll(lines.find((x) => x.line.includes('antwoorden op vragen 5 en 8'))!, 'vragen 5 en 8', isReference, 'cross-reference');
    });

    it('seed 000: header, references, cross-references', () => {
      const lines = tok(seed('000'));
      assertAll(lines[0], 'Vragen van het lid', startsWith('keyword.other.header.questions'), 'header');
      assertAll(lines[0], 'JA21', isParty, 'party');
      const ing = lines.find((l) => l.line.includes('(ingezonden'))!;
      assertAll(ing, '29 januari 2024', isDate, 'date');
      const refs = lines.filter((l) => l.line.includes('Aanhangsel Handelingen'));
      assert.ok(refs.length >= 10);
      for (const l of refs) assertSome(l, 'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 10', isDocRef, 'document reference');
      const cross = lines.filter((l) => /antwoord op vra(?:ag|gen) \d/.test(l.line));
      assert.ok(cross.length >= 4);
      for (const l of cross) assertAll(l, /(?<=antwoord op )vra(?:ag|gen) [\d, en]*\d/.exec(l.line)![0], isReference, 'cross-reference');
    });

    it('seed 003: web-page metadata, header, footnote', () => {
      const lines = tok(seed('003'));
      const meta = lines.find((l) => l.line.startsWith('Nummer:'))!;
      assertAll(meta, '2023D03702', startsWith('constant.other.identifier.document'), 'document number');
      assertAll(meta, '2023-02-01', isDate, 'date');
      assertAll(lines.find((l) => l.line.includes('ah-tk-'))!, 'ah-tk-20222023-1429', startsWith('constant.other.identifier.publication'), 'publication id');
      assertAll(lines.find((l) => l.line.includes('2023Z00142'))!, '2023Z00142', startsWith('constant.other.identifier.zaak'), 'zaak number');
      assertAll(lines.find((l) => l.line.startsWith('Tweede Kamer der'))!, 'Tweede Kamer der Staten-Generaal', startsWith('comment.line.page-header'), 'page header');
      const q = lines.find((l) => l.line.startsWith('Vragen van het lid Leijten'))!;
      assertAll(q, 'SP', isParty, 'party');
      assertAll(q, '11\u00a0januari 2023', isDate, 'date');
      const a = lines.find((l) => l.line.startsWith('Antwoord van'))!;
      assertAll(a, 'Antwoord van', startsWith('keyword.other.header.answer'), 'header');
      assertAll(a, '1\u00a0februari 2023', isDate, 'date');
      assertAll(lines.find((l) => l.line.includes('toelichten?1'))!, '1', isFootnoteRef, 'footnote reference', 0);
      const fn = lines.find((l) => l.line.includes('↩'))!;
      assertAll(fn, '1', isFootnoteMarker, 'footnote marker');
      assertSome(fn, 'https://www.nrc.nl', isUrl, 'url');
      assertAll(lines.find((l) => l.line.includes('de vragen 2 en 5'))!, 'vragen 2 en 5', isReference, 'cross-reference');
    });
  });

  describe('benchmark floor grammars (bench/tokenize.ts)', () => {
    // The floor the benchmark prints is only meaningful if these grammars highlight nothing and
    // the never-matching one walks each line with as many regexes as ours.
    it('highlight nothing on the seeds, and the never-matching one has as many top-level regexes as ours', async () => {
      const ours = JSON.parse(readFileSync(kamerstukGrammarPath, 'utf8')) as { patterns: unknown[] };
      const floor = floorGrammars(ours.patterns.length);
      assert.equal(floor.dead.patterns.length, ours.patterns.length);
      assert.equal(floor.none.patterns.length, 0);
      const text = ['000', '001', '003'].map(seed).join('\n');
      for (const raw of [floor.none, floor.dead]) {
        const g = await loadGrammarObject(raw);
        for (const l of tokenizeText(g, text)) {
          for (const t of l.tokens) assert.deepEqual(t.scopes, [raw.scopeName], `${raw.scopeName} scoped ${JSON.stringify(t.text)}`);
        }
      }
    });
  });

  describe('no catastrophic backtracking', () => {
    // The benchmark (bench/tokenize.ts) holds the real target (< 100 ms for 100 KB); this only
    // catches a pattern that has gone super-linear, with room for a slow shared CI machine.
    it('a 100 KB line of seed text tokenizes in well under a second', () => {
      const flat = ['000', '001', '003'].map((p) => seed(p).replace(/\s+/g, ' ')).join(' ');
      let text = '';
      while (text.length < 100 * 1024) text += flat + ' ';
      text = text.slice(0, 100 * 1024);
      line(text.slice(0, 5000)); // compile the regexes first
      const t0 = performance.now();
      const l = line(text);
      const ms = performance.now() - t0;
      assert.ok(l.tokens.length > 1000, `only ${l.tokens.length} tokens`);
      assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
    });

    it('adversarial long lines (digits, dots, label words, brackets) stay fast', () => {
      const bad = [
        'Vraag 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, '.repeat(3000),
        '1.1.1.1.1.1.1.1.'.repeat(6000),
        'antwoord op vragen 1 en 2 en 3 en '.repeat(3000),
        '[a] '.repeat(25000),
        '(ingezonden '.repeat(8000),
        '2023-2024 '.repeat(10000),
        '--- ** __ ## '.repeat(8000),
      ];
      for (const text of bad) {
        const t0 = performance.now();
        line(text);
        const ms = performance.now() - t0;
        assert.ok(ms < 1500, `${JSON.stringify(text.slice(0, 30))}... took ${ms.toFixed(0)} ms`);
      }
    });
  });
});
